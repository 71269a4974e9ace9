/* tencent-fuzzer.c - libFuzzer harness for Tencent's quote lines */
#include "config.h"

#include "quote-fuzz.h"
#include "feeds/quote_tencent.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Tencent HK lines have no order book; indexes no volume. */
static void tencent_check(const struct quote *q)
{
	if (q->in.market != MARKET_US && (q->f[QF_BID].ok || q->f[QF_ASK].ok))
		abort();
	if (q->in.market == MARKET_HK_INDEX &&
	    (q->f[QF_VOLUME].ok || q->f[QF_TURNOVER].ok || q->f[QF_MARKET_CAP].ok || q->lot_size))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return quote_fuzz_run(data, size, &quote_tencent_source, quote_tencent_parse_utf8, tencent_check);
}
