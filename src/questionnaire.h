/*
 * Questionnaires: question packs asked of elements, and the engine that decides which questions
 * an element gets (kind, type, show_if chains), which answers are risky, and the threats a risky
 * answer suggests. Pure: no I/O (questionnaire_yaml.h loads them from files).
 */
#ifndef SW_QUESTIONNAIRE_H
#define SW_QUESTIONNAIRE_H

#include <stdbool.h>
#include <stddef.h>

#include "applies.h"
#include "element.h"
#include "stride.h"
#include "strlist.h"

struct model;

/* Every question accepts this answer; it is never risky and becomes an open question. */
#define ANSWER_UNKNOWN "unknown"
/*
 * Every question also accepts "not applicable": never risky, never suggesting anything, and
 * counted as answered. No option id can clash with it, since a slug has no '/'.
 */
#define ANSWER_NA "n/a"

/* FNV-1a 64 of the file's bytes as 16 lowercase hex digits. */
#define QN_HASH_LEN 16

enum answer_type { ANSWER_YES_NO, ANSWER_CHOICE, ANSWER_TEXT, ANSWER_TYPE_COUNT };

/* A threat a risky answer suggests; accepting it makes a struct threat with these fields. */
struct suggestion {
	char *threat; /* the threat's title */
	char *description; /* may be NULL */
	enum stride_letter letter; /* primary letter: the first listed */
	unsigned extra; /* further letters (STRIDE_BIT set), never including `letter` */
	int likelihood; /* 1-5 */
	int impact; /* 1-5 */
	struct strlist mitigations; /* at least one */
	int line;
};

/* One answer of a choice question ("option" alone would clash with getopt's struct option). */
struct question_option {
	char *id; /* the stored answer value */
	char *label;
	bool risky;
	struct suggestion **suggests; /* fire for this option only */
	size_t nsuggests, suggests_cap;
	int line;
};

/* Show a question only when an earlier question of the same questionnaire got one of `answers`. */
struct show_if {
	char *question; /* NULL: always shown */
	struct strlist answers; /* any of these */
	int line;
};

struct question {
	char *id;
	char *text;
	char *help; /* may be NULL */
	enum answer_type type;
	struct question_option **options; /* choice only, in file order */
	size_t noptions, options_cap;
	/* Risky answers: "yes"/"no", or option ids (those options have risky set too). */
	struct strlist risky;
	unsigned stride; /* letters the question probes (STRIDE_BIT set) */
	struct show_if show_if;
	struct applies_to applies_to; /* narrows the questionnaire's; all zero = not narrowed */
	struct suggestion **suggests; /* fire on any risky answer */
	size_t nsuggests, suggests_cap;
	/* One of the pack's first few: a workshop asks these first, the rest wait for review. */
	bool core;
	int line, col; /* where the question's mapping starts */
};

struct questionnaire {
	char *id;
	char *title;
	long version;
	char *summary; /* may be NULL */
	struct applies_to applies_to;
	struct question **questions; /* file order; show_if only names earlier questions */
	size_t nquestions, questions_cap;
	char *path; /* file it was read from; may be NULL */
	char hash[QN_HASH_LEN + 1]; /* of the file's bytes, for snapshots */
	int questions_line, questions_col; /* the `questions` key, for problems of the whole list */
};

/* Answered of applicable, counting only the questions visible for the current answers. */
struct qprogress {
	size_t answered; /* including unknown and n/a */
	size_t unknown; /* answered unknown: open questions */
	size_t applicable; /* visible questions */
};

const char *answer_type_name(enum answer_type t); /* "yes_no"; a static string */
int answer_type_parse(const char *s, enum answer_type *out);

/* Returns a new, empty questionnaire; free with questionnaire_free(). */
struct questionnaire *questionnaire_new(void);
void questionnaire_free(struct questionnaire *qn);
/* Return new objects owned by the caller until added to a parent (which then frees them). */
struct question *question_new(void);
void question_free(struct question *q);
struct question_option *question_option_new(void);
void question_option_free(struct question_option *o);
struct suggestion *suggestion_new(void);
void suggestion_free(struct suggestion *s);
/* The add functions take ownership. */
void questionnaire_add_question(struct questionnaire *qn, struct question *q);
void question_add_option(struct question *q, struct question_option *o);
void question_add_suggestion(struct question *q, struct suggestion *s);
void question_option_add_suggestion(struct question_option *o, struct suggestion *s);

/* Borrowed pointers, or NULL. */
struct question *questionnaire_find_question(const struct questionnaire *qn, const char *id);
struct question_option *question_find_option(const struct question *q, const char *id);

/* Hashes `len` bytes into `out` (QN_HASH_LEN hex digits and a NUL). */
void questionnaire_hash(const char *data, size_t len, char out[QN_HASH_LEN + 1]);

/* The questionnaire is asked of this element: in scope, kind and type listed. */
bool questionnaire_applies(const struct questionnaire *qn, const struct element *e);
/* The questionnaire applies and the question's own applies_to does not rule the element out. */
bool question_applies(const struct questionnaire *qn, const struct question *q,
		      const struct element *e);
/*
 * The question applies and its show_if holds with the answers in `m`: its target is visible
 * and answered with one of the listed values. A hidden or unanswered target hides it, so hiding
 * is transitive along a chain.
 */
bool question_visible(const struct questionnaire *qn, const struct question *q,
		      const struct element *e, const struct model *m);
/*
 * The visible questions in file order. Returns a new array of borrowed question pointers
 * (valid while `qn` lives) that the caller frees with free(); *count gets its length.
 */
const struct question **questionnaire_visible(const struct questionnaire *qn,
					      const struct element *e, const struct model *m,
					      size_t *count);

/*
 * `value` is "unknown", "n/a" or an answer this question can give (any text for text
 * questions).
 */
bool question_answer_valid(const struct question *q, const char *value);
bool question_answer_risky(const struct question *q, const char *value);
/*
 * The suggestions `value` yields: the question's own on any risky answer, then those of the
 * chosen option. Returns a new array of borrowed pointers (valid while the questionnaire lives)
 * the caller frees with free(), or NULL with *count 0 when the answer suggests nothing.
 */
const struct suggestion **question_suggestions(const struct question *q, const char *value,
					       size_t *count);
/* "identity/role-per-function = no" (value not NULL): returns a new string the caller frees. */
char *question_provenance(const struct questionnaire *qn, const struct question *q,
			  const char *value);

/* Adds question `q` to *out when it is visible for `e`: applicable, and answered if it is. */
void question_progress_add(const struct questionnaire *qn, const struct question *q,
			   const struct element *e, const struct model *m, struct qprogress *out);
/* Progress of one questionnaire for one element; zero when it does not apply. */
void questionnaire_progress(const struct questionnaire *qn, const struct element *e,
			    const struct model *m, struct qprogress *out);
/* Progress of one questionnaire over every element of the model. */
void questionnaire_model_progress(const struct questionnaire *qn, const struct model *m,
				  struct qprogress *out);
/* Progress of one element over a set of questionnaires. */
void questionnaires_element_progress(struct questionnaire *const *qs, size_t n,
				     const struct element *e, const struct model *m,
				     struct qprogress *out);

#endif
