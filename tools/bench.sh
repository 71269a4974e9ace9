#!/bin/sh
# bench.sh - `make bench`: hktop against a loopback Tencent feed whose
# prices move on every refresh (tests/httpd cycle=12), at 40, 400 and 3,000
# symbols, on a real pty of 120x40 (script(1)) under strace. Per size: the
# time to the first full screen and to read the config, then per view (the
# watchlist, the heatmap, the rally board's first round of minute series
# and the board between rounds), BENCH_SECONDS each at refresh 5 s: CPU per
# refresh (and in % of a core), wake-ups per second, write() calls and
# bytes per refresh, bytes per changed cell (the pty's bytes replayed
# through python3-pyte), the most writes of one update and the peak RSS so
# far; at 40 symbols the watchlist again with 1,000 alert rules armed, its
# idle cost against the first run's (budget: unchanged, issue 15), and
# again with flash = no (the drawing's own bytes a changed cell). At
# 3,000 symbols, --once against curl fetching the same URLs. Then
# the start-up of a 20,000-symbol watchlist, where any work that grows with
# the square of the list shows.
# Budgets (issue 13) are printed with each figure that is over; they are
# read by people and do not fail the bench.
#
# Last, a trading day's recording of 40 symbols replayed at speed 100:
# CPU in % of a core (budget 5 %).
#
#	tools/bench.sh HKTOP HTTPD [SECONDS [MKREC]]
#
# BENCH_ONLY: the parts to run instead of all, as the calls at the end
# (e.g. "run 3000" or "spark 40; once 3000"), for working on one figure.
set -eu
hktop=$1 httpd=$2 secs=${3:-60} mkrec=${4:-}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
cols=120 rows=40
cycle=12
hpid=
# set -e holds in the trap too: nothing in it may fail before the rm.
trap 'kill $hpid $(cat "$tmp"/pid 2>/dev/null) 2>/dev/null || true; wait || true; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

# Debian's python3 has pyte; another python3 first in PATH may not.
python=python3
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import pyte' 2>/dev/null; then python=$p; break; fi
done
for tool in script strace; do
	command -v $tool >/dev/null 2>&1 || { echo "bench: $tool is not installed (./bootstrap installs it)" >&2; exit 1; }
done

# gen N SEED: a GBK Tencent qt body for codes 00001..N and the two
# indexes, each line 78 fields that pass the parser's checks. A quarter of
# the prices move from one SEED to the next, and SEED CYCLE is SEED 0
# again, so that a cycle of bodies moves as steadily as a live market.
gen()
{
	awk -v n="$1" -v seed="$2" -v cycle="$cycle" 'BEGIN {
		for (i = 1; i <= n; i++) {
			code = sprintf("%05d", i)
			prev = 10 + (i * 37) % 490
			px = prev + 0.1 * (int(((i + seed) % cycle) / 4) - 1)
			hi = prev + 0.5; lo = prev - 0.5
			chg = px - prev
			vol = 1000000 + i * 1000 + seed * 100
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

# minutes N DIR: a Tencent minute series (the morning, 09:30-12:00) for each
# code, DIR/hkCODE.json, and their rules.
minutes()
{
	awk -v n="$1" -v dir="$2" 'BEGIN {
		for (i = 1; i <= n; i++) {
			code = sprintf("%05d", i)
			prev = 10 + (i * 37) % 490
			f = dir "/hk" code ".json"
			printf "{\"code\":0,\"msg\":\"\",\"data\":{\"hk%s\":{\"data\":{\"data\":[", code > f
			m = 0
			for (t = 930; t < 1200; t++) {
				if (t % 100 >= 60) continue
				px = prev * (1 + ((i + m) % 21 - 10) / 1000)
				printf "%s\"%04d %.3f %d %.3f\"", m ? "," : "", t, px, 1000 * (m + 1), px * 1000 * (m + 1) > f
				m++
			}
			printf "],\"date\":\"20260807\"},\"qt\":{\"hk%s\":[\"100\",\"S\",\"%s\",\"%.3f\",\"%.3f\"]}}}}\n", code, code, prev, prev > f
			close(f)
			printf "/appstock/app/minute/query?code=hk%s 200 %s\n", code, f
		}
	}'
}

# mark NAME: the time, hktop's CPU (ns on a CPU, /proc/PID/schedstat), the
# refreshes so far (requests for the first batch), the peak RSS so far and
# the minute series asked for.
mark()
{
	cpu=$(cut -d' ' -f1 "/proc/$hpid/schedstat")
	rss=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$hpid/status")
	echo "$1 $(date +%s.%N) $cpu $(grep -c "^GET /q=r_hk00001" "$tmp/req" || true) $rss $(grep -c "^GET /appstock" "$tmp/req" || true)" >> "$tmp/marks"
}

# settle: wait (up to 60 s) for the pty log to stand still for half a second.
settle()
{
	last=-1 k=0
	while [ $k -lt 120 ]; do
		sleep 0.5
		size=$(stat -c %s "$tmp/tty.log" 2>/dev/null || echo 0)
		[ "$size" -gt 0 ] && [ "$size" = "$last" ] && break
		last=$size k=$((k + 1))
	done
}

# serve N [quotes]: the httpd (with minute series unless "quotes") and a
# config with a watchlist of N.
serve()
{
	n=$1
	rm -rf "$tmp/q" "$tmp/m" "$tmp/rules" "$tmp/req" "$tmp/marks" "$tmp/strace" "$tmp/tty.log" "$tmp/report"
	mkdir "$tmp/q" "$tmp/m"
	# The real service answers each request with only the codes it
	# asked for: hktop asks for the watchlist in order, 60 codes a
	# request, then the two indexes. A rule per request, each a cycle.
	s=0
	while [ $s -lt $cycle ]; do
		gen "$n" $s | awk -v dir="$tmp/q" -v s=$s -v n="$n" '{
			b = int((NR - 1) / 60); if (NR > n) b = int((n + 59) / 60)
			print > (dir "/batch-" b "." s)
		}'
		s=$((s + 1))
	done
	for f in "$tmp"/q/batch-*.0; do
		first=$(sed -n '1s/^v_\([a-z_]*[0-9A-Z]*\)=.*/\1/p' "$f")
		printf '/q=%s 200 %s cycle=%d\n' "$first" "${f%.0}" $cycle >> "$tmp/rules"
	done
	[ "${2:-}" = quotes ] || minutes "$n" "$tmp/m" >> "$tmp/rules"
	rm -f "$tmp/port"
	"$httpd" -k -p "$tmp/port" -l "$tmp/req" -t 0 "$tmp/rules" 2>/dev/null &
	echo $! > "$tmp/pid"
	k=0
	while [ ! -s "$tmp/port" ] && [ $k -lt 100 ]; do sleep 0.05; k=$((k + 1)); done
	url=http://127.0.0.1:$(cat "$tmp/port")
	{
		printf 'watchlist ='
		i=1
		while [ $i -le "$n" ]; do printf ' %d' $i; i=$((i + 1)); done
		printf '\nnews.sources = none\ntencent.quote_url = %s\ntencent.chart_url = %s\nsina.quote_url = %s\nyahoo.url = %s\n' "$url" "$url" "$url" "$url"
		# BENCH_COLUMNS: the watchlist's columns (the spark column's cost)
		[ -z "${BENCH_COLUMNS:-}" ] || printf 'columns = %s\n' "$BENCH_COLUMNS"
		# BENCH_FLASH: flash = no for the drawing without the flash
		[ -z "${BENCH_FLASH:-}" ] || printf 'flash = %s\n' "$BENCH_FLASH"
	} > "$tmp/config"
	export HOME="$tmp" XDG_STATE_HOME="$tmp/state" XDG_CONFIG_HOME="$tmp/cfg"
	t0=$(date +%s%N)
	"$hktop" -c "$tmp/config" --dump-config > /dev/null
	dump_ms=$((($(date +%s%N) - t0) / 1000000))
}

# start N [quotes]: serve, and hktop on a pty under strace, its first full
# screen out (every batch asked for once and the pty still).
start()
{
	serve "$@"
	rm -f "$tmp/keys"
	mkfifo "$tmp/keys"
	exec 3<>"$tmp/keys"
	# BENCH_TRACE=no: not under strace (cpu()); hktop is then script's
	# child, its shell having exec'd it.
	tracer="strace -f -qq -ttt -s 0 --seccomp-bpf -e trace=write,poll -o '$tmp/strace'"
	[ "${BENCH_TRACE:-}" != no ] || tracer=
	TERM=xterm-256color HKTOP_BENCH=$tmp/report \
		script -qfc "stty rows $rows cols $cols; exec $tracer '$hktop' -c '$tmp/config' -o refresh=5" \
		"$tmp/tty.log" > /dev/null 2>&1 < "$tmp/keys" &
	spid=$!
	hpid= k=0
	while [ -z "$hpid" ] && [ $k -lt 200 ]; do
		sleep 0.05
		if [ -n "$tracer" ]; then
			for p in $(pgrep -P "$spid"); do hpid=$(pgrep -P "$p" || true); done
		else
			hpid=$(pgrep -P "$spid" || true)
			[ -z "$hpid" ] || [ "$(cat "/proc/$hpid/comm" 2>/dev/null)" = hktop ] || hpid=
		fi
		k=$((k + 1))
	done
	[ -n "$hpid" ] || { echo "bench: hktop did not start" >&2; exit 1; }
	batches=$(grep -c '^/q=' "$tmp/rules")
	k=0
	while [ "$(grep -c '^GET /q=' "$tmp/req" 2>/dev/null || true)" -lt "$batches" ] && [ $k -lt 600 ]; do
		sleep 0.1
		k=$((k + 1))
	done
	settle
}

stop()
{
	printf q >&3
	wait "$spid" 2>/dev/null || true
	exec 3>&-
	kill "$(cat "$tmp/pid")" 2>/dev/null || true
	wait 2>/dev/null || true
}

# key K: a key to hktop, and wait for its screen to be out.
key()
{
	printf '%s' "$1" >&3
	settle
}

run()
{
	start "$1"
	mark watchlist.start
	sleep "$secs"
	mark watchlist.end
	key m
	mark heatmap.start
	sleep "$secs"
	mark heatmap.end
	mark round.start
	printf b >&3
	# The round is over when no minute series has been asked for in a
	# second and the screen stands still; one that goes on for more than
	# 30 s (far over budget) is cut short to keep the bench short, and the
	# board's figures then include the rest of it.
	last=-1 k=0
	while [ $k -lt 30 ]; do
		sleep 1
		got=$(grep -c "^GET /appstock" "$tmp/req" || true)
		[ "$got" -gt 0 ] && [ "$got" = "$last" ] && break
		last=$got k=$((k + 1))
	done
	[ $k -ge 30 ] || settle
	mark round.end
	mark board.start
	sleep "$secs"
	mark board.end
	stop
	first=$(sed -n 's/^first_screen_ms //p' "$tmp/report" 2>/dev/null)
	echo "== $n symbols: first screen ${first:-?} ms, --dump-config ${dump_ms} ms; ${secs} s a view at refresh 5 s, ${cols}x${rows}"
	"$python" "$here/bench-tty.py" "$n" $cols $rows "$tmp/marks" "$tmp/strace" "$tmp/tty.log" \
		--save "$tmp/idle.$n"
}

# alerts N: the watchlist of N symbols again, with 1,000 alert rules armed
# (none fires): its idle cost beside run N's watchlist.
alerts()
{
	mkdir -p "$tmp/cfg/hktop"
	i=0
	while [ $i -lt 1000 ]; do
		printf '%d above 99999 always\n' $((i % $1 + 1))
		i=$((i + 1))
	done > "$tmp/cfg/hktop/alerts"
	: > "$tmp/marks"
	start "$1"
	mark watchlist.start
	sleep "$secs"
	mark watchlist.end
	stop
	rm -f "$tmp/cfg/hktop/alerts"
	echo "== $1 symbols, 1,000 alert rules armed: ${secs} s of the watchlist at refresh 5 s"
	"$python" "$here/bench-tty.py" "$1" $cols $rows "$tmp/marks" "$tmp/strace" "$tmp/tty.log" \
		--against "$tmp/idle.$1"
}

# spark N: the watchlist with a sparkline on every row and the flash on
# (issue 17): once the rows' minute series are in, SECONDS of refreshes.
# Budget: at most twice the bytes a refresh sent before both (632 at 40
# symbols, 120x40, make bench of commit 07766c9).
spark()
{
	: > "$tmp/marks"
	BENCH_COLUMNS="code name last chg chg% spark vol turnover cap time"
	start "$1"
	BENCH_COLUMNS=
	last=-1 k=0
	while [ $k -lt 30 ]; do
		sleep 1
		got=$(grep -c "^GET /appstock" "$tmp/req" || true)
		[ "$got" -gt 0 ] && [ "$got" = "$last" ] && break
		last=$got k=$((k + 1))
	done
	mark watchlist.start
	sleep "$secs"
	mark watchlist.end
	stop
	echo "== $1 symbols, a sparkline on every row and the flash on: ${secs} s of the watchlist at refresh 5 s"
	"$python" "$here/bench-tty.py" "$1" $cols $rows "$tmp/marks" "$tmp/strace" "$tmp/tty.log" \
		--bytes-at-most 1264 "2 x 632, a refresh before sparklines and flash"
}

# noflash N: the watchlist of N symbols with flash = no: the bytes of
# the drawing itself, without the flash's second update a refresh (issue
# 17), whose cost the spark line holds to its own budget.
noflash()
{
	: > "$tmp/marks"
	BENCH_FLASH=no
	start "$1"
	BENCH_FLASH=
	mark watchlist.start
	sleep "$secs"
	mark watchlist.end
	stop
	echo "== $1 symbols, flash = no: ${secs} s of the watchlist at refresh 5 s"
	"$python" "$here/bench-tty.py" "$1" $cols $rows "$tmp/marks" "$tmp/strace" "$tmp/tty.log"
}

# cpu N: the watchlist of N symbols again, not under strace, for its CPU
# a refresh as hktop spends it: strace stops hktop at every write and
# poll, and the kernel's work for each stop is charged to hktop (about
# 2 ms a refresh at 3,000 symbols, most of it libcurl's own zero-timeout
# polls, two a request). Budget (issue 13): at most 10 ms at 3,000.
cpu()
{
	: > "$tmp/marks"
	BENCH_TRACE=no
	start "$1" quotes
	BENCH_TRACE=
	mark watchlist.start
	sleep "$secs"
	mark watchlist.end
	stop
	awk -v n="$1" -v secs="$secs" '
		$1 == "watchlist.start" { c0 = $3; r0 = $4 }
		$1 == "watchlist.end" { c1 = $3; r1 = $4 }
		END {
			r = r1 - r0; if (r < 1) r = 1
			ms = (c1 - c0) / 1e6 / r
			printf "== %d symbols, not under strace: %s s of the watchlist, %d refreshes, %.2f ms of CPU a refresh\n", n, secs, r1 - r0, ms
			if (n >= 3000 && ms > 10)
				printf "  OVER BUDGET: %d symbols, watchlist: cpu_ms_per_refresh %.2f ms > 10 ms\n", n, ms
		}' "$tmp/marks"
}

# once N: --once's CPU against curl's for the same URLs (one curl, the
# URLs in turn; hktop fetches them in parallel).
once()
{
	serve "$1" quotes
	"$python" - "$hktop" "$tmp/config" "$url" "$tmp/req" "$1" <<'PY'
import resource, subprocess, sys
hktop, config, url, req, n = sys.argv[1:6]
def cpu(argv):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
# One run of either is some 20 ms of CPU, where a busy machine's noise
# shows: the median of RUNS of each.
RUNS = 7
def median(argv):
    return sorted(cpu(argv) for _ in range(RUNS))[RUNS // 2]
h = cpu([hktop, '-c', config, '-o', 'tencent.quote_url=' + url, '--once'])
targets = [line.split()[1] for line in open(req) if line.startswith('GET ')]
h = median([hktop, '-c', config, '-o', 'tencent.quote_url=' + url, '--once'])
with open(req + '.curl', 'w') as f:
    for t in targets:
        f.write('url = "%s%s"\noutput = "/dev/null"\n' % (url, t))
c = median(['curl', '-s', '-K', req + '.curl'])
print('== %s symbols --once: %.0f ms CPU, curl %.0f ms for the same %d URLs (medians of %d runs)' % (n, h * 1000, c * 1000, len(targets), RUNS))
if c > 0 and h > 2 * c:
    print('  OVER BUDGET: --once %.1fx curl\'s CPU > 2x' % (h / c))
PY
	kill "$(cat "$tmp/pid")" 2>/dev/null || true
	wait 2>/dev/null || true
}

# replay N: a recording of N symbols' quotes every 5 s from 09:30 to 16:10
# HKT (tests/mkrec writes it from one refresh's response), replayed at
# speed 100 on a pty for SECONDS: hktop's CPU in % of a core.
replay()
{
	serve "$1" quotes
	sed -n '1s/$/ HSI HSTECH/p' "$tmp/config" > "$tmp/config.w"
	sed 1d "$tmp/config" >> "$tmp/config.w"
	gen "$1" 0 > "$tmp/body"
	"$hktop" -c "$tmp/config.w" --once > /dev/null 2>&1 || true
	target=$(sed -n 's/^GET \(\/q=[^	]*\).*/\1/p' "$tmp/req" | head -n 1)
	kill "$(cat "$tmp/pid")" 2>/dev/null || true
	wait 2>/dev/null || true
	mkdir -p "$tmp/rec"
	"$mkrec" "$tmp/rec/day.hkrec" 4800 "$tmp/body" "$url$target" 1786066200000 5000
	TERM=xterm-256color script -qfc "stty rows $rows cols $cols; exec '$hktop' -c '$tmp/config.w' --replay '$tmp/rec' -o replay.speed=100" \
		/dev/null > /dev/null 2>&1 < /dev/null &
	spid=$!
	hpid= k=0
	while [ -z "$hpid" ] && [ $k -lt 200 ]; do
		sleep 0.05
		hpid=$(pgrep -P "$spid" || true)
		k=$((k + 1))
	done
	sleep 1
	c0=$(cut -d' ' -f1 "/proc/$hpid/schedstat") t0=$(date +%s%N)
	sleep "$secs"
	c1=$(cut -d' ' -f1 "/proc/$hpid/schedstat") t1=$(date +%s%N)
	kill "$hpid" 2>/dev/null || true
	wait "$spid" 2>/dev/null || true
	pct=$(awk -v c=$((c1 - c0)) -v t=$((t1 - t0)) 'BEGIN { printf "%.1f", 100 * c / t }')
	echo "== replay of $1 symbols at speed 100: ${pct} % CPU over ${secs} s, ${cols}x${rows}"
	awk -v p="$pct" 'BEGIN { exit !(p > 5) }' && echo "  OVER BUDGET: ${pct} % > 5 %" || true
}

# startup N: the first screen and the peak RSS only.
startup()
{
	start "$1" quotes
	rss=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$hpid/status")
	stop
	echo "== $1 symbols start-up: first screen $(sed -n 's/^first_screen_ms //p' "$tmp/report") ms, --dump-config ${dump_ms} ms, peak RSS $((rss / 1024)) MiB"
}

if [ -n "${BENCH_ONLY:-}" ]; then
	eval "$BENCH_ONLY"
	exit 0
fi
run 40
noflash 40
alerts 40
spark 40
run 400
run 3000
cpu 3000
if command -v curl >/dev/null 2>&1; then
	once 3000
else
	echo "== --once against curl: skipped, curl is not installed"
fi
startup 20000
[ -z "$mkrec" ] || replay 40
exit 0
