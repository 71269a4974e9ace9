/* alert_report.c - hktop --check-alerts, for cron: one fetch, the alerts
 * that fire now, printed and recorded so that once and daily hold
 *
 * News rules need the headline sources and a stretch of time to tell a
 * new headline from an old one: they are the dashboard's, and skipped
 * here. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "app/fetch_config.h"
#include "base/hktime.h"
#include "cli/alert_report.h"
#include "net/http.h"
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

static void on_quotes(void *arg, const struct quote_result *res, size_t n)
{
	struct check *c = arg;
	struct alert_event e;

	c->status = CHECK_OK;
	for (size_t i = 0; i < n; i++) {
		bool listed = false;

		if (!res[i].ok) {
			fprintf(stderr, "hktop: %s: %s\n", res[i].q.in.display, res[i].err);
			c->status = CHECK_FAILED;
			continue;
		}
		for (size_t k = 0; k < c->o->nwatch && !listed; k++)
			listed = symbol_equal(&c->o->watchlist[k], &res[i].q.in);
		for (size_t r = 0; r < c->f->n; r++) {
			if ((c->f->rules[r].every && !listed) ||
			    !alert_rule_quote(&c->f->rules[r], r, &res[i], c->now, &e))
				continue;
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
			c->ev[c->nev++] = e;
		}
	}
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
	struct check c = { .f = &f, .o = o, .status = CHECK_FAILED };
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
	if (!nin) {
		fprintf(stderr, "hktop: %s: no price rules to check\n", f.path[0] ? f.path : "alerts");
		rc = rc ? rc : CHECK_USAGE;
		goto out;
	}
	if (!(h = http_new(o->user_agent, err, sizeof err))) {
		fprintf(stderr, "hktop: %s\n", err);
		rc = CHECK_FAILED;
		goto out;
	}
	fetch_config_init(&fc, o);
	c.now = time(NULL);
	if (!quote_fetch_start(h, &fc, in, nin, on_quotes, &c, err, sizeof err)) {
		fprintf(stderr, "hktop: %s\n", err);
		rc = CHECK_FAILED;
		goto out;
	}
	http_run(h);
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
	if (h)
		http_free(h);
	free(in);
	free(c.ev);
	alert_file_done(&f);
	return rc;
}
