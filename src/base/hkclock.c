/* hkclock.c - the clock hktop runs on: the system's, or a replay's */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "base/hkclock.h"

static struct {
	bool on;           /* a replay's clock */
	bool paused;
	double speed;
	long long at_ms;   /* its time at real_ms */
	long long real_ms; /* CLOCK_MONOTONIC */
} replay;

static long long real_mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static long long replay_now(void)
{
	if (replay.paused)
		return replay.at_ms;
	return replay.at_ms + (long long)((double)(real_mono_ms() - replay.real_ms) * replay.speed);
}

long long hkclock_wall_ms(void)
{
	static int fixed = -1;
	static long long fixed_ms;
	struct timespec ts;

	if (replay.on)
		return replay_now();
	if (fixed < 0) {
		const char *now = getenv("HKTOP_NOW");
		fixed = now && *now;
		fixed_ms = fixed ? strtoll(now, NULL, 10) * 1000 : 0;
	}
	if (fixed)
		return fixed_ms;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

time_t hkclock_wall(void)
{
	long long ms = hkclock_wall_ms();

	return (time_t)(ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000));
}

long long hkclock_mono_ms(void)
{
	return replay.on ? replay_now() : real_mono_ms();
}

void hkclock_replay(long long at_ms, double speed)
{
	replay.on = true;
	replay.paused = false;
	replay.speed = speed > 0 ? speed : 1;
	replay.at_ms = at_ms;
	replay.real_ms = real_mono_ms();
}

bool hkclock_replaying(void)
{
	return replay.on;
}

void hkclock_set(long long at_ms)
{
	replay.at_ms = at_ms;
	replay.real_ms = real_mono_ms();
}

void hkclock_pause(bool paused)
{
	if (!replay.on || paused == replay.paused)
		return;
	hkclock_set(replay_now());
	replay.paused = paused;
}

bool hkclock_paused(void)
{
	return replay.on && replay.paused;
}

long hkclock_real_ms(long long ahead)
{
	double ms;

	if (!replay.on)
		return ahead < 0 ? 0 : ahead > 0x7fffffff ? 0x7fffffff : (long)ahead;
	if (replay.paused)
		return -1;
	ms = ceil((double)(ahead < 0 ? 0 : ahead) / replay.speed);
	return ms > 0x7fffffff ? 0x7fffffff : (long)ms;
}
