/* charset.h - GBK (and GB18030) text from the quote feeds to UTF-8 */
#ifndef HKTOP_CHARSET_H
#define HKTOP_CHARSET_H

#include <stdbool.h>
#include <stddef.h>

/* Convert len bytes of GB18030 (a superset of GBK) into a new UTF-8
 * buffer owned by the caller (*out, *outlen, NUL-terminated). Bytes that
 * are not valid GB18030 become U+FFFD and *bad counts them. Returns false
 * only on allocation or iconv failure, with a cause in err. */
bool charset_gbk_to_utf8(const char *in, size_t len, char **out, size_t *outlen,
			 size_t *bad, char *err, size_t errlen);

/* Longest charset name taken from a Content-Type. */
#define CHARSET_NAME_MAX 40

/* A reply body as UTF-8 in a new buffer owned by the caller (*out,
 * *outlen, NUL-terminated). content_type is the reply's Content-Type
 * header, or NULL: the charset it declares is read first, then UTF-8 and
 * then GBK (as GB18030, what the quote feeds send), and the first
 * reading in which every byte is valid wins. A body valid in none is
 * refused: false, with the cause in err. */
bool charset_reply_to_utf8(const char *in, size_t len, const char *content_type,
			   char **out, size_t *outlen, char *err, size_t errlen);

#endif
