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

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config/lists.h"
#include "config/state.h"
#include "config/textfile.h"
#include "model/symbol.h"

#define STATE_HEADER "# hktop watchlist: hktop adds and removes symbols here when you " \
	"edit the dashboard's list.\n# One symbol a line; your comments stay; your config " \
	"file is never touched.\n"

void state_path(const char *file, char *buf, size_t len)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	int w = -1;

	/* The XDG spec says relative values are invalid and must be ignored. */
	if (xdg && xdg[0] == '/')
		w = snprintf(buf, len, "%s/hktop/%s", xdg, file);
	else if (home && home[0] == '/')
		w = snprintf(buf, len, "%s/.local/state/hktop/%s", home, file);
	if (len > 0 && (w < 0 || (size_t)w >= len))
		buf[0] = '\0';
}

void state_watchlist_path(char *buf, size_t len)
{
	state_path("watchlist", buf, len);
}

void state_list_path(const char *name, char *buf, size_t len)
{
	char file[sizeof "lists/" + LISTS_NAME_MAX];

	if (strcmp(name, LISTS_MAIN) == 0) {
		state_watchlist_path(buf, len);
		return;
	}
	snprintf(file, sizeof file, "lists/%s", name);
	state_path(file, buf, len);
}

bool state_read_file(const char *path, char **buf, size_t *len, bool *exists, char *err,
		     size_t errlen)
{
	return textfile_read(path, STATE_MAX_FILE, buf, len, exists, err, errlen);
}

/* Read and parse an existing file, vetted first. */
static bool load_doc(const char *path, struct state_doc *d, bool *exists, char *err, size_t errlen)
{
	char *buf;
	size_t len;
	bool ok;

	if (!state_read_file(path, &buf, &len, exists, err, errlen))
		return false;
	if (!*exists)
		return true;
	ok = state_doc_parse(d, path, buf, len, err, errlen);
	free(buf);
	return ok;
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

struct doc_arg {
	const struct state_doc *d;
};

/* The document's lines; textfile_write_atomic syncs and closes. */
static int write_lines(FILE *f, void *arg)
{
	const struct state_doc *d = ((const struct doc_arg *)arg)->d;

	errno = 0;
	for (size_t i = 0; i < d->n; i++)
		if (fprintf(f, "%s\n", d->v[i].text) < 0)
			return errno ? errno : EIO;
	return 0;
}

static bool replace_file(const char *path, const struct state_doc *d, char *err, size_t errlen)
{
	struct doc_arg a = { d };

	return textfile_write_atomic(path, write_lines, &a, err, errlen);
}

bool state_write_doc(const char *path, const struct state_doc *d, char *err, size_t errlen)
{
	int lock = textfile_begin(path, err, errlen);
	bool ok;

	if (lock < 0)
		return false;
	ok = replace_file(path, d, err, errlen);
	close(lock);
	return ok;
}

bool state_save(const char *path, const struct instrument *base, size_t nbase,
		const struct instrument *mine, size_t nmine, struct instrument **seen,
		size_t *nseen, bool *merged, char *err, size_t errlen)
{
	struct state_doc d = { 0 };
	struct instrument *now = NULL;
	size_t nnow = 0;
	bool ok = false;
	int lock;

	*merged = false;
	if ((lock = textfile_begin(path, err, errlen)) < 0)
		return false;
	if (!merged_doc(path, &d, base, nbase, mine, nmine, seen ? *seen : base,
			seen ? *nseen : nbase, merged, err, errlen))
		goto out;
	if (seen && !state_doc_symbols(&d, &now, &nnow)) {
		snprintf(err, errlen, "%s: out of memory", path);
		goto out;
	}
	if (!replace_file(path, &d, err, errlen))
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
