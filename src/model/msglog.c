/* msglog.c - the session's messages: a bounded ring, resolution by kind */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "model/msglog.h"
#include "base/text.h"

#define PATH_KEEP_MIN 24 /* paths up to this many bytes are left whole */

const char *const msglog_kind_names[MSG_KIND_COUNT] = {
	[MSG_KEY] = "key", [MSG_QUOTES] = "quotes", [MSG_CHART] = "chart",
	[MSG_NEWS] = "news", [MSG_CONFIG] = "config", [MSG_STATE] = "state",
	[MSG_RECORD] = "record",
	[MSG_ALERT] = "alert",
};

/* Whether a kind's newest error is all that is wrong: a refresh, a save,
 * a chart fail as a whole, while every config complaint stands. */
static const bool supersedes[MSG_KIND_COUNT] = {
	[MSG_KEY] = true, [MSG_QUOTES] = true, [MSG_CHART] = true,
	[MSG_NEWS] = true, [MSG_CONFIG] = false, [MSG_STATE] = true,
	[MSG_ALERT] = false, /* each alert stands on its own */
};

/* Does a kept message stay on the status line until resolved or
 * dismissed? Errors do, and alerts: hktop is left running to be told, and
 * the next refresh's "Updated" must not hide what it was told. */
static bool opens(enum msg_kind kind, enum msg_level level)
{
	return level == MSG_ERROR || (kind == MSG_ALERT && level != MSG_INFO);
}

/* The ring slot of the i-th entry, counting from the newest. */
static size_t slot(const struct msglog *l, size_t i_newest)
{
	return (l->first + l->n - 1 - i_newest) % MSGLOG_MAX;
}

void msglog_resolve(struct msglog *l, enum msg_kind kind)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->ring[slot(l, i)].kind == kind)
			l->ring[slot(l, i)].open = false;
	if (l->latest.kind == kind)
		l->latest.open = false;
}

static void say(struct msg *m, const struct msglog *l, time_t t, enum msg_kind kind,
		enum msg_level level, const char *text)
{
	m->t = t;
	m->kind = kind;
	m->level = level;
	m->seq = l->seq;
	m->repeat = 1;
	m->open = level == MSG_ERROR || kind == MSG_KEY;
	snprintf(m->text, sizeof m->text, "%s", text);
}

void msglog_add(struct msglog *l, time_t t, enum msg_kind kind, enum msg_level level,
		const char *text)
{
	struct msg *m = l->n ? &l->ring[slot(l, 0)] : NULL;

	l->seq++;
	/* A success resolves its kind's errors; a new error replaces them as
	 * what is wrong now (the older ones stay in the ring, closed); so
	 * does a warning, a success with a caveat ("1 of 20 failed"). */
	if (level == MSG_INFO || supersedes[kind])
		msglog_resolve(l, kind);
	if (level != MSG_ERROR)
		say(&l->latest, l, t, kind, level, text);
	if (level == MSG_INFO)
		return;
	if (m && m->kind == kind && m->level == level && strcmp(m->text, text) == 0) {
		/* The same failure every refresh is one entry, counted. */
		m->repeat++;
		m->t = t;
		m->seq = l->seq;
		m->open = opens(kind, level);
		return;
	}
	if (l->n == MSGLOG_MAX) {
		l->first = (l->first + 1) % MSGLOG_MAX;
		l->n--;
		l->dropped++;
	}
	l->n++;
	say(&l->ring[slot(l, 0)], l, t, kind, level, text);
	l->ring[slot(l, 0)].open = opens(kind, level);
}

size_t msglog_count(const struct msglog *l)
{
	return l->n;
}

const struct msg *msglog_at(const struct msglog *l, size_t i)
{
	return i < l->n ? &l->ring[slot(l, i)] : NULL;
}

/* The ring slot of the newest open message, or MSGLOG_MAX; *open
 * receives how many are open. */
static size_t newest_open(const struct msglog *l, size_t *open)
{
	size_t found = MSGLOG_MAX;

	*open = 0;
	for (size_t i = 0; i < l->n; i++)
		if (l->ring[slot(l, i)].open && (*open)++ == 0)
			found = slot(l, i);
	return found;
}

const struct msg *msglog_status(const struct msglog *l, size_t *more)
{
	size_t open, s = newest_open(l, &open);
	bool answer = l->latest.open && (s == MSGLOG_MAX || l->latest.seq > l->ring[s].seq);

	if (more)
		*more = open > 0 && !answer ? open - 1 : open;
	return s < MSGLOG_MAX && !answer ? &l->ring[s] : &l->latest;
}

bool msglog_dismiss(struct msglog *l)
{
	size_t open, s = newest_open(l, &open);

	if (s == MSGLOG_MAX)
		return false;
	l->ring[s].open = false;
	return true;
}

size_t msglog_break(const char *s, int cols)
{
	int used;
	size_t fit = text_fit(s, cols, &used), cut = 0;

	if (s[fit] == '\0')
		return fit;
	/* The last word end within the fit: before a space (a space at fit
	 * itself counts: the word before it is whole), or after punctuation. */
	for (size_t i = 1; i <= fit; i++)
		if (s[i] == ' ' || (strchr(":;,", s[i - 1]) && s[i] != ' '))
			cut = i;
	if (cut < fit / 2)
		return fit; /* a long word (a link): more of it beats a short line */
	while (cut > 0 && s[cut - 1] == ' ')
		cut--;
	return cut;
}

/* s with each long path in it shortened to its last two parts:
 * "/home/me/.local/state/hktop/watchlist:" to "…/hktop/watchlist:". The
 * cause after a path is what a reader needs; the messages view keeps
 * the path whole. */
static void shorten_paths(const char *s, const char *ell, char *out, size_t outlen)
{
	size_t o = 0;

	while (*s && o + 1 < outlen) {
		size_t len = strcspn(s, " "), slashes = 0, keep = len;
		bool url = false;
		for (size_t i = 0; i < len; i++) {
			slashes += s[i] == '/';
			/* A link keeps its host: no use without it. */
			url = url || (i + 3 <= len && strncmp(s + i, "://", 3) == 0);
		}
		if (slashes >= 3 && len > PATH_KEEP_MIN && !url) {
			/* From the second last slash on. */
			for (size_t k = 0; k < 2; k++)
				while (keep > 0 && s[--keep] != '/')
					;
			o += (size_t)snprintf(out + o, outlen - o, "%s%.*s", ell, (int)(len - keep),
					      s + keep);
		} else {
			o += (size_t)snprintf(out + o, outlen - o, "%.*s", (int)len, s);
		}
		s += len;
		if (*s && o + 1 < outlen)
			out[o++] = *s++;
		if (o >= outlen)
			o = outlen - 1;
		out[o] = '\0';
	}
	if (o < outlen)
		out[o] = '\0';
}

void msglog_fit(const char *s, int cols, bool utf8, char *out, size_t outlen)
{
	const char *ell = utf8 ? "\xe2\x80\xa6" : "...";
	int ellw = utf8 ? 1 : 3;
	char shorter[MSG_TEXT_MAX + 64];
	size_t b;

	if (text_width(s) <= cols) {
		snprintf(out, outlen, "%s", s);
		return;
	}
	shorten_paths(s, ell, shorter, sizeof shorter);
	s = shorter;
	if (text_width(s) <= cols) {
		snprintf(out, outlen, "%s", s);
		return;
	}
	if (cols <= ellw) {
		b = msglog_break(s, cols);
		snprintf(out, outlen, "%.*s", (int)b, s);
		return;
	}
	b = msglog_break(s, cols - ellw);
	snprintf(out, outlen, "%.*s%s", (int)b, s, ell);
}
