/* date_parse.c - the dates feeds write in text: RFC 822 (RSS pubDate) and RFC 3339 (Atom, dc:date)
 *
 * A small scanner over a byte span (the text is not NUL-terminated where
 * it comes from), then hktime_make for the arithmetic, so the user's TZ
 * never enters into it. */
#include "config.h"

#include <string.h>

#include "base/date_parse.h"
#include "base/hktime.h"

struct scan {
	const char *p, *end;
};

static void skip_ws(struct scan *s)
{
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\r' || *s->p == '\n'))
		s->p++;
}

/* min to max digits; false if fewer. */
static bool digits(struct scan *s, int min, int max, int *v, int *n)
{
	int k = 0;

	*v = 0;
	while (s->p < s->end && k < max && *s->p >= '0' && *s->p <= '9') {
		*v = *v * 10 + (*s->p++ - '0');
		k++;
	}
	if (n)
		*n = k;
	return k >= min;
}

static bool lit(struct scan *s, char c)
{
	if (s->p < s->end && *s->p == c) {
		s->p++;
		return true;
	}
	return false;
}

static size_t word(struct scan *s, char *buf, size_t cap)
{
	size_t n = 0;

	while (s->p < s->end && ((*s->p >= 'a' && *s->p <= 'z') || (*s->p >= 'A' && *s->p <= 'Z'))) {
		if (n + 1 < cap)
			buf[n] = (char)(*s->p >= 'a' ? *s->p - 32 : *s->p);
		n++;
		s->p++;
	}
	buf[n < cap ? n : cap - 1] = '\0';
	return n;
}

static int month_number(const char *m, size_t n)
{
	static const char *const months[] = {
		"JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST",
		"SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER",
	};
	int i;

	for (i = 0; i < 12; i++)
		if (n >= 3 && n <= strlen(months[i]) && strncmp(months[i], m, n) == 0 &&
		    (n == 3 || n == strlen(months[i])))
			return i + 1;
	return 0;
}

/* "+0800", "-05:00": seconds east of UTC. */
static bool numeric_zone(struct scan *s, bool colon_ok, int *off)
{
	int sign, h, m;

	if (s->p >= s->end || (*s->p != '+' && *s->p != '-'))
		return false;
	sign = *s->p++ == '-' ? -1 : 1;
	if (!digits(s, 2, 2, &h, NULL))
		return false;
	if (colon_ok)
		lit(s, ':');
	if (!digits(s, 2, 2, &m, NULL) || h > 23 || m > 59)
		return false;
	*off = sign * (h * 3600 + m * 60);
	return true;
}

static bool named_zone(const char *z, int *off)
{
	static const struct {
		const char *name;
		int hours;
	} zones[] = {
		{ "UT", 0 }, { "GMT", 0 }, { "UTC", 0 }, { "Z", 0 }, { "EST", -5 }, { "EDT", -4 },
		{ "CST", -6 }, { "CDT", -5 }, { "MST", -7 }, { "MDT", -6 }, { "PST", -8 },
		{ "PDT", -7 }, { "HKT", 8 },
	};
	size_t i;

	for (i = 0; i < sizeof zones / sizeof zones[0]; i++) {
		if (strcmp(zones[i].name, z) == 0) {
			*off = zones[i].hours * 3600;
			return true;
		}
	}
	return false;
}

bool date_parse_rfc822(const char *str, size_t len, time_t *out)
{
	struct scan s = { str, str + len };
	char w[16];
	int d, mo, y, yn, h, mi, sec = 0, off = 0;
	size_t n;

	skip_ws(&s);
	if (s.p < s.end && *s.p >= 'A') {
		if (word(&s, w, sizeof w) < 3 || !lit(&s, ','))
			return false; /* a weekday, which is not checked */
		skip_ws(&s);
	}
	if (!digits(&s, 1, 2, &d, NULL))
		return false;
	skip_ws(&s);
	n = word(&s, w, sizeof w);
	if (!(mo = month_number(w, n)))
		return false;
	skip_ws(&s);
	if (!digits(&s, 2, 4, &y, &yn))
		return false;
	if (yn == 2)
		y += y < 50 ? 2000 : 1900;
	else if (yn == 3)
		y += 1900;
	skip_ws(&s);
	if (!digits(&s, 1, 2, &h, NULL) || !lit(&s, ':') || !digits(&s, 2, 2, &mi, NULL))
		return false;
	if (lit(&s, ':') && !digits(&s, 2, 2, &sec, NULL))
		return false;
	skip_ws(&s);
	if (s.p < s.end && (*s.p == '+' || *s.p == '-')) {
		if (!numeric_zone(&s, false, &off))
			return false;
	} else if (s.p < s.end && *s.p != '(') {
		word(&s, w, sizeof w);
		if (!named_zone(w, &off))
			return false;
	}
	skip_ws(&s);
	if (lit(&s, '(')) {
		while (s.p < s.end && *s.p != ')')
			s.p++;
		if (!lit(&s, ')'))
			return false;
		skip_ws(&s);
	}
	return s.p == s.end && hktime_make(y, mo, d, h, mi, sec, off, out);
}

bool date_parse_rfc3339(const char *str, size_t len, time_t *out)
{
	struct scan s = { str, str + len };
	int y, mo, d, h = 0, mi = 0, sec = 0, frac, off = 0;

	skip_ws(&s);
	if (!digits(&s, 4, 4, &y, NULL) || !lit(&s, '-') || !digits(&s, 2, 2, &mo, NULL) ||
	    !lit(&s, '-') || !digits(&s, 2, 2, &d, NULL))
		return false;
	if (lit(&s, 'T') || lit(&s, 't') ||
	    (s.p + 1 < s.end && s.p[0] == ' ' && s.p[1] >= '0' && s.p[1] <= '9' && lit(&s, ' '))) {
		if (!digits(&s, 2, 2, &h, NULL) || !lit(&s, ':') || !digits(&s, 2, 2, &mi, NULL))
			return false;
		if (lit(&s, ':') && !digits(&s, 2, 2, &sec, NULL))
			return false;
		if (lit(&s, '.') && !digits(&s, 1, 9, &frac, NULL))
			return false;
		while (s.p < s.end && *s.p >= '0' && *s.p <= '9')
			s.p++; /* sub-nanosecond digits */
		if (!lit(&s, 'Z') && !lit(&s, 'z') && s.p < s.end && !numeric_zone(&s, true, &off))
			return false;
	}
	skip_ws(&s);
	return s.p == s.end && hktime_make(y, mo, d, h, mi, sec, off, out);
}
