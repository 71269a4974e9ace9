/* test-scaling.c - the work a watchlist costs grows with its length, not
 * with its square: 40,000 symbols cost about four times 10,000, counted in
 * instrument comparisons rather than timed (speed is for `make bench`) */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/board.h"
#include "layout/heatmap.h"
#include "model/instruments.h"
#include "config/options.h"
#include "tap.h"

/* "1 2 3 ... n", with every tenth code listed twice to exercise the
 * duplicate check. */
static char *watchlist_text(size_t n)
{
	char *s = malloc(n * 14 + 1), *p = s;

	for (size_t i = 1; i <= n; i++) {
		p += sprintf(p, "%zu ", i);
		if (i % 10 == 0)
			p += sprintf(p, "%zu ", i / 2);
	}
	*p = '\0';
	return s;
}

/* Comparisons to parse a watchlist of n, build the board from it, find
 * every row and apply a refresh to every row. */
static unsigned long work(size_t n)
{
	struct options o;
	struct board b;
	struct quote_result *res;
	char err[256], *text = watchlist_text(n);
	unsigned long before = symbol_compares;
	size_t found = 0;

	options_init(&o);
	before = symbol_compares;
	ok(options_set(&o, "watchlist", text, err, sizeof err), "%zu symbols parse", n);
	is_int(o.nwatch, n, "duplicates dropped, %zu left", n);
	ok(board_init(&b, o.watchlist, o.nwatch), "board of %zu", n);
	is_int(b.n, n, "one row each");
	for (size_t i = 0; i < o.nwatch; i++)
		found += board_find(&b, &o.watchlist[i]) == (long)i;
	is_int(found, n, "every row found where it is");
	res = calloc(n, sizeof *res);
	for (size_t i = 0; i < n; i++) {
		res[i].q.in = o.watchlist[n - 1 - i];
		snprintf(res[i].err, sizeof res[i].err, "failed");
	}
	is_int(board_apply(&b, res, n), n, "a refresh reaches every row");
	free(res);
	board_done(&b);
	options_done(&o);
	free(text);
	return symbol_compares - before;
}

/* Comparisons for two heatmap layouts of n stocks: the second looks up
 * every tile's key from the first. */
static unsigned long heatmap_work(size_t n)
{
	struct heatmap hm;
	struct heatmap_input *in = calloc(n, sizeof *in);
	struct treemap_rect r = { 0, 0, 40, 120 };
	char err[64], code[24];
	unsigned long before;

	for (size_t i = 0; i < n; i++) {
		snprintf(code, sizeof code, "%zu", i + 1);
		symbol_parse(code, &in[i].in, err, sizeof err);
		in[i].cap = (double)(i % 97 + 1) * 1e9;
		in[i].pct = 0;
	}
	heatmap_init(&hm);
	before = symbol_compares;
	ok(heatmap_layout(&hm, in, n, HEATMAP_CAP, r), "heatmap of %zu", n);
	ok(heatmap_layout(&hm, in, n, HEATMAP_CAP, r), "and again, with its keys");
	heatmap_done(&hm);
	free(in);
	return symbol_compares - before;
}

/* Linear work quadruples from 10,000 to 40,000; quadratic work grows
 * sixteenfold. */
static void linear(unsigned long (*fn)(size_t), const char *what)
{
	unsigned long small = fn(10000), large = fn(40000);

	printf("# %s: %lu comparisons for 10,000 symbols, %lu for 40,000\n", what, small, large);
	ok(large < 6 * small, "%s: four times the symbols, at most six times the work", what);
	ok(large < 40000UL * 16, "%s: a few comparisons per symbol and step, not thousands", what);
}

/* Names for n rows from the instrument table (n look-ups of one row). */
static unsigned long names_work(size_t n)
{
	struct instrument_db db;
	unsigned long before;
	size_t found = 0;

	instruments_load_builtin(&db);
	before = symbol_compares;
	for (size_t i = 0; i < n; i++)
		found += instruments_find(&db, &db.v[i % db.n].in) == &db.v[i % db.n];
	is_int(found, n, "every one of %zu look-ups finds its row", n);
	instruments_done(&db);
	return symbol_compares - before;
}

int main(void)
{
	linear(work, "watchlist and board");
	linear(names_work, "instrument names");
	linear(heatmap_work, "heatmap");
	return tap_done();
}
