/* alert_report.h - hktop --check-alerts: fetch once, print the alerts that
 * fire now, record them */
#ifndef HKTOP_ALERT_REPORT_H
#define HKTOP_ALERT_REPORT_H

#include <stdio.h>

#include "cli/quote_report.h"
#include "config/alert_file.h"
#include "config/options.h"

/* The firings ev[0..n) of f's rules: a table (time, symbol, rule, price,
 * message) or a JSON array of objects. Pure. */
void alert_report_write(FILE *fp, enum report_format fmt, const struct alert_file *f,
			const struct alert_event *ev, size_t n);

/* hktop --check-alerts: read the rules and their firings, fetch a quote
 * for every name they concern ("*": the watchlist), print what fires now
 * (once and daily as recorded), record it. Returns 0 when every symbol
 * had a quote, 1 when any failed, 2 for a rules file that cannot be read
 * or has a bad line (the other rules are still checked). */
int alert_report_check(const struct options *o, enum report_format fmt);

#endif
