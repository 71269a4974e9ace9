/* browser.c - hand a headline's link to the user's browser or clipboard, never to a shell
 *
 * A link comes from a feed, so it is treated as hostile: it must be
 * http(s) with nothing a program could read as an option or a second
 * argument, and it goes to execvp as one argv word; no shell ever sees it. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tui/browser.h"

bool browser_url_ok(const char *url)
{
	if (strncasecmp(url, "http://", 7) != 0 && strncasecmp(url, "https://", 8) != 0)
		return false;
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p <= 0x20 || *p == 0x7f || *p == '"' || *p == '\'' || *p == '\\')
			return false;
	return true;
}

size_t browser_argv(const char *browser, const char *url, char *store, size_t len,
		    char *argv[BROWSER_ARGS_MAX + 1])
{
	size_t argc = 0, used = 0, n;
	bool placed = false;
	const char *p;

	if (!browser || !*browser)
		browser = "xdg-open";
	n = strcspn(browser, ":");
	if (n >= len)
		return 0;
	memcpy(store, browser, n);
	store[n] = '\0';
	used = n + 1;
	for (char *w = strtok(store, " \t"); w; w = strtok(NULL, " \t")) {
		if (argc >= BROWSER_ARGS_MAX - 1)
			return 0;
		if (strcmp(w, "%s") == 0) {
			argv[argc++] = NULL; /* filled below: url does not live in store yet */
			placed = true;
		} else {
			argv[argc++] = w;
		}
	}
	if (argc == 0)
		return 0;
	p = url;
	if (used + strlen(p) + 1 > len)
		return 0;
	memcpy(store + used, p, strlen(p) + 1);
	for (size_t i = 0; i < argc; i++)
		if (!argv[i])
			argv[i] = store + used;
	if (!placed)
		argv[argc++] = store + used;
	argv[argc] = NULL;
	return argc;
}

static bool log_line(const char *path, const char *what, char *const argv[], char *err,
		     size_t errlen)
{
	FILE *fp = fopen(path, "a");

	if (!fp) {
		snprintf(err, errlen, "HKTOP_BROWSER_LOG: %s: %s", path, strerror(errno));
		return false;
	}
	fputs(what, fp);
	for (size_t i = 0; argv[i]; i++)
		fprintf(fp, " %s", argv[i]);
	fputc('\n', fp);
	return fclose(fp) == 0;
}

/* Nothing of ours but the standard three may reach the browser: not
 * curl's sockets (its wake-up pair among them), the signal pipe, the log.
 * Marked close-on-exec rather than closed, so that the report pipe still
 * carries an exec failure. Without close_range(2) (Linux 5.11), a loop
 * up to the descriptor limit; no opendir between fork and exec. */
static void cloexec_above_stdio(void)
{
	long max;

#ifdef CLOSE_RANGE_CLOEXEC
	if (close_range(STDERR_FILENO + 1, ~0U, CLOSE_RANGE_CLOEXEC) == 0)
		return;
#endif
	max = sysconf(_SC_OPEN_MAX);
	if (max < 0 || max > 65536)
		max = 65536;
	for (int fd = STDERR_FILENO + 1; fd < max; fd++)
		fcntl(fd, F_SETFD, FD_CLOEXEC);
}

/* The grandchild: its own session, stdio on /dev/null and nothing else
 * open, then the browser. An exec failure goes back to the parent as
 * errno through a CLOEXEC pipe. */
static void run_detached(char *const argv[], int report)
{
	int fd = open("/dev/null", O_RDWR);
	int e;

	setsid();
	if (fd >= 0) {
		dup2(fd, STDIN_FILENO);
		dup2(fd, STDOUT_FILENO);
		dup2(fd, STDERR_FILENO);
		if (fd > STDERR_FILENO)
			close(fd);
	}
	cloexec_above_stdio();
	execvp(argv[0], argv);
	e = errno;
	if (write(report, &e, sizeof e) < 0) {
		/* nothing more to say */
	}
	_exit(127);
}

bool browser_open(const char *url, char *err, size_t errlen)
{
	char store[4096], *argv[BROWSER_ARGS_MAX + 1];
	const char *log = getenv("HKTOP_BROWSER_LOG");
	int pipefd[2], e = 0, status;
	pid_t pid;

	if (!browser_url_ok(url)) {
		snprintf(err, errlen, "not an http or https link");
		return false;
	}
	if (!browser_argv(getenv("BROWSER"), url, store, sizeof store, argv)) {
		snprintf(err, errlen, "BROWSER: cannot make a command of it");
		return false;
	}
	if (log && *log)
		return log_line(log, "open", argv, err, errlen);
	if (pipe(pipefd) != 0 || fcntl(pipefd[1], F_SETFD, FD_CLOEXEC) != 0) {
		snprintf(err, errlen, "pipe: %s", strerror(errno));
		return false;
	}
	/* Fork twice so the browser is not our child: no zombie to reap. */
	if ((pid = fork()) < 0) {
		snprintf(err, errlen, "fork: %s", strerror(errno));
		close(pipefd[0]);
		close(pipefd[1]);
		return false;
	}
	if (pid == 0) {
		close(pipefd[0]);
		if (fork() == 0)
			run_detached(argv, pipefd[1]);
		_exit(0);
	}
	close(pipefd[1]);
	waitpid(pid, &status, 0);
	/* EOF when exec succeeded (the pipe closed on exec); errno when not. */
	while (read(pipefd[0], &e, sizeof e) < 0 && errno == EINTR)
		;
	close(pipefd[0]);
	if (e) {
		snprintf(err, errlen, "cannot run %s: %s", argv[0], strerror(e));
		return false;
	}
	return true;
}

size_t browser_osc52(const char *s, char *out, size_t cap)
{
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t n = strlen(s), used = 0;
	const unsigned char *p = (const unsigned char *)s;

	if (cap < 9 + (n + 2) / 3 * 4)
		return 0;
	memcpy(out, "\033]52;c;", 7);
	used = 7;
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16;
		if (i + 1 < n)
			v |= (unsigned)p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		out[used++] = b64[(v >> 18) & 63];
		out[used++] = b64[(v >> 12) & 63];
		out[used++] = i + 1 < n ? b64[(v >> 6) & 63] : '=';
		out[used++] = i + 2 < n ? b64[v & 63] : '=';
	}
	out[used++] = '\a';
	out[used] = '\0';
	return used;
}

bool browser_copy(FILE *fp, const char *url, char *err, size_t errlen)
{
	char seq[4096 * 2], *argv[2];
	const char *log = getenv("HKTOP_BROWSER_LOG");
	size_t n;

	if (!browser_url_ok(url)) {
		snprintf(err, errlen, "not an http or https link");
		return false;
	}
	if (!(n = browser_osc52(url, seq, sizeof seq))) {
		snprintf(err, errlen, "link too long to copy");
		return false;
	}
	fwrite(seq, 1, n, fp);
	fflush(fp);
	if (log && *log) {
		seq[n - 1] = '\0'; /* the log gets the base64, not the control bytes */
		argv[0] = seq + 7;
		argv[1] = NULL;
		return log_line(log, "osc52", argv, err, errlen);
	}
	return true;
}
