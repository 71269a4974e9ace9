/* keys.c - key names to codes and back, and the keymap built from the table */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "config/keys.h"
#include "base/text.h"

const struct keys_action_info keys_action_info[ACT_COUNT] = {
	[ACT_NONE] = { "none", "", "" },
#define ACTION_INFO(id, name, keys, help) [ACT_##id] = { name, keys, help },
	ACTIONS(ACTION_INFO)
#undef ACTION_INFO
};

enum action keys_action_by_name(const char *name)
{
	for (int i = 0; i < ACT_COUNT; i++)
		if (strcmp(keys_action_info[i].name, name) == 0)
			return (enum action)i;
	return (enum action)-1;
}

static const struct {
	const char *name;
	int key;
} key_names[] = {
	{ "Enter", '\n' }, { "Esc", 27 }, { "Tab", '\t' }, { "BackTab", KEYC_BTAB },
	{ "Space", ' ' }, { "Up", KEYC_UP }, { "Down", KEYC_DOWN }, { "Left", KEYC_LEFT },
	{ "Right", KEYC_RIGHT }, { "PgUp", KEYC_PGUP }, { "PgDn", KEYC_PGDN },
	{ "Home", KEYC_HOME }, { "End", KEYC_END }, { "Ins", KEYC_INS }, { "DC", KEYC_DC },
	{ "Backspace", KEYC_BACKSPACE }, { "Resize", KEYC_RESIZE }, { "Mouse", KEYC_MOUSE },
	{ "LT", '<' },
};

int keys_from_name(const char *name)
{
	size_t n = strlen(name);

	if (n == 1 && name[0] > ' ' && name[0] < 0x7f)
		return (unsigned char)name[0];
	if (n < 3 || name[0] != '<' || name[n - 1] != '>')
		return -1;
	for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
		if (strlen(key_names[i].name) == n - 2 &&
		    strncasecmp(name + 1, key_names[i].name, n - 2) == 0)
			return key_names[i].key;
	if (n == 5 && (name[1] == 'C' || name[1] == 'c') && name[2] == '-' &&
	    ((name[3] >= 'a' && name[3] <= 'z') || (name[3] >= 'A' && name[3] <= 'Z')))
		return (name[3] | 0x20) - 'a' + 1;
	if ((name[1] == 'F' || name[1] == 'f') && n >= 4 && n <= 5) {
		int f = 0;
		for (size_t i = 2; i < n - 1; i++) {
			if (name[i] < '0' || name[i] > '9')
				return -1;
			f = f * 10 + (name[i] - '0');
		}
		if (f >= 1 && f <= 12)
			return KEYC_F(f);
	}
	return -1;
}

void keys_to_name(int key, char *buf, size_t len)
{
	for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
		if (key_names[i].key == key) {
			snprintf(buf, len, "<%s>", key_names[i].name);
			return;
		}
	if (key > ' ' && key < 0x7f)
		snprintf(buf, len, "%c", key);
	else if (key >= 1 && key <= 26)
		snprintf(buf, len, "<C-%c>", 'a' + key - 1);
	else if (key >= KEYC_F1 && key <= KEYC_F12)
		snprintf(buf, len, "<F%d>", key - KEYC_F1 + 1);
	else
		snprintf(buf, len, "<%d>", key);
}

static void set(struct keymap *km, int key, enum action act)
{
	for (size_t i = 0; i < km->n; i++)
		if (km->v[i].key == key) {
			km->v[i].act = act;
			return;
		}
	if (km->n < KEYMAP_MAX) {
		km->v[km->n].key = key;
		km->v[km->n].act = act;
		km->n++;
	}
}

void keys_init(struct keymap *km)
{
	km->n = 0;
	for (int a = 1; a < ACT_COUNT; a++) {
		const char *p = keys_action_info[a].keys;
		while (*p) {
			char name[32];
			size_t len = strcspn(p, " ");
			int key;
			snprintf(name, sizeof name, "%.*s", (int)len, p);
			if ((key = keys_from_name(name)) >= 0)
				set(km, key, (enum action)a);
			p += len;
			while (*p == ' ')
				p++;
		}
	}
	/* Both Enter codes a terminal may send. */
	set(km, '\r', ACT_OPEN);
	set(km, KEYC_ENTER, ACT_OPEN);
}

bool keys_bind(struct keymap *km, const char *key, const char *action, char *err, size_t errlen)
{
	int k = keys_from_name(key);
	int a = (int)keys_action_by_name(action);

	if (k < 0) {
		text_quote_error(err, errlen, key, "not a key name (e.g. j, <C-n>, <PgDn>, <F5>)");
		return false;
	}
	if (a < 0) {
		text_quote_error(err, errlen, action, "not an action (see hktop(1), KEYS)");
		return false;
	}
	if (km->n >= KEYMAP_MAX) {
		text_quote_error(err, errlen, key, "too many bindings");
		return false;
	}
	set(km, k, (enum action)a);
	return true;
}

enum action keys_lookup(const struct keymap *km, int key, bool is_code)
{
	/* A code and a character never share a number, but the caller's word
	 * wins: a stray number is no key. */
	if (is_code != (key >= KEYC_BASE))
		return ACT_NONE;
	for (size_t i = 0; i < km->n; i++)
		if (km->v[i].key == key)
			return km->v[i].act;
	return ACT_NONE;
}

void keys_of_action(const struct keymap *km, enum action act, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < km->n && used < len; i++) {
		char name[32];
		if (km->v[i].act != act || km->v[i].key == '\r' || km->v[i].key == KEYC_ENTER)
			continue;
		keys_to_name(km->v[i].key, name, sizeof name);
		used += (size_t)snprintf(buf + used, len - used, "%s%s", used ? " " : "", name);
	}
}
