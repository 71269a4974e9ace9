/* test-keys.c - key names, the action table and rebinding */
#include "config.h"

#include <curses.h>

#include "config/keys.h"
#include "config/options.h"
#include "config/conffile.h"
#include "tui/ui.h"
#include "tap.h"

static void roundtrip(const char *name, int want)
{
	char buf[32];

	is_int(keys_from_name(name), want, "key %s", name);
	keys_to_name(want, buf, sizeof buf);
	ok(keys_from_name(buf) == want, "%s prints as a name that parses back (%s)", name, buf);
}

int main(void)
{
	struct keymap km;
	struct options o;
	struct causes c = { 0 };
	char err[256], buf[128];

	roundtrip("j", 'j');
	roundtrip("<Enter>", '\n');
	roundtrip("<Esc>", 27);
	roundtrip("<Tab>", '\t');
	roundtrip("<Up>", KEYC_UP);
	roundtrip("<PgDn>", KEYC_PGDN);
	roundtrip("<C-n>", 14);
	roundtrip("<F5>", KEYC_F(5));
	roundtrip("<F12>", KEYC_F(12));
	roundtrip("?", '?');
	is_int(keys_from_name("<c-N>"), 14, "case-insensitive names");
	is_int(keys_from_name("<F13>"), -1, "F13 is not a key");
	is_int(keys_from_name("<Nope>"), -1, "unknown name");
	is_int(keys_from_name("jj"), -1, "two characters");
	is_int(keys_from_name(""), -1, "empty");
	is_int(keys_from_name("<>"), -1, "empty brackets");

	/* Every action has a config name, a help line and a default key. */
	for (int a = 1; a < ACT_COUNT; a++) {
		ok(keys_action_info[a].name && keys_action_info[a].help[0], "action %d described", a);
		is_int(keys_action_by_name(keys_action_info[a].name), a, "%s found by name", keys_action_info[a].name);
		ok(keys_action_info[a].keys[0], "%s has a default key", keys_action_info[a].name);
	}

	keys_init(&km);
	is_int(keys_lookup(&km, 'j', false), ACT_MOVE_DOWN, "j moves down");
	is_int(keys_lookup(&km, KEYC_DOWN, true), ACT_MOVE_DOWN, "Down moves down");
	is_int(keys_lookup(&km, 'q', false), ACT_QUIT, "q quits");
	is_int(keys_lookup(&km, '\r', false), ACT_OPEN, "CR opens");
	is_int(keys_lookup(&km, 'Z', false), ACT_NONE, "Z is unbound");
	is_int(keys_lookup(&km, 'z', false), ACT_PAUSE, "z pauses");
	is_int(keys_lookup(&km, '.', false), ACT_STEP, ". steps");
	/* A typed character whose code point equals a curses key code (U+0102
	 * is KEY_DOWN) is that character, not the arrow. */
	is_int(keys_lookup(&km, KEY_DOWN, false), ACT_NONE, "typed U+0102 is not <Down>");
	is_int(keys_lookup(&km, ui_key_code(KEY_DOWN, false), false), ACT_NONE,
	       "typed U+0102 stays a character through the translation");
	is_int(keys_lookup(&km, 'j', true), ACT_NONE, "a curses code 0x6a is not j");
	/* Curses' codes reach the table through tui's translation. */
	{
		static const struct { int curses; const char *name; } keys[] = {
			{ KEY_UP, "<Up>" }, { KEY_DOWN, "<Down>" }, { KEY_LEFT, "<Left>" },
			{ KEY_RIGHT, "<Right>" }, { KEY_PPAGE, "<PgUp>" }, { KEY_NPAGE, "<PgDn>" },
			{ KEY_HOME, "<Home>" }, { KEY_END, "<End>" }, { KEY_IC, "<Ins>" },
			{ KEY_DC, "<DC>" }, { KEY_BACKSPACE, "<Backspace>" }, { KEY_BTAB, "<BackTab>" },
			{ KEY_RESIZE, "<Resize>" }, { KEY_MOUSE, "<Mouse>" }, { KEY_F(1), "<F1>" },
			{ KEY_F(5), "<F5>" }, { KEY_F(12), "<F12>" },
		};
		for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
			is_int(ui_key_code((wint_t)keys[i].curses, true), keys_from_name(keys[i].name),
			       "curses %#o is %s", keys[i].curses, keys[i].name);
	}
	is_int(ui_key_code(KEY_ENTER, true), KEYC_ENTER, "the keypad's Enter");
	is_int(keys_lookup(&km, ui_key_code(KEY_ENTER, true), true), ACT_OPEN, "keypad Enter opens");
	is_int(ui_key_code(KEY_F(13), true), KEYC_UNKNOWN, "F13 has no name");
	is_int(ui_key_code(KEY_SLEFT, true), KEYC_UNKNOWN, "nor has shift-left");
	is_int(keys_lookup(&km, KEYC_UNKNOWN, true), ACT_NONE, "an unknown key does nothing");
	is_int(ui_key_code('j', false), 'j', "a character stays itself");
	is_int(ui_key_code(0x4e2d, false), 0x4e2d, "a CJK character stays itself");
	keys_of_action(&km, ACT_MOVE_DOWN, buf, sizeof buf);
	is_str(buf, "j <Down>", "help lists the keys of move-down");

	ok(keys_bind(&km, "x", "quit", err, sizeof err), "bind x quit");
	is_int(keys_lookup(&km, 'x', false), ACT_QUIT, "x quits now");
	ok(keys_bind(&km, "q", "none", err, sizeof err), "unbind q");
	is_int(keys_lookup(&km, 'q', false), ACT_NONE, "q does nothing");
	ok(!keys_bind(&km, "<Bogus>", "quit", err, sizeof err), "bad key refused");
	is_str(err, "\"<Bogus>\": not a key name (e.g. j, <C-n>, <PgDn>, <F5>)", "cause");
	ok(!keys_bind(&km, "z", "explode", err, sizeof err), "bad action refused");
	is_str(err, "\"explode\": not an action (see hktop(1), KEYS)", "cause");

	/* bind lines in a config */
	options_init(&o);
	{
		static const char text[] = "bind <C-n> move-down\nbind n\nbind z nothing\n";
		conffile_parse(&o, "k.conf", text, sizeof text - 1, &c);
	}
	is_int(keys_lookup(&o.keys, 14, false), ACT_MOVE_DOWN, "config bind applied");
	is_int(c.n, 2, "two bad bind lines");
	is_str(c.n > 0 ? c.v[0] : "", "k.conf:2: expected \"bind KEY ACTION\"", "missing action");
	is_str(c.n > 1 ? c.v[1] : "", "k.conf:3: bind: \"nothing\": not an action (see hktop(1), KEYS)", "bad action");
	conffile_causes_done(&c);
	options_done(&o);
	return tap_done();
}
