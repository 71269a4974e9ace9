/* recording.h - --record and --replay: set up on an HTTP handle, and the
 * replay's keys, header label and messages in the dashboard */
#ifndef HKTOP_RECORDING_H
#define HKTOP_RECORDING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "config/keys.h"
#include "config/options.h"
#include "net/http.h"

struct app;

/* o->record_dir: every response h receives is recorded; o->replay_dir:
 * h answers from the recording, on its clock (replay.speed, replay.start;
 * to_end: at its end, for --once, --series and --news). False with the
 * cause when the directory cannot be recorded to or played. */
bool recording_attach(struct http *h, const struct options *o, bool to_end, char *err,
		      size_t errlen);

/* The scripted modes: what went wrong with the recording, on fp. */
void recording_print_notes(struct http *h, FILE *fp);

/* A time for replay.start and the jump prompt: "HH:MM" or "HH:MM:SS" on
 * the Hong Kong day of ref_ms, or "YYYY-MM-DD HH:MM[:SS]" HKT; "end" is
 * RECORDING_END. Pure. */
#define RECORDING_END (1LL << 60)
bool recording_parse_time(const char *s, long long ref_ms, long long *out_ms);

/* The dashboard: the header's label, and the recording's messages on
 * the status line; once a loop pass. */
void recording_sync(struct app *app);

/* The replay's keys (pause, step, jump); false for any other action. */
bool recording_action(struct app *app, enum action act);

/* The jump prompt submitted. */
void recording_jump(struct app *app, const char *text);

#endif
