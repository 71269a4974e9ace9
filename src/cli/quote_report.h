/* quote_report.h - quotes as text for --once: an aligned table, JSON or CSV */
#ifndef HKTOP_QUOTE_REPORT_H
#define HKTOP_QUOTE_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "model/quote.h"

enum report_format { REPORT_TABLE, REPORT_JSON, REPORT_CSV };

/* Parse "table", "json" or "csv". */
bool quote_report_format_parse(const char *s, enum report_format *out);

/* Write one row per result, in order. zh picks Chinese names for the
 * table. Figures are printed with the decimals their source used;
 * unknown ones are null (JSON), empty (CSV) or blank (table). */
void quote_report_write(FILE *fp, enum report_format fmt, const struct quote_result *res,
		  size_t n, bool zh);

#endif
