/* textfile.c - small text files of the user's that hktop reads and edits
 *
 * The positions file, the saved lists and the alert rules are the user's
 * as much as ours: they edit them by hand while the dashboard adds a lot
 * or a symbol. So a read refuses what is not a plain
 * file of theirs (a FIFO would block the dashboard, a directory or a
 * disk image is a wrong path), and a write re-reads the file under a lock
 * and replaces it with rename(2), so a crash or a full disk leaves the
 * old text or the new, never half of either. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/textfile.h"

/* A save's temporary file is ".BASE" TMP_TAG "XXXXXX": a name no user
 * would give a file of theirs (".watchlist.backup" is not ours). */
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

/* mkdir -p for the directories above path, new ones private to us.
 * Existing directories are left as they are: they may well be shared
 * (~/.local) or symlinked on purpose. */
bool textfile_make_parents(const char *path, char *err, size_t errlen)
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
	/* Each prefix ending before a '/', then the whole directory. */
	for (char *p = dir + 1; ok; p++) {
		char c = *p;
		int e;

		if (c != '/' && c != '\0')
			continue;
		*p = '\0';
		e = mkdir(dir, 0700) < 0 ? errno : 0;
		/* EACCES for a directory that exists (a read-only parent) is no
		 * reason to stop: we only need it to be there. */
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

int textfile_lock(const char *path, bool *locked)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
	int fd, e;

	if (!dir) {
		errno = ENOMEM;
		return -1;
	}
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	e = errno;
	free(dir);
	if (fd < 0) {
		errno = e;
		return -1;
	}
	*locked = false;
	while (flock(fd, LOCK_EX) < 0)
		if (errno != EINTR)
			return fd;
	*locked = true;
	return fd;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* Remove ".BASE.hktop-tmp.XXXXXX" files of ours in the locked directory:
 * with the lock held, no save is writing one, so each was left by a save
 * that was killed between mkstemp and rename. */
static void remove_strays(int dirfd, const char *base)
{
	size_t bl = strlen(base), tl = strlen(TMP_TAG);
	int fd = dup(dirfd);
	struct dirent *e;
	struct stat st;
	DIR *dir;

	if (fd < 0)
		return;
	if (!(dir = fdopendir(fd))) {
		close(fd);
		return;
	}
	while ((e = readdir(dir))) {
		const char *name = e->d_name;

		if (name[0] != '.' || strncmp(name + 1, base, bl) != 0 ||
		    strncmp(name + 1 + bl, TMP_TAG, tl) != 0 || strlen(name + 1 + bl + tl) != 6)
			continue;
		if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
		    st.st_uid == geteuid())
			(void)unlinkat(dirfd, name, 0);
	}
	closedir(dir);
}

int textfile_begin(const char *path, char *err, size_t errlen)
{
	bool locked;
	int lock;

	if (!*base_name(path)) {
		snprintf(err, errlen, "%s: not a file name", path);
		return -1;
	}
	if (!textfile_make_parents(path, err, errlen))
		return -1;
	if ((lock = textfile_lock(path, &locked)) < 0) {
		snprintf(err, errlen, "%s: cannot open its directory: %s", path, strerror(errno));
		return -1;
	}
	if (locked)
		remove_strays(lock, base_name(path));
	return lock;
}

bool textfile_write_atomic(const char *path, textfile_writer w, void *arg, char *err,
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
	int lock = textfile_begin(path, err, errlen);
	bool ok;

	if (lock < 0)
		return false;
	ok = edit(arg, err, errlen) && textfile_write_atomic(path, w, arg, err, errlen);
	if (ok)
		(void)fsync(lock); /* the rename itself made durable */
	close(lock);
	return ok;
}
