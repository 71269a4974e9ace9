/* news-fuzz.h - the invariants every headline parser's fuzzer asserts
 *
 * Included by one harness each, like quote-fuzz.h: static functions keep
 * every harness a single file for libFuzzer and OSS-Fuzz builds. */
#ifndef HKTOP_NEWS_FUZZ_H
#define HKTOP_NEWS_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fuzz-utf8.h"
#include "model/news.h"
#include "model/tagger.h"

#define MAX_INPUT (256 * 1024)

/* NULL, or safe to print: at most max bytes of valid UTF-8, no controls,
 * ESC, C1 or bidi overrides, no space at either end or doubled; and, if
 * required, there. */
static void news_fuzz_text(const char *s, size_t max, bool required)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len, k;
	uint32_t c;

	if (!s) {
		if (required)
			abort();
		return;
	}
	len = strlen(s);
	if (len == 0 || len > max || s[0] == ' ' || s[len - 1] == ' ' || strstr(s, "  "))
		abort();
	while (*p) {
		if (!(k = fuzz_utf8_char(p, &c)))
			abort();
		if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) ||
		    (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0xfeff)
			abort();
		p += k;
	}
}

static void news_fuzz_link(const char *s)
{
	size_t i;

	if (!s)
		return;
	if (strncasecmp(s, "https://", 8) != 0 && strncasecmp(s, "http://", 7) != 0)
		abort();
	for (i = 0; s[i]; i++)
		if ((unsigned char)s[i] <= 0x20 || s[i] == 0x7f)
			abort();
	news_fuzz_text(s, NEWS_LINK_MAX, true);
}

/* A tagger over a few aliases of every kind: English, ticker, CJK, blocker. */
static const char news_fuzz_aliases[] =
	"0700\tTencent\n0700\t腾讯\n0700\t0700.HK\n1698\t腾讯音乐\n9618\tJD\n9618\tJD.com\n"
	"9866\tNIO\n-\tJD Vance\nHSI\t恒生指数\nBABA\tBABA\n";

/* What must hold after parse() of the same body twice into one list:
 * a failure names the source and adds nothing; a success adds only
 * clean headlines, and nothing the second time. */
static void news_fuzz_check(const struct news_list *l, const struct news_parse *st, bool ok,
			    size_t before, const char *source, size_t max_items)
{
	struct instrument tags[NEWS_TAGS_MAX];
	static struct tagger tg;
	static bool loaded;
	char prefix[64];
	size_t i, k, n;

	if (!loaded) {
		char err[64];

		if (tagger_load(&tg, news_fuzz_aliases, sizeof news_fuzz_aliases - 1, err, sizeof err))
			abort();
		loaded = true;
	}
	snprintf(prefix, sizeof prefix, "%s: ", source);
	if (!ok) {
		if (strncmp(st->err, prefix, strlen(prefix)) != 0 || strlen(st->err) <= strlen(prefix) ||
		    l->n != before || st->added)
			abort();
		news_fuzz_text(st->err, sizeof st->err, true);
		return;
	}
	if (st->err[0] || l->n != before + st->added || st->added > st->items ||
	    st->skipped > st->items || (st->skipped && strncmp(st->note, prefix, strlen(prefix)) != 0) ||
	    st->items - st->skipped > max_items)
		abort();
	for (i = 0; i < l->n; i++) {
		const struct headline *h = &l->v[i];

		news_fuzz_text(h->title, NEWS_TITLE_MAX, true);
		news_fuzz_text(h->summary, NEWS_SUMMARY_MAX, false);
		news_fuzz_text(h->publisher, NEWS_PUBLISHER_MAX, false);
		news_fuzz_text(h->guid, NEWS_GUID_MAX, false);
		news_fuzz_link(h->link);
		if (!h->source || strcmp(h->source, source) != 0)
			abort();
		if (h->time && !news_time_sane(h->time))
			abort();
		if (h->ntags > NEWS_TAGS_MAX)
			abort();
		n = tagger_tag(&tg, h->title, tags, NEWS_TAGS_MAX);
		for (k = 0; k < n; k++)
			if (!tags[k].display[0])
				abort();
	}
}

#endif
