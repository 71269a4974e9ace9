/* loopback.h - start tests/httpd from a C test and learn its base URL
 *
 * For the unit tests that drive the real HTTP path (http.c, fetch.c) but
 * want to look at results in C rather than through hktop's output. */
#ifndef HKTOP_LOOPBACK_H
#define HKTOP_LOOPBACK_H

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

struct loopback {
	pid_t pid;
	char base[64];          /* http://127.0.0.1:PORT */
	char rules[64];
};

/* Serve RULES (httpd's rules syntax; file names relative to $FIXTURES). */
static inline void loopback_start(struct loopback *lb, const char *rules)
{
	const char *httpd = getenv("HTTPD"), *dir = getenv("FIXTURES");
	char path[1024];
	unsigned port = 0;
	int fd, out[2];
	FILE *fp;

	if (!httpd || !dir) {
		printf("Bail out! run under make check (HTTPD, FIXTURES)\n");
		exit(1);
	}
	/* httpd reads bodies relative to the rules file: put it beside the fixtures
	 * by naming them with absolute paths instead. */
	snprintf(lb->rules, sizeof lb->rules, "/tmp/hktop-rules.XXXXXX");
	if ((fd = mkstemp(lb->rules)) < 0 || !(fp = fdopen(fd, "w"))) {
		printf("Bail out! cannot write a rules file\n");
		exit(1);
	}
	for (const char *p = rules; *p; p++) {
		if (*p == '$') {
			snprintf(path, sizeof path, "%s", dir);
			fputs(path, fp);
		} else {
			fputc(*p, fp);
		}
	}
	fclose(fp);
	if (pipe(out) || (lb->pid = fork()) < 0) {
		printf("Bail out! cannot start httpd\n");
		exit(1);
	}
	if (lb->pid == 0) {
		dup2(out[1], 1);
		close(out[0]);
		close(out[1]);
		execl(httpd, httpd, "-t", "30", lb->rules, (char *)NULL);
		_exit(127);
	}
	close(out[1]);
	if (!(fp = fdopen(out[0], "r")) || fscanf(fp, "%u", &port) != 1 || !port) {
		printf("Bail out! httpd did not say its port\n");
		exit(1);
	}
	fclose(fp);
	snprintf(lb->base, sizeof lb->base, "http://127.0.0.1:%u", port);
}

static inline void loopback_stop(struct loopback *lb)
{
	kill(lb->pid, SIGTERM);
	waitpid(lb->pid, NULL, 0);
	unlink(lb->rules);
}

#endif
