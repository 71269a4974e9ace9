/* treemap.c - squarified treemap layout in whole terminal cells, and moving between tiles */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "layout/treemap.h"

/* One item as the layout sees it. */
struct ent {
	double w;        /* normalised weight, > 0 */
	double s;        /* normalised shape weight, > 0: w, or the key */
	double key;      /* order key, NaN made -inf */
	double gkey;     /* its group's order: the sum of the group's finite keys */
	size_t gfirst;   /* its group's lowest item index, to break group ties */
	size_t i;        /* index in the caller's arrays */
	int group;
	bool hidden;
};

/* One row of squarify's plan. */
struct row_plan {
	size_t k;        /* items in the row */
	bool column;     /* a strip down the left (else across the top) */
};

/* Scratch for squarify: one slot per cell along the longer side, and a
 * row plan for up to every item. */
struct scratch {
	int *len;
	double *tgt;
	struct row_plan *plan;
};

static int by_group(const void *a, const void *b)
{
	const struct ent *x = a, *y = b;

	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* Smallest weight first; of equals, the later item first (it hides first). */
static int by_smallness(const void *a, const void *b)
{
	const struct ent *x = a, *y = b;

	if (x->w != y->w)
		return x->w < y->w ? -1 : 1;
	return x->i > y->i ? -1 : x->i < y->i;
}

/* Layout order: groups by key then first index, items by key then index. */
static int by_layout(const void *a, const void *b)
{
	const struct ent *x = a, *y = b;

	if (x->gkey != y->gkey)
		return x->gkey > y->gkey ? -1 : 1;
	if (x->gfirst != y->gfirst)
		return x->gfirst < y->gfirst ? -1 : 1;
	if (x->key != y->key)
		return x->key > y->key ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* Split total cells among k weights in proportion, each at least one
 * (total >= k), by largest remainder; ties go to the earlier item. */
static void apportion(const double *w, size_t k, int total, int *out, double *tgt)
{
	double sum = 0;
	long have = 0;

	for (size_t i = 0; i < k; i++)
		sum += w[i];
	for (size_t i = 0; i < k; i++) {
		tgt[i] = total * (w[i] / sum);
		out[i] = (int)floor(tgt[i]);
		if (out[i] < 1)
			out[i] = 1;
		have += out[i];
	}
	for (; have > total; have--) {      /* the one-cell minimum overshot */
		size_t best = k;
		for (size_t i = 0; i < k; i++)
			if (out[i] > 1 && (best == k || out[i] - tgt[i] > out[best] - tgt[best]))
				best = i;
		out[best]--;
	}
	for (; have < total; have++) {
		size_t best = 0;
		for (size_t i = 1; i < k; i++)
			if (tgt[i] - out[i] > tgt[best] - out[best])
				best = i;
		out[best]++;
	}
}

/* The worst aspect ratio of a row of weights [0, k) along a side of
 * visual length side, at scale visual area per weight. */
static double worst(const double *w, size_t k, double side, double scale)
{
	double sum = 0, lo = HUGE_VAL, hi = 0, s2 = side * side;

	for (size_t i = 0; i < k; i++) {
		double a = w[i] * scale;
		sum += a;
		lo = a < lo ? a : lo;
		hi = a > hi ? a : hi;
	}
	sum *= sum;
	return fmax(s2 * hi / sum, sum / (s2 * lo));
}

/* Squarify's choice for the row at s[0, rem) along a side: how many items. */
static size_t row_length(const double *s, size_t rem, size_t cap, double side, double scale)
{
	size_t k = 1;

	while (k < rem && k < cap && worst(s, k + 1, side, scale) <= worst(s, k, side, scale))
		k++;
	return k;
}

/* The rows squarify makes of shape weights s[n] over a fw x fh rectangle
 * (in cell widths) in exact geometry: how many items each takes and which
 * way it lies, and if dims, each item's exact size (dims[2i], dims[2i+1])
 * to plan inside it. Planning from the shapes alone, before any rounding,
 * means a cell more or less somewhere cannot turn a row the other way and
 * move every tile after it. */
static void plan_rows(const double *s, size_t n, double fw, double fh, struct row_plan *plan,
		      double *dims)
{
	double rest = 0;

	for (size_t i = 0; i < n; i++)
		rest += s[i];
	for (size_t pos = 0, row = 0; pos < n; row++) {
		bool column = fw >= fh;
		double side = column ? fh : fw, scale = fw * fh / rest, rs = 0;
		size_t k = row_length(s + pos, n - pos, n, side, scale);

		for (size_t i = 0; i < k; i++)
			rs += s[pos + i];
		for (size_t i = 0; dims && i < k; i++) {
			double thick = rs * scale / side, along = s[pos + i] / rs * side;
			dims[2 * (pos + i)] = column ? thick : along;
			dims[2 * (pos + i) + 1] = column ? along : thick;
		}
		if (column)
			fw -= rs * scale / side;
		else
			fh -= rs * scale / side;
		rest -= rs;
		plan[row] = (struct row_plan){ k, column };
		pos += k;
	}
}

/* Squarify n > 0 weights w (in order) over r, which has at least n cells,
 * in rows planned from the shape weights s[n] over an exact pw x ph (see
 * plan_rows; dims may be NULL). Every cell of r ends up in exactly one
 * out[j], each of at least one cell. */
static void squarify(const double *w, const double *s, size_t n, struct treemap_rect r,
		     double pw, double ph, struct treemap_rect *out, double *dims,
		     struct scratch *sc)
{
	double wtotal = 0, wdone = 0, stotal = 0, sdone = 0;
	long atotal = (long)r.w * r.h;
	size_t pos = 0, row = 0;
	bool planned = true;

	for (size_t i = 0; i < n; i++) {
		wtotal += w[i];
		stotal += s[i];
	}
	plan_rows(s, n, pw, ph, sc->plan, dims);
	for (; pos < n; row++) {
		size_t rem = n - pos, k;
		long area = (long)r.w * r.h, t;
		bool column;
		int cells, length;
		double rw = 0;

		if (rem == 1) {
			out[pos] = r;
			return;
		}
		if (planned) {
			column = sc->plan[row].column;
			k = sc->plan[row].k;
		} else {
			column = r.w >= r.h * TREEMAP_CELL_ASPECT;
			k = row_length(s + pos, rem, rem, column ? r.h * TREEMAP_CELL_ASPECT : r.w,
				       area * TREEMAP_CELL_ASPECT / (stotal - sdone));
		}
		cells = column ? r.h : r.w;
		length = column ? r.w : r.h;
		/* Whole cells: at most one item per cell along the row, and a
		 * cell left for each item after it. Off the plan from here on. */
		if (k > (size_t)cells) {
			k = (size_t)cells;
			planned = false;
		}
		if (rem - k > (size_t)(area - cells)) {
			k = rem - (size_t)(area - cells);
			planned = false;
		}
		for (size_t i = 0; i < k; i++) {
			rw += w[pos + i];
			sdone += s[pos + i];
		}
		if (k == rem) {
			t = length;
		} else {
			/* Aim the remaining area at its exact share of the whole, so
			 * rounding never drifts from row to row. */
			double ideal_rest = atotal * ((wtotal - wdone - rw) / wtotal);
			long tmax = (area - (long)(rem - k)) / cells;

			t = lround((area - ideal_rest) / cells);
			if (tmax > length - 1)
				tmax = length - 1;
			t = t > tmax ? tmax : t;
			t = t < 1 ? 1 : t;
		}
		apportion(w + pos, k, cells, sc->len, sc->tgt);
		for (size_t i = 0, at = 0; i < k; at += (size_t)sc->len[i], i++) {
			struct treemap_rect *o = &out[pos + i];
			if (column)
				*o = (struct treemap_rect){ r.x, r.y + (int)at, (int)t, sc->len[i] };
			else
				*o = (struct treemap_rect){ r.x + (int)at, r.y, sc->len[i], (int)t };
		}
		if (column) {
			r.x += (int)t;
			r.w -= (int)t;
		} else {
			r.y += (int)t;
			r.h -= (int)t;
		}
		pos += k;
		wdone += rw;
	}
}

/* Lay out the visible entries of e[0, n) (already in order) over r.
 * w has room for 2n weights, rects for n. */
static void place(struct ent *e, size_t n, struct treemap_rect r, double pw, double ph,
		  struct treemap_tile *tiles, double *w, struct treemap_rect *rects,
		  struct scratch *sc)
{
	size_t m = 0;

	for (size_t i = 0; i < n; i++)
		if (!e[i].hidden) {
			w[m] = e[i].w;
			w[n + m++] = e[i].s;
		}
	if (m == 0)
		return;
	squarify(w, w + n, m, r, pw, ph, rects, NULL, sc);
	for (size_t i = 0, j = 0; i < n; i++)
		if (!e[i].hidden) {
			tiles[e[i].i].r = rects[j++];
			tiles[e[i].i].flags &= ~(unsigned)TREEMAP_HIDDEN;
		}
}

/* Hide the smallest visible entries of e[0, n) until at most cells remain. */
static void hide_to_fit(struct ent *e, size_t n, long cells)
{
	long vis = 0;

	for (size_t i = 0; i < n; i++)
		vis += !e[i].hidden;
	for (; vis > cells; vis--) {
		size_t s = n;
		for (size_t i = 0; i < n; i++)
			if (!e[i].hidden && (s == n || by_smallness(&e[i], &e[s]) < 0))
				s = i;
		e[s].hidden = true;
	}
}

/* Weights scaled so the largest usable one is 1; an unusable one (<= 0,
 * NaN, infinite) becomes the smallest usable one, or 1 if there is none. */
static void normalise(double *v, size_t n)
{
	double lo = HUGE_VAL, hi = 0;

	for (size_t i = 0; i < n; i++)
		if (isfinite(v[i]) && v[i] > 0) {
			lo = v[i] < lo ? v[i] : lo;
			hi = v[i] > hi ? v[i] : hi;
		}
	if (hi == 0)
		lo = hi = 1;
	for (size_t i = 0; i < n; i++) {
		v[i] = (isfinite(v[i]) && v[i] > 0 ? v[i] : lo) / hi;
		if (v[i] <= 0) /* so far below the largest that it underflowed */
			v[i] = 0x1p-1000;
	}
}

static void prepare(const struct treemap_item *items, size_t n, unsigned opts,
		    struct ent *e, double *tmp)
{
	bool grouped = opts & TREEMAP_GROUPED;

	for (size_t i = 0; i < n; i++) {
		tmp[i] = items[i].weight;
		tmp[n + i] = opts & TREEMAP_KEY_SHAPES ? items[i].order : items[i].weight;
	}
	normalise(tmp, n);
	normalise(tmp + n, n);
	for (size_t i = 0; i < n; i++)
		e[i] = (struct ent){
			.w = tmp[i],
			.s = tmp[n + i],
			.key = isnan(items[i].order) ? -HUGE_VAL : items[i].order,
			.i = i,
			.group = grouped ? items[i].group : 0,
		};
	/* Group keys: sort by group to find each group's runs. */
	qsort(e, n, sizeof *e, by_group);
	for (size_t a = 0, b; a < n; a = b) {
		double sum = 0;
		for (b = a; b < n && e[b].group == e[a].group; b++)
			if (isfinite(e[b].key))
				sum += e[b].key;
		for (size_t j = a; j < b; j++) {
			e[j].gkey = grouped ? sum : 0;
			e[j].gfirst = grouped ? e[a].i : 0;
		}
	}
}

/* A group's run in the layout order, its weights and its rectangle. */
struct grp {
	size_t a, b;     /* e[a, b) */
	long vis;        /* visible items */
	double w, s;
	struct treemap_rect r;
	double pw, ph;   /* its exact planned size, to plan its items in */
};

/* Cut area into one rectangle per group with a visible item. A group's
 * weight is raised where needed so its rectangle holds a cell for each of
 * its items: first to its share, then, where rounding still starved it,
 * again until it fits (or we give up and it hides its smallest). w has
 * room for 4 * ng weights. */
static void place_groups(struct grp *g, size_t ng, long cells, struct treemap_rect area,
			 double *w, struct treemap_rect *rects, struct scratch *sc)
{
	double sum = 0;

	if (ng == 1) {
		g[0].r = area;
		g[0].pw = area.w;
		g[0].ph = area.h * TREEMAP_CELL_ASPECT;
		return;
	}
	for (size_t j = 0; j < ng; j++)
		sum += g[j].w;
	for (size_t j = 0; j < ng; j++) {
		double need = (double)g[j].vis * sum / (double)cells;
		if (g[j].vis > 0 && g[j].w < need)
			g[j].w = need;
	}
	for (int tries = 0; tries < 8; tries++) {
		size_t m = 0;
		bool fits = true;

		for (size_t j = 0; j < ng; j++)
			if (g[j].vis > 0) {
				w[m] = g[j].w;
				w[ng + m++] = g[j].s;
			}
		if (m == 0)
			return;
		squarify(w, w + ng, m, area, area.w, area.h * TREEMAP_CELL_ASPECT, rects,
			 w + 2 * ng, sc);
		for (size_t j = 0, k = 0; j < ng; j++)
			if (g[j].vis > 0) {
				g[j].pw = w[2 * ng + 2 * k];
				g[j].ph = w[2 * ng + 2 * k + 1];
				g[j].r = rects[k++];
				if ((long)g[j].r.w * g[j].r.h < g[j].vis) {
					g[j].w *= 1.5;
					fits = false;
				}
			}
		if (fits)
			return;
	}
}

bool treemap_layout(const struct treemap_item *items, size_t n, unsigned opts,
		    struct treemap_rect area, struct treemap_tile *tiles)
{
	struct ent *e = NULL;
	struct grp *g = NULL;
	struct treemap_rect *rects = NULL;
	struct scratch sc = { NULL, NULL, NULL };
	double *w = NULL;
	long cells = area.w > 0 && area.h > 0 ? (long)area.w * area.h : 0;
	size_t longer = (size_t)(area.w > area.h ? area.w : area.h) + 1, ng = 0;
	bool ok = false;

	for (size_t i = 0; i < n; i++) {
		double v = items[i].weight;
		tiles[i] = (struct treemap_tile){ { 0, 0, 0, 0 }, TREEMAP_HIDDEN };
		if (!(isfinite(v) && v > 0))
			tiles[i].flags |= TREEMAP_UNSIZED;
	}
	if (n == 0 || cells == 0)
		return true;
	e = malloc(n * sizeof *e);
	g = malloc(n * sizeof *g);
	w = malloc(4 * n * sizeof *w);
	rects = malloc(n * sizeof *rects);
	sc.len = malloc(longer * sizeof *sc.len);
	sc.tgt = malloc(longer * sizeof *sc.tgt);
	sc.plan = malloc(n * sizeof *sc.plan);
	if (!e || !g || !w || !rects || !sc.len || !sc.tgt || !sc.plan)
		goto out;
	prepare(items, n, opts, e, w);

	/* More items than cells: the smallest go. */
	if ((long long)n > cells) {
		qsort(e, n, sizeof *e, by_smallness);
		for (size_t i = 0; i < n - (size_t)cells; i++)
			e[i].hidden = true;
	}
	qsort(e, n, sizeof *e, by_layout);

	for (size_t a = 0, b; a < n; a = b) {
		struct grp *gr = &g[ng++];
		*gr = (struct grp){ .a = a };
		for (b = a; b < n && e[b].group == e[a].group; b++)
			if (!e[b].hidden) {
				gr->w += e[b].w;
				gr->s += e[b].s;
				gr->vis++;
			}
		gr->b = b;
	}
	place_groups(g, ng, cells, area, w, rects, &sc);
	for (size_t j = 0; j < ng; j++) {
		if (g[j].vis == 0)
			continue;
		hide_to_fit(e + g[j].a, g[j].b - g[j].a, (long)g[j].r.w * g[j].r.h);
		place(e + g[j].a, g[j].b - g[j].a, g[j].r, g[j].pw, g[j].ph, tiles, w, rects, &sc);
	}
	ok = true;
out:
	if (!ok)
		for (size_t i = 0; i < n; i++)
			tiles[i].flags |= TREEMAP_HIDDEN;
	free(e);
	free(g);
	free(w);
	free(rects);
	free(sc.len);
	free(sc.tgt);
	free(sc.plan);
	return ok;
}

size_t treemap_hidden(const struct treemap_tile *tiles, size_t n)
{
	size_t h = 0;

	for (size_t i = 0; i < n; i++)
		h += (tiles[i].flags & TREEMAP_HIDDEN) != 0;
	return h;
}

bool treemap_group_rect(const struct treemap_item *items, const struct treemap_tile *tiles,
			size_t n, int group, struct treemap_rect *out)
{
	int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
	bool any = false;

	for (size_t i = 0; i < n; i++) {
		const struct treemap_rect *r = &tiles[i].r;
		if (items[i].group != group || (tiles[i].flags & TREEMAP_HIDDEN))
			continue;
		if (!any || r->x < x0)
			x0 = r->x;
		if (!any || r->y < y0)
			y0 = r->y;
		if (!any || r->x + r->w > x1)
			x1 = r->x + r->w;
		if (!any || r->y + r->h > y1)
			y1 = r->y + r->h;
		any = true;
	}
	if (any)
		*out = (struct treemap_rect){ x0, y0, x1 - x0, y1 - y0 };
	return any;
}

double treemap_sticky_key(double prev, double weight, double slack)
{
	bool have = isfinite(prev) && prev > 0;

	if (!(isfinite(weight) && weight > 0))
		return have ? prev : 0;
	if (have && slack > 1 && weight >= prev / slack && weight <= prev * slack)
		return prev;
	return weight;
}

/* Overlap of [a0, a1) and [b0, b1), or 0. */
static long span(long a0, long a1, long b0, long b1)
{
	long lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;

	return hi > lo ? hi - lo : 0;
}

long treemap_neighbour(const struct treemap_tile *tiles, size_t n, size_t from,
		       enum treemap_dir dir)
{
	const struct treemap_rect *f;
	long best = -1, bgap = 0, bshare = 0;
	long long bdist = 0;
	bool horiz = dir == TREEMAP_LEFT || dir == TREEMAP_RIGHT;
	int sign = dir == TREEMAP_RIGHT || dir == TREEMAP_DOWN ? 1 : -1;

	if (from >= n || (tiles[from].flags & TREEMAP_HIDDEN))
		return -1;
	f = &tiles[from].r;
	for (size_t j = 0; j < n; j++) {
		const struct treemap_rect *c = &tiles[j].r;
		/* Centres and edges in half cells, so they are whole numbers. */
		long dx = (2L * c->x + c->w) - (2L * f->x + f->w);
		long dy = (2L * c->y + c->h) - (2L * f->y + f->h);
		long along = horiz ? dx : dy, gap, share;
		long long dist;

		if (j == from || (tiles[j].flags & TREEMAP_HIDDEN) || along * sign <= 0)
			continue;
		if (horiz) {
			gap = sign > 0 ? c->x - (f->x + f->w) : f->x - (c->x + c->w);
			share = span(f->y, f->y + f->h, c->y, c->y + c->h);
		} else {
			gap = sign > 0 ? c->y - (f->y + f->h) : f->y - (c->y + c->h);
			share = span(f->x, f->x + f->w, c->x, c->x + c->w);
		}
		gap = gap < 0 ? 0 : gap;
		dist = (long long)dx * dx + (long long)(TREEMAP_CELL_ASPECT * TREEMAP_CELL_ASPECT) * dy * dy;
		if (best >= 0) {
			if ((share > 0) != (bshare > 0)) {
				if (bshare > 0)
					continue;
			} else if (gap != bgap) {
				if (gap > bgap)
					continue;
			} else if (share != bshare) {
				if (share < bshare)
					continue;
			} else if (dist >= bdist) {
				continue;
			}
		}
		best = (long)j;
		bgap = gap;
		bshare = share;
		bdist = dist;
	}
	return best;
}
