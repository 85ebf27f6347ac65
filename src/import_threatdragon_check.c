/* Type checks of a Threat Dragon model (see import_threatdragon_check.h). */
#include "import_threatdragon_check.h"

#include "util.h"

#define NUL JSON_T_NULL
#define BOOL JSON_T_BOOL
#define NUM JSON_T_NUMBER
#define STR JSON_T_STRING
#define ARR JSON_T_ARRAY
#define OBJ JSON_T_OBJECT
#define TEXT JSON_T_TEXT

static const struct json_rule summary_rules[] = {
    {"title", TEXT}, {"owner", TEXT}, {"description", TEXT}, {"id", TEXT | NUM}};
static const struct json_rule detail_rules[] = {
    {"contributors", ARR | NUL}, {"diagrams", ARR}, {"reviewer", TEXT}};
static const struct json_rule diagram_rules[] = {
    {"title", TEXT}, {"cells", ARR | NUL}, {"diagramJson", OBJ | NUL}};
static const struct json_rule cell_rules[] = {
    {"id", STR | NUL},     {"shape", STR | NUL},  {"type", STR | NUL},  {"parent", STR | NUL},
    {"position", OBJ},     {"size", OBJ},         {"attrs", OBJ | NUL}, {"labels", ARR | NUL},
    {"source", OBJ | NUL}, {"target", OBJ | NUL}, {"data", OBJ | NUL},  {"name", TEXT}};
/* A cell's properties: under `data` in 2.x, on the cell itself in 1.x. */
static const struct json_rule data_rules[] = {
    {"type", STR | NUL},
    {"name", TEXT},
    {"description", TEXT},
    {"threats", ARR | NUL},
    {"outOfScope", BOOL | NUL},
    {"reasonOutOfScope", TEXT},
    {"isALog", BOOL | NUL},
    {"isBidirectional", BOOL | NUL},
    {"protocol", TEXT},
    {"privilegeLevel", TEXT},
    {"storesCredentials", BOOL | NUL},
    {"storesInventory", BOOL | NUL},
    {"isEncrypted", BOOL | NUL},
    {"isSigned", BOOL | NUL},
    {"providesAuthentication", BOOL | NUL},
    {"isWebApplication", BOOL | NUL},
    {"handlesCardPayment", BOOL | NUL},
    {"handlesGoodsOrServices", BOOL | NUL},
    {"isPublicNetwork", BOOL | NUL},
};
static const struct json_rule threat_rules[] = {
    {"title", TEXT},    {"description", TEXT}, {"type", TEXT},        {"status", TEXT},
    {"severity", TEXT}, {"mitigation", TEXT},  {"score", TEXT | NUM}, {"number", NUM | NUL},
    {"id", TEXT},       {"threatId", TEXT},    {"modelType", TEXT}};
static const struct json_rule position_rules[] = {{"x", NUM}, {"y", NUM}};
static const struct json_rule size_rules[] = {{"width", NUM}, {"height", NUM}};
static const struct json_rule end_rules[] = {{"cell", STR | NUL}, {"id", STR | NUL}};
static const struct json_rule text_rules[] = {{"text", TEXT}};
static const struct json_rule attrs_rules[] = {
    {"text", OBJ | NUL}, {"label", OBJ | NUL}, {"labelText", OBJ | NUL}};
static const struct json_rule label_rules[] = {{"attrs", OBJ | NUL}};

struct checker {
	const char *file;
	struct sw_error *err;
};

#define CHECK(ck, obj, rules) json_check((ck)->file, (obj), (rules), ARRAY_SIZE(rules), (ck)->err)

/* The object member `key` (NULL when absent); its type was checked by the parent's rules. */
static const struct json_value *child(const struct json_value *obj, const char *key)
{
	const struct json_value *v = json_get(obj, key);

	return v && v->type == JSON_OBJECT ? v : NULL;
}

static int want_object(const struct checker *ck, const struct json_value *v, const char *what)
{
	if (v->type == JSON_OBJECT)
		return 0;
	return sw_error_at(ck->err, ck->file, v->line, v->col, "%s must be an object, not %s", what,
			   json_type_name(v->type));
}

/* attrs.text.text, attrs.label.text and attrs.labelText.text: where a cell shows its name. */
static int check_attrs(const struct checker *ck, const struct json_value *attrs)
{
	static const char *const keys[] = {"text", "label", "labelText"};
	size_t i;

	if (!attrs)
		return 0;
	if (CHECK(ck, attrs, attrs_rules))
		return -1;
	for (i = 0; i < ARRAY_SIZE(keys); i++)
		if (child(attrs, keys[i]) && CHECK(ck, child(attrs, keys[i]), text_rules))
			return -1;
	return 0;
}

static int check_labels(const struct checker *ck, const struct json_value *labels)
{
	size_t i;

	for (i = 0; labels && i < labels->nitems; i++) {
		const struct json_value *label = labels->items[i];
		if (want_object(ck, label, "a label") || CHECK(ck, label, label_rules) ||
		    check_attrs(ck, child(label, "attrs")))
			return -1;
	}
	return 0;
}

static int check_threats(const struct checker *ck, const struct json_value *threats)
{
	size_t i;

	for (i = 0; threats && i < threats->nitems; i++)
		if (want_object(ck, threats->items[i], "a threat") ||
		    CHECK(ck, threats->items[i], threat_rules))
			return -1;
	return 0;
}

static int check_geometry(const struct checker *ck, const struct json_value *cell)
{
	const struct json_value *pos = child(cell, "position"), *size = child(cell, "size");

	return (pos && CHECK(ck, pos, position_rules)) || (size && CHECK(ck, size, size_rules)) ||
		       (child(cell, "source") && CHECK(ck, child(cell, "source"), end_rules)) ||
		       (child(cell, "target") && CHECK(ck, child(cell, "target"), end_rules))
		   ? -1
		   : 0;
}

static int check_cell(const struct checker *ck, const struct json_value *cell, bool v2)
{
	const struct json_value *data;

	if (want_object(ck, cell, "a diagram cell") || CHECK(ck, cell, cell_rules))
		return -1;
	data = v2 && child(cell, "data") ? child(cell, "data") : cell;
	if (CHECK(ck, data, data_rules) || check_threats(ck, json_get(data, "threats")) ||
	    check_attrs(ck, child(cell, "attrs")) || check_labels(ck, json_get(cell, "labels")))
		return -1;
	return check_geometry(ck, cell);
}

static int check_diagram(const struct checker *ck, const struct json_value *diagram)
{
	const struct json_value *cells, *legacy;
	size_t i;

	if (want_object(ck, diagram, "a diagram") || CHECK(ck, diagram, diagram_rules))
		return -1;
	cells = json_get(diagram, "cells");
	legacy = child(diagram, "diagramJson");
	if (!cells && legacy) {
		static const struct json_rule legacy_rules[] = {{"cells", ARR | NUL}};
		if (CHECK(ck, legacy, legacy_rules))
			return -1;
		cells = json_get(legacy, "cells");
	}
	for (i = 0; cells && cells->type == JSON_ARRAY && i < cells->nitems; i++)
		if (check_cell(ck, cells->items[i], json_get(diagram, "cells") != NULL))
			return -1;
	return 0;
}

static int check_people(const struct checker *ck, const struct json_value *list)
{
	static const struct json_rule person_rules[] = {{"name", TEXT}};
	size_t i;

	for (i = 0; list && i < list->nitems; i++) {
		const struct json_value *p = list->items[i];
		if (p->type == JSON_STRING)
			continue;
		if (p->type != JSON_OBJECT)
			return sw_error_at(ck->err, ck->file, p->line, p->col,
					   "a contributor must be a name or an object, not %s",
					   json_type_name(p->type));
		if (CHECK(ck, p, person_rules))
			return -1;
	}
	return 0;
}

int td_check_types(const char *file, const struct json_value *root, struct sw_error *err)
{
	const struct checker ck = {file, err};
	const struct json_value *summary = child(root, "summary"), *detail = child(root, "detail");
	const struct json_value *diagrams;
	size_t i;

	if ((summary && CHECK(&ck, summary, summary_rules)) ||
	    (detail && CHECK(&ck, detail, detail_rules)))
		return -1;
	if (detail && check_people(&ck, json_get(detail, "contributors")))
		return -1;
	diagrams = json_get(detail, "diagrams");
	for (i = 0; diagrams && diagrams->type == JSON_ARRAY && i < diagrams->nitems; i++)
		if (check_diagram(&ck, diagrams->items[i]))
			return -1;
	return 0;
}
