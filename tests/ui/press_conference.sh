#!/usr/bin/env bash
# press_conference.sh — calling a press conference from the action bar opens the press view;
# once the reporter's question arrives (00:40 simulated) the typed Chinese answer is submitted
# for that question and saved. Args: $1 yqdrill binary, $2 source dir.
set -u
. "$(dirname "$0")/harness.bash"
ui_begin "$1" "$2" press

ui_start run city_video --trainee 测试 --speed 10 --save "$UI_DB"
xdotool key 4
ui_action 6
ui_shot press_waiting
ui_not_blank press_waiting
[ "$(ui_sql "SELECT count(*) FROM actions WHERE type = 'press'")" = 1 ] || ui_fail "the press action was not saved"

# 00:40 simulated at 4 sim-minutes per minute × 10 is one real minute; poll the clock through the save-free way: wait.
for i in $(seq 1 40); do
    sleep 3
    ui_shot press_poll
    # The question card is drawn in the accent colour; the waiting view has none of it in the card area.
    n=$(convert "$UI_TMP/press_poll.png" -crop "$((WW * 6 / 10))x$((WH / 6))+$((WX + WW * 36 / 100))+$((WY + WH / 6))" +repage \
        -fill black +opaque 'rgb(20,96,190)' -format '%[fx:mean*w*h]' info:)
    awk -v n="$n" 'BEGIN { exit !(n > 200) }' && break
done
ui_shot press_question
ui_not_blank press_question
ui_type '目前两人轻伤，摊贩无生命危险。'
sleep 0.5
ui_shot press_typed
xdotool key ctrl+Return
sleep 1.5
ui_shot press_answered
row=$(ui_sql "SELECT target || '|' || text FROM actions WHERE type = 'answer'")
[ "$row" = "q_injured|目前两人轻伤，摊贩无生命危险。" ] || ui_fail "saved answer is '$row'"
ui_pass
