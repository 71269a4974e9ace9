/* display.h - the choices of how figures are shown, below every layer
 * that shows them: the config reads them, the layout and the views obey */
#ifndef HKTOP_DISPLAY_H
#define HKTOP_DISPLAY_H

enum names_lang { NAMES_EN, NAMES_ZH };
enum colors_up { COLORS_UP_AUTO, COLORS_UP_GREEN, COLORS_UP_RED };
enum chart_style { CHART_STYLE_LINE, CHART_STYLE_CANDLE };
enum heatmap_area { HEATMAP_AREA_CAP, HEATMAP_AREA_EQUAL, HEATMAP_AREA_TURNOVER };

#endif
