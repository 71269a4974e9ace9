/* test-state.c - the saved watchlist: round trip, unreadable lines kept,
 * refusals, atomic replace, merging two runs' edits, which list a run uses */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <glob.h>
#include <grp.h>
#include <linux/capability.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "config/state.h"
#include "fixture.h"
#include "tap.h"

static char root[256];

static struct instrument sym(const char *s)
{
	struct instrument in;
	char err[128];

	symbol_parse(s, &in, err, sizeof err);
	return in;
}

/* Entries in dir other than . and .. and the one named keep. */
static int strays(const char *dir, const char *keep)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") &&
		    strcmp(e->d_name, keep))
			n++;
	closedir(d);
	return n;
}

static void path_in(char *buf, size_t len, const char *rel)
{
	snprintf(buf, len, "%s/%s", root, rel);
}

/* Test wrappers: load a file's symbols; save mine over what base was. */
static bool load_list(const char *path, struct instrument **got, size_t *n, bool *exists,
		      size_t *nbad, char *err, size_t errlen)
{
	struct state_doc d = { 0 };
	bool ok = state_load(path, &d, exists, err, errlen) && state_doc_symbols(&d, got, n);

	if (nbad)
		*nbad = d.nbad;
	if (!ok) {
		*got = NULL;
		*n = 0;
	}
	state_doc_done(&d);
	return ok;
}

static bool save_list(const char *path, const struct instrument *base, size_t nbase,
		      const struct instrument *mine, size_t nmine, char *err, size_t errlen)
{
	bool merged;

	return state_save(path, base, nbase, mine, nmine, NULL, NULL, &merged, err, errlen);
}

static void test_round_trip(void)
{
	struct instrument v[4] = { sym("HSI"), sym("700"), sym("9988.HK"), sym("BABA") };
	struct instrument *got = NULL;
	size_t n = 0, nbad = 9;
	bool exists = false;
	char path[512], dir[512], err[512] = "";
	struct stat st;

	path_in(path, sizeof path, "a/b/hktop/watchlist");
	path_in(dir, sizeof dir, "a/b/hktop");
	ok(save_list(path, v, 4, v, 4, err, sizeof err), "save into missing directories: %s", err);
	ok(stat(dir, &st) == 0 && (st.st_mode & 0777) == 0700, "new directories are 0700");
	ok(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600, "saved file is 0600");
	ok(strstr(file_read(path), "\nHSI\n0700\n9988\nBABA\n") != NULL, "one display symbol a line");
	ok(file_read(path)[0] == '#', "starts with a header comment");
	ok(load_list(path, &got, &n, &exists, &nbad, err, sizeof err), "load: %s", err);
	ok(exists && nbad == 0, "file exists, every line read");
	is_int(n, 4, "four symbols back");
	for (size_t i = 0; got && i < n && i < 4; i++)
		ok(symbol_equal(&got[i], &v[i]), "symbol %zu is %s", i, v[i].display);
	free(got);
	is_int(strays(dir, "watchlist"), 0, "no temporary file left after success");

	/* Saving again replaces, and an empty list is a list. */
	ok(save_list(path, v, 4, v, 0, err, sizeof err), "save empty list: %s", err);
	ok(load_list(path, &got, &n, &exists, NULL, err, sizeof err) && exists && n == 0,
	   "empty list loads as existing and empty");
	ok(file_read(path)[0] == '#', "the header stays");
	free(got);
}

static void test_missing_and_bad(void)
{
	struct instrument *got = NULL;
	size_t n = 9, nbad = 0;
	bool exists = true;
	char path[512], want[600], err[512] = "";

	path_in(path, sizeof path, "nope/watchlist");
	ok(load_list(path, &got, &n, &exists, NULL, err, sizeof err), "missing file is fine");
	ok(!exists && n == 0 && got == NULL, "missing file: no list, exists false");

	path_in(path, sizeof path, "comments");
	file_write(path, "# mine\n\n  700   # Tencent\r\nhsi\n\t^HSCE\n");
	ok(load_list(path, &got, &n, &exists, NULL, err, sizeof err), "comments, blanks, CRLF: %s", err);
	is_int(n, 3, "three symbols");
	if (got && n == 3) {
		is_str(got[0].display, "0700", "first");
		is_str(got[2].display, "HSCEI", "third");
	}
	free(got);
	got = NULL;

	path_in(path, sizeof path, "nul");
	{
		FILE *f = fopen(path, "w");

		if (f) {
			fwrite("700\n\0\n", 1, 6, f);
			fclose(f);
		}
	}
	ok(!load_list(path, &got, &n, &exists, NULL, err, sizeof err) && strstr(err, "NUL"),
	   "a NUL byte: not a text file: %s", err);

	path_in(path, sizeof path, "big");
	{
		FILE *f = fopen(path, "w");

		for (int i = 0; f && i < STATE_MAX_FILE / 5 + 10; i++)
			fputs("0700\n", f);
		if (f)
			fclose(f);
	}
	ok(!load_list(path, &got, &n, &exists, NULL, err, sizeof err) &&
	   strstr(err, "KiB"), "a file over 256 KiB is refused: %s", err);

	/* One bad line costs that line, not the list. */
	path_in(path, sizeof path, "bad");
	file_write(path, "700\nHSI\nnot a symbol!\n9988\n");
	{
		struct state_doc d = { 0 };

		ok(state_load(path, &d, &exists, err, sizeof err), "a bad line does not fail the load");
		is_int(d.nbad, 1, "one unreadable line");
		snprintf(want, sizeof want, "%s:3: \"not a symbol!\": not a symbol", path);
		ok(strncmp(d.bad[0], want, strlen(want)) == 0, "it is named PATH:LINE: cause: %s",
		   d.bad[0]);
		state_doc_symbols(&d, &got, &n);
		is_int(n, 3, "the readable lines load");
		if (got && n == 3)
			is_str(got[2].display, "9988", "the line after the bad one too");
		free(got);
		got = NULL;
		state_doc_done(&d);
	}
	file_write(path, "1\nx!\n2\ny!\n3\nz!\nw!\nv!\n");
	ok(load_list(path, &got, &n, &exists, &nbad, err, sizeof err) && n == 3 && nbad == 5,
	   "five bad lines counted, three symbols read");
	free(got);
}

/* The dashboard's bug: a file with one unreadable line, edited, lost
 * everything but the new symbol. */
static void test_keep_what_was_there(void)
{
	struct instrument base[2] = { sym("700"), sym("9988") };
	struct instrument add[3] = { sym("700"), sym("9988"), sym("BABA") };
	struct instrument removed[2] = { sym("9988"), sym("BABA") };
	char path[512], err[512] = "";

	path_in(path, sizeof path, "kept");
	file_write(path, "# mine\n700\nXYZ!!\n9988.HK   # Alibaba\n");
	ok(save_list(path, base, 2, add, 3, err, sizeof err), "save an addition: %s", err);
	is_str(file_read(path), "# mine\n700\n" STATE_BAD_PREFIX "XYZ!!\n9988.HK   # Alibaba\nBABA\n",
	       "the bad line stays where it was, as a comment; the user's text and comments stay");
	ok(save_list(path, add, 3, removed, 2, err, sizeof err), "save a removal: %s", err);
	is_str(file_read(path), "# mine\n" STATE_BAD_PREFIX "XYZ!!\n9988.HK   # Alibaba\nBABA\n",
	       "a removal takes only its line");
}

/* Root without the capabilities that override file permissions: for a
 * root that cannot become nobody (a user namespace mapping only uid 0). */
static bool drop_dac(void)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];

	if (syscall(SYS_capget, &h, d) != 0)
		return false;
	d[0].effective &= ~((1u << CAP_DAC_OVERRIDE) | (1u << CAP_DAC_READ_SEARCH) |
			    (1u << CAP_FOWNER));
	return syscall(SYS_capset, &h, d) == 0;
}

/* Run fn in a child as an unprivileged user, for tests that need
 * permissions to bind: root ignores them, so as root the child gives what
 * own names to nobody (65534) and becomes nobody, or, where it cannot,
 * stays root without the capabilities that override permissions. fn
 * reports through the pipe fd; its text goes into out. */
static bool as_user(void (*fn)(int fd, const char *arg), const char *arg,
		    const char *const *own, char *out, size_t outlen)
{
	int p[2], status = -1;
	size_t got = 0;
	ssize_t r;
	pid_t pid;

	out[0] = '\0';
	if (pipe(p) < 0)
		return false;
	chmod(root, 0711); /* nobody may pass through, not look */
	fflush(stdout);
	if ((pid = fork()) == 0) {
		bool nobody = geteuid() == 0;

		close(p[0]);
		for (size_t i = 0; nobody && own[i]; i++)
			nobody = lchown(own[i], 65534, 65534) == 0;
		if (nobody)
			nobody = setgroups(0, NULL) == 0 && setgid(65534) == 0 && setuid(65534) == 0;
		if (geteuid() == 0) {
			for (size_t i = 0; own[i]; i++)
				(void)lchown(own[i], 0, 0);
			if (!drop_dac()) {
				dprintf(p[1], "cannot drop root's powers: %s", strerror(errno));
				_exit(1);
			}
		}
		fn(p[1], arg);
		_exit(0);
	}
	close(p[1]);
	while (pid > 0 && got + 1 < outlen && (r = read(p[0], out + got, outlen - 1 - got)) > 0)
		got += (size_t)r;
	out[got] = '\0';
	close(p[0]);
	if (pid > 0)
		waitpid(pid, &status, 0);
	for (size_t i = 0; geteuid() == 0 && own[i]; i++)
		(void)lchown(own[i], 0, 0);
	chmod(root, 0700);
	return pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* In the child: save into a directory made read-only. */
static void save_read_only(int fd, const char *dir)
{
	struct instrument v[1] = { sym("700") };
	char path[600], err[512] = "";
	bool saved;

	snprintf(path, sizeof path, "%s/watchlist", dir);
	chmod(dir, 0500);
	saved = save_list(path, v, 1, v, 1, err, sizeof err);
	chmod(dir, 0700);
	dprintf(fd, "%s%s", saved ? "SAVED " : "", err);
}

/* In the child: a file we own but may not read. */
static void load_unreadable(int fd, const char *path)
{
	struct instrument v[1] = { sym("700") };
	struct state_doc d = { 0 };
	char err[512] = "", err2[512] = "";
	bool exists, loaded, saved;

	chmod(path, 0);
	loaded = state_load(path, &d, &exists, err, sizeof err);
	saved = save_list(path, v, 1, v, 1, err2, sizeof err2);
	chmod(path, 0600);
	state_doc_done(&d);
	dprintf(fd, "%s%s%s | %s", loaded ? "LOADED " : "", saved ? "SAVED " : "", err, err2);
}

static void test_failures(void)
{
	struct instrument v[3] = { sym("700"), sym("HSI"), sym("BABA") };
	struct instrument big[200];
	char dir[512], path[512], before[4096], out[1024], err[512] = "";
	const char *own[3] = { dir, path, NULL };
	struct rlimit old, lim;
	bool saved;

	path_in(dir, sizeof dir, "ro");
	path_in(path, sizeof path, "ro/watchlist");
	ok(save_list(path, v, 3, v, 3, err, sizeof err), "first save: %s", err);
	snprintf(before, sizeof before, "%s", file_read(path));

	/* As nobody when we are root: a read-only directory binds root too. */
	ok(as_user(save_read_only, dir, own, out, sizeof out), "child ran: %s", out);
	ok(strncmp(out, "SAVED", 5) != 0, "read-only directory: save fails");
	ok(strstr(out, path) && strstr(out, strerror(EACCES)), "cause names path and errno: %s", out);
	is_str(file_read(path), before, "old file intact");
	is_int(strays(dir, "watchlist"), 0, "no temporary file left");

	ok(as_user(load_unreadable, path, own, out, sizeof out), "child ran: %s", out);
	ok(strncmp(out, "LOADED", 6) != 0 && strstr(out, strerror(EACCES)),
	   "a file we may not read: load fails and says why: %s", out);
	ok(!strstr(out, "SAVED") && strstr(strstr(out, " | ") ? strstr(out, " | ") : "", path),
	   "and it is not saved over: %s", out);
	is_str(file_read(path), before, "old file intact");

	/* A write that fails half way (the file size limit stands in for a
	 * full disk) must leave the old file and no temporary one behind. */
	for (size_t i = 0; i < 200; i++)
		big[i] = sym("9988");
	signal(SIGXFSZ, SIG_IGN);
	getrlimit(RLIMIT_FSIZE, &old);
	lim = old;
	lim.rlim_cur = 64;
	fflush(stdout);
	setrlimit(RLIMIT_FSIZE, &lim);
	saved = save_list(path, v, 3, big, 200, err, sizeof err);
	setrlimit(RLIMIT_FSIZE, &old);
	ok(!saved && strstr(err, strerror(EFBIG)), "failing write: save fails: %s", err);
	is_str(file_read(path), before, "old file intact after a failed write");
	is_int(strays(dir, "watchlist"), 0, "no temporary file left after a failed write");
}

/* A save killed between mkstemp and rename (as kill -9 would): the old
 * file stays whole, and the next start removes the temporary file. */
static void test_killed_save(void)
{
	struct instrument v[2] = { sym("700"), sym("HSI") }, big[200];
	char dir[512], path[512], before[4096], err[512] = "", backup[600];
	struct instrument *got = NULL;
	size_t n = 0;
	bool exists;
	int status = 0;
	pid_t pid;
	glob_t g = { 0 };
	FILE *f;

	path_in(dir, sizeof dir, "killed");
	path_in(path, sizeof path, "killed/watchlist");
	ok(save_list(path, v, 2, v, 2, err, sizeof err), "first save: %s", err);
	snprintf(before, sizeof before, "%s", file_read(path));
	for (size_t i = 0; i < 200; i++)
		big[i] = sym("9988");
	fflush(stdout);
	if ((pid = fork()) == 0) {
		/* Writing past the limit kills the child, mid-write. */
		struct rlimit lim = { 64, 64 };

		signal(SIGXFSZ, SIG_DFL);
		setrlimit(RLIMIT_FSIZE, &lim);
		save_list(path, v, 2, big, 200, err, sizeof err);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGXFSZ, "the save was killed mid-write");
	is_str(file_read(path), before, "the old file is whole");
	is_int(strays(dir, "watchlist"), 1, "a temporary file was left");
	snprintf(backup, sizeof backup, "%s/.watchlist.hktop-tmp.??????", dir);
	ok(glob(backup, 0, NULL, &g) == 0 && g.gl_pathc == 1, "named as ours: %s",
	   g.gl_pathc ? g.gl_pathv[0] : "none");
	globfree(&g);
	/* The user's own file beside it, named like a temporary file of old */
	snprintf(backup, sizeof backup, "%s/.watchlist.backup", dir);
	ok((f = fopen(backup, "w")) && fputs("700\n5\n", f) >= 0 && fclose(f) == 0,
	   "the user keeps a .watchlist.backup");
	ok(load_list(path, &got, &n, &exists, NULL, err, sizeof err) && n == 2,
	   "the next start reads the old list: %s", err);
	is_int(strays(dir, "watchlist"), 2, "reading removes nothing (--once, --dump-config)");
	ok(save_list(path, got, n, got, n, err, sizeof err), "the next save: %s", err);
	free(got);
	is_int(strays(dir, "watchlist"), 1, "removes the temporary file");
	is_str(file_read(backup), "700\n5\n", "but not the user's file");
	unlink(backup);
}

/* kill -9 at any moment of a save: a child saves two lists in turn
 * without end; killed after some saves, wherever it was, it leaves one of
 * the two files whole, and the next start finds no temporary file. */
static void test_kill9(void)
{
	struct instrument a[2] = { sym("700"), sym("HSI") }, b[200];
	char dir[512], path[512], want_a[4096], want_b[8192], err[512] = "", c;
	struct instrument *got = NULL;
	size_t n = 0;
	bool exists;
	int p[2], status = 0, saves = 0;
	pid_t pid;

	path_in(dir, sizeof dir, "kill9");
	path_in(path, sizeof path, "kill9/watchlist");
	for (size_t i = 0; i < 200; i++) {
		char code[8];

		snprintf(code, sizeof code, "%zu", i + 1);
		b[i] = sym(code);
	}
	/* The two files the child writes, made the same way first. */
	ok(save_list(path, b, 200, b, 200, err, sizeof err), "list B: %s", err);
	snprintf(want_b, sizeof want_b, "%s", file_read(path));
	unlink(path);
	ok(save_list(path, a, 2, a, 2, err, sizeof err), "list A: %s", err);
	snprintf(want_a, sizeof want_a, "%s", file_read(path));
	if (pipe(p) < 0)
		return;
	fflush(stdout);
	if ((pid = fork()) == 0) {
		close(p[0]);
		for (;;) {
			save_list(path, a, 2, b, 200, err, sizeof err);
			save_list(path, b, 200, a, 2, err, sizeof err);
			if (write(p[1], "", 1) != 1)
				_exit(1);
		}
	}
	close(p[1]);
	while (saves < 25 && read(p[0], &c, 1) == 1)
		saves++;
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	close(p[0]);
	ok(saves == 25 && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	   "killed with SIGKILL after 50 saves");
	ok(!strcmp(file_read(path), want_a) || !strcmp(file_read(path), want_b),
	   "the file is one of the two lists, whole");
	ok(load_list(path, &got, &n, &exists, NULL, err, sizeof err) && (n == 2 || n == 200),
	   "and loads: %s", err);
	ok(save_list(path, got, n, got, n, err, sizeof err), "and saves: %s", err);
	free(got);
	is_int(strays(dir, "watchlist"), 0, "no temporary file after the next save");
}

/* Two runs that both started from [700 HSI]: each one's edits survive the
 * other's save. */
static void test_two_runs(void)
{
	struct instrument start[2] = { sym("700"), sym("HSI") };
	struct instrument b_list[3] = { sym("700"), sym("HSI"), sym("BABA") };
	struct instrument a_list[2] = { sym("700"), sym("9988") };
	struct instrument *got = NULL;
	size_t n = 0;
	char path[512], err[512] = "";
	bool merged = true, exists;

	path_in(path, sizeof path, "two/watchlist");
	ok(state_save(path, start, 2, start, 2, NULL, NULL, &merged, err, sizeof err) && !merged,
	   "the first save: nothing to merge: %s", err);
	ok(state_save(path, start, 2, b_list, 3, NULL, NULL, &merged, err, sizeof err) && !merged,
	   "run B adds BABA: %s", err);
	ok(state_save(path, start, 2, a_list, 2, NULL, NULL, &merged, err, sizeof err) && merged,
	   "run A removes HSI and adds 9988, and is told of B's edit: %s", err);
	ok(load_list(path, &got, &n, &exists, NULL, err, sizeof err), "load: %s", err);
	is_int(n, 3, "three symbols");
	if (got && n == 3) {
		is_str(got[0].display, "0700", "0700 kept");
		is_str(got[1].display, "9988", "A's addition after its neighbour");
		is_str(got[2].display, "BABA", "B's addition kept; HSI gone");
	}
	free(got);
}

/* Two processes saving at once, each adding its own symbols one by one:
 * with the lock and the merge, no edit is lost. */
static void test_concurrent(void)
{
	struct instrument start[1] = { sym("HSI") };
	struct instrument *got = NULL;
	char path[512], dir[512], err[512] = "";
	size_t n = 0;
	bool exists, all = true;
	pid_t pid[2];

	path_in(dir, sizeof dir, "race");
	path_in(path, sizeof path, "race/watchlist");
	ok(save_list(path, start, 1, start, 1, err, sizeof err), "first save: %s", err);
	fflush(stdout);
	for (int c = 0; c < 2; c++) {
		struct instrument mine[41] = { sym("HSI") }, base[41] = { sym("HSI") };
		size_t k = 1;
		char code[16];

		if ((pid[c] = fork()) != 0)
			continue;
		for (int i = 1; i <= 40; i++) {
			snprintf(code, sizeof code, "%d", c * 1000 + i);
			mine[k++] = sym(code);
			if (!save_list(path, base, k - 1, mine, k, err, sizeof err))
				_exit(1);
			memcpy(base, mine, k * sizeof *mine);
		}
		_exit(0);
	}
	for (int c = 0; c < 2; c++) {
		int status = -1;

		waitpid(pid[c], &status, 0);
		ok(WIFEXITED(status) && WEXITSTATUS(status) == 0, "run %d saved 40 times", c);
	}
	ok(load_list(path, &got, &n, &exists, NULL, err, sizeof err), "load: %s", err);
	is_int(n, 81, "HSI and both runs' 40 additions");
	for (int c = 0; c < 2; c++)
		for (int i = 1; i <= 40; i++) {
			char code[16];
			struct instrument want;
			bool found = false;

			snprintf(code, sizeof code, "%d", c * 1000 + i);
			want = sym(code);
			for (size_t k = 0; k < n; k++)
				found = found || symbol_equal(&got[k], &want);
			all = all && found;
		}
	ok(all, "every addition of both runs is there");
	free(got);
	is_int(strays(dir, "watchlist"), 0, "no temporary file left");
}

static void test_symlinks(void)
{
	struct instrument v[1] = { sym("700") };
	struct instrument *got = NULL;
	size_t n = 0;
	bool exists = false;
	char path[512], target[512], err[512] = "";

	path_in(target, sizeof target, "real");
	file_write(target, "9988\n");
	path_in(path, sizeof path, "link");
	ok(symlink(target, path) == 0, "made a symlink");
	ok(!load_list(path, &got, &n, &exists, NULL, err, sizeof err) &&
	   strstr(err, "symbolic link") && strstr(err, path), "load refuses a symlink: %s", err);
	free(got);
	ok(!save_list(path, v, 1, v, 1, err, sizeof err) && strstr(err, "symbolic link"),
	   "save refuses a symlink: %s", err);
	is_str(file_read(target), "9988\n", "symlink target untouched");

	path_in(path, sizeof path, "adir");
	mkdir(path, 0700);
	ok(!save_list(path, v, 1, v, 1, err, sizeof err) && strstr(err, "is a directory"),
	   "save refuses a directory: %s", err);

	/* Someone else's file: as root, give one away; otherwise any file
	 * root owns will do. */
	if (geteuid() == 0) {
		path_in(path, sizeof path, "theirs");
		file_write(path, "0700\n");
		if (chown(path, 65534, 65534) != 0)
			path[0] = '\0';
	} else {
		snprintf(path, sizeof path, "/etc/passwd");
	}
	ok(path[0] && !load_list(path, &got, &n, &exists, NULL, err, sizeof err) &&
	   strstr(err, "owned by"), "load refuses a file we do not own: %s", err);
	if (geteuid() == 0)
		ok(!save_list(path, v, 1, v, 1, err, sizeof err) && strstr(err, "owned by") &&
		   !strcmp(file_read(path), "0700\n"), "save refuses a file we do not own: %s", err);
	else
		ok(!save_list("/etc/passwd", v, 1, v, 1, err, sizeof err) && strstr(err, "owned by"),
		   "save refuses a file we do not own: %s", err);
}

/* The one rule: SYMBOLs > -o watchlist > saved list > config > default. */
static void test_choose(void)
{
	struct instrument cfg[1] = { sym("HSI") }, *list, *two;
	struct state_list s;
	size_t n;
	char dir[512], path[512], from[600], err[512];
	bool merged;

	path_in(dir, sizeof dir, "choose");
	setenv("XDG_STATE_HOME", dir, 1);
	path_in(path, sizeof path, "choose/hktop/watchlist");

	list = malloc(sizeof *list);
	*list = cfg[0];
	n = 1;
	ok(state_list_choose(&s, LIST_CONFIG, "/etc/x", &list, &n), "no saved file");
	ok(s.origin == LIST_CONFIG && n == 1 && s.save && s.nnotes == 0,
	   "the config's list is used, edits are saved");
	state_list_describe(&s, from, sizeof from);
	is_str(from, "/etc/x", "described as the config file");
	two = malloc(2 * sizeof *two);
	two[0] = cfg[0];
	two[1] = sym("BABA");
	ok(state_list_save(&s, two, 2, &merged, err, sizeof err), "an edit is saved: %s", err);
	ok(!s.unsaved, "nothing unsaved");
	state_list_done(&s);

	ok(state_list_choose(&s, LIST_DEFAULT, "", &list, &n), "a saved file");
	ok(s.origin == LIST_SAVED && n == 2 && !strcmp(list[1].display, "BABA"),
	   "the saved list wins over the config's");
	state_list_describe(&s, from, sizeof from);
	ok(strstr(from, "the saved list ") == from && strstr(from, path), "described: %s", from);
	state_list_done(&s);

	ok(state_list_choose(&s, LIST_OPTION, "", &two, &n), "-o watchlist");
	ok(s.origin == LIST_OPTION && !s.save, "-o watchlist wins; edits are not saved");
	ok(!state_list_save(&s, two, 2, &merged, err, sizeof err) &&
	   !strcmp(err, "this list came from -o watchlist") && s.unsaved,
	   "an edit says why it is not saved: %s", err);
	state_list_done(&s);
	ok(state_list_choose(&s, LIST_ARGS, "", &two, &n) && !s.save, "SYMBOLs: not saved either");
	state_list_describe(&s, from, sizeof from);
	is_str(from, "the command line", "described as the command line");
	state_list_done(&s);

	/* A file that cannot be read: the config's list, and never saved over. */
	unlink(path);
	mkdir(path, 0700);
	ok(state_list_choose(&s, LIST_CONFIG, "/etc/x", &list, &n) && s.origin == LIST_CONFIG &&
	   !s.save && s.nnotes == 1 && strstr(s.notes[0], "is a directory"),
	   "a directory in its place: said, and not saved: %s", s.notes[0]);
	ok(!state_list_save(&s, list, n, &merged, err, sizeof err) && strstr(err, "is a directory"),
	   "an edit is refused: %s", err);
	state_list_done(&s);
	rmdir(path);

	unsetenv("XDG_STATE_HOME");
	unsetenv("HOME");
	ok(state_list_choose(&s, LIST_DEFAULT, "", &list, &n) && !s.save && !s.path[0] &&
	   strstr(s.why_not, "HOME"), "no home: not saved, and why: %s", s.why_not);
	state_list_done(&s);
	free(list);
	free(two);
}

/* Runs A and B start from the same saved list; B adds 9988. A is told of
 * B's edit on its first save only: after that merge the file holds no
 * edit A has not seen. B's 9988 stays through A's later saves. */
static void test_list_merges(void)
{
	static const char *const a_adds[3] = { "BABA", "5", "3" };
	struct instrument start[2] = { sym("700"), sym("HSI") }, v[5];
	struct instrument *la = malloc(sizeof start), *lb = malloc(sizeof start), *got = NULL;
	struct state_list a, b;
	size_t na = 2, nb = 2, n = 0;
	char dir[512], path[512], err[512] = "";
	bool merged = false, exists, found = false;

	path_in(dir, sizeof dir, "merges");
	path_in(path, sizeof path, "merges/hktop/watchlist");
	setenv("XDG_STATE_HOME", dir, 1);
	ok(save_list(path, start, 2, start, 2, err, sizeof err), "the saved list: %s", err);
	memcpy(la, start, sizeof start);
	memcpy(lb, start, sizeof start);
	ok(state_list_choose(&a, LIST_DEFAULT, "", &la, &na) &&
	   state_list_choose(&b, LIST_DEFAULT, "", &lb, &nb) && na == 2 && nb == 2,
	   "A and B read it");
	memcpy(v, start, sizeof start);
	v[2] = sym("9988");
	ok(state_list_save(&b, v, 3, &merged, err, sizeof err) && !merged, "B adds 9988: %s", err);
	for (size_t i = 0; i < 3; i++) {
		v[2 + i] = sym(a_adds[i]);
		ok(state_list_save(&a, v, 3 + i, &merged, err, sizeof err), "A adds %s: %s",
		   a_adds[i], err);
		ok(merged == (i == 0), "%s with the edits of another hktop", i == 0 ? "saved" : "not");
	}
	ok(load_list(path, &got, &n, &exists, NULL, err, sizeof err), "load: %s", err);
	is_int(n, 6, "B's 9988 and A's three additions");
	for (size_t i = 0; i < n; i++)
		found = found || !strcmp(got[i].display, "9988");
	ok(found, "9988 is not taken for one of A's removals");
	free(got);
	state_list_done(&a);
	state_list_done(&b);
	free(la);
	free(lb);
	unsetenv("XDG_STATE_HOME");
}

static void test_paths(void)
{
	char buf[512];

	setenv("XDG_STATE_HOME", "/xdg/state", 1);
	setenv("HOME", "/home/u", 1);
	state_watchlist_path(buf, sizeof buf);
	is_str(buf, "/xdg/state/hktop/watchlist", "absolute XDG_STATE_HOME");
	setenv("XDG_STATE_HOME", "rel/state", 1);
	state_watchlist_path(buf, sizeof buf);
	is_str(buf, "/home/u/.local/state/hktop/watchlist", "relative XDG_STATE_HOME ignored");
	setenv("XDG_STATE_HOME", "", 1);
	state_watchlist_path(buf, sizeof buf);
	is_str(buf, "/home/u/.local/state/hktop/watchlist", "empty XDG_STATE_HOME ignored");
	unsetenv("XDG_STATE_HOME");
	state_watchlist_path(buf, sizeof buf);
	is_str(buf, "/home/u/.local/state/hktop/watchlist", "HOME fallback");
	unsetenv("HOME");
	state_watchlist_path(buf, sizeof buf);
	is_str(buf, "", "no home: persistence off");
	setenv("HOME", "/home/u", 1);
	state_watchlist_path(buf, 10);
	is_str(buf, "", "a path that does not fit is not truncated");
}

/* Remove what the tests made; the tree is shallow and ours. */
/* Named lists: the config's, the saved ones, which is shown, and making,
 * renaming and removing them, each in its own file. */
static void open_lists(struct state_lists *ls, const struct lists *cfg, const char *want,
		       bool *ok_out, bool *usage, char *err, size_t errlen)
{
	struct state_list m;
	struct instrument *list = malloc(sizeof *list);
	size_t n = 1;

	*list = sym("HSI");
	state_list_choose(&m, LIST_DEFAULT, "", &list, &n);
	*ok_out = state_lists_open(ls, &m, list, n, cfg, want, true, usage, err, errlen);
	free(list);
	state_list_done(&m);
}

static void test_named_lists(void)
{
	struct instrument tech[2] = { sym("700"), sym("9988") }, banks[1] = { sym("5") };
	struct lists cfg = { 0 };
	struct state_lists ls;
	char dir[512], path[1024], err[STATE_MSG_MAX], names[256];
	bool ok_, usage, merged;
	long k;

	path_in(dir, sizeof dir, "named");
	setenv("XDG_STATE_HOME", dir, 1);
	lists_set(&cfg, "tech", tech, 2, "/etc/cfg", err, sizeof err);
	lists_set(&cfg, "banks", banks, 1, NULL, err, sizeof err);
	path_in(path, sizeof path, "named");
	mkdir(path, 0700);
	path_in(path, sizeof path, "named/hktop");
	mkdir(path, 0700);
	path_in(path, sizeof path, "named/hktop/lists");
	mkdir(path, 0700);
	path_in(path, sizeof path, "named/hktop/lists/tech");
	file_write(path, "700\n9988\n3690   # Meituan\nXYZ!!\n");
	path_in(path, sizeof path, "named/hktop/lists/mine");
	file_write(path, "BABA\n");
	path_in(path, sizeof path, "named/hktop/lists/bad name");
	file_write(path, "700\n");
	path_in(path, sizeof path, "named/hktop/lists/.mine.hktop-tmp.abcdef");
	file_write(path, "700\n");

	open_lists(&ls, &cfg, NULL, &ok_, &usage, err, sizeof err);
	ok(ok_, "lists open: %s", ok_ ? "" : err);
	state_lists_names(&ls, names, sizeof names);
	is_str(names, "main, tech, banks, mine", "main, the config's in order, then the saved ones");
	is_int(ls.cur, 0, "main is shown at first");
	k = state_lists_find(&ls, "tech");
	ok(k == 1 && ls.v[1].n == 3 && ls.v[1].origin == LIST_SAVED && ls.v[1].save,
	   "a config list's saved file wins over the config");
	ok(ls.v[1].nnotes == 1 && strstr(ls.v[1].notes[0], "tech:4: \"XYZ!!\""),
	   "its unreadable line is named: %s", ls.v[1].nnotes ? ls.v[1].notes[0] : "");
	ok(ls.v[2].origin == LIST_OPTION && !ls.v[2].save, "an -o list is not saved");
	is_str(ls.v[2].why_not, "this list came from -o list.banks", "and says so");
	ok(ls.v[3].origin == LIST_SAVED && ls.v[3].n == 1, "a list made on screen comes back");
	ok(ls.nnotes == 1 && strstr(ls.notes[0], "lists/bad name: \"bad name\": not a list name"),
	   "a file without a list's name is named: %s", ls.nnotes ? ls.notes[0] : "");

	/* Edits to a named list: merged into its file, the bad line kept. */
	{
		struct instrument v[4] = { sym("700"), sym("9988"), sym("3690"), sym("BIDU") };

		ok(state_list_save(&ls.v[1], v, 4, &merged, err, sizeof err), "tech saved: %s", err);
		path_in(path, sizeof path, "named/hktop/lists/tech");
		is_str(file_read(path), "700\n9988\n3690   # Meituan\nBIDU\n"
		       "# hktop could not read this line: XYZ!!\n",
		       "its own file, the user's text and the unreadable line kept");
	}

	/* Shown, remembered. */
	ok(state_lists_show(&ls, 3, NULL, 0, err, sizeof err), "mine shown: %s", err);
	path_in(path, sizeof path, "named/hktop/current-list");
	ok(file_read(path) && strstr(file_read(path), "\nmine\n"), "and remembered");

	/* Made, renamed, removed. */
	ok(!state_lists_create(&ls, "tech", err, sizeof err), "a taken name is refused");
	is_str(err, "there is a list called tech already", "with the cause");
	ok(!state_lists_create(&ls, "a b", err, sizeof err), "a name with a space too");
	ok(!state_lists_create(&ls, "x\x1b[2J", err, sizeof err) && !strchr(err, '\x1b'),
	   "and one with an escape, which the cause drops: %s", err);
	ok(state_lists_create(&ls, "new1", err, sizeof err) && !err[0], "a new list: %s", err);
	path_in(path, sizeof path, "named/hktop/lists/new1");
	ok(file_read(path) && file_read(path)[0] == '#', "is saved at once, empty");
	ok(!state_lists_rename(&ls, 0, "other", err, sizeof err) && strstr(err, "main is"),
	   "main keeps its name: %s", err);
	ok(!state_lists_rename(&ls, 1, "other", err, sizeof err) &&
	   !strcmp(err, "list.tech is set in /etc/cfg; it is renamed there"),
	   "a config list is the config's: %s", err);
	ok(!state_lists_rename(&ls, 4, "mine", err, sizeof err), "not over another list");
	ok(state_lists_rename(&ls, 4, "new2", err, sizeof err), "renamed: %s", err);
	ok(access(path, F_OK) != 0, "the old file is gone");
	path_in(path, sizeof path, "named/hktop/lists/new2");
	ok(access(path, F_OK) == 0, "the new one is there");
	is_str(ls.v[4].path, path, "and the list saves there");
	ok(!state_lists_remove(&ls, 3, err, sizeof err) && strstr(err, "is shown"),
	   "the list shown is not removed: %s", err);
	ok(!state_lists_remove(&ls, 1, err, sizeof err) && strstr(err, "removed there"),
	   "nor a config list: %s", err);
	ok(state_lists_remove(&ls, 4, err, sizeof err) && ls.n == 4, "removed: %s", err);
	ok(access(path, F_OK) != 0, "its file too");
	state_lists_done(&ls);

	/* The next run: the one remembered; --list picks; an unknown name. */
	open_lists(&ls, &cfg, NULL, &ok_, &usage, err, sizeof err);
	ok(ok_ && ls.cur == 3 && !strcmp(ls.v[3].name, "mine"), "the list shown last is shown");
	state_lists_done(&ls);
	open_lists(&ls, &cfg, "tech", &ok_, &usage, err, sizeof err);
	ok(ok_ && ls.cur == 1, "--list picks one");
	state_lists_done(&ls);
	open_lists(&ls, &cfg, "nope", &ok_, &usage, err, sizeof err);
	ok(!ok_ && usage, "an unknown --list is a usage error");
	is_str(err, "no list called nope; the lists are: main, tech, banks, mine", "naming the lists");
	state_lists_done(&ls);

	/* A current-list file with a bad line: said, main shown. */
	path_in(path, sizeof path, "named/hktop/current-list");
	file_write(path, "# c\nno such\n");
	open_lists(&ls, &cfg, NULL, &ok_, &usage, err, sizeof err);
	ok(ok_ && ls.cur == 0 && ls.nnotes == 2 && strstr(ls.notes[1], "current-list:2: \"no such\""),
	   "a bad current-list line is named, main shown: %s", ls.nnotes > 1 ? ls.notes[1] : "");
	state_lists_done(&ls);

	/* 100 lists saved: LISTS_MAX kept, the rest counted. */
	for (int i = 0; i < 100; i++) {
		char rel[64];

		snprintf(rel, sizeof rel, "named/hktop/lists/l%03d", i);
		path_in(path, sizeof path, rel);
		file_write(path, "700\n");
	}
	open_lists(&ls, &cfg, NULL, &ok_, &usage, err, sizeof err);
	ok(ok_ && ls.n == LISTS_MAX, "lists past %d are not opened (%zu)", LISTS_MAX, ls.n);
	ok(ls.nnotes >= 2 && strstr(ls.notes[1], "more than 64 lists; 40 skipped (l061 and after)"),
	   "and said: %s", ls.nnotes > 1 ? ls.notes[1] : "");
	state_lists_done(&ls);
	lists_done(&cfg);
	unsetenv("XDG_STATE_HOME");
}

static void cleanup(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char p[1024];
	struct stat st;

	while (d && (e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
			chmod(p, 0700);
			cleanup(p);
			rmdir(p);
		} else {
			unlink(p);
		}
	}
	if (d)
		closedir(d);
}

int main(void)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(root, sizeof root, "%s/hktop-test-state.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(root)) {
		printf("Bail out! mkdtemp: %s\n", strerror(errno));
		return 1;
	}
	test_round_trip();
	test_missing_and_bad();
	test_keep_what_was_there();
	test_symlinks();
	test_failures();
	test_killed_save();
	test_kill9();
	test_two_runs();
	test_concurrent();
	test_choose();
	test_list_merges();
	test_named_lists();
	test_paths();
	cleanup(root);
	rmdir(root);
	return tap_done();
}
