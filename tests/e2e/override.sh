# override.sh — an instructor overrides a rubric line: it is signed, stored, changes the stored total
# shown by `sessions`, survives re-grading, and an unknown line or a missing signature is refused.
. "$(dirname "$0")/lib.sh"

db="$SCRATCH/o.db"
"$YQ" run city_video --headless --save "$db" --responses "$SRC/scenarios/city_video/responses/poor.json" > /dev/null || fail "run"
before=$(sqlite3 "$db" "SELECT total FROM sessions WHERE id = 1")
# The first line that lost points is raised to full marks.
read -r line max <<< "$(sqlite3 "$db" "SELECT scorecard FROM sessions WHERE id = 1" | python3 -c '
import json, sys
card = json.load(sys.stdin)
l = next(l for l in card["lines"] if l["points"] < l["max"])
print(l["id"], l["max"])')"
"$YQ" override 1 "$line" "$max" --by 李教官 --comment "现场口头汇报已完成" --save "$db" > "$SCRATCH/out" || fail "override"
after=$(sqlite3 "$db" "SELECT total FROM sessions WHERE id = 1")
echo "line $line raised to $max: total $before -> $after"
expect "override raises the stored total" python3 -c "import sys; sys.exit(0 if $after > $before else 1)"
expect "override is signed and dated" test "$(sqlite3 "$db" "SELECT count(*) FROM overrides WHERE by_name = '李教官' AND at <> ''")" -eq 1
"$YQ" grade 1 --save "$db" > "$SCRATCH/grade" || fail "grade"
expect "re-grading keeps the override" grep -q "\[override\]" "$SCRATCH/grade"
"$YQ" override 1 no.such.line 1 --by 李教官 --save "$db" > /dev/null 2>&1; rc=$?
expect "unknown line refused" test $rc -eq 1
"$YQ" override 1 "$line" 1 --save "$db" > /dev/null 2>&1; rc=$?
expect "unsigned override refused" test $rc -eq 1
"$YQ" note 1 "复盘：首次回应太晚" --by 李教官 --at 30 --save "$db" > /dev/null || fail "note"
expect "note stored" test "$(sqlite3 "$db" "SELECT count(*) FROM notes WHERE session = 1")" -eq 1
finish
