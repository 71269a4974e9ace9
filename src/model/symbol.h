/* symbol.h - instruments as traders type them, and every source's code for them */
#ifndef HKTOP_SYMBOL_H
#define HKTOP_SYMBOL_H

#include <stdbool.h>
#include <stddef.h>

enum market {
	MARKET_HK,      /* HKEX-listed security, 1 to 5 digit code */
	MARKET_HK_INDEX, /* Hang Seng family index */
	MARKET_US,      /* US listing, typically an ADR */
};

#define SYMBOL_MAX 16

/* One instrument, in canonical form. The display form is what the user
 * sees and what --once prints: "0700", "09988" stays "9988", "HSI", "BABA". */
struct instrument {
	enum market market;
	char code[SYMBOL_MAX];    /* HK: five digits "00700"; index: "HSI"; US: "BABA" */
	char display[SYMBOL_MAX]; /* "0700", "HSI", "BABA" */
};

/* Parse one trader-typed form ("700", "0700.HK", "hk00700", "HK.00700",
 * "^HSI", "usBABA", "BABA"). On failure returns false and writes a cause
 * that quotes the input (sanitised) into err. */
bool symbol_parse(const char *text, struct instrument *out, char *err, size_t errlen);

/* Same instrument? */
bool symbol_equal(const struct instrument *a, const struct instrument *b);

#ifdef SYMBOL_COUNT_COMPARES
/* Only in tests/test-scaling's own build of symbol.c: instrument
 * comparisons made so far, by symbol_equal and the index below, to see
 * that work on a watchlist grows linearly. */
extern unsigned long symbol_compares;
#endif

/* Where each instrument sits in an array the caller owns, found in
 * constant time: a hash table keyed by the canonical form, so "700" and
 * "0700.HK" are one key. Owns only its table; a zeroed one is empty. */
struct symbol_index {
	struct symbol_slot *slot; /* cap entries, cap a power of two, or NULL */
	size_t cap, n;
};

/* Record that in sits at pos. Returns pos, or the position already
 * recorded if in is there (nothing changes then), or -1 out of memory. */
long symbol_index_add(struct symbol_index *ix, const struct instrument *in, size_t pos);

/* Position recorded for in, or -1. */
long symbol_index_find(const struct symbol_index *ix, const struct instrument *in);

/* Forget every entry, keeping the table for reuse. */
void symbol_index_clear(struct symbol_index *ix);

void symbol_index_done(struct symbol_index *ix);

/* Drop repeats from v (*n entries), keeping each first one in place and
 * the order. False, with v untouched, only when out of memory. */
bool symbol_dedup(struct instrument *v, size_t *n);

/* Per-source codes. Each writes a NUL-terminated code into buf and returns
 * false when the source has no code for this instrument. */
bool symbol_tencent(const struct instrument *in, bool realtime, char *buf, size_t len);
bool symbol_sina(const struct instrument *in, char *buf, size_t len);
bool symbol_eastmoney(const struct instrument *in, char *buf, size_t len);
bool symbol_yahoo(const struct instrument *in, char *buf, size_t len);

#endif
