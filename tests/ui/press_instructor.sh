#!/usr/bin/env bash
# press_instructor.sh — the instructor's live questions in the press transcript, in the UI's words: a session
# whose log holds two asks by the instructor (the second a follow-up) is resumed in its window, in English
# and then in Chinese; the transcript names the asker "Instructor" / "导调员" (never the id "instructor") and
# marks the follow-up as one ("follows up" / "追问").
# Args: $1 yqdrill binary, $2 source dir.
set -u
. "$(dirname "$0")/harness.bash"
ui_begin "$1" "$2" press_instructor
cat > "$UI_TMP/asks.json" <<'JSON'
[{"t": 30, "type": "ask", "target": "instructor", "text": "涉事城管是否已停职？"},
 {"t": 40, "type": "ask", "target": "instructor", "text": "何时公布调查结果？", "follow_up": true},
 {"t": 7000, "type": "summary", "text": "完"}]
JSON
"$UI_BIN" run city_video --headless --trainee 测试 --save "$UI_DB" --speed 10 --responses "$UI_TMP/asks.json" \
    > "$UI_TMP/run.out" 2>&1 &
run=$!
for i in $(seq 1 100); do [ "$(ui_sql "SELECT count(*) FROM actions WHERE type = 'ask'")" = 2 ] && break; sleep 0.1; done
kill -KILL "$run"
wait "$run" 2>/dev/null
[ "$(ui_sql "SELECT count(*) FROM actions WHERE type = 'ask' AND follow_up = 1")" = 1 ] \
    || ui_fail "the session does not hold the follow-up ask: $(cat "$UI_TMP/run.out")"

# transcript LANG ASKS FOLLOWS: the resumed drill's transcript in LANG names the instructor in its words.
transcript() {
    export YQ_UI_LAYOUT="$UI_TMP/layout-$1.txt"
    ui_start resume 1 --save "$UI_DB" --speed 1 --lang "$1"
    xdotool key alt+p
    ui_wait_layout " \[transcript\] .* · $2$" 6 "$1: the instructor's question is not in the transcript as '$2'"
    ui_wait_layout " \[transcript\] .* · $3$" 6 "$1: the instructor's follow-up is not in the transcript as '$3'"
    ! grep -q "\[transcript\].*instructor" "$YQ_UI_LAYOUT" || ui_fail "$1: the transcript shows the id 'instructor'"
    ui_shot "transcript_$1"
    kill "$UI_APP_PID"
    wait "$UI_APP_PID" 2>/dev/null
    UI_APP_PID=
}
transcript en "Instructor asks" "Instructor follows up"
transcript zh "导调员 提问" "导调员 追问"
ui_pass
