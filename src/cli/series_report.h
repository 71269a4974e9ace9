/* series_report.h - `hktop --series`: a chart's bars as CSV or JSON
 *
 * Pure: the formatter writes to a FILE and touches nothing else. */
#ifndef HKTOP_SERIES_REPORT_H
#define HKTOP_SERIES_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "model/series.h"

enum series_format { SERIES_CSV, SERIES_JSON };

/* csv: a header "time,open,high,low,close,volume", then a line a bar.
 * json: {"symbol","range","source","interval","prev_close","bars":[...]}
 * with a bar an object a line. Times are ISO 8601 with the exchange's UTC
 * offset ("2026-08-07T09:30:00+08:00"), prices carry the source's
 * decimals, an unknown volume (or previous close) is empty in CSV and
 * null in JSON. A single-price series (Tencent's minute line) has open =
 * high = low = close. */
void series_report_write(FILE *fp, enum series_format fmt, const struct series *s,
			 enum series_range r);

#endif
