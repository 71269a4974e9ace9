/* portfolio_control.c - the positions file for the dashboard: read at
 * start, edited when the portfolio view asks (+, e, d), and USD/HKD for
 * its totals
 *
 * The file is the user's: an edit goes through positions_edit, which
 * reads it again under a lock and changes only the one line, so an edit
 * made meanwhile by hand is kept; then the dash's copy is read again. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "base/hktime.h"
#include "config/positions.h"

static void positions_clear(struct dash_positions *p)
{
	for (size_t i = 0; i < p->nlots; i++)
		free(p->text[i]);
	free(p->text);
	free(p->lots);
	position_book_done(&p->book);
	p->text = NULL;
	p->lots = NULL;
	p->nlots = 0;
}

/* Take the file's lots into the dash; false out of memory. */
static bool take(struct dash_positions *p, struct positions_file *pf)
{
	positions_clear(p);
	if (pf->nlots && !(p->text = calloc(pf->nlots, sizeof *p->text)))
		return false;
	for (size_t i = 0; i < pf->nlots; i++)
		if (!(p->text[i] = strdup(pf->doc.v[pf->line[i]].text))) {
			p->nlots = pf->nlots; /* so clear frees what was copied */
			return false;
		}
	p->nlots = pf->nlots;
	p->lots = pf->lots;
	p->book = pf->book;
	pf->lots = NULL;
	pf->nlots = 0;
	pf->book = (struct position_book){ 0 };
	return true;
}

static long long today(const struct app *app)
{
	return hktime_day(dash_now(&app->dash), HKT_OFFSET);
}

void portfolio_control_load(struct app *app)
{
	struct dash_positions *p = &app->dash.pos;
	struct positions_file pf;
	bool ok = positions_file_open(&pf, app->o->positions_file, today(app));

	snprintf(p->path, sizeof p->path, "%s", pf.path);
	if (!ok)
		dash_report(&app->dash, MSG_CONFIG, MSG_ERROR, "%s", pf.err);
	for (size_t i = 0; i < pf.doc.nbad && i < POSITIONS_BAD_NAMED; i++)
		dash_report(&app->dash, MSG_CONFIG, MSG_WARN, "%s (skipped; kept in the file)",
			    pf.doc.bad[i]);
	if (pf.doc.nbad > POSITIONS_BAD_NAMED)
		dash_report(&app->dash, MSG_CONFIG, MSG_WARN, "%zu more unreadable lines skipped",
			    pf.doc.nbad - POSITIONS_BAD_NAMED);
	if (!take(p, &pf))
		dash_report(&app->dash, MSG_CONFIG, MSG_ERROR, "positions: out of memory");
	positions_file_done(&pf);
	/* A row for each held symbol (old rows keep their quotes). */
	for (size_t i = 0; i < p->book.n; i++)
		if (board_find(&p->held, &p->book.v[i].in) < 0 && !board_add(&p->held, &p->book.v[i].in))
			dash_report(&app->dash, MSG_CONFIG, MSG_ERROR, "positions: out of memory");
	if (p->sel >= (long)p->nlots)
		p->sel = p->nlots ? (long)p->nlots - 1 : 0;
	app->dash.dirty |= REDRAW_BODY;
}

static void apply_edit(struct app *app)
{
	struct dash_positions *p = &app->dash.pos;
	char err[POSITIONS_MSG_MAX], what[POSITIONS_LINE_MAX + 32];

	p->want_edit = false;
	if (!p->path[0]) {
		dash_status(&app->dash, true, "No positions file (no HOME or XDG_CONFIG_HOME)");
		goto out;
	}
	if (!positions_edit(p->path, p->want_old, p->want_new, today(app), err, sizeof err)) {
		dash_status(&app->dash, true, "Lot not saved: %s", err);
		goto out;
	}
	snprintf(what, sizeof what, "%s %s", !p->want_old ? "Added" : p->want_new ? "Changed to" :
		 "Removed", p->want_new ? p->want_new : p->want_old);
	portfolio_control_load(app);
	/* A symbol new to the book gets its quote now, not at the next refresh. */
	for (size_t i = 0; i < p->book.n; i++) {
		long k = board_find(&p->held, &p->book.v[i].in);

		if (board_find(&app->dash.board, &p->book.v[i].in) < 0 && k >= 0 &&
		    !p->held.rows[k].have && !p->held.rows[k].stale) {
			refresh_start(app);
			break;
		}
	}
	dash_status(&app->dash, false, "%s", what); /* after the refresh's own word */
out:
	free(p->want_old);
	free(p->want_new);
	p->want_old = p->want_new = NULL;
	app->dash.dirty |= REDRAW_ALL;
}

void portfolio_control_reconcile(struct app *app)
{
	struct dash_positions *p = &app->dash.pos;

	if (p->want_edit)
		apply_edit(app);
	if (p->want_fx) {
		p->want_fx = false;
		detail_control_fx(app);
	}
}

bool portfolio_control_wanted(struct app *app, struct instrument **v, size_t *n)
{
	const struct position_book *b = &app->dash.pos.book;
	size_t listed = *n;
	struct instrument *grown;

	if (!b->n)
		return true;
	if (!(grown = realloc(*v, (*n + b->n) * sizeof *grown)))
		return false;
	*v = grown;
	for (size_t i = 0; i < b->n; i++)
		refresh_want(app, grown, listed, n, &b->v[i].in);
	return true;
}

void portfolio_control_quotes(struct app *app, const struct quote_result *res, size_t n)
{
	board_apply(&app->dash.pos.held, res, n);
}

void portfolio_control_submit(struct app *app, const char *line)
{
	struct dash_positions *p = &app->dash.pos;

	p->prompt = false;
	if (!line[0]) {
		free(p->edit_old);
		p->edit_old = NULL;
		return;
	}
	free(p->want_old);
	free(p->want_new);
	p->want_old = p->edit_old;
	p->edit_old = NULL;
	p->want_new = strdup(line);
	p->want_edit = true;
	apply_edit(app);
}

void portfolio_control_done(struct app *app)
{
	struct dash_positions *p = &app->dash.pos;

	positions_clear(p);
	board_done(&p->held);
	free(p->edit_old);
	free(p->want_old);
	free(p->want_new);
	p->edit_old = p->want_old = p->want_new = NULL;
}
