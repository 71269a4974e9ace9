/* alert_record.c - the firings of alert rules, kept across runs so that a
 * once rule stays fired and a daily one waits for the next trading day
 *
 * One line a firing: "KEY<TAB>SYMBOL<TAB>TIME<TAB>DAY<TAB>PRICE<TAB>START",
 * KEY the rule's canonical text (alert_rule_key), TIME seconds since the
 * epoch, DAY the trading day, PRICE "-" for a headline. A line we cannot
 * read is dropped: at worst its rule fires once more. */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "config/alert_file.h"
#include "config/state.h"

#define RECORD_HEADER "# hktop: when each alert rule last fired (rule, symbol, time, " \
	"trading day, price, at start).\n# Remove a line to re-arm its rule."
#define FIELDS 6

/* A whole decimal number of the span, or false. */
static bool span_ll(struct text_span s, long long *out)
{
	char buf[32], *end;

	if (!s.len || s.len >= sizeof buf)
		return false;
	memcpy(buf, s.p, s.len);
	buf[s.len] = '\0';
	errno = 0;
	*out = strtoll(buf, &end, 10);
	return errno == 0 && *end == '\0';
}

/* Put one record line back on its rule(s); keys[i] is rule i's key. */
static void restore_line(struct alert_file *f, char (*keys)[ALERT_TEXT_MAX], const char *line,
			 size_t len)
{
	struct text_span fl[FIELDS + 1];
	struct alert_firing fired = { 0 };
	struct instrument in;
	char sym[SYMBOL_MAX + 8], err[128];
	long long t, start;

	if (text_split((struct text_span){ line, len }, '\t', fl, FIELDS + 1) != FIELDS ||
	    fl[1].len >= sizeof sym || !span_ll(fl[2], &t) || !span_ll(fl[3], &fired.day) ||
	    !span_ll(fl[5], &start))
		return;
	memcpy(sym, fl[1].p, fl[1].len);
	sym[fl[1].len] = '\0';
	if (!symbol_parse(sym, &in, err, sizeof err))
		return;
	if (!text_span_is(fl[4], "-") && !num_parse(fl[4].p, fl[4].len, &fired.price))
		return;
	fired.t = (time_t)t;
	fired.at_start = start != 0;
	for (size_t i = 0; i < f->n; i++) {
		struct alert_rule *r = &f->rules[i];
		struct alert_watch *w;

		if (!text_span_is(fl[0], keys[i]) || !alert_rule_covers(r, &in))
			continue;
		if (!(w = alert_rule_watch(r, &in)))
			return;
		/* Two records for one watch (a rule written twice): the later. */
		if (!w->fired || w->last.t <= fired.t) {
			w->fired = true;
			w->last = fired;
		}
	}
}

bool alert_file_restore(struct alert_file *f, const char *path, char *err, size_t errlen)
{
	char (*keys)[ALERT_TEXT_MAX] = NULL, *buf;
	size_t len, pos = 0;
	bool exists;

	if (!state_read_file(path, &buf, &len, &exists, err, errlen))
		return false;
	if (!exists || !f->n) {
		free(buf);
		return true;
	}
	if (!(keys = calloc(f->n, sizeof *keys))) {
		free(buf);
		snprintf(err, errlen, "%s: out of memory", path);
		return false;
	}
	for (size_t i = 0; i < f->n; i++)
		alert_rule_key(&f->rules[i], keys[i], sizeof keys[i]);
	while (pos < len) {
		const char *line = buf + pos, *nl = memchr(line, '\n', len - pos);
		size_t ll = nl ? (size_t)(nl - line) : len - pos;

		pos += ll + (nl != NULL);
		if (ll && line[0] != '#')
			restore_line(f, keys, line, ll);
	}
	free(keys);
	free(buf);
	return true;
}

bool alert_file_record(const struct alert_file *f, const char *path, char *err, size_t errlen)
{
	struct state_doc d = { 0 };
	bool ok = false;

	if (!state_doc_push_text(&d, RECORD_HEADER, strlen(RECORD_HEADER)))
		goto oom;
	for (size_t i = 0; i < f->n; i++) {
		const struct alert_rule *r = &f->rules[i];
		char key[ALERT_TEXT_MAX];

		alert_rule_key(r, key, sizeof key);
		for (size_t k = 0; k < r->nw; k++) {
			const struct alert_watch *w = &r->w[k];
			char line[ALERT_TEXT_MAX + 160], price[48] = "-";
			int len;

			if (!w->fired)
				continue;
			if (w->last.price.ok)
				num_format(w->last.price, price, sizeof price);
			len = snprintf(line, sizeof line, "%s\t%s\t%lld\t%lld\t%s\t%d", key,
				       w->in.display, (long long)w->last.t, w->last.day, price,
				       w->last.at_start);
			if (len < 0 || (size_t)len >= sizeof line ||
			    !state_doc_push_text(&d, line, (size_t)len))
				goto oom;
		}
	}
	ok = state_write_doc(path, &d, err, errlen);
	state_doc_done(&d);
	return ok;
oom:
	snprintf(err, errlen, "%s: out of memory", path);
	state_doc_done(&d);
	return false;
}
