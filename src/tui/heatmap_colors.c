/* heatmap_colors.c - the heat scale's colour pairs, after the semantic slots
 *
 * The heatmap needs a colour per bucket of change % (heatmap_scale.h), which
 * the scheme table of ui.c does not have: these pairs follow its pairs,
 * one per style, in the terminal's tier. Monochrome gets no pairs: the
 * view fills tiles with the style's shading characters instead, and a
 * rise is bold as in the watchlist. */
#include "config.h"

#include "tui/ui.h"

#define RGB(c) (((int)(c).r << 16) | ((int)(c).g << 8) | (int)(c).b)

static int heat_pair(int style)
{
	return UI_COLOR_COUNT + 1 + style;
}

void heatmap_colors_init(struct ui *ui)
{
	static const char names[] = "krgybmcw";

	for (int i = 0; i < HEAT_STYLES; i++) {
		struct heat_style s = heatmap_scale_style(i, ui->red_up);
		int fg, bg;

		/* The dump letter: the 8-colour tile, upper case when the tile
		 * itself is coloured, else the label's colour. */
		ui->heat_letter[i] = s.bg8 != HEAT_BLACK ? (char)(names[s.bg8] - 'a' + 'A')
							 : names[s.fg8];
		if (ui->tier == UI_MONO) {
			ui->heat[i] = i > HEAT_NEUTRAL && i < HEAT_BUCKETS ? A_BOLD : A_NORMAL;
			continue;
		}
		switch (ui->tier) {
		case UI_DIRECT:
			fg = RGB(s.fg);
			bg = RGB(s.bg);
			break;
		case UI_256:
			fg = s.fg256;
			bg = s.bg256;
			break;
		default:
			fg = s.fg8;
			bg = s.bg8;
			break;
		}
		init_extended_pair(heat_pair(i), fg, bg);
		ui->heat[i] = COLOR_PAIR(heat_pair(i)) |
			      (ui->tier == UI_8 && s.bold ? A_BOLD : A_NORMAL);
	}
}

char heatmap_colors_letter(const struct ui *ui, short pair)
{
	int style = pair - heat_pair(0);

	return style >= 0 && style < HEAT_STYLES ? ui->heat_letter[style] : '.';
}
