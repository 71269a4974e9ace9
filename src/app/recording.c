/* recording.c - --record and --replay: set up on an HTTP handle, and the
 * replay's keys, header label and messages in the dashboard */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "app/recording.h"
#include "base/fmt.h"
#include "base/hkclock.h"
#include "base/hktime.h"
#include "net/recorder.h"
#include "net/replay.h"

bool recording_parse_time(const char *s, long long ref_ms, long long *out_ms)
{
	int y, mo, d, h, mi, sec = 0, n = 0;
	long long day, yy;
	time_t t;

	if (strcmp(s, "end") == 0) {
		*out_ms = RECORDING_END;
		return true;
	}
	if (sscanf(s, "%2d:%2d%n:%2d%n", &h, &mi, &n, &sec, &n) >= 2 && s[n] == '\0') {
		day = hktime_day((time_t)(ref_ms / 1000), HKT_OFFSET);
		hktime_civil_from_days(day, &yy, &mo, &d);
		y = (int)yy;
	} else if (!(sscanf(s, "%4d-%2d-%2d %2d:%2d%n:%2d%n", &y, &mo, &d, &h, &mi, &n, &sec, &n) >= 5 &&
		     s[n] == '\0')) {
		return false;
	}
	if (!hktime_make(y, mo, d, h, mi, sec, HKT_OFFSET, &t))
		return false;
	*out_ms = (long long)t * 1000;
	return true;
}

bool recording_attach(struct http *h, const struct options *o, bool to_end, char *err,
		      size_t errlen)
{
	struct recorder *rec;
	struct replay *rp;
	long long first, start;
	char why[256];

	if (o->record_dir) {
		if (!(rec = recorder_new(o->record_dir, (unsigned long long)o->record_max_size,
					 PACKAGE_VERSION, hkclock_wall_ms(), why, sizeof why))) {
			snprintf(err, errlen, "--record: %s", why);
			return false;
		}
		http_set_recorder(h, rec);
	}
	if (!o->replay_dir)
		return true;
	if (!(rp = replay_open(o->replay_dir, why, sizeof why))) {
		snprintf(err, errlen, "--replay: %s", why);
		return false;
	}
	first = start = replay_first_ms(rp);
	if (o->replay_start[0] && !recording_parse_time(o->replay_start, first, &start)) {
		snprintf(err, errlen,
			 "replay.start: \"%s\": not a time (HH:MM[:SS], YYYY-MM-DD HH:MM[:SS] or end)",
			 o->replay_start);
		replay_free(rp);
		return false;
	}
	if (to_end)
		start = RECORDING_END;
	hkclock_replay(start < first ? start : first, (double)o->replay_speed);
	http_set_replay(h, rp);
	if (start > first)
		replay_jump(rp, start);
	return true;
}

void recording_print_notes(struct http *h, FILE *fp)
{
	struct replay *rp = http_replay(h);
	const char *note;

	while (rp && (note = replay_take_note(rp)))
		fprintf(fp, "hktop: --replay: %s\n", note);
	if (http_record_stopped(h))
		fprintf(fp, "hktop: --record: %s\n", http_record_stopped(h));
}

void recording_sync(struct app *app)
{
	/* One app a process runs the loop: the stop is said once. */
	static const struct http *stop_said;
	struct replay *rp = http_replay(app->http);
	const char *note, *stopped = http_record_stopped(app->http);
	char label[sizeof app->dash.replay], day[32];

	if (stopped && stop_said != app->http) {
		dash_report(&app->dash, MSG_RECORD, MSG_ERROR, "%s", stopped);
		stop_said = app->http;
	}
	if (!rp)
		return;
	while ((note = replay_take_note(rp)))
		dash_report(&app->dash, MSG_RECORD, MSG_WARN, "replay: %s", note);
	hktime_iso8601(hkclock_wall(), HKT_OFFSET, day, sizeof day);
	snprintf(label, sizeof label, "REPLAY %.10s%s", day,
		 replay_ended(rp) ? " END" : hkclock_paused() ? " PAUSED" : "");
	if (strcmp(label, app->dash.replay) != 0) {
		memcpy(app->dash.replay, label, sizeof label);
		app->dash.dirty |= REDRAW_HEADER;
	}
}

/* The clock moved other than by running: what is due asks again now.
 * Times kept from before a jump back would lie ahead of the clock and
 * hold the chart, the rate and the rally board's round back. */
static void clock_moved(struct app *app)
{
	app->dash.detail.chart_ms = app->dash.detail.fx_ms = 0;
	app->round_end_ms = 0;
	app->failures = 0;
	refresh_start(app);
	news_control_start(app, true);
	app->dash.dirty |= REDRAW_ALL;
}

bool recording_action(struct app *app, enum action act)
{
	struct replay *rp = http_replay(app->http);

	if (act != ACT_PAUSE && act != ACT_STEP && act != ACT_JUMP)
		return false;
	if (!rp) {
		/* In --demo only J comes here (actions.c gives z and . to the
		 * demo's clock). */
		dash_status(&app->dash, true, "%s", app->demo ?
			    "J jumps in --replay; the demo has z to pause and . to step" :
			    "z . J: live quotes keep no clock to stop; --demo and --replay do");
		return true;
	}
	if (act == ACT_JUMP) {
		dash_prompt_begin(&app->dash);
		app->dash.prompt.label = "Jump to (HH:MM, YYYY-MM-DD HH:MM or end): ";
	} else if (act == ACT_PAUSE && replay_ended(rp)) {
		dash_status(&app->dash, false, "The recording has ended; J jumps back into it");
	} else if (act == ACT_PAUSE) {
		char hms[16];

		hkclock_pause(!hkclock_paused());
		fmt_hkt_time(hkclock_wall(), hms, sizeof hms);
		if (hkclock_paused())
			dash_status(&app->dash, false, "Paused at %s HKT (z plays on)", hms);
		else
			dash_status(&app->dash, false, "Playing from %s HKT at %ldx", hms,
				    app->o->replay_speed);
	} else if (replay_step(rp)) {
		clock_moved(app);
	} else {
		dash_status(&app->dash, false, "The recording has ended");
	}
	recording_sync(app);
	return true;
}

void recording_jump(struct app *app, const char *text)
{
	struct replay *rp = http_replay(app->http);
	long long at;

	if (!rp)
		return;
	if (!recording_parse_time(text, hkclock_wall_ms(), &at)) {
		dash_status(&app->dash, true, "Not a time: %s (HH:MM, YYYY-MM-DD HH:MM or end)", text);
		return;
	}
	replay_jump(rp, at);
	clock_moved(app);
	recording_sync(app);
}
