/* instruments.h - names and sectors of known instruments (share/instruments.tsv) */
#ifndef HKTOP_INSTRUMENTS_H
#define HKTOP_INSTRUMENTS_H

#include <stddef.h>

#include "model/symbol.h"

struct instrument_info {
	struct instrument in;
	char name_en[64];
	char name_zh[64];       /* simplified */
	char name_zh_hant[64];  /* traditional */
	char sector[32];
};

struct instrument_db {
	struct instrument_info *v; /* owned */
	size_t n;
	struct symbol_index index; /* instrument -> v[], so a lookup per row stays cheap */
};

/* Parse the TSV text (symbol, English, simplified, traditional, sector).
 * Bad rows are skipped; returns how many were. */
size_t instruments_load(struct instrument_db *db, const char *text, size_t len);

/* The compiled-in share/instruments.tsv. */
size_t instruments_load_builtin(struct instrument_db *db);

const struct instrument_info *instruments_find(const struct instrument_db *db,
					       const struct instrument *in);

void instruments_done(struct instrument_db *db);

#endif
