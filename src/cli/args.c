/* args.c - the command line: its options, their checks and --help */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "cli/args.h"
#include "config/options.h"

static void usage(FILE *fp)
{
	fprintf(fp,
		"Usage: hktop [OPTION]... [SYMBOL]...\n"
		"Live Hong Kong quotes for Chinese tech stocks in the terminal.\n"
		"\n"
		"  -c, --config=FILE      read FILE instead of ~/.config/hktop/config\n"
		"  -o, --option=KEY=VALUE set a config key for this run (repeatable)\n"
		"      --demo             run offline on a simulated trading day (labelled\n"
		"                         DEMO; -o demo.start=HH:MM, -o demo.speed=N; keys\n"
		"                         z pause, . step a minute)\n"
		"      --once             fetch quotes once, print them and exit\n"
		"      --portfolio        fetch the quotes of the positions file once, print\n"
		"                         every position and the totals and exit\n"
		"      --news             fetch headlines once, print them and exit; with\n"
		"                         SYMBOLs only those tagged with them\n"
		"      --series=RANGE     print SYMBOL's chart bars and exit; RANGE is 1D, 5D,\n"
		"                         1M, 3M, 6M, 1Y or 5Y\n"
		"      --format=FORMAT    output of --once and --portfolio: table (default),\n"
		"                         json or csv;\n"
		"                         of --series: csv (default) or json;\n"
		"                         of --news: table (default) or json\n"
		"      --record=DIR       write every response received into DIR\n"
		"      --replay=DIR       play DIR's recording, no network (keys z pause,\n"
		"                         . step, J jump; -o replay.speed=N, replay.start=T)\n"
		"      --list=NAME        show the list called NAME (list.NAME in the config,\n"
		"                         or made on screen); --once prints it\n"
		"      --check-alerts     fetch once, print the alerts that fire now, record\n"
		"                         them and exit (for cron); --format table or json\n"
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

int args_parse(int argc, char **argv, struct cli *cli)
{
	enum { OPT_ONCE = 256, OPT_FORMAT, OPT_DUMP, OPT_LOG, OPT_DEMO, OPT_SERIES, OPT_NEWS,
	       OPT_RECORD, OPT_REPLAY, OPT_LIST, OPT_CHECK_ALERTS, OPT_PORTFOLIO };
	static const struct option longopts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "option", required_argument, NULL, 'o' },
		{ "once", no_argument, NULL, OPT_ONCE },
		{ "portfolio", no_argument, NULL, OPT_PORTFOLIO },
		{ "series", required_argument, NULL, OPT_SERIES },
		{ "demo", no_argument, NULL, OPT_DEMO },
		{ "news", no_argument, NULL, OPT_NEWS },
		{ "check-alerts", no_argument, NULL, OPT_CHECK_ALERTS },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "dump-config", no_argument, NULL, OPT_DUMP },
		{ "log", required_argument, NULL, OPT_LOG },
		{ "record", required_argument, NULL, OPT_RECORD },
		{ "replay", required_argument, NULL, OPT_REPLAY },
		{ "list", required_argument, NULL, OPT_LIST },
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
		case OPT_PORTFOLIO:
			cli->portfolio = true;
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
		case OPT_CHECK_ALERTS:
			cli->check_alerts = true;
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
		case OPT_RECORD:
			cli->record = optarg;
			break;
		case OPT_REPLAY:
			cli->replay = optarg;
			break;
		case OPT_LIST:
			cli->list = optarg;
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
	if (cli->demo && (cli->record || cli->replay)) {
		fprintf(stderr, "hktop: --demo makes its data up: not with %s, which is for live quotes\n",
			cli->record ? "--record" : "--replay");
		return EXIT_USAGE;
	}
	if ((cli->record || cli->replay) && (cli->dump_config || (cli->record && cli->replay))) {
		fprintf(stderr, "hktop: --record and --replay go one at a time, not with --dump-config\n");
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
	if (cli->portfolio && cli->demo) {
		fprintf(stderr, "hktop: --demo is for the dashboard; "
				"--portfolio values the positions at live quotes only\n");
		return EXIT_USAGE;
	}
	if (cli->portfolio && (cli->once || cli->series || cli->news ||
			       cli->check_alerts || cli->dump_config || optind != argc)) {
		fprintf(stderr, "hktop: --portfolio goes alone, without SYMBOLs\n");
		return EXIT_USAGE;
	}
	if (cli->check_alerts && (cli->once || cli->demo || cli->series || cli->news ||
				  cli->dump_config || optind != argc)) {
		fprintf(stderr, "hktop: --check-alerts goes alone, with no SYMBOLs\n");
		return EXIT_USAGE;
	}
	/* A replay's firings are a past day's: recorded as now, once and
	 * daily rules would stay quiet when the day comes. */
	if (cli->check_alerts && cli->replay) {
		fprintf(stderr, "hktop: --check-alerts checks the market now and records what fires: "
			"not with --replay (play it in the dashboard: hktop --replay DIR)\n");
		return EXIT_USAGE;
	}
	if (cli->check_alerts && cli->format_given && cli->format == REPORT_CSV) {
		fprintf(stderr, "hktop: --check-alerts prints a table or json\n");
		return EXIT_USAGE;
	}
	if (cli->format_given && !cli->once && !cli->series && !cli->news && !cli->check_alerts &&
	    !cli->portfolio) {
		fprintf(stderr, "hktop: --format only applies to --once, --portfolio, --series, --news and "
			"--check-alerts\n");
		return EXIT_USAGE;
	}
	if (cli->list && (optind < argc || cli->series || cli->news || cli->portfolio)) {
		fprintf(stderr, "hktop: --list picks the list SYMBOLs would replace; not with SYMBOLs, "
			"--series, --news or --portfolio\n");
		return EXIT_USAGE;
	}
	cli->symbols = argv + optind;
	cli->nsymbols = (size_t)(argc - optind);
	return EXIT_OK;
}
