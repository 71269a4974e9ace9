/* state_doc.h - the saved watchlist's text as lines, without files */
#ifndef HKTOP_STATE_DOC_H
#define HKTOP_STATE_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "model/symbol.h"

/* How many unreadable lines are named one by one; the rest are counted. */
#define STATE_BAD_NAMED 3
#define STATE_MSG_MAX 600

/* What an unreadable line becomes when the file is rewritten: a comment,
 * so the user's text stays where it was and is read as nothing. */
#define STATE_BAD_PREFIX "# hktop could not read this line: "

/* One line of the saved file. A symbol line keeps the user's text, so a
 * rewrite leaves "700   # Tencent" as it was written. */
struct state_line {
	char *text;              /* owned; without the newline */
	bool symbol;             /* else a comment, a blank or a kept bad line */
	struct instrument in;    /* when symbol */
};

/* The saved file as lines, and what could not be read in it. */
struct state_doc {
	struct state_line *v;    /* owned */
	size_t n, cap;
	size_t nbad;             /* unreadable lines, now comments */
	char bad[STATE_BAD_NAMED][STATE_MSG_MAX]; /* "NAME:LINE: cause" of the first */
};

void state_doc_done(struct state_doc *d);

/* Parse the text of a saved file: one symbol a line in any form
 * symbol_parse takes, '#' starts a comment, blank lines are kept. A line
 * that is not a symbol is counted, named in d->bad and turned into a
 * STATE_BAD_PREFIX comment; the rest still load. Fails (with "NAME: cause")
 * only for what is not a text file at all (a NUL byte) and out of memory.
 * d starts zeroed; free it with state_doc_done either way. */
bool state_doc_parse(struct state_doc *d, const char *name, const char *buf, size_t len,
		     char *err, size_t errlen);

/* The symbols of the file in order, duplicates and all. *out (NULL when
 * *n is 0) belongs to the caller. False when out of memory. */
bool state_doc_symbols(const struct state_doc *d, struct instrument **out, size_t *n);

/* A line of text (len bytes, no newline) at the end, read as no symbol:
 * for the other files written through state_write_doc. False when out
 * of memory. */
bool state_doc_push_text(struct state_doc *d, const char *text, size_t len);

/* A symbol line at the end, in display form. False when out of memory. */
bool state_doc_append(struct state_doc *d, const struct instrument *in);

/* A line at the end that is not a symbol (a comment, a name). False
 * when out of memory. */
bool state_doc_append_text(struct state_doc *d, const char *text);

/* Whether d holds the symbols of v and no others, whatever the order and
 * repeats: in *same. False when out of memory. */
bool state_doc_same(const struct state_doc *d, const struct instrument *v, size_t n,
		    bool *same);

/* Bring this run's edits into what is on disk, a three-way merge: the
 * symbols in base (this run's list as last read or written) but not in
 * mine are removed from d, those in mine but not in base are added after
 * the nearest symbol before them in mine that d holds. Whatever else d
 * holds (another run's edits, comments, kept lines) stays. False when out
 * of memory, d then unchanged in its symbols but maybe not in capacity. */
bool state_doc_merge(struct state_doc *d, const struct instrument *base, size_t nbase,
		     const struct instrument *mine, size_t nmine);

/* Write the lines, each with its newline, and close f, checking each step
 * (a full disk shows at fprintf, fflush, fsync or fclose). Returns 0 or
 * an errno. fsync only when sync (not for pipes and memory streams). */
int state_doc_write(FILE *f, const struct state_doc *d, bool sync);

#endif
