#!/bin/sh
# screenshots.sh - the README's pictures, remade from the demo market:
# `hktop --demo` runs in a private tmux server at 120x36, each screen (the
# dashboard, the detail view, the heatmap) is captured with its colours
# (tmux capture-pane -e) and drawn to SVG by tools/ansi2svg.py. The demo
# starts at 11:00, three quarters of an hour into its rally; the detail
# view is of Alibaba.
#
#	tools/screenshots.sh [HKTOP [OUTDIR]]     (default: src/hktop doc)
#
# Needs tmux and python3 (./bootstrap installs them). The demo's prices
# are random (seeded: HKTOP_DEMO_SEED) and its clock is the real one, so
# two runs differ in their figures, not in their layout.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
hktop=$(cd "$(dirname "${1:-src/hktop}")" && pwd)/$(basename "${1:-src/hktop}")
out=${2:-doc}
cols=120 rows=36
sock=hktop-shots-$$
tmp=$(mktemp -d)
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT
command -v tmux >/dev/null || { echo "screenshots: tmux is not installed" >&2; exit 1; }

# A home of its own: no saved watchlist or columns of the user's.
tmux -L "$sock" -f /dev/null new-session -d -x $cols -y $rows \
	"env TERM=tmux-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME=$tmp XDG_STATE_HOME=$tmp/state \
	XDG_CONFIG_HOME=$tmp/config HKTOP_DEMO_SEED=${HKTOP_DEMO_SEED:-7} '$hktop' --demo -o demo.start=11:00"

# shot NAME: wait for the screen to settle, then capture and convert it.
shot()
{
	sleep 1.5
	tmux -L "$sock" capture-pane -p -e > "$tmp/$1.ansi"
	python3 "$here/ansi2svg.py" $cols $rows < "$tmp/$1.ansi" > "$out/$1.svg"
	echo "screenshots: $out/$1.svg"
}

mkdir -p "$out"
shot screen-dashboard
tmux -L "$sock" send-keys j j j Enter
shot screen-detail
tmux -L "$sock" send-keys Escape m
shot screen-heatmap
tmux -L "$sock" send-keys q
