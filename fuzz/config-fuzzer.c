/* config-fuzzer.c - libFuzzer harness for the config parser and option table */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "config/conffile.h"
#include "config/options.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct options o;
	struct causes c = { 0 };

	if (size > 65536)
		return 0;
	options_init(&o);
	conffile_parse(&o, "fuzz", (const char *)data, size, &c);
	/* Whatever was read stays within the table's bounds. */
	if (o.refresh < 1 || o.refresh > 3600 || o.timeout < 1 || o.timeout > 120 ||
	    o.max_body < 4096 || o.max_body > (64L << 20))
		abort();
	/* Every complaint names the file and carries no control byte: the
	 * text it quotes was the user's and must not reach the terminal raw. */
	for (size_t i = 0; i < c.n; i++) {
		if (strncmp(c.v[i], "fuzz:", 5) != 0)
			abort();
		for (const unsigned char *p = (const unsigned char *)c.v[i]; *p; p++)
			if (*p < 0x20 || *p == 0x7f)
				abort();
	}
	conffile_causes_done(&c);
	options_done(&o);
	return 0;
}
