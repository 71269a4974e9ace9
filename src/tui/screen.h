/* screen.h - the frame around the views: header, status line, one flush */
#ifndef HKTOP_SCREEN_H
#define HKTOP_SCREEN_H

#include <curses.h>

struct dash;

#define SCREEN_MIN_ROWS 10
#define SCREEN_MIN_COLS 40

/* Draw what dash->dirty says, then one doupdate(). */
void screen_render(struct dash *dash);

/* Rows the current view may use (between header and status line). */
int screen_body_height(const struct dash *dash);

/* A mouse event: wheel scrolls, a click selects. Returns reactions. */
unsigned screen_mouse(struct dash *dash, const MEVENT *ev);

#endif
