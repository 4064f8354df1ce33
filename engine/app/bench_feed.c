/* bench_feed.c — `yqdrill bench feed`: how varied each shipped drill's feed reads to the trainee,
 * distinct texts and distinct author handles among its first posts (goals: 190 and 150 of 200). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "drill.h"

#define FEED_SAMPLE 200
#define FEED_SEED 1

static int count_distinct(char (*items)[1024], int n)
{
    int distinct = 0;
    for (int i = 0; i < n; i++) {
        int seen = 0;
        for (int j = 0; j < i && !seen; j++)
            seen = strcmp(items[i], items[j]) == 0;
        distinct += !seen;
    }
    return distinct;
}

/* One drill: run its world (no trainee action) until FEED_SAMPLE posts or its end; print its figures. */
typedef struct feed_worst {
    int texts, authors;
} feed_worst;

static int bench_drill(const char *id, void *ctx)
{
    feed_worst *worst = ctx;
    app_drill d;
    scn_problems probs = {0};
    char err[512];
    int rc = app_drill_open(&d, id, FEED_SEED, NULL, &probs, err, sizeof err);
    scn_problems_free(&probs);
    char (*texts)[1024] = calloc(FEED_SAMPLE, sizeof *texts);
    char (*authors)[1024] = calloc(FEED_SAMPLE, sizeof *authors);
    if (!rc && texts && authors) {
        while (!rc && d.world->n_posts < FEED_SAMPLE && !sim_is_over(d.world))
            rc = sim_step(d.world);
        int n = d.world->n_posts < FEED_SAMPLE ? (int)d.world->n_posts : FEED_SAMPLE;
        for (int i = 0; i < n; i++) {
            const sim_post *p = sim_feed_find(d.world, (uint32_t)i + 1);
            sim_persona who;
            sim_persona_of(d.world, p->account, "zh", &who);
            sim_post_text(d.world, p, "zh", texts[i], sizeof texts[i]);
            snprintf(authors[i], sizeof authors[i], "%s", who.name);
        }
        int dt = count_distinct(texts, n), da = count_distinct(authors, n);
        printf("# %s: distinct texts among its first %d posts (goal >= 190 of 200)\nfeed_texts_%s: %d\n", id, n, id, dt);
        printf("# %s: distinct author handles among its first %d posts (goal >= 150 of 200)\nfeed_authors_%s: %d\n",
               id, n, id, da);
        if (dt < worst->texts) worst->texts = dt;
        if (da < worst->authors) worst->authors = da;
    } else if (!rc) {
        rc = -1;
    } else {
        fprintf(stderr, "yqdrill bench feed: %s: %s\n", id, err);
    }
    free(texts);
    free(authors);
    app_drill_close(&d);
    return rc;
}

int app_bench_feed(void)
{
    feed_worst worst = {FEED_SAMPLE, FEED_SAMPLE};
    int rc = app_bench_each("feed", bench_drill, &worst);
    if (rc == APP_EXIT_USAGE)
        return rc;
    printf("# the least varied drill's distinct texts among %d posts (goal >= 190)\nfeed_texts_min: %d\n", FEED_SAMPLE,
           worst.texts);
    printf("# the least varied drill's distinct authors among %d posts (goal >= 150)\nfeed_authors_min: %d\n",
           FEED_SAMPLE, worst.authors);
    return rc;
}
