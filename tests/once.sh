#!/bin/sh
# once.sh - hktop --once end to end: the real libcurl path against a
# loopback server serving the services' exact wire formats (GBK bodies),
# every field of the JSON, failover, timeouts, size caps and bad input.
. "$(dirname "$0")/lib.sh"
setup_tmp
F=$FIXTURES

# Tencent: the batch fixture holds 00700, 09988, HSI, HSTECH and usBABA
# lines as captured on 2026-08-07, GBK-encoded.
cat > "$T/rules" <<RULES
/q=r_hk00700,r_hk09988,hkHSI,hkHSTECH,usBABA 200 $F/tencent-batch.gbk.txt
/q=r_hk00700 200 $F/tencent-batch.gbk.txt
/q=usBABA 200 $F/tencent-batch.gbk.txt
RULES
start_httpd "$T/rules"
TENCENT=$BASE
TLOG=$REQLOG

HKTOP_TRACE="$T/trace" run_with_timeout 20 "$HKTOP" --once --format json \
	-o tencent.quote_url="$TENCENT" -o quotes.failover=no 700 9988.HK '^HSI' HSTECH BABA
is "$rc" 0 "every symbol quoted: exit 0"
is "$(cat "$T/err")" "" "nothing on stderr"
cat > "$T/want" <<'JSON'
[
{"symbol":"0700","name":"腾讯控股","name_en":"TENCENT","price":478.800,"prev_close":479.200,"open":479.000,"high":483.200,"low":475.400,"change":-0.400,"change_pct":-0.08,"volume":16319939.0,"turnover":7803757295.250,"market_cap":4348807140000,"lot_size":100,"currency":"HKD","time":"2026-08-07T16:08:23+08:00","source":"tencent"},
{"symbol":"9988","name":"阿里巴巴－Ｗ","name_en":"BABA-W","price":118.300,"prev_close":117.500,"open":117.900,"high":119.600,"low":116.800,"change":0.800,"change_pct":0.68,"volume":45231560.0,"turnover":5355958379.800,"market_cap":2255179480000,"lot_size":100,"currency":"HKD","time":"2026-08-07T16:08:11+08:00","source":"tencent"},
{"symbol":"HSI","name":"恒生指数","name_en":"Hang Seng Index","price":24858.820,"prev_close":24961.460,"open":24990.110,"high":25020.540,"low":24780.310,"change":-102.640,"change_pct":-0.41,"volume":null,"turnover":null,"market_cap":null,"lot_size":null,"currency":"HKD","time":"2026-08-07T16:09:05+08:00","source":"tencent"},
{"symbol":"HSTECH","name":"恒生科技指数","name_en":"Hang Seng TECH Index","price":4302.150,"prev_close":4331.870,"open":4335.020,"high":4348.600,"low":4281.330,"change":-29.720,"change_pct":-0.69,"volume":null,"turnover":null,"market_cap":null,"lot_size":null,"currency":"HKD","time":"2026-08-07T16:09:05+08:00","source":"tencent"},
{"symbol":"BABA","name":"阿里巴巴","name_en":"Alibaba Group Holding Ltd","price":120.450,"prev_close":118.920,"open":119.500,"high":121.280,"low":118.660,"change":1.530,"change_pct":1.29,"volume":12834567,"turnover":1545873490.000,"market_cap":null,"lot_size":null,"currency":"USD","time":"2026-08-07T16:00:02-04:00","source":"tencent"}
]
JSON
is "$(cat "$T/out")" "$(cat "$T/want")" "JSON: every field exactly as the source gave it"
is "$(cat "$T/trace")" "GET $TENCENT/q=r_hk00700,r_hk09988,hkHSI,hkHSTECH,usBABA" \
	"one batched request with Tencent's codes"
like "$(cat "$TLOG")" '	Mozilla/5\.0 .*	https://finance\.qq\.com/$' "a browser User-Agent and the Referer are sent"

run_with_timeout 20 "$HKTOP" --once --format csv -o tencent.quote_url="$TENCENT" 0700
is "$rc" 0 "csv: exit 0"
is "$(cat "$T/out")" "symbol,name,name_en,price,prev_close,open,high,low,change,change_pct,volume,turnover,market_cap,lot_size,currency,time,source,error
0700,腾讯控股,TENCENT,478.800,479.200,479.000,483.200,475.400,-0.400,-0.08,16319939.0,7803757295.250,4348807140000,100,HKD,2026-08-07T16:08:23+08:00,tencent," "csv: header and row"

run_with_timeout 20 "$HKTOP" --once -o names=zh -o tencent.quote_url="$TENCENT" 0700
is "$(cat "$T/out")" "SYMBOL  NAME             LAST     CHANGE     CHG%           VOLUME  TIME                      SOURCE
0700    腾讯控股      478.800     -0.400    -0.08       16319939.0  2026-08-07T16:08:23+08:00 tencent" \
	"table: Chinese names aligned by display width"
# A table in a locale that is not UTF-8 could not measure Chinese names:
# English ones, said on stderr. JSON and CSV are UTF-8 whatever the locale.
LC_ALL=C run_with_timeout 20 "$HKTOP" --once -o names=zh -o tencent.quote_url="$TENCENT" 0700
is "$rc" 0 "LC_ALL=C, names = zh, table: exit 0"
is "$(cat "$T/out")" "SYMBOL  NAME            LAST     CHANGE     CHG%           VOLUME  TIME                      SOURCE
0700    TENCENT      478.800     -0.400    -0.08       16319939.0  2026-08-07T16:08:23+08:00 tencent" \
	"English names"
is "$(cat "$T/err")" "hktop: names = zh needs a UTF-8 locale (LC_CTYPE is C); English names shown" \
	"and why, once"
LC_ALL=C run_with_timeout 20 "$HKTOP" --once --format csv -o names=zh -o tencent.quote_url="$TENCENT" 0700
like "$(cat "$T/out")" '^0700,腾讯控股,TENCENT,' "CSV keeps the Chinese name"
is "$(cat "$T/err")" "" "and has nothing to say"

# Failover: Tencent answers 503, Sina takes over for what it serves.
cat > "$T/rules-sina" <<RULES
/list= 200 $F/sina-batch.gbk.txt
RULES
start_httpd "$T/rules-sina"
SINA=$BASE
SLOG=$REQLOG
cat > "$T/rules-503" <<RULES
* 503 -
RULES
start_httpd "$T/rules-503"
DOWN=$BASE
HKTOP_TRACE="$T/trace2" run_with_timeout 20 "$HKTOP" --once --format json \
	-o tencent.quote_url="$DOWN" -o sina.quote_url="$SINA" 700 HSI BABA
is "$rc" 1 "one symbol failed everywhere: exit 1"
is "$(cat "$T/trace2")" "GET $DOWN/q=r_hk00700,hkHSI,usBABA
GET $SINA/list=rt_hk00700,rt_hkHSI" "Sina is asked only for what Tencent could not serve and Sina can"
like "$(cat "$T/out")" '^\{"symbol":"0700","name":"腾讯控股","name_en":"TENCENT","price":455.200,"prev_close":447.800,"open":444.000,"high":462.200,"low":443.400,"change":7.400,"change_pct":1.653,"volume":27742475,"turnover":12655334445.330,"market_cap":null,"lot_size":100,"currency":"HKD","time":"2026-08-28T16:08:36\+08:00","source":"sina"\},$' \
	"0700 from Sina, with Sina's own figures and time"
like "$(cat "$T/out")" '"symbol":"HSI",.*"price":25915.820,.*"source":"sina"' "HSI from Sina"
like "$(cat "$T/out")" '"symbol":"BABA","name":null,.*"price":null,.*"error":"tencent: BABA: HTTP 503; sina: BABA: not served by sina"' \
	"BABA: an error naming both sources, no figures"
is "$(cat "$T/err")" "hktop: BABA: tencent: BABA: HTTP 503; sina: BABA: not served by sina" \
	"stderr: one line with the cause"
like "$(cat "$SLOG")" '^GET /list=rt_hk00700,rt_hkHSI	Mozilla.*	https://finance\.sina\.com\.cn/$' "Sina gets its required Referer"

# quotes.source=sina makes Sina the primary.
HKTOP_TRACE="$T/trace3" run_with_timeout 20 "$HKTOP" --once --format json \
	-o quotes.source=sina -o sina.quote_url="$SINA" -o tencent.quote_url="$TENCENT" 700 BABA
is "$rc" 0 "sina primary: exit 0"
is "$(cat "$T/trace3")" "GET $SINA/list=rt_hk00700
GET $TENCENT/q=usBABA" "Sina first; Tencent for the ADR it cannot serve"

# Timeout: Tencent hangs past timeout=1; Sina answers.
cat > "$T/rules-slow" <<RULES
* 200 $F/tencent-batch.gbk.txt delay=5000
RULES
start_httpd "$T/rules-slow"
SLOW=$BASE
run_with_timeout 20 "$HKTOP" --once --format json -o timeout=1 \
	-o tencent.quote_url="$SLOW" -o sina.quote_url="$DOWN" 700
is "$rc" 1 "timeout then 503: exit 1"
is "$(cat "$T/err")" "hktop: 0700: tencent: 0700: timed out after 1 s; sina: 0700: HTTP 503" "the timeout is named"

# Size cap: a 3 MiB body is cut off at the 2 MiB default while it arrives.
cat > "$T/rules-big" <<RULES
* 200 @zero:3M
RULES
start_httpd "$T/rules-big"
run_with_timeout 20 "$HKTOP" --once -o quotes.failover=no -o tencent.quote_url="$BASE" 700
is "$rc" 1 "oversized body: exit 1"
is "$(cat "$T/err")" "hktop: 0700: tencent: 0700: response larger than 2097152 bytes" "the cap is named"
run_with_timeout 20 "$HKTOP" --once -o quotes.failover=no -o max_body=64K -o tencent.quote_url="$BASE" 700
is "$(cat "$T/err")" "hktop: 0700: tencent: 0700: response larger than 65536 bytes" "max_body sets the cap"

# A 100 MB header line: libcurl 7.88 gives up on it with "Out of memory".
cat > "$T/rules-head" <<RULES
* 200 @longhead:100M
RULES
start_httpd "$T/rules-head"
run_with_timeout 20 "$HKTOP" --once -o quotes.failover=no -o tencent.quote_url="$BASE" 700
is "$rc" 1 "a header line of 100 MB: exit 1"
is "$(cat "$T/err")" "hktop: 0700: tencent: 0700: response header too large" "the header's size is named"

# Connection refused: a port nobody listens on.
run_with_timeout 20 "$HKTOP" --once -o quotes.failover=no -o tencent.quote_url=http://127.0.0.1:1 700
is "$rc" 1 "connection refused: exit 1"
like "$(cat "$T/err")" '^hktop: 0700: tencent: 0700: Failed to connect to 127\.0\.0\.1 port 1' "the connect failure is named"

# Bad bodies, each its own server rule.
cat > "$T/rules-bad" <<RULES
/q=r_hk99999 200 $F/tencent-unknown.gbk.txt
/q=r_hk00700,r_hk99999 200 $F/tencent-partial.gbk.txt
/q=r_hk00700,r_hk09988 200 $F/tencent-price0.gbk.txt
/q=r_hk00001 200 $F/tencent-truncated.gbk.txt
/q=r_hk00002 200 $F/tencent-hostile.gbk.txt
/q=r_hk00003 200 - truncate=0
/q=r_hk00004 200 $F/tencent-batch.gbk.txt truncate=300
/q=r_hk00700 200 $F/tencent-digits.gbk.txt
RULES
start_httpd "$T/rules-bad"
BAD=$BASE

run_with_timeout 20 "$HKTOP" --once -o quotes.failover=no -o tencent.quote_url="$BAD" 99999
is "$rc" 1 "unknown code: exit 1"
is "$(cat "$T/err")" "hktop: 99999: tencent: 99999: no data (unknown code?)" "unknown code named"

run_with_timeout 20 "$HKTOP" --once --format json -o quotes.failover=no -o tencent.quote_url="$BAD" 700 99999
is "$rc" 1 "one good, one unknown: exit 1"
like "$(cat "$T/out")" '"symbol":"0700".*"price":478.800' "the good one is printed"
like "$(cat "$T/out")" '"symbol":"99999".*"price":null.*"error":"tencent: 99999: ' "the bad one has an error and no figures"

run_with_timeout 20 "$HKTOP" --once --format json -o quotes.failover=no -o tencent.quote_url="$BAD" 700 9988
is "$rc" 1 "price 0: exit 1"
like "$(cat "$T/err")" '^hktop: 0700: tencent: 0700: ' "a price of 0 is an error"
unlike "$(cat "$T/out")" '"price":0' "and never printed as a price"
like "$(cat "$T/out")" '"symbol":"9988".*"price":118.300' "the other line still counts"

run_with_timeout 20 "$HKTOP" --once -o quotes.failover=no -o tencent.quote_url="$BAD" 0001
is "$rc" 1 "truncated line: exit 1"

run_with_timeout 20 "$HKTOP" --once --format json -o quotes.failover=no -o tencent.quote_url="$BAD" 0002
esc=$(printf '\033')
bel=$(printf '\007')
unlike "$(cat "$T/out" "$T/err")" "[$esc$bel]" "escape sequences from the network never reach the output"

run_with_timeout 20 "$HKTOP" --once -o quotes.failover=no -o tencent.quote_url="$BAD" 0003
is "$rc" 1 "empty body: exit 1"
run_with_timeout 20 "$HKTOP" --once -o quotes.failover=no -o tencent.quote_url="$BAD" 0004
is "$rc" 1 "body cut short: exit 1"
like "$(cat "$T/err")" '^hktop: 0004: tencent: 0004: ' "and the cause is given"

# A price of 18 nines is more than a double holds: refused, and the
# message quotes the source's figure, never 1000000000000000000.
run_with_timeout 20 "$HKTOP" --once --format json -o quotes.failover=no -o tencent.quote_url="$BAD" 700
is "$rc" 1 "a price of 18 nines: exit 1"
is "$(cat "$T/err")" 'hktop: 0700: tencent: 0700: price "999999999999999999" has more digits than a double holds exactly' \
	"the cause quotes the figure as sent"
unlike "$(cat "$T/out")" '1000000000000000000' "no other number is printed for it"

# More than 60 codes: parallel requests of at most 60 codes each.
syms=$(i=1; while [ $i -le 130 ]; do printf '%d ' $i; i=$((i + 1)); done)
cat > "$T/rules-many" <<RULES
* 200 $F/tencent-unknown.gbk.txt
RULES
start_httpd "$T/rules-many"
HKTOP_TRACE="$T/trace4" run_with_timeout 20 "$HKTOP" --once -o quotes.failover=no -o tencent.quote_url="$BASE" $syms
is "$(wc -l < "$T/trace4" | tr -d ' ')" 3 "130 symbols: three requests"
ok_if "each asks for at most 60 codes" awk -F, '{ if (NF > 60) exit 1 }' "$T/trace4"

# A server that keeps connections alive (as the real ones do) gets its
# requests over a few reused connections, not one connection each.
syms=$(i=1; while [ $i -le 400 ]; do printf '%d ' $i; i=$((i + 1)); done)
start_httpd -k "$T/rules-many"
run_with_timeout 20 "$HKTOP" --once -o quotes.failover=no -o tencent.quote_url="$BASE" $syms
is "$(grep -c '^GET /q=' "$REQLOG")" 7 "400 symbols: seven requests"
ok_if "over at most four connections ($(cut -f4 "$REQLOG" | sort -u | wc -l))" \
	test "$(cut -f4 "$REQLOG" | sort -u | wc -l)" -le 4

done_testing
