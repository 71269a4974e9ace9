/* series-fuzzer.c - libFuzzer harness for the chart parsers and the chart drawn from them
 *
 * The first byte picks the parser and the symbol; the rest is the reply
 * body. A parsed series must hold only believable bars, a refusal must say
 * who refused and why, and any series must draw at any size. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "layout/chart.h"
#include "feeds/series_source.h"
#include "base/text.h"

#define MAX_INPUT (256 * 1024)

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Cells are measured as a UTF-8 terminal would. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	return 0;
}

static const char *const symbols[] = { "0700", "HSI", "HSTECH", "BABA" };

static void check_err(const struct series *s)
{
	char prefix[64];
	size_t len = strnlen(s->err, sizeof s->err);

	if (s->v || s->n || len >= sizeof s->err)
		abort();
	snprintf(prefix, sizeof prefix, "%s: %s: ", s->source, s->in.display);
	if (strncmp(s->err, prefix, strlen(prefix)) != 0 || len <= strlen(prefix))
		abort();
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s->err[i] < 0x20 || s->err[i] == 0x7f)
			abort();
}

static void check_bars(const struct series *s)
{
	if (s->n == 0 || s->n > SERIES_MAX_BARS || !s->v || s->err[0] || s->interval <= 0 ||
	    s->dp < 0 || s->dp > 6)
		abort();
	if (s->prev_close.ok && !(s->prev_close.v > 0 && isfinite(s->prev_close.v)))
		abort();
	for (size_t i = 0; i < s->n; i++) {
		const struct bar *b = &s->v[i];
		const struct num *p[] = { &b->open, &b->high, &b->low, &b->close };
		for (size_t k = 0; k < 4; k++)
			if (!p[k]->ok || !(p[k]->v > 0) || !isfinite(p[k]->v))
				abort();
		if (b->low.v > b->high.v * (1 + 1e-9) || b->open.v > b->high.v * (1 + 1e-9) ||
		    b->close.v < b->low.v * (1 - 1e-9))
			abort();
		if (b->volume.ok && !(b->volume.v >= 0))
			abort();
		if (i > 0 && b->t <= s->v[i - 1].t)
			abort();
	}
}

/* Draw it at a size and in a mode taken from the input; every cell must
 * be one column of valid text. */
static void draw(const struct series *s, uint8_t pick)
{
	struct chart_opts o = {
		.width = 1 + pick % 97, .height = 1 + (pick / 7) % 23,
		.mode = (pick & 1) ? CHART_CANDLES : CHART_LINE,
		.glyphs = (pick & 2) ? CHART_ASCII : CHART_UNICODE,
		.cursor = (long)s->n - 1 - (pick % 3),
	};
	struct chart c;
	char label[160];

	if (!chart_render(s, &o, &c))
		abort();
	for (size_t i = 0; i < (size_t)c.width * (size_t)c.height; i++) {
		const char *cell = c.cells[i].s;
		if (!cell[0] || text_width(cell) != 1 || c.cells[i].tag >= CHART_TAG_COUNT)
			abort();
		if (o.glyphs == CHART_ASCII && (unsigned char)cell[0] > 0x7e)
			abort();
	}
	chart_done(&c);
	chart_axis_cursor_label(s, s->n ? s->n - 1 : 0, NAMES_EN, label, sizeof label);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct instrument in;
	struct series s;
	char err[128];
	const char *body;
	bool ok = false;

	if (size < 1 || size > MAX_INPUT)
		return 0;
	if (!symbol_parse(symbols[(data[0] >> 2) % 4], &in, err, sizeof err))
		abort();
	body = (const char *)data + 1;
	size--;
	switch (data[0] & 3) {
	case 0:
		ok = series_tencent_parse_minute(body, size, &in, &s);
		break;
	case 1:
		ok = series_tencent_parse_kline(body, size, &in, "day", &s);
		break;
	case 2:
		ok = series_tencent_parse_kline(body, size, &in, "week", &s);
		break;
	case 3:
		ok = series_yahoo_parse_chart(body, size, &in, &s);
		break;
	}
	if (ok)
		check_bars(&s);
	else
		check_err(&s);
	draw(&s, data[0] ^ (uint8_t)size);
	series_done(&s);
	return 0;
}
