/* news_find.c - pure look-ups on a list of headlines (news_find.h) */
#include "config.h"

#include <stdio.h>

#include "base/fmt.h"
#include "model/news_find.h"

bool news_find_tagged_with(const struct headline *h, const struct instrument *in)
{
	for (size_t t = 0; t < h->ntags; t++)
		if (symbol_equal(&h->tags[t], in))
			return true;
	return false;
}

size_t news_find_for_instrument(const struct news_list *l, const struct instrument *in,
			   size_t *idx, size_t max)
{
	size_t n = 0;

	for (size_t k = 0; k < l->n; k++)
		if (news_find_tagged_with(&l->v[k], in)) {
			if (n < max)
				idx[n] = k;
			n++;
		}
	return n;
}

void news_find_age_cell(const struct headline *h, time_t now, int cols, char *buf, size_t len)
{
	long age = (long)(now - h->time);
	char a[32];

	if (!h->time) {
		snprintf(buf, len, "-");
	} else if (h->dated) { /* "~": about that old, by when it was first seen */
		fmt_age_fit(age, cols - 1, a, sizeof a);
		snprintf(buf, len, "~%s", a);
	} else {
		fmt_age_fit(age, cols, buf, len);
	}
}

bool news_find_has_fresh(const struct news_list *l, const struct instrument *in, time_t now,
		    long fresh)
{
	for (size_t k = 0; k < l->n; k++) {
		const struct headline *h = &l->v[k];
		/* Unknown, or ahead of the clock: no age to be fresh by */
		if (!h->time || h->time > now)
			continue;
		/* Newest first: past the window nothing later qualifies. */
		if (now - h->time > fresh)
			break;
		if (news_find_tagged_with(h, in))
			return true;
	}
	return false;
}
