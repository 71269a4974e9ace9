/* screen.h - the frame around the views: header, status line, one flush */
#ifndef HKTOP_SCREEN_H
#define HKTOP_SCREEN_H

#include <curses.h>

struct app;

#define SCREEN_MIN_ROWS 10
#define SCREEN_MIN_COLS 40

/* Draw what app->dirty says, then one doupdate(). */
void screen_render(struct app *app);

/* Rows the current view may use (between header and status line). */
int screen_body_height(const struct app *app);

/* A mouse event: wheel scrolls, a click selects. Returns reactions. */
unsigned screen_mouse(struct app *app, const MEVENT *ev);

#endif
