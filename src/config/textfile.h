/* textfile.h - small text files of the user's that hktop reads and edits:
 * refused when they are not plain files of theirs, replaced atomically */
#ifndef HKTOP_TEXTFILE_H
#define HKTOP_TEXTFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Read a whole file of at most max bytes into *buf (owned by the caller,
 * NUL-terminated). A missing file is not an error: true with *exists
 * false and *buf NULL. Refuses a symlink, a FIFO, a directory or anything
 * but a regular file, a file owned by someone else, and one over max,
 * with "PATH: cause"; a FIFO is never opened, so a read never blocks. */
bool textfile_read(const char *path, size_t max, char **buf, size_t *len, bool *exists,
		   char *err, size_t errlen);

/* mkdir -p for the directories above path, new ones 0700; false with
 * "PATH: cannot create directory DIR: cause". */
bool textfile_make_parents(const char *path, char *err, size_t errlen);

/* Lock the directory of path against other runs' saves: its fd (close it
 * to unlock), or -1 with errno; *locked false where locks do not work
 * (some NFS setups: the save then goes ahead unlocked). */
int textfile_lock(const char *path, bool *locked);

/* A save's start: parents made, the directory locked and the temporary
 * files a killed save left beside path removed (only under a real lock:
 * else one may be another run's). The lock's fd, or -1 with err. */
int textfile_begin(const char *path, char *err, size_t errlen);

/* Writes the new text to f (never closing it); 0 or an errno. */
typedef int (*textfile_writer)(FILE *f, void *arg);

/* What w writes to a private temporary file beside path, synced and
 * renamed over it (rename is atomic only within one file system, and a
 * dot file stays out of the way). On failure no temporary file is left
 * and err says "PATH: cause". The caller holds textfile_begin's lock. */
bool textfile_write_atomic(const char *path, textfile_writer w, void *arg, char *err,
			   size_t errlen);

/* Replace path with what w writes: under a lock on the directory (saves
 * of two runs never interleave), edit(arg) is called first to read the
 * file again and apply the change (false: err says why, nothing is
 * written); then the text goes to a private temporary file beside path,
 * is synced and renamed over it. Parent directories are made (0700).
 * Never writes through a symlink or over a file we do not own. On failure
 * the old file is untouched, no temporary file is left, and err says
 * "PATH: cause" (or edit's cause). */
bool textfile_replace(const char *path, bool (*edit)(void *arg, char *err, size_t errlen),
		      textfile_writer w, void *arg, char *err, size_t errlen);

#endif
