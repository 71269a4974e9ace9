/* lists.h - named watchlists: their names and the set a run switches
 * between (pure: no files) */
#ifndef HKTOP_LISTS_H
#define HKTOP_LISTS_H

#include <stdbool.h>
#include <stddef.h>

#include "model/symbol.h"

/* The plain `watchlist` key's list. */
#define LISTS_MAIN "main"
/* A name is also a file name in the state directory: short, and only
 * letters, digits, '-' and '_', so it never needs quoting on screen, in a
 * shell or in a path. */
#define LISTS_NAME_MAX 24
/* More lists than any trader switches between with one key; a runaway
 * config (1,000 lists) is cut here with a message. */
#define LISTS_MAX 64

struct named_list {
	char name[LISTS_NAME_MAX + 1];
	struct instrument *v;     /* owned; NULL when n is 0 */
	size_t n;
	char *from;               /* owned: the config file that set it; NULL
				   * for -o or one made on screen */
};

/* The lists of a run, main first. Owns everything. */
struct lists {
	struct named_list *v;
	size_t n;
};

/* Whether name (len bytes, not NUL-terminated) may name a list; the cause
 * (quoting the name) otherwise. */
bool lists_name_check(const char *name, size_t len, char *err, size_t errlen);

/* The list called name, or -1. */
long lists_find(const struct lists *l, const char *name);

/* Set list name's symbols (a copy of v) and its origin from (copied;
 * NULL for none), adding it at the end when it is new. False when out of
 * memory or when a new one would pass LISTS_MAX (err says which). */
bool lists_set(struct lists *l, const char *name, const struct instrument *v, size_t n,
	       const char *from, char *err, size_t errlen);

/* Remove list k (its storage freed); the others keep their order. */
void lists_remove(struct lists *l, size_t k);

void lists_done(struct lists *l);

/* The text of the current-list file: the first line that is not blank
 * or a '#' comment names the list shown last. */
enum lists_current { LISTS_CURRENT_NONE, LISTS_CURRENT_NAME, LISTS_CURRENT_BAD };

/* LISTS_CURRENT_NAME with the name in name; LISTS_CURRENT_BAD with the
 * line's number and the cause (its text quoted, sanitised) in err. */
enum lists_current lists_current_parse(const char *buf, size_t len,
				       char name[LISTS_NAME_MAX + 1], size_t *lineno,
				       char *err, size_t errlen);

#endif
