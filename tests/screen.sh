#!/bin/sh
# screen.sh - the dashboard on a virtual screen, driven by key scripts, its
# screens compared with the expected text (tig's way): first paint, sort,
# add and remove, help, resize, stale marks, CJK alignment, colours and
# monochrome, the detail view. No sleeps: each key waits for quiet.
. "$(dirname "$0")/lib.sh"
setup_tmp
F=$FIXTURES

# Quotes from 2026-08-07; the clock is frozen at 16:10:00 HKT that day.
cat > "$T/rules" <<RULES
* 200 $F/tencent-batch.gbk.txt
RULES
start_httpd "$T/rules"
GOOD=$BASE
# The same, but only once: every later refresh gets a 503.
cat > "$T/rules-once" <<RULES
* 200 $F/tencent-batch.gbk.txt count=1
* 503 -
RULES
start_httpd "$T/rules-once"
ONCE=$BASE

export TERM=xterm-256color LINES=10 COLUMNS=80 HKTOP_NOW=1786090200
unset NO_COLOR

# screen NAME BASE [hktop args...] < script: run the script, dumps in $T/NAME.*
screen()
{
	name=$1 base=$2
	shift 2
	cat > "$T/$name.script"
	HKTOP_SCRIPT="$T/$name.script" run_with_timeout 30 "$HKTOP" \
		-o tencent.quote_url="$base" -o quotes.failover=no -o news.sources=none \
		-o watchlist="HSI HSTECH 700 9988 BABA" "$@"
	is "$rc" 0 "$name: exit 0"
	is "$(cat "$T/err")" "" "$name: nothing on stderr"
}

screen first "$GOOD" <<EOF
:save-display $T/first.txt
EOF
is "$(cat "$T/first.txt")" " hktop HSI 24858.820 -102.640 -0.41%  HSTECH -0.69%            Closed 16:10 HKT
 CODE   NAME               LAST       CHG     CHG%   VOLUME TURNOVER     TIME
 HSI    Hang Seng I…  24858.820  -102.640   -0.41%                   16:09:05
 HSTECH Hang Seng T…   4302.150   -29.720   -0.69%                   16:09:05
 0700   TENCENT         478.800    -0.400   -0.08%    16.3M    7.80B 16:08:23
 9988   BABA-W          118.300    +0.800   +0.68%    45.2M    5.36B 16:08:11
 BABA   Alibaba Gro…    120.450    +1.530   +1.29%    12.8M          16:00:02


 Updated 16:10:00                         tencent 55s old, 15m lag | 5 | ? help" "first paint"

screen sort "$GOOD" <<EOF
s
:save-display $T/sort1.txt
s
s
s
s
:save-display $T/sort2.txt
S
:save-display $T/sort3.txt
EOF
is "$(sed -n '3,7s/^ \([A-Z0-9]*\).*/\1/p' "$T/sort1.txt" | tr '\n' ' ')" "0700 9988 BABA HSI HSTECH " \
	"s: by code, ascending"
like "$(sed -n 2p "$T/sort2.txt")" 'CHG%v' "s x5: change %, the header marks it"
is "$(sed -n '3,7s/^ \([A-Z0-9]*\).*/\1/p' "$T/sort2.txt" | tr '\n' ' ')" "BABA 9988 0700 HSI HSTECH " \
	"change %: biggest rise first"
is "$(sed -n '3,7s/^ \([A-Z0-9]*\).*/\1/p' "$T/sort3.txt" | tr '\n' ' ')" "HSTECH HSI 0700 9988 BABA " \
	"S reverses it"
like "$(sed -n 10p "$T/sort3.txt")" 'sort: change % asc' "the status line names the sort"

screen edit "$GOOD" <<EOF
/
=98
<Tab>
:save-display $T/edit1.txt
<Enter>
:save-display $T/edit2.txt
/
=0762
<Enter>
:save-display $T/edit3.txt
/
=NOT-A-SYMBOL
<Enter>
:save-display $T/edit4.txt
k
d
:save-display $T/edit5.txt
EOF
is "$(sed -n 10p "$T/edit1.txt")" "/9888_    9888 BIDU-SW" "/ completes from known codes (Tab)"
is "$(sed -n 10p "$T/edit2.txt")" ' Updated 16:10:00; 1 of 6 failed: tencent: 9888: no data (unknown code?)' \
	"a new symbol is added and fetched at once"
like "$(sed -n 8p "$T/edit2.txt")" '^!9888   BIDU-SW' "and marked when the feed has no quote for it"
like "$(cat "$T/edit4.txt")" '"NOT-A-SYMBOL": not a symbol' "a bad symbol is refused with the reason"
like "$(sed -n 10p "$T/edit5.txt")" '^ Removed 9888' "d removes the selected symbol"
# Saving edits, and the list -o watchlist gives: tests/watchlist.sh.

screen help "$GOOD" <<EOF
?
:save-display $T/help.txt
q
:save-display $T/back.txt
EOF
is "$(sed -n 2,4p "$T/help.txt")" " Keys (Esc or q to go back; bind them in the config)
  j <Down>              move-down       Select the next row
  k <Up>                move-up         Select the previous row" "? shows the keys from the keymap"
is "$(cat "$T/back.txt")" "$(cat "$T/first.txt")" "q in help returns to the watchlist"

printf 'bind x help\nbind j none\n' > "$T/keys.conf"
LINES=40 screen rebind "$GOOD" -c "$T/keys.conf" <<EOF
x
:save-display $T/rebind.txt
EOF
like "$(cat "$T/rebind.txt")" '  k <Up>  ' "a bound key opens help"
like "$(cat "$T/rebind.txt")" '  <Down>                move-down' "an unbound key is gone from it"
like "$(cat "$T/rebind.txt")" '  \? <F1> x              help' "and the new binding is listed"

screen resize "$GOOD" <<EOF
:resize 10 40
:save-display $T/r40.txt
:resize 8 30
:save-display $T/r30.txt
:resize 12 120
:save-display $T/r120.txt
EOF
is "$(cat "$T/r40.txt")" " hktop HSI -0.41%      Closed 16:10 HKT
 CODE   NAME               LAST     CHG%
 HSI    Hang Seng I…  24858.820   -0.41%
 HSTECH Hang Seng T…   4302.150   -0.69%
 0700   TENCENT         478.800   -0.08%
 9988   BABA-W          118.300   +0.68%
 BABA   Alibaba Gro…    120.450   +1.29%


 Updated 16:10:00" "40x10: columns dropped by priority"
is "$(sed '/^$/d' "$T/r30.txt")" "terminal too small
need 40x10" "below 40x10: a notice"
like "$(sed -n 2p "$T/r120.txt")" 'OPEN +HIGH +LOW +VOLUME TURNOVER +MKT CAP +TIME$' "120 columns: every column"
like "$(sed -n 5p "$T/r120.txt")" '^ 0700   TENCENT +478.800 +-0.400 +-0.08% +479.000 +483.200 +475.400 +16.3M +7.80B +4.35T 16:08:23$' \
	"and every figure"

screen stale "$ONCE" <<EOF
:save-display $T/stale1.txt
r
:save-display $T/stale2.txt
:save-colors $T/stale2.colors
EOF
like "$(sed -n 5p "$T/stale2.txt")" '^!0700   TENCENT +478.800 ' "a failed refresh keeps the old quote, marked"
like "$(sed -n 10p "$T/stale2.txt")" '^ No quotes, retrying in [0-9]+s \(offline\? try hktop --demo\): tencent: HSI: HTTP 503' "and says why"
is "$(sed -n 20p "$T/stale2.colors" | cut -c1-8)" "wwwwwwww" "the status line is in the error colour (white on red)"
is "$(sed -n 10p "$T/stale2.colors" | cut -c1-40)" "y....................yyyyyyyyyy.yyyyyyyy" "stale figures in the stale colour"

COLUMNS=160 screen offline "http://127.0.0.1:1" <<EOF
:save-display $T/offline.txt
EOF
like "$(sed -n 10p "$T/offline.txt")" '^ No quotes, retrying in 10s \(offline\? try hktop --demo\): tencent: HSI: Failed to connect to 127\.0\.0\.1 port 1' \
	"no network: it says so, backs off, and suggests --demo"
like "$(sed -n 3p "$T/offline.txt")" '^!HSI    Hang Seng Index *$' "never a simulated or made-up figure"

screen cjk "$GOOD" -o names=zh <<EOF
:save-display $T/cjk.txt
EOF
is "$(sed -n 2,7p "$T/cjk.txt")" " CODE   NAME               LAST       CHG     CHG%   VOLUME TURNOVER     TIME
 HSI    恒生指数      24858.820  -102.640   -0.41%                   16:09:05
 HSTECH 恒生科技指数   4302.150   -29.720   -0.69%                   16:09:05
 0700   腾讯控股        478.800    -0.400   -0.08%   1632万  78.04亿 16:08:23
 9988   阿里巴巴－Ｗ    118.300    +0.800   +0.68%   4523万  53.56亿 16:08:11
 BABA   阿里巴巴        120.450    +1.530   +1.29%   1283万          16:00:02" \
	"Chinese names and simplified units (万, 亿) aligned by display width"

# In a locale that is not UTF-8 every CJK character would draw as '?':
# English names and ASCII units, said once, and L does not switch.
LC_ALL=C screen cjk-c "$GOOD" -o names=zh <<EOF
:save-display $T/cjk-c1.txt
L
:save-display $T/cjk-c2.txt
L
x
r
:save-display $T/cjk-c3.txt
EOF
is "$(cat "$T/cjk-c1.txt")" " hktop HSI 24858.820 -102.640 -0.41%  HSTECH -0.69%            Closed 16:10 HKT
 CODE   NAME               LAST       CHG     CHG%   VOLUME TURNOVER     TIME
 HSI    Hang Seng I~  24858.820  -102.640   -0.41%                   16:09:05
 HSTECH Hang Seng T~   4302.150   -29.720   -0.69%                   16:09:05
 0700   TENCENT         478.800    -0.400   -0.08%    16.3M    7.80B 16:08:23
 9988   BABA-W          118.300    +0.800   +0.68%    45.2M    5.36B 16:08:11
 BABA   Alibaba Gro~    120.450    +1.530   +1.29%    12.8M          16:00:02


 names = zh needs a UTF-8 locale (LC_CTYPE is C); English names shown" \
	"LC_ALL=C, names = zh: English names, ASCII units, and the reason"
like "$(sed -n 10p "$T/cjk-c2.txt")" '^ Chinese names need a UTF-8 locale \(LC_CTYPE is C\)' "L says why it keeps"
like "$(sed -n 5p "$T/cjk-c3.txt")" '^ 0700   TENCENT ' "the English names, however often pressed"
like "$(sed -n 10p "$T/cjk-c3.txt")" '^ Updated 16:10:00 ' "said once: dismissed, the next refresh has the status line"
# A UTF-8 locale that is not installed still means a UTF-8 terminal.
LC_ALL=xx_XX.UTF-8 screen cjk-missing "$GOOD" -o names=zh <<EOF
:save-display $T/cjk-missing.txt
EOF
is "$(sed -n 5p "$T/cjk-missing.txt")" " 0700   腾讯控股        478.800    -0.400   -0.08%   1632万  78.04亿 16:08:23" \
	"LC_ALL names a missing UTF-8 locale: C.UTF-8 draws the Chinese names"

screen green "$GOOD" -o colors.up=green <<EOF
:save-colors $T/green.colors
EOF
screen red "$GOOD" -o colors.up=red <<EOF
:save-colors $T/red.colors
EOF
is "$(sed -n 12p "$T/green.colors" | cut -c22-31)" "gggggggggg" "colors.up=green: 9988's rise in green"
is "$(sed -n 12p "$T/red.colors" | cut -c22-31)" "rrrrrrrrrr" "colors.up=red: in red"
is "$(sed -n 10p "$T/red.colors" | cut -c22-31)" "gggggggggg" "and 0700's fall in green"
LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 screen auto "$GOOD" <<EOF
:save-colors $T/auto.colors
EOF
is "$(sed -n 12p "$T/auto.colors" | cut -c22-31)" "rrrrrrrrrr" "colors.up=auto in a zh_CN locale: red up"

NO_COLOR=1 screen mono "$GOOD" <<EOF
:save-display $T/mono.txt
:save-colors $T/mono.colors
EOF
is "$(cat "$T/mono.txt")" "$(cat "$T/first.txt")" "NO_COLOR: the same text, signs carry the direction"
is "$(sed -n 12p "$T/mono.colors" | cut -c22-31)" "bbbbbbbbbb" "a rise in bold"
is "$(sed -n 10p "$T/mono.colors" | cut -c22-31)" "" "a fall plain"
TERM=xterm-direct screen direct "$GOOD" <<EOF
:save-display $T/direct.txt
:save-colors $T/direct.colors
EOF
is "$(cat "$T/direct.txt")" "$(cat "$T/first.txt")" "a direct-colour (24-bit) terminal draws the same screen"
is "$(sed -n 12p "$T/direct.colors" | cut -c22-31)" "gggggggggg" "with the rise in its colour"
TERM=vt100 screen vt100 "$GOOD" <<EOF
:save-display $T/vt100.txt
EOF
is "$(cat "$T/vt100.txt")" "$(cat "$T/first.txt")" "a terminal without colour draws the same screen"

screen mouse "$GOOD" <<EOF
:click 5 10
:save-display $T/mouse1.txt
:wheel-down
:save-colors $T/mouse2.colors
:wheel-up
:wheel-up
:save-colors $T/mouse3.colors
EOF
is "$(sed -n 1p "$T/mouse1.txt")" "$(sed -n 1p "$T/first.txt")" "a click leaves the screen in place"
is "$(sed -n 14p "$T/mouse2.colors" | cut -c1-3)" "Y##" "a click on screen row 5 selects 9988, the wheel moves on to BABA"
is "$(sed -n 14p "$T/mouse3.colors" | cut -c1-3)" "y.." "the wheel up moves off it"
is "$(sed -n 10p "$T/mouse3.colors" | cut -c1-3)" "Y##" "two rows up, to 0700"

# Charts from the same server (a quote body is no chart: a cause, not a
# crash); nothing may leave the loopback.
LINES=24 screen detail "$GOOD" -o tencent.chart_url="$GOOD" -o yahoo.url="$GOOD" <<EOF
j
j
<Enter>
:save-display $T/detail1.txt
]
:save-display $T/detail2.txt
<Esc>
:save-display $T/detail3.txt
EOF
like "$(sed -n 2p "$T/detail1.txt")" '^ 0700  TENCENT' "Enter opens the selected ticker"
like "$(cat "$T/detail1.txt")" '^Prev close 479\.200 ' "with its full figures"
like "$(cat "$T/detail1.txt")" 'Board lot +100 = 47,880\.00 HKD' "lot value"
like "$(cat "$T/detail1.txt")" 'Tick size +0\.200' "tick size"
like "$(cat "$T/detail1.txt")" 'Quote 2026-08-07T16:08:23\+08:00, 1m old, from tencent' "quote time, age and source"
like "$(sed -n 2p "$T/detail2.txt")" '^ 9988  BABA-W' "] steps to the next ticker"
like "$(sed -n 6p "$T/detail3.txt")" '^ 9988 ' "Esc returns to the watchlist with that ticker selected"

# The detail view stays on its ticker when a refresh re-sorts the board
# under it: the second answer lifts 0700 from third to first by change %.
LC_ALL=C sed '/^v_r_hk00700=/{s/~478\.800~479\.200~/~503.200~479.200~/;s/~-0\.400~-0\.08~483\.200~/~24.000~5.01~505.000~/;}' \
	"$F/tencent-batch.gbk.txt" > "$T/moved.gbk.txt"
cat > "$T/rules-move" <<RULES
* 200 $F/tencent-batch.gbk.txt count=1
* 200 $T/moved.gbk.txt
RULES
start_httpd "$T/rules-move"
LINES=20 screen keepdetail "$BASE" <<EOF
s
s
s
s
s
g
j
<Enter>
:save-display $T/keep1.txt
r
:save-display $T/keep2.txt
<Esc>
:save-display $T/keep3.txt
EOF
like "$(sed -n 2p "$T/keep1.txt")" '^ 9988 ' "detail of 9988, second by change %"
like "$(sed -n 2p "$T/keep2.txt")" '^ 9988 ' "the detail view still shows 9988"
like "$(sed -n 3p "$T/keep3.txt")" '^ 0700 .*503\.200' "a refresh moved 0700 to the top"
like "$(sed -n 5p "$T/keep3.txt")" '^ 9988 ' "and the cursor is still on 9988"

# Back goes back once, not to and fro: detail, headlines, back to the
# detail, back again to the watchlist (not to the headlines).
screen backtwice "$GOOD" <<EOF
<Enter>
n
<Esc>
:save-display $T/back1.txt
<Esc>
:save-display $T/back2.txt
EOF
like "$(sed -n 2p "$T/back1.txt")" '^ HSI ' "Esc from the headlines returns to the detail view"
like "$(sed -n 2p "$T/back2.txt")" '^ CODE ' "Esc again returns to the watchlist"

# Sorted by name, L re-sorts by the names it now shows.
screen sortname "$GOOD" <<EOF
s
s
:save-display $T/sortname1.txt
L
:save-display $T/sortname2.txt
EOF
names_in_order()
{
	sed -n '3,7p' "$1" | awk '{ print $2 }'
}
is "$(names_in_order "$T/sortname1.txt" | tr '\n' ' ')" \
	"$(names_in_order "$T/sortname1.txt" | LC_ALL=C sort | tr '\n' ' ')" "sorted by English name"
is "$(names_in_order "$T/sortname2.txt" | tr '\n' ' ')" \
	"$(names_in_order "$T/sortname2.txt" | LC_ALL=C sort | tr '\n' ' ')" "after L, by Chinese name"
screen sortname-zh "$GOOD" -o names=zh <<EOF
s
s
:save-display $T/sortname-zh.txt
EOF
is "$(names_in_order "$T/sortname-zh.txt" | tr '\n' ' ')" \
	"$(names_in_order "$T/sortname-zh.txt" | LC_ALL=C sort | tr '\n' ' ')" "names = zh from the start: by Chinese name"

# `r` pressed while a refresh is in flight is not dropped: one more refresh
# follows the running one (start-up, the first r, the queued second r).
cat > "$T/rules-slow" <<RULES
* 200 $F/tencent-batch.gbk.txt delay=300
RULES
start_httpd "$T/rules-slow"
screen burst "$BASE" <<EOF
:burst 2
r
r
:save-display $T/burst.txt
EOF
is "$(grep -c '^GET /q=' "$REQLOG")" 3 "a refresh asked for during another runs after it"

# A figure wider than its column is a row of #, never cut to another
# number: 12345678901.500 in LAST's 10 columns is not 1234567890.
cat > "$T/rules-wide" <<RULES
* 200 $F/tencent-wide.gbk.txt
RULES
start_httpd "$T/rules-wide"
screen wide "$BASE" <<EOF
:save-display $T/wide.txt
EOF
is "$(grep '^ 0700' "$T/wide.txt")" " 0700   TENCENT      ##########     0.000    0.00%    16.3M    7.80B 16:08:23" \
	"a price too wide for its cell is marked ##########"

done_testing
