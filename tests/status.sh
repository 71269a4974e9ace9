#!/bin/sh
# status.sh - messages stay readable: an error on the status line stays
# until a success of its own kind or x dismisses it, long causes are cut
# at a word with the essential part first, and M lists every warning and
# error of the session, newest first, with time and source. At 80x24 and
# 120x40. Frozen clock, no sleeps.
. "$(dirname "$0")/lib.sh"
setup_tmp
F=$FIXTURES

# Quotes from 2026-08-07; the clock is frozen at 16:10:00 HKT that day.
cat > "$T/rules" <<RULES
* 200 $F/tencent-batch.gbk.txt
RULES
start_httpd "$T/rules"
GOOD=$BASE

export TERM=xterm-256color LINES=24 COLUMNS=80 HKTOP_NOW=1786090200
unset NO_COLOR

# screen NAME BASE [hktop args...] < script: run the script, dumps in $T/NAME.*
screen()
{
	name=$1 base=$2
	shift 2
	cat > "$T/$name.script"
	if [ -n "${LIST_CONF:-}" ]; then
		set -- -c "$LIST_CONF" "$@"
	else
		set -- -o watchlist="HSI HSTECH 700 9988 BABA" "$@"
	fi
	HKTOP_SCRIPT="$T/$name.script" run_with_timeout 30 "$HKTOP" \
		-o tencent.quote_url="$base" -o quotes.failover=no -o news.sources=none \
		"$@"
	is "$rc" 0 "$name: exit 0"
	is "$(cat "$T/err")" "" "$name: nothing on stderr"
}

# A config complaint outlives the first "Updated".
printf 'refresh = 5\nno.such.key = 1\nother.key = 2\n' > "$T/bad.conf"
screen config "$GOOD" -c "$T/bad.conf" <<EOF
:save-display $T/config1.txt
r
:save-display $T/config2.txt
x
:save-display $T/config3.txt
EOF
like "$(sed -n 24p "$T/config1.txt")" "^ .*bad\.conf:2: .*no\.such\.key.* \(\+1 more\)$" "a config complaint is not replaced by the first Updated"
like "$(sed -n 24p "$T/config2.txt")" "^ .*bad\.conf:2: .*no\.such\.key" "nor by the next refresh"
like "$(sed -n 24p "$T/config3.txt")" "^ .*bad\.conf:3: .*other\.key" "x dismisses it: the next one shows"

# The state directory is a file: the saved watchlist can be neither read
# nor written, for root too.
: > "$XDG_STATE_HOME/hktop"
# The list comes from a config file, so the saved one would be used.
printf 'watchlist = HSI HSTECH 700 9988 BABA\n' > "$T/list.conf"
LIST_CONF=$T/list.conf
screen state "$GOOD" <<EOF
:save-display $T/state1.txt
G
d
:save-display $T/state2.txt
j
r
:save-display $T/state3.txt
M
:save-display $T/state-msgs.txt
x
M
:save-display $T/state4.txt
EOF
like "$(sed -n 24p "$T/state1.txt")" "^ .*hktop/watchlist: .*Not a directory.*using the config's watchlist" \
	"a state-load error is not replaced by Updated"
like "$(sed -n 24p "$T/state2.txt")" "^ Removed BABA; not saved: .*Not a directory" "a removal that cannot be saved says so"
like "$(sed -n 24p "$T/state3.txt")" "^ Removed BABA; not saved: .*Not a directory" "and it stays through keys and refreshes"
like "$(sed -n 24p "$T/state3.txt")" '\(\+1 more\)' "with a count of the others still open"
is "$(sed -n 2p "$T/state-msgs.txt")" " Messages, newest first (x dismisses the status line's; Esc goes back)" \
	"M: the messages view"
like "$(sed -n 3p "$T/state-msgs.txt")" '^\*16:10:00 state  error Removed BABA; not saved:' "newest first, with time, source and level"
like "$(sed -n 4p "$T/state-msgs.txt")" '^ {23}[^ ]' "long causes wrap under the text"
like "$(cat "$T/state-msgs.txt")" "^\*16:10:00 config error .*hktop/watchlist: " "the load error, a complaint about a file, still open below it"
like "$(sed -n 24p "$T/state4.txt")" "^ .*hktop/watchlist: .*Not a directory" "x dismisses one: the next open one shows"
rm -f "$XDG_STATE_HOME/hktop"
LIST_CONF=

# No network at 80 columns: the hint to --demo shows, the cause is cut at
# a word, and the whole of it is in the messages view.
screen offline "http://127.0.0.1:1" <<EOF
:save-display $T/offline.txt
M
:save-display $T/offline-msgs.txt
EOF
like "$(sed -n 24p "$T/offline.txt")" '^ No quotes, retrying in 10s \(offline\? try hktop --demo\): tencent: HSI: .*…$' \
	"offline at 80 columns: the --demo hint shows"
like "$(sed -n 24p "$T/offline.txt")" ': tencent: HSI: Failed…$' "and the cause is cut after a whole word"
like "$(cat "$T/offline-msgs.txt")" "Couldn't connect to server" "the messages view has the whole cause"
NO_COLOR=1 screen offline-mono "http://127.0.0.1:1" <<EOF
:save-colors $T/offline-mono.colors
EOF
is "$(sed -n 48p "$T/offline-mono.colors" | cut -c1-8)" "rrrrrrrr" "NO_COLOR: the error is in reverse video"

# 120x40: the messages view with several sources.
LINES=40 COLUMNS=120 screen wide "$GOOD" -c "$T/bad.conf" <<EOF
/
=NOT-A-SYMBOL
<Enter>
M
:save-display $T/wide.txt
:save-colors $T/wide.colors
q
:save-display $T/wide-back.txt
EOF
like "$(sed -n 3p "$T/wide.txt")" '^ 16:10:00 key    error "NOT-A-SYMBOL": not a symbol' "120x40: a key's error, resolved by the next key"
like "$(sed -n 4p "$T/wide.txt")" "^\*16:10:00 config error .*bad\.conf:2: " "the config complaint, still open"
like "$(sed -n 40p "$T/wide-back.txt")" "^ .*bad\.conf:2: \"no\.such\.key\"" "q goes back; the status line keeps the warning"

# --demo names the demo as the source everywhere, and the header shows the
# session of the demo's clock: demo.start (10:00) of the latest full
# trading day, here the day of HKTOP_NOW.
HKTOP_DEMO_SEED=7 screen demo "http://127.0.0.1:1" --demo <<EOF
:save-display $T/demo1.txt
<Enter>
:save-display $T/demo2.txt
EOF
like "$(sed -n 1p "$T/demo1.txt")" ' DEMO  HSI .* Morning session 10:00 HKT$' "--demo: the header shows the session of the demo's clock"
like "$(sed -n 24p "$T/demo1.txt")" '^ Updated 10:00:00 .* demo 0s old \| 5 \| \? help$' "--demo: the status line names the demo, its quotes current"
unlike "$(cat "$T/demo1.txt" "$T/demo2.txt")" 'tencent' "--demo: tencent is named nowhere"
like "$(cat "$T/demo2.txt")" 'Quote 2026-08-07T10:00:00\+08:00, 0s old, from demo' "--demo: the detail view's quote is from demo"
# On a Sunday the demo plays Friday. Its clock's keys: . pauses and steps a
# minute, here into the lunch break, whose quotes are the morning's last;
# z resumes.
LINES=10 COLUMNS=80 HKTOP_NOW=1786248000 HKTOP_DEMO_SEED=7 screen demo-lunch "http://127.0.0.1:1" --demo -o demo.start=11:59 <<EOF
:save-display $T/demo3.txt
.
:save-display $T/demo4.txt
<Enter>
:save-display $T/demo5.txt
z
:save-display $T/demo6.txt
J
:save-display $T/demo7.txt
EOF
like "$(sed -n 1p "$T/demo3.txt")" ' Morning session 11:59 HKT$' "--demo -o demo.start=11:59: the morning session"
like "$(sed -n 1p "$T/demo4.txt")" ' Lunch break paused 12:00 HKT$' ". steps a minute into lunch, paused"
like "$(sed -n 10p "$T/demo4.txt")" '^ Updated 12:00:00 ' "and refreshes"
like "$(cat "$T/demo5.txt")" 'Quote 2026-08-07T12:00:00\+08:00, .* from demo' "Friday's quote, as of the lunch break"
like "$(sed -n 10p "$T/demo6.txt")" '^ Demo running from 12:00 HKT at 60x' "z resumes at demo.speed"
like "$(sed -n 10p "$T/demo7.txt")" '^ J jumps in --replay; the demo has z to pause and \. to step' \
	"J in the demo: not 'Not a replay: pause, step and jump are for --replay'"
screen live-z "$GOOD" <<EOF
z
:save-display $T/live-z.txt
EOF
like "$(sed -n 24p "$T/live-z.txt")" '^ z \. J: live quotes keep no clock to stop; --demo and --replay do' \
	"z on live quotes: where it works"

LINES=90 COLUMNS=120 screen help "$GOOD" <<EOF
?
:save-display $T/help.txt
EOF
like "$(cat "$T/help.txt")" '^  M                     view-messages   Show the session.s warnings and errors, newest first$' "? lists M"
like "$(cat "$T/help.txt")" '^  x                     dismiss         Dismiss the error on the status line$' "and x"
like "$(cat "$T/help.txt")" '^  Which list: SYMBOLs given > -o watchlist > saved list > config > default\.$' "? says which list a run uses"
like "$(cat "$T/help.txt")" '^  M: every warning and error of this session, newest first; x dismisses one\.$' "and what the messages view holds"

done_testing
