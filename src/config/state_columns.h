/* state_columns.h - the watchlist's columns as picked on screen (C),
 * kept beside the saved watchlist */
#ifndef HKTOP_STATE_COLUMNS_H
#define HKTOP_STATE_COLUMNS_H

#include <stdbool.h>
#include <stddef.h>

/* $XDG_STATE_HOME/hktop/columns, else $HOME/.local/state/hktop/columns;
 * "" when there is no usable home. */
void state_columns_path(char *buf, size_t len);

/* The saved columns (the `columns` key's words) into text. A missing
 * file: true with *exists false. Refuses a symlink, anything but a
 * regular file, a file of another user's and a long one ("PATH: cause"). */
bool state_columns_load(const char *path, char *text, size_t len, bool *exists, char *err,
			size_t errlen);

/* Save the words, replacing the file whole (state_replace_file). */
bool state_columns_save(const char *path, const char *text, char *err, size_t errlen);

#endif
