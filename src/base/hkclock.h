/* hkclock.h - the clock hktop runs on: the system's, or a replay's
 *
 * One clock for the whole process, so that a replay moves everything at
 * once: the header's time, the quotes' ages, the refresh schedule, the
 * headline sources' deadlines and Retry-After pauses. Outside a replay it
 * is the system's clock (HKTOP_NOW fixes the wall time in tests); --demo
 * keeps its market's time in dash.fixed_now instead, with its refreshes
 * on this clock's real seconds (HACKING.md, "The demo", says why). */
#ifndef HKTOP_HKCLOCK_H
#define HKTOP_HKCLOCK_H

#include <stdbool.h>
#include <time.h>

/* Wall clock, milliseconds since 1970 UTC, and seconds. */
long long hkclock_wall_ms(void);
time_t hkclock_wall(void);

/* The clock deadlines are kept in: CLOCK_MONOTONIC's milliseconds, or in
 * a replay the replay's wall clock (it never goes back while playing). */
long long hkclock_mono_ms(void);

/* Run on a replay's clock from at_ms, speed times real time. */
void hkclock_replay(long long at_ms, double speed);
bool hkclock_replaying(void);

/* Stop and go on (a replay's clock only). */
void hkclock_pause(bool paused);
bool hkclock_paused(void);

/* Set a replay's clock to at_ms, paused or running as it was. */
void hkclock_set(long long at_ms);

/* Real milliseconds until the clock shows `ahead` more milliseconds: -1
 * when it never will (paused). Outside a replay, ahead itself. */
long hkclock_real_ms(long long ahead);

#endif
