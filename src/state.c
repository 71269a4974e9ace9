/* state.c - the watchlist the user edited, read strictly and written atomically
 *
 * The user's config is theirs and read-only to us; what the dashboard
 * changes lives in its own small file. Writes go to a temporary file in
 * the same directory that is synced and renamed over the old one, so a
 * crash or a full disk leaves either the old list or the new one, never
 * half of either. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "state.h"
#include "symbol.h"

#define STATE_HEADER "# hktop watchlist: rewritten by hktop whenever you edit the " \
	"dashboard's list.\n# One symbol a line; your config file is never touched.\n"

void state_watchlist_path(char *buf, size_t len)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	int w = -1;

	/* The XDG spec says relative values are invalid and must be ignored. */
	if (xdg && xdg[0] == '/')
		w = snprintf(buf, len, "%s/hktop/watchlist", xdg);
	else if (home && home[0] == '/')
		w = snprintf(buf, len, "%s/.local/state/hktop/watchlist", home);
	if (len > 0 && (w < 0 || (size_t)w >= len))
		buf[0] = '\0';
}

/* The checks both load and save make on an existing target. */
static bool check_target(const char *path, const struct stat *st, char *err, size_t errlen)
{
	if (S_ISLNK(st->st_mode)) {
		snprintf(err, errlen, "%s: is a symbolic link; not following it", path);
		return false;
	}
	if (!S_ISREG(st->st_mode)) {
		snprintf(err, errlen, "%s: not a regular file", path);
		return false;
	}
	if (st->st_uid != geteuid()) {
		snprintf(err, errlen, "%s: owned by uid %lu, not by you", path,
			 (unsigned long)st->st_uid);
		return false;
	}
	return true;
}

/* Read at most STATE_MAX_FILE bytes of an already vetted file. */
static char *read_small(const char *path, size_t *len, char *err, size_t errlen)
{
	struct stat st;
	char *buf = NULL;
	size_t got = 0;
	ssize_t r;
	int fd;

	/* O_NOFOLLOW closes the gap between lstat() and open(): a symlink
	 * swapped in meanwhile makes open fail instead of being followed. */
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY)) < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		goto fail;
	}
	if (!check_target(path, &st, err, errlen))
		goto fail;
	if (!(buf = malloc(STATE_MAX_FILE + 1))) {
		snprintf(err, errlen, "%s: out of memory", path);
		goto fail;
	}
	/* Read one byte past the cap so a file that grew since fstat is
	 * still caught. */
	while (got <= STATE_MAX_FILE) {
		r = read(fd, buf + got, STATE_MAX_FILE + 1 - got);
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
	if (got > STATE_MAX_FILE) {
		snprintf(err, errlen, "%s: larger than %d KiB; not a watchlist",
			 path, STATE_MAX_FILE / 1024);
		goto fail;
	}
	close(fd);
	*len = got;
	return buf;
fail:
	free(buf);
	close(fd);
	return NULL;
}

/* Parse the lines of buf into a new array. Fails on the first bad line. */
static bool parse_list(const char *path, const char *buf, size_t len,
		       struct instrument **out, size_t *n, char *err, size_t errlen)
{
	struct instrument *v = NULL, *nv;
	size_t cap = 0, count = 0, lineno = 0, pos = 0;

	while (pos < len) {
		const char *line = buf + pos, *nl = memchr(line, '\n', len - pos);
		size_t ll = nl ? (size_t)(nl - line) : len - pos;
		const char *hash = memchr(line, '#', ll);
		char text[64], cause[160];
		size_t tl = hash ? (size_t)(hash - line) : ll, a = 0;

		pos += ll + (nl != NULL);
		lineno++;
		while (a < tl && (line[a] == ' ' || line[a] == '\t'))
			a++;
		while (tl > a && (line[tl - 1] == ' ' || line[tl - 1] == '\t' ||
				  line[tl - 1] == '\r'))
			tl--;
		if (tl == a)
			continue;
		if (memchr(line + a, '\0', tl - a)) {
			snprintf(err, errlen, "%s:%zu: a NUL byte; not a text file", path, lineno);
			goto fail;
		}
		/* Longer than any symbol: let symbol_parse quote and refuse it. */
		if (tl - a >= sizeof text)
			tl = a + sizeof text - 1;
		memcpy(text, line + a, tl - a);
		text[tl - a] = '\0';
		if (count == cap) {
			cap = cap ? cap * 2 : 16;
			if (!(nv = realloc(v, cap * sizeof *v))) {
				snprintf(err, errlen, "%s: out of memory", path);
				goto fail;
			}
			v = nv;
		}
		if (!symbol_parse(text, &v[count], cause, sizeof cause)) {
			snprintf(err, errlen, "%s:%zu: %s", path, lineno, cause);
			goto fail;
		}
		count++;
	}
	*out = v;
	*n = count;
	if (count == 0) {
		free(v);
		*out = NULL;
	}
	return true;
fail:
	free(v);
	return false;
}

bool state_watchlist_load(const char *path, struct instrument **out, size_t *n,
			  bool *exists, char *err, size_t errlen)
{
	struct stat st;
	char *buf;
	size_t len = 0;
	bool ok;

	*out = NULL;
	*n = 0;
	*exists = false;
	if (lstat(path, &st) < 0) {
		if (errno == ENOENT)
			return true;
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return false;
	}
	*exists = true;
	if (!check_target(path, &st, err, errlen))
		return false;
	if (st.st_size > STATE_MAX_FILE) {
		snprintf(err, errlen, "%s: larger than %d KiB; not a watchlist",
			 path, STATE_MAX_FILE / 1024);
		return false;
	}
	if (!(buf = read_small(path, &len, err, errlen)))
		return false;
	ok = parse_list(path, buf, len, out, n, err, errlen);
	free(buf);
	return ok;
}

/* mkdir -p for the directories above path, new ones private to us.
 * Existing directories are left as they are: they may well be shared
 * (~/.local) or symlinked on purpose. */
static bool make_parents(const char *path, char *err, size_t errlen)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	struct stat st;
	bool ok = true;
	int e;

	if (!slash || slash == path)
		return true;
	if (!(dir = strndup(path, (size_t)(slash - path)))) {
		snprintf(err, errlen, "%s: out of memory", path);
		return false;
	}
	/* Each prefix ending before a '/', then the whole directory. */
	for (char *p = dir + 1; ok; p++) {
		char c = *p;

		if (c != '/' && c != '\0')
			continue;
		*p = '\0';
		e = mkdir(dir, 0700) < 0 ? errno : 0;
		/* EACCES for a directory that exists (a read-only parent) is no
		 * reason to stop: we only need it to be there. */
		if (e && e != EEXIST && !(stat(dir, &st) == 0 && S_ISDIR(st.st_mode))) {
			snprintf(err, errlen, "%s: cannot create directory %s: %s",
				 path, dir, strerror(e));
			ok = false;
		}
		*p = c;
		if (c == '\0')
			break;
	}
	free(dir);
	return ok;
}

/* Write the list to an open temporary file and close it, checking each
 * step: a full disk shows up at fprintf, fflush, fsync or fclose,
 * depending on buffering and the file system. Returns 0 or an errno. */
static int write_list(FILE *f, const struct instrument *v, size_t n)
{
	int e = 0;

	errno = 0;
	if (fputs(STATE_HEADER, f) < 0)
		e = errno ? errno : EIO;
	for (size_t i = 0; !e && i < n; i++)
		if (fprintf(f, "%s\n", v[i].display) < 0)
			e = errno ? errno : EIO;
	if (!e && (fflush(f) != 0 || ferror(f)))
		e = errno ? errno : EIO;
	if (!e && fsync(fileno(f)) != 0)
		e = errno;
	/* fclose releases f whatever happened before, so it always runs. */
	if (fclose(f) != 0 && !e)
		e = errno ? errno : EIO;
	return e;
}

/* Make the rename itself durable. A failure here loses nothing we could
 * report usefully, so it is not one. */
static void sync_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path))
			  : strdup(".");
	int fd;

	if (!dir)
		return;
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

bool state_watchlist_save(const char *path, const struct instrument *v, size_t n,
			  char *err, size_t errlen)
{
	struct stat st;
	const char *base = strrchr(path, '/');
	size_t dirlen = base ? (size_t)(base - path) + 1 : 0, tmplen;
	char *tmp = NULL;
	FILE *f;
	mode_t old_mask;
	int fd, e;

	base = base ? base + 1 : path;
	if (!*base) {
		snprintf(err, errlen, "%s: not a file name", path);
		return false;
	}
	if (!make_parents(path, err, errlen))
		return false;
	if (lstat(path, &st) == 0) {
		if (!check_target(path, &st, err, errlen))
			return false;
	} else if (errno != ENOENT) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return false;
	}
	/* ".watchlist.XXXXXX" beside the target: rename() is atomic only
	 * within one file system, and a dot file stays out of the way. */
	tmplen = dirlen + strlen(base) + sizeof "..XXXXXX";
	if (!(tmp = malloc(tmplen))) {
		snprintf(err, errlen, "%s: out of memory", path);
		return false;
	}
	snprintf(tmp, tmplen, "%.*s.%s.XXXXXX", (int)dirlen, path, base);
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
	if ((e = write_list(f, v, n)))
		goto fail;
	if (rename(tmp, path) < 0) {
		e = errno;
		goto fail;
	}
	sync_dir(path);
	free(tmp);
	return true;
fail:
	unlink(tmp);
	snprintf(err, errlen, "%s: not saved: %s", path, strerror(e));
	free(tmp);
	return false;
}
