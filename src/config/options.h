/* options.h - the option table: one master copy of every config key */
#ifndef HKTOP_OPTIONS_H
#define HKTOP_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "base/display.h"
#include "config/keys.h"
#include "config/lists.h"
#include "model/symbol.h"

#define OPT_URL_MAX 512
#define OPT_STR_MAX 256
#define OPT_URLS_MAX 2048

enum option_type {
	OPT_INT,     /* whole number within [min, max] */
	OPT_SIZE,    /* bytes, with an optional K or M suffix, within [min, max] */
	OPT_BOOL,    /* yes/no, true/false, on/off, 1/0 */
	OPT_CHOICE,  /* one of choices[] */
	OPT_URL,     /* http:// or https:// base URL, trailing slash dropped */
	OPT_STRING,  /* free text without control characters */
	OPT_SYMBOLS, /* list of symbols separated by spaces or commas */
	OPT_FLAGS,   /* any of choices[], separated by spaces or commas; "none" */
	OPT_URLS,    /* http:// or https:// URLs separated by spaces */
	OPT_CLOCK,   /* HH:MM, kept as the minute of the day */
};

/* Every setting, typed. Filled from the table defaults, then the built-in
 * share/hktoprc, then the user's config file, then -o overrides. */
struct options {
	struct instrument *watchlist; /* owned */
	size_t nwatch;
	long refresh;           /* seconds */
	long timeout;           /* seconds */
	long max_body;          /* bytes */
	int quotes_source;      /* index into quote_source_names */
	bool quotes_failover;
	char tencent_quote_url[OPT_URL_MAX];
	char sina_quote_url[OPT_URL_MAX];
	char tencent_chart_url[OPT_URL_MAX];
	char yahoo_url[OPT_URL_MAX];
	int chart_style;        /* enum chart_style */
	bool chart_failover;
	int names;              /* enum names_lang */
	int colors_up;          /* enum colors_up */
	char user_agent[OPT_STR_MAX];
	long heatmap_bucket;    /* minutes a rally board column spans */
	char columns[OPT_STR_MAX]; /* the watchlist's columns (board_cols_parse) */
	bool columns_option;    /* -o set them: the picker's saved ones are not used */
	bool flash;             /* a changed price flashes */
	int heatmap_area;       /* enum heatmap_area */
	/* Headlines (newsfeed.h) */
	char yahoo_rss_url[OPT_URL_MAX];
	char google_news_url[OPT_URL_MAX];
	char eastmoney_news_url[OPT_URL_MAX];
	unsigned news_sources;  /* bit i: options_news_source_choices[i] */
	char news_feeds[OPT_URLS_MAX];
	long news_interval;     /* seconds */
	long news_count;
	long news_fresh;        /* seconds */
	long news_max_body;     /* bytes */
	/* Recordings (doc/RECORDING.md) */
	long record_max_size;   /* bytes */
	long replay_speed;      /* times real time */
	char replay_start[32];  /* "" for the recording's start */
	const char *record_dir; /* --record DIR, or NULL (command line only) */
	const char *replay_dir; /* --replay DIR, or NULL (command line only) */
	char positions_file[4096]; /* "" for positions_default_path */
	long demo_start;        /* --demo: the minute of the day it starts at (HKT) */
	long demo_speed;        /* --demo: demo seconds a second */
	struct keymap keys;     /* defaults, then `bind` lines */
	bool cli_symbols;       /* the watchlist came from the command line */
	char watchlist_from[4096]; /* the config file that set it last, or "" */
	unsigned watchlist_sets; /* times it was set: says which -o set it */
	struct lists lists;     /* list.NAME: the other named lists, in order */
	/* Alerts (config/alert_file.h) */
	char alerts_file[1024];   /* "" = ~/.config/hktop/alerts */
	int alerts_notify;        /* enum notify_kind */
	char alerts_command[1024]; /* "" = none */
};

struct option_def {
	const char *name;
	enum option_type type;
	size_t offset;          /* of the value in struct options */
	size_t size;            /* of that value, for strings */
	long min, max;          /* OPT_INT, OPT_SIZE */
	const char *const *choices; /* OPT_CHOICE, OPT_FLAGS: NULL-terminated */
	const char *def;        /* default, as config text */
	const char *unit;       /* shown in --help */
	const char *help;       /* one line */
	/* OPT_STRING: what else the value must be; false with the cause. */
	bool (*check)(const char *value, char *err, size_t errlen);
};

/* news.sources: the built-in headline sources, bit i of news_sources. */
extern const char *const options_news_source_choices[];

extern const struct option_def options_table[];
extern const size_t options_count;
extern const char *const options_heatmap_area_choices[];

/* Table defaults only (no files). Free with options_done. */
void options_init(struct options *o);
void options_done(struct options *o);

const struct option_def *options_find(const char *name);

/* Validate and store one value. On error returns false and writes the
 * cause (which quotes the bad value) into err; *o is left unchanged, but
 * for list.NAME, whose good symbols are kept beside a bad one. */
bool options_set(struct options *o, const char *name, const char *value,
		 char *err, size_t errlen);

/* Parse -o's "KEY=VALUE". */
bool options_set_pair(struct options *o, const char *pair, char *err, size_t errlen);

/* The current value as config text, e.g. for `--dump-config`. */
/* A key's value as the config would spell it. Returns the length of the
 * whole text, like snprintf: buf holds it only if that is below len. */
size_t options_format(const struct options *o, const struct option_def *d, char *buf, size_t len);

/* list.NAME = SYMBOLS set from a config file: remember it (conffile). */
void options_list_origin(struct options *o, const char *name, const char *file);

/* The CONFIGURATION list of --help, generated from the table. */
void options_print_help(FILE *fp);

#endif
