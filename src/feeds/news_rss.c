/* news_rss.c - RSS 2.0, RSS 1.0 and Atom feeds (Yahoo, Google News) to headlines, with expat
 *
 * expat runs with namespace processing (element names arrive as
 * "<uri> <local>"), so `atom:title`, `dc:date` and a default xmlns all
 * resolve the same way whatever prefix a feed picks. Only the direct
 * children of an item or entry are read; everything else (media:*,
 * channel fields, Atom author) is skipped without being stored.
 *
 * A feed never needs a DTD, so a DOCTYPE that declares any entity stops
 * the parser before the first one could be expanded: that refuses billion
 * laughs and external entities outright. expat's own amplification limit
 * is set too, as a second wall, where the library offers it. */
#include "config.h"

/* Debian's expat 2.5 is built with XML_DTD, but its public header hides
 * the billion-laughs API behind that macro; configure finds the function. */
#if defined(HAVE_XML_SETBILLIONLAUGHSATTACKPROTECTIONMAXIMUMAMPLIFICATION) && !defined(XML_DTD)
#define XML_DTD 1
#endif

#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date_parse.h"
#include "base/log.h"
#include "feeds/news_rss.h"

#define NS_ATOM "http://www.w3.org/2005/Atom"
#define NS_RSS1 "http://purl.org/rss/1.0/"
#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define DEPTH_MAX 256 /* real feeds nest 6 deep; expat keeps every open tag */

/* What a child of an item is stored as, and how much of it is kept raw
 * (before entities and tags shrink it). */
enum field {
	F_TITLE, F_LINK, F_ATOM_LINK, F_DESC, F_CONTENT, F_PUBDATE, F_DCDATE,
	F_PUBLISHED, F_UPDATED, F_GUID, F_SOURCE, F_COUNT, F_NONE = F_COUNT,
};

static const size_t field_limit[F_COUNT] = {
	[F_TITLE] = 4 * NEWS_TITLE_MAX, [F_LINK] = NEWS_LINK_MAX + 64,
	[F_ATOM_LINK] = NEWS_LINK_MAX + 64, [F_DESC] = 64 * 1024, [F_CONTENT] = 64 * 1024,
	[F_PUBDATE] = 128, [F_DCDATE] = 128, [F_PUBLISHED] = 128, [F_UPDATED] = 128,
	[F_GUID] = NEWS_GUID_MAX + 64, [F_SOURCE] = 4 * NEWS_PUBLISHER_MAX,
};

struct buf {
	char *p;
	size_t len, cap;
	bool set;  /* the element was there (even if empty) */
	bool over; /* longer than its limit: the rest was not kept */
};

struct rss {
	XML_Parser xp;
	const char *source;
	struct news_parse *st;
	struct news_list items;
	bool root_seen, failed;
	char cause[160];
	int depth, item_depth, field_depth;
	enum field cur;
	bool atom;                  /* the current item is an Atom entry */
	bool xhtml;                 /* the current field is Atom type="xhtml" markup */
	bool guid_permalink;        /* RSS guid without isPermaLink="false" */
	unsigned title_flags, desc_flags;
	struct buf f[F_COUNT];
};

/* Stop the parse with a cause of our own; expat's error is ignored then. */
static void stop(struct rss *r, const char *cause)
{
	if (!r->failed) {
		r->failed = true;
		snprintf(r->cause, sizeof r->cause, "%s", cause);
	}
	XML_StopParser(r->xp, XML_FALSE);
}

static void buf_add(struct rss *r, struct buf *b, size_t limit, const char *s, size_t n)
{
	size_t want;
	char *g;

	if (b->over)
		return;
	if (n > limit - b->len) {
		n = limit - b->len;
		b->over = true;
	}
	if (b->len + n + 1 > b->cap) {
		want = b->cap ? b->cap : 256;
		while (want < b->len + n + 1)
			want *= 2;
		if (!(g = realloc(b->p, want))) {
			stop(r, "out of memory");
			return;
		}
		b->p = g;
		b->cap = want;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

/* "uri local" (namespace processing) or "local": is it ns:local? ns ""
 * asks for no namespace. */
static bool is(const char *name, const char *ns, const char *local)
{
	const char *sp = strchr(name, ' ');
	size_t nslen = strlen(ns);

	if (!sp)
		return nslen == 0 && strcmp(name, local) == 0;
	return (size_t)(sp - name) == nslen && memcmp(name, ns, nslen) == 0 &&
	       strcmp(sp + 1, local) == 0;
}

static const char *attr(const XML_Char **atts, const char *name)
{
	for (; atts && atts[0]; atts += 2)
		if (strcmp(atts[0], name) == 0)
			return atts[1];
	return NULL;
}

/* Atom text constructs: type="html" is escaped HTML; "xhtml" arrives as
 * elements, which are written back as markup for the same HTML-to-text
 * pass; "text" (the default) is plain. */
static unsigned atom_text_flags(struct rss *r, const XML_Char **atts)
{
	const char *type = attr(atts, "type");

	r->xhtml = type && strcmp(type, "xhtml") == 0;
	if (type && (strcmp(type, "html") == 0 || r->xhtml))
		return NEWS_TEXT_HTML;
	return NEWS_TEXT_PLAIN;
}

static enum field item_field(struct rss *r, const char *name, const XML_Char **atts)
{
	const char *v;

	if (r->atom) {
		if (is(name, NS_ATOM, "title")) {
			r->title_flags = atom_text_flags(r, atts);
			return F_TITLE;
		}
		if (is(name, NS_ATOM, "summary") || is(name, NS_ATOM, "content")) {
			r->desc_flags = atom_text_flags(r, atts);
			return is(name, NS_ATOM, "summary") ? F_DESC : F_CONTENT;
		}
		if (is(name, NS_ATOM, "link")) {
			v = attr(atts, "rel");
			if ((!v || strcmp(v, "alternate") == 0) && !r->f[F_ATOM_LINK].set &&
			    (v = attr(atts, "href"))) {
				r->f[F_ATOM_LINK].set = true;
				buf_add(r, &r->f[F_ATOM_LINK], field_limit[F_ATOM_LINK], v, strlen(v));
			}
			return F_NONE;
		}
		if (is(name, NS_ATOM, "id"))
			return F_GUID;
		if (is(name, NS_ATOM, "published"))
			return F_PUBLISHED;
		if (is(name, NS_ATOM, "updated"))
			return F_UPDATED;
	} else {
		if (is(name, "", "title") || is(name, NS_RSS1, "title"))
			return F_TITLE;
		if (is(name, "", "link") || is(name, NS_RSS1, "link"))
			return F_LINK;
		if (is(name, "", "description") || is(name, NS_RSS1, "description"))
			return F_DESC;
		if (is(name, "", "pubDate"))
			return F_PUBDATE;
		if (is(name, "", "guid")) {
			v = attr(atts, "isPermaLink");
			if (!r->f[F_GUID].set)
				r->guid_permalink = !v || strcmp(v, "true") == 0;
			return F_GUID;
		}
		if (is(name, "", "source"))
			return F_SOURCE;
	}
	if (is(name, NS_CONTENT, "encoded"))
		return F_CONTENT;
	if (is(name, NS_DC, "date"))
		return F_DCDATE;
	if (is(name, NS_DC, "publisher"))
		return F_SOURCE;
	return F_NONE;
}

static void start_item(struct rss *r, bool atom)
{
	int i;

	r->item_depth = r->depth;
	r->atom = atom;
	r->guid_permalink = false;
	r->title_flags = atom ? NEWS_TEXT_PLAIN : NEWS_TEXT_ENTITIES;
	r->desc_flags = NEWS_TEXT_HTML;
	for (i = 0; i < F_COUNT; i++) {
		r->f[i].len = 0;
		r->f[i].set = r->f[i].over = false;
		if (r->f[i].p)
			r->f[i].p[0] = '\0';
	}
}

/* In an xhtml field, markup goes back in as a tag the HTML pass knows by
 * its local name ("<p>", "</b>"), and text has < & > escaped again. */
static void xhtml_tag(struct rss *r, const char *name, bool closing)
{
	const char *local = strchr(name, ' ');
	struct buf *b = &r->f[r->cur];
	size_t n;

	local = local ? local + 1 : name;
	n = strnlen(local, 32);
	buf_add(r, b, field_limit[r->cur], closing ? "</" : "<", closing ? 2 : 1);
	buf_add(r, b, field_limit[r->cur], local, n);
	buf_add(r, b, field_limit[r->cur], ">", 1);
}

static void XMLCALL on_start(void *data, const XML_Char *name, const XML_Char **atts)
{
	struct rss *r = data;
	enum field f;

	if (++r->depth > DEPTH_MAX) {
		stop(r, "elements nested more than 256 deep");
		return;
	}
	if (!r->root_seen) {
		r->root_seen = true;
		if (!is(name, "", "rss") && !is(name, NS_RDF, "RDF") && !is(name, NS_ATOM, "feed"))
			stop(r, "not an RSS or Atom feed (the root element is not rss, rdf:RDF or feed)");
		return;
	}
	if (r->cur != F_NONE) {
		if (r->xhtml)
			xhtml_tag(r, name, false);
		return; /* other markup inside a field: its text is collected */
	}
	if (!r->item_depth) {
		if (is(name, "", "item") || is(name, NS_RSS1, "item"))
			start_item(r, false);
		else if (is(name, NS_ATOM, "entry"))
			start_item(r, true);
		return;
	}
	if (r->depth != r->item_depth + 1)
		return;
	r->xhtml = false;
	f = item_field(r, name, atts);
	if (f == F_NONE || r->f[f].set) {
		r->xhtml = false;
		return; /* the first of a repeated field wins */
	}
	r->cur = f;
	r->field_depth = r->depth;
	r->f[f].set = true;
}

static void XMLCALL on_text(void *data, const XML_Char *s, int len)
{
	struct rss *r = data;
	struct buf *b;
	const char *p, *end = s + (len > 0 ? len : 0);

	if (r->cur == F_NONE || len <= 0)
		return;
	b = &r->f[r->cur];
	if (!r->xhtml) {
		buf_add(r, b, field_limit[r->cur], s, (size_t)len);
		return;
	}
	for (p = s; p < end; p++) {
		if (*p == '<' || *p == '>' || *p == '&') {
			buf_add(r, b, field_limit[r->cur], s, (size_t)(p - s));
			buf_add(r, b, field_limit[r->cur], *p == '<' ? "&lt;" : *p == '>' ? "&gt;" : "&amp;",
				*p == '&' ? 5 : 4);
			s = p + 1;
		}
	}
	buf_add(r, b, field_limit[r->cur], s, (size_t)(end - s));
}

/* An entity expat did not expand (declared in an external DTD it does not
 * read, as RSS 0.91's &nbsp;): keep it as written for the HTML decoder. */
static void XMLCALL on_skipped(void *data, const XML_Char *name, int is_param)
{
	struct rss *r = data;
	struct buf *b;

	if (r->cur == F_NONE || is_param)
		return;
	b = &r->f[r->cur];
	buf_add(r, b, field_limit[r->cur], "&", 1);
	buf_add(r, b, field_limit[r->cur], name, strnlen(name, 64));
	buf_add(r, b, field_limit[r->cur], ";", 1);
}

static void XMLCALL on_entity_decl(void *data, const XML_Char *name, int is_param,
				   const XML_Char *value, int value_len, const XML_Char *base,
				   const XML_Char *system_id, const XML_Char *public_id,
				   const XML_Char *notation)
{
	(void)name, (void)is_param, (void)value, (void)value_len, (void)base;
	(void)system_id, (void)public_id, (void)notation;
	stop(data, "the feed declares entities (refused: a feed never needs them)");
}

static const char *buf_str(const struct buf *b)
{
	return b->len ? b->p : "";
}

static time_t item_time(const struct rss *r)
{
	const struct buf *b;
	time_t t = 0;

	if ((b = &r->f[F_PUBDATE])->len && date_parse_rfc822(b->p, b->len, &t) && news_time_sane(t))
		return t;
	if ((b = &r->f[F_DCDATE])->len && date_parse_rfc3339(b->p, b->len, &t) && news_time_sane(t))
		return t;
	if ((b = &r->f[F_PUBLISHED])->len && date_parse_rfc3339(b->p, b->len, &t) && news_time_sane(t))
		return t;
	if ((b = &r->f[F_UPDATED])->len && date_parse_rfc3339(b->p, b->len, &t) && news_time_sane(t))
		return t;
	return 0;
}

/* Google News writes "Headline - Publisher" and names the publisher in
 * <source>; the title proper is what is left. */
static void split_publisher(struct headline *h)
{
	size_t tl, pl;

	if (!h->publisher)
		return;
	tl = strlen(h->title);
	pl = strlen(h->publisher);
	if (tl > pl + 3 && memcmp(h->title + tl - pl - 3, " - ", 3) == 0 &&
	    strcmp(h->title + tl - pl, h->publisher) == 0)
		h->title[tl - pl - 3] = '\0';
}

/* A description that only repeats the title (Google's is a link to the
 * story followed by the publisher) says nothing. */
static void drop_echo(struct headline *h)
{
	size_t tl = strlen(h->title);

	if (!h->summary || strncmp(h->summary, h->title, tl) != 0)
		return;
	if (h->summary[tl] == '\0' ||
	    (h->publisher && h->summary[tl] == ' ' && strcmp(h->summary + tl + 1, h->publisher) == 0)) {
		free(h->summary);
		h->summary = NULL;
	}
}

static bool keep_text(struct rss *r, char **dst, const struct buf *b, size_t max, unsigned flags)
{
	if (!b->len || (b->over && !(flags & NEWS_TEXT_CUT)))
		return true;
	if (news_text_dup(dst, b->p, b->len, max, flags) == NEWS_TEXT_NOMEM) {
		stop(r, "out of memory");
		return false;
	}
	return true;
}

static bool keep_link(struct rss *r, char **dst, const struct buf *b)
{
	bool nomem;

	if (*dst || !b->len || b->over)
		return true;
	*dst = news_link_dup(b->p, b->len, &nomem);
	if (nomem)
		stop(r, "out of memory");
	return !nomem;
}

static void finish_item(struct rss *r)
{
	struct headline h;
	const struct buf *title = &r->f[F_TITLE];
	enum news_text t;

	memset(&h, 0, sizeof h);
	if (++r->st->items > RSS_MAX_ITEMS) {
		news_parse_skip(r->st, r->source, "more than %d items", RSS_MAX_ITEMS);
		return;
	}
	t = title->over ? NEWS_TEXT_LONG
			: news_text_dup(&h.title, buf_str(title), title->len, NEWS_TITLE_MAX,
					r->title_flags);
	if (t != NEWS_TEXT_OK) {
		if (t == NEWS_TEXT_NOMEM)
			stop(r, "out of memory");
		else if (t == NEWS_TEXT_LONG)
			news_parse_skip(r->st, r->source, "item %zu: title longer than %d bytes",
					r->st->items, NEWS_TITLE_MAX);
		else
			news_parse_skip(r->st, r->source, "item %zu: no title", r->st->items);
		return;
	}
	if (!keep_text(r, &h.publisher, &r->f[F_SOURCE], NEWS_PUBLISHER_MAX, NEWS_TEXT_ENTITIES) ||
	    !keep_text(r, &h.guid, &r->f[F_GUID], NEWS_GUID_MAX, NEWS_TEXT_PLAIN) ||
	    !keep_text(r, &h.summary, &r->f[r->f[F_DESC].len ? F_DESC : F_CONTENT],
		       NEWS_SUMMARY_MAX, r->desc_flags | NEWS_TEXT_CUT) ||
	    !keep_link(r, &h.link, &r->f[F_LINK]) || !keep_link(r, &h.link, &r->f[F_ATOM_LINK]) ||
	    (r->guid_permalink && !keep_link(r, &h.link, &r->f[F_GUID])) ||
	    news_text_dup(&h.source, r->source, strlen(r->source), NEWS_SOURCE_MAX,
			  NEWS_TEXT_CUT) == NEWS_TEXT_NOMEM) {
		news_headline_done(&h);
		stop(r, "out of memory");
		return;
	}
	split_publisher(&h);
	drop_echo(&h);
	h.time = item_time(r);
	if (news_list_add(&r->items, &h) == NEWS_NOMEM)
		stop(r, "out of memory");
}

static void XMLCALL on_end(void *data, const XML_Char *name)
{
	struct rss *r = data;

	if (r->cur != F_NONE && r->depth == r->field_depth) {
		r->cur = F_NONE;
		r->xhtml = false;
	} else if (r->cur != F_NONE && r->xhtml) {
		xhtml_tag(r, name, true);
	} else if (r->item_depth && r->depth == r->item_depth) {
		finish_item(r);
		r->item_depth = 0;
	}
	r->depth--;
}

static XML_Parser make_parser(struct rss *r)
{
	XML_Parser xp = XML_ParserCreateNS(NULL, ' ');

	if (!xp)
		return NULL;
	XML_SetUserData(xp, r);
	XML_SetElementHandler(xp, on_start, on_end);
	XML_SetCharacterDataHandler(xp, on_text);
	XML_SetSkippedEntityHandler(xp, on_skipped);
	XML_SetEntityDeclHandler(xp, on_entity_decl);
	XML_SetParamEntityParsing(xp, XML_PARAM_ENTITY_PARSING_NEVER);
#ifdef XML_DTD
	XML_SetBillionLaughsAttackProtectionMaximumAmplification(xp, 10.0f);
	XML_SetBillionLaughsAttackProtectionActivationThreshold(xp, 1024 * 1024);
#endif
	return xp;
}

bool news_rss_parse(const char *body, size_t len, const char *source, struct news_list *list,
	       struct news_parse *st)
{
	struct rss r;
	enum XML_Status status;
	int i;

	memset(st, 0, sizeof *st);
	if (len > RSS_MAX_BYTES) {
		news_parse_fail(st, source, "feed of %zu bytes is over the %u-byte limit", len,
				RSS_MAX_BYTES);
		return false;
	}
	memset(&r, 0, sizeof r);
	r.source = source;
	r.st = st;
	r.cur = F_NONE;
	news_list_init(&r.items);
	if (!(r.xp = make_parser(&r))) {
		news_parse_fail(st, source, "out of memory");
		return false;
	}
	status = XML_Parse(r.xp, body, (int)len, XML_TRUE);
	if (r.failed)
		news_parse_fail(st, source, "%s", r.cause);
	else if (status != XML_STATUS_OK)
		news_parse_fail(st, source, "XML error at line %lu: %s",
				(unsigned long)XML_GetCurrentLineNumber(r.xp),
				XML_ErrorString(XML_GetErrorCode(r.xp)));
	else if (!r.root_seen)
		news_parse_fail(st, source, "empty feed");
	XML_ParserFree(r.xp);
	for (i = 0; i < F_COUNT; i++)
		free(r.f[i].p);
	if (st->err[0]) {
		news_list_done(&r.items);
		st->added = 0;
		return false;
	}
	st->added = news_list_merge(list, &r.items);
	if (st->skipped)
		log_debug("%s", st->note);
	return true;
}
