/* view_portfolio.c - the positions held: each one valued at the board's
 * quote, the totals in HKD and USD, the day's contributors, and every lot
 * of the positions file, which +, e and d add, edit and remove
 *
 * Draws only from the dash. The rate and the edits are wants that the
 * portfolio controller (app/portfolio_control.c) carries out. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "tui/screen.h"
#include "tui/ui.h"
#include "tui/view.h"

#define HIDDEN "***"

/* ui_text clipped to the screen: a narrow terminal loses the right of
 * the table, never gets it drawn over its left. */
static void put(const struct dash *d, WINDOW *w, int y, int x, int width, const char *s, int align,
		attr_t a)
{
	if (x >= d->ui->cols)
		return;
	if (width > d->ui->cols - x)
		width = d->ui->cols - x;
	ui_text(w, y, x, width, s, align, a);
}

/* The row quoting in: the list's, else the one fetched for the
 * portfolio (a held symbol off the list shown); NULL: none. */
static const struct row *quote_row(const struct dash *d, const struct instrument *in)
{
	long k = board_find(&d->board, in);

	if (k >= 0)
		return &d->board.rows[k];
	k = board_find(&d->pos.held, in);
	return k >= 0 ? &d->pos.held.rows[k] : NULL;
}

void view_portfolio_value(struct dash *d)
{
	time_t now = dash_now(d);

	for (size_t i = 0; i < d->pos.book.n; i++) {
		struct position *p = &d->pos.book.v[i];
		const struct row *r = quote_row(d, &p->in);

		if (!r)
			position_value(p, NULL, "no quote yet", now);
		else if (!r->have)
			position_value(p, NULL, r->err[0] ? r->err : "no quote yet", now);
		else
			position_value(p, &r->q, NULL, now);
	}
}

/* An amount as the view shows it: its own decimals, a sign on gains
 * when signed, HIDDEN in privacy. */
static void amount(const struct dash *d, struct num n, bool sign, char *buf, size_t len)
{
	buf[0] = '\0';
	if (!n.ok)
		return;
	if (d->pos.privacy)
		snprintf(buf, len, HIDDEN);
	else if (sign)
		fmt_signed(n, "", buf, len);
	else
		fmt_num(n, buf, len);
}

static attr_t dir_attr(const struct dash *d, struct num n)
{
	return d->ui->attrs[n.ok ? ui_dir_color(n.v) : UI_DEFAULT];
}

/* Where each column starts: with quantity and average cost from 97
 * columns, without below. */
struct lay {
	bool wide;
	int name_w, qty_x, avg_x, val_x, day_x, pnl_x, pct_x, note_x;
};

static struct lay layout(int cols)
{
	if (cols >= 97)
		return (struct lay){ true, 22, 24, 35, 47, 61, 74, 88, 97 };
	return (struct lay){ false, 14, 0, 0, 16, 30, 43, 57, 66 };
}

static void figures(struct dash *d, WINDOW *w, int y, const struct lay *l, const char *val,
		    const char *day, struct num dn, const char *pnl, struct num pn, const char *pct,
		    struct num cn)
{
	put(d, w, y, l->val_x, 13, val, 1, A_NORMAL);
	put(d, w, y, l->day_x, 12, day, 1, dir_attr(d, dn));
	put(d, w, y, l->pnl_x, 13, pnl, 1, dir_attr(d, pn));
	put(d, w, y, l->pct_x, 8, pct, 1, dir_attr(d, cn));
}

/* "day of 08-07": the session a day P&L is of, when not today's; short
 * enough for 80 columns (the year is today's or last year's). */
static void day_of(long long session, char *buf, size_t len)
{
	char day[16];

	position_day_text(session, day, sizeof day);
	snprintf(buf, len, "%s%s", session >= 0 ? "day of " : "days differ",
		 session >= 0 ? day + 5 : "");
}

static void line_position(struct dash *d, WINDOW *w, int y, const struct lay *l,
			  const struct position *p)
{
	char name[64], qty[24], avg[32], val[48], day[48], pnl[48], pct[24];
	int cols = d->ui->cols, x = l->note_x;
	const struct row *r = quote_row(d, &p->in);

	snprintf(name, sizeof name, "%s %s", p->in.display, r ? dash_row_name(d, r) : "");
	if (d->pos.privacy)
		snprintf(qty, sizeof qty, HIDDEN);
	else
		snprintf(qty, sizeof qty, "%lld", p->qty);
	fmt_num(p->avg_cost, avg, sizeof avg);
	amount(d, p->value, false, val, sizeof val);
	amount(d, p->day_pnl, true, day, sizeof day);
	amount(d, p->pnl, true, pnl, sizeof pnl);
	fmt_signed(p->pnl_pct, "%", pct, sizeof pct);
	ui_clear_row(w, y, 0, cols, A_NORMAL);
	put(d, w, y, 1, l->name_w, name, 0, A_NORMAL);
	if (l->wide) {
		put(d, w, y, l->qty_x, 10, qty, 1, A_NORMAL);
		put(d, w, y, l->avg_x, 11, avg, 1, A_NORMAL);
	}
	figures(d, w, y, l, val, day, p->day_pnl, pnl, p->pnl, pct, p->pnl_pct);
	if (x < cols) {
		char note[POSITION_ERR_MAX + 64] = "";

		if (!p->valued)
			snprintf(note, sizeof note, "%s", p->why);
		else if (r && r->stale) /* valued at the last good quote */
			snprintf(note, sizeof note, "old quote: %s", r->err);
		else if (p->session >= 0 && !p->today)
			day_of(p->session, note, sizeof note);
		/* A weekend's "day of" must not hide the odd lot all weekend. */
		if (p->valued && p->odd)
			snprintf(note + strlen(note), sizeof note - strlen(note), "%s%lld odd",
				 note[0] ? "; " : "", p->odd);
		put(d, w, y, x + 1, cols - x - 1, note, 0, d->ui->attrs[UI_DIM]);
	}
}

static void line_total(struct dash *d, WINDOW *w, int y, const struct lay *l, const char *label,
		       const struct position_total *t, const char *extra)
{
	char val[48], day[48], pnl[48], pct[24], name[64], note[64], text[160];
	int x = l->val_x;

	snprintf(name, sizeof name, "%s %s", label, t->currency);
	amount(d, t->value, false, val, sizeof val);
	amount(d, t->day_pnl, true, day, sizeof day);
	amount(d, t->pnl, true, pnl, sizeof pnl);
	fmt_signed(t->pnl_pct, "%", pct, sizeof pct);
	ui_clear_row(w, y, 0, d->ui->cols, A_NORMAL);
	put(d, w, y, 1, l->val_x - 2, name, 0, d->ui->attrs[UI_COLHEAD]);
	if (!t->value.ok) {
		put(d, w, y, x, d->ui->cols - x, t->why, 0, d->ui->attrs[UI_DIM]);
		return;
	}
	figures(d, w, y, l, val, day, t->day_pnl, pnl, t->pnl, pct, t->pnl_pct);
	/* A day P&L not all of today's session says so, as a position's does. */
	note[0] = '\0';
	if (t->n && !t->today)
		day_of(t->session, note, sizeof note);
	snprintf(text, sizeof text, "%s%s%s", extra ? extra : "", extra && extra[0] && note[0] ? "; " : "", note);
	if ((x = l->note_x) < d->ui->cols && text[0])
		put(d, w, y, x, d->ui->cols - x, text, 0, d->ui->attrs[UI_DIM]);
}

static int by_day_impact(const void *a, const void *b)
{
	const struct position *p = *(const struct position *const *)a,
			      *q = *(const struct position *const *)b;
	double x = p->day_pnl.ok ? p->day_pnl.v : 0, y = q->day_pnl.ok ? q->day_pnl.v : 0;

	/* USD figures weighed at the peg's middle: an order, never shown. */
	if (!strcmp(p->currency, "USD"))
		x *= 7.8;
	if (!strcmp(q->currency, "USD"))
		y *= 7.8;
	x = x < 0 ? -x : x;
	y = y < 0 ? -y : y;
	return x < y ? 1 : x > y ? -1 : 0;
}

/* "Day: 9988 -160.000  0700 -100.000 ...", the biggest movers first. */
static void line_contributors(struct dash *d, WINDOW *w, int y)
{
	const struct position **v = malloc((d->pos.book.n + 1) * sizeof *v);
	char text[512] = " Day's contributors:";
	size_t n = 0, used = strlen(text);

	ui_clear_row(w, y, 0, d->ui->cols, A_NORMAL);
	if (!v)
		return;
	for (size_t i = 0; i < d->pos.book.n; i++)
		if (d->pos.book.v[i].day_pnl.ok)
			v[n++] = &d->pos.book.v[i];
	qsort(v, n, sizeof *v, by_day_impact);
	for (size_t i = 0; i < n && used < sizeof text - 1; i++) {
		char a[48];

		if (d->pos.privacy) /* the order and the sign say enough */
			snprintf(a, sizeof a, "%s", v[i]->day_pnl.v < 0 ? "-" : "+");
		else
			fmt_signed(v[i]->day_pnl, "", a, sizeof a);
		used += (size_t)snprintf(text + used, sizeof text - used, "  %s %s", v[i]->in.display, a);
	}
	if (!n)
		snprintf(text + used, sizeof text - used, " none yet");
	free(v);
	put(d, w, y, 0, d->ui->cols, text, 0, A_NORMAL);
}

static void draw(struct dash *d, WINDOW *w, int top, int height)
{
	struct position_totals t;
	struct lay l = layout(d->ui->cols);
	char rate[96] = "", err[64], head[4200];
	int y = top, end = top + height, lots_top, rows;
	attr_t colhead = d->ui->attrs[UI_COLHEAD];

	view_portfolio_value(d);
	position_totals(&d->pos.book, d->detail.fx, d->detail.fx_err[0] ? d->detail.fx_err
					     : "fetching USD/HKD...", &t);
	if (t.usdhkd.ok) {
		fmt_num(t.usdhkd, err, sizeof err);
		snprintf(rate, sizeof rate, "USD/HKD %s", err);
	}
	ui_clear_row(w, y, 0, d->ui->cols, colhead);
	put(d, w, y, 1, l.name_w, "POSITION", 0, colhead);
	if (l.wide) {
		put(d, w, y, l.qty_x, 10, "QTY", 1, colhead);
		put(d, w, y, l.avg_x, 11, "AVG COST", 1, colhead);
	}
	put(d, w, y, l.val_x, 13, "VALUE", 1, colhead);
	put(d, w, y, l.day_x, 12, "DAY P&L", 1, colhead);
	put(d, w, y, l.pnl_x, 13, "P&L", 1, colhead);
	put(d, w, y++, l.pct_x, 8, "P&L%", 1, colhead);
	for (size_t i = 0; i < d->pos.book.n && y < end; i++)
		line_position(d, w, y++, &l, &d->pos.book.v[i]);
	if (d->pos.book.n == 0 && y < end) {
		ui_clear_row(w, y, 0, d->ui->cols, A_NORMAL);
		put(d, w, y++, 1, d->ui->cols - 1, "No positions: + adds a lot", 0,
			d->ui->attrs[UI_DIM]);
	}
	if (y < end)
		line_total(d, w, y++, &l, "Total", &t.hkd, NULL);
	if (y < end)
		line_total(d, w, y++, &l, "Total", &t.usd, NULL);
	if (y < end)
		line_total(d, w, y++, &l, "All in", &t.in_hkd, rate);
	if (y < end)
		line_total(d, w, y++, &l, "All in", &t.in_usd, rate);
	position_left_out_text(&t, err, sizeof err);
	if (err[0] && y < end) {
		ui_clear_row(w, y, 0, d->ui->cols, A_NORMAL);
		put(d, w, y++, 1, d->ui->cols - 1, err, 0, d->ui->attrs[UI_STALE]);
	}
	if (y < end)
		line_contributors(d, w, y++);
	if (y < end) {
		snprintf(head, sizeof head, " LOTS of %s   (+ add, e edit, d remove, $ privacy)",
			 d->pos.path[0] ? d->pos.path : "no positions file");
		ui_clear_row(w, y, 0, d->ui->cols, colhead);
		put(d, w, y++, 0, d->ui->cols, head, 0, colhead);
	}
	lots_top = y;
	rows = end - lots_top;
	if (rows > 0)
		dash_keep_visible(&d->pos.sel, &d->pos.scroll, (long)d->pos.nlots, rows);
	for (int i = 0; y < end; i++, y++) {
		long k = d->pos.scroll + i;
		attr_t a = k == d->pos.sel ? A_REVERSE : A_NORMAL;
		char text[POSITION_ERR_MAX];

		ui_clear_row(w, y, 0, d->ui->cols, A_NORMAL);
		if (k >= (long)d->pos.nlots)
			continue;
		if (d->pos.privacy)
			snprintf(text, sizeof text, " %s %s", d->pos.lots[k].in.display, HIDDEN);
		else
			snprintf(text, sizeof text, " %s", d->pos.text[k]);
		put(d, w, y, 0, d->ui->cols, text, 0, a);
	}
}

static unsigned open_view(struct dash *d)
{
	d->pos.want_fx = true;
	return REACT_WANT_DATA;
}

static unsigned want_edit(struct dash *d, const char *old, const char *new_text)
{
	free(d->pos.want_old);
	free(d->pos.want_new);
	d->pos.want_old = old ? strdup(old) : NULL;
	d->pos.want_new = new_text ? strdup(new_text) : NULL;
	d->pos.want_edit = true;
	return REACT_WANT_DATA;
}

static unsigned action(struct dash *d, enum action act)
{
	long n = (long)d->pos.nlots;

	switch (act) {
	case ACT_MOVE_DOWN:
		if (d->pos.sel + 1 < n)
			d->pos.sel++;
		return REACT_REDRAW;
	case ACT_MOVE_UP:
		if (d->pos.sel > 0)
			d->pos.sel--;
		return REACT_REDRAW;
	case ACT_FIRST:
		d->pos.sel = 0;
		return REACT_REDRAW;
	case ACT_LAST:
		d->pos.sel = n ? n - 1 : 0;
		return REACT_REDRAW;
	case ACT_REMOVE:
		if (d->pos.sel < 0 || d->pos.sel >= n)
			return REACT_NONE;
		return want_edit(d, d->pos.text[d->pos.sel], NULL);
	case ACT_EDIT_LOT: {
		const char *s, *hash;
		size_t len;

		if (d->pos.sel < 0 || d->pos.sel >= n)
			return REACT_NONE;
		if (d->pos.privacy) { /* the prompt would show the amounts */
			dash_status(d, true, "Amounts are hidden: $ shows them");
			return REACT_STATUS;
		}
		/* The lot without its note, which the edit keeps. */
		s = d->pos.text[d->pos.sel];
		hash = strchr(s, '#');
		len = hash ? (size_t)(hash - s) : strlen(s);
		while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
			len--;
		while (len && (*s == ' ' || *s == '\t')) {
			s++;
			len--;
		}
		prompt_start(&d->prompt);
		snprintf(d->prompt.buf, sizeof d->prompt.buf, "%.*s", (int)len, s);
		d->pos.prompt = true;
		free(d->pos.edit_old);
		d->pos.edit_old = strdup(d->pos.text[d->pos.sel]);
		return REACT_STATUS;
	}
	default:
		return REACT_PASS;
	}
}

const struct view_ops view_portfolio = {
	.name = "portfolio",
	.open = open_view,
	.draw = draw,
	.action = action,
};
