#!/bin/sh
# heatmap.sh - the heatmap view (m) and its rally board (b) on a virtual
# screen: 80x24, 120x40 and 200x60, in colour and monochrome; moving
# between tiles, Enter and back, the area modes, tiles that hold their
# places across refreshes, minute series fetched only while the board is
# shown, and kept when a later fetch fails. Quotes and minute series come
# from loopback fixtures (a morning of 2026-08-07, the clock at 11:02 HKT).
. "$(dirname "$0")/lib.sh"
setup_tmp
F=$FIXTURES

minute_rules()
{
	for c in 00700 09988 03690 01810 09618 00981 01211 09999; do
		n=$(echo "$c" | sed 's/^0*//')
		echo "/appstock/app/minute/query?code=hk$c 200 $F/tencent-minute-heat-$n.json"
	done
	echo "/appstock/app/minute/query?code=hkHSI 200 $F/tencent-minute-heat-HSI.json"
	echo "/appstock/app/minute/query?code=hkHSTECH 200 $F/tencent-minute-heat-HSTECH.json"
	# Kuaishou's series never comes: its row has no cells and says why.
	echo "/appstock/app/minute/query?code=hk01024 503 -"
}

{ echo "/q= 200 $F/tencent-heat-1.gbk.txt"; minute_rules; } > "$T/rules"
start_httpd "$T/rules"
GOOD=$BASE
GOODLOG=$REQLOG
# Prices move between two refreshes (the second fixture is the same market
# five minutes on); Tencent's minute series answers once, then fails.
{
	echo "/q= 200 $F/tencent-heat-1.gbk.txt count=1"
	echo "/q= 200 $F/tencent-heat-2.gbk.txt"
	echo "/appstock/app/minute/query?code=hk00700 200 $F/tencent-minute-heat-700.json count=1"
	echo "/appstock/app/minute/query?code=hk00700 503 -"
	minute_rules
} > "$T/rules-moving"
start_httpd "$T/rules-moving"
MOVING=$BASE

export TERM=xterm-256color HKTOP_NOW=1786071720
unset NO_COLOR
WATCH="HSI HSTECH 700 9988 3690 1810 9618 1024 0981 1211 9999 BABA"

# screen NAME BASE ROWS COLS [hktop args...] < script
screen()
{
	name=$1 base=$2
	cat > "$T/$name.script"
	shift 2
	LINES=$1 COLUMNS=$2
	shift 2
	LINES=$LINES COLUMNS=$COLUMNS HKTOP_SCRIPT="$T/$name.script" run_with_timeout 30 "$HKTOP" \
		-o tencent.quote_url="$base" -o tencent.chart_url="$base" -o quotes.failover=no -o news.sources=none \
		-o watchlist="$WATCH" "$@"
	is "$rc" 0 "$name: exit 0"
	is "$(cat "$T/err")" "" "$name: nothing on stderr"
}

# The codes on a treemap dump with their places: "row col code" lines.
places()
{
	sed 's/[░▒▓█]/#/g' "$1" | awk -v last="$2" 'NR > 2 && NR < last - 1 { line = $0; off = 0
		while (match(line, /[0-9][0-9][0-9][0-9]\??/)) {
			print NR, off + RSTART, substr(line, RSTART, RLENGTH)
			off += RSTART + RLENGTH - 1; line = substr(line, RSTART + RLENGTH) } }' |
		sort -k3
}

for size in "24 80" "40 120" "60 200"; do
	set -- $size
	rows=$1 cols=$2
	for tier in colour mono; do
		n=${cols}x$rows-$tier
		if [ $tier = mono ]; then export NO_COLOR=1; else unset NO_COLOR; fi
		screen "$n" "$GOOD" "$rows" "$cols" <<-SCRIPT
		m
		:save-display $T/$n.map
		:save-colors $T/$n.map.colors
		b
		:save-display $T/$n.board
		:save-colors $T/$n.board.colors
		SCRIPT
	done
	unset NO_COLOR
	m=$T/${cols}x$rows-colour.map
	like "$(sed -n 2p "$m")" '^ Heatmap by market cap  Up 0  Down 8  Unch 1  \| cap-wtd -1\.74%: 0700 -0\.88 9988' \
		"${cols}x$rows: breadth, the cap-weighted move and its leaders"
	is "$(places "$m" "$rows" | awk '{print $3}' | tr '\n' ' ')" "0700 0981 1024 1211 1810 3690 9618 9988 9999? " \
		"${cols}x$rows: every HK stock has a tile, once; 9999 has no cap (?)"
	like "$(sed -n "$((rows - 1))p" "$m")" ' -5% .* \+5% +\?=no cap: smallest  3 left out \(indexes, US\)' \
		"${cols}x$rows: the legend, and what is not drawn to size or left out"
	b=$T/${cols}x$rows-colour.board
	is "$(sed -n "4,$((rows - 2))s/^.\([0-9A-Z]*\) .*/\1/p" "$b" | tr '\n' ' ')" \
		"9618 1810 0981 1211 3690 HSI 9999 0700 HSTECH 9988 1024 " \
		"${cols}x$rows: the rally board, by today's move; no US listing"
	like "$(sed -n 3p "$b")" '^ CODE ' "${cols}x$rows: column titles"
	like "$(grep '^!1024' "$b")" '^!1024 ' "${cols}x$rows: a series that failed is marked"
	like "$(sed -n "$((rows - 1))p" "$b")" '1 of 11 minute series failed: tencent: 1024: HTTP 503' \
		"${cols}x$rows: and the cause is given"
	mm=$T/${cols}x$rows-mono.map
	is "$(places "$mm" "$rows")" "$(places "$m" "$rows")" "${cols}x$rows monochrome: the same tiles in the same places"
	like "$(cat "$mm")" '▒' "${cols}x$rows monochrome: tiles shaded by the size of the move"
	is "$(sed -n "4,$((rows - 2))s/^.\([0-9A-Z]*\) .*/\1/p" "$T/${cols}x$rows-mono.board" | tr '\n' ' ')" \
		"9618 1810 0981 1211 3690 HSI 9999 0700 HSTECH 9988 1024 " \
		"${cols}x$rows monochrome: the same board"
done
# The first screen of the view, whole, at 80x24.
is "$(cat "$T/80x24-colour.map")" " hktop HSI 24529.280 -432.180 -1.73%  HSTECH -2.32%   Morning session 11:02 HKT
 Heatmap by market cap  Up 0  Down 8  Unch 1  | cap-wtd -1.74%: 0700 -0.88 9988
 Internet                             E-commerce         Hardware

                                                                 1810
                                                               XIAOMI-W
                                                                -0.38%


                0700                        9988         EV & Autos
              TENCENT                      BABA-W                1211
               -2.09%                      -2.64%             BYD COMPANY
                                                                -0.67%


                                                         Consumer       Semicon

                                                             3690        0981
                                                          MEITUAN-W      SMIC
                                         9618 JD-SW         -1.53%      -0.64%
1024 KUAISHOU-W     9999? NTES-S           0.00%
     -3.09%            -1.92%
 -5%           +5%  ?=no cap: smallest  3 left out (indexes, US)
 Updated 11:02:00                         tencent 0s old, 15m lag | 12 | ? help" "80x24: the treemap"
c=$T/80x24-colour.map.colors
is "$(sed -n 20p "$c" | cut -c1-36)" "RRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRR" "a 2% fall fills its tile (8-colour red)"
is "$(sed -n 10p "$c" | cut -c57-79)" "rrrrrrrrrrrrrrrrrrrrrrr" "a small fall colours the label only"
is "$(sed -n 40p "$c" | cut -c38-55)" "wwwwwwwwwwwwwwwwww" "unchanged: neutral"
like "$(sed -n 8p "$T/80x24-colour.board.colors")" '^y\.{28}GGGGGGggggwwww$' \
	"the rally board: JD led the morning (strong green), then faded to flat"
is "$(sed -n 4,5p "$T/200x60-colour.board")" " 9618   JD-SW          0.00% +2.00% +2.81% +2.97% +1.76% +0.64%  0.00%  0.00%
 1810   XIAOMI-W      -0.38% +1.29% +1.65% +1.05% +0.33% -0.14% -0.38% -0.38%" \
	"200 columns: the returns in the cells, none after 11:02"
like "$(sed -n 3p "$T/200x60-colour.board")" ' 09:45  10:00  10:15 .* 12:00  13:15 .* 16:00$' "a column a quarter hour, lunch left out"
is "$(sed -n 4p "$T/80x24-mono.board")" " 9618   JD-SW          0.00% +▒+▒+▒+░+░0 0" "monochrome board: sign and shade"
is "$(sed -n 6p "$T/80x24-mono.board")" " 0981   SMIC          -0.64% +░-░-░0 -░-░-░" \
	"an unchanged cell reads 0, not blank"
is "$(sed -n 20p "$T/80x24-mono.map.colors" | cut -c1-36 | tr -d .)" "" "monochrome: a fall is plain"

# Minute series are asked for only while the board is shown, for every
# HK stock and index on the watchlist, none for US listings.
: > "$GOODLOG"
screen fetches "$GOOD" 24 80 <<SCRIPT
m
r
:save-display $T/fetch1.txt
SCRIPT
is "$(grep -c appstock "$GOODLOG")" 0 "the treemap fetches no minute series"
: > "$GOODLOG"
screen fetches2 "$GOOD" 24 80 <<SCRIPT
m
b
SCRIPT
is "$(grep -c 'appstock/app/minute/query?code=hk' "$GOODLOG")" 11 "the board: one minute series per HK stock and index"
unlike "$(grep appstock "$GOODLOG")" 'BABA' "and none for the US listing"

# Moving between tiles by position; Enter, Esc; Tab; the shared selection.
screen keys "$GOOD" 24 80 <<SCRIPT
m
l
:save-display $T/keys1.txt
l
:save-display $T/keys2.txt
j
:save-display $T/keys3.txt
<Enter>
:save-display $T/keys4.txt
<Esc>
:save-display $T/keys5.txt
w
:save-display $T/keys6.txt
<Tab>
:save-display $T/keys7.txt
SCRIPT
like "$(sed -n 23p "$T/keys1.txt")" '^ -5% .* \+5%  0700 TENCENT -2\.09%  cap 4\.26T  Internet  \?=no cap' "from an index, an arrow selects a tile: Tencent"
like "$(sed -n 23p "$T/keys2.txt")" '\+5%  9988 BABA-W -2\.64% ' "l: the tile to the right"
like "$(sed -n 23p "$T/keys3.txt")" '\+5%  9618 JD-SW 0\.00% ' "j: the tile below"
like "$(sed -n 2p "$T/keys4.txt")" '^ 9618  JD-SW' "Enter opens its detail view"
like "$(sed -n 2p "$T/keys5.txt")" '^ Heatmap by market cap' "Esc returns to the heatmap"
like "$(cat "$T/keys6.txt")" '^ 9618 ' "the watchlist has the same ticker selected"
like "$(sed -n 2p "$T/keys7.txt")" '^ Heatmap by' "Tab goes from the watchlist to the heatmap"
screen keycolors "$GOOD" 24 80 <<SCRIPT
m
l
:save-colors $T/keys.colors
SCRIPT
like "$(sed -n 20p "$T/keys.colors")" '^R{16}r{4}R' "the selected tile's label is reversed"

screen area "$GOOD" 24 80 <<SCRIPT
m
a
:save-display $T/area1.txt
a
:save-display $T/area2.txt
a
:save-display $T/area3.txt
SCRIPT
like "$(sed -n 2p "$T/area1.txt")" '^ Heatmap by equal ' "a: equal tiles"
unlike "$(cat "$T/area1.txt")" '9999\?' "equal tiles need no market cap"
like "$(sed -n 2p "$T/area2.txt")" '^ Heatmap by turnover ' "a again: by turnover"
like "$(sed -n 2p "$T/area3.txt")" '^ Heatmap by market cap ' "and back to market cap"

# colors.up=red: a fall is green, on the map and on the board.
screen red "$GOOD" 24 80 -o colors.up=red <<SCRIPT
m
:save-colors $T/red.map.colors
b
:save-colors $T/red.board.colors
SCRIPT
is "$(sed -n 20p "$T/red.map.colors" | cut -c1-36)" "GGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGG" "colors.up=red: Tencent's fall in green"
like "$(sed -n 8p "$T/red.board.colors")" '^y\.{28}RRRRRRrrrrwwww$' "and JD's morning rally in red"

# Prices move between refreshes: the tiles stay where they were.
screen moving "$MOVING" 40 120 <<SCRIPT
m
:save-display $T/move1.txt
r
:save-display $T/move2.txt
b
:save-display $T/move3.txt
r
:save-display $T/move4.txt
SCRIPT
ok_unless "the second refresh brought new prices" cmp -s "$T/move1.txt" "$T/move2.txt"
is "$(places "$T/move2.txt" 40)" "$(places "$T/move1.txt" 40)" "and every tile keeps its place"
like "$(grep '^ 0700 ' "$T/move3.txt")" '^ 0700   TENCENT' "the board has Tencent's series"
like "$(grep '0700 ' "$T/move4.txt")" '^!0700   TENCENT +-[0-9.]+%$' \
	"a later failure keeps the last good series, marked"
like "$(sed -n 39p "$T/move4.txt")" 'failed: tencent: 0700: HTTP 503' "with the cause"
is "$(grep -c '^.0700' "$T/move4.txt")" 1 "once"

# Days must match: a minute series of another day than the quotes is
# never read as today's move. Tencent's 0700 minutes are still those of
# 2026-08-06 while the quotes are of 08-07 11:02; 9988's are of 08-07.
sed 's/"date":"20260807"/"date":"20260806"/' "$F/tencent-minute-heat-700.json" > "$T/minute-700-0806.json"
sed 's/"date":"20260807"/"date":"20260806"/' "$F/tencent-minute-heat-9988.json" > "$T/minute-9988-0806.json"
{
	echo "/q= 200 $F/tencent-heat-1.gbk.txt"
	echo "/appstock/app/minute/query?code=hk00700 200 $T/minute-700-0806.json"
	echo "/appstock/app/minute/query?code=hk09988 200 $F/tencent-minute-heat-9988.json"
} > "$T/rules-days"
start_httpd "$T/rules-days"
DAYS=$BASE
{
	echo "/q= 200 $F/tencent-heat-1.gbk.txt"
	echo "/appstock/app/minute/query?code=hk00700 200 $T/minute-700-0806.json"
	echo "/appstock/app/minute/query?code=hk09988 200 $T/minute-9988-0806.json"
} > "$T/rules-yesterday"
start_httpd "$T/rules-yesterday"
YESTERDAY=$BASE
WATCH_ALL=$WATCH
WATCH="700 9988"
screen days "$DAYS" 24 200 <<SCRIPT
m
b
:save-display $T/days.txt
SCRIPT
like "$(sed -n 2p "$T/days.txt")" '^ Rally board, 15-minute columns ' "the board is of the quotes' day"
like "$(sed -n 4p "$T/days.txt")" '^ 9988   BABA-W  +-2\.64% +-[0-9.]+% ' "9988's minutes are of that day: its move, its cells"
is "$(sed -n 5p "$T/days.txt" | sed 's/ *$//')" "!0700   TENCENT" \
	"0700's minutes of 08-06 are left out, marked: no move, no cells"
like "$(sed -n 23p "$T/days.txt")" '0700: minutes of 08-06, not the quotes. day: left out' "and the cause is given"
screen yesterday "$YESTERDAY" 24 200 <<SCRIPT
m
b
:save-display $T/yesterday.txt
SCRIPT
unlike "$(sed -n 4,5p "$T/yesterday.txt")" '%' "every series of yesterday: no move on today's board"
like "$(sed -n 23p "$T/yesterday.txt")" '0700 and 1 more: minutes of 08-06' "both named"
# The next morning before the open, the quotes and the minutes are both
# of 08-07: the board shows that day, saying which.
HKTOP_NOW=$((HKTOP_NOW + 22 * 3600)) screen nextday "$GOOD" 24 200 <<SCRIPT
m
b
:save-display $T/nextday.txt
SCRIPT
like "$(sed -n 2p "$T/nextday.txt")" '^ Rally board of 2026-08-07, 15-minute columns' "a board of another day than today is labelled with it"
like "$(grep '^ 0700' "$T/nextday.txt")" '^ 0700   TENCENT  +-2\.09% +[-+][0-9.]+% ' "with that day's move"
WATCH=$WATCH_ALL

screen help "$GOOD" 40 120 <<SCRIPT
?
:save-display $T/help.txt
SCRIPT
like "$(cat "$T/help.txt")" '^  m +view-heatmap +Show the heatmap' "help lists the heatmap key"
like "$(cat "$T/help.txt")" '^  b +heat-board ' "and the rally board's"
like "$(cat "$T/help.txt")" '^  h <Left> +move-left ' "and moving left"

# --demo: the treemap and the rally board work offline, from the
# simulated day's quotes and minutes.
HKTOP_DEMO_SEED=7 screen demo "http://127.0.0.1:1" 24 80 --demo <<SCRIPT
m
:save-display $T/demo1.txt
b
:save-display $T/demo2.txt
SCRIPT
like "$(sed -n 2p "$T/demo1.txt")" '^ Heatmap by market cap  Up [0-9]+  Down [0-9]+' "--demo: the heatmap from demo quotes"
like "$(cat "$T/demo1.txt")" '0700' "with its tiles"
like "$(sed -n 23p "$T/demo2.txt")" 'demo minutes to 08-07 10:01, 11 of 11' "--demo: the board has the demo's minutes"
# A name the demo does not have: its row says why, under the demo's name.
HKTOP_DEMO_SEED=7 screen demo-unknown "http://127.0.0.1:1" 24 80 --demo -o watchlist="700 0005" <<SCRIPT
m
b
:save-display $T/demo3.txt
SCRIPT
like "$(sed -n 23p "$T/demo3.txt")" "1 of 2 minute series failed: demo: 0005: not in the demo" "--demo: the board names the demo in a failure"

done_testing
