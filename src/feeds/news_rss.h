/* news_rss.h - RSS 2.0, RSS 1.0 and Atom feeds (Yahoo, Google News) to headlines, with expat */
#ifndef HKTOP_NEWS_RSS_H
#define HKTOP_NEWS_RSS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "model/news.h"

#define RSS_MAX_BYTES (4u << 20) /* a larger body is refused unread */
#define RSS_MAX_ITEMS 500        /* items past this are counted as skipped */

/* Parse one feed body (len bytes, as received) and add its items to list
 * as headlines whose source is the given name ("yahoo", "google", a
 * feed's name). The feed is all or nothing: a body over RSS_MAX_BYTES,
 * XML that is not well-formed, a DOCTYPE that declares entities, or a
 * root that is not rss, rdf:RDF or Atom feed fails it with st->err
 * "<source>: <cause>" and adds nothing. Single items without a title, or
 * with one over NEWS_TITLE_MAX, are skipped and counted. Tags are left
 * to the caller (tagger.h). */
bool rss_parse(const char *body, size_t len, const char *source, struct news_list *list,
	       struct news_parse *st);

/* RFC 822/2822 dates as in pubDate: "Sat, 01 Aug 2020 20:57:44 +0000".
 * The weekday is optional (and not checked), seconds are optional, years
 * may have two digits (< 50 is 20xx), zones may be numeric or named (UT,
 * GMT, UTC, Z, EST, EDT, CST, CDT, MST, MDT, PST, PDT, HKT); a missing
 * zone is taken as UTC. A trailing "(comment)" is allowed. */
bool rss_date_rfc822(const char *s, size_t len, time_t *out);

/* RFC 3339 / W3CDTF dates as in Atom and dc:date:
 * "2026-08-07T08:15:00Z", "2026-08-07T16:15:00.123+08:00", "2026-08-07"
 * (midnight UTC). A time without a zone is taken as UTC. */
bool rss_date_rfc3339(const char *s, size_t len, time_t *out);

#endif
