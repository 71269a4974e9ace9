/* replay_stream.c - a recording's directory read as one stream of records
 *
 * One file open, one record held: a recording of any size is played in
 * the memory of its largest record. What cannot be read is skipped with
 * a note, never a stop: a file that is not a recording (or of another
 * format), a FIFO, an unreadable file; a record cut short or corrupt
 * ends its file, and what came before it has been played. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/text.h"
#include "net/replay_stream.h"

#define SUFFIX ".hkrec"

static void note(struct replay_stream *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void note(struct replay_stream *s, const char *fmt, ...)
{
	char raw[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	/* File names are the user's: no control characters onto the screen. */
	text_sanitize(s->notes[s->nwritten % REPLAY_NOTES], sizeof s->notes[0], raw, strlen(raw));
	s->nwritten++;
	if (s->nwritten - s->nread > REPLAY_NOTES)
		s->nread = s->nwritten - REPLAY_NOTES;
}

static ssize_t fd_read(void *arg, void *buf, size_t len)
{
	return read(*(int *)arg, buf, len);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool list_files(struct replay_stream *s, char *err, size_t errlen)
{
	DIR *d = opendir(s->dir);
	struct dirent *e;
	size_t cap = 0, skipped = 0;

	if (!d) {
		snprintf(err, errlen, "%s: %s", s->dir, strerror(errno));
		return false;
	}
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name);
		char **grown;
		if (n <= strlen(SUFFIX) || strcmp(e->d_name + n - strlen(SUFFIX), SUFFIX) != 0 ||
		    e->d_name[0] == '.')
			continue;
		if (s->nfiles == REPLAY_FILES_MAX) {
			skipped++;
			continue;
		}
		if (s->nfiles == cap) {
			cap = cap ? cap * 2 : 16;
			if (!(grown = realloc(s->files, cap * sizeof *grown)))
				break;
			s->files = grown;
		}
		if (!(s->files[s->nfiles] = strdup(e->d_name)))
			break;
		s->nfiles++;
	}
	closedir(d);
	if (skipped)
		note(s, "%s: %zu recording files past the first %d left out", s->dir, skipped,
		     REPLAY_FILES_MAX);
	if (s->nfiles == 0) {
		snprintf(err, errlen, "%s: no recording in it (no *%s file)", s->dir, SUFFIX);
		return false;
	}
	qsort(s->files, s->nfiles, sizeof *s->files, by_name);
	return true;
}

/* Open the next file that is a readable recording; false when none is left. */
static bool open_next(struct replay_stream *s)
{
	char path[4096];
	struct stat st;

	for (; s->file < s->nfiles; s->file++) {
		const char *name = s->files[s->file];
		snprintf(path, sizeof path, "%s/%s", s->dir, name);
		/* O_NONBLOCK: a FIFO must not hang the open; fstat then refuses it. */
		s->fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
		if (s->fd < 0) {
			note(s, "%s: %s", name, strerror(errno));
			continue;
		}
		if (fstat(s->fd, &st) != 0 || !S_ISREG(st.st_mode)) {
			note(s, "%s: not a regular file", name);
		} else if (!recfile_reader_open(&s->rd, fd_read, &s->fd)) {
			note(s, "%s: %s", name, s->rd.err);
			recfile_reader_done(&s->rd);
		} else {
			return true;
		}
		close(s->fd);
		s->fd = -1;
	}
	return false;
}

static void close_file(struct replay_stream *s)
{
	if (s->fd >= 0) {
		close(s->fd);
		recfile_reader_done(&s->rd);
	}
	s->fd = -1;
	s->file++;
}

void replay_stream_pop(struct replay_stream *s)
{
	if (s->have)
		s->played++;
	s->have = false;
	for (;;) {
		if (s->fd < 0 && !open_next(s))
			return;
		switch (recfile_reader_next(&s->rd, &s->rec)) {
		case RECFILE_RECORD:
			s->have = true;
			return;
		case RECFILE_BAD:
			note(s, "%s: %s; the rest of the file is skipped", s->files[s->file], s->rd.err);
			break;
		case RECFILE_END:
			break;
		}
		close_file(s);
	}
}

bool replay_stream_open(struct replay_stream *s, const char *dir, char *err, size_t errlen)
{
	memset(s, 0, sizeof *s);
	s->fd = -1;
	if (!(s->dir = strdup(dir))) {
		snprintf(err, errlen, "out of memory");
		return false;
	}
	if (!list_files(s, err, errlen))
		return false;
	replay_stream_pop(s);
	s->played = 0;
	return true;
}

void replay_stream_rewind(struct replay_stream *s)
{
	unsigned seen = s->nwritten;

	if (s->fd >= 0) {
		close(s->fd);
		recfile_reader_done(&s->rd);
		s->fd = -1;
	}
	s->file = 0;
	s->have = false;
	replay_stream_pop(s);
	/* The notes of the first pass are not said twice. */
	s->nwritten = s->nread = seen;
	s->played = 0;
}

void replay_stream_done(struct replay_stream *s)
{
	if (s->fd >= 0) {
		close(s->fd);
		recfile_reader_done(&s->rd);
	}
	for (size_t i = 0; i < s->nfiles; i++)
		free(s->files[i]);
	free(s->files);
	free(s->dir);
	memset(s, 0, sizeof *s);
	s->fd = -1;
}
