/* score_form.c — form and tone lines: the elements a statement must carry (time, place, what
 * happened, measures, next update, contact, apology, empathy; in time when the element has a `by`
 * deadline), the three-part reply, forbidden phrases. */
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
    score_line *l = score_line_add(x, prefix, h, "form", required ? h->points : 0);
    score_line_set(l, 0);
    score_clause *c = score_say(x, l, required ? SW_FM_NONE_REQUIRED : SW_FM_NONE);
    if (required)
        score_put_text(x, c, "title", &h->title);
    score_put_actions(x, c, "kinds", mask, 0);
}

#define MAX_LOOKED 4     /* examples a missed element's explanation names */
#define MAX_LOOKED_FACTS 2

typedef struct looked {
    const char *zh[MAX_LOOKED], *en[MAX_LOOKED];
    int n;
} looked;

static void look(looked *lk, const char *zh, const char *en)
{
    if (lk->n < MAX_LOOKED && (zh || en)) {
        lk->zh[lk->n] = zh ? zh : en;
        lk->en[lk->n++] = en ? en : zh;
    }
}

/* A lexicon list's first Chinese word and first English one (a word of digits, like 12345, is neither). */
static void look_lex(looked *lk, const sim_strlist *words)
{
    const char *zh = NULL, *en = NULL;
    for (int i = 0; i < words->count; i++) {
        unsigned char c = (unsigned char)words->items[i][0];
        if (c >= 0x80 && !zh)
            zh = words->items[i];
        else if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && !en)
            en = words->items[i];
    }
    look(lk, zh, en);
}

/* What a detector looks for, as examples: the scenario's place or body, facts of the listed kinds that
 * were verified in the drill, the plan's phrases, words of the lexicon lists. */
static void looked_for(const score_ctx *x, const plan_detector *d, looked *lk)
{
    const sim_scenario *s = x->w->scn;
    if (d->scenario & SCN_TEXT_PLACE)
        look(lk, s->place.zh, s->place.en);
    if (d->scenario & SCN_TEXT_OFFICIAL)
        look(lk, s->official.zh, s->official.en);
    for (int f = 0, facts = 0; f < s->n_facts && facts < MAX_LOOKED_FACTS && d->fact_kinds.count; f++) {
        if (x->verified_at[f] != SIM_NEVER && score_kind_listed(&d->fact_kinds, s->facts[f].kind)) {
            look(lk, s->facts[f].text.zh, s->facts[f].text.en);
            facts++;
        }
    }
    for (int i = 0; i < d->phrases.count; i++)
        look(lk, d->phrases.items[i], NULL);
    for (int k = 0; k < SIM_LEX_COUNT; k++)
        if ((d->lex >> (unsigned)k) & 1u)
            look_lex(lk, &x->lex->words[k]);
}

/* "要找的例如「南城区东门菜市场」或「今日」。" after a missed element's verdict. */
static void say_expected(score_ctx *x, score_line *l, const plan_detector *d)
{
    looked lk = {.n = 0};
    looked_for(x, d, &lk);
    if (lk.n == 0)
        return;
    score_clause *c = score_say(x, l, SW_FM_EL_EXPECTED);
    for (int i = 0; i < lk.n; i++)
        score_put_pair(score_put_item(c, "what", SW_FM_EL_LOOK, SW_JOIN_LIST, SW_JOIN_OR, &x->oom), "item", lk.zh[i],
                       lk.en[i], &x->oom);
}

static void element_line(score_ctx *x, const plan_element *el)
{
    int n = count_applicable(x, el->applies);
    if (n == 0) {
        nothing_to_judge(x, "form.", &el->h, el->applies, el->required);
        return;
    }
    score_line *l = score_line_add(x, "form.", &el->h, "form", el->h.points);
    int judged = 0, found = 0;
    double kept = 1.0, credit = 1.0, credits = 0;
    for (int i = 0; i < x->n_acts; i++) {
        const score_act *act = &x->acts[i];
        if (!score_act_is(act, el->applies))
            continue;
        judged++;
        sim_span span;
        if (act->credit > 0 && score_detect_words(x, &el->d, act, &span)) {
            double k = score_by_kept(x, &el->by, act->a->t);
            if (!found || k * act->credit > kept * credit) {
                kept = k;
                credit = act->credit;
            }
            found++;
            credits += act->credit;
            if (l && l->n_ev < MAX_EVIDENCE)
                score_line_evidence(x, l, act, span);
        } else if (el->scope == SCOPE_FIRST) {
            score_line_evidence_head(x, l, act);
        }
        if (el->scope == SCOPE_FIRST || (el->scope == SCOPE_ANY && found && credit >= 1))
            break;
    }
    score_key key;
    if (el->scope == SCOPE_ALL) {
        score_line_set(l, el->h.points * credits / judged);
        key = SW_FM_EL_SHARE;
    } else if (found) {
        score_line_set(l, el->h.points * kept * credit);
        key = el->scope == SCOPE_FIRST ? SW_FM_EL_FIRST : SW_FM_EL_ANY;
    } else {
        score_line_set(l, 0);
        key = el->scope == SCOPE_FIRST ? SW_FM_EL_FIRST_MISSING : judged == 1 ? SW_FM_EL_ONLY_MISSING
                                                                             : SW_FM_EL_NONE_DONE;
    }
    int counted = key == SW_FM_EL_SHARE || key == SW_FM_EL_NONE_DONE;
    score_clause *c = score_say(x, l, key);
    score_put_text(x, c, "title", &el->h.title);
    score_put_actions(x, c, "kinds", el->applies, counted && judged != 1);
    if (counted)
        score_put_int(x, c, "judged", judged);
    if (key == SW_FM_EL_SHARE)
        score_put_int(x, c, "found", found);
    if (found < judged && (key != SW_FM_EL_ANY && key != SW_FM_EL_FIRST))
        say_expected(x, l, &el->d);
    if (found && el->scope != SCOPE_ALL)
        score_say_by_late(x, l, &el->by, kept);
    if (found && (el->scope == SCOPE_ALL ? credits < found : credit < 1))
        score_put_fmt(score_say(x, l, SW_FM_EL_CREDIT), &x->oom, "share", "%.0f",
                      100.0 * (el->scope == SCOPE_ALL ? credits / found : credit));
}

static void three_part_line(score_ctx *x)
{
    const plan_three_part *tp = &x->p->three_part;
    int n = count_applicable(x, tp->applies);
    if (n == 0) {
        nothing_to_judge(x, "form.", &tp->h, tp->applies, tp->required);
        return;
    }
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
    score_key key = complete < n ? SW_FM_TP_SOME : n == 1 ? SW_FM_TP_ONE : SW_FM_TP_ALL;
    score_clause *c = score_say(x, l, key);
    score_put_actions(x, c, "kinds", tp->applies, n != 1);
    if (key != SW_FM_TP_ONE)
        score_put_int(x, c, "count", n);
    if (key != SW_FM_TP_SOME) {
        score_put_int(x, c, "parts", tp->n_parts);
        return;
    }
    score_put_int(x, c, "complete", complete);
    for (int k = 0; k < tp->n_parts && k < 16; k++) {
        if (!miss[k])
            continue;
        score_clause *gap = score_put_item(c, "missing", SW_FM_TP_GAP, SW_JOIN_LIST, SW_JOIN_LIST, &x->oom);
        score_put_text(x, gap, "part", &tp->parts[k].title);
        score_put_int(x, gap, "count", miss[k]);
    }
}

#define MAX_NAMES 24   /* distinct forbidden phrases named in the explanation */

typedef struct found_names {
    const char *items[MAX_NAMES];
    int n;
} found_names;

/* Every occurrence of `phrase` in an action's text that no phrase found before overlaps: "恶意造谣"
 * is one hit, not one for it and one for the "造谣" inside it. */
/* Whether a span of the action's text lies inside a falsehood the text denies (quoted to retract it). */
static int retracted(const score_act *act, sim_span sp)
{
    for (int i = 0; act->rd && i < act->rd->n_retracted; i++) {
        sim_span r = act->rd->retracted[i];
        if (r.start <= sp.start && sp.start + sp.len <= r.start + r.len)
            return 1;
    }
    return 0;
}

static int find_all(score_ctx *x, score_line *l, const score_act *act, const char *phrase, found_names *names)
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
            dup = l->ev[e].action == act->index && l->ev[e].span.start < span.start + span.len &&
                  span.start < l->ev[e].span.start + l->ev[e].span.len;
        prev_end = span.start + span.len;
        if (dup || retracted(act, span))
            continue;
        hits++;
        int known = 0;
        for (int i = 0; i < names->n && !known; i++)
            known = strcmp(names->items[i], phrase) == 0;
        if (!known && names->n < MAX_NAMES)
            names->items[names->n++] = phrase;
        score_line_evidence(x, l, act, span);
    }
    return hits;
}

/* What the forbidden rule reads: "public statements" when it covers them all, else the action kinds. */
static void put_kinds(score_ctx *x, score_clause *c, const plan_forbidden *f, int many)
{
    if (f->applies == x->p->public_actions)
        score_put_term(x, c, "kinds", many ? SW_ACT_PUBLIC_N : SW_ACT_PUBLIC_1);
    else
        score_put_actions(x, c, "kinds", f->applies, many);
}

static void forbidden_line(score_ctx *x)
{
    const plan_forbidden *f = &x->p->forbidden;
    found_names names = {.n = 0};
    int n = 0, sound = 0;
    for (int i = 0; i < x->n_acts; i++) {
        n += score_act_is(&x->acts[i], f->applies) && x->acts[i].has_text;
        sound += score_act_is(&x->acts[i], f->applies) && x->acts[i].has_text && x->acts[i].sound;
    }
    if (n == 0) {
        score_line *l = score_line_add(x, "form.", &f->h, "form", 0);
        put_kinds(x, score_say(x, l, SW_FM_NONE), f, 0);
        return;
    }
    score_line *l = score_line_add(x, "form.", &f->h, "form", f->h.points);
    int hits = 0;
    for (int i = 0; i < x->n_acts; i++) {
        const score_act *act = &x->acts[i];
        if (!score_act_is(act, f->applies) || !act->has_text)
            continue;
        for (int k = 0; k < f->phrases.count; k++)
            hits += find_all(x, l, act, f->phrases.items[k], &names);
        for (int lk = 0; lk < SIM_LEX_COUNT; lk++) {
            if (!((f->lex >> (unsigned)lk) & 1u))
                continue;
            const sim_strlist *words = &x->lex->words[lk];
            for (int k = 0; k < words->count; k++)
                hits += find_all(x, l, act, words->items[k], &names);
        }
    }
    /* Clean words earn nothing in texts that say nothing or say what is false. */
    double share = (double)sound / n;
    score_line_set(l, f->h.points * share - f->per_hit * hits);
    if (hits == 0) {
        score_clause *c = score_say(x, l, SW_FM_FB_CLEAN);
        score_put_int(x, c, "count", n);
        put_kinds(x, c, f, n != 1);
        if (sound < n)
            score_put_fmt(score_say(x, l, SW_FM_FB_SHARE), &x->oom, "share", "%.0f", share * 100.0);
        return;
    }
    score_clause *c = score_say(x, l, SW_FM_FB_HITS);
    put_kinds(x, c, f, 1);
    score_put_int(x, c, "hits", hits);
    score_put_fmt(c, &x->oom, "per", "%g", f->per_hit);
    for (int i = 0; i < names.n; i++)
        score_put_str(x, score_put_item(c, "names", SW_FM_FB_NAME, SW_JOIN_LIST, SW_JOIN_LIST, &x->oom), "phrase",
                      names.items[i]);
    if (sound < n)
        score_put_fmt(score_say(x, l, SW_FM_FB_SHARE), &x->oom, "share", "%.0f", share * 100.0);
}

void score_rules_form(score_ctx *x)
{
    for (int i = 0; i < x->p->n_elements; i++)
        element_line(x, &x->p->elements[i]);
    if (x->p->three_part.present)
        three_part_line(x);
    if (x->p->forbidden.present)
        forbidden_line(x);
    if (x->p->flood.present)
        score_rule_flood(x);
}
