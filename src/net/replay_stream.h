/* replay_stream.h - a recording's directory read as one stream of records */
#ifndef HKTOP_REPLAY_STREAM_H
#define HKTOP_REPLAY_STREAM_H

#include <stdbool.h>
#include <stddef.h>

#include "base/recfile.h"

#define REPLAY_FILES_MAX 4096
#define REPLAY_NOTES 8

struct replay_stream {
	char *dir;
	char **files;                 /* the *.hkrec names, sorted */
	size_t nfiles, file;          /* file: the one open, or next to open */
	int fd;                       /* -1: none open */
	struct recfile_reader rd;
	struct recfile_record rec;    /* the head of the stream, when have */
	bool have;
	unsigned long played;         /* records popped since the (re)start */
	char notes[REPLAY_NOTES][256]; /* a ring of problems met */
	unsigned nwritten, nread;
};

/* List dir's recording files and read to the first record. False with
 * err when dir cannot be listed or holds no *.hkrec file; a stream with
 * no record at all (have false) is the caller's to refuse. */
bool replay_stream_open(struct replay_stream *s, const char *dir, char *err, size_t errlen);

/* The next record to the head; have is false at the end. */
void replay_stream_pop(struct replay_stream *s);

/* Back to the first record. */
void replay_stream_rewind(struct replay_stream *s);

void replay_stream_done(struct replay_stream *s);

#endif
