/*
 * genmodel: writes the "large" reference model of the README's performance targets as system-model YAML, for the
 * benchmarks. At --scale 1: 1 actor, 1,000 Lambda functions, 1,000 data stores, 2,000 flows,
 * 2 boundaries, 22,000 threats, 11,000 mitigations (two threats each), coverage decisions,
 * 20,000 answers, participants, votes, sessions, open items and review marks. --scale multiplies
 * every count. The output depends only on the scale (fixed seed), so runs compare like with like.
 *
 * It deliberately does not link the stridewalk library: the file it writes is an independent
 * input, checked by `stridewalk lint` like any hand-written model. Every string it writes is
 * plain-safe YAML (no ": ", no " #", no leading indicator), so no quoting is needed.
 */
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum kind { K_ACTOR, K_FUNCTION, K_STORE, K_FLOW };

/* How many of each thing the reference model ("scale 1") has. */
struct counts {
	long actors, boundaries, functions, stores, flows, threats, mitigations, answers;
	long participants, votes, sessions, items, reviews;
};

/* One element or flow of the generated diagram, enough to place threats and decisions on it. */
struct node {
	char id[32];
	enum kind kind;
	unsigned letters; /* applicable STRIDE letters, bit per letter in "STRIDE" order */
	unsigned threatened; /* letters that received a threat */
};

struct gen {
	FILE *out;
	uint64_t rng;
	struct counts n;
	struct node *nodes;
	long nnodes;
	long *first_threat_of; /* per threat: its node index */
};

static const char letters[] = "STRIDE";
#define L_S 0x01u
#define L_T 0x02u
#define L_R 0x04u
#define L_I 0x08u
#define L_D 0x10u
#define L_E 0x20u

/* splitmix64: small, fast and the same on every platform, so the model is reproducible. */
static uint64_t rnd(struct gen *g)
{
	uint64_t z = (g->rng += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static long rnd_below(struct gen *g, long n)
{
	return (long)(rnd(g) % (uint64_t)n);
}

/* Picks an index from a table of integer weights. */
static int rnd_weighted(struct gen *g, const int *weights, int n)
{
	int i, total = 0;
	long r;

	for (i = 0; i < n; i++)
		total += weights[i];
	r = rnd_below(g, total);
	for (i = 0; i < n; i++) {
		if (r < weights[i])
			return i;
		r -= weights[i];
	}
	return n - 1;
}

static long scaled(double scale, long base, long min)
{
	long v = lround((double)base * scale);

	return v < min ? min : v;
}

static void counts_init(struct counts *n, double s)
{
	n->actors = scaled(s, 1, 1);
	n->boundaries = scaled(s, 2, 2);
	n->functions = scaled(s, 1000, 1);
	n->stores = scaled(s, 1000, 1);
	n->flows = scaled(s, 2000, 1);
	n->threats = scaled(s, 22000, 2);
	n->mitigations = scaled(s, 11000, 1);
	n->answers = scaled(s, 20000, 1);
	n->sessions = scaled(s, 3, 1);
	/* Eight people a session; everyone gives their three dots as two votes (2 + 1). */
	n->participants = 8 * n->sessions;
	n->votes = 2 * n->participants;
	n->items = scaled(s, 300, 1);
	n->reviews = scaled(s, 500, 1);
}

/* ---- names ---- */

static const char *const first_names[] = {"Alex", "Sam",   "Jo",  "Priya",
					  "Chen", "Maria", "Tom", "Fatima"};
#define NFIRST (sizeof(first_names) / sizeof(first_names[0]))

static void participant_name(long i, char *buf, size_t size)
{
	if (i < (long)NFIRST)
		snprintf(buf, size, "%s", first_names[i]);
	else
		snprintf(buf, size, "%s %ld", first_names[i % NFIRST], i / NFIRST + 1);
}

static const char *const roles[] = {"facilitator",   "architect", "developer", "security champion",
				    "product owner", "tester",    "ops",       "developer"};

/* Store types, with the STRIDE letters a log store adds (R). */
struct store_type {
	const char *type, *what;
	bool log;
};
static const struct store_type store_types[] = {
    {"aws.dynamodb", "table", false},
    {"aws.s3", "bucket", false},
    {"aws.sqs", "queue", false},
    {"aws.cloudwatch-logs", "log group", true},
    {"aws.secretsmanager", "secret", false},
    {"aws.kinesis", "stream", false},
    {"aws.rds", "database", false},
    {"aws.ssm-parameter", "parameter", false},
    {"aws.dynamodb", "audit table", true},
    {"aws.cloudtrail", "trail", true},
};
#define NSTORE_TYPES (sizeof(store_types) / sizeof(store_types[0]))

/* ---- YAML writing (block style, like `stridewalk export --format yaml`) ---- */

static void kv(struct gen *g, bool first, const char *key, const char *value)
{
	fprintf(g->out, "%s%s: %s\n", first ? "  - " : "    ", key, value);
}

static void kvl(struct gen *g, const char *key, long value)
{
	fprintf(g->out, "    %s: %ld\n", key, value);
}

static void section(struct gen *g, const char *name)
{
	fprintf(g->out, "%s:\n", name);
}

static const char *boundary_id(long b, char *buf, size_t size)
{
	if (b == 0)
		snprintf(buf, size, "internet");
	else if (b == 1)
		snprintf(buf, size, "aws");
	else
		snprintf(buf, size, "account-%03ld", b);
	return buf;
}

static void write_header(struct gen *g, double scale)
{
	fprintf(g->out, "stridewalk: 1\n");
	fprintf(g->out, "name: Benchmark platform (scale %g)\n", scale);
	fprintf(g->out,
		"description: A generated serverless estate of %ld functions and %ld data "
		"stores, used to measure stridewalk at scale.\n",
		g->n.functions, g->n.stores);
	fprintf(g->out, "scope: Every function, store and flow is in scope.\n");
}

static void write_boundaries(struct gen *g)
{
	char id[32], parent[32];
	long b;

	section(g, "boundaries");
	for (b = 0; b < g->n.boundaries; b++) {
		kv(g, true, "id", boundary_id(b, id, sizeof(id)));
		if (b == 0) {
			kv(g, false, "name", "Internet");
		} else if (b == 1) {
			kv(g, false, "name", "AWS account (prod)");
			kv(g, false, "description", "The production account of the platform.");
		} else {
			fprintf(g->out, "    name: Workload account %ld\n", b);
			kv(g, false, "parent", boundary_id(1, parent, sizeof(parent)));
		}
	}
}

/* Functions and stores sit in the AWS boundaries, spread over the nested accounts. */
static long inner_boundary(const struct gen *g, long i)
{
	return g->n.boundaries > 2 ? 1 + i % (g->n.boundaries - 1) : 1;
}

static struct node *add_node(struct gen *g, enum kind kind, const char *prefix, long number,
			     unsigned lets)
{
	struct node *nd = &g->nodes[g->nnodes++];

	snprintf(nd->id, sizeof(nd->id), "%s-%04ld", prefix, number);
	nd->kind = kind;
	nd->letters = lets;
	nd->threatened = 0;
	return nd;
}

static void write_actors(struct gen *g)
{
	char b[32];
	long i;

	for (i = 0; i < g->n.actors; i++) {
		struct node *nd = add_node(g, K_ACTOR, "customer", i + 1, L_S | L_R);
		kv(g, true, "id", nd->id);
		kv(g, false, "kind", "external_entity");
		kv(g, false, "type", "generic.user");
		fprintf(g->out, "    name: Customer %ld\n", i + 1);
		kv(g, false, "boundary", boundary_id(0, b, sizeof(b)));
	}
}

static void write_functions(struct gen *g)
{
	char b[32];
	long i;

	for (i = 0; i < g->n.functions; i++) {
		struct node *nd = add_node(g, K_FUNCTION, "fn", i + 1, 0x3f);
		kv(g, true, "id", nd->id);
		kv(g, false, "kind", "process");
		kv(g, false, "type", "aws.lambda");
		fprintf(g->out, "    name: Function %ld\n", i + 1);
		if (i % 3 == 0)
			fprintf(g->out,
				"    description: Handles the requests of service area %ld.\n",
				i / 10 + 1);
		kv(g, false, "boundary", boundary_id(inner_boundary(g, i), b, sizeof(b)));
		if (i % 7 == 0)
			kv(g, false, "tags", "[public]");
	}
}

static void write_stores(struct gen *g)
{
	char b[32];
	long i;

	for (i = 0; i < g->n.stores; i++) {
		const struct store_type *st = &store_types[i % NSTORE_TYPES];
		struct node *nd =
		    add_node(g, K_STORE, "store", i + 1, L_T | L_I | L_D | (st->log ? L_R : 0));
		kv(g, true, "id", nd->id);
		kv(g, false, "kind", "data_store");
		kv(g, false, "type", st->type);
		fprintf(g->out, "    name: Store %ld (%s)\n", i + 1, st->what);
		kv(g, false, "boundary", boundary_id(inner_boundary(g, i), b, sizeof(b)));
		if (st->log)
			kv(g, false, "is_log", "true");
		if (i % 4 == 1)
			kv(g, false, "tags", i % 8 == 1 ? "[pii, financial]" : "[pii]");
	}
}

/* The ends of flow i: callers into functions, functions into stores and into each other. */
static void flow_ends(const struct gen *g, long i, const char **from, const char **to,
		      const char **proto)
{
	const struct node *actors = g->nodes, *fns = actors + g->n.actors;
	const struct node *stores = fns + g->n.functions;

	if (i % 10 == 0) {
		*from = actors[(i / 10) % g->n.actors].id;
		*to = fns[(i / 10) % g->n.functions].id;
		*proto = "HTTPS";
	} else if (i % 10 == 9) {
		*from = fns[i % g->n.functions].id;
		*to = fns[(i * 7 + 1) % g->n.functions].id;
		*proto = "Lambda Invoke";
	} else {
		*from = fns[i % g->n.functions].id;
		*to = stores[(i * 3 + i / g->n.functions) % g->n.stores].id;
		*proto = "AWS SDK (HTTPS)";
	}
}

static void write_flows(struct gen *g)
{
	const char *from, *to, *proto;
	long i;

	section(g, "flows");
	for (i = 0; i < g->n.flows; i++) {
		struct node *nd = add_node(g, K_FLOW, "flow", i + 1, L_T | L_I | L_D);
		flow_ends(g, i, &from, &to, &proto);
		kv(g, true, "id", nd->id);
		kv(g, false, "from", from);
		kv(g, false, "to", to);
		fprintf(g->out, "    name: %s call %ld\n", i % 10 == 0 ? "Customer" : "Service",
			i + 1);
		kv(g, false, "protocol", proto);
		kv(g, false, "data", i % 10 == 0 ? "[jwt, request-body]" : "[record]");
		if (i % 2 == 0)
			kv(g, false, "bidirectional", "true");
	}
}

/* ---- threats ---- */

static const char *const threat_titles[6] = {
    "Caller identity forged against",
    "Data tampered with in transit to or inside",
    "Actions cannot be traced back to a person in",
    "Sensitive records disclosed by",
    "Service exhausted by a flood of requests to",
    "Privileges escalated through",
};

static const char *const threat_statuses[] = {"open",           "in-discussion", "mitigated",
					      "accepted",       "transferred",   "avoided",
					      "not-applicable", "false-positive"};
static const int threat_status_weights[] = {40, 10, 25, 10, 3, 4, 4, 4};
static const char *const justifications[] = {
    "Risk owner signed off for this quarter.",
    "The provider carries this risk under the support contract.",
    "The design was changed so that the path no longer exists.",
    "The element never handles this kind of data.",
    "Recorded twice by mistake during the walk.",
};

static const int node_kind_weights[] = {0, 12, 4, 6}; /* actor, function, store, flow */

/* Picks a node of a weighted kind and one of its letters for threat i. */
static long pick_cell(struct gen *g, int *letter)
{
	long first[4], count[4], idx;
	int kind, l;
	const struct node *nd;

	first[K_ACTOR] = 0;
	count[K_ACTOR] = g->n.actors;
	first[K_FUNCTION] = g->n.actors;
	count[K_FUNCTION] = g->n.functions;
	first[K_STORE] = first[K_FUNCTION] + g->n.functions;
	count[K_STORE] = g->n.stores;
	first[K_FLOW] = first[K_STORE] + g->n.stores;
	count[K_FLOW] = g->n.flows;
	kind = rnd_weighted(g, node_kind_weights, 4);
	idx = first[kind] + rnd_below(g, count[kind]);
	nd = &g->nodes[idx];
	do
		l = (int)rnd_below(g, 6);
	while (!(nd->letters & (1u << l)));
	*letter = l;
	return idx;
}

static void write_stride(struct gen *g, const struct node *nd, int primary)
{
	int extra = -1, l;

	if (rnd_below(g, 100) < 15) {
		l = (int)rnd_below(g, 6);
		if (l != primary && (nd->letters & (1u << l)))
			extra = l;
	}
	if (extra < 0)
		fprintf(g->out, "    stride: [%c]\n", letters[primary]);
	else
		fprintf(g->out, "    stride: [%c, %c]\n", letters[primary], letters[extra]);
}

static void write_threat_origin(struct gen *g, long i)
{
	char who[48];
	static const char *const origins[] = {"brainstorm", "questionnaire", "cue"};
	int o = (int)rnd_below(g, 3);

	kv(g, false, "origin", origins[o]);
	participant_name(rnd_below(g, g->n.participants), who, sizeof(who));
	kv(g, false, "raised_by", who);
	fprintf(g->out, "    raised_at: 2026-%02ld-%02ldT%02ld:%02ld:00Z\n", 1 + i % 12, 1 + i % 28,
		9 + i % 8, i % 60);
	if (o == 1)
		kv(g, false, "provenance", "identity/role-per-function = no");
}

static void write_threat(struct gen *g, long i)
{
	int letter, st;
	long idx = pick_cell(g, &letter);
	struct node *nd = &g->nodes[idx];

	nd->threatened |= 1u << letter;
	g->first_threat_of[i] = idx;
	fprintf(g->out, "  - id: T-%04ld\n", i + 1);
	kv(g, false, "element", nd->id);
	write_stride(g, nd, letter);
	fprintf(g->out, "    title: %s %s\n", threat_titles[letter], nd->id);
	if (i % 2 == 0)
		fprintf(g->out,
			"    description: Found while walking %s during session %ld; see "
			"the notes for the attack path.\n",
			nd->id, 1 + i % g->n.sessions);
	kvl(g, "likelihood", 1 + rnd_below(g, 5));
	kvl(g, "impact", 1 + rnd_below(g, 5));
	st = rnd_weighted(g, threat_status_weights, 8);
	kv(g, false, "status", threat_statuses[st]);
	if (st >= 3)
		kv(g, false, "justification", justifications[st - 3]);
	write_threat_origin(g, i);
}

static void write_threats(struct gen *g)
{
	long i;

	section(g, "threats");
	for (i = 0; i < g->n.threats; i++)
		write_threat(g, i);
}

/* ---- mitigations ---- */

static const char *const mitigation_statuses[] = {"proposed",    "planned",  "in-progress",
						  "implemented", "verified", "wont-do"};
static const int mitigation_status_weights[] = {25, 30, 15, 15, 10, 5};

static void write_mitigation(struct gen *g, long k)
{
	long a = (2 * k) % g->n.threats, b = (2 * k + 1) % g->n.threats;
	char who[48];
	int st = rnd_weighted(g, mitigation_status_weights, 6);

	fprintf(g->out, "  - id: M-%04ld\n", k + 1);
	fprintf(g->out, "    title: Control %ld for %s\n", k + 1,
		g->nodes[g->first_threat_of[a]].id);
	if (k % 3 == 0)
		kv(g, false, "description",
		   "Least privilege, input validation and an alarm on misuse.");
	kv(g, false, "status", mitigation_statuses[st]);
	participant_name(rnd_below(g, g->n.participants), who, sizeof(who));
	kv(g, false, "owner", who);
	if (st >= 1 && st <= 4)
		fprintf(g->out, "    ticket: SEC-%ld\n", 1000 + k);
	if (st >= 1 && st <= 2)
		fprintf(g->out, "    due: 2027-%02ld-%02ld\n", 1 + k % 12, 1 + k % 28);
	if (st == 4)
		kv(g, false, "verification",
		   "An automated test proves the control rejects misuse.");
	if (a == b)
		fprintf(g->out, "    threats: [T-%04ld]\n", a + 1);
	else
		fprintf(g->out, "    threats: [T-%04ld, T-%04ld]\n", a + 1, b + 1);
}

static void write_mitigations(struct gen *g)
{
	long k, n = g->n.mitigations;

	section(g, "mitigations");
	/* More mitigations than pairs of threats would repeat a pair; cap at one per pair. */
	if (n > (g->n.threats + 1) / 2)
		n = (g->n.threats + 1) / 2;
	for (k = 0; k < n; k++)
		write_mitigation(g, k);
}

/* ---- coverage: most threat-free cells are decided, the rest stay pending ---- */

static void write_coverage(struct gen *g)
{
	static const char *const none_reasons[] = {
	    "Considered in the walk; the platform handles this.",
	    "Considered in the walk; nothing found.",
	};
	long i;
	int l;
	bool any = false;

	for (i = 0; i < g->nnodes; i++) {
		const struct node *nd = &g->nodes[i];
		for (l = 0; l < 6; l++) {
			unsigned bit = 1u << l;
			long r;
			if (!(nd->letters & bit) || (nd->threatened & bit))
				continue;
			r = rnd_below(g, 10);
			if (r >= 6)
				continue; /* left pending: still to walk */
			if (!any)
				section(g, "coverage");
			any = true;
			kv(g, true, "element", nd->id);
			fprintf(g->out, "    letter: %c\n", letters[l]);
			kv(g, false, "state", r < 4 ? "none" : "n/a");
			kv(g, false, "reason",
			   r < 4 ? none_reasons[r % 2]
				 : "Does not apply to how this element is used.");
		}
	}
}

/* ---- answers: yes/no questions that apply to every Lambda function or data store ---- */

struct question_ref {
	const char *qn, *q, *risky;
};
static const struct question_ref fn_questions[] = {
    {"identity", "role-per-function", "no"},
    {"identity", "wildcard-permissions", "yes"},
    {"identity", "iam-write", "yes"},
    {"identity", "invoke-restricted", "no"},
    {"identity", "creds-usable-outside", "yes"},
    {"cold-start", "request-data-globals", "yes"},
    {"cold-start", "cache-trusted", "yes"},
    {"cold-start", "background-work", "yes"},
    {"cold-start", "init-credentials", "yes"},
    {"cold-start", "init-logs-config", "yes"},
    {"cold-start", "persistence-after-rce", "yes"},
    {"cold-start", "always-warm", "yes"},
    {"dependencies", "sbom", "no"},
    {"dependencies", "pinning", "no"},
    {"dependencies", "install-scripts", "yes"},
    {"dependencies", "runtime-support", "no"},
    {"dependencies", "unused-packages", "no"},
    {"dependencies", "out-of-band-publish", "yes"},
    {"deployment", "iac-only", "no"},
    {"deployment", "template-scanning", "no"},
    {"deployment", "posture-monitoring", "no"},
    {"deployment", "pipeline-credentials", "no"},
    {"deployment", "untrusted-pr", "yes"},
    {"deployment", "debug-in-prod", "yes"},
};
static const struct question_ref store_questions[] = {
    {"data-storage", "public-access", "yes"},  {"data-storage", "least-access", "no"},
    {"data-storage", "tls-required", "no"},    {"data-storage", "backups", "no"},
    {"data-storage", "data-minimised", "no"},  {"data-storage", "retention-deletion", "no"},
    {"data-storage", "capacity-abuse", "yes"},
};
#define NFNQ ((long)(sizeof(fn_questions) / sizeof(fn_questions[0])))
#define NSTQ ((long)(sizeof(store_questions) / sizeof(store_questions[0])))

/* Answer j goes to a function (three in four) or a store, each question at most once. */
static const struct question_ref *answer_target(const struct gen *g, long j, const char **elem)
{
	long per_fn = 15, per_store = 5, fn_total = g->n.functions * per_fn;
	const struct node *fns = g->nodes + g->n.actors, *stores = fns + g->n.functions;

	if (j < fn_total) {
		long f = j / per_fn, k = j % per_fn;
		*elem = fns[f].id;
		return &fn_questions[(f + k) % NFNQ];
	}
	j -= fn_total;
	*elem = stores[(j / per_store) % g->n.stores].id;
	return &store_questions[(j / per_store + j % per_store) % NSTQ];
}

static long answer_capacity(const struct gen *g)
{
	return g->n.functions * 15 + g->n.stores * 5;
}

static const char *answer_value(struct gen *g, const struct question_ref *q, bool *risky)
{
	long r = rnd_below(g, 100);
	const char *safe = strcmp(q->risky, "yes") == 0 ? "no" : "yes";

	*risky = false;
	if (r < 12)
		return "unknown";
	if (r < 37) {
		*risky = true;
		return q->risky;
	}
	return safe;
}

static void write_answers(struct gen *g, long *nrisky)
{
	const char *elem;
	char who[48];
	long j, n = g->n.answers < answer_capacity(g) ? g->n.answers : answer_capacity(g);

	section(g, "answers");
	for (j = 0; j < n; j++) {
		const struct question_ref *q = answer_target(g, j, &elem);
		bool risky;
		const char *value = answer_value(g, q, &risky);
		kv(g, true, "element", elem);
		kv(g, false, "questionnaire", q->qn);
		kv(g, false, "question", q->q);
		kv(g, false, "value", value);
		if (strcmp(value, "unknown") == 0)
			kv(g, false, "note",
			   "Nobody in the room knew; an open question was raised.");
		participant_name(j % g->n.participants, who, sizeof(who));
		kv(g, false, "who", who);
		fprintf(g->out, "    when: 2026-%02ld-%02ldT10:%02ld:00Z\n", 1 + j % 12, 1 + j % 28,
			j % 60);
		kvl(g, "session", 1 + j % g->n.sessions);
		*nrisky += risky;
	}
}

/* ---- open items, participants, votes, sessions, reviews ---- */

static void write_items(struct gen *g)
{
	const struct node *fns = g->nodes + g->n.actors;
	char who[48];
	long i;

	section(g, "open_items");
	for (i = 0; i < g->n.items; i++) {
		bool parking = i % 4 == 3;
		fprintf(g->out, "  - id: %c-%04ld\n", parking ? 'P' : 'Q', i + 1);
		kv(g, false, "kind", parking ? "parking" : "question");
		fprintf(g->out, "    text: Who owns the follow-up for item %ld?\n", i + 1);
		participant_name(i % g->n.participants, who, sizeof(who));
		kv(g, false, "owner", who);
		if (i % 2 == 0)
			fprintf(g->out, "    due: 2027-%02ld-%02ld\n", 1 + i % 12, 1 + i % 28);
		if (!parking)
			kv(g, false, "element", fns[i % g->n.functions].id);
		if (i % 5 == 0)
			kv(g, false, "closed", "true");
	}
}

static void write_participants(struct gen *g)
{
	char name[48];
	long i;

	section(g, "participants");
	for (i = 0; i < g->n.participants; i++) {
		participant_name(i, name, sizeof(name));
		kv(g, true, "name", name);
		kv(g, false, "role", roles[i % (sizeof(roles) / sizeof(roles[0]))]);
	}
}

static long gcd(long a, long b)
{
	while (b) {
		long t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/* Each participant spreads their votes over distinct threats (a step coprime to the count),
 * within the three dots everyone has: 2, then 1. */
static void write_votes(struct gen *g)
{
	long per = (g->n.votes + g->n.participants - 1) / g->n.participants, step = 13, p, k,
	     done = 0;
	char name[48];

	if (per > g->n.threats)
		per = g->n.threats;
	while (gcd(step, g->n.threats) != 1)
		step++;
	section(g, "votes");
	for (p = 0; p < g->n.participants && done < g->n.votes; p++) {
		participant_name(p, name, sizeof(name));
		for (k = 0; k < per && done < g->n.votes; k++, done++) {
			kv(g, true, "participant", name);
			fprintf(g->out, "    threat: T-%04ld\n",
				(p * 7919 + k * step) % g->n.threats + 1);
			kvl(g, "count", k == 0 ? 2 : 1);
		}
	}
}

static void write_sessions(struct gen *g)
{
	static const char *const phases[] = {"context", "walk", "prioritise", "wrap-up"};
	static const int minutes[] = {10, 30, 10, 10};
	long s;
	int p;

	section(g, "sessions");
	for (s = 0; s < g->n.sessions; s++) {
		fprintf(g->out, "  - number: %ld\n", s + 1);
		kv(g, false, "mode", s % 3 == 2 ? "review" : "workshop");
		kv(g, false, "facilitator", first_names[0]);
		fprintf(g->out, "    started: 2026-%02ld-%02ldT09:00:00Z\n", 1 + s % 12,
			1 + s % 28);
		fprintf(g->out, "    ended: 2026-%02ld-%02ldT10:00:00Z\n", 1 + s % 12, 1 + s % 28);
		fprintf(g->out, "    phases:\n");
		for (p = 0; p < 4; p++) {
			fprintf(g->out, "      - name: %s\n        minutes: %d\n", phases[p],
				minutes[p]);
			fprintf(g->out, "        started: 2026-%02ld-%02ldT09:%02d:00Z\n",
				1 + s % 12, 1 + s % 28, p * 15);
			fprintf(g->out, "        ended: 2026-%02ld-%02ldT09:%02d:00Z\n", 1 + s % 12,
				1 + s % 28, p * 15 + 14);
		}
	}
}

static void write_reviews(struct gen *g)
{
	long i, n = g->n.reviews < g->n.threats ? g->n.reviews : g->n.threats;

	section(g, "reviews");
	for (i = 0; i < n; i++) {
		fprintf(g->out, "  - subject: threat:T-%04ld\n", i * (g->n.threats / n) + 1);
		kv(g, false, "comment", "Rating checked against the asset inventory.");
		kv(g, false, "who", "Priya");
		fprintf(g->out, "    at: 2026-06-%02ldT14:%02ld:00Z\n", 1 + i % 28, i % 60);
	}
}

static int generate(FILE *out, double scale)
{
	struct gen g = {out, 0x5712d3a1cULL, {0}, NULL, 0, NULL};
	long nrisky = 0;

	counts_init(&g.n, scale);
	g.nodes =
	    calloc((size_t)(g.n.actors + g.n.functions + g.n.stores + g.n.flows), sizeof(*g.nodes));
	g.first_threat_of = calloc((size_t)g.n.threats, sizeof(*g.first_threat_of));
	if (!g.nodes || !g.first_threat_of) {
		fprintf(stderr, "genmodel: out of memory\n");
		return 1;
	}
	write_header(&g, scale);
	write_boundaries(&g);
	section(&g, "elements");
	write_actors(&g);
	write_functions(&g);
	write_stores(&g);
	write_flows(&g);
	fprintf(out, "assumptions:\n  - Every account is dedicated to this platform.\n"
		     "  - Deployments go through the pipeline only.\n");
	write_threats(&g);
	write_mitigations(&g);
	write_coverage(&g);
	write_answers(&g, &nrisky);
	write_items(&g);
	write_participants(&g);
	write_votes(&g);
	write_sessions(&g);
	write_reviews(&g);
	free(g.nodes);
	free(g.first_threat_of);
	return ferror(out) ? 1 : 0;
}

static int usage(void)
{
	fprintf(stderr,
		"usage: genmodel [--scale FACTOR] [-o FILE]\n"
		"writes the benchmark reference model (README, Performance) as system-model YAML;\n"
		"FACTOR multiplies every count (0.1, 1, 10; default 1)\n");
	return 2;
}

int main(int argc, char **argv)
{
	const char *path = NULL;
	double scale = 1.0;
	FILE *out = stdout;
	int i, rc;

	for (i = 1; i < argc; i++) {
		char *end;
		if (strcmp(argv[i], "--scale") == 0 && i + 1 < argc) {
			errno = 0;
			scale = strtod(argv[++i], &end);
			if (errno || *end || !(scale > 0) || scale > 1000) {
				fprintf(stderr, "genmodel: error: bad scale '%s'\n", argv[i]);
				return 2;
			}
		} else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
			path = argv[++i];
		} else {
			return usage();
		}
	}
	if (path && !(out = fopen(path, "w"))) {
		fprintf(stderr, "genmodel: error: cannot write '%s': %s\n", path, strerror(errno));
		return 2;
	}
	rc = generate(out, scale);
	if (path && fclose(out) != 0)
		rc = 1;
	if (rc)
		fprintf(stderr, "genmodel: error: writing the model failed\n");
	return rc;
}
