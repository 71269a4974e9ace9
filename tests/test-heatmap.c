/* test-heatmap.c - which rows become tiles, sectors, sticky order, moving, breadth */
#include "config.h"

#include <stdlib.h>

#include "layout/heatmap.h"
#include "tap.h"

static struct heatmap_input in[8];

static void add(size_t i, const char *sym, const char *sector, double cap, double pct)
{
	char err[64];

	symbol_parse(sym, &in[i].in, err, sizeof err);
	in[i].sector = sector;
	in[i].cap = cap;
	in[i].turnover = cap / 100;
	in[i].pct = pct;
}

static void fill(void)
{
	add(0, "HSI", "Index", NAN, -0.4);
	add(1, "700", "Internet", 4300, -0.1);
	add(2, "9988", "E-commerce", 2200, 0.7);
	add(3, "BABA", "E-commerce", 2800, 1.3);
	add(4, "3690", "Consumer", 800, 2.5);
	add(5, "9618", "E-commerce", 450, -1.5);
	add(6, "1024", "Internet", NAN, 0);
	add(7, "9999", NULL, 500, NAN);
}

/* Tiles in reading order (top-left corners by row, then column). */
static void reading_order(const struct heatmap *hm, size_t *out)
{
	for (size_t i = 0; i < hm->ntiles; i++)
		out[i] = i;
	for (size_t i = 1; i < hm->ntiles; i++)
		for (size_t j = i; j > 0; j--) {
			const struct treemap_rect *a = &hm->tiles[out[j - 1]].r, *b = &hm->tiles[out[j]].r;
			size_t t = out[j];
			if (a->y < b->y || (a->y == b->y && a->x <= b->x))
				break;
			out[j] = out[j - 1];
			out[j - 1] = t;
		}
	for (size_t i = 0; i < hm->ntiles; i++)
		out[i] = hm->tiles[out[i]].input;
}

static void tiles(void)
{
	struct heatmap hm;
	struct treemap_rect area = { 0, 1, 80, 20 }, g;
	long t;
	int cells = 0;

	fill();
	heatmap_init(&hm);
	ok(heatmap_layout(&hm, in, 8, HEATMAP_CAP, area), "lays out");
	is_int(hm.ntiles, 6, "HK stocks only");
	is_int(hm.left_out, 2, "the index and the US listing are left out, and counted");
	is_int(hm.unsized, 1, "a missing cap is counted");
	is_int(heatmap_tile_of(&hm, 0), -1, "the index has no tile");
	ok((t = heatmap_tile_of(&hm, 6)) >= 0 && (hm.tiles[t].flags & TREEMAP_UNSIZED),
	   "the tile without a cap is flagged unsized");
	is_int(hm.ngroups, 4, "four sectors");
	is_str(hm.groups[3], "Other", "no sector: Other");
	for (size_t i = 0; i < hm.ntiles; i++)
		cells += hm.tiles[i].r.w * hm.tiles[i].r.h;
	is_int(cells, 80 * 20, "the tiles cover the area");
	t = heatmap_tile_of(&hm, 1);
	ok(t >= 0 && hm.tiles[t].r.w * hm.tiles[t].r.h > 500, "Tencent, the biggest cap, gets the most room");
	ok(heatmap_group_rect(&hm, hm.tiles[heatmap_tile_of(&hm, 2)].group, &g), "E-commerce has a rectangle");
	is_int(heatmap_input_at(&hm, hm.tiles[t].r.y, hm.tiles[t].r.x), 1, "a cell finds its tile");
	is_int(heatmap_input_at(&hm, 0, 0), -1, "outside the area: none");
	is_num(hm.tiles[heatmap_tile_of(&hm, 4)].pct, 2.5, 0, "a tile carries its change");

	ok(heatmap_layout(&hm, in, 8, HEATMAP_EQUAL, area), "equal size");
	{
		int a = hm.tiles[heatmap_tile_of(&hm, 1)].r.w * hm.tiles[heatmap_tile_of(&hm, 1)].r.h;
		int b = hm.tiles[heatmap_tile_of(&hm, 5)].r.w * hm.tiles[heatmap_tile_of(&hm, 5)].r.h;
		ok(abs(a - b) < 80, "equal: Tencent and JD alike (%d, %d cells)", a, b);
	}
	is_int(hm.unsized, 0, "equal size needs no figure");
	heatmap_done(&hm);
}

static void sticky(void)
{
	struct heatmap hm;
	struct treemap_rect area = { 0, 0, 120, 38 };
	size_t before[8], after[8];
	bool same = true;

	fill();
	heatmap_init(&hm);
	heatmap_layout(&hm, in, 8, HEATMAP_CAP, area);
	reading_order(&hm, before);
	/* Prices move: caps by a few percent each way, changes flip. */
	for (int tick = 0; tick < 20; tick++) {
		for (size_t i = 0; i < 8; i++) {
			in[i].cap *= tick % 2 ? 1.04 : 0.97;
			in[i].pct = -in[i].pct;
		}
		heatmap_layout(&hm, in, 8, HEATMAP_CAP, area);
		reading_order(&hm, after);
		for (size_t i = 0; i < hm.ntiles; i++)
			same = same && after[i] == before[i];
	}
	ok(same, "20 refreshes of moving prices: the tiles keep their order");
	in[5].cap *= 20;
	heatmap_layout(&hm, in, 8, HEATMAP_CAP, area);
	reading_order(&hm, after);
	same = true;
	for (size_t i = 0; i < hm.ntiles; i++)
		same = same && after[i] == before[i];
	ok(!same, "a cap that grows twentyfold moves its tile");
	heatmap_done(&hm);
}

static void moving(void)
{
	struct heatmap hm;
	struct treemap_rect area = { 0, 0, 80, 20 };
	long to;
	int seen = 0;

	fill();
	heatmap_init(&hm);
	heatmap_layout(&hm, in, 8, HEATMAP_EQUAL, area);
	to = heatmap_move(&hm, 0, TREEMAP_RIGHT);
	ok(to >= 0 && heatmap_tile_of(&hm, (size_t)to) >= 0, "from a row without a tile: a tile");
	/* Every tile is reachable by walking right and down from the top left. */
	for (size_t i = 0; i < hm.ntiles; i++) {
		long cur = heatmap_input_at(&hm, 0, 0), steps = 0;
		for (; cur >= 0 && cur != (long)hm.tiles[i].input && steps < 50; steps++) {
			const struct treemap_rect *r = &hm.tiles[heatmap_tile_of(&hm, (size_t)cur)].r;
			const struct treemap_rect *goal = &hm.tiles[i].r;
			enum treemap_dir d = goal->x >= r->x + r->w ? TREEMAP_RIGHT :
					     goal->y >= r->y + r->h ? TREEMAP_DOWN :
					     goal->x + goal->w <= r->x ? TREEMAP_LEFT : TREEMAP_UP;
			cur = heatmap_move(&hm, (size_t)cur, d);
		}
		seen += cur == (long)hm.tiles[i].input;
	}
	is_int(seen, (long)hm.ntiles, "every tile can be reached with the arrows");
	for (size_t i = 0; i < hm.ntiles; i++) {
		const struct treemap_rect *r = &hm.tiles[i].r;
		if (r->x == 0)
			ok(heatmap_move(&hm, hm.tiles[i].input, TREEMAP_LEFT) == -1,
			   "nothing left of a tile at the left edge");
	}
	heatmap_done(&hm);
}

static void breadth(void)
{
	static const double pct[] = { 1.0, -2.0, 0, NAN, 3.0 };
	static const double cap[] = { 300, 100, 100, 50, NAN };
	static const char *const codes[] = { "0700", "9988", "3690", "9618", "1810" };
	char buf[160];

	heatmap_breadth_line(pct, cap, codes, 5, 2, buf, sizeof buf);
	is_str(buf, "Up 2  Down 1  Unch 1  n/a 1  | cap-wtd +0.20%: 0700 +0.60 9988 -0.40",
	       "breadth, the cap-weighted move and its leaders");
	heatmap_breadth_line(pct, cap, codes, 3, 0, buf, sizeof buf);
	is_str(buf, "Up 1  Down 1  Unch 1  | cap-wtd +0.20%", "no leaders asked");
	is_int(heatmap_breadth_line(pct, cap, codes, 5, 2, buf, 10), 68, "returns the length it wanted");
	is_str(buf, "Up 2  Dow", "truncated like snprintf");
	heatmap_breadth_line(pct + 3, cap + 4, codes, 1, 3, buf, sizeof buf);
	is_str(buf, "Up 0  Down 0  Unch 0  n/a 1", "no caps: breadth only");
}

int main(void)
{
	tiles();
	sticky();
	moving();
	breadth();
	return tap_done();
}
