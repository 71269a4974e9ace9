/* recfile-fuzzer.c - libFuzzer harness for the recording reader (base/recfile.c)
 *
 * Random bytes seldom get past a CRC, so half the inputs (first byte odd)
 * have their checksums mended first: each record's head CRC, and its
 * data CRC where its lengths fit the input. The reader's paths beyond the
 * checksums (lengths, caps, cuts, NULs) are then reached as well. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/recfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct mem {
	const uint8_t *p;
	size_t len, pos;
};

static ssize_t mem_read(void *arg, void *buf, size_t len)
{
	struct mem *m = arg;
	size_t n = m->len - m->pos;

	if (n > len)
		n = len;
	if (n > 1 && (m->pos & 1))
		n /= 2; /* short reads, as from a pipe */
	memcpy(buf, m->p + m->pos, n);
	m->pos += n;
	return (ssize_t)n;
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static void mend(uint8_t *p, size_t len)
{
	const uint8_t *nl = memchr(p, '\n', len);
	size_t at = nl ? (size_t)(nl - p) + 1 : len;

	while (at + RECFILE_HEAD <= len) {
		uint8_t *h = p + at;
		uint64_t n = (uint64_t)get32(h + 20) + get32(h + 24) + get32(h + 28);
		memcpy(h, RECFILE_MAGIC, 4);
		if (n <= len - at - RECFILE_HEAD)
			put32(h + 32, recfile_crc32(0, h + RECFILE_HEAD, (size_t)n));
		put32(h + 4, recfile_crc32(0, h + 8, RECFILE_HEAD - 8));
		at += RECFILE_HEAD + (size_t)(n <= len ? n : len);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct recfile_reader rd;
	struct recfile_record r;
	enum recfile_next e = RECFILE_END;
	uint8_t *copy;
	struct mem m;
	unsigned long n = 0;
	char v[64];

	if (size < 1 || size > (1 << 20) || !(copy = malloc(size)))
		return 0;
	memcpy(copy, data + 1, size - 1);
	if (data[0] & 1)
		mend(copy, size - 1);
	m = (struct mem){ copy, size - 1, 0 };
	if (recfile_reader_open(&rd, mem_read, &m)) {
		if (rd.version != RECFILE_VERSION || rd.err[0])
			abort();
		while ((e = recfile_reader_next(&rd, &r)) == RECFILE_RECORD) {
			unsigned char head[RECFILE_HEAD];
			n++;
			if (r.url_len == 0 || r.url_len > RECFILE_URL_MAX || r.meta_len > RECFILE_META_MAX ||
			    r.body_len > RECFILE_BODY_MAX || r.url[r.url_len] || r.meta[r.meta_len] ||
			    r.body[r.body_len] || r.status < 0 || r.status > 999)
				abort();
			/* What was read frames again the same way. */
			if (!recfile_encode_head(head, &r))
				abort();
			recfile_meta_get(r.meta, "Content-Type", v, sizeof v);
			if (strlen(v) >= sizeof v)
				abort();
		}
		if ((e == RECFILE_BAD) != (rd.err[0] != '\0') || rd.records != n ||
		    rd.offset > m.len || n * RECFILE_HEAD > m.len)
			abort();
	} else if (!rd.err[0]) {
		abort();
	}
	recfile_reader_done(&rd);
	free(copy);
	return 0;
}
