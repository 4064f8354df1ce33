/* test_ui_text.c — the console's text machinery without a display: the editable buffer (UTF-8
 * caret moves, selection, undo steps, limits), line wrapping with the CJK font, and the LRU
 * texture cache on a software renderer. */
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

static void test_cache(TTF_Font *f)
{
    SDL_Surface *target = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = target ? SDL_CreateSoftwareRenderer(target) : NULL;
    CHECK(r != NULL);
    if (!r) { SDL_FreeSurface(target); return; }
    ui_text_cache *c = ui_text_cache_new(r, 3, 0);
    SDL_Color black = { 0, 0, 0, 255 }, red = { 255, 0, 0, 255 };
    int w, h, w2, h2;
    CHECK(ui_text_cache_get(c, f, "蓝色预警", black, 0, &w, &h) != NULL);
    CHECK(w > 0 && h > 0);
    CHECK(ui_text_cache_get(c, f, "蓝色预警", black, 0, &w2, &h2) != NULL);
    CHECK(w2 == w && h2 == h);
    ui_text_cache_stats st = ui_text_cache_stats_get(c);
    CHECK(st.hits == 1 && st.misses == 1);
    /* Colour and wrap width are part of the key. */
    ui_text_cache_get(c, f, "蓝色预警", red, 0, &w2, &h2);
    ui_text_cache_get(c, f, "蓝色预警", black, 30, &w2, &h2);
    st = ui_text_cache_stats_get(c);
    CHECK(st.misses == 3 && st.entries == 3);
    CHECK(h2 > h);   /* wrapped to 30 px it takes several lines */
    /* Touch the first entry, add a fourth: the least recently used (red) goes. */
    ui_text_cache_get(c, f, "蓝色预警", black, 0, &w2, &h2);
    ui_text_cache_get(c, f, "红色预警", black, 0, &w2, &h2);
    st = ui_text_cache_stats_get(c);
    CHECK(st.evictions == 1 && st.entries == 3);
    long misses = st.misses;
    ui_text_cache_get(c, f, "蓝色预警", black, 0, &w2, &h2);
    CHECK(ui_text_cache_stats_get(c).misses == misses);
    ui_text_cache_get(c, f, "蓝色预警", red, 0, &w2, &h2);
    CHECK(ui_text_cache_stats_get(c).misses == misses + 1);
    /* Empty text: no texture, one line of height. */
    CHECK(ui_text_cache_get(c, f, "", black, 0, &w2, &h2) == NULL && w2 == 0 && h2 == TTF_FontHeight(f));
    ui_text_cache_clear(c);
    CHECK(ui_text_cache_stats_get(c).entries == 0);
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
            test_cache(fs.f[UI_FONT_BODY]);
        }
        ui_fonts_close(&fs);
        TTF_Quit();
    }
    SDL_Quit();
    return CHECK_DONE();
}
