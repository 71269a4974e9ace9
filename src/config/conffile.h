/* conffile.h - find and read config files; collect every cause, never abort */
#ifndef HKTOP_CONFFILE_H
#define HKTOP_CONFFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "config/options.h"

/* Messages collected while loading ("FILE:LINE: cause"), shown on stderr
 * or in the status line after start-up. Owns its strings. */
struct causes {
	char **v;
	size_t n, cap;
};

void conffile_causes_add(struct causes *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void conffile_causes_done(struct causes *c);

/* Parse config text: "key = value" lines, '#' comments, a trailing '\'
 * joins the next line. A bad line adds "NAME:LINE: cause" and is skipped,
 * so the key keeps its previous value. */
void conffile_parse(struct options *o, const char *name, const char *text, size_t len,
		    struct causes *c);

/* Read and parse a file. Returns false (with a cause) if it cannot be
 * read; a missing file is an error only when must_exist. Files over
 * 1 MiB are refused. */
bool conffile_load(struct options *o, const char *path, bool must_exist, struct causes *c);

/* The user's config path by lookup order: $HKTOP_CONFIG, then
 * $XDG_CONFIG_HOME/hktop/config (only if absolute), then
 * ~/.config/hktop/config. Writes "" if there is no home either. The
 * system file SYSCONFDIR/hktop/config is read first, separately. */
void conffile_user_path(char *buf, size_t len);

/* Load the built-in defaults (share/hktoprc compiled in), the system
 * file, then the user file or `explicit` (-c FILE, which must exist). */
void conffile_load_all(struct options *o, const char *explicit, struct causes *c);

#endif
