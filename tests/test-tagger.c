/* test-tagger.c - tagging headlines with instruments from share/aliases.tsv
 *
 * Reads the shipped share/aliases.tsv and share/instruments.tsv (from
 * $top_srcdir, as the build compiles them in), so the table is tested as
 * it ships: every instrument has an alias, no line is bad, and the
 * matching rules hold for real names.
 */
#include "config.h"

#include <stdlib.h>

#include "model/instruments.h"
#include "model/news.h"
#include "model/tagger.h"
#include "fixture.h"
#include "tap.h"

static struct tagger tg;

/* The tags of text as display symbols, space-separated: "0700 9988". */
static const char *tags(const char *text)
{
	static char buf[256];
	struct instrument out[NEWS_TAGS_MAX];
	size_t n = tagger_tag(&tg, text, out, NEWS_TAGS_MAX), i;

	buf[0] = '\0';
	for (i = 0; i < n; i++) {
		if (i)
			strcat(buf, " ");
		strcat(buf, out[i].display);
	}
	return buf;
}

#define TAGS(text, want, what) is_str(tags(text), want, "tag: %s", what)

static void table_tests(void)
{
	struct instrument_db db;
	struct instrument out[4];
	char err[128];
	size_t len, bad, i, k;
	char *text;
	bool found;

	text = slurp_share("aliases.tsv", &len);
	bad = tagger_load(&tg, text, len, err, sizeof err);
	free(text);
	is_int(bad, 0, "table: no bad lines (%s)", err);
	ok(tg.n > 250, "table: %zu aliases", tg.n);

	text = slurp_share("instruments.tsv", &len);
	instruments_load(&db, text, len);
	free(text);
	ok(db.n > 30, "table: %zu instruments", db.n);
	for (i = 0; i < db.n; i++) {
		found = false;
		for (k = 0; k < tg.n; k++)
			if (!tg.v[k].block && symbol_equal(&tg.v[k].in, &db.v[i].in))
				found = true;
		ok(found, "table: %s has aliases", db.v[i].in.display);
		/* Its simplified Chinese name, less the -W / -SW suffix, tags it. */
		snprintf(err, sizeof err, "%s", db.v[i].name_zh);
		if (strchr(err, '-'))
			*strchr(err, '-') = '\0';
		found = false;
		len = tagger_tag(&tg, err, out, 4);
		for (k = 0; k < len; k++)
			if (symbol_equal(&out[k], &db.v[i].in))
				found = true;
		ok(found, "table: \"%s\" tags %s", err, db.v[i].in.display);
	}
	instruments_done(&db);
}

static void match_tests(void)
{
	TAGS("Tencent beats estimates", "0700", "English name");
	TAGS("TENCENT and tencent", "0700", "any case, once");
	TAGS("Tencent's results", "0700", "possessive");
	TAGS("Tencentish", "", "not inside a word");
	TAGS("JD.com sales jump", "9618", "JD.com");
	TAGS("JD shares jump", "9618", "ticker JD");
	TAGS("JDate raises prices", "", "JD not in JDate");
	TAGS("Jd shares", "", "ticker only as written");
	TAGS("JD Vance visits Beijing", "", "blocker: JD Vance");
	TAGS("JD Health and JD.com", "6618 9618", "JD Health is not JD.com");
	TAGS("Union workers strike", "", "NIO not in Union");
	TAGS("NIO deliveries rise", "9866", "NIO");
	TAGS("Nio Inc deliveries", "9866", "Nio Inc");
	TAGS("Li Auto prices", "2015", "Li Auto");
	TAGS("LI stock rises", "2015", "ticker LI");
	TAGS("Li Ka-shing sells", "", "Li alone is no ticker");
	TAGS("Baba Vanga predicts", "", "Baba is not BABA");
	TAGS("BABA and BIDU fall", "9988 BABA 9888 BIDU", "ADR tickers, HK and US");
	TAGS("Alibaba Health rises", "0241", "Alibaba Health, not Alibaba");
	TAGS("Alibaba, Meituan", "9988 BABA 3690", "comma-separated names");
	TAGS("Hang Seng Index falls; Hang Seng Tech Index down", "HSI HSTECH", "indexes");
	TAGS("HSI down 1%", "HSI", "HSI");
	TAGS("Hang Seng Bank", "", "Hang Seng alone is no index");
	TAGS("Tencent Music earnings", "1698", "Tencent Music, not Tencent");
	TAGS("BYD Electronic and BYD", "0285 1211", "BYD Electronic, then BYD");
	TAGS("Kingsoft Cloud losses", "", "blocker: Kingsoft Cloud");
	TAGS("Trip.com bookings", "9961", "Trip.com");
	TAGS("0700.HK and 9988.HK", "0700 9988", "codes with .HK");
	TAGS("(00700) (09988)", "0700 9988", "five-digit codes");
	TAGS("700.hk", "0700", "short .HK code, any case");
	TAGS("107001 and 10700", "", "codes not inside numbers");
	TAGS("In 2015, 1024 GPUs", "", "year-like codes only with .HK");
	TAGS("2015.HK", "2015", "year-like code with .HK");
	TAGS("腾讯控股公布业绩", "0700", "simplified");
	TAGS("騰訊控股公布業績", "0700", "traditional");
	TAGS("腾讯音乐与腾讯", "1698 0700", "longest CJK alias first");
	TAGS("阿里健康、阿里巴巴、阿里云", "0241 9988 BABA", "阿里 prefixes");
	TAGS("京东健康与京東", "6618 9618", "京东健康 vs 京東");
	TAGS("比亚迪电子", "0285", "比亚迪电子 is not 比亚迪");
	TAGS("恒生科技指数跌0.8%，恒生指數跌0.4%", "HSTECH HSI", "CJK indexes");
	TAGS("他联想到了过去", "", "blocker: 联想到");
	TAGS("联想集团业绩", "0992", "联想集团");
	TAGS("不同程度上涨", "", "同程 alone is not an alias");
	TAGS("港股小米B站快手", "1810 9626 1024", "CJK run without spaces");
	TAGS("美团Meituan", "3690", "CJK and Latin adjoining");
	TAGS("", "", "empty");
	TAGS("\xe8\x85", "", "cut-off UTF-8");
}

static void load_tests(void)
{
	static const char text[] =
		"# comment\n"
		"\n"
		"0700\tTencent\r\n"
		"0700\n"
		"NOPE!\tx\n"
		"0700\t\n"
		"-\tTencent Cloud\n"
		"9988\tAli\x1b[31mbaba\n";
	struct tagger t;
	struct instrument out[4];
	struct headline h;
	char err[128];

	is_int(tagger_load(&t, text, sizeof text - 1, err, sizeof err), 3, "load: 3 bad lines");
	is_str(err, "line 4: want symbol<TAB>alias", "load: first bad line named");
	is_int(t.n, 3, "load: 3 aliases");
	is_int(tagger_tag(&t, "Tencent Cloud; Alibaba", out, 4), 1, "load: blocker and sanitised alias");
	ok(out[0].display[0] && strcmp(out[0].display, "9988") == 0, "load: Alibaba");
	is_int(tagger_tag(&t, "Tencent", out, 0), 0, "load: max 0");
	tagger_done(&t);
	is_int(tagger_load(&t, "", 0, err, sizeof err), 0, "load: empty table");
	is_int(tagger_tag(&t, "Tencent", out, 4), 0, "load: empty table tags nothing");
	tagger_done(&t);

	memset(&h, 0, sizeof h);
	h.title = strdup("Markets wrap");
	h.summary = strdup("Tencent and Xiaomi led gains");
	is_int(tagger_tag_headline(&tg, &h), 2, "headline: from the summary when the title has none");
	free(h.summary);
	h.summary = strdup("Alibaba");
	free(h.title);
	h.title = strdup("Tencent rises");
	is_int(tagger_tag_headline(&tg, &h), 0, "headline: title's tags, summary unread");
	is_int(h.ntags, 2, "headline: tags kept");
	news_headline_done(&h);
}

int main(void)
{
	table_tests();
	match_tests();
	load_tests();
	tagger_done(&tg);
	return tap_done();
}
