/* position_report.h - positions as text: the "position" object of --once,
 * and the report of --portfolio (table, JSON or CSV) with its totals */
#ifndef HKTOP_POSITION_REPORT_H
#define HKTOP_POSITION_REPORT_H

#include <stdio.h>

#include "cli/quote_report.h"
#include "model/position.h"

/* A position's figures as a JSON object: symbol first when given, quantity, avg_cost, cost_basis,
 * price, market_value, day_pnl, day_pnl_date, day_pnl_today,
 * total_pnl, total_pnl_pct, currency, lots, board_lot, odd_shares, and
 * error when unvalued (its figures then null). */
struct cJSON *position_report_json(const struct position *p, const char *symbol);

/* The CSV columns of a position, each name after prefix, each after a
 * ','; and a row of them (p NULL: empty), ending the line. */
void position_report_csv_header(FILE *fp, const char *prefix);
void position_report_csv_row(FILE *fp, const struct position *p);

/* --portfolio: every position, then the totals. */
void position_report_write(FILE *fp, enum report_format fmt, const struct position_book *b,
			   const struct position_totals *t);

#endif
