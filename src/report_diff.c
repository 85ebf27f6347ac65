/* The diff writers (report_diff.h). */
#include "report_diff.h"

#include "escape.h"
#include "util.h"

/* Text on one line: control characters (line breaks included) become spaces. */
static void one_line(struct sbuf *out, const char *s)
{
	for (; s && *s; s++)
		sbuf_addch(out, (unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s);
}

void report_diff_text(const struct model_diff *d, struct sbuf *out)
{
	static const char sign[] = {'+', '-', '~'};
	size_t i;

	for (i = 0; i < d->count; i++) {
		const struct diff_entry *e = &d->entries[i];
		sbuf_addf(out, "%c %s ", sign[e->change], diff_subject_name(e->subject));
		one_line(out, e->id);
		if (e->label) {
			sbuf_addstr(out, ": ");
			one_line(out, e->label);
		}
		if (e->detail) {
			sbuf_addstr(out, " (");
			one_line(out, e->detail);
			sbuf_addch(out, ')');
		}
		sbuf_addch(out, '\n');
	}
}

static void md_cell(struct sbuf *out, const char *s)
{
	sbuf_addstr(out, "| ");
	if (str_empty(s))
		sbuf_addstr(out, "—");
	else
		esc_md_cell(out, s);
	sbuf_addch(out, ' ');
}

void report_diff_md(const struct model_diff *d, const char *old_name, const char *new_name,
		    struct sbuf *out)
{
	size_t i;
	int s;

	sbuf_addstr(out, "# Threat model changes\n\nFrom ");
	esc_md_inline(out, old_name);
	sbuf_addstr(out, " to ");
	esc_md_inline(out, new_name);
	sbuf_addf(out, ": %zu %s.\n", d->count, d->count == 1 ? "difference" : "differences");
	for (s = 0; s < DIFF_SUBJECT_COUNT; s++) {
		bool first = true;
		for (i = 0; i < d->count; i++) {
			const struct diff_entry *e = &d->entries[i];
			if ((int)e->subject != s)
				continue;
			if (first)
				sbuf_addf(out,
					  "\n## %s\n\n| Change | Id | Name | Details |\n"
					  "|---|---|---|---|\n",
					  model_diff_subject_title((enum diff_subject)s));
			first = false;
			sbuf_addf(out, "| %s ", model_diff_change_name(e->change));
			md_cell(out, e->id);
			md_cell(out, e->label);
			md_cell(out, e->detail);
			sbuf_addstr(out, "|\n");
		}
	}
}
