/* demo_control.c - --demo's clock: the simulated day, its pause and step
 * keys, and the headlines it has published by now
 *
 * dash.fixed_now follows the demo clock, so the header's session, the
 * ages of quotes and headlines and the charts all read the demo's time. */
#include "config.h"

#include <stdlib.h>

#include "app/app.h"
#include "base/builtin.h"
#include "base/fmt.h"
#include "net/news_fetch.h"

#define STEP_S 60

bool demo_control_open(struct app *app, char *err, size_t errlen)
{
	const char *seed = getenv("HKTOP_DEMO_SEED");
	time_t start = demo_pick_start(&app->dash.cal,
				       app->dash.fixed_now ? app->dash.fixed_now : time(NULL),
				       (int)app->o->demo_start);

	app->demo_frozen = app->dash.fixed_now != 0;
	app->demo = demo_new(builtin_demo, builtin_demo_len,
			     seed ? strtoul(seed, NULL, 10) : (unsigned long)time(NULL), start,
			     &app->dash.cal, err, errlen);
	demo_clock_init(&app->demo_clock, start, app->o->demo_speed, app_mono_ms());
	app->dash.fixed_now = start;
	app->demo_news_at = start / 60;
	return app->demo != NULL;
}

/* The clock's input: the monotonic clock, or, frozen, never a moment
 * later than the clock's own anchor, so that only steps move it. */
static long long mono(const struct app *app)
{
	return app->demo_frozen ? app->demo_clock.at_ms : app_mono_ms();
}

void demo_control_tick(struct app *app)
{
	time_t was = app->dash.fixed_now;

	if (!app->demo)
		return;
	app->dash.fixed_now = demo_clock_now(&app->demo_clock, mono(app));
	if (app->dash.fixed_now / 60 != was / 60)
		app->dash.dirty |= REDRAW_HEADER;
}

unsigned demo_control_pause(struct app *app)
{
	char hhmm[16];

	demo_clock_pause(&app->demo_clock, !app->demo_clock.paused, mono(app));
	app->dash.demo_paused = app->demo_clock.paused;
	demo_control_tick(app);
	fmt_hkt_time(app->dash.fixed_now, hhmm, sizeof hhmm);
	hhmm[5] = '\0'; /* HH:MM, as the header */
	if (app->demo_clock.paused)
		dash_status(&app->dash, false, "Demo paused at %s HKT (z resumes, . steps)", hhmm);
	else
		dash_status(&app->dash, false, "Demo running from %s HKT at %ldx", hhmm,
			    app->demo_clock.speed);
	/* The refreshes stop with the clock (refresh.c schedules none while
	 * paused) and go on with it. */
	if (app->demo_clock.paused)
		app->next_refresh_ms = -1;
	else if (app->next_refresh_ms < 0 && !app->dash.fetching)
		app->next_refresh_ms = app_mono_ms();
	return REACT_REDRAW_ALL;
}

unsigned demo_control_step(struct app *app)
{
	demo_clock_pause(&app->demo_clock, true, mono(app));
	demo_clock_step(&app->demo_clock, STEP_S, mono(app));
	app->dash.demo_paused = true;
	demo_control_tick(app);
	return REACT_REFETCH | REACT_REDRAW_ALL;
}

void demo_control_news(struct app *app)
{
	if (!app->demo || !app->news || app->dash.fixed_now / 60 == app->demo_news_at)
		return;
	app->demo_news_at = app->dash.fixed_now / 60;
	news_fetch_demo_at(app->news, app->dash.fixed_now);
}
