# live_team_controls.sh — the instructor's controls in a team drill, typed on the host's console: an inject and a
# post become actions of the team's accepted log (each once, at the seq the host answered, in every seat's log),
# so does a classmate reporter's live question (an ask); pause and resume are kept as instructor notes of the team
# session, and "end team" closes the drill: every seat
# replays the same world as the host. Pause, resume and speed drive the host's team clock.
. "$(dirname "$0")/lib.sh"

team_split "'command'" "$SCRATCH/command.json"
team_split "'monitor'" "$SCRATCH/analysis.json"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cdb="$SCRATCH/class.db"
log_of() { q "$1" "SELECT group_concat(seq||t||type||role||ifnull(target,'')||ifnull(text,''), '|') FROM (SELECT * FROM actions ORDER BY seq)"; }
count() { q "$1" "SELECT count(*) FROM actions WHERE type = '$2'"; }

mkfifo "$SCRATCH/console"
TMPDIR=$SCRATCH "$YQ" host --headless --json --team --scenario city_video --class tc --port "$port" --db "$cdb" \
    < "$SCRATCH/console" > "$SCRATCH/host.out" 2> "$SCRATCH/host.err" &
host=$!
exec 5> "$SCRATCH/console"
wait_for 10 'grep -q join_code "$SCRATCH/host.out"' || fail "host printed no join code: $(cat "$SCRATCH/host.err")"
code=$(head -n 1 "$SCRATCH/host.out" | sed 's/.*"join_code": "\([^"]*\)".*/\1/')
for g in command analysis; do
    "$YQ" join "$code" --trainee "p_$g" --group "$g" --headless --scenario city_video --speed 1000 --json \
        --save "$SCRATCH/$g.db" --responses "$SCRATCH/$g.json" > "$SCRATCH/$g.out" 2> "$SCRATCH/$g.err" &
    eval "seat_$g=\$!"
done
wait_for 30 'test "$(q "$cdb" "SELECT count(*) FROM actions")" -ge 2' || fail "no seat's action accepted"
echo "inject all i_field" >&5
echo "post team \"城管回应：正在核实\"" >&5
echo "pause all" >&5
echo "resume team" >&5
echo "inject all no-such-inject" >&5
wait_for 20 'test "$(count "$cdb" inject),$(count "$cdb" post)" = 1,1' || fail "the controls never reached the team's log"
# A classmate's live question to the team: an ask in the team's log, every seat's.
printf '%s\n' "摊贩现在伤情如何？" | "$YQ" join "$code" --reporter 李记者 --outlet 都市报 --all > "$SCRATCH/reporter.out" \
    2> "$SCRATCH/reporter.err" || fail "reporter: $(cat "$SCRATCH/reporter.err")"
wait_for 20 'test "$(count "$cdb" ask)" = 1' || fail "the reporter's question never reached the team's log"
expect "the question as asked, by its reporter and outlet" test \
    "$(q "$cdb" "SELECT target || '|' || channel || '|' || text FROM actions WHERE type = 'ask'")" = "李记者|都市报|摊贩现在伤情如何？"
echo "end team" >&5
for g in command analysis; do eval "wait_exit 60 \$seat_$g 'the $g seat'"; done
exec 5>&-
kill -TERM "$host"
wait "$host" || fail "host exit status"
cat "$SCRATCH/host.out"
grep '^{"team"' "$SCRATCH/host.out" > "$SCRATCH/team.json"

expect "the inject's seq is the one the host answered" test \
    "$(grep '"op": "inject"' "$SCRATCH/host.out" | sed 's/.*"seq": \([0-9-]*\).*/\1/')" = \
    "$(q "$cdb" "SELECT seq FROM actions WHERE type = 'inject'")"
expect "an unknown inject refused, not logged" grep -q "team control inject refused" "$SCRATCH/host.err"
expect "pause, resume and end kept as the team session's notes" test \
    "$(q "$cdb" "SELECT group_concat(text, ',') FROM (SELECT text FROM notes ORDER BY id)")" = \
    "class control: pause,class control: resume,class control: end"
expect "the team session closed by the end control" test "$(q "$cdb" "SELECT count(*) FROM sessions WHERE finished IS NOT NULL")" = 1
hash=$(json "$SCRATCH/team.json" '$.team.world_hash')
for g in command analysis; do
    tail -n 1 "$SCRATCH/$g.out" > "$SCRATCH/$g.end.json"
    expect "$g: the inject, the post and the question once in its log" test \
        "$(count "$SCRATCH/$g.db" inject),$(count "$SCRATCH/$g.db" post),$(count "$SCRATCH/$g.db" ask)" = 1,1,1
    expect "$g: its log is the team's" test "$(log_of "$SCRATCH/$g.db")" = "$(log_of "$cdb")"
    expect "$g: the host's world ($hash)" test "$(json "$SCRATCH/$g.end.json" '$.world_hash')" = "$hash"
done

# The team's clock (host --speed 10): paused, it stands even when the speed goes up to 1000000, so an inject is
# taken near the opening; resumed at that speed, the clock runs on (a scenario second a microsecond), so the
# next inject is taken later than the first, or refused once the four-hour drill is over.
mkfifo "$SCRATCH/clock"
TMPDIR=$SCRATCH "$YQ" host --headless --json --team --scenario city_video --speed 10 --class tk --port "$port" \
    --db "$SCRATCH/clock.db" < "$SCRATCH/clock" > "$SCRATCH/clock.out" 2> "$SCRATCH/clock.err" &
host=$!
exec 5> "$SCRATCH/clock"
wait_for 10 'grep -q join_code "$SCRATCH/clock.out"' || fail "clock host printed no join code: $(cat "$SCRATCH/clock.err")"
printf 'pause all\nspeed 1000000 all\n' >&5
wait_for 10 'grep -q "\"op\": \"speed\"" "$SCRATCH/clock.out"' || fail "no answer to the speed control"
sleep 0.2   # not a wait for an event: time that must pass on a paused clock (running, 200000 scenario seconds)
printf 'inject all i_field\n' >&5
wait_for 20 'test "$(count "$SCRATCH/clock.db" inject)" = 1' || fail "the paused team took no inject"
expect "taken on the paused clock, near the opening ($(q "$SCRATCH/clock.db" "SELECT t FROM actions"))" \
    test "$(q "$SCRATCH/clock.db" "SELECT t FROM actions")" -lt 600
t1=$(q "$SCRATCH/clock.db" "SELECT t FROM actions")
printf 'resume all\ninject all i_crowd\n' >&5
over() { grep -q "team control inject refused: .*comes after the drill ends" "$SCRATCH/clock.err"; }
wait_for 20 'over || test "$(count "$SCRATCH/clock.db" inject)" = 2' || fail "the second inject was not handled"
t2=$(q "$SCRATCH/clock.db" "SELECT max(t) FROM actions")
ran=no
over && ran=over
[ "$t2" -gt "$t1" ] && ran=later
expect "the resumed clock ran on ($t1 s, then $t2 s: $ran)" test "$ran" != no
exec 5>&-
kill -TERM "$host"
wait "$host" || fail "clock host exit status"

# A seat proposes by the team's clock when it has one: with the team paused from the start, a seat playing its
# file as fast as it can (--speed max) proposes nothing until the instructor resumes.
mkfifo "$SCRATCH/held"
TMPDIR=$SCRATCH "$YQ" host --headless --json --team --scenario city_video --speed 10 --class th --port "$port" \
    --db "$SCRATCH/held.db" < "$SCRATCH/held" > "$SCRATCH/held.out" 2> "$SCRATCH/held.err" &
host=$!
exec 5> "$SCRATCH/held"
wait_for 10 'grep -q join_code "$SCRATCH/held.out"' || fail "held host printed no join code: $(cat "$SCRATCH/held.err")"
printf 'pause all\n' >&5
wait_for 10 'grep -q "\"op\": \"pause\"" "$SCRATCH/held.out"' || fail "no answer to the pause"
"$YQ" join "$(head -n 1 "$SCRATCH/held.out" | sed 's/.*"join_code": "\([^"]*\)".*/\1/')" --trainee p_held \
    --group analysis --headless --scenario city_video --speed max --json --save "$SCRATCH/held_seat.db" \
    --responses "$SCRATCH/analysis.json" > "$SCRATCH/held_seat.out" 2> "$SCRATCH/held_seat.err" &
seat=$!
wait_for 10 'test -n "$(q "$SCRATCH/held_seat.db" "SELECT uuid FROM sessions")"' || fail "the seat never heard the team"
sleep 2   # not a wait for an event: time in which a seat ignoring the pause would have proposed everything
expect "nothing proposed while the team is paused" test "$(q "$SCRATCH/held.db" "SELECT count(*) FROM actions")" = 0
printf 'resume all\nspeed 1000 all\n' >&5
wait_for 20 'test "$(q "$SCRATCH/held.db" "SELECT count(*) FROM actions")" -ge 1' || fail "resumed, the seat proposed nothing"
printf 'end all\n' >&5
wait_exit 30 $seat "the held seat"
exec 5>&-
kill -TERM "$host"
wait "$host" || fail "held host exit status"
finish
