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
#include "config/conffile.h"
#include "net/quote_fetch.h"
#include "net/http.h"
#include "base/log.h"
#include "net/news_fetch.h"
#include "config/options.h"
#include "cli/news_report.h"
#include "cli/quote_report.h"
#include "cli/series_report.h"
#include "net/series_fetch.h"
#include "feeds/quote_source.h"
#include "config/state.h"
#include "base/text.h"
#include "tui/ui.h"

enum exit_status { EXIT_OK = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

struct cli {
	const char *config;        /* -c FILE */
	const char **overrides;    /* -o KEY=VALUE, in order */
	size_t noverrides;
	bool once;
	bool news;                 /* --news */
	bool demo;
	bool dump_config;
	enum report_format format;
	bool format_given;
	const char *log;
	const char *series;        /* --series RANGE */
	enum series_range range;
	char **symbols;            /* positional */
	size_t nsymbols;
};

static void usage(FILE *fp)
{
	fprintf(fp,
		"Usage: hktop [OPTION]... [SYMBOL]...\n"
		"Live Hong Kong quotes for Chinese tech stocks in the terminal.\n"
		"\n"
		"  -c, --config=FILE      read FILE instead of ~/.config/hktop/config\n"
		"  -o, --option=KEY=VALUE set a config key for this run (repeatable)\n"
		"      --demo             run offline on a simulated market (labelled DEMO)\n"
		"      --once             fetch quotes once, print them and exit\n"
		"      --news             fetch headlines once, print them and exit; with\n"
		"                         SYMBOLs only those tagged with them\n"
		"      --series=RANGE     print SYMBOL's chart bars and exit; RANGE is 1D, 5D,\n"
		"                         1M, 3M, 6M, 1Y or 5Y\n"
		"      --format=FORMAT    output of --once: table (default), json or csv;\n"
		"                         of --series: csv (default) or json;\n"
		"                         of --news: table (default) or json\n"
		"      --dump-config      print the effective configuration and exit\n"
		"      --log=FILE         append a debug log to FILE\n"
		"  -h, --help             display this help and exit\n"
		"  -V, --version          output version information and exit\n"
		"\n"
		"SYMBOLs replace the watchlist for this run. Accepted forms: 700, 0700,\n"
		"00700, 0700.HK, hk00700, HK.00700 (stocks); HSI, HSTECH, HSCEI, ^HSI\n"
		"(indexes); BABA, BIDU, usBABA (US ADRs).\n"
		"The watchlist is the first of: SYMBOLs, -o watchlist=..., the list saved\n"
		"by editing it on screen, the config's watchlist, the default.\n"
		"\n"
		"Configuration keys (config file lines \"KEY = VALUE\", or -o KEY=VALUE):\n");
	options_print_help(fp);
	fprintf(fp,
		"\n"
		"Exit status: 0 if every symbol has a quote (--series: the chart came;\n"
		"--news: every headline source answered), 1 if any failed,\n"
		"2 on a usage or configuration error. The dashboard: 0 when quit, else\n"
		"ended by the signal that stopped it.\n"
		"\n"
		"Quotes from free services are usually delayed about 15 minutes; hktop\n"
		"shows each quote's own time. Full documentation: man hktop\n");
}

static int parse_args(int argc, char **argv, struct cli *cli)
{
	enum { OPT_ONCE = 256, OPT_FORMAT, OPT_DUMP, OPT_LOG, OPT_DEMO, OPT_SERIES, OPT_NEWS };
	static const struct option longopts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "option", required_argument, NULL, 'o' },
		{ "once", no_argument, NULL, OPT_ONCE },
		{ "series", required_argument, NULL, OPT_SERIES },
		{ "demo", no_argument, NULL, OPT_DEMO },
		{ "news", no_argument, NULL, OPT_NEWS },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "dump-config", no_argument, NULL, OPT_DUMP },
		{ "log", required_argument, NULL, OPT_LOG },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	char err[256];

	memset(cli, 0, sizeof *cli);
	if (!(cli->overrides = calloc((size_t)argc + 1, sizeof *cli->overrides)))
		return EXIT_FAILED;
	while ((c = getopt_long(argc, argv, "c:o:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			cli->config = optarg;
			break;
		case 'o':
			cli->overrides[cli->noverrides++] = optarg;
			break;
		case OPT_ONCE:
			cli->once = true;
			break;
		case OPT_DEMO:
			cli->demo = true;
			break;
		case OPT_SERIES:
			if (!series_range_parse(optarg, &cli->range)) {
				text_quote_error(err, sizeof err, optarg,
						 "not a range (1D, 5D, 1M, 3M, 6M, 1Y or 5Y)");
				fprintf(stderr, "hktop: --series: %s\n", err);
				return EXIT_USAGE;
			}
			cli->series = optarg;
			break;
		case OPT_NEWS:
			cli->news = true;
			break;
		case OPT_FORMAT:
			if (!quote_report_format_parse(optarg, &cli->format)) {
				text_quote_error(err, sizeof err, optarg, "not a format (table, json or csv)");
				fprintf(stderr, "hktop: --format: %s\n", err);
				return EXIT_USAGE;
			}
			cli->format_given = true;
			break;
		case OPT_DUMP:
			cli->dump_config = true;
			break;
		case OPT_LOG:
			cli->log = optarg;
			break;
		case 'h':
			usage(stdout);
			exit(ferror(stdout) ? EXIT_FAILED : EXIT_OK);
		case 'V':
			printf("hktop %s\n", PACKAGE_VERSION);
			exit(EXIT_OK);
		default:
			fprintf(stderr, "Try 'hktop --help' for more information.\n");
			return EXIT_USAGE;
		}
	}
	if (cli->demo && cli->once) {
		fprintf(stderr, "hktop: --demo is for the dashboard; --once prints live quotes only\n");
		return EXIT_USAGE;
	}
	if (cli->series && (cli->once || cli->demo || cli->dump_config)) {
		fprintf(stderr, "hktop: --series goes alone, not with --once, --demo or --dump-config\n");
		return EXIT_USAGE;
	}
	if (cli->series && optind + 1 != argc) {
		fprintf(stderr, "hktop: --series takes exactly one SYMBOL\n");
		return EXIT_USAGE;
	}
	if (cli->series && cli->format_given && cli->format == REPORT_TABLE) {
		fprintf(stderr, "hktop: --series prints csv or json\n");
		return EXIT_USAGE;
	}
	if (cli->news && (cli->once || cli->demo)) {
		fprintf(stderr, "hktop: --news prints live headlines; not with --once or --demo\n");
		return EXIT_USAGE;
	}
	if (cli->news && cli->format_given && cli->format == REPORT_CSV) {
		fprintf(stderr, "hktop: --news prints a table or json\n");
		return EXIT_USAGE;
	}
	if (cli->news && cli->series) {
		fprintf(stderr, "hktop: --news and --series go one at a time\n");
		return EXIT_USAGE;
	}
	if (cli->format_given && !cli->once && !cli->series && !cli->news) {
		fprintf(stderr, "hktop: --format only applies to --once, --series and --news\n");
		return EXIT_USAGE;
	}
	cli->symbols = argv + optind;
	cli->nsymbols = (size_t)(argc - optind);
	return EXIT_OK;
}

/* Table defaults, built-in hktoprc, config file, -o, then SYMBOLs; then
 * the one rule for the watchlist (state_list_choose) decides whether the
 * saved list replaces it. */
static int load_settings(const struct cli *cli, struct options *o, struct causes *causes,
			 struct state_list *saved)
{
	char err[320];
	int rc = EXIT_OK;
	bool option_list = false;

	options_init(o);
	conffile_load_all(o, cli->config, causes);
	for (size_t i = 0; i < cli->noverrides; i++) {
		unsigned sets = o->watchlist_sets;

		if (!options_set_pair(o, cli->overrides[i], err, sizeof err))
			conffile_causes_add(causes, "-o: %s", err);
		option_list = option_list || o->watchlist_sets != sets;
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
	if (!state_list_choose(saved, cli->nsymbols ? LIST_ARGS
				      : option_list ? LIST_OPTION
				      : o->watchlist_from[0] ? LIST_CONFIG : LIST_DEFAULT,
			       o->watchlist_from, &o->watchlist, &o->nwatch))
		return EXIT_FAILED;
	return rc;
}

/* The scripted modes' last step: run the transfers to their end, then make
 * sure what was printed reached stdout. *status is set by the callbacks. */
static int run_to_end(struct http *h, const int *status)
{
	http_run(h);
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
	quote_report_write(stdout, st->format, res, n, zh);
	fflush(stdout); /* the report first, then the causes */
	st->status = EXIT_OK;
	for (size_t i = 0; i < n; i++)
		if (!res[i].ok) {
			fprintf(stderr, "hktop: %s: %s\n", res[i].q.in.display, res[i].err);
			st->status = EXIT_FAILED;
		}
}

static int run_once(const struct options *o, enum report_format format)
{
	struct fetch_config fc;
	struct once_state st = { o, format, EXIT_FAILED };
	struct http *h;
	char err[256];

	if (o->nwatch == 0) {
		fprintf(stderr, "hktop: the watchlist is empty\n");
		return EXIT_USAGE;
	}
	if (!(h = http_new(o->user_agent, err, sizeof err))) {
		fprintf(stderr, "hktop: %s\n", err);
		return EXIT_FAILED;
	}
	fetch_config_init(&fc, o);
	if (!quote_fetch_start(h, &fc, o->watchlist, o->nwatch, once_done, &st, err, sizeof err)) {
		fprintf(stderr, "hktop: %s\n", err);
		http_free(h);
		return EXIT_FAILED;
	}
	return run_to_end(h, &st.status);
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
	if (!series_fetch_start(h, &c, &o->watchlist[0], cli->range, on_series, &st, err,
			       sizeof err)) {
		fprintf(stderr, "hktop: %s\n", err);
		http_free(h);
		return EXIT_FAILED;
	}
	return run_to_end(h, &st.status);
}

static int dump_config(const struct options *o, const struct state_list *saved)
{
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
	struct state_list saved = { .origin = LIST_DEFAULT };
	int rc, sig = 0;

	set_locale();
	rc = parse_args(argc, argv, &cli);
	if (rc != EXIT_OK) {
		free(cli.overrides);
		return rc;
	}
	if (cli.log && !log_open(cli.log)) {
		perror(cli.log);
		free(cli.overrides);
		return EXIT_USAGE;
	}
	rc = load_settings(&cli, &o, &causes, &saved);
	if (rc == EXIT_OK && !cli.once && !cli.dump_config && !cli.series && !cli.news) {
		/* The dashboard carries on and shows config complaints and what
		 * was wrong with the saved list itself. */
		rc = app_run(&o, &causes, &saved, cli.demo, &sig);
	} else {
		for (size_t i = 0; i < causes.n; i++)
			fprintf(stderr, "hktop: %s\n", causes.v[i]);
		/* The saved list's troubles are said, but stop nothing: the
		 * readable part of it, or the config's list, is used. */
		for (size_t i = 0; (cli.once || cli.dump_config) && i < saved.nnotes; i++)
			fprintf(stderr, "hktop: %s\n", saved.notes[i]);
		/* A scripted run must not go ahead on a config it misread. */
		if (causes.n && rc == EXIT_OK)
			rc = EXIT_USAGE;
		if (rc == EXIT_OK) {
			if (cli.dump_config)
				rc = dump_config(&o, &saved);
			else if (cli.series)
				rc = run_series(&o, &cli);
			else if (cli.news)
				rc = news_report_print(&o, cli.format, o.watchlist,
						     cli.nsymbols ? o.nwatch : 0);
			else
				rc = run_once(&o, cli.format);
		}
	}
	conffile_causes_done(&causes);
	state_list_done(&saved);
	options_done(&o);
	free(cli.overrides);
	log_close();
	return sig ? end_by_signal(sig) : rc;
}
