/* state_list.c - which list a run uses and where its edits go: the one
 * rule (SYMBOLs > -o > saved file > config > default), applied to the
 * watchlist and to every named list, each in its own saved file */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "config/lists.h"
#include "config/state.h"

bool state_symbols_copy(struct instrument **dst, size_t *ndst, const struct instrument *v,
			size_t n)
{
	struct instrument *c = NULL;

	if (n && !(c = malloc(n * sizeof *c)))
		return false;
	if (n)
		memcpy(c, v, n * sizeof *c);
	free(*dst);
	*dst = c;
	*ndst = n;
	return true;
}

/* What a state_list says (its notes, why_not, a save's error) names the
 * file by a path from the environment: sanitised here, where the words
 * leave this module, so an escape in XDG_STATE_HOME never reaches a
 * terminal. */
static void vsay(char *buf, size_t cap, const char *fmt, va_list ap)
{
	char raw[sizeof ((struct state_list *)0)->path + STATE_MSG_MAX];

	vsnprintf(raw, sizeof raw, fmt, ap);
	text_sanitize(buf, cap, raw, strlen(raw));
}

static void say(char *buf, size_t cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void say(char *buf, size_t cap, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(buf, cap, fmt, ap);
	va_end(ap);
}

static void add_note(struct state_list *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void add_note(struct state_list *s, const char *fmt, ...)
{
	va_list ap;

	if (s->nnotes == sizeof s->notes / sizeof s->notes[0])
		return;
	va_start(ap, fmt);
	vsay(s->notes[s->nnotes++], sizeof s->notes[0], fmt, ap);
	va_end(ap);
}

bool state_list_choose(struct state_list *s, enum list_origin origin, const char *config_file,
		       struct instrument **list, size_t *n)
{
	return state_list_choose_named(s, LISTS_MAIN, origin, config_file, list, n);
}

bool state_list_choose_named(struct state_list *s, const char *name, enum list_origin origin,
			     const char *config_file, struct instrument **list, size_t *n)
{
	struct state_doc d = { 0 };
	struct instrument *saved;
	size_t nsaved;
	char err[STATE_MSG_MAX];
	bool exists;

	bool main = strcmp(name, LISTS_MAIN) == 0;

	memset(s, 0, sizeof *s);
	snprintf(s->name, sizeof s->name, "%s", name);
	s->origin = origin;
	if (origin == LIST_CONFIG)
		snprintf(s->from, sizeof s->from, "%s", config_file);
	if (origin > LIST_SAVED) {
		snprintf(s->why_not, sizeof s->why_not, "this list came from %s%s",
			 origin == LIST_ARGS ? "the command line" : main ? "-o watchlist" : "-o list.",
			 origin == LIST_ARGS || main ? "" : name);
		return true;
	}
	state_list_path(name, s->path, sizeof s->path);
	if (!s->path[0]) {
		snprintf(s->why_not, sizeof s->why_not,
			 "no HOME or XDG_STATE_HOME to keep the watchlist in");
		return true;
	}
	if (!state_load(s->path, &d, &exists, err, sizeof err)) {
		/* Never save over what we could not read: it may be all the
		 * user has. */
		say(s->why_not, sizeof s->why_not, "%s", err);
		add_note(s, "%s; using the %s watchlist; edits will not be saved", err,
			 origin == LIST_CONFIG ? "config's" : "default");
		state_doc_done(&d);
		return true;
	}
	if (exists) {
		if (!state_doc_symbols(&d, &saved, &nsaved)) {
			state_doc_done(&d);
			return false;
		}
		free(*list);
		*list = saved;
		*n = nsaved;
		s->origin = LIST_SAVED;
		snprintf(s->from, sizeof s->from, "%s", s->path);
		for (size_t i = 0; i < d.nbad && i < STATE_BAD_NAMED; i++)
			add_note(s, "%s (skipped; kept in the file)", d.bad[i]);
		if (d.nbad > STATE_BAD_NAMED)
			add_note(s, "%s: %zu more unreadable lines skipped", s->path,
				 d.nbad - STATE_BAD_NAMED);
	}
	state_doc_done(&d);
	s->save = true;
	return state_symbols_copy(&s->base, &s->nbase, *list, *n) &&
	       state_symbols_copy(&s->seen, &s->nseen, *list, *n);
}

bool state_list_save(struct state_list *s, const struct instrument *v, size_t n, bool *merged,
		     char *err, size_t errlen)
{
	char raw[sizeof s->path + STATE_MSG_MAX];

	*merged = false;
	s->unsaved = true;
	if (!s->save) {
		snprintf(err, errlen, "%s", s->why_not);
		return false;
	}
	if (!state_save(s->path, s->base, s->nbase, v, n, &s->seen, &s->nseen, merged, raw,
			sizeof raw)) {
		say(err, errlen, "%s", raw);
		return false;
	}
	/* This list is the base of the next merge's removals; the file may
	 * also hold another run's edits, now in s->seen. */
	if (!state_symbols_copy(&s->base, &s->nbase, v, n)) {
		snprintf(err, errlen, "out of memory");
		return false;
	}
	s->unsaved = false;
	return true;
}

void state_list_describe(const struct state_list *s, char *buf, size_t len)
{
	switch (s->origin) {
	case LIST_DEFAULT:
		snprintf(buf, len, strcmp(s->name, LISTS_MAIN) && s->name[0] ? "made on screen"
								       : "the default");
		break;
	case LIST_CONFIG:
		snprintf(buf, len, "%s", s->from);
		break;
	case LIST_SAVED:
		snprintf(buf, len, "the saved list %s", s->from);
		break;
	case LIST_OPTION:
		if (strcmp(s->name, LISTS_MAIN) && s->name[0])
			snprintf(buf, len, "-o list.%s", s->name);
		else
			snprintf(buf, len, "-o watchlist");
		break;
	case LIST_ARGS:
		snprintf(buf, len, "the command line");
		break;
	}
}

void state_list_done(struct state_list *s)
{
	free(s->base);
	free(s->seen);
	free(s->v);
	free(s->config);
	s->base = s->seen = s->v = NULL;
	s->config = NULL;
	s->nbase = s->nseen = s->n = 0;
}
