#!/bin/sh
# legend.sh - the help fits any height: at 80x24 it says there is more and
# scrolls with the list keys down to the legend of the watchlist's marks;
# the first screen without quotes (offline, an empty list) shows the
# legend under the rows.
. "$(dirname "$0")/lib.sh"
setup_tmp
F=$FIXTURES

cat > "$T/rules" <<RULES
* 503 -
RULES
start_httpd "$T/rules"

export TERM=xterm-256color HKTOP_NOW=1786090200 LC_ALL=C.UTF-8
unset NO_COLOR

run()
{
	name=$1
	shift
	cat > "$T/$name.script"
	HKTOP_SCRIPT="$T/$name.script" run_with_timeout 30 "$HKTOP" \
		-o tencent.quote_url="$BASE" -o sina.quote_url="$BASE" -o news.sources=none "$@"
	is "$rc" 0 "$name: exit 0"
	is "$(cat "$T/err")" "" "$name: nothing on stderr"
}

LINES=24 COLUMNS=80 run help -o watchlist="700" <<EOF
?
:save-display $T/help1.txt
<PgDn>
:save-display $T/help2.txt
G
:save-display $T/help3.txt
G
j
:save-display $T/help4.txt
<C-u>
:save-display $T/help5.txt
g
:save-display $T/help6.txt
k
:save-display $T/help7.txt
EOF
like "$(sed -n 23p "$T/help1.txt")" '^  -- more: [0-9]+ of [0-9]+ lines below \(j, PgDn, C-d, G\) --$' \
	"80x24: the help's last row says there is more"
like "$(sed -n 3p "$T/help1.txt")" '^  j <Down> ' "and it starts at the first key"
unlike "$(sed -n 3p "$T/help2.txt")" 'j <Down>' "PgDn scrolls it"
like "$(cat "$T/help3.txt")" 'Marks on the watchlist:' "G: to the end, the legend"
like "$(cat "$T/help3.txt")" '!  before a code: its last refresh failed' "with the stale mark"
like "$(cat "$T/help3.txt")" '\*  before a code: a headline' "the news mark"
like "$(cat "$T/help3.txt")" '~  before a time' "the old-quote mark"
like "$(cat "$T/help3.txt")" 'Digits of a price in reverse' "and the flash"
unlike "$(cat "$T/help3.txt")" '-- more' "at the end, no more"
is "$(cat "$T/help4.txt")" "$(cat "$T/help3.txt")" "j at the end stays"
ok_unless "C-u scrolls back up" cmp -s "$T/help4.txt" "$T/help5.txt"
is "$(cat "$T/help6.txt")" "$(cat "$T/help1.txt")" "g: back to the top"
is "$(cat "$T/help7.txt")" "$(cat "$T/help1.txt")" "k at the top stays"

# Offline from the start: the rows marked !, the legend under them.
LINES=24 COLUMNS=80 run offline -o watchlist="HSI HSTECH 700 9988 BABA" <<EOF
:save-display $T/off.txt
EOF
like "$(sed -n 3p "$T/off.txt")" '^!HSI ' "offline: the rows marked"
like "$(cat "$T/off.txt")" ' Marks on the watchlist:' "the legend under them"
like "$(cat "$T/off.txt")" ' !  before a code: its last refresh failed' "saying what ! means"

# Many rows: the legend keeps its room, the rows scroll above it.
LINES=24 COLUMNS=80 run offline-long -o watchlist="HSI HSTECH 700 9988 BABA 5 388 1299 941 883 2318 3690 1810 9618 9999 1024 2020 9888 175 1211" <<EOF
G
:save-display $T/long.txt
EOF
like "$(sed -n 23p "$T/long.txt")" 'Digits of a price in reverse' "20 rows: the legend at the bottom"
like "$(cat "$T/long.txt")" '!1211 ' "the last row scrolled into sight above it"

# An empty list says how to add one, and the legend.
LINES=24 COLUMNS=80 run empty -o watchlist="" <<EOF
:save-display $T/empty.txt
EOF
like "$(sed -n 3p "$T/empty.txt")" 'The watchlist is empty' "empty: how to add"
like "$(cat "$T/empty.txt")" 'Marks on the watchlist:' "and the legend"

done_testing
