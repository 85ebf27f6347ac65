/*
 * People in the model: renaming a participant wherever a name stands for them, removing one
 * with their votes, finding one by the start of a name, and the short name a room calls one by. Mirrors what the model file does (db_store.c), so the app need not
 * read the model back.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model.h"
#include "util.h"
#include "xalloc.h"

static void rename_text(char **slot, const char *from, const char *to)
{
	if (*slot && str_eq(*slot, from)) {
		free(*slot);
		*slot = xstrdup(to);
	}
}

static void rename_in_list(struct strlist *list, const char *from, const char *to)
{
	size_t i;

	for (i = 0; i < list->count; i++)
		rename_text(&list->items[i], from, to);
}

void model_rename_participant(struct model *m, const char *from, const char *to)
{
	char *old = xstrdup(from); /* `from` may be one of the names replaced below */
	size_t i;

	for (i = 0; i < m->nparticipants; i++)
		rename_text(&m->participants[i]->name, old, to);
	for (i = 0; i < m->nvotes; i++)
		rename_text(&m->votes[i]->participant, old, to);
	for (i = 0; i < m->nthreats; i++)
		rename_text(&m->threats[i]->raised_by, old, to);
	for (i = 0; i < m->nanswers; i++)
		rename_text(&m->answers[i]->who, old, to);
	for (i = 0; i < m->ndecisions; i++)
		rename_text(&m->decisions[i]->who, old, to);
	for (i = 0; i < m->nmitigations; i++)
		rename_text(&m->mitigations[i]->owner, old, to);
	for (i = 0; i < m->nitems; i++)
		rename_text(&m->items[i]->owner, old, to);
	for (i = 0; i < m->nsessions; i++) {
		rename_text(&m->sessions[i]->facilitator, old, to);
		rename_in_list(&m->sessions[i]->people, old, to);
	}
	free(old);
}

void model_remove_participant(struct model *m, const char *name)
{
	char *old = xstrdup(name);
	size_t i;

	for (i = m->nvotes; i-- > 0;)
		if (str_eq(m->votes[i]->participant, old))
			model_remove_vote(m, i);
	for (i = 0; i < m->nparticipants; i++) {
		if (str_eq(m->participants[i]->name, old)) {
			participant_free(m->participants[i]);
			memmove(m->participants + i, m->participants + i + 1,
				(m->nparticipants - i - 1) * sizeof(*m->participants));
			m->nparticipants--;
			break;
		}
	}
	free(old);
}

int model_find_participant(const struct model *m, const char *text, const struct participant **out,
			   struct sbuf *candidates)
{
	size_t i, len = strlen(text);
	int found = 0;

	*out = NULL;
	for (i = 0; i < m->nparticipants; i++) {
		if (strcasecmp(m->participants[i]->name, text) == 0) {
			*out = m->participants[i];
			return PEOPLE_FOUND;
		}
	}
	for (i = 0; len && i < m->nparticipants; i++) {
		const struct participant *p = m->participants[i];
		if (strncasecmp(p->name, text, len) != 0)
			continue;
		if (candidates)
			sbuf_addf(candidates, "%s%s", found ? ", " : "", p->name);
		*out = p;
		found++;
	}
	if (found > 1)
		*out = NULL;
	return found == 1 ? PEOPLE_FOUND : found ? PEOPLE_AMBIGUOUS : PEOPLE_NONE;
}

/* Whether `short_name` (a first word, perhaps with an initial) stands for `name` alone. */
static bool names_one_person(const struct model *m, const char *name, const char *short_name)
{
	size_t i, n = strlen(short_name);
	bool initial = n > 0 && short_name[n - 1] == '.';

	if (initial)
		n--; /* "Priya R." matches "Priya Raghunathan" and "Priya Rao" alike */
	for (i = 0; i < m->nparticipants; i++) {
		const char *other = m->participants[i]->name;
		if (!str_eq(other, name) && strncmp(other, short_name, n) == 0 &&
		    (initial || other[n] == ' ' || other[n] == '\0'))
			return false;
	}
	return true;
}

void model_call_name(const struct model *m, const char *name, struct sbuf *out)
{
	const char *space = strchr(name, ' ');
	struct sbuf shorter = SBUF_INIT;

	if (space) {
		sbuf_addf(&shorter, "%.*s", (int)(space - name), name);
		if (!names_one_person(m, name, shorter.buf) && space[1] &&
		    (unsigned char)space[1] < 0x80) {
			sbuf_addf(&shorter, " %c.", space[1]);
			if (!names_one_person(m, name, shorter.buf))
				sbuf_reset(&shorter);
		} else if (!names_one_person(m, name, shorter.buf)) {
			sbuf_reset(&shorter);
		}
	}
	sbuf_addstr(out, shorter.len ? shorter.buf : name);
	sbuf_release(&shorter);
}
