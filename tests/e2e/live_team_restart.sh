# live_team_restart.sh — the host of a team drill on a centre's broker SIGKILLed mid-drill and started again with
# the same class and scenario: it continues the unfinished team session (its accepted log, seq and seats'
# proposals taken), the seats keep going, and the one team session ends with every accepted action once and
# the same world on every seat and the host.
. "$(dirname "$0")/lib.sh"

team_split "'command', 'logistics'" "$SCRATCH/command.json"  # its logistics action is refused (another group's role)
team_split "'monitor'" "$SCRATCH/analysis.json"
team_split "'spokesperson'" "$SCRATCH/communication.json"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cdb="$SCRATCH/class.db"
ref="$SRC/scenarios/city_video/responses/reference.json"
n=$(sqlite3 :memory: "SELECT count(*) FROM json_each(readfile('$ref')) WHERE json_extract(value, '\$.role') <> 'logistics'")
team_count() { q "$cdb" "SELECT count(*) FROM actions a JOIN sessions s ON s.id = a.session WHERE s.trainee = 'team'"; }

centre_broker "$port"
url="mqtt://127.0.0.1:$port"
start_host() { # start_host RUN: the team drill's host, output in host.RUN.out
    YQ_CLASS_PASSWORD=pw "$YQ" host --headless --json --team --scenario city_video --seats 3 --class demo \
        --broker "$url" --db "$cdb" < /dev/null > "$SCRATCH/host.$1.out" 2> "$SCRATCH/host.$1.err" &
    host=$!
    out="$SCRATCH/host.$1.out"
    wait_for 10 'grep -q join_code "$out"' || fail "host $1 printed no join code: $(cat "$SCRATCH/host.$1.err")"
}
start_host 1
for g in command analysis communication; do
    "$YQ" join --broker "$url" --class demo --password pw --trainee "p_$g" --group "$g" --headless --scenario city_video \
        --speed 1000 --json --save "$SCRATCH/$g.db" --responses "$SCRATCH/$g.json" > "$SCRATCH/$g.out" 2> "$SCRATCH/$g.err" &
    eval "seat_$g=\$!"
done
# Killed once the command seat's logistics proposal was refused and a receipt (each second) counted it: the new
# host must know it handled that one, or the seat's receipt never reaches its last proposal.
wait_for 30 'test "$(team_count)" -ge $((n - 1))' || fail "the drill never got near its end"
kill -KILL "$host"; wait "$host" 2>/dev/null
before=$(team_count)
expect "killed mid-drill ($before of $n accepted)" test "$before" -lt "$n"
start_host 2
for g in command analysis communication; do eval "wait_exit 60 \$seat_$g 'the $g seat'"; done
kill -TERM "$host"
wait "$host" || fail "host 2 exit status"
cat "$SCRATCH/host.2.out"
grep '^{"team"' "$SCRATCH/host.2.out" > "$SCRATCH/team.json"

expect "one team session, closed" test "$(q "$cdb" "SELECT count(*) FROM sessions"),$(q "$cdb" "SELECT count(*) FROM sessions WHERE trainee = 'team' AND finished IS NOT NULL")" = 1,1
expect "the restarted host continued from the $before actions stored" test "$(json "$SCRATCH/team.json" '$.team.resumed')" = "$before"
expect "every accepted action once ($n)" test "$(team_count)" = "$n"
expect "the log is the seats' proposals, each once" test \
    "$(sqlite3 :memory: "SELECT group_concat(k, '|') FROM (SELECT json_extract(value, '\$.type')||json_extract(value, '\$.role')||ifnull(json_extract(value, '\$.target'), '')||ifnull(json_extract(value, '\$.text'), '') AS k FROM json_each(readfile('$ref')) WHERE json_extract(value, '\$.role') <> 'logistics' ORDER BY k)")" = \
    "$(q "$cdb" "SELECT group_concat(k, '|') FROM (SELECT type||role||ifnull(target,'')||ifnull(text,'') AS k FROM actions ORDER BY k)")"
expect "seqs 0..$((n - 1)), times never going back" test "$(q "$cdb" "SELECT count(*) FROM actions a JOIN actions b
    ON a.session = b.session AND b.seq = a.seq + 1 WHERE b.t >= a.t")" = "$((n - 1))"
hash=$(json "$SCRATCH/team.json" '$.team.world_hash')
expect "the host's world is the class session's" test "$hash" = "$(q "$cdb" "SELECT world_hash FROM sessions")"
for g in command analysis communication; do
    tail -n 1 "$SCRATCH/$g.out" > "$SCRATCH/$g.end.json"
    expect "$g: the host's world ($hash)" test "$(json "$SCRATCH/$g.end.json" '$.world_hash')" = "$hash"
    expect "$g: the whole log in its save" test "$(q "$SCRATCH/$g.db" "SELECT count(*) FROM actions")" = "$n"
done
finish
