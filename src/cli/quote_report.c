/* quote_report.c - --once output; every figure exactly as its source gave it */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "base/hktime.h"
#include "cli/position_report.h"
#include "cli/quote_report.h"
#include "feeds/quote_check.h"
#include "base/text.h"

bool quote_report_format_parse(const char *s, enum report_format *out)
{
	static const char *const names[] = { "table", "json", "csv" };

	for (int i = 0; i < 3; i++)
		if (strcmp(s, names[i]) == 0) {
			*out = (enum report_format)i;
			return true;
		}
	return false;
}

/* The figures of --format json/csv, in their column order. */
static const struct column {
	const char *key;
	enum quote_field field;
} figure_columns[] = {
	{ "price", QF_PRICE }, { "prev_close", QF_PREV_CLOSE }, { "open", QF_OPEN },
	{ "high", QF_HIGH }, { "low", QF_LOW }, { "change", QF_CHANGE },
	{ "change_pct", QF_CHANGE_PCT }, { "volume", QF_VOLUME }, { "turnover", QF_TURNOVER },
	{ "market_cap", QF_MARKET_CAP },
};
#define NFIG (sizeof figure_columns / sizeof figure_columns[0])

/* market_cap is promised in HKD; a USD figure would be a wrong number.
 * (turnover is in the quote's currency, which the report gives.) */
static struct num figure(const struct quote *q, enum quote_field f)
{
	return f == QF_MARKET_CAP ? quote_hkd_figure(q, f) : q->f[f];
}

static void iso_time(const struct quote *q, char *buf, size_t len)
{
	buf[0] = '\0';
	if (q->time)
		hktime_iso8601(q->time, q->utc_offset, buf, len);
}

static cJSON *json_num(struct num n)
{
	char buf[64];

	if (!n.ok)
		return cJSON_CreateNull();
	num_format(n, buf, sizeof buf);
	return cJSON_CreateRaw(buf);
}

static cJSON *json_str(const char *s)
{
	return s && *s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static cJSON *json_row(const struct quote_result *r, const struct position_book *held)
{
	const struct position *p = held ? position_book_find(held, &r->q.in) : NULL;
	const struct quote *q = &r->q;
	cJSON *o = cJSON_CreateObject();
	char t[40];

	if (!o)
		return NULL;
	cJSON_AddItemToObject(o, "symbol", json_str(q->in.display));
	cJSON_AddItemToObject(o, "name", json_str(r->ok ? q->name : NULL));
	cJSON_AddItemToObject(o, "name_en", json_str(r->ok ? q->name_en : NULL));
	for (size_t i = 0; i < NFIG; i++) {
		struct num none = { 0, 0, false };
		cJSON_AddItemToObject(o, figure_columns[i].key,
				      json_num(r->ok ? figure(q, figure_columns[i].field) : none));
	}
	if (r->ok && q->lot_size > 0)
		cJSON_AddItemToObject(o, "lot_size", cJSON_CreateNumber((double)q->lot_size));
	else
		cJSON_AddItemToObject(o, "lot_size", cJSON_CreateNull());
	cJSON_AddItemToObject(o, "currency", json_str(r->ok ? q->currency : NULL));
	iso_time(q, t, sizeof t);
	cJSON_AddItemToObject(o, "time", json_str(r->ok ? t : NULL));
	cJSON_AddItemToObject(o, "source", json_str(r->ok ? q->source : NULL));
	if (!r->ok)
		cJSON_AddItemToObject(o, "error", json_str(r->err[0] ? r->err : "no data"));
	if (p)
		cJSON_AddItemToObject(o, "position", position_report_json(p, NULL));
	return o;
}

static void write_json(FILE *fp, const struct quote_result *res, size_t n,
		       const struct position_book *held)
{
	fputs("[", fp);
	for (size_t i = 0; i < n; i++) {
		cJSON *o = json_row(&res[i], held);
		char *s = o ? cJSON_PrintUnformatted(o) : NULL;
		fprintf(fp, "%s\n%s", i ? "," : "", s ? s : "null");
		free(s);
		cJSON_Delete(o);
	}
	fputs("\n]\n", fp);
}

/* RFC 4180 quoting. Text from the network that a spreadsheet would run as
 * a formula (= + - @ first) is written with a leading ' (OWASP's advice
 * on CSV injection); figures are never text and keep their sign. */
static void csv_write(FILE *fp, const char *s, bool text, bool last)
{
	bool formula = text && strchr("=+-@\t\r", s[0]) && s[0];

	if (strpbrk(s, ",\"\n\r")) {
		fputc('"', fp);
		if (formula)
			fputc('\'', fp);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', fp);
			fputc(*s, fp);
		}
		fputc('"', fp);
	} else {
		if (formula)
			fputc('\'', fp);
		fputs(s, fp);
	}
	fputc(last ? '\n' : ',', fp);
}

static void csv_field(FILE *fp, const char *s, bool last)
{
	csv_write(fp, s, false, last);
}

static void csv_text(FILE *fp, const char *s, bool last)
{
	csv_write(fp, s, true, last);
}

static void write_csv(FILE *fp, const struct quote_result *res, size_t n,
		      const struct position_book *held)
{
	bool pos = held && held->n;

	fputs("symbol,name,name_en", fp);
	for (size_t i = 0; i < NFIG; i++)
		fprintf(fp, ",%s", figure_columns[i].key);
	fputs(",lot_size,currency,time,source,error", fp);
	if (pos)
		position_report_csv_header(fp, "position_");
	fputc('\n', fp);
	for (size_t i = 0; i < n; i++) {
		const struct quote *q = &res[i].q;
		bool ok = res[i].ok;
		char buf[64];

		csv_field(fp, q->in.display, false);
		csv_text(fp, ok ? q->name : "", false);
		csv_text(fp, ok ? q->name_en : "", false);
		for (size_t c = 0; c < NFIG; c++) {
			buf[0] = '\0';
			if (ok)
				num_format(figure(q, figure_columns[c].field), buf, sizeof buf);
			csv_field(fp, buf, false);
		}
		buf[0] = '\0';
		if (ok && q->lot_size > 0)
			snprintf(buf, sizeof buf, "%ld", q->lot_size);
		csv_field(fp, buf, false);
		csv_field(fp, ok ? q->currency : "", false);
		iso_time(q, buf, sizeof buf);
		csv_field(fp, ok ? buf : "", false);
		csv_field(fp, ok ? q->source : "", false);
		csv_text(fp, ok ? "" : res[i].err, !pos);
		if (pos)
			position_report_csv_row(fp, position_book_find(held, &q->in));
	}
}

/* Left-align s in cols display columns (CJK names are two columns a glyph). */
static void pad(FILE *fp, const char *s, int cols)
{
	int used;
	size_t n = text_fit(s, cols, &used);

	fwrite(s, 1, n, fp);
	for (; used < cols; used++)
		fputc(' ', fp);
}

static void write_table(FILE *fp, const struct quote_result *res, size_t n, bool zh)
{
	int namew = 4;

	for (size_t i = 0; i < n; i++)
		if (res[i].ok) {
			const char *nm = zh ? res[i].q.name : res[i].q.name_en;
			int w = text_width(nm);
			if (w > namew)
				namew = w < 24 ? w : 24;
		}
	fprintf(fp, "%-7s ", "SYMBOL");
	pad(fp, "NAME", namew);
	fprintf(fp, " %12s %10s %8s %16s  %-25s %s\n", "LAST", "CHANGE", "CHG%", "VOLUME",
		"TIME", "SOURCE");
	for (size_t i = 0; i < n; i++) {
		const struct quote *q = &res[i].q;
		char last[32], chg[32], pct[32], vol[40], t[40];

		fprintf(fp, "%-7s ", q->in.display);
		if (!res[i].ok) {
			fprintf(fp, "error: %s\n", res[i].err);
			continue;
		}
		pad(fp, zh ? q->name : q->name_en, namew);
		num_format(q->f[QF_PRICE], last, sizeof last);
		num_format(q->f[QF_CHANGE], chg, sizeof chg);
		num_format(q->f[QF_CHANGE_PCT], pct, sizeof pct);
		num_format(q->f[QF_VOLUME], vol, sizeof vol);
		iso_time(q, t, sizeof t);
		fprintf(fp, " %12s %10s %8s %16s  %-25s %s\n", last, chg, pct, vol, t, q->source);
	}
}

void quote_report_write(FILE *fp, enum report_format fmt, const struct quote_result *res,
		  size_t n, bool zh)
{
	quote_report_write_held(fp, fmt, res, n, zh, NULL);
}

void quote_report_write_held(FILE *fp, enum report_format fmt, const struct quote_result *res,
			     size_t n, bool zh, const struct position_book *held)
{
	switch (fmt) {
	case REPORT_JSON:
		write_json(fp, res, n, held);
		break;
	case REPORT_CSV:
		write_csv(fp, res, n, held);
		break;
	case REPORT_TABLE:
		write_table(fp, res, n, zh);
		break;
	}
}

cJSON *quote_report_json_num(struct num n)
{
	return json_num(n);
}

cJSON *quote_report_json_str(const char *s)
{
	return json_str(s);
}

void quote_report_csv(FILE *fp, const char *s, bool text, bool last)
{
	csv_write(fp, s, text, last);
}
