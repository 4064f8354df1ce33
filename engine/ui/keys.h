/* keys.h — the console's keyboard shortcuts: one key per command, the labels shown on the
 * buttons ("Alt+S", "F5") and in the F1 help, and taking a command's key press from a frame. */
#ifndef YQ_UI_KEYS_H
#define YQ_UI_KEYS_H

#include "ctx.h"
#include "sim/action.h"

/* Commands with a key. The trainee's actions follow in sim_action_type order from UI_CMD_ACTION. */
typedef enum ui_cmd {
    UI_CMD_HELP,
    UI_CMD_PAUSE,
    UI_CMD_SPEED_1,
    UI_CMD_SPEED_2,
    UI_CMD_SPEED_3,
    UI_CMD_SPEED_4,
    UI_CMD_FEED,
    UI_CMD_INBOX,
    UI_CMD_RUMOURS,
    UI_CMD_FINISH,
    UI_CMD_HOLD,
    UI_CMD_INJECT,
    UI_CMD_SUBMIT,
    UI_CMD_CLOSE,
    UI_CMD_PREV,
    UI_CMD_NEXT,
    UI_CMD_ACTION,
    UI_CMD_COUNT = UI_CMD_ACTION + SIM_ACT_LOGISTICS + 1
} ui_cmd;

/* The key of the trainee action t (a report .. logistics). */
static inline ui_cmd ui_cmd_action(sim_action_type t) { return (ui_cmd)(UI_CMD_ACTION + (int)t); }

/* Take this frame's unclaimed press of the command's key (its exact modifiers). 1 when pressed. */
int ui_cmd_key(ui_ctx *c, ui_cmd cmd);
/* The key as shown to the user ("Alt+S", "F5", "Ctrl+Enter"). */
const char *ui_cmd_label(ui_cmd cmd);
/* The i18n key of what the command does, for the help ("keys.pause"; actions: "action.<name>"). */
const char *ui_cmd_what(ui_cmd cmd, char *buf, size_t n);

#endif
