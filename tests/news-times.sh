#!/bin/sh
# news-times.sh - headline ages on screen: a story dated 2100 takes the time
# it was first seen and says so, one dated ahead of the clock marks no name
# fresh, and a six-year-old one keeps its unit in the age column.
. "$(dirname "$0")/lib.sh"
setup_tmp
F=$FIXTURES

cat > "$T/rules" <<RULES
/q= 200 $F/tencent-batch.gbk.txt
/rss/2.0/headline 200 $F/rss-future.xml
RULES
start_httpd "$T/rules"

# 2026-08-07 16:45:00 HKT (08:45 UTC): rss-future.xml has a story from
# 2100, one dated 08:47 UTC and one from 2020-04-07, 2313 days ago.
export TERM=xterm-256color LINES=12 COLUMNS=100 HKTOP_NOW=1786092300
unset NO_COLOR

cat > "$T/script" <<EOF
:save-display $T/watch.txt
n
:save-display $T/news1.txt
j
:save-display $T/news2.txt
EOF
HKTOP_SCRIPT="$T/script" run_with_timeout 30 "$HKTOP" \
	-o tencent.quote_url="$BASE" -o quotes.failover=no -o yahoo.rss_url="$BASE" \
	-o news.sources=yahoo -o watchlist="700 9988 1810"
is "$rc" 0 "exit 0"
is "$(cat "$T/err")" "" "nothing on stderr"

like "$(sed -n 3p "$T/watch.txt")" '^\*0700 ' "a story just seen marks its name"
like "$(sed -n 4p "$T/watch.txt")" '^ 9988 ' "a story dated ahead of the clock does not"
is "$(sed -n 2,5p "$T/news1.txt")" "  AGE SOURCE    TICKERS     HEADLINE
* -2m yahoo     9988 BABA   Alibaba's cloud unit wins a contract
* ~0s yahoo     0700        Tencent's game studio sets a date far ahead
*  6y yahoo     1810        Xiaomi launches a phone in 2020" \
	"ages: ahead of the clock, first seen, and years with their unit"
is "$(sed -n 11p "$T/news2.txt")" \
	" first seen 16:45 (dated 2100-01-01)  https://finance.yahoo.com/news/tencent-studio-2100.html" \
	"the foot says why the 2100 story's age is its own"

done_testing
