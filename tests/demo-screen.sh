#!/bin/sh
# demo-screen.sh - --demo's simulated day on a virtual screen at 80x24 and
# 200x60, with the default watchlist: the detail view draws its charts, the
# rally board has rows with minutes, the heatmap its tiles, the headlines
# those the demo clock has passed; all from the source "demo", nothing
# fetched. HKTOP_NOW is Friday 2026-08-07 16:10 HKT; demo.start=11:00 is
# 46 minutes after the day's story broke.
. "$(dirname "$0")/lib.sh"
setup_tmp

export TERM=xterm-256color HKTOP_NOW=1786090200 HKTOP_DEMO_SEED=7
unset NO_COLOR

# demo NAME ROWS COLS [hktop args...] < script: run it, dumps in $T/NAME.*
demo()
{
	name=$1 rows=$2 cols=$3
	shift 3
	cat > "$T/$name.script"
	LINES=$rows COLUMNS=$cols HKTOP_SCRIPT="$T/$name.script" HKTOP_TRACE="$T/$name.trace" \
		run_with_timeout 30 "$HKTOP" --demo -o demo.start=11:00 \
		-o tencent.quote_url=http://127.0.0.1:1 -o tencent.chart_url=http://127.0.0.1:1 \
		-o yahoo.url=http://127.0.0.1:1 "$@"
	is "$rc" 0 "$name: exit 0"
	is "$(cat "$T/err")" "" "$name: nothing on stderr"
	is "$(cat "$T/$name.trace" 2>/dev/null)" "" "$name: nothing fetched"
}

for size in 24x80 60x200; do
	rows=${size%x*} cols=${size#*x}
	n=$size
	demo "$n" "$rows" "$cols" <<EOF
/
=9988
<Enter>
<Enter>
:save-display $T/$n-1d.txt
6
:save-display $T/$n-1y.txt
c
7
:save-display $T/$n-5y.txt
<Esc>
m
:save-display $T/$n-heat.txt
b
:save-display $T/$n-board.txt
n
:save-display $T/$n-news.txt
EOF
	d1=$T/$n-1d.txt
	like "$(sed -n 1p "$d1")" '^ hktop  DEMO .* Morning session 11:00 HKT$' "$n: DEMO, the demo clock's session"
	like "$(sed -n 2p "$d1")" '^ 9988 +BABA-W +1[0-9][0-9]\.[0-9]00 \+[0-9.]+ \+[3-7]\.[0-9][0-9]%' \
		"$n: detail of Alibaba, up on the chip deal"
	like "$(cat "$d1")" '^ 1D from demo, 91 bars to 2026-08-07 11:00$' "$n: 1D: the morning's minute bars, from demo"
	like "$(cat "$d1")" '^ 09:30 ' "$n: 1D: the session's time axis"
	braille=$(sed -n 3,20p "$d1" | LC_ALL=C grep -c "$(printf '\342[\240-\243]')")
	like "$braille" '^([3-9]|[1-9][0-9])$' "$n: 1D: the line drawn in braille across the chart's rows"
	unlike "$(cat "$d1")" 'No chart' "$n: no 'No chart'"
	like "$(cat "$d1")" 'DEMO: Alibaba signs multi-year AI chip deal' "$n: the ticker's headline of 10:14"
	like "$(cat "$T/$n-1y.txt")" '^ 1Y from demo, 250 bars to 2026-08-07$' "$n: 1Y: a year of day bars"
	like "$(cat "$T/$n-5y.txt")" '^ 5Y from demo, 265 bars to 2026-08-07$' "$n: 5Y: week bars"
	like "$(cat "$T/$n-5y.txt")" '[│┃█▌▐]' "$n: 5Y: candles drawn"
	like "$(sed -n 2p "$T/$n-heat.txt")" '^ Heatmap by market cap  Up [0-9]+  Down [0-9]+' "$n: the heatmap"
	like "$(cat "$T/$n-heat.txt")" '9888' "$n: with Baidu's tile"
	like "$(sed -n 4p "$T/$n-board.txt")" '^ 9888 +BIDU-SW +\+1[0-9]\.[0-9][0-9]%' "$n: the board's first row: Baidu, up most"
	like "$(cat "$T/$n-board.txt")" 'demo minutes to 08-07 11:01, [0-9]+ of [0-9]+' "$n: the board's minutes, from demo"
	unlike "$(cat "$T/$n-board.txt")" 'failed|no minute series' "$n: every row has its minutes"
	like "$(sed -n 3p "$T/$n-news.txt")" \
		'^\* 21m demo      9660 0020   DEMO: Horizon Robotics and SenseTime join the AI ra' \
		"$n: the newest headline by 11:00, tagged"
	like "$(sed -n "${rows}p" "$T/$n-news.txt")" '^ DEMO \(simulated\) Headlines: 9 headlines from 1' \
		"$n: nine of the day's headlines are out by 11:00"
done

# On a terminal, z stops the demo's clock and its refreshes with it: the
# quotes cannot change, and "Demo paused at ..." stays on the status line
# (a refresh a second wrote "Updated ..." over it).
# The demo's day has the HKEX sessions: at its lunch break and after its
# close the quotes of 12:00 and of the close are current, not marked old.
for at in 12:40 16:40; do
	demo "at$at" 24 80 -o demo.start=$at <<EOF
:save-display $T/at$at.txt
EOF
	is "$(sed -n 1,22p "$T/at$at.txt" | grep -c '~[0-9]')" 0 "the demo at $at: no quote marked old"
done
like "$(sed -n 1p "$T/at12:40.txt")" 'Lunch break 12:40 HKT' "the demo's lunch break"

if command -v script >/dev/null 2>&1; then
	mkfifo "$T/pty.keys"
	exec 3<>"$T/pty.keys"
	script -qefc "stty rows 24 cols 80; exec '$HKTOP' --demo -o refresh=1 2>'$T/pty.err'" \
		"$T/pty.log" > /dev/null 2>&1 <&3 &
	spid=$!
	k=0
	until grep -q 'Updated' "$T/pty.log" 2>/dev/null || [ $k -ge 200 ]; do
		sleep 0.05
		k=$((k + 1))
	done
	printf 'z' >&3
	sleep 3
	printf 'q' >&3
	k=0
	while kill -0 "$spid" 2>/dev/null && [ $k -lt 100 ]; do
		sleep 0.05
		k=$((k + 1))
	done
	wait "$spid"
	is "$?" 0 "on a terminal, z then q: exit 0"
	last=$(grep -ao 'Demo paused at\|Updated [0-9]' "$T/pty.log" | tail -n 1)
	is "$last" "Demo paused at" "paused, no refresh writes over the pause three seconds on"
	exec 3>&-
else
	pass "# SKIP script(1) is not installed"
	pass "# SKIP"
fi

done_testing
