#!/bin/sh
# quoting.sh - every message that shows the user's text shows it quoted and
# without its control characters: a terminal escape in a config key, a
# config file name, an -o value, a symbol or a key-script line must not
# reach stderr raw (it could set the window title or clear the screen).
. "$(dirname "$0")/lib.sh"
setup_tmp

ESC=$(printf '\033')
BEL=$(printf '\007')

# no_control MSG FILE: FILE holds no byte below 0x20 but newline, nor DEL.
no_control()
{
	if LC_ALL=C tr -d '\n' < "$2" | LC_ALL=C grep -q '[[:cntrl:]]'; then
		fail "$1"
		diag "$(od -c "$2" | head -5)"
	else
		pass "$1"
	fi
}

printf 'refresh%s]0;pwned%s = 3\nnames = %s[2Jzh\n' "$ESC" "$BEL" "$ESC" > "$T/rc"
run_with_timeout 10 "$HKTOP" -c "$T/rc" --dump-config
is "$rc" 2 "config complaints exit 2 in --dump-config"
no_control "config complaints carry no escape" "$T/err"
is "$(cat "$T/err")" "hktop: $T/rc:1: \"refresh\": unknown key (see hktop --help)
hktop: $T/rc:2: names: \"zh\": not one of en, zh" "each quoted once, the escapes removed"

cp "$T/rc" "$T/evil${ESC}[2J"
run_with_timeout 10 "$HKTOP" -c "$T/evil${ESC}[2J" --dump-config
no_control "a config file name's escape is removed too" "$T/err"

run_with_timeout 10 "$HKTOP" --dump-config -o "refresh=${ESC}]0;x${BEL}9"
is "$rc" 2 "a bad -o exits 2"
no_control "-o complaint carries no escape" "$T/err"
is "$(cat "$T/err")" 'hktop: -o: "9": not a whole number' "and quotes the value"

run_with_timeout 10 "$HKTOP" --once "7${ESC}[2J00"
is "$rc" 2 "a bad symbol exits 2"
no_control "symbol complaint carries no escape" "$T/err"

# The saved watchlist's path comes from XDG_STATE_HOME: its notes (a bad
# line, a file that cannot be read) name it without the escape.
E="$T/e${ESC}[31mx"
mkdir -p "$E/hktop"
printf '700\nXYZ!!\n' > "$E/hktop/watchlist"
XDG_STATE_HOME=$E
run_with_timeout 10 "$HKTOP" --dump-config
no_control "a note on the saved list carries no escape of its path" "$T/err"
like "$(cat "$T/err")" "^hktop: $T/ex/hktop/watchlist:2: " "and names the line"
no_control "nor does --dump-config's output" "$T/out"
rm "$E/hktop/watchlist"
mkdir "$E/hktop/watchlist"
run_with_timeout 10 "$HKTOP" --dump-config
no_control "a saved list that cannot be read: no escape either" "$T/err"
like "$(cat "$T/err")" 'is a directory; using the default watchlist' "and says why"
XDG_STATE_HOME=$T/state

export TERM=xterm-256color LINES=10 COLUMNS=80
printf ':bogus %s]0;pwned%s\n' "$ESC" "$BEL" > "$T/script"
HKTOP_SCRIPT="$T/script" run_with_timeout 20 "$HKTOP" --demo -o news.sources=none
no_control "a bad key-script line is quoted without its escape" "$T/err"
like "$(cat "$T/err")" '^hktop: HKTOP_SCRIPT: ":bogus": unknown command' "and named"

done_testing
