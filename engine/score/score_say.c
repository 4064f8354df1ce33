/* score_say.c — how the rule families explain a line: clauses appended to the line's explanation and
 * the slot values they share (plan titles in zh and en, minutes, counts, action kinds, roles, terms). */
#include "score_internal.h"

_Static_assert(SW_ACT_ASK_1 == SW_ACT_REPORT_1 + 2 * SIM_ACT_ASK && SW_ACT_ASK_N == SW_ACT_ASK_1 + 1 &&
                   SIM_ACT_ASK + 1 == SIM_ACT_COUNT,
               "why_keys.h lists one and many per action type, in sim_action_type order");
_Static_assert(SW_ROLE_LOGISTICS == SW_ROLE_SPOKESPERSON + SIM_ROLE_LOGISTICS && SW_ROLE_ANY == SW_ROLE_LOGISTICS + 1,
               "roles in sim_role order");
_Static_assert(SW_LOGI_MATERIALS == SW_LOGI_VENUE + SIM_LOGISTICS_MATERIALS, "logistics items in sim_logistics order");
_Static_assert(SW_LEVEL_RED == SW_LEVEL_BLUE + 3, "warning levels blue .. red in order");

score_clause *score_say(score_ctx *x, score_line *l, score_key key)
{
    if (!l || x->oom)
        return NULL;
    if (!l->expl && !(l->expl = score_why_new(SW_JOIN_SENTENCE, SW_JOIN_SENTENCE, &x->oom)))
        return NULL;
    return score_why_add(l->expl, key, &x->oom);
}

score_clause *score_say_aside(score_ctx *x, score_why **w, score_key key)
{
    if (x->oom)
        return NULL;
    if (!*w && !(*w = score_why_new(SW_JOIN_SENTENCE, SW_JOIN_SENTENCE, &x->oom)))
        return NULL;
    return score_why_add(*w, key, &x->oom);
}

void score_line_tell(score_ctx *x, score_line *l, score_why **w)
{
    if (l && !x->oom && !l->expl) {
        l->expl = *w;
        *w = NULL;
    }
    score_why_free(*w);
    *w = NULL;
}

void score_put_text(score_ctx *x, score_clause *c, const char *slot, const sim_text *t)
{
    score_put_pair(c, slot, sim_text_get(t, "zh"), sim_text_get(t, "en"), &x->oom);
}

void score_put_str(score_ctx *x, score_clause *c, const char *slot, const char *s)
{
    score_put_same(c, slot, s, &x->oom);
}

void score_put_int(score_ctx *x, score_clause *c, const char *slot, int v)
{
    score_put_fmt(c, &x->oom, slot, "%d", v);
}

void score_put_minutes(score_ctx *x, score_clause *c, const char *slot, double seconds)
{
    char m[32];
    score_put_same(c, slot, score_fmt_minutes(m, sizeof m, seconds), &x->oom);
}

void score_put_term(score_ctx *x, score_clause *c, const char *slot, score_key key)
{
    score_put_clause(c, slot, key, &x->oom);
}

void score_put_actions(score_ctx *x, score_clause *c, const char *slot, unsigned mask, int many)
{
    score_put_same(c, slot, "", &x->oom);   /* an empty mask names nothing */
    for (int t = 0; t < SIM_ACT_COUNT; t++)
        if ((mask >> (unsigned)t) & 1u)
            score_put_item(c, slot, (score_key)(SW_ACT_REPORT_1 + 2 * t + (many ? 1 : 0)), SW_JOIN_LIST, SW_JOIN_OR,
                           &x->oom);
}

score_key score_role_key(int role)
{
    return role >= 0 && role < SIM_ROLE_COUNT ? (score_key)(SW_ROLE_SPOKESPERSON + role) : SW_ROLE_ANY;
}
