#!/bin/sh
# bench.sh - `make bench`: hktop against a loopback Tencent feed, at 40 and
# at 3,000 symbols. Prints, per size: time from start to the first full
# screen, CPU while idle at refresh 5 s, peak RSS, and the bytes written to
# the terminal per refresh, and the time --dump-config takes to read the
# config. The dashboard runs on a real pty (script(1)).
# Then the start-up of a 20,000-symbol watchlist, where any work that grows
# with the square of the list shows (idle only briefly: its figure is the
# first screen).
#
#	tools/bench.sh HKTOP HTTPD [IDLE_SECONDS]
set -eu
hktop=$1 httpd=$2 idle=${3:-60}
tmp=$(mktemp -d)
trap 'kill $(cat "$tmp"/pid 2>/dev/null) 2>/dev/null || true; rm -rf "$tmp"' EXIT INT TERM

# gen N SEED: a GBK Tencent qt body for codes 00001..N, each line 78 fields
# that pass the parser's checks; SEED shifts one price in ten so that
# alternate bodies differ the way a live market does between refreshes.
gen()
{
	awk -v n="$1" -v seed="$2" 'BEGIN {
		for (i = 1; i <= n; i++) {
			code = sprintf("%05d", i)
			prev = 10 + (i * 37) % 490
			px = prev + ((i + seed) % 10 == 0 ? 0.2 * (1 + seed % 3) : 0.1)
			hi = px + 0.5; lo = prev - 0.5
			chg = px - prev
			vol = 1000000 + i * 1000
			turn = vol * px
			f = ""
			for (k = 0; k <= 77; k++) v[k] = "0"
			v[0] = "100"; v[1] = "STOCK" i; v[2] = code
			v[3] = sprintf("%.3f", px); v[4] = sprintf("%.3f", prev)
			v[5] = sprintf("%.3f", prev); v[6] = sprintf("%.1f", vol)
			v[30] = "2026/08/07 15:59:58"; v[31] = sprintf("%.3f", chg)
			v[32] = sprintf("%.2f", chg / prev * 100)
			v[33] = sprintf("%.3f", hi); v[34] = sprintf("%.3f", lo)
			v[35] = v[3]; v[36] = v[6]; v[37] = sprintf("%.3f", turn)
			v[40] = ""; v[46] = "STOCK" i; v[60] = "100"; v[63] = "GP"; v[75] = "HKD"
			for (k = 0; k <= 77; k++) f = f (k ? "~" : "") v[k]
			printf "v_r_hk%s=\"%s\";\n", code, f
		}
		print "v_hkHSI=\"100~HSI~HSI~24858.820~24961.460~24990.110~2618734.5521~0~0~0~0~0~0~0~0~0~0~0~0~0~0~0~0~0~0~0~0~0~0~0.0~2026/08/07 16:09:05~-102.640~-0.41~25020.540~24780.310~24858.820~2618734.5521~2618734.5521~0~0~~0~0~0.96~0~0~Hang Seng Index~0~27381.840~19850.520~0~0~0~0~0~0~0~0~0~0~0~0~0~ZS~0~0~0~0~0~0~0~0~0~0~0~HKD~0~0\";"
		print "v_hkHSTECH=\"100~HSTECH~HSTECH~4302.150~4331.870~4335.020~981752.2619~0~0~0~0~0~0~0~0~0~0~0~0~0~0~0~0~0~0~0~0~0~0~0.0~2026/08/07 16:09:05~-29.720~-0.69~4348.600~4281.330~4302.150~981752.2619~981752.2619~0~0~~0~0~1.55~0~0~Hang Seng TECH Index~0~4825.590~3313.730~0~0~0~0~0~0~0~0~0~0~0~0~0~ZS~0~0~0~0~0~0~0~0~0~0~0~HKD~0~0\";"
	}'
}

# run N [IDLE_SECONDS]
run()
{
	n=$1 wait_idle=${2:-$idle}
	gen "$n" 0 > "$tmp/a.txt"
	gen "$n" 1 > "$tmp/b.txt"
	# The real service answers each request with only the codes it asked
	# for: hktop asks for the watchlist in order, 60 codes a request, then
	# the two indexes. One rule per request, alternating two bodies so that
	# every refresh brings changes.
	rm -f "$tmp"/batch-* "$tmp/rules"
	for v in a b; do
		awk -v dir="$tmp" -v v="$v" -v n="$n" '{
			b = int((NR - 1) / 60); if (NR > n) b = int((n + 59) / 60)
			print > (dir "/batch-" v "-" b)
		}' "$tmp/$v.txt"
	done
	for f in "$tmp"/batch-a-*; do
		b=${f##*-}
		first=$(sed -n '1s/^v_\([a-z_]*[0-9A-Z]*\)=.*/\1/p' "$f")
		i=0
		while [ $i -lt 40 ]; do
			printf '/q=%s 200 %s count=1\n/q=%s 200 %s count=1\n' \
				"$first" "$f" "$first" "$tmp/batch-b-$b" >> "$tmp/rules"
			i=$((i + 1))
		done
	done
	rm -f "$tmp/port"
	"$httpd" -p "$tmp/port" -t 0 "$tmp/rules" 2>/dev/null &
	echo $! > "$tmp/pid"
	k=0
	while [ ! -s "$tmp/port" ] && [ $k -lt 100 ]; do sleep 0.05; k=$((k + 1)); done
	list=$(i=1; while [ $i -le "$n" ]; do printf '%d ' $i; i=$((i + 1)); done)
	printf 'watchlist = %s\n' "$list" > "$tmp/config"
	rm -f "$tmp/report" "$tmp/tty.log"
	# Reading the config alone: parsing and checking the watchlist.
	t0=$(date +%s%N)
	HOME=$tmp XDG_STATE_HOME=$tmp/state "$hktop" -c "$tmp/config" --dump-config > /dev/null
	dump_ms=$((($(date +%s%N) - t0) / 1000000))
	# script(1) gives hktop a pty and logs every byte written to it.
	TERM=xterm-256color HOME=$tmp XDG_STATE_HOME=$tmp/state HKTOP_BENCH=$tmp/report \
		script -qf -c "stty rows 40 cols 120; exec '$hktop' -c '$tmp/config' -o refresh=5 -o tencent.quote_url=http://127.0.0.1:$(cat "$tmp/port")" \
		"$tmp/tty.log" > /dev/null 2>&1 < /dev/null &
	spid=$!
	# The first full screen: the pty log stops growing. Sampling is fine
	# here; this is a benchmark, not a test.
	last=-1 k=0
	while [ $k -lt 100 ]; do
		sleep 0.2
		size=$(stat -c %s "$tmp/tty.log" 2>/dev/null || echo 0)
		[ "$size" -gt 0 ] && [ "$size" = "$last" ] && break
		last=$size k=$((k + 1))
	done
	first_bytes=$size
	sleep "$wait_idle"
	before_exit=$(stat -c %s "$tmp/tty.log")
	pkill -TERM -P "$spid" 2>/dev/null || true
	wait "$spid" 2>/dev/null || true
	kill "$(cat "$tmp/pid")" 2>/dev/null || true
	wait 2>/dev/null || true
	if [ ! -s "$tmp/report" ]; then
		echo "bench: no report for $n symbols" >&2
		return 1
	fi
	refreshes=$(sed -n 's/^refreshes_after_first //p' "$tmp/report")
	echo "dump_config_ms $dump_ms" >> "$tmp/report"
	echo "bytes_first_screen $first_bytes" >> "$tmp/report"
	echo "bytes_per_refresh $(( refreshes > 0 ? (before_exit - first_bytes) / refreshes : 0 ))" >> "$tmp/report"
	echo "== $n symbols, ${wait_idle}s at refresh 5 s"
	sed 's/^/  /' "$tmp/report"
}

run 40
run 3000
run 20000 5
exit 0
