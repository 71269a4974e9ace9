#!/bin/sh
# detail.sh - the detail view on a virtual screen: chart and figures at
# 80x24 and 120x40, range keys, the candle toggle, the bar cursor, [ and ],
# the stale mark after a failed chart refetch, ADR parity, --demo.
. "$(dirname "$0")/lib.sh"
setup_tmp
F=$FIXTURES

# Quotes and charts of 2026-08-07; the clock is frozen at 16:10:00 HKT.
cat > "$T/rules" <<RULES
/q= 200 $F/tencent-batch.gbk.txt
/appstock/app/minute/query?code=hk00700 200 $F/tencent-minute-0700.json
/appstock/app/fqkline/get?param=hk00700,day 200 $F/tencent-kline-day.json
/appstock/app/fqkline/get?param=hk00700,week 200 $F/tencent-kline-week.json
/appstock/app/minute/query?code=hkHSI 200 $F/tencent-minute-hsi.json
/v8/finance/chart/0700.HK 200 $F/yahoo-chart-0700-1d.json
/v8/finance/chart/HKD%3DX 200 $F/yahoo-chart-usdhkd-1d.json
RULES
start_httpd "$T/rules"
GOOD=$BASE
GLOG=$REQLOG

export TERM=xterm-256color LINES=24 COLUMNS=80 HKTOP_NOW=1786090200
unset NO_COLOR

# detail NAME BASE [hktop args...] < script: run it, dumps in $T/NAME.*
detail()
{
	name=$1 base=$2
	shift 2
	cat > "$T/$name.script"
	HKTOP_SCRIPT="$T/$name.script" HKTOP_TRACE="$T/$name.trace" run_with_timeout 30 "$HKTOP" \
		-o tencent.quote_url="$base" -o tencent.chart_url="$base" -o yahoo.url="$base" \
		-o quotes.failover=no -o news.sources=none -o watchlist="HSI 700 9988 BABA" "$@"
	is "$rc" 0 "$name: exit 0"
	is "$(cat "$T/err")" "" "$name: nothing on stderr"
}

detail first "$GOOD" <<EOF
j
<Enter>
:save-display $T/first.txt
3
:save-display $T/m1.txt
c
:save-display $T/candle.txt
h
:save-display $T/cursor1.txt
h
h
:save-display $T/cursor2.txt
l
:save-display $T/cursor3.txt
7
:save-display $T/y5.txt
]
:save-display $T/next.txt
[
:save-display $T/prev.txt
q
:save-display $T/back.txt
EOF
is "$(cat "$T/first.txt")" " hktop HSI 24858.820 -102.640 -0.41%  HSTECH -0.69%            Closed 16:10 HKT
 0700  TENCENT  478.800 -0.400 -0.08%         [1D] 5D  1M  3M  6M  1Y  5Y  line
 ⡇⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁⠁ 479.200
 ⣧⢄⣀                                                                   ⡠
 ⠋  ⠉⠒⠢⠤⣀⡀                                            ⣀⣀⣀⣀⣀⣀⡠⠤⠤⠤⠤⠤⠔⠒⠒⠒⠉
         ⠈⠑⠒⠤⢄⣀                 ⣀⣀⣀⡠⠤⠤⠤⠤⠤⠔⠒⠒⠒⠒⠒⠒⠉⠉⠉⠉⠉⠉                   478.333
               ⠉⠒⠢⠤⣀⡀           ⡇
                    ⠈⠉⠒⠤⢄⣀      ⠃
                          ⠉⠑⠢⠤⣸                                          477.400
 ▁                            █ ▁                                    █ ▁ 7.71M
 09:30 10:00 10:30 11:00 11:30  13:00 13:30 14:00 14:30  15:00 15:30
 1D from tencent, 10 bars to 2026-08-07 16:08
Last       478.800                      Amplitude  1.63%
Change     -0.400                       52w high   677.700
Change %   -0.08%                       52w low    411.000
Open       479.000                      52w range  ├──●───────┤ 25%
High       483.200                      Market cap 4.35T
Low        475.400                      P/E        17.47
Prev close 479.200                      P/B        3.46
VWAP       478.173                      Div yield  1.11%
Volume     16.3M                        Board lot  100 = 47,880.00 HKD
Turnover   7.80B                        Tick size  0.200
 Quote 2026-08-07T16:08:23+08:00, 1m old, from tencent
 Updated 16:10:00                         tencent 55s old, 15m lag | 4 | ? help" \
	"80x24: title with the ranges, 1D braille line from Tencent's minutes, prev close, axes, volume, figures, quote time"
is "$(sed -n 1,2p "$T/first.trace")" "GET $GOOD/q=hkHSI,r_hk00700,r_hk09988,usBABA,hkHSTECH
GET $GOOD/appstock/app/minute/query?code=hk00700" "the chart is fetched only once the view opens"

like "$(sed -n 2p "$T/m1.txt")" ' 1D  5D \[1M\] 3M ' "3 selects 1M, marked in the title"
like "$(sed -n 12p "$T/m1.txt")" '^ 1M from tencent, 5 bars to 2026-08-07$' "1M: Tencent's day bars"
like "$(sed -n 11p "$T/m1.txt")" '^ 08-03$' "1M: a date axis"
like "$(sed -n 2p "$T/candle.txt")" '\[1M\] 3M  6M  1Y  5Y  candle$' "c switches to candles, said in the title"
like "$(sed -n 4,9p "$T/candle.txt")" '█' "candle bodies"
is "$(sed -n 12p "$T/cursor1.txt")" " 2026-08-07  O 479.000 H 483.200 L 475.400 C 478.800  V 16.3M" \
	"h: the cursor starts on the newest bar, with its OHLC and volume"
like "$(sed -n 7,9p "$T/cursor1.txt")" '│ *$' "a cursor column through the chart"
is "$(sed -n 12p "$T/cursor2.txt")" " 2026-08-05  O 470.000 H 477.000 L 469.400 C 476.200  V 21.0M" \
	"h h: two bars back, the event row read as OHLC"
is "$(sed -n 12p "$T/cursor3.txt")" " 2026-08-06  O 476.200 H 480.000 L 474.800 C 479.200  V 18.3M" "l: one bar on"
like "$(sed -n 12p "$T/y5.txt")" '^ 5Y from tencent, 3 bars to 2026-08-07$' "7: 5Y of week bars"
like "$(sed -n 2p "$T/next.txt")" '^ 9988  BABA-W  118\.300 \+0\.800 \+0\.68% ' "] steps to 9988 in place"
like "$(cat "$T/next.txt")" 'No 5Y chart: tencent: 9988: HTTP 404; yahoo: 9988: HTTP 404' \
	"no chart anywhere: both causes, no chart"
like "$(cat "$T/next.txt")" '^ ADR BABA   120\.450 USD, 11h AHEAD of this clock, tencent 2026-08-07T16:00' \
	"ADR: the ADS price with its age (a New York close after this clock is flagged) and source"
like "$(cat "$T/next.txt")" '^ USD/HKD    7\.8312, 2m old, yahoo 2026-08-07T08:08:00\+00:00$' "USD/HKD from Yahoo's HKD=X with its age"
like "$(cat "$T/next.txt")" '^ Parity     117\.909 HKD a share; 9988 at 118\.300 is \+0\.33% \(premium\)$' \
	"HK-equivalent = 120.45 x 7.8312 / 8, and the premium of HK over it"
like "$(sed -n 2p "$T/prev.txt")" '^ 0700  TENCENT' "[ steps back"
is "$(sed -n 3,12p "$T/prev.txt")" "$(sed -n 3,12p "$T/y5.txt")" "0700's 5Y chart again"
like "$(sed -n 2p "$T/back.txt")" '^ CODE +NAME' "q returns to the watchlist"
like "$(sed -n 3p "$T/first.trace")" 'fqkline/get\?param=hk00700,day,,,25,qfq' "range keys fetch their own bars"
unlike "$(cat "$T/first.trace")" 'HKD%3DX.*HKD%3DX' "the rate is fetched once, not with every step"

LINES=40 COLUMNS=120 detail big "$GOOD" <<EOF
j
<Enter>
:save-display $T/big.txt
]
:save-display $T/big2.txt
EOF
like "$(sed -n 3p "$T/big.txt")" '^ ⡇⠁⠁⠁⠁⠁⠁⠁⠁.* 479\.200 Last       478\.800$' "120x40: the figures beside the chart"
like "$(sed -n 22p "$T/big.txt")" ' Tick size  0\.200$' "every figure in the side panel"
is "$(sed -n 37,39p "$T/big.txt")" " 09:30 10:00 10:30 11:00 11:30  13:00 13:30 14:00 14:30 15:00 15:30
 1D from tencent, 10 bars to 2026-08-07 16:08
 Quote 2026-08-07T16:08:23+08:00, 1m old, from tencent" "120x40: time axis, chart line, quote line"
like "$(sed -n 33p "$T/big.txt")" "▇ +█ +7\\.71M\$" "taller volume bars with their scale"
is "$(sed -n 36,39p "$T/big2.txt")" " Quote 2026-08-07T16:08:11+08:00, 1m old, from tencent
 ADR BABA   120.450 USD, 11h AHEAD of this clock, tencent 2026-08-07T16:00:02-04:00; 1 ADS = 8 x 9988
 USD/HKD    7.8312, 2m old, yahoo 2026-08-07T08:08:00+00:00
 Parity     117.909 HKD a share; 9988 at 118.300 is +0.33% (premium)" "120x40: ADR parity in full"

# A chart that comes once: the next refresh's refetch of 1D fails on both
# sources, and the last good chart stays, marked stale with the causes.
cat > "$T/rules-once" <<RULES
/q= 200 $F/tencent-batch.gbk.txt
/appstock/app/minute/query?code=hk00700 200 $F/tencent-minute-0700.json count=1
* 503 -
RULES
start_httpd "$T/rules-once"
ONCE=$BASE
detail stale "$ONCE" <<EOF
j
<Enter>
:save-display $T/stale1.txt
r
:save-display $T/stale2.txt
:save-colors $T/stale2.colors
EOF
unlike "$(cat "$T/stale1.txt")" 'STALE' "a fresh chart is not stale"
is "$(sed -n 3,11p "$T/stale2.txt")" "$(sed -n 3,11p "$T/stale1.txt")" "after a failed refetch the last chart stays"
like "$(sed -n 12p "$T/stale2.txt")" '^ 1D from tencent, 10 bars to 2026-08-07 16:08  STALE: tencent: 0700: HTTP 503; y' \
	"marked STALE with the cause"
like "$(sed -n 24p "$T/stale2.txt")" '^ chart: tencent: 0700: HTTP 503; yahoo: 0700: HTTP 503' "the status line has both causes"
like "$(sed -n 8p "$T/stale2.colors")" '^\.yyy\.\.\.\.' "the old line is drawn in the stale colour"

# Colours: a rise and a fall in the colour colors.up gives them.
detail green "$GOOD" -o colors.up=green <<EOF
j
<Enter>
:save-colors $T/green.colors
EOF
detail red "$GOOD" -o colors.up=red <<EOF
j
<Enter>
:save-colors $T/red.colors
EOF
like "$(sed -n 10p "$T/green.colors")" '^\.r\.\.rrrrrr' "colors.up=green: a fall below the previous close is red"
like "$(sed -n 10p "$T/red.colors")" '^\.g\.\.gggggg' "colors.up=red: the same fall is green"

# chart_of NAME MINUTES: 0700's detail view with this minute series and
# the quotes of 2026-08-07; the screen in $T/NAME.txt
chart_of()
{
	printf '/q= 200 %s\n/appstock/app/minute/query?code=hk00700 200 %s\n' \
		"$F/tencent-batch.gbk.txt" "$2" > "$T/rules-$1"
	start_httpd "$T/rules-$1"
	detail "$1" "$BASE" <<EOF
j
<Enter>
:save-display $T/$1.txt
EOF
}

# Days must match: Tencent still serves the minutes of 2026-08-06 while
# the quote above the chart is of 08-07. The chart says whose day it is.
sed 's/"date":"20260807"/"date":"20260806"/' "$F/tencent-minute-0700.json" > "$T/minute-0806.json"
chart_of otherday "$T/minute-0806.json"
is "$(sed -n 12p "$T/otherday.txt")" " 1D of 2026-08-06, not the quote's day, from tencent, 10 bars to 16:08" \
	"a 1D chart of another day than the quote is labelled with its date"
is "$(sed -n 12p "$T/first.txt")" " 1D from tencent, 10 bars to 2026-08-07 16:08" "the quote's own day is not"

# A half day (Christmas Eve in the calendar) has no afternoon: its 1D
# axis ends with the 12:00-12:10 auction.
sed 's/"date":"20260807"/"date":"20261224"/; s/,"1300 [^"]*","1301 [^"]*","1600 [^"]*","1608 [^"]*"//' \
	"$F/tencent-minute-0700.json" > "$T/minute-1224.json"
chart_of halfday "$T/minute-1224.json"
like "$(sed -n 11p "$T/halfday.txt")" '^ 09:30 .* 11:30 +12:00 *$' "a half day's 1D axis: the morning alone"

# Stepping from the HK line to its ADR: the parity's HK side is 9988's
# HKD price, not the ADS's own dollars.
detail pair "$GOOD" <<EOF
j
j
<Enter>
]
:save-display $T/pair.txt
EOF
like "$(sed -n 2p "$T/pair.txt")" '^ BABA ' "] from 9988 steps to BABA"
like "$(cat "$T/pair.txt")" 'Parity +117\.909 HKD a share; 9988 at 118\.300 is \+0\.33% \(premium\)' \
	"on BABA the HK side is 9988 at 118.300 HKD"

# --demo: the simulated day's chart, through the real minute parser; at
# 10:30 the ticker's own headline of 10:14 (the story) is out.
HKTOP_DEMO_SEED=7 detail demo "$GOOD" --demo -o demo.start=10:30 <<EOF
j
j
<Enter>
:save-display $T/demo.txt
EOF
like "$(cat "$T/demo.txt")" '^ 1D from demo, 61 bars to 2026-08-07 10:30$' "demo: the day's chart so far, from demo"
like "$(cat "$T/demo.txt")" '^ 09:30 ' "demo: its time axis"
like "$(cat "$T/demo.txt")" '^ Headlines \(1; n shows them all\)$' "demo: the ticker's own headlines, from the demo feed"
like "$(cat "$T/demo.txt")" '^Last       1[0-9][0-9]\.[0-9]00 ' "demo: the figures through the real parser"
like "$(cat "$T/demo.txt")" '^ USD/HKD    7\.[78][0-9]{3}, 0s old, demo ' "demo: a simulated USD/HKD, named so"
like "$(cat "$T/demo.txt")" '^ Parity     1[0-9]{2}\.[0-9]{3} HKD a share; 9988 at ' "demo: and the ADR's parity"
is "$(cat "$T/demo.trace" 2>/dev/null)" "" "demo: nothing fetched"
# Before the open, and for a name the demo does not have, the chart says
# why, under the demo's name (not the parser's source).
HKTOP_DEMO_SEED=7 detail demo-early "$GOOD" --demo -o demo.start=09:15 <<EOF
j
j
<Enter>
:save-display $T/demo-early.txt
<Esc>
/
=0005
<Enter>
<Enter>
:save-display $T/demo-unknown.txt
EOF
like "$(cat "$T/demo-early.txt")" '^ +No 1D chart: demo: 9988: no minute bars yet \(before the open\?\)' "demo: before the open, no minute bars yet"
like "$(cat "$T/demo-unknown.txt")" "No 1D chart: demo: 0005: not in the demo's market" "demo: a name it does not have"
unlike "$(cat "$T/demo-early.txt" "$T/demo-unknown.txt")" 'tencent' "demo: tencent named nowhere"
# The title at 80 columns: the figures win, the range selector gives way.
detail title80 "$GOOD" <<EOF
<Enter>
:save-display $T/title80.txt
3
:save-display $T/title80m.txt
EOF
is "$(sed -n 2p "$T/title80.txt")" " HSI  Hang Seng Index  24858.820 -102.640 -0.41%    [1D] 5D 1M 3M 6M 1Y 5Y line" \
	"80 columns: the index's figures whole, the selector compact"
like "$(sed -n 2p "$T/title80m.txt")" ' -0\.41% +1D 5D \[1M\] 3M 6M 1Y 5Y line$' "and it follows the range"
LINES=40 COLUMNS=120 detail title120 "$GOOD" <<EOF
<Enter>
:save-display $T/title120.txt
EOF
like "$(sed -n 2p "$T/title120.txt")" '^ HSI  Hang Seng Index  24858\.820 -102\.640 -0\.41% +\[1D\] 5D  1M  3M  6M  1Y  5Y  line$' \
	"120 columns: the full selector"

done_testing
