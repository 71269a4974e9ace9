/* log.h - an optional debug log file (--log FILE), escaped, never the terminal */
#ifndef HKTOP_LOG_H
#define HKTOP_LOG_H

#include <stdbool.h>

bool log_open(const char *path);
void log_close(void);
void log_write(const char *func, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define log_debug(...) log_write(__func__, __VA_ARGS__)

#endif
