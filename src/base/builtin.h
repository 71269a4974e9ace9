/* builtin.h - share/ files compiled in by tools/embed.sh (see Makefile.am) */
#ifndef HKTOP_BUILTIN_H
#define HKTOP_BUILTIN_H

#include <stddef.h>

extern const char builtin_config[];
extern const size_t builtin_config_len;
extern const char builtin_instruments[];
extern const size_t builtin_instruments_len;
extern const char builtin_calendar[];
extern const size_t builtin_calendar_len;
extern const char builtin_demo[];
extern const size_t builtin_demo_len;
extern const char builtin_adr[];
extern const size_t builtin_adr_len;
extern const char builtin_aliases[];
extern const size_t builtin_aliases_len;
extern const char builtin_demo_news[];
extern const size_t builtin_demo_news_len;

#endif
