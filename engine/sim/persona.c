/* persona.c — who a posting account is to the trainee: a handle composed from the phrasebook by role,
 * followers from its network degree, the platform badge and a generated avatar (disc colour and glyph). */
#include "phrases.h"
#include "world_internal.h"

#include <stdio.h>
#include <string.h>

/* Followers per follow-network link, by role (sim_author order), before the account's own spread. */
static const uint32_t followers_per_link[] = {14, 2600, 4100, 900};

/* The leading "the " of an English body name ("the Nancheng District ...") does not belong in a handle. */
static const char *bare_name(const char *s)
{
    return strncmp(s, "the ", 4) == 0 ? s + 4 : s;
}

static void compose(const sim_world *w, sim_author role, uint32_t h, const char *lang, char *out, size_t len)
{
    const sim_phrasebook *pb = w->phrases;
    const char *a, *b, *c = "";
    switch (role) {
    case SIM_AUTHOR_OFFICIAL:
        a = bare_name(sim_text_get(&w->scn->official, lang));
        b = sim_phrase(pb, SIM_PH_OFFICIAL_SUFFIX, h, lang);
        break;
    case SIM_AUTHOR_MEDIA:
        a = sim_phrase(pb, SIM_PH_MEDIA_PREFIX, h, lang);
        b = sim_phrase(pb, SIM_PH_MEDIA_SUFFIX, h >> 8, lang);
        break;
    case SIM_AUTHOR_LEADER:
        a = sim_phrase(pb, SIM_PH_LEADER_PREFIX, h, lang);
        b = sim_phrase(pb, SIM_PH_LEADER_SUFFIX, h >> 8, lang);
        c = sim_phrase(pb, SIM_PH_NAME_SUFFIX, h >> 16, lang);
        break;
    default:
        a = sim_phrase(pb, SIM_PH_NAME_PREFIX, h, lang);
        b = sim_phrase(pb, SIM_PH_NAME_CORE, h >> 8, lang);
        c = sim_phrase(pb, SIM_PH_NAME_SUFFIX, h >> 16, lang);
        break;
    }
    snprintf(out, len, "%s%s%s", a, b, c);
}

/* The first UTF-8 character of s that is not an ASCII digit or punctuation. */
static void first_glyph(const char *s, char *out, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    while (*u && *u < 0x80 && !((*u | 0x20) >= 'a' && (*u | 0x20) <= 'z'))
        u++;
    size_t n = *u >= 0xf0 ? 4 : *u >= 0xe0 ? 3 : *u >= 0xc0 ? 2 : *u ? 1 : 0;
    if (n + 1 > len)
        n = 0;
    memcpy(out, u, n);
    out[n] = '\0';
}

void sim_persona_of(const sim_world *w, uint32_t account, const char *lang, sim_persona *out)
{
    const sim_world_model *m = w->model;
    sim_author role = account < m->graph.n ? (sim_author)m->kind[account] : SIM_AUTHOR_USER;
    sim_rng r;
    sim_rng_seed(&r, w->seed ^ ((uint64_t)role << 40), 0x9e37u + (uint64_t)account);
    uint32_t h = sim_rng_u32(&r);
    memset(out, 0, sizeof *out);
    compose(w, role, h, lang ? lang : "zh", out->name, sizeof out->name);
    if (!out->name[0])
        snprintf(out->name, sizeof out->name, "%u", account);
    uint32_t degree = account < m->graph.n ? sim_graph_degree(&m->graph, account) : 1;
    out->followers = degree * followers_per_link[role] + sim_rng_u32(&r) % (followers_per_link[role] * 3 + 7);
    out->badge = role == SIM_AUTHOR_LEADER ? SIM_BADGE_GOLD
                 : role == SIM_AUTHOR_MEDIA || role == SIM_AUTHOR_OFFICIAL ? SIM_BADGE_BLUE : SIM_BADGE_NONE;
    /* A muted colour: each channel in 70..190 so a white glyph reads on it. */
    uint32_t c = sim_rng_u32(&r);
    for (int i = 0; i < 3; i++)
        out->rgb[i] = (uint8_t)(70 + (c >> (8 * i)) % 121);
    const sim_phrasebook *pb = w->phrases;
    first_glyph(role == SIM_AUTHOR_USER && pb ? sim_phrase(pb, SIM_PH_NAME_CORE, h >> 8, lang) : out->name,
                out->glyph, sizeof out->glyph);
}
