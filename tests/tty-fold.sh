#!/bin/sh
# tty-fold.sh - every screen update reaches the terminal whole while /tmp
# is full. An update goes out folded (ui_flush.c): curses writes it to a
# file of ours first. When that file lived in /tmp, a full /tmp lost the
# update's bytes while curses counted them drawn, and the screen stayed
# wrong until a full redraw; the file is memory now. hktop --demo runs on
# a pty from script(1) in a mount namespace whose /tmp is a tmpfs that a
# file fills once the first screen is out; the heatmap (m) and the help
# (?) must then show on the pty, replayed through python3-pyte.
. "$(dirname "$0")/lib.sh"

if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null 2>&1 || ! unshare -m true 2>/dev/null; then
	tap_plan 0
	echo "# SKIP needs root and mount namespaces (CI runs as root)"
	exit 0
fi
python=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import pyte' 2>/dev/null; then python=$p; break; fi
done
for tool in script $python; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		tap_plan 0
		echo "# SKIP script(1) or python3-pyte is not installed (bootstrap installs them)"
		exit 0
	fi
done

# In the build tree. The namespace's /tmp covers it when the tree is
# under /tmp, so there everything is reached from the current directory,
# which stays the one below: the binary is copied in, paths are relative.
D=$(pwd)/tty-fold.d
rm -rf "$D"
mkdir -p "$D"
T=$D # for run_with_timeout
trap 'rm -rf "$D"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
cp "$HKTOP" "$D/hktop"
export TERM=xterm-256color
unset HKTOP_SCRIPT NO_COLOR TMPDIR

mkfifo "$D/keys"
run_with_timeout 60 unshare -m sh -c '
	cd "$1" || exit 98
	mount -t tmpfs -o size=256k tmpfs /tmp || exit 99
	mkdir /tmp/home
	export HOME=/tmp/home XDG_STATE_HOME=/tmp/home/state XDG_CONFIG_HOME=/tmp/home/config
	exec 3<>keys
	# script(1) runs $SHELL, and bash would make ./hktop a path by its name.
	SHELL=/bin/sh script -qfc "stty rows 40 cols 120; exec ./hktop --demo -o refresh=3600" \
		tty.log > /dev/null 2>&1 < keys &
	spid=$!
	# grown SIZE: the pty log past SIZE bytes and then still.
	grown() {
		k=0
		while [ "$(stat -c %s tty.log 2>/dev/null || echo 0)" -le "$1" ] && [ $k -lt 200 ]; do
			sleep 0.05; k=$((k + 1))
		done
		last=-1
		while [ "$(stat -c %s tty.log)" != "$last" ] && [ $k -lt 400 ]; do
			last=$(stat -c %s tty.log); sleep 0.3; k=$((k + 1))
		done
	}
	grown 0
	# /tmp full from here.
	dd if=/dev/zero of=/tmp/fill bs=4k 2>/dev/null
	df -k /tmp | awk "NR == 2 { print \$4 }" > free
	for key in m "?"; do
		size=$(stat -c %s tty.log)
		printf "%s" "$key" >&3
		grown "$size"
		cp tty.log "after-$key"
	done
	printf qq >&3
	wait $spid
' sh "$D"
is "$rc" 0 "hktop ran and quit on a pty with /tmp full"
is "$(cat "$D/free" 2>/dev/null)" 0 "/tmp was full (0 KiB free)"

# screen FILE: the pty's screen after FILE's bytes.
screen()
{
	"$python" - "$1" <<'PY'
import sys, pyte
data = open(sys.argv[1], 'rb').read()
if data.startswith(b'Script started'):
    data = data[data.index(b'\n') + 1:]
s = pyte.Screen(120, 40)
pyte.ByteStream(s).feed(data)
print('\n'.join(line.rstrip() for line in s.display))
PY
}

screen "$D/after-m" > "$D/screen-m"
screen "$D/after-?" > "$D/screen-help"
like "$(sed -n 2p "$D/screen-m")" "Heatmap by market cap" "m: the heatmap's title reached the terminal"
like "$(cat "$D/screen-m")" "TENCENT" "and its tiles"
unlike "$(cat "$D/screen-m")" "CHG%" "no row of the watchlist left behind"
like "$(cat "$D/screen-help")" "q .*[Qq]uit" "?: the help reached the terminal"
done_testing
