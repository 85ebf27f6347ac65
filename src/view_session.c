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
	int namew, rolew, tally, tallyx; /* the people's columns, as fit_people chose them */
	struct hint hints[8]; /* the footer's, as get_hints chose them */
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
	case ACT_PAGE_DOWN:
	case ACT_PAGE_UP:
		step_through(sv, req->action == ACT_PAGE_DOWN ? ctx->page : -ctx->page);
		return VIEW_DONE;
	case ACT_FIRST: /* the first participant, else the first topic */
		sv->focus = sv->names.count ? FOCUS_PEOPLE : FOCUS_PARKING;
		listview_select(sv->focus == FOCUS_PEOPLE ? &sv->people : &sv->parking, 0);
		return VIEW_DONE;
	case ACT_LAST: /* the last topic, else the last participant */
		sv->focus = sv->nitems ? FOCUS_PARKING : FOCUS_PEOPLE;
		if (sv->focus == FOCUS_PARKING)
			listview_select(&sv->parking, sv->nitems - 1);
		else if (sv->names.count)
			listview_select(&sv->people, sv->names.count - 1);
		return VIEW_DONE;
	case ACT_SELECT:
		return open_selected(sv, ctx);
	default:
		return 0; /* the rest are global: >, +, !, N, s, e, d, x, E */
	}
}

/* ---- drawing ---- */

/* The agenda, with minutes and clocks in words on wide panes ("35 min", "+05:00 over"). */
static int draw_agenda(const struct session *s, int y, int x, int width)
{
	time_t now = clock_now();
	bool wide = width >= 34;
	int clock_x = wide ? 21 : 17;
	size_t i;

	draw_text(y, x, width, wide ? "Agenda" : "Agenda (minutes)", UC_HEADING);
	for (i = 0; i < s->nphases; i++) {
		const struct phase *p = &s->phases[i];
		struct sbuf sb = SBUF_INIT;
		bool running = p->started && !p->ended;
		long left = phase_remaining(p, now);
		enum ui_color c = running ? (left < 0 ? UC_CRITICAL : UC_TITLE) : UC_NORMAL;
		int row = y + 1 + (int)i;
		draw_text(row, x, 2, running ? "▶" : p->ended ? "✓" : "·", c);
		draw_text(row, x + 2, 11, p->name, c);
		draw_textf(row, x + 13, clock_x - 13, c, wide ? "%3d min" : "%3d", p->timebox_min);
		if (running) {
			sbuf_addstr(&sb, left < 0 ? "+" : "");
			draw_clock(&sb, left);
			if (wide)
				sbuf_addstr(&sb, left < 0 ? " over" : " left");
		} else if (p->ended) {
			sbuf_addstr(&sb, "done");
		}
		draw_text(row, x + clock_x, width - clock_x, sb.buf, c);
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
	if (left < 0)
		sbuf_addstr(&sb, "+");
	draw_clock(&sb, left);
	if (left < 0)
		sbuf_addf(&sb, " over its %d minutes: wrap up, or > moves on", p->timebox_min);
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

/* How much of the tally a person's row says: in words when there is room, else numbers under
 * a heading. */
enum tally_form { TALLY_NUMBERS, TALLY_RAISED, TALLY_FULL };
static const int tally_width[] = {7, 14, 26};

/*
 * The people's columns, fitted to the pane: names and roles as wide as the longest, the tally
 * in as many words as the rest allows. When that is too little, roles give way first (cut at
 * their column) and the names after them; a name longer than its column is never cut: it runs
 * on to the tally and the person's role goes on the line below, in its column.
 */
static void fit_people(struct session_view *sv, int width)
{
	const struct model *m = sv->ctx->app->model;
	int longest_name = 4, longest_role = 0, avail, role_full;
	size_t i;

	for (i = 0; i < sv->names.count; i++) {
		const struct participant *p = model_participant(m, sv->names.items[i]);
		int nw = draw_width(sv->names.items[i]),
		    rw = p && p->role ? draw_width(p->role) : 0;
		longest_name = nw > longest_name ? nw : longest_name;
		longest_role = rw > longest_role ? rw : longest_role;
	}
	role_full = longest_role;
	/* a role longer than a few words is not worth a shorter tally */
	longest_role = longest_role < 20 ? longest_role : 20;
	for (sv->tally = TALLY_FULL; sv->tally > TALLY_NUMBERS; sv->tally--)
		if (4 + longest_name + 1 + longest_role + 1 + tally_width[sv->tally] <= width)
			break;
	avail = width - 4 - tally_width[sv->tally] - 1;
	sv->namew =
	    avail - longest_role - 1 > avail * 3 / 5 ? avail - longest_role - 1 : avail * 3 / 5;
	sv->namew = sv->namew < longest_name ? sv->namew : longest_name;
	sv->rolew = avail - sv->namew - 1;
	/* the tally follows the roles rather than the far edge, so a row reads across */
	sv->tallyx = 4 + sv->namew + 1 + (role_full < sv->rolew ? role_full : sv->rolew) + 2;
	if (sv->tallyx > width - tally_width[sv->tally])
		sv->tallyx = width - tally_width[sv->tally];
}

/* The lines a person takes: one, or for a name longer than its column the name (wrapped at its
 * words when the row is too narrow even for that) and the role below it. */
static int person_lines(const struct rect *a, size_t row, const void *data)
{
	const struct session_view *sv = data;
	const char *name = sv->names.items[row];
	const struct participant *p = model_participant(sv->ctx->app->model, name);

	(void)a;
	if (draw_width(name) <= sv->namew)
		return 1;
	return draw_wrap_rows(name, sv->tallyx - 5) + (p && p->role ? 1 : 0);
}

/* One person: marker, name, role, and their tally, in the columns fit_people chose. */
static void draw_person(int y, int lines, const struct rect *a, size_t row, bool sel,
			const void *data)
{
	const struct session_view *sv = data;
	const struct ui_ctx *ctx = sv->ctx;
	const char *name = sv->names.items[row];
	const struct participant *p = model_participant(ctx->app->model, name);
	const struct model_index *ix = ui_index(ctx);
	size_t at = model_index_participant(ix, name);
	const struct participant_tally *t = at < ix->nparticipants ? &ix->tally[at] : NULL;
	bool focused = sel && sv->focus == FOCUS_PEOPLE, speaking = str_eq(name, ctx->app->speaker);
	bool whole = draw_width(name) <= sv->namew;
	const char *role = p ? p->role : NULL;
	int role_x = a->x + 4 + sv->namew + 1, role_end = a->x + sv->tallyx - 1, l;
	enum ui_color c = focused ? UC_SELECTED : speaking ? UC_TITLE : UC_NORMAL;
	struct sbuf sb = SBUF_INIT;

	for (l = 0; focused && l < lines; l++)
		draw_fill(y + l, a->x, a->w, UC_SELECTED);
	draw_text(y, a->x, 2, focused ? "▶" : " ", c);
	draw_text(y, a->x + 2, 2, speaking ? "★" : " ", c);
	if (whole) {
		draw_text(y, a->x + 4, sv->namew, name, c);
	} else {
		role = role && lines > 1 ? role : NULL; /* no line for the role: it gives way */
		draw_wrap(y, a->x + 4, sv->tallyx - 5, role ? lines - 1 : lines, name, c);
	}
	if (role)
		draw_text(whole ? y : y + lines - 1, role_x, role_end - role_x, role,
			  focused ? c : UC_DIM);
	if (t && sv->tally == TALLY_FULL)
		sbuf_addf(&sb, "%2d raised %2d answered ", t->raised, t->answers);
	else if (t && sv->tally == TALLY_RAISED)
		sbuf_addf(&sb, "%2d raised ", t->raised);
	else if (t)
		sbuf_addf(&sb, "%2d ", t->raised);
	dots(&sb, t ? t->dots : 0);
	draw_text(y, a->x + sv->tallyx, tally_width[sv->tally], sb.buf, c);
	sbuf_release(&sb);
}

/* A parked topic's text with what it is about and who raised it. */
static void item_text(const struct session_view *sv, const struct open_item *it, struct sbuf *out)
{
	const struct element *e =
	    it->element ? model_element(sv->ctx->app->model, it->element) : NULL;

	sbuf_addstr(out, it->text);
	if (e)
		sbuf_addf(out, "  (about %s)", e->name);
	if (it->owner)
		sbuf_addf(out, "  %s", it->owner);
}

static void draw_item(int y, const struct rect *a, size_t row, bool sel, const void *data)
{
	const struct session_view *sv = data;
	const struct open_item *it = sv->items[row];
	bool focused = sel && sv->focus == FOCUS_PARKING;
	enum ui_color c = focused ? UC_SELECTED : UC_NORMAL;
	struct sbuf sb = SBUF_INIT;

	if (focused)
		draw_fill(y, a->x, a->w, UC_SELECTED);
	draw_text(y, a->x, 2, focused ? "▶" : " ", c);
	draw_text(y, a->x + 2, 7, it->id, focused ? c : UC_DIM);
	item_text(sv, it, &sb);
	draw_text(y, a->x + 10, a->w - 10, sb.buf, c);
	sbuf_release(&sb);
}

/* The parking lot with every topic wrapped, when all of them fit that way; else false. */
static bool draw_parking_wrapped(const struct session_view *sv, const struct rect *a)
{
	struct sbuf sb = SBUF_INIT;
	int need = 0, y = a->y;
	size_t i;

	for (i = 0; i < sv->nitems; i++) {
		sbuf_reset(&sb);
		item_text(sv, sv->items[i], &sb);
		need += draw_wrap_rows(sb.buf, a->w - 10);
	}
	if (need > a->h) {
		sbuf_release(&sb);
		return false;
	}
	for (i = 0; i < sv->nitems; i++) {
		bool focused = sv->focus == FOCUS_PARKING && sv->parking.selected == i;
		enum ui_color c = focused ? UC_SELECTED : UC_NORMAL;
		int rows, r;
		sbuf_reset(&sb);
		item_text(sv, sv->items[i], &sb);
		rows = draw_wrap_rows(sb.buf, a->w - 10);
		for (r = 0; focused && r < rows; r++)
			draw_fill(y + r, a->x, a->w, UC_SELECTED);
		draw_text(y, a->x, 2, focused ? "▶" : " ", c);
		draw_text(y, a->x + 2, 7, sv->items[i]->id, focused ? c : UC_DIM);
		y += draw_wrap(y, a->x + 10, a->w - 10, rows, sb.buf, c);
	}
	sbuf_release(&sb);
	return true;
}

/* The right-hand pane: people, then the parking lot, each in rows of its own. */
static void draw_lists(struct session_view *sv, int y, int x, int width, int rows)
{
	int nitems = (int)sv->nitems, npeople = (int)sv->names.count, lines = 0;
	/* the parking lot gets what the people leave, but never fewer than three rows of its own */
	int park_rows = nitems ? (nitems + 2 < rows / 2 ? nitems + 2 : rows / 2) : 2;
	int people_rows = rows - park_rows - 1;
	struct rect people = {y + 1, x, people_rows - 1, width};
	struct rect park = {y + people_rows + 1, x, park_rows - 1, width};
	size_t i;

	fit_people(sv, width);
	for (i = 0; i < sv->names.count; i++)
		lines += person_lines(&people, i, sv);
	if (lines + 1 < people_rows) { /* fewer people than room: the parking lot moves up */
		people.h = lines ? lines : 1;
		park.y = people.y + people.h + 1;
		park.h = y + rows - park.y - 1;
	}
	if (npeople) {
		const char *tally = sv->tally == TALLY_NUMBERS ? "raised  dots" : "dots";
		int right = sv->tallyx + tally_width[sv->tally];
		/* the heading's hint stops short of the tally's heading (short names bring it in) */
		int room = right - draw_width(tally) - 1;
		struct sbuf head = SBUF_INIT;
		sbuf_addf(&head, "Participants (%d)", npeople);
		if (draw_width(head.buf) + 37 <= room)
			sbuf_addstr(&head, "   ★ speaks (Enter: the selected one)");
		else if (draw_width(head.buf) + 11 <= room)
			sbuf_addstr(&head, "   ★ speaks");
		draw_text(y, x, width, head.buf, UC_HEADING);
		draw_right(y, x + right, tally, UC_DIM);
		sbuf_release(&head);
	} else {
		draw_text(y, x, width, "Participants (0)", UC_HEADING);
	}
	if (npeople == 0)
		draw_text(people.y, x, width, "nobody yet: + adds a participant", UC_WARN);
	else
		listview_draw_tall(&sv->people, &people, LISTVIEW_WHOLE, person_lines, draw_person,
				   sv);
	draw_textf(park.y - 1, x, width, UC_HEADING, "Parking lot (%d open)", nitems);
	if (nitems == 0)
		draw_text(park.y, x, width, "empty: ! parks a topic for later", UC_DIM);
	else if (!draw_parking_wrapped(sv, &park))
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
	/* the agenda needs 24 columns in numbers, 34 in words; the people get the rest */
	int half = a->w < 120 ? 28 : a->w * 2 / 7 > 38 ? a->w * 2 / 7 : 38;
	int y = a->y + 3, rows = a->h - 3, used = 0;

	build(sv, ctx);
	sv->ctx = ctx;
	draw_title(ctx, s, a->y, a->x + 2, a->w - 4);
	if (s)
		used = draw_agenda(s, y, a->x + 2, half - 4) + 1;
	draw_notes(s, y + used, a->x + 2, half - 4, rows - used);
	draw_lists(sv, y, a->x + half, a->w - half - 2, rows);
}

/* The keys that do something now: no ending without a session, no resolving without a topic. */
static const struct hint *get_hints(struct view *v, struct ui_ctx *ctx)
{
	struct session_view *sv = (struct session_view *)v;
	bool running = ui_session(ctx) != NULL;
	size_t n = 0;

	build(sv, ctx);
	sv->hints[n++] = (struct hint){ACT_NEXT_PHASE, running ? NULL : "start the agenda"};
	sv->hints[n++] = (struct hint){ACT_PARTICIPANT, NULL};
	if (sv->names.count)
		sv->hints[n++] = (struct hint){ACT_SELECT, "speaker"};
	sv->hints[n++] = (struct hint){ACT_PARK, NULL};
	if (sv->nitems)
		sv->hints[n++] = (struct hint){ACT_RESOLVE, NULL};
	if (running) {
		sv->hints[n++] = (struct hint){ACT_NOTE, NULL};
		sv->hints[n++] = (struct hint){ACT_END_SESSION, NULL};
	}
	sv->hints[n] = (struct hint){ACT_NONE_, NULL};
	return sv->hints;
}

const struct view_ops view_session_ops = {
    create, destroy, enter, handle, draw, get_hints, selected,
};
