#!/bin/sh
# cli.sh - the command line: help, version, usage errors, config errors,
# --dump-config, and the man page covering every option, key and action.
. "$(dirname "$0")/lib.sh"
setup_tmp

run_with_timeout 10 "$HKTOP" --help
is "$rc" 0 "--help exits 0"
like "$(cat "$T/out")" '^Usage: hktop' "--help starts with a usage line"
like "$(cat "$T/out")" 'man hktop' "--help points to the man page"
is "$(cat "$T/err")" "" "--help writes nothing to stderr"

run_with_timeout 10 "$HKTOP" --version
is "$rc" 0 "--version exits 0"
like "$(cat "$T/out")" '^hktop [0-9]+\.[0-9]+' "--version prints the version"

run_with_timeout 10 "$HKTOP" --bogus
is "$rc" 2 "an unknown option exits 2"
like "$(cat "$T/err")" "Try 'hktop --help'" "and says where to look"

run_with_timeout 10 "$HKTOP" --once --format xml
is "$rc" 2 "a bad --format exits 2"
is "$(cat "$T/err")" 'hktop: --format: "xml": not a format (table, json or csv)' "and quotes it"

run_with_timeout 10 "$HKTOP" --format json
is "$rc" 2 "--format without --once exits 2"

run_with_timeout 10 "$HKTOP" --once 0700 'NOT A SYMBOL'
is "$rc" 2 "a bad symbol exits 2"
is "$(cat "$T/err")" 'hktop: "NOT A SYMBOL": not a symbol (try 700, 0700.HK, HSI or BABA)' "and quotes it"
is "$(cat "$T/out")" "" "nothing is fetched or printed"

run_with_timeout 10 "$HKTOP" --once -o refresh=0 700
is "$rc" 2 "a bad -o exits 2"
is "$(cat "$T/err")" 'hktop: -o: "0": out of range 1..3600 seconds' "and names the cause"

run_with_timeout 10 "$HKTOP" --once -o nonsense 700
is "$rc" 2 "-o without = exits 2"
is "$(cat "$T/err")" 'hktop: -o: "nonsense": expected KEY=VALUE' "and says what it wants"

# Config files: the XDG path, file:line causes, -c, HKTOP_CONFIG.
mkdir -p "$XDG_CONFIG_HOME/hktop"
printf 'refresh = 9\nnames = klingon\n' > "$XDG_CONFIG_HOME/hktop/config"
run_with_timeout 10 "$HKTOP" --dump-config
is "$rc" 2 "a bad config line exits 2 in --dump-config"
is "$(cat "$T/err")" "hktop: $XDG_CONFIG_HOME/hktop/config:2: names: \"klingon\": not one of en, zh" "file:line and cause"

printf 'refresh = 9\nwatchlist = 700 HSI BABA\n' > "$XDG_CONFIG_HOME/hktop/config"
run_with_timeout 10 "$HKTOP" --dump-config
is "$rc" 0 "--dump-config exits 0"
like "$(cat "$T/out")" '^refresh = 9$' "the XDG config is read"
like "$(cat "$T/out")" '^watchlist = 0700 HSI BABA$' "watchlist in canonical form"
like "$(cat "$T/out")" '^timeout = 10$' "defaults for the rest"

# A whole-board watchlist is printed whole, however long.
long=$(seq 1 3000 | tr '\n' ' ')
run_with_timeout 10 "$HKTOP" --dump-config -o watchlist="$long"
is "$(sed -n 's/^watchlist = //p' "$T/out" | wc -w)" 3000 "--dump-config prints all 3,000 symbols"
like "$(sed -n 's/^watchlist = //p' "$T/out")" ' 3000$' "up to the last"

run_with_timeout 10 "$HKTOP" --dump-config -o refresh=30 -o refresh=31
like "$(cat "$T/out")" '^refresh = 31$' "-o overrides the file, last one wins"

printf 'refresh = 12\n' > "$T/other.conf"
run_with_timeout 10 "$HKTOP" --dump-config -c "$T/other.conf"
like "$(cat "$T/out")" '^refresh = 12$' "-c replaces the user file"
like "$(cat "$T/out")" '^watchlist = HSI HSTECH 0700 9988' "and the built-in watchlist applies"

run_with_timeout 10 "$HKTOP" --dump-config -c "$T/missing.conf"
is "$rc" 2 "a missing -c file exits 2"
like "$(cat "$T/err")" 'missing.conf: No such file or directory' "and says so"

HKTOP_CONFIG="$T/other.conf" run_with_timeout 10 "$HKTOP" --dump-config
like "$(cat "$T/out")" '^refresh = 12$' "HKTOP_CONFIG is read first"

rm -f "$XDG_CONFIG_HOME/hktop/config"
mkdir -p "$HOME/.config/hktop"
printf 'refresh = 13\n' > "$HOME/.config/hktop/config"
XDG_CONFIG_HOME= run_with_timeout 10 "$HKTOP" --dump-config
like "$(cat "$T/out")" '^refresh = 13$' "~/.config/hktop/config without XDG_CONFIG_HOME"

# The dashboard needs a terminal; it says so instead of drawing into a pipe.
run_with_timeout 10 "$HKTOP" < /dev/null
is "$rc" 1 "no terminal: exit 1"
like "$(cat "$T/err")" 'not a terminal' "and a clear cause"

# The man page documents every option, config key and action.
man="$top_srcdir/man/hktop.1"
for opt in $("$HKTOP" --help | sed -n 's/^ *\(-., \)\{0,1\}\(--[a-z-]*\).*/\2/p'); do
	ok_if "man page documents $opt" grep -q -- "Fl $(echo "$opt" | sed 's/^--/Fl /')" "$man"
done
"$HKTOP" --help > "$T/out.help"
for key in $("$HKTOP" --dump-config | sed -n 's/ = .*//p'); do
	ok_if "man page documents the key $key" grep -q "^\.It Cm $key" "$man"
	ok_if "--help lists the key $key" grep -q "^  $key " "$T/out.help"
done
for act in $(sed -n 's/^[[:space:]]*_([A-Z_]*, *"\([a-z-]*\)".*/\1/p' "$top_srcdir/src/config/keys.h"); do
	ok_if "man page documents the action $act" grep -q "Cm $act\$" "$man"
done

done_testing
