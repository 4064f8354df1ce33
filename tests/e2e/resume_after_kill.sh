# resume_after_kill.sh — a drill killed with SIGKILL mid-run loses no action: `yqdrill resume`
# continues it, the database passes integrity_check, and the final world equals an uninterrupted run.
. "$(dirname "$0")/lib.sh"

ref="$SRC/scenarios/city_video/responses/reference.json"
db="$SCRATCH/k.db"
"$YQ" run city_video --headless --seed 3 --save "$SCRATCH/full.db" --responses "$ref" > /dev/null || fail "full run"
full_hash=$(sqlite3 "$SCRATCH/full.db" "SELECT world_hash FROM sessions WHERE id = 1")

"$YQ" run city_video --headless --seed 3 --speed 1500 --save "$db" --responses "$ref" > /dev/null 2>&1 &
pid=$!
# Wait until a few actions are saved, then kill without warning.
for _ in $(seq 1 200); do
    n=$(sqlite3 "$db" "SELECT count(*) FROM actions" 2>/dev/null || echo 0)
    [ "${n:-0}" -ge 3 ] && break
    sleep 0.05
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
saved=$(sqlite3 "$db" "SELECT count(*) FROM actions WHERE session = 1")
total=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$ref")
echo "actions saved before the kill: $saved of $total"
expect "some but not all actions were saved before the kill" test "$saved" -ge 3 -a "$saved" -lt "$total"
expect "integrity_check after kill" sh -c "sqlite3 '$db' 'PRAGMA integrity_check' | grep -qx ok"
expect "session is unfinished" sh -c "'$YQ' sessions --save '$db' | grep -q unfinished"

# The rest of the reference response, from where the killed run stopped, continues the drill.
python3 - "$ref" "$saved" "$SCRATCH/rest.json" <<'PY'
import json, sys
acts = json.load(open(sys.argv[1]))
json.dump(acts[int(sys.argv[2]):], open(sys.argv[3], "w"), ensure_ascii=False)
PY
"$YQ" resume 1 --headless --save "$db" --responses "$SCRATCH/rest.json" > /dev/null || fail "resume"
resumed_hash=$(sqlite3 "$db" "SELECT world_hash FROM sessions WHERE id = 1")
expect "resumed world equals the uninterrupted world" test -n "$full_hash" -a "$full_hash" = "$resumed_hash"
expect "all actions present after resume" test "$(sqlite3 "$db" 'SELECT count(*) FROM actions WHERE session = 1')" -eq "$total"
finish
