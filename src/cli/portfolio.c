/* portfolio.c - --portfolio, and the positions --once reports with its quotes
 *
 * One pass of the loop: the positions' quotes and Yahoo's USD/HKD are
 * fetched side by side on one multi handle, valued when both are in, and
 * printed. Nothing is written: the positions file is only read here. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/fetch_config.h"
#include "app/recording.h"
#include "base/hkclock.h"
#include "base/hktime.h"
#include "cli/portfolio.h"
#include "cli/position_report.h"
#include "model/adr.h"
#include "net/http.h"
#include "net/quote_fetch.h"
#include "net/series_fetch.h"

enum { EXIT_OK = 0, EXIT_FAILED = 1 };

time_t portfolio_now(void)
{
	return hkclock_wall(); /* HKTOP_NOW, or a replay's clock */
}

bool portfolio_open(struct positions_file *pf, const struct options *o, time_t now)
{
	bool ok = positions_file_open(pf, o->positions_file, hktime_day(now, HKT_OFFSET));

	if (!ok)
		fprintf(stderr, "hktop: %s\n", pf->err);
	for (size_t i = 0; i < pf->doc.nbad && i < POSITIONS_BAD_NAMED; i++)
		fprintf(stderr, "hktop: %s (skipped; kept in the file)\n", pf->doc.bad[i]);
	if (pf->doc.nbad > POSITIONS_BAD_NAMED)
		fprintf(stderr, "hktop: %zu more unreadable lines skipped\n",
			pf->doc.nbad - POSITIONS_BAD_NAMED);
	return ok && pf->doc.nbad == 0;
}

void portfolio_value(struct positions_file *pf, const struct quote_result *res, size_t n,
		     time_t now)
{
	for (size_t i = 0; i < pf->book.n; i++) {
		struct position *p = &pf->book.v[i];

		position_value(p, NULL, "not fetched", now);
		for (size_t k = 0; k < n; k++)
			if (symbol_equal(&res[k].q.in, &p->in)) {
				position_value(p, res[k].ok ? &res[k].q : NULL, res[k].err, now);
				break;
			}
	}
}

struct run {
	struct fetch_config fc;    /* the quote fetch reads it until it is done */
	struct positions_file pf;
	enum report_format fmt;
	time_t now;
	int status;
	bool quotes_in;
	struct num usdhkd;
	char fx_why[SERIES_ERR_MAX];
};

static void on_quotes(void *arg, const struct quote_result *res, size_t n)
{
	struct run *r = arg;

	r->now = portfolio_now(); /* a replay's clock: the recording's */
	portfolio_value(&r->pf, res, n, r->now);
	r->quotes_in = true;
	for (size_t i = 0; i < n; i++)
		if (!res[i].ok) {
			fprintf(stderr, "hktop: %s: %s\n", res[i].q.in.display, res[i].err);
			r->status = EXIT_FAILED;
		}
}

static void on_rate(void *arg, bool ok, struct series *s, bool cancelled)
{
	struct run *r = arg;

	if (ok && s->n) {
		r->usdhkd = s->v[s->n - 1].close;
	} else if (!cancelled) {
		snprintf(r->fx_why, sizeof r->fx_why, "%s", s->err[0] ? s->err : "no USD/HKD rate");
		fprintf(stderr, "hktop: USD/HKD: %s\n", r->fx_why);
		r->status = EXIT_FAILED;
	}
	series_done(s);
}

static bool start(struct run *r, struct http *h, const struct options *o)
{
	struct seriesfetch_config sc = { o->tencent_chart_url, o->yahoo_url, o->timeout * 1000,
					 (size_t)o->max_body, false };
	struct instrument *in = calloc(r->pf.book.n, sizeof *in);
	char err[256];
	bool ok;

	if (!in) {
		fprintf(stderr, "hktop: out of memory\n");
		return false;
	}
	for (size_t i = 0; i < r->pf.book.n; i++)
		in[i] = r->pf.book.v[i].in;
	fetch_config_init(&r->fc, o);
	ok = quote_fetch_start(h, &r->fc, in, r->pf.book.n, on_quotes, r, err, sizeof err);
	free(in);
	if (!ok) {
		fprintf(stderr, "hktop: %s\n", err);
		return false;
	}
	if (!series_fetch_start(h, &sc, &adr_usdhkd, SERIES_1D, on_rate, r, r->fx_why,
				sizeof r->fx_why)) {
		fprintf(stderr, "hktop: USD/HKD: %s\n", r->fx_why);
		r->status = EXIT_FAILED;
	}
	return true;
}

int portfolio_run(const struct options *o, enum report_format fmt)
{
	struct run r = { .fmt = fmt, .status = EXIT_OK };
	struct position_totals t;
	struct http *h;
	char err[256];

	/* --record and --replay first: a replay's clock says what day it is. */
	if (!(h = http_new(o->user_agent, err, sizeof err)) ||
	    !recording_attach(h, o, true, err, sizeof err)) {
		fprintf(stderr, "hktop: %s\n", err);
		if (h)
			http_free(h);
		return EXIT_FAILED;
	}
	r.now = portfolio_now();
	if (!portfolio_open(&r.pf, o, r.now))
		r.status = EXIT_FAILED;
	if (!r.pf.readable || r.pf.book.n == 0) {
		if (r.pf.readable)
			fprintf(stderr, "hktop: %s: no positions\n",
				r.pf.path[0] ? r.pf.path : "no HOME or XDG_CONFIG_HOME");
		http_free(h);
		positions_file_done(&r.pf);
		return EXIT_FAILED;
	}
	if (start(&r, h, o))
		http_run(h);
	else
		r.status = EXIT_FAILED;
	recording_print_notes(h, stderr);
	http_free(h);
	if (r.quotes_in) {
		position_totals(&r.pf.book, r.usdhkd, r.fx_why, &t);
		position_report_write(stdout, fmt, &r.pf.book, &t);
	}
	positions_file_done(&r.pf);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("hktop: stdout");
		return EXIT_FAILED;
	}
	return r.status;
}
