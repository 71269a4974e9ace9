/* state_lists.c - a run's named lists: which exist, which is shown, and
 * making, renaming and removing them on screen
 *
 * Each list is a file of its own under the rules of state_list.c (a bad
 * line skipped and kept, edits merged with another run's, written
 * atomically), so a list can never spoil another. The config's lists are
 * the user's: hktop saves edits to their symbols but never renames or
 * removes what the config says. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/text.h"
#include "config/lists.h"
#include "config/state.h"
#include "config/textfile.h"

#define CURRENT_FILE "current-list"
#define CURRENT_HEADER "# hktop: the list the dashboard showed last (v and V switch lists)"

static void note(struct state_lists *ls, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void note(struct state_lists *ls, const char *fmt, ...)
{
	char raw[sizeof ls->current_path + STATE_MSG_MAX];
	va_list ap;

	if (ls->nnotes == sizeof ls->notes / sizeof ls->notes[0])
		return;
	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	text_sanitize(ls->notes[ls->nnotes], sizeof ls->notes[0], raw, strlen(raw));
	ls->nnotes++;
}

long state_lists_find(const struct state_lists *ls, const char *name)
{
	for (size_t i = 0; i < ls->n; i++)
		if (strcmp(ls->v[i].name, name) == 0)
			return (long)i;
	return -1;
}

void state_lists_names(const struct state_lists *ls, char *buf, size_t len)
{
	size_t used = 0;

	if (len)
		buf[0] = '\0';
	for (size_t i = 0; i < ls->n && used + 1 < len; i++) {
		int w = snprintf(buf + used, len - used, "%s%s", i ? ", " : "", ls->v[i].name);

		used = w < 0 || used + (size_t)w >= len ? len - 1 : used + (size_t)w;
	}
}

/* Add list name by the one rule, from the config's symbols (config_file
 * NULL: -o list.NAME) or, with none, from its saved file only. */
static bool add_list(struct state_lists *ls, const char *name, const struct instrument *v,
		     size_t n, bool configured, const char *config_file)
{
	struct state_list *s = &ls->v[ls->n];
	struct instrument *list = NULL;
	size_t nl = n;
	enum list_origin origin = !configured ? LIST_DEFAULT
				  : config_file ? LIST_CONFIG : LIST_OPTION;

	if (n && !state_symbols_copy(&list, &nl, v, n))
		return false;
	if (!state_list_choose_named(s, name, origin, config_file ? config_file : "", &list, &nl)) {
		free(list);
		return false;
	}
	s->v = list;
	s->n = nl;
	ls->n++; /* owned by ls from here on */
	return !config_file || (s->config = strdup(config_file)) != NULL;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The lists saved on screen: files in the lists directory with a list's
 * name, by name, as many as there is room for. Anything else there is
 * named and left alone. */
static bool add_saved(struct state_lists *ls, const struct lists *config)
{
	char dir[sizeof ls->current_path], **names = NULL;
	size_t nn = 0, cap = 0, room = LISTS_MAX - ls->n;
	struct dirent *e;
	bool ok = true;
	DIR *d;

	state_path("lists", dir, sizeof dir);
	if (!dir[0] || !(d = opendir(dir)))
		return true; /* none saved yet (a file in its place fails each save) */
	while (ok && (e = readdir(d))) {
		char err[STATE_MSG_MAX];
		const char *name = e->d_name;

		if (name[0] == '.' || lists_find(config, name) >= 0 || strcmp(name, LISTS_MAIN) == 0)
			continue; /* dot files are ours (a save's temporary) or hidden */
		if (!lists_name_check(name, strlen(name), err, sizeof err)) {
			note(ls, "%s/%s: %s; skipped", dir, name, err);
			continue;
		}
		if (nn == cap) {
			char **grown = realloc(names, (cap = cap ? cap * 2 : 16) * sizeof *names);

			if (!(ok = grown != NULL))
				break;
			names = grown;
		}
		if ((ok = (names[nn] = strdup(name)) != NULL))
			nn++;
	}
	closedir(d);
	if (nn) /* qsort wants an array, even of nothing */
		qsort(names, nn, sizeof *names, name_cmp);
	if (nn > room)
		note(ls, "%s: more than %d lists; %zu skipped (%s and after)", dir, LISTS_MAX,
		     nn - room, names[room]);
	for (size_t i = 0; i < nn; i++) {
		ok = ok && (i >= room || add_list(ls, names[i], NULL, 0, false, NULL));
		free(names[i]);
	}
	free(names);
	return ok;
}

/* The list the current-list file names, or -1: a name that is not a
 * list's is said (by file and line) and main shown instead. */
static long remembered(struct state_lists *ls)
{
	char *buf, err[STATE_MSG_MAX], name[LISTS_NAME_MAX + 1];
	size_t len, lineno;
	bool exists;
	long k = -1;

	if (!ls->current_path[0])
		return -1;
	if (!state_read_file(ls->current_path, &buf, &len, &exists, err, sizeof err)) {
		/* A state directory that cannot be used is said once, by main. */
		if (ls->v[0].save)
			note(ls, "%s; showing main", err);
		return -1;
	}
	if (exists) {
		switch (lists_current_parse(buf, len, name, &lineno, err, sizeof err)) {
		case LISTS_CURRENT_NONE:
			break;
		case LISTS_CURRENT_BAD:
			note(ls, "%s:%zu: %s; showing main", ls->current_path, lineno, err);
			break;
		case LISTS_CURRENT_NAME:
			/* Gone (removed by another run, or from the config): main. */
			k = state_lists_find(ls, name);
			break;
		}
	}
	free(buf);
	return k;
}

bool state_lists_open(struct state_lists *ls, struct state_list *main,
		      const struct instrument *mv, size_t mn, const struct lists *config,
		      const char *want, bool remember, bool *usage, char *err, size_t errlen)
{
	long k = 0;

	memset(ls, 0, sizeof *ls);
	*usage = false;
	if (!(ls->v = calloc(LISTS_MAX, sizeof *ls->v)))
		goto oom;
	ls->v[0] = *main;
	memset(main, 0, sizeof *main);
	ls->n = 1;
	if (!state_symbols_copy(&ls->v[0].v, &ls->v[0].n, mv, mn))
		goto oom;
	for (size_t i = 0; i < config->n && ls->n < LISTS_MAX; i++)
		if (!add_list(ls, config->v[i].name, config->v[i].v, config->v[i].n, true,
			      config->v[i].from))
			goto oom;
	if (!add_saved(ls, config))
		goto oom;
	state_path(CURRENT_FILE, ls->current_path, sizeof ls->current_path);
	if (want) {
		char names[STATE_MSG_MAX];

		if ((k = state_lists_find(ls, want)) < 0) {
			state_lists_names(ls, names, sizeof names);
			if (!lists_name_check(want, strlen(want), err, errlen))
				return *usage = true, false;
			snprintf(err, errlen, "no list called %s; the lists are: %s", want, names);
			*usage = true;
			return false;
		}
	} else if (remember && (k = remembered(ls)) < 0) {
		k = 0;
	}
	ls->cur = (size_t)k;
	return true;
oom:
	snprintf(err, errlen, "out of memory");
	return false;
}

bool state_lists_show(struct state_lists *ls, size_t k, const struct instrument *now, size_t n,
		      char *err, size_t errlen)
{
	struct state_doc d = { 0 };
	bool ok;

	if (!state_symbols_copy(&ls->v[ls->cur].v, &ls->v[ls->cur].n, now, n)) {
		snprintf(err, errlen, "out of memory");
		return false;
	}
	ls->cur = k;
	if (!ls->current_path[0]) {
		snprintf(err, errlen, "no HOME or XDG_STATE_HOME to remember it in");
		return false;
	}
	ok = state_doc_append_text(&d, CURRENT_HEADER) && state_doc_append_text(&d, ls->v[k].name);
	if (!ok)
		snprintf(err, errlen, "out of memory");
	else if (!(ok = state_write_doc(ls->current_path, &d, err, errlen))) {
		char raw[STATE_MSG_MAX];

		snprintf(raw, sizeof raw, "%s", err);
		text_sanitize(err, errlen, raw, strlen(raw));
	}
	state_doc_done(&d);
	return ok;
}

/* A name free for a new list or a renamed one: checked, not taken. */
static bool name_free(const struct state_lists *ls, const char *name, char *err, size_t errlen)
{
	if (!lists_name_check(name, strlen(name), err, errlen))
		return false;
	if (state_lists_find(ls, name) >= 0) {
		snprintf(err, errlen, "there is a list called %s already", name);
		return false;
	}
	return true;
}

bool state_lists_create(struct state_lists *ls, const char *name, char *err, size_t errlen)
{
	struct state_list *s;
	bool merged;

	if (!name_free(ls, name, err, errlen))
		return false;
	if (ls->n >= LISTS_MAX) {
		snprintf(err, errlen, "%d lists already; remove one first", LISTS_MAX);
		return false;
	}
	if (!add_list(ls, name, NULL, 0, false, NULL)) {
		snprintf(err, errlen, "out of memory");
		return false;
	}
	s = &ls->v[ls->n - 1];
	err[0] = '\0';
	/* Written now, so that the list is there at the next start, empty or
	 * not; another run's file of that name keeps what it holds. */
	if (s->save)
		(void)state_list_save(s, s->v, s->n, &merged, err, errlen);
	else
		snprintf(err, errlen, "%s", s->why_not);
	return true;
}

bool state_lists_changeable(const struct state_lists *ls, size_t k, const char *what, char *err,
			    size_t errlen)
{
	char shown[STATE_MSG_MAX];

	if (k == 0) {
		snprintf(err, errlen, "main is the watchlist; it cannot be %s", what);
		return false;
	}
	if (ls->v[k].config) {
		text_sanitize(shown, sizeof shown, ls->v[k].config, strlen(ls->v[k].config));
		snprintf(err, errlen, "list.%s is set in %s; it is %s there", ls->v[k].name, shown,
			 what);
		return false;
	}
	return true;
}

/* Rename or remove (to NULL) the file of list s, under the lock of its
 * directory: never over another file, and a file never saved is no error. */
static bool move_file(struct state_list *s, const char *to, char *err, size_t errlen)
{
	struct stat st;
	bool locked, ok = true;
	int lock, e = 0;

	if (!s->save)
		return true; /* -o list.NAME: never saved */
	if ((lock = textfile_lock(s->path, &locked)) < 0)
		return errno == ENOENT ? true : (snprintf(err, errlen, "%s: %s", s->path,
							  strerror(errno)), false);
	if (to && lstat(to, &st) == 0)
		e = EEXIST;
	else if (to ? rename(s->path, to) < 0 : unlink(s->path) < 0)
		e = errno == ENOENT ? 0 : errno;
	close(lock);
	if (e) {
		char raw[sizeof s->path + 64];

		snprintf(raw, sizeof raw, "%s: %s", e == EEXIST ? to : s->path, strerror(e));
		text_sanitize(err, errlen, raw, strlen(raw));
		ok = false;
	}
	return ok;
}

bool state_lists_rename(struct state_lists *ls, size_t k, const char *name, char *err,
			size_t errlen)
{
	struct state_list *s = &ls->v[k];
	char to[sizeof s->path];

	if (!state_lists_changeable(ls, k, "renamed", err, errlen) ||
	    !name_free(ls, name, err, errlen))
		return false;
	state_list_path(name, to, sizeof to);
	if (s->save && !to[0]) {
		snprintf(err, errlen, "no HOME or XDG_STATE_HOME to keep it in");
		return false;
	}
	if (!move_file(s, to, err, errlen))
		return false;
	snprintf(s->name, sizeof s->name, "%s", name);
	if (s->save) {
		snprintf(s->path, sizeof s->path, "%s", to);
		if (s->origin == LIST_SAVED)
			snprintf(s->from, sizeof s->from, "%s", to);
	}
	return true;
}

bool state_lists_remove(struct state_lists *ls, size_t k, char *err, size_t errlen)
{
	if (!state_lists_changeable(ls, k, "removed", err, errlen))
		return false;
	if (k == ls->cur) {
		snprintf(err, errlen, "%s is shown; show another list first", ls->v[k].name);
		return false;
	}
	if (!move_file(&ls->v[k], NULL, err, errlen))
		return false;
	state_list_done(&ls->v[k]);
	memmove(&ls->v[k], &ls->v[k + 1], (ls->n - k - 1) * sizeof *ls->v);
	ls->n--;
	if (ls->cur > k)
		ls->cur--;
	return true;
}

void state_lists_done(struct state_lists *ls)
{
	for (size_t i = 0; i < ls->n; i++)
		state_list_done(&ls->v[i]);
	free(ls->v);
	ls->v = NULL;
	ls->n = ls->cur = 0;
}
