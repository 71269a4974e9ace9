/* script.c - tig-style key scripts and screen dumps for the screen tests */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "app/app.h"
#include "config/keys.h"
#include "tui/screen.h"
#include "app/script.h"
#include "base/text.h"

/* Special keys come as key codes, plain characters as characters. */
static void feed_key(struct app *app, int key)
{
	bool is_code = key >= KEYC_BASE;

	actions_key(app, (wint_t)key, is_code);
}

static void feed_text(struct app *app, const char *s)
{
	mbstate_t st;
	size_t len = strlen(s);

	memset(&st, 0, sizeof st);
	while (len > 0) {
		wchar_t wc;
		size_t k = mbrtowc(&wc, s, len, &st);
		if (k == (size_t)-1 || k == (size_t)-2 || k == 0)
			break;
		actions_key(app, (wint_t)wc, false);
		s += k;
		len -= k;
	}
}

static bool fail(struct app *app, const char *line, const char *why)
{
	char err[TEXT_QUOTE_SIZE + 256];

	app->quit = true;
	ui_done(&app->ui);
	text_quote_error(err, sizeof err, line, why);
	fprintf(stderr, "hktop: HKTOP_SCRIPT: %s\n", err);
	return false;
}

static bool command(struct app *app, char *line)
{
	char err[512];
	int rows, cols;

	if (strncmp(line, ":save-display ", 14) == 0 || strncmp(line, ":save-colors ", 13) == 0 ||
	    strncmp(line, ":save-backgrounds ", 18) == 0) {
		enum ui_dump_kind kind = line[6] == 'c' ? UI_DUMP_COLORS :
					 line[6] == 'b' ? UI_DUMP_BACKGROUNDS : UI_DUMP_TEXT;
		if (app->dash.dirty)
			screen_render(&app->dash);
		if (!ui_dump(&app->ui, strchr(line, ' ') + 1, kind, err, sizeof err))
			return fail(app, line, err);
		return true;
	}
	if (sscanf(line, ":resize %d %d", &rows, &cols) == 2) {
		if (rows < 1 || cols < 1 || rows > 1000 || cols > 1000)
			return fail(app, line, "bad size");
		ui_set_size(&app->ui, rows, cols);
		app->dash.dirty |= REDRAW_ALL | REDRAW_CLEAR;
		return true;
	}
	if (sscanf(line, ":click %d %d", &rows, &cols) == 2 ||
	    sscanf(line, ":double-click %d %d", &rows, &cols) == 2 ||
	    strcmp(line, ":wheel-up") == 0 || strcmp(line, ":wheel-down") == 0) {
		MEVENT ev;
		memset(&ev, 0, sizeof ev);
		if (line[1] == 'c' || line[1] == 'd') {
			ev.y = rows;
			ev.x = cols;
			ev.bstate = line[1] == 'd' ? BUTTON1_DOUBLE_CLICKED : BUTTON1_CLICKED;
		} else {
#ifdef BUTTON5_PRESSED
			ev.bstate = line[7] == 'u' ? BUTTON4_PRESSED : BUTTON5_PRESSED;
#else
			ev.bstate = BUTTON4_PRESSED;
#endif
		}
		actions_mouse(app, &ev);
		return true;
	}
	if (sscanf(line, ":burst %d", &rows) == 1 && rows > 0) {
		/* The next lines run back to back, not each after quiet: to
		 * press keys while a refresh is still in flight. */
		app->script_burst = rows;
		return true;
	}
	if (strcmp(line, ":refresh") == 0) {
		feed_key(app, keys_from_name("r"));
		return true;
	}
	if (strcmp(line, ":flash-end") == 0) {
		/* What the flash's timer does, which scripts have not. */
		app_flash_end(app);
		return true;
	}
	if (strcmp(line, ":quit") == 0)
		return false;
	return fail(app, line, "unknown command");
}

bool script_step(struct app *app)
{
	char line[1024];
	size_t n;
	int key;

	if (app->script_burst > 0)
		app->script_burst--;
	for (;;) {
		if (!fgets(line, sizeof line, app->script))
			return false;
		n = strcspn(line, "\r\n");
		line[n] = '\0';
		if (n && line[0] != '#')
			break;
	}
	if (line[0] == ':')
		return command(app, line);
	if (line[0] == '=') {
		feed_text(app, line + 1);
		return true;
	}
	if ((key = keys_from_name(line)) < 0)
		return fail(app, line, "not a key name");
	feed_key(app, key);
	return true;
}
