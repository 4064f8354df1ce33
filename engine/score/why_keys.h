/* why_keys.h — the catalogue of scorecard explanation texts: every key the graders use and the named
 * slots its template takes. assets/score/<lang>.json must hold exactly these keys with exactly these slots. */
#ifndef YQ_SCORE_WHY_KEYS_H
#define YQ_SCORE_WHY_KEYS_H

/* X(ENUM, "key", "slot slot ...") */
#define SCORE_WHY_KEYS(X) \
    X(JOIN_SENTENCE, "join.sentence", "") \
    X(JOIN_LIST, "join.list", "") \
    X(JOIN_OR, "join.or", "") \
    \
    X(ACT_REPORT_1, "action.report.one", "") \
    X(ACT_REPORT_N, "action.report.many", "") \
    X(ACT_ASSESS_1, "action.assess.one", "") \
    X(ACT_ASSESS_N, "action.assess.many", "") \
    X(ACT_STRATEGY_1, "action.strategy.one", "") \
    X(ACT_STRATEGY_N, "action.strategy.many", "") \
    X(ACT_STATEMENT_1, "action.statement.one", "") \
    X(ACT_STATEMENT_N, "action.statement.many", "") \
    X(ACT_REPLY_1, "action.reply.one", "") \
    X(ACT_REPLY_N, "action.reply.many", "") \
    X(ACT_REBUT_1, "action.rebut.one", "") \
    X(ACT_REBUT_N, "action.rebut.many", "") \
    X(ACT_PRESS_1, "action.press.one", "") \
    X(ACT_PRESS_N, "action.press.many", "") \
    X(ACT_ANSWER_1, "action.answer.one", "") \
    X(ACT_ANSWER_N, "action.answer.many", "") \
    X(ACT_LEADERS_1, "action.leaders.one", "") \
    X(ACT_LEADERS_N, "action.leaders.many", "") \
    X(ACT_OFFLINE_1, "action.offline.one", "") \
    X(ACT_OFFLINE_N, "action.offline.many", "") \
    X(ACT_VERIFY_1, "action.verify.one", "") \
    X(ACT_VERIFY_N, "action.verify.many", "") \
    X(ACT_MONITOR_1, "action.monitor.one", "") \
    X(ACT_MONITOR_N, "action.monitor.many", "") \
    X(ACT_SUMMARY_1, "action.summary.one", "") \
    X(ACT_SUMMARY_N, "action.summary.many", "") \
    X(ACT_LOGISTICS_1, "action.logistics.one", "") \
    X(ACT_LOGISTICS_N, "action.logistics.many", "") \
    X(ACT_INJECT_1, "action.inject.one", "") \
    X(ACT_INJECT_N, "action.inject.many", "") \
    X(ACT_POST_1, "action.post.one", "") \
    X(ACT_POST_N, "action.post.many", "") \
    X(ACT_ASK_1, "action.ask.one", "") \
    X(ACT_ASK_N, "action.ask.many", "") \
    X(ACT_PUBLIC_1, "action.public.one", "") \
    X(ACT_PUBLIC_N, "action.public.many", "") \
    \
    X(ROLE_SPOKESPERSON, "role.spokesperson", "") \
    X(ROLE_MONITOR, "role.monitor", "") \
    X(ROLE_COMMAND, "role.command", "") \
    X(ROLE_LOGISTICS, "role.logistics", "") \
    X(ROLE_ANY, "role.any", "") \
    X(LOGI_VENUE, "logistics.venue", "") \
    X(LOGI_HOTLINE, "logistics.hotline", "") \
    X(LOGI_TRANSPORT, "logistics.transport", "") \
    X(LOGI_MATERIALS, "logistics.materials", "") \
    X(LEVEL_BLUE, "level.blue", "") \
    X(LEVEL_YELLOW, "level.yellow", "") \
    X(LEVEL_ORANGE, "level.orange", "") \
    X(LEVEL_RED, "level.red", "") \
    \
    X(DL_SINCE_INCIDENT, "deadline.since.incident", "") \
    X(DL_SINCE_CLOCK, "deadline.since.clock", "") \
    X(DL_ON_TIME, "deadline.on_time", "what since minutes limit") \
    X(DL_LATE_FADING, "deadline.late.fading", "what since minutes limit over grace kept") \
    X(DL_LATE_TAIL, "deadline.late.tail", "what since minutes limit over grace kept") \
    X(DL_LATE_FADED, "deadline.late.faded", "what since minutes limit over grace") \
    X(DL_LATE, "deadline.late.zero", "what since minutes limit over") \
    X(DL_NOT_DUE, "deadline.not_due", "end title limit") \
    X(DL_MISSED, "deadline.missed", "title limit") \
    X(DL_UNARRANGED, "deadline.unarranged", "item share") \
    X(DL_RB_WHAT, "deadline.rebuttal.what", "claim") \
    X(DL_RB_EARLY, "deadline.rebuttal.early", "what") \
    X(DL_RB_CROSSED, "deadline.rebuttal.crossed", "claim minutes") \
    X(DL_RB_FACT, "deadline.rebuttal.fact", "claim minutes verified") \
    X(DL_RB_HOLDING, "deadline.rebuttal.holding", "at share") \
    X(DL_RB_UNKNOWN, "deadline.rebuttal.unknown", "") \
    X(DL_RB_NEVER, "deadline.rebuttal.never", "limit") \
    X(DL_RB_AVERAGE, "deadline.rebuttal.average", "count") \
    X(DL_RB_NO_RUMOUR, "deadline.rebuttal.no_rumour", "") \
    X(DL_RB_BELOW, "deadline.rebuttal.below", "reach") \
    X(DL_RB_TOO_LATE, "deadline.rebuttal.too_late", "limit") \
    X(DL_LIMIT_SCENARIO, "deadline.limit.scenario", "limit plan") \
    X(DL_LIMIT_SCALED, "deadline.limit.scaled", "limit plan window duration") \
    \
    X(BY_LATE, "by.late", "deadline limit kept") \
    X(PR_STEP_MISSING, "process.step.missing", "title") \
    X(PR_STEP_BY_ROLE, "process.step.by_role", "title minutes role") \
    X(PR_STEP_DONE, "process.step.done", "title minutes") \
    X(PR_STEP_WRONG_ROLE, "process.step.wrong_role", "title minutes role actual") \
    X(PR_STEP_UNDER, "process.step.under", "title minutes level world") \
    X(PR_STEP_CONTENT, "process.step.content", "title have parts missing") \
    X(PR_STEP_GAP, "process.step.gap", "part") \
    X(PR_ORDER_SWAP, "process.order.swap", "later earlier") \
    X(PR_ORDER_TOO_FEW, "process.order.too_few", "") \
    X(PR_ORDER_OK, "process.order.ok", "steps") \
    X(PR_ORDER_SOME, "process.order.some", "pairs swapped") \
    \
    X(FM_NONE_REQUIRED, "form.none.required", "title kinds") \
    X(FM_NONE, "form.none.optional", "kinds") \
    X(FM_EL_SHARE, "form.element.share", "title judged kinds found") \
    X(FM_EL_CREDIT, "form.element.credit", "share") \
    X(FM_EL_FIRST, "form.element.first", "title kinds") \
    X(FM_EL_ANY, "form.element.any", "title kinds") \
    X(FM_EL_FIRST_MISSING, "form.element.first_missing", "title kinds") \
    X(FM_EL_ONLY_MISSING, "form.element.only_missing", "title kinds") \
    X(FM_EL_NONE_DONE, "form.element.none_done", "title judged kinds") \
    X(FM_EL_EXPECTED, "form.element.expected", "what") \
    X(FM_EL_LOOK, "form.element.look", "item") \
    X(FM_TP_ONE, "form.three_part.one", "kinds parts") \
    X(FM_TP_ALL, "form.three_part.all", "count kinds parts") \
    X(FM_TP_SOME, "form.three_part.some", "count kinds complete missing") \
    X(FM_TP_GAP, "form.three_part.gap", "part count") \
    X(FM_FB_CLEAN, "form.forbidden.clean", "count kinds") \
    X(FM_FB_HITS, "form.forbidden.hits", "kinds hits names per") \
    X(FM_FB_SHARE, "form.forbidden.share", "share") \
    X(FM_FB_NAME, "form.forbidden.name", "phrase") \
    X(FM_FL_CLEAN, "form.flood.clean", "count kinds per_hour") \
    X(FM_FL_HITS, "form.flood.hits", "count kinds per_hour excess peak per total") \
    X(FM_FL_COPIES, "form.flood.copies", "count") \
    \
    X(AC_NO_PUBLIC, "accuracy.no_public", "") \
    X(AC_NOTHING_STATED, "accuracy.nothing_stated", "") \
    X(AC_SHARE, "accuracy.share", "share") \
    X(AC_WEIGHTED, "accuracy.weighted", "cost") \
    X(AC_PROMPT, "accuracy.prompt", "pct minutes") \
    X(AC_UV_NEVER, "accuracy.unverified.never", "fact at") \
    X(AC_UV_EARLY, "accuracy.unverified.early", "fact at verified") \
    X(AC_UV_CLEAN, "accuracy.unverified.clean", "") \
    X(AC_UV_TOTAL, "accuracy.unverified.total", "count per") \
    X(AC_WR_ITEM, "accuracy.wrong.item", "fact stated value unit") \
    X(AC_WR_CLEAN, "accuracy.wrong.clean", "") \
    X(AC_WR_TOTAL, "accuracy.wrong.total", "count per") \
    X(AC_WR_OUTDATED, "accuracy.wrong.outdated", "fact stated first_at at value verified") \
    X(AC_FA_FACT, "accuracy.false.fact", "fact at quote") \
    X(AC_FA_CLAIM, "accuracy.false.claim", "claim at quote") \
    X(AC_FA_RUMOUR, "accuracy.false.rumour", "claim at quote") \
    X(AC_FA_CLEAN, "accuracy.false.clean", "") \
    X(AC_FA_TOTAL, "accuracy.false.total", "count per") \
    X(AC_FA_HURTS, "accuracy.false.hurts", "whom weight") \
    X(AC_FA_WEIGHTED, "accuracy.false.weighted", "cost") \
    X(AC_SP_ITEM, "accuracy.rumour_spread.item", "claim at quote") \
    X(AC_SP_CLEAN, "accuracy.rumour_spread.clean", "") \
    X(AC_SP_TOTAL, "accuracy.rumour_spread.total", "count per") \
    X(AC_RB_REPEAT, "accuracy.rebuttal.repeat", "count") \
    X(AC_CO_ITEM, "accuracy.contradiction.item", "fact first_at first second_at second unit") \
    X(AC_CO_CLEAN, "accuracy.contradiction.clean", "") \
    X(AC_CO_CAUSE, "accuracy.contradiction.cause", "first_at first second_at second") \
    X(AC_CO_TOTAL, "accuracy.contradiction.total", "count per") \
    X(AC_RB_MISSING, "accuracy.rebuttal.missing", "") \
    X(AC_RB_NONE, "accuracy.rebuttal.none", "") \
    X(AC_RB_ONE, "accuracy.rebuttal.one", "") \
    X(AC_RB_ALL, "accuracy.rebuttal.all", "count") \
    X(AC_RB_BARE, "accuracy.rebuttal.bare", "count bare partial") \
    X(AC_CR_ITEM, "accuracy.correction.item", "what at quote known fixed_at") \
    X(AC_CR_NEVER, "accuracy.correction.never", "what at quote known") \
    X(AC_CR_ITEM_FALSE, "accuracy.correction.item_false", "what at quote fixed_at") \
    X(AC_CR_NEVER_FALSE, "accuracy.correction.never_false", "what at quote") \
    X(AC_CR_FULL, "accuracy.correction.full", "limit") \
    X(AC_CR_SILENT, "accuracy.correction.silent", "") \
    X(AC_CR_NO_APOLOGY, "accuracy.correction.no_apology", "whom") \
    X(AC_CR_LATE, "accuracy.correction.late", "limit") \
    X(AC_CR_KEPT, "accuracy.correction.kept", "kept") \
    X(AC_CR_NONE, "accuracy.correction.none", "") \
    \
    X(AN_NOT_DUE, "answer.not_due", "at end") \
    X(AN_NOT_ASKED, "answer.not_asked", "") \
    X(AN_UNANSWERED, "answer.unanswered", "minutes") \
    X(AN_LIVE, "answer.live", "reporter minutes") \
    X(AN_LIVE_OUTLET, "answer.live_outlet", "reporter outlet minutes") \
    X(AN_INSTRUCTOR, "answer.instructor", "") \
    X(AN_EXPECTED, "answer.expected", "facts") \
    X(AN_FACT, "answer.fact", "fact") \
    X(AN_EVASIVE, "answer.evasive", "minutes quote") \
    X(AN_DENIES, "answer.denies", "minutes what") \
    X(AN_FALSE, "answer.false", "minutes what") \
    X(AN_REPEATS, "answer.repeats", "minutes what") \
    X(AN_UNSOUND, "answer.unsound", "minutes") \
    X(AN_ON_TIME, "answer.on_time", "minutes limit") \
    X(AN_LATE, "answer.late", "minutes limit kept") \
    X(AN_CITED_ALL, "answer.cited.all", "count") \
    X(AN_CITED_SOME, "answer.cited.some", "cited count missing") \
    X(AN_CITED_NONE, "answer.cited.none", "missing") \
    X(AN_PENDING_OK, "answer.pending.ok", "") \
    X(AN_PENDING_MISS, "answer.pending.missing", "") \
    X(AN_FOLLOWUP_OK, "answer.followup.ok", "") \
    X(AN_FOLLOWUP_MISS, "answer.followup.missing", "followup") \
    X(AN_TRAP, "answer.trap.early", "fact minutes verified") \
    X(AN_TRAP_NEVER, "answer.trap.never", "fact minutes") \
    X(AN_WRONG, "answer.wrong", "fact minutes") \
    X(AN_STIFF, "answer.stiff", "quote") \
    \
    X(OC_NO_BASELINE, "outcome.no_baseline", "metric") \
    X(OC_AT_BEST, "outcome.at_best", "against metric value") \
    X(OC_RESULT, "outcome.result", "metric run against base change full") \
    X(OC_AGAINST_BASELINE, "outcome.against.baseline", "") \
    X(OC_AGAINST_START, "outcome.against.start", "") \
    X(OC_CHANGE_FLAT, "outcome.change.flat", "") \
    X(OC_CHANGE_BETTER, "outcome.change.better", "pct") \
    X(OC_CHANGE_WORSE, "outcome.change.worse", "pct") \
    X(MT_PEAK_POSTS, "metric.peak_posts_per_hour.name", "") \
    X(MT_PEAK_POSTS_V, "metric.peak_posts_per_hour.value", "value") \
    X(MT_FINAL_POSTS, "metric.final_posts_per_hour.name", "") \
    X(MT_FINAL_POSTS_V, "metric.final_posts_per_hour.value", "value") \
    X(MT_REACH, "metric.max_rumour_reach.name", "") \
    X(MT_REACH_V, "metric.max_rumour_reach.value", "value") \
    X(MT_TRUST, "metric.final_trust.name", "") \
    X(MT_TRUST_V, "metric.final_trust.value", "value") \
    X(MT_READS, "metric.reads_total.name", "") \
    X(MT_READS_V, "metric.reads_total.value", "value") \
    X(MT_COMPLAINTS, "metric.complaints.name", "") \
    X(MT_COMPLAINTS_V, "metric.complaints.value", "value") \
    X(MT_CROWD, "metric.final_crowd.name", "") \
    X(MT_CROWD_V, "metric.final_crowd.value", "value") \
    X(MT_MEAN_POSTS, "metric.mean_posts_per_hour.name", "") \
    X(MT_MEAN_POSTS_V, "metric.mean_posts_per_hour.value", "value") \
    X(MT_MEAN_REACH, "metric.mean_rumour_reach.name", "") \
    X(MT_MEAN_REACH_V, "metric.mean_rumour_reach.value", "value") \
    X(MT_MEAN_TRUST, "metric.mean_trust.name", "") \
    X(MT_MEAN_TRUST_V, "metric.mean_trust.value", "value") \
    X(MT_MEAN_CROWD, "metric.mean_crowd.name", "") \
    X(MT_MEAN_CROWD_V, "metric.mean_crowd.value", "value")

#define SCORE_WHY_ENUM(id, key, slots) SW_##id,
typedef enum score_key { SCORE_WHY_KEYS(SCORE_WHY_ENUM) SW_COUNT } score_key;
#undef SCORE_WHY_ENUM

#endif
