/* instruments.c - the table of names hktop knows before any quote arrives */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/builtin.h"
#include "model/instruments.h"
#include "base/text.h"

/* Copy the next tab-separated field of [p, end) into dst; advance p. */
static void take_field(const char **p, const char *end, char *dst, size_t cap)
{
	const char *s = *p, *tab = memchr(s, '\t', (size_t)(end - s));
	const char *e = tab ? tab : end;

	text_sanitize(dst, cap, s, (size_t)(e - s));
	*p = tab ? tab + 1 : end;
}

size_t instruments_load(struct instrument_db *db, const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	size_t bad = 0, cap = 0;

	memset(db, 0, sizeof *db);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		struct instrument_info info;
		char sym[32], err[128];

		if (le > p && *p != '#') {
			memset(&info, 0, sizeof info);
			take_field(&p, le, sym, sizeof sym);
			take_field(&p, le, info.name_en, sizeof info.name_en);
			take_field(&p, le, info.name_zh, sizeof info.name_zh);
			take_field(&p, le, info.name_zh_hant, sizeof info.name_zh_hant);
			take_field(&p, le, info.sector, sizeof info.sector);
			if (!symbol_parse(sym, &info.in, err, sizeof err) || !info.name_en[0]) {
				bad++;
			} else {
				if (db->n == cap) {
					struct instrument_info *g;
					cap = cap ? cap * 2 : 64;
					if (!(g = realloc(db->v, cap * sizeof *g)))
						return bad + 1;
					db->v = g;
				}
				/* A repeated row stays in the list; look-ups find the first. */
				if (symbol_index_add(&db->index, &info.in, db->n) < 0)
					return bad + 1;
				db->v[db->n++] = info;
			}
		}
		p = nl ? nl + 1 : end;
	}
	return bad;
}

size_t instruments_load_builtin(struct instrument_db *db)
{
	return instruments_load(db, builtin_instruments, builtin_instruments_len);
}

const struct instrument_info *instruments_find(const struct instrument_db *db,
					       const struct instrument *in)
{
	long k = symbol_index_find(&db->index, in);

	return k < 0 ? NULL : &db->v[k];
}

void instruments_done(struct instrument_db *db)
{
	free(db->v);
	symbol_index_done(&db->index);
	memset(db, 0, sizeof *db);
}
