/* view_heatmap.c - the watchlist as a squarified treemap coloured by change %
 *
 * Tiles are the watchlist's Hong Kong stocks (heatmap.h says why indexes
 * and US listings are left out), sized by market cap, equally or by
 * turnover (`a`), grouped by sector, coloured on the diverging heat scale.
 * Arrows move between tiles by their place on screen; the selection is the
 * watchlist's (dash->selected), so Enter and the other views agree on it.
 * `b` switches to the rally board (view_rally.c). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fmt.h"
#include "layout/heatmap_label.h"
#include "tui/view_heatmap.h"
#include "tui/screen.h"
#include "base/text.h"

struct view_heatmap_state *view_heatmap_get(struct dash *dash)
{
	struct view_heatmap_state *hv = dash_private(dash, &view_heatmap);

	if (hv && !hv->ready) {
		heatmap_init(&hv->hm);
		hv->mode = (enum heatmap_mode)dash->set.heatmap_area;
		hv->ready = true;
	}
	return hv;
}

static void done(struct dash *dash, void *state)
{
	struct view_heatmap_state *hv = state;

	(void)dash;
	heatmap_done(&hv->hm);
	free(hv->board_rows);
}

static double figure(const struct row *r, enum quote_field f)
{
	return r->have && r->q.f[f].ok ? r->q.f[f].v : NAN;
}

attr_t view_heatmap_attr(const struct dash *dash, double pct)
{
	return dash->ui->heat[heatmap_scale_bucket(pct)];
}

void view_heatmap_fill(const struct dash *dash, WINDOW *w, int y, int x, int width, double pct,
		   attr_t extra)
{
	struct heat_style s = heatmap_scale_style(heatmap_scale_bucket(pct), dash->ui->red_up);
	char fill[4] = { s.shade_ascii, 0 };
	const char *c = dash->ui->tier != UI_MONO ? " " : dash->ui->utf8 ? s.shade : fill;
	char buf[512];
	size_t used = 0, k = strlen(c);

	for (int i = 0; i < width && used + k < sizeof buf; i++, used += k)
		memcpy(buf + used, c, k);
	buf[used] = '\0';
	ui_text(w, y, x, width, buf, 0, view_heatmap_attr(dash, pct) | extra);
}

/* --- the header and the legend, shared with the rally board ------------- */

void view_heatmap_header(struct dash *dash, WINDOW *w, int y, const char *what)
{
	size_t n = dash->board.n, m = 0;
	double *pct = calloc(n ? n : 1, sizeof *pct), *cap = calloc(n ? n : 1, sizeof *cap);
	const char **codes = calloc(n ? n : 1, sizeof *codes);
	char line[512], breadth[400] = "";

	if (pct && cap && codes) {
		/* Breadth of the stocks: indexes and US listings would count twice. */
		for (size_t i = 0; i < n; i++) {
			const struct row *r = &dash->board.rows[i];
			if (r->in.market != MARKET_HK)
				continue;
			pct[m] = figure(r, QF_CHANGE_PCT);
			cap[m] = figure(r, QF_MARKET_CAP);
			codes[m++] = r->in.display;
		}
		heatmap_breadth_line(pct, cap, codes, m, dash->ui->cols >= 120 ? 5 : 3, breadth,
				     sizeof breadth);
	}
	snprintf(line, sizeof line, " %s  %s", what, breadth);
	ui_text(w, y, 0, dash->ui->cols, line, 0, dash->ui->attrs[UI_COLHEAD]);
	free(pct);
	free(cap);
	free(codes);
}

void view_heatmap_legend(struct dash *dash, WINDOW *w, int y, const char *tail)
{
	struct heat_legend lg[HEAT_BUCKETS];
	size_t n = heatmap_scale_legend(lg, HEAT_BUCKETS);
	int x = 1, cols = dash->ui->cols;
	/* A change inside each legend bucket, to draw its swatch. */
	static const double at[] = { -6, -4, -2.5, -1.5, 0, 1.5, 2.5, 4, 6 };

	ui_clear_row(w, y, 0, cols, A_NORMAL);
	if (cols < 120) {
		/* Narrow: the swatches between the ends of the scale, so the
		 * notes and causes after it keep their room. */
		ui_text(w, y, x, 4, lg[0].label, 0, dash->ui->attrs[UI_DIM]);
		x += 4;
		for (size_t i = 0; i < sizeof at / sizeof at[0]; i++, x++)
			view_heatmap_fill(dash, w, y, x, 1, at[i], 0);
		ui_text(w, y, x + 1, 4, lg[n - 1].label, 0, dash->ui->attrs[UI_DIM]);
		x += 5;
	}
	for (size_t i = 0; cols >= 120 && i < n && i < sizeof at / sizeof at[0]; i++) {
		int lw = (int)strlen(lg[i].label);
		view_heatmap_fill(dash, w, y, x, 2, at[i], 0);
		ui_text(w, y, x + 2, lw + 1, lg[i].label, 0, dash->ui->attrs[UI_DIM]);
		x += 3 + lw;
	}
	if (tail && x + 2 < cols)
		ui_text(w, y, x + 1, cols - x - 1, tail, 0, dash->ui->attrs[UI_DIM]);
}

/* --- the treemap ------------------------------------------------------- */

static bool build_inputs(struct dash *dash, struct heatmap_input **out)
{
	struct heatmap_input *in = calloc(dash->board.n ? dash->board.n : 1, sizeof *in);

	if (!in)
		return false;
	for (size_t i = 0; i < dash->board.n; i++) {
		const struct row *r = &dash->board.rows[i];
		const struct instrument_info *info = instruments_find(&dash->db, &r->in);
		in[i] = (struct heatmap_input){
			.in = r->in,
			.sector = info ? info->sector : NULL,
			.cap = figure(r, QF_MARKET_CAP),
			.turnover = figure(r, QF_TURNOVER),
			.pct = figure(r, QF_CHANGE_PCT),
		};
	}
	*out = in;
	return true;
}

/* One tile: its colour, a gap on the right and at the bottom when there
 * is room (same-coloured neighbours must not merge), and its label. */
static void draw_tile(struct dash *dash, WINDOW *w, const struct heatmap *hm,
		      const struct heatmap_tile *t, bool caption)
{
	const struct row *r = &dash->board.rows[t->input];
	struct treemap_rect b = t->r;
	bool sel = (long)t->input == dash->selected;
	int gx = b.w >= 4, gy = b.h >= 3, top = caption ? 1 : 0, y0;
	char code[SYMBOL_MAX + 4];
	struct heatmap_label lb;
	attr_t la;

	for (int y = 0; y < b.h; y++) {
		view_heatmap_fill(dash, w, b.y + y, b.x, b.w - gx, t->pct, 0);
		if (gx)
			ui_text(w, b.y + y, b.x + b.w - 1, 1, " ", 0, A_NORMAL);
	}
	if (gy)
		ui_clear_row(w, b.y + b.h - 1, b.x, b.w, A_NORMAL);
	/* ! as in the watchlist: an old quote; ? the size is not known. */
	snprintf(code, sizeof code, "%s%s%s", r->stale ? "!" : "", r->in.display,
		 t->flags & TREEMAP_UNSIZED ? "?" : "");
	heatmap_label_fit(code, dash_row_name(dash, r), t->pct, b.w - gx, b.h - gy - top, &lb);
	la = view_heatmap_attr(dash, t->pct) | (sel ? A_REVERSE | A_BOLD : 0);
	if (lb.level == HEATLABEL_NONE && sel)
		for (int y = 0; y < b.h - gy; y++)
			view_heatmap_fill(dash, w, b.y + y, b.x, b.w - gx, t->pct, A_REVERSE);
	y0 = b.y + top + (b.h - gy - top - lb.nlines) / 2;
	for (int i = 0; i < lb.nlines; i++) {
		int tw = text_width(lb.line[i]);
		ui_text(w, y0 + i, b.x + (b.w - gx - tw) / 2, tw, lb.line[i], 0, la);
	}
	(void)hm;
}

/* A sector's name over the top row of its first tile, when it has one. */
static void draw_captions(struct dash *dash, WINDOW *w, const struct heatmap *hm, bool *caption,
			  bool paint)
{
	for (int g = 0; g < hm->ngroups; g++) {
		struct treemap_rect gr;
		if (!heatmap_group_rect(hm, g, &gr))
			continue;
		for (size_t i = 0; i < hm->ntiles; i++) {
			const struct heatmap_tile *t = &hm->tiles[i];
			int room = t->r.w - (t->r.w >= 4) - 1;
			if (t->group != g || t->r.x != gr.x || t->r.y != gr.y || t->r.h < 4 ||
			    room < 4 || (t->flags & TREEMAP_HIDDEN))
				continue;
			caption[i] = true;
			if (paint)
				ui_text(w, t->r.y, t->r.x + 1, room, hm->groups[g], 0,
				view_heatmap_attr(dash, t->pct) | A_UNDERLINE);
		}
	}
}

static void selection_line(struct dash *dash, char *buf, size_t len)
{
	const struct row *r;
	const struct instrument_info *info;
	char cap[32] = "", pct[32];

	buf[0] = '\0';
	if (dash->selected < 0 || dash->selected >= (long)dash->board.n)
		return;
	r = &dash->board.rows[dash->selected];
	info = instruments_find(&dash->db, &r->in);
	if (r->have && r->q.f[QF_MARKET_CAP].ok)
		fmt_amount(r->q.f[QF_MARKET_CAP].v, dash->set.names, cap, sizeof cap);
	heatmap_label_pct(figure(r, QF_CHANGE_PCT), 2, pct, sizeof pct);
	snprintf(buf, len, "%s %s %s%s%s%s%s", r->in.display, dash_row_name(dash, r), pct,
		 cap[0] ? "  cap " : "", cap, info ? "  " : "", info ? info->sector : "");
}

static void draw_map(struct dash *dash, struct view_heatmap_state *hv, WINDOW *w, int top, int height)
{
	struct heatmap_input *in = NULL;
	struct treemap_rect area = { 0, top + 1, dash->ui->cols, height - 2 };
	char what[64], tail[256], sel[160], notes[128] = "";
	bool *caption;
	size_t hidden = 0;

	snprintf(what, sizeof what, "Heatmap by %s", heatmap_mode_names[hv->mode]);
	view_heatmap_header(dash, w, top, what);
	for (int y = 1; y < height; y++)
		ui_clear_row(w, top + y, 0, dash->ui->cols, A_NORMAL);
	if (!build_inputs(dash, &in) || !heatmap_layout(&hv->hm, in, dash->board.n, hv->mode, area)) {
		free(in);
		ui_text(w, top + 1, 1, dash->ui->cols - 1, "out of memory", 0, dash->ui->attrs[UI_ERROR]);
		return;
	}
	free(in);
	if (hv->hm.ntiles == 0)
		ui_text(w, top + 2, 1, dash->ui->cols - 1,
			"No Hong Kong stocks on the watchlist: press / to add one", 0,
			dash->ui->attrs[UI_DIM]);
	caption = calloc(hv->hm.ntiles ? hv->hm.ntiles : 1, sizeof *caption);
	if (caption)
		draw_captions(dash, w, &hv->hm, caption, false);
	for (size_t i = 0; i < hv->hm.ntiles; i++)
		if (!(hv->hm.tiles[i].flags & TREEMAP_HIDDEN))
			draw_tile(dash, w, &hv->hm, &hv->hm.tiles[i], caption && caption[i]);
	if (caption)
		draw_captions(dash, w, &hv->hm, caption, true);
	free(caption);
	for (size_t i = 0; i < hv->hm.ntiles; i++)
		hidden += (hv->hm.tiles[i].flags & TREEMAP_HIDDEN) != 0;
	if (hv->hm.unsized)
		snprintf(notes, sizeof notes, "?=no %s: smallest  ",
			 hv->mode == HEATMAP_CAP ? "cap" : "turnover");
	if (hidden)
		snprintf(notes + strlen(notes), sizeof notes - strlen(notes),
			 "%zu too small  ", hidden);
	if (hv->hm.left_out)
		snprintf(notes + strlen(notes), sizeof notes - strlen(notes),
			 "%zu left out (indexes, US)  ", hv->hm.left_out);
	sel[0] = '\0';
	if (dash->selected >= 0 && heatmap_tile_of(&hv->hm, (size_t)dash->selected) >= 0)
		selection_line(dash, sel, sizeof sel);
	/* The selection first: it changes with every key. */
	snprintf(tail, sizeof tail, "%s%s%s", sel, sel[0] ? "  " : "", notes);
	view_heatmap_legend(dash, w, top + height - 1, tail);
}

/* --- keys and the mouse ------------------------------------------------ */

static const enum treemap_dir dirs[ACT_COUNT] = {
	[ACT_MOVE_LEFT] = TREEMAP_LEFT, [ACT_MOVE_RIGHT] = TREEMAP_RIGHT,
	[ACT_MOVE_UP] = TREEMAP_UP, [ACT_MOVE_DOWN] = TREEMAP_DOWN,
};

static unsigned map_action(struct dash *dash, struct view_heatmap_state *hv, enum action act)
{
	long to;

	switch (act) {
	case ACT_MOVE_LEFT:
	case ACT_MOVE_RIGHT:
	case ACT_MOVE_UP:
	case ACT_MOVE_DOWN:
		to = heatmap_move(&hv->hm, dash->selected < 0 ? dash->board.n : (size_t)dash->selected,
				  dirs[act]);
		if (to < 0 || to == dash->selected)
			return REACT_NONE;
		dash->selected = to;
		return REACT_REDRAW;
	default:
		return REACT_PASS;
	}
}

static unsigned action(struct dash *dash, enum action act)
{
	struct view_heatmap_state *hv = view_heatmap_get(dash);

	if (!hv)
		return REACT_PASS;
	switch (act) {
	case ACT_HEAT_AREA:
		hv->mode = (enum heatmap_mode)((hv->mode + 1) % HEATMAP_MODES);
		dash_status(dash, false, "Tile area: %s", heatmap_mode_names[hv->mode]);
		return REACT_REDRAW_ALL;
	case ACT_HEAT_BOARD:
		dash->rally.shown = !dash->rally.shown;
		/* The board needs the minute series: fetch them now. */
		return REACT_REDRAW_ALL | (dash->rally.shown ? REACT_REFETCH : 0);
	default:
		return dash->rally.shown ? view_rally_action(dash, hv, act) : map_action(dash, hv, act);
	}
}

static unsigned click(struct dash *dash, int y, int x, int top)
{
	struct view_heatmap_state *hv = view_heatmap_get(dash);
	long to;

	if (!hv)
		return REACT_NONE;
	if (dash->rally.shown)
		return view_rally_click(dash, hv, y, top);
	if ((to = heatmap_input_at(&hv->hm, y, x)) < 0 || to == dash->selected)
		return REACT_NONE;
	dash->selected = to;
	return REACT_REDRAW;
}

static void draw(struct dash *dash, WINDOW *w, int top, int height)
{
	struct view_heatmap_state *hv = view_heatmap_get(dash);

	if (!hv) {
		ui_text(w, top, 0, dash->ui->cols, "out of memory", 0, dash->ui->attrs[UI_ERROR]);
		return;
	}
	if (dash->rally.shown)
		view_rally_draw(dash, hv, w, top, height);
	else
		draw_map(dash, hv, w, top, height);
}

const struct view_ops view_heatmap = {
	.name = "heatmap",
	.private_size = sizeof(struct view_heatmap_state),
	.draw = draw,
	.action = action,
	.click = click,
	.done = done,
};
