/* The in-memory model: next ids without a scan, edits that keep a record in place, people found
 * as the room types them and called by a name only they have. */
#include "testlib.h"

#include <stdlib.h>

#include "model.h"
#include "xalloc.h"

static void assert_next(const struct model *m, char prefix, const char *want)
{
	char *id = model_next_ref(m, prefix);

	assert_string_equal(id, want);
	free(id);
}

static struct mitigation *mitigation_named(const char *id)
{
	struct mitigation *mit = xcalloc(1, sizeof(*mit));

	mit->id = xstrdup(id);
	mit->title = xstrdup("Least privilege");
	return mit;
}

static void next_ids_follow_the_highest_in_use(void **state)
{
	struct model *m = model_new();

	(void)state;
	assert_next(m, 'T', "T-0001");
	model_add_threat(m, threat_new("T-0007", "fn", STRIDE_S));
	model_add_threat(m, threat_new("T-0002", "fn", STRIDE_T));
	model_add_threat(m, threat_new("custom-id", "fn", STRIDE_T)); /* not a number: ignored */
	assert_next(m, 'T', "T-0008");
	model_add_mitigation(m, mitigation_named("M-0041"));
	assert_next(m, 'M', "M-0042");
	/* Removing the highest gives its number back, as reading the model again would. */
	model_remove_threat(m, "T-0007");
	assert_next(m, 'T', "T-0003");
	model_remove_mitigation(m, "M-0041");
	assert_next(m, 'M', "M-0001");
	model_free(m);
}

static void an_edit_keeps_the_record_where_it_was(void **state)
{
	struct model *m = model_new();
	struct threat *first = threat_new("T-0001", "fn", STRIDE_S), *edit;
	struct mitigation *mit = mitigation_named("M-0001"), *mit_edit;

	(void)state;
	model_add_threat(m, first);
	model_add_threat(m, threat_new("T-0002", "fn", STRIDE_T));
	edit = threat_dup(first);
	free(edit->title);
	edit->title = xstrdup("Forged caller identity");
	edit->likelihood = 5;
	model_put_threat(m, edit); /* takes the copy; its contents move into the old record */
	assert_ptr_equal(model_threat(m, "T-0001"), first);
	assert_ptr_equal(m->threats[0], first);
	assert_string_equal(first->title, "Forged caller identity");
	assert_int_equal(first->likelihood, 5);
	assert_int_equal(m->nthreats, 2);

	model_add_mitigation(m, mit);
	mit_edit = mitigation_named("M-0001");
	free(mit_edit->title);
	mit_edit->title = xstrdup("Scoped execution role");
	model_put_mitigation(m, mit_edit);
	assert_ptr_equal(model_mitigation(m, "M-0001"), mit);
	assert_string_equal(mit->title, "Scoped execution role");
	model_free(m);
}

static void add_person(struct model *m, const char *name)
{
	struct participant *p = xcalloc(1, sizeof(*p));

	p->name = xstrdup(name);
	model_add_participant(m, p);
}

static const char *found(const struct model *m, const char *text, int want)
{
	const struct participant *p;

	assert_int_equal(model_find_participant(m, text, &p, NULL), want);
	return p ? p->name : NULL;
}

/* A name is found as the room types it: any case, without its accents, or by its start. */
static void people_are_found_without_their_accents(void **state)
{
	struct model *m = model_new();

	(void)state;
	add_person(m, "José Ángel Peña");
	add_person(m, "Françoise Nguyễn");
	add_person(m, "Zoë Åkesson-Lindqvist");
	add_person(m, "Søren");
	add_person(m, "李小龙");
	add_person(m, "Jo");
	assert_string_equal(found(m, "jose", PEOPLE_FOUND), "José Ángel Peña");
	assert_string_equal(found(m, "Jose Angel Pena", PEOPLE_FOUND), "José Ángel Peña");
	assert_string_equal(found(m, "francoise nguyen", PEOPLE_FOUND), "Françoise Nguyễn");
	assert_string_equal(found(m, "zoe", PEOPLE_FOUND), "Zoë Åkesson-Lindqvist");
	assert_string_equal(found(m, "Soren", PEOPLE_FOUND), "Søren");
	assert_string_equal(found(m, "李", PEOPLE_FOUND), "李小龙");
	assert_string_equal(found(m, "jo", PEOPLE_FOUND), "Jo"); /* the whole name first */
	assert_null(found(m, "J", PEOPLE_AMBIGUOUS));
	assert_null(found(m, "Jos\xc3", PEOPLE_NONE)); /* a cut UTF-8 sequence is kept as bytes */
	assert_null(found(m, "Mads", PEOPLE_NONE));
	model_free(m);
}

/* A selected row names its person exactly: "emma" is emma, not the Emma added before her. */
static void an_exact_name_comes_first(void **state)
{
	struct model *m = model_new();

	(void)state;
	add_person(m, "Emma");
	add_person(m, "emma");
	add_person(m, "José");
	assert_string_equal(found(m, "emma", PEOPLE_FOUND), "emma");
	assert_string_equal(found(m, "Emma", PEOPLE_FOUND), "Emma");
	assert_string_equal(found(m, "EMMA", PEOPLE_FOUND), "Emma");
	assert_string_equal(model_participant_alike(m, "Jose")->name, "José");
	assert_string_equal(model_participant_alike(m, "emma")->name, "Emma");
	assert_null(model_participant_alike(m, "José"));
	assert_null(model_participant_alike(m, "Josef"));
	model_free(m);
}

static void assert_called(const struct model *m, const char *name, const char *want)
{
	struct sbuf sb = SBUF_INIT;

	model_call_name(m, name, &sb);
	assert_string_equal(sbuf_str(&sb), want);
	sbuf_release(&sb);
}

static void people_are_called_by_a_name_only_they_have(void **state)
{
	struct model *m = model_new();

	(void)state;
	add_person(m, "Bartholomew Oyelaran-Whitfield");
	add_person(m, "Priya");
	add_person(m, "Priya Raghunathan-Subramaniam");
	add_person(m, "Zoë Ångström");
	add_person(m, "Zoë Ørsted");
	add_person(m, "Sam Lee");
	add_person(m, "Sam Lowe");
	assert_called(m, "Bartholomew Oyelaran-Whitfield", "Bartholomew");
	assert_called(m, "Priya Raghunathan-Subramaniam", "Priya R.");
	assert_called(m, "Priya", "Priya"); /* one word: the name itself */
	/* no initial tells them apart, or it is not a plain letter: the whole name */
	assert_called(m, "Sam Lee", "Sam Lee");
	assert_called(m, "Zoë Ångström", "Zoë Ångström");
	model_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(next_ids_follow_the_highest_in_use),
	    cmocka_unit_test(an_edit_keeps_the_record_where_it_was),
	    cmocka_unit_test(people_are_found_without_their_accents),
	    cmocka_unit_test(an_exact_name_comes_first),
	    cmocka_unit_test(people_are_called_by_a_name_only_they_have),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
