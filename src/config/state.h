/* state.h - what the user changed on screen, kept apart from their config:
 * which list a run uses, and the saved file read and written safely */
#ifndef HKTOP_STATE_H
#define HKTOP_STATE_H

#include <stdbool.h>
#include <stddef.h>

#include "config/state_doc.h"
#include "model/symbol.h"

/* Largest watchlist file we read: far above any real list, small enough
 * that a wrong path (a log, a disk image) is refused rather than parsed. */
#define STATE_MAX_FILE (256 * 1024)

/* Where the edited watchlist lives: $XDG_STATE_HOME/hktop/watchlist when
 * XDG_STATE_HOME is absolute, else $HOME/.local/state/hktop/watchlist.
 * Writes "" when there is no usable home (or the path does not fit):
 * the watchlist is then not persisted. */
void state_watchlist_path(char *buf, size_t len);

/* Read a saved file. A missing file is not an error: true with *exists
 * false and an empty d. Refuses a symlink, anything but a regular file, a
 * file owned by someone else and one over STATE_MAX_FILE, with
 * "PATH: cause". Unreadable lines do not fail it: see state_doc_parse.
 * Nothing is written or removed: the next state_save removes what a
 * killed save left beside the file. */
bool state_load(const char *path, struct state_doc *d, bool *exists, char *err, size_t errlen);

/* Save this run's list (mine) over the file at path, merged with what is
 * there now (see state_doc_merge; base is this run's list as last read or
 * saved). The directory is locked while the file is read again and
 * replaced, so two runs never lose each other's edits: the merged list goes
 * to a private temporary file beside the target, is synced, then renamed
 * over it. Parent directories are made (0700) as needed. Never writes
 * through a symlink, over a file we do not own, or over a file it cannot
 * read. On failure the old file is untouched, no temporary file is left
 * and err says "PATH: cause". *merged says whether the file held edits
 * made elsewhere: symbols other than *seen, the symbols this run last
 * read from or wrote to it (other than base when seen is NULL). On
 * success *seen (owned by the caller) becomes the symbols now written. */
bool state_save(const char *path, const struct instrument *base, size_t nbase,
		const struct instrument *mine, size_t nmine, struct instrument **seen,
		size_t *nseen, bool *merged, char *err, size_t errlen);

/* mkdir -p (0700) for the directories above path. */
bool state_make_parents(const char *path, char *err, size_t errlen);

/* Write d to a private temporary file beside path, synced, and rename it
 * over path: either the old file or the new one, never half. */
bool state_replace_file(const char *path, const struct state_doc *d, char *err, size_t errlen);

/* Where a run's watchlist comes from, weakest first. */
enum list_origin {
	LIST_DEFAULT,   /* the built-in hktoprc */
	LIST_CONFIG,    /* a config file */
	LIST_SAVED,     /* the saved file, edited on screen */
	LIST_OPTION,    /* -o watchlist=... */
	LIST_ARGS,      /* SYMBOL arguments */
};

/* A run's watchlist and whether and where its edits are saved. */
struct state_list {
	enum list_origin origin;
	char from[4096];          /* for LIST_CONFIG: the file; LIST_SAVED: path */
	char path[4096];          /* the saved file; "" when there is none */
	bool save;                /* edits are written to path */
	bool unsaved;             /* an edit has not been saved */
	char why_not[STATE_MSG_MAX]; /* !save: the reason, for the status line */
	struct instrument *base;  /* owned: the list as last read or written */
	size_t nbase;
	struct instrument *seen;  /* owned: the file's symbols as last read or
				   * written, with another run's edits merged
				   * in; others in it now are new edits */
	size_t nseen;
	char notes[STATE_BAD_NAMED + 1][STATE_MSG_MAX]; /* what was wrong with the file */
	size_t nnotes;
};

/* Decide this run's list by the one rule: SYMBOL arguments, then
 * -o watchlist, then the saved file, then a config file, then the
 * default. origin and config_file say where *list came from before the
 * saved file is considered (config_file for LIST_CONFIG). When it is not
 * stronger than the saved file, that file is read and, if readable, its
 * symbols replace *list (owned, freed with free). A file that cannot be
 * read leaves *list and is never saved over. s gets the notes to show.
 * False only when out of memory. */
bool state_list_choose(struct state_list *s, enum list_origin origin, const char *config_file,
		       struct instrument **list, size_t *n);

/* Save an edited list, or say why not: false with the reason (for "not
 * saved: REASON") in err. *merged as for state_save. */
bool state_list_save(struct state_list *s, const struct instrument *v, size_t n, bool *merged,
		     char *err, size_t errlen);

/* "the saved list PATH", "-o watchlist", ...: for --dump-config. */
void state_list_describe(const struct state_list *s, char *buf, size_t len);

void state_list_done(struct state_list *s);

#endif
