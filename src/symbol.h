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

/* Per-source codes. Each writes a NUL-terminated code into buf and returns
 * false when the source has no code for this instrument. */
bool symbol_tencent(const struct instrument *in, bool realtime, char *buf, size_t len);
bool symbol_sina(const struct instrument *in, char *buf, size_t len);
bool symbol_eastmoney(const struct instrument *in, char *buf, size_t len);
bool symbol_yahoo(const struct instrument *in, char *buf, size_t len);

#endif
