/* test-msglog.c - the message log: resolution by kind, dismissing, the
 * bounded ring, and laying out long causes by words */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "model/msglog.h"
#include "tap.h"

static struct msglog l; /* large: not on the stack */

static const char *shown(size_t *more)
{
	return msglog_status(&l, more)->text;
}

static void resolution_tests(void)
{
	size_t more;

	memset(&l, 0, sizeof l);
	is_str(shown(&more), "", "empty log: nothing shown");
	msglog_add(&l, 100, MSG_QUOTES, MSG_INFO, "Fetching quotes");
	is_str(shown(NULL), "Fetching quotes", "an info is shown");
	is_int(msglog_count(&l), 0, "infos are not kept in the ring");

	msglog_add(&l, 101, MSG_CONFIG, MSG_ERROR, "config:3: bad key");
	msglog_add(&l, 102, MSG_QUOTES, MSG_INFO, "Updated 12:00:01");
	is_str(shown(&more), "config:3: bad key", "a quotes success does not hide a config complaint");
	is_int(more, 0, "one open");

	msglog_add(&l, 103, MSG_STATE, MSG_ERROR, "not saved: No space left on device");
	msglog_add(&l, 104, MSG_QUOTES, MSG_INFO, "Updated 12:00:04");
	is_str(shown(&more), "not saved: No space left on device", "nor a state error");
	is_int(more, 1, "the config complaint waits behind it");

	msglog_add(&l, 105, MSG_QUOTES, MSG_ERROR, "No quotes: HTTP 503");
	is_str(shown(NULL), "No quotes: HTTP 503", "the newest open error is shown");
	msglog_add(&l, 106, MSG_QUOTES, MSG_INFO, "Updated 12:00:06");
	is_str(shown(&more), "not saved: No space left on device",
	       "a quotes success resolves the quotes error only");
	ok(!msglog_at(&l, 0)->open && msglog_at(&l, 1)->open, "resolved, not removed");

	msglog_resolve(&l, MSG_STATE);
	is_str(shown(NULL), "config:3: bad key", "a state success resolves the state error");
	ok(msglog_dismiss(&l), "dismiss closes the shown one");
	is_str(shown(&more), "Updated 12:00:06", "then the latest message shows");
	is_int(more, 0, "and nothing is open");
	ok(!msglog_dismiss(&l), "nothing to dismiss");
	is_int(msglog_count(&l), 3, "all three kept for the messages view");
	is_str(msglog_at(&l, 0)->text, "No quotes: HTTP 503", "newest first");
	is_str(msglog_at(&l, 2)->text, "config:3: bad key", "oldest last");
	is_int(msglog_at(&l, 2)->t, 101, "with its time");
	is_str(msglog_kind_names[msglog_at(&l, 1)->kind], "state", "and its source");
	ok(msglog_at(&l, 3) == NULL, "past the end: NULL");
}

static void warning_tests(void)
{
	size_t more;

	memset(&l, 0, sizeof l);
	msglog_add(&l, 1, MSG_QUOTES, MSG_WARN, "Updated; 1 of 5 failed");
	is_str(shown(NULL), "Updated; 1 of 5 failed", "a warning shows");
	msglog_add(&l, 2, MSG_NEWS, MSG_INFO, "Headlines: 7");
	is_str(shown(NULL), "Headlines: 7", "but only until the next message");
	is_int(msglog_count(&l), 1, "and is kept in the ring");
	ok(!msglog_at(&l, 0)->open, "never open");

	msglog_add(&l, 3, MSG_QUOTES, MSG_ERROR, "No quotes");
	msglog_add(&l, 4, MSG_KEY, MSG_INFO, "Removed 9988");
	is_str(shown(&more), "Removed 9988", "the answer to a key shows over an older error");
	is_int(more, 1, "which waits");
	msglog_resolve(&l, MSG_KEY);
	is_str(shown(&more), "No quotes", "the next key ends it: the error is back");
	is_int(more, 0, "alone");
	msglog_add(&l, 5, MSG_KEY, MSG_INFO, "Removed 0700");
	msglog_add(&l, 5, MSG_NEWS, MSG_INFO, "Headlines: 8");
	is_str(shown(NULL), "No quotes", "so does any later message: errors first again");
	msglog_add(&l, 6, MSG_KEY, MSG_INFO, "Added 0700");
	msglog_add(&l, 7, MSG_STATE, MSG_ERROR, "not saved");
	is_str(shown(&more), "not saved", "an error after the answer wins");
	is_int(more, 1, "the older error waits");
	ok(msglog_dismiss(&l), "dismissed");
	is_str(shown(NULL), "Added 0700", "then the answer, newer than the other error");

	/* A partly successful refresh is a success with a caveat: the error
	 * of the refresh before it (a frozen countdown) is over */
	memset(&l, 0, sizeof l);
	msglog_add(&l, 1, MSG_QUOTES, MSG_ERROR, "No quotes, retrying in 30s");
	msglog_add(&l, 2, MSG_QUOTES, MSG_WARN, "Updated 10:01; 1 of 20 failed");
	is_str(shown(&more), "Updated 10:01; 1 of 20 failed", "a warning resolves its kind's error");
	is_int(more, 0, "nothing else open");
	ok(!msglog_at(&l, 1)->open, "the error is closed, and kept");
	msglog_add(&l, 3, MSG_CONFIG, MSG_ERROR, "config:3: bad key");
	msglog_add(&l, 4, MSG_CONFIG, MSG_WARN, "config:4: odd key");
	is_str(shown(NULL), "config:3: bad key", "but a config complaint stands a config warning");
}

/* An alert is what the trader left hktop running for: it stays on the
 * status line past the next refresh, until dismissed. */
static void alert_tests(void)
{
	size_t more;

	memset(&l, 0, sizeof l);
	msglog_add(&l, 100, MSG_ALERT, MSG_WARN, "Alert: 9988 up 5%: 124.000");
	msglog_add(&l, 101, MSG_QUOTES, MSG_INFO, "Updated 10:15:00");
	is_str(shown(&more), "Alert: 9988 up 5%: 124.000", "an alert outlasts the next refresh");
	msglog_add(&l, 102, MSG_ALERT, MSG_WARN, "Alert: 9888 above 100: 100.500");
	msglog_add(&l, 103, MSG_QUOTES, MSG_INFO, "Updated 10:16:00");
	is_str(shown(&more), "Alert: 9888 above 100: 100.500", "the newest alert shows");
	is_int(more, 1, "the older one is counted, not lost");
	ok(msglog_dismiss(&l), "x dismisses it");
	is_str(shown(&more), "Alert: 9988 up 5%: 124.000", "then the older one");
	ok(msglog_dismiss(&l), "and that");
	is_str(shown(&more), "Updated 10:16:00", "then the latest message");
}

static void ring_tests(void)
{
	char text[32];

	memset(&l, 0, sizeof l);
	msglog_add(&l, 1, MSG_QUOTES, MSG_ERROR, "offline");
	msglog_add(&l, 2, MSG_QUOTES, MSG_ERROR, "offline");
	msglog_add(&l, 3, MSG_QUOTES, MSG_ERROR, "offline");
	is_int(msglog_count(&l), 1, "the same failure again is one entry");
	is_int(msglog_at(&l, 0)->repeat, 3, "counted");
	is_int(msglog_at(&l, 0)->t, 3, "at its latest time");
	msglog_add(&l, 4, MSG_KEY, MSG_ERROR, "offline");
	is_int(msglog_count(&l), 2, "of another kind it is another entry");
	msglog_add(&l, 5, MSG_QUOTES, MSG_ERROR, "offline, retrying in 20s");
	ok(!msglog_at(&l, 2)->open && msglog_at(&l, 0)->open, "a new error of a kind supersedes its older one");
	is_int(msglog_count(&l), 3, "which stays in the ring");
	msglog_add(&l, 6, MSG_CONFIG, MSG_ERROR, "line 1");
	msglog_add(&l, 6, MSG_CONFIG, MSG_ERROR, "line 2");
	ok(msglog_at(&l, 0)->open && msglog_at(&l, 1)->open, "config complaints all stand");

	for (int i = 0; i < MSGLOG_MAX + 5; i++) {
		snprintf(text, sizeof text, "error %d", i);
		msglog_add(&l, 10 + i, MSG_CHART, MSG_ERROR, text);
	}
	is_int(msglog_count(&l), MSGLOG_MAX, "the ring is bounded");
	is_int(l.dropped, 10, "and counts what it dropped");
	snprintf(text, sizeof text, "error %d", MSGLOG_MAX + 4);
	is_str(msglog_at(&l, 0)->text, text, "newest kept");
	is_str(msglog_at(&l, MSGLOG_MAX - 1)->text, "error 5", "oldest kept");
	msglog_add(&l, 1000, MSG_KEY, MSG_INFO, "Added 0700");
	msglog_resolve(&l, MSG_KEY);
	is_str(shown(NULL), text, "chart errors stay open through a key's success");
}

static void layout_tests(void)
{
	const char *cause = "No quotes, retrying in 10s (offline? try hktop --demo): tencent: HSI: "
			    "Failed to connect to 127.0.0.1 port 1 after 0 ms: Couldn't connect to server";
	char out[400];

	is_int(msglog_break("hello world", 20), 11, "fits: all of it");
	is_int(msglog_break("hello world", 8), 5, "else up to the last whole word");
	is_int(msglog_break("hi abcdefghij", 8), 8, "unless that leaves less than half");
	is_int(msglog_break("hello world", 5), 5, "a space right after the fit ends a word");
	is_int(msglog_break("a:b:c", 4), 4, "after a colon");
	is_int(msglog_break("abcdefghij", 4), 4, "one long word: cut where it must be");
	is_int(msglog_break("腾讯控股 abc", 7), 9, "never inside a character: 3 wide ones");

	msglog_fit(cause, 79, true, out, sizeof out);
	is_str(out, "No quotes, retrying in 10s (offline? try hktop --demo): tencent: HSI: Failed\xe2\x80\xa6",
	       "80 columns: the hint shows, the cause ends at a word");
	msglog_fit(cause, 78, false, out, sizeof out);
	is_str(out, "No quotes, retrying in 10s (offline? try hktop --demo): tencent: HSI:...",
	       "ASCII ellipsis");
	msglog_fit("watchlist not saved: /tmp/hktop-test.AbCdEf/state/hktop/watchlist: Not a directory",
		60, true, out, sizeof out);
	is_str(out, "watchlist not saved: \xe2\x80\xa6/hktop/watchlist: Not a directory",
	       "a long path gives way to the cause after it");
	msglog_fit("see /a/b/c and /var/lib/x/y/z/a/very/long/path/file", 45, false, out, sizeof out);
	is_str(out, "see /a/b/c and .../path/file", "short paths whole");
	msglog_fit("Copied https://finance.yahoo.com/news/a-long-story.html", 40, true, out, sizeof out);
	is_str(out, "Copied https://finance.yahoo.com/news/a\xe2\x80\xa6", "a link keeps its host, cut where it must be");
	msglog_fit("short", 79, true, out, sizeof out);
	is_str(out, "short", "short text untouched");
	msglog_fit("abc def", 3, false, out, sizeof out);
	is_str(out, "abc", "no room for an ellipsis: just cut");
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	resolution_tests();
	alert_tests();
	warning_tests();
	ring_tests();
	layout_tests();
	return tap_done();
}
