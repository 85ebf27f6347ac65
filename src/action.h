/*
 * The one table of UI actions. Each row gives the action's name (also its `:command`), the
 * screens whose key map binds it, its default keys, the arguments its command takes, a short
 * label for the on-screen key hints, a one-line help, and the function that carries it out on
 * any screen whose own handler does not take it (NULL: only screens do). The table feeds the key
 * maps, the help screen, the footer hints, the global dispatch (dispatch.c) and the KEY
 * BINDINGS / COMMANDS sections of stridewalk(1). The screen-jump actions come from the screen
 * table (screens.h).
 */
#ifndef SW_ACTION_H
#define SW_ACTION_H

#include <stdbool.h>

#include "sbuf.h"
#include "screens.h"

/* The bit of each key map: everywhere, then one per screen. */
enum scope_bit {
	SCOPE_BIT_GLOBAL,
#define S(X, id, ...) SCOPE_BIT_##id,
	SCREEN_TABLE(S, _)
#undef S
	    SC_COUNT_BITS
};

/* Which key maps bind an action: the screens, or SC_GLOBAL (every screen, after its own). */
enum action_scope {
	SC_GLOBAL = 1 << SCOPE_BIT_GLOBAL,
#define S(X, id, ...) SC_##id = 1 << SCOPE_BIT_##id,
	SCREEN_TABLE(S, _)
#undef S
	    SC_THREATS = SC_BOARD | SC_PRIORITISE | SC_REVIEW, /* the screens that list threats */
};

/* A screen's name as a word of a string ("Switch to a screen by name: overview walk ..."). */
#define SCREEN_NAME_WORD(X, id, file, name, ...) " " name

/* A screen's row of screens.h as the action that jumps to it, bound everywhere. */
#define SCREEN_JUMP_ACTION(X, id, file, name, alias, title, heading, key, label, help, cycles)     \
	X(id, name, SC_GLOBAL, key, "", label, help, act_screen_jump)

/*
 * X(ID, name, scopes, "keys", "ARGS", "label", "help", handler): keys are space-separated key
 * names as a script writes them; "1..9" stands for the digit keys (and "1..5" for some of them), each passing its digit as
 * the argument.
 */
#define ACTION_TABLE(X)                                                                            \
	X(QUIT, "quit", SC_GLOBAL, "q", "", "quit",                                                \
	  "Leave stridewalk; every change is already saved", act_screen_quit)                      \
	X(COMMAND, "command", SC_GLOBAL, ":", "", "command", "Type a command at the : prompt",     \
	  act_screen_command)                                                                      \
	X(UNDO, "undo", SC_GLOBAL, "U", "", "undo", "Undo the last change", act_screen_undo)       \
	X(REDO, "redo", SC_GLOBAL, "<C-r>", "", "redo", "Do again what undo took back",            \
	  act_screen_redo)                                                                         \
	X(REDRAW, "redraw", SC_GLOBAL, "<C-l>", "", "redraw", "Redraw the whole screen",           \
	  act_screen_redraw)                                                                       \
	X(SAVE_SCREEN, "save-screen", SC_GLOBAL, "<C-s>", "FILE", "save screen",                   \
	  "Write the screen as plain text to a file (the key asks for its name)", act_screen_save) \
	X(VIEW, "view", SC_GLOBAL, "", "NAME", "screen",                                           \
	  "Switch to a screen by name:" SCREEN_TABLE(SCREEN_NAME_WORD, _), act_screen_view)        \
	X(NEXT_VIEW, "next-view", SC_GLOBAL, "<Tab>", "", "next screen", "Go to the next screen",  \
	  act_screen_next)                                                                         \
	X(PREV_VIEW, "prev-view", SC_GLOBAL, "<S-Tab>", "", "previous screen",                     \
	  "Go to the previous screen", act_screen_prev)                                            \
	SCREEN_TABLE(SCREEN_JUMP_ACTION, X)                                                        \
	X(DOWN, "down", SC_GLOBAL, "j <Down>", "", "down",                                         \
	  "Move down (on the walk: next element)", NULL)                                           \
	X(UP, "up", SC_GLOBAL, "k <Up>", "", "up", "Move up (on the walk: previous element)",      \
	  NULL)                                                                                    \
	X(PAGE_DOWN, "page-down", SC_GLOBAL, "<PgDn> <C-f>", "", "page down", "Move down a page",  \
	  NULL)                                                                                    \
	X(PAGE_UP, "page-up", SC_GLOBAL, "<PgUp> <C-b>", "", "page up", "Move up a page", NULL)    \
	X(FIRST, "first", SC_GLOBAL, "g <Home>", "", "first", "Go to the first item", NULL)        \
	X(LAST, "last", SC_GLOBAL, "G <End>", "", "last", "Go to the last item", NULL)             \
	X(SELECT, "select", SC_GLOBAL, "<Enter>", "", "open", "Open the selected item", NULL)      \
	X(BACK, "back", SC_GLOBAL, "<Esc>", "", "back", "Go back to the previous screen",          \
	  act_screen_back)                                                                         \
	X(NEXT_ELEMENT, "next-element", SC_GLOBAL, "]", "", "next element",                        \
	  "Make the next element the current one", act_walk_next_element)                          \
	X(PREV_ELEMENT, "prev-element", SC_GLOBAL, "[", "", "previous element",                    \
	  "Make the previous element the current one", act_walk_prev_element)                      \
	X(GOTO, "goto", SC_GLOBAL, "", "ELEMENT-ID", "go to", "Walk the element ELEMENT-ID",       \
	  act_walk_goto)                                                                           \
	X(LETTER, "letter", SC_GLOBAL, "", "S|T|R|I|D|E", "letter",                                \
	  "Make the letter the current one on the walk", act_walk_letter)                          \
	X(THREAT, "threat", SC_GLOBAL, "t", "TEXT", "capture a threat",                            \
	  "Record a threat on the current element and letter, raised by the speaker",              \
	  act_walk_capture)                                                                        \
	X(SPEAKER, "speaker", SC_GLOBAL, "s", "[NAME]", "next speaker",                            \
	  "The next participant speaks; :speaker NAME (or its start) names who does",              \
	  act_people_speaker)                                                                      \
	X(PARTICIPANT, "participant", SC_GLOBAL, "+", "NAME[, ROLE]", "add person",                \
	  "Add a participant, or change their role (a comma ends the name: Ana María, "           \
	  "facilitator)",                                                                          \
	  act_people_participant)                                                                  \
	X(FACILITATOR, "facilitator", SC_GLOBAL, "", "NAME", "facilitator",                        \
	  "Make a participant the facilitator of the running session", act_people_facilitator)     \
	X(PARK, "park", SC_GLOBAL, "!", "TEXT", "park it", "Put a topic on the parking lot",       \
	  act_session_park)                                                                        \
	X(PRESENT, "present", SC_GLOBAL, "z", "", "presentation",                                  \
	  "Presentation mode: one prompt at a time in large type", act_screen_present)             \
	X(NEXT_PHASE, "next-phase", SC_GLOBAL, ">", "", "next phase",                              \
	  "Start the next agenda phase", act_session_next_phase)                                   \
	X(PHASE, "phase", SC_GLOBAL, "", "NAME", "phase",                                          \
	  "Start an agenda phase: context, walk, prioritise or wrap-up", act_session_phase)        \
	X(TIMEBOX, "timebox", SC_GLOBAL, "", "PHASE MINUTES", "timebox",                           \
	  "Change the minutes an agenda phase has", act_session_timebox)                           \
	X(START_SESSION, "start-session", SC_GLOBAL, "", "[yes|no]", "start session",              \
	  "Start the next session: yes brings the last one's people along, no starts with nobody", \
	  act_session_start)                                                                       \
	X(END_SESSION, "end-session", SC_SESSION, "E", "[yes]", "end session",                     \
	  "End the running session after asking (yes: at once), saying what it produced",          \
	  act_session_end)                                                                         \
	X(NONE, "none", SC_WALK | SC_REVIEW, "n", "REASON", "nothing found",                       \
	  "Mark the cell as considered with nothing found, giving the reason", act_walk_none)      \
	X(NA, "na", SC_WALK | SC_REVIEW, "x", "REASON", "n/a",                                     \
	  "Mark the cell as not applicable, giving the reason", act_walk_na)                       \
	X(RATE_CAPTURED, "rate-captured", SC_WALK, "1..5", "N", "likelihood, then impact",         \
	  "Right after a capture: the likelihood, then the impact, each 1 to 5",                   \
	  act_walk_rate_captured)                                                                  \
	X(REOPEN, "reopen", SC_WALK, "o", "", "reopen", "Make a decided cell pending again",       \
	  act_walk_reopen)                                                                         \
	X(NEXT_LETTER, "next-letter", SC_WALK, "l <Right>", "", "next letter",                     \
	  "Go to the next letter", NULL)                                                           \
	X(PREV_LETTER, "prev-letter", SC_WALK, "h <Left>", "", "previous letter",                  \
	  "Go to the previous letter", NULL)                                                       \
	X(NEXT, "next", SC_WALK | SC_QUESTIONNAIRE, "<Space>", "", "next open",                    \
	  "Go to the next pending cell, or the next unanswered question", NULL)                    \
	X(YES, "yes", SC_QUESTIONNAIRE, "y", "", "yes", "Answer yes", NULL)                        \
	X(NO, "no", SC_QUESTIONNAIRE, "n", "", "no", "Answer no", NULL)                            \
	X(UNKNOWN, "unknown", SC_QUESTIONNAIRE, "u", "", "unknown",                                \
	  "Answer unknown: it becomes an open question", NULL)                                     \
	X(NOT_APPLICABLE, "not-applicable", SC_QUESTIONNAIRE, "-", "", "n/a",                      \
	  "Answer not applicable: the question does not fit this element", NULL)                   \
	X(MORE_QUESTIONS, "more-questions", SC_QUESTIONNAIRE, "A", "", "all questions",            \
	  "In a workshop, also ask the questions that are not core (again: core only)", NULL)      \
	X(CHOOSE, "choose", SC_QUESTIONNAIRE, "1..9", "N", "choose", "Answer with option N", NULL) \
	X(ANSWER, "answer", SC_GLOBAL, "", "QUESTIONNAIRE/QUESTION VALUE", "answer",               \
	  "Answer a question of the current element (VALUE n/a: not applicable)", act_answer)      \
	X(ACCEPT, "accept", SC_QUESTIONNAIRE, "a", "[N] [new]", "accept threat",                   \
	  "Accept the (Nth) threat the last answer suggests, with its mitigations; one that says " \
	  "what a threat on the cell says is linked to it (new: add it anyway)",                   \
	  act_answer_accept)                                                                       \
	X(SKIP, "skip", SC_QUESTIONNAIRE, "x", "[N]", "skip",                                      \
	  "Skip the (Nth) threat the last answer suggests", act_answer_skip)                       \
	X(QUESTION_OWNER, "question-owner", SC_GLOBAL, "", "[Q-ID] NAME [YYYY-MM-DD]", "owner",    \
	  "Say who finds out the answer to an open question, and by when", act_answer_owner)       \
	X(PACKS, "packs", SC_GLOBAL, "", "[PACK...|all]", "packs",                                 \
	  "List the questionnaire packs, or choose the ones the session asks (then toggle one)",   \
	  act_answer_packs)                                                                        \
	X(ADD, "add", SC_OVERVIEW, "a", "KIND ID TYPE NAME", "add element",                        \
	  "Add an element: KIND is entity, process or store", act_diagram_add)                     \
	X(ADD_FLOW, "add-flow", SC_OVERVIEW, "f", "FROM TO PROTOCOL|- NAME", "add flow",           \
	  "Add a data flow from one element to another", act_diagram_add_flow)                     \
	X(ADD_BOUNDARY, "add-boundary", SC_OVERVIEW, "b", "ID NAME", "add boundary",               \
	  "Add a trust boundary", act_diagram_add_boundary)                                        \
	X(MOVE, "move", SC_OVERVIEW, "m", "[ID] BOUNDARY|-", "move",                               \
	  "Put an element in a trust boundary", act_diagram_move)                                  \
	X(RENAME, "rename", SC_OVERVIEW | SC_THREATS | SC_SESSION, "e", "[ID] NAME", "rename",     \
	  "Rename the selected element or participant, or retitle the selected threat",            \
	  act_edit_rename)                                                                         \
	X(DELETE, "delete", SC_OVERVIEW | SC_BOARD | SC_SESSION, "d", "[ID]", "delete",            \
	  "Delete the selected element (with its flows and threats) or threat, remove the "        \
	  "selected participant, or close the selected parking-lot item",                          \
	  act_edit_delete)                                                                         \
	X(SORT, "sort", SC_BOARD, "o", "[risk|votes|element|letter|status|id]", "sort",            \
	  "Sort the threats; with no argument, the next order", NULL)                              \
	X(FILTER, "filter", SC_BOARD, "f", "[FILTER]", "filter",                                   \
	  "Show only matching threats: high, unresolved, element=ID, letter=S, all", NULL)         \
	X(RATE, "rate", SC_GLOBAL, "", "THREAT-ID L I", "rate", "Set likelihood and impact (1-5)", \
	  act_threat_rate)                                                                         \
	X(MORE_LIKELY, "more-likely", SC_THREATS, "l", "", "likelihood +",                         \
	  "Raise the likelihood of the selected threat", act_threat_more_likely)                   \
	X(LESS_LIKELY, "less-likely", SC_THREATS, "L", "", "likelihood -",                         \
	  "Lower the likelihood of the selected threat", act_threat_less_likely)                   \
	X(MORE_IMPACT, "more-impact", SC_THREATS, "i", "", "impact +",                             \
	  "Raise the impact of the selected threat", act_threat_more_impact)                       \
	X(LESS_IMPACT, "less-impact", SC_THREATS, "I", "", "impact -",                             \
	  "Lower the impact of the selected threat", act_threat_less_impact)                       \
	X(LETTERS, "letters", SC_THREATS, "=", "[THREAT-ID] LETTERS", "letters",                   \
	  "Set a threat's STRIDE letters, the primary first", act_threat_letters)                  \
	X(STATUS, "status", SC_THREATS | SC_BACKLOG, "c", "[ID] STATUS [JUSTIFICATION]", "status", \
	  "Set the status of a threat or mitigation (some statuses need a justification)",         \
	  act_edit_status)                                                                         \
	X(MITIGATE, "mitigate", SC_THREATS, "m", "[THREAT-ID] TEXT", "mitigate",                   \
	  "Add a mitigation to a threat, or link an existing one by its id", act_threat_mitigate)  \
	X(VOTE, "vote", SC_BOARD | SC_PRIORITISE, "v", "[PARTICIPANT THREAT-ID [N]]", "vote",      \
	  "Give the selected threat one of the speaker's dots, or set a participant's votes",      \
	  act_threat_vote)                                                                         \
	X(UNVOTE, "unvote", SC_PRIORITISE, "V", "", "take back",                                   \
	  "Take back one of the speaker's dots", act_threat_unvote)                                \
	X(OWNER, "owner", SC_BACKLOG, "o", "[M-ID] NAME", "owner", "Set who owns a mitigation",    \
	  act_mitigation_owner)                                                                    \
	X(TICKET, "ticket", SC_BACKLOG, "#", "[M-ID] REF", "ticket",                               \
	  "Set the ticket of a mitigation (PROJ-123, a URL)", act_mitigation_ticket)               \
	X(DUE, "due", SC_BACKLOG, "@", "[M-ID] YYYY-MM-DD", "due date",                            \
	  "Set a mitigation's due date", act_mitigation_due)                                       \
	X(NOTE, "note", SC_SESSION, "N", "TEXT", "note", "Add a line to the session notes",        \
	  act_session_note)                                                                        \
	X(RESOLVE, "resolve", SC_SESSION, "x", "[P-ID] NOTE", "resolve",                           \
	  "Settle the selected parking-lot item, saying how (nothing: just close it)",             \
	  act_session_resolve)                                                                     \
	X(MARK, "mark", SC_REVIEW, "r", "[ID] COMMENT", "mark reviewed",                           \
	  "Mark the selected item reviewed, with a comment", NULL)

enum action {
	ACT_NONE_ = 0, /* no action: an unbound key */
#define X(id, name, scopes, keys, args, label, help, handler) ACT_##id,
	ACTION_TABLE(X)
#undef X
	    ACT_COUNT
};

struct action_info {
	const char *name; /* the command name */
	unsigned scopes; /* enum action_scope bits */
	const char *keys; /* default keys, space-separated key names; "" for none */
	const char *args; /* argument synopsis; "" for none */
	const char *label; /* two or three words for the key hints */
	const char *help; /* one line */
};

/* Borrowed, static. NULL for ACT_NONE_ and out-of-range values. */
const struct action_info *action_info(enum action a);
/* Is the key name (`len` bytes) a digit range, "1..9" or "1..5"? *last gets its last digit. */
bool action_key_digits(const char *name, size_t len, char *last);

/* Finds an action by its exact name, or else by an unambiguous prefix. 0, or -1 with err set. */
struct sw_error;
int action_find(const char *name, enum action *out, struct sw_error *err);

/* The name of the screen scope (one bit): "everywhere", "overview", "walk", ... */
const char *action_scope_name(unsigned scope_bit);

/* Appends one line per action: "name<TAB>scopes<TAB>keys<TAB>:name ARGS<TAB>help". */
void action_dump(struct sbuf *out);

/* Appends the KEY BINDINGS and WORKSHOP COMMANDS sections of stridewalk(1) as mdoc. */
void action_mdoc(struct sbuf *out);

#endif
