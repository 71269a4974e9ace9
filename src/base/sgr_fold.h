/* sgr_fold.h - the same screen in fewer bytes: the colour, attribute and
 * character set changes of a terminal byte stream folded into one
 * sequence each, sent just before the glyph (or erase) that shows them */
#ifndef HKTOP_SGR_FOLD_H
#define HKTOP_SGR_FOLD_H

#include <stdbool.h>
#include <stddef.h>

/* A terminal's graphic rendition: attributes as bits of SGR 1-9, and
 * colours as sent (a basic colour by 30-37/90-97, an index by 38;5, a
 * direct colour by 38;2 are different things to some terminals, so each
 * keeps its form); -1 the terminal's own. */
struct sgr_state {
	unsigned attrs;
	long fg, bg;
};

/* What the terminal is known to be in after the bytes folded so far. */
struct sgr_fold {
	bool known;             /* rendition known (after a reset went out) */
	struct sgr_state term;
	char g0;                /* G0 designated as ASCII 'B', DEC graphics '0', or 0: not known */
	int rows, cols;         /* the screen's size; 0: cursor moves left alone */
};

/* Nothing known yet: the next rendition goes out whole. */
void sgr_fold_init(struct sgr_fold *f);

/* Rewrite len bytes of terminal output into out (cap bytes) so that the
 * terminal shows the same cells and is left in the same state: SGR
 * sequences are merged, their effect sent only before what shows it (a
 * glyph, an erase, anything not understood) and as the shorter of the
 * change and a reset; SGRs undone before anything shows them are dropped;
 * a G0 designation already in force is dropped. Cursor moves (CUP, HVP,
 * CHA, HPA, VPA, CUF, CUB, HPR, CR, BS) are folded too, given the size
 * (sgr_fold_size); CUU, CUD and others pass as they are; neither forces
 * out a pending rendition. Whatever is not understood goes out unchanged, after the
 * pending changes, and what it may have changed is then not known.
 * *outlen gets the bytes written. False when cap is too small (f is then
 * advanced as for the input, which can be sent instead); a cap of
 * sgr_fold_bound(len) always suffices. */
bool sgr_fold(struct sgr_fold *f, const char *in, size_t len, char *out, size_t cap, size_t *outlen);

/* The screen's size, for cursor moves: a move that lands where the
 * cursor is known to be (after a move and glyphs of ASCII) goes out as
 * the shortest of CUP, VPA, CHA, CUF, CUB, CR and backspaces. */
void sgr_fold_size(struct sgr_fold *f, int rows, int cols);

/* A cap that always suffices for len bytes of input. */
size_t sgr_fold_bound(size_t len);

#endif
