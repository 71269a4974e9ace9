/* options.c - parse, validate and describe every config key from one table */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/notify.h"
#include "config/options.h"
#include "model/board.h"
#include "model/quote.h"
#include "base/text.h"

/* The table of keys is options_table.c. */

static void *slot(struct options *o, const struct option_def *d)
{
	return (char *)o + d->offset;
}

static const void *cslot(const struct options *o, const struct option_def *d)
{
	return (const char *)o + d->offset;
}

const struct option_def *options_find(const char *name)
{
	for (size_t i = 0; i < options_count; i++)
		if (strcmp(options_table[i].name, name) == 0)
			return &options_table[i];
	return NULL;
}

void options_init(struct options *o)
{
	char err[256];

	memset(o, 0, sizeof *o);
	keys_init(&o->keys);
	for (size_t i = 0; i < options_count; i++)
		if (!options_set(o, options_table[i].name, options_table[i].def, err, sizeof err))
			abort(); /* a bad default is a build bug; test-options catches it */
}

void options_done(struct options *o)
{
	free(o->watchlist);
	o->watchlist = NULL;
	o->nwatch = 0;
	lists_done(&o->lists);
}

static bool fail(char *err, size_t errlen, const char *value, const char *cause)
{
	text_quote_error(err, errlen, value, cause);
	return false;
}

static bool parse_long(const char *s, long *out, long *mul_out, bool allow_suffix)
{
	char *end;
	long v, mul = 1;

	if (!isdigit((unsigned char)*s))
		return false;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s)
		return false;
	if (allow_suffix && (*end == 'K' || *end == 'k')) {
		mul = 1024;
		end++;
	} else if (allow_suffix && (*end == 'M' || *end == 'm')) {
		mul = 1024 * 1024;
		end++;
	}
	if (*end != '\0')
		return false;
	*out = v;
	*mul_out = mul;
	return true;
}

static bool set_number(struct options *o, const struct option_def *d, const char *value,
		       char *err, size_t errlen)
{
	long v, mul;
	char cause[128];

	if (!parse_long(value, &v, &mul, d->type == OPT_SIZE))
		return fail(err, errlen, value, d->type == OPT_SIZE ?
			    "not a size (e.g. 2M, 512K, 65536)" : "not a whole number");
	if (v > d->max / mul || v * mul < d->min) {
		snprintf(cause, sizeof cause, "out of range %ld..%ld%s%s", d->min, d->max,
			 d->unit ? " " : "", d->unit ? d->unit : "");
		return fail(err, errlen, value, cause);
	}
	*(long *)slot(o, d) = v * mul;
	return true;
}

static bool set_clock(struct options *o, const struct option_def *d, const char *value,
		      char *err, size_t errlen)
{
	const char *p = value;
	int v[2] = { 0, 0 };

	for (int k = 0; k < 2; k++) {
		if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1]))
			return fail(err, errlen, value, "not a time of day (HH:MM)");
		v[k] = (p[0] - '0') * 10 + (p[1] - '0');
		p += 2;
		if (k == 0 && *p++ != ':')
			return fail(err, errlen, value, "not a time of day (HH:MM)");
	}
	if (*p || v[0] > 23 || v[1] > 59)
		return fail(err, errlen, value, "not a time of day (HH:MM, 00:00 to 23:59)");
	*(long *)slot(o, d) = v[0] * 60 + v[1];
	return true;
}

static bool set_bool(struct options *o, const struct option_def *d, const char *value,
		     char *err, size_t errlen)
{
	static const char *const yes[] = { "yes", "true", "on", "1" };
	static const char *const no[] = { "no", "false", "off", "0" };

	for (size_t i = 0; i < 4; i++) {
		if (strcasecmp(value, yes[i]) == 0) {
			*(bool *)slot(o, d) = true;
			return true;
		}
		if (strcasecmp(value, no[i]) == 0) {
			*(bool *)slot(o, d) = false;
			return true;
		}
	}
	return fail(err, errlen, value, "not yes or no");
}

static bool set_choice(struct options *o, const struct option_def *d, const char *value,
		       char *err, size_t errlen)
{
	char cause[160] = "not one of";
	size_t used = strlen(cause);

	for (int i = 0; d->choices[i]; i++) {
		if (strcmp(value, d->choices[i]) == 0) {
			*(int *)slot(o, d) = i;
			return true;
		}
		used += (size_t)snprintf(cause + used, used < sizeof cause ? sizeof cause - used : 0,
					 "%s %s", i ? "," : "", d->choices[i]);
		if (used >= sizeof cause)
			used = sizeof cause - 1;
	}
	return fail(err, errlen, value, cause);
}

static bool has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return true;
	return false;
}

/* An http:// or https:// URL; *n becomes its length without trailing slashes. */
static bool check_url(const char *value, size_t *n, char *err, size_t errlen)
{
	if (strncmp(value, "http://", 7) != 0 && strncmp(value, "https://", 8) != 0)
		return fail(err, errlen, value, "not an http:// or https:// URL");
	if (strpbrk(value, " \"<>\\^`{|}"))
		return fail(err, errlen, value, "URL contains a space or an unsafe character");
	while (*n > 8 && value[*n - 1] == '/')
		(*n)--;
	return true;
}

static bool set_string(struct options *o, const struct option_def *d, const char *value,
		       char *err, size_t errlen)
{
	char *dst = slot(o, d);
	size_t n = strlen(value);

	if (has_control(value))
		return fail(err, errlen, value, "contains control characters");
	if (d->type == OPT_URL && !check_url(value, &n, err, errlen))
		return false;
	if (d->check && !d->check(value, err, errlen))
		return false;
	if (n >= d->size)
		return fail(err, errlen, value, "too long");
	memcpy(dst, value, n);
	dst[n] = '\0';
	return true;
}

/* The symbols of value, separated by spaces or commas, a name listed
 * twice kept once (*out owned by the caller). A word that is not a
 * symbol fails the whole value with its cause; with skip it is left out
 * instead, counted in *nbad, the first one's cause in err. False also
 * when out of memory. */
static bool parse_symbols(const char *value, bool skip, struct instrument **out, size_t *n,
			  size_t *nbad, char *err, size_t errlen)
{
	struct instrument *list = NULL, *grown;
	size_t cap = 0;
	const char *p = value;
	char cause[320];

	*n = *nbad = 0;
	while (*p) {
		char word[64];
		size_t len = strcspn(p, " \t,");
		struct instrument in;
		bool good;

		if (len == 0) {
			p++;
			continue;
		}
		if ((good = len < sizeof word)) {
			memcpy(word, p, len);
			word[len] = '\0';
			good = symbol_parse(word, &in, cause, sizeof cause);
		} else {
			text_quote_error(cause, sizeof cause, p, "not a symbol (too long)");
		}
		p += len;
		if (!good) {
			if (!skip) {
				free(list);
				snprintf(err, errlen, "%s", cause);
				return false;
			}
			if ((*nbad)++ == 0)
				snprintf(err, errlen, "%s", cause);
			continue;
		}
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			if (!(grown = realloc(list, cap * sizeof *list))) {
				free(list);
				return fail(err, errlen, "watchlist", "out of memory");
			}
			list = grown;
		}
		list[(*n)++] = in;
	}
	if (!symbol_dedup(list, n)) { /* a name listed twice is shown once */
		free(list);
		return fail(err, errlen, "watchlist", "out of memory");
	}
	*out = list;
	return true;
}

static bool set_symbols(struct options *o, const char *value, char *err, size_t errlen)
{
	struct instrument *list = NULL;
	size_t n, nbad;

	if (!parse_symbols(value, false, &list, &n, &nbad, err, errlen))
		return false;
	free(o->watchlist);
	o->watchlist = list;
	o->nwatch = n;
	o->watchlist_sets++;
	return true;
}

/* list.NAME = SYMBOLS: another watchlist. Unlike the one watchlist, a
 * bad symbol does not refuse the whole list: it is named (the first of
 * them) and skipped, and the others make the list. An empty list is
 * refused: it says nothing a list made on screen would not. */
static bool set_list(struct options *o, const char *name, const char *value, char *err,
		     size_t errlen)
{
	struct instrument *list = NULL;
	size_t n, nbad;
	char cause[320] = "", first[320] = "";

	if (!lists_name_check(name, strlen(name), cause, sizeof cause)) {
		snprintf(err, errlen, "list.NAME: %s", cause);
		return false;
	}
	if (strcmp(name, LISTS_MAIN) == 0) /* the plain watchlist */
		return set_symbols(o, value, err, errlen);
	if (!parse_symbols(value, true, &list, &n, &nbad, first, sizeof first)) {
		snprintf(err, errlen, "%s", first);
		return false;
	}
	if (n == 0) {
		free(list);
		if (nbad)
			snprintf(err, errlen, "list.%s: %s; no symbol left, list skipped", name, first);
		else
			snprintf(err, errlen, "list.%s: empty; a list needs a symbol, list skipped",
				 name);
		return false;
	}
	/* main is one of the LISTS_MAX. */
	if (o->lists.n >= LISTS_MAX - 1 && lists_find(&o->lists, name) < 0) {
		free(list);
		snprintf(err, errlen, "more than %d lists; \"%s\" skipped", LISTS_MAX, name);
		return false;
	}
	if (!lists_set(&o->lists, name, list, n, NULL, cause, sizeof cause)) {
		free(list);
		snprintf(err, errlen, "%s", cause);
		return false;
	}
	free(list);
	if (nbad == 0)
		return true;
	snprintf(err, errlen, "list.%s: %s; skipped%s, the other symbols kept", name, first,
		 nbad > 1 ? " with the other bad ones" : "");
	return false;
}

void options_list_origin(struct options *o, const char *name, const char *file)
{
	long k = lists_find(&o->lists, name);
	char *f;

	if (k < 0 || !(f = strdup(file)))
		return;
	free(o->lists.v[k].from);
	o->lists.v[k].from = f;
}

/* Words separated by spaces or commas, each one of the choices. */
static bool set_flags(struct options *o, const struct option_def *d, const char *value,
		      char *err, size_t errlen)
{
	unsigned flags = 0;
	const char *p = value;

	while (*p) {
		size_t len = strcspn(p, " \t,");
		int i;

		if (len == 0) {
			p++;
			continue;
		}
		for (i = 0; d->choices[i]; i++)
			if (strlen(d->choices[i]) == len && strncmp(p, d->choices[i], len) == 0)
				break;
		if (d->choices[i]) {
			flags |= 1u << i;
		} else if (!(len == 4 && strncmp(p, "none", 4) == 0)) {
			char word[64];
			snprintf(word, sizeof word, "%.*s", (int)len, p);
			return set_choice(o, d, word, err, errlen); /* fails, naming the choices */
		}
		p += len;
	}
	*(unsigned *)slot(o, d) = flags;
	return true;
}

/* Each word must be a URL as OPT_URL takes it; stored one space apart. */
static bool set_urls(struct options *o, const struct option_def *d, const char *value,
		     char *err, size_t errlen)
{
	char *dst = slot(o, d), out[OPT_URLS_MAX];
	size_t used = 0;
	const char *p = value;

	if (has_control(value))
		return fail(err, errlen, value, "contains control characters");
	while (*p) {
		size_t len = strcspn(p, " \t"), n;
		char word[OPT_URL_MAX];

		if (len == 0) {
			p++;
			continue;
		}
		if (len >= sizeof word)
			return fail(err, errlen, p, "too long");
		memcpy(word, p, len);
		word[len] = '\0';
		p += len;
		n = len;
		if (!check_url(word, &n, err, errlen))
			return false;
		if (used + n + 2 > sizeof out || used + n + 2 > d->size)
			return fail(err, errlen, value, "too long");
		if (used)
			out[used++] = ' ';
		memcpy(out + used, word, n);
		used += n;
	}
	out[used] = '\0';
	memcpy(dst, out, used + 1);
	return true;
}

bool options_set(struct options *o, const char *name, const char *value,
		 char *err, size_t errlen)
{
	const struct option_def *d = options_find(name);

	if (!d && strncmp(name, "list.", 5) == 0)
		return set_list(o, name + 5, value, err, errlen);
	if (!d)
		return fail(err, errlen, name, "unknown key (see hktop --help)");
	switch (d->type) {
	case OPT_INT:
	case OPT_SIZE:
		return set_number(o, d, value, err, errlen);
	case OPT_BOOL:
		return set_bool(o, d, value, err, errlen);
	case OPT_CHOICE:
		return set_choice(o, d, value, err, errlen);
	case OPT_URL:
	case OPT_STRING:
		return set_string(o, d, value, err, errlen);
	case OPT_SYMBOLS:
		return set_symbols(o, value, err, errlen);
	case OPT_FLAGS:
		return set_flags(o, d, value, err, errlen);
	case OPT_URLS:
		return set_urls(o, d, value, err, errlen);
	case OPT_CLOCK:
		return set_clock(o, d, value, err, errlen);
	}
	return fail(err, errlen, name, "unhandled type");
}

bool options_set_pair(struct options *o, const char *pair, char *err, size_t errlen)
{
	const char *eq = strchr(pair, '=');
	char key[64];
	size_t klen;

	if (!eq)
		return fail(err, errlen, pair, "expected KEY=VALUE");
	klen = (size_t)(eq - pair);
	while (klen > 0 && isspace((unsigned char)pair[klen - 1]))
		klen--;
	if (klen == 0 || klen >= sizeof key)
		return fail(err, errlen, pair, "expected KEY=VALUE");
	memcpy(key, pair, klen);
	key[klen] = '\0';
	eq++;
	while (isspace((unsigned char)*eq))
		eq++;
	return options_set(o, key, eq, err, errlen);
}

size_t options_format(const struct options *o, const struct option_def *d, char *buf, size_t len)
{
	const void *v = cslot(o, d);
	size_t used = 0;

	if (len)
		buf[0] = '\0';
	switch (d->type) {
	case OPT_INT:
	case OPT_SIZE:
		return (size_t)snprintf(buf, len, "%ld", *(const long *)v);
	case OPT_BOOL:
		return (size_t)snprintf(buf, len, "%s", *(const bool *)v ? "yes" : "no");
	case OPT_CHOICE:
		return (size_t)snprintf(buf, len, "%s", d->choices[*(const int *)v]);
	case OPT_URL:
	case OPT_STRING:
		return (size_t)snprintf(buf, len, "%s", (const char *)v);
	case OPT_URLS:
		return (size_t)snprintf(buf, len, "%s", (const char *)v);
	case OPT_CLOCK:
		return (size_t)snprintf(buf, len, "%02ld:%02ld", *(const long *)v / 60,
					*(const long *)v % 60);
	case OPT_FLAGS:
		for (int i = 0; d->choices[i]; i++)
			if (*(const unsigned *)v & (1u << i))
				used += (size_t)snprintf(used < len ? buf + used : NULL,
							 used < len ? len - used : 0, "%s%s",
							 used ? " " : "", d->choices[i]);
		if (!used)
			return (size_t)snprintf(buf, len, "none");
		break;
	case OPT_SYMBOLS:
		/* Counts on past the end of buf, so the caller learns the size. */
		for (size_t i = 0; i < o->nwatch; i++)
			used += (size_t)snprintf(used < len ? buf + used : NULL, used < len ? len - used : 0,
						 "%s%s", i ? " " : "", o->watchlist[i].display);
		break;
	}
	return used;
}

void options_print_help(FILE *fp)
{
	for (size_t i = 0; i < options_count; i++) {
		const struct option_def *d = &options_table[i];
		const char *def = d->def;

		if (d->type == OPT_SYMBOLS)
			def = "see share/hktoprc";
		fprintf(fp, "  %-20s %s", d->name, d->help);
		if (d->type == OPT_INT || d->type == OPT_SIZE)
			fprintf(fp, " (%ld-%ld %s)", d->min, d->max, d->unit);
		if (d->type == OPT_CHOICE || d->type == OPT_FLAGS)
			for (int c = 0; d->choices[c]; c++)
				fprintf(fp, "%s%s%s", c ? ", " : " (", d->choices[c],
					d->choices[c + 1] ? "" : ")");
		if (def[0] && strlen(def) < 40)
			fprintf(fp, " [%s]", def);
		fputc('\n', fp);
	}
	fprintf(fp, "  %-20s %s\n", "list.NAME",
		"another watchlist, called NAME (v and V switch, --list picks)");
}
