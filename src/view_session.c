/*
 * The session: the agenda with its timeboxes and a countdown that says when a phase runs over,
 * the people in the room with what each has done (the wrap-up tally), the parking lot and the
 * notes. People and parked topics are two lists in their own panes, each scrolling in its own
 * rows with a count, so nine people or ninety never run into another pane. j and k move
 * through the people, then the parking lot: Enter makes the person the speaker or opens the
 * topic's element, e renames, d removes or closes, x resolves.
 */
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "draw.h"
#include "listview.h"
#include "ui.h"
#include "util.h"
#include "xalloc.h"

enum focus { FOCUS_PEOPLE, FOCUS_PARKING };

struct session_view {
	struct view base;
	struct listview people, parking;
	enum focus focus;
	struct strlist names; /* the people listed: the session's, or everyone known */
	const struct open_item **items; /* the open parking-lot items */
	size_t nitems;
	unsigned long built;
	bool fresh;
	struct ui_ctx *ctx; /* while drawing */
};

static void build(struct session_view *sv, struct ui_ctx *ctx)
{
	const struct model *m = ctx->app->model;
	const struct session *s = ui_session(ctx);
	size_t i;

	if (sv->fresh && sv->built == ui_index(ctx)->generation)
		return;
	strlist_clear(&sv->names);
	if (s)
		strlist_copy(&sv->names, &s->people);
	else
		for (i = 0; i < m->nparticipants; i++)
			strlist_push(&sv->names, m->participants[i]->name);
	free(sv->items);
	sv->items = xcalloc(m->nitems + 1, sizeof(*sv->items));
	sv->nitems = 0;
	for (i = 0; i < m->nitems; i++)
		if (m->items[i]->kind == ITEM_PARKING && !m->items[i]->closed)
			sv->items[sv->nitems++] = m->items[i];
	listview_set_count(&sv->people, sv->names.count);
	listview_set_count(&sv->parking, sv->nitems);
	if (sv->focus == FOCUS_PARKING && sv->nitems == 0)
		sv->focus = FOCUS_PEOPLE;
	if (sv->focus == FOCUS_PEOPLE && sv->names.count == 0 && sv->nitems)
		sv->focus = FOCUS_PARKING;
	sv->built = ui_index(ctx)->generation;
	sv->fresh = true;
}

static struct view *create(void)
{
	return xcalloc(1, sizeof(struct session_view));
}

static void destroy(struct view *v)
{
	struct session_view *sv = (struct session_view *)v;

	strlist_clear(&sv->names);
	free(sv->items);
	free(sv);
}

static void enter(struct view *v, struct ui_ctx *ctx)
{
	((struct session_view *)v)->fresh = false;
	build((struct session_view *)v, ctx);
}

/* j and k go from the last person to the first parked topic and back. */
static bool step_through(struct session_view *sv, long delta)
{
	struct listview *lv = sv->focus == FOCUS_PEOPLE ? &sv->people : &sv->parking;

	if (listview_move(lv, delta))
		return true;
	if (delta > 0 && sv->focus == FOCUS_PEOPLE && sv->nitems) {
		sv->focus = FOCUS_PARKING;
		listview_select(&sv->parking, 0);
		return true;
	}
	if (delta < 0 && sv->focus == FOCUS_PARKING && sv->names.count) {
		sv->focus = FOCUS_PEOPLE;
		listview_select(&sv->people, sv->names.count - 1);
		return true;
	}
	return false;
}

static const char *selected(struct view *v, struct ui_ctx *ctx)
{
	struct session_view *sv = (struct session_view *)v;

	build(sv, ctx);
	if (sv->focus == FOCUS_PARKING)
		return sv->parking.selected < sv->nitems ? sv->items[sv->parking.selected]->id
							 : NULL;
	return sv->people.selected < sv->names.count ? sv->names.items[sv->people.selected] : NULL;
}

static int open_selected(struct session_view *sv, struct ui_ctx *ctx)
{
	const struct open_item *it;

	if (sv->focus == FOCUS_PEOPLE) {
		const char *name = selected(&sv->base, ctx);
		if (!name)
			return ui_fail(ctx, "nobody here yet: + adds a participant");
		app_set_speaker(ctx->app, name);
		ui_message(ctx, MSG_INFO, "speaker: %s", name);
		return VIEW_DONE;
	}
	it = sv->items[sv->parking.selected];
	if (!it->element || !model_element(ctx->app->model, it->element)) {
		ui_message(ctx, MSG_INFO, "%s: %s", it->id, it->text);
		return VIEW_DONE;
	}
	ui_set_element(ctx, it->element);
	ui_switch(ctx, VIEW_WALK);
	ui_message(ctx, MSG_INFO, "%s is about this element: %s", it->id, it->text);
	return VIEW_DONE;
}

static int handle(struct view *v, struct ui_ctx *ctx, const struct request *req)
{
	struct session_view *sv = (struct session_view *)v;

	build(sv, ctx);
	switch (req->action) {
	case ACT_DOWN:
		return step_through(sv, 1) ? VIEW_DONE : VIEW_HANDLED;
	case ACT_UP:
		return step_through(sv, -1) ? VIEW_DONE : VIEW_HANDLED;
	case ACT_SELECT:
		return open_selected(sv, ctx);
	default:
		return 0; /* the rest are global: >, +, !, N, s, e, d, x, E */
	}
}

/* ---- drawing ---- */

static int draw_agenda(const struct session *s, int y, int x, int width)
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
		draw_text(y + 1 + (int)i, x, 2, running ? "▶" : p->ended ? "✓" : "·", c);
		draw_text(y + 1 + (int)i, x + 2, 11, p->name, c);
		draw_textf(y + 1 + (int)i, x + 13, 8, c, "%3d min", p->timebox_min);
		if (running) {
			draw_clock(&sb, left);
			if (width - 23 >= 10)
				sbuf_addstr(&sb, left < 0 ? " OVER" : " left");
			else if (left < 0)
				sbuf_addstr(&sb, "!");
		} else if (p->ended) {
			sbuf_addstr(&sb, "done");
		}
		draw_text(y + 1 + (int)i, x + 23, width - 23, sb.buf, c);
		sbuf_release(&sb);
	}
	return (int)s->nphases + 1;
}

/* The running phase's clock, with the warning in words when it runs over. */
static void draw_countdown(struct ui_ctx *ctx, int y, int x, int width)
{
	const struct phase *p = ui_phase(ctx);
	struct sbuf sb = SBUF_INIT;
	long left;

	if (!p) {
		draw_text(y, x, width, "No phase running: > starts the next one", UC_DIM);
		return;
	}
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

static void dots(struct sbuf *out, int used)
{
	int i;

	for (i = 0; i < APP_DOTS; i++)
		sbuf_addstr(out, i < used ? "●" : "○");
}

/* One person: marker, name, role, and their tally, in columns fitted to the pane. */
static void draw_person(int y, const struct rect *a, size_t row, bool sel, const void *data)
{
	const struct session_view *sv = data;
	const struct ui_ctx *ctx = sv->ctx;
	const char *name = sv->names.items[row];
	const struct participant *p = model_participant(ctx->app->model, name);
	const struct model_index *ix = ui_index(ctx);
	size_t at = model_index_participant(ix, name);
	const struct participant_tally *t = at < ix->nparticipants ? &ix->tally[at] : NULL;
	bool focused = sel && sv->focus == FOCUS_PEOPLE, speaking = str_eq(name, ctx->app->speaker);
	int tallyw = a->w >= 84 ? 26 : 7, rolew = a->w >= 50 ? 16 : 10;
	int namew = a->w - 5 - rolew - tallyw - 2;
	enum ui_color c = focused ? UC_SELECTED : speaking ? UC_TITLE : UC_NORMAL;
	struct sbuf sb = SBUF_INIT;

	if (focused)
		draw_fill(y, a->x, a->w, UC_SELECTED);
	draw_text(y, a->x, 2, focused ? "▶" : " ", c);
	draw_text(y, a->x + 2, 2, speaking ? "★" : " ", c);
	draw_text(y, a->x + 4, namew, name, c);
	draw_text(y, a->x + 5 + namew, rolew, p && p->role ? p->role : "", focused ? c : UC_DIM);
	if (t && a->w >= 84)
		sbuf_addf(&sb, "%2d raised %2d answered ", t->raised, t->answers);
	else if (t)
		sbuf_addf(&sb, "%2d ", t->raised);
	dots(&sb, t ? t->dots : 0);
	draw_text(y, a->x + a->w - tallyw, tallyw, sb.buf, c);
	sbuf_release(&sb);
}

static void draw_item(int y, const struct rect *a, size_t row, bool sel, const void *data)
{
	const struct session_view *sv = data;
	const struct open_item *it = sv->items[row];
	const struct element *e =
	    it->element ? model_element(sv->ctx->app->model, it->element) : NULL;
	bool focused = sel && sv->focus == FOCUS_PARKING;
	enum ui_color c = focused ? UC_SELECTED : UC_NORMAL;
	struct sbuf sb = SBUF_INIT;

	if (focused)
		draw_fill(y, a->x, a->w, UC_SELECTED);
	draw_text(y, a->x, 2, focused ? "▶" : " ", c);
	draw_text(y, a->x + 2, 7, it->id, focused ? c : UC_DIM);
	sbuf_addstr(&sb, it->text);
	if (e)
		sbuf_addf(&sb, "  (about %s)", e->name);
	if (it->owner)
		sbuf_addf(&sb, "  %s", it->owner);
	draw_text(y, a->x + 10, a->w - 10, sb.buf, c);
	sbuf_release(&sb);
}

/* The right-hand pane: people, then the parking lot, each in rows of its own. */
static void draw_lists(struct session_view *sv, int y, int x, int width, int rows)
{
	int nitems = (int)sv->nitems, npeople = (int)sv->names.count;
	/* the parking lot gets what the people leave, but never fewer than three rows of its own */
	int park_rows = nitems ? (nitems + 2 < rows / 2 ? nitems + 2 : rows / 2) : 2;
	int people_rows = rows - park_rows - 1;
	struct rect people = {y + 1, x, people_rows - 1, width};
	struct rect park = {y + people_rows + 1, x, park_rows - 1, width};

	if (npeople + 1 < people_rows) { /* fewer people than room: the parking lot moves up */
		people.h = npeople ? npeople : 1;
		park.y = people.y + people.h + 1;
		park.h = y + rows - park.y - 1;
	}
	draw_textf(y, x, width, UC_HEADING, "Participants (%d)%s", npeople,
		   !npeople      ? ""
		   : width >= 60 ? "   ★ speaks (Enter: the selected one)"
				 : "   ★ speaks");
	if (npeople == 0)
		draw_text(people.y, x, width, "nobody yet: + adds a participant", UC_WARN);
	else
		listview_draw(&sv->people, &people, draw_person, sv);
	draw_textf(park.y - 1, x, width, UC_HEADING, "Parking lot (%d open)", nitems);
	if (nitems == 0)
		draw_text(park.y, x, width, "empty: ! parks a topic for later", UC_DIM);
	else
		listview_draw(&sv->parking, &park, draw_item, sv);
}

static void draw_notes(const struct session *s, int y, int x, int width, int rows)
{
	draw_text(y, x, width, "Notes", UC_HEADING);
	if (!s || str_empty(s->notes))
		draw_text(y + 1, x, width, "none yet: N adds a line", UC_DIM);
	else
		draw_wrap(y + 1, x, width, rows - 1, s->notes, UC_NORMAL);
}

static void draw_title(struct ui_ctx *ctx, const struct session *s, int y, int x, int width)
{
	if (!s) {
		draw_text(y, x, width, "No session is running.", UC_TITLE);
		draw_text(y + 1, x, width,
			  "> starts the agenda: context 10, walk 35, prioritise 10, wrap-up 5 "
			  "minutes",
			  UC_NORMAL);
		return;
	}
	draw_textf(y, x, width, UC_TITLE, "Session %ld, %s, %s%s", s->number,
		   s->mode ? s->mode : "workshop",
		   s->facilitator ? "facilitated by "
				  : "nobody facilitates yet (:facilitator NAME)",
		   s->facilitator ? s->facilitator : "");
	draw_countdown(ctx, y + 1, x, width);
}

static void draw(struct view *v, struct ui_ctx *ctx, const struct rect *a)
{
	struct session_view *sv = (struct session_view *)v;
	const struct session *s = ui_session(ctx);
	int half = a->w * 2 / 5, y = a->y + 3, rows = a->h - 3, used = 0;

	build(sv, ctx);
	sv->ctx = ctx;
	draw_title(ctx, s, a->y, a->x + 2, a->w - 4);
	if (s)
		used = draw_agenda(s, y, a->x + 2, half - 4) + 1;
	draw_notes(s, y + used, a->x + 2, half - 4, rows - used);
	draw_lists(sv, y, a->x + half, a->w - half - 2, rows);
}

static const struct hint hints[] = {
    {ACT_NEXT_PHASE, NULL}, {ACT_PARTICIPANT, NULL}, {ACT_SELECT, "speaker"}, {ACT_PARK, NULL},
    {ACT_RESOLVE, NULL},    {ACT_NOTE, NULL},        {ACT_END_SESSION, NULL}, {ACT_NONE_, NULL},
};

static const struct hint *get_hints(struct view *v, struct ui_ctx *ctx)
{
	return hints;
}

const struct view_ops view_session_ops = {
    create, destroy, enter, handle, draw, get_hints, selected,
};
