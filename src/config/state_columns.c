/* state_columns.c - the columns picked on screen, saved apart from the
 * user's config, which stays theirs; a file written as the watchlist is */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/state.h"
#include "config/state_columns.h"

#define HEADER "# hktop columns: the watchlist's columns as picked with C; delete this " \
	"file to use the config's columns key."

void state_columns_path(char *buf, size_t len)
{
	char path[4096];
	size_t n;

	/* Beside the watchlist: the same rules for where state lives. */
	state_watchlist_path(path, sizeof path);
	n = strlen(path);
	if (n < sizeof "watchlist" || len == 0) {
		if (len)
			buf[0] = '\0';
		return;
	}
	if ((size_t)snprintf(buf, len, "%.*scolumns", (int)(n - strlen("watchlist")), path) >= len)
		buf[0] = '\0';
}

bool state_columns_load(const char *path, char *text, size_t len, bool *exists, char *err,
			size_t errlen)
{
	char buf[1024];
	struct stat st;
	ssize_t got;
	char *line, *end;
	int fd;

	*exists = false;
	text[0] = '\0';
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)) < 0) {
		/* A state directory that is no directory is the watchlist's
		 * to complain about, once. */
		if (errno == ENOENT || errno == ENOTDIR)
			return true;
		snprintf(err, errlen, "%s: %s", path, errno == ELOOP ?
			 "is a symbolic link; not following it" : strerror(errno));
		return false;
	}
	*exists = true;
	if (fstat(fd, &st) < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		close(fd);
		return false;
	}
	if (!S_ISREG(st.st_mode) || st.st_uid != geteuid() || st.st_size >= (off_t)sizeof buf) {
		snprintf(err, errlen, "%s: %s", path, !S_ISREG(st.st_mode) ? "not a regular file" :
			 st.st_uid != geteuid() ? "owned by someone else" : "too long for a list of columns");
		close(fd);
		return false;
	}
	got = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (got < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return false;
	}
	buf[got] = '\0';
	/* The first line that is not a comment or blank. */
	for (line = buf; line && *line; line = end ? end + 1 : NULL) {
		end = strchr(line, '\n');
		if (end)
			*end = '\0';
		line += strspn(line, " \t");
		if (*line && *line != '#') {
			snprintf(text, len, "%s", line);
			break;
		}
	}
	return true;
}

bool state_columns_save(const char *path, const char *text, char *err, size_t errlen)
{
	char header[] = HEADER, line[1024];
	struct state_line lines[2] = { { .text = header }, { .text = line } };
	struct state_doc d = { .v = lines, .n = 2, .cap = 2 };

	snprintf(line, sizeof line, "%s", text);
	if (!path[0]) {
		snprintf(err, errlen, "no home directory to save in");
		return false;
	}
	return state_write_doc(path, &d, err, errlen);
}
