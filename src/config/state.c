/* state.c - the watchlist the user edited: which list a run uses, and
 * saving edits without ever losing what the file held
 *
 * The user's config is theirs and read-only to us; what the dashboard
 * changes lives in its own small file. A line we cannot read is skipped,
 * named, and kept (as a comment) when the file is rewritten; a file we
 * cannot read at all is never written over. Writes merge this run's edits
 * into the file as it is now, under a lock on its directory, and go to a
 * temporary file that is synced and renamed over the old one, so a crash
 * or a full disk leaves either the old list or the new one, never half of
 * either, and two runs never lose each other's edits. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "base/text.h"
#include "config/state.h"
#include "model/symbol.h"

/* A save's temporary file is ".BASE" TMP_TAG "XXXXXX": a name no user
 * would give a file of theirs (".watchlist.backup" is not ours). */
#define TMP_TAG ".hktop-tmp."

#define STATE_HEADER "# hktop watchlist: hktop adds and removes symbols here when you " \
	"edit the dashboard's list.\n# One symbol a line; your comments stay; your config " \
	"file is never touched.\n"

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

/* Read and parse an existing file, vetted first. */
static bool load_doc(const char *path, struct state_doc *d, bool *exists, char *err, size_t errlen)
{
	struct stat st;
	char *buf;
	size_t len = 0;
	bool ok;

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
	ok = state_doc_parse(d, path, buf, len, err, errlen);
	free(buf);
	return ok;
}
/* mkdir -p for the directories above path, new ones private to us.
 * Existing directories are left as they are: they may well be shared
 * (~/.local) or symlinked on purpose. */
bool state_make_parents(const char *path, char *err, size_t errlen)
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

/* The directory part of path ("." for a bare name); NULL when out of memory. */
static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
}

/* Lock the directory of path. Every save holds the lock while it reads the
 * file again and replaces it, so saves never interleave, and any temporary
 * file found meanwhile is one a killed save left. A lock on the directory
 * leaves no lock file behind. Returns the directory's fd, or -1 with
 * errno. Where the file system has no locks (some NFS setups) a save goes
 * ahead unlocked: *locked says so, and no temporary file may then be
 * taken for a stray. */
static int lock_dir(const char *path, bool *locked)
{
	char *dir = dir_of(path);
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

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

bool state_load(const char *path, struct state_doc *d, bool *exists, char *err, size_t errlen)
{
	/* Reading removes nothing: a run that only reads (--once,
	 * --dump-config) leaves the directory as it found it. The next save
	 * tidies up after a killed one. */
	return load_doc(path, d, exists, err, errlen);
}

/* What to write: the file as it is now with this run's edits merged in,
 * or, when there is no file, base with a header and the edits. *merged:
 * the file held other symbols than seen. */
static bool merged_doc(const char *path, struct state_doc *d, const struct instrument *base,
		       size_t nbase, const struct instrument *mine, size_t nmine,
		       const struct instrument *seen, size_t nseen, bool *merged,
		       char *err, size_t errlen)
{
	bool exists, same = true;

	if (!load_doc(path, d, &exists, err, errlen))
		return false;
	if (exists && !state_doc_same(d, seen, nseen, &same))
		goto oom;
	*merged = !same;
	if (!exists) {
		static const char header[] = STATE_HEADER;

		if (!state_doc_parse(d, path, header, sizeof header - 1, err, errlen))
			return false;
		for (size_t i = 0; i < nbase; i++)
			if (!state_doc_append(d, &base[i]))
				goto oom;
	}
	if (state_doc_merge(d, base, nbase, mine, nmine))
		return true;
oom:
	snprintf(err, errlen, "%s: out of memory", path);
	return false;
}

/* Write d to a private temporary file beside path and rename it over
 * path. ".watchlist.hktop-tmp.XXXXXX": rename() is atomic only within one
 * file system, and a dot file stays out of the way. */
bool state_replace_file(const char *path, const struct state_doc *d, char *err, size_t errlen)
{
	const char *base = base_name(path);
	size_t dirlen = (size_t)(base - path),
	       tmplen = dirlen + strlen(base) + sizeof "." TMP_TAG "XXXXXX";
	char *tmp = malloc(tmplen);
	FILE *f;
	mode_t old_mask;
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
	if ((e = state_doc_write(f, d, true)))
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

bool state_save(const char *path, const struct instrument *base, size_t nbase,
		const struct instrument *mine, size_t nmine, struct instrument **seen,
		size_t *nseen, bool *merged, char *err, size_t errlen)
{
	struct state_doc d = { 0 };
	struct instrument *now = NULL;
	size_t nnow = 0;
	bool ok = false, locked;
	int lock;

	*merged = false;
	if (!*base_name(path)) {
		snprintf(err, errlen, "%s: not a file name", path);
		return false;
	}
	if (!state_make_parents(path, err, errlen))
		return false;
	if ((lock = lock_dir(path, &locked)) < 0) {
		snprintf(err, errlen, "%s: cannot open its directory: %s", path, strerror(errno));
		return false;
	}
	if (locked)
		remove_strays(lock, base_name(path));
	if (!merged_doc(path, &d, base, nbase, mine, nmine, seen ? *seen : base,
			seen ? *nseen : nbase, merged, err, errlen))
		goto out;
	if (seen && !state_doc_symbols(&d, &now, &nnow)) {
		snprintf(err, errlen, "%s: out of memory", path);
		goto out;
	}
	if (!state_replace_file(path, &d, err, errlen))
		goto out;
	/* Make the rename itself durable. A failure here loses nothing we
	 * could report usefully, so it is not one. */
	(void)fsync(lock);
	if (seen) {
		free(*seen);
		*seen = now;
		*nseen = nnow;
		now = NULL;
	}
	ok = true;
out:
	free(now);
	state_doc_done(&d);
	close(lock);
	return ok;
}

static bool copy_list(struct instrument **dst, size_t *ndst, const struct instrument *v, size_t n)
{
	struct instrument *c = NULL;

	if (n && !(c = malloc(n * sizeof *c)))
		return false;
	if (n)
		memcpy(c, v, n * sizeof *c);
	free(*dst);
	*dst = c;
	*ndst = n;
	return true;
}

/* What a state_list says (its notes, why_not, a save's error) names the
 * file by a path from the environment: sanitised here, where the words
 * leave this module, so an escape in XDG_STATE_HOME never reaches a
 * terminal. */
static void vsay(char *buf, size_t cap, const char *fmt, va_list ap)
{
	char raw[sizeof ((struct state_list *)0)->path + STATE_MSG_MAX];

	vsnprintf(raw, sizeof raw, fmt, ap);
	text_sanitize(buf, cap, raw, strlen(raw));
}

static void say(char *buf, size_t cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void say(char *buf, size_t cap, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(buf, cap, fmt, ap);
	va_end(ap);
}

static void add_note(struct state_list *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void add_note(struct state_list *s, const char *fmt, ...)
{
	va_list ap;

	if (s->nnotes == sizeof s->notes / sizeof s->notes[0])
		return;
	va_start(ap, fmt);
	vsay(s->notes[s->nnotes++], sizeof s->notes[0], fmt, ap);
	va_end(ap);
}

bool state_list_choose(struct state_list *s, enum list_origin origin, const char *config_file,
		       struct instrument **list, size_t *n)
{
	struct state_doc d = { 0 };
	struct instrument *saved;
	size_t nsaved;
	char err[STATE_MSG_MAX];
	bool exists;

	memset(s, 0, sizeof *s);
	s->origin = origin;
	if (origin == LIST_CONFIG)
		snprintf(s->from, sizeof s->from, "%s", config_file);
	if (origin > LIST_SAVED) {
		snprintf(s->why_not, sizeof s->why_not, "this list came from %s",
			 origin == LIST_ARGS ? "the command line" : "-o watchlist");
		return true;
	}
	state_watchlist_path(s->path, sizeof s->path);
	if (!s->path[0]) {
		snprintf(s->why_not, sizeof s->why_not,
			 "no HOME or XDG_STATE_HOME to keep the watchlist in");
		return true;
	}
	if (!state_load(s->path, &d, &exists, err, sizeof err)) {
		/* Never save over what we could not read: it may be all the
		 * user has. */
		say(s->why_not, sizeof s->why_not, "%s", err);
		add_note(s, "%s; using the %s watchlist; edits will not be saved", err,
			 origin == LIST_CONFIG ? "config's" : "default");
		state_doc_done(&d);
		return true;
	}
	if (exists) {
		if (!state_doc_symbols(&d, &saved, &nsaved)) {
			state_doc_done(&d);
			return false;
		}
		free(*list);
		*list = saved;
		*n = nsaved;
		s->origin = LIST_SAVED;
		snprintf(s->from, sizeof s->from, "%s", s->path);
		for (size_t i = 0; i < d.nbad && i < STATE_BAD_NAMED; i++)
			add_note(s, "%s (skipped; kept in the file)", d.bad[i]);
		if (d.nbad > STATE_BAD_NAMED)
			add_note(s, "%s: %zu more unreadable lines skipped", s->path,
				 d.nbad - STATE_BAD_NAMED);
	}
	state_doc_done(&d);
	s->save = true;
	return copy_list(&s->base, &s->nbase, *list, *n) &&
	       copy_list(&s->seen, &s->nseen, *list, *n);
}

bool state_list_save(struct state_list *s, const struct instrument *v, size_t n, bool *merged,
		     char *err, size_t errlen)
{
	char raw[sizeof s->path + STATE_MSG_MAX];

	*merged = false;
	s->unsaved = true;
	if (!s->save) {
		snprintf(err, errlen, "%s", s->why_not);
		return false;
	}
	if (!state_save(s->path, s->base, s->nbase, v, n, &s->seen, &s->nseen, merged, raw,
			sizeof raw)) {
		say(err, errlen, "%s", raw);
		return false;
	}
	/* This list is the base of the next merge's removals; the file may
	 * also hold another run's edits, now in s->seen. */
	if (!copy_list(&s->base, &s->nbase, v, n)) {
		snprintf(err, errlen, "out of memory");
		return false;
	}
	s->unsaved = false;
	return true;
}

void state_list_describe(const struct state_list *s, char *buf, size_t len)
{
	switch (s->origin) {
	case LIST_DEFAULT:
		snprintf(buf, len, "the default");
		break;
	case LIST_CONFIG:
		snprintf(buf, len, "%s", s->from);
		break;
	case LIST_SAVED:
		snprintf(buf, len, "the saved list %s", s->from);
		break;
	case LIST_OPTION:
		snprintf(buf, len, "-o watchlist");
		break;
	case LIST_ARGS:
		snprintf(buf, len, "the command line");
		break;
	}
}

void state_list_done(struct state_list *s)
{
	free(s->base);
	free(s->seen);
	s->base = s->seen = NULL;
	s->nbase = s->nseen = 0;
}
