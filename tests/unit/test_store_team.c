/* test_store_team.c — a team session's records beside its log: the per-group lines put and read back in order
 * (replaced whole, none for another session), and the handled proposals a restarted host reads: the refused ones
 * and those whose action is stored, never what a host stopped between the proposal and its action left behind;
 * a seat's kept proposals (its outbox) read back from a number on, as far as the numbers run without a gap; the
 * team clock's kept ceiling, replaced by the latest. */
#include "test_store_util.h"

#include "check.h"
#include "store/store.h"

static char err[512];

static const sim_action act = {60, SIM_ACT_REPORT, SIM_ROLE_MONITOR, SIM_LEVEL_NONE, NULL, NULL, "网传视频", 0};

static void test_groups(store *db, int64_t team, int64_t other)
{
    store_group_line g[2] = {{"command", 6, 6}, {"analysis", 4.5, 9}}, *out = NULL;
    int n = -1;
    CHECK_MSG(store_groups_put(db, team, g, 2, err, sizeof err) == 0, "%s", err);
    CHECK(store_groups_list(db, team, &out, &n, err, sizeof err) == 0 && n == 2);
    CHECK(n == 2 && strcmp(out[0].group, "command") == 0 && strcmp(out[1].group, "analysis") == 0 &&
          out[1].points == 4.5 && out[1].max == 9);
    free(out);
    CHECK(store_groups_put(db, team, &g[1], 1, err, sizeof err) == 0);
    CHECK(store_groups_list(db, team, &out, &n, err, sizeof err) == 0 && n == 1 && strcmp(out[0].group, "analysis") == 0);
    free(out);
    CHECK(store_groups_list(db, other, &out, &n, err, sizeof err) == 0 && n == 0 && out == NULL);
    store_group_line bad = {"no space!", 1, 1};
    CHECK(store_groups_put(db, team, &bad, 1, err, sizeof err) == -1);
    CHECK(store_groups_list(db, team, &out, &n, err, sizeof err) == 0 && n == 1);   /* nothing lost */
    free(out);
}

static void test_proposals(store *db, int64_t team)
{
    store_proposal p0 = {"张三", "analysis", 0, 0}, refused = {"李四", "command", 3, -1}, left = {"张三", "analysis", 1, 1};
    store_proposal *out = NULL;
    int n = -1;
    CHECK(store_proposal_put(db, team, &p0, err, sizeof err) == 0);
    CHECK(store_action_append(db, team, 0, &act, err, sizeof err) == 0);
    CHECK(store_proposal_put(db, team, &refused, err, sizeof err) == 0);
    CHECK(store_proposal_put(db, team, &left, err, sizeof err) == 0);   /* the host stopped before its action */
    CHECK(store_proposals_list(db, team, &out, &n, err, sizeof err) == 0 && n == 2);
    CHECK(n == 2 && strcmp(out[0].trainee, "张三") == 0 && out[0].proposal == 0 && out[0].seq == 0 &&
          strcmp(out[1].group, "command") == 0 && out[1].seq == -1);
    free(out);
    /* the next host takes another seat's proposal at seq 1: the stale one is gone for good */
    store_proposal other = {"王五", "communication", 0, 1};
    CHECK(store_proposal_put(db, team, &other, err, sizeof err) == 0);
    CHECK(store_action_append(db, team, 1, &act, err, sizeof err) == 0);
    CHECK(store_proposals_list(db, team, &out, &n, err, sizeof err) == 0 && n == 3);
    int stale = 0;
    for (int i = 0; i < n; i++)
        stale += strcmp(out[i].trainee, "张三") == 0 && out[i].proposal == 1;
    CHECK(stale == 0);
    free(out);
    store_proposal bad = {"", "command", 0, 0};
    CHECK(store_proposal_put(db, team, &bad, err, sizeof err) == -1);
}

static void test_outbox(store *db, int64_t team)
{
    sim_action b = act, *out = NULL;
    int n = -1;
    b.type = SIM_ACT_STATEMENT;
    b.role = SIM_ROLE_SPOKESPERSON;
    b.channel = "weibo";
    b.text = "摊贩正在医院治疗。";
    CHECK_MSG(store_outbox_put(db, team, "张三", "analysis", 4, &act, err, sizeof err) == 0, "%s", err);
    CHECK(store_outbox_put(db, team, "张三", "analysis", 5, &b, err, sizeof err) == 0);
    CHECK(store_outbox_put(db, team, "张三", "analysis", 7, &act, err, sizeof err) == 0);
    CHECK(store_outbox_put(db, team, "李四", "command", 5, &act, err, sizeof err) == 0);
    CHECK_MSG(store_outbox_list(db, team, "张三", "analysis", 4, &out, &n, err, sizeof err) == 0, "%s", err);
    CHECK(n == 2 && out[0].type == SIM_ACT_REPORT && out[1].type == SIM_ACT_STATEMENT && out[1].t == 60 &&
          strcmp(out[1].channel, "weibo") == 0 && strcmp(out[1].text, "摊贩正在医院治疗。") == 0);
    store_actions_free(out, n);
    CHECK(store_outbox_list(db, team, "张三", "analysis", 5, &out, &n, err, sizeof err) == 0 && n == 1 &&
          out[0].type == SIM_ACT_STATEMENT);
    store_actions_free(out, n);
    /* a gap (no 6): nothing from 6 on, and 7 alone from 7 */
    CHECK(store_outbox_list(db, team, "张三", "analysis", 6, &out, &n, err, sizeof err) == 0 && n == 0);
    store_actions_free(out, n);
    CHECK(store_outbox_list(db, team, "张三", "analysis", 7, &out, &n, err, sizeof err) == 0 && n == 1);
    store_actions_free(out, n);
    CHECK(store_outbox_list(db, team, "王五", "analysis", 0, &out, &n, err, sizeof err) == 0 && n == 0);
    store_actions_free(out, n);
    CHECK(store_outbox_put(db, team, "张三", "no group!", 8, &act, err, sizeof err) == -1);
}

int main(void)
{
    char *dir = tu_mkdtemp();
    store *db = NULL;
    int64_t team = 0, other = 0;
    CHECK(dir != NULL);
    if (!dir)
        return CHECK_DONE();
    CHECK_MSG(store_open(tu_path(dir, "team.db"), &db, err, sizeof err) == 0, "%s", err);
    CHECK(store_session_begin(db, "team", "city_video", 1, 1, "plan", &team, err, sizeof err) == 0 &&
          store_session_begin(db, "alice", "city_video", 1, 1, "plan", &other, err, sizeof err) == 0);
    test_groups(db, team, other);
    test_proposals(db, team);
    test_outbox(db, team);
    sim_time t = -1;
    CHECK(store_team_clock_get(db, team, &t, err, sizeof err) == 0 && t == 0);   /* none kept yet */
    CHECK(store_team_clock_put(db, team, 660, err, sizeof err) == 0 && store_team_clock_put(db, team, 720, err, sizeof err) == 0);
    CHECK(store_team_clock_get(db, team, &t, err, sizeof err) == 0 && t == 720);
    CHECK(store_team_clock_get(db, other, &t, err, sizeof err) == 0 && t == 0);
    CHECK(store_team_clock_put(db, team, -1, err, sizeof err) == -1);
    CHECK(store_close(db, err, sizeof err) == 0);
    tu_rmtree(dir);
    free(dir);
    return CHECK_DONE();
}
