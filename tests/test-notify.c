/* test-notify.c - which notification a terminal gets, and its bytes:
 * OSC 9, OSC 777, OSC 99, the tmux wrap, and text that cannot break out */
#include "config.h"

#include <string.h>

#include "base/notify.h"
#include "tap.h"

static void test_choose(void)
{
	static const struct {
		const char *prog, *kitty, *term, *vte, *konsole;
		enum notify_kind want;
		const char *what;
	} cases[] = {
		{ "iTerm.app", NULL, "xterm-256color", NULL, NULL, NOTIFY_OSC9, "iTerm2" },
		{ "WezTerm", NULL, "xterm-256color", NULL, NULL, NOTIFY_OSC9, "WezTerm" },
		{ "ghostty", NULL, "xterm-ghostty", NULL, NULL, NOTIFY_OSC9, "Ghostty" },
		{ NULL, "3", "xterm-kitty", NULL, NULL, NOTIFY_OSC99, "kitty" },
		{ "tmux", "3", "tmux-256color", NULL, NULL, NOTIFY_OSC99, "kitty, inside tmux" },
		{ NULL, NULL, "foot", NULL, NULL, NOTIFY_OSC777, "foot" },
		{ NULL, NULL, "rxvt-unicode-256color", NULL, NULL, NOTIFY_OSC777, "urxvt" },
		{ NULL, NULL, "xterm-256color", "7600", NULL, NOTIFY_OSC777, "a VTE terminal" },
		{ NULL, NULL, "xterm-256color", NULL, "230805", NOTIFY_OSC777, "Konsole" },
		{ "Apple_Terminal", NULL, "xterm-256color", NULL, NULL, NOTIFY_BELL, "Terminal.app" },
		{ NULL, NULL, NULL, NULL, NULL, NOTIFY_BELL, "nothing known" },
		{ NULL, "", "linux", "", "", NOTIFY_BELL, "empty variables are unset" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		is_int(notify_choose(NOTIFY_AUTO, cases[i].prog, cases[i].kitty, cases[i].term,
				     cases[i].vte, cases[i].konsole), cases[i].want, "auto: %s",
		       cases[i].what);
	is_int(notify_choose(NOTIFY_OSC777, "iTerm.app", NULL, NULL, NULL, NULL), NOTIFY_OSC777,
	       "alerts.notify set: taken as it is");
	is_int(notify_choose(NOTIFY_NONE, "iTerm.app", NULL, NULL, NULL, NULL), NOTIFY_NONE,
	       "none is none");
}

static void test_format(void)
{
	char buf[1024], big[600];
	size_t n;

	n = notify_format(NOTIFY_OSC9, false, "hktop", "0700 above 500: 501.000", buf, sizeof buf);
	is_str(buf, "\033]9;hktop: 0700 above 500: 501.000\a", "OSC 9");
	is_int(n, strlen(buf), "its length");
	notify_format(NOTIFY_OSC777, false, "hktop", "a;b", buf, sizeof buf);
	is_str(buf, "\033]777;notify;hktop;a,b\a", "OSC 777; a ';' in the text cannot add a field");
	notify_format(NOTIFY_OSC99, false, "hktop", "body", buf, sizeof buf);
	is_str(buf, "\033]99;i=hktop:d=0;hktop\033\\\033]99;i=hktop:d=1:p=body;body\033\\",
	       "OSC 99: title, then body");
	notify_format(NOTIFY_OSC9, true, "hktop", "x", buf, sizeof buf);
	is_str(buf, "\033Ptmux;\033\033]9;hktop: x\a\033\\", "tmux: wrapped, ESC doubled");
	notify_format(NOTIFY_OSC99, true, "t", "b", buf, sizeof buf);
	is_str(buf, "\033Ptmux;\033\033]99;i=hktop:d=0;t\033\033\\\033\033]99;i=hktop:d=1:p=body;b"
	       "\033\033\\\033\\", "tmux: every ESC doubled, even the terminators");
	notify_format(NOTIFY_BELL, true, "t", "b", buf, sizeof buf);
	is_str(buf, "\a", "the bell needs no wrap");
	is_int(notify_format(NOTIFY_NONE, false, "t", "b", buf, sizeof buf), 0, "none: nothing");
	notify_format(NOTIFY_OSC9, false, "hk\033]0;evil\atop",
		      "n\033]52;c;ZXZpbA==\a\xe2\x80\xae\x07\xc2\x9b" "31mews", buf, sizeof buf);
	is_str(buf, "\033]9;hktop: news\a", "escapes, bells, C1 and bidi controls are stripped");
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	n = notify_format(NOTIFY_OSC9, false, "t", big, buf, sizeof buf);
	is_int(n, strlen("\033]9;t: \a") + NOTIFY_TEXT_MAX, "the text is capped");
	is_int(notify_format(NOTIFY_OSC9, true, "t", "body", buf, 20), 0,
	       "a buffer too small: nothing, never half a sequence");
	is_str(buf, "", "and an empty string");
}

int main(void)
{
	test_choose();
	test_format();
	return tap_done();
}
