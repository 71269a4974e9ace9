/* fetch_config.h - what the fetchers take from the options, for the dashboard and the command line */
#ifndef HKTOP_FETCH_CONFIG_H
#define HKTOP_FETCH_CONFIG_H

#include "config/options.h"
#include "net/news_fetch.h"
#include "net/quote_fetch.h"

/* The quote sources, URLs and limits the options name; the strings stay
 * the options' own. */
void fetch_config_init(struct fetch_config *fc, const struct options *o);

/* The headline sources and their limits the options name; the strings
 * stay the options' own. */
void fetch_config_news_init(struct newsfetch_config *c, const struct options *o);

#endif
