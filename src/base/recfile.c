/* recfile.c - hktop's recordings: the header line, the frame, the reader
 *
 * Every record carries its lengths under a CRC of their own, so a
 * corrupt length is caught before it is believed (no 4 GB allocation
 * from a flipped bit), and its data under another, so a record cut by a
 * kill or a full disk is told from a whole one. The reader stops at the
 * first bad record: what comes before it is sound. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/recfile.h"

uint32_t recfile_crc32(uint32_t crc, const void *buf, size_t len)
{
	static uint32_t table[256];
	const unsigned char *p = buf;

	if (!table[1])
		for (uint32_t i = 0; i < 256; i++) {
			uint32_t c = i;
			for (int k = 0; k < 8; k++)
				c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
			table[i] = c;
		}
	crc = ~crc;
	while (len--)
		crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return ~crc;
}

static void put32(unsigned char *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static uint32_t get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int recfile_header_line(char *buf, size_t len, const char *hktop_version)
{
	return snprintf(buf, len, RECFILE_LINE_PREFIX "%d hktop/%s\n", RECFILE_VERSION, hktop_version);
}

bool recfile_encode_head(unsigned char head[RECFILE_HEAD], const struct recfile_record *r)
{
	uint64_t t = (uint64_t)r->time_ms;
	uint32_t crc;

	if (r->url_len > RECFILE_URL_MAX || r->meta_len > RECFILE_META_MAX ||
	    r->body_len > RECFILE_BODY_MAX || r->status < 0 || r->status > 999)
		return false;
	memcpy(head, RECFILE_MAGIC, 4);
	put32(head + 8, (uint32_t)t);
	put32(head + 12, (uint32_t)(t >> 32));
	put32(head + 16, (uint32_t)r->status);
	put32(head + 20, (uint32_t)r->url_len);
	put32(head + 24, (uint32_t)r->meta_len);
	put32(head + 28, (uint32_t)r->body_len);
	crc = recfile_crc32(0, r->url, r->url_len);
	crc = recfile_crc32(crc, r->meta, r->meta_len);
	put32(head + 32, recfile_crc32(crc, r->body, r->body_len));
	put32(head + 36, 0);
	put32(head + 4, recfile_crc32(0, head + 8, RECFILE_HEAD - 8));
	return true;
}

bool recfile_meta_get(const char *meta, const char *name, char *buf, size_t len)
{
	size_t n = strlen(name);

	if (len)
		buf[0] = '\0';
	for (const char *p = meta; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		size_t vlen;
		if (strncasecmp(p, name, n) != 0 || p[n] != ':')
			continue;
		p += n + 1;
		p += strspn(p, " ");
		vlen = strcspn(p, "\n");
		if (len) {
			if (vlen >= len)
				vlen = len - 1;
			memcpy(buf, p, vlen);
			buf[vlen] = '\0';
		}
		return true;
	}
	return false;
}

/* Read exactly len bytes; the count read when the file ends first, or
 * -1 with errno. */
static ssize_t read_full(struct recfile_reader *rd, void *buf, size_t len)
{
	size_t got = 0;

	while (got < len) {
		ssize_t n = rd->read(rd->arg, (char *)buf + got, len - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		got += (size_t)n;
	}
	rd->offset += got;
	return (ssize_t)got;
}

bool recfile_reader_open(struct recfile_reader *rd, recfile_read_fn fn, void *arg)
{
	char line[RECFILE_LINE_MAX + 1];
	size_t n = 0, plen = strlen(RECFILE_LINE_PREFIX);
	long v = 0;
	char *end;

	memset(rd, 0, sizeof *rd);
	rd->read = fn;
	rd->arg = arg;
	/* Byte by byte, once: the record after the line must not be read. */
	while (n < RECFILE_LINE_MAX) {
		ssize_t got = read_full(rd, line + n, 1);
		if (got < 0) {
			snprintf(rd->err, sizeof rd->err, "%s", strerror(errno));
			return false;
		}
		if (got == 0 || line[n] == '\n')
			break;
		n++;
	}
	line[n] = '\0';
	if (n < plen || memcmp(line, RECFILE_LINE_PREFIX, plen) != 0) {
		snprintf(rd->err, sizeof rd->err, "not an hktop recording (no \"%.*s\" line)",
			 (int)plen - 1, RECFILE_LINE_PREFIX);
		return false;
	}
	errno = 0;
	v = strtol(line + plen, &end, 10);
	if (end == line + plen || (*end != ' ' && *end != '\0') || v < 1 || errno) {
		snprintf(rd->err, sizeof rd->err, "not an hktop recording (bad version)");
		return false;
	}
	if (v != RECFILE_VERSION) {
		snprintf(rd->err, sizeof rd->err,
			 "recording format %ld, made by %s hktop; this one plays format %d only",
			 v, v > RECFILE_VERSION ? "a newer" : "an older", RECFILE_VERSION);
		return false;
	}
	rd->version = (int)v;
	return true;
}

static enum recfile_next bad(struct recfile_reader *rd, unsigned long long at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static enum recfile_next bad(struct recfile_reader *rd, unsigned long long at, const char *fmt, ...)
{
	char what[120];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	snprintf(rd->err, sizeof rd->err, "record %lu at byte %llu: %s", rd->records + 1, at, what);
	return RECFILE_BAD;
}

/* Read the parts of a record into their places in buf, each followed by
 * a NUL; the CRC of the parts as written. False when cut short. */
static bool read_parts(struct recfile_reader *rd, unsigned long long at, const uint32_t len[3],
		       uint32_t *crc)
{
	size_t pos = 0, want = (size_t)len[0] + len[1] + len[2];
	unsigned long long got = 0;

	*crc = 0;
	for (int i = 0; i < 3; i++) {
		ssize_t n = read_full(rd, rd->buf + pos, len[i]);
		if (n < 0) {
			bad(rd, at, "%s", strerror(errno));
			return false;
		}
		got += (unsigned long long)n;
		if ((size_t)n < len[i]) {
			bad(rd, at, "cut short (%llu of %zu data bytes)", got, want);
			return false;
		}
		*crc = recfile_crc32(*crc, rd->buf + pos, len[i]);
		pos += len[i];
		rd->buf[pos++] = '\0';
	}
	return true;
}

enum recfile_next recfile_reader_next(struct recfile_reader *rd, struct recfile_record *out)
{
	unsigned char head[RECFILE_HEAD];
	unsigned long long at = rd->offset;
	uint32_t len[3], crc;
	size_t need;
	ssize_t got;
	uint64_t t;

	if (rd->err[0])
		return RECFILE_BAD;
	if ((got = read_full(rd, head, sizeof head)) < 0) {
		return bad(rd, at, "%s", strerror(errno));
	}
	if (got == 0)
		return RECFILE_END;
	if ((size_t)got < sizeof head)
		return bad(rd, at, "cut short (%zd of %d head bytes)", got, RECFILE_HEAD);
	if (memcmp(head, RECFILE_MAGIC, 4) != 0)
		return bad(rd, at, "no record here (bad magic)");
	if (get32(head + 4) != recfile_crc32(0, head + 8, RECFILE_HEAD - 8))
		return bad(rd, at, "corrupt head (checksum)");
	for (int i = 0; i < 3; i++)
		len[i] = get32(head + 20 + 4 * i);
	if (len[0] == 0 || len[0] > RECFILE_URL_MAX || len[1] > RECFILE_META_MAX ||
	    len[2] > RECFILE_BODY_MAX || get32(head + 16) > 999 || get32(head + 36) != 0)
		return bad(rd, at, "corrupt head (a length or field out of range)");
	need = (size_t)len[0] + len[1] + len[2] + 3;
	if (need > rd->cap) {
		unsigned char *grown = realloc(rd->buf, need);
		if (!grown)
			return bad(rd, at, "out of memory for %zu bytes", need);
		rd->buf = grown;
		rd->cap = need;
	}
	if (!read_parts(rd, at, len, &crc))
		return RECFILE_BAD;
	if (crc != get32(head + 32))
		return bad(rd, at, "corrupt data (checksum)");
	t = (uint64_t)get32(head + 8) | (uint64_t)get32(head + 12) << 32;
	out->time_ms = (long long)t;
	out->status = (long)get32(head + 16);
	out->url = (const char *)rd->buf;
	out->url_len = len[0];
	out->meta = out->url + len[0] + 1;
	out->meta_len = len[1];
	out->body = out->meta + len[1] + 1;
	out->body_len = len[2];
	rd->records++;
	return RECFILE_RECORD;
}

void recfile_reader_done(struct recfile_reader *rd)
{
	free(rd->buf);
	rd->buf = NULL;
	rd->cap = 0;
}
