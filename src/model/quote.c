/* quote.c - what the program knows of quote sources apart from their parsers */
#include "config.h"

#include "model/quote.h"

const char *const source_names[] = { "tencent", "sina", NULL };
