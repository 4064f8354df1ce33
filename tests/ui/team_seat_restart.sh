#!/usr/bin/env bash
# team_seat_restart.sh — nothing a team seat's trainee does is lost, and its world stays the team's, when things
# fail under its window (a centre's broker, host --team --broker --speed 5): a statement typed while the broker
# is down is kept in the local save; the window SIGKILLed then and started again sends it once the broker is back
# (once: the class database has it once). The host SIGKILLed and restarted continues the team session from the
# clock ceiling it kept, so the window's world never steps back; a host without that ceiling starts behind the
# window, whose world is then rebuilt from the accepted log when an earlier inject arrives; at the end the window's
# world is the host's (one hash).
# Args: $1 yqdrill binary, $2 source dir.
set -u
. "$(dirname "$0")/harness.bash"
ui_begin "$1" "$2" team_seat_restart
export YQ_UI_LAYOUT="$UI_TMP/layout.txt"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="mqtt://127.0.0.1:$port"
cdb="$UI_TMP/class.db"
cq() { sqlite3 -batch -noheader "$cdb" "$1" 2>/dev/null; }
port_closed() { ! (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; }
broker=""
host=""
start_broker() {
    printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\n%s' "$port" \
        "$([ "$(id -u)" = 0 ] && echo 'user root')" > "$UI_TMP/broker.conf"
    mosquitto -c "$UI_TMP/broker.conf" >> "$UI_TMP/broker.log" 2>&1 &
    broker=$!
    ui_until 10 '! port_closed' || ui_fail "the broker never listened"
}
# start_host N: the team host with its console on fd 5 (output in host.N.out / .err)
start_host() {
    hn=$1
    rm -f "$UI_TMP/console"
    mkfifo "$UI_TMP/console"
    YQ_CLASS_PASSWORD=pw "$UI_BIN" host --headless --json --team --scenario city_video --speed 5 --class demo \
        --broker "$url" --db "$cdb" < "$UI_TMP/console" > "$UI_TMP/host.$1.out" 2> "$UI_TMP/host.$1.err" &
    host=$!
    exec 5> "$UI_TMP/console"
    ui_until 10 'grep -q join_code "$UI_TMP/host.$hn.out"' || ui_fail "host $1 printed no join code: $(cat "$UI_TMP/host.$1.err")"
}
trap 'exec 5>&-; kill "$host" "$broker" 2>/dev/null; ui_cleanup' EXIT
start_broker
start_host 1
seat=(join --broker "$url" --class demo --password pw --trainee 学员丙 --group communication --save "$UI_DB")

ui_start "${seat[@]}"
ui_until 15 '[ "$(ui_clock_s)" -gt 0 ]' || ui_fail "the team's clock does not run in the window"

# The broker goes; a statement typed meanwhile is kept; the window is killed before it could send it.
kill -TERM "$broker"
wait "$broker" 2> /dev/null
ui_until 10 port_closed || ui_fail "the broker's port stayed open"
ui_action 3
ui_type '摊贩正在医院治疗，生命体征平稳。'
sleep 0.5
xdotool key ctrl+Return
ui_until 10 '[ "$(ui_sql "SELECT count(*) FROM seat_outbox")" = 1 ]' \
    || ui_fail "the statement typed while the broker was down is not kept in the local save"
kill -KILL "$UI_APP_PID"
wait "$UI_APP_PID" 2> /dev/null
[ "$(cq "SELECT count(*) FROM actions WHERE type = 'statement'")" = 0 ] || ui_fail "the statement reached the host with no broker"
start_broker
ui_start "${seat[@]}"
ui_until 15 '[ "$(cq "SELECT count(*) FROM actions WHERE type = '"'statement'"'")" = 1 ]' \
    || ui_fail "the kept statement was not sent again by the restarted window: [$(cq "SELECT type FROM actions")]"
[ "$(cq "SELECT text FROM actions WHERE type = 'statement'")" = 摊贩正在医院治疗，生命体征平稳。 ] || ui_fail "the statement's text changed"
[ "$(cq "SELECT p.trainee || '|' || p.grp FROM team_proposals p JOIN actions a ON a.seq = p.seq WHERE a.type = 'statement'")" = \
    "学员丙|communication" ] || ui_fail "the statement is not the window seat's proposal"
ui_until 10 '[ "$(ui_sql "SELECT count(*) FROM actions WHERE type = '"'statement'"'")" = 1 ]' \
    || ui_fail "the accepted statement did not come back to the window's save"
[ "$(ui_sql "SELECT count(*) FROM sessions")" = 1 ] || ui_fail "the restarted window began another session"
grep -q "1 proposals kept from before sent again" "$UI_TMP/app.log" || ui_fail "the window did not say it sent the kept proposal"

# The host dies and comes back: its clock starts from the ceiling it kept ahead of what it told the seats, so the
# window's world never steps back and the next inject comes no earlier than the window's now.
ui_until 20 '[ "$(ui_clock_s)" -ge 300 ]' || ui_fail "the window's world did not reach 300 s"
kill -KILL "$host"
wait "$host" 2> /dev/null
exec 5>&-
ahead=$(ui_clock_s)
start_host 2
for i in 1 2 3 4 5 6 7 8; do
    [ "$(ui_clock_s)" -ge "$ahead" ] || ui_fail "the window's world stepped back from $ahead s to $(ui_clock_s) s"
    sleep 0.25
done
echo "inject team i_field" >&5
ui_until 10 '[ "$(ui_sql "SELECT count(*) FROM actions WHERE type = '"'inject'"'")" = 1 ]' \
    || ui_fail "the restarted host's inject did not reach the window"
injected=$(ui_sql "SELECT t FROM actions WHERE type = 'inject'")
[ "$injected" -ge "$ahead" ] || ui_fail "the inject ($injected s) came earlier than the window's world ($ahead s)"

# A host without that ceiling (as one before it was kept) starts from its log's last action, behind the window:
# its inject comes earlier than the window's now, and the window rebuilds its world from the accepted log.
ui_until 20 '[ "$(ui_clock_s)" -ge $((injected + 200)) ]' || ui_fail "the window's world did not run on"
kill -KILL "$host"
wait "$host" 2> /dev/null
exec 5>&-
ahead=$(ui_clock_s)
cq "DELETE FROM team_clock" || ui_fail "cannot clear the kept clock"
start_host 3
echo "inject team i_media" >&5
ui_until 10 '[ "$(ui_sql "SELECT count(*) FROM actions WHERE type = '"'inject'"'")" = 2 ]' \
    || ui_fail "the third host's inject did not reach the window"
injected=$(ui_sql "SELECT max(t) FROM actions WHERE type = 'inject'")
[ "$injected" -lt "$ahead" ] || ui_fail "the inject ($injected s) did not come earlier than the window's world ($ahead s): nothing tested"
ui_shot rebuilt
ui_not_blank rebuilt

echo "speed 5000 team" >&5
ui_until 30 '[ "$(ui_clock_s)" -ge 14000 ]' || ui_fail "the window did not follow the team's clock to the end ($(ui_clock_s) s)"
echo "end team" >&5
ui_wait_finished
[ -n "$(ui_sql "SELECT total FROM sessions WHERE finished IS NOT NULL")" ] || ui_fail "end team did not grade the drill in the window"
kill -TERM "$UI_APP_PID"
ui_wait_exit "the window did not close on SIGTERM"
exec 5>&-
kill -TERM "$host"
wait "$host" || ui_fail "the restarted host failed: $(cat "$UI_TMP/host.3.err")"
host_hash=$(grep '^{"team"' "$UI_TMP/host.3.out" | sed 's/.*"world_hash": "\([0-9a-f]*\)".*/\1/')
[ -n "$host_hash" ] || ui_fail "the host printed no world hash: $(cat "$UI_TMP/host.3.out")"
grep -q "^team drill .* closed: .* world $host_hash$" "$UI_TMP/app.log" \
    || ui_fail "the window's world is not the host's $host_hash: $(grep "team drill" "$UI_TMP/app.log")"
[ "$(cq "SELECT count(*) FROM actions WHERE type = 'statement'")" = 1 ] || ui_fail "the statement was taken twice"
ui_pass
