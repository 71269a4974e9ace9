/* dash.c - the dash's own logic: the status line from the log, the
 * cursor, the sort, the views' private state (dash.h) */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/log.h"
#include "base/hkclock.h"
#include "model/news_find.h"
#include "tui/dash.h"
#include "tui/view.h"

const char *const dash_header_indexes[2] = { "HSI", "HSTECH" };

time_t dash_now(const struct dash *d)
{
	return d->fixed_now ? d->fixed_now : hkclock_wall();
}

void dash_status_sync(struct dash *d)
{
	const struct msg *m = msglog_status(&d->log, &d->status_more);

	snprintf(d->status, sizeof d->status, "%s", m->text);
	d->status_error = m->level != MSG_INFO;
	d->dirty |= REDRAW_STATUS;
	if (d->view == &view_messages)
		d->dirty |= REDRAW_BODY;
}

static void vreport(struct dash *d, enum msg_kind kind, enum msg_level level, const char *fmt,
		    va_list ap)
{
	char text[MSG_TEXT_MAX];

	vsnprintf(text, sizeof text, fmt, ap);
	msglog_add(&d->log, dash_now(d), kind, level, text);
	dash_status_sync(d);
	log_debug("%s: %s%s", msglog_kind_names[kind],
		  level == MSG_ERROR ? "error: " : level == MSG_WARN ? "warning: " : "", text);
}

void dash_status(struct dash *d, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(d, MSG_KEY, error ? MSG_ERROR : MSG_INFO, fmt, ap);
	va_end(ap);
}

void dash_report(struct dash *d, enum msg_kind kind, enum msg_level level, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(d, kind, level, fmt, ap);
	va_end(ap);
}

void dash_resolved(struct dash *d, enum msg_kind kind)
{
	msglog_resolve(&d->log, kind);
	dash_status_sync(d);
}

const char *dash_row_name(const struct dash *d, const struct row *r)
{
	return board_row_name(r, d->set.names == NAMES_ZH);
}

void dash_keep_visible(long *sel, long *scroll, long n, int height)
{
	if (height < 1)
		height = 1;
	if (*sel >= n)
		*sel = n - 1;
	if (*sel < 0)
		*sel = 0;
	if (*sel < *scroll)
		*scroll = *sel;
	if (*sel >= *scroll + height)
		*scroll = *sel - height + 1;
	if (*scroll > n - height)
		*scroll = n - height;
	if (*scroll < 0)
		*scroll = 0;
}

void dash_scroll_to_selected(struct dash *d, int height)
{
	dash_keep_visible(&d->selected, &d->scroll, (long)d->board.n, height);
}

/* Re-sort the board; the cursor and the detail view stay on their tickers,
 * wherever those land. */
void dash_resort(struct dash *d)
{
	struct instrument sel, det;
	bool have_sel = d->selected >= 0 && d->selected < (long)d->board.n;
	bool have_det = d->detail_row >= 0 && d->detail_row < (long)d->board.n;

	if (have_sel)
		sel = d->board.rows[d->selected].in;
	if (have_det)
		det = d->board.rows[d->detail_row].in;
	board_sort(&d->board);
	if (have_sel)
		d->selected = board_find(&d->board, &sel);
	if (have_det)
		d->detail_row = board_find(&d->board, &det);
}

bool dash_news_fresh(const struct dash *d, const struct instrument *in)
{
	return d->news.list && news_find_has_fresh(d->news.list, in, dash_now(d), d->set.news_fresh);
}

bool dash_news_is_new(const struct dash *d, size_t k, unsigned long since)
{
	const unsigned long *arrived = d->news.arrived ? *d->news.arrived : NULL;

	return d->news.list && k < d->news.list->n && arrived && arrived[k] > since;
}

void *dash_private(struct dash *d, const struct view_ops *v)
{
	size_t i;

	if (!v->private_size)
		return NULL;
	for (i = 0; i < DASH_VIEWS && d->priv[i].ops; i++)
		if (d->priv[i].ops == v)
			return d->priv[i].state;
	if (i == DASH_VIEWS || !(d->priv[i].state = calloc(1, v->private_size)))
		return NULL;
	d->priv[i].ops = v;
	return d->priv[i].state;
}

void dash_views_done(struct dash *d)
{
	for (size_t i = 0; i < DASH_VIEWS && d->priv[i].ops; i++) {
		if (d->priv[i].ops->done)
			d->priv[i].ops->done(d, d->priv[i].state);
		free(d->priv[i].state);
		d->priv[i].ops = NULL;
		d->priv[i].state = NULL;
	}
}

void dash_prompt_begin(struct dash *d)
{
	prompt_start(&d->prompt); /* its label too */
	d->list_prompt = false;
	d->pos.prompt = false;
}
