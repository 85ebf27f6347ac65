/* The intermediate description of infrastructure code, and the value helpers (see iac.h). */
#include "iac.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "util.h"
#include "xalloc.h"
#include "ynode.h"

static const char *const format_names[IAC_FORMAT_COUNT] = {"cfn", "sls", "tfplan"};
static const char *const format_labels[IAC_FORMAT_COUNT] = {
    "CloudFormation/SAM", "Serverless Framework", "Terraform plan"};

const char *iac_format_name(enum iac_format f)
{
	return format_names[f];
}

const char *iac_format_label(enum iac_format f)
{
	return format_labels[f];
}

int iac_format_parse(const char *s, enum iac_format *out)
{
	int i;

	for (i = 0; i < IAC_FORMAT_COUNT; i++)
		if (str_eq(s, format_names[i])) {
			*out = (enum iac_format)i;
			return 0;
		}
	return -1;
}

struct iac_doc *iac_doc_new(enum iac_format format, const char *file)
{
	struct iac_doc *doc = xcalloc(1, sizeof(*doc));

	doc->arena = yarena_new();
	doc->format = format;
	doc->file = xstrdup(file);
	return doc;
}

void iac_doc_free(struct iac_doc *doc)
{
	size_t i;

	if (!doc)
		return;
	for (i = 0; i < doc->nnotes; i++)
		free(doc->notes[i].what);
	free(doc->notes);
	free(doc->res);
	free(doc->params);
	strmap_clear(&doc->by_id);
	strmap_clear(&doc->by_param);
	free(doc->file);
	free(doc->name);
	free(doc->description);
	yarena_free(doc->arena);
	free(doc);
}

void *iac_alloc(struct iac_doc *doc, size_t size)
{
	void *p = yarena_alloc(doc->arena, size ? size : 1);

	memset(p, 0, size);
	return p;
}

const char *iac_strdup(struct iac_doc *doc, const char *s)
{
	size_t n;
	char *p;

	if (!s)
		return NULL;
	n = strlen(s);
	p = yarena_alloc(doc->arena, n + 1);
	memcpy(p, s, n + 1);
	return p;
}

struct iac_value *iac_value_new(struct iac_doc *doc, enum iac_kind kind, int line, int col)
{
	struct iac_value *v = iac_alloc(doc, sizeof(*v));

	v->kind = kind;
	v->line = line;
	v->col = col;
	return v;
}

struct iac_value *iac_str_new(struct iac_doc *doc, const char *s, int line, int col)
{
	struct iac_value *v = iac_value_new(doc, IAC_STR, line, col);

	v->str = iac_strdup(doc, s);
	return v;
}

void iac_value_fill(struct iac_doc *doc, struct iac_value *v, struct iac_value *const *items,
		    const char *const *keys, size_t n)
{
	v->count = n;
	v->items = NULL;
	v->keys = NULL;
	if (!n)
		return;
	v->items = iac_alloc(doc, n * sizeof(*v->items));
	memcpy(v->items, items, n * sizeof(*v->items));
	if (keys) {
		v->keys = iac_alloc(doc, n * sizeof(*v->keys));
		memcpy(v->keys, keys, n * sizeof(*v->keys));
	}
}

struct iac_res *iac_doc_add(struct iac_doc *doc, const char *id, const char *type,
			    struct iac_value *props, int line, int col)
{
	struct iac_res *r = iac_alloc(doc, sizeof(*r));

	r->id = iac_strdup(doc, id);
	r->type = iac_strdup(doc, type);
	r->props = props && props->kind == IAC_MAP ? props : NULL;
	r->line = line;
	r->col = col;
	doc->res = xgrow(doc->res, sizeof(*doc->res), doc->nres + 1, &doc->res_cap);
	doc->res[doc->nres++] = r;
	strmap_put(&doc->by_id, r->id, r);
	return r;
}

struct iac_res *iac_doc_res(const struct iac_doc *doc, const char *id)
{
	return id ? strmap_get(&doc->by_id, id) : NULL;
}

void iac_doc_add_param(struct iac_doc *doc, struct iac_param *p)
{
	doc->params = xgrow(doc->params, sizeof(*doc->params), doc->nparams + 1, &doc->params_cap);
	doc->params[doc->nparams++] = p;
	strmap_put(&doc->by_param, p->name, p);
}

const struct iac_param *iac_doc_param(const struct iac_doc *doc, const char *name)
{
	return name ? strmap_get(&doc->by_param, name) : NULL;
}

void iac_note(struct iac_doc *doc, int line, const char *fmt, ...)
{
	struct sbuf sb = SBUF_INIT;
	va_list ap;
	size_t i;

	va_start(ap, fmt);
	sbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	for (i = 0; i < doc->nnotes; i++) /* the same construct is listed once per line */
		if (doc->notes[i].line == line && str_eq(doc->notes[i].what, sb.buf)) {
			sbuf_release(&sb);
			return;
		}
	doc->notes = xgrow(doc->notes, sizeof(*doc->notes), doc->nnotes + 1, &doc->notes_cap);
	doc->notes[doc->nnotes].line = line;
	doc->notes[doc->nnotes++].what = sbuf_detach(&sb);
}

struct iac_value *iac_from_json(struct iac_doc *doc, const struct json_value *j)
{
	static const enum iac_kind kinds[] = {
	    [JSON_NULL] = IAC_NULL,  [JSON_BOOL] = IAC_BOOL,  [JSON_NUMBER] = IAC_NUM,
	    [JSON_STRING] = IAC_STR, [JSON_ARRAY] = IAC_LIST, [JSON_OBJECT] = IAC_MAP,
	};
	struct iac_value *v = iac_value_new(doc, kinds[j->type], j->line, j->col);
	size_t i;

	switch (j->type) {
	case JSON_BOOL:
		v->str = j->boolean ? "true" : "false";
		break;
	case JSON_NUMBER:
	case JSON_STRING:
		v->str = iac_strdup(doc, j->text);
		break;
	case JSON_ARRAY:
		v->count = j->nitems;
		v->items = iac_alloc(doc, j->nitems * sizeof(*v->items));
		for (i = 0; i < j->nitems; i++)
			v->items[i] = iac_from_json(doc, j->items[i]);
		break;
	case JSON_OBJECT:
		v->count = j->nmembers;
		v->items = iac_alloc(doc, j->nmembers * sizeof(*v->items));
		v->keys = iac_alloc(doc, j->nmembers * sizeof(*v->keys));
		v->key_lines = iac_alloc(doc, j->nmembers * sizeof(*v->key_lines));
		for (i = 0; i < j->nmembers; i++) {
			v->keys[i] = iac_strdup(doc, j->members[i].key);
			v->key_lines[i] = j->members[i].line;
			v->items[i] = iac_from_json(doc, j->members[i].value);
		}
		break;
	default:
		break;
	}
	return v;
}

/* Every position inside a JSON string is the string's own: its lines mean nothing in the file. */
static void set_line(struct iac_value *v, int line)
{
	size_t i;

	v->line = line;
	v->col = 0;
	v->key_lines = NULL;
	for (i = 0; i < v->count; i++)
		set_line(v->items[i], line);
}

struct iac_value *iac_parse_json_string(struct iac_doc *doc, const struct iac_value *v)
{
	const char *s = iac_scalar(v);
	struct json_value *j = NULL;
	struct iac_value *out = NULL;
	const struct json_limits lim = {1024 * 1024, 64, 100000};

	if (!s || (s[strspn(s, " \t\r\n")] != '{' && s[strspn(s, " \t\r\n")] != '['))
		return NULL;
	if (json_parse(doc->file, s, strlen(s), &lim, &j, NULL) == 0) {
		out = iac_from_json(doc, j);
		set_line(out, v->line);
	}
	json_free(j);
	return out ? iac_normalize(doc, out) : NULL;
}

/* An intrinsic node of `kind` taking over the position of the long form it replaces. */
static struct iac_value *intrinsic(struct iac_doc *doc, const struct iac_value *map,
				   enum iac_kind kind)
{
	return iac_value_new(doc, kind, map->line, map->col);
}

/* "X.Attr" or [X, Attr]: fills a GetAtt node. */
static void getatt_args(struct iac_doc *doc, struct iac_value *out, const struct iac_value *arg)
{
	const char *s = iac_scalar(arg);
	const char *dot;

	if (s) {
		dot = strchr(s, '.');
		if (dot) {
			char *id = xstrndup(s, (size_t)(dot - s));
			out->str = iac_strdup(doc, id);
			out->attr = iac_strdup(doc, dot + 1);
			free(id);
		} else {
			out->str = iac_strdup(doc, s);
		}
	} else if (arg && arg->kind == IAC_LIST && arg->count >= 1) {
		out->str = iac_scalar(arg->items[0]);
		out->attr = arg->count > 1 ? iac_scalar(arg->items[1]) : NULL;
	}
}

static struct iac_value *normalize_single(struct iac_doc *doc, struct iac_value *v)
{
	const char *key = v->keys[0];
	struct iac_value *arg = v->items[0], *out;

	if (str_eq(key, "Ref") && iac_scalar(arg)) {
		out = intrinsic(doc, v, IAC_REF);
		out->str = iac_scalar(arg);
		return out;
	}
	if (str_eq(key, "Fn::GetAtt")) {
		out = intrinsic(doc, v, IAC_GETATT);
		getatt_args(doc, out, arg);
		return out->str ? out : v;
	}
	if (str_eq(key, "Fn::Sub")) {
		out = intrinsic(doc, v, IAC_SUB);
		if (arg->kind == IAC_LIST)
			iac_value_fill(doc, out, arg->items, NULL, arg->count);
		else
			iac_value_fill(doc, out, &arg, NULL, 1);
		return out;
	}
	if (str_starts_with(key, "Fn::") || (str_eq(key, "Condition") && iac_scalar(arg))) {
		out = intrinsic(doc, v, IAC_FN);
		out->str = str_eq(key, "Condition") ? "Condition" : iac_strdup(doc, key + 4);
		if (arg->kind == IAC_LIST)
			iac_value_fill(doc, out, arg->items, NULL, arg->count);
		else
			iac_value_fill(doc, out, &arg, NULL, 1);
		return out;
	}
	return v;
}

struct iac_value *iac_normalize(struct iac_doc *doc, struct iac_value *v)
{
	size_t i;

	if (!v)
		return NULL;
	if (v->kind == IAC_LIST || v->kind == IAC_MAP || v->kind == IAC_FN || v->kind == IAC_SUB)
		for (i = 0; i < v->count; i++)
			v->items[i] = iac_normalize(doc, v->items[i]);
	if (v->kind == IAC_MAP && v->count == 1)
		return normalize_single(doc, v);
	return v;
}

const struct iac_value *iac_get(const struct iac_value *map, const char *key)
{
	size_t i;

	if (!map || map->kind != IAC_MAP)
		return NULL;
	for (i = 0; i < map->count; i++)
		if (str_eq(map->keys[i], key))
			return map->items[i];
	return NULL;
}

int iac_key_line(const struct iac_value *map, const char *key)
{
	size_t i;

	if (!map || map->kind != IAC_MAP)
		return 0;
	for (i = 0; i < map->count; i++)
		if (str_eq(map->keys[i], key))
			return map->key_lines ? map->key_lines[i] : map->items[i]->line;
	return 0;
}

const struct iac_value *iac_path(const struct iac_value *v, const char *path)
{
	char key[128];
	const char *p = path;

	while (v && *p) {
		size_t n = strcspn(p, ".");
		if (n >= sizeof(key))
			return NULL;
		memcpy(key, p, n);
		key[n] = '\0';
		while (v && v->kind == IAC_LIST)
			v = v->count ? v->items[0] : NULL;
		v = iac_get(v, key);
		p += n;
		if (*p == '.')
			p++;
	}
	return v;
}

const struct iac_value *iac_prop(const struct iac_res *r, const char *path)
{
	return r ? iac_path(r->props, path) : NULL;
}

const char *iac_scalar(const struct iac_value *v)
{
	if (v && (v->kind == IAC_STR || v->kind == IAC_NUM || v->kind == IAC_BOOL))
		return v->str;
	return NULL;
}

const char *iac_literal(const struct iac_doc *doc, const struct iac_value *v)
{
	const struct iac_param *p;

	if (!v)
		return NULL;
	if (iac_scalar(v))
		return v->str;
	if (v->kind == IAC_REF && (p = iac_doc_param(doc, v->str)) && p->def)
		return iac_scalar(p->def);
	if (v->kind == IAC_SUB && v->count >= 1 && iac_scalar(v->items[0]) &&
	    !strstr(v->items[0]->str, "${"))
		return v->items[0]->str;
	return NULL;
}

bool iac_true(const struct iac_doc *doc, const struct iac_value *v)
{
	const char *s = iac_literal(doc, v);

	return s && (str_eq(s, "true") || str_eq(s, "True") || str_eq(s, "TRUE"));
}

bool iac_false(const struct iac_doc *doc, const struct iac_value *v)
{
	const char *s = iac_literal(doc, v);

	return s && (str_eq(s, "false") || str_eq(s, "False") || str_eq(s, "FALSE"));
}

long iac_num(const struct iac_doc *doc, const struct iac_value *v, long fallback)
{
	const char *s = iac_literal(doc, v);
	long n;

	if (s && parse_int(s, -1000000000L, 1000000000L, &n) == 0)
		return n;
	return fallback;
}

/* Every "${Name}" or "${Name.Attr}" of a Sub template that is not a local variable. */
static void sub_refs(const struct iac_doc *doc, const struct iac_value *sub,
		     void (*fn)(const char *, const struct iac_value *, void *), void *arg)
{
	const char *s = iac_scalar(sub->items[0]), *p;
	const struct iac_value *vars = sub->count > 1 ? sub->items[1] : NULL;
	char name[256];

	for (p = s ? strstr(s, "${") : NULL; p; p = strstr(p, "${")) {
		size_t n;
		p += 2;
		if (*p == '!')
			continue; /* ${!Literal} is written out as is */
		n = strcspn(p, "}.");
		if (n == 0 || n >= sizeof(name) || !p[n])
			continue;
		memcpy(name, p, n);
		name[n] = '\0';
		if (iac_get(vars, name) || strchr(name, ':'))
			continue; /* a local variable, or a pseudo parameter such as AWS::Region */
		if (iac_doc_res(doc, name))
			fn(iac_doc_res(doc, name)->id, sub, arg);
	}
	if (vars)
		iac_each_ref(doc, vars, fn, arg);
}

void iac_each_ref(const struct iac_doc *doc, const struct iac_value *v,
		  void (*fn)(const char *id, const struct iac_value *at, void *arg), void *arg)
{
	size_t i;

	if (!v)
		return;
	switch (v->kind) {
	case IAC_REF:
	case IAC_GETATT:
		if (iac_doc_res(doc, v->str))
			fn(iac_doc_res(doc, v->str)->id, v, arg);
		return;
	case IAC_SUB:
		if (v->count)
			sub_refs(doc, v, fn, arg);
		return;
	case IAC_LIST:
	case IAC_MAP:
	case IAC_FN:
		for (i = 0; i < v->count; i++)
			iac_each_ref(doc, v->items[i], fn, arg);
		return;
	default:
		return;
	}
}

struct first_ref {
	const char *id;
};

static void take_first(const char *id, const struct iac_value *at, void *arg)
{
	struct first_ref *f = arg;

	if (!f->id)
		f->id = id;
}

struct iac_res *iac_ref_res(const struct iac_doc *doc, const struct iac_value *v)
{
	struct first_ref f = {NULL};

	iac_each_ref(doc, v, take_first, &f);
	return iac_doc_res(doc, f.id);
}

static void text_of(const struct iac_value *v, struct sbuf *out, int depth)
{
	size_t i;

	if (!v) {
		sbuf_addstr(out, "null");
		return;
	}
	if (depth > 3) {
		sbuf_addstr(out, "...");
		return;
	}
	switch (v->kind) {
	case IAC_NULL:
		sbuf_addstr(out, "null");
		break;
	case IAC_STR:
		if (strchr(v->str, ' ') || strchr(v->str, '*') || !*v->str)
			sbuf_addf(out, "'%s'", v->str);
		else
			sbuf_addstr(out, v->str);
		break;
	case IAC_NUM:
	case IAC_BOOL:
		sbuf_addstr(out, v->str);
		break;
	case IAC_REF:
		sbuf_addf(out, "!Ref %s", v->str);
		break;
	case IAC_GETATT:
		sbuf_addf(out, "!GetAtt %s%s%s", v->str, v->attr ? "." : "",
			  v->attr ? v->attr : "");
		break;
	case IAC_SUB:
		sbuf_addstr(out, "!Sub ");
		text_of(v->count ? v->items[0] : NULL, out, depth + 1);
		break;
	case IAC_FN:
		sbuf_addf(out, "!%s", v->str);
		break;
	case IAC_UNKNOWN:
		sbuf_addstr(out, "(known after apply)");
		break;
	case IAC_LIST:
		sbuf_addch(out, '[');
		for (i = 0; i < v->count && i < 3; i++) {
			if (i)
				sbuf_addstr(out, ", ");
			text_of(v->items[i], out, depth + 1);
		}
		sbuf_addstr(out, v->count > 3 ? ", ...]" : "]");
		break;
	case IAC_MAP:
		sbuf_addstr(out, v->count ? "{...}" : "{}");
		break;
	}
}

void iac_value_text(const struct iac_value *v, struct sbuf *out)
{
	size_t start = out->len;

	text_of(v, out, 0);
	if (out->len - start > 80) { /* evidence is a line, not the whole value */
		sbuf_truncate(out, start + 77);
		sbuf_addstr(out, "...");
	}
}

static uint32_t fnv1a(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

void iac_slug(const char *text, struct sbuf *out)
{
	size_t start = out->len, i, n = strlen(text);
	bool dash = false;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)text[i];
		bool upper = isupper(c) != 0;
		if (!isalnum(c)) {
			dash = out->len > start;
			continue;
		}
		/* a word starts at an upper-case letter after a lower-case one or a digit, and
		 * at the last capital of an acronym ("DBTable" -> db-table) */
		if (upper && i > 0 && out->len > start &&
		    (islower((unsigned char)text[i - 1]) || isdigit((unsigned char)text[i - 1]) ||
		     (isupper((unsigned char)text[i - 1]) && i + 1 < n &&
		      islower((unsigned char)text[i + 1]))))
			dash = true;
		if (dash && out->len > start)
			sbuf_addch(out, '-');
		dash = false;
		sbuf_addch(out, (char)tolower(c));
	}
	if (out->len == start)
		sbuf_addstr(out, "resource");
	if (out->len - start > 64) {
		char tail[16];
		snprintf(tail, sizeof(tail), "-%08x", (unsigned)fnv1a(text));
		sbuf_truncate(out, start + 55);
		while (out->len > start && out->buf[out->len - 1] == '-')
			sbuf_truncate(out, out->len - 1);
		sbuf_addstr(out, tail);
	}
}
