/* demo_wire.h - the simulated market's figures, written as Tencent qt lines */
#ifndef HKTOP_DEMO_WIRE_H
#define HKTOP_DEMO_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "base/num.h"
#include "model/symbol.h"

#define DEMO_NAME_MAX 64

/* One instrument's day, as its quote line shows it. Prices are in
 * thousandths, so what is printed adds up exactly. */
struct demo_figures {
	enum market market;
	char reply[SYMBOL_MAX + 8];   /* field 2: "00700", "HSI", "BABA.N" */
	char name[DEMO_NAME_MAX];     /* GBK, as the feed sends it */
	char name_en[DEMO_NAME_MAX];
	long long prev, price, open, high, low, high52, low52;
	long long volume;             /* shares */
	long long turnover;           /* thousandths of the currency; for an
				       * index, that of its whole market */
	long lot;                     /* board lot; 1 but for HK stocks */
	double shares;                /* outstanding (ADS for US listings) */
	struct num eps, bvps, dps;    /* per share; !ok when there is none */
};

/* A reply body being written: start zeroed, free p. Once oom is set
 * nothing more is written. */
struct demo_buf {
	char *p;
	size_t len, cap;
	bool oom;
	bool first;                   /* the next field starts a line */
};

/* Append `v_<code>="f0~f1~...";` and a newline in the layout of f's
 * market (78 fields for HK stocks and indexes, 71 for US), or
 * `v_<code>="";` when f is NULL, as the service answers an unknown code.
 * when is field 30, from demo_wire_stamp. */
void demo_wire_line(struct demo_buf *b, const char *code, const struct demo_figures *f,
		    const char *when);

/* Append printf text (short: under 256 bytes) to b. */
void demo_wire_put(struct demo_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Hand b's text over (an empty body when nothing was written) as *body,
 * NUL-terminated, for the caller to free; false with "out of memory" in
 * err when b ran out, b's text freed. */
bool demo_wire_take(struct demo_buf *b, char **body, size_t *len, char *err, size_t errlen);

/* A quote time, as the feed writes it: "YYYY/MM/DD HH:MM:SS" HKT or, for
 * us, "YYYY-MM-DD HH:MM:SS" US Eastern. */
void demo_wire_stamp(char *buf, size_t len, time_t now, bool us);

#endif
