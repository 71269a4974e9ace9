/* quote_source.c - the registry of quote sources, by the names the config uses */
#include "config.h"

#include <string.h>

#include "feeds/quote_source.h"

static const struct quote_source *const sources[] = { &quote_tencent_source, &quote_sina_source };

const struct quote_source *quote_source_by_name(const char *name)
{
	for (size_t i = 0; i < sizeof sources / sizeof sources[0]; i++)
		if (strcmp(sources[i]->name, name) == 0)
			return sources[i];
	return NULL;
}
