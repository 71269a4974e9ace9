/* quote_sina.h - parser of Sina's hq.sinajs.cn rt_hk quote lines (pure, no I/O) */
#ifndef HKTOP_QUOTE_SINA_H
#define HKTOP_QUOTE_SINA_H

#include <stddef.h>

#include "model/quote.h"

/* Parse an hq.sinajs.cn body already decoded to UTF-8: lines of the form
 * var hq_str_rt_hk00700="f0,f1,...";  Fills res[i] as quote_tencent_parse_utf8
 * does, with errors prefixed "sina: <display>: ". */
void quote_sina_parse_utf8(const char *body, size_t len, const struct instrument *req,
		     size_t n, struct quote_result *res);

#endif
