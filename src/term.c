/*
 * The terminal UI: curses set-up and teardown (also on signals and die()), and the loop
 * (tig's view_driver): draw if dirty, read an input event (a key, a resize, a timer tick, the
 * end of a script), turn a key into an action through the current screen's key map and then
 * the global one, and let the screen handle it. STRIDEWALK_NO_DISPLAY runs curses on a
 * virtual screen of STRIDEWALK_SIZE (80x24 by default); STRIDEWALK_SCRIPT feeds the input.
 */
#define _POSIX_C_SOURCE 200809L
#include "term.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "command.h"
#include "draw.h"
#include "input.h"
#include "script.h"
#include "keymap.h"
#include "overdraw.h"
#include "prompt.h"
#include "screendump.h"
#include "termsafe.h"
#include "ui_timing.h"
#include "util.h"
#include "dispatch.h"
#include "ui.h"
#include "xalloc.h"

/* The one piece of state a signal handler may touch. */
static volatile sig_atomic_t got_signal;

struct term {
	struct ui_ctx *ctx;
	struct script *script;
	SCREEN *screen;
	FILE *out, *in; /* the virtual terminal's files when headless */
	bool headless;
	int first_rows, first_cols; /* the headless screen's size to begin with */
	bool overdrawn; /* an overdraw was reported already */
	bool dirty;
	bool prompting; /* `prompt` holds the text being typed */
	struct prompt prompt;
	struct sbuf script_errors;
	int line; /* script line being run, for error reports */
	struct ui_timing *timing; /* STRIDEWALK_TIMINGS */
	/* A key refused: the printable keys typed right after it are the rest of what someone
	 * meant to type (a reason, a title), not commands. They are counted, not run. */
	bool guarding;
	long guard_ms; /* when the last key came, on the monotonic clock */
	int ignored;
	struct sbuf refusal; /* the message of the refused key */
	/* What a printable key of the same burst saved before the refusal, so that the message
	 * of the refusal can say it: a word typed as keys may have changed something first. */
	struct sbuf burst_saved;
	bool switched; /* the last key changed the screen */
};

/* Printable keys typed within this long of the one before belong to the same burst. */
#define BURST_MS 400

static long monotonic_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static bool printable(int key)
{
	return key >= 0x20 && key != 0x7f && key < 0x110000;
}

/*
 * After a refused key, swallows the printable keys of the same burst (a script's keys all come
 * in one), and says so on the message line. Any other key, or a pause, ends the burst.
 */
static bool swallowed(struct term *term, int key)
{
	long now = monotonic_ms();
	bool same_burst = term->script || now - term->guard_ms < BURST_MS;

	term->guard_ms = now;
	if (!term->guarding || !printable(key) || !same_burst) {
		term->guarding = false;
		return false;
	}
	term->ignored++;
	if (term->burst_saved.len) /* what changed comes first: the room needs to know most */
		ui_message(term->ctx, MSG_ERROR,
			   "%s (U undoes it), then: %s (ignored the %d key%s after it)",
			   term->burst_saved.buf, sbuf_str(&term->refusal), term->ignored,
			   term->ignored == 1 ? "" : "s");
	else
		ui_message(term->ctx, MSG_ERROR, "%s (ignored the %d key%s typed after it)",
			   sbuf_str(&term->refusal), term->ignored, term->ignored == 1 ? "" : "s");
	return true;
}

static void on_signal(int sig)
{
	got_signal = sig;
}

static void restore_terminal(void)
{
	if (!isendwin())
		endwin();
}

static void catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a signal wakes get_wch so the loop can leave cleanly. */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/* Without a UTF-8 locale wide characters cannot align; C.UTF-8 exists everywhere we build. */
static void choose_locale(void)
{
	setlocale(LC_ALL, "");
	if (MB_CUR_MAX == 1)
		setlocale(LC_CTYPE, "C.UTF-8");
}

static int parse_size(const char *s, int *cols, int *rows)
{
	struct sbuf sb = SBUF_INIT;
	long c, r;
	char *x;
	int rc = -1;

	sbuf_addstr(&sb, s);
	x = strchr(sb.buf, 'x');
	if (x) {
		*x = '\0';
		if (parse_int(sb.buf, 1, 1000, &c) == 0 && parse_int(x + 1, 1, 1000, &r) == 0) {
			*cols = (int)c;
			*rows = (int)r;
			rc = 0;
		}
	}
	sbuf_release(&sb);
	return rc;
}

static int start_headless(struct term *term, struct sw_error *err)
{
	const char *size = getenv("STRIDEWALK_SIZE");
	int cols = UI_MIN_COLS, rows = UI_MIN_ROWS;
	char buf[16];

	if (size && *size && parse_size(size, &cols, &rows))
		return sw_error(err, "STRIDEWALK_SIZE '%s' must look like 80x24", size);
	term->first_rows = rows;
	term->first_cols = cols;
	/* curses takes the size of a terminal that is not a tty from LINES and COLUMNS */
	snprintf(buf, sizeof(buf), "%d", rows);
	setenv("LINES", buf, 1);
	snprintf(buf, sizeof(buf), "%d", cols);
	setenv("COLUMNS", buf, 1);
	term->out = fopen("/dev/null", "w");
	term->in = fopen("/dev/null", "r");
	if (!term->out || !term->in)
		return sw_error(err, "cannot open /dev/null for the virtual screen");
	term->screen = newterm("xterm-256color", term->out, term->in);
	if (!term->screen)
		term->screen = newterm("vt100", term->out, term->in);
	if (!term->screen)
		return sw_error(err, "no terminfo entry for xterm-256color or vt100");
	return 0;
}

static int start_terminal(struct term *term, struct sw_error *err)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return sw_error(err,
				"the workshop UI needs a terminal (see --help for the commands)");
	term->screen = newterm(NULL, stdout, stdin);
	if (!term->screen)
		return sw_error(err, "cannot use terminal type '%s'",
				getenv("TERM") ? getenv("TERM") : "");
	return 0;
}

/* Lets <C-s> reach us instead of freezing the output (XON/XOFF flow control), and makes that
 * part of the mode curses restores after a suspend or a shell escape. */
static void no_flow_control(void)
{
	struct termios t;

	if (tcgetattr(STDIN_FILENO, &t) != 0)
		return;
	t.c_iflag &= ~(tcflag_t)IXON;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0)
		def_prog_mode();
}

static bool env_set(const char *name)
{
	const char *v = getenv(name);

	return v && *v;
}

static int start(struct term *term, struct sw_error *err)
{
	const char *theme = getenv("STRIDEWALK_THEME");

	if ((term->headless ? start_headless(term, err) : start_terminal(term, err)))
		return -1;
	set_term(term->screen);
	die_set_callback(restore_terminal);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	if (!term->headless)
		no_flow_control();
	set_escdelay(25);
	curs_set(0);
	draw_init(env_set("NO_COLOR") || str_eq(theme, "mono"));
	return 0;
}

static void stop(struct term *term)
{
	if (term->screen) {
		restore_terminal();
		delscreen(term->screen);
	}
	if (term->out)
		fclose(term->out);
	if (term->in)
		fclose(term->in);
	die_set_callback(NULL);
}

/* A headless run fails on the first overdraw of any frame, as a script error would. */
static void note_overdraw(struct term *term)
{
	const char *found = overdraw_found();

	if (!found || term->overdrawn)
		return;
	term->overdrawn = true; /* one report a run: the first is the one to fix */
	sbuf_addf(&term->script_errors,
		  "stridewalk: %s:%d: overdraw on the %s screen at %dx%d, %s\n",
		  term->script ? script_file(term->script) : "(no script)", term->line,
		  view_info(term->ctx->current)->name, COLS, LINES, found);
}

static void draw_all(struct term *term)
{
	struct ui_ctx *ctx = term->ctx;
	struct view *v = ctx->views[ctx->current];
	struct rect body, box;

	erase();
	overdraw_frame(LINES, COLS);
	if (LINES < UI_MIN_ROWS || COLS < UI_MIN_COLS) {
		draw_too_small(LINES, COLS, term->prompting);
		curs_set(0);
	} else {
		body = draw_body(LINES, COLS);
		ctx->page = body.h;
		v->ops->draw(v, ctx, &body);
		draw_frame(ctx, LINES, COLS);
		if (term->prompting) {
			int rows = prompt_rows(sbuf_str(&ctx->prompt.label), COLS);
			box = (struct rect){LINES - 2 - rows, 0, rows, COLS};
			overdraw_overlay(true); /* the prompt box covers the screen on purpose */
			prompt_draw(&term->prompt, sbuf_str(&ctx->prompt.label), &box);
			overdraw_overlay(false);
		}
		curs_set(term->prompting ? 1 : 0);
	}
	wnoutrefresh(stdscr);
	doupdate();
	term->dirty = false;
	note_overdraw(term);
}

static void note_script_error(struct term *term)
{
	struct ui_ctx *ctx = term->ctx;

	if (!term->script || ctx->message_kind != MSG_ERROR || ctx->message.len == 0)
		return;
	sbuf_addf(&term->script_errors, "stridewalk: %s:%d: %s\n", script_file(term->script),
		  term->line, ctx->message.buf);
}

/* The messages quote what the script typed: made safe for the terminal like all output. */
static void print_script_errors(const struct sbuf *errors)
{
	struct sbuf clean = SBUF_INIT;

	termsafe_add(&clean, errors->buf, errors->len, TERMSAFE_LINES);
	fputs(clean.buf, stderr);
	sbuf_release(&clean);
}

static void save_screen(struct term *term, const char *path)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf file = SBUF_INIT;

	command_rest(path, &file);
	if (term->dirty)
		draw_all(term);
	if (screendump_write(file.buf, &err)) {
		ui_error(term->ctx, &err);
		note_script_error(term);
	} else if (!term->script) { /* scripts take pictures in a row: keep them clean */
		ui_message(term->ctx, MSG_INFO, "saved the screen to %s", file.buf);
	}
	sbuf_release(&file);
}

static void run(struct term *term, const struct request *req)
{
	struct ui_ctx *ctx = term->ctx;
	int flags;

	sbuf_reset(&ctx->message);
	if (req->action == ACT_SAVE_SCREEN && !str_empty(req->arg)) {
		save_screen(term, req->arg);
		flags = VIEW_REDRAW;
	} else {
		if (req->action == ACT_REDRAW)
			clearok(curscr, TRUE);
		flags = dispatch_request(ctx, req);
	}
	if (flags & VIEW_PROMPT) {
		if (term->prompting)
			prompt_release(&term->prompt);
		prompt_init(&term->prompt, sbuf_str(&ctx->prompt.initial));
		term->prompting = true;
	}
	note_script_error(term);
	term->dirty = true;
}

/* Enter in the prompt: the answer goes back to the action that asked, with its step. */
static void prompt_done(struct term *term)
{
	struct ui_ctx *ctx = term->ctx;
	struct request req = {ctx->prompt.action, NULL, ctx->prompt.step, NULL};
	char *text = sbuf_detach(&term->prompt.text);
	char *subject = ctx->prompt.subject;

	ctx->prompt.subject = NULL;
	req.arg = text;
	req.subject = subject;
	prompt_release(&term->prompt);
	term->prompting = false;
	ui_prompt_clear(ctx);
	if (req.action == ACT_COMMAND && str_empty(text))
		sbuf_reset(&ctx->message);
	else
		run(term, &req);
	free(text);
	free(subject);
}

static void prompt_key_in(struct term *term, int key)
{
	switch (prompt_key(&term->prompt, key, &term->ctx->prompt.completions)) {
	case PROMPT_DONE:
		prompt_done(term);
		break;
	case PROMPT_CANCEL:
		prompt_release(&term->prompt);
		term->prompting = false;
		ui_prompt_clear(term->ctx);
		ui_message(term->ctx, MSG_INFO, "cancelled");
		break;
	case PROMPT_GOING:
		break;
	}
	term->dirty = true;
}

/*
 * Whether a printable key follows at once, as in typing; *next gets it. Quitting on the "q" of
 * "quit storing secrets in env" would hand the rest of the sentence to the shell on the
 * projector, so `q` quits only when it comes alone. A script's keys all come together and mean
 * what they say, so it is not asked there.
 */
static bool typing_follows(const struct term *term, int *next)
{
	struct input_event ev;

	if (term->script || term->headless)
		return false;
	input_read(&ev, BURST_MS);
	*next = ev.key;
	return ev.type == INPUT_KEY && printable(ev.key);
}

static void key_in(struct term *term, int key)
{
	struct ui_ctx *ctx = term->ctx;
	struct request req = {ACT_NONE_, NULL, 0, NULL};
	struct sbuf name = SBUF_INIT;
	char argbuf[8];
	int next = 0;
	bool stray = false, in_burst, after_switch;
	enum view_id was = ctx->current;

	/* too small a terminal shows nothing to act on: only its ways out, as its notice says */
	if ((LINES < UI_MIN_ROWS || COLS < UI_MIN_COLS) &&
	    (term->prompting ? key != KEYC_ESC
			     : keymap_lookup(view_info(ctx->current)->scope, key, argbuf,
					     &req.arg) != ACT_QUIT)) {
		term->dirty = true;
		return;
	}
	if (term->prompting) {
		prompt_key_in(term, key);
		return;
	}
	in_burst = term->script || monotonic_ms() - term->guard_ms < BURST_MS;
	/* "Secrets in env" typed into nothing: S changes the screen, e would rename someone */
	after_switch = term->switched && !term->script && in_burst;
	term->switched = false;
	if (!printable(key) || !in_burst)
		sbuf_reset(&term->burst_saved); /* a new burst */
	if (swallowed(term, key)) {
		term->dirty = true;
		return;
	}
	req.action = keymap_lookup(view_info(ctx->current)->scope, key, argbuf, &req.arg);
	if (req.action == ACT_QUIT && (stray = typing_follows(term, &next))) {
		ui_message(ctx, MSG_ERROR, "q quits when pressed alone: more typing came with it");
		term->dirty = true;
	} else if ((req.action == ACT_RENAME || req.action == ACT_DELETE) && after_switch) {
		keymap_format_key(key, &name);
		ui_message(ctx, MSG_ERROR, "%s came with the screen change: press it again to %s",
			   name.buf, req.action == ACT_RENAME ? "rename" : "delete");
		sbuf_release(&name);
		term->dirty = true;
	} else if (req.action != ACT_NONE_) {
		run(term, &req);
		term->switched = ctx->current != was;
	} else {
		keymap_format_key(key, &name);
		ui_message(ctx, MSG_ERROR, "the key %s does nothing here (? lists the keys)",
			   name.buf);
		note_script_error(term);
		sbuf_release(&name);
		term->dirty = true;
	}
	/* a key that was refused starts a guard over the rest of its burst */
	term->guarding = printable(key) && !term->prompting && ctx->message_kind == MSG_ERROR &&
			 ctx->message.len;
	term->ignored = 0;
	sbuf_reset(&term->refusal);
	if (term->guarding)
		sbuf_addstr(&term->refusal, ctx->message.buf);
	if (term->guarding && term->burst_saved.len)
		ui_message(ctx, MSG_ERROR, "%s (U undoes it), then: %s", term->burst_saved.buf,
			   term->refusal.buf);
	if (printable(key) && !term->prompting && ctx->message_kind == MSG_SAVED) {
		const char *said = ctx->message.buf;
		sbuf_reset(&term->burst_saved);
		sbuf_addstr(&term->burst_saved, str_starts_with(said, "saved: ") ? said + 7 : said);
	}
	if (stray)
		swallowed(term, next); /* the key after the q: the first of the rest */
}

static void command_in(struct term *term, const char *line)
{
	struct sw_error err = SW_ERROR_INIT;
	struct request req = {ACT_NONE_, NULL, 0, NULL};

	term->guarding = false; /* a command is meant, whatever came before */
	sbuf_reset(&term->burst_saved);
	if (command_parse(line, &req.action, &req.arg, &err)) {
		ui_error(term->ctx, &err);
		note_script_error(term);
		term->dirty = true;
		return;
	}
	if (req.action == ACT_SAVE_SCREEN && !str_empty(req.arg)) {
		save_screen(term,
			    req.arg); /* leaves an open prompt open: it is part of the picture */
		return;
	}
	if (term->prompting) { /* any other command abandons a prompt left open */
		prompt_release(&term->prompt);
		term->prompting = false;
		ui_prompt_clear(term->ctx);
	}
	run(term, &req);
}

/* A script's "text": typed into the open prompt, character by character. */
static void text_in(struct term *term, const char *text)
{
	const unsigned char *p = (const unsigned char *)text;

	if (!term->prompting) {
		ui_message(term->ctx, MSG_ERROR, "text to type, but no prompt is open");
		note_script_error(term);
		return;
	}
	while (*p && term->prompting) {
		int cp = *p++, extra = cp >= 0xf0 ? 3 : cp >= 0xe0 ? 2 : cp >= 0xc0 ? 1 : 0;
		cp &= extra == 3 ? 0x07 : extra == 2 ? 0x0f : extra == 1 ? 0x1f : 0x7f;
		while (extra-- > 0 && (*p & 0xc0) == 0x80)
			cp = (cp << 6) | (*p++ & 0x3f);
		prompt_key_in(term, cp);
	}
}

/* Picks up another process's commits (a scribe beside the facilitator); 1 when there were any. */
static int pick_up_changes(struct term *term)
{
	struct sw_error err = SW_ERROR_INIT;
	int rc = app_refresh(term->ctx->app, &err);

	if (rc < 0)
		ui_error(term->ctx, &err);
	if (rc > 0) {
		ui_message(term->ctx, MSG_INFO,
			   "someone else changed the model: showing their changes");
	}
	if (rc != 0)
		term->dirty = true;
	return rc;
}

static void tick(struct term *term)
{
	pick_up_changes(term);
	if (ui_phase(term->ctx))
		term->dirty = true; /* the countdown moves */
}

static void event_in(struct term *term, const struct input_event *ev)
{
	term->line = ev->line;
	switch (ev->type) {
	case INPUT_KEY:
		if (!term->prompting)
			pick_up_changes(
			    term); /* act on the model as it is now, not as at the last tick */
		key_in(term, ev->key);
		break;
	case INPUT_COMMAND:
		pick_up_changes(term);
		command_in(term, ev->text);
		break;
	case INPUT_TEXT:
		text_in(term, ev->text);
		break;
	case INPUT_RESIZE:
		if (ev->rows > 0)
			resize_term(ev->rows, ev->cols);
		else if (ev->rows < 0 && term->first_rows > 0) /* a script's <Resize back> */
			resize_term(term->first_rows, term->first_cols);
		clearok(curscr, TRUE);
		term->dirty = true;
		break;
	case INPUT_TICK:
		tick(term);
		break;
	case INPUT_END:
		term->ctx->quit = true;
		break;
	}
}

static void loop(struct term *term)
{
	struct input_event ev;

	term->dirty = true;
	while (!term->ctx->quit && !got_signal) {
		if (term->dirty)
			draw_all(term);
		ui_timing_frame(term->timing, view_info(term->ctx->current)->name);
		if (term->script)
			script_next(term->script, &ev);
		else if (term->headless)
			break; /* nothing to read: the first frame is the whole run */
		else
			input_read(&ev, 1000);
		event_in(term, &ev);
	}
}

int term_run(struct app *app, const struct strlist *questionnaire_dirs, bool review,
	     const char *greeting, struct sw_error *err)
{
	struct term term;
	const char *script = getenv("STRIDEWALK_SCRIPT");
	int rc = -1;

	memset(&term, 0, sizeof(term));
	sbuf_init(&term.script_errors);
	sbuf_init(&term.refusal);
	sbuf_init(&term.burst_saved);
	term.headless = env_set("STRIDEWALK_NO_DISPLAY");
	/* Headless runs are the tests: they guard against overdraw, except when timing frames. */
	overdraw_enable(term.headless && !env_set("STRIDEWALK_TIMINGS"));
	choose_locale();
	if (script && *script && script_load(script, &term.script, err))
		goto out;
	if (start(&term, err))
		goto out;
	catch_signals();
	term.ctx = ui_ctx_new(app, NULL, review);
	if (greeting)
		ui_message(term.ctx, MSG_INFO, "%s", greeting);
	ui_load_questionnaires_later(term.ctx, questionnaire_dirs);
	term.timing = ui_timing_new();
	loop(&term);
	rc = ui_timing_finish(term.timing, err);
out:
	if (term.prompting)
		prompt_release(&term.prompt);
	ui_ctx_free(term.ctx);
	stop(&term);
	print_script_errors(&term.script_errors);
	sbuf_release(&term.script_errors);
	sbuf_release(&term.refusal);
	sbuf_release(&term.burst_saved);
	script_free(term.script);
	overdraw_enable(false);
	return rc;
}

int term_caught_signal(void)
{
	return (int)got_signal;
}

bool term_headless(void)
{
	return env_set("STRIDEWALK_NO_DISPLAY");
}
