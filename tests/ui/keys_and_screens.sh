#!/usr/bin/env bash
# keys_and_screens.sh — keyboard control of the drill (Space pauses and resumes the clock, F9 holds
# it, F10 fires the next inject as an action), End drill → the dialog (clock stopped, Enter cancels)
# → Tab, Enter confirms → the end screen with the
# scorecard saved, "New drill" → the start screen driven by keyboard alone into a second drill,
# and Esc on its end screen quits. Args: $1 yqdrill binary, $2 source dir.
set -u
. "$(dirname "$0")/harness.bash"
ui_begin "$1" "$2" keys

ui_start run city_video --trainee 测试 --save "$UI_DB"
xdotool key 4
sleep 1
clock="$((WW / 2))x$((WH / 16))+${WX}+${WY}"   # left half of the top bar: title, clock, speed, pause

changes() {   # pixels of the top bar that change over 1.5 s
    ui_shot "$1_a"; sleep 1.5; ui_shot "$1_b"
    ui_diff_pixels "$1_a" "$1_b" "$clock"
}
[ "$(changes running)" -gt 0 ] || ui_fail "the clock does not move while running"
xdotool key space
sleep 0.5
[ "$(changes paused)" -eq 0 ] || ui_fail "the clock moves after Space paused it"
xdotool key space
sleep 0.5
[ "$(changes resumed)" -gt 0 ] || ui_fail "the clock did not resume after Space"
xdotool key F9
sleep 0.5
[ "$(changes held)" -eq 0 ] || ui_fail "the clock moves during the instructor hold (F9)"
xdotool key F9

xdotool key F10
sleep 1
n=$(ui_sql "SELECT count(*) FROM actions WHERE type = 'inject' AND target IS NOT NULL")
[ "$n" = 1 ] || ui_fail "F10 saved $n inject actions, expected 1"

# End drill (top-right button): the dialog focuses Cancel and stops the clock, so Enter alone goes
# back to the drill unfinished; then Tab to the confirm button and Enter.
xdotool mousemove $((WX + WW - 40)) $((WY + 20)) click 1
sleep 0.5
ui_shot confirm
ui_not_blank confirm
xdotool mousemove $((WX + WW / 2)) $((WY + WH / 2))
[ "$(changes dialog)" -eq 0 ] || ui_fail "the clock moves under the end-drill dialog"
xdotool key Return
sleep 1
[ -z "$(ui_sql "SELECT finished FROM sessions WHERE finished IS NOT NULL")" ] || ui_fail "Enter on the dialog ended the drill: Cancel should hold the focus"
[ "$(changes cancelled)" -gt 0 ] || ui_fail "the drill did not go on after Cancel"
xdotool mousemove $((WX + WW - 40)) $((WY + 20)) click 1
sleep 0.5
xdotool mousemove $((WX + WW / 2)) $((WY + WH / 2))
xdotool key Tab Return
ui_wait_finished
ui_shot end
ui_not_blank end
total=$(ui_sql "SELECT total FROM sessions")
[ -n "$total" ] || ui_fail "no total saved after ending the drill"
# "New drill" sits left of "Quit" at the right end of the top bar.
xdotool mousemove $((WX + WW - 120)) $((WY + 20)) click 1
sleep 1
xdotool mousemove $((WX + WW / 2)) $((WY + WH / 2))
ui_shot start
ui_not_blank start
[ "$(ui_diff_pixels end start "${WW}x${WH}+${WX}+${WY}")" -gt 10000 ] || ui_fail "New drill did not leave the end screen"

# Keyboard only on the start screen: Tab to the name, replace it, Enter goes to the scenario list,
# two Downs pick the third scenario, Enter moves to Start, Enter starts it.
third=$(ls -d "$UI_SRC"/scenarios/*/scenario.lua | sed 's|/scenario.lua$||; s|.*/||' | sort | sed -n 3p)
xdotool key Tab Tab ctrl+a BackSpace
ui_type '王芳'
xdotool key Return Down Down Return
sleep 0.3
ui_shot start_filled
xdotool key Return
sleep 2
ui_shot second
ui_not_blank second
row=$(ui_sql "SELECT trainee || '|' || scenario FROM sessions ORDER BY id DESC LIMIT 1")
[ "$row" = "王芳|$third" ] || ui_fail "the second session is '$row', expected 王芳|$third"

# End it too, and Esc on the end screen quits cleanly.
xdotool mousemove $((WX + WW - 40)) $((WY + 20)) click 1
sleep 0.5
xdotool mousemove $((WX + WW / 2)) $((WY + WH / 2))
xdotool key Tab Return
sleep 2
ui_shot second_end
xdotool key Escape
ui_wait_exit "Esc on the end screen did not quit"
ui_pass
