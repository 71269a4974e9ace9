/* msglog.h - the session's messages: what the status line shows, and the
 * warnings and errors the messages view lists
 *
 * Pure: no curses, no clock. The app feeds it (app_status, app_report) and
 * draws from it. An error stays on the status line until a success of the
 * same kind resolves it or the user dismisses it; a success never hides
 * an error of another kind. A warning is kept in the log but shows only
 * until the next message, like a success. The one exception to errors
 * first: the answer to the key just pressed shows until the next key. */
#ifndef HKTOP_MSGLOG_H
#define HKTOP_MSGLOG_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

/* What a message is about: a success of a kind resolves that kind's
 * errors. MSG_KEY is the answer to a key (the default of app_status):
 * the next key resolves it. */
enum msg_kind { MSG_KEY, MSG_QUOTES, MSG_CHART, MSG_NEWS, MSG_CONFIG, MSG_STATE, MSG_RECORD,
		MSG_ALERT, MSG_KIND_COUNT };

/* "key", "quotes", ...: the source column of the messages view. */
extern const char *const msglog_kind_names[MSG_KIND_COUNT];

enum msg_level { MSG_INFO, MSG_WARN, MSG_ERROR };

#define MSG_TEXT_MAX 320
#define MSGLOG_MAX 100 /* warnings and errors kept; older ones are dropped */

struct msg {
	time_t t;                 /* the latest time it was said */
	enum msg_kind kind;
	enum msg_level level;
	unsigned long seq;        /* order of saying, 1 and up */
	unsigned repeat;          /* how many times in a row, 1 and up */
	bool open;                /* an error: on the status line until resolved or
				   * dismissed; the latest message: the answer to
				   * a key, shown over errors until the next key */
	char text[MSG_TEXT_MAX];
};

struct msglog {
	struct msg ring[MSGLOG_MAX];  /* warnings and errors, oldest at first */
	size_t first, n;
	unsigned long dropped;        /* pushed out of the ring */
	unsigned long seq;            /* messages said */
	struct msg latest;            /* the latest success or warning */
};

/* Say something. An info resolves the open errors of its kind, an error
 * or a warning (a success with a caveat) supersedes them (but config
 * complaints, which all stand); an info and a warning become the latest
 * message. A warning or error goes into the ring (the same text again,
 * as the newest entry, only counts a repeat). */
void msglog_add(struct msglog *l, time_t t, enum msg_kind kind, enum msg_level level,
		const char *text);

/* A success of kind that has nothing to say: its errors are resolved. */
void msglog_resolve(struct msglog *l, enum msg_kind kind);

/* Close the newest open error; false when there was none. */
bool msglog_dismiss(struct msglog *l);

/* Warnings and errors kept: i = 0 is the newest. NULL past the end. */
size_t msglog_count(const struct msglog *l);
const struct msg *msglog_at(const struct msglog *l, size_t i);

/* What the status line shows: the newest open error, else the latest
 * message (whose text may be empty); but the answer to the last key when
 * it is newer than that error. *more receives how many other open errors
 * wait behind it. */
const struct msg *msglog_status(const struct msglog *l, size_t *more);

/* Bytes of s that fit in cols columns, ending at a word's end where one
 * does (a space, or after ':', ';' or ',') in the second half of them,
 * never inside a character.
 * For wrapping the messages view's lines and cutting the status line. */
size_t msglog_break(const char *s, int cols);

/* s laid out in cols columns: whole when it fits; else with long paths
 * shortened to their last two parts ("…/hktop/watchlist"), and if that
 * is still too long, cut at a word's end with an ellipsis ("…", or "..."
 * when !utf8) after it. */
void msglog_fit(const char *s, int cols, bool utf8, char *out, size_t outlen);

#endif
