/* The ':' command parser and its argument splitting (see command.h). */
#include "command.h"

#include <string.h>

#include "util.h"

static const char *skip_spaces(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

int command_parse(const char *line, enum action *action, const char **arg, struct sw_error *err)
{
	const char *p = skip_spaces(line);
	struct sbuf name = SBUF_INIT;
	size_t len;
	int rc;

	if (*p == ':')
		p = skip_spaces(p + 1);
	len = strcspn(p, " \t");
	if (len == 0)
		return sw_error(err, "type a command after ':' (see ':help')");
	sbuf_add(&name, p, len);
	rc = action_find(name.buf, action, err);
	sbuf_release(&name);
	*arg = skip_spaces(p + len);
	return rc;
}

static const char *quoted(const char *p, struct sbuf *out)
{
	p++; /* the opening quote */
	while (*p && *p != '"') {
		if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
			p++;
		sbuf_addch(out, *p++);
	}
	return *p == '"' ? p + 1 : p;
}

bool command_word(const char **p, struct sbuf *out)
{
	const char *s = skip_spaces(*p);
	size_t len;

	sbuf_reset(out);
	if (!*s) {
		*p = s;
		return false;
	}
	if (*s == '"') {
		s = quoted(s, out);
	} else {
		len = strcspn(s, " \t");
		sbuf_add(out, s, len);
		s += len;
	}
	*p = skip_spaces(s);
	return true;
}

void command_rest(const char *p, struct sbuf *out)
{
	const char *s = skip_spaces(p);
	size_t len = strlen(s);

	sbuf_reset(out);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len >= 2 && s[0] == '"' && s[len - 1] == '"' && !memchr(s + 1, '"', len - 2)) {
		sbuf_add(out, s + 1, len - 2);
		return;
	}
	sbuf_add(out, s, len);
}
