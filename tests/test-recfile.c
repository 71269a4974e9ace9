/* test-recfile.c - the recording format: frame, header line, reader on bad input */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/recfile.h"
#include "app/recording.h"
#include "net/recorder.h"
#include "net/replay.h"
#include "tap.h"

/* A recording in memory, read back through the reader's read function,
 * at most `chunk` bytes a call (a pipe or a slow disk gives less). */
struct mem {
	unsigned char *p;
	size_t len, pos, chunk;
};

static ssize_t mem_read(void *arg, void *buf, size_t len)
{
	struct mem *m = arg;
	size_t n = m->len - m->pos;

	if (n > len)
		n = len;
	if (m->chunk && n > m->chunk)
		n = m->chunk;
	memcpy(buf, m->p + m->pos, n);
	m->pos += n;
	return (ssize_t)n;
}

static void put(struct mem *m, const void *p, size_t n)
{
	m->p = realloc(m->p, m->len + n);
	memcpy(m->p + m->len, p, n);
	m->len += n;
}

static size_t add(struct mem *m, long long t, long status, const char *url, const char *meta,
		  const char *body)
{
	struct recfile_record r = { t, status, url, meta, body, strlen(url), strlen(meta), strlen(body) };
	unsigned char head[RECFILE_HEAD];
	size_t at = m->len;

	ok(recfile_encode_head(head, &r), "record %s encodes", url);
	put(m, head, sizeof head);
	put(m, url, r.url_len);
	put(m, meta, r.meta_len);
	put(m, body, r.body_len);
	return at;
}

static struct mem sample(void)
{
	struct mem m = { 0 };
	char line[RECFILE_LINE_MAX];

	put(&m, line, (size_t)recfile_header_line(line, sizeof line, "9.9"));
	add(&m, 1786090103000LL, 200, "http://q/q=r_hk00700", "Content-Type: text/plain; charset=GBK\n",
	    "v_r_hk00700=\"100~x\";");
	add(&m, 1786090108500LL, 503, "http://q/q=r_hk00700", "Retry-After: 30\n", "");
	add(&m, -5, 0, "http://n/rss", "X-Hktop-Error: timed out after 10 s\n", "");
	return m;
}

/* Read m to its end: the records read, and how it ended. */
static enum recfile_next read_all(struct mem *m, unsigned *records, char *err, size_t errlen)
{
	struct recfile_reader rd;
	struct recfile_record r;
	enum recfile_next e;

	m->pos = 0;
	*records = 0;
	err[0] = '\0';
	if (!recfile_reader_open(&rd, mem_read, m)) {
		snprintf(err, errlen, "%s", rd.err);
		recfile_reader_done(&rd);
		return RECFILE_BAD;
	}
	while ((e = recfile_reader_next(&rd, &r)) == RECFILE_RECORD)
		(*records)++;
	snprintf(err, errlen, "%s", rd.err);
	recfile_reader_done(&rd);
	return e;
}

static void test_round_trip(void)
{
	struct mem m = sample();
	struct recfile_reader rd;
	struct recfile_record r;
	char v[64];

	m.chunk = 7;
	ok(recfile_reader_open(&rd, mem_read, &m), "the header line is read");
	is_int(rd.version, RECFILE_VERSION, "its version");
	ok(recfile_reader_next(&rd, &r) == RECFILE_RECORD, "first record");
	ok(r.time_ms == 1786090103000LL && r.status == 200, "its time and status");
	is_str(r.url, "http://q/q=r_hk00700", "its URL");
	is_str(r.body, "v_r_hk00700=\"100~x\";", "its body, whole through 7-byte reads");
	ok(recfile_meta_get(r.meta, "content-type", v, sizeof v), "a header by any case");
	is_str(v, "text/plain; charset=GBK", "its value");
	ok(!recfile_meta_get(r.meta, "Retry-After", v, sizeof v) && v[0] == '\0', "an absent one");
	ok(recfile_reader_next(&rd, &r) == RECFILE_RECORD && r.status == 503 && r.body_len == 0,
	   "a 503 with no body");
	ok(recfile_meta_get(r.meta, "Retry-After", v, sizeof v) && strcmp(v, "30") == 0, "its Retry-After");
	ok(recfile_reader_next(&rd, &r) == RECFILE_RECORD && r.time_ms == -5, "a time before 1970");
	ok(recfile_reader_next(&rd, &r) == RECFILE_END, "then the end");
	is_str(rd.err, "", "with no complaint");
	recfile_reader_done(&rd);
	free(m.p);
}

static void test_bad_input(void)
{
	struct mem m = sample(), bad;
	size_t second = strlen("hktop-recording 1 hktop/9.9\n") + RECFILE_HEAD +
			strlen("http://q/q=r_hk00700") + strlen("Content-Type: text/plain; charset=GBK\n") +
			strlen("v_r_hk00700=\"100~x\";");
	unsigned n;
	char err[256];

	/* Cut anywhere: the whole records before the cut are read, never
	 * more, and the end is clean only at a record's end. */
	size_t ends[] = { second, second + RECFILE_HEAD + 20 + 16, m.len };
	bool all = true;
	for (size_t cut = second - 1; cut <= m.len && all; cut++) {
		unsigned whole = 0;
		bool boundary = false;
		enum recfile_next e;
		for (int i = 0; i < 3; i++) {
			whole += ends[i] <= cut;
			boundary = boundary || ends[i] == cut;
		}
		bad = m;
		bad.len = cut;
		e = read_all(&bad, &n, err, sizeof err);
		all = n == whole && (e == RECFILE_END) == boundary;
		if (!all)
			printf("# cut at %zu: %u records, end %d\n", cut, n, (int)e);
	}
	ok(all, "cut at every byte: the whole records before it, a clean end only between records");
	bad = m;
	bad.len = second + 20;
	ok(read_all(&bad, &n, err, sizeof err) == RECFILE_BAD && n == 1, "cut in a head: bad after one");
	is_str(err, "record 2 at byte 146: cut short (20 of 40 head bytes)", "says where and why");
	bad.len = second + RECFILE_HEAD + 3;
	read_all(&bad, &n, err, sizeof err);
	is_str(err, "record 2 at byte 146: cut short (3 of 36 data bytes)", "cut in the data");

	/* A flipped bit in a length: the head's checksum, before any allocation. */
	bad.p = malloc(m.len);
	bad.len = m.len;
	memcpy(bad.p, m.p, m.len);
	bad.p[second + 28 + 3] ^= 0x40;
	ok(read_all(&bad, &n, err, sizeof err) == RECFILE_BAD && n == 1, "corrupt length: one record");
	is_str(err, "record 2 at byte 146: corrupt head (checksum)", "and why");
	memcpy(bad.p, m.p, m.len);
	bad.p[second + RECFILE_HEAD + 2] ^= 1;
	read_all(&bad, &n, err, sizeof err);
	is_str(err, "record 2 at byte 146: corrupt data (checksum)", "corrupt data");
	memcpy(bad.p, m.p, m.len);
	bad.p[second] = 'X';
	read_all(&bad, &n, err, sizeof err);
	is_str(err, "record 2 at byte 146: no record here (bad magic)", "no magic");

	memcpy(bad.p, "hktop-recording 2", 17);
	ok(read_all(&bad, &n, err, sizeof err) == RECFILE_BAD && n == 0, "a newer format is refused");
	is_str(err, "recording format 2, made by a newer hktop; this one plays format 1 only",
	       "saying so");
	memcpy(bad.p, "hktop-recording x", 17);
	read_all(&bad, &n, err, sizeof err);
	is_str(err, "not an hktop recording (bad version)", "a bad version");
	memcpy(bad.p, "GET / HTTP/1.1\r\n", 16);
	read_all(&bad, &n, err, sizeof err);
	is_str(err, "not an hktop recording (no \"hktop-recording\" line)", "an unrelated file");
	bad.len = 0;
	read_all(&bad, &n, err, sizeof err);
	is_str(err, "not an hktop recording (no \"hktop-recording\" line)", "an empty file");
	free(bad.p);
	free(m.p);
}

static void test_caps(void)
{
	struct recfile_record r = { 0, 200, "u", "", "", 1, 0, RECFILE_BODY_MAX + 1 };
	unsigned char head[RECFILE_HEAD];

	ok(!recfile_encode_head(head, &r), "a body over the cap is not framed");
	r.body_len = 0;
	r.status = 1000;
	ok(!recfile_encode_head(head, &r), "nor a status past 999");
	is_int((long)recfile_crc32(0, "123456789", 9), (long)0xCBF43926u, "CRC-32 as zlib's");
}

static void test_covers(void)
{
	ok(replay_url_covers("http://h/q=a,b,c", "http://h/q=a,b,c"), "the same URL");
	ok(replay_url_covers("http://h/q=a,b,c", "http://h/q=c,a"), "codes among the record's");
	ok(!replay_url_covers("http://h/q=a,b,c", "http://h/q=a,d"), "not a code it lacks");
	ok(!replay_url_covers("http://h/q=ab", "http://h/q=a"), "not a code's prefix");
	ok(!replay_url_covers("http://g/q=a,b", "http://h/q=a"), "not another server");
	ok(!replay_url_covers("http://h/q=a,b", "http://h/q=a,,b"), "not an empty code");
	ok(!replay_url_covers("http://h/x?s=a,b&t=1", "http://h/x?s=a&t=1"), "only the last parameter");
	ok(!replay_url_covers("http://h/rss", "http://h/rs"), "other URLs only as themselves");
	ok(replay_url_covers("http://e/l?pageSize=50&req_trace=1786090200000",
			     "http://e/l?pageSize=50&req_trace=1786090500000"),
	   "Eastmoney's req_trace, the time, whatever its value");
	ok(!replay_url_covers("http://e/l?pageSize=20&req_trace=1786090200000",
			      "http://e/l?pageSize=50&req_trace=1786090500000"),
	   "but not with other parameters");
	ok(!replay_url_covers("http://e/l?my_req_trace=1", "http://e/l?my_req_trace=2"),
	   "nor another parameter ending so");
}

static void test_parse_time(void)
{
	/* 2026-08-07 16:10:00 HKT */
	const long long ref = 1786090200000LL;
	long long t = 0;

	ok(recording_parse_time("09:30", ref, &t) && t == 1786066200000LL, "HH:MM on ref's day");
	ok(recording_parse_time("16:10:05", ref, &t) && t == ref + 5000, "HH:MM:SS");
	ok(recording_parse_time("2026-08-06 23:59", ref, &t) && t == 1786031940000LL,
	   "a date and time, Hong Kong's");
	ok(recording_parse_time("end", ref, &t) && t == RECORDING_END, "end");
	ok(!recording_parse_time("24:00", ref, &t), "not 24:00");
	ok(!recording_parse_time("9:30x", ref, &t), "not with anything after");
	ok(!recording_parse_time("2026-02-30 10:00", ref, &t), "not a day that is none");
	ok(!recording_parse_time("", ref, &t), "not empty");
}

static ssize_t file_read(void *arg, void *buf, size_t len)
{
	return (ssize_t)fread(buf, 1, len, arg);
}

/* The file of a Hong Kong day: a record after HK midnight (16:00 UTC)
 * starts the next day's file, named by its own date, with its own header
 * line; each file reads back whole with its own records. */
static void test_midnight(void)
{
	char dir[] = "/tmp/test-recfile-XXXXXX", path[4200], err[256] = "";
	/* 2026-08-07 23:59:58 HKT, then 23:59:59.900 and 2026-08-08 00:00:00.100 */
	const long long t0 = 1786118398000LL;
	struct recfile_record r = { .status = 200, .url = "http://q/q=r_hk00700", .url_len = 20,
				    .meta = "", .body = "x", .body_len = 1 };
	struct recorder *rec;
	const char *first, *names[2] = {
		"2026-08-07_235958_", "2026-08-08_000000_"
	};
	long long want[2] = { t0 + 1900, t0 + 2100 };
	char paths[2][4200];

	if (!mkdtemp(dir)) {
		ok(false, "mkdtemp: %s", dir);
		return;
	}
	rec = recorder_new(dir, 0, "test", t0, err, sizeof err);
	ok(rec != NULL, "a recorder at 23:59:58 HKT %s", err);
	if (!rec)
		return;
	first = recorder_path(rec);
	snprintf(paths[0], sizeof paths[0], "%s", first);
	r.time_ms = want[0];
	recorder_add(rec, &r);
	is_str(recorder_path(rec), paths[0], "a record at 23:59:59.9 HKT: the same file");
	r.time_ms = want[1];
	recorder_add(rec, &r);
	snprintf(paths[1], sizeof paths[1], "%s", recorder_path(rec));
	ok(strcmp(paths[1], paths[0]) != 0, "one at 00:00:00.1 HKT: a new file");
	ok(recorder_stopped(rec) == NULL, "recording goes on");
	recorder_free(rec);
	for (int k = 0; k < 2; k++) {
		FILE *f = fopen(paths[k], "rb");
		struct recfile_reader rd;
		struct recfile_record got;

		snprintf(path, sizeof path, "%s/%s", dir, names[k]);
		ok(strncmp(paths[k], path, strlen(path)) == 0, "file %d named by its HK date and time: %s",
		   k + 1, paths[k]);
		ok(f && recfile_reader_open(&rd, file_read, f),
		   "file %d has its header line", k + 1);
		if (!f)
			continue;
		ok(recfile_reader_next(&rd, &got) == RECFILE_RECORD && got.time_ms == want[k],
		   "file %d holds its day's record", k + 1);
		ok(recfile_reader_next(&rd, &got) == RECFILE_END, "and only that");
		recfile_reader_done(&rd);
		fclose(f);
		unlink(paths[k]);
	}
	rmdir(dir);
}

int main(void)
{
	test_round_trip();
	test_bad_input();
	test_caps();
	test_covers();
	test_parse_time();
	test_midnight();
	return tap_done();
}
