/* test-options.c - the option table, its validation, and the config parser */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/builtin.h"
#include "config/conffile.h"
#include "config/options.h"
#include "fixture.h"
#include "tap.h"

static void set_bad(const char *key, const char *value, const char *want)
{
	struct options o;
	char err[320] = "";

	options_init(&o);
	ok(!options_set(&o, key, value, err, sizeof err), "%s = %s is refused", key, value);
	is_str(err, want, "cause for %s = %s", key, value);
	options_done(&o);
}

int main(void)
{
	struct options o, d;
	struct causes c = { 0 };
	char err[320], buf[1024], path[] = "/tmp/hktop-test-XXXXXX";
	int fd;

	/* Defaults of the table are valid, and the built-in hktoprc says the
	 * same as the table: the shipped file can never drift from the code. */
	options_init(&d);
	options_init(&o);
	conffile_parse(&o, "hktoprc", builtin_config, builtin_config_len, &c);
	is_int(c.n, 0, "built-in hktoprc parses without a complaint");
	for (size_t i = 0; i < options_count; i++) {
		char a[1024], b[1024];
		if (options_table[i].type == OPT_SYMBOLS)
			continue;
		options_format(&o, &options_table[i], a, sizeof a);
		options_format(&d, &options_table[i], b, sizeof b);
		is_str(a, b, "hktoprc agrees with the table on %s", options_table[i].name);
		ok(strstr(builtin_config, options_table[i].name) != NULL,
		   "hktoprc documents %s", options_table[i].name);
		ok(options_table[i].help && options_table[i].help[0], "%s has help", options_table[i].name);
	}
	ok(o.nwatch >= 37, "default watchlist has the HSTECH names and more (%zu)", o.nwatch);
	is_str(o.watchlist[0].display, "HSI", "watchlist starts with HSI");
	is_str(o.watchlist[2].display, "0700", "then Tencent");
	options_done(&o);
	options_done(&d);
	conffile_causes_done(&c);

	options_init(&o);
	ok(options_set(&o, "refresh", "30", err, sizeof err), "refresh = 30");
	ok(options_set(&o, "demo.start", "09:15", err, sizeof err) && o.demo_start == 9 * 60 + 15,
	   "demo.start = 09:15: the minute of the day");
	options_format(&o, options_find("demo.start"), buf, sizeof buf);
	is_str(buf, "09:15", "and written back as HH:MM");
	ok(!options_set(&o, "demo.start", "24:00", err, sizeof err) && strstr(err, "HH:MM"),
	   "demo.start = 24:00 refused: %s", err);
	ok(!options_set(&o, "demo.start", "9:15", err, sizeof err), "demo.start = 9:15 refused");
	ok(!options_set(&o, "demo.start", "09:15x", err, sizeof err), "demo.start = 09:15x refused");
	ok(!options_set(&o, "demo.start", "", err, sizeof err), "demo.start empty refused");
	is_int(o.demo_start, 9 * 60 + 15, "a refused value leaves it as it was");
	is_int(o.refresh, 30, "refresh stored");
	ok(options_set(&o, "max_body", "512K", err, sizeof err), "max_body = 512K");
	is_int(o.max_body, 512 * 1024, "K suffix");
	ok(options_set(&o, "quotes.failover", "off", err, sizeof err), "bool off");
	ok(!o.quotes_failover, "failover off");
	ok(options_set(&o, "names", "zh", err, sizeof err), "names = zh");
	is_int(o.names, NAMES_ZH, "names stored");
	ok(options_set(&o, "tencent.quote_url", "http://127.0.0.1:8080/", err, sizeof err), "url");
	is_str(o.tencent_quote_url, "http://127.0.0.1:8080", "trailing slash dropped");
	ok(options_set_pair(&o, "watchlist= 700, hsi BABA 0700.HK", err, sizeof err), "-o watchlist");
	is_int(o.nwatch, 3, "duplicates listed once");
	options_format(&o, options_find("watchlist"), buf, sizeof buf);
	is_str(buf, "0700 HSI BABA", "watchlist formatted");
	options_done(&o);

	set_bad("refresh", "0", "\"0\": out of range 1..3600 seconds");
	set_bad("refresh", "5s", "\"5s\": not a whole number");
	set_bad("refresh", "-5", "\"-5\": not a whole number");
	set_bad("refresh", "99999999999999999999", "\"99999999999999999999\": not a whole number");
	set_bad("timeout", "", "\"\": not a whole number");
	set_bad("max_body", "1G", "\"1G\": not a size (e.g. 2M, 512K, 65536)");
	set_bad("max_body", "100M", "\"100M\": out of range 4096..67108864 bytes");
	set_bad("quotes.source", "yahoo", "\"yahoo\": not one of tencent, sina");
	set_bad("quotes.failover", "maybe", "\"maybe\": not yes or no");
	set_bad("colors.up", "blue", "\"blue\": not one of auto, green, red");
	set_bad("tencent.quote_url", "ftp://x", "\"ftp://x\": not an http:// or https:// URL");
	set_bad("tencent.quote_url", "http://a b", "\"http://a b\": URL contains a space or an unsafe character");
	set_bad("watchlist", "700 XYZ123", "\"XYZ123\": not a symbol (try 700, 0700.HK, HSI or BABA)");
	set_bad("no.such", "1", "\"no.such\": unknown key (see hktop --help)");
	set_bad("user_agent", "a\x1b[2Jb", "\"ab\": contains control characters");

	/* The config parser: file:line on each bad line, the rest still applies. */
	options_init(&o);
	memset(&c, 0, sizeof c);
	{
		static const char text[] =
			"# comment\n"
			"refresh = 7   # trailing comment\n"
			"bogus line\n"
			"timeout = abc\n"
			"\n"
			"watchlist = 700 \\\n"
			"\t9988 \\\r\n"
			"\tHSI\n"
			"names=zh\n"
			"unknown = 1\n"
			"sina.quote_url = http://h/x#frag\n";
		conffile_parse(&o, "test.conf", text, sizeof text - 1, &c);
	}
	is_int(c.n, 3, "three complaints");
	is_str(c.n > 0 ? c.v[0] : "", "test.conf:3: \"bogus line\": expected \"key = value\"", "bad line named");
	is_str(c.n > 1 ? c.v[1] : "", "test.conf:4: timeout: \"abc\": not a whole number", "bad value named");
	is_str(c.n > 2 ? c.v[2] : "", "test.conf:10: \"unknown\": unknown key (see hktop --help)", "unknown key named");
	is_int(o.refresh, 7, "good lines still apply");
	is_int(o.timeout, 10, "bad value keeps the default");
	is_int(o.nwatch, 3, "continued lines joined");
	is_int(o.names, NAMES_ZH, "key=value without spaces");
	is_str(o.sina_quote_url, "http://h/x#frag", "# inside a word is not a comment");
	options_done(&o);
	conffile_causes_done(&c);

	/* A NUL byte and an overlong line are refused, not half-read. */
	options_init(&o);
	{
		static const char text[] = "refresh = 9\0 junk\ntimeout = 3\n";
		size_t n = 300000;
		char *big = malloc(n);
		memset(big, 'x', n - 1);
		big[n - 1] = '\n';
		conffile_parse(&o, "nul.conf", text, sizeof text - 1, &c);
		conffile_parse(&o, "big.conf", big, n, &c);
		free(big);
	}
	is_int(c.n, 2, "NUL and overlong lines refused");
	is_str(c.n > 0 ? c.v[0] : "", "nul.conf:1: NUL byte in line, ignored", "NUL cause");
	is_str(c.n > 1 ? c.v[1] : "", "big.conf:1: line longer than 262144 bytes, ignored", "overlong cause");
	is_int(o.refresh, 5, "NUL line did not apply");
	is_int(o.timeout, 3, "next line applied");
	options_done(&o);
	conffile_causes_done(&c);

	/* Files: missing is fine unless given explicitly; a directory is refused. */
	fd = mkstemp(path);
	close(fd);
	file_write(path, "refresh = 11\n");
	options_init(&o);
	ok(conffile_load(&o, path, true, &c), "file loads");
	is_int(o.refresh, 11, "file applied");
	ok(conffile_load(&o, "/nonexistent/hktop", false, &c), "missing default file is fine");
	is_int(c.n, 0, "no complaint for it");
	ok(!conffile_load(&o, "/nonexistent/hktop", true, &c), "missing -c file is an error");
	ok(!conffile_load(&o, "/tmp", true, &c), "a directory is refused");
	is_int(c.n, 2, "both named");
	is_str(c.n > 1 ? c.v[1] : "", "/tmp: not a regular file", "directory cause");
	options_done(&o);
	conffile_causes_done(&c);
	unlink(path);

	/* Headline keys: a set of sources, a list of feed URLs. */
	options_init(&o);
	is_int((long)o.news_sources, 7, "every built-in news source is on by default");
	ok(options_set(&o, "news.sources", "google, eastmoney", err, sizeof err), "two sources");
	is_int((long)o.news_sources, 6, "google and eastmoney");
	options_format(&o, options_find("news.sources"), buf, sizeof buf);
	is_str(buf, "google eastmoney", "formatted in table order");
	ok(options_set(&o, "news.sources", "none", err, sizeof err), "none");
	is_int((long)o.news_sources, 0, "none is no source");
	options_format(&o, options_find("news.sources"), buf, sizeof buf);
	is_str(buf, "none", "and reads back as none");
	ok(!options_set(&o, "news.sources", "yahoo bing", err, sizeof err), "an unknown source");
	is_str(err, "\"bing\": not one of yahoo, google, eastmoney", "is named");
	is_int((long)o.news_sources, 0, "and the value is kept");
	ok(options_set(&o, "news.feeds", " https://a.example/rss  http://b.example/atom/ ",
		       err, sizeof err), "two feeds");
	is_str(o.news_feeds, "https://a.example/rss http://b.example/atom", "one space apart, slash dropped");
	ok(!options_set(&o, "news.feeds", "https://a.example/rss file:///etc/passwd", err, sizeof err),
	   "a file: URL is refused");
	is_str(err, "\"file:///etc/passwd\": not an http:// or https:// URL", "with the cause");
	is_str(o.news_feeds, "https://a.example/rss http://b.example/atom", "and the old list kept");
	ok(options_set(&o, "news.feeds", "", err, sizeof err), "no feeds");
	is_str(o.news_feeds, "", "empty");
	ok(!options_set(&o, "yahoo.rss_url", "ftp://x", err, sizeof err), "yahoo.rss_url wants http");
	ok(!options_set(&o, "news.interval", "5", err, sizeof err), "news.interval at least 30");
	ok(!options_set(&o, "news.max_body", "8M", err, sizeof err), "news.max_body at most 4M");
	options_done(&o);

	/* Lookup order. */
	setenv("HOME", "/home/u", 1);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("HKTOP_CONFIG");
	conffile_user_path(buf, sizeof buf);
	is_str(buf, "/home/u/.config/hktop/config", "~/.config by default");
	setenv("XDG_CONFIG_HOME", "relative/dir", 1);
	conffile_user_path(buf, sizeof buf);
	is_str(buf, "/home/u/.config/hktop/config", "relative XDG_CONFIG_HOME ignored");
	setenv("XDG_CONFIG_HOME", "/xdg", 1);
	conffile_user_path(buf, sizeof buf);
	is_str(buf, "/xdg/hktop/config", "XDG_CONFIG_HOME");
	setenv("HKTOP_CONFIG", "/etc/my.conf", 1);
	conffile_user_path(buf, sizeof buf);
	is_str(buf, "/etc/my.conf", "HKTOP_CONFIG first");
	return tap_done();
}
