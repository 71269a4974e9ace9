/* roundtrip-fuzzer.c - libFuzzer harness: every figure parsed is the figure printed
 *
 * The first byte picks what reads the rest: its low three bits a parser
 * (0 Tencent minute, 1 Tencent day kline, 2 week kline, 3 Yahoo chart,
 * 4 Tencent quotes, 5 Sina quotes, 6 and 7 as 2 and 3), the next two a
 * symbol for the charts. Whatever parses is written the way --series or
 * --once writes it, as CSV and as JSON, and read back: cJSON for the JSON,
 * a small RFC 4180 split and strtod(3) for the CSV. Every figure must come
 * back as exactly the double that was parsed, an unknown one as null or
 * empty, never as another number. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "base/hktime.h"
#include "cli/quote_report.h"
#include "feeds/series_source.h"
#include "cli/series_report.h"
#include "feeds/quote_source.h"

#define MAX_INPUT (64 * 1024)
#define MAX_FIELDS 32

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* strtod reads a '.' only under LC_NUMERIC "C". */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setlocale(LC_ALL, "C");
	return 0;
}

static const char *const chart_symbols[] = { "0700", "HSI", "HSTECH", "BABA" };
static const char *const quote_symbols[] = { "0700", "9988", "HSI", "HSTECH", "BABA", "0005" };
#define NQUOTE (sizeof quote_symbols / sizeof quote_symbols[0])

/* ---- writing to memory and reading it back ------------------------------- */

struct out {
	char *buf;
	size_t len;
	FILE *fp;
};

static FILE *out_open(struct out *o)
{
	memset(o, 0, sizeof *o);
	if (!(o->fp = open_memstream(&o->buf, &o->len)))
		abort();
	return o->fp;
}

static void out_close(struct out *o)
{
	if (fclose(o->fp) != 0)
		abort();
}

/* One CSV record from *p (RFC 4180: quoted fields, "" for a quote),
 * fields written in place, NUL-terminated. Returns the field count, 0 at
 * the end of the text. */
static size_t csv_record(char **p, char *fields[MAX_FIELDS])
{
	char *r = *p, *w = *p;
	size_t n = 0;

	if (!*r)
		return 0;
	for (;;) {
		bool quoted = *r == '"';
		if (n == MAX_FIELDS)
			abort();
		fields[n++] = w;
		if (quoted)
			r++;
		while (*r) {
			if (quoted && r[0] == '"' && r[1] == '"') {
				*w++ = '"';
				r += 2;
			} else if (quoted && *r == '"') {
				quoted = false;
				r++;
			} else if (!quoted && (*r == ',' || *r == '\n')) {
				break;
			} else {
				*w++ = *r++;
			}
		}
		if (quoted)
			abort(); /* an unclosed quote */
		if (*r != ',') {
			char *next = *r ? r + 1 : r; /* w may be r: look before writing */
			*w = '\0';
			*p = next;
			return n;
		}
		*w++ = '\0';
		r++;
	}
}

/* A CSV cell holds the figure exactly: empty when unknown, else the text
 * strtod reads back to the very same double, with nothing left over. */
static void csv_same(const char *cell, struct num n)
{
	char *end;
	double v;

	if (!n.ok) {
		if (*cell)
			abort();
		return;
	}
	v = strtod(cell, &end);
	if (!*cell || *end || v != n.v)
		abort();
}

/* A JSON member holds the figure exactly: null when unknown. */
static void json_same(const cJSON *j, struct num n)
{
	if (!n.ok) {
		if (!cJSON_IsNull(j))
			abort();
		return;
	}
	if (!cJSON_IsNumber(j) || j->valuedouble != n.v)
		abort();
}

/* ---- chart series ------------------------------------------------------- */

static void series_csv_back(const struct series *s, char *text)
{
	char *fields[MAX_FIELDS], *p = text, iso[40];
	size_t nf = csv_record(&p, fields);

	if (nf != 6 || strcmp(fields[0], "time") != 0 || strcmp(fields[5], "volume") != 0)
		abort();
	for (size_t i = 0; i < s->n; i++) {
		const struct bar *b = &s->v[i];
		const struct num *v[] = { &b->open, &b->high, &b->low, &b->close, &b->volume };
		if (csv_record(&p, fields) != 6)
			abort();
		hktime_iso8601(b->t, s->utc_offset, iso, sizeof iso);
		if (strcmp(fields[0], iso) != 0)
			abort();
		for (size_t k = 0; k < 5; k++)
			csv_same(fields[1 + k], *v[k]);
	}
	if (csv_record(&p, fields) != 0)
		abort();
}

static void series_json_back(const struct series *s, const char *text)
{
	static const char *const keys[] = { "open", "high", "low", "close", "volume" };
	cJSON *root = cJSON_Parse(text);
	const cJSON *bars = cJSON_GetObjectItemCaseSensitive(root, "bars");

	if (!cJSON_IsArray(bars) || (size_t)cJSON_GetArraySize(bars) != s->n)
		abort();
	json_same(cJSON_GetObjectItemCaseSensitive(root, "prev_close"), s->prev_close);
	for (size_t i = 0; i < s->n; i++) {
		const struct bar *b = &s->v[i];
		const struct num *v[] = { &b->open, &b->high, &b->low, &b->close, &b->volume };
		const cJSON *bar = cJSON_GetArrayItem(bars, (int)i);
		for (size_t k = 0; k < 5; k++)
			json_same(cJSON_GetObjectItemCaseSensitive(bar, keys[k]), *v[k]);
	}
	cJSON_Delete(root);
}

static void chart_round_trip(const char *body, size_t size, unsigned pick, const char *symbol)
{
	static const char *const periods[] = { "day", "week" };
	struct instrument in;
	struct series s;
	struct out csv, json;
	char err[128];
	bool ok;

	if (!symbol_parse(symbol, &in, err, sizeof err))
		abort();
	if (pick == 0)
		ok = series_tencent_parse_minute(body, size, &in, &s);
	else if (pick == 3)
		ok = series_yahoo_parse_chart(body, size, &in, &s);
	else
		ok = series_tencent_parse_kline(body, size, &in, periods[pick - 1], &s);
	if (!ok)
		return;
	series_report_write(out_open(&csv), SERIES_CSV, &s, SERIES_1D);
	out_close(&csv);
	series_report_write(out_open(&json), SERIES_JSON, &s, SERIES_1D);
	out_close(&json);
	series_csv_back(&s, csv.buf);
	series_json_back(&s, json.buf);
	free(csv.buf);
	free(json.buf);
	series_done(&s);
}

/* ---- quotes ------------------------------------------------------------- */

/* The figures of --once, in its column order; market_cap only in HKD. */
static const struct {
	const char *key;
	enum quote_field f;
} figures[] = {
	{ "price", QF_PRICE }, { "prev_close", QF_PREV_CLOSE }, { "open", QF_OPEN },
	{ "high", QF_HIGH }, { "low", QF_LOW }, { "change", QF_CHANGE },
	{ "change_pct", QF_CHANGE_PCT }, { "volume", QF_VOLUME }, { "turnover", QF_TURNOVER },
	{ "market_cap", QF_MARKET_CAP },
};
#define NFIG (sizeof figures / sizeof figures[0])
#define CSV_FIRST_FIGURE 3 /* after symbol, name, name_en */
#define CSV_COLUMNS 18

static struct num figure(const struct quote_result *r, size_t k)
{
	struct num none = { 0, 0, false };

	if (!r->ok || (figures[k].f == QF_MARKET_CAP && strcmp(r->q.currency, "HKD") != 0))
		return none;
	return r->q.f[figures[k].f];
}

static void quotes_csv_back(const struct quote_result *res, char *text)
{
	char *fields[MAX_FIELDS], *p = text;

	if (csv_record(&p, fields) != CSV_COLUMNS || strcmp(fields[CSV_FIRST_FIGURE], "price") != 0)
		abort();
	for (size_t i = 0; i < NQUOTE; i++) {
		if (csv_record(&p, fields) != CSV_COLUMNS || strcmp(fields[0], res[i].q.in.display) != 0)
			abort();
		for (size_t k = 0; k < NFIG; k++)
			csv_same(fields[CSV_FIRST_FIGURE + k], figure(&res[i], k));
	}
	if (csv_record(&p, fields) != 0)
		abort();
}

static void quotes_json_back(const struct quote_result *res, const char *text)
{
	cJSON *root = cJSON_Parse(text);

	if (!cJSON_IsArray(root) || cJSON_GetArraySize(root) != (int)NQUOTE)
		abort();
	for (size_t i = 0; i < NQUOTE; i++) {
		const cJSON *row = cJSON_GetArrayItem(root, (int)i);
		for (size_t k = 0; k < NFIG; k++)
			json_same(cJSON_GetObjectItemCaseSensitive(row, figures[k].key),
				  figure(&res[i], k));
	}
	cJSON_Delete(root);
}

static void quote_round_trip(const char *body, size_t size, const struct quote_source *src)
{
	struct instrument req[NQUOTE];
	static struct quote_result res[NQUOTE];
	struct out csv, json;
	char err[128];

	for (size_t i = 0; i < NQUOTE; i++)
		if (!symbol_parse(quote_symbols[i], &req[i], err, sizeof err))
			abort();
	src->parse(body, size, NULL, req, NQUOTE, res);
	quote_report_write(out_open(&csv), REPORT_CSV, res, NQUOTE, false);
	out_close(&csv);
	quote_report_write(out_open(&json), REPORT_JSON, res, NQUOTE, false);
	out_close(&json);
	quotes_csv_back(res, csv.buf);
	quotes_json_back(res, json.buf);
	free(csv.buf);
	free(json.buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned pick;

	if (size < 1 || size > MAX_INPUT)
		return 0;
	pick = data[0] & 7;
	if (pick == 4)
		quote_round_trip((const char *)data + 1, size - 1, &quote_tencent_source);
	else if (pick == 5)
		quote_round_trip((const char *)data + 1, size - 1, &quote_sina_source);
	else
		chart_round_trip((const char *)data + 1, size - 1, pick & 3,
				 chart_symbols[(data[0] >> 3) & 3]);
	return 0;
}
