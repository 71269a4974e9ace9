/* sina-fuzzer.c - libFuzzer harness for Sina's quote lines */
#include "config.h"

#include "quote-fuzz.h"
#include "feeds/quote_sina.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Sina has no US lines; its index lines no order book or volume. */
static void sina_check(const struct quote *q)
{
	if (q->in.market == MARKET_US)
		abort();
	if (q->in.market == MARKET_HK_INDEX &&
	    (q->f[QF_BID].ok || q->f[QF_ASK].ok || q->f[QF_VOLUME].ok ||
	     q->f[QF_TURNOVER].ok || q->f[QF_MARKET_CAP].ok || q->lot_size))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return quote_fuzz_run(data, size, &quote_sina_source, quote_sina_parse_utf8, sina_check);
}
