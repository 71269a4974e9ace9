#!/bin/sh
# portfolio-screen.sh - positions on the dashboard, on a virtual screen at
# 80x24 and 200x60: the watchlist's position columns, the portfolio view
# (p) with its totals and the day's contributors, privacy ($), and a lot
# added (+), edited (e) and removed (d) through the positions file.
. "$(dirname "$0")/lib.sh"
setup_tmp
F=$FIXTURES

# Quotes of 2026-08-07 (0700 478.800 -0.400, 9988 118.300 +0.800, BABA
# 120.450 USD +1.530); the clock frozen at 16:10 HKT that day; USD/HKD
# 7.8312 from Yahoo's HKD=X.
cat > "$T/rules" <<RULES
/v8/finance/chart/HKD%3DX 200 $F/yahoo-chart-usdhkd-1d.json
* 200 $F/tencent-batch.gbk.txt
RULES
start_httpd "$T/rules"
B=$BASE
# The same once; every later request gets a 503.
cat > "$T/rules-once" <<RULES
/v8/finance/chart/HKD%3DX 200 $F/yahoo-chart-usdhkd-1d.json
* 200 $F/tencent-batch.gbk.txt count=1
* 503 -
RULES
start_httpd "$T/rules-once"
ONCE=$BASE

export TERM=xterm-256color HKTOP_NOW=1786090200 HOME="$T/home" XDG_CONFIG_HOME=
unset NO_COLOR
POS=$HOME/.config/hktop/positions
mkdir -p "$HOME/.config/hktop"
cat > "$POS" <<'LOTS'
# my lots
0700 100 380.2 fee=25.5  # first buy
0700 150 400.4
9988 -200 120.15 fee=10
BABA 10 95.5 fee=1.99
LOTS

# screen NAME ROWS COLS [hktop args...] < script
screen()
{
	name=$1
	LINES=$2 COLUMNS=$3
	export LINES COLUMNS
	shift 3
	cat > "$T/$name.script"
	HKTOP_SCRIPT="$T/$name.script" run_with_timeout 30 "$HKTOP" \
		-o tencent.quote_url="$B" -o yahoo.url="$B" -o tencent.chart_url="$B" \
		-o quotes.failover=no -o chart.failover=no \
		-o news.sources=none -o watchlist="HSI HSTECH 700 9988 BABA" "$@"
	is "$rc" 0 "$name: exit 0"
	is "$(cat "$T/err")" "" "$name: nothing on stderr"
}

# The screens, with the temporary directory's name as T.
shown() { sed "s|$T|T|" "$T/$1.txt"; }

screen small 24 80 <<EOF
:save-display $T/small-list.txt
p
:save-display $T/small-portfolio.txt
\$
:save-display $T/small-private.txt
e
:save-display $T/small-private-edit.txt
w
:save-display $T/small-list-private.txt
EOF
for f in small-list small-portfolio small-private small-list-private; do shown $f > "$T/keep-$f"; done
like "$(tail -1 "$T/small-private-edit.txt")" '^ Amounts are hidden: \$ shows them  ' "e with amounts hidden: refused, the prompt would show them"
cat > "$T/want" <<'SCREEN'
 hktop HSI 24858.820 -102.640 -0.41%  HSTECH -0.69%            Closed 16:10 HKT
 CODE   NAME               LAST       CHG     CHG%     TIME  DAY P&L      P&L
 HSI    Hang Seng I…  24858.820  -102.640   -0.41% 16:09:05
 HSTECH Hang Seng T…   4302.150   -29.720   -0.69% 16:09:05
 0700   TENCENT         478.800    -0.400   -0.08% 16:08:23     -100   +21.6K
 9988   BABA-W          118.300    +0.800   +0.68% 16:08:11     -160     +360
 BABA   Alibaba Gro…    120.450    +1.530   +1.29% 16:00:02      +15     +248
















 Updated 16:10:00                         tencent 55s old, 15m lag | 5 | ? help
SCREEN
is "$(cat "$T/keep-small-list")" "$(cat "$T/want")" "80x24: DAY P&L and P&L columns on the rows held (-100 = 250 x -0.400; +21.6K = 21594.5)"
cat > "$T/want" <<'SCREEN'
 hktop HSI 24858.820 -102.640 -0.41%  HSTECH -0.69%            Closed 16:10 HKT
 POSITION               VALUE      DAY P&L           P&L     P&L%
 0700 TENCENT      119700.000     -100.000    +21594.500  +22.01%  50 odd
 9988 BABA-W       -23660.000     -160.000      +360.000   +1.50%
 BABA Alibaba G      1204.500      +15.300      +247.510  +25.86%
 Total HKD          96040.000     -260.000    +21954.500  +17.98%
 Total USD           1204.500      +15.300      +247.510  +25.86%
 All in HKD         105472.68      -140.18     +23892.80  +18.43% USD/HKD 7.8312
 All in USD          13468.27       -17.90      +3050.98  +18.43% USD/HKD 7.8312
 Day's contributors:  9988 -160.000  BABA +15.300  0700 -100.000
 LOTS of T/home/.config/hktop/positions   (+ add, e edit, d
 0700 100 380.2 fee=25.5  # first buy
 0700 150 400.4
 9988 -200 120.15 fee=10
 BABA 10 95.5 fee=1.99








 Updated 16:10:00                         tencent 55s old, 15m lag | 5 | ? help
SCREEN
is "$(cat "$T/keep-small-portfolio")" "$(cat "$T/want")" "80x24 portfolio: positions, totals per currency and at USD/HKD 7.8312, contributors, lots"
cat > "$T/want" <<'SCREEN'
 hktop HSI 24858.820 -102.640 -0.41%  HSTECH -0.69%            Closed 16:10 HKT
 POSITION               VALUE      DAY P&L           P&L     P&L%
 0700 TENCENT             ***          ***           ***  +22.01%  50 odd
 9988 BABA-W              ***          ***           ***   +1.50%
 BABA Alibaba G           ***          ***           ***  +25.86%
 Total HKD                ***          ***           ***  +17.98%
 Total USD                ***          ***           ***  +25.86%
 All in HKD               ***          ***           ***  +18.43% USD/HKD 7.8312
 All in USD               ***          ***           ***  +18.43% USD/HKD 7.8312
 Day's contributors:  9988 -  BABA +  0700 -
 LOTS of T/home/.config/hktop/positions   (+ add, e edit, d
 0700 ***
 0700 ***
 9988 ***
 BABA ***








 Amounts hidden                           tencent 55s old, 15m lag | 5 | ? help
SCREEN
is "$(cat "$T/keep-small-private")" "$(cat "$T/want")" "80x24 privacy: amounts hidden, per cents stay"
cat > "$T/want" <<'SCREEN'
 hktop HSI 24858.820 -102.640 -0.41%  HSTECH -0.69%            Closed 16:10 HKT
 CODE   NAME               LAST       CHG     CHG%     TIME  DAY P&L      P&L
 HSI    Hang Seng I…  24858.820  -102.640   -0.41% 16:09:05
 HSTECH Hang Seng T…   4302.150   -29.720   -0.69% 16:09:05
 0700   TENCENT         478.800    -0.400   -0.08% 16:08:23           +22.01%
 9988   BABA-W          118.300    +0.800   +0.68% 16:08:11            +1.50%
 BABA   Alibaba Gro…    120.450    +1.530   +1.29% 16:00:02           +25.86%
















 Amounts hidden                           tencent 55s old, 15m lag | 5 | ? help
SCREEN
is "$(cat "$T/keep-small-list-private")" "$(cat "$T/want")" "80x24 privacy on the watchlist: the P&L as a per cent"

screen big 60 200 <<EOF
:save-display $T/big-list.txt
p
:save-display $T/big-portfolio.txt
EOF
for f in big-list big-portfolio; do shown $f > "$T/keep-$f"; done
cat > "$T/want" <<'SCREEN'
 hktop HSI 24858.820 -102.640 -0.41%  HSTECH 4302.150 -29.720 -0.69%                                                                                                                   Closed 16:10 HKT
 CODE   NAME                            LAST       CHG     CHG%       OPEN       HIGH        LOW       PREV   VOLUME TURNOVER  MKT CAP           52W RANGE     TIME      QTY    VALUE  DAY P&L      P&L
 HSI    Hang Seng Index            24858.820  -102.640   -0.41%  24990.110  25020.540  24780.310  24961.460                            19850.520-27381.840 16:09:05
 HSTECH Hang Seng TECH Index        4302.150   -29.720   -0.69%   4335.020   4348.600   4281.330   4331.870                              3313.730-4825.590 16:09:05
 0700   TENCENT                      478.800    -0.400   -0.08%    479.000    483.200    475.400    479.200    16.3M    7.80B    4.35T     411.000-677.700 16:08:23      250     120K     -100   +21.6K
 9988   BABA-W                       118.300    +0.800   +0.68%    117.900    119.600    116.800    117.500    45.2M    5.36B    2.26T      95.650-148.400 16:08:11     -200   -23.7K     -160     +360
 BABA   Alibaba Group Holding Ltd    120.450    +1.530   +1.29%    119.500    121.280    118.660    118.920    12.8M                        95.730-148.430 16:00:02       10    1.20K      +15     +248




















































 Updated 16:10:00                                                                                                                                                 tencent 55s old, 15m lag | 5 | ? help
SCREEN
is "$(cat "$T/keep-big-list")" "$(cat "$T/want")" "200x60: QTY and VALUE too"
cat > "$T/want" <<'SCREEN'
 hktop HSI 24858.820 -102.640 -0.41%  HSTECH 4302.150 -29.720 -0.69%                                                                                                                   Closed 16:10 HKT
 POSITION                      QTY    AVG COST         VALUE      DAY P&L           P&L     P&L%
 0700 TENCENT                  250     392.422    119700.000     -100.000    +21594.500  +22.01%  50 odd
 9988 BABA-W                  -200     120.100    -23660.000     -160.000      +360.000   +1.50%
 BABA Alibaba Group Hol         10      95.699      1204.500      +15.300      +247.510  +25.86%
 Total HKD                                         96040.000     -260.000    +21954.500  +17.98%
 Total USD                                          1204.500      +15.300      +247.510  +25.86%
 All in HKD                                        105472.68      -140.18     +23892.80  +18.43% USD/HKD 7.8312
 All in USD                                         13468.27       -17.90      +3050.98  +18.43% USD/HKD 7.8312
 Day's contributors:  9988 -160.000  BABA +15.300  0700 -100.000
 LOTS of T/home/.config/hktop/positions   (+ add, e edit, d remove, $ privacy)
 0700 100 380.2 fee=25.5  # first buy
 0700 150 400.4
 9988 -200 120.15 fee=10
 BABA 10 95.5 fee=1.99












































 Updated 16:10:00                                                                                                                                                 tencent 55s old, 15m lag | 5 | ? help
SCREEN
is "$(cat "$T/keep-big-portfolio")" "$(cat "$T/want")" "200x60 portfolio: quantity and average cost (392.422 = 98105.5 / 250)"

# + from the watchlist starts the line with the selected symbol; e edits
# the selected lot (its note stays); d removes one; a bad lot is refused
# with the reason and nothing is written. Comments stay.
screen edit 24 80 <<EOF
G
+
=100 100.5 2026-08-01 fee=3
<Enter>
:save-display $T/edit-added.txt
g
e
<Backspace>
<Backspace>
<Backspace>
<Backspace>
<Backspace>
<Backspace>
<Backspace>
<Backspace>
<Backspace>
<Backspace>
<Backspace>
<Backspace>
<Backspace>
<Backspace>
=381.2 fee=20
<Enter>
j
j
d
+
=0700 0 1
<Enter>
:save-display $T/edit-refused.txt
<Esc>
EOF
for f in edit-added edit-refused; do shown $f > "$T/keep-$f"; done
cat > "$T/want" <<'SCREEN'
 hktop HSI 24858.820 -102.640 -0.41%  HSTECH -0.69%            Closed 16:10 HKT
 POSITION               VALUE      DAY P&L           P&L     P&L%
 0700 TENCENT      119700.000     -100.000    +21594.500  +22.01%  50 odd
 9988 BABA-W       -23660.000     -160.000      +360.000   +1.50%
 BABA Alibaba G     13249.500     +168.300     +2239.510  +20.34%
 Total HKD          96040.000     -260.000    +21954.500  +17.98%
 Total USD          13249.500     +168.300     +2239.510  +20.34%
 All in HKD         199799.48     +1057.99     +39492.55  +18.96% USD/HKD 7.8312
 All in USD          25513.27      +135.10      +5042.98  +18.96% USD/HKD 7.8312
 Day's contributors:  BABA +168.300  9988 -160.000  0700 -100.000
 LOTS of T/home/.config/hktop/positions   (+ add, e edit, d
 0700 100 380.2 fee=25.5  # first buy
 0700 150 400.4
 9988 -200 120.15 fee=10
 BABA 10 95.5 fee=1.99
 BABA 100 100.5 2026-08-01 fee=3







 Added BABA 100 100.5 2026-08-01 fee=3    tencent 55s old, 15m lag | 5 | ? help
SCREEN
is "$(cat "$T/keep-edit-added")" "$(cat "$T/want")" "+ from the watchlist: the selected symbol starts the lot; BABA now 110 shares, 11009.99 cost"
cat > "$T/want" <<'SCREEN'
 hktop HSI 24858.820 -102.640 -0.41%  HSTECH -0.69%            Closed 16:10 HKT
 POSITION               VALUE      DAY P&L           P&L     P&L%
 0700 TENCENT      119700.000     -100.000    +21500.000  +21.89%  50 odd
 BABA Alibaba G     13249.500     +168.300     +2239.510  +20.34%
 Total HKD         119700.000     -100.000    +21500.000  +21.89%
 Total USD          13249.500     +168.300     +2239.510  +20.34%
 All in HKD         223459.48     +1217.99     +39038.05  +21.17% USD/HKD 7.8312
 All in USD          28534.51      +155.53      +4984.94  +21.17% USD/HKD 7.8312
 Day's contributors:  BABA +168.300  0700 -100.000
 LOTS of T/home/.config/hktop/positions   (+ add, e edit, d
 0700 100 381.2 fee=20  # first buy
 0700 150 400.4
 BABA 10 95.5 fee=1.99
 BABA 100 100.5 2026-08-01 fee=3









 Lot not saved: …/hktop/positions: "0": quantity is 0
SCREEN
is "$(cat "$T/keep-edit-refused")" "$(cat "$T/want")" "e kept the note, d removed 9988; a bad lot refused with the reason"
is "$(cat "$POS")" "# my lots
0700 100 381.2 fee=20  # first buy
0700 150 400.4
BABA 10 95.5 fee=1.99
BABA 100 100.5 2026-08-01 fee=3" "the file: the comment and the note kept, one lot changed, one gone, one added"
# The detail view of 9988: its ADS BABA held too, one exposure (the
# lots as at first):
# -200 + 10 x 8 = -120 shares; -23660.000 + 1204.500 x 7.8312 = -14,227.32.
cat > "$POS" <<'LOTS'
0700 100 380.2 fee=25.5
0700 150 400.4
9988 -200 120.15 fee=10
BABA 10 95.5 fee=1.99
LOTS
screen detail 24 80 <<EOF
j
j
j
<Enter>
:save-display $T/detail.txt
EOF
like "$(cat "$T/detail.txt")" '^ Held +9988 -200 \+ BABA 10 ADS \(80 sh\) = -120 sh, HKD -14,227\.32' "the detail view: an H share and its ADS held, combined"

# A refresh that fails keeps the last good quotes: the positions stay
# valued at them, and say so.
B_SAVED=$B
B=$ONCE
screen stale 24 80 <<EOF
p
r
:save-display $T/stale.txt
EOF
B=$B_SAVED
like "$(sed -n 3p "$T/stale.txt")" '^ 0700 TENCENT      119700\.000 .* \+22\.01%  old quote: te$' \
	"a stale quote: the last good figures, and why they are old"

# A position is the trader's money whatever list is shown: a held symbol
# off the list is fetched all the same (and not added to the list).
screen offlist 24 80 -o watchlist="HSI HSTECH 9988 BABA" <<EOF
:save-display $T/offlist-list.txt
p
:save-display $T/offlist.txt
EOF
unlike "$(cat "$T/offlist-list.txt")" '^ 0700 ' "held but not listed: not on the watchlist"
like "$(sed -n 3p "$T/offlist.txt")" '^ 0700 TENCENT      119700\.000     -100\.000    \+21594\.500  \+22\.01%' \
	"held but not listed: valued in the portfolio view"
like "$(cat "$T/offlist.txt")" '^ Total HKD          96040\.000 ' "and in the totals"

# The Monday after: Friday's quote, its day P&L labelled with its date,
# and the odd lot still said; the totals' day P&L is Friday's too.
HKTOP_NOW=1786327200 screen monday 24 80 <<EOF
p
:save-display $T/monday.txt
EOF
like "$(sed -n 3p "$T/monday.txt")" '^ 0700 TENCENT .* \+22\.01%  day of 08-07' \
	"a Friday quote on Monday, at 80 columns: its date"
like "$(cat "$T/monday.txt")" '^ Total HKD .* \+17\.98% day of 08-07$' "the total's day P&L: of that date"
HKTOP_NOW=1786327200 screen monday-wide 60 200 <<EOF
p
:save-display $T/monday-wide.txt
EOF
like "$(sed -n 3p "$T/monday-wide.txt")" '^ 0700 TENCENT .* \+22\.01%  day of 08-07; 50 odd$' \
	"wide: its date, and the odd lot still said"
like "$(cat "$T/monday-wide.txt")" '^ All in HKD .* \+18\.43% USD/HKD 7\.8312; day of 08-07$' \
	"the converted total: the rate and the date"

# A lot of a symbol neither held nor listed: its quote is fetched at
# once.
printf '9988 -200 120.15 fee=10\n' > "$T/few"
screen addnew 24 80 -o watchlist="HSI HSTECH 9988" -o positions.file="$T/few" <<EOF
p
+
=0700 100 400
<Enter>
:save-display $T/addnew.txt
EOF
like "$(cat "$T/addnew.txt")" '^ 0700 TENCENT       47880\.000      -40\.000     \+7880\.000  \+19\.70%' \
	"a new symbol's lot: valued at once (100 x 478.800 - 40000)"
is "$(cat "$T/few")" "9988 -200 120.15 fee=10
0700 100 400" "and the lot is in the file"

# Colours by colors.up (a dump's even lines are the colours): 0700's
# P&L is a gain (columns 71-77 of its row), its day a loss (62-68).
screen green 24 80 -o colors.up=green <<EOF
:save-colors $T/green.colors
EOF
screen red 24 80 -o colors.up=red <<EOF
:save-colors $T/red.colors
EOF
like "$(sed -n 9p "$T/green.colors")" '^ 0700 ' "the dump's row of 0700"
is "$(sed -n 10p "$T/green.colors" | cut -c71-77)" "ggggggg" "colors.up=green: a gain in green"
is "$(sed -n 10p "$T/green.colors" | cut -c62-68)" "rrrrrrr" "a loss in red"
is "$(sed -n 10p "$T/red.colors" | cut -c71-77)" "rrrrrrr" "colors.up=red: a gain in red"
is "$(sed -n 10p "$T/red.colors" | cut -c62-68)" "ggggggg" "and a loss in green"

done_testing
