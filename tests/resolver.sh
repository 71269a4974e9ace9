#!/bin/sh
# resolver.sh - a DNS server that never answers stalls nothing: --once ends
# within its timeout plus a second, and on the dashboard keys answer and q
# quits at once while every lookup hangs. libcurl's threaded resolver used
# to be joined, inside the poll loop, until getaddrinfo gave up (10 s).
#
# hktop runs in a private mount namespace whose /etc/resolv.conf names a
# loopback "black hole" (a UDP socket that reads nothing, so no reply and
# no ICMP refusal) and whose /etc/nsswitch.conf sends host names only to
# DNS, so neither /etc/hosts nor a local resolver daemon can answer.
. "$(dirname "$0")/lib.sh"
setup_tmp

skip_all()
{
	tap_plan 0
	echo "# SKIP $*"
	exit 0
}

for tool in unshare perl script; do
	command -v "$tool" >/dev/null 2>&1 || skip_all "$tool is not installed"
done
[ -f /etc/nsswitch.conf ] || skip_all "no /etc/nsswitch.conf to replace"

# The black hole, on an address of 127/8 of its own so that parallel runs
# and a real resolver on 127.0.0.1 or 127.0.0.53 are left alone. It ends by
# itself after a minute; the cleanup ends it sooner.
hole_up()
{
	perl -MIO::Socket::INET -e '
		my $s = IO::Socket::INET->new(LocalAddr => "$ARGV[0]:53", Proto => "udp")
			or exit 1;
		open my $fh, ">", $ARGV[1] or exit 1;
		close $fh;
		sleep 60;' "$1" "$T/hole.ready" 2>/dev/null &
	hole_pid=$!
	k=0
	while [ ! -e "$T/hole.ready" ] && kill -0 "$hole_pid" 2>/dev/null && [ $k -lt 100 ]; do
		sleep 0.05
		k=$((k + 1))
	done
	[ -e "$T/hole.ready" ] && httpd_pids="$httpd_pids $hole_pid" # killed on exit
}
for n in 0 1 2 3; do
	NS_ADDR=127.$(($$ % 200 + 20)).$(($$ / 200 % 250 + 1)).$((53 + n))
	hole_up "$NS_ADDR" && break
	NS_ADDR=
done
[ -n "$NS_ADDR" ] || skip_all "cannot listen on UDP port 53 (needs root)"

# glibc's defaults written out: 5 s a try, 2 tries, A and AAAA in parallel.
printf 'nameserver %s\noptions timeout:5 attempts:2\n' "$NS_ADDR" > "$T/resolv.conf"
echo 'hosts: dns' > "$T/nsswitch.conf"
cat > "$T/in-ns" <<EOF
mount --bind '$T/resolv.conf' /etc/resolv.conf &&
mount --bind '$T/nsswitch.conf' /etc/nsswitch.conf &&
exec "\$@"
EOF
unset RES_OPTIONS LOCALDOMAIN HOSTALIASES
unshare -m sh "$T/in-ns" true 2>/dev/null ||
	skip_all "no private mount namespace (unshare -m and mount --bind need root)"

# Every service on a name only the black hole is asked about.
HOST=http://quotes.hktop-blackhole.invalid
URLS="-o tencent.quote_url=$HOST -o sina.quote_url=$HOST -o tencent.chart_url=$HOST
-o yahoo.url=$HOST -o yahoo.rss_url=$HOST -o google.news_url=$HOST
-o eastmoney.news_url=$HOST"

now_ms()
{
	date +%s%3N
}

# --once: the timeout bounds the whole run, the lookup included.
t0=$(now_ms)
# shellcheck disable=SC2086 # URLS is words on purpose
run_with_timeout 30 unshare -m sh "$T/in-ns" "$HKTOP" --once -o timeout=1 \
	-o quotes.failover=no $URLS 700
took=$(($(now_ms) - t0))
is "$rc" 1 "--once: the symbol failed: exit 1"
like "$(cat "$T/err")" 'tencent: 0700: timed out after 1 s' \
	"--once: it timed out (the lookup hung rather than failed)"
diag "--once with timeout=1 took $took ms"
ok_if "--once ends within timeout + 1 s (took $took ms)" test "$took" -lt 2000

# The dashboard on a pty. Keys come through a FIFO held open here.
export TERM=xterm-256color
unset HKTOP_SCRIPT NO_COLOR
mkfifo "$T/keys"
exec 9<> "$T/keys"

# dash NAME TIMEOUT: start the dashboard, wait for its first screen.
dash()
{
	: > "$T/$1.log"
	script -qfc "stty rows 24 cols 80; exec unshare -m sh '$T/in-ns' '$HKTOP' \
		-o timeout=$2 -o watchlist=700 $URLS" "$T/$1.log" < "$T/keys" > /dev/null 2>&1 &
	spid=$!
	started=$(now_ms)
	k=0
	until grep -q 'Fetching quotes' "$T/$1.log" 2>/dev/null || [ $k -ge 200 ]; do
		sleep 0.02
		k=$((k + 1))
	done
}

# within MS CMD...: run CMD every 20 ms until it succeeds; the time it
# took goes to $took, and the status says whether it made it within MS.
within()
{
	_limit=$1
	shift
	_t0=$(now_ms)
	k=0
	until "$@"; do
		[ $k -ge 400 ] && break # 8 s, well past the old 10 s stall's middle
		sleep 0.02
		k=$((k + 1))
	done
	took=$(($(now_ms) - _t0))
	[ "$took" -lt "$_limit" ]
}

gone()
{
	! kill -0 "$spid" 2>/dev/null
}

end_dash()
{
	if ! gone; then
		pkill -KILL -P "$spid" 2>/dev/null
		kill -KILL "$spid" 2>/dev/null
	fi
	wait "$spid" 2>/dev/null
}

# After the 1 s timeout, when the old code sat joining the lookup thread.
dash keys 1
while [ $(($(now_ms) - started)) -lt 1500 ]; do
	sleep 0.05
done
printf '?' >&9
within 1000 grep -q 'Keys (Esc' "$T/keys.log"
st=$?
diag "a key 1.5 s in answered after $took ms"
is "$st" 0 "a key answers while the lookups hang (took $took ms)"
printf 'q' >&9 # back from the help
printf 'q' >&9
within 1000 gone
st=$?
diag "q then ended hktop after $took ms"
is "$st" 0 "q ends hktop after a lookup timed out (took $took ms)"
end_dash

# q while every lookup is still under way, long before the timeout.
dash quit 30
sleep 0.3
printf 'q' >&9
within 1000 gone
st=$?
diag "q during the lookups ended hktop after $took ms"
is "$st" 0 "q ends hktop while the lookups hang (took $took ms)"
end_dash
exec 9>&-

done_testing
