/* test-notify.c - which notification a terminal gets, and its bytes:
 * OSC 9, OSC 777, OSC 99, the tmux wrap, and text that cannot break out */
#include "config.h"

#include <string.h>

#include "base/notify.h"
#include "tap.h"

/* A made-up environment: "NAME=value" strings, NULL-ended. */
static const char *const *fake_env;

static const char *lookup(const char *name)
{
	size_t n = strlen(name);

	for (const char *const *e = fake_env; *e; e++)
		if (strncmp(*e, name, n) == 0 && (*e)[n] == '=')
			return *e + n + 1;
	return NULL;
}

static void test_choose(void)
{
	static const struct {
		const char *env[5]; /* NULL-ended */
		enum notify_kind want;
		const char *what;
	} cases[] = {
		{ { "TERM_PROGRAM=iTerm.app", "TERM=xterm-256color" }, NOTIFY_OSC9, "iTerm2" },
		{ { "TERM_PROGRAM=WezTerm", "TERM=xterm-256color" }, NOTIFY_OSC9, "WezTerm" },
		{ { "TERM_PROGRAM=ghostty", "TERM=xterm-ghostty" }, NOTIFY_OSC9, "Ghostty" },
		{ { "KITTY_WINDOW_ID=3", "TERM=xterm-kitty" }, NOTIFY_OSC99, "kitty" },
		{ { "TERM_PROGRAM=tmux", "KITTY_WINDOW_ID=3", "TERM=tmux-256color" }, NOTIFY_OSC99,
		  "kitty, inside tmux" },
		/* tmux 3.2 on sets TERM_PROGRAM=tmux in its panes: the
		 * outer terminal is known by what it left in the server's
		 * environment. */
		{ { "TERM_PROGRAM=tmux", "LC_TERMINAL=iTerm2", "TERM=tmux-256color" }, NOTIFY_OSC9,
		  "iTerm2, inside tmux (LC_TERMINAL)" },
		{ { "TERM_PROGRAM=tmux", "ITERM_SESSION_ID=w0t0p0:1", "TERM=screen" }, NOTIFY_OSC9,
		  "iTerm2, inside tmux (ITERM_SESSION_ID)" },
		{ { "TERM_PROGRAM=tmux", "WEZTERM_PANE=0", "TERM=tmux-256color" }, NOTIFY_OSC9,
		  "WezTerm, inside tmux" },
		{ { "TERM_PROGRAM=tmux", "GHOSTTY_RESOURCES_DIR=/usr/share/ghostty",
		    "TERM=tmux-256color" }, NOTIFY_OSC9, "Ghostty, inside tmux" },
		{ { "TERM=foot" }, NOTIFY_OSC777, "foot" },
		{ { "TERM=rxvt-unicode-256color" }, NOTIFY_OSC777, "urxvt" },
		{ { "TERM=xterm-256color", "VTE_VERSION=7600" }, NOTIFY_OSC777, "a VTE terminal" },
		{ { "TERM_PROGRAM=tmux", "TERM=tmux-256color", "VTE_VERSION=7600" }, NOTIFY_OSC777,
		  "a VTE terminal, inside tmux" },
		{ { "TERM=xterm-256color", "KONSOLE_VERSION=230805" }, NOTIFY_OSC777, "Konsole" },
		{ { "TERM_PROGRAM=Apple_Terminal", "TERM=xterm-256color" }, NOTIFY_BELL,
		  "Terminal.app" },
		{ { "TERM_PROGRAM=tmux", "TERM=tmux-256color" }, NOTIFY_BELL,
		  "tmux started from a terminal not known" },
		{ { NULL }, NOTIFY_BELL, "nothing known" },
		{ { "KITTY_WINDOW_ID=", "TERM=linux", "VTE_VERSION=", "LC_TERMINAL=" }, NOTIFY_BELL,
		  "empty variables are unset" },
	};
	static const char *const iterm[] = { "TERM_PROGRAM=iTerm.app", NULL };

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		fake_env = cases[i].env;
		is_int(notify_choose(NOTIFY_AUTO, lookup), cases[i].want, "auto: %s", cases[i].what);
	}
	fake_env = iterm;
	is_int(notify_choose(NOTIFY_OSC777, lookup), NOTIFY_OSC777,
	       "alerts.notify set: taken as it is");
	is_int(notify_choose(NOTIFY_NONE, lookup), NOTIFY_NONE, "none is none");
}

static void test_format(void)
{
	char buf[1024], big[600];
	size_t n;

	n = notify_format(NOTIFY_OSC9, false, 1, "hktop", "0700 above 500: 501.000", buf, sizeof buf);
	is_str(buf, "\033]9;hktop: 0700 above 500: 501.000\a", "OSC 9");
	is_int(n, strlen(buf), "its length");
	notify_format(NOTIFY_OSC777, false, 1, "hktop", "a;b", buf, sizeof buf);
	is_str(buf, "\033]777;notify;hktop;a,b\a", "OSC 777; a ';' in the text cannot add a field");
	notify_format(NOTIFY_OSC99, false, 1, "hktop", "body", buf, sizeof buf);
	is_str(buf, "\033]99;i=hktop-1:d=0;hktop\033\\\033]99;i=hktop-1:d=1:p=body;body\033\\",
	       "OSC 99: title, then body");
	/* kitty updates a notification shown under the same identifier:
	 * each alert its own, or a burst of them would show only the last. */
	notify_format(NOTIFY_OSC99, false, 2, "hktop", "next", buf, sizeof buf);
	is_str(buf, "\033]99;i=hktop-2:d=0;hktop\033\\\033]99;i=hktop-2:d=1:p=body;next\033\\",
	       "OSC 99: the next alert has its own identifier");
	notify_format(NOTIFY_OSC9, true, 1, "hktop", "x", buf, sizeof buf);
	is_str(buf, "\033Ptmux;\033\033]9;hktop: x\a\033\\", "tmux: wrapped, ESC doubled");
	notify_format(NOTIFY_OSC99, true, 1, "t", "b", buf, sizeof buf);
	is_str(buf, "\033Ptmux;\033\033]99;i=hktop-1:d=0;t\033\033\\\033\033]99;i=hktop-1:d=1:p=body;b"
	       "\033\033\\\033\\", "tmux: every ESC doubled, even the terminators");
	notify_format(NOTIFY_BELL, true, 1, "t", "b", buf, sizeof buf);
	is_str(buf, "\a", "the bell needs no wrap");
	is_int(notify_format(NOTIFY_NONE, false, 1, "t", "b", buf, sizeof buf), 0, "none: nothing");
	notify_format(NOTIFY_OSC9, false, 1, "hk\033]0;evil\atop",
		      "n\033]52;c;ZXZpbA==\a\xe2\x80\xae\x07\xc2\x9b" "31mews", buf, sizeof buf);
	is_str(buf, "\033]9;hktop: news\a", "escapes, bells, C1 and bidi controls are stripped");
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	n = notify_format(NOTIFY_OSC9, false, 1, "t", big, buf, sizeof buf);
	is_int(n, strlen("\033]9;t: \a") + NOTIFY_TEXT_MAX, "the text is capped");
	{
		/* 騰 is three bytes: 200 bytes end inside the 67th. */
		char cjk[3 * 100 + 1] = "", *body;
		size_t blen;

		for (int i = 0; i < 100; i++)
			strcat(cjk, "\xe9\xa8\xb0");
		n = notify_format(NOTIFY_OSC777, false, 1, "t", cjk, buf, sizeof buf);
		body = buf + strlen("\033]777;notify;t;");
		blen = strlen(body) - 1; /* the BEL */
		ok(blen <= NOTIFY_TEXT_MAX && blen % 3 == 0 && body[blen] == '\a',
		   "the cap falls on a character boundary (%zu bytes)", blen);
	}
	notify_format(NOTIFY_OSC9, false, 1, "t", "a\x9b" "1;2H\xff\xfe" "b\x1b[2Jc", buf, sizeof buf);
	ok(!strchr(buf + 1, '\033') && !memchr(buf, 0x9b, strlen(buf)) && !memchr(buf, 0xff, strlen(buf)),
	   "a raw C1 byte, bytes that are not UTF-8 and CSI are not passed on: %s", buf + 1);
	is_int(notify_format(NOTIFY_OSC9, true, 1, "t", "body", buf, 20), 0,
	       "a buffer too small: nothing, never half a sequence");
	is_str(buf, "", "and an empty string");
}

int main(void)
{
	test_choose();
	test_format();
	return tap_done();
}
