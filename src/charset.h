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

#endif
