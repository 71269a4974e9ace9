/* msglog.c - the session's messages: a bounded ring, resolution by kind */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "msglog.h"
#include "text.h"

const char *const msg_kind_names[MSG_KIND_COUNT] = {
	[MSG_KEY] = "key", [MSG_QUOTES] = "quotes", [MSG_CHART] = "chart",
	[MSG_NEWS] = "news", [MSG_CONFIG] = "config", [MSG_STATE] = "state",
};

/* The ring's i-th entry from the newest, or from the oldest. */
static size_t slot(const struct msglog *l, size_t i_newest)
{
	return (l->first + l->n - 1 - i_newest) % MSGLOG_MAX;
}

void msglog_resolve(struct msglog *l, enum msg_kind kind)
{
	for (size_t i = 0; i < l->n; i++) {
		struct msg *m = &l->ring[(l->first + i) % MSGLOG_MAX];
		if (m->kind == kind)
			m->open = false;
	}
}

void msglog_add(struct msglog *l, time_t t, enum msg_kind kind, enum msg_level level,
		const char *text)
{
	struct msg *m = l->n ? &l->ring[slot(l, 0)] : NULL;

	if (level == MSG_INFO) {
		msglog_resolve(l, kind);
		m = &l->info;
	} else if (m && m->kind == kind && m->level == level && strcmp(m->text, text) == 0) {
		/* The same failure every refresh is one entry, counted. */
		m->repeat++;
		m->t = t;
		m->open = true;
		return;
	} else {
		if (l->n == MSGLOG_MAX) {
			l->first = (l->first + 1) % MSGLOG_MAX;
			l->n--;
			l->dropped++;
		}
		l->n++;
		m = &l->ring[slot(l, 0)];
	}
	m->t = t;
	m->kind = kind;
	m->level = level;
	m->repeat = 1;
	m->open = level != MSG_INFO;
	snprintf(m->text, sizeof m->text, "%s", text);
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

	if (more)
		*more = open ? open - 1 : 0;
	return s < MSGLOG_MAX ? &l->ring[s] : &l->info;
}

bool msglog_dismiss(struct msglog *l)
{
	size_t open, s = newest_open(l, &open);

	if (s == MSGLOG_MAX)
		return false;
	l->ring[s].open = false;
	return true;
}

size_t msg_break(const char *s, int cols)
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
	if (cut == 0)
		return fit; /* one long word: cut it where it must be */
	while (cut > 0 && s[cut - 1] == ' ')
		cut--;
	return cut;
}

void msg_fit(const char *s, int cols, bool utf8, char *out, size_t outlen)
{
	const char *ell = utf8 ? "\xe2\x80\xa6" : "...";
	int ellw = utf8 ? 1 : 3;
	size_t b;

	if (text_width(s) <= cols) {
		snprintf(out, outlen, "%s", s);
		return;
	}
	if (cols <= ellw) {
		b = msg_break(s, cols);
		snprintf(out, outlen, "%.*s", (int)b, s);
		return;
	}
	b = msg_break(s, cols - ellw);
	snprintf(out, outlen, "%.*s%s", (int)b, s, ell);
}
