/* series_tencent.c - Tencent's minute and kline JSON (FORMATS.md §1.2, §1.3)
 *
 * {"code":0,"msg":"","data":{"hk00700":{"data":{"data":["0930 441.400 380150 167797970.000",
 *   ...],"date":"20260928"},"qt":{"hk00700":["100","腾讯控股","00700","441.400","439.200",...]}}}}
 * {"code":0,"msg":"","data":{"hk00700":{"qfqday":[["2026-08-07","479.000","478.800",
 *   "483.200","475.400","16319939.00",{"cqr":...}], ...]}}}
 *
 * Every value is a string, and a row is checked whole before it is a bar. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/hktime.h"
#include "feeds/series_json.h"
#include "feeds/series_source.h"
#include "base/text.h"

#define SOURCE_NAME "tencent"
#define MINUTE_FIELDS 4 /* HHMM price cumVolume cumTurnover */
#define KLINE_ITEMS 6   /* date open close high low volume; later items unread */

static bool digits(const char *s, size_t n, int *out)
{
	*out = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		*out = *out * 10 + (s[i] - '0');
	}
	return true;
}

/* The reply's own status, then data.<code>: NULL with the cause in s->err. */
static const cJSON *tencent_node(struct series *s, const cJSON *root)
{
	const cJSON *code = series_json_get(root, "code"), *msg = series_json_get(root, "msg");
	const cJSON *node;
	char key[SYMBOL_MAX + 8], show[80];
	const char *m = cJSON_IsString(msg) ? msg->valuestring : "";

	series_show(m, strlen(m), show, sizeof show);
	if ((cJSON_IsNumber(code) && code->valuedouble != 0) ||
	    (cJSON_IsString(code) && strcmp(code->valuestring, "0") != 0)) {
		series_fail(s, "server refused the request: \"%s\"", show[0] ? show : "error");
		return NULL;
	}
	if (!symbol_tencent(&s->in, false, key, sizeof key)) {
		series_fail(s, "no Tencent code for this symbol");
		return NULL;
	}
	node = series_json_get(series_json_get(root, "data"), key);
	if (!cJSON_IsObject(node)) {
		if (show[0])
			series_fail(s, "server says \"%s\"", show);
		else
			series_fail(s, "no data for %s (unknown code?)", key);
		return NULL;
	}
	return node;
}

/* qt.<code>[4] is yesterday's close, if the line is the one asked for. */
static struct num minute_prev_close(const struct series *s, const cJSON *node)
{
	char key[SYMBOL_MAX + 8];
	const cJSON *qt, *code, *prev;
	struct num n = { 0, 0, false };

	if (!symbol_tencent(&s->in, false, key, sizeof key))
		return n;
	qt = series_json_get(series_json_get(node, "qt"), key);
	code = cJSON_GetArrayItem(qt, 2);
	prev = cJSON_GetArrayItem(qt, 4);
	if (!cJSON_IsString(code) || strcmp(code->valuestring, s->in.code) != 0 ||
	    !cJSON_IsString(prev))
		return n;
	return num_figure(prev->valuestring, strlen(prev->valuestring), NUM_POSITIVE);
}

/* "0930 441.400 380150 167797970.000" at the date *day (y, m, d). */
static bool minute_bar(struct series *s, const char *row, const int day[3],
		       struct num *cum, struct bar *b)
{
	struct text_span f[MINUTE_FIELDS], whole = { row, strlen(row) };
	struct num vol;
	char show[48];
	size_t nf = text_split(whole, ' ', f, MINUTE_FIELDS);
	int hhmm;

	if (nf != MINUTE_FIELDS && nf != MINUTE_FIELDS - 1)
		return series_fail(s, "minute row \"%s\" does not have 3 or 4 fields",
				   series_show(whole.p, whole.len, show, sizeof show));
	if (f[0].len != 4 || !digits(f[0].p, 4, &hhmm) ||
	    !hktime_make(day[0], day[1], day[2], hhmm / 100, hhmm % 100, 0, HKT_OFFSET, &b->t) ||
	    hhmm % 100 > 59)
		return series_fail(s, "minute row \"%s\": bad time",
				   series_show(whole.p, whole.len, show, sizeof show));
	if (!num_parse(f[1].p, f[1].len, &b->close))
		return series_fail(s, "minute %04d: price \"%s\" %s", hhmm,
				   series_show(f[1].p, f[1].len, show, sizeof show),
				   num_refusal(f[1].p, f[1].len));
	b->open = b->high = b->low = b->close;
	/* Index "volume" is in an unknown unit: leave it out. */
	if (s->in.market == MARKET_HK_INDEX)
		return true;
	if (!num_parse(f[2].p, f[2].len, &vol) || vol.v < 0)
		return series_fail(s, "minute %04d: volume \"%s\" is not a count", hhmm,
				   series_show(f[2].p, f[2].len, show, sizeof show));
	if (cum->ok && vol.v < cum->v) {
		char was[32], now[32]; /* as the source wrote them, not %.0f's rounding */
		num_format(vol, now, sizeof now);
		num_format(*cum, was, sizeof was);
		return series_fail(s, "minute %04d: cumulative volume falls (%s after %s)", hhmm, now,
				   was);
	}
	b->volume = vol;
	if (cum->ok) {
		b->volume.v = vol.v - cum->v;
		if (cum->dp > b->volume.dp)
			b->volume.dp = cum->dp;
		b->volume.v = round(b->volume.v * pow(10, b->volume.dp)) / pow(10, b->volume.dp);
	}
	*cum = vol;
	return true;
}

bool series_tencent_parse_minute(const char *body, size_t len, const struct instrument *in,
				 struct series *out)
{
	const cJSON *node, *d, *rows, *date, *row;
	struct num cum = { 0, 0, false };
	struct bar b;
	cJSON *root;
	int day[3];

	series_begin(out, in, SOURCE_NAME, HKT_OFFSET, 60);
	out->ohlc = false;
	if (in->market == MARKET_US)
		return series_fail(out, "Tencent minute data is read for HK symbols only");
	if (!(root = series_json(out, body, len)))
		return false;
	if (!(node = tencent_node(out, root)))
		goto fail;
	d = series_json_get(node, "data");
	rows = series_json_get(d, "data");
	date = series_json_get(d, "date");
	if (!cJSON_IsArray(rows)) {
		series_fail(out, "no minute data in the reply");
		goto fail;
	}
	if (cJSON_GetArraySize(rows) == 0) {
		series_fail(out, "no minute bars yet (before the open?)");
		goto fail;
	}
	if (!cJSON_IsString(date) || strlen(date->valuestring) != 8 ||
	    !digits(date->valuestring, 4, &day[0]) || !digits(date->valuestring + 4, 2, &day[1]) ||
	    !digits(date->valuestring + 6, 2, &day[2])) {
		series_fail(out, "no date (YYYYMMDD) for the minute bars");
		goto fail;
	}
	if (!series_alloc(out, (size_t)cJSON_GetArraySize(rows)))
		goto fail;
	cJSON_ArrayForEach(row, rows) {
		memset(&b, 0, sizeof b);
		if (!cJSON_IsString(row)) {
			series_fail(out, "minute row %zu is not a string", out->n);
			goto fail;
		}
		if (!minute_bar(out, row->valuestring, day, &cum, &b) || !series_push(out, &b))
			goto fail;
	}
	out->prev_close = minute_prev_close(out, node);
	cJSON_Delete(root);
	return series_end(out);
fail:
	cJSON_Delete(root);
	return false;
}

/* ---- kline -------------------------------------------------------------- */

/* Forward-adjusted rows first (what we ask for), then raw, then backward. */
static const cJSON *kline_rows(const cJSON *node, const char *period)
{
	static const char *const prefix[] = { "qfq", "", "hfq" };
	const cJSON *rows;
	char key[16];

	for (size_t i = 0; i < sizeof prefix / sizeof prefix[0]; i++) {
		snprintf(key, sizeof key, "%s%s", prefix[i], period);
		if ((rows = series_json_get(node, key)))
			return rows;
	}
	return NULL;
}

/* [date, open, close, high, low, volume, {event}?, ...]: note the order. */
static bool kline_bar(struct series *s, const cJSON *row, size_t i, struct bar *b)
{
	static const char *const what[KLINE_ITEMS] = {
		"date", "open", "close", "high", "low", "volume",
	};
	struct num *dst[KLINE_ITEMS] = {
		NULL, &b->open, &b->close, &b->high, &b->low, &b->volume,
	};
	const cJSON *it = row ? row->child : NULL;
	const char *v[KLINE_ITEMS];
	char show[48];
	int y, m, d;

	if (!cJSON_IsArray(row))
		return series_fail(s, "kline row %zu is not an array", i);
	for (size_t k = 0; k < KLINE_ITEMS; k++, it = it->next) {
		if (!it)
			return series_fail(s, "kline row %zu has %zu items (want %d)", i, k,
					   KLINE_ITEMS);
		if (!cJSON_IsString(it))
			return series_fail(s, "kline row %zu: %s is not a string", i, what[k]);
		v[k] = it->valuestring;
	}
	if (strlen(v[0]) != 10 || v[0][4] != '-' || v[0][7] != '-' || !digits(v[0], 4, &y) ||
	    !digits(v[0] + 5, 2, &m) || !digits(v[0] + 8, 2, &d) ||
	    !hktime_make(y, m, d, 0, 0, 0, HKT_OFFSET, &b->t))
		return series_fail(s, "kline row %zu: date \"%s\" is not YYYY-MM-DD", i,
				   series_show(v[0], strlen(v[0]), show, sizeof show));
	for (size_t k = 1; k < KLINE_ITEMS; k++)
		if (!num_parse(v[k], strlen(v[k]), dst[k]))
			return series_fail(s, "kline %.10s: %s \"%s\" %s", v[0], what[k],
					   series_show(v[k], strlen(v[k]), show, sizeof show),
					   num_refusal(v[k], strlen(v[k])));
	return true;
}

bool series_tencent_parse_kline(const char *body, size_t len, const struct instrument *in,
				const char *period, struct series *out)
{
	const cJSON *node, *rows, *row;
	struct bar b;
	cJSON *root;
	size_t i = 0;
	bool week = strcmp(period, "week") == 0;

	series_begin(out, in, SOURCE_NAME, HKT_OFFSET, week ? 7 * 86400 : 86400);
	if (!week && strcmp(period, "day") != 0)
		return series_fail(out, "unknown kline period");
	if (in->market == MARKET_US)
		return series_fail(out, "Tencent kline data is read for HK symbols only");
	if (!(root = series_json(out, body, len)))
		return false;
	if (!(node = tencent_node(out, root)))
		goto fail;
	if (!cJSON_IsArray(rows = kline_rows(node, period))) {
		series_fail(out, "no %s bars in the reply", period);
		goto fail;
	}
	if (cJSON_GetArraySize(rows) == 0) {
		series_fail(out, "no %s bars (unknown code, or rate-limited?)", period);
		goto fail;
	}
	if (!series_alloc(out, (size_t)cJSON_GetArraySize(rows)))
		goto fail;
	cJSON_ArrayForEach(row, rows) {
		memset(&b, 0, sizeof b);
		if (!kline_bar(out, row, i++, &b) || !series_push(out, &b))
			goto fail;
	}
	cJSON_Delete(root);
	return series_end(out);
fail:
	cJSON_Delete(root);
	return false;
}
