/*
 * The one table of screens. Each row gives the screen's id, its name (for `:view NAME`, and the
 * command that jumps to it), another name it answers to, its title on the tab bar, its heading
 * in the manual, the key that jumps to it, the jump's label and help, and whether Tab and
 * Shift-Tab visit it. The table generates the view ids, the key-map scopes, the ops list, the
 * tab bar and cycle, and the screen-jump actions; nothing computes with the order of screens.
 *
 * S(X, ID, file, "name", "alias", "tab title", "manual heading", "key", "label", "help", cycles):
 * `file` names the screen's file and ops (view_walk.c, view_walk_ops). X is passed through for
 * tables (the action table) that expand rows into their own macro.
 */
#ifndef SW_SCREENS_H
#define SW_SCREENS_H

#define SCREEN_TABLE(S, X)                                                                         \
	S(X, OVERVIEW, overview, "overview", NULL, "Overview", "Overview", "O", "overview",        \
	  "Elements by trust boundary, flows and coverage", 1)                                     \
	S(X, WALK, walk, "walk", NULL, "Walk", "Walk", "W", "walk",                                \
	  "Walk STRIDE letter by letter, element by element", 1)                                   \
	S(X, QUESTIONNAIRE, questionnaire, "questionnaire", "questions", "Questions",              \
	  "Questionnaire", "Q", "questions", "Ask the questionnaires of the current element", 1)   \
	S(X, BOARD, board, "board", NULL, "Board", "Threat board", "B", "board",                   \
	  "Every threat: sort, filter, rate, decide", 1)                                           \
	S(X, PRIORITISE, prioritise, "prioritise", "prioritize", "Prioritise", "Prioritise", "P",  \
	  "prioritise", "Dot votes, heat map and ranked list", 1)                                  \
	S(X, BACKLOG, backlog, "backlog", NULL, "Backlog", "Backlog", "K", "backlog",              \
	  "Mitigations with owner, status, ticket and due date", 1)                                \
	S(X, SESSION, session, "session", NULL, "Session", "Session", "S", "session",              \
	  "Participants, agenda and timer, parking lot, notes", 1)                                 \
	S(X, REVIEW, review, "review", NULL, "Review", "Review", "R", "review",                    \
	  "Only what needs a reviewer's attention", 1)                                             \
	S(X, HELP, help, "help", NULL, "Help", "Help", "?", "help", "Show every key and command", 0)

#endif
