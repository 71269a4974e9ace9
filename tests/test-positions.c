/* test-positions.c - the positions file: lot lines and their refusals,
 * bad lines named and kept, edits that keep comments, notes and unknown
 * lines, refused files (FIFO, directory, 10 MB, symlink), atomic replace */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <sys/mman.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/hktime.h"
#include "config/positions.h"
#include "fixture.h"
#include "tap.h"

static char root[256];
static long long today;

static const char *fmt(struct num n)
{
	static char buf[2][48];
	static int k;

	k ^= 1;
	if (!n.ok)
		return "(none)";
	num_format(n, buf[k], sizeof buf[k]);
	return buf[k];
}

static void test_lines(void)
{
	struct lot l;
	char cause[300], text[POSITIONS_LINE_MAX];
	bool blank;
	static const struct { const char *line, *cause; } bad[] = {
		{ "0700 abc 380", "\"abc\": quantity is not a whole number of shares" },
		{ "0700 1.5 380", "\"1.5\": quantity is not a whole number of shares" },
		{ "0700 0 380", "\"0\": quantity is 0" },
		{ "0700 100 0", "\"0\": cost must be above 0" },
		{ "0700 100 -3", "\"-3\": cost must be above 0" },
		{ "0700 100 x", "\"x\": cost is not a number" },
		{ "0700 100", "expected SYMBOL QUANTITY COST" },
		{ "0700 100 380 2099-01-02", "\"2099-01-02\": the date is in the future" },
		{ "0700 100 380 2026-02-30", "\"2026-02-30\": not a date (YYYY-MM-DD)" },
		{ "0700 100 380 1013-11-02", "\"1013-11-02\": the date is before 1970" },
		{ "0700 100 380 fee=-1", "\"-1\": fee must be 0 or more" },
		{ "0700 100 380 fee=1 fee=2", "\"fee=2\": not a date (YYYY-MM-DD) or fee=AMOUNT, "
					      "or given twice" },
		{ "0700 100 380 lots", "\"lots\": not a date (YYYY-MM-DD) or fee=AMOUNT, or given twice" },
		{ "HSI 1 20000", "HSI is an index; it cannot be held" },
		{ "0700 10000000000000 1", "\"10000000000000\": quantity is too large" },
	};

	ok(positions_parse_lot("  700  100 380.2 2026-11-02 fee=25.50 # first buy", 49, today, &l,
			       &blank, cause, sizeof cause), "a full lot line");
	is_str(l.in.display, "0700", "symbol");
	is_int(l.qty, 100, "quantity");
	is_str(fmt(l.cost), "380.2", "cost with its decimals");
	is_str(fmt(l.fee), "25.50", "fee");
	is_int(l.day, hktime_days_from_civil(2026, 11, 2), "date");
	positions_lot_text(&l, text, sizeof text);
	is_str(text, "0700 100 380.2 2026-11-02 fee=25.50", "written back");
	ok(positions_parse_lot("BABA -50 120.5", 14, today, &l, &blank, cause, sizeof cause) &&
	   l.qty == -50 && !l.fee.ok && l.day == -1, "a short, no date or fee");
	{
		/* A line that is not a string: its date the last bytes before
		 * a page that cannot be read (the date was read by sscanf,
		 * which looks for the string's end: it ran into the page; the
		 * positions fuzzer found it). */
		const char text_date[] = "0700 100 380.2 2026-11-02";
		size_t n = sizeof text_date - 1, page = (size_t)sysconf(_SC_PAGESIZE);
		char *map = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
				 -1, 0);

		if (map == MAP_FAILED || mprotect(map + page, page, PROT_NONE) != 0)
			printf("Bail out! mmap: %s\n", strerror(errno));
		memcpy(map + page - n, text_date, n);
		ok(positions_parse_lot(map + page - n, n, today, &l, &blank, cause, sizeof cause) &&
		   l.day == hktime_days_from_civil(2026, 11, 2), "a date at the very end of what can be read");
		munmap(map, 2 * page);
	}
	ok(!positions_parse_lot("   # just a note", 16, today, &l, &blank, cause, sizeof cause) &&
	   blank, "a comment is blank");
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cause[0] = '\0';
		ok(!positions_parse_lot(bad[i].line, strlen(bad[i].line), today, &l, &blank, cause,
				       sizeof cause) && !blank, "refused: %s", bad[i].line);
		is_str(cause, bad[i].cause, "  because");
	}
	ok(!positions_parse_lot("ZZZZZZZZZZZZ! 1 1", 18, today, &l, &blank, cause, sizeof cause),
	   "an unknown symbol: %s", cause);
	ok(!positions_parse_lot("0700 100 380 \033[2J", 17, today, &l, &blank, cause, sizeof cause) &&
	   !strchr(cause, '\033'), "an escape is not repeated in the cause");
}

static const char sample[] =
	"# my lots\n"
	"0700 100 380.2 fee=25.5  # first\n"
	"\n"
	"0700 abc 380\n"
	"future:option stuff\n"
	"BABA -50 120.5\n"
	"0700 200 400.4 2026-11-02";

static void test_doc(void)
{
	struct positions_doc d = { 0 };
	struct lot *lots;
	size_t *line, n;
	char err[POSITIONS_MSG_MAX], *text = NULL;
	size_t len;
	FILE *f;

	ok(positions_doc_parse(&d, "pos", sample, sizeof sample - 1, today, err, sizeof err),
	   "parsed");
	is_int(d.n, 7, "every line kept");
	is_int(d.nbad, 2, "two bad lines");
	is_str(d.bad[0], "pos:4: \"abc\": quantity is not a whole number of shares", "named by line");
	ok(strncmp(d.bad[1], "pos:5: ", 7) == 0, "the unknown line too: %s", d.bad[1]);
	ok(positions_doc_lots(&d, &lots, &line, &n) && n == 3, "three lots");
	is_int(line[2], 6, "the third on line 7");
	is_int(lots[1].qty, -50, "in file order");
	free(lots);
	free(line);

	ok(positions_doc_edit(&d, "0700 100 380.2 fee=25.5  # first", "0700 100 380.2 fee=30",
			      today, err, sizeof err), "edit a lot");
	is_str(d.v[1].text, "0700 100 380.2 fee=30  # first", "its note stays");
	ok(!positions_doc_edit(&d, "0700 100 380.2 fee=25.5  # first", NULL, today, err, sizeof err),
	   "gone meanwhile: %s", err);
	ok(!positions_doc_edit(&d, NULL, "0700 0 1", today, err, sizeof err), "a bad new lot: %s",
	   err);
	ok(positions_doc_edit(&d, "BABA -50 120.5", NULL, today, err, sizeof err), "remove");
	ok(positions_doc_edit(&d, NULL, "9988 200 80.15", today, err, sizeof err), "add");
	f = open_memstream(&text, &len);
	ok(f && positions_doc_write(f, &d) == 0 && fclose(f) == 0, "written");
	is_str(text,
	       "# my lots\n0700 100 380.2 fee=30  # first\n\n0700 abc 380\nfuture:option stuff\n"
	       "0700 200 400.4 2026-11-02\n9988 200 80.15\n",
	       "comments, blank and bad lines as they were");
	free(text);
	positions_doc_done(&d);
}

static void test_files(void)
{
	char path[512], dir[512], fifo[512], big[512], link[512], err[POSITIONS_MSG_MAX];
	struct positions_doc d = { 0 };
	bool exists;
	FILE *f;

	snprintf(path, sizeof path, "%s/sub/dir/positions", root);
	ok(positions_load(path, &d, &exists, today, err, sizeof err) && !exists && d.n == 0,
	   "missing: no lots, no error");
	ok(positions_edit(path, NULL, "0700 100 380.2", today, err, sizeof err), "first lot: %s",
	   err);
	ok(strstr(file_read(path), "# hktop positions") && strstr(file_read(path), "\n0700 100 380.2\n"),
	   "a new file gets a header and the lot");
	file_write(path, "# mine\nweird line\n0700 100 380.2\n");
	ok(positions_edit(path, "0700 100 380.2", "0700 300 380.2", today, err, sizeof err),
	   "edit in the file");
	is_str(file_read(path), "# mine\nweird line\n0700 300 380.2\n", "only that line changed");
	ok(positions_edit(path, "0700 300 380.2", NULL, today, err, sizeof err), "remove");
	is_str(file_read(path), "# mine\nweird line\n", "the rest stays");
	{
		struct dirent *e;
		DIR *dd;
		int others = 0;

		snprintf(dir, sizeof dir, "%s/sub/dir", root);
		dd = opendir(dir);
		while (dd && (e = readdir(dd)))
			others += e->d_name[0] != '.' && strcmp(e->d_name, "positions") != 0;
		if (dd)
			closedir(dd);
		ok(others == 0, "no temporary file left");
	}

	snprintf(dir, sizeof dir, "%s/adir", root);
	mkdir(dir, 0700);
	ok(!positions_load(dir, &d, &exists, today, err, sizeof err) && strstr(err, "is a directory"),
	   "a directory: %s", err);
	snprintf(fifo, sizeof fifo, "%s/fifo", root);
	mkfifo(fifo, 0600);
	ok(!positions_load(fifo, &d, &exists, today, err, sizeof err) && strstr(err, "is a FIFO"),
	   "a FIFO, without blocking: %s", err);
	ok(!positions_edit(fifo, NULL, "0700 1 1", today, err, sizeof err), "never written over");
	snprintf(big, sizeof big, "%s/big", root);
	if ((f = fopen(big, "w"))) {
		for (int i = 0; i < 10 * 1024; i++)
			for (int j = 0; j < 1024 / 16; j++)
				fputs("0700 100 380.2\n", f);
		fclose(f);
	}
	ok(!positions_load(big, &d, &exists, today, err, sizeof err) && strstr(err, "larger than"),
	   "a 10 MB file: %s", err);
	snprintf(link, sizeof link, "%s/link", root);
	ok(symlink(path, link) == 0, "symlink made");
	ok(!positions_load(link, &d, &exists, today, err, sizeof err) && strstr(err, "symbolic link"),
	   "a symlink is not followed: %s", err);
	ok(!positions_edit(link, NULL, "0700 1 1", today, err, sizeof err), "nor written through");
	is_str(file_read(path), "# mine\nweird line\n", "its target untouched");
	{
		FILE *g = fopen(path, "w");

		fwrite("0700 1 1\n\0x\n", 1, 12, g);
		fclose(g);
	}
	ok(!positions_load(path, &d, &exists, today, err, sizeof err) && strstr(err, "NUL"),
	   "a NUL byte: %s", err);
	ok(!positions_edit(path, NULL, "0700 1 1", today, err, sizeof err),
	   "a file it cannot read is not written over");
	positions_doc_done(&d);
}

int main(void)
{
	const char *tmp = getenv("TMPDIR");

	today = hktime_days_from_civil(2026, 12, 3);
	snprintf(root, sizeof root, "%s/test-positions.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(root)) {
		printf("Bail out! mkdtemp: %s\n", strerror(errno));
		return 1;
	}
	test_lines();
	test_doc();
	test_files();
	{
		char cmd[600];

		snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
		if (system(cmd) != 0)
			printf("# could not remove %s\n", root);
	}
	return tap_done();
}
