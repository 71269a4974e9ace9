/* view_messages.c - every warning and error of the session, newest first
 *
 * Draws the message log (msglog.h): time, source, level and the whole
 * text, wrapped by words under itself. A '*' marks those still open on
 * the status line. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "base/fmt.h"
#include "tui/screen.h"

#define TEXT_X 23 /* "*HH:MM:SS source level " */

static const char *const level_names[] = {
	[MSG_INFO] = "info", [MSG_WARN] = "warn", [MSG_ERROR] = "error",
};

/* One message from row y, at most to row end; returns the next row. */
static int draw_msg(struct app *app, WINDOW *w, int y, int end, const struct msg *m)
{
	char hhmmss[16], text[MSG_TEXT_MAX + 32];
	int width = app->ui.cols - TEXT_X;
	const char *p = text;

	fmt_hkt_time(m->t, hhmmss, sizeof hhmmss);
	if (m->repeat > 1)
		snprintf(text, sizeof text, "%s (%u times)", m->text, m->repeat);
	else
		snprintf(text, sizeof text, "%s", m->text);
	ui_text(w, y, 0, 1, m->open ? "*" : " ", 0, app->ui.attrs[UI_KEY]);
	ui_text(w, y, 1, 9, hhmmss, 0, app->ui.attrs[UI_DIM]);
	ui_text(w, y, 10, 7, msg_kind_names[m->kind], 0, app->ui.attrs[UI_DIM]);
	ui_text(w, y, 17, 6, level_names[m->level], 0,
		app->ui.attrs[m->level == MSG_ERROR ? UI_ERROR : UI_STALE]);
	do {
		size_t b = width > 0 ? msg_break(p, width) : strlen(p);
		char line[MSG_TEXT_MAX + 32];

		if (b == 0)
			b = strlen(p); /* nothing fits: let ui_text cut it */
		snprintf(line, sizeof line, "%.*s", (int)b, p);
		if (p != text)
			ui_text(w, y, 0, TEXT_X, "", 0, A_NORMAL);
		ui_text(w, y++, TEXT_X, width, line, 0, m->open ? A_NORMAL : app->ui.attrs[UI_DIM]);
		p += b;
		while (*p == ' ')
			p++;
	} while (*p && y < end);
	return y;
}

static void draw(struct app *app, WINDOW *w, int top, int height)
{
	int y = top, end = top + height;
	size_t n = msglog_count(&app->log);

	ui_clear_row(w, y, 0, app->ui.cols, app->ui.attrs[UI_COLHEAD]);
	ui_text(w, y++, 1, app->ui.cols - 1,
		"Messages, newest first (x dismisses the status line's; Esc goes back)", 0,
		app->ui.attrs[UI_COLHEAD]);
	if (n == 0 && y < end)
		ui_text(w, y++, 0, app->ui.cols, "  No warnings or errors this session.", 0,
			app->ui.attrs[UI_DIM]);
	for (size_t i = (size_t)app->msg_scroll; i < n && y < end; i++)
		y = draw_msg(app, w, y, end, msglog_at(&app->log, i));
	if (app->log.dropped && y < end) {
		char note[64];
		snprintf(note, sizeof note, "  (%lu older ones dropped)", app->log.dropped);
		ui_text(w, y++, 0, app->ui.cols, note, 0, app->ui.attrs[UI_DIM]);
	}
	while (y < end)
		ui_clear_row(w, y++, 0, app->ui.cols, A_NORMAL);
}

static unsigned action(struct app *app, enum action act)
{
	long last = (long)msglog_count(&app->log) - 1, page = screen_body_height(app) / 2;

	switch (act) {
	case ACT_MOVE_DOWN:
		app->msg_scroll += app->msg_scroll < last;
		return REACT_REDRAW;
	case ACT_MOVE_UP:
		app->msg_scroll -= app->msg_scroll > 0;
		return REACT_REDRAW;
	case ACT_PAGE_DOWN:
		app->msg_scroll = app->msg_scroll + page < last ? app->msg_scroll + page : last;
		if (app->msg_scroll < 0)
			app->msg_scroll = 0;
		return REACT_REDRAW;
	case ACT_PAGE_UP:
		app->msg_scroll = app->msg_scroll > page ? app->msg_scroll - page : 0;
		return REACT_REDRAW;
	case ACT_FIRST:
		app->msg_scroll = 0;
		return REACT_REDRAW;
	case ACT_LAST:
		app->msg_scroll = last > 0 ? last : 0;
		return REACT_REDRAW;
	case ACT_QUIT:
	case ACT_VIEW_MESSAGES:
		return REACT_BACK;
	default:
		return REACT_PASS;
	}
}

static void open_messages(struct app *app)
{
	app->msg_scroll = 0;
}

const struct view_ops view_messages = {
	.name = "messages",
	.letter = 'M',
	.open = open_messages,
	.draw = draw,
	.action = action,
};
