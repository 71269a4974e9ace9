/* state.h - what the user changed on screen, kept apart from their config:
 * which list a run uses, and the saved file read and written safely */
#ifndef HKTOP_STATE_H
#define HKTOP_STATE_H

#include <stdbool.h>
#include <stddef.h>

#include "config/lists.h"
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

/* FILE in that directory ($XDG_STATE_HOME/hktop/FILE, ...); "" as above. */
void state_path(const char *file, char *buf, size_t len);

/* Where list name is saved: the watchlist file for main, else
 * lists/NAME beside it. */
void state_list_path(const char *name, char *buf, size_t len);

/* Read a whole small file with the checks of state_load, unparsed: *buf
 * (NULL when *exists is false) belongs to the caller. */
bool state_read_file(const char *path, char **buf, size_t *len, bool *exists, char *err,
		     size_t errlen);

/* Write d over path the way state_save does (parents made, directory
 * locked, a synced temporary file renamed over it), without a merge. */
bool state_write_doc(const char *path, const struct state_doc *d, char *err, size_t errlen);


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
	char name[LISTS_NAME_MAX + 1]; /* LISTS_MAIN for the watchlist */
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
	/* In a run's lists (state_lists): */
	struct instrument *v;     /* owned: the list now, edits and all, while
				   * another is shown */
	size_t n;
	char *config;             /* owned: the config file with list.NAME for
				   * it, or NULL: such a list is the config's
				   * to rename or remove */
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

/* The same for list name: its own file (state_list_path), and origin as
 * above (LIST_OPTION: -o list.NAME). */
bool state_list_choose_named(struct state_list *s, const char *name, enum list_origin origin,
			     const char *config_file, struct instrument **list, size_t *n);

/* Save an edited list, or say why not: false with the reason (for "not
 * saved: REASON") in err. *merged as for state_save. */
bool state_list_save(struct state_list *s, const struct instrument *v, size_t n, bool *merged,
		     char *err, size_t errlen);

/* "the saved list PATH", "-o watchlist", ...: for --dump-config. */
void state_list_describe(const struct state_list *s, char *buf, size_t len);

void state_list_done(struct state_list *s);

/* *dst (freed first) becomes a copy of v; false when out of memory. */
bool state_symbols_copy(struct instrument **dst, size_t *ndst, const struct instrument *v,
			size_t n);

/* Every list of a run and the one shown. Each list is saved in its own
 * file (state_list_path) by the rules above; which one was shown last is
 * kept in the file current-list beside them. */
struct state_lists {
	struct state_list *v;     /* owned, room for LISTS_MAX; [0] is main */
	size_t n, cur;
	char current_path[4096];  /* the current-list file; "" when none */
	char notes[STATE_BAD_NAMED + 1][STATE_MSG_MAX]; /* what was wrong */
	size_t nnotes;
};

/* Open a run's lists: main (chosen already: *main is moved in, its
 * symbols mv), then the config's lists in order, then the lists saved in
 * the lists directory that the config does not name, by name; each one's
 * saved file over the config's symbols. Shown: want (--list) when given,
 * else, when remember, the one the current-list file names, else main.
 * False with the cause in err: want unknown (naming the lists there are)
 * or out of memory (*usage says which). */
bool state_lists_open(struct state_lists *ls, struct state_list *main,
		      const struct instrument *mv, size_t mn, const struct lists *config,
		      const char *want, bool remember, bool *usage, char *err, size_t errlen);

/* The list by name, or -1. */
long state_lists_find(const struct state_lists *ls, const char *name);

/* "main, tech, banks" */
void state_lists_names(const struct state_lists *ls, char *buf, size_t len);

/* Show list k: now (n of them) is what the current list holds, kept until
 * it is shown again. The choice is remembered in the current-list file:
 * false, with why in err, when it could not be. */
bool state_lists_show(struct state_lists *ls, size_t k, const struct instrument *now, size_t n,
		      char *err, size_t errlen);

/* A new empty list at the end, saved at once (an empty file): false when
 * refused (a bad or taken name, LISTS_MAX lists), with why in err; true
 * with err "" or why the new file could not be written. */
bool state_lists_create(struct state_lists *ls, const char *name, char *err, size_t errlen);

/* Rename list k, its file too (when it is the one shown, state_lists_show
 * remembers the new name). Refused, false with why in err, for main,
 * for a list the config sets, for a bad or taken name, and when the file
 * cannot be renamed. */
bool state_lists_rename(struct state_lists *ls, size_t k, const char *name, char *err,
			size_t errlen);

/* Whether list k may be what ("renamed", "removed"): not main, not one
 * the config sets; else false with why in err. */
bool state_lists_changeable(const struct state_lists *ls, size_t k, const char *what, char *err,
			    size_t errlen);

/* Remove list k, not the one shown, and its file. Refused as rename is. */
bool state_lists_remove(struct state_lists *ls, size_t k, char *err, size_t errlen);

void state_lists_done(struct state_lists *ls);

#endif
