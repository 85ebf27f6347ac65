/* Helpers shared by the foreign importers (see import_foreign.h). */
#include "import_foreign.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "sbuf.h"
#include "util.h"
#include "xalloc.h"

#define TITLE_MAX 80

const char *foreign_article(enum element_kind kind)
{
	return kind == KIND_EXTERNAL_ENTITY ? "an" : "a";
}

int foreign_error(struct sw_error *err, const char *file, const struct json_value *at,
		  const char *fmt, ...)
{
	struct sbuf sb = SBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	sw_error_at(err, file, at ? at->line : 0, at ? at->col : 0, "%s", sbuf_str(&sb));
	sbuf_release(&sb);
	return -1;
}

void foreign_count(struct sbuf *out, size_t n, const char *one, const char *many, const char *after)
{
	sbuf_addf(out, "%zu %s%s", n, n == 1 ? one : many, after);
}

void foreign_list(struct sbuf *out, const char *title, const struct strlist *list)
{
	size_t i;

	sbuf_addf(out, list->count ? "%s:\n" : "%s: nothing\n", title);
	for (i = 0; i < list->count; i++)
		sbuf_addf(out, "  - %s\n", list->items[i]);
}

void foreign_note(struct strlist *list, const char *fmt, ...)
{
	struct sbuf sb = SBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	sbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	strlist_push(list, sbuf_str(&sb));
	sbuf_release(&sb);
}

char *foreign_name(const char *s)
{
	struct sbuf sb = SBUF_INIT;

	for (; s && *s; s++) {
		if (isspace((unsigned char)*s) || (unsigned char)*s < 0x20 || *s == 0x7f) {
			if (sb.len && sb.buf[sb.len - 1] != ' ')
				sbuf_addch(&sb, ' ');
		} else {
			sbuf_addch(&sb, *s);
		}
	}
	if (sb.len && sb.buf[sb.len - 1] == ' ')
		sbuf_truncate(&sb, sb.len - 1);
	if (!sb.len) {
		sbuf_release(&sb);
		return NULL;
	}
	return sbuf_detach(&sb);
}

char *foreign_text(const char *s)
{
	struct sbuf sb = SBUF_INIT;
	const char *p = s;

	while (p && *p && isspace((unsigned char)*p))
		p++;
	if (!p || !*p)
		return NULL;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '\r' && s[1] != '\n')
			sbuf_addch(&sb, '\n');
		else if (c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7f))
			sbuf_addch(&sb, (char)c);
	}
	return sbuf_detach(&sb);
}

void foreign_squash(const char *s, char *out, size_t size)
{
	size_t n = 0;

	for (; s && *s && n + 1 < size; s++)
		if (isalnum((unsigned char)*s))
			out[n++] = (char)tolower((unsigned char)*s);
	out[n] = '\0';
}

const struct foreign_word *foreign_lookup(const struct foreign_word *words, size_t n, const char *s)
{
	char key[64];
	size_t i;

	foreign_squash(s, key, sizeof(key));
	for (i = 0; i < n; i++)
		if (str_eq(words[i].key, key))
			return &words[i];
	return NULL;
}

enum stride_letter foreign_letter(const char *category, bool *exact)
{
	static const struct foreign_word names[] = {
	    {"spoofing", STRIDE_S, true},
	    {"tampering", STRIDE_T, true},
	    {"repudiation", STRIDE_R, true},
	    {"informationdisclosure", STRIDE_I, true},
	    {"denialofservice", STRIDE_D, true},
	    {"elevationofprivilege", STRIDE_E, true},
	    {"elevationofprivileges", STRIDE_E, true},
	    {"confidentiality", STRIDE_I, false},
	    {"integrity", STRIDE_T, false},
	    {"availability", STRIDE_D, false},
	    {"nonrepudiation", STRIDE_R, false},
	    {"linkability", STRIDE_I, false},
	    {"identifiability", STRIDE_I, false},
	    {"detectability", STRIDE_I, false},
	    {"disclosureofinformation", STRIDE_I, false},
	    {"unawareness", STRIDE_I, false},
	    {"noncompliance", STRIDE_R, false},
	};
	const struct foreign_word *w = foreign_lookup(names, ARRAY_SIZE(names), category);

	*exact = w && w->flag;
	return w ? (enum stride_letter)w->value : STRIDE_COUNT;
}

enum stride_letter foreign_nearest_letter(enum stride_letter want, const struct element *e)
{
	static const char *const prefer[STRIDE_COUNT] = {"STEIRD", "TSIERD", "RTISED",
							 "ISTRDE", "DSTIRE", "ETSIRD"};
	static const char order[] = "STRIDE";
	unsigned ok = stride_applicable(e->kind, e->is_log);
	const char *p;

	for (p = prefer[want]; *p; p++) {
		enum stride_letter l = (enum stride_letter)(strchr(order, *p) - order);
		if (ok & STRIDE_BIT(l))
			return l;
	}
	return want;
}

char *foreign_mitigation_title(const char *text)
{
	size_t n = strcspn(text, "\n"), cut;
	const char *stop = strstr(text, ". ");
	char *flat, *title;

	if (stop && (size_t)(stop - text) < n)
		n = (size_t)(stop - text);
	if (n > 0 && text[n - 1] == '.')
		n--;
	flat = xstrndup(text, n);
	title = foreign_name(flat);
	free(flat);
	if (!title)
		return xstrdup("Mitigation");
	if (strlen(title) > TITLE_MAX) {
		for (cut = TITLE_MAX - 3; cut > 20 && title[cut] != ' '; cut--)
			;
		title[cut] = '\0';
		flat = title;
		title = xmalloc(cut + 4);
		memcpy(title, flat, cut);
		memcpy(title + cut, "...", 4);
		free(flat);
	}
	return title;
}
