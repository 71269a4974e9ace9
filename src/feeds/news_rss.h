/* news_rss.h - RSS 2.0, RSS 1.0 and Atom feeds (Yahoo, Google News) to headlines, with expat */
#ifndef HKTOP_NEWS_RSS_H
#define HKTOP_NEWS_RSS_H

#include <stdbool.h>
#include <stddef.h>

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
bool news_rss_parse(const char *body, size_t len, const char *source, struct news_list *list,
	       struct news_parse *st);

#endif
