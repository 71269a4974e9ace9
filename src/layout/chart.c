/* chart.c - a price chart as a grid of text cells, drawn without curses
 *
 * A day of intraday bars (1D) is placed by time on a fixed session axis,
 * 09:30-12:00 and 13:00-16:10 HKT (09:30-12:10 on a half day) or the US
 * listing's 09:30-16:00, so two minutes of bars take two minutes of width
 * wherever they fall and the time labels sit on round ticks. Longer
 * ranges are placed by index, so a half-traded week fills the width. Either way a break in trading (HK
 * lunch, overnight) takes one blank column and is never bridged by the
 * line. In Unicode a cell holds 2 x 4 braille dots for the line, 2
 * half-cells for candles and 8 eighths for volume; in ASCII, 3 sub-rows
 * for the line and whole cells for the rest. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/chart.h"
#include "base/fmt.h"
#include "base/hktime.h"

#define LABEL_MAX 32
#define MIN_PLOT 8        /* fewer columns of bars: no price axis */
#define MAX_VOLUME_ROWS 4
#define DAY_S 86400
#define MAX_SESSIONS 2
#define LABEL_MAX_HM 5    /* "09:30" */

/* A trading session, in local seconds after midnight: [open, close]. */
struct session {
	long open, close;
};

/* The sessions of a day, by market (HK-FACTS §3a: the closing auction
 * runs to 16:10 at the latest). */
static const struct market_sessions {
	size_t n;
	struct session v[MAX_SESSIONS];
} hk_sessions = { 2, { { 9 * 3600L + 30 * 60, 12 * 3600L }, { 13 * 3600L, 16 * 3600L + 10 * 60 } } },
  hk_half_sessions = { 1, { { 9 * 3600L + 30 * 60, 12 * 3600L + 10 * 60 } } },
  us_sessions = { 1, { { 9 * 3600L + 30 * 60, 16 * 3600L } } };

/* Round times a 1D axis may label, finest first: 30 minutes, 1 or 2 hours. */
static const long tick_steps[] = { 1800, 3600, 7200 };

/* Everything the drawing steps share. */
struct ctx {
	const struct series *s;
	const struct chart_opts *o;
	struct chart *c;
	int xres, yres;    /* sub-cells of a cell across and down */
	int *px;           /* per bar: its sub-column */
	double hi, lo;     /* price range of the price rows */
	bool flat;         /* hi and lo too big to scale between: every price mid-way */
	struct num prev;   /* the reference line, or !ok */
	double ref;        /* what up and down are measured against */
	const struct market_sessions *day; /* a 1D axis: its sessions; NULL: by index */
	int seg_cs[MAX_SESSIONS], seg_ce[MAX_SESSIONS]; /* each session's columns */
};

static const char *const ascii_line[3] = { "`", "-", "_" };
static const char *const eighths[9] = { " ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
/* [top half][bottom half]: 0 nothing, 1 wick, 2 body */
static const char *const candle_glyph[3][3] = {
	{ " ", "╷", "▄" }, { "╵", "│", "▄" }, { "▀", "▀", "█" },
};

/* U+2800 + dot bits, as UTF-8 */
static void braille(unsigned bits, char u[4])
{
	unsigned cp = 0x2800 + (bits & 0xff);

	u[0] = (char)(0xe0 | (cp >> 12));
	u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
	u[2] = (char)(0x80 | (cp & 0x3f));
	u[3] = '\0';
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

static void put_text(struct chart *c, int x, int y, const char *s, enum chart_tag tag)
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
static int ypix(const struct ctx *k, double v)
{
	int rows = k->c->price_rows * k->yres;
	double f = k->flat ? (rows - 1) / 2.0 : (k->hi - v) / (k->hi - k->lo) * (rows - 1);
	long y = isfinite(f) ? lround(f) : 0;

	return y < 0 ? 0 : y >= rows ? rows - 1 : (int)y;
}

static void price_label(const struct ctx *k, double v, char *buf, size_t len)
{
	struct num n = { v, (signed char)k->s->dp, true };

	num_format(n, buf, len);
}

/* ---- layout ------------------------------------------------------------- */

static void price_range(struct ctx *k)
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

static void rows_and_columns(struct ctx *k)
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
	price_label(k, k->hi, a, sizeof a);
	price_label(k, k->lo, b, sizeof b);
	if (k->prev.ok)
		num_format(k->prev, p, sizeof p);
	axis = 1 + (int)(strlen(a) > strlen(b) ? strlen(a) : strlen(b));
	if ((int)strlen(p) + 1 > axis)
		axis = (int)strlen(p) + 1;
	c->plot_width = c->width >= axis + MIN_PLOT ? c->width - axis : c->width;
}

static long long local_day(const struct series *s, size_t i)
{
	long long t = (long long)s->v[i].t + s->utc_offset;

	return t / DAY_S - (t % DAY_S < 0);
}

/* Seconds after local midnight of t. */
static long local_secs(const struct series *s, time_t t)
{
	long long l = (long long)t + s->utc_offset;

	return (long)(l % DAY_S + (l % DAY_S < 0 ? DAY_S : 0));
}

/* The sessions to lay a series out on, or NULL: only a day of intraday
 * bars of a market whose sessions are known. */
static const struct market_sessions *day_axis(const struct series *s, bool half_day)
{
	if (s->n == 0 || s->interval <= 0 || s->interval >= DAY_S ||
	    local_day(s, 0) != local_day(s, s->n - 1))
		return NULL;
	if (s->in.market == MARKET_US)
		return &us_sessions;
	return half_day ? &hk_half_sessions : &hk_sessions;
}

/* Share the columns among the sessions by their length, one blank column
 * between two when there is room for it. */
static void place_sessions(struct ctx *k)
{
	const struct market_sessions *d = k->day;
	long total = 0, before = 0;
	int gapw = k->c->plot_width >= 4 * (int)d->n ? 1 : 0;
	int avail = k->c->plot_width - (int)(d->n - 1) * gapw;

	for (size_t j = 0; j < d->n; j++)
		total += d->v[j].close - d->v[j].open;
	for (size_t j = 0; j < d->n; j++) {
		long len = d->v[j].close - d->v[j].open;
		k->seg_cs[j] = (int)(avail * before / total) + (int)j * gapw;
		before += len;
		k->seg_ce[j] = (int)(avail * before / total) + (int)j * gapw;
		if (k->seg_ce[j] <= k->seg_cs[j])
			k->seg_ce[j] = k->seg_cs[j] + 1;
	}
}

/* The sub-column of a local time on the session axis: in the session it
 * falls in (or the last one begun; before the first, the first), in
 * proportion to its time there. */
static int session_x(const struct ctx *k, long secs)
{
	const struct market_sessions *d = k->day;
	size_t j = 0;
	long span;
	int x0, w;

	while (j + 1 < d->n && secs >= d->v[j + 1].open)
		j++;
	x0 = k->seg_cs[j] * k->xres;
	w = (k->seg_ce[j] - k->seg_cs[j]) * k->xres;
	span = d->v[j].close - d->v[j].open;
	if (secs <= d->v[j].open)
		return x0;
	if (secs >= d->v[j].close)
		return x0 + w - 1;
	return x0 + (int)((long long)(secs - d->v[j].open) * w / span);
}

static void place_by_time(struct ctx *k)
{
	place_sessions(k);
	for (size_t i = 0; i < k->s->n; i++)
		k->px[i] = session_x(k, local_secs(k->s, k->s->v[i].t));
}

/* Give each run of bars between breaks its share of the columns, one blank
 * column between runs, and each bar its sub-column within its run. With
 * too few columns the breaks get none. */
static void place_bars(struct ctx *k)
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

static void draw_prev_close(struct ctx *k)
{
	struct chart *c = k->c;
	int y, row;

	if (!k->prev.ok)
		return;
	y = ypix(k, k->prev.v);
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

static void line_cell(struct ctx *k, int cx, int cy, const int *top, const int *bot,
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

static bool draw_line(struct ctx *k)
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
		int x0, y0, x1 = k->px[i], y1 = ypix(k, s->v[i].close.v);

		if (i == 0 || series_gap_before(s, i)) {
			span(top, bot, who, x1, y1, y1, (int)i);
			continue;
		}
		x0 = k->px[i - 1];
		y0 = ypix(k, s->v[i - 1].close.v);
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
static bool column_bar(const struct ctx *k, int x, struct bar *out, size_t *from)
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

static void draw_candles(struct ctx *k)
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
		wt = ypix(k, b.high.v);
		wb = ypix(k, b.low.v);
		bt = ypix(k, b.open.v > b.close.v ? b.open.v : b.close.v);
		bb = ypix(k, b.open.v > b.close.v ? b.close.v : b.open.v);
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

static void draw_volume(struct ctx *k)
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
		put_text(c, c->plot_width + 1, top, label, CHART_VOLUME);
}

/* ---- axes and cursor ---------------------------------------------------- */

static void draw_price_axis(struct ctx *k)
{
	struct chart *c = k->c;
	int last = c->price_rows - 1, pr = -1, mid = last / 2, x = c->plot_width + 1;
	char buf[LABEL_MAX];

	if (c->plot_width == c->width)
		return;
	price_label(k, k->hi, buf, sizeof buf);
	put_text(c, x, 0, buf, CHART_AXIS);
	if (last > 0) {
		price_label(k, k->lo, buf, sizeof buf);
		put_text(c, x, last, buf, CHART_AXIS);
	}
	if (k->prev.ok && (pr = ypix(k, k->prev.v) / k->yres) > 0 && pr < last) {
		num_format(k->prev, buf, sizeof buf);
		put_text(c, x, pr, buf, CHART_PREV_CLOSE);
	}
	if (c->price_rows >= 5 && mid > 1 && mid < last - 1 && abs(mid - pr) > 1) {
		int y = mid * k->yres + (k->yres - 1) / 2;
		price_label(k, k->hi - (k->hi - k->lo) * y / (c->price_rows * k->yres - 1), buf,
			    sizeof buf);
		put_text(c, x, mid, buf, CHART_AXIS);
	}
}

enum label_kind { LABEL_HM, LABEL_MD, LABEL_YM };

/* The bar's local time as the axis shows it, from its ISO 8601 form. */
static void time_label(const struct series *s, size_t i, enum label_kind kind, char *buf,
		       size_t len)
{
	char iso[40];

	hktime_iso8601(s->v[i].t, s->utc_offset, iso, sizeof iso);
	snprintf(buf, len, "%.*s", kind == LABEL_YM ? 7 : 5,
		 iso + (kind == LABEL_HM ? 11 : kind == LABEL_MD ? 5 : 0));
}

/* Put a label at column x (where it fits whole) unless it would crowd one
 * already placed. */
static void place_label(struct ctx *k, char *used, int x, const char *buf)
{
	struct chart *c = k->c;
	int len = (int)strlen(buf);

	for (int j = x > 0 ? x - 1 : x; j <= x + len && j < c->plot_width; j++)
		if (used[j])
			return;
	memset(used + x, 1, (size_t)len);
	put_text(c, x, c->time_row, buf, CHART_AXIS);
}

/* A label at bar i, moved left to fit at the right edge. */
static void try_label(struct ctx *k, char *used, size_t i, enum label_kind kind)
{
	char buf[LABEL_MAX];
	int len, x;

	time_label(k->s, i, kind, buf, sizeof buf);
	len = (int)strlen(buf);
	x = k->px[i] / k->xres;
	if (x + len > k->c->plot_width)
		x = k->c->plot_width - len;
	if (x >= 0)
		place_label(k, used, x, buf);
}

/* A label at sub-column px unless it would crowd one already placed or
 * run past the plot: on a session axis a label sits on its tick or not
 * at all. */
static void label_at(struct ctx *k, char *used, int px, const char *buf)
{
	int x = px / k->xres;

	if (x >= 0 && x + (int)strlen(buf) <= k->c->plot_width)
		place_label(k, used, x, buf);
}

/* The 1D axis: each session's open, then round times a step apart, the
 * finest step whose labels do not crowd one another. */
static void draw_session_axis(struct ctx *k, char *used)
{
	const struct market_sessions *d = k->day;
	long step = tick_steps[sizeof tick_steps / sizeof tick_steps[0] - 1];
	char buf[LABEL_MAX];

	for (size_t i = 0; i < sizeof tick_steps / sizeof tick_steps[0]; i++) {
		bool fits = true;
		for (size_t j = 0; j < d->n && fits; j++)
			fits = (long long)(k->seg_ce[j] - k->seg_cs[j]) * tick_steps[i] >=
			       (long long)(LABEL_MAX_HM + 1) * (d->v[j].close - d->v[j].open);
		if (fits) {
			step = tick_steps[i];
			break;
		}
	}
	for (int pass = 0; pass < 2; pass++)
		for (size_t j = 0; j < d->n; j++) {
			long t = pass == 0 ? d->v[j].open : (d->v[j].open / step + 1) * step;
			for (; t <= d->v[j].close; t += step) {
				snprintf(buf, sizeof buf, "%02ld:%02ld", t / 3600, t / 60 % 60);
				label_at(k, used, session_x(k, t), buf);
				if (pass == 0)
					break;
			}
		}
}

static void draw_time_axis(struct ctx *k)
{
	const struct series *s = k->s;
	char *used, a[LABEL_MAX], b[LABEL_MAX];
	enum label_kind kind;
	bool intraday = s->interval > 0 && s->interval < 86400;

	if (k->c->time_row < 0 || !(used = calloc((size_t)k->c->plot_width, 1)))
		return;
	if (k->day) {
		draw_session_axis(k, used);
		free(used);
		return;
	}
	if (intraday)
		kind = local_day(s, 0) == local_day(s, s->n - 1) ? LABEL_HM : LABEL_MD;
	else
		kind = s->v[s->n - 1].t - s->v[0].t <= 400 * 86400LL ? LABEL_MD : LABEL_YM;
	try_label(k, used, 0, kind);
	/* then where a session, day, month or year begins; then full hours */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 1; i < s->n; i++) {
			bool mark;
			if (pass == 0 && intraday) {
				mark = series_gap_before(s, i) &&
				       (kind == LABEL_HM || local_day(s, i) != local_day(s, i - 1));
			} else if (pass == 1 && kind == LABEL_HM) {
				mark = ((long long)s->v[i].t + s->utc_offset) % 3600 == 0;
			} else if (pass == 0) {
				time_label(s, i - 1, LABEL_YM, a, sizeof a);
				time_label(s, i, LABEL_YM, b, sizeof b);
				mark = kind == LABEL_MD ? strcmp(a, b) != 0 : strncmp(a, b, 4) != 0;
			} else {
				mark = false;
			}
			if (mark)
				try_label(k, used, i, kind);
		}
	free(used);
}

static void draw_cursor(struct ctx *k)
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
	struct ctx k = { .s = s, .o = o, .c = out };
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
		chart_free(out);
		return false;
	}
	price_range(&k);
	rows_and_columns(&k);
	k.day = day_axis(s, o->half_day);
	if (k.day)
		place_by_time(&k);
	else
		place_bars(&k);
	draw_prev_close(&k);
	if (o->mode == CHART_LINE)
		ok = draw_line(&k);
	else
		draw_candles(&k);
	draw_volume(&k);
	draw_price_axis(&k);
	draw_time_axis(&k);
	draw_cursor(&k);
	free(k.px);
	if (!ok)
		chart_free(out);
	return ok;
}

void chart_free(struct chart *c)
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

int chart_cursor_label(const struct series *s, size_t idx, enum names_lang lang,
		       char *buf, size_t len)
{
	char when[40], o[32], h[32], l[32], c[32], v[FMT_AMOUNT_SIZE + 4] = "";
	const struct bar *b;

	if (len > 0)
		buf[0] = '\0';
	if (idx >= s->n)
		return 0;
	b = &s->v[idx];
	hktime_iso8601(b->t, s->utc_offset, when, sizeof when);
	when[s->interval > 0 && s->interval < 86400 ? 16 : 10] = '\0';
	if (when[10] == 'T')
		when[10] = ' ';
	if (b->volume.ok) {
		memcpy(v, "  V ", 5);
		fmt_amount(b->volume.v, lang, v + 4, sizeof v - 4);
	}
	num_format(b->close, c, sizeof c);
	if (!s->ohlc)
		return snprintf(buf, len, "%s  %s%s", when, c, v);
	num_format(b->open, o, sizeof o);
	num_format(b->high, h, sizeof h);
	num_format(b->low, l, sizeof l);
	return snprintf(buf, len, "%s  O %s H %s L %s C %s%s", when, o, h, l, c, v);
}
