/* script.h - drive the dashboard from a file in tests ($HKTOP_SCRIPT) */
#ifndef HKTOP_SCRIPT_H
#define HKTOP_SCRIPT_H

#include <stdbool.h>

struct app;

/* Run the next script line: a key name (as in `bind`: j, <Enter>, <C-l>),
 * literal text after '=' typed key by key, or a command:
 *   :save-display FILE    the screen as text
 *   :save-colors FILE     the screen, each row followed by its colours
 *   :resize ROWS COLS     as if the terminal were resized
 *   :click ROW COL        a mouse click at that cell (0-based)
 *   :wheel-up, :wheel-down   the mouse wheel
 *   :refresh              refresh now and wait for it
 *   :quit
 * Blank lines and '#' comments are skipped. Returns false at the end of
 * the script or on :quit. A bad line stops the run with a message. */
bool script_step(struct app *app);

#endif
