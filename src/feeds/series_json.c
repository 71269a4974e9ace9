/* series_json.c - what the chart parsers share: a JSON reply, maybe in a JavaScript assignment */
#include "config.h"

#include <ctype.h>

#include "feeds/series_json.h"
#include "feeds/series_source.h"

const cJSON *series_json_get(const cJSON *o, const char *key)
{
	return cJSON_IsObject(o) ? cJSON_GetObjectItemCaseSensitive(o, key) : NULL;
}

cJSON *series_json(struct series *s, const char *body, size_t len)
{
	const char *p = body, *end = body + len, *q;
	char show[64];
	cJSON *root;

	if (len > SERIES_MAX_BODY) {
		series_fail(s, "reply too large (%zu bytes)", len);
		return NULL;
	}
	while (p < end && isspace((unsigned char)*p))
		p++;
	if (p == end) {
		series_fail(s, "empty reply");
		return NULL;
	}
	/* kline_dayqfq={...}: a JavaScript assignment around the object */
	for (q = p; q < end && (isalnum((unsigned char)*q) || *q == '_' || *q == '$'); q++)
		;
	if (q > p && q < end && *q == '=') {
		for (q++; q < end && isspace((unsigned char)*q); q++)
			;
		p = q;
	}
	if (p == end || *p != '{') {
		series_fail(s, "reply is not JSON: \"%s\"",
			    series_show(body, len < 32 ? len : 32, show, sizeof show));
		return NULL;
	}
	if (!(root = cJSON_ParseWithLength(p, (size_t)(end - p)))) {
		series_fail(s, "malformed or truncated JSON");
		return NULL;
	}
	if (!cJSON_IsObject(root)) {
		cJSON_Delete(root);
		series_fail(s, "reply is not a JSON object");
		return NULL;
	}
	return root;
}
