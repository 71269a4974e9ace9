/* test-newsfeed.c - headline sources without the network: URLs from the
 * watchlist, a response merged in, a failure keeping the last headlines,
 * new-since marks, look-ups by instrument, the --news formatter. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "app/fetch_config.h"
#include "cli/news_report.h"
#include "feeds/news_feed.h"
#include "model/news_find.h"
#include "tap.h"

#define NOW 1786090200 /* 2026-08-07 16:10:00 HKT */

static void watch(struct newsfeed *f, const char *const *syms)
{
	struct instrument v[16];
	size_t n = 0;
	char err[128];

	for (; *syms; syms++)
		if (symbol_parse(*syms, &v[n], err, sizeof err))
			n++;
	ok(news_feed_set_watch(f, v, n), "watchlist of %zu set", n);
}

/* The sources of the options, as the dashboard and --news build them. */
static bool init(struct newsfeed *f, const struct options *o, const struct instrument_db *db,
		 bool demo, char *err, size_t errlen)
{
	struct newsfetch_config c;

	fetch_config_news_init(&c, o);
	return news_feed_init(f, &c.feed, db, demo, err, errlen);
}

static struct instrument sym(const char *s)
{
	struct instrument in;
	char err[128];

	symbol_parse(s, &in, err, sizeof err);
	return in;
}

static void test_urls(const struct options *o, const struct instrument_db *db)
{
	static const char *const syms[] = { "700", "HSI", "9988", "BABA", "9618", NULL };
	struct newsfeed f;
	char err[256], url[4096], q[64];
	size_t used = 0;

	ok(init(&f, o, db, false, err, sizeof err), "init");
	is_int((long)f.nsrc, 5, "yahoo, google, google-hk, eastmoney, one user feed");
	is_str(f.src[4].name, "example.com", "a user feed is named after its host");
	ok(!news_feed_url(&f, 0, NOW, url, sizeof url), "no watchlist: Yahoo has nothing to ask");
	ok(!news_feed_url(&f, 1, NOW, url, sizeof url), "nor Google");
	watch(&f, syms);
	ok(news_feed_url(&f, 0, NOW, url, sizeof url), "yahoo url");
	is_str(url, "https://y.test/rss/2.0/headline?s=0700.HK,%5EHSI,9988.HK,BABA,9618.HK"
		    "&region=US&lang=en-US", "Yahoo: the watchlist's Yahoo codes, ^ escaped");
	ok(news_feed_url(&f, 1, NOW, url, sizeof url), "google url");
	is_str(url, "https://g.test/rss/search?q=Tencent+OR+%22Hang+Seng+Index%22+OR+Alibaba+OR+JD.com"
		    "+when%3A1d&hl=en-US&gl=US&ceid=US:en",
	       "Google English: names ORed once each, quoted when two words, the last day");
	ok(news_feed_url(&f, 2, NOW, url, sizeof url), "google-hk url");
	ok(strstr(url, "?q=%E9%A8%B0%E8%A8%8A%E6%8E%A7%E8%82%A1+OR+") != NULL,
	   "Google Hong Kong: traditional Chinese names (騰訊控股 ...)");
	ok(strstr(url, "%E9%98%BF%E9%87%8C%E5%B7%B4%E5%B7%B4+OR") != NULL,
	   "阿里巴巴 without its -W");
	ok(strstr(url, "&hl=zh-HK&gl=HK&ceid=HK:zh-Hant") != NULL, "in the zh-HK edition");
	ok(news_feed_url(&f, 3, NOW, url, sizeof url), "eastmoney url");
	is_str(url, "https://e.test/comm/web/getFastNewsList?client=web&biz=web_724&fastColumn=102"
		    "&sortEnd=&pageSize=50&req_trace=1786090200000", "Eastmoney with req_trace in ms");
	is_str(news_feed_headers(&f, 3)[0], "Referer: https://finance.eastmoney.com/",
	       "Eastmoney's Referer");
	ok(news_feed_headers(&f, 0) == NULL, "no extra header for Yahoo");
	ok(news_feed_url(&f, 4, NOW, url, sizeof url), "user feed url");
	is_str(url, "https://www.example.com/feed.xml", "a user feed as given");
	ok(news_feed_query_escape(q, sizeof q, &used, "a b&c=d/é"), "escape");
	is_str(q, "a+b%26c%3Dd%2F%C3%A9", "query escaping");
	used = 0;
	ok(!news_feed_query_escape(q, 4, &used, "abcd"), "escape reports a short buffer");
	news_feed_done(&f);
}

/* What --news writes for the headlines of l tagged with in (malloc'd). */
static char *report(const struct news_list *l, enum report_format fmt, const struct instrument *in)
{
	char *buf = NULL;
	size_t blen = 0;
	FILE *fp = open_memstream(&buf, &blen);

	if (!fp)
		return NULL;
	news_report_write(fp, fmt, l, in, 1);
	fclose(fp);
	return buf;
}

static void test_apply(const struct options *o, const struct instrument_db *db)
{
	struct newsfeed f;
	struct instrument tencent = sym("700"), baba = sym("BABA"), li = sym("2015");
	char err[256], line[512];
	char *yahoo, *google, *east, *buf;
	size_t ylen, glen, elen, idx[8];

	yahoo = slurp("yahoo-rss.xml", &ylen);
	google = slurp("google-news-en.xml", &glen);
	east = slurp("eastmoney-fast.json", &elen);
	ok(init(&f, o, db, false, err, sizeof err), "init");
	ok(news_feed_apply(&f, 0, yahoo, ylen, NULL, NOW - 60), "yahoo applied");
	is_int((long)f.merged.n, 4, "four headlines");
	ok(news_feed_is_new(&f, 0, 0), "all new since generation 0");
	is_int((long)f.generation, 1, "generation 1");
	ok(news_feed_apply(&f, 1, google, glen, NULL, NOW), "google applied");
	ok(news_feed_apply(&f, 3, east, elen, NULL, NOW), "eastmoney applied");
	is_int((long)f.merged.n, 9, "merged: Google's copy of the Tencent story is dropped");
	is_int((long)f.generation, 3, "each response with something new bumps the generation");
	is_str(f.merged.v[0].title, "Tencent's second-quarter revenue beats estimates as gaming rebounds",
	       "newest first");
	ok(!news_feed_is_new(&f, 0, 1), "a story from generation 1 is not new since 1");
	is_int((long)news_find_for_instrument(&f.merged, &tencent, idx, 8), 2, "two Tencent headlines");
	is_int((long)idx[0], 0, "the newest first");
	is_int((long)news_find_for_instrument(&f.merged, &li, idx, 8), 1, "one for Li Auto");
	ok(news_find_has_fresh(&f.merged, &tencent, NOW, 3600), "Tencent has news from the last hour");
	ok(!news_find_has_fresh(&f.merged, &li, NOW, 3600), "Li Auto's is older");
	ok(news_find_has_fresh(&f.merged, &li, NOW, 86400), "but within the day");
	news_feed_summary(&f, NOW, line, sizeof line);
	is_str(line, "9 headlines from 5 sources", "summary when all is well");

	/* A failure keeps what the source had, and says why. */
	ok(!news_feed_apply(&f, 0, NULL, 0, "HTTP 503", NOW + 300), "yahoo fails");
	is_int((long)f.merged.n, 9, "its headlines stay");
	is_str(f.src[0].err, "HTTP 503", "the cause is kept");
	news_feed_summary(&f, NOW + 300, line, sizeof line);
	is_str(line, "9 headlines from 5 sources; yahoo: HTTP 503 (stale, from 6m ago)", "summary names it");
	is_int((long)news_feed_failed(&f), 1, "one source failing");
	ok(!news_feed_apply(&f, 1, "<html>nope", 10, NULL, NOW), "google sends garbage");
	is_int((long)f.merged.n, 9, "Google's headlines stay too");
	ok(strncmp(f.src[1].err, "google:", 7) != 0 && f.src[1].err[0], "the parser's cause, not prefixed twice: %s",
	   f.src[1].err);
	news_feed_summary(&f, NOW + 300, line, sizeof line);
	ok(strstr(line, "; and more failing") != NULL, "two failing: the summary says there is more");
	ok(news_feed_apply(&f, 0, yahoo, ylen, NULL, NOW + 400), "yahoo recovers");
	is_str(f.src[0].err, "", "and is no longer stale");
	is_int((long)f.generation, 3, "nothing new: the generation stays");
	ok(!news_find_has_fresh(&f.merged, &baba, NOW + 7200, 600), "nothing fresh two hours on");

	/* The --news formatter. */
	buf = report(&f.merged, REPORT_JSON, &li);
	is_str(buf, "[\n{\"title\":\"Li Auto cuts prices on its L-series SUVs\",\"source\":\"google\","
		    "\"publisher\":\"Bloomberg\",\"url\":\"https://news.google.com/rss/articles/"
		    "CBMiRmh0dHBzOi8vd3d3LmJsb29tYmVyZy5jb20vbGk?oc=5\",\"time\":\"2026-08-07T07:10:00+08:00\","
		    "\"symbols\":[\"2015\"]}\n]\n", "json, filtered to one symbol");
	free(buf);
	buf = report(&f.merged, REPORT_TABLE, &li);
	is_str(buf, "TIME                       SOURCE     SYMBOLS TITLE\n"
		    "2026-08-07T07:10:00+08:00  google     2015    Li Auto cuts prices on its L-series SUVs\n"
		    "  https://news.google.com/rss/articles/CBMiRmh0dHBzOi8vd3d3LmJsb29tYmVyZy5jb20vbGk?oc=5\n",
	       "table, filtered");
	free(buf);
	news_feed_done(&f);
	free(yahoo);
	free(google);
	free(east);
}

static void test_demo(const struct options *o, const struct instrument_db *db)
{
	static const char feed[] =
		"<rss version=\"2.0\"><channel><title>d</title>"
		"<item><title>DEMO: Tencent one</title><pubDate>Fri, 07 Aug 2026 08:00:00 +0000</pubDate></item>"
		"<item><title>DEMO: Alibaba two</title><pubDate>Fri, 07 Aug 2026 07:00:00 +0000</pubDate></item>"
		"</channel></rss>";
	struct newsfeed f;
	char err[256], url[256];

	ok(init(&f, o, db, true, err, sizeof err), "demo init");
	is_int((long)f.nsrc, 1, "demo: one source");
	ok(!news_feed_url(&f, 0, NOW, url, sizeof url), "the demo source is never fetched");
	ok(news_feed_load_demo(&f, feed, sizeof feed - 1, NOW), "demo feed loaded");
	is_int((long)f.merged.n, 2, "two demo headlines");
	is_int((long)(NOW - f.merged.v[0].time), 600, "at its own time of the day: 16:00 HKT");
	is_int((long)(NOW - f.merged.v[1].time), 4200, "and 15:00");
	is_str(f.merged.v[0].source, "demo", "labelled demo");
	is_int((long)f.merged.v[1].ntags, 2, "tagged by the real tagger (9988, BABA)");
	/* Three days on at 15:30 HKT: the feed's day is moved to that day,
	 * and the 16:00 headline is still to come. */
	news_feed_done(&f);
	ok(init(&f, o, db, true, err, sizeof err) &&
	   news_feed_load_demo(&f, feed, sizeof feed - 1, NOW + 3 * 86400 - 2400), "loaded again");
	is_int((long)f.merged.n, 1, "what is still to come is left out");
	is_int((long)f.merged.v[0].time, NOW + 3 * 86400 - 4200, "15:00 HKT of the day it is loaded on");
	ok(news_feed_load_demo(&f, feed, sizeof feed - 1, NOW + 3 * 86400), "and at 16:10");
	is_int((long)f.merged.n, 2, "the 16:00 headline has come out");
	news_feed_done(&f);
}

#define NOW2 1786092300 /* 2026-08-07 16:45:00 HKT */

static const struct headline *titled(const struct news_list *l, const char *start)
{
	for (size_t k = 0; k < l->n; k++)
		if (strncmp(l->v[k].title, start, strlen(start)) == 0)
			return &l->v[k];
	return NULL;
}

/* rss-future.xml: a story dated 2100, one two minutes ahead, one from 2020. */
static void test_future(const struct options *o, const struct instrument_db *db)
{
	struct newsfeed f;
	struct instrument tencent = sym("700"), baba = sym("9988");
	const struct headline *h;
	char err[256];
	size_t len;
	char *body = slurp("rss-future.xml", &len);

	ok(init(&f, o, db, false, err, sizeof err), "future: init");
	ok(news_feed_apply(&f, 0, body, len, NULL, NOW2), "future: applied");
	is_int((long)f.merged.n, 3, "future: three headlines");
	is_str(f.merged.v[0].title, "Alibaba's cloud unit wins a contract",
	       "two minutes ahead: first, it is the newest");
	h = titled(&f.merged, "Tencent's");
	ok(h && h->time == NOW2, "the 2100 story takes the time it was first seen");
	ok(!news_find_has_fresh(&f.merged, &baba, NOW2, 3600), "a story ahead of the clock is not fresh");
	ok(news_find_has_fresh(&f.merged, &tencent, NOW2, 3600), "the 2100 story, just seen, is");
	ok(news_find_has_fresh(&f.merged, &baba, NOW2 + 600, 3600), "once the clock passes its date, so is the other");
	/* An hour and a half on the feed still says 2100. */
	ok(news_feed_apply(&f, 0, body, len, NULL, NOW2 + 5400), "future: applied again");
	h = titled(&f.merged, "Tencent's");
	ok(h && h->time == NOW2, "it keeps the time it was first seen");
	ok(!news_find_has_fresh(&f.merged, &tencent, NOW2 + 5400, 3600), "and is not fresh for ever");
	{
		char *buf = report(&f.merged, REPORT_JSON, &tencent);
		ok(buf && strstr(buf, "\"time\":\"2026-08-07T16:45:00+08:00\",\"dated\":"
				      "\"2100-01-01T08:00:00+08:00\"") != NULL,
		   "--news json: the time first seen, and the feed's date: %s", buf);
		free(buf);
	}
	{
		char age[16];
		news_find_age_cell(h, NOW2 + 5400, 4, age, sizeof age);
		is_str(age, "~1h", "its age, marked as from when first seen");
		news_find_age_cell(titled(&f.merged, "Xiaomi"), NOW2, 4, age, sizeof age);
		is_str(age, "6y", "2313 days in four columns: years");
		news_find_age_cell(titled(&f.merged, "Alibaba"), NOW2, 4, age, sizeof age);
		is_str(age, "-2m", "two minutes ahead");
	}
	news_feed_done(&f);
	free(body);
}

int main(void)
{
	struct options o;
	struct instrument_db db;
	char err[256];

	options_init(&o);
	instruments_load_builtin(&db);
	options_set(&o, "yahoo.rss_url", "https://y.test", err, sizeof err);
	options_set(&o, "google.news_url", "https://g.test", err, sizeof err);
	options_set(&o, "eastmoney.news_url", "https://e.test/", err, sizeof err);
	options_set(&o, "news.feeds", "https://www.example.com/feed.xml", err, sizeof err);
	test_urls(&o, &db);
	test_apply(&o, &db);
	test_demo(&o, &db);
	test_future(&o, &db);
	instruments_done(&db);
	options_done(&o);
	return tap_done();
}
