/* test-browser.c - a link to argv without a shell; OSC 52 encoding; what
 * the browser inherits */
#include "config.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "tui/browser.h"
#include "net/http.h"
#include "tap.h"

#define FDS_MAX 1024

/* Run as the browser (argv[1] "--fds"): write the descriptors it was
 * given, "N target" a line, to $FDS_LOG, whole or not at all. */
static int list_fds(void)
{
	const char *log = getenv("FDS_LOG");
	char tmp[4096], target[256], line[FDS_MAX][300];
	int n = 0;
	FILE *fp;

	if (!log)
		return 2;
	/* Looked at before anything of ours is opened. */
	for (int fd = 0; fd < FDS_MAX; fd++) {
		char path[64];
		ssize_t k;

		if (fcntl(fd, F_GETFD) < 0)
			continue;
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
		k = readlink(path, target, sizeof target - 1);
		target[k < 0 ? 0 : k] = '\0';
		snprintf(line[n++], sizeof line[0], "%d %s\n", fd, target);
	}
	snprintf(tmp, sizeof tmp, "%s.tmp", log);
	if (!(fp = fopen(tmp, "w")))
		return 1;
	for (int i = 0; i < n; i++)
		fputs(line[i], fp);
	return fclose(fp) == 0 && rename(tmp, log) == 0 ? 0 : 1;
}

/* What a browser started from a process holding other descriptors
 * (curl's, a pipe, a socket pair, a file; none close-on-exec) gets. */
static void inherited(void)
{
	char dir[] = "/tmp/test-browser.XXXXXX", log[64], self[4096], browser[4200];
	char got[4096] = "", err[256];
	int p[2] = { -1, -1 }, sv[2] = { -1, -1 }, file;
	struct http *h = http_new("test", err, sizeof err);
	struct timespec tick = { 0, 20 * 1000 * 1000 };
	ssize_t k = readlink("/proc/self/exe", self, sizeof self - 1);
	FILE *fp = NULL;
	bool opened;

	ok(h != NULL, "an http handle (curl's descriptors) is open");
	ok(pipe(p) == 0 && socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0, "a pipe and a socket pair");
	file = open("/dev/zero", O_RDONLY);
	if (k < 0 || !mkdtemp(dir)) {
		ok(0, "a place for the browser's list");
		return;
	}
	self[k] = '\0';
	snprintf(log, sizeof log, "%s/fds", dir);
	snprintf(browser, sizeof browser, "%s --fds", self);
	setenv("FDS_LOG", log, 1);
	setenv("BROWSER", browser, 1);
	unsetenv("HKTOP_BROWSER_LOG");
	opened = browser_open("https://example.com/x", err, sizeof err);
	ok(opened, "the browser starts");
	/* It runs detached: wait for its list, 10 s at most. */
	for (int i = 0; opened && i < 500 && !(fp = fopen(log, "r")); i++)
		nanosleep(&tick, NULL);
	if (fp) {
		size_t n = fread(got, 1, sizeof got - 1, fp);
		got[n] = '\0';
		fclose(fp);
	}
	is_str(got, "0 /dev/null\n1 /dev/null\n2 /dev/null\n",
	       "only stdin, stdout and stderr reach it, all on /dev/null");
	unlink(log);
	rmdir(dir);
	http_free(h);
	for (int i = 0; i < 2; i++) {
		close(p[i]);
		close(sv[i]);
	}
	close(file);
}

int main(int ac, char **av)
{
	char store[512], out[256], *argv[BROWSER_ARGS_MAX + 1];
	const char *url = "https://example.com/a?b=1&c=2";

	if (ac > 1 && strcmp(av[1], "--fds") == 0)
		return list_fds();

	is_int((long)browser_argv(NULL, url, store, sizeof store, argv), 2, "no BROWSER: xdg-open");
	is_str(argv[0], "xdg-open", "xdg-open");
	is_str(argv[1], url, "the link as one word");
	ok(argv[2] == NULL, "NULL-terminated");
	is_int((long)browser_argv("firefox --new-tab %s:chromium", url, store, sizeof store, argv), 3,
	       "the first entry of BROWSER (%%s form)");
	is_str(argv[0], "firefox", "its program");
	is_str(argv[1], "--new-tab", "its option");
	is_str(argv[2], url, "%%s is the link");
	is_int((long)browser_argv("w3m", url, store, sizeof store, argv), 2, "no %%s: appended");
	is_str(argv[1], url, "the link last");
	is_int((long)browser_argv("  :x", url, store, sizeof store, argv), 0, "an empty first entry: nothing");
	is_int((long)browser_argv("w3m", url, store, 8, argv), 0, "does not fit: nothing");

	ok(browser_url_ok(url), "https ok");
	ok(browser_url_ok("HTTP://Example.com/"), "scheme in capitals ok");
	ok(!browser_url_ok("javascript:alert(1)"), "javascript: refused");
	ok(!browser_url_ok("file:///etc/passwd"), "file: refused");
	ok(!browser_url_ok("https://a.example/ -x"), "a space refused");
	ok(!browser_url_ok("https://a.example/'$(id)'"), "quotes refused");
	ok(!browser_url_ok("https://a.example/\x1b]0;x\a"), "controls refused");

	is_int((long)browser_osc52("hi", out, sizeof out), 12, "OSC 52 length");
	is_str(out, "\033]52;c;aGk=\a", "ESC ] 52 ; c ; base64 BEL");
	browser_osc52("https://x.y/", out, sizeof out);
	is_str(out, "\033]52;c;aHR0cHM6Ly94Lnkv\a", "no padding when the length divides by 3");
	is_int((long)browser_osc52("https://x.y/", out, 10), 0, "too small: 0");
	inherited();
	return tap_done();
}
