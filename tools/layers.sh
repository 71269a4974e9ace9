#!/bin/sh
# layers.sh - check that src/ keeps its layers: every #include goes down
#
#	tools/layers.sh [SRCDIR]
#
# Reads every src/LAYER/*.c and *.h, takes each #include "LAYER/file.h" as
# an edge between layers, and prints one line per edge the table below does
# not allow, and per library header included outside the layer that owns
# it. Exits 1 when it printed any, 0 when the tree keeps its shape. The
# table is the one in HACKING.md; change both together.
set -u
src=${1:-$(dirname "$0")/../src}
[ -d "$src" ] || { echo "layers.sh: no directory $src" >&2; exit 2; }

# Each layer and the layers it may include, besides itself. Lowest first:
# a layer lists only layers above it in this table, so no cycle can form.
# tui may reach config/ for the key table only (config/keys.h).
allowed='
base
model base
config model base
feeds model base
layout model base
net feeds model base
tui layout model base config/keys.h
app tui net layout feeds config model base
cli app tui net layout feeds config model base
'

# System headers that belong to one layer: curses to tui/, libcurl to net/.
# A name ending in / owns every header below it.
owned='
curses.h tui
ncurses.h tui
ncursesw/ tui
ncurses/ tui
term.h tui
panel.h tui
menu.h tui
form.h tui
curl/ net
'

# Every C source or header below src/ at any depth (and what a .c may
# include by another name): one outside a layer folder is reported below.
find "$src" -type f \( -name '*.[ch]' -o -name '*.inc' -o -name '*.def' \) | sort |
while IFS= read -r f; do
	rel=${f#"$src"/}
	case $rel in
	*/*/*) echo "$rel:0:#layer-depth" ;;
	*/*) ;;
	*) echo "$rel:0:#layer-depth" ;;
	esac
	grep -n '^[[:space:]]*#[[:space:]]*include' "$f" | sed "s|^|$rel:|"
done |
awk -v allowed="$allowed" -v owned="$owned" '
BEGIN {
	n = split(allowed, rows, "\n")
	for (i = 1; i <= n; i++) {
		k = split(rows[i], w, " ")
		if (k == 0)
			continue
		known[w[1]] = 1
		for (j = 2; j <= k; j++)
			ok[w[1], w[j]] = 1
	}
	n = split(owned, rows, "\n")
	for (i = 1; i <= n; i++)
		if (split(rows[i], w, " ") == 2)
			owner[w[1]] = w[2]
	bad = 0
}
function owned_by(name,    k) {
	if (name in owner)
		return owner[name]
	for (k in owner)
		if (k ~ /\/$/ && index(name, k) == 1)
			return owner[k]
	return ""
}
{
	# rel/path.c:LINE:#include "x/y.h"
	split($0, p, ":")
	file = p[1]; line = p[2]
	if ($0 ~ /:#layer-depth$/) {
		printf "%s: not in a layer folder (src/LAYER/file)\n", file
		bad = 1
		next
	}
	from = file; sub(/\/.*/, "", from)
	inc = $0; sub(/^[^#]*#[[:space:]]*include[[:space:]]*/, "", inc)
	first = substr(inc, 1, 1)
	if (first != "\"" && first != "<") {
		printf "%s:%s: an include through a macro cannot be checked\n", file, line
		bad = 1
		next
	}
	quoted = first == "\""
	name = substr(inc, 2); sub(/[">].*/, "", name)
	if (name ~ /(^|\/)\.\.?(\/|$)/) {
		printf "%s:%s: \"%s\": no . or .. in an include path\n", file, line, name
		bad = 1
		next
	}
	top = name; sub(/\/.*/, "", top)
	if (!quoted && name ~ /\// && (top in known)) {
		printf "%s:%s: <%s>: our headers go in quotes\n", file, line, name
		bad = 1
		next
	}
	if (!(from in known)) {
		printf "%s:%s: %s/ is no layer (add it to tools/layers.sh and HACKING.md)\n", file, line, from
		bad = 1
		next
	}
	if (!quoted) {
		o = owned_by(name)
		if (o != "" && o != from) {
			printf "%s:%s: <%s> belongs to %s/ only\n", file, line, name, o
			bad = 1
		}
		next
	}
	if (name == "config.h")
		next
	if (name !~ /\//) {
		printf "%s:%s: \"%s\" is not included by its path (\"layer/%s\")\n", file, line, name, name
		bad = 1
		next
	}
	to = name; sub(/\/.*/, "", to)
	if (to == from || ok[from, to] || ok[from, name])
		next
	printf "%s:%s: %s/ may not include %s\n", file, line, from, name
	bad = 1
}
END { exit bad }
'
