#!/bin/sh
# spark.sh - the spark column: each row's day from Tencent's minute series
# (loopback fixtures of the morning of 2026-08-07, the clock at 11:02 HKT),
# braille in UTF-8, ASCII without; asked for the rows in sight only; blank
# when the series is of another day than the quote.
. "$(dirname "$0")/lib.sh"
setup_tmp
F=$FIXTURES

sed 's/"date":"20260807"/"date":"20260806"/' "$F/tencent-minute-heat-9988.json" > "$T/minute-9988-0806.json"
{
	echo "/q= 200 $F/tencent-heat-1.gbk.txt"
	for c in 00700 03690 01810 09618 00981 01211 09999; do
		n=$(echo "$c" | sed 's/^0*//')
		echo "/appstock/app/minute/query?code=hk$c 200 $F/tencent-minute-heat-$n.json"
	done
	echo "/appstock/app/minute/query?code=hk09988 200 $T/minute-9988-0806.json"
	echo "/appstock/app/minute/query?code=hkHSI 200 $F/tencent-minute-heat-HSI.json"
	echo "/appstock/app/minute/query?code=hkHSTECH 200 $F/tencent-minute-heat-HSTECH.json"
	echo "/appstock/app/minute/query?code=hk01024 503 -"
} > "$T/rules"
start_httpd "$T/rules"

export TERM=xterm-256color HKTOP_NOW=1786071720 LC_ALL=C.UTF-8
unset NO_COLOR
WATCH="HSI HSTECH 700 9988 3690 1810 9618 1024 0981 1211 9999"

run()
{
	name=$1
	shift
	cat > "$T/$name.script"
	: > "$REQLOG"
	HKTOP_SCRIPT="$T/$name.script" run_with_timeout 30 "$HKTOP" \
		-o tencent.quote_url="$BASE" -o tencent.chart_url="$BASE" -o quotes.failover=no \
		-o news.sources=none -o watchlist="$WATCH" -o columns="code last chg% spark time" "$@"
	is "$rc" 0 "$name: exit 0"
	is "$(cat "$T/err")" "" "$name: nothing on stderr"
}

# spark CODE FILE: the spark cell of CODE's row (the title says where).
spark()
{
	x=$(sed -n 2p "$2" | awk '{ print index($0, "DAY") }')
	grep "^.$1 " "$2" | cut -c"$x-$((x + 11))"
}

LINES=10 COLUMNS=80 run braille <<EOF
:refresh
:save-display $T/b.txt
:save-colors $T/b.colors
EOF
like "$(sed -n 2p "$T/b.txt")" ' DAY ' "the column's title"
# Braille is U+2800-28FF: UTF-8 bytes e2 a0-a3 xx.
braille() { printf '%s' "$1" | od -An -tx1 | tr -s ' \n' ' ' | sed 's/^ //; s/ $//'; }
like "$(braille "$(spark 0700 "$T/b.txt")")" '^(e2 a[0-3] [89ab][0-9a-f] ?)+(20 ?)*$' "0700: its morning in braille"
ok_if "with dots in it" test "$(spark 0700 "$T/b.txt" | tr -d ' ⠀')" != ""
like "$(braille "$(spark HSI "$T/b.txt")")" '^(e2 a[0-3] [89ab][0-9a-f] ?)+(20 ?)*$' "HSI too"
is "$(spark 9988 "$T/b.txt" | tr -d ' ')" "" "9988's minutes are of 08-06, not the quote's day: blank"
is "$(grep -c 'appstock/app/minute' "$REQLOG")" 7 "series asked for the 7 rows in sight only"
unlike "$(cat "$REQLOG")" 'minute/query\?code=hk09999' "not for a row out of sight"
ok_if "every row in sight asked once" test "$(grep 'appstock/app/minute' "$REQLOG" | sort | uniq -d)" = ""

# The line's colour is its own move: 0700's series ends at 469.200, over
# a previous close said to be 460.000 in this copy, so the line is in the
# colour of a rise while the quote (-10.000 from 479.200) falls.
sed 's/"479.200","479.800"/"460.000","479.800"/' "$F/tencent-minute-heat-700.json" > "$T/minute-700-up.json"
grep -v 'code=hk00700 ' "$T/rules" > "$T/rules-up"
echo "/appstock/app/minute/query?code=hk00700 200 $T/minute-700-up.json" >> "$T/rules-up"
start_httpd "$T/rules-up"
LINES=10 COLUMNS=80 run colour <<EOF
:refresh
:save-display $T/c.txt
:save-colors $T/c.colors
EOF
# colour CODE: the colour letters under CODE's spark cell.
colour()
{
	x=$(sed -n 2p "$T/c.txt" | awk '{ print index($0, "DAY") }')
	n=$(grep -n "^.$1 " "$T/c.txt" | cut -d: -f1)
	sed -n "$((2 * n))p" "$T/c.colors" | cut -c"$x-$((x + 11))"
}
like "$(colour 0700)" '^g+ *$' "its line, up from the series' previous close, in the colour of a rise"
like "$(colour 1810)" '^[rR]+ *$' "1810's, down on the day, in the colour of a fall"

LC_ALL=C LINES=10 COLUMNS=80 run ascii <<EOF
:refresh
:save-display $T/a.txt
EOF
like "$(spark 0700 "$T/a.txt")" '^[_~^ -]+$' "LC_ALL=C: ASCII heights"
ok_if "drawn" test "$(spark 0700 "$T/a.txt" | tr -d ' ')" != ""

# At each size, in colour and monochrome: the default columns and spark,
# which drops before the main ones and shows when there is room.
for size in 24x80 40x120 60x200; do
	for term in xterm-256color vt100; do
		TERM=$term LINES=${size%x*} COLUMNS=${size#*x} run "s$size-$term" \
			-o columns="code name last chg chg% open high low vol turnover cap spark time" <<EOF
:refresh
:save-display $T/s$size-$term.txt
EOF
	done
	is "$(cat "$T/s$size-vt100.txt")" "$(cat "$T/s$size-xterm-256color.txt")" "$size: the same in monochrome"
done
unlike "$(sed -n 2p "$T/s24x80-vt100.txt")" ' DAY ' "80: no room for the spark column"
unlike "$(sed -n 2p "$T/s40x120-vt100.txt")" ' DAY ' "120: an extra, it waits for the main columns and a whole name"
like "$(sed -n 2p "$T/s60x200-vt100.txt")" ' MKT CAP DAY  *TIME$' "200: the spark column, where it was asked"
like "$(braille "$(spark 0700 "$T/s60x200-vt100.txt")")" '^(e2 a[0-3] [89ab][0-9a-f] ?)+(20 ?)*$' "200: too"

# Without the column, no series is asked for.
LINES=10 COLUMNS=80 run none -o columns="code last" <<EOF
:refresh
:save-display $T/n.txt
EOF
is "$(grep -c 'appstock' "$REQLOG")" 0 "no spark column: no minute series"

done_testing
