# lib.sh — shared helpers of the end-to-end tests (sourced, not a test itself):
# a fresh scratch folder (kept when KEEP is set, to look at after a failure), failure reporting, waiting
# on events, and the plain "N passed, N failed" closing line.
YQ=$1
SRC=$2
SCRATCH=$(mktemp -d "${YQ_TEST_TMP:-/tmp}/e2e.XXXXXX" 2>/dev/null || mktemp -d)
trap '[ -n "$KEEP" ] || rm -rf "$SCRATCH"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }
expect() { # expect DESCRIPTION COMMAND... : the command must succeed
    local what=$1; shift
    if "$@"; then ok; else fail "$what"; fi
}
# json_total FILE: the scorecard total from --json output.
json_total() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"])' "$1"; }
# run_jobs: plays every line "drill kind seed" of $SCRATCH/jobs headless into $SCRATCH/drill.kind.seed.json,
# in two workers (never more than two processes on the shared cores); a failed run is reported.
run_jobs() {
    local n f
    for n in 0 1; do
        awk -v n="$n" 'NR % 2 == n' "$SCRATCH/jobs" | while read -r id kind seed; do
            f="$SCRATCH/$id.$kind.$seed.json"
            "$YQ" run "$id" --headless --no-save --json --seed "$seed" \
                --responses "$SRC/scenarios/$id/responses/$kind.json" > "$f" 2> "$f.err" || mv "$f" "$f.failed"
        done &
    done
    wait
    for f in "$SCRATCH"/*.json.failed; do
        [ -e "$f" ] || continue
        fail "$(basename "$f" .json.failed): run failed: $(cat "${f%.failed}.err")"
    done
}
# scenario_triggers SCENARIO.lua: the code after its declarations, which a drill sheet does not hold and
# import-sheet --triggers carries beside it.
scenario_triggers() { awk '/^(local|on_[a-z]+\(|yq\.)/{p=1} p' "$1"; }
# openpyxl_python: the first python3 that can import openpyxl (Debian python3-openpyxl); empty if none.
openpyxl_python() {
    local p
    for p in python3 /usr/bin/python3; do
        "$p" -c 'import openpyxl' 2> /dev/null && { echo "$p"; return; }
    done
}
# wait_for SECONDS 'CONDITION': poll a shell condition (an event in a file), never a fixed sleep, until it
# holds or time runs out.
wait_for() {
    local until=$((SECONDS + $1))
    until eval "$2"; do [ $SECONDS -ge $until ] && return 1; sleep 0.05; done
}
# wait_exit SECONDS PID WHAT: the background process ends within SECONDS with status 0; if it does not end,
# it fails and is stopped (a test never hangs on it).
wait_exit() {
    if wait_for "$1" "! kill -0 $2 2> /dev/null"; then
        wait "$2" || fail "$3 failed"
    else
        fail "$3 did not end"
        kill -TERM "$2"
    fi
}
# centre_broker PORT: a centre's broker for the test, an anonymous loopback mosquitto of its own on PORT
# (started again by calling it again); its pid in $broker, stopped when the test exits.
centre_broker() {
    printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\n%s' "$1" \
        "$([ "$(id -u)" = 0 ] && echo 'user root')" > "$SCRATCH/broker.conf"
    mosquitto -c "$SCRATCH/broker.conf" >> "$SCRATCH/broker.log" 2>&1 &
    broker=$!
    trap 'kill -TERM $broker 2>/dev/null; [ -n "$KEEP" ] || rm -rf "$SCRATCH"' EXIT
}
# q DB SQL: one query's rows (errors quiet); json FILE PATH: one value of a JSON file.
q() { sqlite3 "$1" "$2" 2>/dev/null; }
json() { sqlite3 :memory: "SELECT json_extract(readfile('$1'), '$2')"; }
# team_split ROLES FILE: city_video's reference actions taken by these roles (an SQL list), as a response file
# (a team seat's share).
team_split() {
    sqlite3 :memory: "SELECT json_group_array(json(value)) FROM json_each(readfile('$SRC/scenarios/city_video/responses/reference.json'))
                      WHERE json_extract(value, '\$.role') IN ($1)" > "$2"
}
# class_host [OPTIONS...]: `yqdrill host --headless --class demo` on a free loopback port with the class database
# $SCRATCH/class.db and the options given; its console on fd 5, output in $SCRATCH/host.{out,err}; sets port,
# cdb, host (its pid), code (the join code) and pass (the stations' password).
class_host() {
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    cdb="$SCRATCH/class.db"
    mkfifo "$SCRATCH/console"
    TMPDIR=$SCRATCH "$YQ" host --headless --class demo --port "$port" --db "$cdb" "$@" < "$SCRATCH/console" \
        > "$SCRATCH/host.out" 2> "$SCRATCH/host.err" &
    host=$!
    exec 5> "$SCRATCH/console"
    wait_for 10 'grep -q "^join code" "$SCRATCH/host.out"' || fail "host printed no join code: $(cat "$SCRATCH/host.err")"
    code=$(sed -n 's/^join code: //p' "$SCRATCH/host.out")
    pass=${code##*/}
}
# replays WHO: session 1 of $SCRATCH/WHO.db, its log alone (exported to $SCRATCH/WHO.log.json) replayed on
# city_video, rebuilds the station's world byte for byte (the same world hash).
replays() {
    "$YQ" export-actions 1 --save "$SCRATCH/$1.db" > "$SCRATCH/$1.log.json" || fail "$1: export-actions"
    "$YQ" run city_video --headless --no-save --json --world --responses "$SCRATCH/$1.log.json" \
        > "$SCRATCH/$1.replay.json" || fail "$1: replay"
    test "$(sqlite3 :memory: "SELECT json_extract(readfile('$SCRATCH/$1.replay.json'), '\$.world.hash')")" = \
        "$(sqlite3 "$SCRATCH/$1.db" "SELECT world_hash FROM sessions")"
}
finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
