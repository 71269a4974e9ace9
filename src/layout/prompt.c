/* prompt.c - a one-line editor with completion from the instrument table */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/keycode.h"
#include "layout/prompt.h"

void prompt_start(struct prompt *p)
{
	memset(p, 0, sizeof *p);
	p->active = true;
}

static bool contains_nocase(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return true;
	return n == 0;
}

size_t prompt_candidates(const char *text, const struct instrument_db *db,
			 const struct instrument_info **out, size_t max)
{
	size_t k = 0;

	if (!*text)
		return 0;
	/* Codes first (a trader typing 07 wants 0700), then names. */
	for (size_t i = 0; i < db->n && k < max; i++)
		if (strncasecmp(db->v[i].in.display, text, strlen(text)) == 0)
			out[k++] = &db->v[i];
	for (size_t i = 0; i < db->n && k < max; i++) {
		const struct instrument_info *e = &db->v[i];
		bool dup = false;
		for (size_t j = 0; j < k; j++)
			dup = dup || out[j] == e;
		if (!dup && (contains_nocase(e->name_en, text) || strstr(e->name_zh, text) ||
			     strstr(e->name_zh_hant, text)))
			out[k++] = e;
	}
	return k;
}

static void backspace(char *s)
{
	size_t n = strlen(s);

	/* Remove one whole UTF-8 character. */
	while (n > 0 && ((unsigned char)s[n - 1] & 0xC0) == 0x80)
		n--;
	if (n > 0)
		n--;
	s[n] = '\0';
}

static void append(char *s, wint_t ch)
{
	char mb[MB_LEN_MAX];
	mbstate_t st;
	size_t n = strlen(s), k;

	memset(&st, 0, sizeof st);
	k = wcrtomb(mb, (wchar_t)ch, &st);
	if (k == (size_t)-1 || n + k + 1 > PROMPT_MAX)
		return;
	memcpy(s + n, mb, k);
	s[n + k] = '\0';
}

enum prompt_result prompt_key(struct prompt *p, wint_t ch, bool is_code,
			      const struct instrument_db *db)
{
	if (!is_code && (ch == 27 || ch == 7)) { /* Esc, C-g */
		p->active = false;
		return PROMPT_CANCEL;
	}
	if ((!is_code && (ch == '\n' || ch == '\r')) || (is_code && ch == KEYC_ENTER)) {
		p->active = false;
		return PROMPT_SUBMIT;
	}
	if (!is_code && ch == '\t') {
		const struct instrument_info *c[64];
		size_t n;
		if (p->cycle == 0)
			memcpy(p->typed, p->buf, sizeof p->typed);
		n = prompt_candidates(p->typed, db, c, 64);
		if (n > 0) {
			snprintf(p->buf, sizeof p->buf, "%s", c[p->cycle % (int)n]->in.display);
			p->cycle++;
		}
		return PROMPT_CONTINUE;
	}
	p->cycle = 0;
	if ((is_code && ch == KEYC_BACKSPACE) || (!is_code && (ch == 127 || ch == 8))) {
		backspace(p->buf);
	} else if (!is_code && ch == 21) { /* C-u */
		p->buf[0] = '\0';
	} else if (!is_code && ch >= ' ' && ch != 127) {
		append(p->buf, ch);
	}
	return PROMPT_CONTINUE;
}
