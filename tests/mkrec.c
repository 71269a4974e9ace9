/* mkrec.c - test helper: write a synthetic recording, or measure a command's peak memory
 *
 *   mkrec FILE N BODYFILE URL START_MS STEP_MS
 *	FILE gets a recording of N records of BODYFILE's bytes for URL,
 *	the first at START_MS, each STEP_MS after the one before.
 *   mkrec --rss CMD [ARG...]
 *	runs CMD, then prints its peak resident set in KiB on stderr and
 *	exits with CMD's status (no GNU time needed). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/recfile.h"

static int rss(char **argv)
{
	struct rusage ru;
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return 125;
	if (pid == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0)
		return 125;
	fprintf(stderr, "maxrss %ld\n", ru.ru_maxrss);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int main(int argc, char **argv)
{
	struct recfile_record r = { 0 };
	unsigned char head[RECFILE_HEAD];
	char line[RECFILE_LINE_MAX], *body;
	unsigned long n;
	long size;
	FILE *in, *out;

	if (argc > 2 && strcmp(argv[1], "--rss") == 0)
		return rss(argv + 2);
	if (argc != 7) {
		fprintf(stderr, "usage: mkrec FILE N BODYFILE URL START_MS STEP_MS | --rss CMD...\n");
		return 2;
	}
	if (!(in = fopen(argv[3], "rb")) || fseek(in, 0, SEEK_END) != 0 || (size = ftell(in)) < 0 ||
	    !(body = malloc((size_t)size + 1)) || fseek(in, 0, SEEK_SET) != 0 ||
	    fread(body, 1, (size_t)size, in) != (size_t)size) {
		perror(argv[3]);
		return 1;
	}
	fclose(in);
	if (!(out = fopen(argv[1], "wb"))) {
		perror(argv[1]);
		return 1;
	}
	n = strtoul(argv[2], NULL, 10);
	r.status = 200;
	r.url = argv[4];
	r.url_len = strlen(argv[4]);
	r.meta = "Content-Type: text/plain; charset=GBK\n";
	r.meta_len = strlen(r.meta);
	r.body = body;
	r.body_len = (size_t)size;
	r.time_ms = strtoll(argv[5], NULL, 10);
	recfile_header_line(line, sizeof line, "mkrec");
	fputs(line, out);
	for (unsigned long i = 0; i < n; i++, r.time_ms += strtoll(argv[6], NULL, 10)) {
		if (!recfile_encode_head(head, &r))
			return 1;
		fwrite(head, 1, sizeof head, out);
		fwrite(r.url, 1, r.url_len, out);
		fwrite(r.meta, 1, r.meta_len, out);
		fwrite(r.body, 1, r.body_len, out);
	}
	free(body);
	if (fclose(out) != 0) {
		perror(argv[1]);
		return 1;
	}
	return 0;
}
