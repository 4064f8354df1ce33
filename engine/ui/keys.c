/* keys.c — the shortcut table: which key each console command answers to. Trainee actions use
 * Alt+letter and drill controls F-keys, both of which a pinyin input method passes through. */
#include <stdio.h>

#include "keys.h"

typedef struct binding {
    SDL_Keycode key;
    Uint16 mod;          /* KMOD_ALT, KMOD_CTRL or 0 (no Ctrl/Alt/Shift held) */
    const char *label;
    const char *what;    /* i18n key, or NULL for an action (its own name) */
} binding;

static const binding table[UI_CMD_COUNT] = {
    [UI_CMD_HELP] = { SDLK_F1, 0, "F1", "keys.help" },
    [UI_CMD_PAUSE] = { SDLK_F5, 0, "F5", "keys.pause" },
    [UI_CMD_SPEED_1] = { SDLK_1, KMOD_ALT, "Alt+1", "keys.speed_1" },
    [UI_CMD_SPEED_2] = { SDLK_2, KMOD_ALT, "Alt+2", "keys.speed_2" },
    [UI_CMD_SPEED_3] = { SDLK_3, KMOD_ALT, "Alt+3", "keys.speed_3" },
    [UI_CMD_SPEED_4] = { SDLK_4, KMOD_ALT, "Alt+4", "keys.speed_4" },
    [UI_CMD_FEED] = { SDLK_F2, 0, "F2", "keys.feed" },
    [UI_CMD_INBOX] = { SDLK_F3, 0, "F3", "keys.inbox" },
    [UI_CMD_RUMOURS] = { SDLK_F4, 0, "F4", "keys.rumours" },
    [UI_CMD_FINISH] = { SDLK_F12, 0, "F12", "keys.finish" },
    [UI_CMD_HOLD] = { SDLK_F9, 0, "F9", "keys.hold" },
    [UI_CMD_INJECT] = { SDLK_F10, 0, "F10", "keys.inject" },
    [UI_CMD_SUBMIT] = { SDLK_RETURN, KMOD_CTRL, "Ctrl+Enter", "keys.submit" },
    [UI_CMD_CLOSE] = { SDLK_ESCAPE, 0, "Esc", "keys.close" },
    [UI_CMD_PREV] = { SDLK_PAGEUP, 0, "PgUp", "keys.prev" },
    [UI_CMD_NEXT] = { SDLK_PAGEDOWN, 0, "PgDn", "keys.next" },
    [UI_CMD_ACTION + SIM_ACT_REPORT] = { SDLK_r, KMOD_ALT, "Alt+R", NULL },
    [UI_CMD_ACTION + SIM_ACT_ASSESS] = { SDLK_a, KMOD_ALT, "Alt+A", NULL },
    [UI_CMD_ACTION + SIM_ACT_STRATEGY] = { SDLK_t, KMOD_ALT, "Alt+T", NULL },
    [UI_CMD_ACTION + SIM_ACT_STATEMENT] = { SDLK_s, KMOD_ALT, "Alt+S", NULL },
    [UI_CMD_ACTION + SIM_ACT_REPLY] = { SDLK_y, KMOD_ALT, "Alt+Y", NULL },
    [UI_CMD_ACTION + SIM_ACT_REBUT] = { SDLK_b, KMOD_ALT, "Alt+B", NULL },
    [UI_CMD_ACTION + SIM_ACT_PRESS] = { SDLK_p, KMOD_ALT, "Alt+P", NULL },
    [UI_CMD_ACTION + SIM_ACT_ANSWER] = { SDLK_n, KMOD_ALT, "Alt+N", NULL },
    [UI_CMD_ACTION + SIM_ACT_LEADERS] = { SDLK_l, KMOD_ALT, "Alt+L", NULL },
    [UI_CMD_ACTION + SIM_ACT_OFFLINE] = { SDLK_o, KMOD_ALT, "Alt+O", NULL },
    [UI_CMD_ACTION + SIM_ACT_VERIFY] = { SDLK_v, KMOD_ALT, "Alt+V", NULL },
    [UI_CMD_ACTION + SIM_ACT_MONITOR] = { SDLK_m, KMOD_ALT, "Alt+M", NULL },
    [UI_CMD_ACTION + SIM_ACT_SUMMARY] = { SDLK_u, KMOD_ALT, "Alt+U", NULL },
    [UI_CMD_ACTION + SIM_ACT_LOGISTICS] = { SDLK_g, KMOD_ALT, "Alt+G", NULL },
};

int ui_cmd_key(ui_ctx *c, ui_cmd cmd)
{
    if (cmd < 0 || cmd >= UI_CMD_COUNT) return 0;
    const binding *b = &table[cmd];
    const Uint16 mods = KMOD_CTRL | KMOD_ALT | KMOD_SHIFT;
    for (int i = 0; i < c->in.n_keys; i++) {
        ui_key *k = &c->in.keys[i];
        int want = k->key == b->key || (b->key == SDLK_RETURN && k->key == SDLK_KP_ENTER);
        if (k->taken || !want) continue;
        Uint16 held = k->mod & mods;
        /* Either side's Alt or Ctrl counts; nothing else may be held. */
        if (b->mod ? !(held & b->mod) || (held & ~b->mod) : held) continue;
        k->taken = 1;
        return 1;
    }
    return 0;
}

const char *ui_cmd_label(ui_cmd cmd) { return cmd >= 0 && cmd < UI_CMD_COUNT ? table[cmd].label : ""; }

const char *ui_cmd_what(ui_cmd cmd, char *buf, size_t n)
{
    if (cmd < 0 || cmd >= UI_CMD_COUNT) return "";
    if (table[cmd].what) return table[cmd].what;
    snprintf(buf, n, "action.%s", sim_action_type_name((sim_action_type)(cmd - UI_CMD_ACTION)));
    return buf;
}
