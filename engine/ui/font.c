/* font.c — the CJK font lookup through fontconfig (checking the match really covers zh-cn) and
 * the per-role TTF_Font handles over one mapping of the file, re-sized in place when the scale changes. */
#include "font.h"

#include <fcntl.h>
#include <fontconfig/fontconfig.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static const char NO_CJK[] = "no CJK font found: install fonts-noto-cjk or set YQ_FONT";

static const int base_sizes[UI_FONT_COUNT] = { 13, 16, 21, 30 };

int ui_font_base_size(ui_font_role role)
{
    return (role >= 0 && role < UI_FONT_COUNT) ? base_sizes[role] : base_sizes[UI_FONT_BODY];
}

static int file_readable(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    fclose(f);
    return 1;
}

/* A private fontconfig configuration, destroyed afterwards, so nothing global is left behind. */
static int from_fontconfig(ui_font_file *out)
{
    FcConfig *cfg = FcInitLoadConfigAndFonts();
    if (!cfg) return -1;
    int rc = -1;
    FcPattern *pat = FcNameParse((const FcChar8 *)"sans:lang=zh-cn");
    if (!pat) { FcConfigDestroy(cfg); return -1; }
    FcConfigSubstitute(cfg, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res;
    FcPattern *match = FcFontMatch(cfg, pat, &res);
    if (match) {
        FcChar8 *file = NULL;
        FcLangSet *langs = NULL;
        int index = 0;
        if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
            FcPatternGetLangSet(match, FC_LANG, 0, &langs) == FcResultMatch &&
            FcLangSetHasLang(langs, (const FcChar8 *)"zh-cn") == FcLangEqual) {
            FcPatternGetInteger(match, FC_INDEX, 0, &index);
            snprintf(out->path, sizeof out->path, "%s", (const char *)file);
            out->index = index;
            rc = 0;
        }
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pat);
    FcConfigDestroy(cfg);
    return rc;
}

int ui_font_find(const char *override, ui_font_file *out, char *err, int errlen)
{
    const char *given = (override && *override) ? override : getenv("YQ_FONT");
    memset(out, 0, sizeof *out);
    if (given && *given) {
        if (!file_readable(given)) {
            snprintf(err, (size_t)errlen, "font %s cannot be read; %s", given, NO_CJK);
            return -1;
        }
        snprintf(out->path, sizeof out->path, "%s", given);
        return 0;
    }
    if (from_fontconfig(out) == 0 && file_readable(out->path)) return 0;
    snprintf(err, (size_t)errlen, "%s", NO_CJK);
    return -1;
}

/* Map the font file read-only once; 0, or -1 with a message. */
static int map_file(ui_fonts *fs, const char *path, char *err, int errlen)
{
    if (fs->map)
        return 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || st.st_size <= 0 || st.st_size > INT_MAX) {
        snprintf(err, (size_t)errlen, "%s: cannot be read as a font file", path);
        if (fd >= 0)
            close(fd);
        return -1;
    }
    void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (m == MAP_FAILED) {
        snprintf(err, (size_t)errlen, "%s: cannot be mapped", path);
        return -1;
    }
    fs->map = m;
    fs->map_len = (size_t)st.st_size;
    return 0;
}

int ui_fonts_open(ui_fonts *fs, const ui_font_file *file, float scale, char *err, int errlen)
{
    if (map_file(fs, file->path, err, errlen))
        return -1;
    for (int r = 0; r < UI_FONT_COUNT; r++) {
        int pt = (int)(base_sizes[r] * scale + 0.5f);
        if (pt < 6) pt = 6;
        if (fs->f[r]) {
            if (TTF_SetFontSize(fs->f[r], pt) == 0) continue;
            TTF_CloseFont(fs->f[r]);
            fs->f[r] = NULL;
        }
        SDL_RWops *rw = SDL_RWFromConstMem(fs->map, (int)fs->map_len);
        fs->f[r] = rw ? TTF_OpenFontIndexRW(rw, 1, pt, file->index) : NULL;
        if (!fs->f[r]) {
            snprintf(err, (size_t)errlen, "%s: %s", file->path, TTF_GetError());
            ui_fonts_close(fs);
            return -1;
        }
        TTF_SetFontHinting(fs->f[r], TTF_HINTING_LIGHT);
    }
    fs->scale = scale;
    return 0;
}

void ui_fonts_close(ui_fonts *fs)
{
    for (int r = 0; r < UI_FONT_COUNT; r++) {
        if (fs->f[r]) TTF_CloseFont(fs->f[r]);
        fs->f[r] = NULL;
    }
    if (fs->map)
        munmap(fs->map, fs->map_len);
    fs->map = NULL;
    fs->map_len = 0;
}
