/* args.h - the command line: its options, their checks and --help */
#ifndef HKTOP_ARGS_H
#define HKTOP_ARGS_H

#include <stdbool.h>
#include <stddef.h>

#include "cli/quote_report.h"
#include "net/series_fetch.h"

enum exit_status { EXIT_OK = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

struct cli {
	const char *config;        /* -c FILE */
	const char **overrides;    /* -o KEY=VALUE, in order */
	size_t noverrides;
	bool once;
	bool portfolio;            /* --portfolio */
	bool news;                 /* --news */
	bool check_alerts;         /* --check-alerts */
	bool demo;
	bool dump_config;
	enum report_format format;
	bool format_given;
	const char *log;
	const char *series;        /* --series RANGE */
	const char *record;        /* --record DIR */
	const char *replay;        /* --replay DIR */
	const char *list;          /* --list NAME */
	enum series_range range;
	char **symbols;            /* positional */
	size_t nsymbols;
};

/* Read argv into *cli (pointers into argv). EXIT_OK to go on; else the
 * status to exit with, --help and --version printed, a usage error said
 * on stderr. */
int args_parse(int argc, char **argv, struct cli *cli);

#endif
