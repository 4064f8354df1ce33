#!/usr/bin/env bash
# live_press_view.sh — a classmate's live question in the spokesperson's press view: a headless class
# station hears a reporter's question (yqdrill join --reporter) and is killed; resumed in its window, the
# press view shows the question with reporter and outlet, the transcript lists it, and the typed answer
# is saved as the answer to live-1.
# Args: $1 yqdrill binary, $2 source dir.
set -u
. "$(dirname "$0")/harness.bash"
ui_begin "$1" "$2" live_press
export YQ_UI_LAYOUT="$UI_TMP/layout.txt"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
TMPDIR=$UI_TMP "$UI_BIN" host --headless --class demo --port "$port" --db "$UI_TMP/class.db" < /dev/null \
    > "$UI_TMP/host.out" 2>&1 &
host=$!
for i in $(seq 1 100); do grep -q "^join code" "$UI_TMP/host.out" && break; sleep 0.1; done
code=$(sed -n 's/^join code: //p' "$UI_TMP/host.out")
[ -n "$code" ] || ui_fail "the host printed no join code: $(cat "$UI_TMP/host.out")"
"$UI_BIN" join "$code" --trainee 测试 --headless --scenario city_video --save "$UI_DB" --speed 1 --json \
    --responses "$UI_SRC/scenarios/city_video/responses/reference.json" > "$UI_TMP/station.out" 2>&1 &
station=$!
for i in $(seq 1 100); do [ "$(sqlite3 "$UI_TMP/class.db" 'SELECT count(*) FROM sessions' 2>/dev/null)" = 1 ] && break; sleep 0.1; done
uuid=$(sqlite3 "$UI_TMP/class.db" 'SELECT uuid FROM sessions')
[ -n "$uuid" ] || ui_fail "the station did not join"
echo "网传摊贩已经死亡，是真的吗？" | "$UI_BIN" join "$code" --reporter 李记者 --outlet 都市报 --station "$uuid" \
    > "$UI_TMP/reporter.out" 2>&1 || ui_fail "reporter: $(cat "$UI_TMP/reporter.out")"
for i in $(seq 1 100); do [ "$(ui_sql "SELECT count(*) FROM actions WHERE type = 'ask'")" = 1 ] && break; sleep 0.1; done
[ "$(ui_sql "SELECT target || '/' || channel FROM actions WHERE type = 'ask'")" = "李记者/都市报" ] \
    || ui_fail "the station has no live question"
kill -KILL "$station"
kill -TERM "$host"
wait "$host" 2>/dev/null

ui_start resume 1 --save "$UI_DB" --speed 1
xdotool key alt+p
ui_wait_layout " \[transcript\] .* · 李记者（都市报） 提问$" 6 "the live question is not in the transcript"
grep -q " 回答 Ctrl+Enter$" "$YQ_UI_LAYOUT" || ui_fail "the live question is not up for an answer"
ui_shot live_question
ui_not_blank live_question
ui_type '摊贩目前在医院治疗，生命体征平稳，网传死亡消息不实。'
sleep 0.5
xdotool key ctrl+Return
for i in $(seq 1 30); do [ -n "$(ui_sql "SELECT 1 FROM actions WHERE type = 'answer'")" ] && break; sleep 0.2; done
row=$(ui_sql "SELECT target || '|' || text FROM actions WHERE type = 'answer'")
[ "$row" = "live-1|摊贩目前在医院治疗，生命体征平稳，网传死亡消息不实。" ] || ui_fail "saved answer is '$row'"
[ "$(ui_sql "SELECT count(*) FROM actions WHERE type = 'ask'")" = 1 ] || ui_fail "the resumed drill asked again"
ui_shot live_answered
ui_pass
