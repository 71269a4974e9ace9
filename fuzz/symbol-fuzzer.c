/* symbol-fuzzer.c - libFuzzer harness for symbol_parse and the code mappers */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/symbol.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char text[64], err[128], code[32];
	struct instrument in, again;

	if (size >= sizeof text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (!symbol_parse(text, &in, err, sizeof err)) {
		/* A refusal always says why, and never echoes control bytes. */
		if (!err[0])
			abort();
		for (const char *p = err; *p; p++)
			if ((unsigned char)*p < 0x20 || *p == 0x7f)
				abort();
		return 0;
	}
	/* The display form parses back to the same instrument. */
	if (!symbol_parse(in.display, &again, err, sizeof err) || !symbol_equal(&in, &again))
		abort();
	symbol_tencent(&in, true, code, sizeof code);
	symbol_sina(&in, code, sizeof code);
	symbol_eastmoney(&in, code, sizeof code);
	symbol_yahoo(&in, code, sizeof code);
	return 0;
}
