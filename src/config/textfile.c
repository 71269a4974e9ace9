/* textfile.c - small text files of the user's that hktop reads and edits
 *
 * The positions file is the user's as much as ours: they edit it by hand
 * while the dashboard adds a lot. So a read refuses what is not a plain
 * file of theirs (a FIFO would block the dashboard, a directory or a
 * disk image is a wrong path), and a write re-reads the file under a lock
 * and replaces it with rename(2), so a crash or a full disk leaves the
 * old text or the new, never half of either. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/textfile.h"

#define TMP_TAG ".hktop-tmp."

static bool plain_file_of_ours(const char *path, const struct stat *st, char *err, size_t errlen)
{
	const char *what = S_ISLNK(st->st_mode) ? "is a symbolic link; not following it"
			   : S_ISDIR(st->st_mode) ? "is a directory"
			   : S_ISFIFO(st->st_mode) ? "is a FIFO; not reading from it"
			   : !S_ISREG(st->st_mode) ? "not a regular file" : NULL;

	if (what) {
		snprintf(err, errlen, "%s: %s", path, what);
		return false;
	}
	if (st->st_uid != geteuid()) {
		snprintf(err, errlen, "%s: owned by uid %lu, not by you", path,
			 (unsigned long)st->st_uid);
		return false;
	}
	return true;
}

static bool too_large(const char *path, size_t max, char *err, size_t errlen)
{
	snprintf(err, errlen, "%s: larger than %zu KiB; not read", path, max / 1024);
	return false;
}

bool textfile_read(const char *path, size_t max, char **buf, size_t *len, bool *exists,
		   char *err, size_t errlen)
{
	struct stat st;
	size_t got = 0;
	ssize_t r;
	int fd;

	*buf = NULL;
	*len = 0;
	*exists = false;
	if (lstat(path, &st) < 0) {
		if (errno == ENOENT)
			return true;
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return false;
	}
	*exists = true;
	if (!plain_file_of_ours(path, &st, err, errlen))
		return false;
	if ((size_t)st.st_size > max)
		return too_large(path, max, err, errlen);
	/* O_NONBLOCK and O_NOFOLLOW: a FIFO or a symlink swapped in since
	 * lstat neither blocks nor is followed; fstat then refuses it. */
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)) < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return false;
	}
	if (fstat(fd, &st) < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		goto fail;
	}
	if (!plain_file_of_ours(path, &st, err, errlen))
		goto fail;
	if (!(*buf = malloc(max + 2))) {
		snprintf(err, errlen, "%s: out of memory", path);
		goto fail;
	}
	/* One byte past the cap catches a file that grew since fstat. */
	while (got <= max) {
		r = read(fd, *buf + got, max + 1 - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			goto fail;
		}
		if (r == 0)
			break;
		got += (size_t)r;
	}
	if (got > max) {
		too_large(path, max, err, errlen);
		goto fail;
	}
	close(fd);
	(*buf)[got] = '\0';
	*len = got;
	return true;
fail:
	free(*buf);
	*buf = NULL;
	close(fd);
	return false;
}

/* mkdir -p for the directories above path, new ones private to us. */
static bool make_parents(const char *path, char *err, size_t errlen)
{
	const char *slash = strrchr(path, '/');
	struct stat st;
	char *dir;
	bool ok = true;

	if (!slash || slash == path)
		return true;
	if (!(dir = strndup(path, (size_t)(slash - path)))) {
		snprintf(err, errlen, "%s: out of memory", path);
		return false;
	}
	for (char *p = dir + 1; ok; p++) {
		char c = *p;
		int e;

		if (c != '/' && c != '\0')
			continue;
		*p = '\0';
		e = mkdir(dir, 0700) < 0 ? errno : 0;
		if (e && e != EEXIST && !(stat(dir, &st) == 0 && S_ISDIR(st.st_mode))) {
			snprintf(err, errlen, "%s: cannot create directory %s: %s", path, dir,
				 strerror(e));
			ok = false;
		}
		*p = c;
		if (c == '\0')
			break;
	}
	free(dir);
	return ok;
}

/* An exclusive lock on path's directory (no lock file left behind), or -1.
 * Where locks are not supported the save goes ahead unlocked. */
static int lock_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
	int fd;

	if (!dir)
		return -1;
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	while (fd >= 0 && flock(fd, LOCK_EX) < 0 && errno == EINTR)
		;
	return fd;
}

static bool write_temp_and_rename(const char *path, textfile_writer w, void *arg, char *err,
				  size_t errlen)
{
	const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
	size_t dirlen = (size_t)(base - path), tmplen = strlen(path) + sizeof "." TMP_TAG "XXXXXX";
	char *tmp = malloc(tmplen);
	mode_t old_mask;
	FILE *f;
	int fd, e;

	if (!tmp) {
		snprintf(err, errlen, "%s: out of memory", path);
		return false;
	}
	snprintf(tmp, tmplen, "%.*s.%s" TMP_TAG "XXXXXX", (int)dirlen, path, base);
	old_mask = umask(077);
	fd = mkstemp(tmp);
	e = errno;
	umask(old_mask);
	if (fd < 0) {
		snprintf(err, errlen, "%s: cannot create a temporary file: %s", path, strerror(e));
		free(tmp);
		return false;
	}
	if (!(f = fdopen(fd, "w"))) {
		e = errno;
		close(fd);
		goto fail;
	}
	e = w(f, arg);
	if (!e && (fflush(f) != 0 || ferror(f)))
		e = errno ? errno : EIO;
	if (!e && fsync(fileno(f)) != 0)
		e = errno;
	if (fclose(f) != 0 && !e)
		e = errno ? errno : EIO;
	if (e)
		goto fail;
	if (rename(tmp, path) < 0) {
		e = errno;
		goto fail;
	}
	free(tmp);
	return true;
fail:
	unlink(tmp);
	snprintf(err, errlen, "%s: %s", path, strerror(e));
	free(tmp);
	return false;
}

bool textfile_replace(const char *path, bool (*edit)(void *arg, char *err, size_t errlen),
		      textfile_writer w, void *arg, char *err, size_t errlen)
{
	const char *slash = strrchr(path, '/');
	int lock;
	bool ok;

	if (!*path || (slash && !slash[1])) {
		snprintf(err, errlen, "%s: not a file name", path);
		return false;
	}
	if (!make_parents(path, err, errlen))
		return false;
	if ((lock = lock_dir(path)) < 0) {
		snprintf(err, errlen, "%s: cannot open its directory: %s", path, strerror(errno));
		return false;
	}
	ok = edit(arg, err, errlen) && write_temp_and_rename(path, w, arg, err, errlen);
	if (ok)
		(void)fsync(lock); /* the rename itself made durable */
	close(lock);
	return ok;
}
