#!/bin/sh
# lists.sh - named watchlists end to end: list.NAME in the config, --list
# for --once and the dashboard, v and V on screen at 80x24 and 200x60
# (the header, the heatmap and the rally board follow), lists made,
# renamed and removed on screen saved each in its own file, the list shown
# remembered, and bad input named by file and line.
. "$(dirname "$0")/lib.sh"
setup_tmp
F=$FIXTURES

cat > "$T/rules" <<RULES
* 200 $F/tencent-batch.gbk.txt
RULES
start_httpd "$T/rules"

S=$XDG_STATE_HOME/hktop
C=$XDG_CONFIG_HOME/hktop/config
mkdir -p "$XDG_CONFIG_HOME/hktop"
cat > "$C" <<CONF
watchlist = HSI HSTECH
list.tech = 700 9988
list.adr = BABA
CONF

# once [hktop args...]: --once against the loopback server.
once()
{
	HKTOP_TRACE="$T/trace" run_with_timeout 20 "$HKTOP" --once --format csv \
		-o tencent.quote_url="$BASE" -o quotes.failover=no "$@"
}

# symbols: the symbols of the csv --once printed.
symbols()
{
	sed -n '2,$s/,.*//p' "$T/out" | tr '\n' ' '
}

# --- --once --list ------------------------------------------------------------
once --list tech
is "$rc" 0 "--once --list tech: exit 0"
is "$(cat "$T/err")" "" "nothing on stderr"
is "$(symbols)" "0700 9988 " "prints the list's quotes"
is "$(cat "$T/trace")" "GET $BASE/q=r_hk00700,r_hk09988" "and asks only for them"
once
is "$(symbols)" "HSI HSTECH " "without --list: main, the watchlist"
once --list main
is "$(symbols)" "HSI HSTECH " "--list main is the watchlist"
once --list nope
is "$rc" 2 "an unknown list: exit 2"
is "$(cat "$T/err")" "hktop: --list: no list called nope; the lists are: main, tech, adr" \
	"naming the lists there are"
is "$(cat "$T/out")" "" "and nothing fetched or printed"
once --list "$(printf 'a b\033[2J')"
is "$rc" 2 "a name that cannot be a list's: exit 2"
is "$(cat "$T/err")" "hktop: --list: \"a b\": not a list name (letters, digits, '-' and '_'; not starting with '-' or '_')" \
	"said without its escape"
once --list tech 700
is "$rc" 2 "--list with SYMBOLs: exit 2"
like "$(cat "$T/err")" "^hktop: --list picks the list SYMBOLs would replace" "and why"
once -o list.tech=BABA --list tech
is "$(symbols)" "BABA " "-o list.NAME sets a list for the run"
mkdir -p "$S/lists"
printf '# made on screen\n9988\n' > "$S/lists/mine"
once --list mine
is "$(symbols)" "9988 " "a list saved on screen"
printf '9988\nXYZ!!\n' > "$S/lists/mine"
once --list mine
is "$rc" 0 "a saved list with an unreadable line: exit 0"
is "$(symbols)" "9988 " "its readable lines printed"
is "$(cat "$T/err")" "hktop: $S/lists/mine:2: \"XYZ!!\": not a symbol (try 700, 0700.HK, HSI or BABA) (skipped; kept in the file)" \
	"the line named by file and line"
once --list tech
is "$(cat "$T/err")" "" "another list's troubles are not this one's"
printf '9988\n' > "$S/lists/mine"
printf '700\n' > "$S/lists/tech"
once --list tech
is "$(symbols)" "0700 " "a configured list's saved file wins over the config"
rm -f "$S/lists/tech"
run_with_timeout 10 "$HKTOP" --dump-config
like "$(cat "$T/out")" "^list.tech = 0700 9988$" "--dump-config prints each list"
like "$(cat "$T/out")" "^# list mine: the saved list $S/lists/mine$" "and where it came from"

# --- bad input: named by file and line, the rest kept ---------------------
cat > "$T/bad.conf" <<CONF
list.tech = 700 XYZ!! 9988
list.my list = 700
list.empty =
list.abcdefghijklmnopqrstuvwxyz = 700
CONF
run_with_timeout 10 "$HKTOP" -c "$T/bad.conf" --dump-config
is "$rc" 2 "a config with bad lists: --dump-config exits 2"
is "$(cat "$T/err")" "hktop: $T/bad.conf:1: list.tech: \"XYZ!!\": not a symbol (try 700, 0700.HK, HSI or BABA); skipped, the other symbols kept
hktop: $T/bad.conf:2: list.NAME: \"my list\": not a list name (letters, digits, '-' and '_'; not starting with '-' or '_')
hktop: $T/bad.conf:3: list.empty: empty; a list needs a symbol, list skipped
hktop: $T/bad.conf:4: list.NAME: \"abcdefghijklmnopqrstuvwxyz\": not a list name (longer than 24 characters)" \
	"each named by file and line"
: > "$T/many.conf"
i=0
while [ $i -lt 1000 ]; do
	echo "list.l$i = 700" >> "$T/many.conf"
	i=$((i + 1))
done
once -c "$T/many.conf" --list l62
is "$rc" 2 "1,000 lists: exit 2 (the config was misread)"
is "$(head -1 "$T/err")" "hktop: $T/many.conf:64: more than 64 lists; \"l63\" skipped" \
	"the first one past the cap named by file and line"
is "$(grep -c 'more than 64 lists; "l[0-9]*" skipped' "$T/err")" 937 "and each after it"

# --- the dashboard ------------------------------------------------------------
export TERM=xterm-256color HKTOP_NOW=1786090200
unset NO_COLOR

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

# codes FILE: the symbols on a dumped watchlist, in order.
codes()
{
	sed -n '3,$s/^.\([A-Z0-9]\{1,\}\) .*/\1/p' "$1" | tr '\n' ' '
}

rm -rf "$S"
export LINES=24 COLUMNS=80
dash small <<EOF
:save-display $T/s1.txt
v
:save-display $T/s2.txt
v
v
v
:save-display $T/s3.txt
V
=ad
:save-display $T/s4.txt
r
<Enter>
:save-display $T/s5.txt
V
=tech
<Enter>
m
:save-display $T/s6.txt
EOF
like "$(sed -n 1p "$T/s1.txt")" '^ hktop \[main\]  HSI 24858.820 ' "80x24: the header names the list"
is "$(codes "$T/s1.txt")" "HSI HSTECH " "main first"
is "$(cat "$T/s2.txt")" " hktop [tech]  HSI 24858.820 -102.640 -0.41%  HSTECH -0.69%    Closed 16:10 HKT
 CODE   NAME               LAST       CHG     CHG%   VOLUME TURNOVER     TIME
 0700   TENCENT         478.800    -0.400   -0.08%    16.3M    7.80B 16:08:23
 9988   BABA-W          118.300    +0.800   +0.68%    45.2M    5.36B 16:08:11



















 Updated 16:10:00                         tencent 55s old, 15m lag | 2 | ? help" "v: the next list, whole screen"
like "$(sed -n 1p "$T/s3.txt")" '^ hktop \[tech\] ' "v cycles: main, tech, adr, main, tech"
like "$(sed -n 24p "$T/s4.txt")" '^list: ad_    main \[tech\] adr \| NAME  new NAME  rename NAME  remove NAME' \
	"V: a prompt listing the lists, the one shown in brackets"
is "$(codes "$T/s5.txt")" "BABA " "typing a name and Enter shows it"
like "$(sed -n 1p "$T/s5.txt")" '^ hktop \[adr\] ' "named in the header"
like "$(sed -n 2p "$T/s6.txt")" '^ Heatmap .*Up 1  Down 1  Unch 0 ' "the heatmap shows the list shown"
unlike "$(sed -n '3,$p' "$T/s6.txt")" 'HSI|HSTECH|BABA ' "and nothing of another"
is "$(cat "$S/current-list")" "# hktop: the list the dashboard showed last (v and V switch lists)
tech" "the list shown is remembered"

dash again <<EOF
:save-display $T/a1.txt
EOF
like "$(sed -n 1p "$T/a1.txt")" '^ hktop \[tech\] ' "the next dashboard opens on it"
is "$(codes "$T/a1.txt")" "0700 9988 " "with its symbols"
dash args 9988 <<EOF
:save-display $T/g1.txt
EOF
like "$(sed -n 1p "$T/g1.txt")" '^ hktop \[main\] ' "SYMBOLs given: main is shown, not the list remembered"
is "$(codes "$T/g1.txt")" "9988 " "with those symbols"
dash tab --list adr <<EOF
V
=remove a
<Tab>
:save-display $T/t1.txt
<Esc>
V
=t
<Tab>
:save-display $T/t2.txt
<Enter>
:save-display $T/t3.txt
EOF
like "$(sed -n 24p "$T/t1.txt")" '^list: remove adr_ ' "Tab in V's prompt completes a list's name"
like "$(sed -n 24p "$T/t2.txt")" '^list: tech_ ' "the whole text too"
like "$(sed -n 1p "$T/t3.txt")" '^ hktop \[tech\] ' "and the completed name is shown"

dash picked --list adr <<EOF
:save-display $T/p1.txt
EOF
like "$(sed -n 1p "$T/p1.txt")" '^ hktop \[adr\] ' "--list picks the dashboard's list"

dash edit <<EOF
V
=new hot
<Enter>
:save-display $T/e1.txt
/
=700
<Enter>
/
=BABA
<Enter>
:save-display $T/e2.txt
V
=rename hot2
<Enter>
:save-display $T/e3.txt
V
=tech
<Enter>
/
=HSI
<Enter>
V
=rename x
<Enter>
:save-display $T/e4.txt
V
=remove tech
<Enter>
:save-display $T/e5.txt
V
=nope
<Enter>
:save-display $T/e6.txt
EOF
like "$(sed -n 1p "$T/e1.txt")" '^ hktop \[hot\] ' "new NAME: made and shown"
like "$(sed -n 3p "$T/e1.txt")" 'The watchlist is empty' "empty"
is "$(codes "$T/e2.txt")" "0700 BABA " "symbols added to it"
is "$(grep -v '^#' "$S/lists/hot2")" "0700
BABA" "rename NAME: its file renamed, with the symbols"
ok_unless "the old name's file is gone" test -e "$S/lists/hot"
like "$(sed -n 1p "$T/e3.txt")" '^ hktop \[hot2\] ' "the header follows"
like "$(sed -n 24p "$T/e4.txt")" "rename: list.tech is set in …/hktop/config; it is renamed there" \
	"a configured list is not renamed, and the screen says where it is set"
is "$(grep -v '^#' "$S/lists/tech")" "0700
9988
HSI" "but edits to it are saved in its own file"
like "$(sed -n 24p "$T/e5.txt")" "remove: list.tech is set in …/hktop/config; it is removed there" \
	"nor removed"
like "$(sed -n 1p "$T/e5.txt")" '^ hktop \[tech\] ' "and stays shown"
like "$(sed -n 24p "$T/e6.txt")" 'no list called nope \(lists: main, tech, adr, hot2\); "new nope" makes it' \
	"an unknown name names the lists"
dash remove <<EOF
V
=hot2
<Enter>
V
=remove hot2
<Enter>
:save-display $T/r1.txt
V
=new a b
<Enter>
:save-display $T/r2.txt
V
=new abcdefghijklmnopqrstuvwxyz
<Enter>
:save-display $T/r3.txt
EOF
like "$(sed -n 1p "$T/r1.txt")" '^ hktop \[main\] ' "removing the list shown shows main"
like "$(cat "$T/remove.log")" 'List hot2 removed$' "and says so"
ok_unless "its file is gone" test -e "$S/lists/hot2"
like "$(sed -n 24p "$T/r2.txt")" "^ new list: \"a b\": not a list name" "a name with a space is refused, and why"
like "$(sed -n 24p "$T/r3.txt")" "^ new list: \"abcdefghijklmnopqrstuvwxyz\": not a list name \\(longer than 24" \
	"so is a name too long"
is "$(grep -v '^#' "$S/current-list")" "main" "main is remembered"
is "$(ls -A "$S/lists")" "tech" "no temporary file left behind"

# A saved list with a bad line and a file without a list's name.
printf '700\nXYZ!!\n' > "$S/lists/odd"
printf '700\n' > "$S/lists/bad name"
dash odd --list odd <<EOF
:save-display $T/o1.txt
EOF
is "$(codes "$T/o1.txt")" "0700 " "a saved list's readable lines load"
like "$(sed -n 's/^.*vreport: [a-z]*: error: //p' "$T/odd.log")" "$S/lists/odd:2: \"XYZ!!\": not a symbol" \
	"its bad line is named by file and line"
like "$(sed -n 's/^.*vreport: [a-z]*: error: //p' "$T/odd.log")" "$S/lists/bad name: \"bad name\": not a list name" \
	"a file that is no list's is named"
rm -f "$S/lists/odd" "$S/lists/bad name"

# 200x60: the header, the rally board.
export LINES=60 COLUMNS=200
dash big --list adr <<EOF
:save-display $T/b1.txt
v
:save-display $T/b2.txt
V
=tech
<Enter>
m
b
:save-display $T/b3.txt
EOF
like "$(sed -n 1p "$T/b1.txt")" '^ hktop \[adr\]  HSI 24858.820 -102.640 -0.41%  HSTECH 4302.150 -29.720 -0.69% +Closed 16:10 HKT$' \
	"200x60: the header names the list"
is "$(codes "$T/b1.txt")" "BABA " "with its symbols"
like "$(sed -n 1p "$T/b2.txt")" '^ hktop \[main\] ' "v: the next, main after the last"
is "$(codes "$T/b2.txt")" "HSI HSTECH " "its symbols"
like "$(sed -n 2p "$T/b3.txt")" '^ Rally board, .*Up 1  Down 1  Unch 0 ' "the rally board shows the list shown"
is "$(sed -n '4,$s/^.\([A-Z0-9]\{1,\}\) .*/\1/p' "$T/b3.txt" | tr '\n' ' ')" "0700 9988 HSI " \
	"its rows, and no other list's"
done_testing
