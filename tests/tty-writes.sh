#!/bin/sh
# tty-writes.sh - a screen update leaves in a few write() calls, not one a
# cursor move (ncurses 6.4 flushes after every move until the screen has
# once been through endwin(); ui_init does that). hktop --demo runs on a
# pty from script(1) under strace, keys come through a FIFO one at a time
# once the previous screen is out; the writes to the terminal between two
# polls of the main loop are one update. Counts, not timings.
. "$(dirname "$0")/lib.sh"
setup_tmp

for tool in script strace; do
	if ! command -v $tool >/dev/null 2>&1; then
		tap_plan 0
		echo "# SKIP $tool is not installed (bootstrap installs it)"
		exit 0
	fi
done
# A container may forbid ptrace: say so rather than fail for it.
if ! strace -o /dev/null true 2>/dev/null; then
	tap_plan 0
	echo "# SKIP strace cannot trace here (ptrace not permitted)"
	exit 0
fi
export TERM=xterm-256color HOME="$T" XDG_STATE_HOME="$T/state" XDG_CONFIG_HOME="$T/config"
unset HKTOP_SCRIPT NO_COLOR

# At most this many write() calls per screen update (issue 13's budget).
MAX_WRITES=8

mkfifo "$T/keys"
# Read-write: opening the FIFO does not wait for script(1) to open it.
exec 3<>"$T/keys"
script -qfc "stty rows 40 cols 120; exec strace -o '$T/strace' -e trace=write,poll '$HKTOP' --demo -o refresh=3600" \
	"$T/tty.log" > /dev/null 2>&1 < "$T/keys" &
spid=$!

# grown SIZE: wait (up to 10 s) for the pty log to grow past SIZE bytes
# and then to stand still: the update is out.
grown()
{
	k=0
	while [ "$(stat -c %s "$T/tty.log" 2>/dev/null || echo 0)" -le "$1" ] && [ $k -lt 200 ]; do
		sleep 0.05
		k=$((k + 1))
	done
	sleep 0.2
}

grown 0
until grep -q DEMO "$T/tty.log" 2>/dev/null || [ ${k:-0} -ge 200 ]; do
	sleep 0.05
	k=$((${k:-0} + 1))
done
# j: two rows change; m, w: the whole screen is drawn anew (heatmap,
# watchlist); r: the demo's prices move.
for key in j m w r; do
	size=$(stat -c %s "$T/tty.log")
	printf '%s' "$key" >&3
	grown "$size"
done
printf q >&3
k=0
while kill -0 "$spid" 2>/dev/null && [ $k -lt 200 ]; do
	sleep 0.05
	k=$((k + 1))
done
kill "$spid" 2>/dev/null
exec 3>&-

# Write calls to the terminal (fd 1) per turn of the loop, whose poll
# waits on more than one descriptor (curses' own look for typeahead polls
# stdin alone, in the middle of an update); the turn before the first
# poll starts curses and is not an update.
awk '/^poll\(\[\{[^}]*\}, / { if (seen && n) print n; seen = 1; n = 0 }
     /^write\(1,/ { n++ }
     END { if (seen && n) print n }' "$T/strace" > "$T/updates"
updates=$(wc -l < "$T/updates")
most=$(sort -n "$T/updates" | tail -n 1)
diag "write() calls per update: $(tr '\n' ' ' < "$T/updates")"
ok_if "at least 4 screen updates after the first (saw $updates)" [ "$updates" -ge 4 ]
ok_if "each update is at most $MAX_WRITES write() calls (most: ${most:-none})" \
	[ "${most:-999}" -le "$MAX_WRITES" ]
ok_if "hktop ended on q" sh -c "! kill -0 $spid 2>/dev/null"
done_testing
