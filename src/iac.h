/*
 * The one description every infrastructure-code reader produces: resources with their type,
 * logical id (or Terraform address), properties and file:line, plus what could not be resolved
 * offline. CloudFormation/SAM, serverless.yml and Terraform plans all end up here, so the
 * mapping to elements (iac_map.c), the flows (iac_flows.c) and the answers the code settles
 * (iac_evidence.c) are written once. Pure: no I/O.
 */
#ifndef SW_IAC_H
#define SW_IAC_H

#include <stdbool.h>
#include <stddef.h>

#include "sbuf.h"
#include "strmap.h"

struct yarena;

/*
 * A property value. Scalars keep their text as written; intrinsics keep what they name, so a
 * rule can follow a reference without evaluating the template.
 */
enum iac_kind {
	IAC_NULL,
	IAC_STR, /* a string, or an untyped YAML scalar */
	IAC_NUM, /* a JSON number (text as written) */
	IAC_BOOL, /* a JSON boolean ("true" or "false") */
	IAC_LIST,
	IAC_MAP,
	IAC_REF, /* !Ref X, a Terraform reference: str = the resource or parameter */
	IAC_GETATT, /* !GetAtt X.Attr: str = X, attr = Attr */
	IAC_SUB, /* !Sub: items[0] the template string, items[1] (optional) the variables map */
	IAC_FN, /* any other intrinsic: str = "Join", "If", "ImportValue", ...; items = arguments */
	IAC_UNKNOWN, /* a value known only after apply (Terraform) */
};

struct iac_value {
	enum iac_kind kind;
	int line, col;
	const char *str;
	const char *attr;
	struct iac_value **items; /* list items, map values, intrinsic arguments */
	const char **keys; /* maps: the keys, in file order */
	int *key_lines; /* maps: the line of each key, or NULL (then the value's line) */
	size_t count;
};

enum iac_format { IAC_CFN, IAC_SLS, IAC_TFPLAN, IAC_FORMAT_COUNT };

struct iac_type; /* a row of the mapping table (iac_map.h) */

struct iac_res {
	const char *id; /* logical id, serverless.yml function name, or Terraform address */
	const char *type; /* "AWS::Lambda::Function", "aws_lambda_function" */
	int line, col; /* where the resource is defined */
	struct iac_value *props; /* IAC_MAP, or NULL */
	const struct iac_type *map; /* its mapping row, NULL for an unknown type */
	const char *slug; /* the element id, when the resource becomes an element */
};

/* A template parameter (CloudFormation) or variable: references to it resolve to its default. */
struct iac_param {
	const char *name;
	bool no_echo;
	struct iac_value *def; /* Default, or NULL */
	int line;
};

/* Something read but not resolved offline, listed by name and line in the import report. */
struct iac_note {
	int line;
	char *what;
};

/* One file's resources. Everything but the notes lives in `arena`. */
struct iac_doc {
	struct yarena *arena;
	enum iac_format format;
	char *file; /* the name shown in evidence: relative to the directory imported */
	char *name; /* stack, service or plan name */
	char *description; /* may be NULL */
	struct iac_res **res;
	size_t nres, res_cap;
	struct iac_param **params;
	size_t nparams, params_cap;
	struct iac_note *notes;
	size_t nnotes, notes_cap;
	struct strmap by_id; /* resource id -> struct iac_res */
	struct strmap by_param; /* parameter name -> struct iac_param */
};

const char *iac_format_name(enum iac_format f); /* "cfn", "sls", "tfplan" */
const char *iac_format_label(enum iac_format f); /* "CloudFormation/SAM", ... */
int iac_format_parse(const char *s, enum iac_format *out);

/* Returns a new empty document for `file`; free with iac_doc_free(). */
struct iac_doc *iac_doc_new(enum iac_format format, const char *file);
void iac_doc_free(struct iac_doc *doc);

/* Memory from the document's arena (never moves, freed with the document). */
void *iac_alloc(struct iac_doc *doc, size_t size); /* zeroed */
const char *iac_strdup(struct iac_doc *doc, const char *s);
struct iac_value *iac_value_new(struct iac_doc *doc, enum iac_kind kind, int line, int col);
struct iac_value *iac_str_new(struct iac_doc *doc, const char *s, int line, int col);
/* Builds a map or list from `n` items (and keys); the arrays are copied into the arena. */
void iac_value_fill(struct iac_doc *doc, struct iac_value *v, struct iac_value *const *items,
		    const char *const *keys, size_t n);

/* Adds a resource (id unique in the document; the caller checks) and returns it. */
struct iac_res *iac_doc_add(struct iac_doc *doc, const char *id, const char *type,
			    struct iac_value *props, int line, int col);
struct iac_res *iac_doc_res(const struct iac_doc *doc, const char *id);
void iac_doc_add_param(struct iac_doc *doc, struct iac_param *p);
const struct iac_param *iac_doc_param(const struct iac_doc *doc, const char *name);
void iac_note(struct iac_doc *doc, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

struct json_value;
/* A JSON tree as values (memory of the document's arena); key positions kept. */
struct iac_value *iac_from_json(struct iac_doc *doc, const struct json_value *j);
/* A string holding JSON (an IAM policy, a state machine definition) parsed, or NULL. */
struct iac_value *iac_parse_json_string(struct iac_doc *doc, const struct iac_value *v);

/* CloudFormation's long forms ({"Ref": X}, {"Fn::GetAtt": [...]}) as intrinsic nodes. */
struct iac_value *iac_normalize(struct iac_doc *doc, struct iac_value *v);

/* The line of `key` in a map (its value's line without key positions), or 0. */
int iac_key_line(const struct iac_value *map, const char *key);

/* The value under `key` of a map, or NULL. */
const struct iac_value *iac_get(const struct iac_value *map, const char *key);
/*
 * Follows a dotted path of keys ("Environment.Variables"). A list met on the way is entered at
 * its first item, so Terraform's one-item blocks read like CloudFormation's maps.
 */
const struct iac_value *iac_path(const struct iac_value *v, const char *path);
/* The property at `path` of a resource (NULL when absent). */
const struct iac_value *iac_prop(const struct iac_res *r, const char *path);

/* A scalar's text (string, number, boolean), else NULL. Borrowed. */
const char *iac_scalar(const struct iac_value *v);
/*
 * The literal a value stands for, where it is known offline: a scalar, or a reference to a
 * parameter with a default. NULL otherwise.
 */
const char *iac_literal(const struct iac_doc *doc, const struct iac_value *v);
/* True for true/True/TRUE (and "true" strings); false for anything else. */
bool iac_true(const struct iac_doc *doc, const struct iac_value *v);
/* True for an explicit false value. */
bool iac_false(const struct iac_doc *doc, const struct iac_value *v);
/* A number value, or `fallback`. */
long iac_num(const struct iac_doc *doc, const struct iac_value *v, long fallback);

/* Calls `fn` for every resource id the value refers to (Ref, GetAtt, ${X} in Sub, ...). */
void iac_each_ref(const struct iac_doc *doc, const struct iac_value *v,
		  void (*fn)(const char *id, const struct iac_value *at, void *arg), void *arg);
/* The first resource the value refers to, or NULL. */
struct iac_res *iac_ref_res(const struct iac_doc *doc, const struct iac_value *v);

/* Appends a short rendering of a value ("!Ref Table", "'*'", "[...]") for evidence. */
void iac_value_text(const struct iac_value *v, struct sbuf *out);

/*
 * A slug made of `text`: CamelCase and separators become '-', lowercase, at most 64 characters
 * (a long one keeps its start and ends with a short hash). Appends to `out`.
 */
void iac_slug(const char *text, struct sbuf *out);

#endif
