#!/usr/bin/env bash
# class_station.sh — a trainee joins a class in the window (`yqdrill join CODE --trainee NAME --scenario ID`,
# no response file): the session reaches the class database, a statement typed in the window reaches it as an
# action, the instructor's pause holds the drill's clock (resume lets it run again), a speed is heard; the
# window killed outright comes back with `join --resume` and takes the inject sent while it was away once;
# a question lands in its log; `end all` grades the drill in the window; a new drill started from the start
# screen joins the class as a second session.
# Args: $1 yqdrill binary, $2 source dir.
set -u
. "$(dirname "$0")/harness.bash"
ui_begin "$1" "$2" class_station
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cdb="$UI_TMP/class.db"
grid="$UI_TMP/grid.json"
cq() { sqlite3 -batch -noheader "$cdb" "$1" 2>/dev/null; }
# t: the station's scenario time in the host's grid
t_now() { sqlite3 :memory: "SELECT json_extract(value, '\$.t') FROM json_each(readfile('$grid'), '\$.stations')" 2>/dev/null; }

mkfifo "$UI_TMP/console"
TMPDIR=$UI_TMP "$UI_BIN" host --headless --class demo --port "$port" --db "$cdb" --json-status "$grid" \
    < "$UI_TMP/console" > "$UI_TMP/host.out" 2> "$UI_TMP/host.err" &
host=$!
exec 5> "$UI_TMP/console"
trap 'exec 5>&-; kill "$host" 2>/dev/null; ui_cleanup' EXIT
ui_until 10 'grep -q "^join code" "$UI_TMP/host.out"' || ui_fail "the host printed no join code: $(cat "$UI_TMP/host.err")"
code=$(sed -n 's/^join code: //p' "$UI_TMP/host.out")

ui_start join "$code" --trainee 学员甲 --scenario city_video --save "$UI_DB"
ui_until 10 '[ "$(cq "SELECT trainee FROM sessions")" = 学员甲 ]' || ui_fail "the window's session did not reach the class"
ui_until 10 '[ -n "$(t_now)" ]' || ui_fail "no status from the window in the host's grid"

ui_action 3
ui_type '摊贩正在医院治疗，生命体征平稳。'
sleep 0.5
xdotool key ctrl+Return
ui_until 10 '[ "$(cq "SELECT text FROM actions WHERE type = '"'statement'"'")" = 摊贩正在医院治疗，生命体征平稳。 ]' \
    || ui_fail "the statement typed in the window did not reach the class: [$(cq "SELECT type, text FROM actions")]"

echo "pause 学员甲" >&5
ui_until 10 '[ "$(ui_sql "SELECT text FROM notes")" = "class control: pause" ]' || ui_fail "the window did not take the pause"
sleep 1
t1=$(t_now)
sleep 3
ui_shot paused
ui_not_blank paused
[ "$(t_now)" = "$t1" ] || ui_fail "the clock ran while the instructor paused it ($t1 then $(t_now))"
xdotool key F9   # the trainee's own hold key does not lift the instructor's pause
sleep 2
[ "$(t_now)" = "$t1" ] || ui_fail "F9 lifted the instructor's pause ($t1 then $(t_now))"
echo "resume 学员甲" >&5
echo "speed 10 all" >&5
ui_until 10 '[ "$(t_now)" -gt "$t1" ]' || ui_fail "the clock did not run again after resume"

# Paused again, the window is killed outright; the instructor injects while it is away; `join --resume` brings
# the session back in the window, still paused (its notes say so), the statement kept and the inject taken once;
# resumed, it runs at the class's speed (10×), not the window's default.
echo "pause 学员甲" >&5
ui_until 10 '[ "$(ui_sql "SELECT count(*) FROM notes WHERE text = '"'class control: pause'"'")" = 2 ]' \
    || ui_fail "the second pause did not arrive"
kill -KILL "$UI_APP_PID"
wait "$UI_APP_PID" 2>/dev/null
echo "inject all i_crowd" >&5
sleep 1
ui_start join "$code" --resume 1 --save "$UI_DB"
ui_until 10 '[ "$(ui_sql "SELECT count(*) FROM actions WHERE type = '"'inject'"'")" = 1 ]' \
    || ui_fail "the inject sent while the window was down did not arrive once: [$(ui_sql "SELECT type FROM actions")]"
[ "$(ui_sql "SELECT count(*) FROM actions WHERE type = 'statement'")" = 1 ] || ui_fail "the resumed window lost or doubled the statement"
[ "$(ui_sql "SELECT count(*) FROM sessions")" = 1 ] || ui_fail "the resumed window began a new session"
sleep 1.5
t2=$(t_now)
sleep 2
[ "$(t_now)" = "$t2" ] || ui_fail "the resumed window ran although the class had it paused ($t2 then $(t_now))"
echo "resume 学员甲" >&5
ui_until 10 '[ "$(t_now)" -gt "$t2" ]' || ui_fail "the resumed window did not run after resume"
ta=$(t_now)
sleep 3
tb=$(t_now)
# 10× of city_video's 4 simulated seconds a second is 40 a second; the window's own 1× would give 4.
[ $((tb - ta)) -ge 40 ] || ui_fail "the resumed window runs at $(((tb - ta) / 3)) simulated s a second, not the class's 10×"
echo 'ask all "摊贩现在情况怎么样？"' >&5
ui_until 10 '[ "$(ui_sql "SELECT count(*) FROM actions WHERE type = '"'ask'"'")" = 1 ]' \
    || ui_fail "the question did not reach the resumed window: [$(ui_sql "SELECT type FROM actions")]"
ui_shot running
echo "end all" >&5
ui_wait_finished
[ -n "$(ui_sql "SELECT total FROM sessions WHERE finished IS NOT NULL")" ] || ui_fail "end all did not grade the drill"
ui_shot ended
ui_not_blank ended
ui_until 10 '[ -n "$(cq "SELECT total FROM sessions WHERE finished IS NOT NULL")" ]' \
    || ui_fail "the class database has no scorecard for the window's drill"
[ "$(cq "SELECT count(*) FROM actions")" = "$(ui_sql "SELECT count(*) FROM actions")" ] \
    || ui_fail "the class holds $(cq "SELECT count(*) FROM actions") actions, the station $(ui_sql "SELECT count(*) FROM actions")"

# "New drill" on the results, the third scenario from the start screen by keyboard: the new drill joins the
# class as a session of its own.
third=$(ls -d "$UI_SRC"/scenarios/*/scenario.lua | sed 's|/scenario.lua$||; s|.*/||' | sort | sed -n 3p)
xdotool mousemove $((WX + WW - 120)) $((WY + 20)) click 1
sleep 1
xdotool key Tab Tab Return Down Down Return
sleep 0.3
xdotool key Return
ui_until 15 '[ "$(cq "SELECT count(*) FROM sessions")" = 2 ]' || ui_fail "the second drill did not join the class"
row=$(cq "SELECT trainee || '|' || scenario FROM sessions ORDER BY id DESC LIMIT 1")
[ "$row" = "学员甲|$third" ] || ui_fail "the class's second session is '$row', expected 学员甲|$third"
ui_shot second
ui_pass
