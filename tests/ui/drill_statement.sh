#!/usr/bin/env bash
# drill_statement.sh — the trainee opens the statement composer in the real window, types Chinese
# through X text input, submits with Ctrl+Enter, and the save database holds exactly that text.
# Args: $1 yqdrill binary, $2 source dir.
set -u
. "$(dirname "$0")/harness.bash"
ui_begin "$1" "$2" statement

ui_start run city_video --trainee 测试 --save "$UI_DB"
xdotool key 4
sleep 3
ui_shot drill
ui_not_blank drill

ui_action 3
ui_shot composer_empty
ui_type '网络谣言不可信，我们已派出工作组。'
sleep 0.5
ui_shot composer
ui_not_blank composer
[ "$(ui_diff_pixels composer_empty composer "${WW}x${WH}+${WX}+${WY}")" -gt 500 ] || ui_fail "typing did not change the composer"
xdotool key ctrl+Return
sleep 1.5
ui_shot submitted

trainee=$(ui_sql "SELECT trainee FROM sessions")
[ "$trainee" = "测试" ] || ui_fail "session trainee is '$trainee', expected 测试"
text=$(ui_sql "SELECT text FROM actions WHERE type = 'statement'")
[ "$text" = "网络谣言不可信，我们已派出工作组。" ] || ui_fail "statement in the save is '$text'"
channel=$(ui_sql "SELECT channel FROM actions WHERE type = 'statement'")
[ "$channel" = weibo ] || ui_fail "the statement went out on '$channel', not on the official Weibo account (the default for a formal statement)"

# End the drill (the dialog focuses Cancel: Tab to confirm, then Enter); the end screen (with its
# radar) is kept as a screenshot for review.
xdotool mousemove $((WX + WW - 40)) $((WY + 20)) click 1
sleep 0.5
xdotool mousemove $((WX + WW / 2)) $((WY + WH / 2))
xdotool key Tab Return
ui_wait_finished
ui_shot end
ui_not_blank end
[ -n "$(ui_sql "SELECT total FROM sessions WHERE finished IS NOT NULL")" ] || ui_fail "no scorecard saved"
ui_pass
