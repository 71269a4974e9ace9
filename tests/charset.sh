#!/bin/sh
# charset.sh - a quote reply read in the charset its Content-Type declares:
# a UTF-8 body labelled utf-8 (or not labelled at all) is not turned into
# GBK mojibake, a mislabelled GBK body still reads, so does an unlabelled one, and a body valid in no charset is refused, not
# shown as replacement characters with exit 0.
. "$(dirname "$0")/lib.sh"
setup_tmp
F=$FIXTURES

# The same capture, re-encoded as UTF-8; and one with bytes that are
# neither UTF-8 nor GBK (0xff never starts a character in either) in
# place of Tencent's name.
iconv -f GB18030 -t UTF-8 "$F/tencent-batch.gbk.txt" > "$T/batch.utf8.txt"
LC_ALL=C sed 's/^\(v_r_hk00700="100~\)[^~]*/\1\xff\xfe\xff/' "$F/tencent-batch.gbk.txt" > "$T/batch.bad.txt"

cat > "$T/rules" <<RULES
/utf8/ 200 $T/batch.utf8.txt ctype=text/plain;%20charset=utf-8
/quoted/ 200 $T/batch.utf8.txt ctype=text/html;%20Charset="UTF-8"
/lying/ 200 $F/tencent-batch.gbk.txt ctype=text/plain;%20charset=utf-8
/gbk/ 200 $F/tencent-batch.gbk.txt
/unlabelled-utf8/ 200 $T/batch.utf8.txt ctype=text/plain
/unlabelled-gbk/ 200 $F/tencent-batch.gbk.txt ctype=text/plain
/bad-utf8/ 200 $T/batch.bad.txt ctype=text/plain;%20charset=utf-8
/bad-gbk/ 200 $T/batch.bad.txt
RULES
start_httpd "$T/rules"

name_of_0700()
{
	sed -n 's/^{"symbol":"0700","name":"\([^"]*\)".*/\1/p' "$T/out"
}

for path in utf8 quoted lying gbk unlabelled-utf8 unlabelled-gbk; do
	run_with_timeout 20 "$HKTOP" --once --format json -o tencent.quote_url="$BASE/$path" \
		-o quotes.failover=no 700
	is "$rc" 0 "$path: exit 0"
	is "$(name_of_0700)" "腾讯控股" "$path: the Chinese name reads right"
	is "$(cat "$T/err")" "" "$path: nothing on stderr"
done

for path in bad-gbk bad-utf8; do
	run_with_timeout 20 "$HKTOP" --once --format json -o tencent.quote_url="$BASE/$path" \
		-o quotes.failover=no 700
	is "$rc" 1 "$path: a body valid in no charset fails the run"
	like "$(cat "$T/err")" '^hktop: 0700: tencent: 0700: cannot decode reply: not valid GBK or UTF-8' \
		"$path: and says why"
	unlike "$(cat "$T/out")" '"price":478' "$path: no figure of it is shown"
done
like "$(cat "$T/err")" 'UTF-8 \(declared charset "utf-8"\)$' "a declared charset is named"

done_testing
