/* view_detail_news.c - a ticker's own headlines, at the foot of its detail view */
#include "config.h"

#include <stdio.h>

#include "tui/ui.h"
#include "tui/view.h"
#include "base/fmt.h"
#include "model/news_find.h"

#define DETAIL_NEWS_MAX 32

int view_detail_news_height(const struct dash *dash, const struct instrument *in, int room)
{
	size_t idx[DETAIL_NEWS_MAX], n;

	if (!dash->news.list || room < 2)
		return 0;
	n = news_find_for_instrument(dash->news.list, in, idx, DETAIL_NEWS_MAX);
	if (n == 0)
		return 0;
	return (int)n + 1 < room ? (int)n + 1 : room;
}

void view_detail_news_draw(struct dash *dash, WINDOW *w, int y, int height, const struct instrument *in)
{
	size_t idx[DETAIL_NEWS_MAX], n, shown;
	const struct news_list *l;
	char line[64];
	int cols = dash->ui->cols;

	if (!dash->news.list || height < 2)
		return;
	l = dash->news.list;
	n = news_find_for_instrument(l, in, idx, DETAIL_NEWS_MAX);
	shown = n < (size_t)(height - 1) ? n : (size_t)(height - 1);
	snprintf(line, sizeof line, "Headlines (%zu; n shows them all)", n);
	ui_text(w, y++, 1, cols - 1, n ? line : "Headlines: none tagged with this ticker", 0,
		dash->ui->attrs[UI_DIM]);
	for (size_t i = 0; i < shown; i++) {
		const struct headline *h = &l->v[idx[i]];
		char age[24];
		news_find_age_cell(h, dash_now(dash), 4, age, sizeof age);
		ui_text(w, y, 1, 4, age, 1, dash->ui->attrs[UI_DIM]);
		ui_text(w, y, 6, 10, h->source ? h->source : "", 0, dash->ui->attrs[UI_DIM]);
		ui_text(w, y, 16, cols - 16, h->title, 0, A_NORMAL);
		y++;
	}
}
