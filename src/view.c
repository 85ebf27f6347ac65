/* The screens as the screen table (screens.h) lists them: lookups, the Tab cycle, the jumps. */
#include "view.h"

#include "util.h"

static const struct view_info infos[VIEW_COUNT] = {
#define S(X, id, file, name, alias, title, heading, key, label, help, cycles)                      \
	[VIEW_##                                                                                   \
	    id] = {VIEW_##id, name, alias, title, ACT_##id, SC_##id, cycles, &view_##file##_ops},
    SCREEN_TABLE(S, _)
#undef S
};

const struct view_info *view_info(enum view_id id)
{
	return id < VIEW_COUNT ? &infos[id] : NULL;
}

const struct view_info *view_named(const char *name)
{
	int i;

	for (i = 0; i < VIEW_COUNT; i++)
		if (str_eq(infos[i].name, name) || (infos[i].alias && str_eq(infos[i].alias, name)))
			return &infos[i];
	return NULL;
}

enum view_id view_jumped_to(enum action action)
{
	int i;

	for (i = 0; i < VIEW_COUNT; i++)
		if (infos[i].jump == action)
			return (enum view_id)i;
	return VIEW_COUNT;
}

enum view_id view_cycle(enum view_id from, int delta)
{
	int i, at = (int)from;

	for (i = 0; i < VIEW_COUNT; i++) {
		at = (at + delta + VIEW_COUNT) % VIEW_COUNT;
		if (infos[at].cycles)
			return (enum view_id)at;
	}
	return from;
}

const char *view_names(void)
{
	static const char names[] = "" SCREEN_TABLE(SCREEN_NAME_WORD, _);

	return names + 1; /* past the first word's space */
}
