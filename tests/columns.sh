#!/bin/sh
# columns.sh - the watchlist's columns at 80x24, 120x40 and 200x60 in colour
# and monochrome: which drop first, the name taking the room and its cut
# mark, sorting only by what is shown, the picker (C) and its saved choice,
# a click on a title, a double click, half pages and undo.
. "$(dirname "$0")/lib.sh"
setup_tmp
F=$FIXTURES

cat > "$T/rules" <<RULES
* 200 $F/tencent-batch.gbk.txt
RULES
start_httpd "$T/rules"
GOOD=$BASE

export TERM=xterm-256color HKTOP_NOW=1786090200 LANG=C.UTF-8 LC_ALL=C.UTF-8
unset NO_COLOR

# cols NAME [hktop args...] < script: run the script, dumps in $T
cols()
{
	name=$1
	shift
	cat > "$T/$name.script"
	HKTOP_SCRIPT="$T/$name.script" run_with_timeout 30 "$HKTOP" \
		-o tencent.quote_url="$GOOD" -o quotes.failover=no -o news.sources=none \
		-o watchlist="HSI HSTECH 700 9988 BABA" "$@"
	is "$rc" 0 "$name: exit 0"
	is "$(cat "$T/err")" "" "$name: nothing on stderr"
}

# The widths: at 80 the main columns that fit, names cut with a mark; at
# 120 open, high, low and market cap too; at 200 the extras, and the name
# takes the room to be whole.
for size in 24x80 40x120 60x200; do
	for term in xterm-256color vt100; do
		TERM=$term LINES=${size%x*} COLUMNS=${size#*x} cols "w$size-$term" <<EOF
:save-display $T/w$size-$term.txt
:save-colors $T/w$size-$term.colors
EOF
	done
	is "$(cat "$T/w$size-vt100.txt")" "$(cat "$T/w$size-xterm-256color.txt")" \
		"$size: monochrome draws the same text"
done
is "$(sed -n 2p "$T/w24x80-vt100.txt")" \
	" CODE   NAME               LAST       CHG     CHG%   VOLUME TURNOVER     TIME" \
	"80: the main columns that fit, by priority"
is "$(sed -n 7p "$T/w24x80-vt100.txt")" \
	" BABA   Alibaba Gro…    120.450    +1.530   +1.29%    12.8M          16:00:02" \
	"80: a cut name ends in an ellipsis"
is "$(sed -n 2p "$T/w40x120-vt100.txt")" \
	" CODE   NAME                LAST       CHG     CHG%       OPEN       HIGH        LOW   VOLUME TURNOVER  MKT CAP     TIME" \
	"120: open, high, low and market cap join; no extra yet"
is "$(sed -n 2p "$T/w60x200-vt100.txt")" \
	" CODE   NAME                            LAST       CHG     CHG%       OPEN       HIGH        LOW       PREV       VWAP   VOLUME TURNOVER  MKT CAP     P/E    P/B  YIELD           52W RANGE     TIME" \
	"200: the extras that fit; lot dropped first"
is "$(sed -n 7p "$T/w60x200-vt100.txt")" \
	" BABA   Alibaba Group Holding Ltd    120.450    +1.530   +1.29%    119.500    121.280    118.660    118.920               12.8M                     15.81                    95.730-148.430 16:00:02" \
	"200: the name whole, the table to the edge"

# Without UTF-8 the mark is ASCII.
LC_ALL=C LANG=C LINES=24 COLUMNS=80 cols ascii <<EOF
:save-display $T/ascii.txt
EOF
is "$(sed -n 7p "$T/ascii.txt")" \
	" BABA   Alibaba Gro~    120.450    +1.530   +1.29%    12.8M          16:00:02" \
	"LC_ALL=C: a cut name ends in ~"

# s goes through the columns shown only; a sort by a column that no
# longer fits says so.
LINES=24 COLUMNS=200 cols sort <<EOF
:click 1 180
:save-display $T/sort1.txt
:resize 24 120
:save-display $T/sort2.txt
s
s
s
:save-display $T/sort3.txt
s
s
s
s
s
s
s
s
s
s
:save-display $T/sort4.txt
EOF
like "$(sed -n 2p "$T/sort1.txt")" '52W RANGEv' "a click on a title sorts by it, biggest first"
is "$(sed -n '3,7s/^ \([A-Z0-9]*\).*/\1/p' "$T/sort1.txt" | tr '\n' ' ')" "HSI HSTECH BABA 9988 0700 " \
	"by where the price is in its year's range"
like "$(sed -n 24p "$T/sort2.txt")" 'sort: 52-week range desc \(hidden\)' "at 120 the status line says the sort column is hidden"
like "$(sed -n 2p "$T/sort3.txt")" ' NAME  *LASTv ' "s from a hidden column: code, name, then last"
unlike "$(sed -n 2p "$T/sort4.txt")" '[v^]' "after time, the last shown: watchlist order"
like "$(sed -n 24p "$T/sort4.txt")" ' 5 \| \? help$' "and no sort on the status line"

# A click on a title sorts, a second reverses; a click elsewhere on the
# title row does nothing; a double click on a row opens its detail view.
LINES=24 COLUMNS=80 cols click -o tencent.chart_url="$GOOD" -o yahoo.url="$GOOD" <<EOF
:click 1 25
:save-display $T/click1.txt
:click 1 25
:save-display $T/click2.txt
:click 1 79
:save-display $T/click3.txt
:double-click 1 25
:save-display $T/click4.txt
:double-click 5 10
:save-display $T/click5.txt
EOF
like "$(sed -n 2p "$T/click1.txt")" 'LASTv' "click on LAST: by last, biggest first"
is "$(sed -n '3,7s/^ \([A-Z0-9]*\).*/\1/p' "$T/click1.txt" | tr '\n' ' ')" "HSI HSTECH 0700 BABA 9988 " \
	"in that order"
like "$(sed -n 2p "$T/click2.txt")" 'LAST\^' "click again: reversed"
is "$(cat "$T/click3.txt")" "$(cat "$T/click2.txt")" "a click past the titles does nothing"
like "$(sed -n 2p "$T/click4.txt")" 'LASTv' "a double click on a title is one click"
like "$(sed -n 2p "$T/click5.txt")" '^ BABA  Alibaba Group Holding Ltd ' \
	"a double click on a row opens the detail view of that row, BABA by last desc"

# At each size, colour and monochrome: a click on LAST's title sorts by
# it; a double click on 0700's row (screen row 4) opens its detail view.
for size in 24x80 40x120 60x200; do
	for term in xterm-256color vt100; do
		x=$(sed -n 2p "$T/w$size-vt100.txt" | awk '{ print index($0, "LAST") - 1 }')
		TERM=$term LINES=${size%x*} COLUMNS=${size#*x} cols "c$size-$term" \
			-o tencent.chart_url="$GOOD" -o yahoo.url="$GOOD" <<EOF
:click 1 $x
:save-display $T/c$size-$term.1
:double-click 4 10
:save-display $T/c$size-$term.2
<Esc>
C
:save-display $T/c$size-$term.3
EOF
		like "$(sed -n 2p "$T/c$size-$term.1")" ' LASTv ' "$size $term: a click on LAST's title sorts by it"
		like "$(sed -n 2p "$T/c$size-$term.2")" '^ 0700  TENCENT ' "$size $term: a double click opens the row's detail (by last: 0700 third)"
		like "$(sed -n 3p "$T/c$size-$term.3")" '^ \[x\] code  *CODE' "$size $term: C opens the picker"
		[ "${size%x*}" -lt 40 ] ||
			like "$(cat "$T/c$size-$term.3")" '\[ \] spark  *DAY  *sparkline' "$size $term: every column in it"
	done
done

# The picker: hide the name, move chg% left; saved for the next run,
# which -o columns overrides.
LINES=24 COLUMNS=80 cols pick <<EOF
C
:save-display $T/pick1.txt
j
<Enter>
j
j
j
h
:save-display $T/pick2.txt
<Esc>
:save-display $T/pick3.txt
EOF
like "$(sed -n 2p "$T/pick1.txt")" '^ Columns: Enter shows or hides' "C opens the picker"
like "$(sed -n 4p "$T/pick1.txt")" '^ \[x\] name ' "with the columns wanted, marked"
like "$(cat "$T/pick1.txt")" '\[ \] bid ' "and the others, not"
like "$(cat "$T/pick1.txt")" '\[x\] prev .* \(no room\)$' "a wanted column without room at 80 says so"
like "$(cat "$T/pick1.txt")" '\[x\] last  *LAST  *last$' "one shown does not"
like "$(sed -n 4p "$T/pick2.txt")" '^ \[ \] name ' "Enter hides the name"
like "$(sed -n 6p "$T/pick2.txt")" '^ \[x\] chg%' "h moves chg% up (left)"
like "$(cat "$T/pick2.txt")" '\[x\] high  *HIGH  *high$' "without the name, high has room at once"
is "$(sed -n 2p "$T/pick3.txt")" \
	" CODE         LAST     CHG%       CHG       HIGH   VOLUME TURNOVER     TIME" \
	"the table: no name, chg% before chg"
is "$(grep -v '^#' "$XDG_STATE_HOME/hktop/columns")" \
	"code last chg% chg open high low prev vwap vol turnover cap pe pb yield 52w lot time" \
	"saved beside the watchlist"
LINES=24 COLUMNS=80 cols pick-again <<EOF
:save-display $T/pick4.txt
EOF
is "$(sed -n 2p "$T/pick4.txt")" "$(sed -n 2p "$T/pick3.txt")" "the next run shows the saved columns"
LINES=24 COLUMNS=80 cols pick-option -o columns="code name last" <<EOF
:save-display $T/pick5.txt
C
<Enter>
<Esc>
EOF
is "$(sed -n 2p "$T/pick5.txt")" " CODE   NAME                            LAST" "-o columns wins over the saved ones"
like "$(grep -v '^#' "$XDG_STATE_HOME/hktop/columns")" '^code last chg%' "and its picks are not saved"
rm -f "$XDG_STATE_HOME/hktop/columns"

# A bad columns key is named and the default is used.
LINES=24 COLUMNS=80 HKTOP_SCRIPT=/dev/null run_with_timeout 10 "$HKTOP" -o columns="code price" --dump-config
like "$(cat "$T/err")" '^hktop: -o: "price": not a column' "-o columns with a bad name: named"

# Half pages and undo.
LINES=10 COLUMNS=80 cols keys <<EOF
<C-d>
:save-colors $T/keys1.colors
<C-u>
:save-colors $T/keys2.colors
j
j
j
d
:save-display $T/keys3.txt
u
:save-display $T/keys4.txt
u
:save-display $T/keys5.txt
EOF
is "$(sed -n 12p "$T/keys1.colors" | cut -c1-3)" "Y##" "C-d: half a page (3 rows) down, to 9988"
is "$(sed -n 6p "$T/keys2.colors" | cut -c1-3)" "Y##" "C-u: back up to HSI"
unlike "$(cat "$T/keys3.txt")" ' 9988 ' "d removes 9988"
is "$(cat "$T/keys4.txt" | sed -n 3,7p)" "$(sed -n 3,7p "$T/w24x80-vt100.txt")" "u puts it back where it was"
like "$(sed -n 10p "$T/keys4.txt")" 'Put back 9988' "and says so"
like "$(sed -n 10p "$T/keys5.txt")" 'Nothing to undo' "once"

done_testing
