/* state.h - what the user changed on screen, kept apart from their config */
#ifndef HKTOP_STATE_H
#define HKTOP_STATE_H

#include <stdbool.h>
#include <stddef.h>

#include "symbol.h"

/* Largest watchlist file we read: far above any real list, small enough
 * that a wrong path (a log, a disk image) is refused rather than parsed. */
#define STATE_MAX_FILE (256 * 1024)

/* Where the edited watchlist lives: $XDG_STATE_HOME/hktop/watchlist when
 * XDG_STATE_HOME is absolute, else $HOME/.local/state/hktop/watchlist.
 * Writes "" when there is no usable home (or the path does not fit):
 * the watchlist is then not persisted. */
void state_watchlist_path(char *buf, size_t len);

/* Read a saved watchlist: one symbol a line in any form symbol_parse
 * takes, '#' starts a comment, blank lines are skipped. A missing file is
 * not an error: true with *exists false and an empty list. Refuses a
 * symlink, anything but a regular file, a file owned by someone else and
 * one over STATE_MAX_FILE. On a bad line returns false with
 * "PATH:LINE: cause" and no list. On success *out (NULL when *n is 0)
 * belongs to the caller. */
bool state_watchlist_load(const char *path, struct instrument **out, size_t *n,
			  bool *exists, char *err, size_t errlen);

/* Replace the saved watchlist atomically: the parent directories are made
 * (0700) as needed, the list goes to a private temporary file beside the
 * target, is synced, then renamed over it. Never writes through a symlink
 * or over a file we do not own. On failure the old file is untouched, no
 * temporary file is left and err says "PATH: cause". */
bool state_watchlist_save(const char *path, const struct instrument *v, size_t n,
			  char *err, size_t errlen);

#endif
