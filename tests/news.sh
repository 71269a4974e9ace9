#!/bin/sh
# news.sh - hktop --news end to end: Yahoo RSS, both Google News editions,
# Eastmoney's 7x24 JSON and user feeds (Atom, hostile RSS) over the real
# libcurl path from a loopback server; merge, de-duplication, order, tags,
# sanitising, a failing source, the size cap, an entity bomb, filtering by
# symbol, the JSON shape and the exit codes.
. "$(dirname "$0")/lib.sh"
setup_tmp
F=$FIXTURES

# Routes by path prefix. The Chinese Google query starts with 騰訊控股
# (%E9%A8%B0...) because the watchlist starts with 0700.
cat > "$T/rules" <<RULES
/rss/2.0/headline 200 $F/yahoo-rss.xml ctype=application/rss+xml
/rss/search?q=%E9%A8%B0 200 $F/google-news-zh.xml ctype=application/rss+xml
/rss/search?q=Tencent 200 $F/google-news-en.xml ctype=application/rss+xml
/rss/search 200 $F/google-news-en.xml ctype=application/rss+xml
/comm/web/getFastNewsList 200 $F/eastmoney-fast.json ctype=application/json
/feeds/atom 200 $F/atom.xml ctype=application/atom+xml
/feeds/hostile 200 $F/hostile-rss.xml
/feeds/bomb 200 $F/billion-laughs.xml
/feeds/down 503 -
RULES
start_httpd "$T/rules"
LOG=$REQLOG

news()
{
	run_with_timeout 30 "$HKTOP" --news -o yahoo.rss_url="$BASE" -o google.news_url="$BASE" \
		-o eastmoney.news_url="$BASE" -o watchlist="700 9988 BABA 9618" "$@"
}

HKTOP_TRACE="$T/trace" news
is "$rc" 0 "every source answered: exit 0"
is "$(cat "$T/err")" "" "nothing on stderr"
is "$(cat "$T/trace" | sort)" "$(sort <<EOF
GET $BASE/rss/2.0/headline?s=0700.HK,9988.HK,BABA,9618.HK&region=US&lang=en-US
GET $BASE/rss/search?q=Tencent+OR+Alibaba+OR+JD.com+when%3A1d&hl=en-US&gl=US&ceid=US:en
GET $BASE/rss/search?q=%E9%A8%B0%E8%A8%8A%E6%8E%A7%E8%82%A1+OR+%E9%98%BF%E9%87%8C%E5%B7%B4%E5%B7%B4+OR+%E4%BA%AC%E6%9D%B1%E9%9B%86%E5%9C%98+when%3A1d&hl=zh-HK&gl=HK&ceid=HK:zh-Hant
GET $BASE/comm/web/getFastNewsList?client=web&biz=web_724&fastColumn=102&sortEnd=&pageSize=50&req_trace=$(sed -n 's/.*req_trace=\([0-9]*\)$/\1/p' "$T/trace")
EOF
)" "one request per source: Yahoo with the watchlist's codes, Google in English and Hong Kong Chinese, Eastmoney"
like "$(sed -n 's/.*req_trace=//p' "$T/trace")" '^1[0-9]{12}$' "Eastmoney's req_trace is the time in milliseconds"
like "$(grep getFastNewsList "$LOG")" '	https://finance\.eastmoney\.com/$' "Eastmoney gets its Referer"
unlike "$(cut -f2 "$LOG")" '^-$' "every request carries a User-Agent"
cp "$T/out" "$T/table"
# Yahoo's and Google's copies of the Tencent story are one headline (the
# Google title's " - Reuters" is the publisher); newest first, at +08:00.
is "$(sed -n '1p;2,$s/^\(.\{25\}\)  \([a-z-]*\) *\([^ ]*\) .*/\1 \2 \3/p' "$T/table" | grep -v '^  ')" \
"TIME                       SOURCE     SYMBOLS             TITLE
2026-08-07T16:40:00+08:00 google-hk 0700
2026-08-07T16:15:12+08:00 yahoo 0700
2026-08-07T16:08:00+08:00 eastmoney 0700,BABA
2026-08-07T15:30:12+08:00 eastmoney HSI,HSTECH
2026-08-07T15:05:00+08:00 google-hk 9988,BABA,9618,3690
2026-08-07T14:45:00+08:00 google 9618,9988,BABA
2026-08-07T14:02:45+08:00 eastmoney 9988,3690,BABA
2026-08-07T12:00:00+08:00 yahoo 9888,BIDU
2026-08-07T10:05:00+08:00 yahoo 9988,BABA,9618,3690
2026-08-07T09:35:00+08:00 google-hk HSI,1698,1810
2026-08-07T09:30:00+08:00 yahoo HSI,1810
2026-08-07T07:10:00+08:00 google 2015" "merged from four sources, de-duplicated, newest first, tagged"
is "$(grep -c "second-quarter revenue beats" "$T/table")" 1 "the story Yahoo and Google both carry is listed once"
like "$(cat "$T/table")" '^  https://finance\.yahoo\.com/news/tencent-second-quarter-revenue-beats-081512345\.html\?\.tsrc=rss$' \
	"each headline's link on the line below it"
like "$(cat "$T/table")" '腾讯控股：第二季度收入同比增长15%$' "Chinese titles as UTF-8"
like "$(cat "$T/table")" 'Li Auto cuts prices' "\"Li Auto\" is Li Auto (2015), not a word"

news --format json
is "$rc" 0 "json: exit 0"
is "$(sed -n '2s/,$//p' "$T/out")" '{"title":"騰訊第二季收入勝預期 遊戲業務回暖","source":"google-hk","publisher":"經濟日報","url":"https://news.google.com/rss/articles/CBMiQmh0dHBzOi8vaW5ld3MuaGtldC5jb20vYXJ0aWNsZS8x?oc=5","time":"2026-08-07T16:40:00+08:00","symbols":["0700"]}' \
	"json: title, source, publisher, url, time with its offset, symbols"
is "$(sed -n 1p "$T/out")$(tail -n 1 "$T/out")" "[]" "json: one array"
is "$(grep -c '^,\{0,1\}{"title":' "$T/out")" 12 "json: one object per line, the same 12 headlines"
like "$(cat "$T/out")" '"source":"eastmoney","publisher":null' "json: unknown fields are null"

# SYMBOLs: only the headlines tagged with them.
news 2015 HSTECH
is "$rc" 0 "filtered: exit 0"
is "$(grep -v '^  ' "$T/out" | sed 's/  */ /g' | cut -d' ' -f2-3)" "SOURCE SYMBOLS
eastmoney HSI,HSTECH
google 2015" "SYMBOLs keep only the headlines tagged with them"
news --format json 9999
is "$(cat "$T/out")" "[
]" "no headline for a symbol: an empty array"

# User feeds: Atom, and a hostile feed whose escape sequences, bidi
# overrides and javascript: links must not come through.
news -o news.sources=none -o news.feeds="$BASE/feeds/atom $BASE/feeds/hostile"
is "$rc" 0 "user feeds: exit 0"
is "$(cat "$T/err")" "" "user feeds: nothing on stderr"
like "$(cat "$T/out")" ' 127\.0\.0\.1  *3690,1024 *Meituan & Kuaishou: earnings preview$' \
	"an Atom entry: entities decoded, markup dropped, named after the host, tagged"
like "$(cat "$T/out")" ' 127\.0\.0\.1-2 .*Link ok$' "a second feed on the same host gets its own name"
ok_unless "no escape character reaches the output" grep -q "$(printf '\033')" "$T/out"
ok_unless "no C1 control reaches the output" grep -q "$(printf '\302\233')" "$T/out"
ok_unless "no bidi override reaches the output" grep -q "$(printf '\342\200\256')" "$T/out"
unlike "$(cat "$T/out")" 'javascript:|data:' "javascript: and data: links are dropped"
like "$(cat "$T/out")" '^  HTTPS://Example\.com/ok\?a=1&b=2$' "a good link is kept (trimmed)"

# A failing source keeps the others and makes the run fail, with the cause.
news -o news.sources=yahoo -o news.feeds="$BASE/feeds/down"
is "$rc" 1 "a source answering 503: exit 1"
is "$(cat "$T/err")" "hktop: 127.0.0.1: HTTP 503" "the cause names the source"
is "$(grep -c ' yahoo ' "$T/out")" 4 "the other source's headlines are printed"

# An entity bomb is refused unexpanded.
news -o news.sources=none -o news.feeds="$BASE/feeds/bomb"
is "$rc" 1 "billion laughs: exit 1"
like "$(cat "$T/err")" '^hktop: 127\.0\.0\.1: .*entit' "refused for declaring entities"

# A 50 MiB feed is cut off by the size cap while it arrives.
{
	printf '<?xml version="1.0"?><rss version="2.0"><channel><title>big</title>\n'
	yes '<item><title>Tencent padding padding padding padding padding padding padding padding padding</title><guid>x</guid></item>' |
		head -n 450000
	printf '</channel></rss>\n'
} > "$T/big.xml"
ok_if "the generated feed is over 50 MiB" test "$(wc -c < "$T/big.xml")" -gt 52428800
cat > "$T/rules-big" <<RULES
/big 200 $T/big.xml
RULES
start_httpd "$T/rules-big"
news -o news.sources=none -o news.feeds="$BASE/big"
is "$rc" 1 "a 50 MiB feed: exit 1"
is "$(cat "$T/err")" "hktop: 127.0.0.1: response larger than 1048576 bytes" "refused by news.max_body"
news -o news.sources=none -o news.feeds="$BASE/big" -o news.max_body=4K
is "$(cat "$T/err")" "hktop: 127.0.0.1: response larger than 4096 bytes" "news.max_body sets the cap"

# Usage errors exit 2 and fetch nothing.
run_with_timeout 10 "$HKTOP" --news --format csv
is "$rc" 2 "--news --format csv: exit 2"
is "$(cat "$T/err")" "hktop: --news prints a table or json" "and says why"
run_with_timeout 10 "$HKTOP" --news --once
is "$rc" 2 "--news --once: exit 2"
run_with_timeout 10 "$HKTOP" --news --demo
is "$rc" 2 "--news --demo: exit 2"
run_with_timeout 10 "$HKTOP" --news -o news.sources=none
is "$rc" 2 "no source on: exit 2"
like "$(cat "$T/err")" 'no headline sources' "and says so"
run_with_timeout 10 "$HKTOP" --news -o news.feeds=file:///etc/passwd
is "$rc" 2 "a file: feed URL: exit 2"
like "$(cat "$T/err")" '^hktop: -o: "file:///etc/passwd": not an http:// or https:// URL' "and is named"

done_testing
