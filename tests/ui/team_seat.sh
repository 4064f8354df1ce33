#!/usr/bin/env bash
# team_seat.sh — a team seat played in the window (`yqdrill join CODE --trainee NAME --group communication`
# beside a headless analysis seat; host `--team --speed 5`, its grid in a file): the team's world runs by the
# host's clock (its pause stands it still), a statement typed in the window goes to the host as the
# communication group's proposal and comes back in the accepted log, the instructor's inject arrives, the
# trainee has no button to end the team drill; the host's grid has a row for the team and one per seat (its
# group's title, its last action), and a control sent to the team's row is the team's; `end team` grades it in
# the window, and the window's world is the host's and the other seat's (one hash).
# Args: $1 yqdrill binary, $2 source dir.
set -u
. "$(dirname "$0")/harness.bash"
ui_begin "$1" "$2" team_seat
export YQ_UI_LAYOUT="$UI_TMP/layout.txt"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cdb="$UI_TMP/class.db"
cq() { sqlite3 -batch -noheader "$cdb" "$1" 2>/dev/null; }

mkfifo "$UI_TMP/console"
grid="$UI_TMP/grid.json"
# row KEY FIELD: a field of the host's grid row whose trainee is KEY (or the team's row: KEY "team")
row() { sqlite3 :memory: "SELECT json_extract(value, '\$.$2') FROM json_each(readfile('$grid'), '\$.stations')
                          WHERE json_extract(value, '\$.trainee') = '$1'" 2>/dev/null; }
TMPDIR=$UI_TMP "$UI_BIN" host --headless --json --team --scenario city_video --speed 5 --class ts --port "$port" \
    --db "$cdb" --json-status "$grid" < "$UI_TMP/console" > "$UI_TMP/host.out" 2> "$UI_TMP/host.err" &
host=$!
exec 5> "$UI_TMP/console"
trap 'exec 5>&-; kill "$host" 2>/dev/null; ui_cleanup' EXIT
ui_until 10 'grep -q join_code "$UI_TMP/host.out"' || ui_fail "the host printed no join code: $(cat "$UI_TMP/host.err")"
code=$(head -n 1 "$UI_TMP/host.out" | sed 's/.*"join_code": "\([^"]*\)".*/\1/')

sqlite3 :memory: "SELECT json_group_array(json(value)) FROM json_each(readfile('$UI_SRC/scenarios/city_video/responses/reference.json'))
                  WHERE json_extract(value, '\$.role') = 'monitor'" > "$UI_TMP/analysis.json"
"$UI_BIN" join "$code" --trainee 分析员 --group analysis --headless --scenario city_video --json \
    --save "$UI_TMP/analysis.db" --responses "$UI_TMP/analysis.json" > "$UI_TMP/analysis.out" 2> "$UI_TMP/analysis.err" &
seat=$!

ui_start join "$code" --trainee 学员乙 --group communication --save "$UI_DB"
ui_until 15 '[ "$(ui_clock_s)" -gt 0 ]' || ui_fail "the team's clock does not run in the window"
grep -q "结束演练" "$YQ_UI_LAYOUT" && ui_fail "a team seat's window offers to end the drill"

# The instructor's grid: the team's row runs with the team's clock; a row per seat, connected, with its group's title.
ui_until 10 '[ "$(row team t)" -gt 0 ] && [ "$(row team row)" = team ]' || ui_fail "no team row in the grid: $(cat "$grid")"
ui_until 10 '[ "$(row "学员乙 · 舆情处置与沟通小组" connected)" = 1 ] && [ "$(row "分析员 · 信息收集与研判小组" row)" = seat ]' \
    || ui_fail "the seats' rows are not in the grid: $(cat "$grid")"
# A control addressed to the team's row (as a click on its card sends it) is the team's.
echo "pause $(row team session)" >&5
sleep 1.5
t1=$(ui_clock_s)
sleep 2
ui_shot paused
ui_not_blank paused
[ "$(ui_clock_s)" = "$t1" ] || ui_fail "the window's world ran while the instructor paused the team ($t1 then $(ui_clock_s))"
echo "resume team" >&5
ui_until 10 '[ "$(ui_clock_s)" -gt "$t1" ]' || ui_fail "the window's world did not run again after resume"

ui_action 3
ui_type '摊贩正在医院治疗，生命体征平稳。'
sleep 0.5
xdotool key ctrl+Return
ui_until 10 '[ "$(cq "SELECT role FROM actions WHERE type = '"'statement'"'")" = spokesperson ]' \
    || ui_fail "the statement typed in the window is not in the team's log: [$(cq "SELECT type, role, text FROM actions")]"
[ "$(cq "SELECT text FROM actions WHERE type = 'statement'")" = 摊贩正在医院治疗，生命体征平稳。 ] || ui_fail "the statement's text changed"
[ "$(cq "SELECT p.trainee || '|' || p.grp FROM team_proposals p JOIN actions a ON a.seq = p.seq WHERE a.type = 'statement'")" = \
    "学员乙|communication" ] || ui_fail "the statement is not the window seat's proposal"
ui_until 10 '[ "$(row "学员乙 · 舆情处置与沟通小组" last_action)" = statement ]' || ui_fail "the seat's row does not show its statement"
ui_until 10 '[ "$(ui_sql "SELECT count(*) FROM actions WHERE type = '"'statement'"'")" = 1 ]' \
    || ui_fail "the accepted statement did not come back to the window's save"
echo "inject team i_field" >&5
ui_until 10 '[ "$(ui_sql "SELECT count(*) FROM actions WHERE type = '"'inject'"'")" = 1 ]' \
    || ui_fail "the instructor's inject did not reach the window"
ui_shot running

# The rest of the four hours at the team's new speed, then the instructor ends it: graded in the window.
echo "speed 5000 team" >&5
ui_until 20 '[ "$(ui_clock_s)" -ge 14000 ]' || ui_fail "the window did not follow the team's clock to the end ($(ui_clock_s) s)"
echo "end team" >&5
ui_wait_finished
[ -n "$(ui_sql "SELECT total FROM sessions WHERE finished IS NOT NULL")" ] || ui_fail "end team did not grade the drill in the window"
ui_shot ended
ui_not_blank ended
for i in $(seq 1 100); do kill -0 "$seat" 2>/dev/null || break; sleep 0.2; done
wait "$seat" || ui_fail "the headless seat failed: $(cat "$UI_TMP/analysis.err")"
host_hash=$(sqlite3 :memory: "SELECT json_extract(readfile('$UI_TMP/analysis.out'), '\$.host_world_hash')")
[ -n "$host_hash" ] && [ "$(sqlite3 :memory: "SELECT json_extract(readfile('$UI_TMP/analysis.out'), '\$.world_hash')")" = "$host_hash" ] \
    || ui_fail "the headless seat's world is not the host's: $(cat "$UI_TMP/analysis.out")"
kill -TERM "$UI_APP_PID"
ui_wait_exit "the window did not close on SIGTERM"
grep -q "^team drill .* closed: .* world $host_hash$" "$UI_TMP/app.log" \
    || ui_fail "the window's world is not the host's $host_hash: $(grep "team drill" "$UI_TMP/app.log")"
[ "$(ui_sql "SELECT group_concat(seq || type || role || t, '|') FROM (SELECT * FROM actions ORDER BY seq)")" = \
  "$(cq "SELECT group_concat(seq || type || role || t, '|') FROM (SELECT * FROM actions ORDER BY seq)")" ] \
    || ui_fail "the window's save does not hold the team's log"
ui_pass
