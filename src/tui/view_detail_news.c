/* view_detail_news.c - a ticker's own headlines, at the foot of its detail view */
#include "config.h"

#include <stdio.h>

#include "app/app.h"
#include "base/fmt.h"
#include "model/news_find.h"
#include "net/news_fetch.h"

#define DETAIL_NEWS_MAX 32

int detail_news_height(const struct app *app, const struct instrument *in, int room)
{
	size_t idx[DETAIL_NEWS_MAX], n;

	if (!app->news || room < 2)
		return 0;
	n = news_for_instrument(&app->news->feed.merged, in, idx, DETAIL_NEWS_MAX);
	if (n == 0)
		return 0;
	return (int)n + 1 < room ? (int)n + 1 : room;
}

void detail_news_draw(struct app *app, WINDOW *w, int y, int height, const struct instrument *in)
{
	size_t idx[DETAIL_NEWS_MAX], n, shown;
	const struct news_list *l;
	char line[64];
	int cols = app->ui.cols;

	if (!app->news || height < 2)
		return;
	l = &app->news->feed.merged;
	n = news_for_instrument(l, in, idx, DETAIL_NEWS_MAX);
	shown = n < (size_t)(height - 1) ? n : (size_t)(height - 1);
	snprintf(line, sizeof line, "Headlines (%zu; n shows them all)", n);
	ui_text(w, y++, 1, cols - 1, n ? line : "Headlines: none tagged with this ticker", 0,
		app->ui.attrs[UI_DIM]);
	for (size_t i = 0; i < shown; i++) {
		const struct headline *h = &l->v[idx[i]];
		char age[24];
		news_age_cell(h, app_now(app), 4, age, sizeof age);
		ui_text(w, y, 1, 4, age, 1, app->ui.attrs[UI_DIM]);
		ui_text(w, y, 6, 10, h->source ? h->source : "", 0, app->ui.attrs[UI_DIM]);
		ui_text(w, y, 16, cols - 16, h->title, 0, A_NORMAL);
		y++;
	}
}
