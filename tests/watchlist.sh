#!/bin/sh
# watchlist.sh - the saved watchlist end to end: which list a run uses
# (SYMBOLs > -o watchlist > saved list > config file > default) in every
# mode, a saved file with unreadable lines or that cannot be read at all,
# edits that cannot be saved said on screen, and no stray temporary file.
. "$(dirname "$0")/lib.sh"
setup_tmp
F=$FIXTURES

cat > "$T/rules" <<RULES
* 200 $F/tencent-batch.gbk.txt
RULES
start_httpd "$T/rules"

export TERM=xterm-256color LINES=10 COLUMNS=80 HKTOP_NOW=1786090200
unset NO_COLOR
S=$XDG_STATE_HOME/hktop
W=$S/watchlist
mkdir -p "$XDG_CONFIG_HOME/hktop"
printf 'watchlist = HSI HSTECH\n' > "$XDG_CONFIG_HOME/hktop/config"

# dash NAME [hktop args...] < script: run the dashboard on the script.
dash()
{
	name=$1
	shift
	cat > "$T/$name.script"
	HKTOP_SCRIPT="$T/$name.script" run_with_timeout 30 "$HKTOP" --log="$T/$name.log" \
		-o tencent.quote_url="$BASE" -o quotes.failover=no -o news.sources=none "$@"
	is "$rc" 0 "$name: exit 0"
	is "$(cat "$T/err")" "" "$name: nothing on stderr"
}

# said NAME: what the run put on its status line, one message a line (a
# refresh soon replaces the message shown, so the log keeps them all).
said()
{
	sed -n 's/^.*vreport: [a-z]*: \(error: \|warning: \)\{0,1\}//p' "$T/$1.log" |
		grep -v '^Fetching quotes'
}

# codes FILE: the symbols on a dumped screen, in order.
codes()
{
	sed -n '3,9s/^.\([A-Z0-9]\{1,\}\) .*/\1/p' "$1" | tr '\n' ' '
}

# --- edits to the config's list are saved, and come back --------------------
dash edit <<EOF
/
=700
<Enter>
/
=BABA
<Enter>
k
d
:save-display $T/edit.txt
EOF
like "$(sed -n 10p "$T/edit.txt")" '^ Removed 0700' "an addition and a removal"
is "$(grep -v '^#' "$W" | tr '\n' ' ')" "HSI HSTECH BABA " "are saved, in watchlist order"
like "$(head -1 "$W")" '^# hktop watchlist' "below a header"
is "$(ls -A "$S")" "watchlist" "no temporary file is left behind"
unlike "$(sed -n 10p "$T/edit.txt")" 'unsaved' "nothing is marked unsaved"
dash saved <<EOF
:save-display $T/saved.txt
EOF
is "$(codes "$T/saved.txt")" "HSI HSTECH BABA " "the saved list comes back, over the config's"
rm -rf "$S"

# --- a saved file with an unreadable line ------------------------------------
mkdir -p "$S"
printf '700\nXYZ!!\n9988.HK   # Alibaba\n' > "$W"
dash badline <<EOF
:save-display $T/bad1.txt
/
=BABA
<Enter>
:save-display $T/bad2.txt
EOF
is "$(codes "$T/bad1.txt")" "0700 9988 " "the readable lines of the saved file load"
like "$(said badline | head -1)" "^$W:2: \"XYZ!!\": not a symbol .*\\(skipped; kept in the file\\)\$" \
	"the unreadable line is named on screen"
is "$(cat "$W")" '700
# hktop could not read this line: XYZ!!
9988.HK   # Alibaba
BABA' "an edit keeps the unreadable line as a comment in place, and the user's text"
is "$(codes "$T/bad2.txt")" "0700 9988 BABA " "and adds the new symbol"

# --- a saved file that cannot be read at all ---------------------------------
rm -rf "$S"
mkdir -p "$W"
dash isdir <<EOF
:save-display $T/dir1.txt
/
=BABA
<Enter>
:save-display $T/dir2.txt
x
x
:save-display $T/dir3.txt
EOF
is "$(codes "$T/dir1.txt")" "HSI HSTECH " "a directory in its place: the config's list"
like "$(said isdir | head -1)" "^$W: is a directory; using the config's watchlist; edits will not be saved\$" \
	"and the screen says why"
like "$(said isdir)" "^Added BABA; not saved: $W: is a directory\$" "an edit says it is not saved"
like "$(sed -n 10p "$T/dir3.txt")" ' 3 unsaved \| \? help$' "and the status line keeps saying so"
unlike "$(sed -n 10p "$T/dir1.txt")" 'unsaved' "but not before an edit"
ok_if "the directory is left alone" test -d "$W"

rm -rf "$S"
mkdir -p "$S"
printf '9988\n' > "$T/elsewhere"
ln -s "$T/elsewhere" "$W"
dash symlink <<EOF
/
=BABA
<Enter>
:save-display $T/link.txt
EOF
like "$(said symlink)" "^Added BABA; not saved: $W: is a symbolic link; not following it\$" \
	"a symlink: the edit is not saved"
ok_if "the symlink is left alone" test -L "$W"
is "$(cat "$T/elsewhere")" "9988" "and so is its target"
rm -rf "$S"

# --- edits that cannot be saved ---------------------------------------------
saved_home=$HOME saved_state=$XDG_STATE_HOME
unset HOME XDG_STATE_HOME
dash nohome <<EOF
/
=BABA
<Enter>
:save-display $T/nohome.txt
x
x
:save-display $T/nohome2.txt
EOF
HOME=$saved_home XDG_STATE_HOME=$saved_state
export HOME XDG_STATE_HOME
like "$(said nohome | head -1)" '^watchlist edits will not be saved: no HOME or XDG_STATE_HOME' \
	"no HOME: the screen says edits are not saved"
like "$(said nohome)" '^Added BABA; not saved: no HOME or XDG_STATE_HOME' "and so does an edit"
like "$(sed -n 10p "$T/nohome2.txt")" ' 3 unsaved \| \? help$' "and the status line keeps saying so"

: > "$T/afile"
XDG_STATE_HOME=$T/afile/state dash unwritable <<EOF
:save-display $T/unw1.txt
/
=BABA
<Enter>
:save-display $T/unw2.txt
x
x
:save-display $T/unw3.txt
EOF
like "$(said unwritable | head -1)" "^$T/afile/state/hktop/watchlist: Not a directory; using the config's watchlist; edits will not be saved\$" \
	"an unusable state directory: the screen says edits are not saved"
like "$(said unwritable)" "^Added BABA; not saved: $T/afile/state/hktop/watchlist: Not a directory\$" \
	"and so does an edit"
like "$(sed -n 10p "$T/unw3.txt")" ' 3 unsaved \| \? help$' "and the status line keeps saying so"

# --- one list, one rule ------------------------------------------------------
mkdir -p "$S"
printf '700\n9988\n' > "$W"
HKTOP_TRACE=$T/trace run_with_timeout 20 "$HKTOP" --once -o tencent.quote_url="$BASE" \
	-o quotes.failover=no
is "$rc" 0 "--once with a saved list: exit 0"
is "$(cat "$T/trace")" "GET $BASE/q=r_hk00700,r_hk09988" "--once quotes the saved list"

run_with_timeout 10 "$HKTOP" --dump-config
like "$(cat "$T/out")" '^watchlist = 0700 9988$' "--dump-config prints the saved list"
like "$(cat "$T/out")" "^# watchlist: the saved list $W\$" "and says where it came from"

run_with_timeout 10 "$HKTOP" --dump-config -o watchlist=BABA
like "$(cat "$T/out")" '^watchlist = BABA$' "-o watchlist beats the saved list"
like "$(cat "$T/out")" '^# watchlist: -o watchlist$' "and --dump-config says so"

run_with_timeout 10 "$HKTOP" --dump-config -o watchlist=BABA 1810
like "$(cat "$T/out")" '^watchlist = 1810$' "SYMBOL arguments beat -o watchlist"
like "$(cat "$T/out")" '^# watchlist: the command line$' "and --dump-config says so"

rm -f "$T/trace"
HKTOP_TRACE=$T/trace run_with_timeout 20 "$HKTOP" --once -o tencent.quote_url="$BASE" \
	-o quotes.failover=no -o watchlist=BABA
is "$(cat "$T/trace")" "GET $BASE/q=usBABA" "--once with -o watchlist quotes that list"

dash option -o watchlist="BABA HSI" <<EOF
:save-display $T/opt1.txt
/
=700
<Enter>
:save-display $T/opt2.txt
EOF
is "$(codes "$T/opt1.txt")" "BABA HSI " "the dashboard shows -o watchlist over the saved list"
like "$(said option)" '^Added 0700; not saved: this list came from -o watchlist$' \
	"an edit to it says it is not saved"
is "$(cat "$W")" "700
9988" "and the saved list is untouched"

rm -f "$W"
run_with_timeout 10 "$HKTOP" --dump-config
like "$(cat "$T/out")" "^# watchlist: $XDG_CONFIG_HOME/hktop/config\$" "no saved list: the config file"
rm -f "$XDG_CONFIG_HOME/hktop/config"
run_with_timeout 10 "$HKTOP" --dump-config
like "$(cat "$T/out")" "^# watchlist: the default\$" "no config either: the default"

# --- no stray temporary file from a save that was killed ----------------------
# Only a file named as ours goes, and only when saving: a read-only run
# (--dump-config, --once) removes nothing, and the user's own file stays.
printf '700\n' > "$W"
printf '70' > "$S/.watchlist.hktop-tmp.Ab3dE9"
printf '700\n5\n' > "$S/.watchlist.backup"
run_with_timeout 10 "$HKTOP" --dump-config
is "$(ls -A "$S" | tr '\n' ' ')" ".watchlist.backup .watchlist.hktop-tmp.Ab3dE9 watchlist " \
	"--dump-config removes nothing"
run_with_timeout 10 "$HKTOP" --once -o tencent.quote_url="$BASE" -o quotes.failover=no
is "$(ls -A "$S" | tr '\n' ' ')" ".watchlist.backup .watchlist.hktop-tmp.Ab3dE9 watchlist " \
	"nor does --once"
dash tidy <<EOF
/
=BABA
<Enter>
EOF
is "$(ls -A "$S" | tr '\n' ' ')" ".watchlist.backup watchlist " \
	"a save removes the temporary file a killed save left, not the user's"
is "$(cat "$S/.watchlist.backup")" "700
5" "which is whole"

done_testing
