/* alert_file.h - the alert rules file and the record of their firings
 *
 * The rules file (~/.config/hktop/alerts, option alerts.file) is the
 * user's, one rule a line (model/alert.h); hktop adds and removes lines
 * in it when asked, keeping every other line as it was written. The
 * firings of once and daily rules are kept in the state directory
 * ($XDG_STATE_HOME/hktop/alerts-fired), so a restart does not fire them
 * again. */
#ifndef HKTOP_ALERT_FILE_H
#define HKTOP_ALERT_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "config/state_doc.h"
#include "model/alert.h"

/* More rules than this is a mistake (a wrong file): the rest are named
 * and ignored. */
#define ALERT_RULES_MAX 2000

struct alert_file {
	char path[4096];          /* "" when there is no home to keep it in */
	struct state_doc doc;     /* the file's lines, written back as they are */
	struct alert_rule *rules; /* owned, in file order */
	size_t *line;             /* line index in doc of each rule */
	size_t n, cap;
	char *disk;               /* owned: the file's bytes as last read or written
				   * (NULL: there was none), to see edits made
				   * elsewhere before writing over them */
	size_t ndisk;
	size_t nbad;              /* lines that are not rules, or past the cap */
	char bad[STATE_BAD_NAMED][STATE_MSG_MAX]; /* "FILE:LINE: cause" of the first */
};

/* Where the rules are: alerts.file when set ("~/" is the home), else
 * $XDG_CONFIG_HOME/hktop/alerts (when absolute), else
 * ~/.config/hktop/alerts; "" when there is no home. */
void alert_file_path(const char *option, char *buf, size_t len);

/* Where the firings are kept: beside the saved watchlist. */
void alert_file_record_path(char *buf, size_t len);

/* Parse rules text: every line that is a rule is loaded, the others are
 * counted and the first named ("NAME:LINE: cause"). False (with "NAME:
 * cause") only for a NUL byte and out of memory. f starts zeroed. */
bool alert_file_parse(struct alert_file *f, const char *name, const char *buf, size_t len,
		      char *err, size_t errlen);

/* Read f->path (through a symbolic link: then hktop does not edit it): a
 * missing file is no rules. False with "PATH: cause" when it cannot be
 * read (a FIFO, a directory, no permission, too large). */
bool alert_file_load(struct alert_file *f, char *err, size_t errlen);

/* Add a rule line at the end, or remove rule i's line, and write the file
 * atomically (comments and every other line kept). An added line must
 * parse as a rule. A file changed elsewhere since it was read is not
 * written over. False with the cause; f unchanged then. */
bool alert_file_add(struct alert_file *f, const char *text, char *err, size_t errlen);
bool alert_file_remove(struct alert_file *f, size_t i, char *err, size_t errlen);

/* The firings kept at path go back into f's rules (matched by their key,
 * alert_rule_key, and symbol); those of rules no longer there are
 * dropped. A missing file is none. */
bool alert_file_restore(struct alert_file *f, const char *path, char *err, size_t errlen);

/* Write every firing f's rules hold to path, atomically. */
bool alert_file_record(const struct alert_file *f, const char *path, char *err, size_t errlen);

void alert_file_done(struct alert_file *f);

#endif
