/* Cue cards: loading, validation messages, and which prompts an element gets in which order. */
#define _POSIX_C_SOURCE 200809L
#include "testlib.h"

#include <stdlib.h>
#include <string.h>

#include "cue_yaml.h"
#include "sbuf.h"
#include "util.h"
#include "xalloc.h"

#define DIR "fixtures/questionnaires/cues/"
#define MAN_PAGE "../man/stridewalk-questionnaire.5"

static const char *const good[] = {"good-lambda.yaml", "good-process.yaml", "good-flow.yaml",
				   "good-crossing.yaml", "good-log-store.yaml"};

struct fixture {
	struct cue_card *cards[ARRAY_SIZE(good)];
};

static const struct {
	const char *file;
	const char *message;
} broken[] = {
    {"bad-cue-few-prompts.yaml", "6:6: 'S' needs 3 to 6 prompts, not 2"},
    {"bad-cue-letter.yaml",
     "7:3: letter 'T' does not apply to the elements this card is for (they get SR)"},
    {"bad-cue-unknown-letter.yaml", "7:3: unknown STRIDE letter 'X' (expected S, T, R, I, D or E)"},
    {"bad-cue-applies.yaml", "4:13: 'applies_to' needs exactly one of kinds, types or crossing"},
    {"bad-cue-version.yaml", "1:7: unsupported cue-card format '2' (this build reads 1)"},
    {"bad-cue-type.yaml",
     "4:23: unknown type 'aws.dynamo' (see 'stridewalk list types'; generic.NAME fits "
     "anything)"},
    {"bad-cue-unknown-key.yaml",
     "4:1: unknown key 'summary' in a cue card (expected one of: cues, id, title, applies_to, "
     "prompts)"},
    {"bad-cue-replaces-form.yaml",
     "9:17: 'replaces' must name another card's prompt as CARD/PROMPT, such as "
     "process/injection, not 'process'"},
    {"bad-cue-replaces-self.yaml",
     "8:30: 'replaces' names a prompt of this same card ('refine/one'); it can only replace "
     "one of another card"},
    {"bad-cue-prompt-id.yaml", "12:13: prompt id 'same' is used twice in this card"},
    {"bad-cue-prompt-key.yaml",
     "8:20: unknown key 'note' in a prompt (expected one of: text, id, replaces)"},
};

/* Cards that load but name what is not there: found when the cards are checked together. */
static const struct {
	const char *file;
	const char *message;
} dangling[] = {
    {"bad-ref-card.yaml", "10:17: 'replaces' names 'nosuch/s-one', but no cue card has the id "
			  "'nosuch'"},
    {"bad-ref-prompt.yaml", "10:17: 'replaces' names 'process/s-two', but cue card 'process' "
			    "has no prompt with the id 's-two'"},
    {"bad-ref-letter.yaml", "8:30: 'process/s-one' is a prompt for S, and this one is for E: a "
			    "prompt replaces one for its own letter"},
    {"bad-ref-chain.yaml", "9:32: 'lambda/l-two' replaces 'process/s-one' itself: name that "
			   "one instead"},
};

static struct cue_card *load(const char *name)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf path = SBUF_INIT;
	struct cue_card *card = NULL;

	sbuf_addf(&path, DIR "%s", name);
	if (cue_load(path.buf, &card, &err))
		fail_msg("%s:%d:%d: %s", err.file, err.line, err.col, err.msg);
	sbuf_release(&path);
	return card;
}

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	size_t i;

	for (i = 0; i < ARRAY_SIZE(good); i++)
		f->cards[i] = load(good[i]);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(good); i++)
		cue_card_free(f->cards[i]);
	free(f);
	return 0;
}

static struct element *make(enum element_kind kind, const char *type, bool is_log)
{
	struct element *e = element_new("e", kind);

	e->type = xstrdup(type);
	e->is_log = is_log;
	return e;
}

/* The prompts joined with " | ", as a new string. */
static char *prompts(struct fixture *f, const struct element *e, bool crossing,
		     enum stride_letter l)
{
	struct strlist out = STRLIST_INIT;
	struct sbuf sb = SBUF_INIT;
	size_t i;

	sbuf_init(&sb);
	cue_prompts_for(f->cards, ARRAY_SIZE(good), e, crossing, l, &out);
	for (i = 0; i < out.count; i++)
		sbuf_addf(&sb, "%s%s", i ? " | " : "", out.items[i]);
	strlist_clear(&out);
	return sbuf_detach(&sb);
}

static void assert_prompts(struct fixture *f, const struct element *e, bool crossing,
			   enum stride_letter l, const char *want)
{
	char *got = prompts(f, e, crossing, l);

	assert_string_equal(got, want);
	free(got);
}

static void test_type_card_first(void **state)
{
	struct fixture *f = *state;
	struct element *fn = make(KIND_PROCESS, "aws.lambda", false);
	struct element *az = make(KIND_PROCESS, "azure.function", false);

	/* The type card, then the kind card, without the prompt both share, and without the
	 * kind card's prompt that a type card's prompt replaces. */
	assert_prompts(f, fn, false, STRIDE_S,
		       "Lambda S one | Lambda S two | Shared S prompt | Process S three");
	assert_prompts(f, fn, false, STRIDE_T, "Process T one | Process T two | Process T three");
	assert_prompts(f, az, false, STRIDE_S, "Process S one | Shared S prompt | Process S three");
	fn->out_of_scope = true;
	assert_prompts(f, fn, false, STRIDE_S, "");
	element_free(fn);
	element_free(az);
}

static void test_crossing_flow(void **state)
{
	struct fixture *f = *state;
	struct element *flow = make(KIND_DATA_FLOW, NULL, false);

	assert_prompts(f, flow, false, STRIDE_T, "Flow T one | Flow T two | Flow T three");
	assert_prompts(f, flow, true, STRIDE_T,
		       "Flow T one | Flow T two | Flow T three | Crossing T one | "
		       "Crossing T two | Crossing T three");
	assert_prompts(f, flow, true, STRIDE_D, "Flow D one | Flow D two | Flow D three");
	/* S does not apply to flows, whatever the cards say. */
	assert_prompts(f, flow, true, STRIDE_S, "");
	element_free(flow);
}

static void test_log_store(void **state)
{
	struct fixture *f = *state;
	struct element *logs = make(KIND_DATA_STORE, "aws.cloudwatch-logs", true);
	struct element *plain = make(KIND_DATA_STORE, "aws.cloudwatch-logs", false);

	assert_prompts(f, logs, false, STRIDE_R, "Log R one | Log R two | Log R three");
	/* R applies only to stores that hold logs. */
	assert_prompts(f, plain, false, STRIDE_R, "");
	element_free(logs);
	element_free(plain);
}

static void test_rank_and_letters(void **state)
{
	struct fixture *f = *state;
	struct element *fn = make(KIND_PROCESS, "aws.lambda", false);
	struct element *flow = make(KIND_DATA_FLOW, NULL, false);

	assert_int_equal(cue_card_rank(f->cards[0], fn, false), CUE_BY_TYPE);
	assert_int_equal(cue_card_rank(f->cards[1], fn, false), CUE_BY_KIND);
	assert_int_equal(cue_card_rank(f->cards[2], fn, false), CUE_NONE);
	assert_int_equal(cue_card_rank(f->cards[3], flow, true), CUE_BY_CROSSING);
	assert_int_equal(cue_card_rank(f->cards[3], flow, false), CUE_NONE);
	assert_int_equal(cue_card_rank(f->cards[3], fn, true), CUE_NONE);
	assert_int_equal(cue_card_letters(f->cards[0]),
			 STRIDE_BIT(STRIDE_S) | STRIDE_BIT(STRIDE_E));
	assert_int_equal(cue_card_letters(f->cards[1]), STRIDE_ALL);
	assert_string_equal(f->cards[0]->path, DIR "good-lambda.yaml");
	element_free(fn);
	element_free(flow);
}

static void test_broken_cards(void **state)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(broken); i++) {
		struct sw_error err = SW_ERROR_INIT;
		struct sbuf path = SBUF_INIT, want = SBUF_INIT, got = SBUF_INIT;
		struct cue_card *card = NULL;

		sbuf_addf(&path, DIR "%s", broken[i].file);
		sbuf_addf(&want, "%s:%s", path.buf, broken[i].message);
		assert_int_equal(cue_load(path.buf, &card, &err), -1);
		assert_null(card);
		sbuf_init(&got);
		sw_error_format(&err, &got);
		assert_string_equal(got.buf, want.buf);
		sw_error_release(&err);
		sbuf_release(&path);
		sbuf_release(&want);
		sbuf_release(&got);
	}
}

/* The second literal block of the man page's EXAMPLES is a cue card. */
/* A prompt and the one it replaces are never asked together; without the replacing card,
 * the replaced prompt is asked. */
static void test_replaced_prompt_not_asked_twice(void **state)
{
	struct fixture *f = *state;
	struct element *fn = make(KIND_PROCESS, "aws.lambda", false);
	struct element *other = make(KIND_PROCESS, "aws.stepfunctions", false);
	char *got = prompts(f, fn, false, STRIDE_S);

	assert_non_null(strstr(got, "Lambda S two"));
	assert_null(strstr(got, "Process S one"));
	free(got);
	got = prompts(f, other, false, STRIDE_S);
	assert_non_null(strstr(got, "Process S one"));
	free(got);
	assert_int_equal(cue_check_replaces(f->cards, ARRAY_SIZE(good), NULL, NULL), 0);
	element_free(fn);
	element_free(other);
}

static void test_dangling_replaces(void **state)
{
	struct fixture *f = *state;
	struct cue_card *cards[ARRAY_SIZE(good) + 1];
	size_t i;

	memcpy(cards, f->cards, sizeof(f->cards));
	for (i = 0; i < ARRAY_SIZE(dangling); i++) {
		struct sw_error err = SW_ERROR_INIT;
		struct sbuf want = SBUF_INIT, got = SBUF_INIT;
		cards[ARRAY_SIZE(good)] = load(dangling[i].file);
		assert_int_equal(cue_check_replaces(cards, ARRAY_SIZE(cards), NULL, &err), -1);
		sbuf_addf(&want, DIR "%s:%s", dangling[i].file, dangling[i].message);
		sbuf_init(&got);
		sw_error_format(&err, &got);
		assert_string_equal(got.buf, want.buf);
		/* Checking only the other cards finds nothing wrong. */
		assert_int_equal(cue_check_replaces(cards, ARRAY_SIZE(cards), cards[0], NULL), 0);
		cue_card_free(cards[ARRAY_SIZE(good)]);
		sw_error_release(&err);
		sbuf_release(&want);
		sbuf_release(&got);
	}
}

static void test_man_page_example(void **state)
{
	char *page = test_read(MAN_PAGE);
	const char *mark = "\n.Bd -literal -offset indent\n";
	struct sw_error err = SW_ERROR_INIT;
	struct cue_card *card = NULL;
	const char *start, *end;
	char *text;

	assert_non_null(page);
	start = strstr(strstr(page, "\n.Sh EXAMPLES\n"), mark);
	start = strstr(start + 1, mark) + strlen(mark);
	end = strstr(start, "\n.Ed\n");
	text = strndup(start, (size_t)(end - start) + 1);
	if (cue_load_text(MAN_PAGE, text, strlen(text), &card, &err))
		fail_msg("%s:%d:%d: %s", err.file, err.line, err.col, err.msg);
	assert_string_equal(card->id, "queue");
	cue_card_free(card);
	free(text);
	free(page);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_type_card_first, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_crossing_flow, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_log_store, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_rank_and_letters, setup, teardown),
	    cmocka_unit_test(test_broken_cards),
	    cmocka_unit_test_setup_teardown(test_replaced_prompt_not_asked_twice, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_dangling_replaces, setup, teardown),
	    cmocka_unit_test(test_man_page_example),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
