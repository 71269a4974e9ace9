#!/bin/sh
# manlint.sh - the man page is clean mdoc: nothing from mandoc -Tlint down
# to STYLE level, and two slips its lint does not see: a SYNOPSIS form
# that runs on into the one before it (a missing .Nm), and a lone
# delimiter as a macro's argument (".Pq [" draws "[()").
. "$(dirname "$0")/lib.sh"
setup_tmp
man=$top_srcdir/man/hktop.1

if ! command -v mandoc >/dev/null 2>&1; then
	echo "1..0 # SKIP mandoc is not installed (apt-get install mandoc; ./bootstrap does)"
	exit 0
fi

# Every level but one STYLE message: whether xdg-open(1) or htop(1) is
# installed says nothing about the page. mandoc.db notes are the same.
mandoc -Tlint -Wstyle "$man" > "$T/lint" 2>&1
is "$(grep -v -e 'STYLE: referenced manual not found' -e 'mandoc\.db' "$T/lint")" "" \
	"mandoc -Tlint -Wstyle finds nothing"

# Every form of the SYNOPSIS starts with the name: a mandatory flag (the
# mode: --once, --series, ...) comes right after .Nm.
sed -n '/^\.Sh SYNOPSIS/,/^\.Sh /p' "$man" > "$T/synopsis"
is "$(awk '/^\.Fl / && prev != ".Nm" { print NR ": " $0 } { prev = $0 }' "$T/synopsis")" "" \
	"each SYNOPSIS form starts with .Nm"
bs=$(printf '\b')
mandoc -Tascii "$man" | sed "s/.$bs//g" > "$T/page" # no overstruck bold
# The dashboard's form, then one per mode.
is "$(sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' "$T/page" | grep -c '^ *hktop ')" \
	"$(($(grep -c '^\.Fl ' "$T/synopsis") + 1))" "and renders one form per mode"

# A delimiter alone ("[", ")", ",") is taken as punctuation, not text:
# the macro encloses nothing. Escape it: .Pq \&[
is "$(grep -n '()\|\[\]' "$T/page")" "" "no empty () or [] on the rendered page"

done_testing
