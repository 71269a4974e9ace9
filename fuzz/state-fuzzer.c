/* state-fuzzer.c - libFuzzer harness for the saved watchlist's parser,
 * merge and writer (state_doc_*), and the current-list file's parser */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/lists.h"
#include "config/state_doc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Write d to memory and parse it again. */
static bool reparse(const struct state_doc *d, struct state_doc *again)
{
	char *text = NULL, err[STATE_MSG_MAX];
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	bool ok;

	if (!f)
		return false;
	if (state_doc_write(f, d, false) != 0) {
		free(text);
		return false;
	}
	ok = state_doc_parse(again, "again", text, len, err, sizeof err);
	free(text);
	return ok;
}

static bool same_list(const struct instrument *a, size_t na, const struct instrument *b, size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++)
		if (!symbol_equal(&a[i], &b[i]))
			return false;
	return true;
}

/* The same bytes as a current-list file: a name found is a list's name,
 * word for word from the text; a bad line is named with a clean cause. */
static void current_list(const uint8_t *data, size_t size, size_t lines)
{
	char name[LISTS_NAME_MAX + 1], err[256] = "";
	size_t lineno = 0;

	switch (lists_current_parse((const char *)data, size, name, &lineno, err, sizeof err)) {
	case LISTS_CURRENT_NAME:
		if (!lists_name_check(name, strlen(name), err, sizeof err) ||
		    !memmem(data, size, name, strlen(name)) || lineno == 0 || lineno > lines + 1)
			abort();
		break;
	case LISTS_CURRENT_BAD:
		if (!err[0] || lineno == 0 || lineno > lines + 1)
			abort();
		for (const unsigned char *p = (const unsigned char *)err; *p; p++)
			if (*p < 0x20 || *p == 0x7f)
				abort();
		break;
	case LISTS_CURRENT_NONE:
		break;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct state_doc d = { 0 }, again = { 0 };
	struct instrument *v = NULL, *w = NULL, *mine = NULL;
	size_t n = 0, nw = 0, nmine = 0, lines = 0;
	char err[STATE_MSG_MAX] = "";
	bool same;

	if (size > 65536)
		return 0;
	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n';
	current_list(data, size, lines);
	if (!state_doc_parse(&d, "fuzz", (const char *)data, size, err, sizeof err)) {
		/* Refused whole only for a NUL byte, and always says why. */
		if (!memchr(data, '\0', size) || !err[0])
			abort();
		goto done;
	}
	if (d.nbad > d.n || d.n > lines + 1 || !state_doc_symbols(&d, &v, &n))
		abort();
	for (size_t i = 0; i < d.nbad && i < STATE_BAD_NAMED; i++)
		if (strncmp(d.bad[i], "fuzz:", 5) != 0)
			abort();
	/* Written out, the file reads back as the same symbols, and every
	 * line that was bad is now a comment. */
	if (!reparse(&d, &again) || again.nbad != 0 || !state_doc_symbols(&again, &w, &nw) ||
	    !same_list(v, n, w, nw))
		abort();
	/* A run that drops the first symbol and adds one: merged, the first
	 * is gone wherever it appeared, the new one is there once. */
	if (n > 0) {
		struct instrument extra;

		if (!symbol_parse("HSTECH", &extra, err, sizeof err) || !(mine = malloc(n * sizeof *mine)))
			abort();
		nmine = 0;
		for (size_t i = 1; i < n; i++)
			if (!symbol_equal(&v[i], &v[0]))
				mine[nmine++] = v[i];
		if (!symbol_equal(&extra, &v[0]))
			mine[nmine++] = extra;
		/* base is what d holds: nothing made elsewhere. */
		if (state_doc_same(&d, v, n, &same) && !same)
			abort();
		if (state_doc_merge(&d, v, n, mine, nmine)) {
			free(w);
			state_doc_symbols(&d, &w, &nw);
			for (size_t i = 0; i < nw; i++)
				if (symbol_equal(&w[i], &v[0]))
					abort();
		}
	}
done:
	free(v);
	free(w);
	free(mine);
	state_doc_done(&d);
	state_doc_done(&again);
	return 0;
}
