/* text.h - make untrusted text safe to print and measure it by display width */
#ifndef HKTOP_TEXT_H
#define HKTOP_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Copy src (len bytes) into dst (cap bytes, NUL-terminated) as valid UTF-8:
 * invalid sequences become U+FFFD; C0, DEL, C1 controls are dropped; ESC
 * sequences (CSI, OSC, DCS/SOS/PM/APC, two-byte ESC x, and their 8-bit
 * C1 forms) are removed whole; bidi overrides and isolates (U+202A-202E,
 * U+2066-2069), the LRM/RLM/ALM marks and BOM are dropped; runs of
 * whitespace (tab, newline, NBSP, U+3000 ...) collapse to one space and the
 * ends are trimmed. Truncates on a character boundary. Returns the number
 * of bytes written. */
size_t text_sanitize(char *dst, size_t cap, const char *src, size_t len);

/* Write the code point c (at most U+10FFFF, not checked) as 1 to 4 bytes
 * of UTF-8 at out, no NUL; returns how many. */
size_t text_utf8_encode(uint32_t c, char *out);

/* Room text_quote needs: 32 characters of at most 4 bytes, an ellipsis,
 * two quotes and the NUL. */
#define TEXT_QUOTE_SIZE (32 * 4 + 3 + 2 + 1)

/* The one way a message shows user or network text: `"<text>"`, the text
 * sanitised (text_sanitize) and shortened to 32 characters with an
 * ellipsis, so a hostile argument or reply can neither drive the terminal
 * nor flood the message. Writes into dst (cap bytes, TEXT_QUOTE_SIZE is
 * always enough) and returns dst. */
const char *text_quote(char *dst, size_t cap, const char *s, size_t len);

/* Write `"<input>": <cause>` into err, the input quoted by text_quote. */
void text_quote_error(char *err, size_t errlen, const char *input, const char *cause);

/* Display width of a UTF-8 string in terminal columns (wcwidth), with
 * non-printables counted as the one-column U+FFFD that will replace them. */
int text_width(const char *s);

/* Byte length of the longest prefix of s that fits in cols columns, never
 * cutting a character. *used receives the columns that prefix takes. */
size_t text_fit(const char *s, int cols, int *used);

/* A message "<from>: ..." in s (cap bytes) becomes "<to>: ...": the
 * cause another's parser gave, under the name of the one that asked (the
 * demo). False, s as it was, when it does not start so or to does not fit. */
bool text_swap_source(char *s, size_t cap, const char *from, const char *to);

/* Does s (len bytes) start with word (lowercase ASCII), ignoring ASCII
 * case? The locale plays no part ("I" is "i" in Turkish too). */
bool text_starts_ci(const char *s, size_t len, const char *word);

/* A run of bytes inside a larger buffer, not NUL-terminated. */
struct text_span {
	const char *p;
	size_t len;
};

/* Is the span exactly the string str? */
bool text_span_is(struct text_span s, const char *str);

/* Split s at every sep. Stores the first max fields (empty ones included)
 * and returns how many there are in all, so callers can tell a short line
 * from a long one without a buffer sized for the worst case. */
size_t text_split(struct text_span s, char sep, struct text_span *fields, size_t max);

/* The same split, storing only where each of the first max fields ends
 * (the offset in s of the separator after it, or s.len); text_field gives
 * field i back, for i below both max and the count returned. */
size_t text_split_ends(struct text_span s, char sep, size_t *ends, size_t max);

static inline struct text_span text_field(struct text_span s, const size_t *ends, size_t i)
{
	size_t start = i ? ends[i - 1] + 1 : 0;

	return (struct text_span){ s.p + start, ends[i] - start };
}

/* One statement `<prefix><name>="<value>"` of a JavaScript-like reply body,
 * as Tencent (v_r_hk00700="...";) and Sina (var hq_str_rt_hk00700="...";)
 * send them. */
struct text_assign {
	struct text_span name;   /* "r_hk00700": letters, digits, _ . - */
	struct text_span value;  /* between the quotes */
	bool closed;             /* false: the value ran into the end of its line or
				  * of the body before its closing quote, so it
				  * may have been cut short */
};

/* Find the next statement with this prefix at or after *pos, skipping
 * anything else up to the next ';' or newline; *pos moves past it.
 * Statements may be separated by ';', LF or CRLF. False at the end. */
bool text_next_assign(const char **pos, const char *end, const char *prefix,
		      struct text_assign *a);

#endif
