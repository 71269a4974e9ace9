#!/bin/sh
# alerts-screen.sh - the dashboard's alerts on the virtual screen: rules
# fired by the first refresh mark their rows and say so on the status
# line; A lists every rule armed or fired (time, price); d removes one,
# Enter re-arms one, ! adds one for the selected name, each written to the
# rules file with its other lines kept. At 80x24 and 120x40, frozen clock.
. "$(dirname "$0")/lib.sh"
setup_tmp
F=$FIXTURES

cat > "$T/rules" <<RULES
* 200 $F/tencent-batch.gbk.txt
RULES
start_httpd "$T/rules"

# The fixture's quotes are of 2026-08-07; the clock is 16:10:00 HKT that day.
export TERM=xterm-256color LINES=24 COLUMNS=80 HKTOP_NOW=1786090200
unset NO_COLOR
mkdir -p "$XDG_CONFIG_HOME/hktop"
A=$XDG_CONFIG_HOME/hktop/alerts
cat > "$A" <<'EOF'
# mine
700 above 478.8 # exactly
9988 below 100 daily
* move 1% always
EOF

# screen NAME < script
screen()
{
	cat > "$T/$1.script"
	HKTOP_SCRIPT="$T/$1.script" run_with_timeout 30 "$HKTOP" -o tencent.quote_url="$BASE" \
		-o quotes.failover=no -o news.sources=none -o watchlist="HSI HSTECH 700 9988 BABA"
	is "$rc" 0 "$1: exit 0"
	is "$(cat "$T/err")" "" "$1: nothing on stderr"
}

screen small <<EOF
:save-display $T/w1.txt
A
:save-display $T/a1.txt
j
d
:save-display $T/a2.txt
j
<Enter>
:save-display $T/a3.txt
<Esc>
j
j
j
!
=below 470 # stop
:save-display $T/a4.txt
<Enter>
:save-display $T/a5.txt
EOF
is "$(sed -n 3,7p "$T/w1.txt" | cut -c1-7 | sed 's/ *$//')" " HSI
 HSTECH
>0700
 9988
>BABA" "the rows an alert fired for are marked"
like "$(sed -n 24p "$T/w1.txt")" "^ Alert: BABA already up 1% at start: 120.450" \
	"the latest alert is on the status line"
like "$(sed -n 2p "$T/a1.txt")" "^ Alerts \\(! add, d remove, Enter re-arm, Esc back\\): /" \
	"80x24: the keys, then the rules file"
is "$(sed -n 3,7p "$T/a1.txt")" " RULE                      STATE     FIRED                  PRICE  NOTE
 0700 above 478.8 once      fired     2026-08-07 16:08     478.800  exactly
 9988 below 100 daily       armed
 * move 1% always (BABA)    fired 1   2026-08-07 16:00     120.450" \
	"every rule, armed or fired with time (the exchange's clock: BABA's in New York) and price; * names its latest"
is "$(sed -n 4,6p "$T/a2.txt")" " 0700 above 478.8 once      fired     2026-08-07 16:08     478.800  exactly
 * move 1% always (BABA)    fired 1   2026-08-07 16:00     120.450" "d removed the rule under the cursor"
like "$(sed -n 24p "$T/a2.txt")" "^ Alert removed " "and says so"
like "$(sed -n 5p "$T/a3.txt")" "^ \\* move 1% always +armed *$" "Enter re-armed the rule under the cursor"
is "$(sed -n 3,4p "$T/a4.txt")" " Add: 9988 below 470 # stop_
 SYMBOL above|below PRICE, move PCT%, news; once|daily|always; # note" \
	"! on the watchlist starts a rule with the selected name"
like "$(sed -n 6p "$T/a5.txt")" "^ 9988 below 470 once +armed +stop$" "Enter adds it"
is "$(cat "$A")" "# mine
700 above 478.8 # exactly
* move 1% always
9988 below 470 # stop" "the rules file: the line removed, the line added, the rest as written"
like "$(cat "$XDG_STATE_HOME/hktop/alerts-fired")" "0700 above 478.8 once	0700	1786090103	" \
	"the firing is recorded"

# 120x40, a second run: the once rule stays fired from the record, the new
# rule fires at start.
LINES=40 COLUMNS=120
screen wide <<EOF
A
:save-display $T/b1.txt
EOF
is "$(sed -n 2,6p "$T/b1.txt" | sed "s|$A|RULES|")" " Alerts (! add, d remove, Enter re-arm, Esc back): RULES
 RULE                      STATE     FIRED                  PRICE  NOTE
 0700 above 478.8 once      fired     2026-08-07 16:08     478.800  exactly
 * move 1% always (BABA)    fired 1   2026-08-07 16:00     120.450
 9988 below 470 once        fired     2026-08-07 16:08     118.300  stop" "120x40: the rules after a restart"
like "$(sed -n 40p "$T/b1.txt")" "^ Alert: BABA already up 1% at start" "the once rule did not fire again"

# A rule for a name that is not on the list: fetched with the refresh,
# told, and the list left as it was.
printf 'BABA above 100 # off the list\n' > "$A"
rm -f "$XDG_STATE_HOME/hktop/alerts-fired"
LINES=24 COLUMNS=80
cat > "$T/off.script" <<EOF
:save-display $T/off.txt
EOF
HKTOP_TRACE="$T/trace" HKTOP_SCRIPT="$T/off.script" run_with_timeout 30 "$HKTOP" \
	-o tencent.quote_url="$BASE" -o quotes.failover=no -o news.sources=none -o watchlist="700"
is "$rc" 0 "off the list: exit 0"
is "$(cat "$T/trace")" "GET $BASE/q=r_hk00700,hkHSI,hkHSTECH,usBABA" \
	"the rule's name is asked for with the list and the header's indexes"
like "$(sed -n 24p "$T/off.txt")" "^ Alert: BABA already above 100 at start: 120.450 \\(off the list\\)" \
	"its alert is told"
is "$(sed -n 3,4p "$T/off.txt" | cut -c1-5 | sed 's/ *$//')" " 0700" "the list is left as it was"

# News rules: a headline tagged with the name that comes in after start
# (rss-future.xml against a clock of 2026-08-07 16:45 HKT: a story dated
# 2100 is re-dated to when it is first seen, one two minutes ahead keeps
# its date; the 2020 one is old news).
cat > "$T/rules-news" <<RULES
/q= 200 $F/tencent-batch.gbk.txt
/rss/2.0/headline 200 $F/rss-future.xml
RULES
start_httpd "$T/rules-news"
printf '700 news always\n1810 news\n* news daily # any\n' > "$A"
rm -f "$XDG_STATE_HOME/hktop/alerts-fired"
cat > "$T/news.script" <<EOF
M
:save-display $T/news.txt
EOF
HKTOP_NOW=1786092300 HKTOP_SCRIPT="$T/news.script" run_with_timeout 30 "$HKTOP" \
	-o tencent.quote_url="$BASE" -o quotes.failover=no -o yahoo.rss_url="$BASE" \
	-o news.sources=yahoo -o watchlist="700 9988"
is "$rc" 0 "news: exit 0"
is "$(grep -o 'alert  warn  Alert: [0-9]* news: [A-Za-z]*' "$T/news.txt")" \
"alert  warn  Alert: 9988 news: Alibaba
alert  warn  Alert: 0700 news: Tencent
alert  warn  Alert: 0700 news: Tencent" \
	"a new tagged headline fires its name's rule and * (a name on the list); old news does not"

# "*" is the list shown: a named list switched to with v brings its names
# under the rule.
start_httpd "$T/rules"
printf '* above 1 once\n' > "$A"
rm -f "$XDG_STATE_HOME/hktop/alerts-fired"
cat > "$T/lists.script" <<EOF
:save-display $T/l1.txt
v
:save-display $T/l2.txt
A
:save-display $T/l3.txt
EOF
HKTOP_SCRIPT="$T/lists.script" run_with_timeout 30 "$HKTOP" -o tencent.quote_url="$BASE" \
	-o quotes.failover=no -o news.sources=none -o watchlist="9988" -o list.one="700" --list one
is "$rc" 0 "lists: exit 0"
like "$(sed -n 24p "$T/l1.txt")" "^ Alert: 0700 already above 1 at start: 478.800\$" \
	"* fires for the list shown"
like "$(sed -n 24p "$T/l2.txt")" "^ Alert: 9988 already above 1 at start: 118.300 \\(\\+1 more\\)" \
	"v: the next list's names come under *"
like "$(sed -n 4p "$T/l3.txt")" "^ \\* above 1 once \\([0-9]*\\) +fired 2 " "two names, each once"

# The row's mark is the rule's: removed with its rule.
printf '700 above 1\n' > "$A"
rm -f "$XDG_STATE_HOME/hktop/alerts-fired"
cat > "$T/unmark.script" <<EOF
:save-display $T/u1.txt
A
d
<Esc>
:save-display $T/u2.txt
EOF
HKTOP_SCRIPT="$T/unmark.script" run_with_timeout 30 "$HKTOP" -o tencent.quote_url="$BASE" \
	-o quotes.failover=no -o news.sources=none -o watchlist="700 9988"
is "$rc" 0 "unmark: exit 0"
is "$(sed -n 3p "$T/u1.txt" | cut -c1-5)" ">0700" "the row an alert fired for is marked"
is "$(sed -n 3p "$T/u2.txt" | cut -c1-5)" " 0700" "its rule removed, the mark goes"

# A note longer than the room left at 80 columns ends in a mark, as a cut
# name does, not at the edge as if whole.
printf '9988 below 100 # %s\n' "take profit on half, then trail the rest by five per cent" > "$A"
screen longnote <<EOF
A
:save-display $T/n1.txt
EOF
like "$(sed -n 4p "$T/n1.txt")" "^ 9988 below 100 once +armed +take profit…$" "a long note: cut with …"
is "$(sed -n 4p "$T/n1.txt" | wc -m)" 81 "within 80 columns"
done_testing
