/* sgr-fold-fuzzer.c - libFuzzer harness for the output fold (base/sgr_fold.c)
 *
 * The first two bytes give the screen's size (0: cursor moves left alone)
 * and where the rest is cut in two calls, as two updates. Each call must
 * fit sgr_fold_bound, and so must a fold of what came out. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "base/sgr_fold.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sgr_fold f, g;
	const char *in = (const char *)data + 2;
	size_t len, cut, cap, n1 = 0, n2 = 0, n3 = 0;
	char *out, *again;

	if (size < 2)
		return 0;
	len = size - 2;
	cut = len ? data[1] % (len + 1) : 0;
	cap = sgr_fold_bound(len);
	if (!(out = malloc(cap)) || !(again = malloc(sgr_fold_bound(cap)))) {
		free(out);
		return 0;
	}
	sgr_fold_init(&f);
	sgr_fold_size(&f, data[0] >> 4, (data[0] & 15) * 8);
	g = f;
	if (!sgr_fold(&f, in, cut, out, sgr_fold_bound(cut), &n1) ||
	    !sgr_fold(&f, in + cut, len - cut, out + n1, sgr_fold_bound(len - cut), &n2))
		abort();
	if (!sgr_fold(&g, out, n1 + n2, again, sgr_fold_bound(n1 + n2), &n3))
		abort();
	free(out);
	free(again);
	return 0;
}
