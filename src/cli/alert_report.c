/* alert_report.c - hktop --check-alerts, for cron: one fetch, the alerts
 * that fire now, printed and recorded so that once and daily hold
 *
 * News rules fetch the headline sources with the quotes; a headline is
 * news when it is younger than news.fresh and newer than the last one its
 * rule fired on (the record). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "app/fetch_config.h"
#include "app/recording.h"
#include "base/hkclock.h"
#include "base/hktime.h"
#include "cli/alert_report.h"
#include "net/http.h"
#include "model/instruments.h"
#include "net/news_fetch.h"
#include "net/quote_fetch.h"

enum { CHECK_OK = 0, CHECK_FAILED = 1, CHECK_USAGE = 2 };

/* On the clock of the name's exchange, as --once prints quote times. */
static void firing_time(const struct alert_event *e, char *buf, size_t len)
{
	enum hktime_zone z = e->in.market == MARKET_US ? HKTIME_US_EASTERN : HKTIME_HK;

	hktime_iso8601(e->f.t, hktime_zone_offset(z, e->f.t), buf, len);
}

void alert_report_write(FILE *fp, enum report_format fmt, const struct alert_file *f,
			const struct alert_event *ev, size_t n)
{
	char key[ALERT_TEXT_MAX], t[40], price[48];

	/* No header over nothing: cron mails any output. */
	if (fmt != REPORT_JSON && n)
		fprintf(fp, "%-25s %-6s %-24s %10s  %s\n", "TIME", "SYMBOL", "RULE", "PRICE",
			"MESSAGE");
	for (size_t i = 0; i < n; i++) {
		const struct alert_event *e = &ev[i];

		alert_rule_key(&f->rules[e->rule], key, sizeof key);
		firing_time(e, t, sizeof t);
		price[0] = '\0';
		num_format(e->f.price, price, sizeof price);
		if (fmt != REPORT_JSON) {
			fprintf(fp, "%-25s %-6s %-24s %10s  %s\n", t, e->in.display, key, price,
				e->text);
			continue;
		}
		{
			cJSON *o = cJSON_CreateObject();
			char *text;

			cJSON_AddItemToObject(o, "time", cJSON_CreateString(t));
			cJSON_AddItemToObject(o, "symbol", cJSON_CreateString(e->in.display));
			cJSON_AddItemToObject(o, "rule", cJSON_CreateString(key));
			cJSON_AddItemToObject(o, "price", price[0] ? cJSON_CreateRaw(price)
								    : cJSON_CreateNull());
			cJSON_AddItemToObject(o, "at_start", cJSON_CreateBool(e->f.at_start));
			cJSON_AddItemToObject(o, "message", cJSON_CreateString(e->text));
			/* One object a line, as --once --format json. */
			text = cJSON_PrintUnformatted(o);
			fprintf(fp, "%s%s%s", i ? ",\n" : "[\n", text ? text : "{}",
				i + 1 == n ? "\n]\n" : "");
			cJSON_free(text);
			cJSON_Delete(o);
		}
	}
	if (fmt == REPORT_JSON && !n)
		fprintf(fp, "[]\n");
}

struct check {
	struct alert_file *f;
	const struct options *o;  /* "*": the names on its watchlist */
	struct alert_event *ev;
	size_t nev, capev;
	time_t now;
	int status;
	bool nomem;
};

static void add_event(struct check *c, const struct alert_event *e)
{
	if (c->nev == c->capev) {
		size_t cap = c->capev ? c->capev * 2 : 16;
		struct alert_event *v = realloc(c->ev, cap * sizeof *v);

		if (!v) {
			c->nomem = true;
			return;
		}
		c->ev = v;
		c->capev = cap;
	}
	c->ev[c->nev++] = *e;
}

static bool listed(const struct options *o, const struct instrument *in)
{
	for (size_t k = 0; k < o->nwatch; k++)
		if (symbol_equal(&o->watchlist[k], in))
			return true;
	return false;
}

static void on_quotes(void *arg, const struct quote_result *res, size_t n)
{
	struct check *c = arg;
	struct alert_event e;

	c->status = CHECK_OK;
	for (size_t i = 0; i < n; i++) {
		bool on_list;

		if (!res[i].ok) {
			fprintf(stderr, "hktop: %s: %s\n", res[i].q.in.display, res[i].err);
			c->status = CHECK_FAILED;
			continue;
		}
		on_list = listed(c->o, &res[i].q.in);
		for (size_t r = 0; r < c->f->n; r++)
			if ((!c->f->rules[r].every || on_list) &&
			    alert_rule_quote(&c->f->rules[r], r, &res[i], c->now, &e))
				add_event(c, &e);
	}
}

/* The headline sources, when there are news rules. */
struct news_check {
	struct instrument_db db;
	struct newsfetch nf;
	bool started;
};

/* Start the headline sources for the news rules' names. CHECK_OK when
 * there is nothing to fetch too. */
static int news_start(const struct options *o, const struct alert_file *f, struct http *h,
		      struct news_check *n)
{
	struct newsfetch_config cfg;
	struct instrument *names = NULL;
	size_t count = 0;
	char err[256];
	bool every = false, ok;

	for (size_t i = 0; i < f->n; i++) {
		if (f->rules[i].kind != ALERT_NEWS)
			continue;
		every = every || f->rules[i].every;
		count++;
	}
	if (!count)
		return CHECK_OK;
	if (!(names = calloc(count + (every ? o->nwatch : 0), sizeof *names)))
		return CHECK_FAILED;
	count = 0;
	for (size_t i = 0; i < f->n; i++)
		if (f->rules[i].kind == ALERT_NEWS && !f->rules[i].every)
			names[count++] = f->rules[i].in;
	if (every)
		memcpy(names + count, o->watchlist, o->nwatch * sizeof *names);
	count += every ? o->nwatch : 0;
	instruments_load_builtin(&n->db);
	fetch_config_news_init(&cfg, o);
	n->started = news_fetch_init(&n->nf, h, &cfg, &n->db, false, 0, err, sizeof err);
	if (!n->started) {
		fprintf(stderr, "hktop: %s\n", err);
		free(names);
		return CHECK_FAILED;
	}
	ok = symbol_dedup(names, &count) && news_feed_set_watch(&n->nf.feed, names, count);
	free(names);
	if (!ok) {
		fprintf(stderr, "hktop: out of memory\n");
		return CHECK_FAILED;
	}
	if (n->nf.feed.nsrc == 0) {
		fprintf(stderr, "hktop: news rules need a headline source (news.sources, news.feeds)\n");
		return CHECK_USAGE;
	}
	news_fetch_start_due(&n->nf, http_mono_ms());
	return CHECK_OK;
}

/* After the fetch: the headlines that are news to each news rule. */
static int news_fire(struct check *c, struct news_check *n)
{
	const struct news_list *l = &n->nf.feed.merged;
	time_t since = c->now - c->o->news_fresh;
	struct alert_event e;
	int status = CHECK_OK;

	if (!n->started)
		return CHECK_OK;
	for (size_t i = 0; i < n->nf.feed.nsrc; i++)
		if (n->nf.feed.src[i].err[0]) {
			fprintf(stderr, "hktop: %s: %s\n", n->nf.feed.src[i].name, n->nf.feed.src[i].err);
			status = CHECK_FAILED;
		}
	for (size_t r = 0; r < c->f->n; r++) {
		struct alert_rule *rule = &c->f->rules[r];

		if (rule->kind != ALERT_NEWS)
			continue;
		/* Oldest first: each firing moves the rule's mark forward. */
		for (size_t k = l->n; k-- > 0;)
			for (size_t t = 0; t < l->v[k].ntags; t++)
				if ((!rule->every || listed(c->o, &l->v[k].tags[t])) &&
				    alert_rule_news(rule, r, &l->v[k], &l->v[k].tags[t], since, &e))
					add_event(c, &e);
	}
	return status;
}

/* The names the rules concern, each once; "*" brings the watchlist. */
static bool wanted(const struct options *o, const struct alert_file *f, struct instrument **out,
		   size_t *n)
{
	struct instrument *v = NULL;
	size_t cap = 0;

	*n = 0;
	for (size_t i = 0; i < f->n; i++) {
		const struct alert_rule *r = &f->rules[i];
		size_t add = r->every ? o->nwatch : 1;

		if (r->kind == ALERT_NEWS)
			continue;
		if (*n + add > cap) {
			struct instrument *g;

			cap = (*n + add) * 2;
			if (!(g = realloc(v, cap * sizeof *g))) {
				free(v);
				return false;
			}
			v = g;
		}
		if (r->every)
			memcpy(v + *n, o->watchlist, add * sizeof *v);
		else
			v[*n] = r->in;
		*n += add;
	}
	*out = v;
	return symbol_dedup(v, n);
}

/* The rules, or CHECK_USAGE with the causes said. */
static int load_rules(const struct options *o, struct alert_file *f)
{
	char err[STATE_MSG_MAX];

	alert_file_path(o->alerts_file, f->path, sizeof f->path);
	if (!alert_file_load(f, err, sizeof err)) {
		fprintf(stderr, "hktop: %s\n", err);
		return CHECK_USAGE;
	}
	for (size_t i = 0; i < f->nbad && i < STATE_BAD_NAMED; i++)
		fprintf(stderr, "hktop: %s\n", f->bad[i]);
	if (f->nbad > STATE_BAD_NAMED)
		fprintf(stderr, "hktop: %s: %zu more bad lines skipped\n", f->path,
			f->nbad - STATE_BAD_NAMED);
	return f->nbad ? CHECK_USAGE : CHECK_OK;
}

int alert_report_check(const struct options *o, enum report_format fmt)
{
	struct alert_file f = { 0 };
	struct check c = { .f = &f, .o = o, .status = CHECK_OK };
	struct news_check news = { 0 };
	struct instrument *in = NULL;
	struct fetch_config fc;
	struct http *h = NULL;
	char err[STATE_MSG_MAX], record[4096];
	size_t nin = 0;
	int rc = load_rules(o, &f);

	if (rc == CHECK_USAGE && !f.n)
		goto out;
	alert_file_record_path(record, sizeof record);
	if (record[0] && !alert_file_restore(&f, record, err, sizeof err)) {
		/* Without the record, once rules would fire again: stop. */
		fprintf(stderr, "hktop: %s\n", err);
		rc = CHECK_FAILED;
		goto out;
	}
	if (!wanted(o, &f, &in, &nin)) {
		fprintf(stderr, "hktop: out of memory\n");
		rc = CHECK_FAILED;
		goto out;
	}
	if (!f.n) {
		fprintf(stderr, "hktop: %s: no alert rules\n", f.path[0] ? f.path : "alerts");
		rc = rc ? rc : CHECK_USAGE;
		goto out;
	}
	if (!(h = http_new(o->user_agent, err, sizeof err)) ||
	    !recording_attach(h, o, true, err, sizeof err)) {
		fprintf(stderr, "hktop: %s\n", err);
		rc = CHECK_FAILED;
		goto out;
	}
	{
		/* The headline sources first: a refusal there starts nothing. */
		int ns = news_start(o, &f, h, &news);

		if (ns != CHECK_OK) {
			rc = rc ? rc : ns;
			goto out;
		}
	}
	fetch_config_init(&fc, o);
	c.now = hkclock_wall(); /* the process's one clock, as the recording's times */
	c.status = nin ? CHECK_FAILED : CHECK_OK; /* until the quotes are in */
	if (nin && !quote_fetch_start(h, &fc, in, nin, on_quotes, &c, err, sizeof err)) {
		fprintf(stderr, "hktop: %s\n", err);
		rc = CHECK_FAILED;
		goto out;
	}
	http_run(h);
	recording_print_notes(h, stderr);
	{
		int ns = news_fire(&c, &news);

		if (c.status == CHECK_OK)
			c.status = ns;
	}
	alert_report_write(stdout, fmt, &f, c.ev, c.nev);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("hktop: stdout");
		c.status = CHECK_FAILED;
	}
	if (c.nomem) {
		fprintf(stderr, "hktop: out of memory\n");
		c.status = CHECK_FAILED;
	}
	if (c.nev && record[0] && !alert_file_record(&f, record, err, sizeof err)) {
		fprintf(stderr, "hktop: %s\n", err);
		c.status = CHECK_FAILED;
	}
	/* A rules file error outranks a failed quote. */
	rc = rc ? rc : c.status;
out:
	if (h) {
		recording_print_notes(h, stderr);
		http_free(h);
	}
	if (news.started)
		news_fetch_done(&news.nf);
	instruments_done(&news.db);
	free(in);
	free(c.ev);
	alert_file_done(&f);
	return rc;
}
