/*
 * The help screen, generated from the action table: the keys of the screen you came from, the
 * keys that work everywhere, then every command with its arguments. The key and command columns
 * are as wide as their longest entry, and a description that does not fit wraps onto the lines
 * below it, so nothing is cut at any width.
 */
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "keymap.h"
#include "listview.h"
#include "util.h"
#include "ui.h"
#include "xalloc.h"

enum help_kind { HELP_HEADING, HELP_KEY, HELP_COMMAND };

/* One entry: a heading, a key, or a command. */
struct help_entry {
	enum help_kind kind;
	enum action action;
	const char *heading;
};

/* One line on the screen: an entry's first line, or a wrapped line of its description. */
struct help_line {
	size_t entry;
	size_t from, len; /* the bytes of the description on this line */
	bool first;
};

struct help_view {
	struct view base;
	struct listview lv;
	struct help_entry *entries;
	size_t nentries, entries_cap;
	struct help_line *lines;
	size_t nlines, lines_cap;
	int laid_out; /* the width `lines` were made for; 0: none yet */
	size_t window_end; /* one past the last line on screen, for the frame being drawn */
	int key_w, cmd_w; /* the columns, gaps included */
	int key_cmd_w; /* the command column of key lines: their own widest command */
	bool with_commands; /* key lines show the command too (a wide screen) */
	const struct view_info *from; /* whose keys come first */
};

/* A command column wider than this share of the screen would starve the descriptions: a
 * longer command puts its description on the line below instead. */
#define HELP_COMMAND_SHARE 40

static void push(struct help_view *h, enum help_kind kind, enum action a, const char *heading)
{
	h->entries = xgrow(h->entries, sizeof(*h->entries), h->nentries + 1, &h->entries_cap);
	h->entries[h->nentries].kind = kind;
	h->entries[h->nentries].action = a;
	h->entries[h->nentries].heading = heading;
	h->nentries++;
}

static void push_keys(struct help_view *h, unsigned scope, const char *heading)
{
	bool any = false;
	int i;

	for (i = 1; i < ACT_COUNT; i++) {
		const struct action_info *a = action_info((enum action)i);
		if (!(a->scopes & scope) || !*a->keys)
			continue;
		if (!any)
			push(h, HELP_HEADING, ACT_NONE_, heading);
		any = true;
		push(h, HELP_KEY, (enum action)i, NULL);
	}
}

static void build(struct help_view *h, struct ui_ctx *ctx)
{
	enum view_id from = ctx->previous == VIEW_HELP ? VIEW_OVERVIEW : ctx->previous;
	int i;

	h->nentries = 0;
	h->from = view_info(from);
	push_keys(h, h->from->scope, h->from->title);
	push_keys(h, SC_GLOBAL, "Everywhere");
	push(h, HELP_HEADING, ACT_NONE_, "Commands (type : first; a unique prefix is enough)");
	for (i = 1; i < ACT_COUNT; i++)
		push(h, HELP_COMMAND, (enum action)i, NULL);
	h->laid_out = 0;
	h->nlines = 0;
	h->lv.selected = 1;
	h->lv.top = 0;
	listview_set_count(&h->lv, 0);
}

/* "j or <Down>" as the hints show keys: "j  Down". */
static void keys_text(struct sbuf *out, const char *keys)
{
	const char *p = keys;

	while (*p) {
		size_t len = 0;
		while (p[len] && p[len] != ' ')
			len++;
		if (out->len)
			sbuf_addstr(out, "  ");
		if (len > 2 && p[0] == '<')
			sbuf_add(out, p + 1, len - 2);
		else
			sbuf_add(out, p, len);
		p += len;
		while (*p == ' ')
			p++;
	}
}

static void command_text(struct sbuf *out, const struct action_info *a)
{
	sbuf_addf(out, ":%s%s%s", a->name, *a->args ? " " : "", a->args);
}

/* The width of the widest key list or command, among the entries of `kind`, up to `cap`. */
static int widest(const struct help_view *h, enum help_kind kind, bool command, int cap)
{
	struct sbuf sb = SBUF_INIT;
	int best = 0;
	size_t i;

	for (i = 0; i < h->nentries; i++) {
		int w;
		if (h->entries[i].kind != kind)
			continue;
		sbuf_reset(&sb);
		if (command)
			command_text(&sb, action_info(h->entries[i].action));
		else
			keys_text(&sb, action_info(h->entries[i].action)->keys);
		w = draw_width(sbuf_str(&sb));
		if (w > best && w <= cap)
			best = w;
	}
	sbuf_release(&sb);
	return best;
}

/* Where an entry's description starts, from the left of the text (after the marker). */
static int text_column(const struct help_view *h, enum help_kind kind)
{
	if (kind == HELP_COMMAND)
		return h->cmd_w;
	return h->key_w + (h->with_commands ? h->key_cmd_w : 0);
}

static void add_line(struct help_view *h, size_t entry, size_t from, size_t len, bool first)
{
	h->lines = xgrow(h->lines, sizeof(*h->lines), h->nlines + 1, &h->lines_cap);
	h->lines[h->nlines++] = (struct help_line){entry, from, len, first};
}

/* Does the first line of entry `i` leave room for its description? (A command longer than
 * its column pushes the description to the next line.) */
static bool label_fits(const struct help_view *h, size_t i)
{
	const struct help_entry *e = &h->entries[i];
	struct sbuf sb = SBUF_INIT;
	bool fits;

	if (e->kind == HELP_HEADING)
		return true;
	if (e->kind == HELP_KEY) {
		keys_text(&sb, action_info(e->action)->keys);
		fits = draw_width(sb.buf) + 2 <= h->key_w;
		sbuf_reset(&sb);
	} else {
		fits = true;
	}
	if (e->kind == HELP_COMMAND || h->with_commands) {
		command_text(&sb, action_info(e->action));
		fits = fits &&
		       draw_width(sb.buf) + 2 <= (e->kind == HELP_KEY ? h->key_cmd_w : h->cmd_w);
	}
	sbuf_release(&sb);
	return fits;
}

/* The screen lines for text `width` columns wide: each entry, its description wrapped. */
static void lay_out(struct help_view *h, int width)
{
	enum action was = h->lv.selected < h->nlines
			      ? h->entries[h->lines[h->lv.selected].entry].action
			      : ACT_NONE_;
	enum help_kind was_kind =
	    h->lv.selected < h->nlines ? h->entries[h->lines[h->lv.selected].entry].kind : HELP_KEY;
	bool keep = h->laid_out != 0;
	size_t i;

	h->nlines = 0;
	h->with_commands = width >= 114; /* 120 columns and more */
	h->cmd_w = widest(h, HELP_COMMAND, true, width * HELP_COMMAND_SHARE / 100) + 3;
	h->key_w = widest(h, HELP_KEY, false, width) + 3;
	h->key_cmd_w = widest(h, HELP_KEY, true, width * HELP_COMMAND_SHARE / 100) + 3;
	for (i = 0; i < h->nentries; i++) {
		const struct help_entry *e = &h->entries[i];
		const char *help = e->kind == HELP_HEADING ? "" : action_info(e->action)->help;
		int tw = width - text_column(h, e->kind);
		size_t at = 0, len, step;
		bool first = true;
		if (!label_fits(h, i)) {
			add_line(h, i, 0, 0, true); /* the label alone */
			first = false;
		}
		if (e->kind == HELP_HEADING || !*help) {
			if (first)
				add_line(h, i, 0, 0, true);
			continue;
		}
		while (help[at]) {
			step = draw_wrap_line(help + at, tw > 10 ? tw : 10, &len);
			add_line(h, i, at, len, first);
			first = false;
			if (step == 0)
				break;
			at += step;
		}
	}
	listview_set_count(&h->lv, h->nlines);
	for (i = 0; keep && i < h->nlines; i++)
		if (h->lines[i].first && h->entries[h->lines[i].entry].action == was &&
		    h->entries[h->lines[i].entry].kind == was_kind)
			listview_select(&h->lv, i);
	if (!keep)
		listview_select(&h->lv, 1);
	h->laid_out = width;
}

static bool selectable(const void *data, size_t row)
{
	const struct help_view *h = data;

	return h->lines[row].first && h->entries[h->lines[row].entry].kind != HELP_HEADING;
}

static struct view *create(void)
{
	struct help_view *h = xcalloc(1, sizeof(*h));

	h->lv.selectable = selectable;
	h->lv.data = h;
	return &h->base;
}

static void destroy(struct view *v)
{
	struct help_view *h = (struct help_view *)v;

	free(h->entries);
	free(h->lines);
	free(h);
}

static void enter(struct view *v, struct ui_ctx *ctx)
{
	struct help_view *h = (struct help_view *)v;

	build(h, ctx);
	lay_out(h, UI_MIN_COLS - 6); /* keys may move the selection before the first frame */
}

static int handle(struct view *v, struct ui_ctx *ctx, const struct request *req)
{
	struct help_view *h = (struct help_view *)v;

	if (listview_handle(&h->lv, req->action, ctx->page))
		return VIEW_HANDLED | VIEW_REDRAW;
	if (req->action == ACT_HELP || req->action == ACT_SELECT) {
		ui_switch(ctx, ctx->previous);
		return VIEW_HANDLED | VIEW_REDRAW;
	}
	return 0;
}

static void draw_line(int y, const struct rect *area, size_t i, bool sel, const void *data)
{
	const struct help_view *h = data;
	const struct help_line *l = &h->lines[i];
	const struct help_entry *e = &h->entries[l->entry];
	const struct action_info *a = action_info(e->action);
	enum ui_color text = sel ? UC_SELECTED : UC_NORMAL;
	struct sbuf sb = SBUF_INIT;
	int x = area->x + 4;

	if (e->kind == HELP_HEADING) {
		draw_text(y, area->x + 2, area->w - 4, e->heading, UC_HEADING);
		return;
	}
	if (sel)
		draw_fill(y, area->x + 1, area->w - 2, UC_SELECTED);
	if (l->first) {
		draw_text(y, area->x + 1, 2, sel ? "▶" : " ", text);
		if (e->kind == HELP_KEY) {
			keys_text(&sb, a->keys);
			draw_text(y, x, h->key_w - 2, sb.buf, sel ? UC_SELECTED : UC_KEY);
			sbuf_reset(&sb);
			command_text(&sb, a);
			if (h->with_commands) /* alone on its line when it is too long */
				draw_text(y, x + h->key_w,
					  l->len ? h->key_cmd_w - 2 : area->w - 6 - h->key_w,
					  sb.buf, sel ? UC_SELECTED : UC_DIM);
		} else {
			command_text(&sb, a);
			draw_text(y, x, l->len ? h->cmd_w - 2 : area->w - 6, sb.buf,
				  sel ? UC_SELECTED : UC_KEY);
		}
	} else if (i == h->lv.top) {
		/* scrolled into the middle of a description: say whose it is */
		if (e->kind == HELP_KEY)
			keys_text(&sb, a->keys);
		else
			command_text(&sb, a);
		draw_text(y, x, text_column(h, e->kind) - 2, sb.buf, UC_DIM);
	}
	if (l->len) {
		sbuf_reset(&sb);
		sbuf_add(&sb, a->help + l->from, l->len);
		if (i + 1 == h->window_end && i + 1 < h->nlines && !h->lines[i + 1].first)
			sbuf_addstr(&sb, " …"); /* the rest is below */
		x += text_column(h, e->kind);
		draw_text(y, x, area->x + area->w - 2 - x, sb.buf, text);
	}
	sbuf_release(&sb);
}

/* One past the last line listview_draw will show in `height` rows, found the way it scrolls. */
static size_t window_end(const struct listview *lv, int height)
{
	struct listview probe = *lv;
	size_t shown = (size_t)height;
	bool above;

	listview_scroll(&probe, height);
	if (probe.count > shown) {
		listview_scroll(&probe, height - 2);
		above = probe.top > 0;
		shown -= above;
		if (probe.top + shown < probe.count)
			shown--;
	}
	return probe.top + shown;
}

static void draw(struct view *v, struct ui_ctx *ctx, const struct rect *area)
{
	struct help_view *h = (struct help_view *)v;
	struct rect list = {area->y + 2, area->x, area->h - 2, area->w};

	if (h->laid_out != area->w - 6)
		lay_out(h, area->w - 6);
	h->window_end = window_end(&h->lv, list.h);
	draw_textf(area->y, area->x + 2, area->w - 4, UC_TITLE,
		   "Help: keys on the %s screen, keys everywhere, and every command",
		   h->from->title);
	listview_draw(&h->lv, &list, draw_line, h);
}

static const struct hint hints[] = {
    {ACT_DOWN, NULL}, {ACT_UP, NULL}, {ACT_PAGE_DOWN, NULL}, {ACT_BACK, NULL}, {ACT_NONE_, NULL},
};

static const struct hint *get_hints(struct view *v, struct ui_ctx *ctx)
{
	return hints;
}

const struct view_ops view_help_ops = {
    create, destroy, enter, handle, draw, get_hints, NULL,
};
