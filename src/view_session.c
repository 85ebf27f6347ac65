/*
 * The session: the agenda with its timeboxes and a countdown that says when a phase runs over,
 * the participants with their roles and how many threats each raised (the wrap-up tally), the
 * parking lot and the notes. `>` starts the agenda (and each next phase).
 */
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "draw.h"
#include "util.h"
#include "ui.h"
#include "xalloc.h"

struct session_view {
	struct view base;
};

static struct view *create(void)
{
	return xcalloc(1, sizeof(struct session_view));
}

static void destroy(struct view *v)
{
	free(v);
}

static int handle(struct view *v, struct ui_ctx *ctx, const struct request *req)
{
	return 0; /* every key here is a global one: >, +, !, N, s */
}

static int draw_agenda(struct ui_ctx *ctx, const struct session *s, int y, int x, int width)
{
	time_t now = clock_now();
	size_t i;

	draw_text(y, x, width, "Agenda", UC_HEADING);
	for (i = 0; i < s->nphases; i++) {
		const struct phase *p = &s->phases[i];
		struct sbuf sb = SBUF_INIT;
		bool running = p->started && !p->ended;
		long left = phase_remaining(p, now);
		enum ui_color c = running ? (left < 0 ? UC_CRITICAL : UC_TITLE) : UC_NORMAL;
		sbuf_addf(&sb, "%s %-11s %3d min  ",
			  running    ? "▶"
			  : p->ended ? "✓"
				     : "·",
			  p->name, p->timebox_min);
		if (running) {
			draw_clock(&sb, left);
			sbuf_addstr(&sb, left < 0 ? " OVER" : " left");
		} else if (p->ended) {
			sbuf_addstr(&sb, "done");
		}
		draw_text(y + 1 + (int)i, x, width, sb.buf, c);
		sbuf_release(&sb);
	}
	return (int)s->nphases + 1;
}

/* The running phase's clock in large type, with the warning in words when it runs over. */
static void draw_countdown(struct ui_ctx *ctx, int y, int x, int width)
{
	const struct phase *p = ui_phase(ctx);
	struct sbuf sb = SBUF_INIT;
	long left;

	if (!p)
		return;
	left = phase_remaining(p, clock_now());
	sbuf_addf(&sb, "%s   ", p->name);
	draw_clock(&sb, left);
	if (left < 0)
		sbuf_addf(&sb, "   OVER its %d minutes: wrap up or > moves on", p->timebox_min);
	else
		sbuf_addf(&sb, " left of %d minutes", p->timebox_min);
	draw_text(y, x, width, sb.buf, left < 0 ? UC_CRITICAL : UC_TITLE);
	sbuf_release(&sb);
}

static void draw_people(struct ui_ctx *ctx, int y, int x, int width, int rows)
{
	const struct model *m = ctx->app->model;
	const struct participant_tally *tally = ui_index(ctx)->tally;
	size_t i;

	draw_textf(y, x, width, UC_HEADING, "Participants (%zu) and threats raised",
		   m->nparticipants);
	if (m->nparticipants == 0)
		draw_text(y + 1, x, width, "nobody yet: + adds a participant", UC_WARN);
	for (i = 0; i < m->nparticipants && (int)i < rows - 1; i++) {
		const struct participant *p = m->participants[i];
		bool speaking = str_eq(p->name, ctx->app->speaker);
		draw_textf(y + 1 + (int)i, x, width, speaking ? UC_TITLE : UC_NORMAL,
			   "%s %-14s %-14s %3d", speaking ? "▶" : " ", p->name,
			   p->role ? p->role : "", tally[i].raised);
	}
}

static void draw_parking(struct ui_ctx *ctx, int y, int x, int width, int rows)
{
	const struct model *m = ctx->app->model;
	int shown = 0, open = 0;
	size_t i;

	for (i = 0; i < m->nitems; i++)
		open += m->items[i]->kind == ITEM_PARKING && !m->items[i]->closed;
	draw_textf(y, x, width, UC_HEADING, "Parking lot (%d)", open);
	if (open == 0)
		draw_text(y + 1, x, width, "empty: ! parks a topic for later", UC_DIM);
	for (i = 0; i < m->nitems && shown < rows - 1; i++) {
		const struct open_item *it = m->items[i];
		if (it->kind != ITEM_PARKING || it->closed)
			continue;
		draw_textf(y + 1 + shown++, x, width, UC_NORMAL, "%s  %s%s%s%s", it->id, it->text,
			   it->owner ? " (" : "", it->owner ? it->owner : "", it->owner ? ")" : "");
	}
}

static void draw_notes(const struct session *s, int y, int x, int width, int rows)
{
	draw_text(y, x, width, "Notes", UC_HEADING);
	if (!s || str_empty(s->notes))
		draw_text(y + 1, x, width, "none yet: N adds a line", UC_DIM);
	else
		draw_wrap(y + 1, x, width, rows - 1, s->notes, UC_NORMAL);
}

static void draw(struct view *v, struct ui_ctx *ctx, const struct rect *a)
{
	const struct session *s = ui_session(ctx);
	int half = a->w / 2, y = a->y, used = 5;

	if (!s) {
		draw_text(y, a->x + 2, a->w - 4, "No session is running.", UC_TITLE);
		draw_text(
		    y + 1, a->x + 2, a->w - 4,
		    "> starts the agenda: context 10, walk 35, prioritise 10, wrap-up 5 minutes",
		    UC_NORMAL);
	} else {
		draw_textf(y, a->x + 2, a->w - 4, UC_TITLE, "Session %ld, %s%s%s", s->number,
			   s->mode ? s->mode : "workshop",
			   s->facilitator ? ", facilitated by " : "",
			   s->facilitator ? s->facilitator : "");
		draw_countdown(ctx, y + 1, a->x + 2, a->w - 4);
		used = draw_agenda(ctx, s, y + 3, a->x + 2, half - 4) + 3;
	}
	draw_people(ctx, y + 3, a->x + half, a->w - half - 2, used);
	y += used + 1;
	draw_parking(ctx, y, a->x + 2, half - 4, a->y + a->h - y);
	draw_notes(s, y, a->x + half, a->w - half - 2, a->y + a->h - y);
}

static const struct hint hints[] = {
    {ACT_NEXT_PHASE, NULL}, {ACT_PARTICIPANT, NULL}, {ACT_SPEAKER, NULL},
    {ACT_PARK, NULL},       {ACT_NOTE, NULL},        {ACT_NONE_, NULL},
};

static const struct hint *get_hints(struct view *v, struct ui_ctx *ctx)
{
	return hints;
}

const struct view_ops view_session_ops = {
    create, destroy, NULL, handle, draw, get_hints, NULL,
};
