/* log.c - the debug log; the one file handle that is truly process-wide */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/log.h"
#include "base/text.h"

static FILE *log_fp;

bool log_open(const char *path)
{
	log_close();
	log_fp = fopen(path, "a");
	return log_fp != NULL;
}

void log_close(void)
{
	if (log_fp)
		fclose(log_fp);
	log_fp = NULL;
}

void log_write(const char *func, const char *fmt, ...)
{
	char raw[1024], clean[1024];
	va_list ap;
	struct timespec ts;

	if (!log_fp)
		return;
	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	/* Messages may quote network text: escape it like everything else. */
	text_sanitize(clean, sizeof clean, raw, strnlen(raw, sizeof raw));
	clock_gettime(CLOCK_REALTIME, &ts);
	fprintf(log_fp, "%lld.%03ld %s: %s\n", (long long)ts.tv_sec, ts.tv_nsec / 1000000,
		func, clean);
	fflush(log_fp);
}
