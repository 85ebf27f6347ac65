/*
 * Escaping user text for where it lands in an export: Markdown table cells, running Markdown
 * text, HTML, Mermaid labels and link text, and CSV cells. Pure: each function appends the
 * escaped form of `s` to `out` and does nothing for NULL. A threat model is written by many
 * hands; none of them may break the report's structure or smuggle markup or formulas into it.
 */
#ifndef SW_ESCAPE_H
#define SW_ESCAPE_H

#include <stdbool.h>

#include "sbuf.h"

/*
 * A GitHub-flavoured Markdown table cell: one line (each line break, LF, CR LF or CR, becomes
 * <br>, the only HTML written), pipes, Markdown punctuation and HTML escaped, so the text shows
 * as typed and never splits the row.
 */
void esc_md_cell(struct sbuf *out, const char *s);

/* Running Markdown on one line (headings, list items, sentences): line breaks become spaces. */
void esc_md_inline(struct sbuf *out, const char *s);

/*
 * Markdown paragraphs that keep their line breaks as GitHub renders them: a line break is a
 * hard break (a backslash ending the line), blank lines one paragraph break, blank lines at the
 * start and end dropped. No line can start a heading, list, quote, code block or rule.
 */
void esc_md_block(struct sbuf *out, const char *s);

/* The text of a Markdown link, [TEXT](...): one line, brackets and markup escaped. */
void esc_md_link_text(struct sbuf *out, const char *s);

/* Text inside an HTML element or a double-quoted attribute: & < > " ' as entities. */
void esc_html(struct sbuf *out, const char *s);

/*
 * A Mermaid label written between double quotes (node["..."], -->|"..."|, subgraph x["..."]):
 * one line, and every character Mermaid or its HTML labels could read as syntax written as a
 * Mermaid entity code (#quot;, #35; ...).
 */
void esc_mermaid_label(struct sbuf *out, const char *s);

/*
 * A cell that a spreadsheet would run as a formula: it starts with tab or CR, or, after any
 * white space (spaces, line breaks, U+00A0, U+3000), with = + - @ or their fullwidth forms
 * (U+FF1D U+FF0B U+FF0D U+FF20).
 */
bool esc_csv_is_formula(const char *s);

/*
 * An RFC 4180 CSV field: a formula-like cell is neutralised with a leading apostrophe, and a
 * field holding a comma, quote, CR or LF is quoted with its quotes doubled.
 */
void esc_csv_cell(struct sbuf *out, const char *s);

#endif
