/* test-alert-file.c - the alert rules file: bad lines named and skipped,
 * the cap, edits that keep every other line, files that are not files,
 * and firings kept across runs */
#include "config.h"

#include <errno.h>
#include <linux/capability.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "config/alert_file.h"
#include "fixture.h"
#include "tap.h"

static char root[256];

static void load(struct alert_file *f, const char *name, bool *ok, char *err, size_t errlen)
{
	memset(f, 0, sizeof *f);
	snprintf(f->path, sizeof f->path, "%s/%s", root, name);
	*ok = alert_file_load(f, err, errlen);
}

static void test_bad_lines(void)
{
	struct alert_file f;
	char err[512] = "";
	bool ok;

	file_write("alerts", "# my alerts\n700 above 500\n\n700 sideways 5\n9988 move 0%\n"
		   "12345678 below 3\n* news daily # all of them\nBABA below abc\n");
	load(&f, "alerts", &ok, err, sizeof err);
	ok(ok, "a file with bad lines loads: %s", err);
	is_int(f.n, 2, "the good rules load");
	is_int(f.nbad, 4, "the bad ones are counted");
	ok(strstr(f.bad[0], "/alerts:4: \"sideways\" is not a rule") != NULL, "named: %s", f.bad[0]);
	ok(strstr(f.bad[1], "/alerts:5: \"0%\" is no move") != NULL, "named: %s", f.bad[1]);
	ok(strstr(f.bad[2], "/alerts:6: ") && strstr(f.bad[2], "12345678"), "named: %s", f.bad[2]);
	is_int(f.line[1], 6, "a rule knows its line");
	alert_file_done(&f);
}

static void test_edits(void)
{
	static const char text[] = "# my alerts\n700 above 500   # take profit\nbad line\n"
				   "9988 move 5% daily\n";
	struct alert_file f;
	char err[512] = "";
	bool ok;

	file_write("alerts", text);
	load(&f, "alerts", &ok, err, sizeof err);
	ok(ok && f.n == 2, "loaded");
	ok(alert_file_add(&f, "HSI below 15000 always", err, sizeof err), "add: %s", err);
	is_str(file_read("alerts"), "# my alerts\n700 above 500   # take profit\nbad line\n"
	       "9988 move 5% daily\nHSI below 15000 always\n", "added at the end, the rest kept");
	ok(!alert_file_add(&f, "HSI below", err, sizeof err), "a bad rule is not added");
	is_str(err, "below needs a price", "and says why");
	ok(alert_file_remove(&f, 0, err, sizeof err), "remove: %s", err);
	is_str(file_read("alerts"), "# my alerts\nbad line\n9988 move 5% daily\nHSI below 15000 always\n",
	       "only its line goes");
	is_int(f.n, 2, "two rules left");
	ok(alert_file_remove(&f, 1, err, sizeof err) && f.n == 1 && f.line[0] == 2,
	   "lines renumbered");
	/* The user edits the file while hktop runs: hktop's next edit must
	 * not write over theirs. */
	file_write("alerts", "# edited elsewhere\n700 above 1\n");
	ok(!alert_file_add(&f, "HSI below 1", err, sizeof err), "a file changed elsewhere: not added");
	ok(strstr(err, "/alerts: changed since hktop read it; not written over") != NULL,
	   "and why: %s", err);
	is_str(file_read("alerts"), "# edited elsewhere\n700 above 1\n", "their edit stands");
	ok(!alert_file_remove(&f, 0, err, sizeof err) && f.n == 1, "nor removed");
	alert_file_done(&f);
	load(&f, "alerts", &ok, err, sizeof err);
	ok(alert_file_add(&f, "HSI below 1", err, sizeof err) &&
	   alert_file_add(&f, "HSI below 2", err, sizeof err), "read again: edits go through: %s",
	   err);
	alert_file_done(&f);
	unlink("new-alerts");
	load(&f, "new-alerts", &ok, err, sizeof err);
	ok(alert_file_add(&f, "700 above 1", err, sizeof err), "no file yet: made: %s", err);
	is_str(file_read("new-alerts"), "700 above 1\n", "with the rule");
	alert_file_done(&f);
}

static void test_cap(void)
{
	FILE *fp = fopen("alerts", "w");
	struct alert_file f;
	char err[512] = "";
	bool ok;

	for (int i = 0; i < 10000 && fp; i++)
		fprintf(fp, "700 above %d\n", i + 1);
	if (fp)
		fclose(fp);
	load(&f, "alerts", &ok, err, sizeof err);
	ok(ok, "10,000 rules: loads: %s", err);
	is_int(f.n, ALERT_RULES_MAX, "the first %d", ALERT_RULES_MAX);
	ok(f.nbad == 1 && strstr(f.bad[0], ":2001: more than 2000 rules; this one and 7999"),
	   "the rest named once: %s", f.bad[0]);
	ok(!alert_file_add(&f, "700 above 1", err, sizeof err), "no more added: %s", err);
	alert_file_done(&f);
}

static void test_not_files(void)
{
	struct alert_file f;
	char err[512] = "";
	bool ok;

	load(&f, "missing", &ok, err, sizeof err);
	ok(ok && f.n == 0, "a missing file is no rules");
	alert_file_done(&f);
	unlink("fifo");
	ok(mkfifo("fifo", 0600) == 0, "a FIFO");
	load(&f, "fifo", &ok, err, sizeof err);
	ok(!ok && strstr(err, "/fifo: is a FIFO; not reading from it"), "refused without blocking: %s", err);
	alert_file_done(&f);
	mkdir("dir", 0700);
	load(&f, "dir", &ok, err, sizeof err);
	ok(!ok && strstr(err, "/dir: is a directory"), "a directory: %s", err);
	alert_file_done(&f);
	file_write("nul", "700 above 5\n\0\n");
	file_write("nul", "700 above 5\n");
	{
		FILE *fp = fopen("nul", "a");

		fputc('\0', fp);
		fclose(fp);
	}
	load(&f, "nul", &ok, err, sizeof err);
	ok(!ok && strstr(err, "a NUL byte"), "a binary file: %s", err);
	alert_file_done(&f);
	file_write("dotfile", "700 above 5\n");
	unlink("link");
	ok(symlink("dotfile", "link") == 0, "a symbolic link to the rules");
	load(&f, "link", &ok, err, sizeof err);
	ok(ok && f.n == 1, "is read where it points: %s", err);
	ok(!alert_file_add(&f, "700 above 6", err, sizeof err) && strstr(err, "symbolic link"),
	   "but not written through: %s", err);
	is_str(file_read("dotfile"), "700 above 5\n", "the file it points to is untouched");
	alert_file_done(&f);
}

/* As root, drop the capabilities that override permissions first, so
 * that mode 0 binds us too. */
static void test_unreadable(void)
{
	int p[2], status;
	char out[512] = "";
	ssize_t r;
	pid_t pid;

	file_write("secret", "700 above 5\n");
	chmod("secret", 0);
	if (pipe(p) < 0)
		return;
	fflush(stdout);
	if ((pid = fork()) == 0) {
		struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
		struct __user_cap_data_struct d[2];
		struct alert_file f;
		char err[512] = "";
		bool ok;

		if (geteuid() == 0) {
			if (syscall(SYS_capget, &h, d) != 0)
				_exit(1);
			d[0].effective &= ~((1u << CAP_DAC_OVERRIDE) | (1u << CAP_DAC_READ_SEARCH));
			if (syscall(SYS_capset, &h, d) != 0)
				_exit(1);
		}
		load(&f, "secret", &ok, err, sizeof err);
		dprintf(p[1], "%s%s", ok ? "LOADED " : "", err);
		_exit(0);
	}
	close(p[1]);
	r = read(p[0], out, sizeof out - 1);
	out[r > 0 ? r : 0] = '\0';
	close(p[0]);
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child ran");
	ok(strstr(out, "/secret: ") && strstr(out, strerror(EACCES)) && !strstr(out, "LOADED"),
	   "an unreadable file: refused with the cause: %s", out);
}

static void test_records(void)
{
	struct alert_file f;
	struct quote_result q = { .ok = true };
	struct alert_event ev;
	char err[512] = "", path[512];
	bool ok;

	snprintf(path, sizeof path, "%s/state/alerts-fired", root);
	file_write("alerts", "700 above 500\n* below 100 daily\n700 above 500\n");
	load(&f, "alerts", &ok, err, sizeof err);
	symbol_parse("700", &q.q.in, err, sizeof err);
	num_parse("510.500", 7, &q.q.f[QF_PRICE]);
	q.q.time = 1796263200;
	ok(alert_rule_quote(&f.rules[0], 0, &q, q.q.time, &ev), "fired");
	ok(alert_file_record(&f, path, err, sizeof err), "recorded: %s", err);
	ok(strstr(file_read(path), "\n0700 above 500 once\t0700\t1796263200\t20790\t510.500\t1\n") != NULL,
	   "one line a firing: %s", file_read(path));
	alert_file_done(&f);

	file_write("alerts", "# reordered\n* below 100 daily\n700 above 500 # note\n");
	load(&f, "alerts", &ok, err, sizeof err);
	ok(alert_file_restore(&f, path, err, sizeof err), "restored: %s", err);
	ok(f.rules[1].nw == 1 && f.rules[1].w[0].fired && f.rules[1].w[0].last.t == 1796263200 &&
	   f.rules[1].w[0].last.price.dp == 3 && f.rules[1].w[0].last.at_start,
	   "the firing is back on its rule, matched by its text");
	ok(f.rules[0].nw == 0, "not on another rule");
	q.q.time += 86400;
	ok(!alert_rule_quote(&f.rules[1], 1, &q, q.q.time, &ev), "once: not again after a restart");
	alert_file_done(&f);
	file_write(path, "garbage\n0700 above 500 once\t0700\tx\t1\t2\t0\n");
	file_write("alerts", "700 above 500\n");
	load(&f, "alerts", &ok, err, sizeof err);
	ok(alert_file_restore(&f, path, err, sizeof err) && f.rules[0].nw == 0,
	   "unreadable records are dropped");
	alert_file_done(&f);
}

int main(void)
{
	snprintf(root, sizeof root, "/tmp/test-alert-file.%ld", (long)getpid());
	if (mkdir(root, 0700) < 0 || chdir(root) < 0) {
		perror(root);
		return 1;
	}
	test_bad_lines();
	test_edits();
	test_cap();
	test_not_files();
	test_unreadable();
	test_records();
	chmod("secret", 0600);
	(void)system("rm -rf -- \"$PWD\"");
	return tap_done();
}
