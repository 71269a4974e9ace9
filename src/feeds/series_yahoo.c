/* series_yahoo.c - Yahoo's v8/finance/chart JSON (FORMATS.md §3.1)
 *
 * {"chart":{"result":[{"meta":{"symbol":"0700.HK","gmtoffset":28800,"priceHint":3,
 *   "previousClose":475.2,"chartPreviousClose":475.2,"dataGranularity":"1m",...},
 *   "timestamp":[...],"indicators":{"quote":[{"open":[...],"high":[...],"low":[...],
 *   "close":[...],"volume":[...]}]}}],"error":null}}
 *
 * The arrays run in parallel with timestamp and any element may be null:
 * such a bar is skipped, never read as 0. Prices come as float32 values
 * (494.79998779296875) and are rounded to priceHint decimals. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/hktime.h"
#include "feeds/series_json.h"
#include "feeds/series_source.h"

#define SOURCE_NAME "yahoo"
#define PRICE_HINT_DEFAULT 2
#define PRICE_HINT_MAX 6
#define OFFSET_MAX (14 * 3600)
#define TIME_MAX 253402300799.0 /* 9999-12-31 */

enum { Q_OPEN, Q_HIGH, Q_LOW, Q_CLOSE, Q_VOLUME, Q_COUNT };

static const char *const quote_keys[Q_COUNT] = { "open", "high", "low", "close", "volume" };

static const struct {
	const char *name;
	int seconds;
} granularities[] = {
	{ "1m", 60 }, { "2m", 120 }, { "5m", 300 }, { "15m", 900 }, { "30m", 1800 },
	{ "60m", 3600 }, { "90m", 5400 }, { "1h", 3600 }, { "1d", 86400 },
	{ "5d", 5 * 86400 }, { "1wk", 7 * 86400 }, { "1mo", 30 * 86400 },
	{ "3mo", 91 * 86400 },
};

static bool is_int(const cJSON *j, double lo, double hi)
{
	return cJSON_IsNumber(j) && isfinite(j->valuedouble) && j->valuedouble >= lo &&
	       j->valuedouble <= hi && j->valuedouble == floor(j->valuedouble);
}

/* A float32 price to the decimals Yahoo says it has; !ok when a double
 * cannot hold it to those decimals (1e300 would print as 301 digits that
 * Yahoo never sent). */
static struct num price(double v, int dp)
{
	struct num n = { 0, (signed char)dp, false };
	double scale = pow(10, dp);

	if (!num_exact(v, dp))
		return n;
	n.v = round(v * scale) / scale;
	n.ok = true;
	return n;
}

/* chart.error, when set: its description, made safe. */
static bool chart_error(struct series *s, const cJSON *err)
{
	const cJSON *d = series_json_get(err, "description"), *c = series_json_get(err, "code");
	const char *m = cJSON_IsString(d) ? d->valuestring :
			cJSON_IsString(c) ? c->valuestring : "error";
	char show[120];

	series_show(m, strlen(m), show, sizeof show);
	return series_fail(s, "%s", show[0] ? show : "error reply without a description");
}

static void read_meta(struct series *s, const cJSON *meta)
{
	const cJSON *j = series_json_get(meta, "priceHint"), *g;
	int dp = PRICE_HINT_DEFAULT;

	if (is_int(j, 0, PRICE_HINT_MAX))
		dp = (int)j->valuedouble;
	s->dp = dp;
	if (is_int(j = series_json_get(meta, "gmtoffset"), -OFFSET_MAX, OFFSET_MAX))
		s->utc_offset = (int)j->valuedouble;
	if (cJSON_IsString(g = series_json_get(meta, "dataGranularity")))
		for (size_t i = 0; i < sizeof granularities / sizeof granularities[0]; i++)
			if (strcmp(g->valuestring, granularities[i].name) == 0)
				s->interval = granularities[i].seconds;
	/* previousClose is yesterday's; chartPreviousClose the close before
	 * the range, which for 1d is the same day */
	j = series_json_get(meta, "previousClose");
	if (!cJSON_IsNumber(j) || !(j->valuedouble > 0))
		j = series_json_get(meta, "chartPreviousClose");
	if (cJSON_IsNumber(j) && j->valuedouble > 0)
		s->prev_close = price(j->valuedouble, dp);
}

/* The reply must be about the symbol asked for. */
static bool same_symbol(struct series *s, const cJSON *meta)
{
	const cJSON *sym = series_json_get(meta, "symbol");
	char want[SYMBOL_MAX + 8], show[48];

	if (!cJSON_IsString(sym) || !symbol_yahoo(&s->in, want, sizeof want) ||
	    strcasecmp(sym->valuestring, want) == 0)
		return true;
	return series_fail(s, "reply is for \"%s\"",
			   series_show(sym->valuestring, strlen(sym->valuestring), show,
				       sizeof show));
}

/* One bar from element i of each array; false with s->err on a wrong type,
 * false with *skip on a null. */
static bool yahoo_bar(struct series *s, const cJSON *const el[1 + Q_COUNT], size_t i,
		      struct bar *b, bool *skip)
{
	struct num *dst[Q_COUNT] = { &b->open, &b->high, &b->low, &b->close, &b->volume };

	*skip = false;
	for (size_t k = 0; k <= Q_COUNT; k++) {
		if (!el[k] && k == Q_COUNT)
			continue; /* no volume array at all */
		if (cJSON_IsNull(el[k])) {
			*skip = true;
			return false;
		}
		if (!cJSON_IsNumber(el[k]) || !isfinite(el[k]->valuedouble))
			return series_fail(s, "%s[%zu] is not a number",
					   k == 0 ? "timestamp" : quote_keys[k - 1], i);
	}
	if (!is_int(el[0], 0, TIME_MAX))
		return series_fail(s, "timestamp[%zu] is not a time", i);
	b->t = (time_t)el[0]->valuedouble;
	for (size_t k = 0; k < Q_COUNT; k++) {
		/* an index's volume is 0 or a unit nobody states: leave it out */
		if (k == Q_VOLUME && (!el[1 + k] || s->in.market == MARKET_HK_INDEX))
			break;
		*dst[k] = price(el[1 + k]->valuedouble, k == Q_VOLUME ? 0 : s->dp);
		if (!dst[k]->ok)
			return series_fail(s, "%s[%zu] has more digits than a double holds exactly",
					   quote_keys[k], i);
	}
	if (b->volume.ok && b->volume.v < 0)
		return series_fail(s, "volume[%zu] is negative", i);
	return true;
}

/* Walk timestamp and the quote arrays in step. */
static bool read_bars(struct series *s, const cJSON *ts, const cJSON *q)
{
	const cJSON *arr[1 + Q_COUNT], *el[1 + Q_COUNT];
	int n = cJSON_GetArraySize(ts);
	struct bar b;
	bool skip;

	arr[0] = ts;
	for (size_t k = 0; k < Q_COUNT; k++) {
		arr[1 + k] = series_json_get(q, quote_keys[k]);
		if (!arr[1 + k] && k == Q_VOLUME)
			continue;
		if (!cJSON_IsArray(arr[1 + k]))
			return series_fail(s, "no %s prices in the reply", quote_keys[k]);
		if (cJSON_GetArraySize(arr[1 + k]) != n)
			return series_fail(s, "%d %s values for %d timestamps",
					   cJSON_GetArraySize(arr[1 + k]), quote_keys[k], n);
	}
	if (!series_alloc(s, (size_t)n))
		return false;
	for (size_t k = 0; k <= Q_COUNT; k++)
		el[k] = arr[k] ? arr[k]->child : NULL;
	for (size_t i = 0; el[0]; i++) {
		memset(&b, 0, sizeof b);
		if (!yahoo_bar(s, el, i, &b, &skip)) {
			if (!skip)
				return false;
		} else if (!series_push(s, &b)) {
			return false;
		}
		for (size_t k = 0; k <= Q_COUNT; k++)
			if (el[k])
				el[k] = el[k]->next;
	}
	if (s->n == 0)
		return series_fail(s, "no bars with prices (every one has a null)");
	return true;
}

/* chart.result[0], or NULL with the cause (chart.error's included). */
static const cJSON *chart_result(struct series *s, const cJSON *root)
{
	const cJSON *chart = series_json_get(root, "chart");
	const cJSON *err = series_json_get(chart, "error"), *result = series_json_get(chart, "result");

	if (!cJSON_IsObject(chart))
		series_fail(s, "no chart in the reply");
	else if (err && !cJSON_IsNull(err))
		chart_error(s, err);
	else if (!cJSON_IsArray(result) || !cJSON_IsObject(result->child))
		series_fail(s, "no result in the reply");
	else
		return result->child;
	return NULL;
}

bool series_yahoo_parse_chart(const char *body, size_t len, const struct instrument *in,
			      struct series *out)
{
	const cJSON *result, *meta, *ts, *q;
	cJSON *root;
	bool ok = false;

	series_begin(out, in, SOURCE_NAME, in->market == MARKET_US ? 0 : HKT_OFFSET, 0);
	if (!(root = series_json(out, body, len)))
		return false;
	if (!(result = chart_result(out, root)))
		goto done;
	meta = series_json_get(result, "meta");
	ts = series_json_get(result, "timestamp");
	q = cJSON_GetArrayItem(series_json_get(series_json_get(result, "indicators"), "quote"), 0);
	if (!same_symbol(out, meta))
		goto done;
	if (!cJSON_IsArray(ts) || cJSON_GetArraySize(ts) == 0)
		series_fail(out, "no bars in the reply");
	else if (!cJSON_IsObject(q))
		series_fail(out, "no prices in the reply");
	else {
		read_meta(out, meta);
		ok = read_bars(out, ts, q) && series_end(out);
	}
done:
	cJSON_Delete(root);
	return ok;
}
