# live_controls.sh — the instructor's controls typed to `yqdrill host --headless` reach two `join` stations:
# an inject sent to one station is an action in that station's log only, and replaying that log rebuilds
# its world hash; a custom post is an action too (it moves the world: feed, heat, the rumour it repeats);
# a question is a live press question in the log; pause and speed are kept as instructor notes; a control forged
# by a station is dropped by the broker's ACL; `end all` ends both drills early; a station SIGKILLed after
# an inject resumes with the trainee's own responses and keeps it. The host's live grid (--json-status, and
# `status` typed) follows the stations: time, pause, score so far, a SIGKILLed station's last will.
. "$(dirname "$0")/lib.sh"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cdb="$SCRATCH/class.db"
q() { sqlite3 "$1" "$2" 2>/dev/null; }
notes() { q "$SCRATCH/$1.db" "SELECT group_concat(text, '|') FROM (SELECT text FROM notes ORDER BY id)"; }
has_note() { case "$(notes "$1")" in *"$2"*) return 0 ;; esac; return 1; }
# cell TRAINEE KEY: a value of the trainee's cell in the host's grid file
cell() {
    sqlite3 :memory: "SELECT json_extract(value, '\$.$2') FROM json_each(readfile('$SCRATCH/grid.json'), '\$.stations')
                      WHERE json_extract(value, '\$.trainee') = '$1'" 2>/dev/null
}

mkfifo "$SCRATCH/console"
TMPDIR=$SCRATCH "$YQ" host --headless --class demo --port "$port" --db "$cdb" --json-status "$SCRATCH/grid.json" \
    < "$SCRATCH/console" \
    > "$SCRATCH/host.out" 2> "$SCRATCH/host.err" &
host=$!
exec 5> "$SCRATCH/console"   # the instructor's keyboard
wait_for 10 'grep -q "^join code" "$SCRATCH/host.out"' || fail "host printed no join code: $(cat "$SCRATCH/host.err")"
code=$(sed -n 's/^join code: //p' "$SCRATCH/host.out")
pass=${code##*/}

# Two stations at speed 1 (2.5 s a tick): they are mid-drill for as long as the test needs; carol at 40.
resp="$SRC/scenarios/city_video/responses/reference.json"
for who in alice:1 bob:1 carol:40; do
    "$YQ" join "$code" --trainee "${who%:*}" --headless --scenario city_video --save "$SCRATCH/${who%:*}.db" \
        --speed "${who#*:}" --json --responses "$resp" > "$SCRATCH/${who%:*}.json" 2> "$SCRATCH/${who%:*}.err" &
    eval "pid_${who%:*}=$!"
done
wait_for 20 'test "$(q "$cdb" "SELECT count(*) FROM sessions")" = 3' || fail "the stations did not join"
for who in alice bob carol; do
    wait_for 10 "test \"\$(cell $who connected)\" = 1 && test -n \"\$(cell $who t)\"" || fail "$who: no status in the grid"
done
expect "the grid has the warning level, heat, score so far" test -n "$(cell alice level)" -a -n "$(cell alice heat)" \
    -a -n "$(cell alice score)"
# A station killed outright after an inject amid its own actions: the broker publishes its last will, the
# grid shows it gone.
wait_for 20 'test "$(q "$SCRATCH/carol.db" "SELECT count(*) FROM actions")" -ge 1' || fail "carol never acted"
echo "inject carol i_field" >&5
wait_for 20 'test "$(q "$SCRATCH/carol.db" "SELECT count(*) FROM actions WHERE type = '"'inject'"'")" = 1' \
    || fail "carol never took the inject"
kill -KILL "$pid_carol"; wait "$pid_carol" 2>/dev/null
wait_for 10 'test "$(cell carol connected)" = 0' || fail "carol still connected in the grid after SIGKILL"
expect "alice still connected" test "$(cell alice connected)" = 1

# A station may not publish controls: the broker drops a forged "end" on the control topic.
mosquitto_pub -h 127.0.0.1 -p "$port" -u station -P "$pass" -q 1 -t yq/demo/ctl/all \
    -m '{"kind":"control","host":"forged","id":1,"op":"end"}' || fail "publish a forged control"

echo "inject alice i_crowd" >&5
wait_for 20 'test "$(q "$SCRATCH/alice.db" "SELECT count(*) FROM actions WHERE type = '"'inject'"'")" = 1' \
    || fail "alice never took the inject"
expect "the forged end was not applied" test -z "$(notes alice)"

echo "pause bob" >&5
echo "speed 3 all" >&5
echo 'post bob "网传城管打人视频已有十万转发"' >&5
echo 'ask all "Is the vendor alive?"' >&5
echo "inject nobody i_crowd" >&5
echo "inject all not-an-inject!" >&5
asks() { q "$SCRATCH/$1.db" "SELECT group_concat(target || ': ' || text) FROM actions WHERE type = 'ask'"; }
wait_for 20 'test "$(asks bob)" = "instructor: Is the vendor alive?" -a "$(asks alice)" = "instructor: Is the vendor alive?"' \
    || fail "the question did not reach both stations as a live question: alice [$(asks alice)] bob [$(asks bob)]"
expect "bob's notes in order" test "$(notes bob)" = "class control: pause|class control: speed 3"
expect "alice's notes: no pause" test "$(notes alice)" = "class control: speed 3"
expect "bob's post is an action in his log, with its words" test \
    "$(q "$SCRATCH/bob.db" "SELECT group_concat(text) FROM actions WHERE type = 'post'")" = "网传城管打人视频已有十万转发"
expect "a control for nobody is refused" grep -q "nobody: no such station" "$SCRATCH/host.err"
expect "a malformed control is refused" grep -q "inject needs the scenario inject's id" "$SCRATCH/host.err"
wait_for 10 'test "$(cell alice last_action)" = inject' || fail "the grid does not show alice's inject as her last action"

# Paused, bob's scenario time stands still while alice's runs on; resumed, it runs again.
wait_for 10 'test "$(cell bob paused)" = 1' || fail "bob not paused in the grid"
tb=$(cell bob t) ta=$(cell alice t)
wait_for 20 'test "$(cell alice t)" -ge $((ta + 30))' || fail "alice's time did not run on"
expect "bob's time stood still while paused ($tb)" test "$(cell bob t)" = "$tb"
expect "alice's heat sparkline: several points, the newest her heat now" test "$(sqlite3 :memory: \
    "SELECT json_array_length(value, '\$.heat_recent') > 1 AND abs(json_extract(value, '\$.heat_recent[#-1]')
            - json_extract(value, '\$.heat')) <= 1e-3 * json_extract(value, '\$.heat')
     FROM json_each(readfile('$SCRATCH/grid.json'), '\$.stations') WHERE json_extract(value, '\$.trainee') = 'alice'")" = 1
echo "resume bob" >&5
wait_for 20 'test "$(cell bob t)" -gt "$tb"' || fail "bob's time did not run on after resume"
echo "status" >&5
wait_for 10 'grep -q "^{\"class\":\"demo\",\"stations\":\[" "$SCRATCH/host.out"' || fail "status printed no grid"
expect "the printed grid has three stations" test "$(grep '^{"class"' "$SCRATCH/host.out" | head -n 1 | grep -o '"trainee"' | wc -l)" = 3

# Faster, alice acts (her first response is at 300 s): her score so far shows in the grid.
echo "speed 40 alice" >&5
wait_for 30 'test "$(sqlite3 :memory: "SELECT $(cell alice score) > 0")" = 1' || fail "alice's score so far never rose"
expect "alice's actions so far counted" test "$(cell alice actions)" -gt 1

echo "end all" >&5
for who in alice bob; do
    eval "pid=\$pid_$who"
    wait_exit 20 "$pid" "$who after end all"
    expect "$who: ended, noted" has_note "$who" "class control: end"
    expect "$who: finished in its own save" test "$(q "$SCRATCH/$who.db" "SELECT finished IS NOT NULL FROM sessions")" = 1
    n=$(q "$SCRATCH/$who.db" "SELECT count(*) FROM actions")
    expect "$who: ended early ($n actions, the responses hold 17)" test "$n" -lt 17
    # The session's log alone rebuilds the station's world, byte for byte.
    expect "$who: the replay's world hash is the station's" replays "$who"
    wait_for 10 "test \"\$(q \"$cdb\" \"SELECT count(*) FROM sessions WHERE trainee = '$who' AND finished IS NOT NULL\")\" = 1" \
        || fail "$who: not finished in the class database"
    wait_for 10 "test \"\$(cell $who finished),\$(cell $who connected)\" = 1,0" || fail "$who: not shown finished and gone"
    expect "$who: the grid's score is the final total" test \
        "$(sqlite3 :memory: "SELECT abs($(cell "$who" score) - $(q "$SCRATCH/$who.db" "SELECT total FROM sessions")) < 1e-9")" = 1
done
# Resumed with the trainee's own response file, carol's session keeps the instructor's inject, and its log
# replays to its world.
"$YQ" resume 1 --save "$SCRATCH/carol.db" --headless --responses "$resp" > /dev/null 2> "$SCRATCH/carol.resume.err" \
    || fail "resume carol: $(cat "$SCRATCH/carol.resume.err")"
expect "carol: the inject kept, once" test "$(q "$SCRATCH/carol.db" "SELECT count(*) FROM actions WHERE type = 'inject'")" = 1
expect "carol: every response taken" test "$(q "$SCRATCH/carol.db" "SELECT count(*) FROM actions")" = 18
expect "carol: the replay's world hash is the resumed session's" replays carol
"$YQ" join "$code" --sync --save "$SCRATCH/carol.db" > /dev/null || fail "sync carol"
wait_for 10 'test "$(q "$cdb" "SELECT count(*) FROM sessions WHERE trainee = '"'carol'"' AND finished IS NOT NULL")" = 1' \
    || fail "carol: not finished in the class database after sync"
expect "the post is bob's only" test "$(q "$SCRATCH/alice.db" "SELECT count(*) FROM actions WHERE type = 'post'")" = 0
expect "the inject is alice's only" test "$(q "$SCRATCH/bob.db" "SELECT count(*) FROM actions WHERE type = 'inject'")" = 0
expect "the class database has alice's and carol's injects, not bob's" test \
    "$(q "$cdb" "SELECT group_concat(s.trainee) FROM (SELECT s.trainee FROM actions a JOIN sessions s ON s.id = a.session
                 WHERE a.type = 'inject' ORDER BY s.trainee) s")" = alice,carol

exec 5>&-
kill -TERM "$host"
wait "$host" || fail "host exit status"
expect "host acknowledged each control sent" test "$(grep -c '^control [0-9]* sent' "$SCRATCH/host.out")" = 9
finish
