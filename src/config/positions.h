/* positions.h - the positions file: one lot a line, read leniently and
 * edited without losing a byte of what the user wrote
 *
 *   SYMBOL QUANTITY COST [YYYY-MM-DD] [fee=AMOUNT] [# note]
 *
 * The text functions are pure; positions_load and positions_edit read
 * and replace the file (config/textfile.h). */
#ifndef HKTOP_POSITIONS_H
#define HKTOP_POSITIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "model/position.h"

/* Largest positions file read: thousands of lots fit in far less. A
 * wrong path (a log, a disk image) is refused rather than parsed. */
#define POSITIONS_MAX_FILE (1024 * 1024)
#define POSITIONS_BAD_NAMED 5
#define POSITIONS_MSG_MAX 600
#define POSITIONS_LINE_MAX 512 /* what positions_lot_text writes, at most */

struct positions_line {
	char *text;          /* owned; as written, without the newline */
	bool is_lot;         /* else a comment, a blank or a bad line, kept as is */
	struct lot lot;      /* when is_lot */
};

struct positions_doc {
	struct positions_line *v; /* owned */
	size_t n, cap;
	size_t nbad;
	char bad[POSITIONS_BAD_NAMED][POSITIONS_MSG_MAX]; /* "NAME:LINE: cause" of the first */
};

void positions_doc_done(struct positions_doc *d);

/* Parse one lot from the text of a line ("0700 100 380.2 fee=25"). today
 * is the day number (hktime) dates may not be after. *blank when the line
 * holds nothing but space and a comment; else false with the cause. */
bool positions_parse_lot(const char *line, size_t len, long long today, struct lot *out,
			 bool *blank, char *cause, size_t causelen);

/* Parse a whole file's text. A line that is not a lot, a comment or blank
 * is counted, named in d->bad ("NAME:LINE: cause") and kept as it is. False
 * (with "NAME: cause") only for a NUL byte and out of memory. d starts
 * zeroed; free it with positions_doc_done either way. */
bool positions_doc_parse(struct positions_doc *d, const char *name, const char *buf, size_t len,
			 long long today, char *err, size_t errlen);

/* The lots in file order; *out (NULL when *n is 0) is the caller's. For
 * each, (*line)[i] is its line's index when line is not NULL. */
bool positions_doc_lots(const struct positions_doc *d, struct lot **out, size_t **line, size_t *n);

/* The line positions_edit writes for a lot: "0700 100 380.2 2026-11-02
 * fee=25.5", figures with their own decimals. */
int positions_lot_text(const struct lot *l, char *buf, size_t len);

/* Apply an edit to d: old NULL appends new_text, new_text NULL removes the
 * first line whose text is exactly old, else that line becomes new_text
 * with old's "# note" kept. False with the cause when old is not there
 * (the file changed meanwhile) or out of memory. */
bool positions_doc_edit(struct positions_doc *d, const char *old, const char *new_text,
			long long today, char *err, size_t errlen);

/* Write every line with its newline; 0 or an errno. */
int positions_doc_write(FILE *f, const struct positions_doc *d);

/* ~/.config/hktop/positions ($XDG_CONFIG_HOME when absolute); "" when
 * there is no home. */
void positions_default_path(char *buf, size_t len);

/* Read the file. Missing: true, *exists false, d empty. Refused (not a
 * regular file of ours, over POSITIONS_MAX_FILE, a NUL byte): false with
 * "PATH: cause"; nothing was read. */
bool positions_load(const char *path, struct positions_doc *d, bool *exists, long long today,
		    char *err, size_t errlen);

/* Edit the file as positions_doc_edit does, on its text as it is now
 * (re-read under a lock), and replace it atomically. A new file gets a
 * header comment. False with "PATH: cause": the file is then untouched. */
bool positions_edit(const char *path, const char *old, const char *new_text, long long today,
		    char *err, size_t errlen);

/* A run's positions: the file read, its lots and their positions. */
struct positions_file {
	char path[4096];      /* "" when there is no home to find it in: no positions */
	bool exists;
	bool readable;        /* false: refused whole (err says why); never written */
	struct positions_doc doc;
	struct lot *lots;     /* owned, file order */
	size_t *line;         /* owned: each lot's index in doc */
	size_t nlots;
	struct position_book book;
	char err[POSITIONS_MSG_MAX];
};

/* Read the file at path (option positions.file), or "" for
 * positions_default_path, and sum its lots. False only when there is
 * something to say beyond the bad lines in pf->doc.bad: a refused file or
 * sums too large (pf->err, already sanitised; pf->book is then empty). */
bool positions_file_open(struct positions_file *pf, const char *path, long long today);
void positions_file_done(struct positions_file *pf);

#endif
