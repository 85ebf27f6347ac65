/*
 * The questionnaire library: every shipped questionnaire and cue card lints clean and the content
 * floor the README promises holds, and extra directories add to and replace the shipped files.
 */
#define _POSIX_C_SOURCE 200809L
#include "testlib.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "catalog.h"
#include "model.h"
#include "qlibrary.h"
#include "sbuf.h"
#include "util.h"
#include "xalloc.h"

#define EXTRA "fixtures/questionnaires/extra"
#define CORE "fixtures/questionnaires/core-count/"

/* The areas every install ships; the first four need at least eight questions each. */
static const char *const areas[] = {
    "identity",        "connectivity",   "cold-start",   "secrets",
    "event-injection", "logging",        "dependencies", "denial-of-wallet",
    "deployment",      "error-handling", "data-storage", "api-edge",
};

/* Types the cue cards must cover by type, beyond the kind cards. */
static const char *const carded_types[] = {
    "aws.lambda", "aws.apigateway",  "aws.s3",      "aws.dynamodb",       "aws.sqs",
    "aws.sns",    "aws.eventbridge", "aws.cognito", "aws.secretsmanager", "aws.cloudwatch-logs",
};

static const char *source_dir(void)
{
	const char *dir = getenv("SW_SOURCE_DIR");

	return dir && *dir ? dir : "..";
}

/* A new string "SOURCE/sub". */
static char *source_path(const char *sub)
{
	return test_path(source_dir(), sub);
}

static char *format_error(const struct sw_error *err)
{
	struct sbuf sb = SBUF_INIT;

	sbuf_init(&sb);
	sw_error_format(err, &sb);
	return sbuf_detach(&sb);
}

static struct qlibrary *load_shipped(void)
{
	struct qlibrary *lib = qlibrary_new();
	struct sw_error err = SW_ERROR_INIT;
	char *dir = source_path("questionnaires");

	if (qlibrary_load_dir(lib, dir, QLIB_SHIPPED, true, &err))
		fail_msg("%s", format_error(&err));
	free(dir);
	return lib;
}

static void lint_dir(const char *dir, enum qfile_kind kind, size_t *count)
{
	char *cmd = NULL, *out = NULL;
	struct sbuf sb = SBUF_INIT;
	char *line, *save = NULL;

	sbuf_addf(&sb, "ls -1 '%s'/*.yaml", dir);
	cmd = sbuf_detach(&sb);
	assert_int_equal(test_run(cmd, &out), 0);
	for (line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		struct sw_error err = SW_ERROR_INIT, warning = SW_ERROR_INIT;
		enum qfile_kind got;
		if (qlibrary_lint(line, &got, &warning, NULL, &err))
			fail_msg("shipped file does not lint: %s", format_error(&err));
		if (warning.msg)
			fail_msg("shipped file lints with a warning: %s", format_error(&warning));
		assert_int_equal(got, kind);
		(*count)++;
	}
	free(cmd);
	free(out);
}

static void test_shipped_files_lint_clean(void **state)
{
	char *dir = source_path("questionnaires");
	char *cues = source_path("questionnaires/cues");
	size_t nq = 0, nc = 0;

	lint_dir(dir, QFILE_QUESTIONNAIRE, &nq);
	lint_dir(cues, QFILE_CUE, &nc);
	assert_true(nq >= ARRAY_SIZE(areas));
	assert_true(nc >= 5);
	free(dir);
	free(cues);
}

static void test_shipped_areas_and_questions(void **state)
{
	struct qlibrary *lib = load_shipped();
	size_t i, total = 0;

	assert_true(lib->nquestionnaires >= 12);
	for (i = 0; i < ARRAY_SIZE(areas); i++) {
		const struct questionnaire *qn = qlibrary_questionnaire(lib, areas[i]);
		if (!qn)
			fail_msg("no shipped questionnaire '%s'", areas[i]);
		if (i < 4 && qn->nquestions < 8)
			fail_msg("'%s' has %zu questions, fewer than 8", areas[i], qn->nquestions);
	}
	for (i = 0; i < lib->nquestionnaires; i++)
		total += lib->questionnaires[i].questionnaire->nquestions;
	if (total < 100)
		fail_msg("the shipped questionnaires have %zu questions, fewer than 100", total);
	qlibrary_free(lib);
}

static void check_risky_answers(const struct questionnaire *qn, const struct question *q)
{
	size_t i, j, n;

	for (i = 0; i < q->risky.count; i++) {
		const struct suggestion **s = question_suggestions(q, q->risky.items[i], &n);
		if (n == 0)
			fail_msg("%s/%s = %s suggests nothing", qn->id, q->id, q->risky.items[i]);
		for (j = 0; j < n; j++)
			if (s[j]->mitigations.count == 0 || s[j]->likelihood < 1 ||
			    s[j]->impact < 1)
				fail_msg("%s/%s: a suggestion without a mitigation or rating",
					 qn->id, q->id);
		free(s);
	}
}

static void test_shipped_risky_answers_suggest(void **state)
{
	struct qlibrary *lib = load_shipped();
	size_t i, j, risky = 0;

	for (i = 0; i < lib->nquestionnaires; i++) {
		const struct questionnaire *qn = lib->questionnaires[i].questionnaire;
		for (j = 0; j < qn->nquestions; j++) {
			check_risky_answers(qn, qn->questions[j]);
			risky += qn->questions[j]->risky.count;
		}
	}
	assert_true(risky >= 100);
	qlibrary_free(lib);
}

/* Some question must be for `type`: the content covers each cloud where it differs. */
static bool type_is_asked(const struct qlibrary *lib, const char *type)
{
	struct element *e = element_new("e", KIND_PROCESS);
	size_t i, j;
	bool found = false;

	e->type = xstrdup(type);
	for (i = 0; i < lib->nquestionnaires && !found; i++) {
		const struct questionnaire *qn = lib->questionnaires[i].questionnaire;
		for (j = 0; j < qn->nquestions && !found; j++)
			found = strlist_contains(&qn->questions[j]->applies_to.types, type) &&
				question_applies(qn, qn->questions[j], e);
	}
	element_free(e);
	return found;
}

static void test_shipped_cloud_specific_questions(void **state)
{
	struct qlibrary *lib = load_shipped();

	assert_true(type_is_asked(lib, "aws.lambda"));
	assert_true(type_is_asked(lib, "azure.function"));
	assert_true(type_is_asked(lib, "gcp.function"));
	qlibrary_free(lib);
}

static size_t prompt_count(const struct qlibrary *lib, const struct element *e, bool crossing,
			   enum stride_letter l)
{
	struct strlist out = STRLIST_INIT;
	size_t n;

	qlibrary_cue_prompts(lib, e, crossing, l, &out);
	n = out.count;
	strlist_clear(&out);
	return n;
}

static void test_shipped_cues_cover_every_cell(void **state)
{
	struct qlibrary *lib = load_shipped();
	int k, l;

	for (k = 0; k < KIND_TRUST_BOUNDARY; k++) {
		/* No type: only kind cards answer, so the floor cannot hide behind type cards. */
		struct element *e = element_new("e", (enum element_kind)k);
		e->is_log = true;
		for (l = 0; l < STRIDE_COUNT; l++)
			if ((element_letters(e) & STRIDE_BIT(l)) &&
			    prompt_count(lib, e, false, (enum stride_letter)l) < CUE_MIN_PROMPTS)
				fail_msg("no cue card for %s x %c", element_kind_name(e->kind),
					 stride_char((enum stride_letter)l));
		if (k == KIND_DATA_FLOW)
			for (l = 0; l < STRIDE_COUNT; l++)
				if ((element_letters(e) & STRIDE_BIT(l)) &&
				    prompt_count(lib, e, true, (enum stride_letter)l) <=
					prompt_count(lib, e, false, (enum stride_letter)l))
					fail_msg("no crossing prompts for %c",
						 stride_char((enum stride_letter)l));
		element_free(e);
	}
	qlibrary_free(lib);
}

static void test_shipped_cues_for_main_types(void **state)
{
	struct qlibrary *lib = load_shipped();
	size_t i, j;

	for (i = 0; i < ARRAY_SIZE(carded_types); i++) {
		const struct catalog_type *t = catalog_find(carded_types[i]);
		struct element *e = element_new("e", t->kind);
		bool found = false;
		e->type = xstrdup(t->id);
		e->is_log = t->is_log;
		for (j = 0; j < lib->ncues && !found; j++)
			found = cue_card_rank(lib->cues[j].cue, e, false) == CUE_BY_TYPE;
		if (!found)
			fail_msg("no cue card for type %s", carded_types[i]);
		element_free(e);
	}
	qlibrary_free(lib);
}

/* Near-duplicates the walk must never ask together on a function: the function card's
 * question, then the general process card's (a phrase of each). */
static const struct {
	enum stride_letter letter;
	const char *specific, *general;
} function_pairs[] = {
    {STRIDE_S, "credentials leaked from its environment", "reuse this process's own credentials"},
    {STRIDE_S, "Which triggers can invoke", "Who can call or trigger this process"},
    {STRIDE_T, "update this function's code", "change this process's code"},
    {STRIDE_T, "reach a shell, a query or a parser", "inputs could carry injection"},
    {STRIDE_R, "Do this function's logs show", "could we tell which caller"},
    {STRIDE_I, "left in a global variable", "one caller see another caller's data"},
    {STRIDE_I, "secrets sit in plain environment", "secrets or credentials be read"},
    {STRIDE_I, "fetch an internal URL", "tricked into fetching internal URLs"},
    {STRIDE_D, "concurrency or instance cap", "cap on how much it can scale"},
    {STRIDE_E, "its own least-privilege identity", "permissions limited to what it needs"},
};

static bool has_phrase(const struct strlist *prompts, const char *phrase)
{
	size_t i;

	for (i = 0; i < prompts->count; i++)
		if (strstr(prompts->items[i], phrase))
			return true;
	return false;
}

static void test_shipped_function_cues_ask_once(void **state)
{
	struct qlibrary *lib = load_shipped();
	static const char *const types[] = {"aws.lambda", "azure.function", "gcp.function"};
	size_t t, i;

	for (t = 0; t < ARRAY_SIZE(types); t++) {
		struct element *e = element_new("fn", KIND_PROCESS);
		e->type = xstrdup(types[t]);
		for (i = 0; i < ARRAY_SIZE(function_pairs); i++) {
			struct strlist out = STRLIST_INIT;
			qlibrary_cue_prompts(lib, e, false, function_pairs[i].letter, &out);
			if (!has_phrase(&out, function_pairs[i].specific))
				fail_msg("%s: no prompt with \"%s\"", types[t],
					 function_pairs[i].specific);
			if (has_phrase(&out, function_pairs[i].general))
				fail_msg("%s asks both \"%s\" and \"%s\"", types[t],
					 function_pairs[i].specific, function_pairs[i].general);
			strlist_clear(&out);
		}
		element_free(e);
	}
	qlibrary_free(lib);
}

/* For one element and letter: no prompt is shown beside a prompt that replaces it. */
static void assert_no_replaced_pair(const struct qlibrary *lib, const struct element *e,
				    bool crossing, enum stride_letter l)
{
	struct strlist out = STRLIST_INIT;
	size_t c, i;

	qlibrary_cue_prompts(lib, e, crossing, l, &out);
	for (c = 0; c < lib->ncues; c++) {
		const struct cue_card *card = lib->cues[c].cue;
		const struct cue_prompt_list *list = &card->prompts[l];
		if (cue_card_rank(card, e, crossing) == CUE_NONE)
			continue;
		for (i = 0; i < list->count; i++) {
			const char *ref = list->items[i].replaces, *slash;
			struct cue_card *target;
			const struct cue_prompt *old;
			char *id;
			if (!ref)
				continue;
			slash = strchr(ref, '/');
			id = xstrndup(ref, (size_t)(slash - ref));
			target = qlibrary_cue(lib, id);
			free(id);
			assert_non_null(target);
			old = cue_card_prompt(target, slash + 1, NULL);
			assert_non_null(old);
			if (strlist_contains(&out, old->text))
				fail_msg("%s (%s) asks \"%s\" beside \"%s\", which replaces it",
					 e->type ? e->type : element_kind_name(e->kind), card->id,
					 old->text, list->items[i].text);
		}
	}
	strlist_clear(&out);
}

/* Every `replaces` of the shipped cards resolves, and holds for every type and kind. */
static void test_shipped_cues_ask_each_question_once(void **state)
{
	struct qlibrary *lib = load_shipped();
	struct sw_error err = SW_ERROR_INIT;
	const struct catalog_type *types;
	size_t n, i;
	int k, l;

	if (qlibrary_check_cues(lib, &err))
		fail_msg("%s", format_error(&err));
	types = catalog_all(&n);
	for (i = 0; i < n; i++) {
		struct element *e = element_new("e", types[i].kind);
		e->type = xstrdup(types[i].id);
		e->is_log = types[i].is_log;
		for (l = 0; l < STRIDE_COUNT; l++)
			assert_no_replaced_pair(lib, e, false, (enum stride_letter)l);
		element_free(e);
	}
	for (k = 0; k < KIND_TRUST_BOUNDARY; k++) {
		struct element *e = element_new("e", (enum element_kind)k);
		e->is_log = true;
		for (l = 0; l < STRIDE_COUNT; l++) {
			assert_no_replaced_pair(lib, e, false, (enum stride_letter)l);
			assert_no_replaced_pair(lib, e, true, (enum stride_letter)l);
		}
		element_free(e);
	}
	qlibrary_free(lib);
}

/* A card on the search path whose `replaces` names nothing stops the load, at that key. */
static void test_dangling_replaces_refused(void **state)
{
	struct qlibrary *lib = qlibrary_new();
	struct sw_error err = SW_ERROR_INIT;
	struct strlist extra = STRLIST_INIT;
	char *got;

	setenv("STRIDEWALK_DATADIR", source_dir(), 1);
	setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
	strlist_push(&extra, "fixtures/questionnaires/dangling");
	assert_int_equal(qlibrary_load(lib, &extra, &err), -1);
	got = format_error(&err);
	assert_string_equal(got, "fixtures/questionnaires/dangling/cues/our-functions.yaml:9:17: "
				 "'replaces' names 'process/injections', but cue card 'process' "
				 "has no prompt with the id 'injections'");
	free(got);
	sw_error_release(&err);
	strlist_clear(&extra);
	qlibrary_free(lib);
}

/* One element of catalog type `type`, or a data flow when `type` is NULL. */
static struct element *typed_element(const char *type)
{
	const struct catalog_type *t = type ? catalog_find(type) : NULL;
	struct element *e = element_new("e", t ? t->kind : KIND_DATA_FLOW);

	if (t) {
		e->type = xstrdup(t->id);
		e->is_log = t->is_log;
	}
	return e;
}

/* A pack that asks an element anything asks it a core question, so a workshop that chose the
 * pack never skips that element entirely. */
static void test_shipped_core_questions_reach_main_types(void **state)
{
	static const char *const types[] = {
	    "aws.lambda",
	    "azure.function",
	    "gcp.function",
	    "aws.apigateway",
	    "aws.s3",
	    "aws.dynamodb",
	    "aws.sqs",
	    "aws.secretsmanager",
	    "aws.cloudwatch-logs",
	    "azure.blob",
	    "gcp.storage",
	    NULL,
	};
	struct qlibrary *lib = load_shipped();
	size_t i, j, k;

	for (i = 0; i < ARRAY_SIZE(types); i++) {
		struct element *e = typed_element(types[i]);
		for (j = 0; j < lib->nquestionnaires; j++) {
			const struct questionnaire *qn = lib->questionnaires[j].questionnaire;
			size_t asked = 0, core = 0;
			for (k = 0; k < qn->nquestions; k++) {
				bool applies = question_applies(qn, qn->questions[k], e);
				asked += applies;
				core += applies && qn->questions[k]->core;
			}
			if (asked && !core)
				fail_msg("'%s' asks %s %zu questions, none of them core", qn->id,
					 types[i] ? types[i] : "a data flow", asked);
		}
		element_free(e);
	}
	qlibrary_free(lib);
}

/* A fresh, empty XDG config home so the developer's own files do not leak into the tests. */
static char *isolate(void)
{
	char *home = test_tmpdir();

	setenv("XDG_CONFIG_HOME", home, 1);
	setenv("STRIDEWALK_DATADIR", source_dir(), 1);
	return home;
}

static struct qlibrary *load_with(const char *extra_dir)
{
	struct strlist extra = STRLIST_INIT;
	struct sw_error err = SW_ERROR_INIT;
	struct qlibrary *lib = qlibrary_new();

	if (extra_dir)
		strlist_push(&extra, extra_dir);
	if (qlibrary_load(lib, &extra, &err))
		fail_msg("%s", format_error(&err));
	strlist_clear(&extra);
	return lib;
}

static size_t index_of(const struct qlibrary *lib, const char *id)
{
	size_t i;

	for (i = 0; i < lib->nquestionnaires; i++)
		if (str_eq(lib->questionnaires[i].questionnaire->id, id))
			return i;
	fail_msg("'%s' is not in the library", id);
	return 0;
}

static void test_extra_dir_replaces_shipped(void **state)
{
	char *home = isolate();
	struct qlibrary *shipped = load_with(NULL), *lib = load_with(EXTRA);
	const struct qlib_entry *e = qlibrary_entry(lib, "identity");

	assert_int_equal(lib->nquestionnaires, shipped->nquestionnaires + 1);
	assert_int_equal(e->source, QLIB_EXTRA);
	assert_string_equal(e->path, EXTRA "/identity.yaml");
	assert_non_null(e->replaced);
	assert_true(str_ends_with(e->replaced, "questionnaires/identity.yaml"));
	assert_int_equal(e->replaced_source, QLIB_SHIPPED);
	assert_string_equal(qlib_source_name(e->replaced_source), "shipped");
	assert_string_equal(e->questionnaire->title, "Identity (team edition)");
	assert_int_equal(e->questionnaire->version, 7);
	/* The replacement keeps the shipped one's place in the list. */
	assert_int_equal(index_of(lib, "identity"), index_of(shipped, "identity"));
	e = qlibrary_entry(lib, "bucket-checks");
	assert_int_equal(e->source, QLIB_EXTRA);
	assert_null(e->replaced);
	assert_int_equal(index_of(lib, "bucket-checks"), lib->nquestionnaires - 1);
	qlibrary_free(shipped);
	qlibrary_free(lib);
	free(home);
}

static bool applicable(const struct qlibrary *lib, const struct element *e, const char *id)
{
	size_t i, n;
	struct questionnaire **qs = qlibrary_applicable(lib, e, &n);
	bool found = false;

	for (i = 0; i < n; i++)
		found = found || str_eq(qs[i]->id, id);
	free(qs);
	return found;
}

static void test_extra_questionnaire_applies(void **state)
{
	char *home = isolate();
	struct qlibrary *lib = load_with(EXTRA);
	struct element *bucket = element_new("payslips", KIND_DATA_STORE);
	struct element *table = element_new("orders", KIND_DATA_STORE);
	struct element *generic = element_new("share", KIND_DATA_STORE);

	bucket->type = xstrdup("aws.s3");
	table->type = xstrdup("aws.dynamodb");
	generic->type = xstrdup("generic.file-store");
	assert_true(applicable(lib, bucket, "bucket-checks"));
	assert_true(applicable(lib, generic, "bucket-checks"));
	assert_false(applicable(lib, table, "bucket-checks"));
	element_free(bucket);
	element_free(table);
	element_free(generic);
	qlibrary_free(lib);
	free(home);
}

static void test_extra_cue_replaces_shipped(void **state)
{
	char *home = isolate();
	struct qlibrary *lib = load_with(EXTRA);
	struct element *flow = element_new("f", KIND_DATA_FLOW);
	struct strlist out = STRLIST_INIT;

	qlibrary_cue_prompts(lib, flow, true, STRIDE_T, &out);
	assert_true(strlist_contains(&out, "Team crossing T one"));
	assert_string_equal(qlibrary_cue(lib, "crossing")->title, "Our crossing prompts");
	strlist_clear(&out);
	element_free(flow);
	qlibrary_free(lib);
	free(home);
}

static void write_questionnaire(const char *dir, const char *file, const char *id)
{
	struct sbuf text = SBUF_INIT;
	char *path = test_path(dir, file);

	sbuf_addf(&text,
		  "id: %s\ntitle: Ours\nversion: 2\napplies_to: { kinds: [process] }\n"
		  "questions:\n  - { id: own, text: Is it ours?, answer: yes_no }\n",
		  id);
	test_write(path, text.buf);
	sbuf_release(&text);
	free(path);
}

static void test_user_dir_replaces_shipped(void **state)
{
	char *home = isolate();
	char *config = test_path(home, "stridewalk");
	char *dir = test_path(config, "questionnaires");
	struct qlibrary *lib;
	const struct qlib_entry *e;

	assert_int_equal(mkdir(config, 0700), 0);
	assert_int_equal(mkdir(dir, 0700), 0);
	write_questionnaire(dir, "secrets.yaml", "secrets");
	lib = load_with(EXTRA);
	e = qlibrary_entry(lib, "secrets");
	assert_int_equal(e->source, QLIB_USER);
	assert_int_equal(e->replaced_source, QLIB_SHIPPED);
	assert_int_equal(e->questionnaire->nquestions, 1);
	qlibrary_free(lib);
	free(dir);
	free(config);
	free(home);
}

static void test_user_dir_name(void **state)
{
	char *dir;

	setenv("XDG_CONFIG_HOME", "/cfg", 1);
	dir = qlibrary_user_dir();
	assert_string_equal(dir, "/cfg/stridewalk/questionnaires");
	free(dir);
	setenv("XDG_CONFIG_HOME", "relative", 1);
	setenv("HOME", "/home/sam", 1);
	dir = qlibrary_user_dir();
	assert_string_equal(dir, "/home/sam/.config/stridewalk/questionnaires");
	free(dir);
}

static void expect_load_error(const char *extra_dir, const char *want)
{
	struct strlist extra = STRLIST_INIT;
	struct sw_error err = SW_ERROR_INIT;
	struct qlibrary *lib = qlibrary_new();
	char *got;

	strlist_push(&extra, extra_dir);
	assert_int_equal(qlibrary_load(lib, &extra, &err), -1);
	got = format_error(&err);
	assert_string_equal(got, want);
	free(got);
	sw_error_release(&err);
	strlist_clear(&extra);
	qlibrary_free(lib);
}

static void test_load_errors(void **state)
{
	char *home = isolate();
	char *dir = test_tmpdir();
	struct sbuf want = SBUF_INIT;

	expect_load_error("no-such-dir",
			  "no-such-dir: cannot open directory: No such file or directory");
	write_questionnaire(dir, "a.yaml", "dup");
	write_questionnaire(dir, "b.yaml", "dup");
	sbuf_addf(&want, "%s/b.yaml:1:5: questionnaire id 'dup' is also used by '%s/a.yaml'", dir,
		  dir);
	expect_load_error(dir, want.buf);
	sbuf_release(&want);
	free(dir);
	free(home);
}

static void test_bad_file_in_extra_dir(void **state)
{
	char *home = isolate();
	char *dir = test_tmpdir();
	char *path = test_path(dir, "broken.yaml");
	struct sbuf want = SBUF_INIT;

	test_write(path, "id: broken\ntitle: Broken\nversion: 1\napplies_to: { kinds: [process] }\n"
			 "questions:\n  - { id: q, answer: yes_no }\n");
	sbuf_addf(&want, "%s:6:5: missing required key 'text'", path);
	expect_load_error(dir, want.buf);
	sbuf_release(&want);
	free(path);
	free(dir);
	free(home);
}

static void test_lint_tells_kinds_apart(void **state)
{
	enum qfile_kind kind = QFILE_QUESTIONNAIRE;
	struct sw_error err = SW_ERROR_INIT;

	assert_int_equal(qlibrary_lint(EXTRA "/cues/crossing.yaml", &kind, NULL, NULL, &err), 0);
	assert_int_equal(kind, QFILE_CUE);
	assert_int_equal(qlibrary_lint(EXTRA "/identity.yaml", &kind, NULL, NULL, &err), 0);
	assert_int_equal(kind, QFILE_QUESTIONNAIRE);
	assert_int_equal(
	    qlibrary_lint("fixtures/questionnaires/bad-letter.yaml", NULL, NULL, NULL, &err), -1);
	assert_int_equal(err.line, 9);
	sw_error_release(&err);
}

/* A pack outside 3 to 5 core questions lints with a warning, and still lints. */
static void test_lint_warns_about_core_count(void **state)
{
	struct sw_error err = SW_ERROR_INIT, warning = SW_ERROR_INIT;
	char *got;

	assert_int_equal(qlibrary_lint(CORE "two-core.yaml", NULL, &warning, NULL, &err), 0);
	assert_null(err.msg);
	got = format_error(&warning);
	assert_string_equal(got,
			    CORE "two-core.yaml:6:1: questionnaire 'two-core' marks 2 core "
				 "questions, fewer than 3; mark the questions a workshop should "
				 "ask first with 'core: true'");
	free(got);
	sw_error_release(&warning);
	assert_int_equal(qlibrary_lint(CORE "six-core.yaml", NULL, &warning, NULL, &err), 0);
	assert_int_equal(warning.line, 13);
	assert_non_null(strstr(warning.msg, "marks 6 core questions, more than 5"));
	sw_error_release(&warning);
	assert_int_equal(qlibrary_lint(CORE "small-pack.yaml", NULL, &warning, NULL, &err), 0);
	assert_null(warning.msg);
	/* Cue cards have no questions and no warning. */
	assert_int_equal(qlibrary_lint(EXTRA "/cues/crossing.yaml", NULL, &warning, NULL, &err), 0);
	assert_null(warning.msg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_shipped_files_lint_clean),
	    cmocka_unit_test(test_shipped_areas_and_questions),
	    cmocka_unit_test(test_shipped_risky_answers_suggest),
	    cmocka_unit_test(test_shipped_cloud_specific_questions),
	    cmocka_unit_test(test_shipped_cues_cover_every_cell),
	    cmocka_unit_test(test_shipped_cues_for_main_types),
	    cmocka_unit_test(test_shipped_function_cues_ask_once),
	    cmocka_unit_test(test_shipped_cues_ask_each_question_once),
	    cmocka_unit_test(test_dangling_replaces_refused),
	    cmocka_unit_test(test_shipped_core_questions_reach_main_types),
	    cmocka_unit_test(test_extra_dir_replaces_shipped),
	    cmocka_unit_test(test_extra_questionnaire_applies),
	    cmocka_unit_test(test_extra_cue_replaces_shipped),
	    cmocka_unit_test(test_user_dir_replaces_shipped),
	    cmocka_unit_test(test_user_dir_name),
	    cmocka_unit_test(test_load_errors),
	    cmocka_unit_test(test_bad_file_in_extra_dir),
	    cmocka_unit_test(test_lint_tells_kinds_apart),
	    cmocka_unit_test(test_lint_warns_about_core_count),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
