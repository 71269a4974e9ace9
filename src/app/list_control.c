/* list_control.c - the named watchlists on screen: v shows the next, V
 * opens a prompt that shows one by name or makes, renames or removes one
 *
 * The board holds the list shown; the others wait in the run's lists
 * (config/state.h) with their edits, each saved in its own file. The
 * heatmap and the rally board draw the board, so they follow. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "config/state.h"

/* The header's name and V's list of names, after any change. */
static void describe(struct app *app)
{
	struct state_lists *ls = app->lists;
	size_t used = 0;
	char *out = app->dash.list_names;
	size_t cap = sizeof app->dash.list_names;

	app->dash.list_name[0] = out[0] = '\0';
	if (!ls)
		return;
	if (ls->n > 1 || ls->cur != 0)
		snprintf(app->dash.list_name, sizeof app->dash.list_name, "%s", ls->v[ls->cur].name);
	for (size_t i = 0; i < ls->n && used + 1 < cap; i++) {
		int w = snprintf(out + used, cap - used, i == ls->cur ? "[%s] " : "%s ",
				 ls->v[i].name);

		used = w < 0 || used + (size_t)w >= cap ? cap - 1 : used + (size_t)w;
	}
	snprintf(out + used, cap - used, "| NAME  new NAME  rename NAME  remove NAME");
	app->dash.dirty |= REDRAW_HEADER | REDRAW_STATUS;
}

void list_control_init(struct app *app)
{
	describe(app);
}

/* Put list k on the board: the one shown keeps its rows (edits and all)
 * in the run's lists; the sort stays, the cursor goes to the top. */
static bool show(struct app *app, size_t k)
{
	struct state_lists *ls = app->lists;
	struct instrument *now;
	struct board b;
	size_t n;
	char err[STATE_MSG_MAX] = "";
	bool remembered;

	if (!board_instruments(&app->dash.board, &now, &n)) {
		dash_status(&app->dash, true, "out of memory");
		return false;
	}
	/* First: the list shown keeps its rows (k may be that list). */
	remembered = state_lists_show(ls, k, now, n, err, sizeof err);
	free(now);
	if (!board_init(&b, ls->v[k].v, ls->v[k].n)) {
		dash_status(&app->dash, true, "out of memory");
		return false;
	}
	b.sort = app->dash.board.sort;
	b.desc = app->dash.board.desc;
	b.zh = app->dash.board.zh;
	board_done(&app->dash.board);
	app->dash.board = b;
	board_sort(&app->dash.board);
	app->saved = &ls->v[k];
	app->dash.unsaved = &app->saved->unsaved;
	app->dash.selected = app->dash.scroll = app->dash.detail_row = 0;
	app->dash.rally.nfirst = 0; /* rows of the other list, until drawn again */
	/* The detail view showed a row of the other list. */
	if (app->dash.view == &view_detail) {
		app->dash.view = &view_watchlist;
		app->dash.back = NULL;
	}
	refresh_name_rows(app);
	describe(app);
	if (remembered)
		dash_status(&app->dash, false, "List %s: %zu symbols (%zu of %zu lists)",
			    ls->v[k].name, ls->v[k].n, k + 1, ls->n);
	else
		dash_report(&app->dash, MSG_STATE, MSG_WARN, "List %s; not remembered: %s",
			    ls->v[k].name, err);
	app->dash.dirty |= REDRAW_ALL | REDRAW_CLEAR;
	app->failures = 0;
	refresh_start(app);
	return true;
}

void list_control_next(struct app *app)
{
	struct state_lists *ls = app->lists;

	if (!ls || ls->n < 2) {
		dash_status(&app->dash, false, "One list (main): V then \"new NAME\" makes another");
		return;
	}
	show(app, (ls->cur + 1) % ls->n);
}

void list_control_prompt(struct app *app)
{
	if (!app->lists) {
		dash_status(&app->dash, true, "no lists in this run");
		return;
	}
	describe(app);
	dash_prompt_begin(&app->dash);
	app->dash.list_prompt = true;
}

void list_control_complete(struct app *app)
{
	struct prompt *p = &app->dash.prompt;
	struct state_lists *ls = app->lists;
	const char *word;
	size_t match[LISTS_MAX], n = 0, head;

	if (!ls)
		return;
	/* Tab again cycles through the names that match what was typed. */
	if (p->cycle == 0)
		memcpy(p->typed, p->buf, sizeof p->typed);
	/* The name being typed: after a command word, or the whole text. */
	word = strrchr(p->typed, ' ');
	word = word ? word + 1 : p->typed;
	head = (size_t)(word - p->typed);
	for (size_t i = 0; i < ls->n && n < LISTS_MAX; i++)
		if (strncmp(ls->v[i].name, word, strlen(word)) == 0)
			match[n++] = i;
	if (n == 0)
		return;
	snprintf(p->buf, sizeof p->buf, "%.*s%s", (int)head, p->typed,
		 ls->v[match[(size_t)p->cycle % n]].name);
	p->cycle++;
}

/* "new NAME", "rename NAME", "remove NAME": the word and the name. */
static const char *command(const char *text, const char *word)
{
	size_t wl = strlen(word);

	if (strncmp(text, word, wl) != 0 || text[wl] != ' ')
		return NULL;
	text += wl;
	while (*text == ' ')
		text++;
	return text;
}

void list_control_submit(struct app *app, const char *text)
{
	struct state_lists *ls = app->lists;
	const char *name;
	char err[STATE_MSG_MAX], names[256];
	long k;

	app->dash.list_prompt = false;
	while (*text == ' ')
		text++;
	if (!ls || !*text)
		return;
	if ((name = command(text, "new"))) {
		if (!state_lists_create(ls, name, err, sizeof err)) {
			dash_status(&app->dash, true, "new list: %s", err);
			return;
		}
		show(app, ls->n - 1);
		if (err[0])
			dash_report(&app->dash, MSG_STATE, MSG_ERROR, "New list %s; not saved: %s",
				    name, err);
		else
			dash_status(&app->dash, false, "New list %s: press / to add symbols", name);
	} else if ((name = command(text, "rename"))) {
		char old[sizeof ls->v[0].name];

		snprintf(old, sizeof old, "%s", ls->v[ls->cur].name);
		if (!state_lists_rename(ls, ls->cur, name, err, sizeof err)) {
			dash_status(&app->dash, true, "rename: %s", err);
			return;
		}
		show(app, ls->cur); /* remembered by its new name */
		dash_status(&app->dash, false, "List %s renamed %s", old, name);
	} else if ((name = command(text, "remove"))) {
		if ((k = state_lists_find(ls, name)) < 0) {
			dash_status(&app->dash, true, "remove: no list called %.*s", 64, name);
			return;
		}
		if (!state_lists_changeable(ls, (size_t)k, "removed", err, sizeof err)) {
			dash_status(&app->dash, true, "remove: %s", err);
			return;
		}
		/* The list shown goes: main takes its place first. */
		if ((size_t)k == ls->cur && !show(app, 0))
			return;
		if (!state_lists_remove(ls, (size_t)k, err, sizeof err)) {
			dash_status(&app->dash, true, "remove: %s", err);
			return;
		}
		describe(app);
		dash_status(&app->dash, false, "List %s removed", name);
	} else if ((k = state_lists_find(ls, text)) >= 0) {
		show(app, (size_t)k);
	} else {
		state_lists_names(ls, names, sizeof names);
		if (!lists_name_check(text, strlen(text), err, sizeof err))
			dash_status(&app->dash, true, "%s", err);
		else
			dash_status(&app->dash, true,
				    "no list called %s (lists: %s); \"new %s\" makes it", text,
				    names, text);
	}
}
