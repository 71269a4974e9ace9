/* news_report.h - hktop --news: the merged headlines as a table or JSON */
#ifndef HKTOP_NEWS_REPORT_H
#define HKTOP_NEWS_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "model/news.h"
#include "cli/quote_report.h"
#include "config/options.h"
#include "model/symbol.h"

/* Does h concern any of the n instruments? With n == 0, every headline does. */
bool news_report_wanted(const struct headline *h, const struct instrument *in, size_t n);

/* The wanted headlines of l, newest first (as l is): title, source,
 * publisher, url, time in ISO 8601 at UTC+8 (Hong Kong), symbols. Table:
 * one line per headline and its link indented on the next; JSON: an
 * array of objects, unknown fields null. Pure. */
void news_report_write(FILE *fp, enum report_format fmt, const struct news_list *l,
		       const struct instrument *in, size_t n);

/* "0700,9988" */
void news_report_tags(const struct headline *h, char *buf, size_t len);

/* hktop --news: fetch every source once, print the merged headlines (only
 * those tagged with one of only[0..nonly) when nonly > 0) and return the
 * exit status: 0 all sources answered, 1 any failed (causes on stderr), 2
 * no source is on. */
int news_report_print(const struct options *o, enum report_format fmt,
		    const struct instrument *only, size_t nonly);

#endif
