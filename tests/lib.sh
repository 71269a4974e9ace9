# lib.sh - helpers for the TAP integration tests; source it, don't run it.
#
# POSIX sh (dash runs it), so every test script can be plain sh.  The
# results go to stdout as TAP for automake's tap-driver; diagnostics are
# "# " lines on stdout too, so they show in the .log next to the failure.
#
#	. "$(dirname "$0")/lib.sh"
#	setup_tmp
#	start_httpd "$FIXTURES/rules/basic"
#	run_with_timeout 10 "$HKTOP" --once --url "$BASE"
#	is "$rc" 0 "exits 0"
#	is "$(cat "$T/err")" "" "stderr is empty"
#	like "$(cat "$REQLOG")" '^GET /q=' "fetched the quotes"
#	done_testing
#
# Variables: $T (temp dir), $rc, $PORT, $BASE, $REQLOG, $HTTPD_PID.
# Set KEEP_TMP=1 to keep $T for a post-mortem.  The checks return non-zero
# on failure so a test can skip what depends on them; that is also why the
# scripts must not run under `set -e`.

# Defaults for running a test by hand from the top of the build tree;
# under `make check` automake sets all of these.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=.}"
: "${HKTOP:=$top_builddir/src/hktop}"
: "${HTTPD:=$top_builddir/tests/httpd}"
: "${FIXTURES:=$top_srcdir/tests/fixtures}"

tap_n=0
tap_failed=0
tap_planned=
httpd_n=0
httpd_pids=
T=

# --- TAP ----------------------------------------------------------------------

tap_plan()
{
	tap_planned=$1
	echo "1..$1"
}

# Ends the script: the plan if there was none up front, and an exit status
# that says whether everything passed (like tests/tap.h).
done_testing()
{
	if [ -z "$tap_planned" ]; then
		echo "1..$tap_n"
	elif [ "$tap_planned" -ne "$tap_n" ]; then
		diag "planned $tap_planned tests but ran $tap_n"
		tap_failed=$((tap_failed + 1))
	fi
	[ "$tap_failed" -eq 0 ] && exit 0
	exit 1
}

# Each argument, and each line in it, as a "# " comment.
diag()
{
	printf '%s\n' "$@" | sed 's/^/# /'
}

pass()
{
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $*"
}

fail()
{
	tap_n=$((tap_n + 1))
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_n - $*"
}

# ok_if MSG CMD [ARG...]: passes when CMD succeeds.
ok_if()
{
	_msg=$1
	shift
	if "$@"; then
		pass "$_msg"
	else
		fail "$_msg"
		diag "command failed: $*"
	fi
}

# ok_unless MSG CMD [ARG...]: passes when CMD fails.
ok_unless()
{
	_msg=$1
	shift
	if "$@"; then
		fail "$_msg"
		diag "command succeeded: $*"
	else
		pass "$_msg"
	fi
}

# is GOT WANT MSG: exact string comparison, with a unified diff on failure.
is()
{
	if [ "x$1" = "x$2" ]; then
		pass "$3"
		return 0
	fi
	fail "$3"
	_d=${T:-${TMPDIR:-/tmp}}
	printf '%s\n' "$2" > "$_d/.want.$$"
	printf '%s\n' "$1" > "$_d/.got.$$"
	diff -u "$_d/.want.$$" "$_d/.got.$$" | sed -e '1,2d' -e 's/^/# /'
	rm -f "$_d/.want.$$" "$_d/.got.$$"
	return 1
}

# like GOT ERE MSG: passes when some line of GOT matches the extended regex.
like()
{
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		pass "$3"
		return 0
	fi
	fail "$3"
	diag "no line matches: $2" "got:" "$1"
	return 1
}

# unlike GOT ERE MSG: passes when no line of GOT matches.
unlike()
{
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		fail "$3"
		diag "a line matches: $2" "got:" "$1"
		return 1
	fi
	pass "$3"
}

bail_out()
{
	echo "Bail out! $*"
	exit 1
}

# --- environment ------------------------------------------------------------

# Kill the servers we started, by pid, and remove $T: runs on every exit.
_lib_cleanup()
{
	_rc=$?
	for _pid in $httpd_pids; do
		kill "$_pid" 2>/dev/null
	done
	for _pid in $httpd_pids; do
		wait "$_pid" 2>/dev/null
	done
	httpd_pids=
	if [ -n "$T" ] && [ -d "$T" ]; then
		if [ -n "${KEEP_TMP:-}" ]; then
			echo "# kept $T" >&2
		else
			rm -rf "$T"
		fi
	fi
	exit "$_rc"
}

# A private world for one test: nothing from the developer's home, config,
# locale, time zone or proxy settings may leak into what the test sees.
setup_tmp()
{
	T=$(mktemp -d "${TMPDIR:-/tmp}/hktop-test.XXXXXX") ||
		bail_out "mktemp -d failed"
	trap _lib_cleanup EXIT
	# dash runs the EXIT trap only on exit, so turn signals into exits.
	trap 'exit 129' HUP
	trap 'exit 130' INT
	trap 'exit 143' TERM
	mkdir "$T/home" "$T/config" "$T/state" "$T/cache"
	HOME=$T/home
	XDG_CONFIG_HOME=$T/config
	XDG_STATE_HOME=$T/state
	XDG_CACHE_HOME=$T/cache
	TZ=UTC
	LC_ALL=C.UTF-8
	export HOME XDG_CONFIG_HOME XDG_STATE_HOME XDG_CACHE_HOME TZ LC_ALL
	unset HKTOP_CONFIG HKTOP_TRACE NO_COLOR
	# libcurl honours these; a CI proxy must not see our loopback requests.
	unset http_proxy https_proxy HTTPS_PROXY all_proxy ALL_PROXY
	NO_PROXY='*'
	no_proxy='*'
	export NO_PROXY no_proxy
}

# start_httpd [HTTPD_OPTION...] RULES_FILE: start one more server and wait
# until it listens.  Sets PORT, BASE, REQLOG and HTTPD_PID; the logs of
# earlier servers stay at $T/requests.N.
start_httpd()
{
	[ -n "$T" ] || bail_out "start_httpd before setup_tmp"
	[ -x "$HTTPD" ] || bail_out "no test server at $HTTPD"
	httpd_n=$((httpd_n + 1))
	_portfile=$T/port.$httpd_n
	REQLOG=$T/requests.$httpd_n
	: > "$REQLOG"
	# stdout is the TAP stream, so the server only ever talks to stderr.
	"$HTTPD" -p "$_portfile" -l "$REQLOG" "$@" >&2 &
	HTTPD_PID=$!
	httpd_pids="$httpd_pids $HTTPD_PID"
	_tries=0
	while [ ! -s "$_portfile" ]; do
		kill -0 "$HTTPD_PID" 2>/dev/null ||
			bail_out "httpd exited at startup (rules: $*)"
		_tries=$((_tries + 1))
		[ "$_tries" -le 100 ] ||
			bail_out "httpd did not listen within 5 s"
		sleep 0.05
	done
	PORT=$(cat "$_portfile")
	BASE=http://127.0.0.1:$PORT
}

# run_with_timeout SECS CMD [ARG...]: stdout to $T/out, stderr to $T/err,
# status to $rc (124 if the watchdog fired).  Safe under set -e.  stdin is
# left alone so a test may redirect it: run_with_timeout 5 cmd < keys
run_with_timeout()
{
	_secs=$1
	shift
	if timeout -k 2 "$_secs" "$@" > "$T/out" 2> "$T/err"; then
		rc=0
	else
		rc=$?
	fi
	[ "$rc" -ne 124 ] || diag "timed out after ${_secs}s: $*"
}
