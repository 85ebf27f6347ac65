/*
 * Threat Dragon import (see import_threatdragon.h). Both formats are read through one view of
 * a cell: 2.x keeps a cell's properties in `cell.data` and its kind in `data.type` or `shape`;
 * 1.x keeps them on the cell itself under `diagramJson.cells`. The mapping, in short:
 *   tm.Actor -> external entity (generic.user)      tm.Process -> process (generic.service)
 *   tm.Store -> data store (generic.database, or generic.log-store when isALog)
 *   tm.Flow -> data flow                            tm.Boundary / tm.BoundaryBox -> boundary
 *   a name that clearly names an AWS service picks that aws.* type instead
 *   severity Low/Medium/High/Critical -> likelihood x impact 2x2, 3x3, 4x4, 5x5
 *   status Open/Mitigated/Accepted/Transferred/Avoided/NotApplicable -> the same status
 *   each distinct mitigation text -> one mitigation linked to every threat that carries it
 *   a threat's number, id, type, severity, status word, methodology and score -> its provenance
 *   a process's privilegeLevel -> the tag privilege:LEVEL; the true flags -> tags
 * Ids are slugs made from the names, unique across the model; threats are T-0001... in file order.
 * A diagram with no cells (or a 1.x diagram never drawn) is an empty diagram.
 */
#include "import_threatdragon.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "import_foreign.h"
#include "import_threatdragon_check.h"
#include "import_threatdragon_threat.h"
#include "model_slug.h"
#include "util.h"
#include "xalloc.h"

enum td_kind { TD_ACTOR, TD_PROCESS, TD_STORE, TD_FLOW, TD_CURVE, TD_BOX, TD_TEXT, TD_OTHER };

/* One diagram cell, whichever format it came in. */
struct td_cell {
	const struct json_value *json; /* the cell */
	const struct json_value *data; /* its properties: cell.data (2.x) or the cell (1.x) */
	enum td_kind kind;
	const char *td_id; /* may be NULL */
	const char *parent; /* 2.x: the cell it is embedded in; may be NULL */
	char *name; /* normalised; NULL when the file gives none */
	double x, y, w, h;
	bool has_box; /* x, y, w, h are known */
	size_t diagram;
	struct element *e; /* what it became (owned by the model), or NULL */
};

struct importer {
	const char *file;
	struct model *m;
	struct td_report *r;
	struct sw_error *err;
	struct td_cell *cells;
	size_t ncells, cells_cap;
	struct strmap by_td_id; /* TD cell id -> index + 1 */
	struct strmap mitigation; /* mitigation text -> struct mitigation * (borrowed) */
	struct strlist diagram_tags; /* per diagram, when there are several */
	size_t *boxes; /* indexes of the boundary boxes among the cells */
	size_t nboxes, boxes_cap;
	struct slug_maker ids;
	size_t severity[5]; /* low, medium, high, critical, unknown */
	size_t unnamed, merged_mitigations, unkept_ids;
};

static const char *const kind_words[] = {"actor",    "process",  "store",      "flow",
					 "boundary", "boundary", "text block", "cell"};

/* ---- small helpers ------------------------------------------------------------------------ */

/* The text of a string member, line breaks kept (see foreign_text()); NULL when empty. */
static char *text_of(const struct json_value *obj, const char *key)
{
	return foreign_text(json_get_str(obj, key));
}

static char *make_id(struct importer *im, const char *name, const char *fallback)
{
	return slug_maker_make(&im->ids, name, fallback);
}

/* ---- reading cells ------------------------------------------------------------------------ */

static enum td_kind kind_of_type(const char *type)
{
	static const struct {
		const char *name;
		enum td_kind kind;
	} types[] = {
	    {"tm.Actor", TD_ACTOR},
	    {"tm.Process", TD_PROCESS},
	    {"tm.Store", TD_STORE},
	    {"tm.Flow", TD_FLOW},
	    {"tm.Boundary", TD_CURVE},
	    {"tm.BoundaryBox", TD_BOX},
	    {"tm.Text", TD_TEXT},
	    {"actor", TD_ACTOR},
	    {"process", TD_PROCESS},
	    {"store", TD_STORE},
	    {"flow", TD_FLOW},
	    {"trust-boundary-curve", TD_CURVE},
	    {"trust-boundary-box", TD_BOX},
	    {"td-text-block", TD_TEXT},
	};
	size_t i;

	for (i = 0; type && i < ARRAY_SIZE(types); i++)
		if (str_eq(types[i].name, type))
			return types[i].kind;
	return TD_OTHER;
}

/* The first text among the places either format keeps a cell's name. */
static char *cell_name(const struct json_value *cell, const struct json_value *data)
{
	const struct json_value *labels = json_get(cell, "labels");
	const struct json_value *label0 =
	    labels && labels->type == JSON_ARRAY && labels->nitems ? labels->items[0] : NULL;
	const char *candidates[] = {
	    json_get_str(data, "name"),
	    json_str(json_path(cell, "attrs", "text", "text", NULL)),
	    json_str(json_path(cell, "attrs", "label", "text", NULL)),
	    json_str(json_path(label0, "attrs", "label", "text", NULL)),
	    json_str(json_path(label0, "attrs", "text", "text", NULL)),
	    json_str(json_path(label0, "attrs", "labelText", "text", NULL)),
	    json_get_str(cell, "name"),
	};
	size_t i;
	char *name;

	for (i = 0; i < ARRAY_SIZE(candidates); i++)
		if ((name = foreign_name(candidates[i])) != NULL)
			return name;
	return NULL;
}

static void cell_geometry(struct td_cell *c)
{
	const struct json_value *pos = json_get(c->json, "position");
	const struct json_value *size = json_get(c->json, "size");

	if (!json_get(pos, "x") || !json_get(pos, "y") || !json_get(size, "width") ||
	    !json_get(size, "height"))
		return;
	c->x = json_get_num(pos, "x", 0);
	c->y = json_get_num(pos, "y", 0);
	c->w = json_get_num(size, "width", 0);
	c->h = json_get_num(size, "height", 0);
	c->has_box = true;
}

static int add_cell(struct importer *im, const struct json_value *cell, size_t diagram, int version)
{
	const struct json_value *data = json_get(cell, "data");
	struct td_cell *c;
	long dup;

	if (cell->type != JSON_OBJECT)
		return foreign_error(im->err, im->file, cell,
				     "a diagram cell must be an object, not %s",
				     json_type_name(cell->type));
	im->cells = xgrow(im->cells, sizeof(*im->cells), im->ncells + 1, &im->cells_cap);
	c = &im->cells[im->ncells];
	memset(c, 0, sizeof(*c));
	c->json = cell;
	c->data = version == 2 && data && data->type == JSON_OBJECT ? data : cell;
	c->kind = kind_of_type(json_get_str(c->data, "type"));
	if (c->kind == TD_OTHER)
		c->kind = kind_of_type(json_get_str(cell, "shape"));
	if (c->kind == TD_OTHER)
		c->kind = kind_of_type(json_get_str(cell, "type"));
	c->td_id = json_get_str(cell, "id");
	c->parent = json_get_str(cell, "parent");
	c->name = cell_name(cell, c->data);
	c->diagram = diagram;
	cell_geometry(c);
	dup = c->td_id ? (long)(uintptr_t)strmap_get(&im->by_td_id, c->td_id) - 1 : -1;
	if (dup >= 0) {
		free(c->name);
		return foreign_error(im->err, im->file, json_get(cell, "id"),
				     "duplicate cell id '%s' (first at line %d)", c->td_id,
				     im->cells[dup].json->line);
	}
	if (c->td_id)
		strmap_put(&im->by_td_id, c->td_id, (void *)(uintptr_t)(im->ncells + 1));
	if (c->kind == TD_BOX && c->has_box) {
		im->boxes = xgrow(im->boxes, sizeof(*im->boxes), im->nboxes + 1, &im->boxes_cap);
		im->boxes[im->nboxes++] = im->ncells;
	}
	im->ncells++;
	return 0;
}

/*
 * The cells of a diagram in either format, NULL for a diagram with none; *version says which
 * format it was, 0 when the diagram does not say (a 1.x diagram that was never drawn).
 */
static const struct json_value *diagram_cells(const struct json_value *diagram, int *version)
{
	const struct json_value *cells = json_get(diagram, "cells");
	const struct json_value *legacy = json_get(diagram, "diagramJson");

	*version = cells ? 2 : legacy ? 1 : 0;
	if (!cells)
		cells = json_get(legacy, "cells");
	return cells && cells->type == JSON_ARRAY ? cells : NULL;
}

static void diagram_tag(struct importer *im, const struct json_value *diagram, size_t index)
{
	char *title = foreign_name(json_get_str(diagram, "title"));
	struct sbuf tag = SBUF_INIT;
	const char *p;

	sbuf_addstr(&tag, "diagram-");
	for (p = title; p && *p && tag.len < 40; p++) {
		if (isalnum((unsigned char)*p) && (unsigned char)*p < 0x80)
			sbuf_addch(&tag, (char)tolower((unsigned char)*p));
		else if (tag.buf[tag.len - 1] != '-')
			sbuf_addch(&tag, '-');
	}
	while (tag.buf[tag.len - 1] == '-')
		sbuf_truncate(&tag, tag.len - 1);
	if (str_eq(tag.buf, "diagram"))
		sbuf_addf(&tag, "-%zu", index + 1);
	strlist_push(&im->diagram_tags, tag.buf);
	sbuf_release(&tag);
	free(title);
}

static int read_diagram(struct importer *im, const struct json_value *diagram, size_t index)
{
	const struct json_value *cells;
	int version;
	size_t i;

	if (diagram->type != JSON_OBJECT)
		return foreign_error(im->err, im->file, diagram,
				     "a diagram must be an object, not %s",
				     json_type_name(diagram->type));
	cells = diagram_cells(diagram, &version);
	if (!im->r->version)
		im->r->version = version;
	diagram_tag(im, diagram, index);
	if (!cells || !cells->nitems)
		im->r->blank_diagrams++;
	for (i = 0; cells && i < cells->nitems; i++)
		if (add_cell(im, cells->items[i], index, version))
			return -1;
	return 0;
}

/* ---- boundaries --------------------------------------------------------------------------- */

static bool is_boundary(const struct td_cell *c)
{
	return c->kind == TD_CURVE || c->kind == TD_BOX;
}

static bool is_node(const struct td_cell *c)
{
	return c->kind == TD_ACTOR || c->kind == TD_PROCESS || c->kind == TD_STORE;
}

static char *generated_name(struct importer *im, const char *word, size_t *counter)
{
	struct sbuf sb = SBUF_INIT;

	(*counter)++;
	im->unnamed++;
	sbuf_addf(&sb, "%s %zu", word, *counter);
	return sbuf_detach(&sb);
}

static void tag_diagram(struct importer *im, struct element *e, size_t diagram)
{
	if (im->diagram_tags.count > 1)
		strlist_push(&e->tags, im->diagram_tags.items[diagram]);
}

static void make_boundaries(struct importer *im)
{
	size_t i, unnamed = 0;

	for (i = 0; i < im->ncells; i++) {
		struct td_cell *c = &im->cells[i];
		char *name, *id;
		if (!is_boundary(c))
			continue;
		name = c->name ? xstrdup(c->name) : generated_name(im, "Trust boundary", &unnamed);
		id = make_id(im, name, "boundary");
		c->e = element_new(id, KIND_TRUST_BOUNDARY);
		c->e->name = name;
		c->e->description = text_of(c->data, "description");
		model_add_element(im->m, c->e);
		im->r->boundaries++;
		free(id);
	}
}

static bool box_contains(const struct td_cell *box, double x, double y)
{
	return x >= box->x && x <= box->x + box->w && y >= box->y && y <= box->y + box->h;
}

/*
 * The box around `c`: the box it is embedded in (2.x parent), or else the smallest box of its
 * diagram that holds its centre (or, for a box, all of it).
 */
static struct td_cell *enclosing_box(struct importer *im, const struct td_cell *c)
{
	long p = c->parent ? (long)(uintptr_t)strmap_get(&im->by_td_id, c->parent) - 1 : -1;
	struct td_cell *best = NULL;
	size_t i;

	if (p >= 0 && im->cells[p].kind == TD_BOX && &im->cells[p] != c)
		return &im->cells[p];
	if (!c->has_box)
		return NULL;
	for (i = 0; i < im->nboxes; i++) {
		struct td_cell *b = &im->cells[im->boxes[i]];
		bool inside = c->kind == TD_BOX ? box_contains(b, c->x, c->y) &&
						      box_contains(b, c->x + c->w, c->y + c->h) &&
						      b->w * b->h > c->w * c->h
						: box_contains(b, c->x + c->w / 2, c->y + c->h / 2);
		if (b->kind != TD_BOX || b == c || !b->has_box || b->diagram != c->diagram ||
		    !inside)
			continue;
		if (!best || b->w * b->h < best->w * best->h)
			best = b;
	}
	return best;
}

/* Nesting of boxes; a parent link that would make a cycle is ignored. */
static void nest_boxes(struct importer *im)
{
	size_t i;

	for (i = 0; i < im->ncells; i++) {
		struct td_cell *c = &im->cells[i], *box;
		const struct element *up;
		size_t steps = 0;
		if (c->kind != TD_BOX || !(box = enclosing_box(im, c)))
			continue;
		for (up = box->e; up && up != c->e && steps++ < im->ncells;)
			up = up->boundary ? model_element(im->m, up->boundary) : NULL;
		if (!up)
			c->e->boundary = xstrdup(box->e->id);
	}
}

/* ---- nodes ------------------------------------------------------------------------------- */

/*
 * AWS services a name can name without doubt, as whole words ("Orders Lambda", "Amazon S3",
 * "API Gateway"), and the type each becomes when the element's kind fits it.
 */
static const char *aws_type(const char *name, enum element_kind kind)
{
	static const struct {
		const char *words; /* lowercase, each word between spaces */
		const char *type;
	} services[] = {
	    {" lambda ", "aws.lambda"},
	    {" api gateway ", "aws.apigateway"},
	    {" apigateway ", "aws.apigateway"},
	    {" cloudfront ", "aws.cloudfront"},
	    {" step functions ", "aws.stepfunctions"},
	    {" eventbridge ", "aws.eventbridge"},
	    {" cognito ", "aws.cognito"},
	    {" dynamodb ", "aws.dynamodb"},
	    {" secrets manager ", "aws.secretsmanager"},
	    {" cloudwatch ", "aws.cloudwatch-logs"},
	    {" cloudtrail ", "aws.cloudtrail"},
	    {" kinesis ", "aws.kinesis"},
	    {" sqs ", "aws.sqs"},
	    {" sns ", "aws.sns"},
	    {" s3 ", "aws.s3"},
	};
	struct sbuf words = SBUF_INIT;
	const char *type = NULL;
	size_t i;

	sbuf_addch(&words, ' ');
	for (; name && *name; name++) {
		if (isalnum((unsigned char)*name))
			sbuf_addch(&words, (char)tolower((unsigned char)*name));
		else if (words.buf[words.len - 1] != ' ')
			sbuf_addch(&words, ' ');
	}
	if (words.buf[words.len - 1] != ' ')
		sbuf_addch(&words, ' ');
	for (i = 0; i < ARRAY_SIZE(services) && !type; i++) {
		const struct catalog_type *t;
		if (!strstr(words.buf, services[i].words))
			continue;
		t = catalog_find(services[i].type);
		if (t && t->kind == kind)
			type = services[i].type;
	}
	sbuf_release(&words);
	return type;
}

/* Threat Dragon's flags and the tags they become, with the kinds of cell that carry each. */
static const struct td_flag flags[] = {
    {"storesCredentials", "credentials", 1u << KIND_DATA_STORE},
    {"storesInventory", "inventory", 1u << KIND_DATA_STORE},
    {"isEncrypted", "encrypted", 1u << KIND_DATA_STORE | 1u << KIND_DATA_FLOW},
    {"isSigned", "signed", 1u << KIND_DATA_STORE},
    {"providesAuthentication", "authentication", 1u << KIND_EXTERNAL_ENTITY},
    {"isWebApplication", "web-application", 1u << KIND_PROCESS},
    {"handlesCardPayment", "card-payment", 1u << KIND_PROCESS},
    {"handlesGoodsOrServices", "goods-or-services", 1u << KIND_PROCESS},
    {"isPublicNetwork", "public-network", 1u << KIND_DATA_FLOW},
};

const struct td_flag *td_flags(size_t *count)
{
	*count = ARRAY_SIZE(flags);
	return flags;
}

/* The true flags become tags, and a privilege level the tag privilege:LEVEL. */
static void flag_tags(const struct td_cell *c, struct element *e)
{
	char *level = foreign_name(json_get_str(c->data, "privilegeLevel"));
	size_t i;

	for (i = 0; i < ARRAY_SIZE(flags); i++)
		if (json_get_bool(c->data, flags[i].key))
			strlist_push(&e->tags, flags[i].tag);
	if (level) {
		struct sbuf tag = SBUF_INIT;
		sbuf_addf(&tag, "%s%s", TD_PRIVILEGE_TAG, level);
		strlist_push(&e->tags, tag.buf);
		sbuf_release(&tag);
		free(level);
	}
}

static void scope_of(const struct td_cell *c, struct element *e)
{
	e->out_of_scope = json_get_bool(c->data, "outOfScope");
	if (e->out_of_scope)
		e->out_of_scope_reason = text_of(c->data, "reasonOutOfScope");
}

static void node_type(struct importer *im, const struct td_cell *c, struct element *e)
{
	static const char *const generic[] = {"generic.user", "generic.service",
					      "generic.database"};
	const char *aws = aws_type(e->name, e->kind);
	const struct catalog_type *t;

	e->is_log = c->kind == TD_STORE && json_get_bool(c->data, "isALog");
	if (aws) {
		e->type = xstrdup(aws);
		t = catalog_find(aws);
		e->is_log = e->is_log || (t && t->is_log);
		foreign_note(&im->r->approximated, "%s '%s': type %s chosen from its name",
			     kind_words[c->kind], e->id, aws);
	} else {
		e->type = xstrdup(e->is_log ? "generic.log-store" : generic[c->kind]);
	}
}

static void make_nodes(struct importer *im)
{
	static const enum element_kind kinds[] = {KIND_EXTERNAL_ENTITY, KIND_PROCESS,
						  KIND_DATA_STORE};
	static const char *const words[] = {"Actor", "Process", "Store"};
	size_t i, unnamed[3] = {0};
	size_t *counts[] = {&im->r->actors, &im->r->processes, &im->r->stores};

	for (i = 0; i < im->ncells; i++) {
		struct td_cell *c = &im->cells[i], *box;
		char *name, *id;
		if (!is_node(c))
			continue;
		name = c->name ? xstrdup(c->name)
			       : generated_name(im, words[c->kind], &unnamed[c->kind]);
		id = make_id(im, name, kind_words[c->kind]);
		c->e = element_new(id, kinds[c->kind]);
		c->e->name = name;
		c->e->description = text_of(c->data, "description");
		node_type(im, c, c->e);
		flag_tags(c, c->e);
		tag_diagram(im, c->e, c->diagram);
		scope_of(c, c->e);
		if ((box = enclosing_box(im, c)) != NULL)
			c->e->boundary = xstrdup(box->e->id);
		model_add_element(im->m, c->e);
		(*counts[c->kind])++;
		free(id);
	}
}

/* ---- flows ------------------------------------------------------------------------------- */

/* The node a flow end names (2.x "cell", 1.x "id"), or NULL. */
static struct td_cell *flow_end(struct importer *im, const struct td_cell *c, const char *key)
{
	const struct json_value *end = json_get(c->json, key);
	const char *id = json_get_str(end, "cell");
	long at;

	if (!id)
		id = json_get_str(end, "id");
	at = id ? (long)(uintptr_t)strmap_get(&im->by_td_id, id) - 1 : -1;
	return at >= 0 && is_node(&im->cells[at]) ? &im->cells[at] : NULL;
}

static size_t threat_count(const struct td_cell *c)
{
	const struct json_value *t = json_get(c->data, "threats");

	return t && t->type == JSON_ARRAY ? t->nitems : 0;
}

static void drop_flow(struct importer *im, const struct td_cell *c, const char *end)
{
	size_t n = threat_count(c);

	foreign_note(
	    &im->r->dropped, "flow '%s' at line %d:%d: its %s is not connected to an element%s",
	    c->name ? c->name : "(no name)", c->json->line, c->json->col, end,
	    n ? (n == 1 ? "; its threat is dropped too" : "; its threats are dropped too") : "");
}

static void make_flow(struct importer *im, struct td_cell *c, struct td_cell *from,
		      struct td_cell *to)
{
	struct sbuf name = SBUF_INIT;
	char *id;

	if (c->name)
		sbuf_addstr(&name, c->name);
	else
		sbuf_addf(&name, "%s to %s", from->e->name, to->e->name);
	id = make_id(im, name.buf, "flow");
	c->e = element_new(id, KIND_DATA_FLOW);
	c->e->name = sbuf_detach(&name);
	c->e->description = text_of(c->data, "description");
	c->e->from = xstrdup(from->e->id);
	c->e->to = xstrdup(to->e->id);
	c->e->protocol = foreign_name(json_get_str(c->data, "protocol"));
	c->e->bidirectional = json_get_bool(c->data, "isBidirectional");
	flag_tags(c, c->e);
	tag_diagram(im, c->e, c->diagram);
	scope_of(c, c->e);
	model_add_element(im->m, c->e);
	im->r->flows++;
	free(id);
}

static void make_flows(struct importer *im)
{
	size_t i;

	for (i = 0; i < im->ncells; i++) {
		struct td_cell *c = &im->cells[i], *from, *to;
		if (c->kind != TD_FLOW)
			continue;
		from = flow_end(im, c, "source");
		to = flow_end(im, c, "target");
		if (!from || !to)
			drop_flow(im, c, !from ? "source" : "target");
		else
			make_flow(im, c, from, to);
	}
}

static void drop_others(struct importer *im)
{
	size_t i;

	for (i = 0; i < im->ncells; i++) {
		const struct td_cell *c = &im->cells[i];
		if (c->kind == TD_TEXT)
			foreign_note(&im->r->dropped,
				     "text block at line %d:%d ('%s'): stridewalk keeps no "
				     "free text on the diagram",
				     c->json->line, c->json->col, c->name ? c->name : "");
		else if (c->kind == TD_OTHER)
			foreign_note(&im->r->dropped, "cell at line %d:%d: unknown kind '%s'",
				     c->json->line, c->json->col,
				     json_get_str(c->data, "type") ? json_get_str(c->data, "type")
				     : json_get_str(c->json, "shape")
					 ? json_get_str(c->json, "shape")
					 : "(none)");
	}
}

/* ---- threats ----------------------------------------------------------------------------- */

static void rate(struct importer *im, const struct json_value *t, struct threat *th)
{
	bool known;
	int rating = td_severity_rating(json_get_str(t, "severity"), &known);

	im->severity[known ? rating - 2 : 4]++;
	th->likelihood = th->impact = rating;
}

static void set_status(struct importer *im, const struct json_value *t, struct threat *th,
		       const char *mitigation)
{
	const char *raw = json_get_str(t, "status");
	bool known, usual;

	th->status = td_status_of(raw, &known, &usual);
	if (!known)
		foreign_note(&im->r->approximated, "%s: status '%s' read as open", th->id,
			     raw ? raw : "(none)");
	if (threat_status_needs_reason(th->status))
		th->justification =
		    xstrdup(mitigation ? mitigation : td_default_justification(th->status));
}

static void set_letter(struct importer *im, const struct json_value *t, struct threat *th,
		       const struct element *e)
{
	const char *type = json_get_str(t, "type");
	bool exact;
	enum stride_letter l = foreign_letter(type, &exact);

	th->letter = td_letter_of(type, e);
	if (l == STRIDE_COUNT) {
		foreign_note(&im->r->approximated,
			     "%s: type '%s' is not a STRIDE category; filed under %c (%s)", th->id,
			     type ? type : "(none)", stride_char(th->letter),
			     stride_name(th->letter));
		return;
	}
	if (!exact)
		foreign_note(&im->r->approximated, "%s: type '%s' filed under %c (%s)", th->id,
			     type, stride_char(l), stride_name(l));
	if (th->letter != l)
		foreign_note(&im->r->approximated,
			     "%s on %s '%s': %s does not apply to %s %s, so the threat "
			     "is kept under %c (%s); its provenance keeps the original type",
			     th->id, element_kind_label(e->kind), e->id, stride_name(l),
			     foreign_article(e->kind), element_kind_label(e->kind),
			     stride_char(th->letter), stride_name(th->letter));
}

/* The threat's number when it is a whole number that is not negative, else -1. */
static long threat_number(const struct json_value *t)
{
	const struct json_value *n = json_get(t, "number");

	if (!n || n->type != JSON_NUMBER || n->number < 0 || n->number > 1e15 ||
	    n->number != (double)(long)n->number)
		return -1;
	return (long)n->number;
}

/* The score as text: Threat Dragon writes a string, older files a number. */
static char *threat_score(const struct json_value *t)
{
	const struct json_value *v = json_get(t, "score");

	return v && v->type == JSON_NUMBER ? xstrdup(v->text) : foreign_name(json_str(v));
}

/* The provenance line: what the threat was in Threat Dragon (import_threatdragon_threat.h). */
static void provenance(struct importer *im, const struct json_value *t, struct threat *th)
{
	struct td_origin o;
	struct sbuf sb = SBUF_INIT;
	const char *id = json_get_str(t, "id"), *status = json_get_str(t, "status");
	const char *model = json_get_str(t, "modelType");
	bool known, usual;

	memset(&o, 0, sizeof(o));
	o.found = true;
	o.number = threat_number(t);
	if (!id)
		id = json_get_str(t, "threatId");
	if (td_id_keepable(id))
		o.id = xstrdup(id);
	else if (!str_empty(id))
		im->unkept_ids++;
	o.type = foreign_name(json_get_str(t, "type"));
	o.severity = foreign_name(json_get_str(t, "severity"));
	td_status_of(status, &known, &usual);
	if (!usual)
		o.status = foreign_name(status);
	if (!str_eq(model, "STRIDE"))
		o.model = foreign_name(model);
	o.score = threat_score(t);
	td_origin_write(&o, &sb);
	th->provenance = sbuf_detach(&sb);
	td_origin_release(&o);
}

static void link_mitigation(struct importer *im, const char *text, const struct threat *th)
{
	struct mitigation *mit = strmap_get(&im->mitigation, text);
	char *ref, *title;

	if (mit) {
		strlist_push(&mit->threats, th->id);
		im->merged_mitigations++;
		return;
	}
	ref = model_next_ref(im->m, 'M');
	title = foreign_mitigation_title(text);
	mit = mitigation_new(ref, title);
	if (!str_eq(title, text))
		mit->description = xstrdup(text);
	strlist_push(&mit->threats, th->id);
	model_add_mitigation(im->m, mit);
	strmap_put(&im->mitigation, mit->description ? mit->description : mit->title, mit);
	im->r->mitigations++;
	free(ref);
	free(title);
}

static void import_threat(struct importer *im, const struct td_cell *c, const struct json_value *t)
{
	char *ref = model_next_ref(im->m, 'T'), *mitigation = text_of(t, "mitigation");
	struct threat *th = threat_new(ref, c->e->id, STRIDE_S);

	th->title = foreign_name(json_get_str(t, "title"));
	if (!th->title) {
		th->title = xstrdup("Untitled threat");
		foreign_note(&im->r->approximated, "%s had no title; called 'Untitled threat'",
			     ref);
	}
	th->description = text_of(t, "description");
	th->origin = ORIGIN_IMPORT;
	set_letter(im, t, th, c->e);
	rate(im, t, th);
	set_status(im, t, th, mitigation);
	provenance(im, t, th);
	model_add_threat(im->m, th);
	im->r->threats++;
	/* a closed threat's text is its justification, not a control */
	if (mitigation && !threat_status_needs_reason(th->status))
		link_mitigation(im, mitigation, th);
	free(mitigation);
	free(ref);
}

static void import_threats(struct importer *im)
{
	size_t i, k;

	for (i = 0; i < im->ncells; i++) {
		const struct td_cell *c = &im->cells[i];
		const struct json_value *list = json_get(c->data, "threats");
		if (!list || list->type != JSON_ARRAY || !list->nitems)
			continue;
		if (!c->e || c->e->kind == KIND_TRUST_BOUNDARY) {
			if (c->kind != TD_FLOW) /* dropped flows already said so */
				foreign_note(&im->r->dropped,
					     "%zu %s on the %s at line %d:%d: only elements "
					     "and flows take threats",
					     list->nitems, list->nitems == 1 ? "threat" : "threats",
					     kind_words[c->kind], c->json->line, c->json->col);
			continue;
		}
		for (k = 0; k < list->nitems; k++)
			import_threat(im, c, list->items[k]);
	}
}

/* A mitigation is implemented when every threat that carries its text was mitigated. */
static void mitigation_status(struct importer *im)
{
	size_t i, k;

	for (i = 0; i < im->m->nmitigations; i++) {
		struct mitigation *mit = im->m->mitigations[i];
		bool done = mit->threats.count > 0;
		for (k = 0; k < mit->threats.count; k++) {
			const struct threat *t = model_threat(im->m, mit->threats.items[k]);
			done = done && t && t->status == THREAT_MITIGATED;
		}
		mit->status = done ? MITIGATION_IMPLEMENTED : MITIGATION_PROPOSED;
	}
}

/* ---- the model's own fields ----------------------------------------------------------------- */

static void add_person(struct importer *im, const char *raw, const char *role)
{
	char *name = foreign_name(raw);
	struct participant *p;

	if (!name || model_participant(im->m, name)) {
		free(name);
		return;
	}
	p = xcalloc(1, sizeof(*p));
	p->name = name;
	p->role = xstrdup(role);
	model_add_participant(im->m, p);
	im->r->participants++;
}

static void people(struct importer *im, const struct json_value *summary,
		   const struct json_value *detail)
{
	const struct json_value *list = json_get(detail, "contributors");
	size_t i;

	add_person(im, json_get_str(summary, "owner"), "owner");
	add_person(im, json_get_str(detail, "reviewer"), "reviewer");
	for (i = 0; list && list->type == JSON_ARRAY && i < list->nitems; i++)
		add_person(im,
			   list->items[i]->type == JSON_STRING
			       ? list->items[i]->text
			       : json_get_str(list->items[i], "name"),
			   "contributor");
}

static void summary_notes(struct importer *im, size_t curves)
{
	static const char *const names[] = {"Low", "Medium", "High", "Critical", "none or unknown"};
	struct sbuf sb = SBUF_INIT;
	size_t s;

	for (s = 0; s < ARRAY_SIZE(names); s++)
		if (im->severity[s])
			sbuf_addf(&sb, "%s%s -> %dx%d (%zu)", sb.len ? ", " : "", names[s],
				  s < 4 ? (int)s + 2 : 3, s < 4 ? (int)s + 2 : 3, im->severity[s]);
	if (sb.len)
		foreign_note(&im->r->approximated, "severity became likelihood x impact: %s",
			     sb.buf);
	sbuf_release(&sb);
	if (curves)
		foreign_note(&im->r->approximated,
			     "%zu curved trust boundar%s imported without members: a "
			     "curve does not say which side an element is on",
			     curves, curves == 1 ? "y" : "ies");
	if (im->r->diagrams > 1)
		foreign_note(&im->r->approximated,
			     "%zu diagrams merged into one model; each element is "
			     "tagged with its diagram",
			     im->r->diagrams);
	if (im->unnamed)
		foreign_note(&im->r->approximated,
			     "%zu element%s without a name named after %s kind", im->unnamed,
			     im->unnamed == 1 ? "" : "s", im->unnamed == 1 ? "its" : "their");
	if (im->merged_mitigations)
		foreign_note(&im->r->approximated,
			     "%zu repeated mitigation text%s joined to an earlier "
			     "mitigation with the same text",
			     im->merged_mitigations, im->merged_mitigations == 1 ? "" : "s");
	if (im->unkept_ids)
		foreign_note(&im->r->dropped,
			     "the ids of %zu threat%s: only letters, digits and '.', '_', ':' "
			     "or '-' are kept",
			     im->unkept_ids, im->unkept_ids == 1 ? "" : "s");
}

static int check_version(struct importer *im, const struct json_value *root)
{
	const struct json_value *v = json_get(root, "version");

	if (!v)
		return 0;
	if (v->type != JSON_STRING)
		return foreign_error(im->err, im->file, v, "'version' must be a string, not %s",
				     json_type_name(v->type));
	if (str_starts_with(v->text, "1.") || str_eq(v->text, "1"))
		im->r->version = 1;
	else if (str_starts_with(v->text, "2.") || str_eq(v->text, "2"))
		im->r->version = 2;
	else
		return foreign_error(im->err, im->file, v,
				     "Threat Dragon format version '%s' is not supported (expected "
				     "1.x or 2.x)",
				     v->text);
	return 0;
}

static int read_document(struct importer *im, const struct json_value *root,
			 const struct json_value **summary, const struct json_value **detail)
{
	const struct json_value *diagrams;
	size_t i;

	if (root->type != JSON_OBJECT)
		return foreign_error(im->err, im->file, root,
				     "expected a Threat Dragon model (an object with 'summary' and "
				     "'detail'), found %s",
				     json_type_name(root->type));
	*summary = json_get(root, "summary");
	*detail = json_get(root, "detail");
	if (!*detail)
		return foreign_error(im->err, im->file, root,
				     "missing 'detail' (a Threat Dragon model has 'summary' and "
				     "'detail')");
	if ((*detail)->type != JSON_OBJECT)
		return foreign_error(im->err, im->file, *detail,
				     "'detail' must be an object, not %s",
				     json_type_name((*detail)->type));
	if (*summary && (*summary)->type != JSON_OBJECT)
		return foreign_error(im->err, im->file, *summary,
				     "'summary' must be an object, not %s",
				     json_type_name((*summary)->type));
	if (check_version(im, root) || td_check_types(im->file, root, im->err))
		return -1;
	diagrams = json_get(*detail, "diagrams");
	if (!diagrams)
		return foreign_error(im->err, im->file, *detail, "missing 'diagrams' in 'detail'");
	if (diagrams->type != JSON_ARRAY)
		return foreign_error(im->err, im->file, diagrams,
				     "'diagrams' must be a list, not %s",
				     json_type_name(diagrams->type));
	im->r->diagrams = diagrams->nitems;
	for (i = 0; i < diagrams->nitems; i++)
		if (read_diagram(im, diagrams->items[i], i))
			return -1;
	if (!im->r->version) /* 2.x always says so; only 1.x files leave every diagram undrawn */
		im->r->version = 1;
	return 0;
}

static void build(struct importer *im, const struct json_value *summary,
		  const struct json_value *detail)
{
	size_t i, curves = 0;

	im->m->name = foreign_name(json_get_str(summary, "title"));
	if (!im->m->name) {
		im->m->name = xstrdup("Threat Dragon model");
		foreign_note(&im->r->approximated,
			     "the model had no title; called 'Threat Dragon model'");
	}
	im->m->description = text_of(summary, "description");
	make_boundaries(im);
	nest_boxes(im);
	make_nodes(im);
	make_flows(im);
	drop_others(im);
	import_threats(im);
	mitigation_status(im);
	people(im, summary, detail);
	for (i = 0; i < im->ncells; i++)
		curves += im->cells[i].kind == TD_CURVE;
	summary_notes(im, curves);
}

bool td_detect(const struct json_value *root)
{
	return root && root->type == JSON_OBJECT &&
	       (json_get(root, "detail") || json_get(root, "summary"));
}

int td_import(const char *file, const struct json_value *root, struct model **out,
	      struct td_report *report, struct sw_error *err)
{
	struct importer im;
	const struct json_value *summary = NULL, *detail = NULL;
	struct td_report empty = TD_REPORT_INIT;
	struct strmap no_map = STRMAP_INIT;
	struct strlist no_list = STRLIST_INIT;
	size_t i;
	int rc;

	*out = NULL;
	*report = empty;
	memset(&im, 0, sizeof(im));
	im.file = file;
	im.r = report;
	im.err = err;
	im.by_td_id = im.mitigation = no_map;
	im.diagram_tags = no_list;
	im.m = model_new();
	slug_maker_init(&im.ids, im.m);
	rc = read_document(&im, root, &summary, &detail);
	if (rc == 0) {
		build(&im, summary, detail);
		report->id_lookups = im.ids.probes;
		*out = im.m;
	} else {
		model_free(im.m);
		td_report_release(report);
	}
	for (i = 0; i < im.ncells; i++)
		free(im.cells[i].name);
	free(im.cells);
	free(im.boxes);
	slug_maker_release(&im.ids);
	strmap_clear(&im.by_td_id);
	strmap_clear(&im.mitigation);
	strlist_clear(&im.diagram_tags);
	return rc;
}

int td_import_text(const char *file, const char *text, size_t len, struct model **out,
		   struct td_report *report, struct sw_error *err)
{
	struct json_value *root;
	struct td_report empty = TD_REPORT_INIT;
	int rc;

	*out = NULL;
	*report = empty;
	if (json_parse(file, text, len, NULL, &root, err))
		return -1;
	rc = td_import(file, root, out, report, err);
	json_free(root);
	return rc;
}

void td_report_release(struct td_report *r)
{
	strlist_clear(&r->approximated);
	strlist_clear(&r->dropped);
}

void td_report_write(const struct td_report *r, const char *file, struct sbuf *out)
{
	sbuf_addf(out, "imported %s (Threat Dragon %d.x, %zu diagram%s", file, r->version,
		  r->diagrams, r->diagrams == 1 ? "" : "s");
	if (r->blank_diagrams)
		sbuf_addf(out, ", %zu blank", r->blank_diagrams);
	sbuf_addstr(out, "): ");
	foreign_count(out, r->actors, "actor", "actors", ", ");
	foreign_count(out, r->processes, "process", "processes", ", ");
	foreign_count(out, r->stores, "store", "stores", ", ");
	foreign_count(out, r->flows, "flow", "flows", ", ");
	foreign_count(out, r->boundaries, "boundary", "boundaries", ", ");
	foreign_count(out, r->threats, "threat", "threats", ", ");
	foreign_count(out, r->mitigations, "mitigation", "mitigations", ", ");
	foreign_count(out, r->participants, "participant", "participants", "");
	sbuf_addch(out, '\n');
	foreign_list(out, "approximated", &r->approximated);
	foreign_list(out, "dropped", &r->dropped);
}
