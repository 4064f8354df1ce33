#!/usr/bin/env bash
# press_conference.sh — calling a press conference from the action bar opens the press view docked
# beside the feed and the inbox; once the reporter's question arrives (00:40 simulated) the typed
# Chinese answer is submitted for that question and saved, and the transcript keeps the question and
# the answer with their times, also after leaving and coming back (layout dump, YQ_UI_LAYOUT).
# Args: $1 yqdrill binary, $2 source dir.
set -u
. "$(dirname "$0")/harness.bash"
ui_begin "$1" "$2" press
export YQ_UI_LAYOUT="$UI_TMP/layout.txt"

ui_start run city_video --trainee 测试 --speed 10 --save "$UI_DB"
xdotool key 4
ui_action 6
ui_shot press_waiting
ui_not_blank press_waiting
[ "$(ui_sql "SELECT count(*) FROM actions WHERE type = 'press'")" = 1 ] || ui_fail "the press action was not saved"

# 00:40 simulated at 4 sim-minutes per minute × 10 is one real minute: the answer button appears with
# the question.
ui_wait_layout " 回答 Ctrl+Enter$" 120 "no question came up in the press view"
grep -q " \[transcript\] .*提问$" "$YQ_UI_LAYOUT" || ui_fail "the question is not in the transcript"
grep -q " 全部 \[selected\]$" "$YQ_UI_LAYOUT" || ui_fail "the feed is hidden by the press view"

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
# Leave the conference and come back (Esc, Alt+P): the transcript still holds the answer.
xdotool key Escape
sleep 0.7
xdotool key alt+p
ui_wait_layout " \[transcript\] .*发言人回答$" 6 "the answer is not in the transcript"
ui_shot press_transcript
ui_pass
