/* news_feed.c - the headline sources: URLs from the watchlist, parse, tag, merge
 *
 * Each source keeps the headlines of its last good fetch, so a failing
 * source goes on showing what it had (marked stale by its err) rather
 * than emptying the list. The merged list is rebuilt from copies of every
 * source's headlines after each response: a few hundred items, every two
 * minutes, is cheaper than being clever about it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/builtin.h"
#include "feeds/news_eastmoney.h"
#include "base/fmt.h"
#include "base/hktime.h"
#include "feeds/news_feed.h"
#include "feeds/news_rss.h"

static void add_source(struct newsfeed *f, enum newsfeed_kind kind, const char *name,
		       const char *base)
{
	struct newsfeed_source *s;

	if (f->nsrc >= NEWSFEED_MAX_SOURCES)
		return;
	s = &f->src[f->nsrc++];
	s->kind = kind;
	snprintf(s->name, sizeof s->name, "%s", name);
	snprintf(s->base, sizeof s->base, "%s", base);
	news_list_init(&s->items);
}

/* A user feed is named after its host, "www." dropped: "ft.com". */
static void feed_name(const struct newsfeed *f, const char *url, char *buf, size_t len)
{
	const char *h = strstr(url, "://");
	size_t n;
	int dup = 1;

	h = h ? h + 3 : url;
	if (strncmp(h, "www.", 4) == 0)
		h += 4;
	n = strcspn(h, "/:?#");
	snprintf(buf, len, "%.*s", (int)n, h);
	for (size_t i = 0; i < f->nsrc; i++)
		if (strcmp(f->src[i].name, buf) == 0)
			dup++;
	if (dup > 1) {
		char tail[8];
		int k = snprintf(tail, sizeof tail, "-%d", dup);
		size_t room = len - 1 - (size_t)k;
		if (strlen(buf) > room)
			buf[room] = '\0';
		strcat(buf, tail);
	}
}

bool news_feed_init(struct newsfeed *f, const struct newsfeed_config *c,
		   const struct instrument_db *db, bool demo, char *err, size_t errlen)
{
	char terr[128];

	memset(f, 0, sizeof *f);
	news_list_init(&f->merged);
	f->keep = c->count;
	f->db = db;
	tagger_load(&f->tagger, builtin_aliases, builtin_aliases_len, terr, sizeof terr);
	if (!f->tagger.n) {
		snprintf(err, errlen, "headline tagger: %s", terr[0] ? terr : "out of memory");
		return false;
	}
	if (demo) {
		add_source(f, NEWSFEED_DEMO, NEWSFEED_DEMO_SOURCE, "");
		return true;
	}
	if (c->yahoo)
		add_source(f, NEWSFEED_YAHOO, "yahoo", c->yahoo_rss_url);
	if (c->google) {
		add_source(f, NEWSFEED_GOOGLE_EN, "google", c->google_news_url);
		add_source(f, NEWSFEED_GOOGLE_HK, "google-hk", c->google_news_url);
	}
	if (c->eastmoney)
		add_source(f, NEWSFEED_EASTMONEY, EASTMONEY_NEWS_SOURCE, c->eastmoney_news_url);
	for (const char *p = c->feeds; *p;) {
		size_t n = strcspn(p, " ");
		char url[NEWSFEED_URL_MAX], name[NEWS_SOURCE_MAX];
		if (n && n < sizeof url) {
			snprintf(url, sizeof url, "%.*s", (int)n, p);
			feed_name(f, url, name, sizeof name);
			add_source(f, NEWSFEED_RSS, name, url);
		}
		p += n;
		while (*p == ' ')
			p++;
	}
	return true;
}

void news_feed_done(struct newsfeed *f)
{
	for (size_t i = 0; i < f->nsrc; i++)
		news_list_done(&f->src[i].items);
	news_list_done(&f->merged);
	free(f->arrived);
	free(f->watch);
	tagger_done(&f->tagger);
	memset(f, 0, sizeof *f);
}

bool news_feed_set_watch(struct newsfeed *f, const struct instrument *in, size_t n)
{
	struct instrument *copy = n ? malloc(n * sizeof *copy) : NULL;

	if (n && !copy)
		return false;
	if (n)
		memcpy(copy, in, n * sizeof *copy);
	free(f->watch);
	f->watch = copy;
	f->nwatch = n;
	return true;
}

/* --- URLs ----------------------------------------------------------------- */

bool news_feed_query_escape(char *buf, size_t len, size_t *used, const char *src)
{
	static const char hex[] = "0123456789ABCDEF";

	for (const unsigned char *p = (const unsigned char *)src; *p; p++) {
		bool plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			     (*p >= '0' && *p <= '9') || strchr("-_.~", *p);
		size_t need = plain || *p == ' ' ? 1 : 3;
		if (*used + need >= len)
			return false;
		if (plain) {
			buf[(*used)++] = (char)*p;
		} else if (*p == ' ') {
			buf[(*used)++] = '+';
		} else {
			buf[(*used)++] = '%';
			buf[(*used)++] = hex[*p >> 4];
			buf[(*used)++] = hex[*p & 15];
		}
	}
	buf[*used] = '\0';
	return true;
}

static bool append(char *buf, size_t len, size_t *used, const char *s)
{
	size_t n = strlen(s);

	if (*used + n >= len)
		return false;
	memcpy(buf + *used, s, n + 1);
	*used += n;
	return true;
}

/* The name Google is searched for: the first English alias that is a word
 * rather than a code or ticker ("Tencent"), or the Chinese name without
 * its share-class suffix ("騰訊控股" from "騰訊控股", "阿里巴巴" from "阿里巴巴-W"). */
static bool search_name(const struct newsfeed *f, const struct instrument *in, bool zh,
			char *buf, size_t len)
{
	const struct tagger_alias *best = NULL;

	if (zh && f->db) {
		const struct instrument_info *info = instruments_find(f->db, in);
		if (info && info->name_zh_hant[0]) {
			snprintf(buf, len, "%.*s", (int)strcspn(info->name_zh_hant, "-"),
				 info->name_zh_hant);
			return buf[0] != '\0';
		}
	}
	for (size_t i = 0; i < f->tagger.n; i++) {
		const struct tagger_alias *a = &f->tagger.v[i];
		bool ascii = true, lower = false;
		if (a->block || !symbol_equal(&a->in, in))
			continue;
		for (size_t k = 0; k < a->len; k++) {
			unsigned char c = (unsigned char)a->text[k];
			ascii = ascii && c < 0x80;
			lower = lower || (c >= 'a' && c <= 'z');
		}
		if (ascii == zh || (!zh && !lower))
			continue;
		if (!best || a->line < best->line)
			best = a;
	}
	if (!best)
		return false;
	snprintf(buf, len, "%s", best->text);
	return true;
}

/* "Tencent OR Alibaba OR \"JD Health\" when:1d", each name once. */
static bool google_query(const struct newsfeed *f, bool zh, char *q, size_t len)
{
	size_t used = 0, terms = 0;

	q[0] = '\0';
	for (size_t i = 0; i < f->nwatch && terms < NEWSFEED_GOOGLE_TERMS; i++) {
		char name[128], term[140];
		if (!search_name(f, &f->watch[i], zh, name, sizeof name))
			continue;
		snprintf(term, sizeof term, strchr(name, ' ') ? "\"%s\"" : "%s", name);
		if (strstr(q, term))
			continue; /* 9988 and BABA are both Alibaba */
		if (used + strlen(term) + 16 >= len)
			break;
		used += (size_t)snprintf(q + used, len - used, "%s%s", terms ? " OR " : "", term);
		terms++;
	}
	if (!terms)
		return false;
	return append(q, len, &used, " when:1d");
}

static bool yahoo_url(const struct newsfeed *f, const char *base, char *buf, size_t len)
{
	size_t used = 0, n = 0;

	if (!append(buf, len, &used, base) || !append(buf, len, &used, "/rss/2.0/headline?s="))
		return false;
	for (size_t i = 0; i < f->nwatch && n < NEWSFEED_YAHOO_MAX; i++) {
		char code[32];
		if (!symbol_yahoo(&f->watch[i], code, sizeof code))
			continue;
		if ((n++ && !append(buf, len, &used, ",")) ||
		    !news_feed_query_escape(buf, len, &used, code))
			return false;
	}
	return n > 0 && append(buf, len, &used, "&region=US&lang=en-US");
}

bool news_feed_url(const struct newsfeed *f, size_t i, time_t now, char *buf, size_t len)
{
	const struct newsfeed_source *s = &f->src[i];
	char q[1024];
	size_t used = 0;
	bool zh = s->kind == NEWSFEED_GOOGLE_HK;

	buf[0] = '\0';
	switch (s->kind) {
	case NEWSFEED_YAHOO:
		return yahoo_url(f, s->base, buf, len);
	case NEWSFEED_GOOGLE_EN:
	case NEWSFEED_GOOGLE_HK:
		return google_query(f, zh, q, sizeof q) &&
		       append(buf, len, &used, s->base) &&
		       append(buf, len, &used, "/rss/search?q=") &&
		       news_feed_query_escape(buf, len, &used, q) &&
		       append(buf, len, &used, zh ? "&hl=zh-HK&gl=HK&ceid=HK:zh-Hant"
						  : "&hl=en-US&gl=US&ceid=US:en");
	case NEWSFEED_EASTMONEY:
		/* req_trace is a cache-buster in milliseconds, as the web page sends. */
		snprintf(q, sizeof q, "%lld", (long long)now * 1000);
		return append(buf, len, &used, s->base) &&
		       append(buf, len, &used, "/comm/web/getFastNewsList?client=web&biz=web_724"
					       "&fastColumn=102&sortEnd=&pageSize=50&req_trace=") &&
		       append(buf, len, &used, q);
	case NEWSFEED_RSS:
		return append(buf, len, &used, s->base);
	case NEWSFEED_DEMO:
		return false;
	}
	return false;
}

const char *const *news_feed_headers(const struct newsfeed *f, size_t i)
{
	static const char *const eastmoney[] = { "Referer: https://finance.eastmoney.com/", NULL };

	return f->src[i].kind == NEWSFEED_EASTMONEY ? eastmoney : NULL;
}

/* --- results ---------------------------------------------------------------- */

static char *dup_or_null(const char *s, bool *nomem)
{
	char *d;

	if (!s)
		return NULL;
	if (!(d = strdup(s)))
		*nomem = true;
	return d;
}

/* A copy for the merged list; news_list_add makes its private fields. */
static bool headline_copy(struct headline *dst, const struct headline *src)
{
	bool nomem = false;

	memset(dst, 0, sizeof *dst);
	dst->title = dup_or_null(src->title, &nomem);
	dst->link = dup_or_null(src->link, &nomem);
	dst->source = dup_or_null(src->source, &nomem);
	dst->publisher = dup_or_null(src->publisher, &nomem);
	dst->guid = dup_or_null(src->guid, &nomem);
	dst->summary = dup_or_null(src->summary, &nomem);
	dst->time = src->time;
	dst->dated = src->dated;
	memcpy(dst->tags, src->tags, sizeof dst->tags);
	dst->ntags = src->ntags;
	if (nomem)
		news_headline_done(dst);
	return !nomem;
}

static bool same_story(const struct headline *a, const struct headline *b)
{
	return (a->link && b->link && strcmp(a->link, b->link) == 0) ||
	       strcmp(a->title, b->title) == 0;
}

static void rebuild(struct newsfeed *f)
{
	struct news_list l;
	unsigned long *arrived;
	bool fresh = false;

	news_list_init(&l);
	for (size_t i = 0; i < f->nsrc; i++)
		for (size_t k = 0; k < f->src[i].items.n; k++) {
			struct headline h;
			if (headline_copy(&h, &f->src[i].items.v[k]))
				news_list_add(&l, &h);
		}
	news_list_keep(&l, f->keep);
	if (l.n && !(arrived = calloc(l.n, sizeof *arrived))) {
		news_list_done(&l);
		return; /* out of memory: keep the old list */
	}
	if (!l.n)
		arrived = NULL;
	/* A story keeps the generation it first came in with. */
	for (size_t k = 0; k < l.n; k++) {
		size_t j;
		for (j = 0; j < f->merged.n; j++)
			if (same_story(&l.v[k], &f->merged.v[j]))
				break;
		if (j < f->merged.n) {
			arrived[k] = f->arrived[j];
		} else {
			arrived[k] = f->generation + 1;
			fresh = true;
		}
	}
	if (fresh)
		f->generation++;
	news_list_done(&f->merged);
	free(f->arrived);
	f->merged = l;
	f->arrived = arrived;
}

static bool parse(struct newsfeed_source *s, const char *body, size_t len,
		  struct news_list *l, struct news_parse *st)
{
	if (s->kind == NEWSFEED_EASTMONEY)
		return news_eastmoney_parse(body, len, l, st);
	return news_rss_parse(body, len, s->name, l, st);
}

/* The new items, then the older ones the feed no longer carries: a story
 * does not vanish from the screen because the feed's window moved on. */
static void take_items(struct newsfeed *f, struct newsfeed_source *s, struct news_list *l,
		       time_t now)
{
	news_list_date_ahead(l, &s->items, now);
	for (size_t k = 0; k < l->n; k++)
		tagger_tag_headline(&f->tagger, &l->v[k]);
	news_list_merge(l, &s->items);
	news_list_keep(l, f->keep);
	s->items = *l;
	s->ok_at = now;
	s->err[0] = '\0';
}

bool news_feed_apply(struct newsfeed *f, size_t i, const char *body, size_t len,
		    const char *error, time_t now)
{
	struct newsfeed_source *s = &f->src[i];
	struct news_list l;
	struct news_parse st;

	memset(&st, 0, sizeof st);
	news_list_init(&l);
	if (error) {
		snprintf(s->err, sizeof s->err, "%s", error);
	} else if (!parse(s, body, len, &l, &st)) {
		/* The parser's cause already starts with the source name. */
		size_t n = strlen(s->name);
		const char *cause = st.err[0] ? st.err : "not a feed";
		if (strncmp(cause, s->name, n) == 0 && cause[n] == ':')
			cause += n + 2;
		snprintf(s->err, sizeof s->err, "%s", cause);
		news_list_done(&l);
	} else {
		take_items(f, s, &l, now);
	}
	rebuild(f);
	return s->err[0] == '\0';
}

bool news_feed_load_demo(struct newsfeed *f, const char *body, size_t len, time_t now)
{
	struct news_list l;
	struct news_parse st;
	time_t newest = 0, shift;
	size_t ahead = 0;

	if (!f->nsrc || f->src[0].kind != NEWSFEED_DEMO)
		return false;
	memset(&st, 0, sizeof st);
	news_list_init(&l);
	if (!news_rss_parse(body, len, NEWSFEED_DEMO_SOURCE, &l, &st)) {
		snprintf(f->src[0].err, sizeof f->src[0].err, "%s", st.err);
		return false;
	}
	for (size_t k = 0; k < l.n; k++)
		if (l.v[k].time > newest)
			newest = l.v[k].time;
	/* The feed tells one day, dated by its newest headline: each moves to
	 * now's day (HKT) at its own time, and shows once now has passed it. */
	shift = (time_t)((hktime_day(now, HKT_OFFSET) - hktime_day(newest, HKT_OFFSET)) * 86400);
	for (size_t k = 0; k < l.n; k++)
		if (l.v[k].time)
			l.v[k].time += shift;
	news_list_sort(&l); /* newest first: those still to come lead */
	while (ahead < l.n && l.v[ahead].time > now)
		news_headline_done(&l.v[ahead++]);
	memmove(l.v, l.v + ahead, (l.n - ahead) * sizeof *l.v);
	l.n -= ahead;
	take_items(f, &f->src[0], &l, now);
	rebuild(f);
	return true;
}

size_t news_feed_failed(const struct newsfeed *f)
{
	size_t n = 0;

	for (size_t i = 0; i < f->nsrc; i++)
		n += f->src[i].err[0] != '\0';
	return n;
}

void news_feed_summary(const struct newsfeed *f, time_t now, char *buf, size_t len)
{
	size_t used, failed = news_feed_failed(f);

	used = (size_t)snprintf(buf, len, "%zu headline%s from %zu source%s", f->merged.n,
				f->merged.n == 1 ? "" : "s", f->nsrc, f->nsrc == 1 ? "" : "s");
	for (size_t i = 0; i < f->nsrc && failed && used < len; i++) {
		const struct newsfeed_source *s = &f->src[i];
		char age[24];
		if (!s->err[0])
			continue;
		if (s->ok_at)
			fmt_age((long)(now - s->ok_at), age, sizeof age);
		snprintf(buf + used, len - used, "; %s: %s (%s%s%s)%s", s->name, s->err,
			 s->ok_at ? "stale, from " : "no headlines", s->ok_at ? age : "",
			 s->ok_at ? " ago" : "", failed > 1 ? "; and more failing" : "");
		break;
	}
}

bool news_feed_is_new(const struct newsfeed *f, size_t k, unsigned long since)
{
	return k < f->merged.n && f->arrived && f->arrived[k] > since;
}
