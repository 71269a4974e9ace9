/* eastmoney-news-fuzzer.c - libFuzzer harness for Eastmoney's 7x24 news JSON */
#include "config.h"

#include "feeds/news_eastmoney.h"
#include "news-fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct news_list l;
	struct news_parse st;
	size_t before;
	bool ok;
	size_t i;

	if (size > MAX_INPUT)
		return 0;
	news_list_init(&l);
	ok = news_eastmoney_parse((const char *)data, size, &l, &st);
	news_fuzz_check(&l, &st, ok, 0, EASTMONEY_NEWS_SOURCE, EASTMONEY_NEWS_MAX_ITEMS);
	for (i = 0; i < l.n; i++)
		if (l.v[i].link && strncmp(l.v[i].link, "https://finance.eastmoney.com/a/", 32) != 0)
			abort();
	before = l.n;
	ok = news_eastmoney_parse((const char *)data, size, &l, &st);
	news_fuzz_check(&l, &st, ok, before, EASTMONEY_NEWS_SOURCE, EASTMONEY_NEWS_MAX_ITEMS);
	if (ok && st.added)
		abort();
	news_list_done(&l);
	return 0;
}
