/* recorder.c - --record: one file a day a run, records appended whole
 *
 * Files are named by the Hong Kong date and time of their first record
 * and the process id (2026-08-07_093000_4242.hkrec), so that a
 * directory's names sort in time order and two runs never share a file.
 * Each record goes out in one writev(2) on an O_APPEND descriptor: a
 * kill -9 leaves it whole or absent. A write that stopped part way (a
 * full disk) is cut back off the file, which so always ends on a record. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "base/hktime.h"
#include "net/recorder.h"

struct recorder {
	char *dir;
	char version[64];
	int fd;
	long long day;                /* Hong Kong day number of the file */
	unsigned long long size;      /* of the current file */
	unsigned long long written;   /* in all, this run */
	unsigned long long max_bytes;
	char path[4096];
	char stopped[512];
};

static bool open_file(struct recorder *rec, long long time_ms, char *err, size_t errlen)
{
	time_t t = (time_t)(time_ms / 1000);
	long long y;
	int m, d, s = hktime_second_of_day(t, HKT_OFFSET);
	char line[RECFILE_LINE_MAX];
	int n = recfile_header_line(line, sizeof line, rec->version);

	rec->day = hktime_day(t, HKT_OFFSET);
	hktime_civil_from_days(rec->day, &y, &m, &d);
	for (int k = 0; k < 10; k++) {
		snprintf(rec->path, sizeof rec->path, "%s/%04lld-%02d-%02d_%02d%02d%02d_%ld%s%.0d.hkrec",
			 rec->dir, y, m, d, s / 3600, s / 60 % 60, s % 60, (long)getpid(),
			 k ? "-" : "", k);
		rec->fd = open(rec->path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC | O_NOFOLLOW,
			       0666);
		if (rec->fd >= 0 || errno != EEXIST)
			break;
	}
	if (rec->fd < 0) {
		snprintf(err, errlen, "%s: %s", rec->path, strerror(errno));
		return false;
	}
	if (write(rec->fd, line, (size_t)n) != n) {
		snprintf(err, errlen, "%s: %s", rec->path, errno ? strerror(errno) : "short write");
		close(rec->fd);
		rec->fd = -1;
		unlink(rec->path);
		return false;
	}
	rec->size = (unsigned long long)n;
	rec->written += (unsigned long long)n;
	return true;
}

static void stop(struct recorder *rec, const char *why)
{
	snprintf(rec->stopped, sizeof rec->stopped, "recording stopped: %s", why);
	if (rec->fd >= 0)
		close(rec->fd);
	rec->fd = -1;
	rec->path[0] = '\0';
}

struct recorder *recorder_new(const char *dir, unsigned long long max_bytes, const char *version,
			      long long now_ms, char *err, size_t errlen)
{
	struct recorder *rec = calloc(1, sizeof *rec);
	struct stat st;

	if (!rec || !(rec->dir = strdup(dir))) {
		free(rec);
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	rec->fd = -1;
	rec->max_bytes = max_bytes;
	snprintf(rec->version, sizeof rec->version, "%s", version);
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		recorder_free(rec);
		return NULL;
	}
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "%s: %s", dir, strerror(stat(dir, &st) != 0 ? errno : ENOTDIR));
		recorder_free(rec);
		return NULL;
	}
	if (!open_file(rec, now_ms, err, errlen)) {
		recorder_free(rec);
		return NULL;
	}
	return rec;
}

void recorder_free(struct recorder *rec)
{
	if (!rec)
		return;
	if (rec->fd >= 0)
		close(rec->fd);
	free(rec->dir);
	free(rec);
}

/* One writev, as a rule; a short count (a disk filling up) is carried on
 * until the rest is written or an error (ENOSPC) says why it cannot be. */
static bool write_all(int fd, struct iovec *iov, int n)
{
	while (n > 0) {
		ssize_t w = writev(fd, iov, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = ENOSPC;
			return false;
		}
		for (; n > 0 && (size_t)w >= iov->iov_len; iov++, n--)
			w -= (ssize_t)iov->iov_len;
		if (n > 0) {
			iov->iov_base = (char *)iov->iov_base + w;
			iov->iov_len -= (size_t)w;
		}
	}
	return true;
}

void recorder_add(struct recorder *rec, const struct recfile_record *r)
{
	unsigned char head[RECFILE_HEAD];
	struct iovec iov[4];
	size_t total = RECFILE_HEAD + r->url_len + r->meta_len + r->body_len;
	char why[sizeof rec->stopped - 32];

	if (rec->stopped[0])
		return;
	if (!recfile_encode_head(head, r))
		return; /* over a cap the reader would refuse: not kept */
	if (rec->fd >= 0 && hktime_day((time_t)(r->time_ms / 1000), HKT_OFFSET) != rec->day) {
		close(rec->fd);
		rec->fd = -1;
	}
	if (rec->max_bytes && rec->written + total > rec->max_bytes) {
		/* The cause first: the status line cuts the end at 80 columns. */
		snprintf(why, sizeof why, "record.max_size (%llu bytes) reached in %s", rec->max_bytes,
			 rec->dir);
		stop(rec, why);
		return;
	}
	if (rec->fd < 0 && !open_file(rec, r->time_ms, why, sizeof why)) {
		stop(rec, why);
		return;
	}
	iov[0] = (struct iovec){ head, RECFILE_HEAD };
	iov[1] = (struct iovec){ (void *)(uintptr_t)r->url, r->url_len };
	iov[2] = (struct iovec){ (void *)(uintptr_t)r->meta, r->meta_len };
	iov[3] = (struct iovec){ (void *)(uintptr_t)r->body, r->body_len };
	if (!write_all(rec->fd, iov, 4)) {
		/* Part of it may be on the disk: cut it off, the file ends whole. */
		snprintf(why, sizeof why, "%s writing %.400s", strerror(errno), rec->path);
		if (ftruncate(rec->fd, (off_t)rec->size) != 0) {
			/* The reader stops at the cut record and plays what came before. */
		}
		stop(rec, why);
		return;
	}
	rec->size += total;
	rec->written += total;
}

const char *recorder_stopped(const struct recorder *rec)
{
	return rec->stopped[0] ? rec->stopped : NULL;
}

const char *recorder_path(const struct recorder *rec)
{
	return rec->path;
}
