/* series_json.h - what the chart parsers share (internal to series*.c) */
#ifndef HKTOP_SERIES_JSON_H
#define HKTOP_SERIES_JSON_H

#include <cjson/cJSON.h>

#include "model/series.h"

/* Empty *s and name the source, the exchange's offset and the bar size
 * (0: the shortest step between bars). */
void series_begin(struct series *s, const struct instrument *in, const char *source,
		  int utc_offset, int interval);

/* Drop the bars and write "<source>: <symbol>: <cause>"; returns false. */
bool series_fail(struct series *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Room for n bars; refuses 0 and more than SERIES_MAX_BARS. */
bool series_alloc(struct series *s, size_t n);

/* Append a bar after checking it; refuses the series if it is not
 * believable. The caller must have allocated room. */
bool series_push(struct series *s, const struct bar *b);

/* After the last bar: at least one, and the interval known. */
bool series_end(struct series *s);

/* A bar's time for messages: "2026-08-07 10:31", or the date of a day bar. */
const char *series_when(const struct series *s, time_t t, char *buf, size_t len);

/* Feed text made safe for an error message. */
const char *series_show(const char *text, size_t len, char *buf, size_t cap);

/* Parse a JSON reply object, after any "name=" JavaScript prefix. NULL
 * with the cause in s->err. */
cJSON *series_json(struct series *s, const char *body, size_t len);

/* An object member, or NULL when o is not an object or has none. */
const cJSON *series_get(const cJSON *o, const char *key);

#endif
