#!/bin/sh
# series.sh - hktop --series end to end: the real libcurl path against a
# loopback server with Tencent minute and kline replies and Yahoo's chart,
# the failover to Yahoo when Tencent answers 503 or garbage, the causes
# when every source fails, and the usage errors.
. "$(dirname "$0")/lib.sh"
setup_tmp
F=$FIXTURES

cat > "$T/rules-tencent" <<RULES
/appstock/app/minute/query?code=hk00700 200 $F/tencent-minute-0700.json
/appstock/app/fqkline/get?param=hk00700,day,,,25,qfq 200 $F/tencent-kline-day.json
/appstock/app/fqkline/get?param=hk00700,week,,,265,qfq 200 $F/tencent-kline-week.json
RULES
start_httpd "$T/rules-tencent"
TENCENT=$BASE
cat > "$T/rules-yahoo" <<RULES
/v8/finance/chart/0700.HK?range=1d&interval=1m 200 $F/yahoo-chart-0700-1d.json
/v8/finance/chart/%5EHSI?range=5d&interval=5m 200 $F/yahoo-chart-hsi-5d.json
* 404 $F/yahoo-chart-404.json
RULES
start_httpd "$T/rules-yahoo"
YAHOO=$BASE
YLOG=$REQLOG
cat > "$T/rules-down" <<RULES
/appstock/app/minute/query?code=hk00700 503 -
/appstock/app/fqkline/get?param=hk00700,day 200 $F/sina-forbidden.txt
* 503 -
RULES
start_httpd "$T/rules-down"
DOWN=$BASE

series()
{
	HKTOP_TRACE="$T/trace" run_with_timeout 20 "$HKTOP" "$@"
}
: > "$T/trace"

series --series 1D -o tencent.chart_url="$TENCENT" -o yahoo.url="$YAHOO" 700
is "$rc" 0 "1D from Tencent's minute data: exit 0"
is "$(cat "$T/err")" "" "nothing on stderr"
is "$(cat "$T/out")" "time,open,high,low,close,volume
2026-08-07T09:30:00+08:00,479.000,479.000,479.000,479.000,380150
2026-08-07T09:31:00+08:00,479.200,479.200,479.200,479.200,132150
2026-08-07T09:32:00+08:00,478.600,478.600,478.600,478.600,127800
2026-08-07T09:33:00+08:00,478.800,478.800,478.800,478.800,61900
2026-08-07T11:59:00+08:00,477.400,477.400,477.400,477.400,7418300
2026-08-07T12:00:00+08:00,477.600,477.600,477.600,477.600,30700
2026-08-07T13:00:00+08:00,477.800,477.800,477.800,477.800,150200
2026-08-07T13:01:00+08:00,478.200,478.200,478.200,478.200,88800
2026-08-07T16:00:00+08:00,478.600,478.600,478.600,478.600,7710000
2026-08-07T16:08:00+08:00,478.800,478.800,478.800,478.800,219939" \
	"csv: a price a minute, the volume of each minute (not cumulative), no lunch bars"
is "$(cat "$T/trace")" "GET $TENCENT/appstock/app/minute/query?code=hk00700" "one request, Tencent's minute URL"

: > "$T/trace"
series --series 1m --format json -o tencent.chart_url="$TENCENT" -o yahoo.url="$YAHOO" 0700.HK
is "$rc" 0 "1M from Tencent's kline: exit 0"
is "$(head -2 "$T/out")" '{"symbol":"0700","range":"1M","source":"tencent","interval":86400,"prev_close":null,"bars":[
{"time":"2026-08-03T00:00:00+08:00","open":470.000,"high":474.000,"low":468.200,"close":472.400,"volume":15012345.00},' \
	"json: kline rows (open, close, high, low) as OHLC"
is "$(sed -n '/2026-08-05/p' "$T/out")" '{"time":"2026-08-05T00:00:00+08:00","open":470.000,"high":477.000,"low":469.400,"close":476.200,"volume":21044500.00},' \
	"a row with an event object and extra fields reads its first six"
is "$(tail -1 "$T/out")" "]}" "json: closed"
is "$(cat "$T/trace")" "GET $TENCENT/appstock/app/fqkline/get?param=hk00700,day,,,25,qfq" "kline URL with 25 days"

series --series 5Y -o tencent.chart_url="$TENCENT" -o yahoo.url="$YAHOO" 700
is "$rc" 0 "5Y: week bars: exit 0"
like "$(sed -n 2p "$T/out")" '^20[0-9-]+T00:00:00\+08:00,[0-9.]+,[0-9.]+,[0-9.]+,[0-9.]+,[0-9.]*$' "week bars"

: > "$T/trace"
series --series 5D -o tencent.chart_url="$TENCENT" -o yahoo.url="$YAHOO" HSI
is "$rc" 0 "5D: Yahoo first: exit 0"
is "$(cat "$T/trace")" "GET $YAHOO/v8/finance/chart/%5EHSI?range=5d&interval=5m" "^HSI escaped in Yahoo's URL"
like "$(sed -n 2p "$T/out")" '^2026-08-0[0-9]T[0-9:]+\+08:00,' "5-minute bars in HKT"
like "$(cat "$YLOG")" '^GET /v8/finance/chart/%5EHSI.*	Mozilla/5\.0 .*Chrome' "Yahoo gets a browser User-Agent"

# Failover: Tencent 503 on the minute query, Yahoo answers.
: > "$T/trace"
series --series 1D -o tencent.chart_url="$DOWN" -o yahoo.url="$YAHOO" 700
is "$rc" 0 "Tencent 503: Yahoo takes over: exit 0"
is "$(cat "$T/err")" "" "a chart came: nothing on stderr"
is "$(cat "$T/trace")" "GET $DOWN/appstock/app/minute/query?code=hk00700
GET $YAHOO/v8/finance/chart/0700.HK?range=1d&interval=1m" "Tencent first, then Yahoo"
is "$(sed -n 2p "$T/out")" "2026-08-07T09:30:00+08:00,479.000,479.400,478.800,479.200,380150" \
	"Yahoo's OHLC rounded to priceHint decimals"
unlike "$(cat "$T/out")" '09:33' "Yahoo's all-null bar is skipped, not read as 0"

# Failover: Tencent answers garbage (200, not JSON) for the kline; Yahoo has no 1M here (404).
series --series 1M -o tencent.chart_url="$DOWN" -o yahoo.url="$YAHOO" 700
is "$rc" 1 "garbage, then 404: exit 1"
is "$(cat "$T/out")" "" "nothing on stdout"
is "$(cat "$T/err")" 'hktop: tencent: 0700: reply is not JSON: "Forbidden"; yahoo: 0700: HTTP 404' \
	"stderr: one line with both causes"

series --series 1M -o chart.failover=no -o tencent.chart_url="$DOWN" -o yahoo.url="$YAHOO" 700
is "$rc" 1 "chart.failover=no: exit 1"
is "$(cat "$T/err")" 'hktop: tencent: 0700: reply is not JSON: "Forbidden"' "and Yahoo is not asked"

series --series 1D -o timeout=1 -o tencent.chart_url=http://127.0.0.1:1 -o yahoo.url="$DOWN" 700
is "$rc" 1 "connection refused, then 503: exit 1"
like "$(cat "$T/err")" '^hktop: tencent: 0700: Failed to connect to 127\.0\.0\.1 port 1.*; yahoo: 0700: HTTP 503$' "both causes named"

# Figures a double cannot hold to their decimals are refused with the
# source's text, never printed as another number: a close of 18 nines
# (1e18 in a double), a Yahoo open of 1e300.
cat > "$T/rules-digits" <<RULES
/appstock/app/fqkline/get?param=hk00700,day,,,25,qfq 200 $F/tencent-kline-digits.json
/v8/finance/chart/0700.HK?range=1d&interval=1m 200 $F/yahoo-chart-huge.json
RULES
start_httpd "$T/rules-digits"
DIGITS=$BASE
series --series 1M -o chart.failover=no -o tencent.chart_url="$DIGITS" 700
is "$rc" 1 "a close of 18 nines: exit 1"
is "$(cat "$T/err")" 'hktop: tencent: 0700: kline 2026-08-07: close "999999999999999999" has more digits than a double holds exactly' \
	"the cause quotes the source's figure"
unlike "$(cat "$T/out")" '1000000000000000000' "and 1e18 is never printed"
series --series 1D --format json -o tencent.chart_url=http://127.0.0.1:1 -o timeout=1 -o yahoo.url="$DIGITS" 700
is "$rc" 1 "a Yahoo open of 1e300: exit 1"
like "$(cat "$T/err")" '; yahoo: 0700: open\[0\] has more digits than a double holds exactly$' "refused, with the cause"
unlike "$(cat "$T/out")" '[0-9]{20}' "no 46-digit figure"

# US listings are charted from Yahoo only.
: > "$T/trace"
series --series 1D -o tencent.chart_url="$TENCENT" -o yahoo.url="$YAHOO" BABA
is "$rc" 1 "BABA: Yahoo 404: exit 1"
is "$(cat "$T/trace")" "GET $YAHOO/v8/finance/chart/BABA?range=1d&interval=1m" "BABA goes to Yahoo alone"
is "$(cat "$T/err")" "hktop: yahoo: BABA: HTTP 404" "its cause"

# Usage errors: exit 2, nothing fetched.
series --series 2W 700
is "$rc" 2 "a bad range: exit 2"
is "$(cat "$T/err")" 'hktop: --series: "2W": not a range (1D, 5D, 1M, 3M, 6M, 1Y or 5Y)' "quoted"
series --series 1D
is "$rc" 2 "no symbol: exit 2"
series --series 1D 700 9988
is "$rc" 2 "two symbols: exit 2"
is "$(cat "$T/err")" "hktop: --series takes exactly one SYMBOL" "says so"
series --series 1D --format table 700
is "$rc" 2 "--format table: exit 2"
series --series 1D --once 700
is "$rc" 2 "--series with --once: exit 2"
series --series 1D XYZ12
is "$rc" 2 "a bad symbol: exit 2"

done_testing
