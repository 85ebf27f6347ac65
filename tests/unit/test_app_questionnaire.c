/*
 * Answering questionnaires through the application layer, on a real model file: risky answers
 * offer suggestions whose acceptance keeps provenance, nothing is duplicated or re-offered,
 * "unknown" opens an open question, the questionnaire is snapshot, and all of it survives a
 * reopen and the YAML round trip.
 */
#define _POSIX_C_SOURCE 200809L
#include "testlib.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app.h"
#include "app_questionnaire.h"
#include "questionnaire_yaml.h"
#include "questionnaire_write.h"
#include "system_yaml.h"
#include "util.h"
#include "xalloc.h"

#define ID "identity"
#define ROLE "role-per-function"
#define SOURCE "credential-source"
#define FN "payslip-fn"
#define STORE "payslips"

static const char system_text[] =
    "stridewalk: 1\n"
    "name: Payslips\n"
    "boundaries:\n"
    "  - { id: aws, name: AWS }\n"
    "elements:\n"
    "  - { id: employee, kind: external_entity, type: generic.user, name: Employee }\n"
    "  - { id: payslip-fn, kind: process, type: aws.lambda, name: Payslip function,"
    " boundary: aws }\n"
    "  - { id: payslips, kind: data_store, type: aws.s3, name: Payslip bucket,"
    " boundary: aws }\n"
    "flows:\n"
    "  - { id: read-payslip, from: payslip-fn, to: payslips, name: Read object }\n";

/* A questionnaire for data stores whose suggestions name letters a data store does not take. */
static const char store_text[] =
    "id: store-checks\n"
    "title: Store checks\n"
    "version: 1\n"
    "applies_to: { kinds: [data_store] }\n"
    "questions:\n"
    "  - id: public-read\n"
    "    text: Can anyone on the internet read the store?\n"
    "    answer: yes_no\n"
    "    risky: [yes]\n"
    "    stride: [I]\n"
    "    suggests:\n"
    "      - threat: An impostor reads the store as its owner\n"
    "        stride: [S, I]\n"
    "        likelihood: 4\n"
    "        impact: 5\n"
    "        mitigations: [ \"Block public access\" ]\n"
    "      - threat: A caller takes over the store's admin rights\n"
    "        stride: [E]\n"
    "        likelihood: 2\n"
    "        impact: 5\n"
    "        mitigations: [ \"Least privilege for administrators\" ]\n"
    "      - threat: Someone reads and rewrites every object\n"
    "        stride: [I, T]\n"
    "        likelihood: 3\n"
    "        impact: 4\n"
    "        mitigations: [ \"Block public access\", \"Alert on public bucket policies\" ]\n";

struct fx {
	char *dir;
	char *db;
	char *qdir;
	struct app *app;
	struct qlibrary *lib;
};

static void fail_err(const struct sw_error *err)
{
	struct sbuf msg = SBUF_INIT;

	sbuf_init(&msg);
	sw_error_format(err, &msg);
	fail_msg("%s", msg.buf);
}

#define OK(call)                                                                                   \
	do {                                                                                       \
		struct sw_error ok_err_ = SW_ERROR_INIT;                                           \
		if ((call) != 0)                                                                   \
			fail_err(&ok_err_);                                                        \
	} while (0)

/* Runs `call` (which takes &err), expects -1 and an error message containing `needle`. */
#define FAILS(call, needle)                                                                        \
	do {                                                                                       \
		struct sw_error err = SW_ERROR_INIT;                                               \
		assert_int_equal((call), -1);                                                      \
		assert_non_null(err.msg);                                                          \
		if (!strstr(err.msg, (needle)))                                                    \
			fail_msg("'%s' does not contain '%s'", err.msg, (needle));                 \
		sw_error_release(&err);                                                            \
	} while (0)

static struct qlibrary *load_library(const char *qdir)
{
	struct qlibrary *lib = qlibrary_new();
	struct strlist extra = STRLIST_INIT;
	struct sw_error err = SW_ERROR_INIT;

	strlist_push(&extra, qdir);
	if (qlibrary_load(lib, &extra, &err))
		fail_err(&err);
	strlist_clear(&extra);
	return lib;
}

static int setup(void **state)
{
	struct fx *fx = xcalloc(1, sizeof(*fx));
	const char *src = getenv("SW_SOURCE_DIR");
	struct sw_error err = SW_ERROR_INIT;
	struct model *m = NULL;
	char *path;

	setenv("STRIDEWALK_DATADIR", src && *src ? src : "..", 1);
	setenv("STRIDEWALK_NOW", "2026-03-02T09:30:00Z", 1);
	fx->dir = test_tmpdir();
	setenv("XDG_CONFIG_HOME", fx->dir, 1); /* no questionnaires of the person running this */
	fx->db = test_path(fx->dir, "model.db");
	fx->qdir = test_path(fx->dir, "qs");
	assert_int_equal(mkdir(fx->qdir, 0700), 0);
	path = test_path(fx->qdir, "store-checks.yaml");
	test_write(path, store_text);
	free(path);
	fx->lib = load_library(fx->qdir);
	if (app_open(fx->db, DB_CREATE, &fx->app, &err) ||
	    system_yaml_parse("system", system_text, strlen(system_text), &m, &err) ||
	    app_replace_model(fx->app, m, "import", "test model", &err))
		fail_err(&err);
	app_set_speaker(fx->app, "Sam"); /* answers are credited to who speaks */
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fx *fx = *state;

	app_close(fx->app);
	qlibrary_free(fx->lib);
	free(fx->db);
	free(fx->qdir);
	free(fx->dir);
	free(fx);
	return 0;
}

static void reopen(struct fx *fx)
{
	struct sw_error err = SW_ERROR_INIT;

	app_close(fx->app);
	fx->app = NULL;
	if (app_open(fx->db, 0, &fx->app, &err))
		fail_err(&err);
}

static void answer(struct fx *fx, const char *element, const char *qn, const char *q,
		   const char *value, const char *note)
{
	struct sw_error err = SW_ERROR_INIT;

	if (app_answer_question(fx->app, fx->lib, element, qn, q, value, note, &err))
		fail_err(&err);
}

static size_t pending(struct fx *fx, const char *element, const char *qn, const char *q,
		      struct suggestion_offer **out)
{
	struct sw_error err = SW_ERROR_INIT;
	struct suggestion_offer *offers = NULL;
	size_t n = 0;

	if (app_pending_suggestions(fx->app, fx->lib, element, qn, q, &offers, &n, &err))
		fail_err(&err);
	if (out)
		*out = offers;
	else
		free(offers);
	return n;
}

static char *accept(struct fx *fx, const char *element, const char *qn, const char *q, int index)
{
	struct sw_error err = SW_ERROR_INIT;
	char *id = NULL;

	if (app_accept_suggestion(fx->app, fx->lib, element, qn, q, index, &id, &err))
		fail_err(&err);
	return id;
}

static void test_accept_keeps_provenance(void **state)
{
	struct fx *fx = *state;
	const struct questionnaire *qn = qlibrary_questionnaire(fx->lib, ID);
	const struct question *q = questionnaire_find_question(qn, ROLE);
	struct suggestion_offer *offers;
	const struct suggestion_decision *d;
	const struct threat *t;
	const struct mitigation *mit;
	char *id;

	answer(fx, FN, ID, ROLE, "no", "one role for all functions");
	assert_int_equal(pending(fx, FN, ID, ROLE, &offers), 2);
	assert_int_equal(offers[0].index, 0);
	assert_ptr_equal(offers[0].suggestion, q->suggests[0]);
	assert_int_equal(offers[0].letters, STRIDE_BIT(STRIDE_E));
	assert_int_equal(offers[1].index, 1);
	free(offers);

	id = accept(fx, FN, ID, ROLE, 0);
	assert_string_equal(id, "T-0001");
	t = model_threat(fx->app->model, id);
	assert_non_null(t);
	assert_string_equal(t->element, FN);
	assert_int_equal(t->letter, STRIDE_E);
	assert_int_equal(t->extra, 0);
	assert_string_equal(t->title, q->suggests[0]->threat);
	assert_string_equal(t->description, q->suggests[0]->description);
	assert_int_equal(t->likelihood, 3);
	assert_int_equal(t->impact, 4);
	assert_int_equal(t->origin, ORIGIN_QUESTIONNAIRE);
	assert_int_equal(t->status, THREAT_OPEN);
	assert_string_equal(t->provenance, "identity/role-per-function = no");
	assert_string_equal(t->raised_by, "Sam");

	/* One new mitigation per suggested one, proposed and linked to the threat. */
	assert_int_equal(fx->app->model->nmitigations, q->suggests[0]->mitigations.count);
	mit = model_mitigation(fx->app->model, "M-0001");
	assert_non_null(mit);
	assert_string_equal(mit->title, q->suggests[0]->mitigations.items[0]);
	assert_int_equal(mit->status, MITIGATION_PROPOSED);
	assert_int_equal(mit->threats.count, 1);
	assert_string_equal(mit->threats.items[0], "T-0001");
	assert_non_null(model_mitigation(fx->app->model, "M-0002"));

	d = model_suggestion_decision(fx->app->model, FN, ID, ROLE, "no", 0);
	assert_non_null(d);
	assert_true(d->accepted);
	assert_string_equal(d->threat, "T-0001");
	assert_int_equal(pending(fx, FN, ID, ROLE, &offers), 1);
	assert_int_equal(offers[0].index, 1);
	free(offers);
	free(id);
}

/* An answer the code settles raises its suggestions; the team's different answer overrules it. */
static void test_evidence_answer_overruled(void **state)
{
	struct fx *fx = *state;
	struct sw_error err = SW_ERROR_INIT;
	struct model *m = NULL;
	struct answer *a;
	const struct answer *got;

	if (system_yaml_parse("system", system_text, strlen(system_text), &m, &err))
		fail_err(&err);
	a = answer_new(FN, ID, ROLE, "no");
	a->when = xstrdup("2026-03-01T10:00:00Z");
	a->evidence = evidence_new("template.yaml", 12, "PayslipFn",
				   "Role: SharedRole, shared by PayslipFn, Admin", "no");
	model_add_answer(m, a);
	if (app_replace_model(fx->app, m, "import", "import template.yaml", &err))
		fail_err(&err);
	/* risky, from the code: its suggestions are offered like a typed answer's */
	assert_int_equal(pending(fx, FN, ID, ROLE, NULL), 2);
	answer(fx, FN, ID, ROLE, "yes", "the shared role is going away this sprint");
	got = model_answer(fx->app->model, FN, ID, ROLE);
	assert_string_equal(got->value, "yes");
	assert_string_equal(got->who, "Sam");
	assert_non_null(got->evidence);
	assert_string_equal(got->evidence->value, "no");
	assert_int_equal(got->evidence->line, 12);
	assert_true(answer_overruled(got));
	assert_int_equal(pending(fx, FN, ID, ROLE, NULL), 0);
	reopen(fx);
	got = model_answer(fx->app->model, FN, ID, ROLE);
	assert_true(answer_overruled(got));
	assert_string_equal(got->evidence->property,
			    "Role: SharedRole, shared by PayslipFn, Admin");
}

static void test_answering_again_duplicates_nothing(void **state)
{
	struct fx *fx = *state;
	struct suggestion_offer *offers;
	char *id;

	answer(fx, FN, ID, ROLE, "no", NULL);
	free(accept(fx, FN, ID, ROLE, 0));
	answer(fx, FN, ID, ROLE, "no", NULL);
	answer(fx, FN, ID, ROLE, "yes", NULL);
	assert_int_equal(pending(fx, FN, ID, ROLE, NULL), 0);
	answer(fx, FN, ID, ROLE, "no", "asked again");
	assert_int_equal(fx->app->model->nthreats, 1);
	assert_int_equal(pending(fx, FN, ID, ROLE, NULL), 1);
	FAILS(app_accept_suggestion(fx->app, fx->lib, FN, ID, ROLE, 0, NULL, &err),
	      "was accepted already, as T-0001");
	assert_int_equal(fx->app->model->nthreats, 1);

	/* A different risky value offers that value's own suggestions. */
	answer(fx, FN, ID, SOURCE, "static", NULL);
	assert_int_equal(pending(fx, FN, ID, SOURCE, &offers), 1);
	assert_string_equal(offers[0].suggestion->threat,
			    "Long-lived access keys taken from the function are reused by an "
			    "attacker for months");
	free(offers);
	id = accept(fx, FN, ID, SOURCE, 0);
	assert_string_equal(model_threat(fx->app->model, id)->provenance,
			    "identity/credential-source = static");
	free(id);
	answer(fx, FN, ID, SOURCE, "mixed", NULL);
	assert_int_equal(pending(fx, FN, ID, SOURCE, &offers), 1);
	assert_string_equal(offers[0].suggestion->threat,
			    "Leftover static keys keep working after the move to platform "
			    "identity");
	free(offers);
	answer(fx, FN, ID, SOURCE, "static", NULL);
	assert_int_equal(pending(fx, FN, ID, SOURCE, NULL), 0);
	assert_int_equal(fx->app->model->nthreats, 2);
}

static void test_skip_is_recorded(void **state)
{
	struct fx *fx = *state;
	const struct suggestion_decision *d;
	char *id;

	answer(fx, FN, ID, ROLE, "no", NULL);
	OK(app_skip_suggestion(fx->app, fx->lib, FN, ID, ROLE, 1, &ok_err_));
	d = model_suggestion_decision(fx->app->model, FN, ID, ROLE, "no", 1);
	assert_non_null(d);
	assert_false(d->accepted);
	assert_null(d->threat);
	assert_int_equal(pending(fx, FN, ID, ROLE, NULL), 1);
	OK(app_skip_suggestion(fx->app, fx->lib, FN, ID, ROLE, 1, &ok_err_));
	assert_int_equal(fx->app->model->nsuggestion_decisions, 1);
	answer(fx, FN, ID, ROLE, "no", "again");
	assert_int_equal(pending(fx, FN, ID, ROLE, NULL), 1);

	/* A skipped suggestion can still be accepted; an accepted one cannot be skipped. */
	id = accept(fx, FN, ID, ROLE, 1);
	assert_true(model_suggestion_decision(fx->app->model, FN, ID, ROLE, "no", 1)->accepted);
	FAILS(app_skip_suggestion(fx->app, fx->lib, FN, ID, ROLE, 1, &err), "delete that threat");
	FAILS(app_skip_suggestion(fx->app, fx->lib, FN, ID, ROLE, 2, &err),
	      "offers 2 suggestions, so none has index 2");
	assert_int_equal(fx->app->model->nsuggestion_decisions, 1);
	free(id);
}

static void test_unknown_opens_a_question(void **state)
{
	struct fx *fx = *state;
	const struct question *q =
	    questionnaire_find_question(qlibrary_questionnaire(fx->lib, ID), ROLE);
	struct open_item *item;
	struct sbuf text = SBUF_INIT;

	answer(fx, FN, ID, ROLE, ANSWER_UNKNOWN, "ask the platform team");
	assert_int_equal(fx->app->model->nitems, 1);
	item = fx->app->model->items[0];
	sbuf_addf(&text, "identity/role-per-function for payslip-fn: %s", q->text);
	assert_string_equal(item->id, "Q-0001");
	assert_int_equal(item->kind, ITEM_QUESTION);
	assert_string_equal(item->text, text.buf);
	assert_null(item->owner); /* the room names one; never the login */
	assert_string_equal(item->element, FN);
	assert_false(item->closed);
	assert_ptr_equal(model_answer_item(fx->app->model, FN, ID, ROLE), item);
	assert_int_equal(pending(fx, FN, ID, ROLE, NULL), 0);

	app_set_speaker(fx->app, "Ana");
	answer(fx, FN, ID, ROLE, ANSWER_UNKNOWN, "still nobody knows");
	assert_int_equal(fx->app->model->nitems, 1);
	answer(fx, FN, ID, ROLE, "yes", NULL);
	assert_int_equal(fx->app->model->nitems, 1);
	assert_true(fx->app->model->items[0]->closed);
	assert_string_equal(model_answer(fx->app->model, FN, ID, ROLE)->who, "Ana");

	/* Unknown once more reopens the same question rather than adding one. */
	answer(fx, FN, ID, ROLE, ANSWER_UNKNOWN, NULL);
	assert_int_equal(fx->app->model->nitems, 1);
	assert_false(fx->app->model->items[0]->closed);
	assert_null(fx->app->model->items[0]->owner);
	sbuf_release(&text);
}

/* n/a answers any question through the app: never risky, no suggestion, no open question. */
static void test_not_applicable_answer(void **state)
{
	struct fx *fx = *state;
	const struct questionnaire *qn = qlibrary_questionnaire(fx->lib, ID);
	struct qprogress before, after;
	char *value = NULL;

	OK(app_answer_value(questionnaire_find_question(qn, SOURCE), "n/a", &value, &ok_err_));
	assert_string_equal(value, ANSWER_NA);
	free(value);
	OK(app_answer_value(questionnaire_find_question(qn, ROLE), "N/A", &value, &ok_err_));
	assert_string_equal(value, ANSWER_NA);
	free(value);

	questionnaire_progress(qn, model_element(fx->app->model, FN), fx->app->model, &before);
	answer(fx, FN, ID, ROLE, ANSWER_UNKNOWN, NULL);
	answer(fx, FN, ID, ROLE, ANSWER_NA, "the function has no role of its own to check");
	assert_string_equal(model_answer(fx->app->model, FN, ID, ROLE)->value, "n/a");
	assert_int_equal(pending(fx, FN, ID, ROLE, NULL), 0);
	/* "no" would offer two suggestions here: n/a offers none and accepts none. */
	FAILS(app_accept_suggestion(fx->app, fx->lib, FN, ID, ROLE, 0, NULL, &err),
	      "answer 'n/a' to 'identity/role-per-function' offers 0 suggestions");
	assert_int_equal(fx->app->model->nthreats, 0);
	/* The open question the unknown opened is closed by the decision. */
	assert_true(model_answer_item(fx->app->model, FN, ID, ROLE)->closed);
	answer(fx, FN, ID, SOURCE, ANSWER_NA, NULL);
	questionnaire_progress(qn, model_element(fx->app->model, FN), fx->app->model, &after);
	assert_int_equal(after.answered, before.answered + 2);
	assert_int_equal(after.unknown, 0);
	/* Its follow-ups wait for a real answer. */
	FAILS(app_answer_question(fx->app, fx->lib, FN, ID, "static-key-location", "repo", NULL,
				  &err),
	      "is asked only when 'credential-source' is answered static or mixed");
	reopen(fx);
	assert_string_equal(model_answer(fx->app->model, FN, ID, SOURCE)->value, ANSWER_NA);
}

static void test_snapshot_is_taken(void **state)
{
	struct fx *fx = *state;
	const struct questionnaire *qn = qlibrary_questionnaire(fx->lib, ID);
	struct sw_error err = SW_ERROR_INIT;
	struct questionnaire *back = NULL;
	struct sbuf again = SBUF_INIT;
	struct qsnapshot snap;
	char *path;

	assert_int_equal(db_get_snapshot(fx->app->db, ID, &snap, &err), 1);
	answer(fx, FN, ID, ROLE, "yes", NULL);
	assert_int_equal(db_get_snapshot(fx->app->db, ID, &snap, &err), 0);
	assert_string_equal(snap.id, ID);
	assert_int_equal(snap.version, qn->version);
	assert_string_equal(snap.hash, qn->hash);
	assert_string_equal(snap.taken_at, "2026-03-02T09:30:00Z");
	/* The content is a questionnaire file in its own right, with every question. */
	if (questionnaire_load_text("snapshot", snap.content, strlen(snap.content), &back, &err))
		fail_err(&err);
	assert_int_equal(back->nquestions, qn->nquestions);
	assert_string_equal(questionnaire_find_question(back, ROLE)->text,
			    questionnaire_find_question(qn, ROLE)->text);
	/* The pack's core questions are kept, so the snapshot asks in the same order. */
	assert_true(questionnaire_find_question(qn, ROLE)->core);
	assert_true(questionnaire_find_question(back, ROLE)->core);
	assert_false(questionnaire_find_question(back, "static-key-rotation")->core);
	assert_int_equal(questionnaire_write(back, &again, &err), 0);
	assert_string_equal(again.buf, snap.content);
	questionnaire_free(back);
	sbuf_release(&again);
	qsnapshot_release(&snap);

	/* A changed file is snapshot again at the next answer. */
	answer(fx, STORE, "store-checks", "public-read", "no", NULL);
	assert_int_equal(db_get_snapshot(fx->app->db, "store-checks", &snap, &err), 0);
	assert_int_equal(snap.version, 1);
	qsnapshot_release(&snap);
	path = test_path(fx->qdir, "store-checks.yaml");
	{
		char *v2 = xstrdup(store_text);
		v2[strstr(v2, "version: 1") - v2 + 9] = '2';
		test_write(path, v2);
		free(v2);
	}
	qlibrary_free(fx->lib);
	fx->lib = load_library(fx->qdir);
	answer(fx, STORE, "store-checks", "public-read", "yes", NULL);
	assert_int_equal(db_get_snapshot(fx->app->db, "store-checks", &snap, &err), 0);
	assert_int_equal(snap.version, 2);
	assert_string_equal(snap.hash, qlibrary_questionnaire(fx->lib, "store-checks")->hash);
	assert_non_null(strstr(snap.content, "version: 2\n"));
	qsnapshot_release(&snap);
	free(path);
}

static void test_letters_that_do_not_apply(void **state)
{
	struct fx *fx = *state;
	struct suggestion_offer *offers;
	const struct threat *t;
	char *id;

	answer(fx, STORE, "store-checks", "public-read", "yes", NULL);
	assert_int_equal(pending(fx, STORE, "store-checks", "public-read", &offers), 3);
	assert_int_equal(offers[0].letters, STRIDE_BIT(STRIDE_I));
	assert_int_equal(offers[1].letters, 0);
	assert_int_equal(offers[2].letters, STRIDE_BIT(STRIDE_I) | STRIDE_BIT(STRIDE_T));
	free(offers);

	/* S does not apply to a data store: I, the first letter that does, leads. */
	id = accept(fx, STORE, "store-checks", "public-read", 0);
	t = model_threat(fx->app->model, id);
	assert_int_equal(t->letter, STRIDE_I);
	assert_int_equal(t->extra, 0);
	free(id);
	id = accept(fx, STORE, "store-checks", "public-read", 2);
	t = model_threat(fx->app->model, id);
	assert_int_equal(t->letter, STRIDE_I);
	assert_int_equal(t->extra, STRIDE_BIT(STRIDE_T));
	free(id);

	FAILS(app_accept_suggestion(fx->app, fx->lib, STORE, "store-checks", "public-read", 1, NULL,
				    &err),
	      "suggestion 'A caller takes over the store's admin rights' is about E, which data "
	      "store 'payslips' does not take (it takes TID); skip it instead");
	assert_int_equal(fx->app->model->nthreats, 2);
	assert_int_equal(fx->app->model->nmitigations, 3);
	OK(app_skip_suggestion(fx->app, fx->lib, STORE, "store-checks", "public-read", 1,
			       &ok_err_));
	assert_int_equal(pending(fx, STORE, "store-checks", "public-read", NULL), 0);
}

/* A threat on the store with the given letters and title, as the room might have raised it. */
static char *raise(struct fx *fx, enum stride_letter letter, unsigned extra, const char *title)
{
	struct sw_error err = SW_ERROR_INIT;
	struct threat *t;
	char *id = NULL;

	if (app_add_threat(fx->app, STORE, letter, title, "Sam", &id, &err))
		fail_err(&err);
	t = threat_dup(model_threat(fx->app->model, id));
	t->extra = extra;
	if (app_put_threat(fx->app, t, &err))
		fail_err(&err);
	threat_free(t);
	return id;
}

/* "Someone reads and rewrites every object" (I, T) and the threats that look like it. */
static void test_look_alike_threats(void **state)
{
	struct fx *fx = *state;
	struct suggestion_offer *offers;
	char *other_letters, *few_words, *alike, *same;

	answer(fx, STORE, "store-checks", "public-read", "yes", NULL);
	other_letters = raise(fx, STRIDE_I, 0, "Reads and rewrites every object stored here");
	few_words =
	    raise(fx, STRIDE_I, STRIDE_BIT(STRIDE_T), "An outsider reads the audit objects");
	assert_int_equal(pending(fx, STORE, "store-checks", "public-read", &offers), 3);
	assert_null(offers[2].same_as); /* other letters, or only two words in common */
	free(offers);

	alike = raise(fx, STRIDE_T, STRIDE_BIT(STRIDE_I),
		      "An outsider reads objects and rewrites them");
	pending(fx, STORE, "store-checks", "public-read", &offers);
	assert_string_equal(offers[2].same_as, alike);
	assert_true(offers[2].alike);
	free(offers);

	/* The same title wins over a look-alike, and is not called a look-alike. */
	same = raise(fx, STRIDE_I, 0, "someone READS and rewrites every object");
	pending(fx, STORE, "store-checks", "public-read", &offers);
	assert_string_equal(offers[2].same_as, same);
	assert_false(offers[2].alike);
	free(offers);
	free(other_letters);
	free(few_words);
	free(alike);
	free(same);
}

static void test_bad_answers_are_refused(void **state)
{
	struct fx *fx = *state;
	const struct question *q =
	    questionnaire_find_question(qlibrary_questionnaire(fx->lib, ID), SOURCE);
	char *value = NULL;

	FAILS(app_answer_question(fx->app, fx->lib, FN, ID, ROLE, "maybe", NULL, &err),
	      "'maybe' is not an answer to question 'role-per-function' (expected yes, no, "
	      "unknown or n/a)");
	FAILS(app_answer_question(fx->app, fx->lib, FN, ID, SOURCE, "vault", NULL, &err),
	      "(expected platform, static, mixed, unknown or n/a)");
	FAILS(app_answer_question(fx->app, fx->lib, FN, ID, "static-key-location", "repo", NULL,
				  &err),
	      "question 'identity/static-key-location' is asked only when 'credential-source' is "
	      "answered static or mixed");
	FAILS(app_answer_question(fx->app, fx->lib, STORE, ID, ROLE, "no", NULL, &err),
	      "question 'identity/role-per-function' is not asked of data store 'payslips'");
	FAILS(app_answer_question(fx->app, fx->lib, "nope", ID, ROLE, "no", NULL, &err),
	      "no element 'nope'");
	FAILS(app_answer_question(fx->app, fx->lib, FN, "nope", ROLE, "no", NULL, &err),
	      "no questionnaire 'nope'");
	FAILS(app_answer_question(fx->app, fx->lib, FN, ID, "nope", "no", NULL, &err),
	      "questionnaire 'identity' has no question 'nope'");
	FAILS(app_accept_suggestion(fx->app, fx->lib, FN, ID, ROLE, 0, NULL, &err),
	      "'payslip-fn' has no answer to 'identity/role-per-function' yet");
	assert_int_equal(fx->app->model->nanswers, 0);

	OK(app_answer_value(q, "2", &value, &ok_err_));
	assert_string_equal(value, "static");
	free(value);
	OK(app_answer_value(q, "u", &value, &ok_err_));
	assert_string_equal(value, ANSWER_UNKNOWN);
	free(value);
	FAILS(app_answer_value(q, "4", &value, &err), "'4' is not an answer");
	q = questionnaire_find_question(qlibrary_questionnaire(fx->lib, ID), ROLE);
	OK(app_answer_value(q, "n", &value, &ok_err_));
	assert_string_equal(value, "no");
	free(value);
}

/* One accept is one change: undo takes back the threat, its mitigations and the decision. */
static void test_undo_of_an_acceptance(void **state)
{
	struct fx *fx = *state;
	struct sw_error err = SW_ERROR_INIT;
	char *summary = NULL;

	answer(fx, FN, ID, ROLE, "no", NULL);
	free(accept(fx, FN, ID, ROLE, 0));
	if (app_undo(fx->app, &summary, &err))
		fail_err(&err);
	assert_non_null(strstr(summary, "accept T-0001"));
	free(summary);
	assert_int_equal(fx->app->model->nthreats, 0);
	assert_int_equal(fx->app->model->nmitigations, 0);
	assert_int_equal(fx->app->model->nsuggestion_decisions, 0);
	assert_int_equal(pending(fx, FN, ID, ROLE, NULL), 2);
	assert_string_equal(model_answer(fx->app->model, FN, ID, ROLE)->value, "no");
}

/* The answer, the open question it opened and the snapshot it took are one change too. */
static void test_undo_of_an_answer(void **state)
{
	struct fx *fx = *state;
	struct sw_error err = SW_ERROR_INIT;
	struct qsnapshot snap;
	char *summary = NULL;

	answer(fx, FN, ID, ROLE, ANSWER_UNKNOWN, NULL);
	if (app_undo(fx->app, &summary, &err))
		fail_err(&err);
	assert_string_equal(summary, "answer identity/role-per-function = unknown for "
				     "'payslip-fn'; open Q-0001");
	free(summary);
	assert_int_equal(fx->app->model->nanswers, 0);
	assert_int_equal(fx->app->model->nitems, 0);
	assert_int_equal(db_get_snapshot(fx->app->db, ID, &snap, &err), 1);
}

/* Answers, decisions and open questions of a short workshop (in session 1). */
static void run_workshop(struct fx *fx)
{
	struct sw_error err = SW_ERROR_INIT;
	long number = 0;

	if (app_start_session(fx->app, "workshop", true, &number, &err))
		fail_err(&err);
	assert_int_equal(number, 1);
	answer(fx, FN, ID, ROLE, "no", "every function shares lambda-exec");
	free(accept(fx, FN, ID, ROLE, 0));
	OK(app_skip_suggestion(fx->app, fx->lib, FN, ID, ROLE, 1, &ok_err_));
	answer(fx, FN, ID, SOURCE, ANSWER_UNKNOWN, NULL);
	answer(fx, STORE, "store-checks", "public-read", "yes", NULL);
	free(accept(fx, STORE, "store-checks", "public-read", 2));
}

static void test_everything_survives_reopen(void **state)
{
	struct fx *fx = *state;
	const struct suggestion_decision *d;
	const struct answer *a;

	run_workshop(fx);
	reopen(fx);
	assert_int_equal(fx->app->model->nsuggestion_decisions, 3);
	d = model_suggestion_decision(fx->app->model, FN, ID, ROLE, "no", 0);
	assert_true(d->accepted);
	assert_string_equal(d->threat, "T-0001");
	d = model_suggestion_decision(fx->app->model, FN, ID, ROLE, "no", 1);
	assert_false(d->accepted);
	assert_null(d->threat);
	assert_string_equal(model_threat(fx->app->model, "T-0001")->provenance,
			    "identity/role-per-function = no");
	a = model_answer(fx->app->model, FN, ID, ROLE);
	assert_string_equal(a->note, "every function shares lambda-exec");
	assert_string_equal(a->who, "Sam");
	assert_string_equal(a->when, "2026-03-02T09:30:00Z");
	assert_int_equal(a->session, 1);
	assert_int_equal(fx->app->model->nitems, 1);
	assert_false(fx->app->model->items[0]->closed);
	assert_int_equal(pending(fx, FN, ID, ROLE, NULL), 0);
	assert_int_equal(pending(fx, STORE, "store-checks", "public-read", NULL), 2);
	free(accept(fx, STORE, "store-checks", "public-read", 0));
	assert_string_equal(fx->app->model->threats[2]->id, "T-0003");
	assert_string_equal(fx->app->model->mitigations[4]->id, "M-0005");
}

static void test_yaml_round_trip(void **state)
{
	struct fx *fx = *state;
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf first = SBUF_INIT, second = SBUF_INIT, third = SBUF_INIT;
	struct model *m = NULL;
	struct app *other = NULL;
	char *other_db = test_path(fx->dir, "other.db");

	run_workshop(fx);
	OK(system_write(fx->app->model, false, &first, &ok_err_));
	assert_non_null(strstr(first.buf, "\nsuggestion_decisions:\n"));
	assert_true(strstr(first.buf, "\nanswers:\n") <
		    strstr(first.buf, "\nsuggestion_decisions:\n"));
	assert_non_null(strstr(first.buf, "  decision: skipped\n"));
	assert_non_null(strstr(first.buf, "  threat: T-0001\n"));
	assert_non_null(strstr(first.buf, "  session: 1\n"));
	if (system_yaml_parse("export", first.buf, first.len, &m, &err))
		fail_err(&err);
	OK(system_write(m, false, &second, &ok_err_));
	assert_string_equal(first.buf, second.buf);

	/* Imported into another model file and read back, it writes the same bytes again. */
	if (app_open(other_db, DB_CREATE, &other, &err) ||
	    app_replace_model(other, m, "import", "round trip", &err))
		fail_err(&err);
	app_close(other);
	if (app_open(other_db, 0, &other, &err))
		fail_err(&err);
	OK(system_write(other->model, false, &third, &ok_err_));
	assert_string_equal(first.buf, third.buf);
	app_close(other);
	sbuf_release(&first);
	sbuf_release(&second);
	sbuf_release(&third);
	free(other_db);
}

static void assert_import_fails(const char *yaml, const char *message)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf text = SBUF_INIT, got = SBUF_INIT;
	struct model *m = NULL;

	sbuf_addf(&text, "%s%s", system_text, yaml);
	assert_int_equal(system_yaml_parse("m.yaml", text.buf, text.len, &m, &err), -1);
	sbuf_init(&got);
	sw_error_format(&err, &got);
	assert_string_equal(got.buf, message);
	sw_error_release(&err);
	sbuf_release(&text);
	sbuf_release(&got);
}

static void test_yaml_checks_decisions(void **state)
{
	(void)state;
	assert_import_fails(
	    "suggestion_decisions:\n"
	    "  - { element: nope, questionnaire: identity, question: q, answer: 'no',"
	    " index: 0, decision: skipped }\n",
	    "m.yaml:12:16: suggestion decision names unknown element 'nope'");
	assert_import_fails(
	    "suggestion_decisions:\n"
	    "  - { element: payslip-fn, questionnaire: identity, question: q,"
	    " answer: 'no', index: 0, decision: maybe }\n",
	    "m.yaml:12:100: unknown decision 'maybe' (expected accepted or skipped)");
	assert_import_fails("suggestion_decisions:\n"
			    "  - { element: payslip-fn, questionnaire: identity, question: q,"
			    " answer: 'no', index: 0, decision: accepted, threat: T-0009 }\n",
			    "m.yaml:12:118: suggestion decision names unknown threat 'T-0009'");
	assert_import_fails("answers:\n"
			    "  - { element: payslip-fn, questionnaire: identity, question: q,"
			    " value: 'no', session: 4 }\n",
			    "m.yaml:12:88: answer names unknown session 4");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_accept_keeps_provenance, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_answering_again_duplicates_nothing, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_skip_is_recorded, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_evidence_answer_overruled, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_not_applicable_answer, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_unknown_opens_a_question, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_snapshot_is_taken, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_look_alike_threats, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_letters_that_do_not_apply, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_bad_answers_are_refused, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_undo_of_an_acceptance, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_undo_of_an_answer, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_everything_survives_reopen, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_yaml_round_trip, setup, teardown),
	    cmocka_unit_test(test_yaml_checks_decisions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
