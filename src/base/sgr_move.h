/* sgr_move.h - cursor moves in the fewest bytes (for sgr_fold) */
#ifndef HKTOP_SGR_MOVE_H
#define HKTOP_SGR_MOVE_H

#include <stdbool.h>
#include <stddef.h>

/* Where the cursor is, and where the moves taken in so far put it; -1
 * for not known. */
struct sgr_cursor {
	int y, x, want_y, want_x;
};

/* Room for what sgr_move_flush writes: a VPA and a move along a row. */
#define SGR_MOVE_MAX 32

/* A cursor move (CUP, HVP, CHA, HPA, VPA, CUF, CUB, HPR, CR, BS) taken in
 * where it is exactly known where it puts the cursor on a screen of rows
 * x cols: true; false leaves it to go out as it came (past an edge the
 * terminal stops at its own, which may not be where curses thinks). */
bool sgr_move_take(struct sgr_cursor *c, int rows, int cols, const char *p, size_t n);

/* The moves taken in, as the shortest of CUP, VPA and a move along the
 * row from where the cursor is, into out (SGR_MOVE_MAX); its length. */
size_t sgr_move_flush(struct sgr_cursor *c, char *out);

#endif
