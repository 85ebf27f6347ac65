/*
 * The CSV backlog: the header importers map, one row per threat (by risk) or per mitigation,
 * RFC 4180 quoting read back by a strict parser, and hostile strings in every field that
 * neither break a row nor reach a spreadsheet as a formula.
 */
#include "testlib.h"

#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "hostile_model.h"
#include "report_csv.h"
#include "sbuf.h"
#include "util.h"
#include "xalloc.h"

#define THREAT_HEADER                                                                              \
	"Summary,Description,Priority,Labels,Status,Assignee,Due date,Threat id,Element,STRIDE,"   \
	"Likelihood,Impact,Risk,Votes,Mitigations"
#define MITIGATION_HEADER                                                                          \
	"Summary,Description,Priority,Labels,Status,Assignee,Due date,Threat id,Mitigation "       \
	"id,Ticket"

/* A parsed CSV document: rows of cells (new strings). */
struct table {
	char ***rows;
	size_t *ncells;
	size_t nrows, cap;
};

static void push_cell(struct table *t, struct sbuf *cell)
{
	size_t r = t->nrows - 1;

	t->rows[r] = xrealloc(t->rows[r], (t->ncells[r] + 1) * sizeof(char *));
	t->rows[r][t->ncells[r]++] = sbuf_detach(cell);
	sbuf_init(cell);
}

static void new_row(struct table *t)
{
	size_t cap = t->cap;

	t->rows = xgrow(t->rows, sizeof(*t->rows), t->nrows + 1, &t->cap);
	t->ncells = xgrow(t->ncells, sizeof(*t->ncells), t->nrows + 1, &cap);
	t->rows[t->nrows] = NULL;
	t->ncells[t->nrows++] = 0;
}

/* A quoted field at *p (past its opening quote); fails on anything RFC 4180 does not allow. */
static const char *quoted(const char *p, struct sbuf *cell)
{
	for (;; p++) {
		if (!*p)
			fail_msg("quoted field never closed");
		if (*p == '"' && p[1] == '"')
			sbuf_addch(cell, *p++);
		else if (*p == '"')
			return p + 1;
		else
			sbuf_addch(cell, *p);
	}
}

/* Strict RFC 4180: CRLF between records, quotes only around whole fields. */
static struct table parse_csv(const char *p)
{
	struct table t = {NULL, NULL, 0, 0};
	struct sbuf cell = SBUF_INIT;

	sbuf_init(&cell);
	new_row(&t);
	while (*p) {
		if (*p == '"' && cell.len == 0) {
			p = quoted(p + 1, &cell);
			if (*p && *p != ',' && *p != '\r')
				fail_msg("text after a quoted field: %.40s", p);
		}
		if (*p == ',') {
			push_cell(&t, &cell);
			p++;
		} else if (*p == '\r' && p[1] == '\n') {
			push_cell(&t, &cell);
			p += 2;
			if (*p)
				new_row(&t);
		} else if (*p == '"' || *p == '\r' || *p == '\n') {
			fail_msg("stray '%c' outside a quoted field: %.40s", *p, p);
		} else {
			sbuf_addch(&cell, *p++);
		}
	}
	sbuf_release(&cell);
	return t;
}

static void table_free(struct table *t)
{
	size_t r, c;

	for (r = 0; r < t->nrows; r++) {
		for (c = 0; c < t->ncells[r]; c++)
			free(t->rows[r][c]);
		free(t->rows[r]);
	}
	free(t->rows);
	free(t->ncells);
}

static char *render(const struct model *m, bool per_mitigation)
{
	struct sbuf out = SBUF_INIT;

	sbuf_init(&out);
	report_csv_write(m, per_mitigation, &out);
	return sbuf_detach(&out);
}

static void test_per_threat(void **state)
{
	struct model *m = test_template("demo-hr-workshop");
	char *text = render(m, false);
	struct table t = parse_csv(text);
	size_t r;

	assert_true(str_starts_with(text, THREAT_HEADER "\r\n"));
	assert_int_equal(t.nrows, m->nthreats + 1);
	for (r = 0; r < t.nrows; r++)
		assert_int_equal(t.ncells[r], 15);
	/* Highest risk first: T-0001 (4 x 5), with its mitigation's owner and due date. */
	assert_string_equal(t.rows[1][0],
			    "Employee fetches a colleague's payslip by changing the employee id");
	assert_string_equal(t.rows[1][2], "Highest");
	assert_string_equal(t.rows[1][3],
			    "stridewalk threat stride-E stride-I risk-critical element-payslip-fn");
	assert_string_equal(t.rows[1][4], "open");
	assert_string_equal(t.rows[1][5], "Sam");
	assert_string_equal(t.rows[1][6], "2026-12-04");
	assert_string_equal(t.rows[1][7], "T-0001");
	assert_string_equal(t.rows[1][9], "EI");
	assert_string_equal(t.rows[1][12], "20");
	assert_string_equal(t.rows[1][14], "M-0001");
	assert_non_null(strstr(t.rows[1][1],
			       "\nMitigations:\n- M-0001 Take the employee id from the "
			       "token, never from the request (in-progress, owner Sam, "
			       "ticket PAY-142, due 2026-12-04)"));
	/* A threat without mitigation has no assignee and no due date. */
	for (r = 1; r < t.nrows; r++)
		if (str_eq(t.rows[r][7], "T-0008")) {
			assert_string_equal(t.rows[r][5], "");
			assert_string_equal(t.rows[r][6], "");
			assert_string_equal(t.rows[r][2], "High");
		}
	assert_string_equal(t.rows[t.nrows - 1][2], "Low");
	table_free(&t);
	free(text);
	model_free(m);
}

static void test_per_mitigation(void **state)
{
	struct model *m = test_template("demo-hr-workshop");
	char *text = render(m, true);
	struct table t = parse_csv(text);

	assert_true(str_starts_with(text, MITIGATION_HEADER "\r\n"));
	assert_int_equal(t.nrows, m->nmitigations + 1);
	/* M-0004 addresses a critical and a medium threat: its priority is the higher. */
	assert_string_equal(t.rows[4][8], "M-0004");
	assert_string_equal(t.rows[4][0], "One least-privilege execution role per function");
	assert_string_equal(t.rows[4][2], "Highest");
	assert_string_equal(t.rows[4][4], "planned");
	assert_string_equal(t.rows[4][5], "Jo");
	assert_string_equal(t.rows[4][6], "2027-01-15");
	assert_string_equal(t.rows[4][7], "T-0009 T-0005");
	assert_string_equal(t.rows[4][9], "PAY-155");
	assert_string_equal(t.rows[4][3], "stridewalk mitigation risk-critical");
	table_free(&t);
	free(text);
	model_free(m);
}

static void check_cells(const struct table *t, size_t columns)
{
	size_t r, c;

	for (r = 0; r < t->nrows; r++) {
		assert_int_equal(t->ncells[r], columns);
		for (c = 0; c < t->ncells[r]; c++)
			if (esc_csv_is_formula(t->rows[r][c]))
				fail_msg("row %zu column %zu would run as a formula: %.30s", r, c,
					 t->rows[r][c]);
	}
}

static void test_hostile(void **state)
{
	struct model *m = hostile_model();
	char *text = render(m, false), *by_mit = render(m, true);
	struct table t = parse_csv(text), tm = parse_csv(by_mit);
	size_t r;

	check_cells(&t, 15);
	check_cells(&tm, 10);
	assert_int_equal(t.nrows, 4);
	assert_int_equal(tm.nrows, 2);
	/* The text survives, apostrophe first, quotes and line breaks intact; cut to 255 for Jira. */
	for (r = 1; r < t.nrows; r++) {
		assert_true(str_starts_with(t.rows[r][0],
					    "'=HYPERLINK(\"http://evil.example\",\"click\") | "
					    "cell | break\n# injected heading\n"));
		assert_true(strlen(t.rows[r][0]) <= 255);
		assert_true(str_ends_with(t.rows[r][0], "..."));
		assert_true(str_starts_with(t.rows[r][1], "'=HYPERLINK"));
		assert_non_null(strstr(t.rows[r][1], "<script>alert(1)</script>"));
	}
	assert_string_equal(tm.rows[1][5], "'" HOSTILE " owner");
	assert_string_equal(tm.rows[1][9], "'" HOSTILE " ticket");
	table_free(&t);
	table_free(&tm);
	free(text);
	free(by_mit);
	model_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_per_threat),
	    cmocka_unit_test(test_per_mitigation),
	    cmocka_unit_test(test_hostile),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
