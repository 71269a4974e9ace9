#!/bin/sh
# colors.sh - colours as the terminal offers them, told by what it is asked
# to paint behind each heatmap tile (:save-backgrounds): --demo's heatmap
# at 120x40 on a 256-colour, an 8-colour and a direct-colour terminal, and
# under NO_COLOR.
. "$(dirname "$0")/lib.sh"
setup_tmp
export LINES=40 COLUMNS=120 HKTOP_NOW=1786071720 HKTOP_DEMO_SEED=1

# map NAME: hktop --demo's heatmap, its background dump in $T/NAME.bg.
map()
{
	printf 'm\n:save-backgrounds %s\n' "$T/$1.bg" > "$T/$1.script"
	HKTOP_SCRIPT="$T/$1.script" run_with_timeout 30 "$HKTOP" --demo
	is "$rc" 0 "$1: exit 0"
	is "$(cat "$T/err")" "" "$1: nothing on stderr"
}

# tiles NAME: "code letter" for every tile, the letter the background
# under the first digit of its code ('.' the terminal's own).
tiles()
{
	awk -v rows="$LINES" 'NR % 2 { r = (NR + 1) / 2; text = $0; next }
		r > 2 && r < rows - 1 { line = text; off = 0
			while (match(line, /[0-9][0-9][0-9][0-9]/)) {
				bg = substr($0, off + RSTART, 1)
				print substr(line, RSTART, RLENGTH), bg == "" ? "." : bg
				off += RSTART + RLENGTH - 1
				line = substr(line, RSTART + RLENGTH)
			} }' "$T/$1.bg" | sort
}

# The letters of tiles NAME, one string.
letters()
{
	tiles "$1" | awk '{ printf "%s", $2 }'
}

TERM=xterm-256color map 256
n=$(tiles 256 | wc -l)
ok_if "xterm-256color: the treemap has its tiles ($n)" test "$n" -ge 30
is "$(letters 256 | tr -d x)" "" "xterm-256color: every tile is painted from the 256 colours"

TERM=xterm map 8
is "$(tiles 8 | wc -l)" "$n" "xterm: the same tiles"
is "$(letters 8 | tr -d 'krg')" "" "xterm: tiles in the 8 colours only"
like "$(letters 8)" '[rg]' "xterm: big moves fill their tiles in red or green"
like "$(letters 8)" 'k' "xterm: small ones leave them black"

TERM=xterm-direct map direct
is "$(tiles direct | wc -l)" "$n" "xterm-direct: the same tiles"
is "$(letters direct | tr -d t)" "" "xterm-direct: every tile in 24-bit colour"

TERM=xterm-256color NO_COLOR=1 map mono
is "$(tiles mono | wc -l)" "$n" "NO_COLOR: the same tiles"
is "$(awk 'NR % 2 == 0' "$T/mono.bg" | tr -d '\n')" "" "NO_COLOR: no colour anywhere"

done_testing
