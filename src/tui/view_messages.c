/* view_messages.c - every warning and error of the session, newest first
 *
 * Draws the message log (msglog.h): time, source, level and the whole
 * text, wrapped by words under itself. A '*' marks those still open on
 * the status line. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "tui/ui.h"
#include "tui/view.h"
#include "base/fmt.h"
#include "tui/screen.h"

#define TEXT_X 23 /* "*HH:MM:SS source level " */

/* The view's own state (view_ops.private_size): its first message. */
struct messages_state {
	long scroll;
};

static const char *const level_names[] = {
	[MSG_INFO] = "info", [MSG_WARN] = "warn", [MSG_ERROR] = "error",
};

/* One message from row y, at most to row end; returns the next row. */
static int draw_msg(struct dash *dash, WINDOW *w, int y, int end, const struct msg *m)
{
	char hhmmss[16], text[MSG_TEXT_MAX + 32];
	int width = dash->ui->cols - TEXT_X;
	const char *p = text;

	fmt_hkt_time(m->t, hhmmss, sizeof hhmmss);
	if (m->repeat > 1)
		snprintf(text, sizeof text, "%s (%u times)", m->text, m->repeat);
	else
		snprintf(text, sizeof text, "%s", m->text);
	ui_text(w, y, 0, 1, m->open ? "*" : " ", 0, dash->ui->attrs[UI_KEY]);
	ui_text(w, y, 1, 9, hhmmss, 0, dash->ui->attrs[UI_DIM]);
	ui_text(w, y, 10, 7, msglog_kind_names[m->kind], 0, dash->ui->attrs[UI_DIM]);
	ui_text(w, y, 17, 6, level_names[m->level], 0,
		dash->ui->attrs[m->level == MSG_ERROR ? UI_ERROR : UI_STALE]);
	do {
		size_t b = width > 0 ? msglog_break(p, width) : strlen(p);
		char line[MSG_TEXT_MAX + 32];

		if (b == 0)
			b = strlen(p); /* nothing fits: let ui_text cut it */
		snprintf(line, sizeof line, "%.*s", (int)b, p);
		if (p != text)
			ui_text(w, y, 0, TEXT_X, "", 0, A_NORMAL);
		ui_text(w, y++, TEXT_X, width, line, 0, m->open ? A_NORMAL : dash->ui->attrs[UI_DIM]);
		p += b;
		while (*p == ' ')
			p++;
	} while (*p && y < end);
	return y;
}

static void draw(struct dash *dash, WINDOW *w, int top, int height)
{
	int y = top, end = top + height;
	size_t n = msglog_count(&dash->log);
	struct messages_state *st = dash_private(dash, &view_messages);

	ui_clear_row(w, y, 0, dash->ui->cols, dash->ui->attrs[UI_COLHEAD]);
	ui_text(w, y++, 1, dash->ui->cols - 1,
		"Messages, newest first (x dismisses the status line's; Esc goes back)", 0,
		dash->ui->attrs[UI_COLHEAD]);
	if (n == 0 && y < end)
		ui_text(w, y++, 0, dash->ui->cols, "  No warnings or errors this session.", 0,
			dash->ui->attrs[UI_DIM]);
	for (size_t i = st ? (size_t)st->scroll : 0; i < n && y < end; i++)
		y = draw_msg(dash, w, y, end, msglog_at(&dash->log, i));
	if (dash->log.dropped && y < end) {
		char note[64];
		snprintf(note, sizeof note, "  (%lu older ones dropped)", dash->log.dropped);
		ui_text(w, y++, 0, dash->ui->cols, note, 0, dash->ui->attrs[UI_DIM]);
	}
	while (y < end)
		ui_clear_row(w, y++, 0, dash->ui->cols, A_NORMAL);
}

static unsigned action(struct dash *dash, enum action act)
{
	long last = (long)msglog_count(&dash->log) - 1, page = screen_body_height(dash) / 2;
	struct messages_state *st = dash_private(dash, &view_messages);

	if (!st)
		return act == ACT_QUIT || act == ACT_VIEW_MESSAGES ? REACT_BACK : REACT_PASS;

	switch (act) {
	case ACT_MOVE_DOWN:
		st->scroll += st->scroll < last;
		return REACT_REDRAW;
	case ACT_MOVE_UP:
		st->scroll -= st->scroll > 0;
		return REACT_REDRAW;
	case ACT_PAGE_DOWN:
		st->scroll = st->scroll + page < last ? st->scroll + page : last;
		if (st->scroll < 0)
			st->scroll = 0;
		return REACT_REDRAW;
	case ACT_PAGE_UP:
		st->scroll = st->scroll > page ? st->scroll - page : 0;
		return REACT_REDRAW;
	case ACT_FIRST:
		st->scroll = 0;
		return REACT_REDRAW;
	case ACT_LAST:
		st->scroll = last > 0 ? last : 0;
		return REACT_REDRAW;
	case ACT_QUIT:
	case ACT_VIEW_MESSAGES:
		return REACT_BACK;
	default:
		return REACT_PASS;
	}
}

static unsigned open_messages(struct dash *dash)
{
	struct messages_state *st = dash_private(dash, &view_messages);

	if (st)
		st->scroll = 0;
	return REACT_NONE;
}

const struct view_ops view_messages = {
	.name = "messages",
	.private_size = sizeof(struct messages_state),
	.open = open_messages,
	.draw = draw,
	.action = action,
};
