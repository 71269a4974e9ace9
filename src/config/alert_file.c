/* alert_file.c - the alert rules file, read leniently and edited in place,
 * and the firings of its rules kept across runs
 *
 * A line that is not a rule is named (file:line and the cause) and kept
 * as the user wrote it; the other rules still work. Writes go through
 * state_write_doc: a private temporary file renamed over the old one. */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/text.h"
#include "config/alert_file.h"
#include "config/state.h"

void alert_file_path(const char *option, char *buf, size_t len)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	bool home_ok = home && home[0] == '/';
	int w = -1;

	if (option && option[0] == '~' && option[1] == '/' && home_ok)
		w = snprintf(buf, len, "%s%s", home, option + 1);
	else if (option && option[0] && option[0] != '~')
		w = snprintf(buf, len, "%s", option);
	else if (!(option && option[0]) && xdg && xdg[0] == '/')
		w = snprintf(buf, len, "%s/hktop/alerts", xdg);
	else if (!(option && option[0]) && home_ok)
		w = snprintf(buf, len, "%s/.config/hktop/alerts", home);
	if (len > 0 && (w < 0 || (size_t)w >= len))
		buf[0] = '\0';
}

void alert_file_record_path(char *buf, size_t len)
{
	char *slash;

	/* The watchlist's directory, so one XDG_STATE_HOME moves both. */
	state_watchlist_path(buf, len);
	if ((slash = strrchr(buf, '/')) && (size_t)(slash - buf) + sizeof "/alerts-fired" <= len)
		strcpy(slash, "/alerts-fired");
	else if (len)
		buf[0] = '\0';
}

static bool rule_push(struct alert_file *f, const struct alert_rule *r, size_t line)
{
	if (f->n == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 16;
		struct alert_rule *v = realloc(f->rules, cap * sizeof *v);
		size_t *l;

		if (!v)
			return false;
		f->rules = v;
		if (!(l = realloc(f->line, cap * sizeof *l)))
			return false;
		f->line = l;
		f->cap = cap;
	}
	f->rules[f->n] = *r;
	f->line[f->n++] = line;
	return true;
}

static void name_bad(struct alert_file *f, const char *name, size_t lineno, const char *cause)
{
	if (f->nbad < STATE_BAD_NAMED) {
		char raw[STATE_MSG_MAX];

		snprintf(raw, sizeof raw, "%s:%zu: %s", name, lineno, cause);
		text_sanitize(f->bad[f->nbad], sizeof f->bad[0], raw, strlen(raw));
	}
	f->nbad++;
}

bool alert_file_parse(struct alert_file *f, const char *name, const char *buf, size_t len,
		      char *err, size_t errlen)
{
	size_t lineno = 0, pos = 0, over = 0, first_over = 0;

	if (memchr(buf, '\0', len)) {
		snprintf(err, errlen, "%s: a NUL byte; not a text file", name);
		return false;
	}
	while (pos < len) {
		const char *line = buf + pos, *nl = memchr(line, '\n', len - pos);
		size_t ll = nl ? (size_t)(nl - line) : len - pos;
		struct alert_rule r;
		char cause[STATE_MSG_MAX];
		bool blank, ok;

		pos += ll + (nl != NULL);
		lineno++;
		ok = alert_rule_parse(line, ll, &r, &blank, cause, sizeof cause);
		if (!state_doc_push_text(&f->doc, line, ll))
			goto oom;
		if (ok && f->n == ALERT_RULES_MAX) {
			first_over = first_over ? first_over : lineno;
			over++;
		} else if (ok && !rule_push(f, &r, f->doc.n - 1)) {
			goto oom;
		} else if (!ok && !blank) {
			name_bad(f, name, lineno, cause);
		}
	}
	if (over) {
		char cause[128];

		snprintf(cause, sizeof cause, "more than %d rules; this one and %zu after it ignored",
			 ALERT_RULES_MAX, over - 1);
		name_bad(f, name, first_over, cause);
	}
	return true;
oom:
	snprintf(err, errlen, "%s: out of memory", name);
	return false;
}

bool alert_file_load(struct alert_file *f, char *err, size_t errlen)
{
	char *buf, real[PATH_MAX];
	const char *path = f->path;
	struct stat st;
	size_t len;
	bool exists, ok;

	if (!f->path[0]) {
		snprintf(err, errlen, "no HOME or XDG_CONFIG_HOME to keep alert rules in");
		return false;
	}
	/* The rules are the user's config: a symbolic link to them (a dotfiles
	 * checkout) is read where it points. Edits are not written through
	 * it: unchanged() refuses the link. */
	if (lstat(f->path, &st) == 0 && S_ISLNK(st.st_mode) && realpath(f->path, real))
		path = real;
	if (!state_read_file(path, &buf, &len, &exists, err, errlen))
		return false;
	ok = !exists || alert_file_parse(f, f->path, buf, len, err, errlen);
	free(f->disk);
	f->disk = buf;
	f->ndisk = len;
	return ok;
}

/* Is the file as it was last read or written? */
static bool unchanged(const struct alert_file *f, char *err, size_t errlen)
{
	char *now;
	size_t len;
	bool exists, same;

	if (!state_read_file(f->path, &now, &len, &exists, err, errlen))
		return false;
	same = exists ? f->disk && len == f->ndisk && memcmp(now, f->disk, len) == 0 : !f->disk;
	free(now);
	if (!same)
		snprintf(err, errlen, "%s: changed since hktop read it; not written over "
			 "(restart hktop to take the changes)", f->path);
	return same;
}

static bool save(struct alert_file *f, char *err, size_t errlen)
{
	char raw[sizeof f->path + STATE_MSG_MAX];

	if (!f->path[0]) {
		snprintf(err, errlen, "no HOME or XDG_CONFIG_HOME to keep alert rules in");
		return false;
	}
	if (!unchanged(f, raw, sizeof raw) || !state_write_doc(f->path, &f->doc, raw, sizeof raw)) {
		text_sanitize(err, errlen, raw, strlen(raw));
		return false;
	}
	/* What is on disk now, for the next edit's check. */
	free(f->disk);
	f->disk = NULL;
	f->ndisk = 0;
	{
		FILE *m = open_memstream(&f->disk, &f->ndisk);

		if (m && state_doc_write(m, &f->doc, false) != 0) {
			free(f->disk);
			f->disk = NULL;
		}
	}
	return true;
}

bool alert_file_add(struct alert_file *f, const char *text, char *err, size_t errlen)
{
	struct alert_rule r;
	bool blank;

	if (!alert_rule_parse(text, strlen(text), &r, &blank, err, errlen)) {
		if (blank)
			snprintf(err, errlen, "no rule given");
		return false;
	}
	if (f->n >= ALERT_RULES_MAX) {
		snprintf(err, errlen, "already %d rules", ALERT_RULES_MAX);
		return false;
	}
	if (!state_doc_push_text(&f->doc, text, strlen(text))) {
		snprintf(err, errlen, "out of memory");
		return false;
	}
	if (!rule_push(f, &r, f->doc.n - 1)) {
		free(f->doc.v[--f->doc.n].text);
		snprintf(err, errlen, "out of memory");
		return false;
	}
	if (save(f, err, errlen))
		return true;
	alert_rule_done(&f->rules[--f->n]);
	free(f->doc.v[--f->doc.n].text);
	return false;
}

bool alert_file_remove(struct alert_file *f, size_t i, char *err, size_t errlen)
{
	struct state_line gone;
	size_t at;

	if (i >= f->n) {
		snprintf(err, errlen, "no such rule");
		return false;
	}
	at = f->line[i];
	gone = f->doc.v[at];
	memmove(&f->doc.v[at], &f->doc.v[at + 1], (f->doc.n - at - 1) * sizeof *f->doc.v);
	f->doc.n--;
	if (!save(f, err, errlen)) {
		memmove(&f->doc.v[at + 1], &f->doc.v[at], (f->doc.n - at) * sizeof *f->doc.v);
		f->doc.v[at] = gone;
		f->doc.n++;
		return false;
	}
	free(gone.text);
	alert_rule_done(&f->rules[i]);
	memmove(&f->rules[i], &f->rules[i + 1], (f->n - i - 1) * sizeof *f->rules);
	memmove(&f->line[i], &f->line[i + 1], (f->n - i - 1) * sizeof *f->line);
	f->n--;
	for (size_t k = 0; k < f->n; k++)
		if (f->line[k] > at)
			f->line[k]--;
	return true;
}

void alert_file_done(struct alert_file *f)
{
	for (size_t i = 0; i < f->n; i++)
		alert_rule_done(&f->rules[i]);
	free(f->rules);
	free(f->line);
	state_doc_done(&f->doc);
	free(f->disk);
	f->disk = NULL;
	f->rules = NULL;
	f->line = NULL;
	f->n = f->cap = 0;
}
