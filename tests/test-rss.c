/* test-rss.c - RSS and Atom feeds to headlines: the real shapes, dates, and hostile feeds
 *
 * Fixtures (tests/fixtures/, written for these tests after FORMATS.md §3.5, §5):
 *   yahoo-rss.xml       Yahoo headline RSS: &apos; &#39; &#x2014;, CDATA HTML
 *                       description with <script>, media:content, dc:creator,
 *                       pubDate in +0000, EDT, +0800 and "7 Aug 26 01:30 GMT"
 *   google-news-en.xml  Google News search RSS: "Headline - Publisher" titles
 *                       with <source>, escaped-HTML descriptions echoing the title
 *   google-news-zh.xml  the same with hl=zh-HK: traditional Chinese
 *   atom.xml            Atom 1.0: html and xhtml text, several links, published
 *                       over updated, fractional seconds, dc:date, relative link
 *   hostile-rss.xml     escapes (double-escaped OSC/CSI, 8-bit CSI), bidi
 *                       overrides, javascript:/data: links, C1 in a link,
 *                       missing, blank and 2 KiB titles, script/style/comment
 *                       in a description, bad and far-future dates
 *   broken-rss.xml      cut off in the middle of an item
 *   billion-laughs.xml  nested entity expansion
 */
#include "config.h"

#include <stdlib.h>

#include "model/news.h"
#include "feeds/news_rss.h"
#include "fixture.h"
#include "tap.h"

static bool parse_file(const char *name, const char *source, struct news_list *l,
		       struct news_parse *st)
{
	size_t len;
	char *body = slurp(name, &len);
	bool ok = news_rss_parse(body, len, source, l, st);

	free(body);
	return ok;
}

static bool parse_str(const char *body, struct news_list *l, struct news_parse *st)
{
	return news_rss_parse(body, strlen(body), "test", l, st);
}

#define is_null(p, ...) ok((p) == NULL, __VA_ARGS__)

static void yahoo_tests(void)
{
	struct news_list l;
	struct news_parse st;
	const struct headline *h;

	news_list_init(&l);
	ok(parse_file("yahoo-rss.xml", "yahoo", &l, &st), "yahoo: parses");
	is_str(st.err, "", "yahoo: no error");
	is_int(st.items, 4, "yahoo: 4 items");
	is_int(st.added, 4, "yahoo: 4 added");
	is_int(st.skipped, 0, "yahoo: none skipped");
	if (l.n != 4) {
		news_list_done(&l);
		return;
	}
	h = &l.v[0];
	is_str(h->title, "Tencent's second-quarter revenue beats estimates as gaming rebounds",
	       "yahoo: &apos; decoded");
	is_str(h->link, "https://finance.yahoo.com/news/tencent-second-quarter-revenue-beats-081512345.html?.tsrc=rss",
	       "yahoo: link");
	is_str(h->guid, "5f1c2b9e-3c4d-4b8a-9e51-0a7d2c9f4e11", "yahoo: guid");
	is_str(h->source, "yahoo", "yahoo: source");
	is_null(h->publisher, "yahoo: no publisher");
	is_int(h->time, 1786090512, "yahoo: pubDate +0000");
	is_str(h->summary, "Tencent Holdings reported second-quarter revenue that beat analysts' estimates.",
	       "yahoo: summary");
	h = &l.v[1];
	is_str(h->title, "Alibaba, JD.com & Meituan slide as delivery price war deepens",
	       "yahoo: &amp; in a title");
	is_int(h->time, 1786068300, "yahoo: pubDate EDT");
	is_str(h->summary, "Shares of Alibaba fell 3% in Hong Kong\xe2\x80\xa6",
	       "yahoo: CDATA HTML to text, &nbsp; &hellip;, script dropped");
	h = &l.v[2];
	is_str(h->title, "Hang Seng Index opens higher; Xiaomi leads tech gains", "yahoo: title 3");
	is_int(h->time, 1786066200, "yahoo: no weekday, two-digit year, no seconds");
	is_null(h->summary, "yahoo: empty description is no summary");
	h = &l.v[3];
	is_str(h->title, "Baidu's chatbot \xe2\x80\x94 what investors need to know",
	       "yahoo: &#39; and &#x2014;");
	is_int(h->time, 1786075200, "yahoo: pubDate +0800");
	is_null(h->summary, "yahoo: a description repeating the title is dropped");
	news_list_done(&l);
}

static void google_tests(void)
{
	struct news_list l;
	struct news_parse st;

	news_list_init(&l);
	ok(parse_file("google-news-en.xml", "google", &l, &st), "google en: parses");
	is_int(l.n, 3, "google en: 3 headlines");
	if (l.n == 3) {
		is_str(l.v[0].title, "Tencent's second-quarter revenue beats estimates as gaming rebounds",
		       "google en: \" - Reuters\" split off");
		is_str(l.v[0].publisher, "Reuters", "google en: publisher from <source>");
		is_null(l.v[0].summary, "google en: description echoing title and publisher dropped");
		is_int(l.v[0].time, 1786090800, "google en: pubDate GMT");
		is_str(l.v[0].guid, "CBMiWmh0dHBzOi8vd3d3LnJldXRlcnMuY29tL3RlY2hub2xvZ3kvdGVuY2VudA",
		       "google en: guid");
		is_str(l.v[1].title, "JD.com - Alibaba price war: what it means for investors",
		       "google en: only the last \" - Publisher\" is split off");
		is_str(l.v[1].publisher, "South China Morning Post", "google en: long publisher");
		is_str(l.v[2].title, "Li Auto cuts prices on its L-series SUVs",
		       "google en: title without the suffix kept whole");
		is_str(l.v[2].publisher, "Bloomberg", "google en: publisher 3");
	}
	news_list_done(&l);

	ok(parse_file("google-news-zh.xml", "google", &l, &st), "google zh: parses");
	is_int(l.n, 3, "google zh: 3 headlines");
	if (l.n == 3) {
		is_str(l.v[0].title, "騰訊第二季收入勝預期 遊戲業務回暖", "google zh: title");
		is_str(l.v[0].publisher, "經濟日報", "google zh: publisher");
		is_str(l.v[1].publisher, "香港01", "google zh: publisher with digits");
		is_str(l.v[2].title, "恒生指數高開 騰訊音樂及小米領漲", "google zh: title 3");
		is_str(l.v[2].publisher, "Yahoo財經", "google zh: mixed-script publisher");
		is_str(l.v[2].link, "https://news.google.com/rss/articles/CBMiPmh0dHBzOi8vaGsuZmluYW5jZS55YWhvby5jb20vbmV3cy8z?oc=5",
		       "google zh: link");
	}
	news_list_done(&l);
}

static void atom_tests(void)
{
	struct news_list l;
	struct news_parse st;

	news_list_init(&l);
	ok(parse_file("atom.xml", "atom", &l, &st), "atom: parses");
	is_int(l.n, 3, "atom: 3 entries (feed title, id, author not taken as entries)");
	if (l.n == 3) {
		is_str(l.v[0].title, "Meituan & Kuaishou: earnings preview", "atom: type=html title");
		is_str(l.v[0].link, "https://example.com/news/meituan-kuaishou",
		       "atom: rel=alternate link, not the enclosure");
		is_str(l.v[0].guid, "tag:example.com,2026:1", "atom: id is the guid");
		is_int(l.v[0].time, 1786089600, "atom: published (+08:00) over updated");
		is_str(l.v[0].summary, "Both report next week.", "atom: html summary");
		is_str(l.v[1].title, "SMIC <capacity> update", "atom: text title kept literally");
		is_str(l.v[1].link, "https://example.com/news/smic", "atom: link without rel");
		is_int(l.v[1].time, 1786075199, "atom: updated, fractional seconds, -04:00");
		is_str(l.v[1].summary, "Hua Hong and SMIC expand capacity", "atom: xhtml content to text");
		is_str(l.v[2].title, "Lenovo results", "atom: title 3");
		is_null(l.v[2].link, "atom: relative link dropped");
		is_int(l.v[2].time, 1785888000, "atom: dc:date, date only");
	}
	news_list_done(&l);
}

static void hostile_tests(void)
{
	struct news_list l;
	struct news_parse st;
	const struct headline *h;
	size_t i;

	news_list_init(&l);
	ok(parse_file("hostile-rss.xml", "evil", &l, &st), "hostile: parses");
	is_int(st.items, 11, "hostile: 11 items");
	is_int(st.skipped, 3, "hostile: no title, 2 KiB title, blank title skipped");
	is_str(st.note, "evil: item 7: no title", "hostile: first skip named");
	is_int(l.n, 8, "hostile: 8 kept");
	if (l.n != 8) {
		news_list_done(&l);
		return;
	}
	h = &l.v[0];
	is_str(h->title, "Tencent up 5%", "hostile: double-escaped OSC and CSI, 8-bit CSI removed");
	is_null(h->link, "hostile: javascript: link dropped");
	is_str(h->guid, "h1", "hostile: item kept with its guid");
	h = &l.v[1];
	is_str(h->title, "%5- Alibaba", "hostile: RLO, LRI, RLM removed");
	is_null(h->link, "hostile: data: link and javascript: permalink guid dropped");
	is_str(l.v[2].link, "HTTPS://Example.com/ok?a=1&b=2", "hostile: link trimmed, any-case scheme");
	is_null(l.v[3].link, "hostile: link with a space dropped");
	is_null(l.v[4].link, "hostile: link with a C1 control dropped");
	is_null(l.v[5].link, "hostile: link without a host dropped");
	h = &l.v[6];
	is_str(h->title, "Script in description", "hostile: title 7");
	is_str(h->summary, "Visible text red next",
	       "hostile: script, style, comment, escape, unterminated tag removed");
	is_int(h->time, 0, "hostile: unparseable date is unknown");
	is_int(l.v[7].time, 0, "hostile: year 9999 is unknown");
	for (i = 0; i < l.n; i++)
		ok(!l.v[i].title || strlen(l.v[i].title) <= NEWS_TITLE_MAX, "hostile: title %zu capped", i);
	news_list_done(&l);
}

static void refusal_tests(void)
{
	struct news_list l;
	struct news_parse st;
	char small[64] = "<rss/>";
	char *many;
	size_t i, n;

	news_list_init(&l);
	ok(parse_file("yahoo-rss.xml", "yahoo", &l, &st), "refuse: a list with headlines");

	/* 50 MiB announced, 64 bytes there: the cap must refuse it unread. */
	ok(!news_rss_parse(small, (size_t)50 << 20, "big", &l, &st), "refuse: 50 MiB feed");
	is_str(st.err, "big: feed of 52428800 bytes is over the 4194304-byte limit",
	       "refuse: 50 MiB feed: cause");
	ok(!parse_file("billion-laughs.xml", "lol", &l, &st), "refuse: billion laughs");
	is_str(st.err, "lol: the feed declares entities (refused: a feed never needs them)",
	       "refuse: billion laughs: cause");
	ok(!parse_str("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
		      "<rss><channel><item><title>&x;</title></item></channel></rss>", &l, &st),
	   "refuse: external entity");
	ok(!parse_str("<!DOCTYPE rss [<!ENTITY % p \"x\">]><rss/>", &l, &st),
	   "refuse: parameter entity");
	ok(!parse_file("broken-rss.xml", "cut", &l, &st), "refuse: cut-off feed");
	ok(strncmp(st.err, "cut: XML error at line 5: ", 26) == 0, "refuse: cut-off: line named (%s)",
	   st.err);
	ok(!parse_str("<rss><channel><item><title>a\x1b[2Jb</title></item></channel></rss>", &l, &st),
	   "refuse: raw ESC is not XML");
	is_str(st.err, "test: XML error at line 1: not well-formed (invalid token)",
	       "refuse: raw ESC: expat's cause");
	ok(!parse_str("<html><body><item><title>x</title></item></body></html>", &l, &st),
	   "refuse: HTML page");
	is_str(st.err, "test: not an RSS or Atom feed (the root element is not rss, rdf:RDF or feed)",
	       "refuse: HTML page: cause");
	many = malloc(300 * 3 + 64);
	strcpy(many, "<rss>");
	for (i = 0; i < 300; i++)
		strcat(many, "<a>");
	ok(!parse_str(many, &l, &st), "refuse: deep nesting");
	is_str(st.err, "test: elements nested more than 256 deep", "refuse: deep nesting: cause");
	free(many);
	ok(!parse_str("", &l, &st), "refuse: empty body");
	ok(!news_rss_parse(NULL, 0, "test", &l, &st), "refuse: no body");
	is_int(l.n, 4, "refuse: failed feeds added nothing");
	is_int(st.added, 0, "refuse: added 0");
	news_list_done(&l);

	/* Past the item cap: the first RSS_MAX_ITEMS are kept. */
	n = RSS_MAX_ITEMS + 100;
	many = malloc(n * 64 + 64);
	strcpy(many, "<rss><channel>");
	for (i = 0; i < n; i++)
		sprintf(many + strlen(many), "<item><title>Headline %zu</title></item>", i);
	strcat(many, "</channel></rss>");
	ok(parse_str(many, &l, &st), "cap: %zu items parse", n);
	is_int(st.items, n, "cap: all counted");
	is_int(l.n, RSS_MAX_ITEMS, "cap: %d kept", RSS_MAX_ITEMS);
	is_int(st.skipped, 100, "cap: the rest skipped");
	free(many);
	news_list_done(&l);
}

static void shape_tests(void)
{
	struct news_list l;
	struct news_parse st;

	news_list_init(&l);
	ok(parse_str("<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
		     "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\">"
		     "<rss version=\"0.91\"><channel><item><title>A&nbsp;B&eacute;</title>"
		     "</item></channel></rss>", &l, &st),
	   "shape: RSS 0.91 DOCTYPE without entities accepted");
	if (l.n == 1)
		is_str(l.v[0].title, "A B&eacute;", "shape: DTD entities kept for the HTML decoder");
	news_list_done(&l);

	ok(parse_str("<a:feed xmlns:a=\"http://www.w3.org/2005/Atom\"><a:entry><a:title>Prefixed</a:title>"
		     "<a:link href=\"http://example.com/p\"/><a:updated>2026-08-07T08:00:00Z</a:updated>"
		     "</a:entry></a:feed>", &l, &st), "shape: prefixed Atom namespace");
	if (l.n == 1) {
		is_str(l.v[0].title, "Prefixed", "shape: prefixed Atom title");
		is_int(l.v[0].time, 1786089600, "shape: prefixed Atom updated");
	}
	news_list_done(&l);

	ok(!parse_str("<feed><entry><title>Not Atom</title></entry></feed>", &l, &st),
	   "shape: <feed> without the Atom namespace is not a feed");
	is_int(l.n, 0, "shape: ... and adds nothing");

	ok(parse_str("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
		     "xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
		     "<channel><title>c</title></channel><item><title>RSS 1.0</title>"
		     "<link>https://example.com/r</link><dc:date>2026-08-07T16:00:00+08:00</dc:date>"
		     "</item></rdf:RDF>", &l, &st), "shape: RSS 1.0");
	if (l.n == 1) {
		is_str(l.v[0].link, "https://example.com/r", "shape: RSS 1.0 link");
		is_int(l.v[0].time, 1786089600, "shape: RSS 1.0 dc:date");
	}
	news_list_done(&l);

	ok(parse_str("<rss><channel><item><title>Same</title><guid>g1</guid></item>"
		     "<item><title>Same again</title><guid>g1</guid></item>"
		     "<item><title>Other</title><guid isPermaLink=\"true\">http://example.com/o</guid>"
		     "</item></channel></rss>", &l, &st), "shape: repeated guid");
	is_int(st.items, 3, "shape: 3 items");
	is_int(st.added, 2, "shape: the repeat merged");
	if (l.n == 2)
		is_str(l.v[1].link, "http://example.com/o", "shape: permalink guid as the link");
	news_list_done(&l);
}

int main(void)
{
	yahoo_tests();
	google_tests();
	atom_tests();
	hostile_tests();
	refusal_tests();
	shape_tests();
	return tap_done();
}
