#!/bin/sh
# portfolio.sh - positions end to end: --portfolio (table, JSON, CSV) and
# the position objects of --once, fetched over real HTTP from a loopback
# server with the services' exact formats. Every expected figure is worked
# out by hand in the comments.
. "$(dirname "$0")/lib.sh"
setup_tmp
F=$FIXTURES

# The Tencent batch fixture: 0700 478.800 (change -0.400, lot 100) and
# 9988 118.300 (+0.800, lot 100) stamped 2026-08-07 16:08 HKT, BABA
# 120.450 USD (+1.530) stamped 2026-08-07 16:00 New York. Yahoo's HKD=X
# fixture: USD/HKD 7.8312.
cat > "$T/rules" <<RULES
/q=r_hk00700,r_hk09988,usBABA 200 $F/tencent-batch.gbk.txt
/q=r_hk00700 200 $F/tencent-batch.gbk.txt
/v8/finance/chart/HKD%3DX 200 $F/yahoo-chart-usdhkd-1d.json
RULES
start_httpd "$T/rules"
B=$BASE
sed 's/7\.83[0-9]*/7.9100/g' "$F/yahoo-chart-usdhkd-1d.json" > "$T/usdhkd-off-peg.json"
cat > "$T/rules-offpeg" <<RULES
/q=r_hk00700,r_hk09988,usBABA 200 $F/tencent-batch.gbk.txt
/v8/finance/chart/HKD%3DX 200 $T/usdhkd-off-peg.json
RULES
start_httpd "$T/rules-offpeg"
OFFPEG=$BASE

export HOME="$T/home" XDG_CONFIG_HOME=
mkdir -p "$HOME/.config/hktop"
cat > "$HOME/.config/hktop/positions" <<'POS'
# test lots
0700 100 380.2 fee=25.5   # first buy
0700 150 400.4 2026-07-01
9988 -200 120.15 fee=10
BABA 10 95.5 fee=1.99
POS
cp "$HOME/.config/hktop/positions" "$T/positions.before"
# 2026-08-07 18:00 HKT, the evening of the quotes' session
FRI=1786096800
# 2026-08-10 10:00 HKT, the Monday after
MON=1786327200

portfolio() {
	HKTOP_NOW=$1 run_with_timeout 20 "$HKTOP" --portfolio -o tencent.quote_url="$2" \
		-o yahoo.url="$2" -o quotes.failover=no $3
}

# 0700: 100 x 380.2 + 25.5 + 150 x 400.4 = 98105.5 over 250 shares
#   = 392.422 average; 250 x 478.800 = 119700.000; day 250 x -0.400 =
#   -100.000; P&L 21594.500 = 22.01 % of 98105.5; 2 lots and 50 odd.
# 9988: -200 x 120.15 + 10 = -24020.00 (avg 120.100); -200 x 118.300 =
#   -23660.000; day -200 x 0.800 = -160.000; P&L 360.000 = 1.50 %.
# BABA: 10 x 95.5 + 1.99 = 956.99 (avg 95.699); 1204.500; day 15.300;
#   P&L 247.510 = 25.86 %.
# HKD: 96040.000, day -260.000, P&L 21954.500; the per cent is of the
#   gross, 98105.5 + 24020 (the short's proceeds) = 122125.5: 17.98 %
#   (of the net basis, 74085.50, it would be 29.63 %: a hedge would
#   make it soar).
# In HKD: 96040 + 1204.5 x 7.8312 (9432.68) = 105472.68; day -260 + 15.3
#   x 7.8312 (119.82) = -140.18; P&L 21954.5 + 247.51 x 7.8312 (1938.30)
#   = 23892.80, of 122125.5 + 956.99 x 7.8312 (7494.38) = 18.43 %. In
#   USD: 1204.5 + 96040 / 7.8312 (12263.77) = 13468.27; P&L 3050.98 of
#   956.99 + 122125.5 / 7.8312 (15594.74) = 18.43 %.
portfolio $FRI "$B"
is "$rc" 0 "--portfolio: every quote and the rate: exit 0"
is "$(cat "$T/err")" "" "nothing on stderr"
is "$(cat "$T/out")" "SYMBOL            QTY    AVG COST      PRICE          VALUE      DAY P&L            P&L     P&L% CCY   LOTS  NOTE
0700              250     392.422    478.800     119700.000     -100.000      21594.500    22.01 HKD   2+50  not a multiple of the board lot (100)
9988             -200     120.100    118.300     -23660.000     -160.000        360.000     1.50 HKD      2  
BABA               10      95.699    120.450       1204.500       15.300        247.510    25.86 USD         
TOTAL HKD                                         96040.000     -260.000      21954.500    17.98 HKD         
TOTAL USD                                          1204.500       15.300        247.510    25.86 USD         
ALL IN HKD                                        105472.68      -140.18       23892.80    18.43 HKD         at USD/HKD 7.8312
ALL IN USD                                         13468.27       -17.90        3050.98    18.43 USD         at USD/HKD 7.8312" \
	"table: positions, totals per currency and converted"
is "$(cat "$T/positions.before")" "$(cat "$HOME/.config/hktop/positions")" "the file is only read"

portfolio $FRI "$B" "--format json"
is "$rc" 0 "json: exit 0"
like "$(cat "$T/out" | tr -d '\t\n')" '^\{"positions":\[\{"symbol":"0700","quantity":250,"avg_cost":392\.422,"cost_basis":98105\.5,"price":478\.800,"market_value":119700\.000,"day_pnl":-100\.000,"day_pnl_date":"2026-08-07","day_pnl_today":true,"total_pnl":21594\.500,"total_pnl_pct":22\.01,"currency":"HKD","lots":2,"board_lot":100,"odd_shares":50\},' \
	"json: a position's every key"
like "$(cat "$T/out" | tr -d '\t\n')" '"totals":\{"HKD":\{"positions":2,"cost_basis":74085\.50,"market_value":96040\.000,"day_pnl":-260\.000,"day_pnl_date":"2026-08-07","day_pnl_today":true,"total_pnl":21954\.500,"total_pnl_pct":17\.98,"currency":"HKD"\},"USD":\{"positions":1,.*"market_value":1204\.500,.*\},"in_hkd":\{"positions":3,"cost_basis":81579\.88,"market_value":105472\.68,"day_pnl":-140\.18,"day_pnl_date":"2026-08-07","day_pnl_today":true,"total_pnl":23892\.80,"total_pnl_pct":18\.43,"currency":"HKD"\},"in_usd":\{.*"market_value":13468\.27,.*\},"usdhkd":7\.8312\}\}$' \
	"json: totals.HKD, totals.USD, totals.in_hkd, totals.in_usd and the rate"

portfolio $FRI "$B" "--format csv"
is "$(cat "$T/out")" "symbol,quantity,avg_cost,cost_basis,price,market_value,day_pnl,day_pnl_date,total_pnl,total_pnl_pct,currency,lots,board_lot,odd_shares,error
0700,250,392.422,98105.5,478.800,119700.000,-100.000,2026-08-07,21594.500,22.01,HKD,2,100,50,
9988,-200,120.100,-24020.00,118.300,-23660.000,-160.000,2026-08-07,360.000,1.50,HKD,2,100,0,
BABA,10,95.699,956.99,120.450,1204.500,15.300,2026-08-07,247.510,25.86,USD,,,,
totals.HKD,,,74085.50,,96040.000,-260.000,2026-08-07,21954.500,17.98,HKD,,,,
totals.USD,,,956.99,,1204.500,15.300,2026-08-07,247.510,25.86,USD,,,,
totals.in_hkd,,,81579.88,,105472.68,-140.18,2026-08-07,23892.80,18.43,HKD,,,,
totals.in_usd,,,10417.29,,13468.27,-17.90,2026-08-07,3050.98,18.43,USD,,,," "csv: the same figures, totals as rows"

# 9988 quoted in CNY (as an RMB counter is): in neither total, and said so
# in every format rather than left out in silence.
LC_ALL=C sed '/hk09988/s/~HKD~/~CNY~/' "$F/tencent-batch.gbk.txt" > "$T/batch-cny.gbk.txt"
cat > "$T/rules-cny" <<RULES
/q=r_hk00700,r_hk09988,usBABA 200 $T/batch-cny.gbk.txt
/v8/finance/chart/HKD%3DX 200 $F/yahoo-chart-usdhkd-1d.json
RULES
start_httpd "$T/rules-cny"
portfolio $FRI "$BASE"
is "$rc" 0 "a position in CNY: exit 0"
like "$(cat "$T/out")" '^9988 .* CNY ' "9988 in CNY"
like "$(cat "$T/out")" '^TOTAL HKD  .* 119700\.000 .* HKD ' "the HKD total without it"
like "$(cat "$T/out")" '^1 position in CNY left out of the totals \(only HKD and USD are added up\)$' \
	"the table says what was left out"
portfolio $FRI "$BASE" "--format json"
like "$(cat "$T/out" | tr -d '\t\n')" '"usdhkd":7\.8312,"left_out":\{"positions":1,"currencies":"CNY"\}\}\}$' \
	"json: totals.left_out"
portfolio $FRI "$BASE" "--format csv"
like "$(cat "$T/out")" '^totals\.left_out,,,,,,,,,,,,,,1 position in CNY left out of the totals$' \
	"csv: a totals.left_out row, the note in the error column"
is "$(tail -n 1 "$T/out" | tr -cd , | wc -c)" 14 "in the header's 15 columns"
portfolio $FRI "$B"
unlike "$(cat "$T/out")" "left out" "all in HKD and USD: nothing said"
kill "$HTTPD_PID"
wait "$HTTPD_PID" 2>/dev/null

# The Monday after: Friday's prices, and the day's P&L is Friday's, said so.
portfolio $MON "$B"
like "$(cat "$T/out")" '^0700 .* -100\.000 .*  day P&L of 2026-08-07; not a multiple of the board lot \(100\)' "an earlier session: its price, its day P&L labelled with its date"
like "$(cat "$T/out")" '^TOTAL HKD  .* HKD         day P&L of 2026-08-07' "the totals' day P&L labelled with that date too, never as today's"
like "$(cat "$T/out")" '^TOTAL USD  .* USD         day P&L of 2026-08-07' "the totals' day P&L labelled with that date too, never as today's"
like "$(cat "$T/out")" '^ALL IN HKD .* HKD         at USD/HKD 7\.8312; day P&L of 2026-08-07' "the totals' day P&L labelled with that date too, never as today's"
portfolio $MON "$B" "--format json"
like "$(cat "$T/out" | tr -d '\t\n')" '"day_pnl_date":"2026-08-07","day_pnl_today":false' "json: not today's"
like "$(cat "$T/out" | tr -d '\t\n')" '"HKD":\{[^}]*"day_pnl_date":"2026-08-07","day_pnl_today":false' \
	"json: nor the total's"

# A rate outside the 7.75-7.85 band is a bad quote, not a rate.
portfolio $FRI "$OFFPEG"
like "$(cat "$T/out")" '^ALL IN HKD  .* HKD         USD/HKD 7\.9100 is outside the 7\.75-7\.85 peg band' "off the peg: no converted totals, the reason"
like "$(cat "$T/out")" '^TOTAL HKD  .* 96040\.000 ' "the per-currency totals stay"

# No rate at all: blank with the reason, and exit 1.
cat > "$T/rules-norate" <<RULES
/q=r_hk00700,r_hk09988,usBABA 200 $F/tencent-batch.gbk.txt
* 404 $F/yahoo-chart-404.json
RULES
start_httpd "$T/rules-norate"
portfolio $FRI "$BASE"
is "$rc" 1 "no USD/HKD: exit 1"
like "$(cat "$T/out")" '^ALL IN USD  .* USD         yahoo: ' "the converted totals blank, with Yahoo's reason"
like "$(cat "$T/err")" '^hktop: USD/HKD: yahoo: ' "said on stderr"

# --once: held symbols carry a position object; others none.
HKTOP_NOW=$FRI run_with_timeout 20 "$HKTOP" --once --format json -o tencent.quote_url="$B" \
	-o quotes.failover=no 700 9988 BABA
is "$rc" 0 "--once json: exit 0"
like "$(sed -n 2p "$T/out")" '"source":"tencent","position":\{"quantity":250,"avg_cost":392\.422,"cost_basis":98105\.5,"price":478\.800,"market_value":119700\.000,"day_pnl":-100\.000,"day_pnl_date":"2026-08-07","day_pnl_today":true,"total_pnl":21594\.500,"total_pnl_pct":22\.01,"currency":"HKD","lots":2,"board_lot":100,"odd_shares":50\}\},$' \
	"--once json: 0700's position"
like "$(sed -n 4p "$T/out")" '"position":\{"quantity":10,"avg_cost":95\.699,.*"total_pnl":247\.510,"total_pnl_pct":25\.86,"currency":"USD","lots":null,"board_lot":null,"odd_shares":null\}\}$' \
	"--once json: BABA's, without board lots"
HKTOP_NOW=$FRI run_with_timeout 20 "$HKTOP" --once --format csv -o tencent.quote_url="$B" \
	-o quotes.failover=no 700
like "$(cat "$T/out")" '^symbol,.*,source,error,position_quantity,position_avg_cost,position_cost_basis,position_price,position_market_value,position_day_pnl,position_day_pnl_date,position_total_pnl,position_total_pnl_pct,position_currency,position_lots,position_board_lot,position_odd_shares,position_error' \
like "$(cat "$T/out")" '^0700,.*,tencent,,250,392\.422,98105\.5,478\.800,119700\.000,-100\.000,2026-08-07,21594\.500,22\.01,HKD,2,100,50,$' \
	"--once csv: position_ columns"
HOME="$T/nohome" HKTOP_NOW=$FRI run_with_timeout 20 "$HKTOP" --once --format csv \
	-o tencent.quote_url="$B" -o quotes.failover=no 700
like "$(cat "$T/out")" '^symbol,.*,source,error' "--once csv without positions: the columns as before"
like "$(cat "$T/out")" '^0700,.*,tencent,$' "--once csv without positions: the columns as before"
is "$rc" 0 "and exit 0"

# A refused quote: blank figures with the reason; the lots' own stay.
cat > "$HOME/refused" <<'POS'
0700 100 380
POS
cat > "$T/rules-404" <<RULES
* 404 -
RULES
start_httpd "$T/rules-404"
HKTOP_NOW=$FRI run_with_timeout 20 "$HKTOP" --portfolio --format csv -o tencent.quote_url="$BASE" \
	-o yahoo.url="$B" -o quotes.failover=no -o positions.file="$HOME/refused"
is "$rc" 1 "a refused quote: exit 1"
is "$(sed -n 2p "$T/out")" "0700,100,380.000,38000,,,,,,,HKD,,,,tencent: 0700: HTTP 404" \
	"blank figures and the reason"
like "$(sed -n 3p "$T/out")" '^totals\.HKD,,,,,,,,,,HKD,,,,1 position without a quote$' "no total from part of it"

# Bad input: each bad line named with file and line, the rest reported,
# the file untouched.
cat > "$HOME/bad" <<'POS'
# lots
0700 abc 380
0700 100 0
ZZZZZZZZZZZZZZZZZZZ 1 1
0700 100 380.2 2026-08-08
0700 100 380.2 fee=25.5
9988 1.5 100
POS
cp "$HOME/bad" "$T/bad.before"
portfolio $FRI "$B" "-o positions.file=$HOME/bad"
is "$rc" 1 "bad lines: exit 1"
is "$(cat "$T/err")" "hktop: $HOME/bad:2: \"abc\": quantity is not a whole number of shares (skipped; kept in the file)
hktop: $HOME/bad:3: \"0\": cost must be above 0 (skipped; kept in the file)
hktop: $HOME/bad:4: \"ZZZZZZZZZZZZZZZZZZZ\": not a symbol (try 700, 0700.HK, HSI or BABA) (skipped; kept in the file)
hktop: $HOME/bad:5: \"2026-08-08\": the date is in the future (skipped; kept in the file)
hktop: $HOME/bad:7: \"1.5\": quantity is not a whole number of shares (skipped; kept in the file)" \
	"each named with file and line"
like "$(cat "$T/out")" '^SYMBOL .*' "the good lot is still valued"
like "$(cat "$T/out")" '^0700              100     380.455    478.800      47880.000      -40.000' "the good lot is still valued"
is "$(cat "$HOME/bad")" "$(cat "$T/bad.before")" "nothing in the file is lost"

# --once says what is wrong with the file, and goes by its quotes.
HKTOP_NOW=$FRI run_with_timeout 20 "$HKTOP" --once --format csv -o tencent.quote_url="$B" \
	-o quotes.failover=no -o positions.file="$HOME/bad" 700
is "$rc" 0 "--once with a bad line in the positions file: exit 0 (every quote came)"
like "$(cat "$T/err")" "^hktop: $HOME/bad:2: " "the bad lines said"
like "$(cat "$T/out")" '^0700,.*,tencent,,100,380\.455,' "the good lot's position"

mkfifo "$T/fifo"
portfolio $FRI "$B" "-o positions.file=$T/fifo"
is "$rc" 1 "a FIFO: exit 1, without blocking"
is "$(cat "$T/err")" "hktop: $T/fifo: is a FIFO; not reading from it" "said"
portfolio $FRI "$B" "-o positions.file=$T"
is "$(cat "$T/err")" "hktop: $T: is a directory" "a directory: said"
head -c 11000000 /dev/zero | tr '\0' '#' > "$T/big"
portfolio $FRI "$B" "-o positions.file=$T/big"
is "$(cat "$T/err")" "hktop: $T/big: larger than 1024 KiB; not read" "a 10 MB file: said"
portfolio $FRI "$B" "-o positions.file=$T/none"
is "$rc" 1 "no file: exit 1"
is "$(cat "$T/err")" "hktop: $T/none: no positions" "said"

run_with_timeout 5 "$HKTOP" --portfolio 700
is "$rc" 2 "--portfolio with SYMBOLs: usage error"
run_with_timeout 5 "$HKTOP" --portfolio --list main
is "$rc" 2 "--portfolio --list: usage error (the positions are not a list)"
like "$(cat "$T/err")" '^hktop: --list .* --portfolio$' "said"
run_with_timeout 5 "$HKTOP" --portfolio --demo
is "$rc" 2 "--portfolio --demo: usage error"
is "$(cat "$T/err")" "hktop: --demo is for the dashboard; --portfolio values the positions at live quotes only" \
	"said as it is"

# --record and --replay: the positions valued at the recording's quotes,
# with the server gone, and the day's P&L of the recording's day.
start_httpd "$T/rules"
portfolio $FRI "$BASE" "--record $T/prec"
is "$rc" 0 "--portfolio --record: exit 0"
cp "$T/out" "$T/prec.live"
kill "$HTTPD_PID"
wait "$HTTPD_PID" 2>/dev/null
portfolio $MON "$BASE" "--replay $T/prec"
is "$rc" 0 "--portfolio --replay: exit 0"
is "$(cat "$T/err")" "" "nothing to say"
is "$(cat "$T/out")" "$(cat "$T/prec.live")" "--portfolio --replay: the figures as recorded"

done_testing
