#!/bin/sh
# flash.sh - a changed price flashes: a refresh that moves 0700's price
# draws the digits of its LAST cell that moved, from the first, in the
# colour of the move, reversed (reverse video
# alone in monochrome); the next refresh, without a move, draws it plain.
# Off with -o flash=no. (The second's timer is not in scripts: the flash
# there ends with the next refresh.)
. "$(dirname "$0")/lib.sh"
setup_tmp
F=$FIXTURES

# 0700 at 478.800, then up to 479.400, then unchanged, then down to
# 476.000 (the change and change % with it: the parser checks them).
move()
{
	LC_ALL=C sed "s/~00700~478\.800~/~00700~$1~/; s|~2026/08/07 16:08:23~-0\.400~-0\.08~|~2026/08/07 16:08:23~$2~$3~|" \
		"$F/tencent-batch.gbk.txt"
}
move 479.400 0.200 0.04 > "$T/up.txt"
move 476.000 -3.200 -0.67 > "$T/down.txt"
cmp -s "$F/tencent-batch.gbk.txt" "$T/up.txt" && bail_out "the fixture's 0700 price moved"
cat > "$T/rules" <<RULES
* 200 $F/tencent-batch.gbk.txt count=1
* 200 $T/up.txt count=2
* 200 $T/down.txt
RULES

export HKTOP_NOW=1786090200 LINES=24 COLUMNS=80 LC_ALL=C.UTF-8
unset NO_COLOR

run()
{
	name=$1
	shift
	cat > "$T/$name.script"
	start_httpd "$T/rules" # its own: the counts start again
	HKTOP_SCRIPT="$T/$name.script" run_with_timeout 30 "$HKTOP" \
		-o tencent.quote_url="$BASE" -o quotes.failover=no -o news.sources=none \
		-o watchlist="HSI HSTECH 700 9988 BABA" -o colors.up=green "$@"
	is "$rc" 0 "$name: exit 0"
	is "$(cat "$T/err")" "" "$name: nothing on stderr"
}

# Row 5 is 0700 (text line 9, its colours line 10); LAST is columns 21-30.
last() { sed -n 10p "$1" | cut -c22-31; }

TERM=xterm-256color run colour <<EOF
:save-colors $T/c0.colors
:refresh
:save-colors $T/c1.colors
:refresh
:save-colors $T/c2.colors
:refresh
:save-colors $T/c3.colors
EOF
is "$(last "$T/c0.colors")" "rrrrrrrrrr" "the first quote: no flash, a fall in red"
is "$(sed -n 9p "$T/c1.colors" | cut -c22-31)" "   479.400" "the refresh moved 0700 up"
is "$(last "$T/c1.colors")" "gggggGGGGG" "its price flashes green, reversed, from the digit that moved (478.800 to 479.400)"
is "$(sed -n 12p "$T/c1.colors" | cut -c22-31)" "gggggggggg" "9988, not moved, does not"
is "$(last "$T/c2.colors")" "gggggggggg" "the next refresh, no move: plain again"
is "$(last "$T/c3.colors")" "rrrrrRRRRR" "a fall flashes red (479.400 to 476.000)"

# The flash's end, as its timer does it: only the flashed cells put back,
# the rest of the screen as it was (nothing drawn again); on the selected
# row, whose flash is bold, the row's reverse stays.
TERM=xterm-256color run end <<EOF
:refresh
:save-colors $T/e1.colors
:save-display $T/e1.txt
:flash-end
:save-colors $T/e2.colors
:save-display $T/e2.txt
EOF
is "$(last "$T/e1.colors")" "gggggGGGGG" "flashing"
is "$(last "$T/e2.colors")" "gggggggggg" "its end: plain again, no refresh needed"
is "$(sed 10d "$T/e2.colors")" "$(sed 10d "$T/e1.colors")" "every other row's colours as they were"
is "$(cat "$T/e2.txt")" "$(cat "$T/e1.txt")" "and the text"
TERM=vt100 run end-selected <<EOF
j
j
:refresh
:save-colors $T/e3.colors
:flash-end
:save-colors $T/e4.colors
EOF
is "$(last "$T/e3.colors")" "rrrrrbbbbb" "selected (0700, reversed), the flash is bold"
is "$(last "$T/e4.colors")" "rrrrrrrrrr" "its end: the row's reverse back under the digits"
TERM=vt100 run mono <<EOF
:refresh
:save-colors $T/m1.colors
:refresh
:save-colors $T/m2.colors
EOF
is "$(last "$T/m1.colors")" "bbbbbrrrrr" "monochrome: reverse video"
unlike "$(last "$T/m2.colors")" "r" "and plain after"

# At 120x40 and 200x60 too, colour and monochrome: the LAST cell found by
# its title (right-aligned, 10 wide).
for size in 40x120 60x200; do
	for term in xterm-256color vt100; do
		TERM=$term LINES=${size%x*} COLUMNS=${size#*x} run "s$size-$term" <<EOF
:refresh
:save-colors $T/s$size-$term.1
:refresh
:save-colors $T/s$size-$term.2
EOF
		end=$(sed -n 3p "$T/s$size-$term.1" | awk '{ print index($0, "LAST") + 3 }')
		cell1=$(sed -n 10p "$T/s$size-$term.1" | cut -c$((end - 9))-$end)
		cell2=$(sed -n 10p "$T/s$size-$term.2" | cut -c$((end - 9))-$end)
		case $term in
		vt100) want1=bbbbbrrrrr want2=bbbbbbbbbb ;;
		*) want1=gggggGGGGG want2=gggggggggg ;;
		esac
		is "$cell1" "$want1" "$size $term: the moved digits flash"
		is "$cell2" "$want2" "$size $term: and not at the next refresh"
	done
done

TERM=xterm-256color run off -o flash=no <<EOF
:refresh
:save-colors $T/o1.colors
EOF
is "$(last "$T/o1.colors")" "gggggggggg" "flash=no: no flash"

done_testing
