/* test-date-parse.c - the dates feeds write: RFC 822 (RSS pubDate) and RFC 3339 (Atom, dc:date) */
#include "config.h"

#include <string.h>

#include "base/date_parse.h"
#include "tap.h"

static void date(const char *s, bool rfc822, long long want, const char *what)
{
	time_t t = 0;
	bool good = rfc822 ? date_parse_rfc822(s, strlen(s), &t) : date_parse_rfc3339(s, strlen(s), &t);

	if (want < 0)
		ok(!good, "date: %s refused", what);
	else
		is_int(good ? (long long)t : -1, want, "date: %s", what);
}

static void date_tests(void)
{
	date("Fri, 07 Aug 2026 08:15:12 +0000", true, 1786090512, "RFC 822");
	date("  Fri, 07 Aug 2026 08:15:12 GMT  ", true, 1786090512, "GMT, spaces around");
	date("Friday, 7 August 2026 08:15:12 UT", true, 1786090512, "long names, UT");
	date("07 Aug 2026 16:15:12 +0800", true, 1786090512, "no weekday, +0800");
	date("Fri, 07 Aug 26 04:15:12 EDT", true, 1786090512, "two-digit year, EDT");
	date("Fri, 07 Aug 2026 03:15:12 EST", true, 1786090512, "EST");
	date("Fri, 07 Aug 2026 01:15:12 PDT", true, 1786090512, "PDT");
	date("Fri, 07 Aug 2026 16:15:12 HKT", true, 1786090512, "HKT");
	date("Fri, 07 Aug 2026 08:15:12 Z", true, 1786090512, "Z");
	date("Fri, 07 Aug 2026 08:15:12", true, 1786090512, "no zone is UTC");
	date("Fri, 07 Aug 2026 08:15:12 +0000 (UTC)", true, 1786090512, "trailing comment");
	date("1 Jan 99 00:00 GMT", true, 915148800, "99 is 1999");
	date("31 Dec 49 23:59:59 GMT", true, 2524607999, "49 is 2049");
	date("Fri, 07 Aug 2026 08:15:12 XYZ", true, -1, "unknown zone");
	date("Fri, 07 Aug 2026 08:15:12 +2400", true, -1, "offset out of range");
	date("Fri, 30 Feb 2026 08:15:12 GMT", true, -1, "30 February");
	date("Fri, 07 Aug 2026 25:15:12 GMT", true, -1, "hour 25");
	date("Fri 07 Aug 2026 08:15:12 GMT", true, -1, "weekday without comma");
	date("Fri, 07 Aug 2026 08:15:12 GMT junk", true, -1, "trailing junk");
	date("", true, -1, "empty");
	date("2026-08-07T08:15:12Z", false, 1786090512, "RFC 3339 Z");
	date("2026-08-07t08:15:12z", false, 1786090512, "lowercase t and z");
	date("2026-08-07T16:15:12+08:00", false, 1786090512, "+08:00");
	date("2026-08-07T16:15:12.123456789123+08:00", false, 1786090512, "long fraction");
	date("2026-08-07 08:15:12Z", false, 1786090512, "space separator");
	date("2026-08-07T08:15:12", false, 1786090512, "no zone is UTC");
	date("2026-08-07", false, 1786060800, "date only");
	date("2026-08-07T08:15Z", false, 1786090500, "no seconds");
	date("2026-13-07T08:15:12Z", false, -1, "month 13");
	date("2026-08-07T08:15:12+8", false, -1, "short offset");
	date("2026-08-07T08:15:12.Z", false, -1, "empty fraction");
	date("26-08-07", false, -1, "two-digit year");
}

int main(void)
{
	date_tests();
	return tap_done();
}
