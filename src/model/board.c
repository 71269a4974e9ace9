/* board.c - rows, stale marks and ordering of the watchlist; no curses here */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/board.h"
#include "model/quote.h"
#include "base/text.h"

static const char *const col_names[COL_COUNT] = {
	"code", "name", "last", "change", "change %", "open", "high", "low",
	"volume", "turnover", "market cap", "time",
	"previous close", "VWAP", "bid", "ask", "P/E", "P/B", "dividend yield",
	"52-week range", "board lot", "sparkline", "quantity", "value", "day P&L", "P&L",
};

const char *const board_col_keys[COL_COUNT + 1] = {
	"code", "name", "last", "chg", "chg%", "open", "high", "low", "vol", "turnover", "cap",
	"time", "prev", "vwap", "bid", "ask", "pe", "pb", "yield", "52w", "lot", "spark",
	"qty", "value", "daypnl", "pnl", NULL,
};

const char *board_col_name(int col)
{
	return col >= 0 && col < COL_COUNT ? col_names[col] : "watchlist order";
}

bool board_cols_parse(const char *text, int order[COL_COUNT], size_t *n, char *err, size_t errlen)
{
	bool seen[COL_COUNT] = { false };
	const char *p = text;

	*n = 0;
	while (*p) {
		size_t len = strcspn(p, " \t,");
		int c;

		if (len == 0) {
			p++;
			continue;
		}
		for (c = 0; c < COL_COUNT; c++)
			if (strlen(board_col_keys[c]) == len && strncmp(p, board_col_keys[c], len) == 0)
				break;
		if (c == COL_COUNT || seen[c]) {
			char word[64];
			snprintf(word, sizeof word, "%.*s", (int)(len < 60 ? len : 60), p);
			text_quote_error(err, errlen, word, c == COL_COUNT ?
					 "not a column (see hktop(1))" : "listed twice");
			return false;
		}
		seen[c] = true;
		order[(*n)++] = c;
		p += len;
	}
	if (*n == 0) {
		text_quote_error(err, errlen, text, "no columns");
		return false;
	}
	return true;
}

void board_cols_format(const int *order, size_t n, char *buf, size_t len)
{
	size_t used = 0;

	if (len)
		buf[0] = '\0';
	for (size_t i = 0; i < n && used < len; i++)
		used += (size_t)snprintf(buf + used, len - used, "%s%s", i ? " " : "",
					 board_col_keys[order[i]]);
}

static bool grow(struct board *b, size_t want)
{
	struct row *r;
	size_t cap = b->cap ? b->cap : 16;

	if (want <= b->cap)
		return true;
	while (cap < want)
		cap *= 2;
	if (!(r = realloc(b->rows, cap * sizeof *r)))
		return false;
	b->rows = r;
	b->cap = cap;
	return true;
}

/* After the rows move (a sort, a removal), record where each now is. */
static void reindex(struct board *b)
{
	symbol_index_clear(&b->index);
	for (size_t i = 0; i < b->n; i++)
		symbol_index_add(&b->index, &b->rows[i].in, i); /* the table has room: it held them */
}

bool board_init(struct board *b, const struct instrument *in, size_t n)
{
	memset(b, 0, sizeof *b);
	b->sort = -1;
	for (size_t i = 0; i < n; i++)
		if (board_find(b, &in[i]) < 0 && !board_add(b, &in[i]))
			return false;
	return true;
}

void board_done(struct board *b)
{
	free(b->rows);
	symbol_index_done(&b->index);
	memset(b, 0, sizeof *b);
}

long board_find(const struct board *b, const struct instrument *in)
{
	return symbol_index_find(&b->index, in);
}

bool board_add(struct board *b, const struct instrument *in)
{
	struct row *r;

	if (!grow(b, b->n + 1))
		return false;
	if (symbol_index_add(&b->index, in, b->n) != (long)b->n)
		return false; /* present already, or out of memory */
	r = &b->rows[b->n++];
	memset(r, 0, sizeof *r);
	r->in = *in;
	r->seq = b->next_seq++;
	return true;
}

bool board_restore(struct board *b, const struct row *r, size_t idx)
{
	if (board_find(b, &r->in) >= 0 || !grow(b, b->n + 1))
		return false;
	if (idx > b->n)
		idx = b->n;
	memmove(&b->rows[idx + 1], &b->rows[idx], (b->n - idx) * sizeof *b->rows);
	b->rows[idx] = *r;
	b->n++;
	reindex(b);
	return board_find(b, &r->in) == (long)idx; /* false: out of memory in the index */
}

size_t board_ticks(const struct board *b)
{
	size_t n = 0;

	for (size_t i = 0; i < b->n; i++)
		n += b->rows[i].tick != 0;
	return n;
}

bool board_clear_ticks(struct board *b)
{
	bool any = board_ticks(b) > 0;

	for (size_t i = 0; i < b->n; i++)
		b->rows[i].tick = 0;
	return any;
}

bool board_remove(struct board *b, size_t idx)
{
	if (idx >= b->n)
		return false;
	memmove(&b->rows[idx], &b->rows[idx + 1], (b->n - idx - 1) * sizeof *b->rows);
	b->n--;
	reindex(b);
	return true;
}

size_t board_apply(struct board *b, const struct quote_result *res, size_t n)
{
	size_t changed = 0;

	for (size_t i = 0; i < n; i++) {
		long k = board_find(b, &res[i].q.in);
		struct row *r;
		bool differs;

		if (k < 0)
			continue; /* removed while the refresh was in flight */
		r = &b->rows[k];
		if (res[i].ok) {
			/* Only a move since the last quote ticks: not the first one. */
			r->tick = 0;
			if (r->have && r->q.f[QF_PRICE].ok && res[i].q.f[QF_PRICE].ok &&
			    r->q.f[QF_PRICE].v != res[i].q.f[QF_PRICE].v)
				r->tick = res[i].q.f[QF_PRICE].v > r->q.f[QF_PRICE].v ? 1 : -1;
			r->tick_from = r->q.f[QF_PRICE];
			/* Most rows of a large board are the same quote again: the
			 * compare is needed anyway, the copy (~900 bytes) is not. */
			differs = !r->have || memcmp(&r->q, &res[i].q, sizeof r->q) != 0;
			if (differs || r->stale || r->err[0])
				changed++;
			if (differs)
				r->q = res[i].q;
			r->have = true;
			r->stale = false;
			r->err[0] = '\0';
		} else {
			if (!r->stale || strcmp(r->err, res[i].err) != 0)
				changed++;
			r->tick = 0;
			r->stale = true;
			snprintf(r->err, sizeof r->err, "%s", res[i].err);
		}
	}
	return changed;
}

const char *board_row_name(const struct row *r, bool zh)
{
	const char *order[4] = {
		r->have ? (zh ? r->q.name : r->q.name_en) : NULL,
		zh ? r->name_zh : r->name_en,
		zh ? r->name_en : r->name_zh,
		r->in.display,
	};

	for (size_t i = 0; i < 4; i++)
		if (order[i] && order[i][0])
			return order[i];
	return "";
}

bool board_col_position(int col)
{
	return col == COL_QTY || col == COL_VALUE || col == COL_DAY_PNL || col == COL_PNL;
}

bool board_col_sortable(int col)
{
	return col >= 0 && col < COL_COUNT && col != COL_SPARK && !board_col_position(col);
}

static bool row_figure(const struct row *r, int col, double *v)
{
	static const enum quote_field fields[COL_COUNT] = {
		[COL_LAST] = QF_PRICE, [COL_CHANGE] = QF_CHANGE, [COL_PCT] = QF_CHANGE_PCT,
		[COL_OPEN] = QF_OPEN, [COL_HIGH] = QF_HIGH, [COL_LOW] = QF_LOW,
		[COL_VOLUME] = QF_VOLUME, [COL_TURNOVER] = QF_TURNOVER, [COL_MCAP] = QF_MARKET_CAP,
		[COL_PREV] = QF_PREV_CLOSE, [COL_VWAP] = QF_VWAP, [COL_BID] = QF_BID,
		[COL_ASK] = QF_ASK, [COL_PE] = QF_PE, [COL_PB] = QF_PB, [COL_YIELD] = QF_DIV_YIELD,
	};
	const struct num *f = r->q.f;

	if (!r->have || !board_col_sortable(col))
		return false;
	switch (col) {
	case COL_TIME:
		*v = (double)r->q.time;
		return r->q.time != 0;
	case COL_LOT:
		*v = (double)r->q.lot_size;
		return r->q.lot_size > 0;
	case COL_52W:
		/* Where the price is in the year's range: 0 at the low, 1 at the high. */
		if (!f[QF_PRICE].ok || !f[QF_LOW_52W].ok || !f[QF_HIGH_52W].ok ||
		    !(f[QF_HIGH_52W].v > f[QF_LOW_52W].v))
			return false;
		*v = (f[QF_PRICE].v - f[QF_LOW_52W].v) / (f[QF_HIGH_52W].v - f[QF_LOW_52W].v);
		return true;
	default:
		break;
	}
	{
		struct num n = quote_hkd_figure(&r->q, fields[col]);
		if (!n.ok)
			return false;
		*v = n.v;
	}
	return true;
}

/* qsort is not stable; ties fall back to the watchlist position. */
static int compare(const void *pa, const void *pb, void *arg)
{
	const struct row *a = pa, *b = pb;
	const struct board *bd = arg;
	int c = 0;

	if (bd->sort == COL_CODE) {
		c = strcmp(a->in.display, b->in.display);
	} else if (bd->sort == COL_NAME) {
		c = strcmp(board_row_name(a, bd->zh), board_row_name(b, bd->zh));
	} else if (bd->sort >= 0) {
		double va = 0, vb = 0;
		bool ha = row_figure(a, bd->sort, &va), hb = row_figure(b, bd->sort, &vb);
		if (ha != hb)
			return ha ? -1 : 1; /* unknown figures last, either direction */
		if (ha)
			c = va < vb ? -1 : va > vb ? 1 : 0;
	}
	if (bd->desc)
		c = -c;
	if (c == 0)
		c = a->seq < b->seq ? -1 : a->seq > b->seq;
	return c;
}

void board_sort(struct board *b)
{
	if (b->n > 1) {
		qsort_r(b->rows, b->n, sizeof *b->rows, compare, b);
		reindex(b);
	}
}

static int by_seq(const void *pa, const void *pb)
{
	const struct row *a = *(const struct row *const *)pa, *b = *(const struct row *const *)pb;

	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

bool board_instruments(const struct board *b, struct instrument **out, size_t *n)
{
	const struct row **order = malloc((b->n ? b->n : 1) * sizeof *order);
	struct instrument *v = malloc((b->n ? b->n : 1) * sizeof *v);
	bool listed = true; /* rows already in the list's order: no sort */

	if (!order || !v) {
		free(order);
		free(v);
		return false;
	}
	for (size_t i = 0; i < b->n; i++) {
		order[i] = &b->rows[i];
		listed = listed && (i == 0 || b->rows[i - 1].seq < b->rows[i].seq);
	}
	if (!listed)
		qsort(order, b->n, sizeof *order, by_seq);
	for (size_t i = 0; i < b->n; i++)
		v[i] = order[i]->in;
	free(order);
	*out = v;
	*n = b->n;
	return true;
}
