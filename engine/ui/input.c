/* input.c — turning SDL events into one frame's input (keys, committed text, IME composition,
 * mouse) and switching SDL's text input on only while an editor holds focus. */
#include <stdio.h>
#include <string.h>

#include "ctx.h"

static void append_text(char *dst, size_t cap, const char *src)
{
    size_t have = strlen(dst), add = strlen(src);
    if (have + add + 1 > cap) return;
    memcpy(dst + have, src, add + 1);
}

static void set_composition(ui_ctx *c, const char *text, int start)
{
    snprintf(c->in.composition, sizeof c->in.composition, "%s", text ? text : "");
    c->in.comp_cursor = start;
}

void ui_input_event(ui_ctx *c, const SDL_Event *e)
{
    ui_input *in = &c->in;
    switch (e->type) {
    case SDL_QUIT:
        in->quit = 1;
        break;
    case SDL_KEYDOWN:
        /* Alt+letter and Ctrl+letter are commands: the text X may send with them is not typing
         * (AltGr, the right Alt of some layouts, still types). */
        in->drop_text = (e->key.keysym.mod & (KMOD_LALT | KMOD_CTRL)) != 0;
        if (in->n_keys < UI_MAX_KEYS) {
            in->keys[in->n_keys].key = e->key.keysym.sym;
            in->keys[in->n_keys].mod = e->key.keysym.mod;
            in->keys[in->n_keys].taken = 0;
            in->n_keys++;
        }
        break;
    case SDL_TEXTINPUT:
        if (in->drop_text) {
            in->drop_text = 0;
            break;
        }
        append_text(in->text, sizeof in->text, e->text.text);
        in->composition[0] = '\0';
        break;
    case SDL_TEXTEDITING:
        set_composition(c, e->edit.text, e->edit.start);
        break;
#if SDL_VERSION_ATLEAST(2, 0, 22)
    case SDL_TEXTEDITING_EXT:
        set_composition(c, e->editExt.text, e->editExt.start);
        SDL_free(e->editExt.text);
        break;
#endif
    case SDL_KEYUP:
        in->drop_text = 0;
        break;
    case SDL_MOUSEBUTTONDOWN:
        if (e->button.button == SDL_BUTTON_LEFT) in->clicked = e->button.clicks > 0 ? e->button.clicks : 1;
        break;
    case SDL_MOUSEWHEEL:
        in->wheel += e->wheel.y;
        break;
    default:
        break;
    }
}

static int is_tab(const SDL_Event *e) { return e->type == SDL_KEYDOWN && e->key.keysym.sym == SDLK_TAB; }

void ui_frame_begin(ui_ctx *c, int wait_ms)
{
    ui_input *in = &c->in;
    in->n_keys = 0;
    in->text[0] = '\0';
    in->clicked = 0;
    in->wheel = 0;
    /* Tab moves the focus at the end of the frame, so the keys typed after it wait for the next frame:
     * Tab, Enter pressed quickly acts on the widget Tab moved to, not on the one before it. */
    SDL_Event e;
    int more = 1;
    if (wait_ms > 0 && SDL_WaitEventTimeout(&e, wait_ms)) {
        ui_input_event(c, &e);
        more = !is_tab(&e);
    }
    while (more && SDL_PollEvent(&e)) {
        ui_input_event(c, &e);
        more = !is_tab(&e);
    }

    /* Mouse position in output pixels (window points differ on HiDPI displays). */
    int wx, wy, ww, wh;
    SDL_GetMouseState(&wx, &wy);
    SDL_GetWindowSize(c->win, &ww, &wh);
    SDL_GetRendererOutputSize(c->ren, &c->w, &c->h);
    in->mx = ww > 0 ? wx * c->w / ww : wx;
    in->my = wh > 0 ? wy * c->h / wh : wy;
    c->now_ms = SDL_GetTicks();
    c->focus.n = 0;
    c->focus.text_wanted = 0;
}

int ui_key_take(ui_ctx *c, SDL_Keycode key, Uint16 mods)
{
    for (int i = 0; i < c->in.n_keys; i++) {
        ui_key *k = &c->in.keys[i];
        if (k->taken || k->key != key) continue;
        if (mods & KMOD_CTRL && !(k->mod & KMOD_CTRL)) continue;
        if (mods & KMOD_SHIFT && !(k->mod & KMOD_SHIFT)) continue;
        if (mods & KMOD_ALT && !(k->mod & KMOD_ALT)) continue;
        k->taken = 1;
        return 1;
    }
    return 0;
}

int ui_key_plain(ui_ctx *c, SDL_Keycode key)
{
    for (int i = 0; i < c->in.n_keys; i++) {
        ui_key *k = &c->in.keys[i];
        if (k->taken || k->key != key || (k->mod & (KMOD_CTRL | KMOD_ALT | KMOD_SHIFT))) continue;
        k->taken = 1;
        return 1;
    }
    return 0;
}

int ui_mouse_in(const ui_ctx *c, SDL_Rect r)
{
    SDL_Point p = { c->in.mx, c->in.my };
    return SDL_PointInRect(&p, &r);
}

int ui_clicked_in(const ui_ctx *c, SDL_Rect r) { return c->in.clicked && ui_mouse_in(c, r); }

static void sync_text_input(ui_ctx *c)
{
    if (c->focus.text_wanted) {
        if (!c->text_input_on) {
            SDL_StartTextInput();
            c->text_input_on = 1;
            c->last_ime_rect.w = -1;
        }
        SDL_Rect r = c->focus.text_rect;
        if (memcmp(&r, &c->last_ime_rect, sizeof r) != 0) {
            /* SDL wants window coordinates; the caret is in output pixels. */
            int ww, wh;
            SDL_GetWindowSize(c->win, &ww, &wh);
            SDL_Rect wr = r;
            if (c->w > 0 && c->h > 0) {
                wr.x = r.x * ww / c->w; wr.y = r.y * wh / c->h;
                wr.w = r.w * ww / c->w; wr.h = r.h * wh / c->h;
            }
            SDL_SetTextInputRect(&wr);
            c->last_ime_rect = r;
        }
    } else if (c->text_input_on) {
        SDL_StopTextInput();
        c->text_input_on = 0;
        c->in.composition[0] = '\0';
    }
}

void ui_frame_end(ui_ctx *c)
{
    ui_focus *f = &c->focus;
    int dir = 0;
    for (int i = 0; i < c->in.n_keys; i++) {
        ui_key *k = &c->in.keys[i];
        if (k->taken || k->key != SDLK_TAB || (k->mod & (KMOD_CTRL | KMOD_ALT))) continue;
        k->taken = 1;
        dir += (k->mod & KMOD_SHIFT) ? -1 : 1;
    }
    if (f->n > 0) {
        int at = -1;
        for (int i = 0; i < f->n; i++)
            if (f->order[i] == f->cur) at = i;
        if (at < 0 && dir) {
            /* Nothing focused: the first Tab lands on the first widget (Shift+Tab on the last), each
             * further one of this frame moves on from there. */
            at = dir < 0 ? dir + f->n : dir - 1;
            f->cur = f->order[(at % f->n + f->n) % f->n];
        } else if (at < 0 && !f->fresh) {
            f->cur = 0;   /* the focused widget is gone */
        } else if (dir) {
            at = ((at + dir) % f->n + f->n) % f->n;
            f->cur = f->order[at];
        }
    }
    f->fresh = 0;
    sync_text_input(c);
}
