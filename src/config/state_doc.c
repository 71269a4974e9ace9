/* state_doc.c - the saved watchlist's text as lines: parsed leniently,
 * merged with another run's edits, written back with nothing lost
 *
 * Pure: no files, no clock. A symbol line keeps the user's text, a line
 * that is not a symbol becomes a comment in place, and a merge touches
 * only the lines of the symbols this run added or removed. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/state_doc.h"

void state_doc_done(struct state_doc *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->v[i].text);
	free(d->v);
	d->v = NULL;
	d->n = d->cap = 0;
}

/* Make room for one more line at index at. */
static bool doc_open_at(struct state_doc *d, size_t at)
{
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		struct state_line *v = realloc(d->v, cap * sizeof *v);

		if (!v)
			return false;
		d->v = v;
		d->cap = cap;
	}
	memmove(&d->v[at + 1], &d->v[at], (d->n - at) * sizeof *d->v);
	d->n++;
	return true;
}

/* Insert prefix+text (len bytes of it) as line at; in is NULL for a line
 * that is not a symbol. */
static bool doc_insert(struct state_doc *d, size_t at, const char *prefix, const char *text,
		       size_t len, const struct instrument *in)
{
	size_t pl = strlen(prefix);
	char *copy = malloc(pl + len + 1);

	if (!copy || !doc_open_at(d, at)) {
		free(copy);
		return false;
	}
	memcpy(copy, prefix, pl);
	memcpy(copy + pl, text, len);
	copy[pl + len] = '\0';
	d->v[at] = (struct state_line){ .text = copy, .symbol = in != NULL };
	if (in)
		d->v[at].in = *in;
	return true;
}

/* The symbol a line holds, if any: *blank when there is nothing but
 * space and comment, else false with the cause when it is not a symbol. */
static bool line_symbol(const char *line, size_t ll, struct instrument *in, bool *blank,
			char *cause, size_t causelen)
{
	const char *hash = memchr(line, '#', ll);
	size_t tl = hash ? (size_t)(hash - line) : ll, a = 0;
	char text[64];

	while (a < tl && (line[a] == ' ' || line[a] == '\t'))
		a++;
	while (tl > a && (line[tl - 1] == ' ' || line[tl - 1] == '\t' || line[tl - 1] == '\r'))
		tl--;
	*blank = tl == a;
	if (*blank)
		return false;
	/* Longer than any symbol: let symbol_parse quote and refuse it. */
	if (tl - a >= sizeof text)
		tl = a + sizeof text - 1;
	memcpy(text, line + a, tl - a);
	text[tl - a] = '\0';
	return symbol_parse(text, in, cause, causelen);
}

bool state_doc_push_text(struct state_doc *d, const char *text, size_t len)
{
	return doc_insert(d, d->n, "", text, len, NULL);
}

bool state_doc_parse(struct state_doc *d, const char *name, const char *buf, size_t len,
		     char *err, size_t errlen)
{
	size_t lineno = 0, pos = 0;

	if (memchr(buf, '\0', len)) {
		snprintf(err, errlen, "%s: a NUL byte; not a text file", name);
		return false;
	}
	while (pos < len) {
		const char *line = buf + pos, *nl = memchr(line, '\n', len - pos);
		size_t ll = nl ? (size_t)(nl - line) : len - pos;
		struct instrument in;
		char cause[160];
		bool blank, ok;

		pos += ll + (nl != NULL);
		lineno++;
		ok = line_symbol(line, ll, &in, &blank, cause, sizeof cause);
		if (!ok && !blank) {
			if (d->nbad < STATE_BAD_NAMED)
				snprintf(d->bad[d->nbad], sizeof d->bad[0], "%s:%zu: %s", name,
					 lineno, cause);
			d->nbad++;
		}
		if (!doc_insert(d, d->n, ok || blank ? "" : STATE_BAD_PREFIX, line, ll,
				ok ? &in : NULL)) {
			snprintf(err, errlen, "%s: out of memory", name);
			return false;
		}
	}
	return true;
}

bool state_doc_symbols(const struct state_doc *d, struct instrument **out, size_t *n)
{
	size_t k = 0;

	*out = NULL;
	*n = 0;
	for (size_t i = 0; i < d->n; i++)
		k += d->v[i].symbol;
	if (k == 0)
		return true;
	if (!(*out = malloc(k * sizeof **out)))
		return false;
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].symbol)
			(*out)[(*n)++] = d->v[i].in;
	return true;
}

/* A list sorted for lookups, each entry with its place in the list. */
struct symref {
	const struct instrument *in;
	size_t at;
};

struct symset {
	struct symref *v;
	size_t n;
};

static int symcmp(const struct instrument *a, const struct instrument *b)
{
	if (a->market != b->market)
		return a->market < b->market ? -1 : 1;
	return strcmp(a->code, b->code);
}

static int symset_cmp(const void *a, const void *b)
{
	const struct symref *x = a, *y = b;
	int c = symcmp(x->in, y->in);

	return c ? c : x->at < y->at ? -1 : 1;
}

static bool symset_init(struct symset *s, const struct instrument *v, size_t n)
{
	s->n = 0;
	if (!(s->v = malloc((n ? n : 1) * sizeof *s->v)))
		return false;
	for (size_t i = 0; i < n; i++) {
		s->v[i].in = &v[i];
		s->v[i].at = i;
	}
	s->n = n;
	qsort(s->v, n, sizeof *s->v, symset_cmp);
	return true;
}

/* The place in the list of in (the first if listed twice), or -1. */
static long symset_find(const struct symset *s, const struct instrument *in)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (symcmp(s->v[mid].in, in) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == s->n || symcmp(s->v[lo].in, in) != 0)
		return -1;
	return (long)s->v[lo].at;
}

/* Where mine[i] goes in d: after the line holding the latest symbol of
 * mine before it, else before the first symbol line, else at the end. */
static size_t insert_at(const struct state_doc *d, const struct symset *mine, size_t i)
{
	long best = -1;
	size_t at = d->n, first = d->n;

	for (size_t k = 0; k < d->n; k++) {
		long j;

		if (!d->v[k].symbol)
			continue;
		if (first == d->n)
			first = k;
		j = symset_find(mine, &d->v[k].in);
		if (j >= 0 && (size_t)j < i && j > best) {
			best = j;
			at = k + 1;
		}
	}
	return best >= 0 ? at : first;
}

static bool doc_has(const struct state_doc *d, const struct instrument *in)
{
	for (size_t k = 0; k < d->n; k++)
		if (d->v[k].symbol && symbol_equal(&d->v[k].in, in))
			return true;
	return false;
}

bool state_doc_same(const struct state_doc *d, const struct instrument *v, size_t n,
		    bool *same)
{
	struct instrument *a;
	struct symset sa, sb;
	size_t na;
	bool ok = false;

	if (!state_doc_symbols(d, &a, &na))
		return false;
	if (!symset_init(&sa, a, na))
		goto out;
	if (!symset_init(&sb, v, n)) {
		free(sa.v);
		goto out;
	}
	*same = true;
	for (size_t i = 0; *same && i < na; i++)
		*same = symset_find(&sb, &a[i]) >= 0;
	for (size_t i = 0; *same && i < n; i++)
		*same = symset_find(&sa, &v[i]) >= 0;
	free(sa.v);
	free(sb.v);
	ok = true;
out:
	free(a);
	return ok;
}

bool state_doc_append(struct state_doc *d, const struct instrument *in)
{
	return doc_insert(d, d->n, "", in->display, strlen(in->display), in);
}

bool state_doc_append_text(struct state_doc *d, const char *text)
{
	return doc_insert(d, d->n, "", text, strlen(text), NULL);
}

bool state_doc_merge(struct state_doc *d, const struct instrument *base, size_t nbase,
		     const struct instrument *mine, size_t nmine)
{
	struct symset b, m;
	size_t k = 0;
	bool ok = true;

	if (!symset_init(&b, base, nbase))
		return false;
	if (!symset_init(&m, mine, nmine)) {
		free(b.v);
		return false;
	}
	/* Removed here: in base, not in mine. */
	for (size_t i = 0; i < d->n; i++) {
		struct state_line *l = &d->v[i];

		if (l->symbol && symset_find(&b, &l->in) >= 0 && symset_find(&m, &l->in) < 0)
			free(l->text);
		else
			d->v[k++] = *l;
	}
	d->n = k;
	/* Added here: in mine, not in base. Additions are few (one a key
	 * press), so the scans they make stay cheap. */
	for (size_t i = 0; ok && i < nmine; i++)
		if (symset_find(&b, &mine[i]) < 0 && !doc_has(d, &mine[i]))
			ok = doc_insert(d, insert_at(d, &m, i), "", mine[i].display,
					strlen(mine[i].display), &mine[i]);
	free(b.v);
	free(m.v);
	return ok;
}

int state_doc_write(FILE *f, const struct state_doc *d, bool sync)
{
	int e = 0;

	errno = 0;
	for (size_t i = 0; !e && i < d->n; i++)
		if (fprintf(f, "%s\n", d->v[i].text) < 0)
			e = errno ? errno : EIO;
	if (!e && (fflush(f) != 0 || ferror(f)))
		e = errno ? errno : EIO;
	if (!e && sync && fsync(fileno(f)) != 0)
		e = errno;
	/* fclose releases f whatever happened before, so it always runs. */
	if (fclose(f) != 0 && !e)
		e = errno ? errno : EIO;
	return e;
}
