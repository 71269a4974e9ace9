/* test-browser.c - a link to argv without a shell; OSC 52 encoding */
#include "config.h"

#include <string.h>

#include "browser.h"
#include "tap.h"

int main(void)
{
	char store[512], out[256], *argv[BROWSER_ARGS_MAX + 1];
	const char *url = "https://example.com/a?b=1&c=2";

	is_int((long)browser_argv(NULL, url, store, sizeof store, argv), 2, "no BROWSER: xdg-open");
	is_str(argv[0], "xdg-open", "xdg-open");
	is_str(argv[1], url, "the link as one word");
	ok(argv[2] == NULL, "NULL-terminated");
	is_int((long)browser_argv("firefox --new-tab %s:chromium", url, store, sizeof store, argv), 3,
	       "the first entry of BROWSER (%%s form)");
	is_str(argv[0], "firefox", "its program");
	is_str(argv[1], "--new-tab", "its option");
	is_str(argv[2], url, "%%s is the link");
	is_int((long)browser_argv("w3m", url, store, sizeof store, argv), 2, "no %%s: appended");
	is_str(argv[1], url, "the link last");
	is_int((long)browser_argv("  :x", url, store, sizeof store, argv), 0, "an empty first entry: nothing");
	is_int((long)browser_argv("w3m", url, store, 8, argv), 0, "does not fit: nothing");

	ok(browser_url_ok(url), "https ok");
	ok(browser_url_ok("HTTP://Example.com/"), "scheme in capitals ok");
	ok(!browser_url_ok("javascript:alert(1)"), "javascript: refused");
	ok(!browser_url_ok("file:///etc/passwd"), "file: refused");
	ok(!browser_url_ok("https://a.example/ -x"), "a space refused");
	ok(!browser_url_ok("https://a.example/'$(id)'"), "quotes refused");
	ok(!browser_url_ok("https://a.example/\x1b]0;x\a"), "controls refused");

	is_int((long)browser_osc52("hi", out, sizeof out), 12, "OSC 52 length");
	is_str(out, "\033]52;c;aGk=\a", "ESC ] 52 ; c ; base64 BEL");
	browser_osc52("https://x.y/", out, sizeof out);
	is_str(out, "\033]52;c;aHR0cHM6Ly94Lnkv\a", "no padding when the length divides by 3");
	is_int((long)browser_osc52("https://x.y/", out, 10), 0, "too small: 0");
	return tap_done();
}
