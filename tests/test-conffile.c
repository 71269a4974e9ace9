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

int main(void)
{
	test_fifo();
	test_bom();
	test_escapes();
	return tap_done();
}
