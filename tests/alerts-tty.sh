#!/bin/sh
# alerts-tty.sh - a firing on a real terminal: hktop --demo on a pty from
# script(1), whose log holds every byte written. The notification sequence
# is the one the environment asks for (OSC 9, OSC 777, OSC 99, wrapped for
# tmux's passthrough), it comes out whole after a screen update, and
# alerts.command runs once, with no shell, HKTOP_ALERT_* set and no
# descriptor of hktop's but 0-2.
. "$(dirname "$0")/lib.sh"
setup_tmp

if ! command -v script >/dev/null 2>&1; then
	tap_plan 0
	echo "# SKIP script(1) (util-linux) is not installed"
	exit 0
fi
export TERM=xterm-256color HOME="$T" XDG_STATE_HOME="$T/state" XDG_CONFIG_HOME="$T/config"
# A trading day's morning, so that the demo's quotes are not pre-open.
export HKTOP_NOW=1796263200
unset HKTOP_SCRIPT NO_COLOR TERM_PROGRAM KITTY_WINDOW_ID TMUX VTE_VERSION KONSOLE_VERSION
mkdir -p "$XDG_CONFIG_HOME/hktop"
printf '# the demo has 0700 near 480\n700 above 1\n' > "$XDG_CONFIG_HOME/hktop/alerts"

# The command: what it was given, and which descriptors above 2 it has
# (dash keeps its script on 10).
cat > "$T/cmd" <<'EOF2'
#!/bin/sh
fds=
for n in 3 4 5 6 7 8 9 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32; do
	[ -e /proc/$$/fd/$n ] && fds="$fds $n"
done
[ -t 1 ] && fds="$fds tty"
printf '%s|%s|%s|%s|%s|fds:%s\n' "$1" "$HKTOP_ALERT_SYMBOL" "$HKTOP_ALERT_RULE" \
	"$HKTOP_ALERT_PRICE" "$HKTOP_ALERT_TIME" "$fds" >> "$0.log"
EOF2
chmod +x "$T/cmd"

# What says which terminal this is: none of the one running the tests.
CLEAN="-u TMUX -u TERM_PROGRAM -u KITTY_WINDOW_ID -u LC_TERMINAL -u ITERM_SESSION_ID
	-u WEZTERM_PANE -u GHOSTTY_RESOURCES_DIR -u VTE_VERSION -u KONSOLE_VERSION"

# run NAME WANT [ENV=VALUE...] [-- hktop args]: hktop --demo on a pty until
# its log holds WANT (a grep -a pattern) or 10 s pass, then SIGTERM.
run()
{
	name=$1 want=$2
	shift 2
	: > "$T/$name.log"
	rm -f "$XDG_STATE_HOME/hktop/alerts-fired"
	env $CLEAN "$@" script -qefc "stty rows 24 cols 80; exec '$HKTOP' --demo -o alerts.command='$T/cmd'" \
		"$T/$name.log" > /dev/null 2>&1 < /dev/null &
	spid=$!
	k=0
	until grep -aq "$want" "$T/$name.log" 2>/dev/null || [ $k -ge 200 ]; do
		sleep 0.05
		k=$((k + 1))
	done
	sleep 0.3 # a second firing, were there one, would be out by now
	pkill -TERM -P "$spid" 2>/dev/null
	wait "$spid" 2>/dev/null
}

ESC=$(printf '\033')
BEL=$(printf '\007')
MSG='hktop: 0700 already above 1 at start: [0-9.]*'

run osc9 "$ESC]9;" TERM_PROGRAM=iTerm.app
ok_if "iTerm2: OSC 9 with the alert" grep -aq "$ESC]9;$MSG$BEL" "$T/osc9.log"
# After the first screen (its header), never before or inside it.
is "$(grep -ao "DEMO.*$ESC]9;" "$T/osc9.log" | head -c 4)" "DEMO" "after a screen update"
is "$(grep -c . "$T/cmd.log")" 1 "alerts.command ran once"
like "$(cat "$T/cmd.log")" \
	'^0700 already above 1 at start: [0-9.]*\|0700\|0700 above 1 once\|[0-9.]*\|2026-12-03T10:00:00\+08:00\|fds:$' \
	"its argument is the message, HKTOP_ALERT_* are set, no descriptor of ours, no terminal"

run tmux "${ESC}Ptmux;" TERM_PROGRAM=iTerm.app TMUX=/tmp/tmux-0/default,1,0
ok_if "inside tmux: wrapped for passthrough, ESC doubled" grep -aq "${ESC}Ptmux;$ESC$ESC]9;$MSG$BEL$ESC\\\\" "$T/tmux.log"

# tmux 3.2 on puts TERM_PROGRAM=tmux in its panes; iTerm2's LC_TERMINAL
# is still there.
run tmux2 "${ESC}Ptmux;" TERM_PROGRAM=tmux LC_TERMINAL=iTerm2 TERM=tmux-256color \
	TMUX=/tmp/tmux-0/default,1,0
ok_if "iTerm2 outside tmux 3.2+ (TERM_PROGRAM=tmux): OSC 9, wrapped" \
	grep -aq "${ESC}Ptmux;$ESC$ESC]9;$MSG$BEL$ESC\\\\" "$T/tmux2.log"

run osc777 "$ESC]777;" VTE_VERSION=7600
ok_if "a VTE terminal: OSC 777 notify" grep -aq "$ESC]777;notify;hktop;0700 already above 1 at start: [0-9.]*$BEL" "$T/osc777.log"

run osc99 "$ESC]99;" KITTY_WINDOW_ID=1
ok_if "kitty: OSC 99, title and body" grep -aq "$ESC]99;i=hktop-1:d=0;hktop$ESC\\\\$ESC]99;i=hktop-1:d=1:p=body;0700 already" "$T/osc99.log"

run plain "$BEL" TERM_PROGRAM=Apple_Terminal
ok_unless "an unknown terminal: the bell, no notification sequence" grep -aq "$ESC][0-9]*;.*already above" "$T/plain.log"

# One rule firing for every name at once: its command runs once while the
# first is still running (it sleeps), not once a name.
printf '* above 1 always\n' > "$XDG_CONFIG_HOME/hktop/alerts"
cat > "$T/slow" <<'EOF2'
#!/bin/sh
echo "$HKTOP_ALERT_SYMBOL" >> "$0.log"
sleep 1
EOF2
chmod +x "$T/slow"
: > "$T/slow.log"
: > "$T/every.log"
env $CLEAN TERM_PROGRAM=iTerm.app script -qefc "stty rows 24 cols 80; exec '$HKTOP' --demo -o alerts.command='$T/slow'" \
	"$T/every.log" > /dev/null 2>&1 < /dev/null &
spid=$!
k=0
until [ "$(grep -ao "$ESC]9;" "$T/every.log" | wc -l)" -ge 5 ] || [ $k -ge 200 ]; do
	sleep 0.05
	k=$((k + 1))
done
sleep 0.3
pkill -TERM -P "$spid" 2>/dev/null
wait "$spid" 2>/dev/null
ok_if "a * rule fired for many names" [ "$(grep -ao "$ESC]9;" "$T/every.log" | wc -l)" -ge 5 ]
is "$(grep -c . "$T/slow.log")" 1 "its command ran once: at most one running per rule"

done_testing
