/* news_eastmoney.c - Eastmoney's 7x24 flash news (getFastNewsList JSON) to headlines
 *
 * The shape is known from other projects' parsers, not a documented API
 * (FORMATS.md §4.6), so every value's type is checked before it is used:
 * a wrong one at the top fails the feed, inside an item skips the item. */
#include "config.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "feeds/news_eastmoney.h"
#include "base/hktime.h"
#include "base/log.h"
#include "base/text.h"

#define SOURCE_NAME EASTMONEY_NEWS_SOURCE
#define CODE_MAX 32
#define LINK_FMT "https://finance.eastmoney.com/a/%s.html"

/* JSONP ("cb({...});") or stray bytes around the object: keep the object. */
static bool unwrap(const char **body, size_t *len)
{
	const char *open = memchr(*body, '{', *len), *close = NULL, *p;

	if (!open)
		return false;
	for (p = *body + *len; p > open; p--) {
		if (p[-1] == '}') {
			close = p;
			break;
		}
	}
	if (!close)
		return false;
	*len = (size_t)(close - open);
	*body = open;
	return true;
}

/* A member that is there and not null. */
static const cJSON *member(const cJSON *obj, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);

	return v && !cJSON_IsNull(v) ? v : NULL;
}

static bool all_digits(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n <= CODE_MAX && strspn(s, "0123456789") == n;
}

/* "116.00700" -> 0700; "105.BABA" -> BABA; "100.HSI" -> HSI. */
static bool secid_instrument(const char *s, struct instrument *in)
{
	const char *dot = strchr(s, '.'), *code;
	char err[64], form[SYMBOL_MAX + 4];
	size_t mlen;

	if (!dot || strlen(dot + 1) == 0 || strlen(dot + 1) >= SYMBOL_MAX)
		return false;
	mlen = (size_t)(dot - s);
	code = dot + 1;
	if (mlen == 3 && (memcmp(s, "116", 3) == 0 || memcmp(s, "128", 3) == 0) &&
	    all_digits(code))
		snprintf(form, sizeof form, "%s.HK", code);
	else if (mlen == 3 && memcmp(s, "10", 2) == 0 && s[2] >= '5' && s[2] <= '7')
		snprintf(form, sizeof form, "US.%s", code);
	else if (mlen == 3 && memcmp(s, "100", 3) == 0 && strcmp(code, "HSI") == 0)
		snprintf(form, sizeof form, "HSI");
	else
		return false;
	return symbol_parse(form, in, err, sizeof err);
}

/* Fields of wrong type skip the item: each returns false with *why set. */
static bool take_string(const cJSON *item, const char *name, const char **out, const char **why)
{
	const cJSON *v = member(item, name);

	*out = NULL;
	if (!v)
		return true;
	if (!cJSON_IsString(v) || !v->valuestring) {
		*why = name;
		return false;
	}
	*out = v->valuestring;
	return true;
}

enum item_result { ITEM_OK, ITEM_SKIP, ITEM_NOMEM };

static enum item_result parse_item(const cJSON *item, struct headline *h, struct news_parse *st)
{
	const char *title, *summary, *code, *when, *why = NULL;
	const cJSON *stocks, *s;
	char link[sizeof LINK_FMT + CODE_MAX];
	int y, mo, d, hh, mi, sec;
	struct instrument in;
	enum news_text t;
	bool nomem;

	if (!cJSON_IsObject(item)) {
		news_parse_skip(st, SOURCE_NAME, "item %zu is not an object", st->items);
		return ITEM_SKIP;
	}
	stocks = member(item, "stockList");
	if (!take_string(item, "title", &title, &why) || !take_string(item, "summary", &summary, &why) ||
	    !take_string(item, "code", &code, &why) || !take_string(item, "showTime", &when, &why) ||
	    (stocks && !cJSON_IsArray(stocks) && (why = "stockList"))) {
		news_parse_skip(st, SOURCE_NAME, "item %zu: %s has the wrong type", st->items, why);
		return ITEM_SKIP;
	}
	t = title ? news_text_dup(&h->title, title, strlen(title), NEWS_TITLE_MAX, NEWS_TEXT_ENTITIES)
		  : NEWS_TEXT_EMPTY;
	if (t == NEWS_TEXT_EMPTY || t == NEWS_TEXT_LONG) {
		news_parse_skip(st, SOURCE_NAME, "item %zu: %s", st->items,
				t == NEWS_TEXT_EMPTY ? "no title" : "title too long");
		return ITEM_SKIP;
	}
	if (t == NEWS_TEXT_NOMEM ||
	    (summary && news_text_dup(&h->summary, summary, strlen(summary), NEWS_SUMMARY_MAX,
				      NEWS_TEXT_HTML | NEWS_TEXT_CUT) == NEWS_TEXT_NOMEM) ||
	    news_text_dup(&h->source, SOURCE_NAME, strlen(SOURCE_NAME), NEWS_SOURCE_MAX,
			  NEWS_TEXT_PLAIN) == NEWS_TEXT_NOMEM)
		return ITEM_NOMEM;
	if (code && all_digits(code)) {
		if (!(h->guid = strdup(code)))
			return ITEM_NOMEM;
		snprintf(link, sizeof link, LINK_FMT, code);
		h->link = news_link_dup(link, strlen(link), &nomem);
		if (nomem)
			return ITEM_NOMEM;
	}
	if (when && hktime_parse_wall(when, strlen(when), &y, &mo, &d, &hh, &mi, &sec) &&
	    hktime_make(y, mo, d, hh, mi, sec, HKT_OFFSET, &h->time) && !news_time_sane(h->time))
		h->time = 0;
	cJSON_ArrayForEach(s, stocks)
		if (cJSON_IsString(s) && s->valuestring && secid_instrument(s->valuestring, &in))
			news_headline_add_tag(h, &in);
	return ITEM_OK;
}

static bool parse_list(const cJSON *root, struct news_list *out, struct news_parse *st)
{
	const cJSON *code, *msg, *data, *list, *item;
	const char *why = "no message";
	enum item_result r;
	struct headline h;
	char shown[160], text[80];

	if (!cJSON_IsObject(root)) {
		news_parse_fail(st, SOURCE_NAME, "reply is not a JSON object");
		return false;
	}
	code = member(root, "code");
	if (!code || !cJSON_IsString(code) || !code->valuestring) {
		news_parse_fail(st, SOURCE_NAME, "reply has no string \"code\"");
		return false;
	}
	if (strcmp(code->valuestring, "1") != 0) {
		msg = member(root, "message");
		if (msg && cJSON_IsString(msg) && msg->valuestring)
			why = msg->valuestring;
		if (!text_sanitize(text, sizeof text, why, strlen(why)))
			snprintf(text, sizeof text, "no message");
		text_quote_error(shown, sizeof shown, code->valuestring, text);
		news_parse_fail(st, SOURCE_NAME, "error code %s", shown);
		return false;
	}
	data = member(root, "data");
	if (!data || !cJSON_IsObject(data)) {
		news_parse_fail(st, SOURCE_NAME, "\"data\" is not an object");
		return false;
	}
	list = member(data, "fastNewsList");
	if (!list || !cJSON_IsArray(list)) {
		news_parse_fail(st, SOURCE_NAME, "\"data.fastNewsList\" is not an array");
		return false;
	}
	cJSON_ArrayForEach(item, list) {
		if (++st->items > EASTMONEY_NEWS_MAX_ITEMS) {
			news_parse_skip(st, SOURCE_NAME, "more than %d items", EASTMONEY_NEWS_MAX_ITEMS);
			continue;
		}
		memset(&h, 0, sizeof h);
		r = parse_item(item, &h, st);
		if (r == ITEM_OK && news_list_add(out, &h) == NEWS_NOMEM)
			r = ITEM_NOMEM;
		news_headline_done(&h); /* what the list did not take */
		if (r == ITEM_NOMEM) {
			news_parse_fail(st, SOURCE_NAME, "out of memory");
			return false;
		}
	}
	return true;
}

bool news_eastmoney_parse(const char *body, size_t len, struct news_list *list,
			  struct news_parse *st)
{
	struct news_list items;
	cJSON *root;
	bool ok;

	memset(st, 0, sizeof *st);
	if (len > EASTMONEY_NEWS_MAX_BYTES) {
		news_parse_fail(st, SOURCE_NAME, "reply of %zu bytes is over the %u-byte limit", len,
				EASTMONEY_NEWS_MAX_BYTES);
		return false;
	}
	if (!body || !unwrap(&body, &len) || !(root = cJSON_ParseWithLength(body, len))) {
		news_parse_fail(st, SOURCE_NAME, "reply is not JSON");
		return false;
	}
	news_list_init(&items);
	ok = parse_list(root, &items, st);
	cJSON_Delete(root);
	if (!ok) {
		news_list_done(&items);
		return false;
	}
	st->added = news_list_merge(list, &items);
	if (st->skipped)
		log_debug("%s", st->note);
	return true;
}
