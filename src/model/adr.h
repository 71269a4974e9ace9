/* adr.h - US depositary shares of HK companies, and their parity with HK
 *
 * The table is data (share/adr.tsv, compiled in); the math is pure. */
#ifndef HKTOP_ADR_H
#define HKTOP_ADR_H

#include <stdbool.h>
#include <stddef.h>

#include "base/num.h"
#include "model/symbol.h"

#define ADR_RATIO_MAX 1000
/* The Linked Exchange Rate System's Convertibility Undertakings
 * (HK-FACTS §3c): a USD/HKD outside them is a bad quote, not a rate. */
#define ADR_USDHKD_MIN 7.75
#define ADR_USDHKD_MAX 7.85

struct adr {
	struct instrument us;  /* "BABA" */
	struct instrument hk;  /* "09988" */
	int ratio;             /* HK shares per ADS */
	long line;             /* in the table text, for messages */
};

struct adr_table {
	struct adr *v;         /* owned, in file order */
	size_t n;
};

/* Parse table text: '#' comments, blank lines, and lines of
 * US<TAB>HK<TAB>N. *t is overwritten (not freed). On a bad line returns
 * false with "line N: cause" in err and leaves *t empty. */
bool adr_table_load(struct adr_table *t, const char *text, size_t len, char *err, size_t errlen);
void adr_table_done(struct adr_table *t);

/* The entry for an instrument, from either side: BABA or 9988 finds the
 * same row. NULL when it has none. */
const struct adr *adr_find(const struct adr_table *t, const struct instrument *in);

/* Where the USD/HKD rate comes from: Yahoo's HKD=X, its last close (HK-FACTS
 * §5); no quote source of ours has it. */
extern const struct instrument adr_usdhkd;

/* Is a USD/HKD quote inside the peg band? False with the cause if not. */
bool adr_check_usdhkd(struct num usdhkd, char *err, size_t errlen);

struct adr_parity {
	struct num hk_equiv;   /* HKD per HK share implied by the ADS, 3 decimals */
	struct num premium;    /* % the HK price stands above it (below: negative),
				* 2 decimals */
};

/* hk_equiv = ads_price * usdhkd / ratio; premium = (hk / hk_equiv - 1) * 100.
 * Every input must be a positive figure and usdhkd in the band; false with
 * the cause otherwise. hk_equiv is still filled when only hk_price is
 * missing, so the view can show it alone. */
bool adr_parity(const struct adr *a, struct num ads_price, struct num usdhkd, struct num hk_price,
		struct adr_parity *out, char *err, size_t errlen);

#endif
