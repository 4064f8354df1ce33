/* drill_hot.c — the 热搜 panel: the incident's topics ranked by heat (sim_hot_topics), as many as fit,
 * each with its rank, its name cut to the row and its figure; the layout dump lists every row. */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "drill.h"
#include "layout.h"
#include "theme.h"

/* The top three ranks in the platforms' hot-list colours, the rest muted. */
static const SDL_Color rank_cols[3] = {{230, 60, 50, 255}, {240, 120, 40, 255}, {230, 165, 30, 255}};

/* text cut (by whole codepoints) so that it and a trailing "…" fit in width px. */
static const char *fit_text(ui_ctx *c, const char *text, int width, char *buf, size_t n)
{
    int tw, th;
    snprintf(buf, n, "%s", text);
    ui_text_size(c, UI_FONT_SMALL, buf, &tw, &th);
    size_t len = strlen(buf);
    while (tw > width && len > 0) {
        do len--; while (len > 0 && (buf[len] & 0xC0) == 0x80);
        snprintf(buf + len, n - len, "…");
        ui_text_size(c, UI_FONT_SMALL, buf, &tw, &th);
    }
    return buf;
}

void ui_hot_panel(ui_state *s, SDL_Rect r)
{
    ui_ctx *c = s->c;
    SDL_Rect in = ui_panel(c, r, ui_tr("hot.title"));
    sim_hot_topic topics[SIM_HOT_MAX];
    int lh = ui_line_h(c, UI_FONT_SMALL) + ui_px(c, 2);
    int fit = in.h / lh;
    int n = sim_hot_topics(s->w, ui_lang(s), topics, fit < SIM_HOT_MAX ? fit : SIM_HOT_MAX);
    if (n == 0 && fit > 0) {
        ui_text_in(c, UI_FONT_SMALL, ui_tr("hot.empty"), UI_MUTED, ui_cut_top(&in, lh), UI_ALIGN_LEFT);
        return;
    }
    int gap = ui_px(c, 6), rank_w, fig_w, th;
    ui_text_size(c, UI_FONT_SMALL, "10", &rank_w, &th);
    for (int i = 0; i < n; i++) {
        SDL_Rect row = ui_cut_top(&in, lh);
        char rank[16], fig[32], name[160], shown[256];
        snprintf(rank, sizeof rank, "%d", i + 1);
        ui_count_text(fig, sizeof fig, topics[i].heat);
        ui_fmt(name, sizeof name, ui_tr("hot.topic"), topics[i].label, NULL, NULL);
        ui_text_size(c, UI_FONT_SMALL, fig, &fig_w, &th);
        int name_w = row.w - rank_w - fig_w - 2 * gap;
        if (name_w <= 0) break;
        fit_text(c, name, name_w, shown, sizeof shown);
        ui_text_in(c, UI_FONT_SMALL, rank, i < 3 ? rank_cols[i] : UI_MUTED, ui_rect(row.x, row.y, rank_w, row.h),
                   UI_ALIGN_RIGHT);
        int tw = ui_text(c, UI_FONT_SMALL, shown, UI_TEXT, row.x + rank_w + gap, row.y);
        ui_text_in(c, UI_FONT_SMALL, fig, UI_MUTED, row, UI_ALIGN_RIGHT);
        char note[300];
        snprintf(note, sizeof note, "[hot] %d %s %s", i + 1, shown, fig);
        ui_layout_note(c, note, row, rank_w + tw + fig_w + 2 * gap);
        snprintf(note, sizeof note, "[hot] %d | %s | %u", i + 1, name, topics[i].heat);
        ui_layout_shown(c, note);
    }
}
