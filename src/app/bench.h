/* bench.h - start-up time, idle CPU and peak RSS for make bench (tools/bench.sh) */
#ifndef HKTOP_BENCH_H
#define HKTOP_BENCH_H

struct app;

/* After a render: the first one with quotes is the "first full screen". */
void bench_mark(struct app *app);

/* At exit: write the report if $HKTOP_BENCH named a file. */
void bench_report(const struct app *app);

#endif
