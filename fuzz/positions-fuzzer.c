/* positions-fuzzer.c - libFuzzer harness for the positions file's parser,
 * its edits and writer, and the lot arithmetic on what it reads */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/hktime.h"
#include "config/positions.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *write_doc(const struct positions_doc *d, size_t *len)
{
	char *text = NULL;
	FILE *f = open_memstream(&text, len);

	if (!f || positions_doc_write(f, d) != 0 || fclose(f) != 0)
		abort();
	return text;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct positions_doc d = { 0 }, again = { 0 };
	struct position_book b = { 0 };
	struct position_totals t;
	struct lot *lots = NULL;
	size_t n = 0, lines = 0, len = 0, len2 = 0;
	long long today = hktime_days_from_civil(2026, 12, 3);
	char err[POSITIONS_MSG_MAX] = "", line[POSITIONS_LINE_MAX], *text = NULL, *text2 = NULL;
	struct num rate;

	if (size > 65536)
		return 0;
	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n';
	if (!positions_doc_parse(&d, "fuzz", (const char *)data, size, today, err, sizeof err)) {
		if (!memchr(data, '\0', size) || !err[0])
			abort();
		goto done;
	}
	if (d.nbad > d.n || d.n > lines + 1 || !positions_doc_lots(&d, &lots, NULL, &n))
		abort();
	for (size_t i = 0; i < d.nbad && i < POSITIONS_BAD_NAMED; i++)
		if (strncmp(d.bad[i], "fuzz:", 5) != 0 || strchr(d.bad[i], '\033'))
			abort();
	/* Every line written back exactly as it came (bar a missing last newline). */
	text = write_doc(&d, &len);
	if (len < size || memcmp(text, data, size) != 0)
		abort();
	/* Each lot written as positions_lot_text reads back as the same lot. */
	for (size_t i = 0; i < n; i++) {
		struct lot l;
		bool blank;

		positions_lot_text(&lots[i], line, sizeof line);
		if (!positions_parse_lot(line, strlen(line), today, &l, &blank, err, sizeof err) ||
		    l.qty != lots[i].qty || l.day != lots[i].day || l.cost.v != lots[i].cost.v ||
		    !symbol_equal(&l.in, &lots[i].in))
			abort();
	}
	/* Edit the first lot and remove the second: the rest stays. */
	if (n >= 1) {
		const char *old = NULL;

		for (size_t i = 0; i < d.n && !old; i++)
			if (d.v[i].is_lot)
				old = d.v[i].text;
		positions_lot_text(&lots[0], line, sizeof line);
		if (!positions_doc_edit(&d, old, line, today, err, sizeof err))
			abort();
		text2 = write_doc(&d, &len2);
		if (!positions_doc_parse(&again, "again", text2, len2, today, err, sizeof err) ||
		    again.n != d.n)
			abort();
	}
	/* The arithmetic never traps (the sanitizer build checks overflow). */
	if (position_book_build(&b, lots, n, err, sizeof err)) {
		num_parse("7.8123", 6, &rate);
		position_totals(&b, rate, NULL, &t);
	}
done:
	position_book_done(&b);
	free(lots);
	free(text);
	free(text2);
	positions_doc_done(&d);
	positions_doc_done(&again);
	return 0;
}
