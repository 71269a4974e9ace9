#!/bin/sh
# retry.sh - a 429 or 503 with Retry-After: the cause names the wait, the
# dashboard says when it tries again, and asks nothing of that server
# before then (it used to retry after 10, 20, 40 s whatever it was told).
. "$(dirname "$0")/lib.sh"
setup_tmp
F=$FIXTURES

# Busy once; a request that got through anyway would get quotes.
cat > "$T/rules" <<RULES
* 429 - header=Retry-After:120 count=1
* 200 $F/tencent-batch.gbk.txt
RULES

# --once does not wait: the cause says how long the server asked for.
start_httpd "$T/rules"
run_with_timeout 20 "$HKTOP" --once -o quotes.failover=no -o tencent.quote_url="$BASE" 700
is "$rc" 1 "--once: a 429 is a failure: exit 1"
is "$(cat "$T/err")" "hktop: 0700: tencent: 0700: HTTP 429, retry after 120 s" \
	"--once: the cause names the Retry-After"

# The dashboard: the refresh key does not reach the server either.
start_httpd "$T/rules"
export TERM=xterm-256color LINES=10 COLUMNS=160 HKTOP_NOW=1786090200
cat > "$T/script" <<SCRIPT
:save-display $T/first.txt
r
:save-display $T/again.txt
SCRIPT
HKTOP_SCRIPT="$T/script" run_with_timeout 30 "$HKTOP" -o tencent.quote_url="$BASE" \
	-o quotes.failover=no -o news.sources=none -o watchlist=700
is "$rc" 0 "dashboard: exit 0"
is "$(cat "$T/err")" "" "dashboard: nothing on stderr"
like "$(sed -n 10p "$T/first.txt")" \
	'^ No quotes, retrying in 120s as the server asked: tencent: 0700: HTTP 429, retry after 120 s( |$)' \
	"the status line says when the next try is, as the server asked"
like "$(sed -n 10p "$T/again.txt")" \
	'^ No quotes, retrying in 1[12][0-9]s as the server asked: tencent: 0700: HTTP 429, retry after 1[12][0-9] s( |$)' \
	"refreshing by hand before then asks nothing, and says so"
is "$(grep -c '^GET ' "$REQLOG")" 1 "the server was asked once"

done_testing
