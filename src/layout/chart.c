/* chart.c - a price chart as a grid of text cells, drawn without curses: the plot
 *
 * Bars are placed by time on a 1D session axis (chart_axis.c) or, for
 * longer ranges, by index, so a half-traded week fills the width. Either
 * way a break in trading (HK lunch, overnight) takes one blank column and
 * is never bridged by the line. In Unicode a cell holds 2 x 4 braille dots
 * for the line, 2 half-cells for candles and 8 eighths for volume; in
 * ASCII, 3 sub-rows for the line and whole cells for the rest. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/chart.h"
#include "layout/chart_ctx.h"
#include "base/fmt.h"
#include "base/text.h"

#define MIN_PLOT 8        /* fewer columns of bars: no price axis */
#define MAX_VOLUME_ROWS 4

static const char *const ascii_line[3] = { "`", "-", "_" };
static const char *const eighths[9] = { " ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
/* [top half][bottom half]: 0 nothing, 1 wick, 2 body */
static const char *const candle_glyph[3][3] = {
	{ " ", "╷", "▄" }, { "╵", "│", "▄" }, { "▀", "▀", "█" },
};

/* U+2800 + dot bits, as UTF-8 */
static void braille(unsigned bits, char u[4])
{
	u[text_utf8_encode(0x2800 + (bits & 0xff), u)] = '\0';
}

static struct chart_cell *cell(struct chart *c, int x, int y)
{
	return &c->cells[(size_t)y * (size_t)c->width + (size_t)x];
}

static void put(struct chart *c, int x, int y, const char *s, enum chart_tag tag)
{
	struct chart_cell *p;

	if (x < 0 || y < 0 || x >= c->width || y >= c->height)
		return;
	p = cell(c, x, y);
	snprintf(p->s, sizeof p->s, "%s", s);
	p->tag = (unsigned char)tag;
}

void chart_put_text(struct chart *c, int x, int y, const char *s, enum chart_tag tag)
{
	char ch[2] = { 0, 0 };

	for (; *s; s++, x++) {
		ch[0] = *s; /* labels are ASCII */
		put(c, x, y, ch, tag);
	}
}

static bool blank(const struct chart *c, int x, int y)
{
	return c->cells[(size_t)y * (size_t)c->width + (size_t)x].tag == CHART_BLANK;
}

static enum chart_tag direction(double v, double ref)
{
	double eps = 1e-9 * fabs(ref);

	return v > ref + eps ? CHART_UP : v < ref - eps ? CHART_DOWN : CHART_FLAT;
}

/* The sub-row of a price: 0 at the top. */
int chart_ypix(const struct chart_ctx *k, double v)
{
	int rows = k->c->price_rows * k->yres;
	double f = k->flat ? (rows - 1) / 2.0 : (k->hi - v) / (k->hi - k->lo) * (rows - 1);
	long y = isfinite(f) ? lround(f) : 0;

	return y < 0 ? 0 : y >= rows ? rows - 1 : (int)y;
}

void chart_price_label(const struct chart_ctx *k, double v, char *buf, size_t len)
{
	struct num n = { v, (signed char)k->s->dp, true };

	num_format(n, buf, len);
}

/* ---- layout ------------------------------------------------------------- */

static void price_range(struct chart_ctx *k)
{
	const struct series *s = k->s;
	double unit = pow(10, -s->dp);
	bool line = k->o->mode == CHART_LINE;

	k->hi = -INFINITY;
	k->lo = INFINITY;
	for (size_t i = 0; i < s->n; i++) {
		double h = line ? s->v[i].close.v : s->v[i].high.v;
		double l = line ? s->v[i].close.v : s->v[i].low.v;
		k->hi = h > k->hi ? h : k->hi;
		k->lo = l < k->lo ? l : k->lo;
	}
	if (k->prev.ok) {
		k->hi = k->prev.v > k->hi ? k->prev.v : k->hi;
		k->lo = k->prev.v < k->lo ? k->prev.v : k->lo;
	}
	if (k->hi - k->lo < unit / 2) {
		/* A unit of the last decimal, or, where a double's own steps are
		 * coarser (1e15 + 0.01 is 1e15), a few of those steps: the range
		 * must not stay empty, the scale divides by it. */
		double pad = fmax(unit, fabs(k->hi) * 0x1p-50);
		k->hi += pad;
		k->lo -= pad;
	}
	if (!(k->hi - k->lo > 0 && isfinite(k->hi - k->lo))) {
		/* Prices near the top of a double: no room to pad. Draw at one
		 * level rather than divide by zero or infinity. */
		k->lo = k->hi - 1;
		k->flat = true;
	}
}

static void rows_and_columns(struct chart_ctx *k)
{
	struct chart *c = k->c;
	char a[LABEL_MAX], b[LABEL_MAX], p[LABEL_MAX] = "";
	int rows = c->height, axis;
	bool volume = false;

	for (size_t i = 0; i < k->s->n && !volume; i++)
		volume = k->s->v[i].volume.ok && k->s->v[i].volume.v > 0;
	c->time_row = rows >= 3 ? --rows : -1;
	c->volume_rows = 0;
	if (volume && rows >= 6) {
		c->volume_rows = rows / 5 > MAX_VOLUME_ROWS ? MAX_VOLUME_ROWS : rows / 5;
		rows -= c->volume_rows;
	}
	c->price_rows = rows;
	chart_price_label(k, k->hi, a, sizeof a);
	chart_price_label(k, k->lo, b, sizeof b);
	if (k->prev.ok)
		num_format(k->prev, p, sizeof p);
	axis = 1 + (int)(strlen(a) > strlen(b) ? strlen(a) : strlen(b));
	if ((int)strlen(p) + 1 > axis)
		axis = (int)strlen(p) + 1;
	c->plot_width = c->width >= axis + MIN_PLOT ? c->width - axis : c->width;
}

/* Give each run of bars between breaks its share of the columns, one blank
 * column between runs, and each bar its sub-column within its run. With
 * too few columns the breaks get none. */
static void place_bars(struct chart_ctx *k)
{
	const struct series *s = k->s;
	size_t n = s->n, nseg = 1, b0 = 0, seg = 0;
	int avail, gapw = 1;
	bool again = true;

	for (size_t i = 1; i < n; i++)
		nseg += series_gap_before(s, i);
	while (again) {
		again = false;
		avail = k->c->plot_width - (int)(nseg - 1) * gapw;
		if (avail < (int)nseg) {
			gapw = 0;
			avail = k->c->plot_width;
		}
		b0 = 0;
		seg = 0;
		for (size_t i = 1; i <= n; i++) {
			size_t m = i - b0, w;
			int cs, ce;

			if (i < n && !series_gap_before(s, i))
				continue;
			cs = (int)(b0 * (size_t)avail / n) + (int)seg * gapw;
			ce = (int)(i * (size_t)avail / n) + (int)seg * gapw;
			if (ce <= cs) {
				if (gapw) {
					gapw = 0;
					again = true;
					break;
				}
				ce = cs + 1;
			}
			w = (size_t)(ce - cs) * (size_t)k->xres;
			for (size_t j = 0; j < m; j++) {
				k->px[b0 + j] = cs * k->xres + (m == 1 ? 0 : (int)(j * (w - 1) / (m - 1)));
			}
			b0 = i;
			seg++;
		}
	}
}

/* ---- drawing ------------------------------------------------------------ */

static void draw_prev_close(struct chart_ctx *k)
{
	struct chart *c = k->c;
	int y, row;

	if (!k->prev.ok)
		return;
	y = chart_ypix(k, k->prev.v);
	row = y / k->yres;
	for (int x = 0; x < c->plot_width; x++) {
		if (k->o->glyphs == CHART_ASCII) {
			if (x % 2 == 0)
				put(c, x, row, ".", CHART_PREV_CLOSE);
		} else if (k->o->mode == CHART_CANDLES) {
			put(c, x, row, "┈", CHART_PREV_CLOSE);
		} else {
			/* one braille dot on the left of each cell: a dotted line */
			static const unsigned char left[4] = { 0x01, 0x02, 0x04, 0x40 };
			char u[4];

			braille(left[y % 4], u);
			put(c, x, row, u, CHART_PREV_CLOSE);
		}
	}
}

/* Fill sub-column x from y0 to y1 and remember which bar drew it. */
static void span(int *top, int *bot, int *who, int x, int y0, int y1, int bar)
{
	int a = y0 < y1 ? y0 : y1, b = y0 < y1 ? y1 : y0;

	if (top[x] < 0 || a < top[x])
		top[x] = a;
	if (b > bot[x])
		bot[x] = b;
	who[x] = bar;
}

static void line_cell(struct chart_ctx *k, int cx, int cy, const int *top, const int *bot,
		      const int *who)
{
	static const unsigned char dot[2][4] = { { 0x01, 0x02, 0x04, 0x40 },
						  { 0x08, 0x10, 0x20, 0x80 } };
	struct chart_cell *p = cell(k->c, cx, cy);
	unsigned bits = 0;
	char u[4];
	int bar = -1, lo = cy * k->yres, hi = lo + k->yres - 1, first = -1, last = -1;

	for (int dx = 0; dx < k->xres; dx++) {
		int x = cx * k->xres + dx;
		if (top[x] < 0 || top[x] > hi || bot[x] < lo)
			continue;
		for (int y = top[x] > lo ? top[x] : lo; y <= bot[x] && y <= hi; y++) {
			bits |= dot[dx][y - lo];
			first = first < 0 ? y - lo : first;
			last = y - lo;
		}
		bar = who[x];
	}
	if (bar < 0)
		return;
	if (k->o->glyphs == CHART_ASCII) {
		put(k->c, cx, cy, first == last ? ascii_line[first] : "|",
		    direction(k->s->v[bar].close.v, k->ref));
		return;
	}
	/* merge with the previous-close dot already in the cell */
	if (p->tag == CHART_PREV_CLOSE)
		bits |= ((unsigned char)p->s[1] & 0x03) << 6 | ((unsigned char)p->s[2] & 0x3f);
	braille(bits, u);
	put(k->c, cx, cy, u, direction(k->s->v[bar].close.v, k->ref));
}

static bool draw_line(struct chart_ctx *k)
{
	const struct series *s = k->s;
	int w = k->c->plot_width * k->xres;
	int *top = malloc(sizeof *top * (size_t)w * 3), *bot, *who;

	if (!top)
		return false;
	bot = top + w;
	who = bot + w;
	for (int x = 0; x < w; x++)
		top[x] = bot[x] = who[x] = -1;
	for (size_t i = 0; i < s->n; i++) {
		int x0, y0, x1 = k->px[i], y1 = chart_ypix(k, s->v[i].close.v);

		if (i == 0 || series_gap_before(s, i)) {
			span(top, bot, who, x1, y1, y1, (int)i);
			continue;
		}
		x0 = k->px[i - 1];
		y0 = chart_ypix(k, s->v[i - 1].close.v);
		if (x0 == x1) {
			span(top, bot, who, x1, y0, y1, (int)i);
			continue;
		}
		for (int x = x0 + 1; x <= x1; x++) {
			int ya = (int)lround(y0 + (double)(y1 - y0) * (x - 1 - x0) / (x1 - x0));
			int yb = (int)lround(y0 + (double)(y1 - y0) * (x - x0) / (x1 - x0));
			span(top, bot, who, x, ya == yb ? yb : ya + (yb > ya ? 1 : -1), yb, (int)i);
		}
	}
	for (int cy = 0; cy < k->c->price_rows; cy++)
		for (int cx = 0; cx < k->c->plot_width; cx++)
			line_cell(k, cx, cy, top, bot, who);
	free(top);
	return true;
}

/* Bars sharing column x merged into one: first open, last close, the
 * extremes, the summed volume. False when no bar falls in the column. */
static bool column_bar(const struct chart_ctx *k, int x, struct bar *out, size_t *from)
{
	const struct series *s = k->s;
	bool any = false;

	memset(out, 0, sizeof *out);
	while (*from < s->n && k->px[*from] / k->xres < x)
		(*from)++;
	for (size_t i = *from; i < s->n && k->px[i] / k->xres == x; i++) {
		const struct bar *b = &s->v[i];
		if (!any)
			*out = *b;
		out->high.v = b->high.v > out->high.v ? b->high.v : out->high.v;
		out->low.v = b->low.v < out->low.v ? b->low.v : out->low.v;
		out->close = b->close;
		if (any && b->volume.ok)
			out->volume.v += b->volume.v;
		out->volume.ok |= b->volume.ok;
		any = true;
	}
	return any;
}

static void draw_candles(struct chart_ctx *k)
{
	struct chart *c = k->c;
	size_t from = 0;
	struct bar b;

	enum chart_tag tag;
	int wt, wb, bt, bb;

	for (int x = 0; x < c->plot_width; x++) {
		if (!column_bar(k, x, &b, &from))
			continue;
		tag = direction(b.close.v, b.open.v);
		wt = chart_ypix(k, b.high.v);
		wb = chart_ypix(k, b.low.v);
		bt = chart_ypix(k, b.open.v > b.close.v ? b.open.v : b.close.v);
		bb = chart_ypix(k, b.open.v > b.close.v ? b.close.v : b.open.v);
		for (int row = wt / k->yres; row <= wb / k->yres; row++) {
			int part[2] = { 0, 0 };
			for (int h = 0; h < k->yres; h++) {
				int y = row * k->yres + h;
				part[h] = y >= bt && y <= bb ? 2 : y >= wt && y <= wb ? 1 : 0;
			}
			if (k->o->glyphs == CHART_UNICODE)
				put(c, x, row, candle_glyph[part[0]][part[1]], tag);
			else if (part[0] == 2)
				put(c, x, row, tag == CHART_UP ? "+" : tag == CHART_DOWN ? "#" : "=", tag);
			else if (part[0] == 1)
				put(c, x, row, "|", tag);
		}
	}
}

static void draw_volume(struct chart_ctx *k)
{
	struct chart *c = k->c;
	int rows = c->volume_rows, top = c->price_rows;
	double max = 0;
	size_t from = 0;
	struct bar b;
	char label[FMT_AMOUNT_SIZE];
	int unit = k->o->glyphs == CHART_UNICODE ? 8 : 1, h;

	if (rows == 0)
		return;
	for (int x = 0; x < c->plot_width; x++)
		if (column_bar(k, x, &b, &from) && b.volume.ok && b.volume.v > max)
			max = b.volume.v;
	if (!(max > 0))
		return;
	from = 0;
	for (int x = 0; x < c->plot_width; x++) {
		if (!column_bar(k, x, &b, &from) || !b.volume.ok || !(b.volume.v > 0))
			continue;
		h = (int)ceil(b.volume.v / max * rows * unit);
		for (int r = rows - 1; r >= 0 && h > 0; r--, h -= unit)
			put(c, x, top + r, unit == 1 ? "#" : eighths[h >= 8 ? 8 : h], CHART_VOLUME);
	}
	fmt_amount(max, NAMES_EN, label, sizeof label);
	if (c->plot_width < c->width && (int)strlen(label) < c->width - c->plot_width)
		chart_put_text(c, c->plot_width + 1, top, label, CHART_VOLUME);
}

/* ---- cursor ------------------------------------------------------------ */

static void draw_cursor(struct chart_ctx *k)
{
	struct chart *c = k->c;
	int x;

	c->cursor_x = -1;
	if (k->o->cursor < 0 || (size_t)k->o->cursor >= k->s->n)
		return;
	x = c->cursor_x = k->px[k->o->cursor] / k->xres;
	for (int y = 0; y < c->price_rows + c->volume_rows; y++) {
		if (blank(c, x, y) || cell(c, x, y)->tag == CHART_PREV_CLOSE)
			put(c, x, y, k->o->glyphs == CHART_UNICODE ? "│" : "|", CHART_CURSOR);
		else
			cell(c, x, y)->tag = CHART_CURSOR;
	}
}

bool chart_render(const struct series *s, const struct chart_opts *o, struct chart *out)
{
	struct chart_ctx k = { .s = s, .o = o, .c = out };
	bool ok = true;

	memset(out, 0, sizeof *out);
	out->time_row = out->cursor_x = -1;
	if (o->width < 1 || o->height < 1 || o->width > CHART_MAX_DIM || o->height > CHART_MAX_DIM)
		return false;
	out->width = o->width;
	out->height = o->height;
	if (!(out->cells = calloc((size_t)o->width * (size_t)o->height, sizeof *out->cells)))
		return false;
	for (size_t i = 0; i < (size_t)o->width * (size_t)o->height; i++)
		out->cells[i].s[0] = ' ';
	out->plot_width = out->width;
	out->price_rows = out->height;
	if (s->n == 0)
		return true;
	k.prev = o->prev_close.ok ? o->prev_close : s->prev_close;
	k.prev.ok = k.prev.ok && isfinite(k.prev.v) && k.prev.v > 0;
	k.ref = k.prev.ok ? k.prev.v : s->v[0].close.v;
	k.xres = o->mode == CHART_LINE && o->glyphs == CHART_UNICODE ? 2 : 1;
	k.yres = o->mode == CHART_LINE ? (o->glyphs == CHART_UNICODE ? 4 : 3) :
		 (o->glyphs == CHART_UNICODE ? 2 : 1);
	if (!(k.px = malloc(sizeof *k.px * s->n))) {
		chart_done(out);
		return false;
	}
	price_range(&k);
	rows_and_columns(&k);
	k.day = chart_axis_day(s, o->half_day);
	if (k.day)
		chart_axis_place_by_time(&k);
	else
		place_bars(&k);
	draw_prev_close(&k);
	if (o->mode == CHART_LINE)
		ok = draw_line(&k);
	else
		draw_candles(&k);
	draw_volume(&k);
	chart_axis_draw_price(&k);
	chart_axis_draw_time(&k);
	draw_cursor(&k);
	free(k.px);
	if (!ok)
		chart_done(out);
	return ok;
}

void chart_done(struct chart *c)
{
	free(c->cells);
	c->cells = NULL;
	c->width = c->height = 0;
}

const struct chart_cell *chart_at(const struct chart *c, int x, int y)
{
	if (!c->cells || x < 0 || y < 0 || x >= c->width || y >= c->height)
		return NULL;
	return &c->cells[(size_t)y * (size_t)c->width + (size_t)x];
}

size_t chart_row(const struct chart *c, int y, char *buf, size_t len)
{
	size_t n = 0;

	if (len > 0)
		buf[0] = '\0';
	for (int x = 0; x < c->width && y >= 0 && y < c->height; x++) {
		const char *s = chart_at(c, x, y)->s;
		size_t l = strlen(s);
		if (n + l < len) {
			memcpy(buf + n, s, l + 1);
		} else if (len > 0) {
			buf[n < len ? n : len - 1] = '\0';
			len = 0; /* stop writing, keep counting */
		}
		n += l;
	}
	return n;
}
