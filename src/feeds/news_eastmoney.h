/* news_eastmoney.h - Eastmoney's 7x24 flash news (getFastNewsList JSON) to headlines */
#ifndef HKTOP_NEWS_EASTMONEY_H
#define HKTOP_NEWS_EASTMONEY_H

#include <stdbool.h>
#include <stddef.h>

#include "model/news.h"

#define EASTMONEY_NEWS_SOURCE "eastmoney"
#define EASTMONEY_NEWS_MAX_BYTES (4u << 20) /* a larger body is refused unread */
#define EASTMONEY_NEWS_MAX_ITEMS 500        /* items past this are counted as skipped */

/* Parse a getFastNewsList body (FORMATS.md §4.6):
 *   {"code":"1","message":"success","data":{"fastNewsList":[
 *     {"code","title","summary","showTime":"YYYY-MM-DD HH:MM:SS","stockList":[...]}]}}
 * and add its items to list with source "eastmoney". A JSONP wrapper is
 * tolerated. Success is the string "1"; any other code, a body that is not
 * JSON, or a data.fastNewsList that is not an array fails the feed
 * ("eastmoney: <cause>" in st->err) and adds nothing. An item whose title
 * is missing, or any of whose fields has the wrong type, is skipped and
 * counted (st->note holds the first cause).
 *
 * showTime is Beijing time (UTC+8, as Hong Kong). Assumptions, from no
 * real capture: the link is https://finance.eastmoney.com/a/<code>.html
 * for an all-digit code, and stockList entries are secids "116.00700"
 * (116/128 = HK, 105/106/107 = US, 100.HSI), which become tags; entries
 * of any other shape are ignored. */
bool news_eastmoney_parse(const char *body, size_t len, struct news_list *list,
			  struct news_parse *st);

#endif
