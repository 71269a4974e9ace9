#!/bin/sh
# news-screen.sh - the headlines view on a virtual screen: first paint,
# navigation, new-since-last-look marks, a failing source kept and marked,
# Enter and y recorded (HKTOP_BROWSER_LOG) instead of starting a browser,
# the watchlist's fresh-news marks, the detail view's headlines, and the
# offline demo headlines. Frozen clock, no sleeps.
. "$(dirname "$0")/lib.sh"
setup_tmp
F=$FIXTURES

# The second Yahoo fetch brings other stories (an Atom feed: the parser
# takes either), the second Eastmoney fetch fails.
cat > "$T/rules" <<RULES
/q= 200 $F/tencent-batch.gbk.txt
/rss/2.0/headline 200 $F/yahoo-rss.xml count=1
/rss/2.0/headline 200 $F/atom.xml
/comm/web/getFastNewsList 200 $F/eastmoney-fast.json count=1
/comm/web/getFastNewsList 503 -
RULES

# 2026-08-07 16:45:00 HKT: the fixtures' stories are minutes to hours old.
export TERM=xterm-256color LINES=12 COLUMNS=100 HKTOP_NOW=1786092300
export HKTOP_BROWSER_LOG="$T/browser.log"
unset BROWSER NO_COLOR

screen()
{
	name=$1
	shift
	cat > "$T/$name.script"
	start_httpd "$T/rules" # each run from the first response on
	HKTOP_SCRIPT="$T/$name.script" run_with_timeout 30 "$HKTOP" \
		-o tencent.quote_url="$BASE" -o quotes.failover=no \
		-o yahoo.rss_url="$BASE" -o eastmoney.news_url="$BASE" \
		-o news.sources="yahoo eastmoney" -o watchlist="HSI 700 9988 1810 9999" "$@"
	is "$rc" 0 "$name: exit 0"
	is "$(cat "$T/err")" "" "$name: nothing on stderr"
}

screen view <<EOF
:save-display $T/watch.txt
n
:save-display $T/news1.txt
j
j
:save-display $T/news2.txt
G
:save-display $T/news3.txt
<PgUp>
g
<Enter>
y
:save-display $T/news4.txt
w
n
:save-display $T/news5.txt
r
:save-display $T/news6.txt
EOF
is "$(sed -n 4p "$T/watch.txt")" "*0700   TENCENT         478.800    -0.400   -0.08%    483.200    475.400    16.3M    7.80B 16:08:23" \
	"the watchlist marks a name with news from the last hour"
like "$(sed -n 3p "$T/watch.txt")" '^ HSI ' "an older story leaves its name unmarked"
like "$(sed -n 6p "$T/watch.txt")" '^!1810' "a stale mark wins over a news mark"
is "$(sed -n 2,9p "$T/news1.txt")" "  AGE SOURCE    TICKERS     HEADLINE
* 29m yahoo     0700        Tencent's second-quarter revenue beats estimates as gaming rebounds
* 37m eastmoney 0700 BABA   腾讯控股：第二季度收入同比增长15%
*  1h eastmoney HSI HSTECH  港股收盘：恒指跌0.41% 恒生科技指数跌0.8%
*  2h eastmoney 9988+2      阿里巴巴、美团午后走低
*  4h yahoo     9888 BIDU   Baidu's chatbot — what investors need to know
*  6h yahoo     9988+3      Alibaba, JD.com & Meituan slide as delivery price war deepens
*  7h yahoo     HSI 1810    Hang Seng Index opens higher; Xiaomi leads tech gains" \
	"n: age, source, tickers and title, newest first, CJK aligned, all new at the first look"
is "$(sed -n 11p "$T/news1.txt")" " https://finance.yahoo.com/news/tencent-second-quarter-revenue-beats-081512345.html?.tsrc=rss" \
	"the selected headline's link at the foot"
like "$(sed -n 12p "$T/news1.txt")" '^ Headlines: 7 headlines from 2 sources ' "the status line says how the sources are doing"
is "$(sed -n 11p "$T/news2.txt")" " https://finance.eastmoney.com/a/202608073471234560.html" "j j selects the third"
is "$(sed -n 11p "$T/news3.txt")" " https://finance.yahoo.com/news/hang-seng-opens-higher-013000222.html?.tsrc=rss" "G the last"
URL=https://finance.yahoo.com/news/tencent-second-quarter-revenue-beats-081512345.html?.tsrc=rss
is "$(cat "$T/browser.log")" "open xdg-open $URL
osc52 $(printf '%s' "$URL" | base64 -w0)" "PgUp g: the first; Enter opens it with xdg-open, y copies it by OSC 52"
like "$(sed -n 12p "$T/news4.txt")" '^ Copied https://finance\.yahoo\.com/' "and says so"
is "$(sed -n 3,9p "$T/news5.txt" | cut -c1 | tr -d '\n')" "       " "seen at the last look: no marks"
is "$(sed -n 3,10p "$T/news6.txt" | cut -c1-26 | sed "s/ *$//")" "  29m yahoo     0700
  37m eastmoney 0700 BABA
* 45m yahoo     3690 1024
   1h eastmoney HSI HSTECH
   2h eastmoney 9988+2
   4h yahoo     9888 BIDU
*  4h yahoo     0981
   6h yahoo     9988+3" \
	"r: what came in is marked new and merged in; older stories stay"
is "$(sed -n 12p "$T/news6.txt")" " Headlines: 10 headlines from 2 sources; eastmoney: HTTP 503 (stale, from 0s ago)" \
	"a failing source keeps its headlines and says why"

# Colours: a failing source's name in the stale colour.
screen colors <<EOF
n
r
:save-colors $T/colors.txt
EOF
is "$(sed -n 7p "$T/colors.txt" | cut -c7-15)" "eastmoney" "row 4 is an Eastmoney story"
is "$(sed -n 8p "$T/colors.txt" | cut -c7-15)" "$(sed -n 8p "$T/colors.txt" | cut -c7 | sed 's/.*/&&&&&&&&&/')" \
	"its source is drawn in one colour"
ok_unless "a different one from a healthy source's (row 5, yahoo)" \
	test "$(sed -n 8p "$T/colors.txt" | cut -c7)" = "$(sed -n 10p "$T/colors.txt" | cut -c7)"

# The cursor stays on its headline when a fetch brings newer ones above it:
# Enter before and after opens the same link.
: > "$T/browser.log"
screen follow <<EOF
n
j
j
<Enter>
r
:save-display $T/follow.txt
<Enter>
EOF
is "$(grep -c '^open ' "$T/browser.log")" 2 "follow: two links opened"
is "$(sed -n 2p "$T/browser.log")" "$(sed -n 1p "$T/browser.log")" "follow: the same headline both times"

# Without HKTOP_BROWSER_LOG a test run never starts a browser.
: > "$T/browser.log"
HKTOP_BROWSER_LOG= screen nobrowser <<EOF
n
<Enter>
:save-display $T/nobrowser.txt
EOF
like "$(sed -n 12p "$T/nobrowser.txt")" 'Not opening a browser in a test run' "Enter in a test run: refused, with the reason"
is "$(cat "$T/browser.log")" "" "nothing was run"

# $BROWSER: the first of its colon-separated list, its words as argv, %s for the link.
BROWSER='firefox --new-tab %s:chromium' screen browser <<EOF
n
j
<Enter>
EOF
is "$(cat "$T/browser.log")" "open firefox --new-tab https://finance.eastmoney.com/a/202608073471234567.html" \
	"BROWSER's first command, without a shell"

# The detail view lists the ticker's own headlines.
LINES=30 screen detail <<EOF
j
<Enter>
:save-display $T/detail.txt
EOF
is "$(grep -a -A2 'Headlines (' "$T/detail.txt")" " Headlines (2; n shows them all)
  29m yahoo     Tencent's second-quarter revenue beats estimates as gaming rebounds
  37m eastmoney 腾讯控股：第二季度收入同比增长15%" "Enter on 0700: its headlines under its figures"

# Demo: the built-in headlines, offline and labelled.
screen demo --demo <<EOF
n
:save-display $T/demo.txt
EOF
is "$(sed -n 3p "$T/demo.txt")" "* 20m demo      3690 9618   DEMO: 美團外賣補貼戰升級，京東跟進" \
	"--demo: simulated headlines through the real parser and tagger, those of the demo day by 10:00"
like "$(sed -n 2p "$T/demo.txt")" 'DEMO: simulated headlines$' "labelled in the column header"
like "$(sed -n 12p "$T/demo.txt")" '^ DEMO \(simulated\) Headlines: 5 headlines from 1 source' "and on the status line"

done_testing
