# live_host_restart.sh — a class on a centre's own broker (`host --broker`): the host restarted mid-drill
# finds the running station again from its status messages and the class database (grid, and the console
# reaches it by name), and the station accepts the new host run's controls.
. "$(dirname "$0")/lib.sh"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cdb="$SCRATCH/class.db"
cell() { # cell GRID TRAINEE KEY
    sqlite3 :memory: "SELECT json_extract(value, '\$.$3') FROM json_each(readfile('$1'), '\$.stations')
                      WHERE json_extract(value, '\$.trainee') = '$2'" 2>/dev/null
}

# The centre's broker: anonymous loopback mosquitto of the test's own.
centre_broker "$port"
url="mqtt://127.0.0.1:$port"

YQ_CLASS_PASSWORD=pw "$YQ" host --headless --class demo --broker "$url" --db "$cdb" \
    --json-status "$SCRATCH/grid1.json" < /dev/null > "$SCRATCH/host1.out" 2> "$SCRATCH/host1.err" &
host=$!
wait_for 10 'grep -q "^join code" "$SCRATCH/host1.out"' || fail "first host printed no join code: $(cat "$SCRATCH/host1.err")"
"$YQ" join --broker "$url" --class demo --password pw --trainee alice --headless --scenario city_video \
    --save "$SCRATCH/alice.db" --speed 1 --json --responses "$SRC/scenarios/city_video/responses/reference.json" \
    > "$SCRATCH/alice.json" 2> "$SCRATCH/alice.err" &
alice=$!
wait_for 20 'test "$(cell "$SCRATCH/grid1.json" alice connected)" = 1' || fail "alice not in the first host's grid"
kill -TERM "$host"
wait "$host" || fail "first host exit status"

mkfifo "$SCRATCH/console"
YQ_CLASS_PASSWORD=pw "$YQ" host --headless --class demo --broker "$url" --db "$cdb" \
    --json-status "$SCRATCH/grid2.json" < "$SCRATCH/console" > "$SCRATCH/host2.out" 2> "$SCRATCH/host2.err" &
host=$!
exec 5> "$SCRATCH/console"
wait_for 20 'test "$(cell "$SCRATCH/grid2.json" alice connected)" = 1' \
    || fail "the restarted host's grid never found alice: $(cat "$SCRATCH/grid2.json" 2>/dev/null)"
expect "her scenario time is there" test -n "$(cell "$SCRATCH/grid2.json" alice t)"
echo "end alice" >&5
wait_exit 20 "$alice" "alice after end"
expect "alice ended by the new host run" test "$(sqlite3 "$SCRATCH/alice.db" "SELECT text FROM notes")" = "class control: end"
wait_for 10 'test "$(cell "$SCRATCH/grid2.json" alice finished)" = 1' || fail "alice not shown finished"
expect "alice finished in the class database" \
    test "$(sqlite3 "$cdb" "SELECT count(*) FROM sessions WHERE trainee = 'alice' AND finished IS NOT NULL")" = 1
exec 5>&-
kill -TERM "$host"
wait "$host" || fail "second host exit status"
finish
