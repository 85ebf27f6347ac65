/*
 * The Markdown report: a golden report of the demo workshop model with threats, answers, votes,
 * mitigations, a session and a parking lot; the same bytes twice; and a model whose every string
 * is hostile, which must not break a table, a heading, the Mermaid diagram or let HTML through.
 */
#define _POSIX_C_SOURCE 200809L
#include "testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hostile_model.h"
#include "qlibrary.h"
#include "report_md.h"
#include "sbuf.h"
#include "util.h"
#include "xalloc.h"

#define GOLDEN "golden/report-demo.md"
/* 2026-11-22T10:00:00Z */
#define NOW ((time_t)1795341600)

static const char *self = "test_report_md";

static struct qlibrary *load_questionnaires(void)
{
	struct qlibrary *lib = qlibrary_new();
	struct sw_error err = SW_ERROR_INIT;
	char *dir = test_path(test_source_dir(), "questionnaires");

	if (qlibrary_load_dir(lib, dir, QLIB_SHIPPED, true, &err))
		fail_msg("questionnaires: %s", err.msg);
	free(dir);
	return lib;
}

static void add_answer(struct model *m, const char *element, const char *qn, const char *q,
		       const char *value, const char *note, const char *who)
{
	struct answer *a = answer_new(element, qn, q, value);

	a->note = note ? xstrdup(note) : NULL;
	a->who = xstrdup(who);
	a->when = xstrdup("2026-11-20T09:40:00Z");
	model_add_answer(m, a);
}

static void add_person(struct model *m, const char *name, const char *role)
{
	struct participant *p = xcalloc(1, sizeof(*p));

	p->name = xstrdup(name);
	p->role = role ? xstrdup(role) : NULL;
	model_add_participant(m, p);
}

static void add_vote(struct model *m, const char *who, const char *threat, int count)
{
	struct vote *v = xcalloc(1, sizeof(*v));

	v->participant = xstrdup(who);
	v->threat = xstrdup(threat);
	v->count = count;
	model_add_vote(m, v);
}

static void add_item(struct model *m, const char *id, enum item_kind kind, const char *text,
		     const char *owner, const char *element, bool closed)
{
	struct open_item *it = xcalloc(1, sizeof(*it));

	it->id = xstrdup(id);
	it->kind = kind;
	it->text = xstrdup(text);
	it->owner = owner ? xstrdup(owner) : NULL;
	it->due = kind == ITEM_QUESTION ? xstrdup("2026-12-01") : NULL;
	it->element = element ? xstrdup(element) : NULL;
	it->closed = closed;
	model_add_item(m, it);
}

/* Session 1 ended (its walk phase without an end); session 2 is still running, and nobody
 * recorded who facilitates it. */
static void add_sessions(struct model *m)
{
	struct session *s = session_new(1, "workshop", "2026-11-20T09:00:00Z");

	s->facilitator = xstrdup("Priya");
	s->ended = xstrdup("2026-11-20T10:05:00Z");
	s->notes = xstrdup("First walk of the payslip path.\nThe staff API waits for session 2.");
	s->phases[0].started = xstrdup("2026-11-20T09:00:00Z");
	s->phases[0].ended = xstrdup("2026-11-20T09:12:00Z");
	s->phases[1].started = xstrdup("2026-11-20T09:12:00Z");
	model_add_session(m, s);
	s = session_new(2, "workshop", "2026-11-21T14:00:00Z");
	s->phases[0].started = xstrdup("2026-11-21T14:00:00Z");
	s->phases[0].ended = xstrdup("2026-11-21T14:09:00Z");
	s->phases[1].started = xstrdup("2026-11-21T14:09:00Z");
	model_add_session(m, s);
}

/* The open question the app records for an "unknown" answer (app_questionnaire.c). */
static void add_answer_item(struct model *m, const char *id, const char *element, const char *qn,
			    const char *q, const char *text, const char *owner)
{
	char *prefix = model_answer_item_prefix(element, qn, q);
	struct sbuf sb = SBUF_INIT;

	sbuf_addf(&sb, "%s%s", prefix, text);
	add_item(m, id, ITEM_QUESTION, sbuf_str(&sb), owner, element, false);
	free(m->items[m->nitems - 1]->due);
	m->items[m->nitems - 1]->due = NULL;
	sbuf_release(&sb);
	free(prefix);
}

/* A second line under the text already there. */
static void append_line(char **field, const char *line)
{
	struct sbuf sb = SBUF_INIT;

	sbuf_addf(&sb, "%s\n%s", *field, line);
	free(*field);
	*field = sbuf_detach(&sb);
}

/* Text typed on several lines, as a facilitator types it in the UI or an export carries it. */
static void set_text(char **field, const char *text)
{
	free(*field);
	*field = xstrdup(text);
}

static void add_review(struct model *m)
{
	struct review_mark *r = xcalloc(1, sizeof(*r));

	r->subject = xstrdup("threat:T-0001");
	r->comment = xstrdup("Checked the fix plan with Sam.");
	r->who = xstrdup("Alex");
	r->at = xstrdup("2026-11-21T14:00:00Z");
	model_add_review(m, r);
}

/* The demo workshop as `stridewalk demo` opens it, plus what a second hour would add. */
static struct model *demo_model(void)
{
	struct model *m = test_template("demo-hr-workshop");
	struct threat *t;

	add_answer(m, "payslip-fn", "identity", "credential-source", "platform", NULL, "Sam");
	add_answer(m, "payslip-fn", "identity", "role-per-function", "no",
		   "All four functions share hr-lambda-role.", "Alex");
	add_answer(m, "employee-api", "api-edge", "route-auth", "api-key-only", NULL, "Jo");
	add_answer(m, "payslip-bucket", "data-storage", "public-access", "unknown", NULL, "Jo");
	add_answer(m, "payslip-bucket", "legacy", "retired-question", "yes", NULL, "Jo");
	add_answer(m, "employee-table", "data-storage", "backups", "unknown", NULL, "Sam");
	add_person(m, "Priya", "facilitator");
	add_person(m, "Sam", "developer");
	add_person(m, "Jo", "developer");
	add_person(m, "Alex", "security champion");
	add_vote(m, "Sam", "T-0004", 2);
	add_vote(m, "Jo", "T-0004", 1);
	add_vote(m, "Alex", "T-0008", 3);
	add_vote(m, "Priya", "T-0006", 1);
	add_item(m, "Q-0001", ITEM_QUESTION, "Who can write to the SFTP drop?", "Jo",
		 "payroll-system", false);
	add_item(m, "Q-0002", ITEM_PARKING, "Move the payroll import to Step Functions?", "Sam",
		 NULL, false);
	add_item(m, "Q-0003", ITEM_PARKING, "Rename the staff API", NULL, "staff-api", true);
	m->items[m->nitems - 1]->resolution = xstrdup("Kept, as the name is in every runbook.");
	add_answer_item(m, "Q-0004", "payslip-bucket", "data-storage", "public-access",
			"Can anyone outside your accounts read or write this store?", NULL);
	add_sessions(m);
	add_review(m);
	t = model_threat(m, "T-0010");
	t->status = THREAT_TRANSFERRED;
	t->justification = xstrdup("The platform team's account-level throttling covers this.\n"
				   "Their runbook: PLAT-12.");
	/* Someone who called out a threat without being on the participant list. */
	set_text(&model_threat(m, "T-0012")->raised_by, "Morgan");
	set_text(&model_threat(m, "T-0001")->description,
		 "If the function takes the employee id from the request path instead of the "
		 "token's subject, any signed-in employee can get a link to anyone's payslip.\n"
		 "Seen in the staging logs:\n\n"
		 "  GET /payslips/E-1042/2026-10 by E-2001");
	set_text(&model_element(m, "payslip-fn")->description,
		 "Finds the caller's payslip record for the requested month.\n"
		 "Returns a presigned URL for the PDF.");
	set_text(&model_mitigation(m, "M-0002")->verification,
		 "The AWS Config rule reports the payslip bucket as compliant.\r\n"
		 "Checked again after every deploy.");
	append_line(&m->description, "Payroll runs on the last working day of the month.");
	return m;
}

static char *render(const struct model *m, const struct qlibrary *lib)
{
	struct sbuf out = SBUF_INIT;

	sbuf_init(&out);
	report_md_write(m, NOW, lib, NULL, &out);
	return sbuf_detach(&out);
}

/* Prints the first line where the two texts differ, whole, from both. */
static void show_difference(const char *want, const char *got)
{
	const char *w = want, *g = got, *line_w = want, *line_g = got;
	int line = 1;

	while (*w && *w == *g) {
		if (*w == '\n') {
			line++;
			line_w = w + 1;
			line_g = g + 1;
		}
		w++;
		g++;
	}
	fprintf(stderr, "first difference at line %d:\n  golden: %.*s\n  report: %.*s\n", line,
		(int)strcspn(line_w, "\n"), line_w, (int)strcspn(line_g, "\n"), line_g);
}

static void test_golden(void **state)
{
	struct model *m = demo_model();
	struct qlibrary *lib = load_questionnaires();
	char *got = render(m, lib), *again = render(m, lib), *want;

	assert_string_equal(got, again); /* same model, same bytes */
	if (getenv("SW_UPDATE_GOLDEN")) {
		test_write(GOLDEN, got);
		fprintf(stderr, "wrote %s\n", GOLDEN);
	}
	want = test_read(GOLDEN);
	if (!want || strcmp(want, got) != 0) {
		if (want)
			show_difference(want, got);
		fprintf(stderr,
			"the report differs from tests/%s; if the change is intended, "
			"regenerate it with:\n  cd %s/tests && SW_UPDATE_GOLDEN=1 SW_SOURCE_DIR=%s "
			"%s\n",
			GOLDEN, test_source_dir(), test_source_dir(), self);
		fail();
	}
	free(want);
	free(got);
	free(again);
	qlibrary_free(lib);
	model_free(m);
}

static void test_without_questionnaires(void **state)
{
	struct model *m = demo_model();
	struct sbuf out = SBUF_INIT;

	report_md_write(m, NOW, NULL, "cannot find the shipped questionnaires", &out);
	assert_non_null(strstr(out.buf, "The questionnaires were not available (cannot find the "
					"shipped questionnaires), so questions are shown by id and "
					"risky answers cannot be marked."));
	assert_non_null(strstr(out.buf, "| identity/role-per-function | no | ? | All four"));
	sbuf_release(&out);
	model_free(m);
}

/* An answer of "not applicable" reads as such, is not marked risky and opens no question. */
static void test_not_applicable_answer(void **state)
{
	struct model *m = demo_model();
	struct qlibrary *lib = load_questionnaires();
	char *got;

	add_answer(m, "payslip-fn", "identity", "iam-write", ANSWER_NA,
		   "The function never touches IAM.", "Sam");
	add_answer(m, "payslip-fn", "identity", "wildcard-permissions", ANSWER_NA, NULL, "Sam");
	got = render(m, lib);
	assert_non_null(strstr(got,
			       "| Can the function change permissions, hand a role to "
			       "another service, or assume other roles? (identity/iam-write) "
			       "| not applicable | — | The function never touches IAM. | Sam |\n"));
	assert_non_null(strstr(got, "(identity/wildcard-permissions) | not applicable | — |"));
	assert_null(strstr(got, "wildcard-permissions) | n/a"));
	assert_null(
	    strstr(got, "| payslip-fn | Can the function change permissions")); /* no question */
	free(got);
	qlibrary_free(lib);
	model_free(m);
}

/* Number of pipes not escaped by a backslash (an escaped backslash does not escape). */
static int cell_pipes(const char *line, size_t len)
{
	int n = 0;
	size_t i, slashes = 0;

	for (i = 0; i < len; i++) {
		if (line[i] == '|' && slashes % 2 == 0)
			n++;
		slashes = line[i] == '\\' ? slashes + 1 : 0;
	}
	return n;
}

/* A Mermaid label: no character that ends or opens syntax; '#' only opens an entity code. */
static void check_label(const char *s, size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		if (strchr("\"[](){}<>|;`\\%\n\r", s[i]))
			fail_msg("character '%c' in Mermaid label: %.*s", s[i], (int)n, s);
		if (s[i] != '#')
			continue;
		for (k = i + 1; k < n && s[k] >= '0' && s[k] <= '9'; k++)
			;
		if (n - i > 5 && !strncmp(s + i, "#quot;", 6))
			k = i + 5;
		else if (k == i + 1 || k >= n || s[k] != ';')
			fail_msg("bare '#' in Mermaid label: %.*s", (int)n, s);
		i = k; /* past the entity's ';' */
	}
}

/* Reads "n<digits>" or "b<digits>" at *p. */
static void expect_id(const char **p, char prefix)
{
	if (**p != prefix || (*p)[1] < '0' || (*p)[1] > '9')
		fail_msg("expected a %c id at: %s", prefix, *p);
	for ((*p)++; **p >= '0' && **p <= '9'; (*p)++)
		;
}

static void expect(const char **p, const char *what)
{
	if (strncmp(*p, what, strlen(what)) != 0)
		fail_msg("expected '%s' at: %s", what, *p);
	*p += strlen(what);
}

/* A quoted label up to the next quote. */
static void expect_label(const char **p)
{
	const char *end;

	expect(p, "\"");
	end = strchr(*p, '"');
	assert_non_null(end);
	check_label(*p, (size_t)(end - *p));
	*p = end + 1;
}

/* Every line of the diagram is one of the forms the writer produces. */
static void check_mermaid_line(const char *line)
{
	const char *p = line + strspn(line, " ");

	if (!strcmp(p, "flowchart LR") || !strcmp(p, "end") ||
	    !strcmp(p, "classDef outOfScope stroke-dasharray: 5 5"))
		return;
	if (!strncmp(p, "class ", 6)) {
		p += 6;
		expect_id(&p, 'n');
		expect(&p, " outOfScope");
	} else if (!strncmp(p, "subgraph ", 9)) {
		p += 9;
		expect_id(&p, 'b');
		expect(&p, "[");
		expect_label(&p);
		expect(&p, "]");
	} else {
		expect_id(&p, 'n');
		if (*p == ' ') {
			p++;
			p += !strncmp(p, "<-->", 4) ? 4 : !strncmp(p, "-.->", 4) ? 4 : 3;
			expect(&p, "|");
			expect_label(&p);
			expect(&p, "| ");
			expect_id(&p, 'n');
		} else {
			p += !strncmp(p, "[(", 2) ? 2 : 1;
			expect_label(&p);
			p += *p == ')' && p[1] == ']' ? 2 : 1;
		}
	}
	if (*p)
		fail_msg("unexpected text at the end of Mermaid line: %s", line);
}

static void check_line(const char *line, size_t len, bool in_mermaid)
{
	struct sbuf sb = SBUF_INIT;
	const char *lt;

	sbuf_add(&sb, line, len);
	if (in_mermaid) {
		check_mermaid_line(sb.buf);
	} else {
		if (sb.buf[0] == '#' && !str_starts_with(sb.buf, "# Threat model: ") &&
		    !str_starts_with(sb.buf, "## ") && !str_starts_with(sb.buf, "### ") &&
		    !str_starts_with(sb.buf, "#### "))
			fail_msg("heading that the report did not make: %s", sb.buf);
		if (str_starts_with(sb.buf, "- injected") || str_starts_with(sb.buf, "```"))
			fail_msg("injected block: %s", sb.buf);
		for (lt = strchr(sb.buf, '<'); lt; lt = strchr(lt + 1, '<'))
			if (!str_starts_with(lt, "<br>"))
				fail_msg("raw HTML: %s", lt);
	}
	sbuf_release(&sb);
}

/* Walks the report: tables keep their column count, the diagram its grammar, text its place. */
static void check_structure(const char *text)
{
	const char *line = text, *nl;
	bool in_mermaid = false;
	int columns = -1;

	for (; *line; line = nl + 1) {
		size_t len;
		nl = strchr(line, '\n');
		assert_non_null(nl); /* every line ends */
		len = (size_t)(nl - line);
		if (!in_mermaid && len == 10 && !strncmp(line, "```mermaid", 10)) {
			in_mermaid = true;
			continue;
		}
		if (in_mermaid && len == 3 && !strncmp(line, "```", 3)) {
			in_mermaid = false;
			continue;
		}
		check_line(line, len, in_mermaid);
		if (!in_mermaid && len && line[0] == '|') {
			int n = cell_pipes(line, len);
			if (columns < 0)
				columns = n;
			else if (n != columns)
				fail_msg("row with %d pipes in a table of %d: %.*s", n, columns,
					 (int)len, line);
		} else {
			columns = -1;
		}
	}
	assert_false(in_mermaid);
}

static void test_hostile(void **state)
{
	struct model *m = hostile_model();
	struct qlibrary *lib = load_questionnaires();
	char *text = render(m, lib);

	check_structure(text);
	assert_null(strstr(text, "<script"));
	assert_null(strstr(text, "\r"));
	assert_non_null(strstr(text, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	assert_non_null(strstr(text, "\\[link\\](javascript:x)"));
	assert_null(strstr(text, " [link]("));
	assert_non_null(strstr(text, "\\`tick\\`"));
	assert_non_null(strstr(text, "cell \\| break<br>"));
	/* Every field made it into the report, escaped. */
	assert_non_null(
	    strstr(text, "break # injected heading - injected item")); /* inline: one line */
	/* paragraph: each line kept by a hard break, and escaped */
	assert_non_null(strstr(text, "break\\\n\\# injected heading\\\n\\- injected item\\\n"));
	free(text);
	qlibrary_free(lib);
	model_free(m);
}

/* ---- one point at a time, on small models ------------------------------------------------ */

/* The report holds this exact text; shows the report when it does not. */
static void expect_text(const char *report, const char *want)
{
	if (!strstr(report, want))
		fail_msg("the report has no\n  %s\nin:\n%s", want, report);
}

static size_t occurrences(const char *text, const char *what)
{
	size_t n = 0;

	for (; (text = strstr(text, what)) != NULL; text += strlen(what))
		n++;
	return n;
}

static struct element *add_element(struct model *m, const char *id, enum element_kind kind)
{
	struct element *e = element_new(id, kind);

	e->name = xstrdup(id);
	model_add_element(m, e);
	return e;
}

static struct threat *add_threat(struct model *m, const char *id, const char *element,
				 enum stride_letter letter, int likelihood, int impact)
{
	struct threat *t = threat_new(id, element, letter);

	t->title = xstrdup(id);
	t->likelihood = likelihood;
	t->impact = impact;
	model_add_threat(m, t);
	return t;
}

/* One process in one boundary, called by one user over one flow. */
static struct model *small_model(void)
{
	struct model *m = model_new();
	struct element *flow;

	m->name = xstrdup("Small");
	add_element(m, "aws", KIND_TRUST_BOUNDARY);
	add_element(m, "fn", KIND_PROCESS)->boundary = xstrdup("aws");
	add_element(m, "user", KIND_EXTERNAL_ENTITY);
	flow = add_element(m, "call", KIND_DATA_FLOW);
	flow->from = xstrdup("user");
	flow->to = xstrdup("fn");
	return m;
}

/* Likelihood on the rows, 5 at the top, impact on the columns, as on the Prioritise screen. */
static void test_heat_map_follows_the_screen(void **state)
{
	struct model *m = small_model();
	char *text;

	add_threat(m, "T-0001", "fn", STRIDE_S, 5, 1); /* likely, small */
	add_threat(m, "T-0002", "fn", STRIDE_T, 1, 5); /* rare, severe */
	add_threat(m, "T-0003", "fn", STRIDE_R, 1, 5);
	text = render(m, NULL);
	expect_text(text,
		    "| Likelihood ↓ Impact → | 1 | 2 | 3 | 4 | 5 |\n|---|---|---|---|---|---|\n"
		    "| **5** | **1** medium | · high | · high | · critical | · critical |\n");
	expect_text(text, "| **1** | · low | · low | · low | · low | **2** medium |\n");
	expect_text(text, "by likelihood (rows, 5 at the top) and impact (columns, 1 on the left)");
	free(text);
	model_free(m);
}

static void test_letters_primary_first(void **state)
{
	struct model *m = small_model();
	struct threat *t = add_threat(m, "T-0001", "fn", STRIDE_E, 3, 3);
	char *text;

	t->extra = STRIDE_BIT(STRIDE_S) | STRIDE_BIT(STRIDE_I);
	text = render(m, NULL);
	expect_text(text, "| fn | ESI | 3 | 3 |");
	free(text);
	model_free(m);
}

static void add_unknown(struct model *m, const char *question, const char *who)
{
	add_answer(m, "fn", "identity", question, "unknown", NULL, who);
}

/* One row per open question: an unknown answer and the question it raised are one row. */
static void test_open_questions_once(void **state)
{
	struct model *m = small_model();
	char *text;

	add_unknown(m, "role-per-function", "Jo");
	add_answer_item(m, "Q-0001", "fn", "identity", "role-per-function",
			"Does each function have its own identity?", NULL);
	add_unknown(m, "credential-source", "Sam"); /* no question recorded for it */
	add_unknown(m, "wildcard-actions", "Sam");
	add_answer_item(m, "Q-0002", "fn", "identity", "wildcard-actions", "Wildcards?", "Jo");
	m->items[m->nitems - 1]->closed = true; /* answered since, in the room */
	add_item(m, "Q-0003", ITEM_QUESTION, "Who rotates the keys?", "Kim", "fn", false);
	text = render(m, NULL);
	expect_text(text, "| Q-0001 | fn | identity/role-per-function for fn: Does each function "
			  "have its own identity? | no owner | no due date |\n");
	expect_text(text, "| Q-0003 | fn | Who rotates the keys? | Kim | 2026-12-01 |\n");
	expect_text(text, "| — | fn | identity/credential-source (answered `unknown` by Sam) | "
			  "no owner | no due date |\n");
	assert_int_equal(occurrences(text, "role-per-function"), 2); /* open questions, answers */
	assert_null(strstr(text, "| Q-0002 |"));
	assert_null(strstr(text, "wildcard-actions (answered"));
	expect_text(text, "| unknown (open question Q-0001) |");
	expect_text(text, "| unknown (question Q-0002, closed) |");
	expect_text(text, "| unknown (open question) |");
	expect_text(text, "- **Open questions:** 3 open questions, 2 with no owner, 2 with no "
			  "due date\n");
	free(text);
	model_free(m);
}

/* Equal risk and votes: ids in strcmp order, also past their first eight bytes. */
static void test_ties_in_id_order(void **state)
{
	struct model *m = small_model();
	const char *a, *b, *c;
	char *text;

	add_threat(m, "T-0010", "fn", STRIDE_S, 2, 2);
	add_threat(m, "T-000000011", "fn", STRIDE_T, 2, 2);
	add_threat(m, "T-000000009", "fn", STRIDE_R, 2, 2);
	text = render(m, NULL);
	a = strstr(text, "| [T-000000009]");
	b = strstr(text, "| [T-000000011]");
	c = strstr(text, "| [T-0010]");
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(c);
	assert_true(a < b && b < c);
	free(text);
	model_free(m);
}

/* Hard breaks in paragraphs, <br> in cells: the line breaks GitHub shows. */
static void test_line_breaks(void **state)
{
	struct model *m = small_model();
	struct threat *t = add_threat(m, "T-0001", "fn", STRIDE_S, 2, 2);
	char *text;

	m->description = xstrdup("First line.\nSecond line.");
	t->description = xstrdup("Step one.\r\nStep two.\n\n\nA new paragraph.");
	t->status = THREAT_ACCEPTED;
	t->justification = xstrdup("Low value.\nOwned by IT.");
	model_element(m, "fn")->description = xstrdup("Runs.\nLogs.");
	text = render(m, NULL);
	expect_text(text, "\nFirst line.\\\nSecond line.\n");
	expect_text(text, "\nStep one.\\\nStep two.\n\nA new paragraph.\n");
	expect_text(text, "Justification (accepted): Low value.\\\nOwned by IT.\n");
	expect_text(text, "| Runs.<br>Logs. |");
	expect_text(text, "| Low value.<br>Owned by IT. |");
	free(text);
	model_free(m);
}

/* Each session's date, duration and phases; the facilitator as stored, or "not recorded". */
static void test_sessions(void **state)
{
	struct model *m = small_model();
	struct session *s = session_new(1, "workshop", "2026-11-20T23:30:00Z");
	char *text;

	s->facilitator = xstrdup("Priya");
	s->ended = xstrdup("2026-11-21T00:31:00Z");
	s->phases[0].started = xstrdup("2026-11-20T23:30:00Z");
	s->phases[0].ended = xstrdup("2026-11-20T23:41:00Z");
	model_add_session(m, s);
	model_add_session(m, session_new(2, "review", "2026-11-22T09:00:00Z"));
	text = render(m, NULL);
	expect_text(text, "| 1 | 2026-11-20 | workshop | Priya | 23:30–2026-11-21 00:31 | "
			  "1 h 01 min | context: planned 10 min, took 11 min<br>walk: planned "
			  "35 min, not started<br>");
	expect_text(text,
		    "| 2 | 2026-11-22 | review | not recorded | from 09:00 | still running |");
	expect_text(text, "- **Sessions:** #1 workshop 2026-11-20; #2 review 2026-11-22, still "
			  "running\n- **Duration:** 1 h 01 min (1 of 2 sessions ended)\n");
	free(text);
	model_free(m);
}

/* Whoever raised a threat is among the people, with the index's counts. */
static void test_raisers_are_people(void **state)
{
	struct model *m = small_model();
	char *text;

	add_person(m, "Priya", "facilitator");
	add_threat(m, "T-0001", "fn", STRIDE_S, 2, 2)->raised_by = xstrdup("Priya");
	add_threat(m, "T-0002", "fn", STRIDE_T, 2, 2)->raised_by = xstrdup("Morgan");
	add_threat(m, "T-0003", "fn", STRIDE_R, 2, 2)->raised_by = xstrdup("Morgan");
	add_vote(m, "Priya", "T-0002", 2);
	add_answer(m, "fn", "identity", "role-per-function", "no", NULL, "Priya");
	add_answer(m, "fn", "identity", "credential-source", "env", NULL, "Morgan");
	text = render(m, NULL);
	expect_text(text, "| Participant | Role | Threats raised | Answers given | Cells decided | "
			  "Dots given |\n|---|---|---|---|---|---|\n"
			  "| Priya | facilitator | 1 | 1 | 0 | 2 |\n"
			  "| Morgan | not a participant | 2 | — | — | — |\n");
	expect_text(text, "- **Participants:** Priya (facilitator), Morgan (raised threats, not a "
			  "participant)\n");
	free(text);
	model_free(m);
}

static void test_plurals(void **state)
{
	struct model *m = small_model();
	char *text;

	add_item(m, "Q-0001", ITEM_QUESTION, "Who owns the key?", "Kim", "fn", false);
	text = render(m, NULL);
	expect_text(text, "- **Diagram:** 2 elements and 1 data flow in 1 trust boundary\n");
	expect_text(text, "- **Open questions:** 1 open question\n");
	expect_text(text, "- **Coverage:** 0 of 11 STRIDE cells decided (0%)\n");
	free(text);
	model_free(m);
}

/* Nothing to walk is 0%, never 100%, and the report says why. */
static void test_no_elements(void **state)
{
	struct model *m = model_new();
	char *text;

	m->name = xstrdup("Empty");
	text = render(m, NULL);
	expect_text(text, "- **Coverage:** 0% (no elements: nothing has been walked)\n");
	expect_text(text, "No STRIDE cells to decide (no elements), so nothing has been walked: "
			  "coverage is 0%.");
	assert_null(strstr(text, "100%"));
	free(text);
	add_element(m, "aws", KIND_TRUST_BOUNDARY);
	text = render(m, NULL);
	expect_text(text, "0% (no elements, only trust boundaries: nothing has been walked)");
	free(text);
	add_element(m, "fn", KIND_PROCESS)->out_of_scope = true;
	text = render(m, NULL);
	expect_text(text, "0% (every element is out of scope: nothing has been walked)");
	free(text);
	model_free(m);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_golden),
	    cmocka_unit_test(test_without_questionnaires),
	    cmocka_unit_test(test_not_applicable_answer),
	    cmocka_unit_test(test_hostile),
	    cmocka_unit_test(test_heat_map_follows_the_screen),
	    cmocka_unit_test(test_letters_primary_first),
	    cmocka_unit_test(test_open_questions_once),
	    cmocka_unit_test(test_ties_in_id_order),
	    cmocka_unit_test(test_line_breaks),
	    cmocka_unit_test(test_sessions),
	    cmocka_unit_test(test_raisers_are_people),
	    cmocka_unit_test(test_plurals),
	    cmocka_unit_test(test_no_elements),
	};

	if (argc > 0)
		self = argv[0];
	return cmocka_run_group_tests(tests, NULL, NULL);
}
