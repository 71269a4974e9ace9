/* html_text.h - HTML to plain text: character references decoded, tags, comments, scripts dropped */
#ifndef HKTOP_HTML_TEXT_H
#define HKTOP_HTML_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* HTML to plain text into dst (cap bytes, NUL-terminated): tags dropped
 * (block tags leave a space), comments, <script> and <style> removed whole,
 * character references decoded (&amp; &#39; &#x4e2d; and the common named
 * ones; unknown ones kept as written). With tags false only references are
 * decoded. The output never needs more than len + 1 bytes. The result is
 * not yet sanitised: a reference may decode to a control character. */
size_t html_text_decode(char *dst, size_t cap, const char *src, size_t len, bool tags);

#endif
