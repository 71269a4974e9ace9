#!/bin/sh
# quote-times.sh - the TIME column and the header on each exchange's clock:
# old quotes dated, a year on when older than one, a New York close kept on
# New York's day, and everything its exchange has traded longer since than
# its source's usual delay marked (~ and dim) on every row and on the
# header's indexes, and each source's age named in the status line. Lunch,
# nights and weekends do not age a quote: the last price is the current.
. "$(dirname "$0")/lib.sh"
setup_tmp
F=$FIXTURES

# tencent-old: HSI from 2023-11-14, 0700 from Friday 2026-09-04 16:08:23
# HKT, BABA from Friday 2026-09-04 16:04 in New York, the rest 2026-08-07.
cat > "$T/rules" <<RULES
* 200 $F/tencent-old.gbk.txt
RULES
start_httpd "$T/rules"
OLD=$BASE
cat > "$T/rules-new" <<RULES
* 200 $F/tencent-batch.gbk.txt
RULES
start_httpd "$T/rules-new"
NEW=$BASE

# Saturday 2026-09-05 10:00 HKT, which is Friday 22:00 in New York: the
# closes of Friday (0700 in Hong Kong, BABA in New York) are current.
export TERM=xterm-256color LINES=10 COLUMNS=80 HKTOP_NOW=1788573600
unset NO_COLOR

# screen NAME BASE [hktop args...] < script: run the script, dumps in $T/NAME.*
screen()
{
	name=$1 base=$2
	shift 2
	cat > "$T/$name.script"
	HKTOP_SCRIPT="$T/$name.script" run_with_timeout 30 "$HKTOP" \
		-o tencent.quote_url="$base" -o quotes.failover=no -o news.sources=none \
		-o watchlist="HSI HSTECH 700 9988 BABA" "$@"
	is "$rc" 0 "$name: exit 0"
	is "$(cat "$T/err")" "" "$name: nothing on stderr"
}

screen old "$OLD" <<EOF
:save-display $T/old.txt
:save-colors $T/old.colors
EOF
is "$(sed -n 2,7p "$T/old.txt")" " CODE   NAME               LAST       CHG     CHG%   VOLUME TURNOVER     TIME
 HSI    Hang Seng I…  24858.820  -102.640   -0.41%                   ~2023-11
 HSTECH Hang Seng T…   4302.150   -29.720   -0.69%                     ~08-07
 0700   TENCENT         478.800    -0.400   -0.08%    16.3M    7.80B    09-04
 9988   BABA-W          118.300    +0.800   +0.68%    45.2M    5.36B   ~08-07
 BABA   Alibaba Gro…    120.450    +1.530   +1.29%    12.8M          16:04:00" \
	"TIME: the year when over a year old, New York's Friday kept, old ones marked, the weekend not"
like "$(sed -n 1p "$T/old.txt")" '^ hktop HSI ~24858\.820 -102\.640 -0\.41%  HSTECH ~-0\.69% ' \
	"the header marks its old indexes"
# save-colors interleaves each row with its colours: row 4 is line 8.
is "$(sed -n 8p "$T/old.colors" | cut -c69-77)" ".cccccccc" "an old time is dim"
is "$(sed -n 2p "$T/old.colors" | cut -c12-37)" "cccccccccccccccccccccccccc" \
	"and so are an old index's figures"
like "$(sed -n 10p "$T/old.txt")" ' tencent 17h old, 15m lag \| 5 \| \? help$' \
	"the status line names the source's usual delay"

NO_COLOR=1 screen mono "$OLD" <<EOF
:save-display $T/mono.txt
:save-colors $T/mono.colors
EOF
is "$(cat "$T/mono.txt")" "$(cat "$T/old.txt")" "NO_COLOR: the same text"
is "$(sed -n 8p "$T/mono.colors" | cut -c69-77)" ".dddddddd" "in monochrome, dim"

# Friday 2026-09-04 16:10 HKT: today's Hong Kong quote is within the delay.
HKTOP_NOW=1788509400 screen today "$OLD" <<EOF
:save-display $T/today.txt
EOF
is "$(sed -n 5,6p "$T/today.txt")" " 0700   TENCENT         478.800    -0.400   -0.08%    16.3M    7.80B 16:08:23
 9988   BABA-W          118.300    +0.800   +0.68%    45.2M    5.36B   ~08-07" \
	"within the delay: the time, unmarked; another day's dated and marked"
like "$(sed -n 10p "$T/today.txt")" ' tencent 1m old, 15m lag \| 5 \| \? help$' "a fresh source's age"

# Friday 2026-08-07 16:10 HKT with the usual fixture: BABA's stamp is
# New York's 2026-08-07, the same day there.
HKTOP_NOW=1786090200 screen same "$NEW" <<EOF
:save-display $T/same.txt
EOF
like "$(sed -n 7p "$T/same.txt")" '^ BABA .* 16:00:02$' "New York's today shows as a time"
like "$(sed -n 1p "$T/same.txt")" '^ hktop HSI 24858\.820 ' "a fresh index is not marked"

# After the close, Friday 2026-08-07 20:00 HKT: the close is the current
# price, nothing is marked (it was, by the wall clock's four hours).
HKTOP_NOW=1786104000 screen evening "$NEW" <<EOF
:save-display $T/evening.txt
:save-colors $T/evening.colors
EOF
# no_mark NAME WHAT: no ~ before a time or a figure in $T/NAME.txt's header
# or rows
no_mark()
{
	is "$(sed -n 1,7p "$T/$1.txt" | grep -c '~[0-9]')" 0 "$2"
}
no_mark evening "after the close: no row and no index marked"
is "$(awk 'NR % 2 == 0 && NR <= 14' "$T/evening.colors" | grep -c c)" 0 "nor any dim"

# The lunch break: the quotes of the morning's end (HK 11:58-11:59, BABA
# Thursday's New York close) at 12:40 HKT.
LC_ALL=C sed -e 's#2026/08/07 16:0#2026/08/07 11:5#' -e 's#2026-08-07 16:00:02#2026-08-06 16:00:02#' \
	"$F/tencent-batch.gbk.txt" > "$T/tencent-lunch.gbk.txt"
cat > "$T/rules-lunch" <<RULES
* 200 $T/tencent-lunch.gbk.txt
RULES
start_httpd "$T/rules-lunch"
LUNCH=$BASE
HKTOP_NOW=1786077600 screen lunch "$LUNCH" <<EOF
:save-display $T/lunch.txt
EOF
no_mark lunch "at lunch: no row and no index marked"
like "$(sed -n 5p "$T/lunch.txt")" ' 11:58:23$' "the morning's last time, unmarked"

# 13:30, half an hour into the afternoon: the same morning quotes are
# ones the feed should have replaced; the ADR's New York close is not.
HKTOP_NOW=1786080600 screen afternoon "$LUNCH" <<EOF
:save-display $T/afternoon.txt
EOF
like "$(sed -n 5p "$T/afternoon.txt")" ' ~11:58$' "mid-session, the feed stopped: marked"
like "$(sed -n 1p "$T/afternoon.txt")" '^ hktop HSI ~24858\.820 ' "and so is the index"
like "$(sed -n 7p "$T/afternoon.txt")" ' 08-06$' "an ADR in Hong Kong's hours: not marked"

done_testing
