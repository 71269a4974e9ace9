/* bench.c - the figures of `make bench`, written at exit to $HKTOP_BENCH */
#include "config.h"

#include <stdio.h>
#include <sys/resource.h>

#include "app/app.h"
#include "app/bench.h"

static double cpu_seconds(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
	       (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

/* make bench: note when the first full screen is out. */
void bench_mark(struct app *app)
{
	if (!app->bench || app->first_screen_ms || app->refreshes == 0)
		return;
	app->first_screen_ms = app_mono_ms();
	app->first_cpu_s = cpu_seconds();
}

void bench_report(const struct app *app)
{
	struct rusage ru;
	FILE *fp;
	double idle_s = (app_mono_ms() - app->first_screen_ms) / 1000.0;
	unsigned later = app->refreshes > 1 ? app->refreshes - 1 : 0;

	if (!app->bench || !app->first_screen_ms || !(fp = fopen(app->bench, "w")))
		return;
	getrusage(RUSAGE_SELF, &ru);
	fprintf(fp, "symbols %zu\n", app->dash.board.n);
	fprintf(fp, "first_screen_ms %lld\n", app->first_screen_ms - app->start_ms);
	fprintf(fp, "idle_seconds %.1f\n", idle_s);
	fprintf(fp, "idle_cpu_percent %.3f\n",
		idle_s > 0 ? (cpu_seconds() - app->first_cpu_s) / idle_s * 100 : 0);
	fprintf(fp, "peak_rss_kib %ld\n", ru.ru_maxrss);
	fprintf(fp, "refreshes_after_first %u\n", later);
	fclose(fp);
}

