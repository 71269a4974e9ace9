#!/bin/sh
# signals.sh - the terminal is given back on every way out: q, SIGINT,
# SIGTERM, SIGHUP, SIGQUIT, a crash (mouse reporting off too); and a terminal that hangs up ends
# hktop instead of leaving it spinning. hktop runs on a pty from script(1), which
# logs every byte it writes; "given back" means the log ends with the
# alternate screen left (rmcup) after the signal.
. "$(dirname "$0")/lib.sh"
setup_tmp

if ! command -v script >/dev/null 2>&1; then
	tap_plan 0
	echo "# SKIP script(1) (util-linux) is not installed"
	exit 0
fi
export TERM=xterm-256color HOME="$T" XDG_STATE_HOME="$T/state" XDG_CONFIG_HOME="$T/config"
unset HKTOP_SCRIPT NO_COLOR

# on_pty NAME COMMAND [STDIN]: run the shell COMMAND on a pty of 24x80
# from script(1), logging to $T/NAME.log; waits for hktop's first screen.
on_pty()
{
	: > "$T/$1.log"
	script -qefc "ulimit -c 0; stty rows 24 cols 80; $2" "$T/$1.log" > /dev/null 2>&1 < "${3:-/dev/null}" &
	spid=$!
	k=0
	until grep -q 'DEMO' "$T/$1.log" 2>/dev/null || [ $k -ge 200 ]; do
		sleep 0.05
		k=$((k + 1))
	done
}

# start NAME [hktop args]: hktop --demo as the pty's own process.
start()
{
	on_pty "$1" "exec '$HKTOP' --demo"
}

# wait_gone PID [TICKS]: wait up to TICKS x 50 ms (default 10 s) for PID to end.
wait_gone()
{
	k=0
	while kill -0 "$1" 2>/dev/null && [ $k -lt "${2:-200}" ]; do
		sleep 0.05
		k=$((k + 1))
	done
	! kill -0 "$1" 2>/dev/null
}

# finish NAME: wait for script(1) to end; rc is "done" or "timeout", and
# status hktop's exit status as script -e passes it on (128 + n when a
# signal ended it, as a shell has it).
finish()
{
	if wait_gone "$spid"; then
		rc=done
	else
		pkill -KILL -P "$spid" 2>/dev/null
		kill -KILL "$spid" 2>/dev/null
		rc=timeout
	fi
	wait "$spid" 2>/dev/null
	status=$?
}

restored()
{
	# After the last time the alternate screen was entered, it was left
	# (a sanitizer's crash report may follow on the same terminal).
	perl -0777 -ne 'exit(/\e\[\?1049h(?!.*\e\[\?1049h).*\e\[\?1049l/s ? 0 : 1)' "$T/$1.log"
}

# After the last time mouse reporting was turned on (xterm's 1000 mode,
# alone or with others such as 1006), it was turned off.
mouse_off()
{
	perl -0777 -ne 'exit(/\e\[\?[0-9;]*1000[0-9;]*h(?!.*\e\[\?[0-9;]*1000[0-9;]*h).*\e\[\?[0-9;]*1000[0-9;]*l/s ? 0 : 1)' "$T/$1.log"
}

for sig in INT TERM HUP QUIT SEGV ABRT BUS FPE ILL; do
	start "sig$sig"
	pkill "-$sig" -P "$spid" 2>/dev/null
	finish "sig$sig"
	is "$rc" done "SIG$sig: hktop ends"
	ok_if "SIG$sig: the terminal is restored" restored "sig$sig"
	ok_if "SIG$sig: mouse reporting is off" mouse_off "sig$sig"
	# Ended by a signal, never a success: a shell loop stops on ^C, a
	# supervisor sees hktop was stopped. (A crash's status is left to
	# whoever handles it: a sanitizer exits 1.)
	case $sig in
	HUP) n=1 ;;
	INT) n=2 ;;
	QUIT) n=3 ;;
	TERM) n=15 ;;
	*) continue ;;
	esac
	is "$status" $((128 + n)) "SIG$sig: the status says so (128 + $n)"
done

# A terminal that cannot move the cursor is refused with the cause and
# status 1, as an unknown one is (TERM=dumb used to get a status line and
# nothing else, for good).
for term in dumb no-such-terminal; do
	: > "$T/$term.err"
	TERM=$term script -qefc "exec '$HKTOP' --demo 2> '$T/$term.err'" /dev/null \
		> /dev/null 2>&1 < /dev/null &
	spid=$!
	finish
	is "$rc" done "TERM=$term: hktop ends at once"
	is "$status" 1 "TERM=$term: status 1"
	like "$(cat "$T/$term.err")" "^hktop: .*terminal type '$term'" "TERM=$term: saying why"
done
like "$(cat "$T/dumb.err")" 'cannot move the cursor' "dumb: it cannot move the cursor"
TERM=$(printf 'x\033]0;owned\a') script -qec "exec '$HKTOP' --demo 2> '$T/esc.err'" /dev/null \
	> /dev/null 2>&1 < /dev/null
like "$(cat "$T/esc.err")" "terminal type" "a TERM with control characters is refused"
unlike "$(cat "$T/esc.err")" "$(printf '[\033\a]')" "and they are not printed"

# A resize, then keys: the resize is taken once, the keys still work (a
# KEY_RESIZE that made another resize used to loop forever).
mkfifo "$T/keys"
exec 9<> "$T/keys"           # held open: script(1) reads keys from it
on_pty resize "exec '$HKTOP' --demo" "$T/keys"
hkpid=$(pgrep -P "$spid" -x hktop | head -n 1)
ok_if "hktop runs on the pty" test -n "$hkpid"
stty -F "$(readlink "/proc/$hkpid/fd/0")" rows 30 cols 100 2>/dev/null
kill -WINCH "$hkpid"
sleep 0.3
printf 'j' >&9
sleep 0.3
printf 'q' >&9
finish resize
exec 9>&-
is "$rc" done "after a resize, keys still reach hktop: q quits"
is "$status" 0 "q: status 0"
ok_if "and the terminal is restored" restored resize

# A terminal that hangs up without sending hktop a SIGHUP (the session
# leader ignores it and does not pass it on): hktop sees its input gone and
# ends, instead of spinning on a dead descriptor.
on_pty hup "trap '' HUP; '$HKTOP' --demo 2> '$T/hup.err'; sleep 30"
shpid=$(pgrep -P "$spid" | head -n 1)
hkpid=$(pgrep -P "$shpid" -x hktop | head -n 1)
ok_if "hktop runs under the shell" test -n "$hkpid"
kill -KILL "$spid"           # the pty's master closes: a hangup
if wait_gone "$hkpid" 100; then
	pass "a hung-up terminal ends hktop"
else
	fail "a hung-up terminal ends hktop"
	kill -KILL "$hkpid" 2>/dev/null
fi
pkill -KILL -P "$shpid" 2>/dev/null
kill -KILL "$shpid" 2>/dev/null
like "$(cat "$T/hup.err")" 'terminal hung up' "saying why"

done_testing
