/* test-conffile.c - config files that are not what they seem: a FIFO, a
 * byte-order mark */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "conffile.h"
#include "options.h"
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
	causes_free(&c);

	setenv("HKTOP_CONFIG", path, 1);
	conffile_load_all(&o, NULL, &c);
	unsetenv("HKTOP_CONFIG");
	ok(c.n > 0 && strstr(c.v[c.n - 1], "not a regular file"),
	   "a FIFO in HKTOP_CONFIG is refused too: %s", c.n ? c.v[c.n - 1] : "");
	alarm(0);
	options_done(&o);
	causes_free(&c);
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
	causes_free(&c);

	/* Only at the very start: elsewhere it is part of a key. */
	options_init(&o);
	conffile_parse(&o, "late.conf", late, sizeof late - 1, &c);
	is_int(c.n, 1, "a byte-order mark further on is a bad key");
	ok(all_clean(&c), "named without raw bytes");
	options_done(&o);
	causes_free(&c);
}

int main(void)
{
	test_fifo();
	test_bom();
	return tap_done();
}
