#!/usr/bin/env bash
# window_drill_open.sh — `yqdrill run SCENARIO` with a display opens the drill on a thread while the window
# starts: a response file naming another scenario's facts, and a scenario that does not exist, still fail with their
# message (once) and exit status; a good drill started in the window is saved under its trainee and seed.
# Args: $1 yqdrill binary, $2 source dir.
set -u
. "$(dirname "$0")/harness.bash"
ui_begin "$1" "$2" window_drill_open

other="$UI_SRC/scenarios/city_video/responses/reference.json"
timeout 60 "$UI_BIN" run water_scare --responses "$other" --no-save >"$UI_TMP/mismatch.out" 2>&1
status=$?
[ "$status" -eq 1 ] || ui_fail "a response file of another scenario exited with $status, expected 1: $(cat "$UI_TMP/mismatch.out")"
n=$(grep -c "reference.json: action [0-9]*: .*unknown" "$UI_TMP/mismatch.out")
[ "$n" -eq 1 ] || ui_fail "the mismatch was reported $n times: $(cat "$UI_TMP/mismatch.out")"

timeout 60 "$UI_BIN" run no_such_drill --no-save >"$UI_TMP/missing.out" 2>&1
status=$?
[ "$status" -eq 2 ] || ui_fail "a missing scenario exited with $status, expected 2: $(cat "$UI_TMP/missing.out")"
grep -q "no_such_drill/scenario.lua: cannot open" "$UI_TMP/missing.out" || ui_fail "no message for the missing scenario"

ui_start run city_video --save "$UI_DB" --trainee 王五 --seed 77
rows=""
for _ in $(seq 1 30); do
    rows=$(sqlite3 "$UI_DB" "SELECT trainee, scenario, seed FROM sessions" 2>/dev/null)
    [ -n "$rows" ] && break
    sleep 0.5
done
[ "$rows" = "王五|city_video|77" ] || ui_fail "saved sessions: '$rows', expected 王五|city_video|77"
kill -0 "$UI_APP_PID" 2>/dev/null || ui_fail "the window closed by itself"
ui_pass
