# determinism.sh — same scenario + seed + actions = same world: two runs print identical scorecards
# and store the same world hash; export-actions replays to the identical scorecard; another seed differs.
. "$(dirname "$0")/lib.sh"

ref="$SRC/scenarios/city_video/responses/reference.json"
db="$SCRATCH/d.db"
"$YQ" run city_video --headless --json --seed 7 --save "$db" --responses "$ref" > "$SCRATCH/a.json" || fail "run a"
"$YQ" run city_video --headless --json --seed 7 --save "$db" --responses "$ref" > "$SCRATCH/b.json" || fail "run b"
expect "same seed, same scorecard" cmp -s "$SCRATCH/a.json" "$SCRATCH/b.json"
hashes=$(sqlite3 "$db" "SELECT DISTINCT world_hash FROM sessions" | wc -l)
expect "same seed, same world hash" test "$hashes" -eq 1

"$YQ" export-actions 1 --save "$db" > "$SCRATCH/exported.json" || fail "export-actions"
"$YQ" run city_video --headless --json --seed 7 --no-save --responses "$SCRATCH/exported.json" > "$SCRATCH/c.json" || fail "replay"
expect "exported actions replay to the identical scorecard" cmp -s "$SCRATCH/a.json" "$SCRATCH/c.json"

"$YQ" grade 1 --save "$db" --json > "$SCRATCH/graded.json" || fail "grade"
expect "re-grading gives the identical scorecard" cmp -s "$SCRATCH/a.json" "$SCRATCH/graded.json"

"$YQ" run city_video --headless --json --seed 8 --no-save --responses "$ref" > "$SCRATCH/s8.json" || fail "seed 8"
"$YQ" run city_video --headless --seed 7 --no-save --responses "$ref" > "$SCRATCH/t7.txt" || fail "text 7"
"$YQ" run city_video --headless --seed 8 --no-save --responses "$ref" > "$SCRATCH/t8.txt" || fail "text 8"
expect "another seed gives another world" sh -c "! cmp -s '$SCRATCH/t7.txt' '$SCRATCH/t8.txt'"
finish
