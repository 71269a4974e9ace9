/* browser.h - hand a headline's link to the user's browser or clipboard, never to a shell */
#ifndef HKTOP_BROWSER_H
#define HKTOP_BROWSER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define BROWSER_ARGS_MAX 16

/* Is url safe to hand to another program: http:// or https://, no
 * whitespace, controls or quotes? */
bool browser_url_ok(const char *url);

/* The command that opens url: the first entry of $BROWSER (a
 * colon-separated list, as the convention has it), split on spaces, with
 * a word "%s" replaced by the url or the url appended; "xdg-open url"
 * when browser is NULL or empty. Words are copied into store (len
 * bytes). Returns argc (argv NULL-terminated), 0 if it does not fit. */
size_t browser_argv(const char *browser, const char *url, char *store, size_t len,
		    char *argv[BROWSER_ARGS_MAX + 1]);

/* Run the command detached from the terminal (its stdio on /dev/null and
 * no other descriptor of ours, in its own session), without a shell, and
 * without waiting for it. When
 * $HKTOP_BROWSER_LOG names a file, the command line is appended to it
 * instead (tests). False with a cause in err. */
bool browser_open(const char *url, char *err, size_t errlen);

/* The OSC 52 sequence that puts s on the terminal's clipboard:
 * ESC ] 52 ; c ; base64 BEL. Returns its length, 0 if cap is too small. */
size_t browser_osc52(const char *s, char *out, size_t cap);

/* Write the OSC 52 sequence of url to fp (the terminal), and log it to
 * $HKTOP_BROWSER_LOG when that is set. */
bool browser_copy(FILE *fp, const char *url, char *err, size_t errlen);

#endif
