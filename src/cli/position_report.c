/* position_report.c - positions as text for --once and --portfolio
 *
 * The same figures under the same names everywhere: a position's JSON
 * object is the one --once nests in a quote and --portfolio lists; the
 * CSV columns are the object's keys. A figure the arithmetic could not
 * give (no quote, no rate) is null or empty, with the reason beside it,
 * never 0. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli/position_report.h"

/* The figures of a position, in column order. */
enum pcol {
	PC_QTY, PC_AVG, PC_BASIS, PC_PRICE, PC_VALUE, PC_DAY, PC_DAY_DATE, PC_PNL, PC_PCT,
	PC_CCY, PC_LOTS, PC_BOARD_LOT, PC_ODD, PC_ERROR, PC_COUNT
};

static const char *const pcol_names[PC_COUNT] = {
	"quantity", "avg_cost", "cost_basis", "price", "market_value", "day_pnl", "day_pnl_date",
	"total_pnl", "total_pnl_pct", "currency", "lots", "board_lot", "odd_shares", "error",
};

/* The text of column c of p ("" when it has none). */
static void cell(const struct position *p, enum pcol c, char *buf, size_t len)
{
	buf[0] = '\0';
	switch (c) {
	case PC_QTY:
		snprintf(buf, len, "%lld", p->qty);
		break;
	case PC_AVG:
		num_format(p->avg_cost, buf, len);
		break;
	case PC_BASIS:
		num_format(p->basis, buf, len);
		break;
	case PC_PRICE:
		num_format(p->price, buf, len);
		break;
	case PC_VALUE:
		num_format(p->value, buf, len);
		break;
	case PC_DAY:
		num_format(p->day_pnl, buf, len);
		break;
	case PC_DAY_DATE:
		if (p->valued)
			position_day_text(p->session, buf, len);
		break;
	case PC_PNL:
		num_format(p->pnl, buf, len);
		break;
	case PC_PCT:
		num_format(p->pnl_pct, buf, len);
		break;
	case PC_CCY:
		snprintf(buf, len, "%s", p->currency);
		break;
	case PC_LOTS:
		if (p->lot_size > 0)
			snprintf(buf, len, "%lld", p->board_lots);
		break;
	case PC_BOARD_LOT:
		if (p->lot_size > 0)
			snprintf(buf, len, "%ld", p->lot_size);
		break;
	case PC_ODD:
		if (p->lot_size > 0)
			snprintf(buf, len, "%lld", p->odd);
		break;
	case PC_ERROR:
		if (!p->valued)
			snprintf(buf, len, "%s", p->why);
		break;
	case PC_COUNT:
		break;
	}
}

cJSON *position_report_json(const struct position *p, const char *symbol)
{
	cJSON *o = cJSON_CreateObject();
	char buf[POSITION_ERR_MAX];

	if (!o)
		return NULL;
	if (symbol)
		cJSON_AddItemToObject(o, "symbol", cJSON_CreateString(symbol));
	for (int c = 0; c < PC_COUNT; c++) {
		cJSON *v;

		cell(p, (enum pcol)c, buf, sizeof buf);
		switch (c) {
		case PC_DAY_DATE:
		case PC_CCY:
		case PC_ERROR:
			if (c == PC_ERROR && p->valued)
				continue;
			v = quote_report_json_str(buf);
			break;
		default:
			v = buf[0] ? cJSON_CreateRaw(buf) : cJSON_CreateNull();
			break;
		}
		cJSON_AddItemToObject(o, pcol_names[c], v);
		if (c == PC_DAY_DATE)
			cJSON_AddItemToObject(o, "day_pnl_today",
					      p->valued && p->session >= 0 ? cJSON_CreateBool(p->today)
									  : cJSON_CreateNull());
	}
	return o;
}

void position_report_csv_header(FILE *fp, const char *prefix)
{
	for (int c = 0; c < PC_COUNT; c++)
		fprintf(fp, ",%s%s", prefix, pcol_names[c]);
}

void position_report_csv_row(FILE *fp, const struct position *p)
{
	char buf[POSITION_ERR_MAX];

	for (int c = 0; c < PC_COUNT; c++) {
		buf[0] = '\0';
		if (p)
			cell(p, (enum pcol)c, buf, sizeof buf);
		quote_report_csv(fp, buf, c == PC_ERROR, c == PC_COUNT - 1);
	}
}

/* ---- totals ------------------------------------------------------------ */

static const struct {
	const char *key, *label;
	size_t offset;
} total_rows[] = {
	{ "HKD", "TOTAL HKD", offsetof(struct position_totals, hkd) },
	{ "USD", "TOTAL USD", offsetof(struct position_totals, usd) },
	{ "in_hkd", "ALL IN HKD", offsetof(struct position_totals, in_hkd) },
	{ "in_usd", "ALL IN USD", offsetof(struct position_totals, in_usd) },
};
#define NTOTALS (sizeof total_rows / sizeof total_rows[0])

static const struct position_total *total_at(const struct position_totals *t, size_t i)
{
	return (const struct position_total *)((const char *)t + total_rows[i].offset);
}

static cJSON *json_total(const struct position_total *t)
{
	cJSON *o = cJSON_CreateObject();
	char day[16] = "";

	if (!o)
		return NULL;
	position_day_text(t->session, day, sizeof day);
	cJSON_AddItemToObject(o, "positions", cJSON_CreateNumber((double)t->n));
	cJSON_AddItemToObject(o, "cost_basis", quote_report_json_num(t->basis));
	cJSON_AddItemToObject(o, "market_value", quote_report_json_num(t->value));
	cJSON_AddItemToObject(o, "day_pnl", quote_report_json_num(t->day_pnl));
	cJSON_AddItemToObject(o, "day_pnl_date", quote_report_json_str(t->value.ok ? day : NULL));
	cJSON_AddItemToObject(o, "day_pnl_today",
			      t->value.ok && t->n ? cJSON_CreateBool(t->today) : cJSON_CreateNull());
	cJSON_AddItemToObject(o, "total_pnl", quote_report_json_num(t->pnl));
	cJSON_AddItemToObject(o, "total_pnl_pct", quote_report_json_num(t->pnl_pct));
	cJSON_AddItemToObject(o, "currency", quote_report_json_str(t->currency));
	if (!t->value.ok)
		cJSON_AddItemToObject(o, "error", quote_report_json_str(t->why));
	return o;
}

static void write_json(FILE *fp, const struct position_book *b, const struct position_totals *t)
{
	cJSON *root = cJSON_CreateObject(), *list = cJSON_CreateArray(), *tot = cJSON_CreateObject();
	char *s;

	for (size_t i = 0; i < b->n; i++) {
		cJSON *o = position_report_json(&b->v[i], b->v[i].in.display);

		if (o)
			cJSON_AddItemToArray(list, o);
	}
	for (size_t i = 0; i < NTOTALS; i++)
		cJSON_AddItemToObject(tot, total_rows[i].key, json_total(total_at(t, i)));
	cJSON_AddItemToObject(tot, "usdhkd", quote_report_json_num(t->usdhkd));
	if (t->other) {
		cJSON *out = cJSON_CreateObject();

		cJSON_AddNumberToObject(out, "positions", (double)t->other);
		cJSON_AddStringToObject(out, "currencies", t->other_ccy);
		cJSON_AddItemToObject(tot, "left_out", out);
	}
	cJSON_AddItemToObject(root, "positions", list);
	cJSON_AddItemToObject(root, "totals", tot);
	s = cJSON_Print(root);
	fprintf(fp, "%s\n", s ? s : "null");
	free(s);
	cJSON_Delete(root);
}

static void write_csv(FILE *fp, const struct position_book *b, const struct position_totals *t)
{
	fputs("symbol", fp);
	position_report_csv_header(fp, "");
	fputc('\n', fp);
	for (size_t i = 0; i < b->n; i++) {
		quote_report_csv(fp, b->v[i].in.display, false, false);
		position_report_csv_row(fp, &b->v[i]);
	}
	/* The totals as rows named totals.KEY, in the same columns. */
	for (size_t i = 0; i < NTOTALS; i++) {
		const struct position_total *x = total_at(t, i);
		char v[4][48], day[16] = "";

		num_format(x->basis, v[0], sizeof v[0]);
		num_format(x->value, v[1], sizeof v[1]);
		num_format(x->day_pnl, v[2], sizeof v[2]);
		num_format(x->pnl, v[3], sizeof v[3]);
		if (x->value.ok)
			position_day_text(x->session, day, sizeof day);
		fprintf(fp, "totals.%s,,,%s,,%s,%s,%s,%s,", total_rows[i].key, v[0], v[1], v[2], day,
			v[3]);
		num_format(x->pnl_pct, v[0], sizeof v[0]);
		fprintf(fp, "%s,%s,,,,", v[0], x->currency);
		quote_report_csv(fp, x->value.ok ? "" : x->why, true, true);
	}
	if (t->other) {
		char left[POSITION_ERR_MAX];

		position_left_out_text(t, left, sizeof left);
		fprintf(fp, "totals.left_out,,,,,,,,,,,,,,");
		quote_report_csv(fp, left, true, true);
	}
}

/* What the table says beside a position's figures. */
static void note(const struct position *p, char *buf, size_t len)
{
	char day[16];

	buf[0] = '\0';
	if (!p->valued) {
		snprintf(buf, len, "%s", p->why);
		return;
	}
	if (p->session >= 0 && !p->today) {
		position_day_text(p->session, day, sizeof day);
		snprintf(buf, len, "day P&L of %s", day);
	}
	if (p->odd)
		snprintf(buf + strlen(buf), len - strlen(buf), "%snot a multiple of the board lot (%ld)",
			 buf[0] ? "; " : "", p->lot_size);
}

#define TABLE_ROW "%-10s %10s %11s %10s %14s %12s %14s %8s %-3s %6s  %s\n"

static void write_table(FILE *fp, const struct position_book *b, const struct position_totals *t)
{
	char c[PC_COUNT][POSITION_ERR_MAX], why[POSITION_ERR_MAX + 64], lots[2 * POSITION_ERR_MAX + 2];

	fprintf(fp, TABLE_ROW, "SYMBOL", "QTY", "AVG COST", "PRICE", "VALUE", "DAY P&L", "P&L",
		"P&L%", "CCY", "LOTS", "NOTE");
	for (size_t i = 0; i < b->n; i++) {
		const struct position *p = &b->v[i];

		for (int k = 0; k < PC_COUNT; k++)
			cell(p, (enum pcol)k, c[k], sizeof c[k]);
		snprintf(lots, sizeof lots, "%s%s%s", c[PC_LOTS], p->odd ? "+" : "",
			 p->odd ? c[PC_ODD] : "");
		note(p, why, sizeof why);
		fprintf(fp, TABLE_ROW, p->in.display, c[PC_QTY], c[PC_AVG], c[PC_PRICE], c[PC_VALUE],
			c[PC_DAY], c[PC_PNL], c[PC_PCT], c[PC_CCY], lots, why);
	}
	for (size_t i = 0; i < NTOTALS; i++) {
		const struct position_total *x = total_at(t, i);
		char v[4][48], rate[32], day[64];

		num_format(x->value, v[0], sizeof v[0]);
		num_format(x->day_pnl, v[1], sizeof v[1]);
		num_format(x->pnl, v[2], sizeof v[2]);
		num_format(x->pnl_pct, v[3], sizeof v[3]);
		why[0] = '\0';
		position_total_day_note(x, day, sizeof day);
		if (!x->value.ok) {
			snprintf(why, sizeof why, "%s", x->why);
		} else if (i >= 2) {
			num_format(t->usdhkd, rate, sizeof rate);
			snprintf(why, sizeof why, "at USD/HKD %s%s%s", rate, day[0] ? "; " : "", day);
		} else {
			snprintf(why, sizeof why, "%s", day);
		}
		fprintf(fp, TABLE_ROW, total_rows[i].label, "", "", "", v[0], v[1], v[2], v[3],
			x->currency, "", why);
	}
	position_left_out_text(t, why, sizeof why);
	if (why[0])
		fprintf(fp, "%s (only HKD and USD are added up)\n", why);
}

void position_report_write(FILE *fp, enum report_format fmt, const struct position_book *b,
			   const struct position_totals *t)
{
	switch (fmt) {
	case REPORT_JSON:
		write_json(fp, b, t);
		break;
	case REPORT_CSV:
		write_csv(fp, b, t);
		break;
	case REPORT_TABLE:
		write_table(fp, b, t);
		break;
	}
}
