/* fixture.h - read a test's input files: fixtures and the shipped share/ files */
#ifndef HKTOP_FIXTURE_H
#define HKTOP_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>

/* The whole file, NUL-terminated, owned by the caller; a test cannot go on
 * without its input, so a missing file bails out of the TAP plan. */
static inline char *slurp_path(const char *path, size_t *len)
{
	char *buf;
	FILE *fp;
	long n;

	if (!(fp = fopen(path, "rb")) || fseek(fp, 0, SEEK_END) || (n = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET) || !(buf = malloc((size_t)n + 1)) ||
	    fread(buf, 1, (size_t)n, fp) != (size_t)n) {
		printf("Bail out! cannot read %s\n", path);
		exit(1);
	}
	fclose(fp);
	buf[n] = '\0';
	*len = (size_t)n;
	return buf;
}

/* tests/fixtures/NAME ($FIXTURES under make check). */
static inline char *slurp(const char *name, size_t *len)
{
	const char *dir = getenv("FIXTURES");
	char path[1024];

	snprintf(path, sizeof path, "%s/%s", dir ? dir : "tests/fixtures", name);
	return slurp_path(path, len);
}

/* share/NAME as shipped ($top_srcdir under make check). */
static inline char *slurp_share(const char *name, size_t *len)
{
	const char *dir = getenv("top_srcdir");
	char path[1024];

	snprintf(path, sizeof path, "%s/share/%s", dir ? dir : ".", name);
	return slurp_path(path, len);
}

/* A scratch file a test writes (silently nothing when it cannot: the
 * test's own checks then fail), and one it reads back: the text, in a
 * buffer reused by the next call, or NULL when there is no file. */
static inline void file_write(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static inline char *file_read(const char *path)
{
	static char buf[16384];
	FILE *f = fopen(path, "r");
	size_t n;

	if (!f)
		return NULL;
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

#endif
