/* news_report.c - hktop --news output; text was sanitised when parsed */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "app/fetch_config.h"
#include "app/recording.h"
#include "base/hktime.h"
#include "cli/news_report.h"
#include "feeds/news_feed.h"
#include "model/instruments.h"
#include "net/http.h"
#include "net/news_fetch.h"
#include "model/news_find.h"
#include "base/text.h"

bool news_report_wanted(const struct headline *h, const struct instrument *in, size_t n)
{
	if (n == 0)
		return true;
	for (size_t i = 0; i < n; i++)
		if (news_find_tagged_with(h, &in[i]))
			return true;
	return false;
}

void news_report_tags(const struct headline *h, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t t = 0; t < h->ntags && used < len; t++)
		used += (size_t)snprintf(buf + used, len - used, "%s%s", t ? "," : "",
					 h->tags[t].display);
}

static void iso_time(time_t t, char *buf, size_t len)
{
	buf[0] = '\0';
	if (t)
		hktime_iso8601(t, HKT_OFFSET, buf, len);
}

static cJSON *json_str(const char *s)
{
	return s && *s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static cJSON *json_item(const struct headline *h)
{
	cJSON *o = cJSON_CreateObject(), *tags;
	char t[40];

	if (!o)
		return NULL;
	iso_time(h->time, t, sizeof t);
	cJSON_AddItemToObject(o, "title", json_str(h->title));
	cJSON_AddItemToObject(o, "source", json_str(h->source));
	cJSON_AddItemToObject(o, "publisher", json_str(h->publisher));
	cJSON_AddItemToObject(o, "url", json_str(h->link));
	cJSON_AddItemToObject(o, "time", json_str(t));
	if (h->dated) { /* time is when it was first seen: the feed's own date was ahead */
		iso_time(h->dated, t, sizeof t);
		cJSON_AddItemToObject(o, "dated", json_str(t));
	}
	if ((tags = cJSON_AddArrayToObject(o, "symbols")))
		for (size_t i = 0; i < h->ntags; i++)
			cJSON_AddItemToArray(tags, cJSON_CreateString(h->tags[i].display));
	return o;
}

static void write_json(FILE *fp, const struct news_list *l, const struct instrument *in,
		       size_t n)
{
	size_t out = 0;

	fputs("[", fp);
	for (size_t k = 0; k < l->n; k++) {
		cJSON *o;
		char *s;
		if (!news_report_wanted(&l->v[k], in, n))
			continue;
		o = json_item(&l->v[k]);
		s = o ? cJSON_PrintUnformatted(o) : NULL;
		fprintf(fp, "%s\n%s", out++ ? "," : "", s ? s : "null");
		free(s);
		cJSON_Delete(o);
	}
	fputs("\n]\n", fp);
}

static void write_table(FILE *fp, const struct news_list *l, const struct instrument *in,
			size_t n)
{
	int tagw = 7;
	char tags[NEWS_TAGS_MAX * (SYMBOL_MAX + 1)], t[40];

	for (size_t k = 0; k < l->n; k++)
		if (news_report_wanted(&l->v[k], in, n)) {
			news_report_tags(&l->v[k], tags, sizeof tags);
			if ((int)strlen(tags) > tagw)
				tagw = (int)strlen(tags);
		}
	fprintf(fp, "%-25s  %-10s %-*s %s\n", "TIME", "SOURCE", tagw, "SYMBOLS", "TITLE");
	for (size_t k = 0; k < l->n; k++) {
		const struct headline *h = &l->v[k];
		if (!news_report_wanted(h, in, n))
			continue;
		news_report_tags(h, tags, sizeof tags);
		iso_time(h->time, t, sizeof t);
		fprintf(fp, "%-25s  %-10s %-*s %s\n", t[0] ? t : "-", h->source ? h->source : "-",
			tagw, tags[0] ? tags : "-", h->title);
		if (h->link)
			fprintf(fp, "  %s\n", h->link);
	}
}

void news_report_write(FILE *fp, enum report_format fmt, const struct news_list *l,
		       const struct instrument *in, size_t n)
{
	if (fmt == REPORT_JSON)
		write_json(fp, l, in, n);
	else
		write_table(fp, l, in, n);
}

int news_report_print(const struct options *o, enum report_format fmt,
		    const struct instrument *only, size_t nonly)
{
	struct instrument_db db;
	struct newsfetch_config c;
	struct newsfetch nf;
	struct http *h;
	char err[256];
	int rc = 0;

	if (!(h = http_new(o->user_agent, err, sizeof err)) ||
	    !recording_attach(h, o, true, err, sizeof err)) {
		fprintf(stderr, "hktop: %s\n", err);
		http_free(h);
		return 1;
	}
	memset(&db, 0, sizeof db);
	instruments_load_builtin(&db);
	fetch_config_news_init(&c, o);
	if (!news_fetch_init(&nf, h, &c, &db, false, 0, err, sizeof err)) {
		fprintf(stderr, "hktop: %s\n", err);
		rc = 1;
	} else if (nf.feed.nsrc == 0) {
		fprintf(stderr, "hktop: no headline sources (news.sources = none, news.feeds empty)\n");
		rc = 2;
	} else if (!news_feed_set_watch(&nf.feed, o->watchlist, o->nwatch)) {
		fprintf(stderr, "hktop: out of memory\n");
		rc = 1;
	} else {
		news_fetch_start_due(&nf, http_mono_ms());
		http_run(h);
		news_report_write(stdout, fmt, &nf.feed.merged, only, nonly);
		fflush(stdout); /* the report first, then the causes */
		for (size_t i = 0; i < nf.feed.nsrc; i++)
			if (nf.feed.src[i].err[0]) {
				fprintf(stderr, "hktop: %s: %s\n", nf.feed.src[i].name,
					nf.feed.src[i].err);
				rc = 1;
			}
	}
	recording_print_notes(h, stderr);
	http_free(h);
	news_fetch_done(&nf);
	instruments_done(&db);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("hktop: stdout");
		rc = 1;
	}
	return rc;
}
