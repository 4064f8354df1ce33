# report_import.sh — `yqdrill import` merges another station's saves database: its sessions arrive with
# their actions and notes, a second import adds nothing, an imported session reports like the original,
# and a file that is not a saves database is refused without touching ours.
. "$(dirname "$0")/lib.sh"

responses="$SRC/scenarios/city_video/responses"
other="$SCRATCH/station_a.db"
ours="$SCRATCH/station_b.db"
"$YQ" run city_video --headless --seed 3 --save "$other" --trainee 张三 --responses "$responses/reference.json" > /dev/null \
    || fail "reference drill at station A"
"$YQ" run city_video --headless --seed 4 --save "$other" --trainee 李四 --responses "$responses/poor.json" > /dev/null \
    || fail "poor drill at station A"
sqlite3 "$other" "INSERT INTO notes (session, t, author, text, at) VALUES (2, 600, '王教官', '报告太晚。', '2024-05-01T10:00:00Z')"
"$YQ" run city_video --headless --seed 5 --save "$ours" --trainee 王五 --responses "$responses/reference.json" > /dev/null \
    || fail "drill at station B"

count() { sqlite3 "$ours" "SELECT count(*) FROM sessions"; }
"$YQ" import "$other" --save "$ours" > "$SCRATCH/first.txt" || fail "first import"
cat "$SCRATCH/first.txt"
expect "the first import adds both sessions" test "$(count)" -eq 3
"$YQ" import "$other" --save "$ours" > "$SCRATCH/second.txt" || fail "second import"
cat "$SCRATCH/second.txt"
expect "a second import leaves the session count unchanged" test "$(count)" -eq 3
expect "the second import says nothing new was added" grep -q "imported 0 sessions" "$SCRATCH/second.txt"
expect "actions were not doubled" test "$(sqlite3 "$ours" 'SELECT count(*) FROM actions')" -eq \
    "$(( $(sqlite3 "$other" 'SELECT count(*) FROM actions') + $(sqlite3 "$ours" 'SELECT count(*) FROM actions WHERE session = 1') ))"
expect "the note came along once" test "$(sqlite3 "$ours" "SELECT count(*) FROM notes WHERE text = '报告太晚。'")" -eq 1
expect "identity kept: seed and start time" test \
    "$(sqlite3 "$ours" "SELECT seed || started FROM sessions WHERE trainee = '李四'")" = \
    "$(sqlite3 "$other" "SELECT seed || started FROM sessions WHERE trainee = '李四'")"

# the imported session replays and reports exactly like the original
id=$(sqlite3 "$ours" "SELECT id FROM sessions WHERE trainee = '李四'")
"$YQ" report "$id" --save "$ours" -o "$SCRATCH/imported.json" > /dev/null || fail "report of the imported session"
"$YQ" report 2 --save "$other" -o "$SCRATCH/original.json" > /dev/null || fail "report of the original session"
expect "imported and original reports agree" python3 - "$SCRATCH/imported.json" "$SCRATCH/original.json" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
assert a["timeline"] == b["timeline"]
assert a["curves"] == b["curves"]
assert a["scorecard"] == b["scorecard"]
assert a["notes"] == b["notes"]
PY

echo "just text, not a database" > "$SCRATCH/notes.txt"
"$YQ" import "$SCRATCH/notes.txt" --save "$ours" 2> "$SCRATCH/err.txt"
expect "a non-database file is refused" test $? -eq 3
expect "the refusal names the file" grep -q "notes.txt" "$SCRATCH/err.txt"
"$YQ" import "$SCRATCH/missing.db" --save "$ours" 2> /dev/null
expect "a missing file is refused" test $? -ne 0
expect "no stray file was created for the missing database" test ! -e "$SCRATCH/missing.db"
expect "our sessions are untouched by refusals" test "$(count)" -eq 3
expect "integrity_check after imports" sh -c "sqlite3 '$ours' 'PRAGMA integrity_check' | grep -qx ok"
finish
