/* portfolio.h - --portfolio, and the positions --once reports with its quotes */
#ifndef HKTOP_PORTFOLIO_H
#define HKTOP_PORTFOLIO_H

#include <stdbool.h>
#include <time.h>

#include "cli/quote_report.h"
#include "config/options.h"
#include "config/positions.h"

/* This run's clock (base/hkclock.h): HKTOP_NOW (seconds since the epoch, for
 * tests), a replay's, or now. */
time_t portfolio_now(void);

/* Read the positions file: what was wrong with it goes to stderr
 * ("hktop: FILE:LINE: cause"). False when it said something (--portfolio
 * then exits 1 after its report; --once goes by its quotes). */
bool portfolio_open(struct positions_file *pf, const struct options *o, time_t now);

/* Value the positions at the quotes of a --once run (and clear those of
 * instruments not in res: not valued). */
void portfolio_value(struct positions_file *pf, const struct quote_result *res, size_t n,
		     time_t now);

/* --portfolio: fetch the quotes of every position and USD/HKD, print the
 * report, return the --once exit status. */
int portfolio_run(const struct options *o, enum report_format fmt);

#endif
