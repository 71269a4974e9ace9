/* tagger.h - which instruments a headline is about, by names, codes and tickers (share/aliases.tsv) */
#ifndef HKTOP_TAGGER_H
#define HKTOP_TAGGER_H

#include <stdbool.h>
#include <stddef.h>

#include "model/news.h"
#include "model/symbol.h"

/* One name an instrument goes by. */
struct tagger_alias {
	char *text;          /* owned, sanitised */
	size_t len;
	struct instrument in;
	bool block;          /* symbol "-": a phrase that tags nothing ("JD Vance") */
	bool exact_case;     /* up to 5 capitals ("JD", "NIO", "BABA"): a ticker, not a word */
	size_t line;         /* in the table: one alias's symbols tag in table order */
};

struct tagger {
	struct tagger_alias *v; /* owned; sorted by folded first byte, longest first */
	size_t n;
	size_t first[257];      /* aliases starting with folded byte b: v[first[b]..first[b+1]) */
};

/* Load "symbol<TAB>alias" lines (text, len bytes; '#' comments and blank
 * lines skipped). Bad lines are skipped; returns how many there were, with
 * "line N: cause" of the first in err. A symbol of "-" makes the alias a
 * blocker: a longer phrase that, matched, hides the shorter aliases in it.
 * One alias may be listed under several symbols and tags them all. */
size_t tagger_load(struct tagger *t, const char *text, size_t len, char *err, size_t errlen);

void tagger_done(struct tagger *t);

/* The instruments text (UTF-8) mentions, at most max, each once, in the
 * order of first mention. Scanning left to right, the longest alias that
 * matches at a position wins and its text is not searched again, so
 * "腾讯音乐" tags 1698 and not 0700, "JD Health" 6618 and not 9618.
 * ASCII aliases match case-insensitively at word boundaries ("JD" not in
 * "JDate", "NIO" not in "Union"); all-capital aliases of up to five
 * letters, tickers, only as written ("LI" but not "Li", "BABA" but not
 * "Baba"). CJK aliases match anywhere. */
size_t tagger_tag(const struct tagger *t, const char *text, struct instrument *out, size_t max);

/* Tag a headline from its title, or, when the title names nothing, from
 * its summary; tags it has already are kept. Returns the tags added. */
size_t tagger_tag_headline(const struct tagger *t, struct headline *h);

#endif
