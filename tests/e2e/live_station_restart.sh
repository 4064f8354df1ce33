# live_station_restart.sh — a station SIGKILLed mid-drill misses nothing the instructor sends while it is down:
# stations keep a persistent session at the broker (clean_session false, QoS 1 subscriptions), so the pause,
# inject and resume sent to it while it was dead wait there, and `join CODE --resume ID` (the same session,
# the same client id) applies each exactly once; its log replays to its world hash, and the class database
# holds every action of its once.
. "$(dirname "$0")/lib.sh"

class_host
ref="$SRC/scenarios/city_video/responses/reference.json"
"$YQ" join "$code" --trainee carol --headless --scenario city_video --save "$SCRATCH/carol.db" --speed 1 \
    --responses "$ref" > /dev/null 2> "$SCRATCH/carol.err" &
carol=$!
wait_for 20 'test "$(q "$cdb" "SELECT count(*) FROM sessions")" = 1' || fail "carol did not join"
kill -KILL "$carol"; wait "$carol" 2>/dev/null
expect "carol was killed unfinished" test "$(q "$SCRATCH/carol.db" 'SELECT finished IS NULL FROM sessions')" = 1

printf '%s\n' "pause carol" "inject carol i_field" "resume carol" >&5
wait_for 10 'test "$(grep -c "^control [123] sent" "$SCRATCH/host.out")" = 3' || fail "the host did not send: $(cat "$SCRATCH/host.out" "$SCRATCH/host.err")"
expect "nothing reached the dead station" test "$(q "$SCRATCH/carol.db" "SELECT count(*) FROM actions WHERE type = 'inject'")" = 0

"$YQ" join "$code" --resume 1 --save "$SCRATCH/carol.db" --headless --responses "$ref" --speed max \
    > /dev/null 2> "$SCRATCH/carol2.err" || fail "carol's restart: $(cat "$SCRATCH/carol2.err")"
expect "the inject sent while carol was down is in her log exactly once" \
    test "$(q "$SCRATCH/carol.db" "SELECT count(*) FROM actions WHERE type = 'inject' AND target = 'i_field'")" = 1
expect "the pause and resume too, once each" test \
    "$(q "$SCRATCH/carol.db" "SELECT group_concat(text, '|') FROM (SELECT text FROM notes ORDER BY id)")" = \
    "class control: pause|class control: resume"
expect "carol finished" test "$(q "$SCRATCH/carol.db" 'SELECT finished IS NOT NULL FROM sessions')" = 1
expect "the replay's world hash is carol's" replays carol
n=$(q "$SCRATCH/carol.db" "SELECT count(*) FROM actions")
wait_for 10 'test "$(q "$cdb" "SELECT count(*) FROM sessions WHERE finished IS NOT NULL")" = 1' \
    || fail "carol not finished in the class database"
expect "the class database holds each of carol's $n actions once" test "$(q "$cdb" "SELECT count(*) FROM actions")" = "$n"

exec 5>&-
kill -TERM "$host"
wait "$host" || fail "host exit status"
finish
