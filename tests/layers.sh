#!/bin/sh
# layers.sh - src/ keeps its layers: tools/layers.sh passes on the tree,
# and fails on a copy with a forbidden include, a cycle, a header named
# without its layer, or curses outside tui/.
. "$(dirname "$0")/lib.sh"
setup_tmp
CHECK=$top_srcdir/tools/layers.sh
SRC=$top_srcdir/src

out=$(sh "$CHECK" "$SRC" 2>&1)
is "$?" 0 "the tree keeps its layers"
is "$out" "" "and says nothing"

# plant LAYER/FILE LINE: a copy of src/ with LINE added to LAYER/FILE,
# checked; $rc and $out are the checker's.
plant()
{
	rm -rf "$T/src"
	cp -R "$SRC" "$T/src"
	printf '%s\n' "$2" >> "$T/src/$1"
	out=$(sh "$CHECK" "$T/src" 2>&1)
	rc=$?
}

plant model/board.c '#include "tui/ui.h"'
is "$rc" 1 "a model file including the tui fails"
like "$out" '^model/board\.c:[0-9]*: model/ may not include tui/ui\.h$' "naming the file, line and edge"

plant base/text.c '#include "model/symbol.h"'
is "$rc" 1 "base including model fails: base is the bottom"

plant model/symbol.h '#include "app/app.h"'
is "$rc" 1 "an upward include from a header fails too"

# A cycle needs an upward edge somewhere: both directions are caught.
plant net/http.c '#include "tui/screen.h"'
is "$rc" 1 "net -> tui (tui -> net would close a cycle) fails"

plant tui/screen.c '#include "config/options.h"'
is "$rc" 1 "tui reaches config for the key table only"
plant tui/screen.c '#include "config/keys.h"'
is "$rc" 0 "and the key table it may"

plant layout/chart.c '#include <curses.h>'
is "$rc" 1 "curses outside tui/ fails"
like "$out" '<curses\.h> belongs to tui/ only' "and says where it belongs"

plant model/board.c '#include <curl/curl.h>'
is "$rc" 1 "libcurl outside net/ fails"

plant model/board.c '#include "symbol.h"'
is "$rc" 1 "a header not named by its path fails"

mkdir -p "$T/src/extra" && : > "$T/src/extra/x.c"
out=$(sh "$CHECK" "$T/src" 2>&1)
is "$?" 1 "a folder that is no layer fails"

# The ways round the check a reviewer tried: each must fail.
plant model/board.c '#include "model/../tui/ui.h"'
is "$rc" 1 "a path with .. in it fails"
plant model/board.c '#include <tui/ui.h>'
is "$rc" 1 "our header in angle brackets fails"
plant model/board.c '#define H "tui/ui.h"
#include H'
is "$rc" 1 "an include through a macro fails"
plant model/board.c '#include <ncursesw/ncurses.h>'
is "$rc" 1 "curses under another name fails"
plant model/board.c '#include <curl/multi.h>'
is "$rc" 1 "any libcurl header outside net/ fails"
rm -rf "$T/src" && cp -R "$SRC" "$T/src" && mkdir -p "$T/src/model/sub" &&
	printf '#include "tui/ui.h"\n' > "$T/src/model/sub/x.c"
out=$(sh "$CHECK" "$T/src" 2>&1)
is "$?" 1 "a source file deeper than its layer folder fails"
rm -rf "$T/src" && cp -R "$SRC" "$T/src" && printf '#include "tui/ui.h"\n' > "$T/src/model/x.inc"
out=$(sh "$CHECK" "$T/src" 2>&1)
is "$?" 1 "a .inc file is checked like a header"

plant app/app.c '#include "cli/quote_report.h"'
is "$rc" 1 "app including cli fails: cli is the top"
plant cli/main.c '#include "app/app.h"'
is "$rc" 0 "cli including app is allowed"

done_testing
