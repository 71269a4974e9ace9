/* main.c - command line, configuration, and the choice of what to run */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/fetch_config.h"
#include "app/recording.h"
#include "config/conffile.h"
#include "net/quote_fetch.h"
#include "net/http.h"
#include "base/log.h"
#include "net/news_fetch.h"
#include "config/options.h"
#include "cli/alert_report.h"
#include "cli/args.h"
#include "cli/news_report.h"
#include "cli/portfolio.h"
#include "cli/quote_report.h"
#include "cli/series_report.h"
#include "net/series_fetch.h"
#include "feeds/quote_source.h"
#include "config/state.h"
#include "base/text.h"
#include "tui/ui.h"


/* Table defaults, built-in hktoprc, config file, -o, then SYMBOLs; then
 * the one rule for the watchlist (state_list_choose) decides whether the
 * saved list replaces it. */
static int load_settings(const struct cli *cli, struct options *o, struct causes *causes,
			 struct state_lists *lists)
{
	struct state_list main_list;
	const struct state_list *cur;
	char err[STATE_MSG_MAX];
	int rc = EXIT_OK;
	bool option_list = false, usage, ok,
	     dashboard = !cli->once && !cli->dump_config && !cli->series && !cli->news;

	options_init(o);
	conffile_load_all(o, cli->config, causes);
	for (size_t i = 0; i < cli->noverrides; i++) {
		unsigned sets = o->watchlist_sets;

		if (!options_set_pair(o, cli->overrides[i], err, sizeof err))
			conffile_causes_add(causes, "-o: %s", err);
		option_list = option_list || o->watchlist_sets != sets;
		o->columns_option |= strncmp(cli->overrides[i], "columns", 7) == 0 &&
				     cli->overrides[i][7] && strchr("= \t", cli->overrides[i][7]);
	}
	if (cli->nsymbols) {
		struct instrument *list = calloc(cli->nsymbols, sizeof *list);
		size_t n = 0;

		if (!list)
			return EXIT_FAILED;
		for (size_t i = 0; i < cli->nsymbols; i++) {
			if (!symbol_parse(cli->symbols[i], &list[n], err, sizeof err)) {
				fprintf(stderr, "hktop: %s\n", err);
				rc = EXIT_USAGE;
				continue;
			}
			n++;
		}
		if (!symbol_dedup(list, &n)) {
			free(list);
			return EXIT_FAILED;
		}
		free(o->watchlist);
		o->watchlist = list;
		o->nwatch = n;
		o->cli_symbols = true;
	}
	if (!state_list_choose(&main_list, cli->nsymbols ? LIST_ARGS
				      : option_list ? LIST_OPTION
				      : o->watchlist_from[0] ? LIST_CONFIG : LIST_DEFAULT,
			       o->watchlist_from, &o->watchlist, &o->nwatch))
		return EXIT_FAILED;
	/* The named lists beside it; the dashboard shows the one it showed
	 * last, a script main, unless --list says. A list given for this run
	 * (SYMBOLs, -o watchlist) is main, and shown. */
	ok = state_lists_open(lists, &main_list, o->watchlist, o->nwatch, &o->lists, cli->list,
			      dashboard && main_list.origin < LIST_OPTION, &usage, err, sizeof err);
	state_list_done(&main_list);
	if (!ok) {
		char shown[sizeof err];

		text_sanitize(shown, sizeof shown, err, strlen(err));
		fprintf(stderr, "hktop: %s%s\n", usage ? "--list: " : "", shown);
		return usage ? EXIT_USAGE : EXIT_FAILED;
	}
	/* o->watchlist is the list of this run: the one shown. */
	cur = &lists->v[lists->cur];
	if (lists->cur != 0 && !cli->dump_config) {
		struct instrument *v = cur->n ? malloc(cur->n * sizeof *v) : NULL;

		if (cur->n && !v)
			return EXIT_FAILED;
		if (cur->n)
			memcpy(v, cur->v, cur->n * sizeof *v);
		free(o->watchlist);
		o->watchlist = v;
		o->nwatch = cur->n;
	}
	return rc;
}

/* The scripted modes' last step: run the transfers to their end, then make
 * sure what was printed reached stdout. *status is set by the callbacks. */
static int run_to_end(struct http *h, const int *status)
{
	http_run(h);
	recording_print_notes(h, stderr);
	http_free(h);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("hktop: stdout");
		return EXIT_FAILED;
	}
	return *status;
}

struct once_state {
	const struct options *o;
	enum report_format format;
	int status;
	struct positions_file pf;  /* the symbols held get a position object */
	time_t now;
};

static void once_done(void *arg, const struct quote_result *res, size_t n)
{
	struct once_state *st = arg;
	bool zh = st->o->names == NAMES_ZH;
	char need[128];

	/* The table pads names by display width, which only a UTF-8 locale
	 * knows for Chinese; JSON and CSV are UTF-8 whatever the locale. */
	if (zh && st->format == REPORT_TABLE && !ui_locale_cjk(need, sizeof need)) {
		fprintf(stderr, "hktop: names = zh needs %s; English names shown\n", need);
		zh = false;
	}
	/* The day's P&L is today's by the clock the quotes came on: in a
	 * replay the recording's, set only once the recording is open. */
	st->now = portfolio_now();
	portfolio_value(&st->pf, res, n, st->now);
	quote_report_write_held(stdout, st->format, res, n, zh, &st->pf.book);
	fflush(stdout); /* the report first, then the causes */
	st->status = EXIT_OK;
	for (size_t i = 0; i < n; i++)
		if (!res[i].ok) {
			fprintf(stderr, "hktop: %s: %s\n", res[i].q.in.display, res[i].err);
			st->status = EXIT_FAILED;
		}
}

static int run_once(const struct options *o, enum report_format format, const char *list)
{
	struct fetch_config fc;
	struct once_state st = { o, format, EXIT_FAILED, { .readable = false }, 0 };
	struct http *h;
	char err[256];
	int rc;

	if (o->nwatch == 0) {
		fprintf(stderr, "hktop: the %s is empty\n", list ? "list" : "watchlist");
		return EXIT_USAGE;
	}
	if (!(h = http_new(o->user_agent, err, sizeof err))) {
		fprintf(stderr, "hktop: %s\n", err);
		return EXIT_FAILED;
	}
	fetch_config_init(&fc, o);
	if (!recording_attach(h, o, true, err, sizeof err)) {
		fprintf(stderr, "hktop: %s\n", err);
		http_free(h);
		return EXIT_FAILED;
	}
	st.now = portfolio_now(); /* after the replay's clock is set */
	/* What is wrong with the positions file is said; the quotes decide
	 * the exit status. */
	(void)portfolio_open(&st.pf, o, st.now);
	if (!quote_fetch_start(h, &fc, o->watchlist, o->nwatch, once_done, &st, err, sizeof err)) {
		fprintf(stderr, "hktop: %s\n", err);
		http_free(h);
		positions_file_done(&st.pf);
		return EXIT_FAILED;
	}
	rc = run_to_end(h, &st.status);
	positions_file_done(&st.pf);
	return rc;
}

struct series_state {
	enum series_format format;
	enum series_range range;
	int status;
};

static void on_series(void *arg, bool ok, struct series *s, bool cancelled)
{
	struct series_state *st = arg;

	if (ok) {
		series_report_write(stdout, st->format, s, st->range);
		st->status = EXIT_OK;
	} else if (!cancelled) {
		fprintf(stderr, "hktop: %s\n", s->err);
	}
	series_done(s);
}

/* --series: one chart, printed; the exit codes of --once. */
static int run_series(const struct options *o, const struct cli *cli)
{
	struct series_state st = { cli->format == REPORT_JSON ? SERIES_JSON : SERIES_CSV,
				   cli->range, EXIT_FAILED };
	struct seriesfetch_config c = { o->tencent_chart_url, o->yahoo_url, o->timeout * 1000,
					(size_t)o->max_body, o->chart_failover };
	struct http *h;
	char err[SERIES_ERR_MAX];

	if (!(h = http_new(o->user_agent, err, sizeof err))) {
		fprintf(stderr, "hktop: %s\n", err);
		return EXIT_FAILED;
	}
	if (!recording_attach(h, o, true, err, sizeof err) ||
	    !series_fetch_start(h, &c, &o->watchlist[0], cli->range, on_series, &st, err,
			       sizeof err)) {
		fprintf(stderr, "hktop: %s\n", err);
		http_free(h);
		return EXIT_FAILED;
	}
	return run_to_end(h, &st.status);
}

static int dump_config(const struct options *o, const struct state_lists *lists)
{
	const struct state_list *saved = &lists->v[0];
	size_t cap = 256;
	char *buf = malloc(cap);

	for (size_t i = 0; buf && i < options_count; i++) {
		size_t need = options_format(o, &options_table[i], buf, cap);
		if (need >= cap) {
			char *grown = realloc(buf, need + 1);
			if (!grown) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = grown;
			cap = need + 1;
			options_format(o, &options_table[i], buf, cap);
		}
		if (options_table[i].offset == offsetof(struct options, watchlist)) {
			char from[sizeof saved->from + 32], shown[sizeof from];

			/* A path with a newline must not end the comment. */
			state_list_describe(saved, from, sizeof from);
			text_sanitize(shown, sizeof shown, from, strlen(from));
			printf("# watchlist: %s\n", shown);
		}
		printf("%s = %s\n", options_table[i].name, buf);
	}
	/* The named lists as the config would set them, each with where it
	 * came from, as the watchlist's. */
	for (size_t k = 1; buf && k < lists->n; k++) {
		const struct state_list *s = &lists->v[k];
		char from[sizeof s->from + 32], shown[sizeof from];

		state_list_describe(s, from, sizeof from);
		text_sanitize(shown, sizeof shown, from, strlen(from));
		printf("# list %s: %s\nlist.%s =", s->name, shown, s->name);
		for (size_t i = 0; i < s->n; i++)
			printf(" %s", s->v[i].display);
		putchar('\n');
	}
	if (!buf) {
		fprintf(stderr, "hktop: out of memory\n");
		return EXIT_FAILED;
	}
	free(buf);
	return EXIT_OK;
}

/* The dashboard was stopped by a signal: with the terminal given back and
 * everything closed, end by that signal, so that a shell or a supervisor
 * sees it (a shell loop stops on ^C) and never reads it as success.
 * SIGQUIT would dump the core of a process that ended cleanly: 128 + n
 * instead, the status a shell gives a death by signal. */
static int end_by_signal(int sig)
{
	sigset_t set;

	fflush(NULL);
	if (sig != SIGQUIT) {
		signal(sig, SIG_DFL);
		sigemptyset(&set);
		sigaddset(&set, sig);
		sigprocmask(SIG_UNBLOCK, &set, NULL);
		raise(sig);
	}
	return 128 + sig;
}

/* The user's locale, but with '.' in figures. When it is not installed
 * (LANG=en_US.UTF-8 in a bare container) setlocale fails and leaves the
 * C locale, whose ASCII would draw every CJK character as '?'; a name
 * that asks for UTF-8 gets its characters from C.UTF-8 instead. */
static void set_locale(void)
{
	if (!setlocale(LC_ALL, "") && !setlocale(LC_CTYPE, "") &&
	    ui_locale_name_is_utf8(ui_locale_env()))
		setlocale(LC_CTYPE, "C.UTF-8");
	/* Figures print with '.', whatever the user's locale: a decimal comma
	 * would turn 478.800 into 478,800. */
	setlocale(LC_NUMERIC, "C");
}

/* GnuTLS comes into the process with Debian's libcurl (librtmp links it)
 * but never serves hktop: transfers are limited to http and https, which
 * that libcurl does with OpenSSL. Yet its library constructor initialises
 * it at load (ASN.1 trees, random pool, p11-kit modules): 0.7 MiB
 * resident, a twelfth of the dashboard's whole memory at 40 symbols.
 * GnuTLS lets a program turn that implicit start off by defining this
 * hook (GNUTLS_NO_IMPLICIT_INIT=1 in the environment does the same). An
 * explicit gnutls_global_init() still works, so a libcurl built on GnuTLS,
 * which calls it from curl_global_init(), is unaffected. The executable's
 * definition wins over GnuTLS's weak one at load time. */
int _gnutls_global_init_skip(void);
int _gnutls_global_init_skip(void)
{
	return 1;
}

int main(int argc, char **argv)
{
	struct cli cli;
	struct options o;
	struct causes causes = { 0 };
	struct state_lists lists = { 0 };
	int rc, sig = 0;

	set_locale();
	rc = args_parse(argc, argv, &cli);
	if (rc != EXIT_OK) {
		free(cli.overrides);
		return rc;
	}
	if (cli.log && !log_open(cli.log)) {
		perror(cli.log);
		free(cli.overrides);
		return EXIT_USAGE;
	}
	rc = load_settings(&cli, &o, &causes, &lists);
	o.record_dir = cli.record;
	o.replay_dir = cli.replay;
	if (rc == EXIT_OK && !cli.once && !cli.dump_config && !cli.series && !cli.news &&
	    !cli.check_alerts && !cli.portfolio) {
		/* The dashboard carries on and shows config complaints and what
		 * was wrong with the saved list itself. */
		rc = app_run(&o, &causes, &lists, cli.demo, &sig);
	} else {
		for (size_t i = 0; i < causes.n; i++)
			fprintf(stderr, "hktop: %s\n", causes.v[i]);
		/* The saved list's troubles are said, but stop nothing: the
		 * readable part of it, or the config's list, is used. --once
		 * says those of the list it prints, --dump-config of all. */
		for (size_t k = 0; (cli.once || cli.dump_config) && k < lists.n; k++)
			for (size_t i = 0; (cli.dump_config || k == lists.cur) && i < lists.v[k].nnotes;
			     i++)
				fprintf(stderr, "hktop: %s\n", lists.v[k].notes[i]);
		for (size_t i = 0; (cli.once || cli.dump_config) && i < lists.nnotes; i++)
			fprintf(stderr, "hktop: %s\n", lists.notes[i]);
		/* A scripted run must not go ahead on a config it misread. */
		if (causes.n && rc == EXIT_OK)
			rc = EXIT_USAGE;
		if (rc == EXIT_OK) {
			if (cli.dump_config)
				rc = dump_config(&o, &lists);
			else if (cli.series)
				rc = run_series(&o, &cli);
			else if (cli.check_alerts)
				rc = alert_report_check(&o, cli.format);
			else if (cli.portfolio)
				rc = portfolio_run(&o, cli.format);
			else if (cli.news)
				rc = news_report_print(&o, cli.format, o.watchlist,
						     cli.nsymbols ? o.nwatch : 0);
			else
				rc = run_once(&o, cli.format, cli.list);
		}
	}
	conffile_causes_done(&causes);
	state_lists_done(&lists);
	options_done(&o);
	free(cli.overrides);
	log_close();
	return sig ? end_by_signal(sig) : rc;
}
