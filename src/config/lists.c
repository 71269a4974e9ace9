/* lists.c - named watchlists: names checked once here, and the set of
 * lists a run holds (the config's, the saved ones, the ones made on
 * screen) */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "config/lists.h"

bool lists_name_check(const char *name, size_t len, char *err, size_t errlen)
{
	const char *why = NULL;

	if (len == 0)
		why = "a list needs a name";
	else if (len > LISTS_NAME_MAX)
		why = "not a list name (longer than 24 characters)";
	for (size_t i = 0; !why && i < len; i++) {
		char c = name[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      ((c == '-' || c == '_') && i > 0)))
			why = "not a list name (letters, digits, '-' and '_'; "
			      "not starting with '-' or '_')";
	}
	if (!why)
		return true;
	if (len == 0)
		snprintf(err, errlen, "%s", why);
	else {
		char copy[128];
		size_t cl = len < sizeof copy - 1 ? len : sizeof copy - 1;

		memcpy(copy, name, cl);
		copy[cl] = '\0';
		text_quote_error(err, errlen, copy, why);
	}
	return false;
}

long lists_find(const struct lists *l, const char *name)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].name, name) == 0)
			return (long)i;
	return -1;
}

bool lists_set(struct lists *l, const char *name, const struct instrument *v, size_t n,
	       const char *from, char *err, size_t errlen)
{
	long k = lists_find(l, name);
	struct named_list *e;
	struct instrument *copy = NULL;
	char *f = NULL;

	if (k < 0 && l->n >= LISTS_MAX) {
		snprintf(err, errlen, "more than %d lists; \"%s\" skipped", LISTS_MAX, name);
		return false;
	}
	if ((n && !(copy = malloc(n * sizeof *copy))) || (from && !(f = strdup(from)))) {
		free(copy);
		snprintf(err, errlen, "out of memory");
		return false;
	}
	if (n)
		memcpy(copy, v, n * sizeof *copy);
	if (k < 0) {
		struct named_list *grown = realloc(l->v, (l->n + 1) * sizeof *grown);

		if (!grown) {
			free(copy);
			free(f);
			snprintf(err, errlen, "out of memory");
			return false;
		}
		l->v = grown;
		k = (long)l->n++;
		memset(&l->v[k], 0, sizeof l->v[k]);
		snprintf(l->v[k].name, sizeof l->v[k].name, "%s", name);
	}
	e = &l->v[k];
	free(e->v);
	free(e->from);
	e->v = copy;
	e->n = n;
	e->from = f;
	return true;
}

void lists_remove(struct lists *l, size_t k)
{
	if (k >= l->n)
		return;
	free(l->v[k].v);
	free(l->v[k].from);
	memmove(&l->v[k], &l->v[k + 1], (l->n - k - 1) * sizeof *l->v);
	l->n--;
}

void lists_done(struct lists *l)
{
	while (l->n)
		lists_remove(l, l->n - 1);
	free(l->v);
	l->v = NULL;
}

enum lists_current lists_current_parse(const char *buf, size_t len,
				       char name[LISTS_NAME_MAX + 1], size_t *lineno,
				       char *err, size_t errlen)
{
	size_t pos = 0;

	*lineno = 0;
	while (pos < len) {
		const char *line = buf + pos, *nl = memchr(line, '\n', len - pos);
		size_t ll = nl ? (size_t)(nl - line) : len - pos, a = 0;

		pos += ll + (nl != NULL);
		++*lineno;
		while (ll > 0 && (line[ll - 1] == ' ' || line[ll - 1] == '\t' || line[ll - 1] == '\r'))
			ll--;
		while (a < ll && (line[a] == ' ' || line[a] == '\t'))
			a++;
		if (a == ll || line[a] == '#')
			continue;
		if (!lists_name_check(line + a, ll - a, err, errlen))
			return LISTS_CURRENT_BAD;
		memcpy(name, line + a, ll - a);
		name[ll - a] = '\0';
		return LISTS_CURRENT_NAME;
	}
	return LISTS_CURRENT_NONE;
}
