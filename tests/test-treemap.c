/* test-treemap.c - the treemap partitions its rectangle, sizes by weight, holds still */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "tap.h"
#include "layout/treemap.h"

#define MAXN 3000

static struct treemap_item items[MAXN];
static struct treemap_tile tiles[MAXN], again[MAXN], before[MAXN];
static unsigned char grid[200 * 60];

/* xorshift64*: the same numbers on every machine. */
static uint64_t rng_state = 0x2545f4914f6cdd1dULL;

static uint64_t rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dULL;
}

static double unif(void)
{
	return (double)(rng() >> 11) / 9007199254740992.0;
}

enum dist { D_EQUAL, D_UNIFORM, D_HEAVY, D_HOLES, D_COUNT };
static const char *const dist_names[D_COUNT] = { "equal", "uniform", "heavy-tailed", "with holes" };

/* Market caps look heavy-tailed: Tencent is hundreds of times a small cap. */
static void fill(size_t n, enum dist d, int ngroups)
{
	for (size_t i = 0; i < n; i++) {
		double w = 1;
		if (d == D_UNIFORM)
			w = 1 + 99 * unif();
		else if (d == D_HEAVY || d == D_HOLES)
			w = exp(8 * unif()) * 1e9;
		if (d == D_HOLES)
			switch (rng() % 6) {
			case 0: w = 0; break;
			case 1: w = NAN; break;
			case 2: w = -5; break;
			default: break;
			}
		items[i].weight = w;
		items[i].order = isfinite(w) && w > 0 ? w : 0;
		items[i].group = ngroups > 0 ? (int)(rng() % (unsigned)ngroups) : 0;
	}
}

static bool sized(size_t i)
{
	return isfinite(items[i].weight) && items[i].weight > 0;
}

/* Check the partition and the one-cell minimum; returns false on the first
 * failure, after reporting it. */
static bool check(size_t n, bool grouped, struct treemap_rect a, const char *what)
{
	long cells = (long)a.w * a.h;
	size_t hidden = 0;
	bool in = true, part = true, hid = true, small = true, flags = true;
	double minvis = HUGE_VAL, maxhid = 0, lo = HUGE_VAL;

	for (size_t i = 0; i < n; i++)
		if (sized(i) && items[i].weight < lo)
			lo = items[i].weight;
	memset(grid, 0, (size_t)cells);
	for (size_t i = 0; i < n; i++) {
		const struct treemap_rect *r = &tiles[i].r;
		bool h = tiles[i].flags & TREEMAP_HIDDEN;
		double w = sized(i) ? items[i].weight : lo; /* as laid out */

		if (!!(tiles[i].flags & TREEMAP_UNSIZED) != !sized(i))
			flags = false;
		if (h) {
			hidden++;
			if (r->w || r->h || r->x || r->y)
				hid = false;
			maxhid = w > maxhid ? w : maxhid;
			continue;
		}
		minvis = w < minvis ? w : minvis;
		if (r->w < 1 || r->h < 1 || r->x < a.x || r->y < a.y ||
		    r->x + r->w > a.x + a.w || r->y + r->h > a.y + a.h) {
			in = false;
			continue;
		}
		for (int y = r->y; y < r->y + r->h; y++)
			for (int x = r->x; x < r->x + r->w; x++)
				grid[(y - a.y) * a.w + (x - a.x)]++;
	}
	for (long c = 0; c < cells; c++)
		if (grid[c] != (n > 0 && hidden < n))
			part = false;
	if (!grouped && (long long)n <= cells && hidden > 0)
		small = false;
	if (!grouped && (long long)n > cells && hidden != n - (size_t)cells)
		small = false;
	if (!grouped && hidden > 0 && hidden < n && maxhid > minvis)
		small = false;
	if (grouped && (long long)n * 2 <= cells && hidden > 0)
		small = false;
	if (!(in && part && hid && small && flags)) {
		ok(in, "%s: tiles inside the rectangle", what);
		ok(part, "%s: every cell in exactly one tile", what);
		ok(hid, "%s: hidden tiles are 0x0", what);
		ok(small, "%s: hides only for want of room (%zu hidden, %ld cells)", what, hidden, cells);
		ok(flags, "%s: unsized flags", what);
		return false;
	}
	return true;
}

/* Sized tiles' areas against their exact share, in an uncrowded layout. */
static bool proportional(size_t n, struct treemap_rect a, double *worst)
{
	double total = 0, cells = (double)a.w * a.h;
	bool good = true;

	for (size_t i = 0; i < n; i++)
		total += items[i].weight;
	for (size_t i = 0; i < n; i++)
		if (items[i].weight / total * cells < 2)
			return true; /* the one-cell minimum is in force */
	for (size_t i = 0; i < n; i++) {
		const struct treemap_rect *r = &tiles[i].r;
		double ideal = items[i].weight / total * cells;
		double err = fabs((double)r->w * r->h - ideal), slack = 1.5 * (r->w + r->h + 1);
		if (err / slack > *worst)
			*worst = err / slack;
		if (err > slack) {
			good = false;
			printf("# %dx%d, %zu items: tile %zu is %dx%d, share %.1f\n", a.w, a.h, n, i,
			       r->w, r->h, ideal);
		}
	}
	return good;
}

static const struct treemap_rect sizes[] = {
	{ 0, 0, 1, 1 }, { 0, 0, 80, 24 }, { 3, 2, 120, 40 }, { 0, 1, 200, 60 },
	{ 0, 0, 1, 30 }, { 0, 0, 30, 1 }, { 5, 5, 7, 3 },
};
static const size_t counts[] = { 0, 1, 2, 37, 3000 };

static void properties(void)
{
	size_t runs = 0, bad = 0, pbad = 0;
	double worst = 0;

	for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++)
		for (size_t c = 0; c < sizeof counts / sizeof *counts; c++)
			for (int d = 0; d < D_COUNT; d++)
				for (int grouped = 0; grouped < 2; grouped++) {
					char what[96];
					size_t n = counts[c];
					struct treemap_rect a = sizes[s];

					snprintf(what, sizeof what, "%dx%d, %zu items, %s%s", a.w, a.h, n,
						 dist_names[d], grouped ? ", 11 groups" : "");
					fill(n, (enum dist)d, grouped ? 11 : 0);
					ok(treemap_layout(items, n, grouped ? TREEMAP_GROUPED : 0, a, tiles), "%s: laid out", what);
					if (!check(n, grouped, a, what))
						bad++;
					if (!grouped && d != D_HOLES && (long)n * 8 <= (long)a.w * a.h &&
					    !proportional(n, a, &worst))
						pbad++;
					runs++;
				}
	/* And random rectangles and counts, many of them. */
	for (int k = 0; k < 1500; k++) {
		struct treemap_rect a = { (int)(rng() % 5), (int)(rng() % 5),
					  1 + (int)(rng() % 90), 1 + (int)(rng() % 50) };
		size_t n = rng() % 120;
		int d = (int)(rng() % D_COUNT);
		bool grouped = rng() % 2;
		char what[96];

		snprintf(what, sizeof what, "random %d: %dx%d, %zu items, %s%s", k, a.w, a.h, n,
			 dist_names[d], grouped ? ", grouped" : "");
		fill(n, (enum dist)d, grouped ? 1 + (int)(rng() % 8) : 0);
		treemap_layout(items, n, grouped ? TREEMAP_GROUPED : 0, a, tiles);
		if (!check(n, grouped, a, what))
			bad++;
		if (!grouped && d != D_HOLES && (long)n * 8 <= (long)a.w * a.h && !proportional(n, a, &worst))
			pbad++;
		runs++;
	}
	ok(bad == 0, "%zu layouts partition their rectangle (%zu failed)", runs, bad);
	ok(pbad == 0, "areas within 1.5(w+h+1) cells of their share (worst %.2f of it)", worst);
}

static void small_cases(void)
{
	struct treemap_rect one = { 4, 7, 1, 1 };

	ok(treemap_layout(items, 0, 0, one, tiles), "0 items");
	items[0] = (struct treemap_item){ 5, 5, 0 };
	treemap_layout(items, 1, 0, one, tiles);
	ok(tiles[0].r.x == 4 && tiles[0].r.y == 7 && tiles[0].r.w == 1 && tiles[0].r.h == 1,
	   "1 item at 1x1 takes the cell");
	items[1] = (struct treemap_item){ 9, 9, 0 };
	treemap_layout(items, 2, 0, one, tiles);
	ok(!(tiles[1].flags & TREEMAP_HIDDEN) && (tiles[0].flags & TREEMAP_HIDDEN),
	   "2 items at 1x1: the bigger shows, the smaller hides");
	is_int(treemap_hidden(tiles, 2), 1, "one hidden");
	items[1].weight = 5;
	treemap_layout(items, 2, 0, one, tiles);
	ok(!(tiles[0].flags & TREEMAP_HIDDEN), "equal weights at 1x1: the first index stays");

	treemap_layout(items, 2, 0, (struct treemap_rect){ 0, 0, 0, 10 }, tiles);
	is_int(treemap_hidden(tiles, 2), 2, "an empty rectangle hides everything");
	treemap_layout(items, 2, 0, (struct treemap_rect){ 0, 0, -3, 10 }, tiles);
	is_int(treemap_hidden(tiles, 2), 2, "a negative width hides everything");

	/* All zero: equal tiles, flagged unsized. */
	for (int i = 0; i < 4; i++)
		items[i] = (struct treemap_item){ 0, 0, 0 };
	treemap_layout(items, 4, 0, (struct treemap_rect){ 0, 0, 40, 10 }, tiles);
	for (int i = 0; i < 4; i++) {
		is_int(tiles[i].r.w * tiles[i].r.h, 100, "all zero: tile %d gets a quarter", i);
		ok(tiles[i].flags & TREEMAP_UNSIZED, "all zero: tile %d is flagged unsized", i);
	}
	ok(tiles[0].r.x == 0 && tiles[0].r.y == 0, "equal weights: index 0 comes first");

	/* An unsized item next to sized ones gets the smallest's size. */
	items[0] = (struct treemap_item){ 300, 300, 0 };
	items[1] = (struct treemap_item){ 100, 100, 0 };
	items[2] = (struct treemap_item){ NAN, 0, 0 };
	items[3] = (struct treemap_item){ 100, 100, 0 };
	treemap_layout(items, 4, 0, (struct treemap_rect){ 0, 0, 60, 10 }, tiles);
	is_int(tiles[0].r.w * tiles[0].r.h, 300, "300 of 600: half the cells");
	is_int(tiles[2].r.w * tiles[2].r.h, 100, "NaN weight: as big as the smallest");
	ok(tiles[2].flags & TREEMAP_UNSIZED, "NaN weight: unsized");

	/* Huge weights do not overflow the sums. */
	items[0].weight = 1.7e308;
	items[1].weight = 1.7e308;
	treemap_layout(items, 2, 0, (struct treemap_rect){ 0, 0, 20, 10 }, tiles);
	is_int(tiles[0].r.w * tiles[0].r.h, 100, "weights near DBL_MAX: halves");
}

static size_t jumps(const struct treemap_tile *t0, const struct treemap_tile *t1, size_t n)
{
	size_t moved = 0;

	for (size_t i = 0; i < n; i++) {
		const struct treemap_rect *p = &t0[i].r, *q = &t1[i].r;
		int dx = (2 * q->x + q->w) - (2 * p->x + p->w);
		int dy = (2 * q->y + q->h) - (2 * p->y + p->h);
		bool overlap = p->x < q->x + q->w && q->x < p->x + p->w &&
			       p->y < q->y + q->h && q->y < p->y + p->h;
		bool tiny = p->w * p->h < 4 && q->w * q->h < 4;
		if (!overlap && !tiny && (abs(dx) > 4 || abs(dy) > 4))
			moved++;
	}
	return moved;
}

static void order_and_groups(void)
{
	struct treemap_rect a = { 0, 0, 80, 24 }, gr;
	size_t jumped = 0, jumped_w = 0;

	/* The order key decides the sequence, not the weight. */
	for (int i = 0; i < 5; i++)
		items[i] = (struct treemap_item){ 10, (double)-i, 0 };
	items[4].weight = 1000;
	treemap_layout(items, 5, 0, a, tiles);
	ok(tiles[0].r.x == 0 && tiles[0].r.y == 0, "order key first, whatever the weight");

	/* Same input, same output. */
	fill(37, D_HEAVY, 6);
	treemap_layout(items, 37, TREEMAP_GROUPED, a, tiles);
	treemap_layout(items, 37, TREEMAP_GROUPED, a, again);
	ok(memcmp(tiles, again, 37 * sizeof *tiles) == 0, "deterministic");

	/* Groups are contiguous: each group's tiles fill its bounding box. */
	for (int g = 0; g < 6; g++) {
		long area = 0;
		if (!treemap_group_rect(items, tiles, 37, g, &gr))
			continue;
		for (size_t i = 0; i < 37; i++)
			if (items[i].group == g)
				area += (long)tiles[i].r.w * tiles[i].r.h;
		is_int(area, (long)gr.w * gr.h, "group %d fills its rectangle", g);
	}
	ok(!treemap_group_rect(items, tiles, 37, 99, &gr), "no rectangle for an absent group");

	/* Prices move up to 3%, keys held: with rows by key no tile of four
	 * cells or more jumps away from where it was (old and new places
	 * overlap, or it moved at most two cells); with rows by weight some
	 * do. The crowded tail of one-cell tiles may still shuffle. */
	for (int trial = 0; trial < 50; trial++) {
		bool held = true;
		fill(37, D_HEAVY, trial % 2 ? 6 : 0);
		for (size_t i = 0; i < 37; i++)
			items[i].order = treemap_sticky_key(0, items[i].weight, 1.25);
		treemap_layout(items, 37, TREEMAP_GROUPED | TREEMAP_KEY_SHAPES, a, tiles);
		treemap_layout(items, 37, TREEMAP_GROUPED, a, before);
		for (size_t i = 0; i < 37; i++) {
			double k = items[i].order;
			items[i].weight *= 1 + (unif() - 0.5) * 0.06;
			items[i].order = treemap_sticky_key(k, items[i].weight, 1.25);
			held = held && items[i].order == k;
		}
		ok(held, "trial %d: a 3%% move keeps every key", trial);
		treemap_layout(items, 37, TREEMAP_GROUPED | TREEMAP_KEY_SHAPES, a, again);
		jumped += jumps(tiles, again, 37);
		treemap_layout(items, 37, TREEMAP_GROUPED, a, tiles);
		jumped_w += jumps(before, tiles, 37);
	}
	is_int(jumped, 0, "rows by key: no tile jumps in 50 refreshes");
	printf("# rows by weight: %zu tile jumps in 50 refreshes\n", jumped_w);

	is_num(treemap_sticky_key(100, 130, 1.25), 130, 0, "a 30%% move takes the new weight");
	is_num(treemap_sticky_key(100, 81, 1.25), 100, 0, "a 19%% fall keeps the key");
	is_num(treemap_sticky_key(100, NAN, 1.25), 100, 0, "an unknown weight keeps the key");
	is_num(treemap_sticky_key(0, NAN, 1.25), 0, 0, "nothing known: 0");
	is_num(treemap_sticky_key(0, 42, 1.25), 42, 0, "the first weight becomes the key");
}

static void navigation(void)
{
	struct treemap_rect a = { 0, 0, 120, 40 };
	size_t bad = 0, dead = 0;
	static const char *const dn[] = { "left", "right", "up", "down" };

	/* A 2x2 grid: tiles 0 1 / 2 3. */
	tiles[0] = (struct treemap_tile){ { 0, 0, 10, 5 }, 0 };
	tiles[1] = (struct treemap_tile){ { 10, 0, 10, 5 }, 0 };
	tiles[2] = (struct treemap_tile){ { 0, 5, 10, 5 }, 0 };
	tiles[3] = (struct treemap_tile){ { 10, 5, 10, 5 }, 0 };
	is_int(treemap_neighbour(tiles, 4, 0, TREEMAP_RIGHT), 1, "grid: right of 0 is 1");
	is_int(treemap_neighbour(tiles, 4, 0, TREEMAP_DOWN), 2, "grid: below 0 is 2");
	is_int(treemap_neighbour(tiles, 4, 3, TREEMAP_LEFT), 2, "grid: left of 3 is 2");
	is_int(treemap_neighbour(tiles, 4, 3, TREEMAP_UP), 1, "grid: above 3 is 1");
	is_int(treemap_neighbour(tiles, 4, 0, TREEMAP_LEFT), -1, "grid: nothing left of 0");
	is_int(treemap_neighbour(tiles, 4, 1, TREEMAP_RIGHT), -1, "grid: nothing right of 1");
	tiles[1].flags = TREEMAP_HIDDEN;
	is_int(treemap_neighbour(tiles, 4, 0, TREEMAP_RIGHT), 3, "hidden tiles are skipped");
	is_int(treemap_neighbour(tiles, 4, 1, TREEMAP_RIGHT), -1, "from a hidden tile: none");
	is_int(treemap_neighbour(tiles, 4, 9, TREEMAP_RIGHT), -1, "from out of range: none");

	/* A tall tile beside a stack: right of the middle of the stack's
	 * neighbour is the tile sharing most rows, then the nearest. */
	tiles[0] = (struct treemap_tile){ { 0, 0, 10, 12 }, 0 };
	tiles[1] = (struct treemap_tile){ { 10, 0, 10, 2 }, 0 };
	tiles[2] = (struct treemap_tile){ { 10, 2, 10, 8 }, 0 };
	tiles[3] = (struct treemap_tile){ { 10, 10, 10, 2 }, 0 };
	is_int(treemap_neighbour(tiles, 4, 0, TREEMAP_RIGHT), 2, "right: the most shared rows");
	is_int(treemap_neighbour(tiles, 4, 1, TREEMAP_LEFT), 0, "left of a small tile: the tall one");
	is_int(treemap_neighbour(tiles, 4, 1, TREEMAP_DOWN), 2, "down: the adjacent one");

	/* Random layouts: an arrow goes to a touching tile in line whenever
	 * the tile is not at that edge, and never the wrong way. */
	for (int k = 0; k < 40; k++) {
		size_t n = 1 + rng() % 60;
		fill(n, D_HEAVY, (int)(rng() % 5));
		treemap_layout(items, n, TREEMAP_GROUPED, a, tiles);
		for (size_t i = 0; i < n; i++)
			for (int d = 0; d < 4; d++) {
				const struct treemap_rect *f = &tiles[i].r;
				long j = treemap_neighbour(tiles, n, i, (enum treemap_dir)d);
				bool edge = (d == TREEMAP_LEFT && f->x == a.x) ||
					    (d == TREEMAP_RIGHT && f->x + f->w == a.x + a.w) ||
					    (d == TREEMAP_UP && f->y == a.y) ||
					    (d == TREEMAP_DOWN && f->y + f->h == a.y + a.h);
				const struct treemap_rect *t;
				bool touch;

				if (tiles[i].flags & TREEMAP_HIDDEN)
					continue;
				if (j < 0) {
					dead += !edge;
					continue;
				}
				t = &tiles[j].r;
				switch (d) {
				case TREEMAP_LEFT:  touch = t->x + t->w == f->x && t->y < f->y + f->h && f->y < t->y + t->h; break;
				case TREEMAP_RIGHT: touch = f->x + f->w == t->x && t->y < f->y + f->h && f->y < t->y + t->h; break;
				case TREEMAP_UP:    touch = t->y + t->h == f->y && t->x < f->x + f->w && f->x < t->x + t->w; break;
				default:            touch = f->y + f->h == t->y && t->x < f->x + f->w && f->x < t->x + t->w; break;
				}
				if (!edge && !touch) {
					bad++;
					printf("# %zu %s -> %ld not touching\n", i, dn[d], j);
				}
			}
	}
	is_int(bad, 0, "arrows go to a touching tile in line");
	is_int(dead, 0, "arrows only stop at the edge");
}

int main(void)
{
	small_cases();
	properties();
	order_and_groups();
	navigation();
	return tap_done();
}
