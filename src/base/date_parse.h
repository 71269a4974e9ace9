/* date_parse.h - the dates feeds write in text: RFC 822 (RSS pubDate) and RFC 3339 (Atom, dc:date) */
#ifndef HKTOP_DATE_PARSE_H
#define HKTOP_DATE_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

/* RFC 822/2822 dates as in pubDate: "Sat, 01 Aug 2020 20:57:44 +0000".
 * The weekday is optional (and not checked), seconds are optional, years
 * may have two digits (< 50 is 20xx), zones may be numeric or named (UT,
 * GMT, UTC, Z, EST, EDT, CST, CDT, MST, MDT, PST, PDT, HKT); a missing
 * zone is taken as UTC. A trailing "(comment)" is allowed. */
bool date_parse_rfc822(const char *s, size_t len, time_t *out);

/* RFC 3339 / W3CDTF dates as in Atom and dc:date:
 * "2026-08-07T08:15:00Z", "2026-08-07T16:15:00.123+08:00", "2026-08-07"
 * (midnight UTC). A time without a zone is taken as UTC. */
bool date_parse_rfc3339(const char *s, size_t len, time_t *out);

#endif
