/*
 * What the element mapping (import_iac.c), the flow rules (iac_flows.c), the evidence rules
 * (iac_evidence.c) and their shared helpers (iac_resolve.c, iac_policy.c) share while one
 * document becomes part of a model. Internal to those files.
 */
#ifndef SW_IAC_BUILD_H
#define SW_IAC_BUILD_H

#include <stdbool.h>
#include <stddef.h>

#include "iac.h"
#include "iac_map.h"
#include "model.h"
#include "strmap.h"

/* A flow made so far, with what its name is made of. */
struct iac_flow_note {
	char *key;
	struct element *flow;
	unsigned access;
	bool named; /* a verb names it; the access no longer does */
};

struct reslist {
	struct iac_res **items;
	size_t n, cap;
};

struct iac_build {
	struct model *m; /* being built; owns what is added */
	struct iac_doc *doc; /* the document being mapped */
	const char *now; /* ISO time stamped on answers */
	const char *account; /* the account boundary's id */
	char *internet; /* the boundary of callers, made when the first one is */
	struct strmap names; /* physical name -> struct reslist of the resources of that name */
	struct strmap attached; /* resource id -> struct reslist of helpers naming it */
	struct strmap flows; /* "from to" -> struct iac_flow_note */
	struct iac_flow_note **notes;
	size_t nnotes, notes_cap;
	struct strmap role_users; /* role id -> struct reslist of what runs under it */
	struct strmap vpcs; /* VPC key -> boundary id (owned string) */
	struct reslist **owned_lists; /* every reslist made, to free them */
	size_t nowned, owned_cap;
};

/* Access a flow or a grant gives. */
#define IAC_READ 1u
#define IAC_WRITE 2u

/* --- iac_resolve.c --- */

/* Indexes the document: physical names, helpers by what they name, roles by their users. */
void iac_build_index(struct iac_build *b);
void iac_build_release_doc(struct iac_build *b);

/* Calls fn for every resource `v` names: references, and names or ARNs written out. */
void iac_each_target(const struct iac_build *b, const struct iac_value *v,
		     void (*fn)(struct iac_res *r, const struct iac_value *at, void *arg),
		     void *arg);
struct iac_res *iac_target(const struct iac_build *b, const struct iac_value *v);
/* The resource a literal (name, ARN, queue URL) names, or NULL. */
struct iac_res *iac_target_by_name(const struct iac_build *b, const char *text);
/* The same, of class `cls` only (IC_CLASS_COUNT: any, preferring the ARN's service). */
struct iac_res *iac_target_named(const struct iac_build *b, const char *text, enum iac_class cls);
/* The helpers that name `r` as theirs (IF_TARGET), in file order; never NULL. */
const struct reslist *iac_helpers(const struct iac_build *b, const struct iac_res *r);
/* The fact of `r`, or of the first helper of `r` whose row has it; *holder gets who had it. */
const struct iac_value *iac_fact_of(const struct iac_build *b, const struct iac_res *r,
				    enum iac_fact f, const struct iac_res **holder);
/* The role a function (or state machine, pipe) runs as, when the file defines it. */
struct iac_res *iac_role_of(const struct iac_build *b, const struct iac_res *r);
/* What runs under a role: functions, state machines, integrations. Never NULL. */
const struct reslist *iac_role_users(const struct iac_build *b, const struct iac_res *role);
/* The element id of a resource, or NULL when it is not an element. */
const char *iac_element_of(const struct iac_build *b, const struct iac_res *r);
/* The element a value names (a reference or a name), or NULL. */
const char *iac_element_named(const struct iac_build *b, const struct iac_value *v);
bool iac_is(const struct iac_res *r, enum iac_class c);

/* Text for evidence: "Environment.Variables.TOPIC_ARN: !Ref MySNSTopic". */
void iac_prop_text(const char *path, const struct iac_value *v, struct sbuf *out);

/* --- iac_policy.c --- */

/* One permission a principal holds, from any of the places a template can give it. */
struct iac_grant {
	const struct iac_res *holder; /* the resource it is written in */
	int line;
	const char *where; /* "Policies: DynamoDBCrudPolicy", "PolicyDocument" (arena text) */
	const struct iac_value *actions; /* NULL for a SAM template or a managed policy */
	const struct iac_value *resources;
	bool deny;
	bool not_action; /* NotAction: everything but the listed actions */
	const char *managed; /* a managed policy's name ("AdministratorAccess"), or NULL */
	const char *service; /* a SAM policy template's service ("dynamodb"), or NULL */
	unsigned access; /* a SAM policy template's access */
	bool unknown; /* a policy whose content is not in the file */
};

/* Calls fn for every grant of what `r` runs as: its role's policies, or SAM's Policies. */
void iac_each_grant(const struct iac_build *b, const struct iac_res *r,
		    void (*fn)(const struct iac_grant *g, void *arg), void *arg);
/* Calls fn for every grant of a role: inline, attached and managed policies. */
void iac_each_role_grant(const struct iac_build *b, const struct iac_res *role,
			 void (*fn)(const struct iac_grant *g, void *arg), void *arg);
/* Calls fn for every statement of a policy document (a map, JSON text, or a document). */
void iac_each_statement(const struct iac_build *b, const struct iac_value *doc,
			const struct iac_res *holder, const char *where,
			void (*fn)(const struct iac_grant *g, void *arg), void *arg);
/* Read and write bits of a list of actions, counting only `service`'s (NULL: all). */
unsigned iac_actions_access(const struct iac_value *actions, const char *service);
/* The IAM service prefix of what an element is ("dynamodb"), or NULL. */
const char *iac_service_of(const struct iac_res *r);
/* True for "*", "svc:*" or NotAction. */
bool iac_grant_wildcard_action(const struct iac_grant *g);
bool iac_grant_wildcard_resource(const struct iac_grant *g);
/* Can change IAM, pass a role or assume one. */
bool iac_grant_iam_write(const struct iac_grant *g);
/* A broad managed policy ("AdministratorAccess", "...FullAccess"). */
bool iac_managed_broad(const char *name);

/* --- import_iac.c --- */

/*
 * The flow from -> to, made or merged with the one there: `verb` names it ("Invoke"), else its
 * access does ("Read and write"); `holder`, `line` and `property` are its evidence.
 */
struct element *iac_flow(struct iac_build *b, const char *from, const char *to, const char *verb,
			 const char *protocol, unsigned access, const struct iac_res *holder,
			 int line, const char *property);
/*
 * An element the code implies without a resource of its own (the rule of a Schedule event):
 * a process of catalog `type`, id from `holder`'s slug and `suffix`, in the account.
 */
const char *iac_implicit(struct iac_build *b, const struct iac_res *holder, const char *suffix,
			 const char *type, const char *name, int line, const char *property);
/* The caller entity in front of a public entry point, and its flow into the account. */
void iac_caller(struct iac_build *b, const struct iac_res *entry, const char *protocol);
/* An answer the code settles, with its evidence; the first rule to answer wins. */
void iac_answer(struct iac_build *b, const char *element, const char *questionnaire,
		const char *question, const char *value, const struct iac_res *holder, int line,
		const char *property);

/* --- the rules --- */
void iac_flows(struct iac_build *b); /* iac_flows.c */
void iac_evidence(struct iac_build *b); /* iac_evidence.c */

#endif
