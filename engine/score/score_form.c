/* score_form.c — form and tone lines: the elements a statement must carry (time, place, what
 * happened, measures, next update, contact, apology, empathy), the three-part reply, forbidden phrases. */
#include <stdio.h>
#include <string.h>

#include "score_internal.h"

#define MAX_EVIDENCE 16

static int count_applicable(const score_ctx *x, unsigned mask)
{
    int n = 0;
    for (int i = 0; i < x->n_acts; i++)
        n += score_act_is(&x->acts[i], mask);
    return n;
}

/* The line for a rule with nothing to judge: 0 of max when required, else not applicable. */
static void nothing_to_judge(score_ctx *x, const char *prefix, const plan_head *h, unsigned mask, int required)
{
    char kinds[128];
    score_actions_zh(kinds, sizeof kinds, mask);
    score_line *l = score_line_add(x, prefix, h, "form", required ? h->points : 0);
    score_line_set(l, 0);
    if (required)
        score_line_why(x, l, "「%s」：演练中没有任何%s，无从体现，不得分。", h->title.zh, kinds);
    else
        score_line_why(x, l, "演练中没有%s，本项不计分。", kinds);
}

static void element_line(score_ctx *x, const plan_element *el)
{
    char kinds[128];
    int n = count_applicable(x, el->applies);
    if (n == 0) {
        nothing_to_judge(x, "form.", &el->h, el->applies, el->required);
        return;
    }
    score_actions_zh(kinds, sizeof kinds, el->applies);
    score_line *l = score_line_add(x, "form.", &el->h, "form", el->h.points);
    int judged = 0, found = 0;
    for (int i = 0; i < x->n_acts; i++) {
        const score_act *act = &x->acts[i];
        if (!score_act_is(act, el->applies))
            continue;
        judged++;
        sim_span span;
        if (score_detect(x, &el->d, act, &span)) {
            found++;
            if (l && l->n_ev < MAX_EVIDENCE)
                score_line_evidence(x, l, act, span);
        } else if (el->scope == SCOPE_FIRST) {
            score_line_evidence_head(x, l, act);
        }
        if (el->scope == SCOPE_FIRST || (el->scope == SCOPE_ANY && found))
            break;
    }
    const char *t = el->h.title.zh;
    if (el->scope == SCOPE_ALL) {
        score_line_set(l, el->h.points * found / judged);
        score_line_why(x, l, "「%s」：%d份%s中有%d份做到，按比例得分。", t, judged, kinds, found);
    } else if (found) {
        score_line_set(l, el->h.points);
        if (el->scope == SCOPE_FIRST)
            score_line_why(x, l, "「%s」：首份%s做到了。", t, kinds);
        else
            score_line_why(x, l, "「%s」：%s中做到了。", t, kinds);
    } else {
        score_line_set(l, 0);
        if (el->scope == SCOPE_FIRST)
            score_line_why(x, l, "「%s」：首份%s没有做到，不得分。", t, kinds);
        else if (judged == 1)
            score_line_why(x, l, "「%s」：唯一一份%s没有做到，不得分。", t, kinds);
        else
            score_line_why(x, l, "「%s」：%d份%s都没有做到，不得分。", t, judged, kinds);
    }
}

static void three_part_line(score_ctx *x)
{
    const plan_three_part *tp = &x->p->three_part;
    char kinds[128], missing[512] = "";
    int n = count_applicable(x, tp->applies);
    if (n == 0) {
        nothing_to_judge(x, "form.", &tp->h, tp->applies, tp->required);
        return;
    }
    score_actions_zh(kinds, sizeof kinds, tp->applies);
    score_line *l = score_line_add(x, "form.", &tp->h, "form", tp->h.points);
    int miss[16] = {0};
    int complete = 0;
    double share = 0;
    for (int i = 0; i < x->n_acts; i++) {
        const score_act *act = &x->acts[i];
        if (!score_act_is(act, tp->applies))
            continue;
        int have = 0;
        for (int k = 0; k < tp->n_parts; k++) {
            sim_span span;
            if (score_detect(x, &tp->parts[k].d, act, &span)) {
                have++;
                if (l && l->n_ev < MAX_EVIDENCE)
                    score_line_evidence(x, l, act, span);
            } else if (k < 16) {
                miss[k]++;
            }
        }
        complete += have == tp->n_parts;
        share += (double)have / tp->n_parts;
    }
    score_line_set(l, tp->h.points * share / n);
    for (int k = 0; k < tp->n_parts && k < 16; k++)
        if (miss[k])
            score_append(missing, sizeof missing, "%s「%s」%d处", missing[0] ? "、" : "",
                         tp->parts[k].title.zh, miss[k]);
    if (complete == n && n == 1)
        score_line_why(x, l, "%s具备完整的%d个部分。", kinds, tp->n_parts);
    else if (complete == n)
        score_line_why(x, l, "%d份%s都具备完整的%d个部分。", n, kinds, tp->n_parts);
    else
        score_line_why(x, l, "%d份%s中结构完整的有%d份，缺少%s，按各部分比例得分。", n, kinds, complete, missing);
}

/* Every occurrence of `phrase` in an action's text, recorded once per position. */
static int find_all(score_ctx *x, score_line *l, const score_act *act, const char *phrase, char *names,
                    size_t names_len)
{
    int hits = 0, from = 0, prev_end = -1;
    sim_span span;
    for (;;) {
        int at = sim_norm_find(&act->norm, phrase, from, &span);
        if (at < 0)
            break;
        from = at + 1;
        if (span.start < prev_end)
            continue;
        int dup = 0;
        for (int e = 0; l && e < l->n_ev && !dup; e++)
            dup = l->ev[e].action == act->index && l->ev[e].span.start == span.start;
        prev_end = span.start + span.len;
        if (dup)
            continue;
        hits++;
        char quoted[160];
        snprintf(quoted, sizeof quoted, "「%s」", phrase);
        if (!strstr(names, quoted))
            score_append(names, names_len, "%s%s", names[0] ? "、" : "", quoted);
        score_line_evidence(x, l, act, span);
    }
    return hits;
}

static void forbidden_line(score_ctx *x)
{
    const plan_forbidden *f = &x->p->forbidden;
    char kinds[128], names[512] = "";
    int n = 0;
    for (int i = 0; i < x->n_acts; i++)
        n += score_act_is(&x->acts[i], f->applies) && x->acts[i].has_text;
    if (f->applies == x->p->public_actions)
        snprintf(kinds, sizeof kinds, "公开发言");
    else
        score_actions_zh(kinds, sizeof kinds, f->applies);
    if (n == 0) {
        score_line *l = score_line_add(x, "form.", &f->h, "form", 0);
        score_line_why(x, l, "演练中没有%s，本项不计分。", kinds);
        return;
    }
    score_line *l = score_line_add(x, "form.", &f->h, "form", f->h.points);
    int hits = 0;
    for (int i = 0; i < x->n_acts; i++) {
        const score_act *act = &x->acts[i];
        if (!score_act_is(act, f->applies) || !act->has_text)
            continue;
        for (int k = 0; k < f->phrases.count; k++)
            hits += find_all(x, l, act, f->phrases.items[k], names, sizeof names);
        for (int lk = 0; lk < SIM_LEX_COUNT; lk++) {
            if (!((f->lex >> (unsigned)lk) & 1u))
                continue;
            const sim_strlist *words = &x->lex->words[lk];
            for (int k = 0; k < words->count; k++)
                hits += find_all(x, l, act, words->items[k], names, sizeof names);
        }
    }
    score_line_set(l, f->h.points - f->per_hit * hits);
    if (hits == 0)
        score_line_why(x, l, "%d次%s中没有出现禁用语或官腔套话。", n, kinds);
    else
        score_line_why(x, l, "%s中出现%d处禁用语（%s），每处扣%g分。", kinds, hits, names, f->per_hit);
}

void score_rules_form(score_ctx *x)
{
    for (int i = 0; i < x->p->n_elements; i++)
        element_line(x, &x->p->elements[i]);
    if (x->p->three_part.present)
        three_part_line(x);
    if (x->p->forbidden.present)
        forbidden_line(x);
}
