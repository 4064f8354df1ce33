# live_team_broker.sh — a team drill on a centre's own broker (`host --team --broker`), the broker stopped and
# started again mid-drill: host and seats reconnect, proposals the broker lost go again until the host's
# receipt counts them, and the team session ends with every accepted action once and one world on all seats.
. "$(dirname "$0")/lib.sh"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cdb="$SCRATCH/class.db"
q() { sqlite3 "$1" "$2" 2>/dev/null; }
json() { sqlite3 :memory: "SELECT json_extract(readfile('$1'), '$2')"; }
port_closed() { ! (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }
ref="$SRC/scenarios/city_video/responses/reference.json"
sqlite3 :memory: "SELECT json_group_array(json(value)) FROM json_each(readfile('$ref'))
                  WHERE json_extract(value, '\$.role') = 'command'" > "$SCRATCH/command.json"
sqlite3 :memory: "SELECT json_group_array(json(value)) FROM json_each(readfile('$ref'))
                  WHERE json_extract(value, '\$.role') IN ('monitor', 'spokesperson')" > "$SCRATCH/analysis.json"
n=$(sqlite3 :memory: "SELECT count(*) FROM json_each(readfile('$ref')) WHERE json_extract(value, '\$.role') = 'command'")

centre_broker "$port"
url="mqtt://127.0.0.1:$port"
wait_for 10 '! port_closed "$port"' || fail "the broker never listened"

YQ_CLASS_PASSWORD=pw "$YQ" host --headless --json --team --scenario city_video --seats 2 --class demo --broker "$url" \
    --db "$cdb" < /dev/null > "$SCRATCH/host.out" 2> "$SCRATCH/host.err" &
host=$!
wait_for 10 'grep -q join_code "$SCRATCH/host.out"' || fail "host printed no join code: $(cat "$SCRATCH/host.err")"
# The analysis seat plays the monitor's and the spokesperson's actions: refused where not its group's.
for g in command analysis; do
    "$YQ" join --broker "$url" --class demo --password pw --trainee "p_$g" --group "$g" --headless --scenario city_video \
        --speed 2000 --json --save "$SCRATCH/$g.db" --responses "$SCRATCH/$g.json" > "$SCRATCH/$g.out" 2> "$SCRATCH/$g.err" &
    eval "seat_$g=\$!"
done
team_count() { q "$cdb" "SELECT count(*) FROM actions a JOIN sessions s ON s.id = a.session WHERE s.trainee = 'team' $1"; }
wait_for 30 'test "$(team_count "")" -ge 2' || fail "no action accepted before the broker stopped"
kill -TERM "$broker"; wait "$broker" 2>/dev/null
before=$(team_count "")
expect "stopped mid-drill ($before accepted)" test "$before" -lt "$n"
wait_for 10 'port_closed "$port"' || fail "the broker's port stayed open"
centre_broker "$port"
wait_exit 60 "$seat_command" "the command seat"
wait_exit 60 "$seat_analysis" "the analysis seat"
kill -TERM "$host"
wait "$host" || fail "host exit status"
cat "$SCRATCH/host.out"
grep '^{"team"' "$SCRATCH/host.out" > "$SCRATCH/team.json"
n_monitor=$(sqlite3 :memory: "SELECT count(*) FROM json_each(readfile('$ref')) WHERE json_extract(value, '\$.role') = 'monitor'")
n_spokes=$(sqlite3 :memory: "SELECT count(*) FROM json_each(readfile('$ref')) WHERE json_extract(value, '\$.role') = 'spokesperson'")
expect "every proposal of the seats' own groups accepted once ($((n + n_monitor)))" \
    test "$(team_count ""),$(team_count "AND a.role = 'command'"),$(team_count "AND a.role = 'monitor'")" = "$((n + n_monitor)),$n,$n_monitor"
expect "the other group's proposals refused once each ($n_spokes)" test "$(json "$SCRATCH/team.json" '$.team.foreign_role')" = "$n_spokes"
expect "no seq missing" test "$(q "$cdb" "SELECT max(seq) + 1 FROM actions")" = "$((n + n_monitor))"
for g in command analysis; do
    expect "$g: the host's world after the broker's restart" test "$(json "$SCRATCH/$g.out" '$.world_hash')" = \
        "$(json "$SCRATCH/team.json" '$.team.world_hash')"
    expect "$g: the whole log in its save" test "$(q "$SCRATCH/$g.db" "SELECT count(*) FROM actions")" = "$((n + n_monitor))"
done
finish
