/* keys.h - actions declared once; key names; the keymap from defaults and `bind` */
#ifndef HKTOP_KEYS_H
#define HKTOP_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "base/keycode.h"

/* Every action: enum name, config name, the keys bound by default (a
 * space-separated list of key names), and its help line. The enum, the
 * name lookup, the default keymap, the `?` screen and the man page's key
 * list (checked by tests/cli.sh) all come from this one table. */
#define ACTIONS(_) \
	_(MOVE_DOWN,      "move-down",      "j <Down>",        "Select the next row") \
	_(MOVE_UP,        "move-up",        "k <Up>",          "Select the previous row") \
	_(MOVE_LEFT,      "move-left",      "h <Left>",        "Heatmap: the tile to the left; detail: an earlier bar") \
	_(MOVE_RIGHT,     "move-right",     "l <Right>",       "Heatmap: the tile to the right; detail: a later bar") \
	_(PAGE_DOWN,      "page-down",      "<PgDn> <C-f> <Space>", "Move down one page") \
	_(PAGE_UP,        "page-up",        "<PgUp> <C-b>",    "Move up one page") \
	_(FIRST,          "first",          "g <Home>",        "Select the first row") \
	_(LAST,           "last",           "G <End>",         "Select the last row") \
	_(SORT_NEXT,      "sort-next",      "s",               "Sort by the next column") \
	_(SORT_REVERSE,   "sort-reverse",   "S",               "Reverse the sort order") \
	_(FIND,           "find",           "/",               "Jump to a symbol, or add it") \
	_(REMOVE,         "remove",         "d <DC>",          "Remove the selected symbol") \
	_(REFRESH,        "refresh",        "r <F5>",          "Refresh quotes now") \
	_(TOGGLE_NAMES,   "toggle-names",   "L",               "Switch names between English and Chinese") \
	_(VIEW_WATCHLIST, "view-watchlist", "w",               "Show the watchlist") \
	_(VIEW_HEATMAP,   "view-heatmap",   "m",               "Show the heatmap") \
	_(HEAT_AREA,      "heat-area",      "a",               "Heatmap: tile area by market cap, equal or turnover") \
	_(HEAT_BOARD,     "heat-board",     "b",               "Heatmap: switch between the treemap and the rally board") \
	_(VIEW_NEXT,      "view-next",      "<Tab>",           "Cycle through the views") \
	_(VIEW_NEWS,      "view-news",      "n",               "Show the headlines") \
	_(OPEN,           "open",           "<Enter>",         "Open the selected ticker's detail view, or a headline's link") \
	_(COPY_LINK,      "copy-link",      "y",               "Headlines: copy the selected link (OSC 52)") \
	_(PREV_TICKER,    "prev-ticker",    "[",               "Detail view: the previous ticker") \
	_(NEXT_TICKER,    "next-ticker",    "]",               "Detail view: the next ticker") \
	_(CHART_1D,       "chart-1d",       "1",               "Detail view: chart of the day, minute by minute") \
	_(CHART_5D,       "chart-5d",       "2",               "Detail view: chart of 5 days") \
	_(CHART_1M,       "chart-1m",       "3",               "Detail view: chart of a month, daily bars") \
	_(CHART_3M,       "chart-3m",       "4",               "Detail view: chart of 3 months") \
	_(CHART_6M,       "chart-6m",       "5",               "Detail view: chart of 6 months") \
	_(CHART_1Y,       "chart-1y",       "6",               "Detail view: chart of a year") \
	_(CHART_5Y,       "chart-5y",       "7",               "Detail view: chart of 5 years, weekly bars") \
	_(TOGGLE_CANDLES, "toggle-candles", "c",               "Detail view: switch the chart between line and candles") \
	_(BACK,           "back",           "<Esc>",           "Return to the previous view") \
	_(HELP,           "help",           "? <F1>",          "Show the keys") \
	_(REDRAW,         "redraw",         "<C-l>",           "Redraw the screen") \
	_(QUIT,           "quit",           "q <C-c>",         "Quit, or back from detail/help/messages") \
	_(VIEW_MESSAGES,  "view-messages",  "M",               "Show the session's warnings and errors, newest first") \
	_(DISMISS,        "dismiss",        "x",               "Dismiss the error on the status line") \
	_(PAUSE,          "pause",          "z",               "Demo, replay: stop or restart the clock") \
	_(STEP,           "step",           ".",               "Demo, replay: pause and step the clock") \
	_(JUMP,           "jump",           "J",               "Replay: jump to a time (a prompt)") \
	_(NEXT_LIST,      "next-list",      "v",               "Show the next watchlist (list.NAME)") \
	_(PICK_LIST,      "pick-list",      "V",               "Pick a watchlist by name; new, rename or remove one") \
	_(VIEW_ALERTS,    "view-alerts",    "A",               "Show the alert rules, armed or fired") \
	_(ADD_ALERT,      "add-alert",      "!",               "Add an alert rule for the selected name") \
	_(VIEW_PORTFOLIO, "view-portfolio", "p",               "Show the portfolio: every lot, the positions and the totals") \
	_(TOGGLE_PRIVACY, "toggle-privacy", "$",               "Hide or show amounts held (per cents stay)") \
	_(ADD_LOT,        "add-lot",        "+",               "Add a lot to the positions file") \
	_(EDIT_LOT,       "edit-lot",       "e",               "Portfolio: edit the selected lot (d removes it)") \
	_(HALF_DOWN,      "half-page-down", "<C-d>",           "Move down half a page") \
	_(HALF_UP,        "half-page-up",   "<C-u>",           "Move up half a page") \
	_(UNDO,           "undo",           "u",               "Put back the last symbol removed") \
	_(PICK_COLUMNS,   "pick-columns",   "C",               "Choose and order the watchlist's columns")

enum action {
	ACT_NONE = 0,
#define ACTION_ENUM(id, name, keys, help) ACT_##id,
	ACTIONS(ACTION_ENUM)
#undef ACTION_ENUM
	ACT_COUNT
};

struct keys_action_info {
	const char *name;
	const char *keys;
	const char *help;
};

/* Indexed by enum action; [ACT_NONE] is empty. */
extern const struct keys_action_info keys_action_info[ACT_COUNT];

enum action keys_action_by_name(const char *name);

/* Key names as in the config's `bind` and the test scripts: a printable
 * character stands for itself; <Enter> <Esc> <Tab> <BackTab> <Space>
 * <Up> <Down> <Left> <Right> <PgUp> <PgDn> <Home> <End> <Ins> <DC>
 * <Backspace> <F1>..<F12> <C-a>..<C-z>. Returns -1 if not a key. */
int keys_from_name(const char *name);
void keys_to_name(int key, char *buf, size_t len);

#define KEYMAP_MAX 128

struct keymap {
	struct { int key; enum action act; } v[KEYMAP_MAX];
	size_t n;
};

/* The defaults from the table above. */
void keys_init(struct keymap *km);

/* `bind KEY ACTION`: later bindings win; ACTION "none" unbinds. */
bool keys_bind(struct keymap *km, const char *key, const char *action, char *err, size_t errlen);

/* The action of a key; is_code says it is one of enum key_code, not a
 * typed character. */
enum action keys_lookup(const struct keymap *km, int key, bool is_code);

/* The keys bound to an action, as names ("j <Down>"), for the help view. */
void keys_of_action(const struct keymap *km, enum action act, char *buf, size_t len);

#endif
