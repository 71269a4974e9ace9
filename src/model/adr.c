/* adr.c - the ADR table (share/adr.tsv) and ADS / HK share parity
 *
 * The ratios come from the depositary banks via HK-FACTS §2. They are data,
 * not code, so a ratio change is a one-line edit to a file users can read. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/adr.h"

#define FIELD_MAX 32

static bool blank(const char *s, const char *e)
{
	for (; s < e; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r')
			return false;
	return true;
}

/* Field i of a tab-separated line [s, e), NUL-terminated into buf. */
static bool field(const char *s, const char *e, int i, char *buf, size_t len)
{
	const char *p = s, *tab;

	for (; i > 0; i--) {
		if (!(tab = memchr(p, '\t', (size_t)(e - p))))
			return false;
		p = tab + 1;
	}
	tab = memchr(p, '\t', (size_t)(e - p));
	if (!tab)
		tab = e;
	if (tab > p && tab[-1] == '\r')
		tab--;
	if (tab == p || (size_t)(tab - p) >= len)
		return false;
	memcpy(buf, p, (size_t)(tab - p));
	buf[tab - p] = '\0';
	return true;
}

static bool parse_line(const char *s, const char *e, struct adr *a, char *cause, size_t len)
{
	char us[FIELD_MAX], hk[FIELD_MAX], n[FIELD_MAX], extra[FIELD_MAX], err[96];
	char *end;
	long ratio;

	if (!field(s, e, 0, us, sizeof us) || !field(s, e, 1, hk, sizeof hk) ||
	    !field(s, e, 2, n, sizeof n) || field(s, e, 3, extra, sizeof extra) ||
	    memchr(s, '\t', (size_t)(e - s)) == NULL) {
		snprintf(cause, len, "expected US<TAB>HK<TAB>N");
		return false;
	}
	if (!symbol_parse(us, &a->us, err, sizeof err) || a->us.market != MARKET_US) {
		snprintf(cause, len, "the first field must be a US ticker");
		return false;
	}
	if (!symbol_parse(hk, &a->hk, err, sizeof err) || a->hk.market != MARKET_HK) {
		snprintf(cause, len, "the second field must be an HK stock code");
		return false;
	}
	ratio = strtol(n, &end, 10);
	if (*end || n[0] < '1' || n[0] > '9' || ratio < 1 || ratio > ADR_RATIO_MAX) {
		snprintf(cause, len, "the ratio must be a whole number from 1 to %d", ADR_RATIO_MAX);
		return false;
	}
	a->ratio = (int)ratio;
	return true;
}

bool adr_table_load(struct adr_table *t, const char *text, size_t len, char *err, size_t errlen)
{
	const char *p = text, *end = text + len, *nl;
	size_t cap = 0;
	long line = 0;
	struct adr a, *grown;
	char cause[96];

	memset(t, 0, sizeof *t);
	for (; p < end; p = nl + 1) {
		if (!(nl = memchr(p, '\n', (size_t)(end - p))))
			nl = end;
		line++;
		if (blank(p, nl) || *p == '#')
			continue;
		memset(&a, 0, sizeof a);
		a.line = line;
		if (!parse_line(p, nl, &a, cause, sizeof cause))
			goto fail;
		if (adr_find(t, &a.us) || adr_find(t, &a.hk)) {
			snprintf(cause, sizeof cause, "%s or %s is listed twice", a.us.display,
				 a.hk.display);
			goto fail;
		}
		if (t->n == cap) {
			cap = cap ? cap * 2 : 16;
			if (!(grown = realloc(t->v, cap * sizeof *t->v))) {
				snprintf(cause, sizeof cause, "out of memory");
				goto fail;
			}
			t->v = grown;
		}
		t->v[t->n++] = a;
	}
	return true;
fail:
	snprintf(err, errlen, "line %ld: %s", line, cause);
	adr_table_done(t);
	return false;
}

void adr_table_done(struct adr_table *t)
{
	free(t->v);
	t->v = NULL;
	t->n = 0;
}

const struct adr *adr_find(const struct adr_table *t, const struct instrument *in)
{
	for (size_t i = 0; i < t->n; i++)
		if (symbol_equal(&t->v[i].us, in) || symbol_equal(&t->v[i].hk, in))
			return &t->v[i];
	return NULL;
}

const struct instrument adr_usdhkd = { MARKET_US, "HKD=X", "USD/HKD" };

bool adr_check_usdhkd(struct num usdhkd, char *err, size_t errlen)
{
	char buf[32];

	if (!usdhkd.ok || !isfinite(usdhkd.v)) {
		snprintf(err, errlen, "no USD/HKD rate");
		return false;
	}
	if (usdhkd.v < ADR_USDHKD_MIN - 1e-9 || usdhkd.v > ADR_USDHKD_MAX + 1e-9) {
		num_format(usdhkd, buf, sizeof buf);
		snprintf(err, errlen, "USD/HKD %s is outside the 7.75-7.85 peg band", buf);
		return false;
	}
	return true;
}

static struct num rounded(double v, int dp)
{
	double scale = pow(10, dp);

	return (struct num){ round(v * scale) / scale, (signed char)dp, isfinite(v) };
}

bool adr_parity(const struct adr *a, struct num ads_price, struct num usdhkd, struct num hk_price,
		struct adr_parity *out, char *err, size_t errlen)
{
	double eq;

	memset(out, 0, sizeof *out);
	if (!adr_check_usdhkd(usdhkd, err, errlen))
		return false;
	if (!ads_price.ok || !(ads_price.v > 0) || !isfinite(ads_price.v)) {
		snprintf(err, errlen, "no %s price", a->us.display);
		return false;
	}
	if (a->ratio < 1 || a->ratio > ADR_RATIO_MAX) {
		snprintf(err, errlen, "bad ratio for %s", a->us.display);
		return false;
	}
	eq = ads_price.v * usdhkd.v / a->ratio;
	out->hk_equiv = rounded(eq, 3);
	if (!hk_price.ok || !(hk_price.v > 0) || !isfinite(hk_price.v)) {
		snprintf(err, errlen, "no %s price", a->hk.display);
		return false;
	}
	out->premium = rounded((hk_price.v / eq - 1) * 100, 2);
	return out->hk_equiv.ok && out->premium.ok;
}
