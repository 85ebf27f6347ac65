/*
 * A small, strict JSON parser (RFC 8259) for foreign model files: the whole text becomes a
 * tree of values that remember their line and column, within limits on size, depth and count,
 * and every error names file:line:col and what was expected. Pure: no I/O.
 */
#ifndef SW_JSON_H
#define SW_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

enum json_type { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT };

struct json_value;
struct json_chunk;

struct json_member {
	char *key; /* decoded UTF-8 */
	int line, col; /* of the key */
	struct json_value *value;
};

struct json_value {
	enum json_type type;
	int line, col; /* where the value starts: 1-based, the column counted in characters */
	bool boolean;
	double number;
	char *text; /* JSON_STRING: the decoded string (no NUL inside); JSON_NUMBER: as written */
	struct json_value **items; /* JSON_ARRAY, in order */
	size_t nitems;
	struct json_member *members; /* JSON_OBJECT, in file order; keys are unique */
	size_t nmembers;
	struct json_chunk *arena; /* the root only: where the tree's values and strings live */
};

struct json_limits {
	size_t max_bytes; /* longest input */
	int max_depth; /* deepest nesting of arrays and objects */
	size_t max_values; /* most values in one document */
};

/* 64 MiB, 128 levels, 4 million values. */
#define JSON_LIMITS_DEFAULT                                                                        \
	{                                                                                          \
		64u * 1024 * 1024, 128, 4u * 1024 * 1024                                           \
	}

/*
 * Parses one JSON document of `len` bytes (a leading UTF-8 byte-order mark is skipped).
 * `limits` may be NULL for the defaults. On success *out is a new tree the caller frees with
 * json_free(); on error *out is NULL and err says "file:line:col: message".
 */
int json_parse(const char *file, const char *text, size_t len, const struct json_limits *limits,
	       struct json_value **out, struct sw_error *err);
/* Frees a tree json_parse() returned: only a root, since every value lives in its arena. */
void json_free(struct json_value *v);

const char *json_type_name(enum json_type t); /* "object", "string", ... */

/* Sets of types for json_member() and json_check(): JSON_T_STRING | JSON_T_NULL, ... */
#define JSON_TYPE(t) (1u << (t))
#define JSON_T_NULL JSON_TYPE(JSON_NULL)
#define JSON_T_BOOL JSON_TYPE(JSON_BOOL)
#define JSON_T_NUMBER JSON_TYPE(JSON_NUMBER)
#define JSON_T_STRING JSON_TYPE(JSON_STRING)
#define JSON_T_ARRAY JSON_TYPE(JSON_ARRAY)
#define JSON_T_OBJECT JSON_TYPE(JSON_OBJECT)
/* Optional text: a string, or null for none. */
#define JSON_T_TEXT (JSON_T_STRING | JSON_T_NULL)

/*
 * The member `key` of `object` (NULL when absent, or when null and `types` allows null),
 * checked to be of one of `types`; any other type is an error "file:line:col: 'key' must be
 * a string, not number" at the value. `object` must be a JSON object.
 */
int json_member(const char *file, const struct json_value *object, const char *key, unsigned types,
		const struct json_value **out, struct sw_error *err);

/* What json_check() expects of one member: its key and the types it may have. */
struct json_rule {
	const char *key;
	unsigned types;
};

/* Checks every member of `object` that one of the `n` rules names; other members pass. */
int json_check(const char *file, const struct json_value *object, const struct json_rule *rules,
	       size_t n, struct sw_error *err);

/* Lookups on a tree; each returns a borrowed pointer (valid until json_free) or NULL. */
const struct json_value *json_get(const struct json_value *object, const char *key);
/* Follows a chain of object keys: json_path(v, "detail", "diagrams", NULL). */
const struct json_value *json_path(const struct json_value *v, ...);
/* The string of a JSON_STRING, else NULL. */
const char *json_str(const struct json_value *v);
/* The string member `key` of an object, else NULL. */
const char *json_get_str(const struct json_value *object, const char *key);
/* true only for a JSON true; false for false, absent or any other type. */
bool json_get_bool(const struct json_value *object, const char *key);
/* The number member `key`, or `fallback` when absent or not a number. */
double json_get_num(const struct json_value *object, const char *key, double fallback);

#endif
