/*
 * Infrastructure code to a model (see import_iac.h): format detection, reading files and
 * directories, then the elements the mapping table gives, and the helpers every rule uses to
 * add flows, callers and answers.
 */
#define _POSIX_C_SOURCE 200809L
#include "import_iac.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "catalog.h"
#include "cfn_yaml.h"
#include "fileio.h"
#include "iac_build.h"
#include "import_cfn.h"
#include "import_foreign.h"
#include "import_sls.h"
#include "import_tfplan.h"
#include "json.h"
#include "util.h"
#include "xalloc.h"

#define MAX_DIR_FILES 10000
#define MAX_DIR_DEPTH 16

void iac_report_release(struct iac_report *r)
{
	strlist_clear(&r->files);
	strlist_clear(&r->unknown);
	strlist_clear(&r->unresolved);
	strlist_clear(&r->skipped);
}

static void write_list(struct sbuf *out, const char *title, const struct strlist *l)
{
	size_t i;

	if (!l->count)
		return;
	sbuf_addf(out, "%s (%zu):\n", title, l->count);
	for (i = 0; i < l->count; i++)
		sbuf_addf(out, "  %s\n", l->items[i]);
}

/* "1 flow, " or "3 flows, ". */
void iac_report_write(const struct iac_report *r, struct sbuf *out)
{
	size_t i;

	for (i = 0; i < r->files.count; i++)
		sbuf_addf(out, "read %s\n", r->files.items[i]);
	sbuf_addstr(out, "mapped ");
	foreign_count(out, r->resources, "resource", "resources", ": ");
	foreign_count(out, r->elements, "element", "elements", ", ");
	foreign_count(out, r->flows, "flow", "flows", ", ");
	foreign_count(out, r->boundaries, "boundary", "boundaries", ", ");
	foreign_count(out, r->answers, "answer", "answers", " from the code; ");
	foreign_count(out, r->helpers, "helper resource", "helper resources",
		      " fed flows and answers\n");
	write_list(out, "not drawn, type not in the mapping table", &r->unknown);
	write_list(out, "not resolved offline", &r->unresolved);
	write_list(out, "skipped, not infrastructure code", &r->skipped);
}

/* --- detection and reading --- */

/*
 * The top-level keys of YAML text, without parsing it: lines that start with a key. The scan
 * stops at "stridewalk", which makes the file a stridewalk model whatever else it holds (the
 * first line of every export, so a 13 MB model is not read three times over).
 */
static unsigned yaml_top_keys(const char *text, size_t len)
{
	static const char *const keys[] = {"Resources", "AWSTemplateFormatVersion",
					   "service",   "provider",
					   "functions", "stridewalk"};
	unsigned found = 0;
	const char *p = text, *end = text + len;
	size_t i;

	if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		p += 3;
	while (p < end && !(found & (1u << 5))) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		size_t n = eol ? (size_t)(eol - p) : (size_t)(end - p);
		for (i = 0; i < ARRAY_SIZE(keys) && *p != ' ' && *p != '-'; i++) {
			size_t k = strlen(keys[i]);
			if (n > k && !memcmp(p, keys[i], k) && (p[k] == ':' || p[k] == ' '))
				found |= 1u << i;
			else if (n > k + 2 && (p[0] == '"' || p[0] == '\'') &&
				 !memcmp(p + 1, keys[i], k) && p[k + 1] == p[0])
				found |= 1u << i;
		}
		p += n + 1;
	}
	return found;
}

bool iac_sniff(const char *text, size_t len, const struct json_value *json, enum iac_format *format)
{
	unsigned keys;

	if (json) {
		const struct json_value *res = json_get(json, "Resources");
		if (json->type != JSON_OBJECT || json_get(json, "stridewalk"))
			return false;
		if ((res && res->type == JSON_OBJECT) ||
		    json_get(json, "AWSTemplateFormatVersion")) {
			*format = IAC_CFN;
			return true;
		}
		if (json_get(json, "format_version") &&
		    (json_get(json, "planned_values") || json_get(json, "values") ||
		     json_get(json, "resource_changes") || json_get(json, "terraform_version"))) {
			*format = IAC_TFPLAN;
			return true;
		}
		return false;
	}
	keys = yaml_top_keys(text, len);
	if (keys & (1u << 5))
		return false; /* a stridewalk model */
	if ((keys & (1u << 2)) && (keys & ((1u << 3) | (1u << 4)))) {
		*format = IAC_SLS;
		return true;
	}
	if (keys & 3u) {
		*format = IAC_CFN;
		return true;
	}
	return false;
}

/* "infra/template.yaml" -> "template". */
static char *stem(const char *name)
{
	const char *base = strrchr(name, '/');
	const char *dot;

	base = base ? base + 1 : name;
	dot = strrchr(base, '.');
	return dot && dot != base ? xstrndup(base, (size_t)(dot - base)) : xstrdup(base);
}

/*
 * What a file's system is called: its stem ("orders-stack.yaml" -> "orders-stack"), unless that
 * is the name every project uses ("template", "plan"); then a one-line description says more.
 */
static char *name_of(const char *file, const char *description)
{
	static const char *const generic[] = {"template", "plan",  "tfplan", "main",
					      "stack",    "infra", "cfn",    "cloudformation"};
	char *s = stem(file);
	size_t i;

	for (i = 0; i < sizeof(generic) / sizeof(generic[0]); i++)
		if (str_eq(s, generic[i]) && description && *description &&
		    strlen(description) <= 60 && !strchr(description, '\n')) {
			free(s);
			return xstrdup(description);
		}
	return s;
}

static int parse_root(struct iac_doc *doc, const char *text, size_t len,
		      const struct json_value *json, struct iac_value **root, struct sw_error *err)
{
	const char *p = text;
	struct json_value *parsed = NULL;

	if (json) {
		*root = iac_from_json(doc, json);
		return 0;
	}
	if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		p += 3;
	p += strspn(p, " \t\r\n");
	if (*p != '{')
		return cfn_yaml_parse(doc, text, len, root, err);
	if (json_parse(doc->file, text, len, NULL, &parsed, err))
		return -1;
	*root = iac_from_json(doc, parsed);
	json_free(parsed);
	return 0;
}

int iac_read(const char *name, const char *text, size_t len, const struct json_value *json,
	     enum iac_format format, struct iac_doc **out, struct sw_error *err)
{
	struct iac_doc *doc = iac_doc_new(format, name);
	struct iac_value *root = NULL;
	int rc;

	*out = NULL;
	rc = parse_root(doc, text, len, json, &root, err);
	if (rc == 0) {
		switch (format) {
		case IAC_CFN:
			rc = cfn_build(doc, root, err);
			break;
		case IAC_SLS:
			rc = sls_build(doc, root, err);
			break;
		default:
			rc = tfplan_build(doc, root, err);
			break;
		}
	}
	if (rc) {
		iac_doc_free(doc);
		return -1;
	}
	if (!doc->name)
		doc->name = name_of(name, doc->description);
	*out = doc;
	return 0;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file under dir, as paths relative to it, into `out`. */
static int collect(const char *root, const char *rel, int depth, struct strlist *out,
		   struct sw_error *err)
{
	struct sbuf path = SBUF_INIT;
	struct dirent *de;
	struct strlist names = STRLIST_INIT;
	DIR *d;
	size_t i;
	int rc = 0;

	sbuf_addf(&path, "%s%s%s", root, *rel ? "/" : "", rel);
	d = opendir(path.buf);
	if (!d) {
		rc = sw_error_at(err, path.buf, 0, 0, "cannot read the directory");
		goto out;
	}
	while ((de = readdir(d)))
		if (de->d_name[0] != '.' && !str_eq(de->d_name, "node_modules"))
			strlist_push(&names, de->d_name);
	closedir(d);
	if (names.count)
		qsort(names.items, names.count, sizeof(*names.items), compare_names);
	for (i = 0; i < names.count && rc == 0; i++) {
		struct sbuf full = SBUF_INIT, sub = SBUF_INIT;
		struct stat st;
		sbuf_addf(&full, "%s/%s", path.buf, names.items[i]);
		sbuf_addf(&sub, "%s%s%s", rel, *rel ? "/" : "", names.items[i]);
		if (lstat(full.buf, &st) == 0 && S_ISDIR(st.st_mode) && depth < MAX_DIR_DEPTH)
			rc = collect(root, sub.buf, depth + 1, out, err);
		else if (stat(full.buf, &st) == 0 && S_ISREG(st.st_mode)) {
			if (out->count >= MAX_DIR_FILES)
				rc = sw_error_at(err, root, 0, 0,
						 "more than %d files in the directory",
						 MAX_DIR_FILES);
			else
				strlist_push(out, sub.buf);
		}
		sbuf_release(&full);
		sbuf_release(&sub);
	}
out:
	strlist_clear(&names);
	sbuf_release(&path);
	return rc;
}

/* Reads one file of a directory: 1 when it is not infrastructure code. */
static int read_one(const char *dir, const char *rel, struct iac_doc **doc, struct sw_error *err)
{
	struct sbuf path = SBUF_INIT, text = SBUF_INIT;
	struct json_value *json = NULL;
	enum iac_format format;
	const char *p;
	int rc = 1;

	*doc = NULL;
	sbuf_addf(&path, "%s/%s", dir, rel);
	if (file_read_all(path.buf, &text, NULL))
		goto out; /* binary or too large: not a template */
	p = text.buf + strspn(text.buf, " \t\r\n");
	if (*p == '{' && json_parse(rel, text.buf, text.len, NULL, &json, NULL))
		goto out;
	if (iac_sniff(text.buf, text.len, json, &format))
		rc = iac_read(rel, text.buf, text.len, json, format, doc, err) ? -1 : 0;
out:
	json_free(json);
	sbuf_release(&text);
	sbuf_release(&path);
	return rc;
}

int iac_read_dir(const char *dir, struct iac_doc ***docs, size_t *ndocs, struct strlist *skipped,
		 struct sw_error *err)
{
	struct strlist files = STRLIST_INIT;
	size_t i, cap = 0;
	int rc;

	*docs = NULL;
	*ndocs = 0;
	rc = collect(dir, "", 0, &files, err);
	for (i = 0; i < files.count && rc == 0; i++) {
		struct iac_doc *doc;
		int one = read_one(dir, files.items[i], &doc, err);
		if (one < 0) {
			rc = -1;
		} else if (one > 0) {
			strlist_push(skipped, files.items[i]);
		} else {
			*docs = xgrow(*docs, sizeof(**docs), *ndocs + 1, &cap);
			(*docs)[(*ndocs)++] = doc;
		}
	}
	if (rc == 0 && *ndocs == 0)
		rc = sw_error_at(err, dir, 0, 0,
				 "holds no CloudFormation, SAM, serverless.yml or Terraform plan "
				 "file");
	if (rc) {
		for (i = 0; i < *ndocs; i++)
			iac_doc_free((*docs)[i]);
		free(*docs);
		*docs = NULL;
		*ndocs = 0;
	}
	strlist_clear(&files);
	return rc;
}

/* --- building the model --- */

/* An id not taken yet: `base`, else base-2, base-3, ... */
static char *unique_id(const struct model *m, const char *base)
{
	struct sbuf id = SBUF_INIT;
	int n;

	sbuf_addstr(&id, base);
	for (n = 2; model_element(m, id.buf); n++) {
		sbuf_reset(&id);
		if (strlen(base) > 58)
			sbuf_add(&id, base, 58);
		else
			sbuf_addstr(&id, base);
		sbuf_addf(&id, "-%d", n);
	}
	return sbuf_detach(&id);
}

/* "module.api.aws_lambda_function.handler[0]" -> "api-lambda-function-handler-0". */
static void slug_of(const struct iac_res *r, bool terraform, struct sbuf *out)
{
	struct sbuf text = SBUF_INIT;
	const char *p;

	if (!terraform) {
		iac_slug(r->id, out);
		return;
	}
	for (p = r->id; *p;) {
		if (str_starts_with(p, "module."))
			p += strlen("module.");
		else if (str_starts_with(p, "data."))
			p += strlen("data.");
		if (str_starts_with(p, "aws_"))
			p += strlen("aws_");
		while (*p && *p != '.')
			sbuf_addch(&text, *p++);
		if (*p == '.')
			sbuf_addch(&text, *p++);
	}
	iac_slug(text.buf, out);
	sbuf_release(&text);
}

static struct element *add_element(struct iac_build *b, const char *base, enum element_kind kind,
				   const char *type, const char *name, struct origin *origin)
{
	char *id = unique_id(b->m, base);
	struct element *e = element_new(id, kind);

	free(id);
	e->type = xstrdup(type);
	e->name = xstrdup(name);
	e->origin = origin;
	if (kind != KIND_TRUST_BOUNDARY && kind != KIND_DATA_FLOW)
		e->boundary = xstrdup(b->account);
	model_add_element(b->m, e);
	return e;
}

static struct origin *origin_of(const struct iac_build *b, const struct iac_res *r, int line,
				const char *property)
{
	return origin_new(b->doc->file, line, r ? r->id : NULL, r ? r->type : NULL, property);
}

static void mark_log_target(struct iac_res *r, const struct iac_value *at, void *arg)
{
	struct strmap *m = arg;

	strmap_put(m, r->id, r);
}

/* Buckets that receive logs (access logs, CloudFront logs, trails) are log stores. */
static void find_log_buckets(struct iac_build *b, struct strmap *out)
{
	size_t i;

	for (i = 0; i < b->doc->nres; i++) {
		struct iac_res *r = b->doc->res[i];
		const char *acl = iac_literal(b->doc, iac_fact(r, IF_ACL));
		if (iac_fact(r, IF_LOGGING))
			iac_each_target(b, iac_fact(r, IF_LOGGING), mark_log_target, out);
		if (iac_is(r, IC_BUCKET) && str_eq(acl, "LogDeliveryWrite"))
			strmap_put(out, r->id, r);
	}
}

struct vpc_find {
	const struct iac_build *b;
	struct iac_res *vpc;
};

static void find_vpc(struct iac_res *r, const struct iac_value *at, void *arg)
{
	struct vpc_find *f = arg;

	if (f->vpc)
		return;
	if (iac_is(r, IC_VPC))
		f->vpc = r;
	else if (iac_is(r, IC_NETWORK)) {
		struct iac_res *up = iac_target(f->b, iac_fact(r, IF_TARGET));
		if (iac_is(up, IC_VPC))
			f->vpc = up;
		else if (iac_is(up, IC_NETWORK)) /* a DB subnet group names subnets */
			find_vpc(up, at, arg);
	}
}

/* The VPC boundary of a resource with a VPC configuration, made on first use. */
static const char *vpc_boundary(struct iac_build *b, const struct iac_res *r)
{
	const struct iac_value *v = iac_fact(r, IF_VPC);
	struct vpc_find f = {b, NULL};
	struct sbuf key = SBUF_INIT;
	const char *id;

	if (!v || v->kind == IAC_NULL || (v->kind == IAC_LIST && v->count == 0) ||
	    (iac_scalar(v) && !*v->str))
		return NULL;
	iac_each_target(b, v, find_vpc, &f);
	if (f.vpc) {
		id = f.vpc->slug;
	} else { /* subnets given as parameters or ids: one boundary per distinct setting */
		iac_value_text(v, &key);
		id = strmap_get(&b->vpcs, key.buf);
		if (!id) {
			struct sbuf name = SBUF_INIT;
			struct element *e;
			char path[64];
			const char *prop = iac_fact_path(r, IF_VPC, path, sizeof(path));
			sbuf_addf(&name, "VPC (subnets %s)", key.buf);
			e = add_element(
			    b, "vpc", KIND_TRUST_BOUNDARY, NULL, name.buf,
			    origin_of(b, r, iac_fact_line(r, IF_VPC), prop ? prop : "VpcConfig"));
			e->boundary = xstrdup(b->account);
			id = e->id;
			strmap_put(&b->vpcs, iac_strdup(b->doc, key.buf),
				   (void *)iac_strdup(b->doc, id));
			sbuf_release(&name);
		}
	}
	sbuf_release(&key);
	return id;
}

static void note_unmapped(struct iac_build *b, const struct iac_res *r, struct iac_report *rep,
			  size_t *data)
{
	struct sbuf line = SBUF_INIT;

	if (str_starts_with(r->type, "data.")) {
		(*data)++;
		return;
	}
	sbuf_addf(&line, "%s:%d: %s %s", b->doc->file, r->line, r->type, r->id);
	strlist_push(&rep->unknown, line.buf);
	sbuf_release(&line);
}

/* Slugs first, so that VPC boundaries and flows can name elements made later. */
static void assign_slugs(struct iac_build *b, struct strmap *taken)
{
	size_t i;

	for (i = 0; i < b->doc->nres; i++) {
		struct iac_res *r = b->doc->res[i];
		struct sbuf slug = SBUF_INIT;
		int n = 2;
		r->map = iac_map_find(r->type);
		if (!r->map || (!iac_class_is_element(r->map->cls) && r->map->cls != IC_VPC))
			continue;
		slug_of(r, iac_is_terraform(r->map), &slug);
		while (strmap_get(taken, slug.buf) || model_element(b->m, slug.buf)) {
			struct sbuf next = SBUF_INIT;
			slug_of(r, iac_is_terraform(r->map), &next);
			if (next.len > 58)
				sbuf_truncate(&next, 58);
			sbuf_addf(&next, "-%d", n++);
			sbuf_release(&slug);
			slug = next;
		}
		r->slug = iac_strdup(b->doc, slug.buf);
		strmap_put(taken, r->slug, (void *)r->slug);
		sbuf_release(&slug);
	}
}

static void map_resources(struct iac_build *b, struct iac_report *rep)
{
	struct strmap logs = STRMAP_INIT;
	size_t i, data = 0, elements = 0, helpers = 0;
	struct sbuf line = SBUF_INIT;

	find_log_buckets(b, &logs);
	for (i = 0; i < b->doc->nres; i++) { /* VPCs first: elements inside name them */
		struct iac_res *r = b->doc->res[i];
		struct element *e;
		if (!iac_is(r, IC_VPC))
			continue;
		e = element_new(r->slug, KIND_TRUST_BOUNDARY);
		e->name = xstrdup(r->id);
		e->boundary = xstrdup(b->account);
		e->origin = origin_of(b, r, r->line, NULL);
		model_add_element(b->m, e);
	}
	for (i = 0; i < b->doc->nres; i++) {
		struct iac_res *r = b->doc->res[i];
		const struct catalog_type *ct;
		const char *vpc;
		struct element *e;
		if (!r->map) {
			note_unmapped(b, r, rep, &data);
			continue;
		}
		if (r->map->cls == IC_NESTED_STACK) {
			iac_note(b->doc, r->line, "nested stack %s (%s) is not read", r->id,
				 r->type);
			helpers++;
			continue;
		}
		if (!iac_class_is_element(r->map->cls)) {
			helpers += r->map->cls != IC_VPC;
			continue;
		}
		ct = catalog_find(r->map->catalog);
		e = element_new(r->slug, ct->kind);
		e->type = xstrdup(ct->id);
		e->name = xstrdup(r->id);
		e->is_log = ct->kind == KIND_DATA_STORE && (ct->is_log || strmap_get(&logs, r->id));
		vpc = vpc_boundary(b, r);
		e->boundary = xstrdup(vpc ? vpc : b->account);
		e->origin = origin_of(b, r, r->line, NULL);
		model_add_element(b->m, e);
		elements++;
	}
	sbuf_addf(&line, "%s (%s): %zu resource%s, %zu drawn", b->doc->file,
		  iac_format_label(b->doc->format), b->doc->nres, b->doc->nres == 1 ? "" : "s",
		  elements);
	if (data)
		sbuf_addf(&line, ", %zu data sources read", data);
	strlist_push(&rep->files, line.buf);
	rep->resources += b->doc->nres;
	rep->helpers += helpers;
	sbuf_release(&line);
	strmap_clear(&logs);
}

static const char *access_name(unsigned access)
{
	if ((access & (IAC_READ | IAC_WRITE)) == (IAC_READ | IAC_WRITE))
		return "Read and write";
	if (access & IAC_WRITE)
		return "Write";
	if (access & IAC_READ)
		return "Read";
	return "Uses";
}

/* Adds `property` to a flow's evidence unless it is there already. */
static void add_property(struct origin *o, const char *property)
{
	struct sbuf sb = SBUF_INIT;

	if (!property || (o->property && strstr(o->property, property)))
		return;
	if (o->property && strlen(o->property) > 200)
		return; /* enough evidence to find the rest */
	if (o->property)
		sbuf_addf(&sb, "%s; ", o->property);
	sbuf_addstr(&sb, property);
	free(o->property);
	o->property = sbuf_detach(&sb);
}

struct element *iac_flow(struct iac_build *b, const char *from, const char *to, const char *verb,
			 const char *protocol, unsigned access, const struct iac_res *holder,
			 int line, const char *property)
{
	struct sbuf key = SBUF_INIT, base = SBUF_INIT;
	struct iac_flow_note *note;
	struct element *e;

	if (!from || !to || str_eq(from, to))
		return NULL;
	sbuf_addf(&key, "%s %s", from, to);
	note = strmap_get(&b->flows, key.buf);
	if (note) {
		note->access |= access;
		if (!note->named) {
			free(note->flow->name);
			note->flow->name = xstrdup(verb ? verb : access_name(note->access));
			note->named = verb != NULL;
		}
		note->flow->bidirectional = (note->access & 3u) == 3u;
		add_property(note->flow->origin, property);
		sbuf_release(&key);
		return note->flow;
	}
	sbuf_addf(&base, "%s-to-%s", from, to);
	{
		struct sbuf slug = SBUF_INIT;
		iac_slug(base.buf, &slug);
		e = add_element(b, slug.buf, KIND_DATA_FLOW, NULL,
				verb ? verb : access_name(access),
				origin_of(b, holder, line, property));
		sbuf_release(&slug);
	}
	e->from = xstrdup(from);
	e->to = xstrdup(to);
	e->protocol = xstrdup(protocol ? protocol : "AWS API");
	e->bidirectional = (access & 3u) == 3u;
	note = xcalloc(1, sizeof(*note));
	note->key = sbuf_detach(&key);
	note->flow = e;
	note->access = access;
	note->named = verb != NULL;
	b->notes = xgrow(b->notes, sizeof(*b->notes), b->nnotes + 1, &b->notes_cap);
	b->notes[b->nnotes++] = note;
	strmap_put(&b->flows, note->key, note);
	sbuf_release(&base);
	return e;
}

const char *iac_implicit(struct iac_build *b, const struct iac_res *holder, const char *suffix,
			 const char *type, const char *name, int line, const char *property)
{
	struct sbuf base = SBUF_INIT, slug = SBUF_INIT;
	const struct catalog_type *ct = catalog_find(type);
	struct element *e;

	sbuf_addf(&base, "%s-%s", holder->slug ? holder->slug : holder->id, suffix);
	iac_slug(base.buf, &slug);
	e = add_element(b, slug.buf, ct ? ct->kind : KIND_PROCESS, type, name,
			origin_of(b, holder, line, property));
	sbuf_release(&base);
	sbuf_release(&slug);
	return e->id;
}

void iac_caller(struct iac_build *b, const struct iac_res *entry, const char *protocol)
{
	const char *target = iac_element_of(b, entry);
	struct sbuf id = SBUF_INIT, name = SBUF_INIT;
	struct element *e;

	if (!target)
		return;
	if (!b->internet) {
		e = add_element(b, "internet", KIND_TRUST_BOUNDARY, NULL, "Internet",
				origin_new(b->doc->file, 1, NULL, NULL, "public entry points"));
		b->internet = xstrdup(e->id);
	}
	sbuf_addf(&id, "%s-caller", target);
	sbuf_addf(&name, "Caller of %s", entry->id);
	{
		struct sbuf slug = SBUF_INIT;
		iac_slug(id.buf, &slug);
		e = add_element(b, slug.buf, KIND_EXTERNAL_ENTITY,
				iac_is(entry, IC_CDN) || iac_is(entry, IC_USER_POOL)
				    ? "generic.user"
				    : "generic.client",
				name.buf, origin_of(b, entry, entry->line, "public entry point"));
		sbuf_release(&slug);
	}
	free(e->boundary);
	e->boundary = xstrdup(b->internet);
	iac_flow(b, e->id, target, "Request", protocol, 0, entry, entry->line,
		 "public entry point");
	sbuf_release(&id);
	sbuf_release(&name);
}

void iac_answer(struct iac_build *b, const char *element, const char *questionnaire,
		const char *question, const char *value, const struct iac_res *holder, int line,
		const char *property)
{
	struct answer *a;

	if (!element || model_answer(b->m, element, questionnaire, question))
		return;
	a = answer_new(element, questionnaire, question, value);
	a->when = xstrdup(b->now);
	a->evidence = evidence_new(b->doc->file, line, holder ? holder->id : NULL, property, value);
	model_add_answer(b->m, a);
}

static void notes_to_report(const struct iac_doc *doc, struct iac_report *rep)
{
	size_t i;

	for (i = 0; i < doc->nnotes; i++) {
		struct sbuf line = SBUF_INIT;
		sbuf_addf(&line, "%s:%d: %s", doc->file, doc->notes[i].line, doc->notes[i].what);
		strlist_push(&rep->unresolved, line.buf);
		sbuf_release(&line);
	}
}

static void release_build(struct iac_build *b)
{
	size_t i;

	for (i = 0; i < b->nnotes; i++) {
		free(b->notes[i]->key);
		free(b->notes[i]);
	}
	free(b->notes);
	strmap_clear(&b->flows);
	strmap_clear(&b->vpcs);
	free(b->internet);
}

static void count_kinds(const struct model *m, struct iac_report *rep)
{
	size_t i;

	for (i = 0; i < m->nelements; i++) {
		enum element_kind k = m->elements[i]->kind;
		if (k == KIND_DATA_FLOW)
			rep->flows++;
		else if (k == KIND_TRUST_BOUNDARY)
			rep->boundaries++;
		else
			rep->elements++;
	}
	rep->answers = m->nanswers;
}

struct model *iac_model(struct iac_doc *const *docs, size_t ndocs, const char *now,
			struct iac_report *rep)
{
	struct iac_build b;
	struct strmap taken = STRMAP_INIT;
	struct sbuf name = SBUF_INIT;
	struct element *account;
	size_t i;

	memset(&b, 0, sizeof(b));
	b.m = model_new();
	b.now = now;
	b.m->name = xstrdup(ndocs ? docs[0]->name : "Infrastructure");
	b.m->description = xstrdup(ndocs ? docs[0]->description : NULL);
	sbuf_addf(&name, "AWS account (%s)", b.m->name);
	b.doc = ndocs ? docs[0] : NULL;
	account = element_new("aws-account", KIND_TRUST_BOUNDARY);
	account->name = sbuf_detach(&name);
	account->origin = origin_new(ndocs ? docs[0]->file : "", 1, NULL, NULL, NULL);
	model_add_element(b.m, account);
	b.account = account->id;
	for (i = 0; i < ndocs; i++) {
		b.doc = docs[i];
		assign_slugs(&b, &taken);
		iac_build_index(&b);
		map_resources(&b, rep);
		iac_flows(&b);
		iac_evidence(&b);
		notes_to_report(b.doc, rep);
		iac_build_release_doc(&b);
		strmap_clear(&b.vpcs);
	}
	count_kinds(b.m, rep);
	release_build(&b);
	strmap_clear(&taken);
	return b.m;
}
