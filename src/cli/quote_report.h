/* quote_report.h - quotes as text for --once: an aligned table, JSON or CSV */
#ifndef HKTOP_QUOTE_REPORT_H
#define HKTOP_QUOTE_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "model/position.h"
#include "model/quote.h"

enum report_format { REPORT_TABLE, REPORT_JSON, REPORT_CSV };

/* Parse "table", "json" or "csv". */
bool quote_report_format_parse(const char *s, enum report_format *out);

/* Write one row per result, in order. zh picks Chinese names for the
 * table. Figures are printed with the decimals their source used;
 * unknown ones are null (JSON), empty (CSV) or blank (table). */
void quote_report_write(FILE *fp, enum report_format fmt, const struct quote_result *res,
		  size_t n, bool zh);

/* The same, with a "position" object (JSON) or position_ columns (CSV,
 * when held has positions) for each symbol held (NULL: none), valued by
 * the caller. The table is the same as without. */
void quote_report_write_held(FILE *fp, enum report_format fmt, const struct quote_result *res,
			     size_t n, bool zh, const struct position_book *held);

/* Pieces the position report shares: a figure as a JSON number (null when
 * !ok), text as a JSON string (null when empty), and one CSV field (text
 * from outside is guarded against spreadsheet formulas), then ',' or, when
 * last, '\n'. */
struct cJSON *quote_report_json_num(struct num n);
struct cJSON *quote_report_json_str(const char *s);
void quote_report_csv(FILE *fp, const char *s, bool text, bool last);

#endif
