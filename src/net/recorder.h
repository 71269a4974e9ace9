/* recorder.h - --record: every response hktop receives, appended to a recording */
#ifndef HKTOP_RECORDER_H
#define HKTOP_RECORDER_H

#include <stdbool.h>
#include <stddef.h>

#include "base/recfile.h"

struct recorder;

/* Record into dir (made if missing) at most max_bytes in all (0: no
 * cap); the first file is created now (named by now_ms), so that a directory hktop cannot
 * write to is said at start. version: hktop's, for the header line. */
struct recorder *recorder_new(const char *dir, unsigned long long max_bytes, const char *version,
			      long long now_ms, char *err, size_t errlen);
void recorder_free(struct recorder *rec);

/* Append r as one record, in one write: a kill leaves it whole or
 * absent. A new file starts when r's Hong Kong date is not the file's.
 * On a full disk, a write error or the cap, recording stops (the file
 * ends at the last whole record) and recorder_stopped says why. */
void recorder_add(struct recorder *rec, const struct recfile_record *r);

/* Why recording stopped, or NULL while it goes on. */
const char *recorder_stopped(const struct recorder *rec);

/* The file being written ("" after a stop). */
const char *recorder_path(const struct recorder *rec);

#endif
