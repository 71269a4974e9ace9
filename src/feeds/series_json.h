/* series_json.h - what the chart parsers share (internal to feeds/series_*.c) */
#ifndef HKTOP_SERIES_JSON_H
#define HKTOP_SERIES_JSON_H

#include <cjson/cJSON.h>

#include "model/series.h"

/* Parse a JSON reply object, after any "name=" JavaScript prefix. NULL
 * with the cause in s->err. */
cJSON *series_json(struct series *s, const char *body, size_t len);

/* An object member, or NULL when o is not an object or has none. */
const cJSON *series_json_get(const cJSON *o, const char *key);

#endif
