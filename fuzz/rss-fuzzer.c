/* rss-fuzzer.c - libFuzzer harness for the RSS and Atom parser */
#include "config.h"

#include "news-fuzz.h"
#include "feeds/news_rss.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct news_list l;
	struct news_parse st;
	size_t before, i;
	bool ok;

	if (size > MAX_INPUT)
		return 0;
	news_list_init(&l);
	ok = news_rss_parse((const char *)data, size, "fuzz", &l, &st);
	news_fuzz_check(&l, &st, ok, 0, "fuzz", RSS_MAX_ITEMS);
	/* The same feed again: every item is already there. */
	before = l.n;
	ok = news_rss_parse((const char *)data, size, "fuzz", &l, &st);
	news_fuzz_check(&l, &st, ok, before, "fuzz", RSS_MAX_ITEMS);
	if (ok && st.added)
		abort();
	news_list_keep(&l, 10);
	if (l.n > 10)
		abort();
	/* Newest first, unknown times last. */
	for (i = 1; i < l.n; i++)
		if (l.v[i].time && (!l.v[i - 1].time || l.v[i - 1].time < l.v[i].time))
			abort();
	news_list_done(&l);
	return 0;
}
