/* test-conffile.c - config files that are not what they seem: a FIFO, a
 * byte-order mark, terminal escapes in keys and values */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/conffile.h"
#include "config/options.h"
#include "tap.h"

/* No complaint may carry a control byte to the terminal. */
static bool all_clean(const struct causes *c)
{
	for (size_t i = 0; i < c->n; i++)
		for (const unsigned char *p = (const unsigned char *)c->v[i]; *p; p++)
			if (*p < 0x20 || *p == 0x7f)
				return false;
	return true;
}

static void like_prefix(const char *got, const char *want, const char *what)
{
	ok(strncmp(got, want, strlen(want)) == 0, "%s: %s", what, got);
}

static void test_fifo(void)
{
	char dir[] = "/tmp/hktop-conffile-XXXXXX", path[64];
	struct options o;
	struct causes c = { 0 };

	if (!mkdtemp(dir)) {
		ok(0, "mkdtemp");
		return;
	}
	snprintf(path, sizeof path, "%s/fifo", dir);
	ok(mkfifo(path, 0600) == 0, "made a FIFO");
	/* Opening a FIFO for reading blocks until a writer comes: without a
	 * fix the test dies here by the alarm instead of reporting. */
	alarm(5);
	options_init(&o);
	ok(!conffile_load(&o, path, true, &c), "a FIFO given with -c is refused");
	is_int(c.n, 1, "with one complaint");
	ok(c.n > 0 && strstr(c.v[0], "not a regular file"), "that says why: %s", c.n ? c.v[0] : "");
	conffile_causes_done(&c);

	setenv("HKTOP_CONFIG", path, 1);
	conffile_load_all(&o, NULL, &c);
	unsetenv("HKTOP_CONFIG");
	ok(c.n > 0 && strstr(c.v[c.n - 1], "not a regular file"),
	   "a FIFO in HKTOP_CONFIG is refused too: %s", c.n ? c.v[c.n - 1] : "");
	alarm(0);
	options_done(&o);
	conffile_causes_done(&c);
	unlink(path);
	rmdir(dir);
}

static void test_bom(void)
{
	static const char text[] = "\xef\xbb\xbfrefresh = 8\ntimeout = 4\n";
	static const char late[] = "refresh = 8\n\xef\xbb\xbftimeout = 4\n";
	struct options o;
	struct causes c = { 0 };

	options_init(&o);
	conffile_parse(&o, "bom.conf", text, sizeof text - 1, &c);
	is_int(c.n, 0, "a UTF-8 byte-order mark at the start is no complaint");
	is_int(o.refresh, 8, "and the first key applies");
	is_int(o.timeout, 4, "as does the next");
	options_done(&o);
	conffile_causes_done(&c);

	/* Only at the very start: elsewhere it is part of a key. */
	options_init(&o);
	conffile_parse(&o, "late.conf", late, sizeof late - 1, &c);
	is_int(c.n, 1, "a byte-order mark further on is a bad key");
	ok(all_clean(&c), "named without raw bytes");
	options_done(&o);
	conffile_causes_done(&c);
}

static void test_escapes(void)
{
	static const char text[] =
		"\x1b]0;pwned\x07 = 1\n"         /* OSC: sets the window title */
		"refresh\x1b[2J = 3\n"          /* CSI: clears the screen */
		"names = \x1b[2Jzh\n"
		"bind \x1b[31mx quit\n"
		"no equals \x1b[5m here\n"
		"watchlist = 700 \x1b]0;x\x07\n";
	struct options o;
	struct causes c = { 0 };

	options_init(&o);
	conffile_parse(&o, "esc.conf", text, sizeof text - 1, &c);
	is_int(c.n, 6, "every hostile line complained about");
	ok(all_clean(&c), "no complaint carries an escape or a control byte");
	for (size_t i = 0; i < c.n; i++)
		printf("# %s\n", c.v[i]);
	is_str(c.n > 0 ? c.v[0] : "", "esc.conf:1: \"\": unknown key (see hktop --help)",
	       "a key that is all escape is shown empty, in quotes");
	is_str(c.n > 1 ? c.v[1] : "", "esc.conf:2: \"refresh\": unknown key (see hktop --help)",
	       "the escape is stripped from the key, and the key named once");
	is_str(c.n > 2 ? c.v[2] : "", "esc.conf:3: names: \"zh\": not one of en, zh",
	       "a value is quoted the same way");
	options_done(&o);
	conffile_causes_done(&c);

	/* The file name is the user's text too. */
	options_init(&o);
	conffile_parse(&o, "evil\x1b[2J.conf", "x\n", 2, &c);
	is_int(c.n, 1, "one complaint");
	ok(all_clean(&c), "the file name is printed without its escape: %s", c.n ? c.v[0] : "");
	options_done(&o);
	conffile_causes_done(&c);
}

/* list.NAME: named lists, each bad one named by file and line, the rest
 * kept. */
static void test_lists(void)
{
	static const char text[] =
		"watchlist = HSI\n"
		"list.tech = 700 9988 3690\n"
		"list.banks = 5, 939 XYZ!! 1398\n"
		"list.my list = 700\n"
		"list.ev\x1b[2J = 700\n"
		"list.abcdefghijklmnopqrstuvwxyz = 700\n"
		"list.empty =\n"
		"list.junk = XYZ!!\n"
		"list.main = HSTECH BABA\n"
		"list._x = 700\n";
	struct options o;
	struct causes c = { 0 };
	char big[64 * 1024];
	size_t used = 0;

	options_init(&o);
	conffile_parse(&o, "lists.conf", text, sizeof text - 1, &c);
	for (size_t i = 0; i < c.n; i++)
		printf("# %s\n", c.v[i]);
	is_int(o.lists.n, 2, "two lists were good enough to keep");
	is_str(o.lists.n > 0 ? o.lists.v[0].name : "", "tech", "the first in order");
	is_int(o.lists.n > 0 ? o.lists.v[0].n : 0, 3, "with its three symbols");
	is_str(o.lists.n > 0 && o.lists.v[0].from ? o.lists.v[0].from : "", "lists.conf",
	       "and the file that set it");
	is_str(o.lists.n > 1 ? o.lists.v[1].name : "", "banks", "a list with a bad symbol");
	is_int(o.lists.n > 1 ? o.lists.v[1].n : 0, 3, "keeps its good ones");
	is_int(o.nwatch, 2, "list.main is the watchlist");
	is_str(o.nwatch ? o.watchlist[0].display : "", "HSTECH", "in its order");
	is_int(c.n, 7, "every bad line said");
	ok(all_clean(&c), "and none carries an escape");
	is_str(c.n > 0 ? c.v[0] : "",
	       "lists.conf:3: list.banks: \"XYZ!!\": not a symbol (try 700, 0700.HK, HSI or BABA); "
	       "skipped, the other symbols kept", "a bad symbol is named, with file and line");
	like_prefix(c.n > 1 ? c.v[1] : "", "lists.conf:4: list.NAME: \"my list\": not a list name",
		    "a name with a space");
	like_prefix(c.n > 2 ? c.v[2] : "", "lists.conf:5: list.NAME: \"ev\": not a list name",
		    "a name with an escape, shown without it");
	like_prefix(c.n > 3 ? c.v[3] : "", "lists.conf:6: list.NAME: \"abcdefghijklmnopqrstuvwxyz\": "
		    "not a list name (longer than 24", "a name too long");
	is_str(c.n > 4 ? c.v[4] : "", "lists.conf:7: list.empty: empty; a list needs a symbol, "
	       "list skipped", "an empty list");
	like_prefix(c.n > 5 ? c.v[5] : "", "lists.conf:8: list.junk: \"XYZ!!\": not a symbol",
		    "a list of nothing but bad symbols");
	like_prefix(c.n > 6 ? c.v[6] : "", "lists.conf:10: list.NAME: \"_x\": not a list name",
		    "a name starting with '_'");
	options_done(&o);
	conffile_causes_done(&c);

	/* 1,000 lists: the first LISTS_MAX - 1 (main is one) kept, the rest
	 * each named, and the config still read past them. */
	for (int i = 0; i < 1000; i++)
		used += (size_t)snprintf(big + used, sizeof big - used, "list.l%d = 700\n", i);
	used += (size_t)snprintf(big + used, sizeof big - used, "refresh = 9\n");
	options_init(&o);
	conffile_parse(&o, "many.conf", big, used, &c);
	is_int(o.lists.n, LISTS_MAX - 1, "lists up to the cap are kept");
	is_int(c.n, 1000 - (LISTS_MAX - 1), "each one past it is said");
	is_str(c.n ? c.v[0] : "", "many.conf:64: more than 64 lists; \"l63\" skipped",
	       "naming file, line and list");
	is_int(o.refresh, 9, "and the lines after them still count");
	options_done(&o);
	conffile_causes_done(&c);
}

int main(void)
{
	test_lists();
	test_fifo();
	test_bom();
	test_escapes();
	return tap_done();
}
