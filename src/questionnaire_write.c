/* Questionnaire YAML out of a loaded questionnaire (see questionnaire_write.h). */
#include "questionnaire_write.h"

#include "treew.h"

static void write_letter(struct tw *y, enum stride_letter l)
{
	char one[2] = {stride_char(l), '\0'};

	tw_str(y, one);
}

/* `first` leads (a suggestion's primary letter); the rest follow in STRIDE order. */
static void write_letters(struct tw *y, const char *key, int first, unsigned set)
{
	int l;

	tw_key(y, key);
	tw_seq_begin(y, true);
	if (first >= 0)
		write_letter(y, (enum stride_letter)first);
	for (l = 0; l < STRIDE_COUNT; l++)
		if ((set & STRIDE_BIT(l)) && l != first)
			write_letter(y, (enum stride_letter)l);
	tw_seq_end(y);
}

static void write_applies(struct tw *y, const struct applies_to *at)
{
	int k;

	tw_key(y, "applies_to");
	tw_map_begin(y, true);
	if (at->kinds) {
		tw_key(y, "kinds");
		tw_seq_begin(y, true);
		for (k = 0; k < KIND_COUNT; k++)
			if (at->kinds & KIND_BIT(k))
				tw_str(y, element_kind_name((enum element_kind)k));
		tw_seq_end(y);
	}
	tw_kv_list_opt(y, "types", &at->types, true);
	tw_map_end(y);
}

static void write_suggests(struct tw *y, struct suggestion *const *list, size_t n)
{
	size_t i;

	if (!n)
		return;
	tw_key(y, "suggests");
	tw_seq_begin(y, false);
	for (i = 0; i < n; i++) {
		const struct suggestion *s = list[i];
		tw_map_begin(y, false);
		tw_kv_str(y, "threat", s->threat);
		tw_kv_str_opt(y, "description", s->description);
		write_letters(y, "stride", (int)s->letter, s->extra);
		tw_kv_int(y, "likelihood", s->likelihood);
		tw_kv_int(y, "impact", s->impact);
		tw_kv_list_opt(y, "mitigations", &s->mitigations, false);
		tw_map_end(y);
	}
	tw_seq_end(y);
}

static void write_options(struct tw *y, const struct question *q)
{
	size_t i;

	if (q->type != ANSWER_CHOICE)
		return;
	tw_key(y, "options");
	tw_seq_begin(y, false);
	for (i = 0; i < q->noptions; i++) {
		const struct question_option *o = q->options[i];
		tw_map_begin(y, false);
		tw_kv_str(y, "id", o->id);
		tw_kv_str(y, "label", o->label);
		tw_kv_true_opt(y, "risky", o->risky);
		write_suggests(y, o->suggests, o->nsuggests);
		tw_map_end(y);
	}
	tw_seq_end(y);
}

static void write_show_if(struct tw *y, const struct show_if *si)
{
	if (!si->question)
		return;
	tw_key(y, "show_if");
	tw_map_begin(y, true);
	tw_kv_str(y, "question", si->question);
	tw_kv_list_opt(y, "answer", &si->answers, true);
	tw_map_end(y);
}

static void write_question(struct tw *y, const struct question *q)
{
	tw_map_begin(y, false);
	tw_kv_str(y, "id", q->id);
	tw_kv_true_opt(y, "core", q->core);
	tw_kv_str(y, "text", q->text);
	tw_kv_str_opt(y, "help", q->help);
	tw_kv_str(y, "answer", answer_type_name(q->type));
	if (q->applies_to.kinds || q->applies_to.types.count)
		write_applies(y, &q->applies_to);
	if (q->stride)
		write_letters(y, "stride", -1, q->stride);
	write_options(y, q);
	/* Choice questions carry their risky answers on the options, written above. */
	if (q->type == ANSWER_YES_NO)
		tw_kv_list_opt(y, "risky", &q->risky, true);
	write_show_if(y, &q->show_if);
	write_suggests(y, q->suggests, q->nsuggests);
	tw_map_end(y);
}

int questionnaire_write(const struct questionnaire *qn, struct sbuf *out, struct sw_error *err)
{
	struct tw *y = tw_new_yaml(out);
	size_t i;

	tw_map_begin(y, false);
	tw_kv_str(y, "id", qn->id);
	tw_kv_str(y, "title", qn->title);
	tw_kv_int(y, "version", qn->version);
	tw_kv_str_opt(y, "summary", qn->summary);
	write_applies(y, &qn->applies_to);
	tw_key(y, "questions");
	tw_seq_begin(y, false);
	for (i = 0; i < qn->nquestions; i++)
		write_question(y, qn->questions[i]);
	tw_seq_end(y);
	tw_map_end(y);
	if (tw_finish(y))
		return sw_error(err, "cannot write questionnaire '%s' (a string is not UTF-8)",
				qn->id);
	return 0;
}
