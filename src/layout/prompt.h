/* prompt.h - the '/' line: edit, complete from known names, submit (pure) */
#ifndef HKTOP_PROMPT_H
#define HKTOP_PROMPT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "model/instruments.h"

#define PROMPT_MAX 64

struct prompt {
	bool active;
	char buf[PROMPT_MAX];   /* UTF-8 */
	char typed[PROMPT_MAX]; /* what the user typed before Tab cycling */
	int cycle;              /* Tab presses since the last edit */
	const char *label;      /* another question than '/' (a symbol), or NULL */
};

enum prompt_result { PROMPT_CONTINUE, PROMPT_CANCEL, PROMPT_SUBMIT };

void prompt_start(struct prompt *p);

/* One key: a character (is_code false) or an enum key_code. Tab
 * completes to the next candidate; Enter submits; Esc cancels. */
enum prompt_result prompt_key(struct prompt *p, wint_t ch, bool is_code,
			      const struct instrument_db *db);

/* Known instruments matching text: the code starts with it, or a name
 * (English, either Chinese form) contains it, case-insensitively. */
size_t prompt_candidates(const char *text, const struct instrument_db *db,
			 const struct instrument_info **out, size_t max);

#endif
