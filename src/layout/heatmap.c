/* heatmap.c - the heatmap's model: which rows become tiles, their size, sector and place */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/heatmap.h"
#include "model/rally.h"

const char *const heatmap_mode_names[HEATMAP_MODES] = { "market cap", "equal", "turnover" };

void heatmap_init(struct heatmap *hm)
{
	memset(hm, 0, sizeof *hm);
	hm->keys_mode = -1;
}

void heatmap_done(struct heatmap *hm)
{
	free(hm->tiles);
	free(hm->keys);
	heatmap_init(hm);
}

static double weight_of(const struct heatmap_input *in, enum heatmap_mode mode)
{
	double w = mode == HEATMAP_CAP ? in->cap : mode == HEATMAP_TURNOVER ? in->turnover : 1;

	/* Unknown stays NaN: the treemap flags it rather than sizing it. */
	return isfinite(w) && w > 0 ? w : NAN;
}

static int group_of(struct heatmap *hm, const char *sector)
{
	if (!sector || !sector[0])
		sector = "Other";
	for (int g = 0; g < hm->ngroups; g++)
		if (strcmp(hm->groups[g], sector) == 0)
			return g;
	if (hm->ngroups == HEATMAP_GROUPS)
		sector = "Other";
	if (hm->ngroups > HEATMAP_GROUPS)
		return HEATMAP_GROUPS;
	snprintf(hm->groups[hm->ngroups], sizeof hm->groups[0], "%s", sector);
	return hm->ngroups++;
}

/* The key an instrument had, or 0 (the first layout takes the weight).
 * ix indexes hm->keys, so a whole-market board costs no n * n scan. */
static double old_key(const struct heatmap *hm, const struct symbol_index *ix,
		      const struct instrument *in)
{
	long k = symbol_index_find(ix, in);

	return k < 0 ? 0 : hm->keys[k].key;
}

bool heatmap_layout(struct heatmap *hm, const struct heatmap_input *in, size_t n,
		    enum heatmap_mode mode, struct treemap_rect r)
{
	struct treemap_item *items = calloc(n ? n : 1, sizeof *items);
	struct treemap_tile *tt = calloc(n ? n : 1, sizeof *tt);
	struct heatmap_key *keys = calloc(n ? n : 1, sizeof *keys);
	struct symbol_index old = { 0 };
	size_t m = 0;
	bool indexed = true;

	free(hm->tiles);
	hm->tiles = calloc(n ? n : 1, sizeof *hm->tiles);
	hm->ntiles = hm->left_out = hm->unsized = 0;
	hm->ngroups = 0;
	if (hm->keys_mode != (int)mode)
		hm->nkeys = 0;
	for (size_t i = 0; i < hm->nkeys && indexed; i++)
		indexed = symbol_index_add(&old, &hm->keys[i].in, i) >= 0;
	if (!items || !tt || !keys || !hm->tiles || !indexed) {
		free(items);
		free(tt);
		free(keys);
		symbol_index_done(&old);
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		double w;
		if (in[i].in.market != MARKET_HK) {
			hm->left_out++;
			continue;
		}
		w = weight_of(&in[i], mode);
		items[m].weight = w;
		items[m].order = treemap_sticky_key(old_key(hm, &old, &in[i].in), w,
							 HEATMAP_STICKY);
		items[m].group = group_of(hm, in[i].sector);
		keys[m] = (struct heatmap_key){ in[i].in, items[m].order };
		hm->tiles[m] = (struct heatmap_tile){ .input = i, .group = items[m].group,
						      .pct = in[i].pct };
		m++;
	}
	treemap_layout(items, m, TREEMAP_GROUPED | TREEMAP_KEY_SHAPES, r, tt);
	for (size_t i = 0; i < m; i++) {
		hm->tiles[i].r = tt[i].r;
		hm->tiles[i].flags = tt[i].flags;
		hm->unsized += (tt[i].flags & TREEMAP_UNSIZED) != 0;
	}
	hm->ntiles = m;
	free(hm->keys);
	hm->keys = keys;
	hm->nkeys = m;
	hm->keys_mode = (int)mode;
	symbol_index_done(&old);
	free(items);
	free(tt);
	return true;
}

long heatmap_tile_of(const struct heatmap *hm, size_t input)
{
	for (size_t i = 0; i < hm->ntiles; i++)
		if (hm->tiles[i].input == input)
			return hm->tiles[i].flags & TREEMAP_HIDDEN ? -1 : (long)i;
	return -1;
}

long heatmap_input_at(const struct heatmap *hm, int y, int x)
{
	for (size_t i = 0; i < hm->ntiles; i++) {
		const struct treemap_rect *r = &hm->tiles[i].r;
		if (!(hm->tiles[i].flags & TREEMAP_HIDDEN) && y >= r->y && y < r->y + r->h &&
		    x >= r->x && x < r->x + r->w)
			return (long)hm->tiles[i].input;
	}
	return -1;
}

/* The treemap's own view of the tiles, for treemap_neighbour. */
static long neighbour(const struct heatmap *hm, size_t from, enum treemap_dir dir)
{
	struct treemap_tile *tt = calloc(hm->ntiles ? hm->ntiles : 1, sizeof *tt);
	long to;

	if (!tt)
		return -1;
	for (size_t i = 0; i < hm->ntiles; i++)
		tt[i] = (struct treemap_tile){ hm->tiles[i].r, hm->tiles[i].flags };
	to = treemap_neighbour(tt, hm->ntiles, from, dir);
	free(tt);
	return to;
}

long heatmap_move(const struct heatmap *hm, size_t input, enum treemap_dir dir)
{
	long from = heatmap_tile_of(hm, input), to;

	if (from < 0) {
		for (size_t i = 0; i < hm->ntiles; i++)
			if (!(hm->tiles[i].flags & TREEMAP_HIDDEN))
				return (long)hm->tiles[i].input;
		return -1;
	}
	to = neighbour(hm, (size_t)from, dir);
	return to < 0 ? -1 : (long)hm->tiles[to].input;
}

bool heatmap_group_rect(const struct heatmap *hm, int group, struct treemap_rect *out)
{
	bool any = false;
	int x1 = 0, y1 = 0;

	for (size_t i = 0; i < hm->ntiles; i++) {
		const struct treemap_rect *r = &hm->tiles[i].r;
		if (hm->tiles[i].group != group || (hm->tiles[i].flags & TREEMAP_HIDDEN))
			continue;
		if (!any) {
			*out = *r;
			x1 = r->x + r->w;
			y1 = r->y + r->h;
			any = true;
			continue;
		}
		if (r->x < out->x)
			out->x = r->x;
		if (r->y < out->y)
			out->y = r->y;
		if (r->x + r->w > x1)
			x1 = r->x + r->w;
		if (r->y + r->h > y1)
			y1 = r->y + r->h;
	}
	if (any) {
		out->w = x1 - out->x;
		out->h = y1 - out->y;
	}
	return any;
}

#define CONTRIB_MAX 8

/* snprintf at offset *want of buf, counting what it wanted. */
__attribute__((format(printf, 4, 5)))
static void append(char *buf, size_t len, int *want, const char *fmt, ...)
{
	size_t at = (size_t)*want < len ? (size_t)*want : len;
	va_list ap;

	va_start(ap, fmt);
	*want += vsnprintf(at < len ? buf + at : NULL, len - at, fmt, ap);
	va_end(ap);
}

int heatmap_breadth_line(const double *pct, const double *cap, const char *const *codes,
			 size_t n, size_t k, char *buf, size_t len)
{
	struct rally_breadth b = rally_breadth(pct, n);
	struct rally_contrib top[CONTRIB_MAX];
	double move;
	size_t got;
	int want = 0;

	if (len > 0)
		buf[0] = '\0';
	if (k > CONTRIB_MAX)
		k = CONTRIB_MAX;
	append(buf, len, &want, "Up %zu  Down %zu  Unch %zu", b.up, b.down, b.flat);
	if (b.unknown)
		append(buf, len, &want, "  n/a %zu", b.unknown);
	got = rally_contributors(cap, pct, n, top, k, &move);
	if (isnan(move))
		return want;
	append(buf, len, &want, "  | cap-wtd %+.2f%%%s", move, got ? ":" : "");
	for (size_t i = 0; i < got; i++)
		append(buf, len, &want, " %s %+.2f", codes[top[i].index], top[i].contrib);
	return want;
}
