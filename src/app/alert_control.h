/* alert_control.h - the dashboard's alerts: rules read at start, fed each
 * refresh and new headlines, firings told and recorded */
#ifndef HKTOP_ALERT_CONTROL_H
#define HKTOP_ALERT_CONTROL_H

#include "app/app.h"

/* Read the rules and their firings (complaints to the status line). */
void alert_control_init(struct app *app);

/* Append to the refresh's *v (n entries, the list's first) the names
 * the price rules watch that are not in it, growing *v. False when out of
 * memory (*v is then still the caller's to free). */
bool alert_control_wanted(struct app *app, struct instrument **v, size_t *n);

/* A refresh's results, after the board took them. */
void alert_control_quotes(struct app *app, const struct quote_result *res, size_t n);

/* The headlines changed. */
void alert_control_news(struct app *app);

/* After the screen update: the notifications queued since, and finished
 * commands reaped. The loop calls it once a pass. */
void alert_control_flush(struct app *app);

/* The alerts view wants a rule added, removed or re-armed. */
void alert_control_reconcile(struct app *app);

void alert_control_done(struct app *app);

#endif
