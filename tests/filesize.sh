#!/bin/sh
# filesize.sh - one job per file: no tracked src/LAYER/*.c is over 600
# lines (the generated src/base/builtin.c aside). A file that grows past
# it is split by job, as chart.c was into chart.c and chart_axis.c; the
# limit is not raised. The check itself is tried on planted trees too.
. "$(dirname "$0")/lib.sh"
setup_tmp
MAX=600

# The sources of the tree at $1: git's list when $1 is the top of a git
# checkout (a scratch file nobody added does not count), else every
# src/*/*.c there, as in a tarball, which holds the tracked files only.
sources()
{
	if [ "$(git -C "$1" rev-parse --show-toplevel 2>/dev/null)" = "$(cd "$1" && pwd -P)" ]; then
		git -C "$1" ls-files 'src/*.c'
	else
		(cd "$1" && ls src/*/*.c 2>/dev/null)
	fi | grep '^src/[^/]*/[^/]*\.c$' | grep -v '^src/base/builtin\.c$'
}

# One line "FILE: N lines" per source of the tree at $1 over $MAX lines.
oversize()
{
	sources "$1" | while IFS= read -r f; do
		[ -f "$1/$f" ] || continue
		n=$(wc -l < "$1/$f")
		[ "$n" -gt "$MAX" ] && echo "$f: $n lines"
	done
}

# lines FILE N: a file of N lines.
lines()
{
	mkdir -p "$(dirname "$1")"
	awk -v n="$2" 'BEGIN { for (i = 1; i <= n; i++) print "/* " i " */" }' > "$1"
}

n=$(sources "$top_srcdir" | wc -l)
ok_if "the tree's sources are found ($n)" [ "$n" -ge 50 ]
is "$(oversize "$top_srcdir")" "" "no source file is over $MAX lines"

tree=$T/tree
lines "$tree/src/model/big.c" 601
lines "$tree/src/model/full.c" 600
lines "$tree/src/base/builtin.c" 5000
lines "$tree/src/tui/long.h" 700
lines "$tree/src/layout/deep/deep.c" 700
is "$(oversize "$tree")" "src/model/big.c: 601 lines" \
	"601 lines is too many; 600, a header, a deeper file and builtin.c pass"

if command -v git > /dev/null; then
	git -C "$tree" init -q && git -C "$tree" add src/model/full.c src/base/builtin.c
	is "$(oversize "$tree")" "" "in a git checkout only tracked files count"
	git -C "$tree" add src/model/big.c
	is "$(oversize "$tree")" "src/model/big.c: 601 lines" "and a tracked one over $MAX fails"
else
	pass "only tracked files count # SKIP no git"
	pass "a tracked one over $MAX fails # SKIP no git"
fi
done_testing
