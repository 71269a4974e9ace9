/* demo_series.c - the simulated day's charts, written as the services'
 * chart replies (FORMATS.md §1.2, §1.3, §3.1)
 *
 * The minute bars, today's day bar and the history all come from the
 * same path as the quote lines (demo_sim.c), so the 1D chart ends on the
 * quote's price, and today's day bar is the minute bars' open, high, low,
 * close and volume. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/hktime.h"
#include "feeds/demo.h"
#include "feeds/demo_sim.h"
#include "feeds/series_source.h"

#define MAX_DAYS (DEMO_HIST_DAYS + 1)

#define P(v) (v) / 1000, (v) % 1000 /* thousandths as "%lld.%03lld" */

/* The day bars of s as of now (history, then today), or the week bars
 * built from them (each dated its last trading day). */
static size_t day_bars(const struct demo *d, const struct demo_inst *s, time_t now, bool week,
		       struct demo_day *out)
{
	size_t n = 0, w = 0;
	struct demo_day today;

	memcpy(out, s->hist, DEMO_HIST_DAYS * sizeof *out);
	n = DEMO_HIST_DAYS;
	if (demo_sim_today(d, s, now, &today))
		out[n++] = today;
	if (!week)
		return n;
	for (size_t i = 0; i < n; i++) {
		long long wk = (hktime_day(out[i].t, HKT_OFFSET) + 3) / 7;

		if (w && (hktime_day(out[w - 1].t, HKT_OFFSET) + 3) / 7 == wk) {
			struct demo_day *b = &out[w - 1];
			b->t = out[i].t;
			b->close = out[i].close;
			b->high = out[i].high > b->high ? out[i].high : b->high;
			b->low = out[i].low < b->low ? out[i].low : b->low;
			b->volume += out[i].volume;
		} else {
			out[w++] = out[i];
		}
	}
	return w;
}

/* "2026-08-07", or without dashes "20260807" */
static void date_of(time_t t, bool dashes, char *buf, size_t len)
{
	long long y;
	int m, dd;

	hktime_civil_from_days(hktime_day(t, HKT_OFFSET), &y, &m, &dd);
	snprintf(buf, len, "%04lld%s%02d%s%02d", y, dashes ? "-" : "", m, dashes ? "-" : "", dd);
}

static void tencent_minute(struct demo_buf *b, const struct demo *d, const struct demo_inst *s,
			   time_t now, const char *key)
{
	int nb = demo_sim_bars_at(d, s, now);
	char date[16];

	date_of(d->day, false, date, sizeof date);
	demo_wire_put(b, "{\"code\":0,\"msg\":\"\",\"data\":{\"%s\":{\"data\":{\"data\":[", key);
	for (int k = 0; k < nb; k++) {
		time_t t = demo_sim_bar_time(d, s, k);
		int sec = hktime_second_of_day(t, HKT_OFFSET);
		bool idx = s->in.market == MARKET_HK_INDEX;

		demo_wire_put(b, "%s\"%02d%02d %lld.%03lld %lld %lld.%03lld\"", k ? "," : "",
			      sec / 3600, sec / 60 % 60, P(s->px[k]), idx ? 0 : s->cumvol[k],
			      P(s->cumturn[k]));
	}
	demo_wire_put(b, "],\"date\":\"%s\"},\"qt\":{\"%s\":[\"100\",\"%s\",\"%s\",\"%lld.%03lld\","
		      "\"%lld.%03lld\"]}}}}", date, key, s->f.name_en, s->f.reply,
		      P(nb ? s->px[nb - 1] : s->f.prev), P(s->f.prev));
}

static void tencent_kline(struct demo_buf *b, const struct demo *d, const struct demo_inst *s,
			  time_t now, const char *key, const char *period, int count)
{
	struct demo_day *v = malloc(MAX_DAYS * sizeof *v);
	size_t n, from;
	char date[16];

	if (!v) {
		b->oom = true;
		return;
	}
	n = day_bars(d, s, now, strcmp(period, "week") == 0, v);
	from = count > 0 && (size_t)count < n ? n - (size_t)count : 0;
	demo_wire_put(b, "{\"code\":0,\"msg\":\"\",\"data\":{\"%s\":{\"qfq%s\":[", key, period);
	for (size_t i = from; i < n; i++) {
		date_of(v[i].t, true, date, sizeof date);
		demo_wire_put(b, "%s[\"%s\",\"%lld.%03lld\",\"%lld.%03lld\",\"%lld.%03lld\","
			      "\"%lld.%03lld\",\"%lld.00\"]", i > from ? "," : "", date,
			      P(v[i].open), P(v[i].close), P(v[i].high), P(v[i].low), v[i].volume);
	}
	demo_wire_put(b, "]}}}");
	free(v);
}

/* US listings: Yahoo. 1D is the session's minutes; longer ranges are day
 * bars (5D too: the demo has no minutes of earlier days), 5Y weeks. */
static void yahoo_chart(struct demo_buf *b, const struct demo *d, const struct demo_inst *s,
			time_t now, const char *sym, enum series_range r, int count)
{
	struct demo_day *v = malloc(MAX_DAYS * sizeof *v);
	bool minutes = r == SERIES_1D, week = r == SERIES_5Y;
	int off = hktime_zone_offset(s->in.market == MARKET_US ? HKTIME_US_EASTERN : HKTIME_HK, now);
	size_t n, from;
	const char *key[] = { "open", "high", "low", "close", "volume" };

	if (!v) {
		b->oom = true;
		return;
	}
	n = minutes ? (size_t)demo_sim_bars_at(d, s, now) : day_bars(d, s, now, week, v);
	from = !minutes && count > 0 && (size_t)count < n ? n - (size_t)count : 0;
	demo_wire_put(b, "{\"chart\":{\"result\":[{\"meta\":{\"symbol\":\"%s\",\"gmtoffset\":%d,"
		      "\"priceHint\":2,\"previousClose\":%lld.%03lld,\"dataGranularity\":\"%s\"},"
		      "\"timestamp\":[", sym, off, P(s->f.prev), minutes ? "1m" : week ? "1wk" : "1d");
	for (size_t i = from; i < n; i++) {
		time_t t = minutes ? demo_sim_bar_time(d, s, (int)i) :
			   v[i].t + HKT_OFFSET - off + 9 * 3600 + 1800; /* the day's open there */
		demo_wire_put(b, "%s%lld", i > from ? "," : "", (long long)t);
	}
	demo_wire_put(b, "],\"indicators\":{\"quote\":[{");
	for (int k = 0; k < 5; k++) {
		demo_wire_put(b, "%s\"%s\":[", k ? "," : "", key[k]);
		for (size_t i = from; i < n; i++) {
			long long p = minutes ? s->px[i] : k == 0 ? v[i].open : k == 1 ? v[i].high :
				      k == 2 ? v[i].low : v[i].close;
			long long vol = minutes ? s->cumvol[i] - (i ? s->cumvol[i - 1] : 0) : v[i].volume;

			if (k == 4)
				demo_wire_put(b, "%s%lld", i > from ? "," : "", vol);
			else
				demo_wire_put(b, "%s%lld.%03lld", i > from ? "," : "", P(p));
		}
		demo_wire_put(b, "]");
	}
	demo_wire_put(b, "}]}}],\"error\":null}}");
	free(v);
}

bool demo_series_body(const struct demo *d, time_t now, const struct instrument *in,
		      const struct series_request *req, char **body, size_t *len,
		      char *err, size_t errlen)
{
	const struct demo_inst *s = demo_find(d, in);
	struct demo_buf b = { 0 };
	char key[SYMBOL_MAX + 8];

	*body = NULL;
	*len = 0;
	if (!s) {
		snprintf(err, errlen, "not in the demo's market");
		return false;
	}
	if (req->endpoint == SERIES_YAHOO_CHART) {
		if (symbol_yahoo(in, key, sizeof key))
			yahoo_chart(&b, d, s, now, key, req->range, req->count);
	} else if (symbol_tencent(in, false, key, sizeof key)) {
		if (req->endpoint == SERIES_TENCENT_MINUTE)
			tencent_minute(&b, d, s, now, key);
		else
			tencent_kline(&b, d, s, now, key, req->period ? req->period : "day",
				      req->count);
	}
	return demo_wire_take(&b, body, len, err, errlen);
}
