/*
 * People in the model: renaming a participant wherever a name stands for them, removing one
 * with their votes (mirroring what the model file does, db_store.c, so the app need not read
 * the model back), finding one as the room types a name, and the short name a room calls one by.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model.h"
#include "sbuf.h"
#include "strpool.h"
#include "util.h"
#include "xalloc.h"

static void rename_text(char **slot, const char *from, const char *to)
{
	if (*slot && str_eq(*slot, from)) {
		free_unless_pooled(*slot); /* may be a string the model was read with */
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

/* Base letters of U+00C0..U+00FF; "" keeps the character (× and ÷). */
static const char *const latin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};

/* Base letters of U+0100..U+017F (Latin Extended-A), one per character. */
static const char latin_ext_a[] =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllll"
    "lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/* The base letter of a Vietnamese letter with its marks, U+1EA0..U+1EF9, or 0. */
static char vietnamese(uint32_t cp)
{
	static const struct {
		unsigned to;
		char base;
	} ranges[] = {{0x1EB7, 'a'}, {0x1EC7, 'e'}, {0x1ECB, 'i'},
		      {0x1EE3, 'o'}, {0x1EF1, 'u'}, {0x1EF9, 'y'}};
	size_t i;

	for (i = 0; cp >= 0x1EA0 && i < sizeof(ranges) / sizeof(ranges[0]); i++)
		if (cp <= ranges[i].to)
			return ranges[i].base;
	return 0;
}

/*
 * `text` as names are compared: lower case and without accents, so "jose" finds José and
 * "nguyen" Nguyễn, as a room types them. Combining accents are dropped; other characters
 * (Chinese, Cyrillic, ...) stay as they are.
 */
static void fold_name(const char *text, struct sbuf *out)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t left = strlen(text);

	sbuf_reset(out);
	while (left) {
		uint32_t cp = 0;
		size_t len = utf8_decode(p, left, &cp);
		char base = 0;
		if (len == 0) { /* not UTF-8: kept as it is */
			cp = *p;
			len = 1;
		}
		if (cp < 0x80 || len == 1)
			sbuf_addch(out, (char)(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : *p));
		else if (cp >= 0x300 && cp <= 0x36F)
			; /* a combining accent */
		else if (cp >= 0xC0 && cp <= 0xFF && latin1[cp - 0xC0][0])
			sbuf_addstr(out, latin1[cp - 0xC0]);
		else if (cp >= 0x100 && cp < 0x100 + sizeof(latin_ext_a) - 1)
			sbuf_addch(out, latin_ext_a[cp - 0x100]);
		else if ((base = vietnamese(cp)) != 0)
			sbuf_addch(out, base);
		else
			sbuf_add(out, (const char *)p, len);
		p += len;
		left -= len;
	}
}

int model_find_participant(const struct model *m, const char *text, const struct participant **out,
			   struct sbuf *candidates)
{
	struct sbuf want = SBUF_INIT, name = SBUF_INIT;
	const struct participant *last = NULL;
	size_t i;
	int found = 0;

	*out = NULL;
	if ((*out = model_participant(m, text))) /* the name exactly: a selected row's own */
		return PEOPLE_FOUND;
	for (i = 0; i < m->nparticipants; i++) {
		if (strcasecmp(m->participants[i]->name, text) == 0) {
			*out = m->participants[i];
			return PEOPLE_FOUND;
		}
	}
	fold_name(text, &want);
	for (i = 0; want.len && i < m->nparticipants && !*out; i++) {
		fold_name(m->participants[i]->name, &name);
		if (str_eq(name.buf, want.buf))
			*out = m->participants[i]; /* "jose" is José, though José Luis exists too */
	}
	for (i = 0; want.len && !*out && i < m->nparticipants; i++) {
		const struct participant *p = m->participants[i];
		fold_name(p->name, &name);
		if (strncmp(name.buf, want.buf, want.len) != 0)
			continue;
		if (candidates)
			sbuf_addf(candidates, "%s%s", found ? ", " : "", p->name);
		last = p;
		found++;
	}
	sbuf_release(&want);
	sbuf_release(&name);
	if (*out)
		return PEOPLE_FOUND;
	if (found == 1)
		*out = last;
	return found == 1 ? PEOPLE_FOUND : found ? PEOPLE_AMBIGUOUS : PEOPLE_NONE;
}

const struct participant *model_participant_alike(const struct model *m, const char *name)
{
	struct sbuf want = SBUF_INIT, other = SBUF_INIT;
	const struct participant *found = NULL;
	size_t i;

	fold_name(name, &want);
	for (i = 0; i < m->nparticipants && !found; i++) {
		fold_name(m->participants[i]->name, &other);
		if (!str_eq(m->participants[i]->name, name) && str_eq(other.buf, want.buf))
			found = m->participants[i];
	}
	sbuf_release(&want);
	sbuf_release(&other);
	return found;
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
