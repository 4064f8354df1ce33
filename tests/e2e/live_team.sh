# live_team.sh — a team drill: `yqdrill host --team` and three `join --group` seats playing the reference
# responses of city_video split by the plan's groups. One team session in the class database holds every
# accepted action once, in seq order; the command seat's logistics action (another group's role) is refused
# and counted; a seat SIGKILLed mid-drill and restarted resyncs from the seq it has; every seat replays the
# accepted log into the world the host graded (same hash), and the host gives a team total with group lines.
. "$(dirname "$0")/lib.sh"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cdb="$SCRATCH/class.db"
q() { sqlite3 "$1" "$2" 2>/dev/null; }
json() { sqlite3 :memory: "SELECT json_extract(readfile('$1'), '$2')"; }
ref="$SRC/scenarios/city_video/responses/reference.json"
team_split "'command', 'logistics'" "$SCRATCH/command.json"
team_split "'monitor'" "$SCRATCH/analysis.json"
team_split "'spokesperson'" "$SCRATCH/communication.json"
n_ref=$(sqlite3 :memory: "SELECT json_array_length(readfile('$ref'))")
n_logistics=$(sqlite3 :memory: "SELECT count(*) FROM json_each(readfile('$ref')) WHERE json_extract(value, '\$.role') = 'logistics'")
expect "the command seat's file holds another group's action ($n_logistics)" test "$n_logistics" -ge 1

TMPDIR=$SCRATCH "$YQ" host --headless --json --team --scenario city_video --seats 3 --class team --port "$port" \
    --db "$cdb" < /dev/null > "$SCRATCH/host.out" 2> "$SCRATCH/host.err" &
host=$!
wait_for 10 'grep -q join_code "$SCRATCH/host.out"' || fail "host printed no join code: $(cat "$SCRATCH/host.err")"
head -n 1 "$SCRATCH/host.out" > "$SCRATCH/code.json"
code=$(json "$SCRATCH/code.json" '$.join_code')
# A seat that brought another scenario is told which one the team plays, and proposes nothing (the log's count below).
if "$YQ" join "$code" --trainee y --group analysis --headless --scenario forged_notice --save "$SCRATCH/y.db" \
    --responses "$SCRATCH/analysis.json" > /dev/null 2> "$SCRATCH/y.err"; then fail "another scenario was accepted"; else ok; fi
expect "the team's scenario named" grep -q "plays city_video, not forged_notice" "$SCRATCH/y.err"
seat() { # seat GROUP: join the team drill as GROUP, paced, output in GROUP.out
    "$YQ" join "$code" --trainee "p_$1" --group "$1" --headless --scenario city_video --speed 2000 --json \
        --save "$SCRATCH/$1.db" --responses "$SCRATCH/$1.json" > "$SCRATCH/$1.out" 2> "$SCRATCH/$1.err" &
}
seat command; command=$!
seat analysis; analysis=$!
seat communication; comm=$!
team_count() { q "$cdb" "SELECT count(*) FROM actions a JOIN sessions s ON s.id = a.session WHERE s.trainee = 'team' $1"; }
# The communication seat dies mid-drill (some of its actions accepted, not all) and comes back.
wait_for 30 'test "$(team_count "AND a.role = '\''spokesperson'\''")" -ge 2' || fail "the communication seat never acted"
kill -KILL "$comm"; wait "$comm" 2>/dev/null
had=$(q "$SCRATCH/communication.db" "SELECT count(*) FROM actions")
n_comm=$(sqlite3 :memory: "SELECT json_array_length(readfile('$SCRATCH/communication.json'))")
expect "killed mid-drill: $(team_count "AND a.role = 'spokesperson'") of its $n_comm actions accepted" \
    test "$(team_count "AND a.role = 'spokesperson'")" -lt "$n_comm"
expect "the killed seat's save kept part of the log ($had)" test "$had" -ge 1
seat communication; comm=$!
for p in $command $analysis $comm; do wait_exit 60 "$p" "seat $p"; done

# Every seat replayed the same world, the host's.
for g in command analysis communication; do
    tail -n 1 "$SCRATCH/$g.out" > "$SCRATCH/$g.end.json"
    expect "$g: the world hash printed" test -n "$(json "$SCRATCH/$g.end.json" '$.world_hash')"
    expect "$g: the host's world" test "$(json "$SCRATCH/$g.end.json" '$.world_hash')" = \
        "$(json "$SCRATCH/$g.end.json" '$.host_world_hash')"
    expect "$g: the class log equals the seat's local copy" test \
        "$(q "$SCRATCH/$g.db" "SELECT group_concat(seq||t||type||role||ifnull(target,'')||ifnull(text,''), '|') FROM (SELECT * FROM actions ORDER BY seq)")" = \
        "$(q "$cdb" "SELECT group_concat(seq||t||type||role||ifnull(target,'')||ifnull(text,''), '|') FROM (SELECT a.* FROM actions a JOIN sessions s ON s.id = a.session WHERE s.trainee = 'team' ORDER BY seq)")"
done
expect "the restarted seat asked for the log from the $had actions it had" \
    test "$(json "$SCRATCH/communication.end.json" '$.resynced_from')" = "$had"
expect "a seat that lost nothing asked from 0" test "$(json "$SCRATCH/analysis.end.json" '$.resynced_from')" = 0
expect "one world on all three seats" test "$(cat "$SCRATCH"/*.end.json | sed 's/.*"world_hash": "\([0-9a-f]*\)".*/\1/' | sort -u | wc -l)" = 1

kill -TERM "$host"
wait "$host" || fail "host exit status"
cat "$SCRATCH/host.out"
grep '^{"team"' "$SCRATCH/host.out" > "$SCRATCH/team.json"
expect "one team session, closed" test "$(q "$cdb" "SELECT count(*) FROM sessions WHERE trainee = 'team' AND finished IS NOT NULL")" = 1
expect "no individual sessions" test "$(q "$cdb" "SELECT count(*) FROM sessions")" = 1
accepted=$((n_ref - n_logistics))
expect "every accepted action once ($accepted)" test "$(team_count "")" = "$accepted"
expect "seqs 0..$((accepted - 1)), times never going back" test "$(q "$cdb" "SELECT count(*) FROM actions a JOIN actions b
    ON a.session = b.session AND b.seq = a.seq + 1 WHERE b.t >= a.t")" = "$((accepted - 1))"
expect "the log is the groups' proposals, each once" test \
    "$(sqlite3 :memory: "SELECT group_concat(k, '|') FROM (SELECT json_extract(value, '\$.type')||json_extract(value, '\$.role')||ifnull(json_extract(value, '\$.target'), '')||ifnull(json_extract(value, '\$.text'), '') AS k FROM json_each(readfile('$ref')) WHERE json_extract(value, '\$.role') <> 'logistics' ORDER BY k)")" = \
    "$(q "$cdb" "SELECT group_concat(k, '|') FROM (SELECT type||role||ifnull(target,'')||ifnull(text,'') AS k FROM actions ORDER BY k)")"
expect "another group's role refused and counted" test "$(json "$SCRATCH/team.json" '$.team.foreign_role')" = 1
expect "no logistics action in the team log" test "$(team_count "AND a.role = 'logistics'")" = 0
expect "the host's world is the class session's" test "$(json "$SCRATCH/team.json" '$.team.world_hash')" = \
    "$(q "$cdb" "SELECT world_hash FROM sessions WHERE trainee = 'team'")"
expect "the seats' world is the host's" test "$(json "$SCRATCH/team.json" '$.team.world_hash')" = \
    "$(json "$SCRATCH/command.end.json" '$.world_hash')"
expect "team total as stored" test "$(json "$SCRATCH/team.json" '$.team.total')" = \
    "$(q "$cdb" "SELECT round(total, 2) FROM sessions WHERE trainee = 'team'")"
expect "a line per plan group" test "$(json "$SCRATCH/team.json" '$.team.groups[0].group'),$(json "$SCRATCH/team.json" '$.team.groups[1].group'),$(json "$SCRATCH/team.json" '$.team.groups[2].group'),$(json "$SCRATCH/team.json" '$.team.groups[3].group')" = command,analysis,communication,logistics
expect "the analysis group earned process points" test "$(sqlite3 :memory: "SELECT json_extract(readfile('$SCRATCH/team.json'), '\$.team.groups[1].points') > 0")" = 1
# The group lines are stored with the team session: the report (JSON and PDF) and the listing show what the host printed.
team_id=$(q "$cdb" "SELECT id FROM sessions WHERE trainee = 'team'")
"$YQ" report "$team_id" --save "$cdb" -o "$SCRATCH/team_report.json" > /dev/null || fail "team report"
lines() { sqlite3 :memory: "SELECT group_concat(json_extract(value, '\$.group')||'='||printf('%.2f/%.2f', json_extract(value, '\$.points'), json_extract(value, '\$.max')), ',') FROM json_each(json_extract(readfile('$1'), '$2'))"; }
printed=$(lines "$SCRATCH/team.json" '$.team.groups')
expect "the report's 4 group lines are the host's ($printed)" test "$(lines "$SCRATCH/team_report.json" '$.scorecard.groups')" = "$printed"
expect "4 group lines in the report" test \
    "$(sqlite3 :memory: "SELECT json_array_length(json_extract(readfile('$SCRATCH/team_report.json'), '\$.scorecard.groups'))")" = 4
"$YQ" report "$team_id" --save "$cdb" --lang en -o "$SCRATCH/team_report.pdf" > /dev/null || fail "team PDF report"
expect "the PDF has the group lines" grep -q "one line per plan group" <(pdftotext "$SCRATCH/team_report.pdf" -)
expect "the PDF names the communication group" grep -q "^communication$" <(pdftotext "$SCRATCH/team_report.pdf" -)
"$YQ" sessions --save "$cdb" > "$SCRATCH/sessions.txt" || fail "sessions"
expect "sessions lists the group lines" test "$(grep -c "(process steps)" "$SCRATCH/sessions.txt")" = 4

# A seat naming a group the plan lacks is told at once.
if "$YQ" join "$code" --trainee x --group press --headless --scenario city_video --save "$SCRATCH/x.db" \
    --responses "$SCRATCH/analysis.json" > /dev/null 2> "$SCRATCH/x.err"; then fail "an unknown group was accepted"; else ok; fi
expect "the plan's groups named" grep -q "command, analysis, communication, logistics" "$SCRATCH/x.err"

# The host's clock: at --speed 1000000 the four-hour drill is over within a fraction of a second, so a seat
# arriving later has every proposal refused (after the drill's end) and replays the empty log like the host.
TMPDIR=$SCRATCH "$YQ" host --headless --json --team --scenario city_video --seats 1 --speed 1000000 --class late \
    --port "$port" --db "$SCRATCH/late.db" < /dev/null > "$SCRATCH/late.out" 2> "$SCRATCH/late.err" &
host=$!
wait_for 10 'grep -q join_code "$SCRATCH/late.out"' || fail "late host printed no join code: $(cat "$SCRATCH/late.err")"
head -n 1 "$SCRATCH/late.out" > "$SCRATCH/late.code.json"
n_analysis=$(sqlite3 :memory: "SELECT json_array_length(readfile('$SCRATCH/analysis.json'))")
"$YQ" join "$(json "$SCRATCH/late.code.json" '$.join_code')" --trainee late --group analysis --headless --json \
    --scenario city_video --save "$SCRATCH/late_seat.db" --responses "$SCRATCH/analysis.json" \
    > "$SCRATCH/late_seat.out" 2> "$SCRATCH/late_seat.err" &
wait_exit 30 $! "the late seat"
kill -TERM "$host"
wait "$host" || fail "late host exit status"
grep '^{"team"' "$SCRATCH/late.out" > "$SCRATCH/late.team.json"
expect "every late proposal refused ($n_analysis)" test "$(json "$SCRATCH/late.team.json" '$.team.invalid'),$(json "$SCRATCH/late.team.json" '$.team.accepted')" = "$n_analysis,0"
expect "the reason is the drill's end" grep -q "comes after the drill ends" "$SCRATCH/late.err"
expect "the late seat's world is the host's" test "$(json "$SCRATCH/late_seat.out" '$.world_hash')" = \
    "$(json "$SCRATCH/late.team.json" '$.team.world_hash')"
finish
