/* test-news.c - the headline list (dedupe, order, cap), text cleaning, links, and Eastmoney 7x24
 *
 * Fixtures (tests/fixtures/, written after FORMATS.md §4.6):
 *   eastmoney-fast.json   getFastNewsList, 3 items, stockList secids, HTML
 *                         and &amp; in a summary
 *   eastmoney-types.json  success, but items with a number title, array
 *                         summary, object stockList, number showTime, a
 *                         string and a null for items, escapes and bidi in a
 *                         title, an impossible date, an odd code, an empty
 *                         title, a number code
 *   yahoo-rss.xml, google-news-en.xml (see test-rss.c): one story in both
 */
#include "config.h"

#include <stdlib.h>

#include "feeds/news_eastmoney.h"
#include "model/news.h"
#include "feeds/news_rss.h"
#include "fixture.h"
#include "tap.h"

static struct instrument sym(const char *s)
{
	struct instrument in;
	char err[128];

	if (!symbol_parse(s, &in, err, sizeof err))
		printf("Bail out! %s\n", err);
	return in;
}

/* A headline as a feed would hand it over; NULL fields stay NULL. */
static struct headline make(const char *source, const char *title, const char *link,
			    const char *guid, time_t t)
{
	struct headline h;

	memset(&h, 0, sizeof h);
	h.source = source ? strdup(source) : NULL;
	h.title = title ? strdup(title) : NULL;
	h.link = link ? strdup(link) : NULL;
	h.guid = guid ? strdup(guid) : NULL;
	h.time = t;
	return h;
}

static enum news_add add(struct news_list *l, const char *source, const char *title,
			 const char *link, const char *guid, time_t t)
{
	struct headline h = make(source, title, link, guid, t);

	return news_list_add(l, &h);
}

static void list_tests(void)
{
	struct news_list l;
	struct headline h;
	struct instrument in = sym("0700"), in2 = sym("9988");
	size_t i;

	news_list_init(&l);
	is_int(add(&l, "yahoo", "Tencent beats", "https://a/1", "g1", 100), NEWS_ADDED, "add: first");
	is_int(add(&l, "yahoo", "Other words", "https://a/2", "g1", 200), NEWS_DUPLICATE,
	       "add: same guid, same source");
	is_int(add(&l, "google", "Other words", "https://a/3", "g1", 200), NEWS_ADDED,
	       "add: same guid, other source is another story");
	is_int(add(&l, "google", "Third", "https://a/1", NULL, 300), NEWS_DUPLICATE, "add: same link");
	is_int(add(&l, "sina", "  TENCENT,  beats!! ", NULL, NULL, 400), NEWS_DUPLICATE,
	       "add: same title but for case, spaces, punctuation");
	is_int(add(&l, "sina", "腾讯，业绩胜预期！", NULL, NULL, 500), NEWS_ADDED, "add: CJK title");
	is_int(add(&l, "sina", "腾讯 业绩胜预期", NULL, NULL, 500), NEWS_DUPLICATE,
	       "add: CJK title, fullwidth punctuation ignored");
	is_int(add(&l, "sina", NULL, "https://a/9", NULL, 1), NEWS_INVALID, "add: no title refused");
	is_int(add(&l, "sina", "", "https://a/9", NULL, 1), NEWS_INVALID, "add: empty title refused");
	is_int(l.n, 3, "add: 3 kept");

	/* A duplicate brings its tags and what the first copy lacked. */
	h = make("yahoo", "Tencent beats", NULL, NULL, 0);
	h.publisher = strdup("Reuters");
	news_headline_add_tag(&h, &in);
	news_headline_add_tag(&h, &in2);
	is_int(news_list_add(&l, &h), NEWS_DUPLICATE, "merge: duplicate");
	ok(h.title == NULL && h.publisher == NULL, "merge: the duplicate was consumed");
	is_int(l.v[0].ntags, 2, "merge: tags taken");
	is_str(l.v[0].publisher, "Reuters", "merge: missing publisher taken");
	is_int(l.v[0].time, 100, "merge: known time kept");

	ok(!news_headline_add_tag(&l.v[0], &in), "tag: no repeat");
	for (i = 0; i < 20; i++) {
		char code[8];

		snprintf(code, sizeof code, "%04zu", i + 1);
		in = sym(code);
		news_headline_add_tag(&l.v[0], &in);
	}
	is_int(l.v[0].ntags, NEWS_TAGS_MAX, "tag: at most %d", NEWS_TAGS_MAX);

	/* Order: newest first, unknown last, ties in order of arrival. */
	add(&l, "x", "No time one", NULL, NULL, 0);
	add(&l, "x", "Tie A", NULL, NULL, 200);
	add(&l, "x", "Tie B", NULL, NULL, 200);
	add(&l, "x", "No time two", NULL, NULL, 0);
	news_list_sort(&l);
	is_str(l.v[0].title, "腾讯，业绩胜预期！", "sort: newest first");
	is_str(l.v[1].title, "Other words", "sort: tie keeps arrival order (1)");
	is_str(l.v[2].title, "Tie A", "sort: tie keeps arrival order (2)");
	is_str(l.v[3].title, "Tie B", "sort: tie keeps arrival order (3)");
	is_str(l.v[4].title, "Tencent beats", "sort: oldest known");
	is_str(l.v[5].title, "No time one", "sort: unknown times last, in order");
	is_str(l.v[6].title, "No time two", "sort: unknown times last (2)");
	news_list_keep(&l, 3);
	is_int(l.n, 3, "keep: 3");
	is_str(l.v[2].title, "Tie A", "keep: the newest 3");
	news_list_keep(&l, 0);
	is_int(l.n, 0, "keep: 0 empties the list");
	news_list_done(&l);
	news_list_done(&l);
	ok(l.v == NULL && l.n == 0, "free: twice is harmless");
}

static void cross_feed_tests(void)
{
	struct news_list all, feed;
	struct news_parse st;
	size_t len;
	char *body;

	news_list_init(&all);
	news_list_init(&feed);
	body = slurp("yahoo-rss.xml", &len);
	ok(news_rss_parse(body, len, "yahoo", &feed, &st), "merge: yahoo");
	free(body);
	body = slurp("google-news-en.xml", &len);
	ok(news_rss_parse(body, len, "google", &feed, &st), "merge: google");
	free(body);
	is_int(st.added, 2, "merge: google's Tencent story is yahoo's");
	is_int(feed.n, 6, "merge: 6 stories in all");
	is_int(news_list_merge(&all, &feed), 6, "merge: moved");
	is_int(feed.n, 0, "merge: source emptied");
	is_str(all.v[0].publisher, "Reuters", "merge: yahoo's copy gained the publisher");
	news_list_done(&all);
}

static void text_tests(void)
{
	char out[256], *s;
	bool nomem;

	is_int(news_text_dup(&s, " a\tb\x1b[1m ", 10, 10, NEWS_TEXT_PLAIN), NEWS_TEXT_OK, "dup: ok");
	is_str(s, "a b", "dup: sanitised");
	free(s);
	is_int(news_text_dup(&s, "&#x1b;[2J", 9, 10, NEWS_TEXT_ENTITIES), NEWS_TEXT_EMPTY,
	       "dup: an escape made of references is removed");
	ok(s == NULL, "dup: empty gives NULL");
	is_int(news_text_dup(&s, "abcdef", 6, 5, NEWS_TEXT_PLAIN), NEWS_TEXT_LONG, "dup: too long");
	is_int(news_text_dup(&s, "abc 腾讯", 9, 5, NEWS_TEXT_CUT), NEWS_TEXT_OK, "dup: cut");
	is_str(s, "abc", "dup: cut on a character boundary, trailing space trimmed");
	free(s);
	is_int(news_text_dup(&s, "\xff\xfe", 2, 10, NEWS_TEXT_PLAIN), NEWS_TEXT_OK, "dup: bad UTF-8");
	is_str(s, "\xef\xbf\xbd\xef\xbf\xbd", "dup: bad UTF-8 replaced, room for the growth");
	free(s);

#define LINK(in, want, what) do { \
	s = news_link_dup(in, strlen(in), &nomem); \
	is_str(s ? s : "(refused)", want, "link: %s", what); \
	free(s); \
} while (0)
	LINK("https://example.com/a?b=1#c", "https://example.com/a?b=1#c", "https");
	LINK(" \n http://example.com \t", "http://example.com", "http, trimmed");
	LINK("https://例子.中国/路径", "https://例子.中国/路径", "IRI");
	LINK("javascript:alert(1)", "(refused)", "javascript:");
	LINK("JaVaScRiPt:alert(1)", "(refused)", "javascript: any case");
	LINK("data:text/html,x", "(refused)", "data:");
	LINK("file:///etc/passwd", "(refused)", "file:");
	LINK("ftp://example.com", "(refused)", "ftp:");
	LINK("//example.com/x", "(refused)", "scheme-relative");
	LINK("/news/x", "(refused)", "relative");
	LINK("https://", "(refused)", "no host");
	LINK("https://?x", "(refused)", "query, no host");
	LINK("https://a b", "(refused)", "space");
	LINK("https://a\x1b[2Jb", "(refused)", "ESC");
	LINK("https://a\xc2\x9b" "2Jb", "(refused)", "8-bit CSI");
	LINK("https://a\xe2\x80\xae" "b", "(refused)", "RLO");
	LINK("https://a\xff", "(refused)", "bad UTF-8");

	news_title_key(out, sizeof out, "  Tencent's  Q2: BEATS -- “estimates”… ");
	is_str(out, "tencent s q2 beats estimates", "key: folded, punctuation a gap, spaces collapsed");
	news_title_key(out, sizeof out, "【腾讯】业绩，胜预期！");
	is_str(out, "腾讯业绩胜预期", "key: CJK punctuation out");
	news_title_key(out, 5, "abcdefgh");
	is_str(out, "abcd", "key: capped");

	ok(news_time_sane(0) && news_time_sane(1786090512), "time: 1970 and 2026 sane");
	ok(!news_time_sane(-1) && !news_time_sane((time_t)4133980800LL), "time: before 1970, after 2100");
}

static bool em(const char *body, struct news_list *l, struct news_parse *st)
{
	return news_eastmoney_parse(body, strlen(body), l, st);
}

static void eastmoney_tests(void)
{
	struct news_list l;
	struct news_parse st;
	struct instrument in;
	size_t len;
	char *body;

	news_list_init(&l);
	body = slurp("eastmoney-fast.json", &len);
	ok(news_eastmoney_parse(body, len, &l, &st), "eastmoney: parses");
	free(body);
	is_str(st.err, "", "eastmoney: no error");
	is_int(st.items, 3, "eastmoney: 3 items");
	is_int(l.n, 3, "eastmoney: 3 headlines");
	if (l.n == 3) {
		is_str(l.v[0].title, "腾讯控股：第二季度收入同比增长15%", "eastmoney: title");
		is_str(l.v[0].source, "eastmoney", "eastmoney: source");
		is_str(l.v[0].guid, "202608073471234567", "eastmoney: guid is the code");
		is_str(l.v[0].link, "https://finance.eastmoney.com/a/202608073471234567.html",
		       "eastmoney: link made from the code");
		is_int(l.v[0].time, 1786090080, "eastmoney: showTime is UTC+8");
		is_int(l.v[0].ntags, 2, "eastmoney: stockList tags");
		in = sym("0700");
		ok(l.v[0].ntags >= 1 && symbol_equal(&l.v[0].tags[0], &in), "eastmoney: 116.00700 is 0700");
		in = sym("BABA");
		ok(l.v[0].ntags >= 2 && symbol_equal(&l.v[0].tags[1], &in), "eastmoney: 105.BABA is BABA");
		is_int(l.v[1].ntags, 0, "eastmoney: empty stockList");
		is_int(l.v[1].time, 1786087812, "eastmoney: time 2");
		is_str(l.v[2].summary, "阿里巴巴&美团午后走低，外卖补贴战持续。",
		       "eastmoney: summary HTML and entities");
	}
	news_list_done(&l);

	body = slurp("eastmoney-types.json", &len);
	ok(news_eastmoney_parse(body, len, &l, &st), "types: the feed still parses");
	free(body);
	is_int(st.items, 9, "types: 9 items");
	is_int(st.skipped, 8, "types: 8 skipped");
	is_str(st.note, "eastmoney: item 1: title has the wrong type", "types: first cause");
	is_int(l.n, 1, "types: 1 kept");
	if (l.n == 1) {
		is_str(l.v[0].title, "美团涨", "types: escapes and bidi removed");
		ok(!l.v[0].link && !l.v[0].guid, "types: odd code gives no link");
		is_int(l.v[0].time, 0, "types: 30 February is unknown");
		is_int(l.v[0].ntags, 1, "types: only the good secid tags");
	}
	news_list_done(&l);

#define EM_FAIL(body, cause, what) do { \
	ok(!em(body, &l, &st), "eastmoney fails: %s", what); \
	is_str(st.err, cause, "eastmoney fails: %s: cause", what); \
} while (0)
	EM_FAIL("{\"code\":1,\"data\":{\"fastNewsList\":[]}}", "eastmoney: reply has no string \"code\"",
		"numeric code");
	EM_FAIL("{\"code\":\"0\",\"message\":\"\\u001b]0;x\\u0007bad request\"}",
		"eastmoney: error code \"0\": bad request", "code \"0\"");
	EM_FAIL("{\"code\":\"-1\"}", "eastmoney: error code \"-1\": no message", "no message");
	/* A message cut where a space falls leaves no space at the end (the
	 * fuzzer found one). */
	EM_FAIL("{\"code\":\"0\",\"message\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbb\"}",
		"eastmoney: error code \"0\": aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		"message cut at a space");
	EM_FAIL("{\"code\":\"1\",\"data\":[]}", "eastmoney: \"data\" is not an object", "data array");
	EM_FAIL("{\"code\":\"1\",\"data\":{\"fastNewsList\":{}}}",
		"eastmoney: \"data.fastNewsList\" is not an array", "list object");
	EM_FAIL("{\"code\":\"1\",\"data\":{}}", "eastmoney: \"data.fastNewsList\" is not an array",
		"no list");
	EM_FAIL("[1,2]", "eastmoney: reply is not JSON", "array");
	EM_FAIL("<html>503</html>", "eastmoney: reply is not JSON", "HTML");
	EM_FAIL("{\"code\":\"1\",", "eastmoney: reply is not JSON", "cut off");
	EM_FAIL("", "eastmoney: reply is not JSON", "empty");
	ok(!news_eastmoney_parse("{}", (size_t)50 << 20, &l, &st), "eastmoney fails: 50 MiB");
	is_str(st.err, "eastmoney: reply of 52428800 bytes is over the 4194304-byte limit",
	       "eastmoney fails: 50 MiB: cause");
	is_int(l.n, 0, "eastmoney fails: nothing added");

	ok(em("jQuery123({\"code\":\"1\",\"data\":{\"fastNewsList\":[{\"title\":\"JSONP\"}]}});", &l, &st),
	   "eastmoney: JSONP wrapper");
	is_int(l.n, 1, "eastmoney: JSONP item");
	news_list_done(&l);
}

/* Stories dated ahead of the clock take the time they were first seen. */
static void ahead_tests(void)
{
	const time_t now = 1786092300, y2100 = 4102444800;
	struct news_list l, seen;

	news_list_init(&l);
	news_list_init(&seen);
	add(&l, "yahoo", "From 2100", "https://a/2100", "g1", y2100);
	add(&l, "yahoo", "Five minutes ahead", "https://a/5m", "g2", now + NEWS_AHEAD_MAX);
	add(&l, "yahoo", "A second more", "https://a/5m1s", "g3", now + NEWS_AHEAD_MAX + 1);
	add(&l, "yahoo", "Undated", "https://a/u", "g4", 0);
	is_int((long)news_list_date_ahead(&l, &seen, now), 2, "ahead: two re-dated");
	ok(l.v[0].time == now && l.v[0].dated == y2100, "2100: now, its date kept");
	ok(l.v[1].time == now + NEWS_AHEAD_MAX && !l.v[1].dated, "five minutes ahead: believed");
	ok(l.v[2].time == now && l.v[2].dated == now + NEWS_AHEAD_MAX + 1, "a second more: not");
	ok(!l.v[3].time && !l.v[3].dated, "undated stays undated");
	/* The next fetch, an hour on: the time first seen stays. */
	add(&seen, "yahoo", "From 2100", "https://a/2100", "g1", y2100);
	news_list_date_ahead(&seen, &l, now + 3600);
	ok(seen.v[0].time == now && seen.v[0].dated == y2100, "an hour on: first seen an hour ago");
	news_list_done(&l);
	news_list_done(&seen);
}

int main(void)
{
	list_tests();
	ahead_tests();
	cross_feed_tests();
	text_tests();
	eastmoney_tests();
	return tap_done();
}
