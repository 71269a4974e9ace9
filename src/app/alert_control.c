/* alert_control.c - the dashboard's alerts: rules fed every quote refresh
 * and every new headline, firings told (status line, messages view, row
 * mark, bell, notification sequence, alerts.command) and recorded
 *
 * The notification bytes wait for the next screen update and go out after
 * it (alert_control_flush), never between curses' own sequences. The
 * command runs without a shell, detached, on /dev/null, with no
 * descriptor of ours but 0-2 (all of them /dev/null), at most one per rule,
 * reaped in the loop without blocking. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "app/alert_control.h"
#include "base/hktime.h"
#include "base/notify.h"
#include "config/alert_file.h"

extern char **environ;

#define PENDING_MAX 4096

struct alert_control {
	struct alert_file file;
	char record[4096];            /* where firings are kept, or "" */
	pid_t *running;               /* per rule: its command, or 0 */
	size_t nrunning;
	enum notify_kind notify;
	bool tmux;
	char pending[PENDING_MAX];    /* bytes for after the next update */
	size_t npending;
	time_t since;                 /* headlines older than this are not news */
	unsigned nnotified;           /* notifications sent: each its own id */
	/* The price rules of each name, so that a refresh asks only those
	 * (1,000 rules must not cost every quote 1,000 looks): byname finds
	 * a name's list in lists; every holds the "*" rules. Rebuilt when
	 * the rules change. */
	struct symbol_index byname;
	struct rule_list { size_t *v; size_t n, cap; } *lists, every;
	size_t nlists;
};

static bool list_add(struct rule_list *l, size_t rule)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 4, *v = realloc(l->v, cap * sizeof *v);

		if (!v)
			return false;
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = rule;
	return true;
}

static void index_done(struct alert_control *c)
{
	for (size_t i = 0; i < c->nlists; i++)
		free(c->lists[i].v);
	free(c->lists);
	free(c->every.v);
	c->lists = NULL;
	c->every = (struct rule_list){ 0 };
	c->nlists = 0;
	symbol_index_clear(&c->byname);
}

/* Index the price rules by name; false when out of memory (then none is). */
static bool index_rules(struct alert_control *c)
{
	index_done(c);
	if (c->file.n && !(c->lists = calloc(c->file.n, sizeof *c->lists)))
		return false;
	for (size_t r = 0; r < c->file.n; r++) {
		const struct alert_rule *rule = &c->file.rules[r];
		long at;

		if (rule->kind == ALERT_NEWS)
			continue;
		if (rule->every) {
			if (!list_add(&c->every, r))
				goto oom;
			continue;
		}
		if ((at = symbol_index_add(&c->byname, &rule->in, c->nlists)) < 0)
			goto oom;
		if ((size_t)at == c->nlists)
			c->nlists++;
		if (!list_add(&c->lists[at], r))
			goto oom;
	}
	return true;
oom:
	index_done(c);
	return false;
}

/* The rows' marks again, after a rule was removed or re-armed: the names
 * a rule still standing fired for in this run. */
static void remark(struct app *app)
{
	struct alert_control *c = app->alerts;

	symbol_index_clear(&app->dash.alerts.marked);
	for (size_t r = 0; r < c->file.n; r++)
		for (size_t k = 0; k < c->file.rules[r].nw; k++)
			if (c->file.rules[r].w[k].told)
				(void)symbol_index_add(&app->dash.alerts.marked,
						       &c->file.rules[r].w[k].in, 0);
	app->dash.dirty |= REDRAW_ALL;
}

/* The views' copy, after every change of the rules. */
static void publish(struct app *app)
{
	struct alert_control *c = app->alerts;

	app->dash.alerts.rules = c->file.rules;
	app->dash.alerts.n = c->file.n;
	app->dash.alerts.path = c->file.path;
	if (app->dash.alerts.sel >= (long)c->file.n)
		app->dash.alerts.sel = c->file.n ? (long)c->file.n - 1 : 0;
	app->dash.dirty |= REDRAW_BODY;
}

/* After the rules changed: the index again, and one running slot per
 * rule. */
static bool rules_changed(struct alert_control *c)
{
	if (!index_rules(c))
		return false;
	if (c->nrunning < c->file.n) {
		pid_t *v = realloc(c->running, c->file.n * sizeof *v);

		if (!v)
			return false;
		memset(v + c->nrunning, 0, (c->file.n - c->nrunning) * sizeof *v);
		c->running = v;
		c->nrunning = c->file.n;
	}
	return true;
}

static const char *env(const char *name)
{
	return getenv(name);
}

void alert_control_init(struct app *app)
{
	struct alert_control *c = calloc(1, sizeof *c);
	const char *tmux = getenv("TMUX");
	char err[STATE_MSG_MAX];

	app->dash.alerts.want_remove = app->dash.alerts.want_rearm = -1;
	if (!(app->alerts = c)) {
		dash_report(&app->dash, MSG_ALERT, MSG_ERROR, "alerts: out of memory");
		return;
	}
	c->since = dash_now(&app->dash);
	c->tmux = tmux && tmux[0];
	c->notify = notify_choose((enum notify_kind)app->o->alerts_notify, env);
	alert_file_path(app->o->alerts_file, c->file.path, sizeof c->file.path);
	if (!alert_file_load(&c->file, err, sizeof err)) {
		dash_report(&app->dash, MSG_CONFIG, MSG_ERROR, "alerts: %s", err);
	} else {
		for (size_t i = 0; i < c->file.nbad && i < STATE_BAD_NAMED; i++)
			dash_report(&app->dash, MSG_CONFIG, MSG_ERROR, "%s", c->file.bad[i]);
		if (c->file.nbad > STATE_BAD_NAMED)
			dash_report(&app->dash, MSG_CONFIG, MSG_ERROR, "%s: %zu more bad lines skipped",
				    c->file.path, c->file.nbad - STATE_BAD_NAMED);
	}
	alert_file_record_path(c->record, sizeof c->record);
	if (c->record[0] && c->file.n && !alert_file_restore(&c->file, c->record, err, sizeof err))
		dash_report(&app->dash, MSG_STATE, MSG_ERROR, "alerts: %s", err);
	if (!rules_changed(c))
		dash_report(&app->dash, MSG_ALERT, MSG_ERROR, "alerts: out of memory");
	publish(app);
}

/* Queue bytes for after the next update; a full queue drops them (the
 * status line and the messages view still have the alert). */
static void queue(struct alert_control *c, const char *s, size_t len)
{
	if (len <= sizeof c->pending - c->npending) {
		memcpy(c->pending + c->npending, s, len);
		c->npending += len;
	}
}

/* alerts.command, detached: no shell, no descriptor but 0-2 on /dev/null,
 * HKTOP_ALERT_* in its environment. */
static pid_t spawn(const char *prog, const struct alert_file *f, const struct alert_event *e)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	sigset_t none, dfl;
	char rule[ALERT_TEXT_MAX], price[48] = "", when[40], *argv[3], **envp;
	char prog_copy[1024], text[ALERT_TEXT_MAX], v_sym[64], v_rule[ALERT_TEXT_MAX + 32], v_price[80], v_time[64];
	size_t n = 0;
	pid_t pid = -1;
	int rc;

	alert_rule_key(&f->rules[e->rule], rule, sizeof rule);
	num_format(e->f.price, price, sizeof price);
	hktime_iso8601(e->f.t, hktime_zone_offset(HKTIME_HK, e->f.t), when, sizeof when);
	snprintf(v_sym, sizeof v_sym, "HKTOP_ALERT_SYMBOL=%s", e->in.display);
	snprintf(v_rule, sizeof v_rule, "HKTOP_ALERT_RULE=%s", rule);
	snprintf(v_price, sizeof v_price, "HKTOP_ALERT_PRICE=%s", price);
	snprintf(v_time, sizeof v_time, "HKTOP_ALERT_TIME=%s", when);
	while (environ[n])
		n++;
	if (!(envp = calloc(n + 5, sizeof *envp)))
		return -1;
	n = 0;
	for (char **p = environ; *p; p++)
		if (strncmp(*p, "HKTOP_ALERT_", 12) != 0)
			envp[n++] = *p;
	envp[n++] = v_sym;
	envp[n++] = v_rule;
	envp[n++] = v_price;
	envp[n++] = v_time;
	snprintf(prog_copy, sizeof prog_copy, "%s", prog);
	snprintf(text, sizeof text, "%s", e->text);
	argv[0] = prog_copy;
	argv[1] = text;
	argv[2] = NULL;
	sigemptyset(&none);
	sigemptyset(&dfl);
	sigaddset(&dfl, SIGPIPE);
	sigaddset(&dfl, SIGINT);
	sigaddset(&dfl, SIGTERM);
	sigaddset(&dfl, SIGHUP);
	sigaddset(&dfl, SIGWINCH);
	posix_spawn_file_actions_init(&fa);
	posix_spawnattr_init(&at);
	/* Its own session: no ^C or hang-up of our terminal reaches it. */
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK |
				 POSIX_SPAWN_SETSIGDEF);
	posix_spawnattr_setsigmask(&at, &none);
	posix_spawnattr_setsigdefault(&at, &dfl);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, 1, 2);
	/* Sockets and pipes of ours that are not close-on-exec stay here. */
	posix_spawn_file_actions_addclosefrom_np(&fa, 3);
	rc = posix_spawnp(&pid, prog, &fa, &at, argv, envp);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	free(envp);
	errno = rc;
	return rc ? -1 : pid;
}

/* Tell one firing every way there is. */
static void deliver(struct app *app, const struct alert_event *e)
{
	struct alert_control *c = app->alerts;
	char seq[4 * NOTIFY_TEXT_MAX + 64];
	size_t n;

	dash_report(&app->dash, MSG_ALERT, MSG_WARN, "Alert: %s", e->text);
	(void)symbol_index_add(&app->dash.alerts.marked, &e->in, 0);
	if (c->notify != NOTIFY_NONE)
		queue(c, "\a", 1);
	if (c->notify != NOTIFY_BELL && c->notify != NOTIFY_NONE &&
	    (n = notify_format(c->notify, c->tmux, ++c->nnotified, "hktop", e->text, seq,
			       sizeof seq)))
		queue(c, seq, n);
	if (app->o->alerts_command[0] && e->rule < c->nrunning) {
		pid_t *slot = &c->running[e->rule];

		/* Still running for this rule: not a second one. (Said nowhere:
		 * a "*" rule would fill the status line with it.) */
		if (*slot > 0)
			;
		else if ((*slot = spawn(app->o->alerts_command, &c->file, e)) < 0) {
			*slot = 0;
			dash_report(&app->dash, MSG_ALERT, MSG_ERROR, "alerts.command %s: %s",
				    app->o->alerts_command, strerror(errno));
		}
	}
	app->dash.dirty |= REDRAW_ALL;
}

static void record(struct app *app)
{
	struct alert_control *c = app->alerts;
	char err[STATE_MSG_MAX];

	if (c->record[0] && !alert_file_record(&c->file, c->record, err, sizeof err))
		dash_report(&app->dash, MSG_STATE, MSG_ERROR, "alerts: %s", err);
}

bool alert_control_wanted(struct app *app, struct instrument **v, size_t *n)
{
	struct alert_control *c = app->alerts;
	size_t listed = *n;
	struct instrument *grown;

	if (!c || !c->nlists)
		return true;
	if (!(grown = realloc(*v, (*n + c->nlists) * sizeof *grown)))
		return false;
	*v = grown;
	for (size_t i = 0; i < c->nlists; i++)
		refresh_want(app, grown, listed, n, &c->file.rules[c->lists[i].v[0]].in);
	return true;
}

/* Feed one quote to the rules of list l. */
static bool feed(struct app *app, const struct rule_list *l, const struct quote_result *res)
{
	struct alert_control *c = app->alerts;
	struct alert_event e;
	bool fired = false;

	for (size_t k = 0; k < l->n; k++)
		if (alert_rule_quote(&c->file.rules[l->v[k]], l->v[k], res, dash_now(&app->dash), &e)) {
			deliver(app, &e);
			fired = true;
		}
	return fired;
}

void alert_control_quotes(struct app *app, const struct quote_result *res, size_t n)
{
	struct alert_control *c = app->alerts;
	bool fired = false;

	if (!c || !c->file.n)
		return;
	for (size_t i = 0; i < n; i++) {
		long at = symbol_index_find(&c->byname, &res[i].q.in);

		if (at >= 0)
			fired |= feed(app, &c->lists[at], &res[i]);
		/* "*": the names on the list, not the header's indexes. */
		if (c->every.n && board_find(&app->dash.board, &res[i].q.in) >= 0)
			fired |= feed(app, &c->every, &res[i]);
	}
	if (fired)
		record(app);
}

void alert_control_news(struct app *app)
{
	struct alert_control *c = app->alerts;
	const struct news_list *l = app->dash.news.list;
	struct alert_event e;
	bool fired = false;

	if (!c || !l)
		return;
	for (size_t r = 0; r < c->file.n; r++) {
		struct alert_rule *rule = &c->file.rules[r];

		if (rule->kind != ALERT_NEWS)
			continue;
		/* Oldest first, so that each rule's last firing moves forward. */
		for (size_t k = l->n; k-- > 0;)
			for (size_t t = 0; t < l->v[k].ntags; t++) {
				const struct instrument *in = &l->v[k].tags[t];

				if ((!rule->every || board_find(&app->dash.board, in) >= 0) &&
				    alert_rule_news(rule, r, &l->v[k], in, c->since, &e)) {
					deliver(app, &e);
					fired = true;
				}
			}
	}
	if (fired)
		record(app);
}

void alert_control_flush(struct app *app)
{
	struct alert_control *c = app->alerts;

	if (!c)
		return;
	if (c->npending) {
		ui_notify(&app->ui, c->pending, c->npending);
		c->npending = 0;
	}
	/* Reap finished commands: their rules may run theirs again. */
	for (size_t i = 0; i < c->nrunning; i++)
		if (c->running[i] > 0 && waitpid(c->running[i], NULL, WNOHANG) != 0)
			c->running[i] = 0;
}

void alert_control_reconcile(struct app *app)
{
	struct alert_control *c = app->alerts;
	struct dash_alerts *a = &app->dash.alerts;
	char err[STATE_MSG_MAX];

	if (!c)
		return;
	if (a->want_add) {
		a->want_add = false;
		if (!alert_file_add(&c->file, a->prompt.buf, err, sizeof err) || !rules_changed(c))
			dash_status(&app->dash, true, "Alert not added: %s", err);
		else
			dash_status(&app->dash, false, "Alert added: %s", a->prompt.buf);
		a->sel = c->file.n ? (long)c->file.n - 1 : 0;
	}
	if (a->want_remove >= 0 && (size_t)a->want_remove < c->file.n) {
		size_t i = (size_t)a->want_remove;
		pid_t run = i < c->nrunning ? c->running[i] : 0;

		if (!alert_file_remove(&c->file, i, err, sizeof err)) {
			dash_status(&app->dash, true, "Alert not removed: %s", err);
		} else {
			/* A command still running stays ours to reap: on the last slot. */
			memmove(&c->running[i], &c->running[i + 1],
				(c->nrunning - i - 1) * sizeof *c->running);
			c->running[c->nrunning - 1] = run;
			if (!rules_changed(c))
				dash_report(&app->dash, MSG_ALERT, MSG_ERROR, "alerts: out of memory");
			dash_status(&app->dash, false, "Alert removed");
			record(app);
			remark(app);
		}
	}
	if (a->want_rearm >= 0 && (size_t)a->want_rearm < c->file.n) {
		alert_rule_rearm(&c->file.rules[a->want_rearm]);
		dash_status(&app->dash, false, "Alert re-armed");
		record(app);
		remark(app);
	}
	a->want_remove = a->want_rearm = -1;
	publish(app);
}

void alert_control_done(struct app *app)
{
	struct alert_control *c = app->alerts;

	symbol_index_done(&app->dash.alerts.marked);
	if (!c)
		return;
	alert_file_done(&c->file);
	index_done(c);
	symbol_index_done(&c->byname);
	free(c->running);
	free(c);
	app->alerts = NULL;
}
