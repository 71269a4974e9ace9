/* news.h - headlines from every feed in one list: owned, cleaned, deduplicated, newest first */
#ifndef HKTOP_NEWS_H
#define HKTOP_NEWS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "model/symbol.h"

#define NEWS_TAGS_MAX 8
#define NEWS_TITLE_MAX 1024     /* bytes after cleaning; a longer title drops its item */
#define NEWS_SUMMARY_MAX 1024   /* a preview: cut on a character boundary */
#define NEWS_LINK_MAX 2048      /* a longer link is dropped, the item kept */
#define NEWS_GUID_MAX 512       /* a longer guid is dropped, the item kept */
#define NEWS_PUBLISHER_MAX 128  /* a longer publisher is dropped */
#define NEWS_SOURCE_MAX 32      /* feed names are ours (config), cut to this */

/* One headline. Every string is its own allocation, owned by the headline
 * (and so by the list holding it), sanitised UTF-8 (text_sanitize), and NULL
 * when the feed did not give it. Only title is never NULL inside a list. */
struct headline {
	char *title;     /* "Tencent beats estimates" (publisher split off) */
	char *link;      /* http:// or https:// only */
	char *source;    /* "yahoo", "google", "eastmoney", or the feed's name */
	char *publisher; /* "Reuters" */
	char *guid;      /* the feed's id for the item */
	char *summary;   /* plain text, HTML stripped, at most NEWS_SUMMARY_MAX */
	time_t time;     /* publication time (UTC); 0 when unknown, sorted last */
	time_t dated;    /* 0, or the feed's date when that was ahead of the clock:
			  * time is then when the story was first seen */
	struct instrument tags[NEWS_TAGS_MAX];
	size_t ntags;
	/* private to news.c */
	char *key;          /* normalised title, for dedupe */
	unsigned long seq;  /* order of arrival, the tie-break of equal times */
};

/* Add a tag unless the headline has it already or is full; true if added. */
bool news_headline_add_tag(struct headline *h, const struct instrument *in);

/* Free every string and zero the headline. */
void news_headline_done(struct headline *h);

/* A list of headlines; it owns them and everything in them. */
struct news_list {
	struct headline *v;
	size_t n, cap;
	unsigned long next_seq;
};

enum news_add {
	NEWS_ADDED,
	NEWS_DUPLICATE, /* already there: its tags and missing fields were merged in */
	NEWS_NOMEM,     /* nothing added; h freed */
	NEWS_INVALID,   /* no title; h freed */
};

void news_list_init(struct news_list *l);

/* Move h into the list, unless it repeats a headline already there: the
 * same guid from the same source, else the same link, else the same
 * normalised title (news_title_key). h is left zeroed in every case, its
 * strings either owned by the list or freed. */
enum news_add news_list_add(struct news_list *l, struct headline *h);

/* Move every headline of src into dst (deduplicating); src is left empty.
 * Returns how many were new. */
size_t news_list_merge(struct news_list *dst, struct news_list *src);

/* Newest first; unknown times last; equal times in order of arrival. */
void news_list_sort(struct news_list *l);

/* Sort, then free all but the newest keep headlines. */
void news_list_keep(struct news_list *l, size_t keep);

void news_list_done(struct news_list *l);

/* What one parse of one feed did. A failed feed adds nothing to the list. */
struct news_parse {
	size_t items;    /* items or entries in the feed */
	size_t added;    /* new to the list */
	size_t skipped;  /* dropped: no or overlong title, wrong types, past the item cap */
	char err[256];   /* "<source>: <cause>" when the feed as a whole failed */
	char note[256];  /* "<source>: <cause>" of the first skipped item, or "" */
};

/* Record a failure or a skip (printf-style, prefixed "<source>: "). */
void news_parse_fail(struct news_parse *st, const char *source, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void news_parse_skip(struct news_parse *st, const char *source, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* How news_text_dup treats its input. */
enum {
	NEWS_TEXT_PLAIN = 0,
	NEWS_TEXT_ENTITIES = 1 << 0, /* decode HTML character references (titles) */
	NEWS_TEXT_HTML = 1 << 1,     /* ... and strip tags, comments, scripts (descriptions) */
	NEWS_TEXT_CUT = 1 << 2,      /* cut an overlong result instead of refusing it */
};

enum news_text {
	NEWS_TEXT_OK,
	NEWS_TEXT_EMPTY,  /* nothing left after cleaning; *dst = NULL */
	NEWS_TEXT_LONG,   /* more than max bytes and no NEWS_TEXT_CUT; *dst = NULL */
	NEWS_TEXT_NOMEM,
};

/* Decode (per flags), sanitise and copy len bytes of feed text into a new
 * string of at most max bytes. */
enum news_text news_text_dup(char **dst, const char *src, size_t len, size_t max,
			     unsigned flags);

/* A copy of a feed's link if it is safe to offer: http:// or https:// with
 * a host, no whitespace, controls or invalid UTF-8, at most
 * NEWS_LINK_MAX bytes (surrounding whitespace is trimmed first). NULL
 * otherwise, and *nomem says whether that was for want of memory. */
char *news_link_dup(const char *src, size_t len, bool *nomem);

/* The dedupe form of a title: lowercase ASCII; punctuation (ASCII, CJK and
 * fullwidth) and whitespace are gaps, kept as one space between two Latin
 * words or numbers and dropped elsewhere ("Q2-results" = "q2 results",
 * "腾讯，业绩" = "腾讯业绩"). Returns the length written to dst (cap bytes,
 * NUL-terminated). */
size_t news_title_key(char *dst, size_t cap, const char *title);

/* How far ahead of the clock a feed may date a story (its clock may be
 * a little fast) before the date is not believed. */
#define NEWS_AHEAD_MAX 300

/* Re-date the headlines of l dated more than NEWS_AHEAD_MAX ahead of now:
 * each takes the time the same story has in seen (the source's earlier
 * headlines, where it was first seen), else now, and keeps the feed's
 * date in dated. Returns how many were re-dated. */
size_t news_list_date_ahead(struct news_list *l, const struct news_list *seen, time_t now);

/* Is t a believable publication time: 1970 to 2100? */
bool news_time_sane(time_t t);

#endif
