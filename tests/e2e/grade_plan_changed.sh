# grade_plan_changed.sh — `yqdrill grade` regrades a saved session against its plan file and warns,
# with the totals then and now, when that file changed since the session was graded (plan hash).
. "$(dirname "$0")/lib.sh"

db="$SCRATCH/saves.db"
plan="$SCRATCH/general.json"
cp "$SRC/scenarios/plans/general.json" "$plan"
"$YQ" run city_video --headless --save "$db" --plan "$plan" \
    --responses "$SRC/scenarios/city_video/responses/poor.json" > /dev/null || fail "run"
saved=$(sqlite3 "$db" "SELECT printf('%.2f', total) FROM sessions WHERE id = 1")

"$YQ" grade 1 --save "$db" --plan "$plan" > /dev/null 2> "$SCRATCH/err" || fail "grade, plan unchanged"
if grep -q "has changed" "$SCRATCH/err"; then fail "warning with the plan unchanged: $(cat "$SCRATCH/err")"; else ok; fi

# Double the points of the first deadline (8 -> 16): the same file name and plan id, another hash.
python3 - "$plan" <<'PY'
import json, sys
p = json.load(open(sys.argv[1], encoding="utf-8"))
p["deadlines"][0]["points"] *= 2
json.dump(p, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False)
PY
"$YQ" grade 1 --save "$db" --plan "$plan" --json > "$SCRATCH/now.json" 2> "$SCRATCH/err" || fail "grade, plan changed"
now=$(python3 -c 'import json, sys; print("%.2f" % json.load(open(sys.argv[1]))["total"])' "$SCRATCH/now.json")
diff=$(python3 -c "print(f'{$now - $saved:+.2f}')")
want="yqdrill: warning: plan general has changed since session 1 was graded: total $saved then, $now now ($diff)"
if grep -qxF "$want" "$SCRATCH/err"; then ok; else fail "wanted \"$want\", got: $(cat "$SCRATCH/err")"; fi
if [ "$now" != "$saved" ]; then ok; else fail "doubling a deadline's points left the total at $now"; fi
finish
