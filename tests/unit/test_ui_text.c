/* test_ui_text.c — the console's text machinery without a display: the editable buffer (UTF-8
 * caret moves, selection, undo steps, limits), line wrapping with the CJK font (Chinese punctuation
 * rules at every width), and the text cache (keys, LRU, atlas pages, trimmed texels) on a software renderer. */
#include <SDL2/SDL.h>
#include <SDL2/SDL_ttf.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "ui/font.h"
#include "ui/text_buf.h"
#include "ui/text_cache.h"
#include "ui/wrap.h"

static void test_buffer(void)
{
    ui_text_buf b;
    CHECK(ui_tb_init(&b, 0) == 0);
    CHECK(ui_tb_insert(&b, "网络", 1) == 6);
    CHECK(ui_tb_insert(&b, "谣言", 1) == 6);
    CHECK_STR(b.s, "网络谣言");
    CHECK(ui_tb_chars(&b) == 4);
    CHECK(b.caret == 12);
    ui_tb_move(&b, ui_tb_prev(&b, b.caret), 0);
    CHECK(b.caret == 9);
    CHECK(ui_tb_backspace(&b) == 1);
    CHECK_STR(b.s, "网络言");
    CHECK(b.caret == 6);
    /* Typing joined into one undo step; the backspace is its own. */
    CHECK(ui_tb_undo(&b) == 1);
    CHECK_STR(b.s, "网络谣言");
    CHECK(ui_tb_undo(&b) == 1);
    CHECK_STR(b.s, "");
    CHECK(ui_tb_undo(&b) == 0);

    /* Selection with shift-moves, replaced by typing; selected text copied. */
    ui_tb_set(&b, "不明真相");
    ui_tb_move(&b, 0, 0);
    ui_tb_move(&b, ui_tb_next(&b, 0), 1);
    ui_tb_move(&b, ui_tb_next(&b, b.caret), 1);
    CHECK(ui_tb_has_selection(&b));
    char *sel = ui_tb_selected_text(&b);
    CHECK_STR(sel, "不明");
    free(sel);
    CHECK(ui_tb_insert(&b, "已查明", 1) == 9);
    CHECK_STR(b.s, "已查明真相");
    CHECK(!ui_tb_has_selection(&b));
    /* Moving the caret ends a typing run: the next typing is a new undo step. */
    ui_tb_move(&b, b.len, 0);
    ui_tb_insert(&b, "。", 1);
    CHECK(ui_tb_undo(&b) == 1);
    CHECK_STR(b.s, "已查明真相");
    /* Delete forward removes a whole code point; a caret inside a sequence snaps back. */
    ui_tb_move(&b, 4, 0);
    CHECK(b.caret == 3);
    CHECK(ui_tb_delete(&b) == 1);
    CHECK_STR(b.s, "已明真相");
    ui_tb_select_all(&b);
    CHECK(ui_tb_backspace(&b) == 1);
    CHECK(b.len == 0);
    CHECK(ui_tb_delete(&b) == 0);
    ui_tb_free(&b);

    /* Limits and cleaning: CR dropped, tab to space, cut at max_chars code points. */
    CHECK(ui_tb_init(&b, 5) == 0);
    CHECK(ui_tb_insert(&b, "a\r\nb\tc", 0) == 5);
    CHECK_STR(b.s, "a\nb c");
    CHECK(ui_tb_insert(&b, "更多", 0) == 0);
    ui_tb_select_all(&b);
    CHECK(ui_tb_insert(&b, "一二三四五六七", 0) == 15);
    CHECK(ui_tb_chars(&b) == 5);
    ui_tb_free(&b);
}

static int width_of(TTF_Font *f, const char *s, int a, int len)
{
    char buf[1024];
    memcpy(buf, s + a, (size_t)len);
    buf[len] = '\0';
    int w = 0, h = 0;
    if (len > 0) TTF_SizeUTF8(f, buf, &w, &h);
    return w;
}

static void test_wrap(TTF_Font *f)
{
    const char *text = "南城区城市管理局高度重视，已成立工作组赶赴现场，伤者已送医救治，我们将及时发布调查进展。";
    int len = (int)strlen(text), width = 160;
    ui_lines lines = { 0 };
    CHECK(ui_wrap(f, text, len, width, &lines) == 0);
    CHECK(lines.n > 2);
    int covered = 0;
    for (int i = 0; i < lines.n; i++) {
        CHECK(lines.v[i].start == covered);
        covered += lines.v[i].len;
        CHECK_MSG(width_of(f, text, lines.v[i].start, lines.v[i].len) <= width, "line %d too wide", i);
        if (i > 0) {
            const char *p = text + lines.v[i].start;
            CHECK_MSG(strncmp(p, "，", 3) != 0 && strncmp(p, "。", 3) != 0, "line %d opens with punctuation", i);
        }
    }
    CHECK(covered == len);

    /* Latin words stay whole; '\n' always breaks and is not part of a line. */
    const char *latin = "We will publish verified updates every hour\nthanks";
    CHECK(ui_wrap(f, latin, (int)strlen(latin), 120, &lines) == 0);
    for (int i = 0; i + 1 < lines.n; i++) {
        int end = lines.v[i].start + lines.v[i].len;
        CHECK_MSG(latin[end] == '\n' || latin[end - 1] == ' ', "line %d splits a word", i);
    }
    CHECK_STR(latin + lines.v[lines.n - 1].start, "thanks");
    CHECK(ui_wrap(f, "", 0, 100, &lines) == 0 && lines.n == 1 && lines.v[0].len == 0);
    ui_lines_free(&lines);
}

static int starts_with_any(const char *p, const char *const *set)
{
    for (int i = 0; set[i]; i++)
        if (strncmp(p, set[i], strlen(set[i])) == 0) return 1;
    return 0;
}

static int ends_with_any(const char *s, int end, const char *const *set)
{
    for (int i = 0; set[i]; i++) {
        int n = (int)strlen(set[i]);
        if (end >= n && strncmp(s + end - n, set[i], (size_t)n) == 0) return 1;
    }
    return 0;
}

/* The Chinese rules at every width from 60 px (four characters; a narrower line must split a run like
 * 样？” somewhere) to 400 px: closing punctuation (also a pair like 。”) never opens a line, opening
 * punctuation never ends one; the text is covered exactly. */
static void test_wrap_punctuation(TTF_Font *f)
{
    static const char *const no_start[] = { "，", "。", "、", "！", "？", "”", "’", "）", "》", "：", "；", NULL };
    static const char *const no_end[] = { "“", "‘", "（", "《", NULL };
    const char *text = "记者问：“伤者现在怎么样？”发言人答：“伤者已送医，没有生命危险。”"
                       "我们将在《南城发布》（官方微博）持续通报，请以官方信息为准。“谣言”止于公开。";
    int len = (int)strlen(text), bad_start = 0, bad_end = 0, gaps = 0;
    ui_lines lines = { 0 };
    for (int width = 60; width <= 400; width++) {
        CHECK(ui_wrap(f, text, len, width, &lines) == 0);
        int covered = 0;
        for (int i = 0; i < lines.n; i++) {
            if (lines.v[i].start != covered) gaps++;
            covered = lines.v[i].start + lines.v[i].len;
            if (i > 0 && starts_with_any(text + lines.v[i].start, no_start)) bad_start++;
            if (i + 1 < lines.n && ends_with_any(text, covered, no_end)) bad_end++;
        }
        if (covered != len) gaps++;
    }
    CHECK_MSG(bad_start == 0, "%d lines open with closing punctuation", bad_start);
    CHECK_MSG(bad_end == 0, "%d lines end with opening punctuation", bad_end);
    CHECK(gaps == 0);
    ui_lines_free(&lines);
}

static int reuse_calls;
static SDL_Texture *reused;
static void count_reuse(void *ud, SDL_Texture *t)
{
    (void)ud;
    reuse_calls++;
    reused = t;
}

/* The cache's texels for s, drawn at (x, y), give the same pixels as SDL_ttf's own rendering. */
static void check_texels(TTF_Font *f, const char *s)
{
    SDL_Surface *a = SDL_CreateRGBSurfaceWithFormat(0, 240, 60, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Surface *b = SDL_CreateRGBSurfaceWithFormat(0, 240, 60, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = a ? SDL_CreateSoftwareRenderer(a) : NULL;
    CHECK(a && b && r);
    if (!a || !b || !r) {
        SDL_FreeSurface(a);
        SDL_FreeSurface(b);
        return;
    }
    SDL_Color ink = { 20, 96, 190, 255 };
    SDL_FillRect(a, NULL, SDL_MapRGB(a->format, 240, 240, 240));
    SDL_FillRect(b, NULL, SDL_MapRGB(b->format, 240, 240, 240));
    ui_text_cache *c = ui_text_cache_new(r, 8, 0);
    ui_text_img t = ui_text_cache_get(c, f, s, ink, 0);
    CHECK(t.tex != NULL);
    CHECK(t.src.w > 0 && t.src.w <= t.w && t.src.h > 0 && t.src.h <= t.h);
    CHECK(t.ox >= 0 && t.oy >= 0 && t.ox + t.src.w <= t.w && t.oy + t.src.h <= t.h);
    SDL_Rect dst = { 5 + t.ox, 7 + t.oy, t.src.w, t.src.h };
    SDL_SetTextureColorMod(t.tex, t.tint.r, t.tint.g, t.tint.b);
    SDL_RenderCopy(r, t.tex, &t.src, &dst);
    SDL_RenderFlush(r);
    SDL_Surface *ref = TTF_RenderUTF8_Blended(f, s, ink);
    CHECK(ref && ref->w == t.w && ref->h == t.h);
    SDL_Rect at = { 5, 7, 0, 0 };
    if (ref) SDL_BlitSurface(ref, NULL, b, &at);
    CHECK(memcmp(a->pixels, b->pixels, (size_t)a->pitch * (size_t)a->h) == 0);
    SDL_FreeSurface(ref);
    ui_text_cache_free(c);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(a);
    SDL_FreeSurface(b);
}

static void test_cache(TTF_Font *f)
{
    SDL_Surface *target = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = target ? SDL_CreateSoftwareRenderer(target) : NULL;
    CHECK(r != NULL);
    if (!r) { SDL_FreeSurface(target); return; }
    ui_text_cache *c = ui_text_cache_new(r, 3, 0);
    SDL_Color black = { 0, 0, 0, 255 }, red = { 255, 0, 0, 255 };
    ui_text_img a = ui_text_cache_get(c, f, "蓝色预警", black, 0);
    CHECK(a.tex != NULL && a.w > 0 && a.h > 0);
    ui_text_img b = ui_text_cache_get(c, f, "蓝色预警", black, 0);
    CHECK(b.tex == a.tex && b.w == a.w && b.h == a.h && SDL_RectEquals(&a.src, &b.src));
    ui_text_cache_stats st = ui_text_cache_stats_get(c);
    CHECK(st.hits == 1 && st.misses == 1 && st.pages == 1);
    /* On the software renderer colour is part of the key; wrap width always is. */
    ui_text_cache_get(c, f, "蓝色预警", red, 0);
    b = ui_text_cache_get(c, f, "蓝色预警", black, 30);
    st = ui_text_cache_stats_get(c);
    CHECK(st.misses == 3 && st.entries == 3);
    CHECK(b.h > a.h);   /* wrapped to 30 px it takes several lines */
    /* Touch the first entry, add a fourth: the least recently used (red) goes. */
    ui_text_cache_get(c, f, "蓝色预警", black, 0);
    ui_text_cache_get(c, f, "红色预警", black, 0);
    st = ui_text_cache_stats_get(c);
    CHECK(st.evictions == 1 && st.entries == 3);
    long misses = st.misses;
    ui_text_cache_get(c, f, "蓝色预警", black, 0);
    CHECK(ui_text_cache_stats_get(c).misses == misses);
    ui_text_cache_get(c, f, "蓝色预警", red, 0);
    CHECK(ui_text_cache_stats_get(c).misses == misses + 1);
    /* Empty text: nothing to draw, one line of height. Blank text: nothing to draw, its width. */
    ui_text_img e = ui_text_cache_get(c, f, "", black, 0);
    CHECK(e.tex == NULL && e.w == 0 && e.h == TTF_FontHeight(f));
    e = ui_text_cache_get(c, f, "    ", black, 0);
    CHECK(e.tex == NULL && e.w > 0);
    ui_text_cache_clear(c);
    CHECK(ui_text_cache_stats_get(c).entries == 0 && ui_text_cache_stats_get(c).pages == 0);
    ui_text_cache_free(c);

    /* One page only: filling it empties it, after telling the owner. Texts on a page never overlap. */
    c = ui_text_cache_new(r, 4000, 0);
    ui_text_cache_on_reuse(c, count_reuse, NULL);
    reuse_calls = 0;
    char s[64];
    SDL_Rect first[40];
    int n_first = 0;
    SDL_Texture *page = NULL;
    for (int i = 0; i < 600 && ui_text_cache_stats_get(c).page_resets == 0; i++) {
        snprintf(s, sizeof s, "舆情通报第%d号：请核实后发布", i);
        ui_text_img t = ui_text_cache_get(c, f, s, black, 0);
        CHECK(t.tex != NULL);
        if (i == 0) page = t.tex;
        if (ui_text_cache_stats_get(c).page_resets == 0 && n_first < 40) {
            for (int k = 0; k < n_first; k++) CHECK(!SDL_HasIntersection(&first[k], &t.src));
            first[n_first++] = t.src;
        }
    }
    st = ui_text_cache_stats_get(c);
    CHECK(st.pages == 1 && st.page_resets == 1);
    CHECK(reuse_calls >= 1 && reused == page);
    CHECK(ui_text_cache_get(c, f, "舆情通报第0号：请核实后发布", black, 0).tex == page);
    CHECK(ui_text_cache_stats_get(c).misses == st.misses + 1);   /* it was emptied with its page */
    ui_text_cache_free(c);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(target);

    check_texels(f, "  蓝色预警 Alert 9% ");
}

/* A frame's texts may take more atlas room than its pixels (shelves waste some, clipped texts are
 * drawn too): texts needing about two and a half pages' worth, on a 640 × 360 output, are all kept
 * from one frame to the next, with no page emptied (a budget that covered the output only once
 * emptied a page for nearly every text of the second frame). */
static void test_cache_frame_fits(TTF_Font *f)
{
    SDL_Surface *target = SDL_CreateRGBSurfaceWithFormat(0, 640, 360, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = target ? SDL_CreateSoftwareRenderer(target) : NULL;
    CHECK(r != NULL);
    if (!r) { SDL_FreeSurface(target); return; }
    ui_text_cache *c = ui_text_cache_new(r, 2048, 64L * 1024 * 1024);
    SDL_Color black = { 0, 0, 0, 255 };
    char s[96];
    int n = 0;
    long pixels = 0;
    /* Enough texts for more than two pages' worth of texels (2048 × 256 each). */
    while (pixels < 5L * 2048 * 256 / 2 && n < 2000) {
        snprintf(s, sizeof s, "第%d条：网友称现场有人受伤，官方尚未通报", n++);
        ui_text_img t = ui_text_cache_get(c, f, s, black, 0);
        CHECK(t.tex != NULL);
        pixels += (long)(t.src.w + 1) * (t.src.h + 1);
    }
    ui_text_cache_stats before = ui_text_cache_stats_get(c);
    for (int i = 0; i < n; i++) {
        snprintf(s, sizeof s, "第%d条：网友称现场有人受伤，官方尚未通报", i);
        ui_text_cache_get(c, f, s, black, 0);
    }
    ui_text_cache_stats after = ui_text_cache_stats_get(c);
    CHECK_MSG(after.misses == before.misses, "%ld of %d texts drawn again", after.misses - before.misses, n);
    CHECK(after.page_resets == 0 && after.pages >= 3);
    ui_text_cache_free(c);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(target);
}

int main(void)
{
    test_buffer();
    char err[256];
    ui_font_file ff;
    int found = ui_font_find(NULL, &ff, err, sizeof err);
    CHECK_MSG(found == 0, "%s", err);
    ui_font_file bad;
    CHECK(ui_font_find("/nonexistent/font.ttf", &bad, err, sizeof err) == -1);
    CHECK(strstr(err, "no CJK font found") != NULL);
    if (found == 0 && TTF_Init() == 0) {
        ui_fonts fs = { 0 };
        CHECK(ui_fonts_open(&fs, &ff, 1.0f, err, sizeof err) == 0);
        if (fs.f[UI_FONT_BODY]) {
            test_wrap(fs.f[UI_FONT_BODY]);
            test_wrap_punctuation(fs.f[UI_FONT_BODY]);
            test_cache(fs.f[UI_FONT_BODY]);
            test_cache_frame_fits(fs.f[UI_FONT_BODY]);
        }
        ui_fonts_close(&fs);
        TTF_Quit();
    }
    SDL_Quit();
    return CHECK_DONE();
}
