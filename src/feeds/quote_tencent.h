/* quote_tencent.h - parser of Tencent's qt.gtimg.cn quote lines (pure, no I/O) */
#ifndef HKTOP_QUOTE_TENCENT_H
#define HKTOP_QUOTE_TENCENT_H

#include <stddef.h>

#include "model/quote.h"

/* Parse a qt.gtimg.cn body already decoded to UTF-8: lines of the form
 * v_<code>="f0~f1~...";  For each of the n requested instruments, find its
 * line (reply code r_hkNNNNN, hkNNNNN, hkHSI, usBABA) and fill res[i] with
 * a quote or an error "tencent: <display>: <cause>". */
void quote_tencent_parse_utf8(const char *body, size_t len, const struct instrument *req,
			size_t n, struct quote_result *res);

#endif
