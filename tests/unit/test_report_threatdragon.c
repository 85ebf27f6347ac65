/*
 * The Threat Dragon export and its layout: every shipped template goes out and comes back with
 * the same boundaries, members, flows and threats; the generated layout puts every element
 * inside the boxes of its boundaries and outside every other box, with nothing on top of
 * anything else; and Threat Dragon -> stridewalk -> Threat Dragon gives back what the file had
 * (names, descriptions, flags, out-of-scope reasons, threats with status, severity, score,
 * mitigation, number, id and methodology).
 */
#include "testlib.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fileio.h"
#include "import_foreign.h"
#include "import_threatdragon.h"
#include "json.h"
#include "model.h"
#include "report_layout.h"
#include "report_threatdragon.h"
#include "sbuf.h"
#include "strlist.h"
#include "util.h"

#define FIXTURES "fixtures/threatdragon/"
#define SAMPLE "../../shared/samples/threat-dragon-v2-demo.json"

static struct model *import_text(const char *name, const struct sbuf *text)
{
	struct sw_error err = SW_ERROR_INIT;
	struct td_report r;
	struct model *m = NULL;

	if (td_import_text(name, text->buf, text->len, &m, &r, &err))
		fail_msg("%s: %d:%d: %s", name, err.line, err.col, err.msg);
	td_report_release(&r);
	return m;
}

static void export(const struct model *m, struct sbuf *out)
{
	struct sw_error err = SW_ERROR_INIT;

	assert_int_equal(report_threatdragon_write(m, out, &err), 0);
}

/* The name of an element's boundary, or "" (ids may differ after a trip, names do not). */
static const char *boundary_name(const struct model *m, const struct element *e)
{
	const struct element *b = e->boundary ? model_element(m, e->boundary) : NULL;

	return b ? b->name : "";
}

static const struct element *by_name(const struct model *m, const char *name,
				     enum element_kind kind)
{
	size_t i;

	for (i = 0; i < m->nelements; i++)
		if (m->elements[i]->kind == kind && str_eq(m->elements[i]->name, name))
			return m->elements[i];
	return NULL;
}

static void assert_same_diagram(const struct model *a, const struct model *b)
{
	size_t i;

	assert_int_equal(a->nelements, b->nelements);
	assert_int_equal(a->nthreats, b->nthreats);
	for (i = 0; i < a->nelements; i++) {
		const struct element *x = a->elements[i];
		const struct element *y = by_name(b, x->name, x->kind);
		if (!y)
			fail_msg("%s '%s' did not come back", element_kind_label(x->kind), x->name);
		assert_string_equal(boundary_name(a, x), boundary_name(b, y));
		if (x->kind == KIND_DATA_FLOW) {
			assert_string_equal(model_element(a, x->from)->name,
					    model_element(b, y->from)->name);
			assert_string_equal(model_element(a, x->to)->name,
					    model_element(b, y->to)->name);
		}
	}
}

/* ---- the layout ----------------------------------------------------------------------------- */

static bool overlap(const struct layout_rect *a, const struct layout_rect *b)
{
	return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

static bool inside(const struct layout_rect *in, const struct layout_rect *out)
{
	return in->x > out->x && in->y > out->y && in->x + in->w < out->x + out->w &&
	       in->y + in->h < out->y + out->h;
}

/* Whether boundary `b` encloses element `e`, directly or through nested boundaries. */
static bool encloses(const struct model *m, const struct element *b, const struct element *e)
{
	size_t steps = 0;

	while (e->boundary && steps++ < m->nelements) {
		e = model_element(m, e->boundary);
		if (e == b)
			return true;
	}
	return false;
}

static void assert_readable_layout(const struct model *m)
{
	struct layout l;
	size_t i, k;

	layout_make(m, &l);
	for (i = 0; i < m->nelements; i++) {
		const struct element *e = m->elements[i];
		const struct layout_rect *r = &l.rects[i];
		if (e->kind == KIND_DATA_FLOW)
			continue;
		assert_true(r->w >= 10 && r->h >= 10);
		assert_true(inside(r, &(struct layout_rect){0, 0, l.width + 1, l.height + 1}));
		for (k = 0; k < m->nelements; k++) {
			const struct element *o = m->elements[k];
			if (k == i || o->kind == KIND_DATA_FLOW)
				continue;
			if (o->kind == KIND_TRUST_BOUNDARY && encloses(m, o, e)) {
				if (!inside(r, &l.rects[k]))
					fail_msg("%s is not inside the box of %s", e->id, o->id);
			} else if (e->kind == KIND_TRUST_BOUNDARY && encloses(m, e, o)) {
				continue; /* the other way round, checked from o */
			} else if (overlap(r, &l.rects[k])) {
				fail_msg("%s and %s are drawn on top of each other", e->id, o->id);
			}
		}
	}
	layout_release(&l);
}

static struct element *add(struct model *m, const char *id, enum element_kind kind,
			   const char *from, const char *to)
{
	struct element *e = element_new(id, kind);

	e->name = strdup(id);
	e->type = kind == KIND_DATA_FLOW ? NULL : strdup("generic.service");
	e->from = from ? strdup(from) : NULL;
	e->to = to ? strdup(to) : NULL;
	model_add_element(m, e);
	return e;
}

/* Flows between the same two elements bend apart instead of lying on one line; a flow from an
 * element to itself loops out beside it. */
static void test_parallel_flows(void **state)
{
	struct model *m = model_new();
	struct layout l;

	m->name = strdup("Pairs");
	add(m, "a", KIND_PROCESS, NULL, NULL);
	add(m, "b", KIND_PROCESS, NULL, NULL);
	add(m, "ask", KIND_DATA_FLOW, "a", "b");
	add(m, "answer", KIND_DATA_FLOW, "b", "a");
	add(m, "again", KIND_DATA_FLOW, "a", "b");
	add(m, "self", KIND_DATA_FLOW, "a", "a");
	layout_make(m, &l);
	assert_false(l.has_bend[2]);
	assert_true(l.has_bend[3] && l.has_bend[4]);
	assert_true(l.bend_x[3] != l.bend_x[4] || l.bend_y[3] != l.bend_y[4]);
	assert_true(l.has_bend[5]);
	assert_true(l.bend_x[5] > l.rects[0].x + l.rects[0].w); /* beside a, not on it */
	assert_readable_layout(m);
	layout_release(&l);
	model_free(m);
}

static void test_templates(void **state)
{
	struct strlist names = STRLIST_INIT;
	size_t i;

	test_template_names(&names);
	for (i = 0; i < names.count; i++) {
		struct model *m = test_template(names.items[i]), *back;
		struct sbuf td = SBUF_INIT;
		assert_readable_layout(m);
		export(m, &td);
		back = import_text(names.items[i], &td);
		assert_same_diagram(m, back);
		model_free(back);
		model_free(m);
		sbuf_release(&td);
	}
	strlist_clear(&names);
}

static void test_wrap(void **state)
{
	char *s = layout_wrap("Get payslip function for employees", 18);

	assert_string_equal(s, "Get payslip\nfunction for\nemployees");
	free(s);
	s = layout_wrap("Supercalifragilisticexpialidocious", 18);
	assert_string_equal(s, "Supercalifragilisticexpialidocious");
	free(s);
}

/* ---- Threat Dragon -> stridewalk -> Threat Dragon ---------------------------------------------- */

/* The cells with data of a Threat Dragon 2.x document, by "type name" (names as imported). */
static void index_cells(const struct json_value *doc, struct strlist *keys,
			const struct json_value ***cells, size_t *n)
{
	const struct json_value *diagrams = json_path(doc, "detail", "diagrams", NULL);
	size_t d, i;

	*n = 0;
	for (d = 0; diagrams && d < diagrams->nitems; d++) {
		const struct json_value *list = json_get(diagrams->items[d], "cells");
		for (i = 0; list && i < list->nitems; i++) {
			const struct json_value *c = list->items[i], *data = json_get(c, "data");
			struct sbuf key = SBUF_INIT;
			char *name = foreign_name(json_get_str(data, "name"));
			if (!data || !name || str_eq(json_get_str(data, "type"), "tm.Text")) {
				/* unnamed boundaries get names made up; text blocks are dropped */
				free(name);
				continue;
			}
			sbuf_addf(&key, "%s %s", json_get_str(data, "type"), name);
			strlist_push(keys, key.buf);
			*cells = realloc(*cells, (*n + 1) * sizeof(**cells));
			(*cells)[(*n)++] = c;
			sbuf_release(&key);
			free(name);
		}
	}
}

static void assert_same_member(const char *what, const struct json_value *a,
			       const struct json_value *b, const char *key)
{
	const struct json_value *x = json_get(a, key), *y = json_get(b, key);
	const char *xs = x ? (x->type == JSON_STRING || x->type == JSON_NUMBER ? x->text
			      : x->type == JSON_BOOL && x->boolean             ? "true"
									       : "")
			   : "";
	const char *ys = y ? (y->type == JSON_STRING || y->type == JSON_NUMBER ? y->text
			      : y->type == JSON_BOOL && y->boolean             ? "true"
									       : "")
			   : "";

	if (!str_eq(xs, ys))
		fail_msg("%s: '%s' was \"%s\", came back \"%s\"", what, key, xs, ys);
}

static void assert_same_threats(const char *what, const struct json_value *a,
				const struct json_value *b)
{
	static const char *const keys[] = {"title",    "description", "type",  "status",
					   "severity", "mitigation",  "score", "number"};
	const struct json_value *x = json_get(a, "threats"), *y = json_get(b, "threats");
	size_t i, k, n = x ? x->nitems : 0;

	assert_int_equal(n, y ? y->nitems : 0);
	for (i = 0; i < n; i++) {
		const struct json_value *tx = x->items[i], *ty = y->items[i];
		for (k = 0; k < ARRAY_SIZE(keys); k++) {
			/* a threat without a title is called so, and one without a number gets one */
			if (str_eq(keys[k], "title") && str_empty(json_get_str(tx, "title")))
				continue;
			if (json_get(tx, keys[k]) || !str_eq(keys[k], "number"))
				assert_same_member(what, tx, ty, keys[k]);
		}
		if (json_get(tx, "id") || json_get(tx, "threatId"))
			assert_string_equal(json_get_str(tx, "id") ? json_get_str(tx, "id")
								   : json_get_str(tx, "threatId"),
					    json_get_str(ty, "id"));
		if (json_get(tx, "modelType"))
			assert_same_member(what, tx, ty, "modelType");
	}
}

/* `dropped`: the one cell the import reports as dropped, or NULL. */
static void assert_round_trip(const char *path, const char *dropped)
{
	static const char *const keys[] = {
	    "description",      "outOfScope",         "reasonOutOfScope",
	    "isALog",           "isBidirectional",    "protocol",
	    "privilegeLevel",   "storesCredentials",  "storesInventory",
	    "isEncrypted",      "isSigned",           "providesAuthentication",
	    "isWebApplication", "handlesCardPayment", "handlesGoodsOrServices",
	    "isPublicNetwork"};
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf text = SBUF_INIT, back = SBUF_INIT;
	struct json_value *a = NULL, *b = NULL;
	struct strlist ka = STRLIST_INIT, kb = STRLIST_INIT;
	const struct json_value **ca = NULL, **cb = NULL;
	struct model *m;
	size_t na, nb, i, k;

	assert_int_equal(file_read_all(path, &text, &err), 0);
	m = import_text(path, &text);
	export(m, &back);
	assert_int_equal(json_parse(path, text.buf, text.len, NULL, &a, &err), 0);
	assert_int_equal(json_parse("back.json", back.buf, back.len, NULL, &b, &err), 0);
	index_cells(a, &ka, &ca, &na);
	index_cells(b, &kb, &cb, &nb);
	for (i = 0; i < na; i++) {
		const struct json_value *data = json_get(ca[i], "data"), *other = NULL;
		for (k = 0; k < nb && !other; k++) {
			if (cb[k] && str_eq(ka.items[i], kb.items[k])) {
				other = json_get(cb[k], "data");
				cb[k] = NULL; /* same-named cells pair up in order */
			}
		}
		if (!other && str_eq(ka.items[i], dropped))
			continue;
		if (!other)
			fail_msg("%s: %s did not come back", path, ka.items[i]);
		if (str_eq(json_get_str(data, "type"), "tm.BoundaryBox") ||
		    str_eq(json_get_str(data, "type"), "tm.Boundary"))
			continue;
		for (k = 0; k < ARRAY_SIZE(keys); k++)
			if (json_get(data, keys[k]))
				assert_same_member(ka.items[i], data, other, keys[k]);
		assert_same_threats(ka.items[i], data, other);
	}
	assert_string_equal(json_get_str(json_get(a, "summary"), "title"),
			    json_get_str(json_get(b, "summary"), "title"));
	json_free(a);
	json_free(b);
	free(ca);
	free(cb);
	strlist_clear(&ka);
	strlist_clear(&kb);
	model_free(m);
	sbuf_release(&text);
	sbuf_release(&back);
}

static void test_round_trip(void **state)
{
	assert_round_trip(FIXTURES "v2-kept.json", NULL);
	assert_round_trip(FIXTURES "v2-basic.json", "tm.Flow Dangling"); /* no source */
	assert_round_trip(FIXTURES "v2-two-diagrams.json", NULL);
}

static void test_round_trip_sample(void **state)
{
	if (access(SAMPLE, R_OK) != 0)
		skip();
	assert_round_trip(SAMPLE, NULL);
}

/* A stridewalk threat that never was in Threat Dragon: its rating's band, letter, status. */
static void test_native_threat(void **state)
{
	struct model *m = test_template("demo-hr-workshop");
	struct sbuf td = SBUF_INIT;

	export(m, &td);
	/* T-0001 is I on payslip-fn, likelihood 4 x impact 5 = 20, open */
	assert_non_null(strstr(td.buf, "\"id\": \"T-0001\",\n"));
	assert_non_null(strstr(td.buf, "\"severity\": \"Critical\""));
	assert_non_null(strstr(td.buf, "\"type\": \"Information disclosure\""));
	assert_non_null(strstr(td.buf, "\"status\": \"Open\""));
	assert_non_null(strstr(td.buf, "\"status\": \"Accepted\""));
	assert_non_null(strstr(td.buf, "\"threatTop\": 12"));
	model_free(m);
	sbuf_release(&td);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_templates),
	    cmocka_unit_test(test_parallel_flows),
	    cmocka_unit_test(test_wrap),
	    cmocka_unit_test(test_round_trip),
	    cmocka_unit_test(test_round_trip_sample),
	    cmocka_unit_test(test_native_threat),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
