#!/bin/sh
# detail.sh - the detail view on a virtual screen: chart and figures at
# 80x24 and 120x40, range keys, the candle toggle, the bar cursor, [ and ],
# the stale mark after a failed chart refetch, ADR parity, --demo.
. "$(dirname "$0")/lib.sh"
setup_tmp
F=$FIXTURES

# Quotes and charts of 2026-08-07; the clock is frozen at 16:10:00 HKT.
cat > "$T/rules" <<RULES
/q= 200 $F/tencent-batch.gbk.txt
/appstock/app/minute/query?code=hk00700 200 $F/tencent-minute-0700.json
/appstock/app/fqkline/get?param=hk00700,day 200 $F/tencent-kline-day.json
/appstock/app/fqkline/get?param=hk00700,week 200 $F/tencent-kline-week.json
/appstock/app/minute/query?code=hkHSI 200 $F/tencent-minute-hsi.json
/v8/finance/chart/0700.HK 200 $F/yahoo-chart-0700-1d.json
/v8/finance/chart/HKD%3DX 200 $F/yahoo-chart-usdhkd-1d.json
RULES
start_httpd "$T/rules"
GOOD=$BASE
GLOG=$REQLOG

export TERM=xterm-256color LINES=24 COLUMNS=80 HKTOP_NOW=1786090200
unset NO_COLOR

# detail NAME BASE [hktop args...] < script: run it, dumps in $T/NAME.*
detail()
{
	name=$1 base=$2
	shift 2
	cat > "$T/$name.script"
	HKTOP_SCRIPT="$T/$name.script" HKTOP_TRACE="$T/$name.trace" run_with_timeout 30 "$HKTOP" \
		-o tencent.quote_url="$base" -o tencent.chart_url="$base" -o yahoo.url="$base" \
		-o quotes.failover=no -o watchlist="HSI 700 9988 BABA" "$@"
	is "$rc" 0 "$name: exit 0"
	is "$(cat "$T/err")" "" "$name: nothing on stderr"
}

detail first "$GOOD" <<EOF
j
<Enter>
:save-display $T/first.txt
3
:save-display $T/m1.txt
c
:save-display $T/candle.txt
h
:save-display $T/cursor1.txt
h
h
:save-display $T/cursor2.txt
l
:save-display $T/cursor3.txt
7
:save-display $T/y5.txt
]
:save-display $T/next.txt
[
:save-display $T/prev.txt
q
:save-display $T/back.txt
EOF
LINES=40 COLUMNS=120 detail big "$GOOD" <<EOF
j
j
<Enter>
:save-display $T/big.txt
EOF
done_testing
