#!/bin/bash
# httpd-selftest.sh - the test server itself, spoken to through bash's /dev/tcp
#
# Every integration test trusts tests/httpd, so it gets raw-socket checks of
# its own: no curl CLI, no Python, just bytes on a loopback socket.  This is
# the one bash script (for /dev/tcp, read -t and {fd} redirections).

. "$(dirname "$0")/lib.sh"

setup_tmp
CRLF=$'\r\n'

# request RAW: send RAW (printf %b escapes) to $PORT and read to EOF.
# Sets resp, status (first line), head (status + headers, each line ending
# in CR) and body.
request()
{
	resp= status= head= body=
	exec 3<>"/dev/tcp/127.0.0.1/$PORT" || return 1
	printf '%b' "$1" >&3
	cat <&3 > "$T/resp"
	exec 3<&-
	IFS= read -r -d '' resp < "$T/resp"
	status=${resp%%$'\r'*}
	head=${resp%%"$CRLF$CRLF"*}$CRLF
	body=${resp#*"$CRLF$CRLF"}
}

# get TARGET [EXTRA_HEADER_LINES]
get()
{
	request "GET $1 HTTP/1.1\r\nHost: 127.0.0.1\r\n${2:-}\r\n"
}

now_ms()
{
	local t=${EPOCHREALTIME/[.,]/}
	echo $((t / 1000))
}

# --- fixtures ---------------------------------------------------------------
# The rules live in their own directory and we run from /, to prove that
# body paths are relative to the rules file and not to the working directory.
mkdir "$T/www"
printf 'v_r_hk00700="100~TENCENT~00700~380.20";\n' > "$T/www/tencent.txt"
for k in 0 1 2; do printf 'turn %s\n' $k > "$T/www/turn.$k"; done
cat > "$T/www/rules" <<'EOF'
# comment lines and blank lines are ignored

/q=r_hk00700	200 tencent.txt
/flaky		503 -		count=1
/flaky		200 tencent.txt
/turn		200 turn	cycle=3
/zero		200 @zero:1K	header=X-Test:a%20b	# trailing comment
/chunk		200 @zero:1K	chunked ctype=application/json
/trunc		200 @zero:1K	truncate=100
/longhead	200 @longhead:1K
/big		200 @zero:8M
/slow		200 tencent.txt	delay=2000
/hang		200 @hang
*		200 -
EOF
printf '/only 200 -\n' > "$T/www/rules.idle"
cd / || bail_out "cd /"

# Started first so its one idle second overlaps the rest of the test.
start_httpd -t 1 "$T/www/rules.idle"
PORT_IDLE=$PORT PID_IDLE=$HTTPD_PID
get /nope
is "$status" "HTTP/1.1 404 Not Found" "no matching rule is a 404"
is "$body" $'no rule matches\n' "with a short body"

start_httpd "$T/www/rules"
PID_MAIN=$HTTPD_PID REQLOG_MAIN=$REQLOG

# --- startup ----------------------------------------------------------------
like "$(cat "$T/port.2")" '^[0-9]+$' "port file holds the port"
is "$(wc -l < "$T/port.2")" 1 "and one newline"
is "$(cd "$T" && echo port.*.tmp)" "port.*.tmp" "no temporary file left behind"

# --- bodies and statuses ----------------------------------------------------
get /q=r_hk00700,hkHSI "User-Agent: hktop-test/1.0\r\nReferer: https://gu.qq.com/\r\n"
is "$status" "HTTP/1.1 200 OK" "file body: status line"
is "$body" "$(cat "$T/www/tencent.txt")"$'\n' "file body: exact bytes"
like "$head" "^Content-Length: $(wc -c < "$T/www/tencent.txt")"$'\r$' \
	"file body: Content-Length"
like "$head" $'^Content-Type: text/plain; charset=GBK\r$' "default Content-Type"
like "$head" $'^Connection: close\r$' "Connection: close"

get /flaky
is "$status" "HTTP/1.1 503 Service Unavailable" "count=1: first request fails"
get /flaky
is "$status" "HTTP/1.1 200 OK" "count=1: then the next rule matches"

bodies=
for k in 1 2 3 4; do get /turn; bodies="$bodies${body%$'\n'};"; done
is "$bodies" "turn 0;turn 1;turn 2;turn 0;" "cycle=3: FILE.0, .1, .2 in turn, then again"

get /zero
is "${#body}" 1024 "@zero:1K is 1024 bytes"
is "${body//0/}" "" "all of them '0'"
like "$head" $'^Content-Length: 1024\r$' "@zero: Content-Length"
like "$head" $'^X-Test: a b\r$' "header= with %20"

get /chunk
like "$head" $'^Transfer-Encoding: chunked\r$' "chunked: header"
unlike "$head" '^Content-Length' "chunked: no Content-Length"
like "$head" $'^Content-Type: application/json\r$' "ctype="
zeros=$(printf '%1024s' '' | tr ' ' 0)
is "$body" "400$CRLF$zeros${CRLF}0$CRLF$CRLF" "chunked: framing"

get /trunc
like "$head" $'^Content-Length: 1024\r$' "truncate=: full length announced"
is "${#body}" 100 "truncate=: 100 bytes sent"

get /longhead
is "$resp" "HTTP/1.1 200 OK${CRLF}Connection: close${CRLF}X-Long: $zeros" \
	"@longhead: a header line of 1K zeros that never ends"

request "HEAD /zero HTTP/1.1\r\nHost: x\r\n\r\n"
like "$head" $'^Content-Length: 1024\r$' "HEAD: Content-Length of the body"
is "$body" "" "HEAD: no body"

get /anything/else
is "$status" "HTTP/1.1 200 OK" "* matches anything"
is "$body" "" "- is an empty body"

# --- robustness -------------------------------------------------------------
request "garbage\r\n\r\n"
is "$status" "HTTP/1.1 400 Bad Request" "malformed request line is a 400"
request "GET /zero HTTP/1.1\r\nno colon here\r\n\r\n"
is "$status" "HTTP/1.1 400 Bad Request" "malformed header is a 400"
request "GET /zero HTTP/1.1\r\nX-Big: $(printf '%17000s' '' | tr ' ' a)\r\n\r\n"
is "$status" "HTTP/1.1 431 Request Header Fields Too Large" "16 KiB+ head is a 431"

# A request dribbled out in pieces, with the terminator split, and bare LFs.
exec 3<>"/dev/tcp/127.0.0.1/$PORT"
printf 'GET /q=r_' >&3
printf 'hk00700 HTTP/1.0\nUser-Agent: split\n' >&3
printf '\n' >&3
status=$(head -n 1 <&3)
exec 3<&-
is "$status" "HTTP/1.1 200 OK$(printf '\r')" "request in pieces, bare LF"

# Many at once: 50 connections open before any request is sent.
fds=()
for i in $(seq 50); do
	exec {fd}<>"/dev/tcp/127.0.0.1/$PORT" && fds+=("$fd")
done
for fd in "${fds[@]}"; do
	printf 'GET /zero HTTP/1.1\r\n\r\n' >&"$fd"
done
good=0
for fd in "${fds[@]}"; do
	IFS= read -r -d '' resp <&"$fd"
	[ "${resp%%$'\r'*}" = "HTTP/1.1 200 OK" ] && [ "${#resp}" -gt 1024 ] &&
		good=$((good + 1))
	exec {fd}<&-
done
is "$good" 50 "50 concurrent connections all answered"

# A delayed answer must not hold up anyone else (margins wide enough for a
# loaded machine: the point is 2 s against well under that).
exec 4<>"/dev/tcp/127.0.0.1/$PORT"
t0=$(now_ms)
printf 'GET /slow HTTP/1.1\r\n\r\n' >&4
get /zero
t1=$(now_ms)
IFS= read -r -d '' resp <&4
t2=$(now_ms)
exec 4<&-
is "$status" "HTTP/1.1 200 OK" "served during another's delay"
ok_if "... without waiting for it ($((t1 - t0)) ms)" test $((t1 - t0)) -lt 1500
ok_if "delay=2000 waits ($((t2 - t0)) ms)" test $((t2 - t0)) -ge 1990
is "${resp%%$'\r'*}" "HTTP/1.1 200 OK" "delayed answer arrives"

# @hang: the request is taken and nothing comes back.
exec 3<>"/dev/tcp/127.0.0.1/$PORT"
printf 'GET /hang HTTP/1.1\r\n\r\n' >&3
read -r -t 0.3 -u 3 line
ok_if "@hang sends nothing" test $? -gt 128
exec 3<&-

# Clients that leave half-way must not hurt the server.
exec 3<>"/dev/tcp/127.0.0.1/$PORT"
printf 'GET /big HTTP/1.1\r\n\r\n' >&3
exec 3<&-
exec 3<>"/dev/tcp/127.0.0.1/$PORT"
printf 'GET /big HT' >&3
exec 3<&-
exec 3<>"/dev/tcp/127.0.0.1/$PORT"
exec 3<&-
get /q=r_hk00700
is "$status" "HTTP/1.1 200 OK" "still serving after clients vanished"

# --- the request log ----------------------------------------------------------
get /zero "User-Agent: a\001b\\\\c\r\n"
log=$(cat "$REQLOG_MAIN")
like "$log" '^GET /q=r_hk00700,hkHSI	hktop-test/1\.0	https://gu\.qq\.com/$' \
	"log: method, target, User-Agent, Referer"
like "$log" '^GET /flaky	-	-$' "log: - for absent headers"
like "$log" '^HEAD /zero	' "log: HEAD"
like "$log" '^GET /q=r_hk00700	split	-$' "log: the dribbled request"
like "$log" '^GET /zero	a\\x01b\\\\c	-$' "log: control bytes and \\ escaped"
unlike "$log" '^garbage' "log: malformed requests are not logged"
is "$(grep -c '^GET /zero	-	-$' "$REQLOG_MAIN")" 52 "log: one line per request"

# --- -k: keep-alive (the bench's) -------------------------------------------
start_httpd -k "$T/www/rules"
PID_KEEP=$HTTPD_PID
# One request, its whole response read, then another on the same socket.
exec 3<>"/dev/tcp/127.0.0.1/$PORT"
printf 'GET /zero HTTP/1.1\r\nHost: x\r\n\r\n' >&3
khead=
while IFS= read -r -t 5 -u 3 line && [ "$line" != $'\r' ]; do khead="$khead$line"$'\n'; done
IFS= read -r -t 5 -u 3 -N 1024 kbody
like "$khead" $'^Connection: keep-alive\r$' "-k: Connection: keep-alive"
is "${#kbody}" 1024 "-k: the whole body, and the connection stays open"
# Then two pipelined in one write, the second asking to close.
printf 'GET /turn HTTP/1.1\r\n\r\nGET /q=r_hk00700 HTTP/1.1\r\nConnection: close\r\n\r\n' >&3
cat <&3 > "$T/resp"
exec 3<&-
IFS= read -r -d '' resp < "$T/resp"
like "$resp" "^HTTP/1.1 200 OK${CRLF}[^$'\n']*${CRLF}Content-Length: 7${CRLF}Connection: keep-alive${CRLF}${CRLF}turn 0"$'\n'"HTTP/1.1 200 OK" \
	"-k: a pipelined request answered after the first"
is "${resp##*"$CRLF$CRLF"}" "$(cat "$T/www/tencent.txt")"$'\n' "-k: the second whole"
like "$resp" $'Connection: close\r' "-k: Connection: close asked, answered"
klog=$(cat "$REQLOG")
like "$klog" $'^GET /zero\t-\t-\t#1$' "-k: the log gives the connection"
is "$(grep -c $'\t#1$' "$REQLOG")" 3 "-k: three requests on the first connection"
request "GET /zero HTTP/1.0\r\n\r\n"
like "$head" $'^Connection: close\r$' "-k: HTTP/1.0 closes"
is "${#body}" 1024 "-k: HTTP/1.0 whole"
request "GET /trunc HTTP/1.1\r\n\r\n"
is "${#body}" 100 "-k: truncate= still hangs up"
like "$head" $'^Connection: close\r$' "-k: truncate= says close"
request "garbage\r\n\r\nGET /zero HTTP/1.1\r\n\r\n"
is "$status" "HTTP/1.1 400 Bad Request" "-k: a 400 closes"
is "$(grep -c '^garbage' "$REQLOG")" 0 "-k: and nothing after it is read"
kill "$PID_KEEP"
wait "$PID_KEEP"

# --- rules errors -------------------------------------------------------------
printf '/a 200 -\n/b 200 - bogus=1\n' > "$T/bad.rules"
run_with_timeout 5 "$HTTPD" -p "$T/bad.port" "$T/bad.rules"
is "$rc" 2 "bad rule: exit 2"
like "$(cat "$T/err")" 'bad\.rules:2: unknown option bogus' "bad rule: file:line"
printf '/a 200 missing.txt\n' > "$T/bad.rules"
run_with_timeout 5 "$HTTPD" "$T/bad.rules"
like "$(cat "$T/err")" 'bad\.rules:1: .*missing\.txt' "missing body file is refused"
ok_unless "nothing listens after a bad rules file" test -e "$T/bad.port"

# --- ending -------------------------------------------------------------------
kill "$PID_MAIN"
wait "$PID_MAIN"
is "$?" 0 "SIGTERM: clean exit"

# The idle server has had no traffic since its 404; wait at most 3 s more.
for i in $(seq 60); do
	kill -0 "$PID_IDLE" 2>/dev/null || break
	sleep 0.05
done
wait "$PID_IDLE"
is "$?" 0 "-t 1: exits by itself when idle"
httpd_pids=

done_testing
