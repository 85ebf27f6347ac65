/*
 * The terminal UI: curses set-up and teardown (also on signals and die()), and the loop
 * (tig's view_driver): draw if dirty, read an input event (a key, a resize, a timer tick, the
 * end of a script), turn a key into an action through the current screen's key map and then
 * the global one, and let the screen handle it. STRIDEWALK_NO_DISPLAY runs curses on a
 * virtual screen of STRIDEWALK_SIZE (80x24 by default); STRIDEWALK_SCRIPT feeds the input.
 */
#define _POSIX_C_SOURCE 200809L
#include "ui.h"

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
#include "keymap.h"
#include "prompt.h"
#include "screendump.h"
#include "termsafe.h"
#include "ui_timing.h"
#include "util.h"
#include "view.h"
#include "xalloc.h"

/* The one piece of state a signal handler may touch. */
static volatile sig_atomic_t got_signal;

struct ui {
	struct ui_ctx *ctx;
	struct script *script;
	SCREEN *screen;
	FILE *out, *in; /* the virtual terminal's files when headless */
	bool headless;
	bool dirty;
	bool prompting; /* `prompt` holds the text being typed */
	struct prompt prompt;
	struct sbuf script_errors;
	int line; /* script line being run, for error reports */
	struct ui_timing *timing; /* STRIDEWALK_TIMINGS */
};

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

static int start_headless(struct ui *ui, struct sw_error *err)
{
	const char *size = getenv("STRIDEWALK_SIZE");
	int cols = UI_MIN_COLS, rows = UI_MIN_ROWS;
	char buf[16];

	if (size && *size && parse_size(size, &cols, &rows))
		return sw_error(err, "STRIDEWALK_SIZE '%s' must look like 80x24", size);
	/* curses takes the size of a terminal that is not a tty from LINES and COLUMNS */
	snprintf(buf, sizeof(buf), "%d", rows);
	setenv("LINES", buf, 1);
	snprintf(buf, sizeof(buf), "%d", cols);
	setenv("COLUMNS", buf, 1);
	ui->out = fopen("/dev/null", "w");
	ui->in = fopen("/dev/null", "r");
	if (!ui->out || !ui->in)
		return sw_error(err, "cannot open /dev/null for the virtual screen");
	ui->screen = newterm("xterm-256color", ui->out, ui->in);
	if (!ui->screen)
		ui->screen = newterm("vt100", ui->out, ui->in);
	if (!ui->screen)
		return sw_error(err, "no terminfo entry for xterm-256color or vt100");
	return 0;
}

static int start_terminal(struct ui *ui, struct sw_error *err)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return sw_error(err,
				"the workshop UI needs a terminal (see --help for the commands)");
	ui->screen = newterm(NULL, stdout, stdin);
	if (!ui->screen)
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

static int start(struct ui *ui, struct sw_error *err)
{
	const char *theme = getenv("STRIDEWALK_THEME");

	if ((ui->headless ? start_headless(ui, err) : start_terminal(ui, err)))
		return -1;
	set_term(ui->screen);
	die_set_callback(restore_terminal);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	if (!ui->headless)
		no_flow_control();
	set_escdelay(25);
	curs_set(0);
	draw_init(env_set("NO_COLOR") || str_eq(theme, "mono"));
	return 0;
}

static void stop(struct ui *ui)
{
	if (ui->screen) {
		restore_terminal();
		delscreen(ui->screen);
	}
	if (ui->out)
		fclose(ui->out);
	if (ui->in)
		fclose(ui->in);
	die_set_callback(NULL);
}

static void draw_all(struct ui *ui)
{
	struct ui_ctx *ctx = ui->ctx;
	struct view *v = ctx->views[ctx->current];
	struct rect body, box;

	erase();
	if (LINES < UI_MIN_ROWS || COLS < UI_MIN_COLS) {
		draw_too_small(LINES, COLS);
		curs_set(0);
	} else {
		body = draw_body(LINES, COLS);
		ctx->page = body.h;
		v->ops->draw(v, ctx, &body);
		draw_frame(ctx, LINES, COLS);
		if (ui->prompting) {
			box = (struct rect){LINES - 5, 0, 3, COLS};
			prompt_draw(&ui->prompt, sbuf_str(&ctx->prompt.label), &box);
		}
		curs_set(ui->prompting ? 1 : 0);
	}
	wnoutrefresh(stdscr);
	doupdate();
	ui->dirty = false;
}

static void note_script_error(struct ui *ui)
{
	struct ui_ctx *ctx = ui->ctx;

	if (!ui->script || ctx->message_kind != MSG_ERROR || ctx->message.len == 0)
		return;
	sbuf_addf(&ui->script_errors, "stridewalk: %s:%d: %s\n", script_file(ui->script), ui->line,
		  ctx->message.buf);
}

/* The messages quote what the script typed: made safe for the terminal like all output. */
static void print_script_errors(const struct sbuf *errors)
{
	struct sbuf clean = SBUF_INIT;

	termsafe_add(&clean, errors->buf, errors->len, TERMSAFE_LINES);
	fputs(clean.buf, stderr);
	sbuf_release(&clean);
}

static void save_screen(struct ui *ui, const char *path)
{
	struct sw_error err = SW_ERROR_INIT;
	struct sbuf file = SBUF_INIT;

	command_rest(path, &file);
	if (ui->dirty)
		draw_all(ui);
	if (screendump_write(file.buf, &err)) {
		ui_error(ui->ctx, &err);
		note_script_error(ui);
	} else if (!ui->script) { /* scripts take pictures in a row: keep them clean */
		ui_message(ui->ctx, MSG_INFO, "saved the screen to %s", file.buf);
	}
	sbuf_release(&file);
}

static void run(struct ui *ui, const struct request *req)
{
	struct ui_ctx *ctx = ui->ctx;
	int flags;

	sbuf_reset(&ctx->message);
	if (req->action == ACT_SAVE_SCREEN && !str_empty(req->arg)) {
		save_screen(ui, req->arg);
		flags = VIEW_REDRAW;
	} else {
		if (req->action == ACT_REDRAW)
			clearok(curscr, TRUE);
		flags = view_dispatch(ctx, req);
	}
	if (flags & VIEW_PROMPT) {
		if (ui->prompting)
			prompt_release(&ui->prompt);
		prompt_init(&ui->prompt, sbuf_str(&ctx->prompt.initial));
		ui->prompting = true;
	}
	note_script_error(ui);
	ui->dirty = true;
}

/* Enter in the prompt: the answer goes back to the action that asked, with its step. */
static void prompt_done(struct ui *ui)
{
	struct ui_ctx *ctx = ui->ctx;
	struct request req = {ctx->prompt.action, NULL, ctx->prompt.step, NULL};
	char *text = sbuf_detach(&ui->prompt.text);
	char *subject = ctx->prompt.subject;

	ctx->prompt.subject = NULL;
	req.arg = text;
	req.subject = subject;
	prompt_release(&ui->prompt);
	ui->prompting = false;
	ui_prompt_clear(ctx);
	if (req.action == ACT_COMMAND && str_empty(text))
		sbuf_reset(&ctx->message);
	else
		run(ui, &req);
	free(text);
	free(subject);
}

static void prompt_key_in(struct ui *ui, int key)
{
	switch (prompt_key(&ui->prompt, key, &ui->ctx->prompt.completions)) {
	case PROMPT_DONE:
		prompt_done(ui);
		break;
	case PROMPT_CANCEL:
		prompt_release(&ui->prompt);
		ui->prompting = false;
		ui_prompt_clear(ui->ctx);
		ui_message(ui->ctx, MSG_INFO, "cancelled");
		break;
	case PROMPT_GOING:
		break;
	}
	ui->dirty = true;
}

static void key_in(struct ui *ui, int key)
{
	struct ui_ctx *ctx = ui->ctx;
	struct request req = {ACT_NONE_, NULL, 0, NULL};
	struct sbuf name = SBUF_INIT;
	char argbuf[8];

	if (ui->prompting) {
		prompt_key_in(ui, key);
		return;
	}
	req.action = keymap_lookup(ctx->views[ctx->current]->ops->scope, key, argbuf, &req.arg);
	if (req.action != ACT_NONE_) {
		run(ui, &req);
		return;
	}
	key_format(key, &name);
	ui_message(ctx, MSG_ERROR, "the key %s does nothing here (? lists the keys)", name.buf);
	note_script_error(ui);
	sbuf_release(&name);
	ui->dirty = true;
}

static void command_in(struct ui *ui, const char *line)
{
	struct sw_error err = SW_ERROR_INIT;
	struct request req = {ACT_NONE_, NULL, 0, NULL};

	if (command_parse(line, &req.action, &req.arg, &err)) {
		ui_error(ui->ctx, &err);
		note_script_error(ui);
		ui->dirty = true;
		return;
	}
	if (req.action == ACT_SAVE_SCREEN && !str_empty(req.arg)) {
		save_screen(ui,
			    req.arg); /* leaves an open prompt open: it is part of the picture */
		return;
	}
	if (ui->prompting) { /* any other command abandons a prompt left open */
		prompt_release(&ui->prompt);
		ui->prompting = false;
		ui_prompt_clear(ui->ctx);
	}
	run(ui, &req);
}

/* A script's "text": typed into the open prompt, character by character. */
static void text_in(struct ui *ui, const char *text)
{
	const unsigned char *p = (const unsigned char *)text;

	if (!ui->prompting) {
		ui_message(ui->ctx, MSG_ERROR, "text to type, but no prompt is open");
		note_script_error(ui);
		return;
	}
	while (*p && ui->prompting) {
		int cp = *p++, extra = cp >= 0xf0 ? 3 : cp >= 0xe0 ? 2 : cp >= 0xc0 ? 1 : 0;
		cp &= extra == 3 ? 0x07 : extra == 2 ? 0x0f : extra == 1 ? 0x1f : 0x7f;
		while (extra-- > 0 && (*p & 0xc0) == 0x80)
			cp = (cp << 6) | (*p++ & 0x3f);
		prompt_key_in(ui, cp);
	}
}

/* Picks up another process's commits (a scribe beside the facilitator); 1 when there were any. */
static int pick_up_changes(struct ui *ui)
{
	struct sw_error err = SW_ERROR_INIT;
	int rc = app_refresh(ui->ctx->app, &err);

	if (rc < 0)
		ui_error(ui->ctx, &err);
	if (rc > 0) {
		ui_changed(ui->ctx);
		ui_message(ui->ctx, MSG_INFO,
			   "someone else changed the model: showing their changes");
	}
	if (rc != 0)
		ui->dirty = true;
	return rc;
}

static void tick(struct ui *ui)
{
	pick_up_changes(ui);
	if (ui_phase(ui->ctx))
		ui->dirty = true; /* the countdown moves */
}

static void event_in(struct ui *ui, const struct input_event *ev)
{
	ui->line = ev->line;
	switch (ev->type) {
	case INPUT_KEY:
		if (!ui->prompting)
			pick_up_changes(
			    ui); /* act on the model as it is now, not as at the last tick */
		key_in(ui, ev->key);
		break;
	case INPUT_COMMAND:
		pick_up_changes(ui);
		command_in(ui, ev->text);
		break;
	case INPUT_TEXT:
		text_in(ui, ev->text);
		break;
	case INPUT_RESIZE:
		if (ev->rows > 0)
			resize_term(ev->rows, ev->cols);
		clearok(curscr, TRUE);
		ui->dirty = true;
		break;
	case INPUT_TICK:
		tick(ui);
		break;
	case INPUT_END:
		ui->ctx->quit = true;
		break;
	}
}

static void loop(struct ui *ui)
{
	struct input_event ev;

	ui->dirty = true;
	while (!ui->ctx->quit && !got_signal) {
		if (ui->dirty)
			draw_all(ui);
		ui_timing_frame(ui->timing, ui->ctx->views[ui->ctx->current]->ops->name);
		if (ui->script)
			script_next(ui->script, &ev);
		else if (ui->headless)
			break; /* nothing to read: the first frame is the whole run */
		else
			input_read(&ev, 1000);
		event_in(ui, &ev);
	}
}

int ui_run(struct app *app, const struct strlist *questionnaire_dirs, bool review,
	   struct sw_error *err)
{
	struct ui ui;
	const char *script = getenv("STRIDEWALK_SCRIPT");
	int rc = -1;

	memset(&ui, 0, sizeof(ui));
	sbuf_init(&ui.script_errors);
	ui.headless = env_set("STRIDEWALK_NO_DISPLAY");
	choose_locale();
	if (script && *script && script_load(script, &ui.script, err))
		goto out;
	if (start(&ui, err))
		goto out;
	catch_signals();
	ui.ctx = ui_ctx_new(app, NULL, review);
	ui_load_questionnaires_later(ui.ctx, questionnaire_dirs);
	ui.timing = ui_timing_new();
	loop(&ui);
	rc = ui_timing_finish(ui.timing, err);
out:
	if (ui.prompting)
		prompt_release(&ui.prompt);
	ui_ctx_free(ui.ctx);
	stop(&ui);
	print_script_errors(&ui.script_errors);
	sbuf_release(&ui.script_errors);
	script_free(ui.script);
	return rc;
}

int ui_caught_signal(void)
{
	return (int)got_signal;
}

bool ui_headless(void)
{
	return env_set("STRIDEWALK_NO_DISPLAY");
}
