/* test-chart.c - charts as text: exact small charts, the lunch gap, tiny sizes, the cursor
 *
 * Each expected chart is its rows between | marks, then one letter per cell
 * for its tags: U up, D down, F flat, A axis, P previous close, C cursor,
 * V volume, space blank. On a mismatch the whole chart is printed in the
 * same form, ready to paste after checking it by eye. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "layout/chart.h"
#include "base/hktime.h"
#include "tap.h"
#include "base/text.h"

#define TAGS " UDFAPCV"
#define MAX_BARS 6000

/* An empty series with room for MAX_BARS; series_done frees it. */
static struct series make(const char *code, int interval, int dp, bool ohlc, double prev)
{
	struct series s;
	char err[64];

	memset(&s, 0, sizeof s);
	if (!symbol_parse(code, &s.in, err, sizeof err))
		printf("Bail out! %s\n", err);
	if (!(s.v = calloc(MAX_BARS, sizeof *s.v))) {
		printf("Bail out! out of memory\n");
		exit(1);
	}
	s.interval = interval;
	s.dp = dp;
	s.ohlc = ohlc;
	s.utc_offset = HKT_OFFSET;
	s.prev_close = (struct num){ prev, (signed char)dp, prev > 0 };
	snprintf(s.source, sizeof s.source, "test");
	return s;
}

static struct num price(double v, int dp)
{
	return (struct num){ v, (signed char)dp, true };
}

static void add(struct series *s, int day, int hhmm, double o, double h, double l, double c,
		double vol)
{
	struct bar *b = &s->v[s->n++];

	hktime_make(2026, 8, day, hhmm / 100, hhmm % 100, 0, HKT_OFFSET, &b->t);
	b->open = price(o, s->dp);
	b->high = price(h, s->dp);
	b->low = price(l, s->dp);
	b->close = price(c, s->dp);
	b->volume = (struct num){ vol, 0, vol >= 0 };
}

/* 1D of minute prices: a morning, lunch, an afternoon and the auction. */
static struct series intraday(void)
{
	static const struct { int t; double p, v; } m[] = {
		{ 930, 10.00, 100 }, { 931, 10.20, 200 }, { 932, 10.10, 100 }, { 1200, 10.30, 50 },
		{ 1300, 9.90, 300 }, { 1301, 9.80, 100 }, { 1302, 10.00, 100 }, { 1608, 10.10, 400 },
	};
	struct series s = make("0700", 60, 2, false, 10.00);

	for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
		add(&s, 7, m[i].t, m[i].p, m[i].p, m[i].p, m[i].p, m[i].v);
	return s;
}

/* Five days of OHLC. */
static struct series daily(void)
{
	struct series s = make("0700", 86400, 1, true, 0);

	add(&s, 3, 0, 470.0, 474.0, 468.2, 472.4, 15e6);
	add(&s, 4, 0, 472.4, 473.6, 467.0, 469.8, 17e6);
	add(&s, 5, 0, 470.0, 477.0, 469.4, 476.2, 21e6);
	add(&s, 6, 0, 476.2, 480.0, 474.8, 479.2, 18e6);
	add(&s, 7, 0, 479.0, 483.2, 475.4, 478.8, 16e6);
	return s;
}

static void dump(const struct chart *c)
{
	char row[4096];

	for (int y = 0; y < c->height; y++) {
		chart_row(c, y, row, sizeof row);
		printf("#   \"|%s|", row);
		for (int x = 0; x < c->width; x++)
			putchar(TAGS[chart_at(c, x, y)->tag]);
		printf("\",\n");
	}
}

/* Compare the chart with want[] (rows in the dump form). */
static void chart_is(const struct series *s, const struct chart_opts *o, const char *const *want,
		     const char *what)
{
	struct chart c;
	char row[4096], line[8192];
	bool same = true;
	int y;

	if (!chart_render(s, o, &c)) {
		ok(0, "%s: rendered", what);
		return;
	}
	for (y = 0; y < c.height && want[y]; y++) {
		chart_row(&c, y, row, sizeof row);
		snprintf(line, sizeof line, "|%s|", row);
		for (int x = 0; x < c.width; x++)
			snprintf(line + strlen(line), sizeof line - strlen(line), "%c",
				 TAGS[chart_at(&c, x, y)->tag]);
		same = same && strcmp(line, want[y]) == 0;
	}
	same = same && y == c.height && !want[y];
	ok(same, "%s", what);
	if (!same)
		dump(&c);
	chart_done(&c);
}

static struct chart_opts opts(int w, int h, enum chart_mode m, enum chart_glyphs g, long cursor)
{
	return (struct chart_opts){ w, h, m, g, { 0, 0, false }, cursor };
}

static void test_intraday(void)
{
	struct series s = intraday();
	struct chart_opts o = opts(24, 8, CHART_LINE, CHART_ASCII, -1);
	static const char *const ascii[] = {
		"|    _-`            10.30|    UUU            AAAAA",
		"|| _-`                   |U UUU                   ",
		"||`           ___--      |UU           UUUUU      ",
		"|| . . . |-``` . .  10.00|U P P P FUUUU P P  PPPPP",
		"|        |               |        F               ",
		"|        |          9.80 |        F          AAAA ",
		"|#     # #        # 500  |V     V V        V VVV  ",
		"|09:30   13:00           |AAAAA   AAAAA           ",
		NULL,
	};
	static const char *const unicode[] = {
		"|    ⣀⠔⠊            10.30|    UUU            AAAAA",
		"|⡆⢀⠤⠊                    |UUUU                    ",
		"|⡏⠁           ⣀⣀⠤⠤⠒      |UU           UUUUU      ",
		"|⠇⠄⠄⠄⠄⠄⠄⠄⡤⠖⠖⠍⠍⠄⠄⠄⠄⠄ 10.00|UPPPPPPPUUUUUPPPPP PPPPP",
		"|        ⡇               |        F               ",
		"|        ⡇          9.80 |        F          AAAA ",
		"|▇     ▁ █        ▇ 500  |V     V V        V VVV  ",
		"|09:30   13:00           |AAAAA   AAAAA           ",
		NULL,
	};
	static const char *const candles[] = {
		"|      =            10.30|      F            AAAAA",
		"||                       |U                       ",
		"|+                =      |U                F      ",
		"|+ . . . + . . . .  10.00|U P P P U P P P P  PPPPP",
		"|        +               |        U               ",
		"|        |          9.80 |        U          AAAA ",
		"|#     # #        # 500  |V     V V        V VVV  ",
		"|09:30   13:00           |AAAAA   AAAAA           ",
		NULL,
	};

	chart_is(&s, &o, ascii, "1D line, ASCII, 24x8");
	o.glyphs = CHART_UNICODE;
	chart_is(&s, &o, unicode, "1D line, Unicode, 24x8");
	o.mode = CHART_CANDLES;
	o.glyphs = CHART_ASCII;
	chart_is(&s, &o, candles, "1D candles, ASCII, 24x8");
	series_done(&s);
}

static void test_daily(void)
{
	struct series s = daily();
	struct chart_opts o = opts(16, 7, CHART_CANDLES, CHART_UNICODE, -1);
	static const char *const unicode[] = {
		"|         │ 483.2|         D AAAAA",
		"|    ╷ █  ▀      |    U U  D      ",
		"|╷ ╷ █ ▀  ╵ 476.0|U D U U  D AAAAA",
		"|█ █ █           |U D U           ",
		"|╵ │ ╵      467.0|U D U      AAAAA",
		"|▆ ▇ █ ▇  ▇ 21.0M|V V V V  V VVVVV",
		"|08-03           |AAAAA           ",
		NULL,
	};
	static const char *const ascii[] = {
		"|         | 483.2|         D AAAAA",
		"|      +  #      |      U  D      ",
		"|| | + +  |      |U D U U  D      ",
		"|+ # + . .  470.0|U D U P P  PPPPP",
		"|| |        467.0|U D        AAAAA",
		"|# # # #  # 21.0M|V V V V  V VVVVV",
		"|08-03           |AAAAA           ",
		NULL,
	};

	chart_is(&s, &o, unicode, "5 days of candles, Unicode, 16x7");
	o.glyphs = CHART_ASCII;
	o.prev_close = price(470.0, 1);
	chart_is(&s, &o, ascii, "5 days of candles, ASCII, prev close given, 16x7");
	series_done(&s);
}

/* No line crosses the lunch break: some column between the last morning
 * bar and the first afternoon bar holds no price in any row. */
static void test_gap(void)
{
	struct series s = intraday();
	static const enum chart_glyphs g[] = { CHART_ASCII, CHART_UNICODE };
	struct chart c;

	for (size_t k = 0; k < 2; k++) {
		for (int w = 12; w <= 60; w += 16) {
			struct chart_opts o = opts(w, 8, CHART_LINE, g[k], 4);
			int x, y, gap = -1;

			if (!chart_render(&s, &o, &c)) {
				ok(0, "render %d", w);
				continue;
			}
			/* the cursor is on 13:00, the first bar after lunch */
			for (x = c.cursor_x - 1; x >= 0 && gap < 0; x--) {
				bool empty = true;
				for (y = 0; y < c.price_rows; y++) {
					int t = chart_at(&c, x, y)->tag;
					empty = empty && (t == CHART_BLANK || t == CHART_PREV_CLOSE);
				}
				if (empty)
					gap = x;
			}
			ok(gap >= 0 && gap == c.cursor_x - 1,
			   "%s %dx8: the column before 13:00 (%d) is a gap (%d)",
			   k ? "Unicode" : "ASCII", w, c.cursor_x, gap);
			chart_done(&c);
		}
	}
	series_done(&s);
}

static void test_tiny(void)
{
	struct series s = daily(), m = intraday(), none = make("0700", 60, 2, false, 10.0);
	struct chart_opts o = opts(1, 1, CHART_LINE, CHART_UNICODE, -1);
	static const char *const line_u[] = { "|⡏|U", NULL };
	static const char *const line_a[] = { "|||U", NULL };
	static const char *const candle_u[] = { "|█|U", NULL };
	static const char *const candle_a[] = { "|+|U", NULL };
	static const char *const cursor_u[] = { "|█|C", NULL };
	static const char *const two[] = { "|⢠⠋|UU", "|⡾ |U ", NULL };
	static const char *const three[] = { "| ⡜⠉| UU", "|⢢⠇ |DU ", "|   |   ", NULL };
	static const char *const blank3[] = { "|   |   ", "|   |   ", "|   |   ", NULL };
	struct chart c;

	chart_is(&s, &o, line_u, "1x1 line, Unicode");
	o.glyphs = CHART_ASCII;
	chart_is(&s, &o, line_a, "1x1 line, ASCII");
	o.mode = CHART_CANDLES;
	chart_is(&s, &o, candle_a, "1x1 candles, ASCII: the 5 days merged");
	o.glyphs = CHART_UNICODE;
	chart_is(&s, &o, candle_u, "1x1 candles, Unicode");
	o.cursor = 4;
	chart_is(&s, &o, cursor_u, "1x1 with the cursor keeps the candle");
	ok(chart_render(&s, &o, &c) && c.cursor_x == 0 && chart_at(&c, 0, 0)->tag == CHART_CURSOR,
	   "1x1 cursor tag");
	chart_done(&c);
	o = opts(1, 1, CHART_LINE, CHART_UNICODE, 0);
	chart_is(&none, &o, (const char *const[]){ "| | ", NULL }, "1x1 of nothing");
	o = opts(2, 2, CHART_LINE, CHART_UNICODE, -1);
	chart_is(&s, &o, two, "2x2: no axes");
	o = opts(3, 3, CHART_LINE, CHART_UNICODE, -1);
	chart_is(&s, &o, three, "3x3: a time row, no room for a label");
	chart_is(&none, &o, blank3, "an empty series is a blank chart");
	o = opts(2, 40, CHART_CANDLES, CHART_ASCII, 7);
	ok(chart_render(&m, &o, &c) && c.cursor_x == 1 && c.plot_width == 2 && c.time_row == 39,
	   "2x40: tall and thin");
	chart_done(&c);

	o = opts(0, 5, CHART_LINE, CHART_ASCII, -1);
	ok(!chart_render(&s, &o, &c) && !c.cells, "width 0 refused");
	o = opts(5, -1, CHART_LINE, CHART_ASCII, -1);
	ok(!chart_render(&s, &o, &c), "negative height refused");
	o = opts(CHART_MAX_DIM + 1, 5, CHART_LINE, CHART_ASCII, -1);
	ok(!chart_render(&s, &o, &c), "too wide refused");
	ok(!chart_at(&c, 0, 0), "no cells after a refusal");
	series_done(&s);
	series_done(&m);
	series_done(&none);
}

static void test_cursor(void)
{
	struct series s = intraday();
	long at[] = { 0, 7, 8, -1, 1000 };
	int want[] = { 0, 17, -1, -1, -1 };
	struct chart c;

	for (size_t i = 0; i < sizeof at / sizeof at[0]; i++) {
		struct chart_opts o = opts(24, 8, CHART_LINE, CHART_UNICODE, at[i]);
		int tagged = 0;

		ok(chart_render(&s, &o, &c), "render with cursor %ld", at[i]);
		is_int(c.cursor_x, want[i], "cursor %ld column", at[i]);
		for (int y = 0; y < c.height; y++)
			for (int x = 0; x < c.width; x++)
				tagged += chart_at(&c, x, y)->tag == CHART_CURSOR;
		is_int(tagged, want[i] < 0 ? 0 : c.price_rows + c.volume_rows,
		       "cursor %ld: its column is tagged down to the volume", at[i]);
		chart_done(&c);
	}
	series_done(&s);
}

static void test_labels(void)
{
	struct series m = intraday(), d = daily();
	char buf[128];

	chart_axis_cursor_label(&m, 1, NAMES_EN, buf, sizeof buf);
	is_str(buf, "2026-08-07 09:31  10.20  V 200", "minute bar: one price");
	chart_axis_cursor_label(&d, 4, NAMES_EN, buf, sizeof buf);
	is_str(buf, "2026-08-07  O 479.0 H 483.2 L 475.4 C 478.8  V 16.0M", "day bar");
	chart_axis_cursor_label(&d, 4, NAMES_ZH, buf, sizeof buf);
	is_str(buf, "2026-08-07  O 479.0 H 483.2 L 475.4 C 478.8  V 1600万", "day bar, 万");
	d.v[0].volume.ok = false;
	chart_axis_cursor_label(&d, 0, NAMES_EN, buf, sizeof buf);
	is_str(buf, "2026-08-03  O 470.0 H 474.0 L 468.2 C 472.4", "no volume, no V");
	is_int(chart_axis_cursor_label(&d, 5, NAMES_EN, buf, sizeof buf), 0, "past the end");
	is_str(buf, "", "past the end: empty");
	is_int(chart_axis_cursor_label(&d, 1, NAMES_EN, buf, 8), 52, "short buffer: the length wanted");
	is_str(buf, "2026-08", "short buffer: cut");
	series_done(&m);
	series_done(&d);
}

/* Many bars into few columns: each column merges its bars. */
static void test_buckets(void)
{
	struct series s = make("0700", 86400, 2, true, 0);
	struct chart_opts o = opts(10, 4, CHART_CANDLES, CHART_ASCII, -1);
	static const char *const want[] = {
		"|      ++++|      UUUU",
		"||+++++++|||UUUUUUUUUU",
		"|++|       |UUU       ",
		"|2023-11   |AAAAAAA   ",
		NULL,
	};
	struct chart c;
	char row[64];

	for (int i = 0; i < MAX_BARS; i++) {
		struct bar *b = &s.v[s.n++];
		double p = 100 + i / 1000;

		b->t = 1700000000 + (time_t)i * 86400;
		b->open = price(p, 2);
		b->close = price(p + 0.5, 2);
		b->high = price(p + 1, 2);
		b->low = price(p - 1, 2);
		b->volume = (struct num){ 0, 0, false };
	}
	chart_is(&s, &o, want, "6000 bars in 10 columns");
	o = opts(40, 12, CHART_LINE, CHART_UNICODE, MAX_BARS - 1);
	ok(chart_render(&s, &o, &c) && c.cursor_x == c.plot_width - 1, "last bar at the right edge");
	is_int(c.volume_rows, 0, "no volume: no volume rows");
	is_int(chart_row(&c, 0, row, 4), chart_row(&c, 0, NULL, 0),
	       "chart_row returns the length it needs");
	ok(strlen(row) < 4, "and cuts to the buffer");
	chart_done(&c);
	series_done(&s);
}

/* 1D is laid on a fixed session axis: two minutes of bars take two
 * minutes of width, not the whole chart; labels sit on round times. */
static void test_session_axis(void)
{
	struct series s = make("0700", 60, 2, false, 10.00), us = make("BABA", 60, 2, false, 0);
	struct chart_opts o = opts(72, 5, CHART_LINE, CHART_ASCII, -1);
	static const char *const two[] = {
		"||                                                                  10.10|U                                                                  AAAAA",
		"||                                                                       |U                                                                       ",
		"||                                                                       |U                                                                       ",
		"|| . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . .  10.00|U P P P P P P P P P P P P P P P P P P P P P P P P P P P P P P P P  AAAAA",
		"|09:30           11:00        13:00      14:00       15:00               |AAAAA           AAAAA        AAAAA      AAAAA       AAAAA               ",
		NULL,
	};
	struct chart c;

	add(&s, 7, 930, 10.00, 10.00, 10.00, 10.00, 100);
	add(&s, 7, 931, 10.10, 10.10, 10.10, 10.10, 200);
	chart_is(&s, &o, two, "1D: two minutes at 09:30 in the first column, axis 09:30 to 16:10");
	o.cursor = 1;
	ok(chart_render(&s, &o, &c), "render with a cursor");
	is_int(c.cursor_x, 0, "the 09:31 bar is in the first column");
	chart_done(&c);
	/* Half the morning: 09:30 to 10:45 takes half the morning's columns. */
	for (int m = 932; m <= 1045; m += m % 100 == 59 ? 41 : 1)
		add(&s, 7, m, 10.00, 10.00, 10.00, 10.00, 100);
	o.cursor = (long)s.n - 1;
	ok(chart_render(&s, &o, &c), "render a morning");
	is_int(c.cursor_x, c.plot_width - 1 > 0 ? (int)((c.plot_width - 1) * 9000L / 20400 / 2) : 0,
	       "10:45 is half the morning's width in");
	chart_done(&c);
	/* A half day: the morning and its 12:00-12:10 auction are the day. */
	add(&s, 7, 1208, 10.00, 10.00, 10.00, 10.00, 100);
	o.cursor = (long)s.n - 1;
	o.half_day = true;
	ok(chart_render(&s, &o, &c), "render a half day");
	is_int(c.cursor_x, c.plot_width - 1, "a half day's 12:08 is at the right edge");
	{
		char row[256];
		chart_row(&c, c.time_row, row, sizeof row);
		ok(strstr(row, "12:00") && !strstr(row, "13:00"), "no afternoon on its axis: \"%s\"", row);
	}
	chart_done(&c);
	/* A US listing: its own session, 09:30-16:00 New York time. */
	us.utc_offset = -4 * 3600;
	for (int i = 0; i < 2; i++) {
		struct bar *b = &us.v[us.n++];
		hktime_make(2026, 8, 7, 9, 30 + i, 0, us.utc_offset, &b->t);
		b->open = b->high = b->low = b->close = price(120 + i, 2);
		b->volume = (struct num){ 0, 0, false };
	}
	o = opts(72, 3, CHART_LINE, CHART_ASCII, 1);
	ok(chart_render(&us, &o, &c), "render a US day");
	{
		char row[256];
		chart_row(&c, c.time_row, row, sizeof row);
		is_str(row, "09:30          11:00     12:00     13:00     14:00     15:00            ",
		       "a US day: 09:30 to 16:00, no lunch");
	}
	is_int(c.cursor_x, 0, "its first two minutes in the first column");
	chart_done(&c);
	series_done(&us);
	series_done(&s);
}

/* The row of the first column's price, or -1. */
static int line_row(const struct chart *c)
{
	for (int y = 0; y < c->price_rows; y++) {
		int t = chart_at(c, 0, y)->tag;
		if (t == CHART_UP || t == CHART_DOWN || t == CHART_FLAT)
			return y;
	}
	return -1;
}

/* A day without a move is drawn across the middle, at 100 as at 1e18,
 * where adding a cent to the high changes nothing (and the scale once
 * divided by high - low = 0). */
static void test_flat(void)
{
	static const double at[] = { 100, 1e15, 1e18, 1e300, 1.7e308 };
	int want = -1;

	for (size_t k = 0; k < sizeof at / sizeof at[0]; k++) {
		struct series s = make("0700", 86400, 2, true, 0);
		struct chart_opts o = opts(30, 6, CHART_LINE, CHART_ASCII, -1);
		struct chart c;

		for (int d = 3; d <= 5; d++)
			add(&s, d, 0, at[k], at[k], at[k], at[k], -1);
		if (!chart_render(&s, &o, &c)) {
			ok(0, "flat at %g: rendered", at[k]);
			series_done(&s);
			continue;
		}
		if (k == 0)
			want = line_row(&c);
		ok(want > 0 && want < c.price_rows - 1 && line_row(&c) == want,
		   "flat at %g: the line is in the middle (row %d, want %d)", at[k], line_row(&c), want);
		chart_done(&c);
		series_done(&s);
	}
}

/* Every size and mode: each cell one column of valid text. */
static void test_sweep(void)
{
	struct series s[2];
	int bad = 0, n = 0;
	struct chart c;

	for (size_t k = 0; k < 2; k++) {
		s[k] = k ? daily() : intraday();
		for (int mode = 0; mode < 2; mode++)
			for (int g = 0; g < 2; g++)
				for (int w = 1; w <= 40; w += 3)
					for (int h = 1; h <= 14; h++) {
						struct chart_opts o = opts(w, h, (enum chart_mode)mode,
									   (enum chart_glyphs)g,
									   (long)(w % 9) - 1);
						if (!chart_render(&s[k], &o, &c)) {
							bad++;
							continue;
						}
						for (int y = 0; y < h; y++)
							for (int x = 0; x < w; x++) {
								const struct chart_cell *e = chart_at(&c, x, y);
								if (text_width(e->s) != 1 || !e->s[0] ||
								    (g && (unsigned char)e->s[0] > 0x7f))
									bad++;
							}
						n++;
						chart_done(&c);
					}
		series_done(&s[k]);
	}
	is_int(bad, 0, "%d charts: every cell one column wide, ASCII when asked", n);
}

int main(void)
{
	if (!setlocale(LC_ALL, "C.UTF-8"))
		printf("# no C.UTF-8 locale: widths measured as ASCII\n");
	test_intraday();
	test_daily();
	test_gap();
	test_tiny();
	test_cursor();
	test_labels();
	test_buckets();
	test_flat();
	test_session_axis();
	test_sweep();
	return tap_done();
}
