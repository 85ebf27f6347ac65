/* STRIDEWALK_SCRIPT files: parsed once, then read as input events (see script.h). */
#include "script.h"

#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "fileio.h"
#include "keymap.h"
#include "sbuf.h"
#include "util.h"
#include "xalloc.h"

struct script_line {
	enum input_type type;
	int key;
	char *text;
	int rows, cols;
	int line;
};

struct script {
	char *file;
	struct script_line *lines;
	size_t n, cap, next;
};

void script_free(struct script *s)
{
	size_t i;

	if (!s)
		return;
	for (i = 0; i < s->n; i++)
		free(s->lines[i].text);
	free(s->lines);
	free(s->file);
	free(s);
}

const char *script_file(const struct script *s)
{
	return s->file;
}

static struct script_line *push(struct script *s, enum input_type type, int line)
{
	struct script_line *l;

	s->lines = xgrow(s->lines, sizeof(*s->lines), s->n + 1, &s->cap);
	l = &s->lines[s->n++];
	memset(l, 0, sizeof(*l));
	l->type = type;
	l->line = line;
	return l;
}

/* "<Resize 100x30>": the headless screen takes a new size; "<Resize back>" (rows -1) the one
 * it started with. */
static int parse_resize(const char *s, int *cols, int *rows)
{
	long c, r;
	char *x;
	struct sbuf num = SBUF_INIT;
	int rc = -1;

	if (str_eq(s, "<Resize back>")) {
		*cols = *rows = -1;
		return 0;
	}
	if (!str_starts_with(s, "<Resize ") || !str_ends_with(s, ">"))
		return -1;
	sbuf_add(&num, s + 8, strlen(s) - 9);
	x = strchr(num.buf, 'x');
	if (x) {
		*x = '\0';
		if (parse_int(num.buf, 1, 1000, &c) == 0 && parse_int(x + 1, 1, 1000, &r) == 0) {
			*cols = (int)c;
			*rows = (int)r;
			rc = 0;
		}
	}
	sbuf_release(&num);
	return rc;
}

static int parse_line(struct script *s, const char *text, int line, struct sw_error *err)
{
	struct sw_error cerr = SW_ERROR_INIT;
	size_t len = strlen(text);
	struct script_line *l;
	enum action a;
	const char *arg;
	int key, rows, cols;

	if (text[0] == ':') {
		if (command_parse(text + 1, &a, &arg, &cerr)) {
			sw_error_at(err, s->file, line, 0, "%s", cerr.msg);
			sw_error_release(&cerr);
			return -1;
		}
		push(s, INPUT_COMMAND, line)->text = xstrdup(text + 1);
	} else if (text[0] == '"' && len >= 2 && text[len - 1] == '"') {
		push(s, INPUT_TEXT, line)->text = xstrndup(text + 1, len - 2);
	} else if (parse_resize(text, &cols, &rows) == 0) {
		l = push(s, INPUT_RESIZE, line);
		l->rows = rows;
		l->cols = cols;
	} else if ((key = keymap_parse_key(text)) >= 0) {
		push(s, INPUT_KEY, line)->key = key;
	} else {
		return sw_error_at(err, s->file, line, 0,
				   "unknown key '%s' (expected a key such as j or <Enter>, a "
				   ":command, or \"text to type\")",
				   text);
	}
	return 0;
}

int script_parse(const char *file, const char *text, struct script **out, struct sw_error *err)
{
	struct script *s = xcalloc(1, sizeof(*s));
	struct sbuf line = SBUF_INIT;
	const char *p = text;
	int n = 0;

	s->file = xstrdup(file);
	*out = NULL;
	while (*p) {
		size_t len = strcspn(p, "\n"), start = 0;
		n++;
		sbuf_reset(&line);
		sbuf_add(&line, p, len);
		p += len + (p[len] == '\n');
		while (line.len > 0 && strchr(" \t\r", line.buf[line.len - 1]))
			sbuf_truncate(&line, line.len - 1);
		while (start < line.len && (line.buf[start] == ' ' || line.buf[start] == '\t'))
			start++;
		if (start == line.len || line.buf[start] == '#')
			continue;
		if (parse_line(s, line.buf + start, n, err)) {
			sbuf_release(&line);
			script_free(s);
			return -1;
		}
	}
	sbuf_release(&line);
	*out = s;
	return 0;
}

int script_load(const char *path, struct script **out, struct sw_error *err)
{
	struct sbuf text = SBUF_INIT;
	int rc;

	*out = NULL;
	if (file_read_all(path, &text, err)) {
		sbuf_release(&text);
		return -1;
	}
	rc = script_parse(path, sbuf_str(&text), out, err);
	sbuf_release(&text);
	return rc;
}

void script_next(struct script *s, struct input_event *ev)
{
	const struct script_line *l;

	memset(ev, 0, sizeof(*ev));
	if (s->next >= s->n) {
		ev->type = INPUT_END;
		return;
	}
	l = &s->lines[s->next++];
	ev->type = l->type;
	ev->key = l->key;
	ev->text = l->text;
	ev->rows = l->rows;
	ev->cols = l->cols;
	ev->line = l->line;
}
