#!/usr/bin/env bash
# projector_layout.sh — on a 1280×720 screen (a classroom projector) the window opens on screen at
# its minimum size and every control of the drill screen (top bar, feed tabs, all action buttons;
# then the statement editor and the press view, docked beside the feed and the inbox; the drill screen in
# English too) lies inside the window, shows its whole label and overlaps no other control, as the
# program's own layout dump (YQ_UI_LAYOUT) reports it. Args: $1 yqdrill binary, $2 source dir.
set -u
export UI_SCREEN=1280x720
. "$(dirname "$0")/harness.bash"
ui_begin "$1" "$2" projector
export YQ_UI_LAYOUT="$UI_TMP/layout.txt"

ui_start run city_video --trainee 测试 --save "$UI_DB"
[ "$WX" -ge 0 ] && [ "$WY" -ge 0 ] && [ $((WX + WW)) -le 1280 ] && [ $((WY + WH)) -le 720 ] ||
    ui_fail "the window lies at ${WX},${WY} size ${WW}x${WH}, not inside the 1280x720 screen"

# Checks the latest dump: prints problems, one a line, and fails on any.
check_layout() {
    local what=$1 min=$2 out
    sleep 1.5
    [ -s "$YQ_UI_LAYOUT" ] || ui_fail "no layout dump at $YQ_UI_LAYOUT"
    cp "$YQ_UI_LAYOUT" "$UI_TMP/$what.layout"
    out=$(python3 "$UI_SRC/tests/ui/layout_check.py" "$YQ_UI_LAYOUT" "$min" 2>&1)
    [ -z "$out" ] || ui_fail "$what at ${WW}x${WH}: $out"
}

xdotool key 4
ui_shot drill
ui_not_blank drill
# 1 finish + 4 speeds + pause + 4 feed tabs + 13 actions.
check_layout drill 23
grep -q "发布声明" "$UI_TMP/drill.layout" || ui_fail "the statement button is not in the layout dump"

# The statement editor docks beside the feed and the inbox: the feed's tabs stay on screen with it.
ui_action 3
ui_shot composer
check_layout composer 20
grep -q " 全部 \[selected\]$" "$UI_TMP/composer.layout" || ui_fail "the feed is hidden by the statement editor"
grep -q " 提交 Ctrl+Enter$" "$UI_TMP/composer.layout" || ui_fail "the editor's submit button is not on screen"
# So does the press view (Esc closes the editor, Alt+P calls the conference).
xdotool key Escape alt+p
ui_shot press
check_layout press 20
grep -q " 全部 \[selected\]$" "$UI_TMP/press.layout" || ui_fail "the feed is hidden by the press view"
grep -q " 离开发布会 Esc$" "$UI_TMP/press.layout" || ui_fail "the press view's leave button is not on screen"

# The same drill screen in English, whose action labels are longer ("Influencers", "Press conf.").
kill "$UI_APP_PID" && wait "$UI_APP_PID" 2>/dev/null
UI_APP_PID=
rm -f "$YQ_UI_LAYOUT"
ui_start run city_video --lang en --trainee tester --no-save
xdotool key 4
ui_shot drill_en
check_layout drill_en 23
grep -q "^.* Influencers Alt+L$" "$UI_TMP/drill_en.layout" || ui_fail "the English action bar is not in the layout dump"

ui_pass
