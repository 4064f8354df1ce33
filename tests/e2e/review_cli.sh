# review_cli.sh — `yqdrill review ID` refuses what it cannot show, with a reason and exit 1: an unknown
# session, a session that never finished (no scorecard yet), and a finished one when there is no display.
. "$(dirname "$0")/lib.sh"
unset DISPLAY WAYLAND_DISPLAY

db="$SCRATCH/r.db"
"$YQ" run city_video --headless --save "$db" --responses "$SRC/scenarios/city_video/responses/poor.json" > /dev/null ||
    fail "the finished drill"
# An unfinished session: the first one's start, as a drill that crashed before its end leaves it.
sqlite3 "$db" "INSERT INTO sessions (uuid, trainee, scenario, content_hash, seed, plan, started)
    SELECT 'b7f5a3c2-0000-4000-8000-000000000002', trainee, scenario, content_hash, seed, plan, started
    FROM sessions WHERE id = 1"
expect "the second session is unfinished" test "$(sqlite3 "$db" "SELECT finished IS NULL FROM sessions WHERE id = 2")" = 1

"$YQ" review 99 --save "$db" > /dev/null 2> "$SCRATCH/unknown.err"; rc=$?
expect "an unknown session exits 1" test $rc -eq 1
expect "an unknown session is named" grep -q "99" "$SCRATCH/unknown.err"

"$YQ" review 2 --save "$db" > /dev/null 2> "$SCRATCH/open.err"; rc=$?
expect "an unfinished session exits 1" test $rc -eq 1
expect "an unfinished session says so" grep -q "not finished" "$SCRATCH/open.err"

"$YQ" review 1 --save "$db" > /dev/null 2> "$SCRATCH/nodisplay.err"; rc=$?
expect "no display exits 1" test $rc -eq 1
expect "no display says so and points to the report" grep -q "needs a display.*report 1" "$SCRATCH/nodisplay.err"

"$YQ" review > /dev/null 2> "$SCRATCH/usage.err"; rc=$?
expect "no id exits 1 with the usage" sh -c "test $rc -eq 1 && grep -q 'usage: yqdrill review ID' '$SCRATCH/usage.err'"
expect "--help lists review" sh -c "'$YQ' --help | grep -q 'yqdrill review ID'"
finish
