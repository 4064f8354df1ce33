/* plan_answers.c — reading a plan's "answers" section: how answers to reporters' questions are graded
 * (the countdown, the shares of each part, the costs of traps and stiff words, evasion phrases). */
#include <math.h>

#include "plan_parse.h"

int score_pj_answers(score_pj *j, const cJSON *v, const char *path, plan_answers *a)
{
    static const char *const keys[] = {"title", "points", "minutes", "grace", "on_time", "expects", "followup",
                                       "trap", "stiff", "evasion", "stiff_words", "pending", "weights", NULL};
    a->present = 1;
    if (score_pj_object(j, v, path) || score_pj_known_keys(j, v, path, keys) ||
        score_pj_head(j, v, path, "answer", &a->h) ||
        score_pj_number(j, v, path, "minutes", 1, 0, 1, SCORE_PLAN_MAX_MINUTES, &a->minutes) ||
        score_pj_number(j, v, path, "grace", 0, 0, 0, SCORE_PLAN_MAX_MINUTES, &a->grace) ||
        score_pj_number(j, v, path, "on_time", 1, 0, 0, 1, &a->on_time) ||
        score_pj_number(j, v, path, "expects", 1, 0, 0, 1, &a->expects) ||
        score_pj_number(j, v, path, "followup", 1, 0, 0, 1, &a->followup) ||
        score_pj_number(j, v, path, "trap", 0, 0, 0, 1, &a->trap) ||
        score_pj_number(j, v, path, "stiff", 0, 0, 0, 1, &a->stiff) ||
        score_pj_detector_at(j, v, path, "evasion", 1, &a->evasion) ||
        score_pj_detector_at(j, v, path, "stiff_words", 0, &a->stiff_words) ||
        score_pj_detector_at(j, v, path, "pending", 0, &a->pending))
        return -1;
    if (fabs(a->on_time + a->expects + a->followup - 1.0) > 1e-6)
        return score_pj_fail(j, path, "on_time, expects and followup must add up to 1");
    if (a->stiff > 0 && !a->stiff_words.lex && !a->stiff_words.phrases.count)
        return score_pj_fail(j, path, "a stiff cost needs stiff_words");
    return 0;
}
