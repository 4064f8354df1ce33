# live_class.sh — `yqdrill host` with its own mosquitto on a free loopback port and `join` stations:
# every session and action reaches the class database exactly once with the scores of a plain run; a
# station killed mid-drill, resumed and synced loses and doubles nothing; bad messages and a wrong
# password are refused; the host's broker is gone after SIGTERM, and after the host is SIGKILLed.
. "$(dirname "$0")/lib.sh"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cdb="$SCRATCH/class.db"
count() { sqlite3 "$cdb" "$1" 2>/dev/null; }
finished() { count "SELECT count(*) FROM sessions WHERE trainee = '$1' AND finished IS NOT NULL"; }
# json FILE PATH: a value of a JSON file (sqlite3's JSON functions: no interpreter to start per question)
json() { sqlite3 :memory: "SELECT json_extract(readfile('$1'), '$2')"; }
port_closed() { ! (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }

TMPDIR=$SCRATCH "$YQ" host --headless --json --class demo --port "$port" --db "$cdb" > "$SCRATCH/host.out" 2> "$SCRATCH/host.err" &
host=$!
wait_for 10 'grep -q join_code "$SCRATCH/host.out"' || fail "host printed no join code: $(cat "$SCRATCH/host.err")"
head -n 1 "$SCRATCH/host.out" > "$SCRATCH/code.json"
code=$(json "$SCRATCH/code.json" '$.join_code')
pass=${code##*/}

# Three stations at once, each against a plain run of the same responses.
stations="alice:city_video:reference bob:city_video:poor carol:forged_notice:reference"
for st in $stations; do
    IFS=: read -r who drill kind <<< "$st"
    "$YQ" join "$code" --trainee "$who" --headless --scenario "$drill" --save "$SCRATCH/$who.db" --json \
        --responses "$SRC/scenarios/$drill/responses/$kind.json" > "$SCRATCH/$who.json" 2> "$SCRATCH/$who.err" &
done
wait_jobs_but_host() { for p in $(jobs -p); do [ "$p" = "$host" ] || wait "$p" || fail "a station failed"; done; }
wait_jobs_but_host
for st in $stations; do
    IFS=: read -r who drill kind <<< "$st"
    "$YQ" run "$drill" --headless --no-save --json --responses "$SRC/scenarios/$drill/responses/$kind.json" \
        > "$SCRATCH/$who.plain.json" || fail "plain run of $who"
    f="$SRC/scenarios/$drill/responses/$kind.json"
    n=$(sqlite3 :memory: "SELECT ifnull(json_array_length(readfile('$f'), '\$.actions'), json_array_length(readfile('$f')))")
    wait_for 10 'test "$(finished "$who")" = 1' \
        || fail "$who: session not finished in the class database"
    expect "$who: every action once" test "$(count "SELECT count(*) FROM actions a JOIN sessions s ON s.id = a.session WHERE s.trainee = '$who'")" = "$n"
    expect "$who: class total equals a plain run's" test "$(count "SELECT abs(total - $(json "$SCRATCH/$who.plain.json" '$.total')) < 1e-9 FROM sessions WHERE trainee = '$who'")" = 1
    expect "$who: the class log equals the station's local log" test \
        "$(sqlite3 "$SCRATCH/$who.db" "SELECT group_concat(seq||t||type||role||ifnull(text,''), '|') FROM (SELECT * FROM actions ORDER BY seq)")" = \
        "$(count "SELECT group_concat(seq||t||type||role||ifnull(text,''), '|') FROM (SELECT a.* FROM actions a JOIN sessions s ON s.id = a.session WHERE s.trainee = '$who' ORDER BY seq)")"
done

# Publishing alice's save again changes nothing (idempotent by session UUID and seq).
before=$(count "SELECT count(*) FROM actions")
"$YQ" join "$code" --sync --save "$SCRATCH/alice.db" > /dev/null || fail "sync of alice"
expect "a second publication adds nothing" test "$(count "SELECT count(*) FROM actions")" = "$before"

# A station killed mid-drill, resumed and synced: nothing lost or doubled.
resp="$SRC/scenarios/city_video/responses/reference.json"
"$YQ" join "$code" --trainee dave --headless --scenario city_video --save "$SCRATCH/dave.db" --speed 2000 \
    --responses "$resp" > /dev/null 2>&1 &
dave=$!
wait_for 30 'test "$(sqlite3 "$SCRATCH/dave.db" "SELECT count(*) FROM actions" 2>/dev/null || echo 0)" -ge 3' || fail "dave never acted"
kill -KILL "$dave"; wait "$dave" 2>/dev/null
id=$(sqlite3 "$SCRATCH/dave.db" 'SELECT id FROM sessions')
expect "dave was killed unfinished" test "$(sqlite3 "$SCRATCH/dave.db" 'SELECT finished IS NULL FROM sessions')" = 1
"$YQ" resume "$id" --save "$SCRATCH/dave.db" --headless --responses "$resp" > /dev/null || fail "resume dave"
"$YQ" join "$code" --sync --save "$SCRATCH/dave.db" > /dev/null || fail "sync dave"
n=$(sqlite3 "$SCRATCH/dave.db" 'SELECT count(*) FROM actions')
wait_for 10 'test "$(finished dave)" = 1' || fail "dave not finished at the host"
expect "dave: every action once ($n)" test "$(count "SELECT count(*) FROM actions a JOIN sessions s ON s.id = a.session WHERE s.trainee = 'dave'")" = "$n"
expect "dave: total as saved locally" test "$(count "SELECT total FROM sessions WHERE trainee = 'dave'")" = "$(sqlite3 "$SCRATCH/dave.db" 'SELECT total FROM sessions')"

# Bad messages with the right password: refused and counted, never applied.
uuid=11111111-2222-4333-8444-555555555555
pub() { mosquitto_pub -h 127.0.0.1 -p "$port" -u station -P "$pass" -q 1 -i "$uuid" "$@"; }
pub -t "yq/demo/st/$uuid/action" -m 'not json' || fail "publish malformed"
pub -t "yq/demo/st/$uuid/session" -m '{"kind":"session","uuid":"99999999-2222-4333-8444-555555555555"}' || fail "publish foreign"
head -c 300000 /dev/zero | tr '\0' x > "$SCRATCH/big"
pub -t "yq/demo/st/$uuid/action" -f "$SCRATCH/big" || fail "publish oversized"
# Another station's topic: the broker's ACL drops it before the host sees it.
other=99999999-2222-4333-8444-555555555555
pub -t "yq/demo/st/$other/session" -m "{\"kind\":\"session\",\"uuid\":\"$other\",\"trainee\":\"mallory\",
  \"scenario\":\"city_video\",\"content_hash\":\"0000000000000001\",\"seed\":\"1\",\"plan\":\"\",\"version\":\"x\",
  \"plan_hash\":\"0000000000000000\",\"started\":\"2026-01-01T00:00:00Z\"}" || fail "publish on another station's topic"
wait_for 10 'test "$(grep -c refused "$SCRATCH/host.err")" -ge 3' || fail "host did not refuse the bad messages"
# A wrong password: the broker refuses the station.
if "$YQ" join "${code%/*}/wrongpass1" --trainee eve --headless --scenario city_video --save "$SCRATCH/eve.db" \
    --responses "$resp" > /dev/null 2> "$SCRATCH/eve.err"; then fail "a wrong password was accepted"; else ok; fi
expect "the refusal is named" grep -q "refused the connection" "$SCRATCH/eve.err"

kill -TERM "$host"
wait "$host" || fail "host exit status"
cat "$SCRATCH/host.out"
tail -n 1 "$SCRATCH/host.out" > "$SCRATCH/counts.json"
expect "host counts" test "$(json "$SCRATCH/counts.json" '$.sessions'),$(json "$SCRATCH/counts.json" '$.finished')" = 4,4
expect "refusals counted" test "$(json "$SCRATCH/counts.json" '$.refused')" = '{"oversized":1,"malformed":1,"foreign":1}'
expect "duplicates ignored" test "$(json "$SCRATCH/counts.json" '$.duplicates')" -gt 0
expect "nothing from another station's topic" test "$(count "SELECT count(*) FROM sessions WHERE trainee = 'mallory'")" = 0
expect "sessions in the class db: 4, no bad ones" test "$(count "SELECT count(*) FROM sessions")" = 4
expect "the host's broker stopped" port_closed "$port"
expect "the broker's folder is removed" test -z "$(ls "$SCRATCH" | grep yqdrill-class)"

# A host killed outright (SIGKILL, no chance to clean up) takes its broker with it: no orphan mosquitto.
mkdir "$SCRATCH/killed"
TMPDIR=$SCRATCH/killed "$YQ" host --headless --json --class demo --port "$port" --db "$SCRATCH/killed.db" \
    > "$SCRATCH/killed.out" 2>&1 &
host=$!
wait_for 10 'grep -q join_code "$SCRATCH/killed.out"' || fail "second host printed no join code: $(cat "$SCRATCH/killed.out")"
conf=$(echo "$SCRATCH"/killed/yqdrill-class.*/mosquitto.conf)
broker=$(pgrep -f -- "-c $conf")
expect "the second host's broker runs ($broker)" test -n "$broker"
kill -KILL "$host"; wait "$host" 2>/dev/null
if wait_for 10 '! kill -0 "$broker" 2> /dev/null'; then ok; else
    fail "mosquitto $broker outlived its SIGKILLed host"
    kill -TERM "$broker"
fi
expect "nothing listens on the class port any more" port_closed "$port"
finish
