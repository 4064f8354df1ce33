#!/usr/bin/env bash
# review.sh — the after-action review window: 张三's two headless drills (reference, then poor) are saved,
# `yqdrill review 1` opens straight on the first; keys scrub the timeline, Down picks an action and shows
# its scorecard lines, a Chinese hot-wash note typed through X text input is saved at the scrub time, Esc
# leads back to the start screen listing the finished drills, and Esc there quits cleanly.
# Args: $1 yqdrill binary, $2 source dir.
set -u
. "$(dirname "$0")/harness.bash"
ui_begin "$1" "$2" review

responses="$UI_SRC/scenarios/city_video/responses"
for kind in reference poor; do
    "$UI_BIN" run city_video --headless --trainee 张三 --save "$UI_DB" --responses "$responses/$kind.json" \
        >"$UI_TMP/$kind.log" 2>&1 || ui_fail "the $kind drill failed: $(tail -3 "$UI_TMP/$kind.log")"
done
[ "$(ui_sql "SELECT count(*) FROM sessions WHERE trainee = '张三' AND finished IS NOT NULL")" = 2 ] ||
    ui_fail "expected two finished sessions of 张三"

ui_start review 1 --save "$UI_DB" --by 李教官
ui_shot review_open
ui_not_blank review_open
# Regions (fractions of the window): the timeline panel on the left, the action detail in the middle.
timeline="$((WW * 40 / 100))x$((WH * 50 / 100))+$((WX + WW / 100))+$((WY + WH * 8 / 100))"
detail="$((WW * 32 / 100))x$((WH * 80 / 100))+$((WX + WW * 42 / 100))+$((WY + WH * 8 / 100))"

xdotool key End
sleep 0.7
ui_shot scrub_end
[ "$(ui_diff_pixels review_open scrub_end "$timeline")" -gt 500 ] || ui_fail "End did not move the timeline"
xdotool key Home
sleep 0.7
ui_shot scrub_home
[ "$(ui_diff_pixels scrub_end scrub_home "$timeline")" -gt 500 ] || ui_fail "Home did not move the timeline"

# Down four times: the fifth action (the first statement) with its scorecard lines.
xdotool key Down Down Down Down
sleep 0.7
ui_shot action_selected
ui_not_blank action_selected
[ "$(ui_diff_pixels scrub_home action_selected "$detail")" -gt 2000 ] || ui_fail "Down did not change the selected action"

# Scrub to 00:41: Home, 4 × Shift+Right (40 min), 2 × Right, 1 × Left.
xdotool key Home shift+Right shift+Right shift+Right shift+Right Right Right Left
sleep 0.7
ui_shot scrub_41
[ "$(ui_diff_pixels action_selected scrub_41 "$timeline")" -gt 500 ] || ui_fail "the arrow keys did not move the timeline"

# N focuses the note editor; the note is typed in Chinese and saved with Ctrl+Enter.
note='首次回应及时，辟谣稍晚。'
xdotool key n
sleep 0.5
ui_type "$note"
sleep 0.7
ui_shot note_typed
ui_not_blank note_typed
xdotool key ctrl+Return
sleep 1.5
ui_shot note_saved
ui_not_blank note_saved
row=$(ui_sql "SELECT session || '|' || t || '|' || author || '|' || text FROM notes")
[ "$row" = "1|2460|李教官|$note" ] || ui_fail "the notes table holds '$row', expected '1|2460|李教官|$note'"

# Esc leaves the editor, Esc again returns to the start screen with its list of finished drills.
xdotool key Escape
sleep 0.3
xdotool key Escape
sleep 1
ui_shot start_saved
ui_not_blank start_saved
[ "$(ui_diff_pixels note_saved start_saved "${WW}x${WH}+${WX}+${WY}")" -gt 10000 ] || ui_fail "Esc did not leave the review"
xdotool key Escape
ui_wait_exit "Esc on the start screen did not quit"
ui_pass
