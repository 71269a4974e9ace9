#!/bin/sh
# alerts.sh - hktop --check-alerts end to end against the loopback server:
# what fires on fixture quotes, once and daily kept across runs in the
# state file, "*" for the watchlist, and the exit status for failed quotes
# and for rules files that are wrong or not files at all.
. "$(dirname "$0")/lib.sh"
setup_tmp
F=$FIXTURES

# The Tencent batch fixture: 0700 478.800 (previous close 479.200), 9988
# 118.300 (117.500: up 0.68%), HSTECH 4302.150, BABA 120.450.
cat > "$T/rules" <<RULES
* 200 $F/tencent-batch.gbk.txt
RULES
start_httpd "$T/rules"
Q=$BASE
mkdir -p "$XDG_CONFIG_HOME/hktop"
A=$XDG_CONFIG_HOME/hktop/alerts
cat > "$A" <<'EOF2'
# my alerts
700 above 478.8       # exactly at the level
700 below 478.799
9988 move 0.5% daily
BABA above 200 always
* below 5000 always
EOF2

check() {
	HKTOP_TRACE="$T/trace" run_with_timeout 20 "$HKTOP" --check-alerts \
		-o tencent.quote_url="$Q" -o quotes.failover=no -o watchlist="700 HSTECH" "$@"
}

check
is "$rc" 0 "every symbol had a quote: exit 0"
is "$(cat "$T/err")" "" "nothing on stderr"
is "$(cat "$T/out")" "TIME                      SYMBOL RULE                          PRICE  MESSAGE
2026-08-07T16:08:23+08:00 0700   0700 above 478.8 once       478.800  0700 already above 478.8 at start: 478.800 (exactly at the level)
2026-08-07T16:08:23+08:00 0700   * below 5000 always         478.800  0700 already below 5000 at start: 478.800
2026-08-07T16:08:11+08:00 9988   9988 move 0.5% daily        118.300  9988 already up 0.5% at start: 118.300
2026-08-07T16:09:05+08:00 HSTECH * below 5000 always        4302.150  HSTECH already below 5000 at start: 4302.150" \
	"the level itself counts, in its decimals; * is the watchlist, not every name fetched"
is "$(cat "$T/trace")" "GET $Q/q=r_hk00700,r_hk09988,usBABA,hkHSTECH" \
	"one request for the names the rules concern"
like "$(cat "$XDG_STATE_HOME/hktop/alerts-fired")" "0700 above 478.8 once	0700	1786090103	20672	478.800	1" \
	"the firing is recorded with its time and price"

check --format json
is "$rc" 0 "again: exit 0"
is "$(cat "$T/out")" '[
{"time":"2026-08-07T16:08:23+08:00","symbol":"0700","rule":"* below 5000 always","price":478.800,"at_start":true,"message":"0700 already below 5000 at start: 478.800"},
{"time":"2026-08-07T16:09:05+08:00","symbol":"HSTECH","rule":"* below 5000 always","price":4302.150,"at_start":true,"message":"HSTECH already below 5000 at start: 4302.150"}
]' "once and daily do not fire again the same day; JSON keeps the decimals"

: > "$XDG_STATE_HOME/hktop/alerts-fired"
sed -i 's/^\* below.*//' "$A"
check --format json
is "$(cat "$T/out" | grep -c '"rule"')" 2 "an emptied record re-arms them"
check --format json
is "$(cat "$T/out")" "[]" "nothing fires: an empty array"

# A bad line: named, the other rules still checked, exit 2.
printf '700 sideways 5\n9988 below 200 # cheap\n' >> "$A"
: > "$XDG_STATE_HOME/hktop/alerts-fired"
check
is "$rc" 2 "a bad line in the rules file: exit 2"
is "$(cat "$T/err")" "hktop: $A:7: \"sideways\" is not a rule (above, below, move or news)" \
	"it is named by file and line"
like "$(cat "$T/out")" "9988 already below 200 at start: 118.300 \\(cheap\\)" "the others still fire"

# A symbol without a quote: exit 1, the cause said.
printf '# 1810 is not in the reply\n1810 above 1\n' > "$A"
check
is "$rc" 1 "a symbol without a quote: exit 1"
like "$(cat "$T/err")" "^hktop: 1810: " "the cause is said"

# Not a rules file at all.
rm -f "$A"
mkfifo "$A"
check
is "$rc" 2 "a FIFO: exit 2, without blocking"
is "$(cat "$T/err")" "hktop: $A: is a FIFO; not reading from it" "and why"
rm -f "$A"
check -o alerts.file="~/mine"
is "$rc" 2 "no rules: exit 2"
is "$(cat "$T/err")" "hktop: $HOME/mine: no alert rules" "alerts.file with ~/ is found in HOME"
printf '700 above 1\n' > "$HOME/mine"
check -o alerts.file="~/mine" --format csv
is "$rc" 2 "--format csv: a usage error"
run_with_timeout 10 "$HKTOP" --check-alerts 700
is "$rc" 2 "SYMBOLs with --check-alerts: a usage error"

# News rules: the headline sources fetched with the quotes. rss-future.xml
# has a Tencent story dated 2100 (taken as just seen), an Alibaba one of
# 2026-08-07 and a Xiaomi one of 2020: only the first is news now.
# "*" is the list shown: --list picks it as in the dashboard.
printf '* above 1 always\n' > "$A"
check -o list.one="9988" --list one
is "$rc" 0 "--list: exit 0"
is "$(cut -c27-33 "$T/out" | sed 's/ *$//')" "SYMBOL
9988" "* is the list named, not the watchlist"

# A recording of the check: what it fetched, for --replay in the
# dashboard. Replaying into the check itself would record a past day's
# firings as today's (once and daily rules would stay quiet): refused.
printf '700 above 1 always\n' > "$A"
check --record="$T/rec"
is "$rc" 0 "--record: exit 0"
ok_if "--record: the check's quotes are recorded" grep -rqa 'r_hk00700' "$T/rec"
cp "$XDG_STATE_HOME/hktop/alerts-fired" "$T/fired-before"
check --replay="$T/rec"
is "$rc" 2 "--replay: a usage error"
like "$(cat "$T/err")" "^hktop: --check-alerts .*not with --replay" "said clearly"
is "$(cat "$T/out")" "" "nothing fetched, nothing printed"
ok_if "the record is left alone" cmp -s "$T/fired-before" "$XDG_STATE_HOME/hktop/alerts-fired"

cat > "$T/rules-news" <<RULES
/q= 200 $F/tencent-batch.gbk.txt
/rss/2.0/headline 200 $F/rss-future.xml
RULES
start_httpd "$T/rules-news"
N=$BASE
printf '700 news\n9988 news\n1810 news\n9988 above 100\n' > "$A"
: > "$XDG_STATE_HOME/hktop/alerts-fired"
news() {
	run_with_timeout 20 "$HKTOP" --check-alerts -o tencent.quote_url="$N" -o quotes.failover=no \
		-o yahoo.rss_url="$N" -o news.sources=yahoo "$@"
}
news --format json
is "$rc" 0 "news rules: exit 0"
# One line, so the pattern is one regular expression (grep -E takes each
# line of a pattern for an alternative).
like "$(tr -d '\n' < "$T/out")" '^\[\{"time":"2026-08-07T16:08:11\+08:00","symbol":"9988","rule":"9988 above 100 once","price":118.300,"at_start":true,"message":"9988 already above 100 at start: 118.300"\},\{"time":"[-0-9T:+]*","symbol":"0700","rule":"0700 news once","price":null,"at_start":false,"message":"0700 news: Tencent.s game studio sets a date far ahead"\}\]$' \
	"a headline younger than news.fresh fires its name's rule; old ones do not"
news
is "$rc" 0 "again: exit 0"
is "$(cat "$T/out")" "" "a once news rule does not fire again on the same headline"
news -o news.sources=none
is "$rc" 2 "news rules without a headline source: exit 2"
is "$(cat "$T/err")" "hktop: news rules need a headline source (news.sources, news.feeds)" "and why"

done_testing
