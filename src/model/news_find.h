/* news_find.h - pure look-ups on a list of headlines: by ticker, by age
 *
 * Below the feeds and the views alike: the headlines view, the detail
 * view's list and the watchlist's fresh-news mark read the merged list
 * through these, without the sources that filled it. */
#ifndef HKTOP_NEWS_FIND_H
#define HKTOP_NEWS_FIND_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "model/news.h"

/* Is h tagged with in? */
bool news_find_tagged_with(const struct headline *h, const struct instrument *in);

/* Indexes of the headlines of l tagged with in, newest first as l is, at
 * most max; returns how many there are in all. */
size_t news_find_for_instrument(const struct news_list *l, const struct instrument *in,
			   size_t *idx, size_t max);

/* Has in a headline published in the last fresh seconds before now? */
bool news_find_has_fresh(const struct news_list *l, const struct instrument *in, time_t now,
		    long fresh);

/* The age column of h at now, in cols columns (4 or more), its unit never
 * cut: "29m", "6y"; "-2m" ahead of the clock; "~1h" when the time is when
 * it was first seen (its feed dated it ahead); "-" when unknown. */
void news_find_age_cell(const struct headline *h, time_t now, int cols, char *buf, size_t len);

#endif
