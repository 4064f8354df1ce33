/* test_score_agreement.c — Krippendorff's alpha (ordinal) against published and hand-computed values, its
 * undefined cases, the automatic score on the HSEEP scale, and alpha over stored ratings. */
#include <math.h>
#include <string.h>

#include "check.h"
#include "store/store.h"

#define M (-1)

/* Krippendorff's worked example ("Computing Krippendorff's alpha-reliability", 2011): 4 observers, 12 units,
 * values 1..5 (here 0..4), missing values; the published ordinal alpha is 0.815. */
static void published_example(void)
{
    static const int by_observer[4][12] = {
        {0, 1, 2, 2, 1, 0, 3, 0, 1, M, M, M},
        {0, 1, 2, 2, 1, 1, 3, 0, 1, 4, M, 2},
        {M, 2, 2, 2, 1, 2, 3, 1, 1, 4, 0, M},
        {0, 1, 2, 2, 1, 3, 3, 0, 1, 4, 0, M},
    };
    int v[12 * 4];
    for (int u = 0; u < 12; u++)
        for (int c = 0; c < 4; c++)
            v[u * 4 + c] = by_observer[c][u];
    score_agreement a;
    CHECK(score_alpha_ordinal(v, 12, 4, 5, &a) == 0);
    CHECK(a.defined);
    CHECK_MSG(fabs(a.alpha - 0.815) < 0.0005, "alpha %.4f", a.alpha);
    CHECK(a.units == 11 && a.values == 40);   /* unit 12 has one value: not pairable */
}

/* Two observers, three units: (P,P), (S,M), (U,U) as ranks 3,3 / 2,1 / 0,0. By hand: marginals n = 1 U, 1 M,
 * 1 S, 2 P... counted per value over pairable units: U 2, M 1, S 1, P 2 (n = 6). Observed disagreement: the
 * pair (S,M) twice, weight 1 each, delta^2(M,S) = (1 + 1 - (1 + 1)/2)^2 = 1. Expected: sum over c != k of
 * n_c n_k delta^2(c,k) with delta(U,M) = (2+1) - 1.5 = 1.5, delta(U,S) = (2+1+1) - 1.5 = 2.5,
 * delta(U,P) = 6 - 2 = 4, delta(M,S) = 1, delta(M,P) = (1+1+2) - 1.5 = 2.5, delta(S,P) = 3 - 1.5 = 1.5:
 * 2 * (2*1*2.25 + 2*1*6.25 + 2*2*16 + 1*1*1 + 1*2*6.25 + 1*2*2.25) = 2 * 99 = 198.
 * alpha = 1 - (n - 1) * 2 / 198 = 1 - 10 / 198. */
static void by_hand(void)
{
    const int v[] = {3, 3, 2, 1, 0, 0};
    score_agreement a;
    CHECK(score_alpha_ordinal(v, 3, 2, 4, &a) == 0);
    CHECK(a.defined && a.units == 3 && a.values == 6);
    CHECK_MSG(fabs(a.alpha - (1.0 - 10.0 / 198.0)) < 1e-12, "alpha %.6f", a.alpha);
    /* Perfect agreement over different values: 1. */
    const int same[] = {3, 3, 0, 0, 2, 2};
    CHECK(score_alpha_ordinal(same, 3, 2, 4, &a) == 0 && a.defined && fabs(a.alpha - 1.0) < 1e-12);
}

/* Not defined: one observer; every value the same; no unit rated twice. */
static void undefined(void)
{
    score_agreement a;
    const int one[] = {3, 2, 1};
    CHECK(score_alpha_ordinal(one, 3, 1, 4, &a) == 0 && !a.defined && a.units == 0);
    const int all_p[] = {3, 3, 3, 3};
    CHECK(score_alpha_ordinal(all_p, 2, 2, 4, &a) == 0 && !a.defined && a.units == 2);
    const int apart[] = {3, M, M, 2};
    CHECK(score_alpha_ordinal(apart, 2, 2, 4, &a) == 0 && !a.defined && a.units == 0);
}

static void grades(void)
{
    CHECK(score_grade_of(9, 10) == 'P');
    CHECK(score_grade_of(8.99, 10) == 'S');
    CHECK(score_grade_of(7, 10) == 'S');
    CHECK(score_grade_of(4, 10) == 'M');
    CHECK(score_grade_of(3.99, 10) == 'U');
    CHECK(score_grade_of(-2, 10) == 'U');
    CHECK(score_grade_of(0, 0) == 0);
    CHECK(score_grade_rank('U') == 0 && score_grade_rank('P') == 3 && score_grade_rank('X') == -1);
}

/* Stored ratings as store_rating_list orders them: units by kind and target, observers by name. */
static void from_ratings(void)
{
    store_rating r[] = {
        {.kind = STORE_RATE_LINE, .target = "a", .observer = "王老师", .grade = 'P'},
        {.kind = STORE_RATE_LINE, .target = "a", .observer = "李老师", .grade = 'P'},
        {.kind = STORE_RATE_LINE, .target = "b", .observer = "王老师", .grade = 'S'},
        {.kind = STORE_RATE_LINE, .target = "b", .observer = "李老师", .grade = 'M'},
        {.kind = STORE_RATE_ACTION, .target = "3", .observer = "王老师", .grade = 'U'},
        {.kind = STORE_RATE_ACTION, .target = "3", .observer = "李老师", .grade = 'U'},
    };
    score_agreement a;
    CHECK(store_ratings_agreement(r, 6, &a) == 0);
    CHECK(a.observers == 2 && a.units == 3 && a.defined);
    CHECK_MSG(fabs(a.alpha - (1.0 - 10.0 / 198.0)) < 1e-12, "alpha %.6f", a.alpha);
    CHECK(store_ratings_agreement(r, 0, &a) == 0 && !a.defined && a.units == 0);
}

int main(void)
{
    published_example();
    by_hand();
    undefined();
    grades();
    from_ratings();
    return CHECK_DONE();
}
