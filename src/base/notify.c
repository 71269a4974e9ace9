/* notify.c - desktop notifications by escape sequence (pure)
 *
 * Three dialects: OSC 9 (iTerm2's, also WezTerm and Ghostty), OSC 777
 * "notify" (urxvt's, also foot, Konsole and VTE), OSC 99 (kitty's). The
 * text comes from rules files and headlines: it is sanitised and capped
 * here, where it is put into the sequence, so nothing that reaches a
 * terminal can end the sequence early or start another. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "base/notify.h"
#include "base/text.h"

#define TMUX_START "\033Ptmux;"

const char *const notify_names[] = { "auto", "osc9", "osc777", "osc99", "bell", "none", NULL };

static bool starts(const char *s, const char *prefix)
{
	return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool is(const char *s, const char *word)
{
	return s && strcmp(s, word) == 0;
}

/* Set and not empty. */
static bool set(const char *(*env)(const char *), const char *name)
{
	const char *v = env(name);

	return v && v[0];
}

enum notify_kind notify_choose(enum notify_kind want, const char *(*env)(const char *name))
{
	const char *prog = env("TERM_PROGRAM"), *term = env("TERM");

	if (want != NOTIFY_AUTO)
		return want;
	if (set(env, "KITTY_WINDOW_ID") || is(term, "xterm-kitty"))
		return NOTIFY_OSC99;
	if (is(prog, "iTerm.app") || is(prog, "WezTerm") || is(prog, "ghostty") ||
	    starts(term, "xterm-ghostty") || is(term, "wezterm") || is(env("LC_TERMINAL"), "iTerm2") ||
	    set(env, "ITERM_SESSION_ID") || set(env, "WEZTERM_PANE") ||
	    set(env, "GHOSTTY_RESOURCES_DIR"))
		return NOTIFY_OSC9;
	if (starts(term, "foot") || starts(term, "rxvt") || set(env, "VTE_VERSION") ||
	    set(env, "KONSOLE_VERSION"))
		return NOTIFY_OSC777;
	return NOTIFY_BELL;
}

/* Sanitised, capped, and without ';' (OSC 777's field separator). */
static void clean(char *dst, size_t cap, const char *src)
{
	text_sanitize(dst, cap, src, strlen(src));
	for (char *p = dst; *p; p++)
		if (*p == ';')
			*p = ',';
}

size_t notify_format(enum notify_kind kind, bool tmux, unsigned id, const char *title,
		     const char *body, char *buf, size_t len)
{
	char t[NOTIFY_TEXT_MAX + 1], b[NOTIFY_TEXT_MAX + 1], seq[3 * NOTIFY_TEXT_MAX + 64];
	size_t n = 0, out, need;
	int w;

	clean(t, sizeof t, title);
	clean(b, sizeof b, body);
	switch (kind) {
	case NOTIFY_OSC9:
		w = snprintf(seq, sizeof seq, "\033]9;%s: %s\a", t, b);
		break;
	case NOTIFY_OSC777:
		w = snprintf(seq, sizeof seq, "\033]777;notify;%s;%s\a", t, b);
		break;
	case NOTIFY_OSC99:
		/* Title then body, one notification (d=0: more follows). */
		w = snprintf(seq, sizeof seq, "\033]99;i=hktop-%u:d=0;%s\033\\"
			     "\033]99;i=hktop-%u:d=1:p=body;%s\033\\", id, t, id, b);
		break;
	case NOTIFY_BELL:
		w = snprintf(seq, sizeof seq, "\a");
		tmux = false; /* tmux passes a bell on by itself */
		break;
	default:
		w = 0;
		seq[0] = '\0';
		break;
	}
	n = w > 0 ? (size_t)w : 0;
	if (len == 0)
		return 0;
	buf[0] = '\0';
	if (!tmux) {
		if (n >= len)
			return 0;
		memcpy(buf, seq, n + 1);
		return n;
	}
	if (n == 0)
		return 0;
	/* tmux hands on what is between "\ePtmux;" and "\e\\" (with
	 * allow-passthrough on), each ESC in it written twice. */
	need = sizeof TMUX_START - 1 + n + 2;
	for (size_t i = 0; i < n; i++)
		need += seq[i] == '\033';
	if (need >= len)
		return 0;
	memcpy(buf, TMUX_START, sizeof TMUX_START - 1);
	out = sizeof TMUX_START - 1;
	for (size_t i = 0; i < n; i++) {
		if (seq[i] == '\033')
			buf[out++] = '\033';
		buf[out++] = seq[i];
	}
	memcpy(buf + out, "\033\\", 3);
	return out + 2;
}
