/* positions.c - the positions file: one lot a line, read leniently and
 * edited without losing a byte of what the user wrote
 *
 * The file is the user's: comments, blank lines and lines we cannot read
 * stay exactly as written (a bad line is named with its file and line
 * number every time it is read, so it gets fixed, and is never dropped).
 * An edit re-reads the file as it is now and changes only the one line
 * it is about, found by its text. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/hktime.h"
#include "base/text.h"
#include "config/positions.h"
#include "config/textfile.h"

#define POSITIONS_HEADER \
	"# hktop positions: one lot a line, SYMBOL QUANTITY COST [YYYY-MM-DD] [fee=AMOUNT] [# note]\n" \
	"# COST per share in the listing's currency (HKD, or USD for US ADRs); a negative\n" \
	"# QUANTITY is a short. hktop adds, edits and removes lines here; your comments stay.\n"

void positions_doc_done(struct positions_doc *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->v[i].text);
	free(d->v);
	d->v = NULL;
	d->n = d->cap = 0;
}

/* ---- one line ---------------------------------------------------------- */

struct tokens {
	const char *s[8];
	size_t len[8];
	size_t n;
	bool more;  /* more tokens than s holds */
};

/* Split the part before '#' at blanks. */
static void tokenize(const char *line, size_t len, struct tokens *t)
{
	const char *p = line, *end = line + len, *hash = memchr(line, '#', len);

	if (hash)
		end = hash;
	memset(t, 0, sizeof *t);
	while (p < end) {
		const char *a;

		while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
			p++;
		if (p == end)
			break;
		for (a = p; p < end && *p != ' ' && *p != '\t' && *p != '\r'; p++)
			;
		if (t->n == sizeof t->s / sizeof t->s[0]) {
			t->more = true;
			break;
		}
		t->s[t->n] = a;
		t->len[t->n++] = (size_t)(p - a);
	}
}

static bool refuse(char *cause, size_t causelen, const char *s, size_t len, const char *why)
{
	char q[TEXT_QUOTE_SIZE];

	snprintf(cause, causelen, "%s: %s", text_quote(q, sizeof q, s, len), why);
	return false;
}

static bool parse_qty(const char *s, size_t len, long long *out, char *cause, size_t causelen)
{
	size_t i = s[0] == '-' || s[0] == '+';
	long long q = 0;

	if (i == len)
		return refuse(cause, causelen, s, len, "quantity is not a whole number of shares");
	for (; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return refuse(cause, causelen, s, len,
				      "quantity is not a whole number of shares");
		if (q > POSITION_QTY_MAX / 10 + 1)
			return refuse(cause, causelen, s, len, "quantity is too large");
		q = q * 10 + (s[i] - '0');
	}
	if (q > POSITION_QTY_MAX)
		return refuse(cause, causelen, s, len, "quantity is too large");
	if (q == 0)
		return refuse(cause, causelen, s, len, "quantity is 0");
	*out = s[0] == '-' ? -q : q;
	return true;
}

static bool parse_amount(const char *s, size_t len, bool positive, const char *what,
			 struct num *out, char *cause, size_t causelen)
{
	char why[64];

	if (!num_parse(s, len, out)) {
		snprintf(why, sizeof why, "%s %s", what, num_refusal(s, len));
		return refuse(cause, causelen, s, len, why);
	}
	if (positive ? !(out->v > 0) : out->v < 0) {
		snprintf(why, sizeof why, "%s must be %s", what, positive ? "above 0" : "0 or more");
		return refuse(cause, causelen, s, len, why);
	}
	return true;
}

/* YYYY-MM-DD, a real date, not after today. */
static bool parse_date(const char *s, size_t len, long long today, long long *out, char *cause,
		       size_t causelen)
{
	int v[3] = { 0, 0, 0 }, k = 0;
	time_t t;

	/* Digit by digit: s is a token of the line, not a string that ends
	 * (sscanf would read on past it). */
	if (len != 10 || s[4] != '-' || s[7] != '-')
		return refuse(cause, causelen, s, len, "not a date (YYYY-MM-DD)");
	for (size_t i = 0; i < len; i++) {
		if (i == 4 || i == 7) {
			k++;
			continue;
		}
		if (s[i] < '0' || s[i] > '9')
			return refuse(cause, causelen, s, len, "not a date (YYYY-MM-DD)");
		v[k] = v[k] * 10 + (s[i] - '0');
	}
	if (!hktime_make(v[0], v[1], v[2], 0, 0, 0, 0, &t))
		return refuse(cause, causelen, s, len, "not a date (YYYY-MM-DD)");
	*out = hktime_days_from_civil(v[0], v[1], v[2]);
	/* Day numbers count from 1970; -1 is "no date". */
	if (*out < 0)
		return refuse(cause, causelen, s, len, "the date is before 1970");
	if (*out > today)
		return refuse(cause, causelen, s, len, "the date is in the future");
	return true;
}

bool positions_parse_lot(const char *line, size_t len, long long today, struct lot *out,
			 bool *blank, char *cause, size_t causelen)
{
	struct tokens t;
	char sym[64];
	bool have_fee = false;

	memset(out, 0, sizeof *out);
	out->day = -1;
	tokenize(line, len, &t);
	*blank = t.n == 0;
	if (*blank)
		return false;
	if (t.n < 3) {
		snprintf(cause, causelen, "expected SYMBOL QUANTITY COST");
		return false;
	}
	if (t.more) {
		snprintf(cause, causelen, "too many fields (a note goes after '#')");
		return false;
	}
	snprintf(sym, sizeof sym, "%.*s", (int)(t.len[0] < 63 ? t.len[0] : 63), t.s[0]);
	if (!symbol_parse(sym, &out->in, cause, causelen))
		return false;
	if (out->in.market == MARKET_HK_INDEX) {
		snprintf(cause, causelen, "%s is an index; it cannot be held", out->in.display);
		return false;
	}
	if (!parse_qty(t.s[1], t.len[1], &out->qty, cause, causelen) ||
	    !parse_amount(t.s[2], t.len[2], true, "cost", &out->cost, cause, causelen))
		return false;
	for (size_t i = 3; i < t.n; i++) {
		const char *s = t.s[i];
		size_t l = t.len[i];

		if (l > 4 && memcmp(s, "fee=", 4) == 0 && !have_fee) {
			if (!parse_amount(s + 4, l - 4, false, "fee", &out->fee, cause, causelen))
				return false;
			have_fee = true;
		} else if (l > 0 && s[0] >= '0' && s[0] <= '9' && out->day < 0) {
			if (!parse_date(s, l, today, &out->day, cause, causelen))
				return false;
		} else {
			return refuse(cause, causelen, s, l,
				      "not a date (YYYY-MM-DD) or fee=AMOUNT, or given twice");
		}
	}
	return true;
}

int positions_lot_text(const struct lot *l, char *buf, size_t len)
{
	char cost[48], fee[48] = "", day[16] = "";
	int w;

	num_format(l->cost, cost, sizeof cost);
	if (l->fee.ok) {
		memcpy(fee, " fee=", 6);
		num_format(l->fee, fee + 5, sizeof fee - 5);
	}
	if (l->day >= 0) {
		day[0] = ' ';
		position_day_text(l->day, day + 1, sizeof day - 1);
	}
	w = snprintf(buf, len, "%s %lld %s%s%s", l->in.display, l->qty, cost, day, fee);
	return w;
}

/* ---- the document ------------------------------------------------------ */

static bool doc_insert(struct positions_doc *d, size_t at, const char *text, size_t len,
		       const struct lot *lot)
{
	char *copy = malloc(len + 1);

	if (!copy)
		return false;
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		struct positions_line *v = realloc(d->v, cap * sizeof *v);

		if (!v) {
			free(copy);
			return false;
		}
		d->v = v;
		d->cap = cap;
	}
	memmove(&d->v[at + 1], &d->v[at], (d->n - at) * sizeof *d->v);
	d->n++;
	memcpy(copy, text, len);
	copy[len] = '\0';
	d->v[at] = (struct positions_line){ .text = copy, .is_lot = lot != NULL };
	if (lot)
		d->v[at].lot = *lot;
	return true;
}

bool positions_doc_parse(struct positions_doc *d, const char *name, const char *buf, size_t len,
			 long long today, char *err, size_t errlen)
{
	size_t lineno = 0, pos = 0;

	if (memchr(buf, '\0', len)) {
		snprintf(err, errlen, "%s: a NUL byte; not a text file", name);
		return false;
	}
	while (pos < len) {
		const char *line = buf + pos, *nl = memchr(line, '\n', len - pos);
		size_t ll = nl ? (size_t)(nl - line) : len - pos;
		char cause[POSITIONS_MSG_MAX / 2];
		struct lot lot;
		bool blank, ok;

		pos += ll + (nl != NULL);
		lineno++;
		ok = positions_parse_lot(line, ll, today, &lot, &blank, cause, sizeof cause);
		if (!ok && !blank) {
			if (d->nbad < POSITIONS_BAD_NAMED) {
				char raw[POSITIONS_MSG_MAX];

				/* The name is a path from the environment. */
				snprintf(raw, sizeof raw, "%s:%zu: %s", name, lineno, cause);
				text_sanitize(d->bad[d->nbad], sizeof d->bad[0], raw, strlen(raw));
			}
			d->nbad++;
		}
		if (!doc_insert(d, d->n, line, ll, ok ? &lot : NULL)) {
			snprintf(err, errlen, "%s: out of memory", name);
			return false;
		}
	}
	return true;
}

bool positions_doc_lots(const struct positions_doc *d, struct lot **out, size_t **line, size_t *n)
{
	size_t k = 0;

	*out = NULL;
	if (line)
		*line = NULL;
	*n = 0;
	for (size_t i = 0; i < d->n; i++)
		k += d->v[i].is_lot;
	if (!k)
		return true;
	if (!(*out = malloc(k * sizeof **out)) || (line && !(*line = malloc(k * sizeof **line)))) {
		free(*out);
		*out = NULL;
		return false;
	}
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].is_lot) {
			if (line)
				(*line)[*n] = i;
			(*out)[(*n)++] = d->v[i].lot;
		}
	return true;
}

bool positions_doc_edit(struct positions_doc *d, const char *old, const char *new_text,
			long long today, char *err, size_t errlen)
{
	char cause[POSITIONS_MSG_MAX / 2], *text = NULL;
	struct lot lot;
	size_t at = d->n;
	bool blank;

	if (!old && !new_text) {
		snprintf(err, errlen, "no lot given");
		return false;
	}
	if (old) {
		for (at = 0; at < d->n && strcmp(d->v[at].text, old) != 0; at++)
			;
		if (at == d->n) {
			snprintf(err, errlen, "that lot is no longer in the file (edited meanwhile?)");
			return false;
		}
	}
	if (!new_text) {
		free(d->v[at].text);
		memmove(&d->v[at], &d->v[at + 1], (d->n - at - 1) * sizeof *d->v);
		d->n--;
		return true;
	}
	if (!positions_parse_lot(new_text, strlen(new_text), today, &lot, &blank, cause,
				 sizeof cause)) {
		snprintf(err, errlen, "%s", blank ? "no lot given" : cause);
		return false;
	}
	if (old) {
		/* The user's note stays with the lot it was written for. */
		const char *note = strchr(old, '#');
		size_t nl = strlen(new_text), len = nl + (note ? 2 + strlen(note) : 0) + 1;

		if (!(text = malloc(len)))
			goto oom;
		snprintf(text, len, "%s%s%s", new_text, note ? "  " : "", note ? note : "");
		free(d->v[at].text);
		d->v[at].text = text;
		d->v[at].is_lot = true;
		d->v[at].lot = lot;
		return true;
	}
	if (doc_insert(d, d->n, new_text, strlen(new_text), &lot))
		return true;
oom:
	snprintf(err, errlen, "out of memory");
	return false;
}

int positions_doc_write(FILE *f, const struct positions_doc *d)
{
	for (size_t i = 0; i < d->n; i++)
		if (fprintf(f, "%s\n", d->v[i].text) < 0)
			return errno ? errno : EIO;
	return 0;
}

/* ---- the file ---------------------------------------------------------- */

void positions_default_path(char *buf, size_t len)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	int w = -1;

	if (xdg && xdg[0] == '/')
		w = snprintf(buf, len, "%s/hktop/positions", xdg);
	else if (home && home[0] == '/')
		w = snprintf(buf, len, "%s/.config/hktop/positions", home);
	if (len > 0 && (w < 0 || (size_t)w >= len))
		buf[0] = '\0';
}

bool positions_load(const char *path, struct positions_doc *d, bool *exists, long long today,
		    char *err, size_t errlen)
{
	char *buf;
	size_t len;
	bool ok;

	if (!textfile_read(path, POSITIONS_MAX_FILE, &buf, &len, exists, err, errlen))
		return false;
	if (!*exists)
		return true;
	ok = positions_doc_parse(d, path, buf, len, today, err, errlen);
	free(buf);
	if (!ok)
		positions_doc_done(d);
	return ok;
}

struct edit {
	const char *path, *old, *new_text;
	long long today;
	struct positions_doc doc;
};

static bool edit_now(void *arg, char *err, size_t errlen)
{
	struct edit *e = arg;
	char cause[POSITIONS_MSG_MAX];
	bool exists;

	if (!positions_load(e->path, &e->doc, &exists, e->today, err, errlen))
		return false;
	if (!exists && !positions_doc_parse(&e->doc, e->path, POSITIONS_HEADER,
					    sizeof POSITIONS_HEADER - 1, e->today, err, errlen))
		return false;
	if (!positions_doc_edit(&e->doc, e->old, e->new_text, e->today, cause, sizeof cause)) {
		snprintf(err, errlen, "%s: %s", e->path, cause);
		return false;
	}
	return true;
}

static int write_doc(FILE *f, void *arg)
{
	return positions_doc_write(f, &((struct edit *)arg)->doc);
}

bool positions_edit(const char *path, const char *old, const char *new_text, long long today,
		    char *err, size_t errlen)
{
	struct edit e = { path, old, new_text, today, { 0 } };
	bool ok = textfile_replace(path, edit_now, write_doc, &e, err, errlen);

	positions_doc_done(&e.doc);
	return ok;
}

/* ---- a run's positions ------------------------------------------------- */

bool positions_file_open(struct positions_file *pf, const char *path, long long today)
{
	char err[POSITIONS_MSG_MAX];

	memset(pf, 0, sizeof *pf);
	if (path && *path)
		snprintf(pf->path, sizeof pf->path, "%s", path);
	else
		positions_default_path(pf->path, sizeof pf->path);
	if (!pf->path[0]) {
		/* Nowhere to look: no positions, which is no error. */
		pf->readable = true;
		return true;
	}
	if (!positions_load(pf->path, &pf->doc, &pf->exists, today, err, sizeof err)) {
		text_sanitize(pf->err, sizeof pf->err, err, strlen(err));
		return false;
	}
	pf->readable = true;
	if (!positions_doc_lots(&pf->doc, &pf->lots, &pf->line, &pf->nlots)) {
		snprintf(pf->err, sizeof pf->err, "out of memory");
		return false;
	}
	if (!position_book_build(&pf->book, pf->lots, pf->nlots, err, sizeof err)) {
		char raw[sizeof pf->path + sizeof err + 2];

		snprintf(raw, sizeof raw, "%s: %s", pf->path, err);
		text_sanitize(pf->err, sizeof pf->err, raw, strlen(raw));
		return false;
	}
	return true;
}

void positions_file_done(struct positions_file *pf)
{
	positions_doc_done(&pf->doc);
	position_book_done(&pf->book);
	free(pf->lots);
	free(pf->line);
	pf->lots = NULL;
	pf->line = NULL;
	pf->nlots = 0;
}
