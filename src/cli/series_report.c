/* series_report.c - bars as CSV or JSON for `hktop --series` */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "base/hktime.h"
#include "cli/series_report.h"

/* A figure with its decimals, or empty_as when unknown. */
static void put_num(FILE *fp, struct num n, const char *empty_as)
{
	char buf[48];

	if (!n.ok || !num_format(n, buf, sizeof buf)) {
		fputs(empty_as, fp);
		return;
	}
	fputs(buf, fp);
}

/* The bar's fields in order, joined by sep, keys when JSON. */
static void put_bar(FILE *fp, const struct series *s, const struct bar *b, bool json)
{
	static const char *const keys[] = { "open", "high", "low", "close", "volume" };
	const struct num *v[] = { &b->open, &b->high, &b->low, &b->close, &b->volume };
	char when[40];

	hktime_iso8601(b->t, s->utc_offset, when, sizeof when);
	fprintf(fp, json ? "{\"time\":\"%s\"" : "%s", when);
	for (size_t k = 0; k < 5; k++) {
		fprintf(fp, json ? ",\"%s\":" : ",", keys[k]);
		put_num(fp, *v[k], json ? "null" : "");
	}
	fputs(json ? "}" : "\n", fp);
}

void series_report_write(FILE *fp, enum series_format fmt, const struct series *s,
			 enum series_range r)
{
	if (fmt == SERIES_CSV) {
		fputs("time,open,high,low,close,volume\n", fp);
		for (size_t i = 0; i < s->n; i++)
			put_bar(fp, s, &s->v[i], false);
		return;
	}
	/* symbol and source are ours (canonical display form, a source
	 * name), never text from the reply, so they need no escaping */
	fprintf(fp, "{\"symbol\":\"%s\",\"range\":\"%s\",\"source\":\"%s\",\"interval\":%d,"
		"\"prev_close\":", s->in.display,
		(unsigned)r < SERIES_RANGE_COUNT ? series_ranges[r].name : "", s->source,
		s->interval);
	put_num(fp, s->prev_close, "null");
	fputs(",\"bars\":[", fp);
	for (size_t i = 0; i < s->n; i++) {
		fputs(i ? ",\n" : "\n", fp);
		put_bar(fp, s, &s->v[i], true);
	}
	fputs("\n]}\n", fp);
}
