#!/bin/sh
# replay.sh - --record and --replay end to end: a dashboard session (quotes,
# a chart, headlines) recorded over the loopback server and replayed with
# the server gone gives the same screens; --once's JSON the same; the keys
# z . J on a replayed real-format session; bad input (a cut record, a
# corrupt length, a missing, unreadable or FIFO directory, unrelated and
# FIFO files, a newer format); a large recording streamed in bounded
# memory; a full disk and record.max_size stop recording, not hktop.
. "$(dirname "$0")/lib.sh"
setup_tmp
F=$FIXTURES
: "${MKREC:=$top_builddir/tests/mkrec}"

cat > "$T/rules" <<RULES
/q= 200 $F/tencent-batch.gbk.txt
/appstock/app/minute/query?code=hk00700 200 $F/tencent-minute-0700.json
/appstock/app/fqkline/get?param=hk00700,day 200 $F/tencent-kline-day.json
/appstock/app/minute/query?code=hkHSI 200 $F/tencent-minute-hsi.json
/rss/2.0/headline 200 $F/yahoo-rss.xml
/comm/web/getFastNewsList 200 $F/eastmoney-fast.json
RULES
start_httpd "$T/rules"
LIVE=$BASE

# 2026-08-07 16:10:00 HKT; a replay ignores it: its clock is the recording's.
export TERM=xterm-256color LINES=24 COLUMNS=80 HKTOP_NOW=1786090200
unset NO_COLOR

# dash NAME [hktop args...] < script: the dashboard on a script, against $LIVE.
dash()
{
	name=$1
	shift
	cat > "$T/$name.script"
	HKTOP_SCRIPT="$T/$name.script" HKTOP_TRACE="$T/$name.trace" run_with_timeout 30 "$HKTOP" \
		-o tencent.quote_url="$LIVE" -o tencent.chart_url="$LIVE" -o yahoo.url="$LIVE" \
		-o quotes.failover=no -o yahoo.rss_url="$LIVE" -o eastmoney.news_url="$LIVE" \
		-o news.sources="yahoo eastmoney" -o watchlist="HSI 700 9988 BABA" "$@"
	is "$rc" 0 "$name: exit 0"
	is "$(cat "$T/err")" "" "$name: nothing on stderr"
}

session()
{
	cat <<EOF
:save-display $T/$1.watch
j
<Enter>
:save-display $T/$1.detail
q
n
:save-display $T/$1.news
EOF
}

session live > "$T/live.keys"
dash live --record "$T/rec" < "$T/live.keys"
set -- "$T"/rec/*.hkrec
is "$#" 1 "one file for the run"
like "$(basename "$1")" '^2026-08-07_161000_[0-9]+\.hkrec$' "named by its Hong Kong date and time"
like "$(head -n 1 "$1")" '^hktop-recording 1 hktop/' "the header line names the format"

# The server is gone: whatever the replay shows came from the recording.
kill "$HTTPD_PID"
wait "$HTTPD_PID" 2>/dev/null
session replay > "$T/replay.keys"
dash replay --replay "$T/rec" < "$T/replay.keys"
for v in watch detail news; do
	is "$(sed 1d "$T/replay.$v")" "$(sed 1d "$T/live.$v")" "replay: the $v screen as recorded"
	like "$(sed -n 1p "$T/replay.$v")" '^ hktop  REPLAY 2026-08-07 END  HSI 24858\.820 .* Closed 16:10 HKT$' \
		"replay: $v's header says REPLAY, the recording's date and its clock"
done
is "$(cat "$T/replay.trace")" "$(cat "$T/live.trace")" "the same requests, answered from the recording"

# --- --once ---------------------------------------------------------------------
DASH_BASE=$LIVE
start_httpd "$T/rules"
LIVE=$BASE
once()
{
	run_with_timeout 20 "$HKTOP" --once --format json -o tencent.quote_url="$LIVE" \
		-o quotes.failover=no "$@"
}
once --record "$T/once" 700 9988.HK HSI BABA
is "$rc" 0 "--once --record: exit 0"
cp "$T/out" "$T/once.live"
kill "$HTTPD_PID"
wait "$HTTPD_PID" 2>/dev/null
once --replay "$T/once" 700 9988.HK HSI BABA
is "$rc" 0 "--once --replay: exit 0"
is "$(cat "$T/out")" "$(cat "$T/once.live")" "--once --replay: the JSON as recorded"
is "$(cat "$T/err")" "" "and nothing to say"
# With positions: the day's P&L is today's by the recording's clock, not
# by the day it is replayed on (a week later here).
printf '0700 100 380.2\n' > "$T/positions"
ONCE_LIVE=$LIVE
start_httpd "$T/rules"
LIVE=$BASE
once --record "$T/once-pos" -o positions.file="$T/positions" 700
cp "$T/out" "$T/once-pos.live"
kill "$HTTPD_PID"
wait "$HTTPD_PID" 2>/dev/null
like "$(tr -d '\t\n' < "$T/once-pos.live")" '"day_pnl_today":true' "(live: the day's P&L is today's)"
HKTOP_NOW=$((HKTOP_NOW + 7 * 86400)) once --replay "$T/once-pos" -o positions.file="$T/positions" 700
is "$(cat "$T/out")" "$(cat "$T/once-pos.live")" "--once --replay with positions: the JSON as recorded, a week later"
# --portfolio records and replays as --once does; --check-alerts records
# (it keeps what fired in its state file: a replay would spoil that).
printf '700 above 1\n' > "$T/alerts"
run_with_timeout 20 "$HKTOP" --check-alerts -o alerts.file="$T/alerts" --replay "$T/once"
is "$rc" 2 "--check-alerts --replay: a usage error"
like "$(cat "$T/err")" "^hktop: --check-alerts checks the market now and records what fires: not with --replay" \
	"and why"
start_httpd "$T/rules"
run_with_timeout 20 "$HKTOP" --check-alerts -o tencent.quote_url="$BASE" -o quotes.failover=no \
	-o alerts.file="$T/alerts" -o news.sources=none --record "$T/rec-alerts"
cp "$T/out" "$T/rec-alerts.out"
kill "$HTTPD_PID"
wait "$HTTPD_PID" 2>/dev/null
like "$(cat "$T/rec-alerts.out")" '0700 already above 1' "--check-alerts --record: the rule fires"
run_with_timeout 20 "$HKTOP" --once --format json \
	-o tencent.quote_url="$BASE" -o quotes.failover=no --replay "$T/rec-alerts" 700
is "$rc" 0 "and its recording plays"
start_httpd "$T/rules"
run_with_timeout 20 "$HKTOP" --portfolio -o tencent.quote_url="$BASE" -o yahoo.url="$BASE" \
	-o quotes.failover=no -o positions.file="$T/positions" -o news.sources=none \
	--record "$T/rec-pos"
cp "$T/out" "$T/rec-pos.out"
cp "$T/err" "$T/rec-pos.err"
kill "$HTTPD_PID"
wait "$HTTPD_PID" 2>/dev/null
ok_if "--portfolio --record: a recording" [ -n "$(ls "$T/rec-pos" 2>/dev/null)" ]
HKTOP_NOW=$((HKTOP_NOW + 7 * 86400)) run_with_timeout 20 "$HKTOP" --portfolio \
	-o tencent.quote_url="$BASE" -o yahoo.url="$BASE" -o quotes.failover=no \
	-o positions.file="$T/positions" -o news.sources=none --replay "$T/rec-pos"
like "$(cat "$T/rec-pos.out")" '^0700 .* -40\.000 ' "(--portfolio: the day's P&L)"
is "$(cat "$T/out")" "$(cat "$T/rec-pos.out")" "--portfolio --replay: the output as recorded, a week later"
is "$(cat "$T/err")" "$(cat "$T/rec-pos.err")" "--portfolio --replay: the same on stderr"
LIVE=$ONCE_LIVE
# The dashboard asked for HSTECH as well: its request answers --once's.
ONCE_BASE=$LIVE
LIVE=$DASH_BASE
once --replay "$T/rec" 700 9988.HK HSI BABA
is "$(cat "$T/out")" "$(cat "$T/once.live")" "--once --replay of the dashboard's recording: its quotes"
once --replay "$T/rec" 3690
is "$rc" 1 "a symbol the recording never asked for: exit 1"
is "$(cat "$T/err")" "hktop: 3690: tencent: 3690: not in the recording" "not in the recording"


# --series and --news: recorded and replayed the same way.
start_httpd "$T/rules"
for mode in "--series 1D 700" "--news --format json 700"; do
	# shellcheck disable=SC2086 # the mode is words
	run_with_timeout 20 "$HKTOP" $mode -o tencent.chart_url="$BASE" -o yahoo.rss_url="$BASE" \
		-o eastmoney.news_url="$BASE" -o news.sources="yahoo eastmoney" --record "$T/other"
	cp "$T/out" "$T/other.live"
	# shellcheck disable=SC2086
	run_with_timeout 20 "$HKTOP" $mode -o tencent.chart_url="$BASE" -o yahoo.rss_url="$BASE" \
		-o eastmoney.news_url="$BASE" -o news.sources="yahoo eastmoney" --replay "$T/other"
	is "$rc" 0 "$mode --replay: exit 0"
	ok_if "$mode: there is output" [ -s "$T/out" ]
	is "$(cat "$T/out")" "$(cat "$T/other.live")" "$mode --replay: the output as recorded"
	rm -r "$T/other"
done
kill "$HTTPD_PID"
wait "$HTTPD_PID" 2>/dev/null

# Failures play as they came: a 503's Retry-After, a timeout's cause.
cat > "$T/fail.rules" <<RULES
/q=r_hk00700 503 - header=Retry-After:30
/q=r_hk09988 200 @hang
RULES
start_httpd "$T/fail.rules"
for sym in 700 9988; do
	run_with_timeout 20 "$HKTOP" --once -o tencent.quote_url="$BASE" -o quotes.failover=no \
		-o timeout=1 --record "$T/fail-$sym" $sym
	cp "$T/err" "$T/fail-$sym.live"
	run_with_timeout 20 "$HKTOP" --once -o tencent.quote_url="$BASE" -o quotes.failover=no \
		-o timeout=1 --replay "$T/fail-$sym" $sym
	is "$rc" 1 "$sym: the failure replayed: exit 1"
	is "$(cat "$T/err")" "$(cat "$T/fail-$sym.live")" "$sym: the same cause"
done
like "$(cat "$T/fail-700.live")" 'HTTP 503, retry after 30 s$' "(a 503 with its Retry-After)"
like "$(cat "$T/fail-9988.live")" 'timed out after 1 s$' "(a timeout)"
kill "$HTTPD_PID"
wait "$HTTPD_PID" 2>/dev/null

# --- the keys, on a replayed session of two refreshes 5 minutes apart -----------
start_httpd "$T/rules"
LIVE=$BASE
echo ':save-display /dev/null' > "$T/wait.keys"
HKTOP_NOW=1786090200 dash t1 --record "$T/two" -o news.sources=none < "$T/wait.keys"
HKTOP_NOW=1786090500 dash t2 --record "$T/two" -o news.sources=none < "$T/wait.keys"
is "$(ls "$T/two" | wc -l)" 2 "two runs, two files"
kill "$HTTPD_PID"
wait "$HTTPD_PID" 2>/dev/null
dash keys --replay "$T/two" -o news.sources=none <<EOF
:save-display $T/k1
.
:save-display $T/k2
.
:save-display $T/k3
J
=16:12
<Enter>
z
:save-display $T/k4
J
=2026-08-07 16:99
<Enter>
:save-display $T/k5
EOF
like "$(sed -n 1p "$T/k1")" ' hktop  REPLAY 2026-08-07  HSI .* 16:10 HKT$' "the replay starts at its first record"
like "$(sed -n 1p "$T/k2")" ' hktop  REPLAY 2026-08-07 END  HSI .* 16:15 HKT$' ". steps to the next, here the last"
like "$(sed -n 24p "$T/k3")" 'The recording has ended' ". at the end says so"
like "$(sed -n 1p "$T/k4")" ' hktop  REPLAY 2026-08-07 PAUSED  HSI .* 16:12 HKT$' "J jumps back, z pauses"
like "$(sed -n 24p "$T/k4")" '^ Paused at 16:12:00 HKT \(z plays on\) ' \
	"z says where the replay stopped, as the demo's does (was 'Paused')"
like "$(sed -n 24p "$T/k5")" 'Not a time: 2026-08-07 16:99' "a time that is none is refused"
is "$(sed 1d "$T/k4" | sed '$d')" "$(sed 1d "$T/k1" | sed '$d')" "the quotes of 16:10 again at 16:12"

# A step and a jump back ask for the open chart again, from the recording.
start_httpd "$T/rules"
LIVE=$BASE
printf '<Enter>\n:save-display /dev/null\n' > "$T/chart.keys"
HKTOP_NOW=1786090200 dash c1 --record "$T/chart" -o news.sources=none < "$T/chart.keys"
HKTOP_NOW=1786090500 dash c2 --record "$T/chart" -o news.sources=none < "$T/chart.keys"
kill "$HTTPD_PID"
wait "$HTTPD_PID" 2>/dev/null
dash jump --replay "$T/chart" -o news.sources=none <<EOF
<Enter>
.
J
=16:10
<Enter>
:save-display $T/jump
EOF
is "$(grep -c 'minute/query?code=hkHSI' "$T/jump.trace")" 3 \
	"the chart at the start, after the step and after the jump back"

# A quote the recording never asked for fails as "not in the recording":
# the live run's hint to try --demo would send a replay's user astray.
dash unrecorded --replay "$T/two" -o replay.speed=1000 -o news.sources=none -o watchlist=3690 <<EOF
:save-display $T/unrec
EOF
like "$(sed -n 24p "$T/unrec")" 'No quotes, retrying in .*not in the recording' \
	"a replay's failed refresh says why"
unlike "$(sed -n 24p "$T/unrec")" 'try hktop --demo' "with no hint to try --demo"

# On a terminal, a replay played to its end waits for keys: its clock
# stopped, nothing is due (it once ended the dashboard at once, "waiting
# for events failed": poll was given no timeout).
if command -v script >/dev/null 2>&1; then
	mkfifo "$T/pty.keys"
	exec 3<>"$T/pty.keys"
	script -qefc "stty rows 24 cols 80; exec '$HKTOP' -o quotes.failover=no -o news.sources=none --replay '$T/two' 2>'$T/pty.err'" \
		"$T/pty.log" > /dev/null 2>&1 <&3 &
	spid=$!
	k=0
	until grep -q 'REPLAY 2026-08-07' "$T/pty.log" 2>/dev/null || [ $k -ge 200 ]; do
		sleep 0.05
		k=$((k + 1))
	done
	printf 'J' >&3
	printf 'end\r' >&3
	sleep 0.5
	ok_if "on a terminal, played to its end: still running" kill -0 "$spid"
	printf 'q' >&3
	k=0
	while kill -0 "$spid" 2>/dev/null && [ $k -lt 100 ]; do
		sleep 0.05
		k=$((k + 1))
	done
	wait "$spid"
	is "$?" 0 "and q ends it: exit 0"
	is "$(cat "$T/pty.err")" "" "with nothing on stderr"
	exec 3>&-
else
	pass "# SKIP script(1) is not installed"
	pass "# SKIP"
	pass "# SKIP"
fi

# kill -9 while recording, a refresh a second: every record on the disk
# is whole (no buffered half of one), and all of them play.
if command -v script >/dev/null 2>&1; then
	start_httpd "$T/rules"
	script -qfc "stty rows 24 cols 80; exec '$HKTOP' -o tencent.quote_url='$BASE' -o quotes.failover=no -o news.sources=none -o refresh=1 -o watchlist='700 9988' --record '$T/killed'" \
		/dev/null > /dev/null 2>&1 < /dev/null &
	spid=$!
	# Three records on the disk, not three requests in the server's log:
	# a request is logged before its reply is recorded.
	k=0
	while [ "$(cat "$T"/killed/*.hkrec 2>/dev/null | grep -ao HKRC | wc -l)" -lt 3 ] && [ $k -lt 400 ]; do
		sleep 0.05
		k=$((k + 1))
	done
	pkill -KILL -P "$spid"
	wait "$spid" 2>/dev/null
	run_with_timeout 20 "$HKTOP" --once -o tencent.quote_url="$BASE" -o quotes.failover=no \
		--replay "$T/killed" 700 9988
	is "$rc" 0 "killed -9 while recording: the recording plays"
	is "$(cat "$T/err")" "" "with no record cut short"
	n=$(cat "$T"/killed/*.hkrec | grep -ao HKRC | wc -l)
	ok_if "three refreshes or more recorded ($n)" [ "$n" -ge 3 ]
	kill "$HTTPD_PID"
	wait "$HTTPD_PID" 2>/dev/null
else
	pass "# SKIP script(1) is not installed"
	pass "# SKIP"
	pass "# SKIP"
fi

# --- bad input ----------------------------------------------------------------
bad()
{
	run_with_timeout 20 "$HKTOP" --once --format json -o quotes.failover=no \
		-o tencent.quote_url="$ONCE_BASE" "$@" 700
}
mkdir "$T/cut"
f=$(ls "$T"/once/*.hkrec)
size=$(wc -c < "$f")
head -c $((size - 5)) "$f" > "$T/cut/a.hkrec"
cat "$f" > "$T/cut/b.hkrec" # a later run, whole
bad --replay "$T/cut"
is "$rc" 0 "a cut record: the rest plays"
like "$(cat "$T/err")" '^hktop: --replay: a\.hkrec: record 1 at byte [0-9]+: cut short \([0-9]+ of [0-9]+ data bytes\); the rest of the file is skipped$' \
	"the cut record is named, where and why"
rm "$T/cut/b.hkrec"
bad --replay "$T/cut"
is "$rc" 1 "only a cut record: exit 1"
like "$(cat "$T/err")" "^hktop: --replay: $T/cut: no record to play: a\\.hkrec: record 1 at byte [0-9]+: cut short" \
	"nothing to play, and why"

# A flipped bit in the first record's body length: its head's checksum.
mkdir "$T/corrupt"
cp "$f" "$T/corrupt/a.hkrec"
hl=$(head -n 1 "$f" | wc -c)
printf '\377' | dd of="$T/corrupt/a.hkrec" bs=1 seek=$((hl + 30)) conv=notrunc 2>/dev/null
bad --replay "$T/corrupt"
is "$rc" 1 "a corrupt length: exit 1"
is "$(cat "$T/err")" "hktop: --replay: $T/corrupt: no record to play: a.hkrec: record 1 at byte $hl: corrupt head (checksum); the rest of the file is skipped" \
	"said before any length is believed"

bad --replay "$T/missing"
is "$(cat "$T/err")" "hktop: --replay: $T/missing: No such file or directory" "a missing directory"
mkfifo "$T/fifo"
bad --replay "$T/fifo"
is "$(cat "$T/err")" "hktop: --replay: $T/fifo: Not a directory" "a FIFO for a directory"
mkdir "$T/junk"
echo 'not a recording' > "$T/junk/notes.txt"
cp "$F/tencent-batch.gbk.txt" "$T/junk/"
bad --replay "$T/junk"
is "$(cat "$T/err")" "hktop: --replay: $T/junk: no recording in it (no *.hkrec file)" \
	"a directory of unrelated files"
cp "$f" "$T/junk/b.hkrec"
mkfifo "$T/junk/a.hkrec"
printf 'hktop-recording 2 hktop/9.0\n' > "$T/junk/c.hkrec"
cp "$F/tencent-batch.gbk.txt" "$T/junk/d.hkrec"
bad --replay "$T/junk"
is "$rc" 0 "a FIFO, a newer format and a stray file among them: the recording plays"
is "$(cat "$T/err")" "hktop: --replay: a.hkrec: not a regular file
hktop: --replay: c.hkrec: recording format 2, made by a newer hktop; this one plays format 1 only
hktop: --replay: d.hkrec: not an hktop recording (no \"hktop-recording\" line)" "each is named, none hangs"

# Unreadable, for root too: hktop runs as nobody.
mkdir "$T/locked"
cp "$f" "$T/locked/"
chmod 700 "$T/locked"
chmod 755 "$T"
if [ "$(id -u)" = 0 ]; then
	run_with_timeout 20 setpriv --reuid=65534 --regid=65534 --clear-groups "$HKTOP" --once \
		-o quotes.failover=no --replay "$T/locked" 700
else
	run_with_timeout 20 "$HKTOP" --once -o quotes.failover=no --replay "$T/locked" 700
	chmod 000 "$T/locked"
	run_with_timeout 20 "$HKTOP" --once -o quotes.failover=no --replay "$T/locked" 700
	chmod 700 "$T/locked"
fi
is "$(cat "$T/err")" "hktop: --replay: $T/locked: Permission denied" "an unreadable directory"

# --- a large recording, streamed -------------------------------------------------
# 100,000 records (some 150 MB): played to its end in the memory of one.
"$MKREC" "$T/big.hkrec" 100000 "$F/tencent-batch.gbk.txt" \
	"http://127.0.0.1:9/q=r_hk00700" 1786060000000 250
mkdir "$T/big" && mv "$T/big.hkrec" "$T/big/"
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=1" \
	run_with_timeout 60 "$MKREC" --rss "$HKTOP" --once --format json -o quotes.failover=no \
	-o tencent.quote_url=http://127.0.0.1:9 --replay "$T/big" 700
is "$rc" 0 "a 150 MB recording plays to its end"
like "$(cat "$T/out")" '"price":478\.800' "its last quote"
kb=$(sed -n 's/^maxrss //p' "$T/err")
ok_if "peak memory ${kb} KiB, under 64 MiB" [ "${kb:-999999}" -lt 65536 ]
rm -r "$T/big"

# --- recording stops, hktop goes on ------------------------------------------------
start_httpd "$T/rules"
LIVE=$BASE
once --record /proc/hktop-cannot
is "$rc" 1 "an unwritable --record directory: exit 1 at start"
is "$(cat "$T/err")" "hktop: --record: /proc/hktop-cannot: No such file or directory" "and why"

cat > "$T/big.rules" <<RULES
/q= 200 @zero:100K
RULES
start_httpd "$T/big.rules"
run_with_timeout 20 "$HKTOP" --once -o tencent.quote_url="$BASE" -o quotes.failover=no \
	-o record.max_size=64K --record "$T/capped" 700
like "$(cat "$T/err")" "^hktop: --record: recording stopped: record\\.max_size \\(65536 bytes\\) reached in $T/capped$" \
	"record.max_size stops recording and says so"
is "$(cat "$T"/capped/*.hkrec | wc -l)" 1 "the file keeps its header line, no part of a record"
# The dashboard says so on the status line, and in the messages view.
LIVE=$BASE
dash capped-dash --record "$T/capped-dash" -o record.max_size=64K -o news.sources=none <<EOF
:save-display $T/cap1
M
:save-display $T/cap2
EOF
like "$(sed -n 24p "$T/cap1")" "^ recording stopped: record\.max_size \(65536 bytes\) reached" \
	"the dashboard: the status line says recording stopped, the cause before it is cut"
like "$(cat "$T/cap2")" "^ ?\*16:10:00 record error recording stopped: record\.max_size \(65536 bytes\)" \
	"and the messages view keeps it whole"

if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null 2>&1 &&
   unshare -m true 2>/dev/null; then
	mkdir "$T/full"
	run_with_timeout 20 unshare -m sh -c '
		mount -t tmpfs -o size=40k tmpfs "$1" || exit 99
		shift
		"$@"
		rc=$?
		cat "$0"/*.hkrec > "$0.copy"
		exit $rc' "$T/full" "$T/full" "$HKTOP" --once -o tencent.quote_url="$BASE" \
		-o quotes.failover=no -o record.max_size=2047M --record "$T/full" 700
	is "$rc" 1 "a full disk: hktop goes on (the zeros are no quote: exit 1)"
	like "$(cat "$T/err")" "^hktop: --record: recording stopped: No space left on device writing $T/full/.*\\.hkrec$" \
		"recording stops with the cause"
	is "$(cat "$T/full.copy")" "$(head -n 1 "$T/full.copy")" "the file ends at its last whole record"
else
	pass "# SKIP a full disk needs root and a mount namespace"
	pass "# SKIP"
	pass "# SKIP"
fi

# The demo makes its data up: nothing of it to record, no recording to feed it.
for opt in --record --replay; do
	run_with_timeout 20 "$HKTOP" --demo "$opt" "$T/demo-$opt"
	is "$rc" 2 "--demo $opt: a usage error"
	is "$(cat "$T/err")" "hktop: --demo makes its data up: not with $opt, which is for live quotes" \
		"--demo $opt: refused, and why"
	ok_if "--demo $opt: no directory made" [ ! -e "$T/demo-$opt" ]
done

done_testing
