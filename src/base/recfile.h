/* recfile.h - hktop's recordings: an append-only log of framed HTTP responses
 *
 * doc/RECORDING.md is the format's description; this is its one
 * implementation: the header line, a record's frame, and a streaming
 * reader that holds one record at a time, never the file. Pure: the
 * reader reads through a function, so tests and the fuzzer feed it
 * memory and the replay feeds it a file descriptor. */
#ifndef HKTOP_RECFILE_H
#define HKTOP_RECFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* The version this hktop writes and the only one it reads. */
#define RECFILE_VERSION 1
/* The header line: "hktop-recording 1 hktop/1.0\n", at most this long. */
#define RECFILE_LINE_MAX 128
#define RECFILE_LINE_PREFIX "hktop-recording "

/* A record's fixed head: "HKRC", then little-endian u32 head CRC, i64
 * receive time (ms since 1970 UTC), u32 status, u32 url, meta and body
 * lengths, u32 data CRC, u32 flags (0). */
#define RECFILE_HEAD 40
#define RECFILE_MAGIC "HKRC"

/* Caps: a longer length is a corrupt record, not a big one. */
#define RECFILE_URL_MAX 16384
#define RECFILE_META_MAX 16384
#define RECFILE_BODY_MAX (64UL << 20) /* max_body's own limit */

/* One response. url, meta and body are NUL-terminated (the NUL is not
 * in the length); meta holds "Name: value\n" lines (Content-Type,
 * Retry-After, Date, and X-Hktop-Error for a transfer that failed). */
struct recfile_record {
	long long time_ms;
	long status;
	const char *url, *meta, *body;
	size_t url_len, meta_len, body_len;
};

/* CRC-32 as zlib's crc32() and IEEE 802.3 compute it: start with 0. */
uint32_t recfile_crc32(uint32_t crc, const void *buf, size_t len);

/* The header line this hktop writes for its version string. */
int recfile_header_line(char *buf, size_t len, const char *hktop_version);

/* A record's head for r, to write before url, meta and body (each
 * without its NUL), all in one write. False if a length is over its cap. */
bool recfile_encode_head(unsigned char head[RECFILE_HEAD], const struct recfile_record *r);

/* The value of meta line `name` (case-insensitive) into buf; false if
 * none (buf is then ""). */
bool recfile_meta_get(const char *meta, const char *name, char *buf, size_t len);

/* Reads up to len bytes, as read(2): 0 at the end, -1 with errno. */
typedef ssize_t (*recfile_read_fn)(void *arg, void *buf, size_t len);

struct recfile_reader {
	recfile_read_fn read;
	void *arg;
	int version;                  /* the header line's */
	unsigned long long offset;    /* bytes consumed */
	unsigned long records;        /* records read */
	unsigned char *buf;           /* the current record; owned */
	size_t cap;
	char err[200];                /* why reading stopped short, or "" */
};

enum recfile_next {
	RECFILE_RECORD,  /* *out is the next record, valid until the next call */
	RECFILE_END,     /* the file ends cleanly after the last record */
	RECFILE_BAD,     /* cut short, corrupt or unreadable: err says where and why */
};

/* Read and check the header line. False with err set (a file that is not
 * a recording, or one of another version: the message says which). */
bool recfile_reader_open(struct recfile_reader *rd, recfile_read_fn fn, void *arg);
enum recfile_next recfile_reader_next(struct recfile_reader *rd, struct recfile_record *out);
void recfile_reader_done(struct recfile_reader *rd);

#endif
