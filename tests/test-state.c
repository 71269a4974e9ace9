/* test-state.c - the saved watchlist: round trip, refusals, atomic replace */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "state.h"
#include "tap.h"

static char root[256];

static struct instrument sym(const char *s)
{
	struct instrument in;
	char err[128];

	symbol_parse(s, &in, err, sizeof err);
	return in;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static char *slurp(const char *path)
{
	static char buf[4096];
	FILE *f = fopen(path, "r");
	size_t n;

	if (!f)
		return NULL;
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
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

static void test_round_trip(void)
{
	struct instrument v[4] = { sym("HSI"), sym("700"), sym("9988.HK"), sym("BABA") };
	struct instrument *got = NULL;
	size_t n = 0;
	bool exists = false;
	char path[512], dir[512], err[512] = "";
	struct stat st;

	path_in(path, sizeof path, "a/b/hktop/watchlist");
	path_in(dir, sizeof dir, "a/b/hktop");
	ok(state_watchlist_save(path, v, 4, err, sizeof err), "save into missing directories: %s", err);
	ok(stat(dir, &st) == 0 && (st.st_mode & 0777) == 0700, "new directories are 0700");
	ok(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600, "saved file is 0600");
	ok(strstr(slurp(path), "\n0700\n9988\nBABA\n") != NULL, "one display symbol a line");
	ok(slurp(path)[0] == '#', "starts with a header comment");
	ok(state_watchlist_load(path, &got, &n, &exists, err, sizeof err), "load: %s", err);
	ok(exists, "file exists");
	is_int(n, 4, "four symbols back");
	for (size_t i = 0; got && i < n && i < 4; i++)
		ok(symbol_equal(&got[i], &v[i]), "symbol %zu is %s", i, v[i].display);
	free(got);
	is_int(strays(dir, "watchlist"), 0, "no temporary file left after success");

	/* Saving again replaces, and an empty list is a list. */
	ok(state_watchlist_save(path, v, 0, err, sizeof err), "save empty list: %s", err);
	ok(state_watchlist_load(path, &got, &n, &exists, err, sizeof err) && exists && n == 0,
	   "empty list loads as existing and empty");
	free(got);
}

static void test_missing_and_bad(void)
{
	struct instrument *got = NULL;
	size_t n = 9;
	bool exists = true;
	char path[512], want[600], err[512] = "";

	path_in(path, sizeof path, "nope/watchlist");
	ok(state_watchlist_load(path, &got, &n, &exists, err, sizeof err), "missing file is fine");
	ok(!exists && n == 0 && got == NULL, "missing file: no list, exists false");

	path_in(path, sizeof path, "comments");
	write_file(path, "# mine\n\n  700   # Tencent\r\nhsi\n\t^HSCE\n");
	ok(state_watchlist_load(path, &got, &n, &exists, err, sizeof err), "comments, blanks, CRLF: %s", err);
	is_int(n, 3, "three symbols");
	if (got && n == 3) {
		is_str(got[0].display, "0700", "first");
		is_str(got[2].display, "HSCEI", "third");
	}
	free(got);
	got = NULL;

	path_in(path, sizeof path, "bad");
	write_file(path, "700\nHSI\nnot a symbol!\n9988\n");
	ok(!state_watchlist_load(path, &got, &n, &exists, err, sizeof err), "bad line fails");
	ok(got == NULL && n == 0, "no half list on failure");
	snprintf(want, sizeof want, "%s:3: ", path);
	ok(strncmp(err, want, strlen(want)) == 0, "error names PATH:LINE: %s", err);

	path_in(path, sizeof path, "big");
	{
		FILE *f = fopen(path, "w");

		for (int i = 0; f && i < STATE_MAX_FILE / 5 + 10; i++)
			fputs("0700\n", f);
		if (f)
			fclose(f);
	}
	ok(!state_watchlist_load(path, &got, &n, &exists, err, sizeof err) &&
	   strstr(err, "KiB"), "a file over 256 KiB is refused: %s", err);
}

static void test_symlinks(void)
{
	struct instrument v[1] = { sym("700") };
	struct instrument *got = NULL;
	size_t n = 0;
	bool exists = false;
	char path[512], target[512], err[512] = "";

	path_in(target, sizeof target, "real");
	write_file(target, "9988\n");
	path_in(path, sizeof path, "link");
	ok(symlink(target, path) == 0, "made a symlink");
	ok(!state_watchlist_load(path, &got, &n, &exists, err, sizeof err) &&
	   strstr(err, "symbolic link") && strstr(err, path), "load refuses a symlink: %s", err);
	free(got);
	ok(!state_watchlist_save(path, v, 1, err, sizeof err) && strstr(err, "symbolic link"),
	   "save refuses a symlink: %s", err);
	is_str(slurp(target), "9988\n", "symlink target untouched");

	path_in(path, sizeof path, "adir");
	mkdir(path, 0700);
	ok(!state_watchlist_save(path, v, 1, err, sizeof err) && strstr(err, "regular"),
	   "save refuses a directory: %s", err);

	/* Someone else's file: as root, give one away; otherwise any file
	 * root owns will do. */
	if (geteuid() == 0) {
		path_in(path, sizeof path, "theirs");
		write_file(path, "0700\n");
		if (chown(path, 65534, 65534) != 0)
			path[0] = '\0';
	} else {
		snprintf(path, sizeof path, "/etc/passwd");
	}
	ok(path[0] && !state_watchlist_load(path, &got, &n, &exists, err, sizeof err) &&
	   strstr(err, "owned by"), "load refuses a file we do not own: %s", err);
	if (geteuid() == 0)
		ok(!state_watchlist_save(path, v, 1, err, sizeof err) && strstr(err, "owned by") &&
		   !strcmp(slurp(path), "0700\n"), "save refuses a file we do not own: %s", err);
	else
		ok(1, "# SKIP save over a file we do not own: needs root to make one");
}

static void test_failures(void)
{
	struct instrument v[3] = { sym("700"), sym("HSI"), sym("BABA") };
	struct instrument big[200];
	char dir[512], path[512], before[4096], err[512] = "";
	struct rlimit old, lim;
	bool saved;

	path_in(dir, sizeof dir, "ro");
	path_in(path, sizeof path, "ro/watchlist");
	ok(state_watchlist_save(path, v, 3, err, sizeof err), "first save: %s", err);
	snprintf(before, sizeof before, "%s", slurp(path));

	if (geteuid() == 0) {
		ok(1, "# SKIP read-only directory: root ignores permissions");
		ok(1, "# SKIP read-only directory: root ignores permissions");
		ok(1, "# SKIP read-only directory: root ignores permissions");
		ok(1, "# SKIP read-only directory: root ignores permissions");
	} else {
		chmod(dir, 0500);
		ok(!state_watchlist_save(path, v, 1, err, sizeof err), "read-only directory: save fails");
		ok(strstr(err, path) && strstr(err, strerror(EACCES)), "cause names path and errno: %s", err);
		chmod(dir, 0700);
		is_str(slurp(path), before, "old file intact");
		is_int(strays(dir, "watchlist"), 0, "no temporary file left");
	}

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
	saved = state_watchlist_save(path, big, 200, err, sizeof err);
	setrlimit(RLIMIT_FSIZE, &old);
	ok(!saved && strstr(err, strerror(EFBIG)), "failing write: save fails: %s", err);
	is_str(slurp(path), before, "old file intact after a failed write");
	is_int(strays(dir, "watchlist"), 0, "no temporary file left after a failed write");
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
	test_symlinks();
	test_failures();
	test_paths();
	cleanup(root);
	rmdir(root);
	return tap_done();
}
