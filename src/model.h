/*
 * The in-memory threat model: everything one SQLite file holds, as plain C structs. Pure: no I/O.
 * Arrays hold owned pointers in file order; the indexes map ids to borrowed pointers.
 */
#ifndef SW_MODEL_H
#define SW_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "element.h"
#include "session.h"
#include "strlist.h"
#include "sbuf.h"
#include "strmap.h"
#include "strpool.h"
#include "threat.h"

enum cell_state { CELL_PENDING, CELL_THREATS, CELL_NONE, CELL_NA, CELL_STATE_COUNT };

/* A recorded coverage decision: the cell was considered and nothing was found, or it is n/a. */
struct decision {
	char *element;
	enum stride_letter letter;
	enum cell_state state; /* CELL_NONE or CELL_NA */
	char *reason;
	char *who; /* who decided it (the speaker then), or NULL */
	char *key; /* index key, set by model_add_decision */
};

/* What in the infrastructure code settles an answer: the import fills it in with `value`. */
struct evidence {
	char *file;
	int line;
	char *resource; /* logical id or address; may be NULL */
	char *property; /* what was read, for people: "Policies: AdministratorAccess" */
	char *value; /* the answer the code gives; the answer is overruled when it differs */
};

struct answer {
	char *element;
	char *questionnaire;
	char *question;
	char *value; /* "yes", "no", "unknown", an option id, or free text */
	char *note;
	char *who;
	char *when; /* ISO 8601 UTC */
	long session; /* number of the session it was given in; 0 when given outside one */
	struct evidence *evidence; /* NULL for an answer nobody derived from code */
	char *key; /* index key, set by model_add_answer */
};

/*
 * What the team did with one threat a risky answer suggested: accepted it (creating a threat)
 * or skipped it. Keyed by the answer value, so a different answer offers its own suggestions.
 */
struct suggestion_decision {
	char *element;
	char *questionnaire;
	char *question;
	char *answer; /* the answer value that offered the suggestion */
	int index; /* its position in question_suggestions() for that value, from 0 */
	bool accepted; /* false: skipped */
	char *threat; /* the threat accepting created; NULL when skipped or that threat is gone */
	char *key; /* index key, set by model_add_suggestion_decision */
};

enum item_kind { ITEM_QUESTION, ITEM_PARKING, ITEM_KIND_COUNT };

/* An open question (often from an "unknown" answer) or a parking-lot item. */
struct open_item {
	char *id; /* "Q-0001" */
	enum item_kind kind;
	char *text;
	char *owner;
	char *due;
	char *element; /* may be NULL */
	bool closed;
	char *resolution; /* how it was settled, when closed with a note; may be NULL */
};

struct participant {
	char *name;
	char *role;
};

struct vote {
	char *participant;
	char *threat;
	int count;
};

struct model {
	char *name;
	char *description;
	char *scope;
	struct strlist assumptions;

	struct element **elements; /* boundaries, entities, processes, stores and flows */
	size_t nelements, elements_cap;
	struct threat **threats;
	size_t nthreats, threats_cap;
	struct mitigation **mitigations;
	size_t nmitigations, mitigations_cap;
	struct decision **decisions;
	size_t ndecisions, decisions_cap;
	struct answer **answers;
	size_t nanswers, answers_cap;
	struct suggestion_decision **suggestion_decisions;
	size_t nsuggestion_decisions, suggestion_decisions_cap;
	struct open_item **items;
	size_t nitems, items_cap;
	struct participant **participants;
	size_t nparticipants, participants_cap;
	struct vote **votes;
	size_t nvotes, votes_cap;
	struct session **sessions; /* in the order held */
	size_t nsessions, sessions_cap;
	struct review_mark **reviews;
	size_t nreviews, reviews_cap;

	struct strmap element_index;
	struct strmap threat_index;
	struct strmap mitigation_index;
	struct strmap decision_index;
	struct strmap answer_index;
	struct strmap suggestion_decision_index;
	struct strmap review_index; /* subject -> review mark */
	long highest_threat_ref; /* the highest "T-" number in use, kept as threats are added */
	long highest_mitigation_ref; /* the same for "M-" */
	/*
	 * What was read from the file, or NULL: the records of elements, threats, mitigations,
	 * decisions and answers, their strings and index keys (see strpool.h). An edit gives a
	 * record malloc'd strings, so records free theirs with free_unless_pooled().
	 */
	struct strpool *strings;
	bool loading; /* set while the file is read: only then do new index keys go in the pool */
};

/* Returns a new empty model; free with model_free(). */
struct model *model_new(void);
/* How many records a model will hold, so it can make room for them at once (a loader knows). */
struct model_sizes {
	size_t elements, threats, mitigations, decisions, answers;
};
void model_reserve(struct model *m, const struct model_sizes *n);
void model_free(struct model *m);

/* The add functions take ownership of the object; its id must not be in the model yet. */
void model_add_element(struct model *m, struct element *e);
void model_add_threat(struct model *m, struct threat *t);
void model_add_mitigation(struct model *m, struct mitigation *mit);
void model_add_decision(struct model *m, struct decision *d);
void model_add_answer(struct model *m, struct answer *a);
void model_add_suggestion_decision(struct model *m, struct suggestion_decision *d);
void model_add_item(struct model *m, struct open_item *item);
void model_add_participant(struct model *m, struct participant *p);
void model_add_vote(struct model *m, struct vote *v);
void model_add_session(struct model *m, struct session *s);
void model_add_review(struct model *m, struct review_mark *r);

/* Borrowed pointers, or NULL. */
struct element *model_element(const struct model *m, const char *id);
struct threat *model_threat(const struct model *m, const char *id);
struct mitigation *model_mitigation(const struct model *m, const char *id);
struct decision *model_decision(const struct model *m, const char *element, enum stride_letter l);
struct answer *model_answer(const struct model *m, const char *element, const char *questionnaire,
			    const char *question);
struct suggestion_decision *model_suggestion_decision(const struct model *m, const char *element,
						      const char *questionnaire,
						      const char *question, const char *answer,
						      int index);
struct participant *model_participant(const struct model *m, const char *name);
/* Renames a participant everywhere a name stands for them: their row, votes, threats raised,
 * answers, decisions, owners, facilitators and attendance (model_people.c). */
void model_rename_participant(struct model *m, const char *from, const char *to);
/* Removes a participant with their votes; what they raised or answered keeps their name. */
void model_remove_participant(struct model *m, const char *name);
/*
 * Appends `name` as the room calls them, for a row too narrow for the full name: the first word
 * ("Bartholomew"), with the next word's initial when another participant shares it ("Priya
 * R."), and the whole name when even that is shared or the name is one word.
 */
void model_call_name(const struct model *m, const char *name, struct sbuf *out);
enum people_match { PEOPLE_FOUND, PEOPLE_NONE, PEOPLE_AMBIGUOUS };
/* The participant `text` names: the name itself (exactly, else in any case, with or without its
 * accents: "jose" is José), else the one name it begins. On
 * PEOPLE_AMBIGUOUS, `candidates` (may be NULL) gets the names it begins, comma-separated. */
int model_find_participant(const struct model *m, const char *text, const struct participant **out,
			   struct sbuf *candidates);
/* Another participant whose name is `name` but for case and accents ("emma" for Emma), whom
 * the room could not tell apart from `name`; or NULL. */
const struct participant *model_participant_alike(const struct model *m, const char *name);
/* Whether `item` is the open question an "unknown" answer on `element` opened: a question
 * item on that element whose text starts with `prefix` (model_answer_item_prefix). */
bool model_item_asks(const struct open_item *item, const char *element, const char *prefix);
/*
 * The open question an "unknown" answer opened for element/questionnaire/question, open or
 * closed, or NULL. It is found by the start of its text (model_answer_item_prefix), which
 * therefore should not be edited.
 */
struct open_item *model_answer_item(const struct model *m, const char *element,
				    const char *questionnaire, const char *question);
/* How the text of an answer's open question starts ("identity/role-per-function for
 * payslip-fn: "); a new string the caller frees. */
char *model_answer_item_prefix(const char *element, const char *questionnaire,
			       const char *question);
struct session *model_session(const struct model *m, long number);
struct session *model_current_session(const struct model *m); /* the last one not ended */
struct review_mark *model_review(const struct model *m, const char *subject);

/* Replaces the object with the same id (or adds it); takes ownership of the new object. */
void model_put_element(struct model *m, struct element *e);
/* An edited threat or mitigation keeps its place and address (pointers to it stay valid). */
void model_put_threat(struct model *m, struct threat *t);
void model_put_mitigation(struct model *m, struct mitigation *mit);
void model_remove_threat(struct model *m, const char *id);
/*
 * Removes a threat with what the model file drops along with it (db_schema.c): its votes and
 * its place in mitigations' lists go, and the suggestion that created it forgets it.
 */
void model_delete_threat(struct model *m, const char *id);
void model_remove_mitigation(struct model *m, const char *id);
void model_remove_vote(struct model *m, size_t index);
void model_remove_decision(struct model *m, const char *element, enum stride_letter l);

/*
 * Next free "T-0001"-style id for threats ('T'), mitigations ('M') or items ('Q'); caller frees.
 * Constant time for threats and mitigations: a capture must not scan a large model.
 */
char *model_next_ref(const struct model *m, char prefix);

/* Whether a flow crosses a trust boundary; `crossed` (may be NULL) gets the boundaries crossed. */
bool model_flow_crosses(const struct model *m, const struct element *flow, struct strlist *crossed);

struct answer *answer_new(const char *element, const char *questionnaire, const char *question,
			  const char *value);
void answer_free(struct answer *a);
/* True when the team's answer differs from what the code says. */
bool answer_overruled(const struct answer *a);

/* Returns a new evidence record (strings copied); free with evidence_free(). */
struct evidence *evidence_new(const char *file, int line, const char *resource,
			      const char *property, const char *value);
struct evidence *evidence_dup(const struct evidence *e); /* NULL for NULL */
bool evidence_equal(const struct evidence *a, const struct evidence *b);
void evidence_free(struct evidence *e);
/* Returns a new decision (skipped, no threat); free with suggestion_decision_free(). */
struct suggestion_decision *suggestion_decision_new(const char *element, const char *questionnaire,
						    const char *question, const char *answer,
						    int index);

/* Deep copies; each returns a new object the caller frees with the matching _free(). */
struct decision *decision_dup(const struct decision *d);
struct answer *answer_dup(const struct answer *a);
struct open_item *open_item_dup(const struct open_item *item);
struct participant *participant_dup(const struct participant *p);
struct vote *vote_dup(const struct vote *v);
struct suggestion_decision *suggestion_decision_dup(const struct suggestion_decision *d);

void decision_free(struct decision *d);
void open_item_free(struct open_item *item);
void participant_free(struct participant *p);
void suggestion_decision_free(struct suggestion_decision *d);

#endif
