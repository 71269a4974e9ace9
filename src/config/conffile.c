/* conffile.c - config text to options, with file:line on every complaint */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/builtin.h"
#include "config/conffile.h"
#include "base/text.h"

#define CONFIG_MAX_BYTES (1L << 20)
#define PATH_SHOWN_MAX 1024 /* more than a complaint (512 bytes) can show */
#define LINE_MAX_BYTES (256 * 1024) /* a whole-board watchlist is one logical line */

void conffile_causes_add(struct causes *c, const char *fmt, ...)
{
	va_list ap;
	char buf[512], *copy;
	char **grown;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 8;
		if (!(grown = realloc(c->v, cap * sizeof *grown)))
			return;
		c->v = grown;
		c->cap = cap;
	}
	if ((copy = strdup(buf)))
		c->v[c->n++] = copy;
}

void conffile_causes_done(struct causes *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->v[i]);
	free(c->v);
	memset(c, 0, sizeof *c);
}

static char *trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

/* "bind KEY ACTION" */
static void parse_bind(struct options *o, const char *name, int lineno, char *args,
		       struct causes *c)
{
	char err[320], *key, *act, *extra, *save = NULL;

	key = strtok_r(args, " \t", &save);
	act = strtok_r(NULL, " \t", &save);
	extra = strtok_r(NULL, " \t", &save);
	if (!key || !act || extra) {
		conffile_causes_add(c, "%s:%d: expected \"bind KEY ACTION\"", name, lineno);
		return;
	}
	if (!keys_bind(&o->keys, key, act, err, sizeof err))
		conffile_causes_add(c, "%s:%d: bind: %s", name, lineno, err);
}

/* One logical line (continuations already joined): "key = value". */
static void parse_line(struct options *o, const char *name, int lineno, char *line,
		       struct causes *c)
{
	char err[320], *eq, *key, *value, *hash;
	bool ok;

	/* A '#' starts a comment only at the start of a word, so URLs with
	 * fragments survive: "a#b" keeps its '#'. */
	for (hash = line; (hash = strchr(hash, '#')); hash++)
		if (hash == line || isspace((unsigned char)hash[-1])) {
			*hash = '\0';
			break;
		}
	key = trim(line);
	if (*key == '\0')
		return;
	if (strncmp(key, "bind", 4) == 0 && isspace((unsigned char)key[4])) {
		parse_bind(o, name, lineno, key + 5, c);
		return;
	}
	if (!(eq = strchr(key, '='))) {
		text_quote_error(err, sizeof err, key, "expected \"key = value\"");
		conffile_causes_add(c, "%s:%d: %s", name, lineno, err);
		return;
	}
	*eq = '\0';
	value = trim(eq + 1);
	key = trim(key);
	ok = options_set(o, key, value, err, sizeof err);
	/* A named list keeps its good symbols even when err names a bad one. */
	if (strncmp(key, "list.", 5) == 0)
		options_list_origin(o, key + 5, name);
	if (ok) {
		if (strcmp(key, "watchlist") == 0 || strcmp(key, "list." LISTS_MAIN) == 0)
			snprintf(o->watchlist_from, sizeof o->watchlist_from, "%s", name);
		return;
	}
	/* A known key is a name from the table, safe to print as it is; an
	 * unknown one is already quoted in err. */
	if (options_find(key))
		conffile_causes_add(c, "%s:%d: %s: %s", name, lineno, key, err);
	else
		conffile_causes_add(c, "%s:%d: %s", name, lineno, err);
}

/* A file name as complaints show it: the user's text, so sanitised like
 * any other, but left unquoted in the "FILE:LINE:" form editors jump to. */
static const char *shown_name(char *buf, size_t cap, const char *name)
{
	text_sanitize(buf, cap, name, strlen(name));
	return buf;
}

void conffile_parse(struct options *o, const char *file, const char *text, size_t len,
		    struct causes *c)
{
	char shown[PATH_SHOWN_MAX];
	const char *name = shown_name(shown, sizeof shown, file);
	char *line = malloc(LINE_MAX_BYTES);
	size_t used = 0, i = 0;
	int lineno = 0, start = 0;
	enum { KEEP, TOO_LONG, HAS_NUL } drop = KEEP;

	if (!line) {
		conffile_causes_add(c, "%s: out of memory", name);
		return;
	}
	/* Windows editors start UTF-8 files with a byte-order mark; it is
	 * not part of the first key. */
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len) {
		size_t end = i;
		bool cont;

		while (end < len && text[end] != '\n')
			end++;
		lineno++;
		if (used == 0)
			start = lineno;
		/* A trailing backslash joins the next line (CRLF tolerated). */
		{
			size_t e = end;
			if (e > i && text[e - 1] == '\r')
				e--;
			cont = e > i && text[e - 1] == '\\';
			if (cont)
				e--;
			if (memchr(text + i, '\0', e - i)) {
				drop = HAS_NUL; /* drop the whole logical line */
			} else if (used + (e - i) + 2 > LINE_MAX_BYTES) {
				drop = drop ? drop : TOO_LONG;
			} else if (drop == KEEP) {
				memcpy(line + used, text + i, e - i);
				used += e - i;
				if (cont)
					line[used++] = ' ';
			}
		}
		i = end + 1;
		if (cont && i < len)
			continue;
		line[used] = '\0';
		if (drop == TOO_LONG)
			conffile_causes_add(c, "%s:%d: line longer than %d bytes, ignored", name, start,
				   LINE_MAX_BYTES);
		else if (drop == HAS_NUL)
			conffile_causes_add(c, "%s:%d: NUL byte in line, ignored", name, start);
		else
			parse_line(o, name, start, line, c);
		used = 0;
		drop = KEEP;
	}
	free(line);
}

bool conffile_load(struct options *o, const char *file, bool must_exist, struct causes *c)
{
	char shown[PATH_SHOWN_MAX];
	const char *path = shown_name(shown, sizeof shown, file);
	FILE *fp;
	char *buf;
	size_t len;
	struct stat st;
	/* O_NONBLOCK: opening a FIFO for reading would wait for a writer
	 * forever; it is refused by fstat below before anything is read. */
	int fd = open(file, O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0) {
		if (errno == ENOENT && !must_exist)
			return true;
		conffile_causes_add(c, "%s: %s", path, strerror(errno));
		return false;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		conffile_causes_add(c, "%s: not a regular file", path);
		close(fd);
		return false;
	}
	if (!(fp = fdopen(fd, "rb"))) {
		conffile_causes_add(c, "%s: %s", path, strerror(errno));
		close(fd);
		return false;
	}
	if (!(buf = malloc(CONFIG_MAX_BYTES + 1))) {
		fclose(fp);
		conffile_causes_add(c, "%s: out of memory", path);
		return false;
	}
	len = fread(buf, 1, CONFIG_MAX_BYTES + 1, fp);
	if (ferror(fp)) {
		conffile_causes_add(c, "%s: read error", path);
	} else if (len > CONFIG_MAX_BYTES) {
		conffile_causes_add(c, "%s: larger than 1 MiB, ignored", path);
	} else {
		conffile_parse(o, file, buf, len, c);
		free(buf);
		fclose(fp);
		return true;
	}
	free(buf);
	fclose(fp);
	return false;
}

void conffile_user_path(char *buf, size_t len)
{
	const char *env = getenv("HKTOP_CONFIG");
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");

	if (env && *env)
		snprintf(buf, len, "%s", env);
	else if (xdg && xdg[0] == '/')
		snprintf(buf, len, "%s/hktop/config", xdg);
	else if (home && home[0] == '/')
		snprintf(buf, len, "%s/.config/hktop/config", home);
	else
		buf[0] = '\0';
}

void conffile_load_all(struct options *o, const char *explicit, struct causes *c)
{
	char path[4096];

	conffile_parse(o, "(built-in hktoprc)", builtin_config, builtin_config_len, c);
	o->watchlist_from[0] = '\0'; /* the built-in list is the default, not a config's */
	conffile_load(o, HKTOP_SYSCONFDIR "/hktop/config", false, c);
	if (explicit) {
		conffile_load(o, explicit, true, c);
		return;
	}
	conffile_user_path(path, sizeof path);
	if (path[0])
		conffile_load(o, path, getenv("HKTOP_CONFIG") && *getenv("HKTOP_CONFIG"), c);
}
