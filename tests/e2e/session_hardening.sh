# session_hardening.sh — sessions survive what trainees and instructors do to them: resume with the
# original response file, a bad file refused before any session begins, export that replays exactly
# (seed and scenario version carried), overrides within a line's maximum, notes within the drill, a
# run without a display refused, and stored names printed without terminal escapes.
. "$(dirname "$0")/lib.sh"
unset DISPLAY WAYLAND_DISPLAY

ref="$SRC/scenarios/city_video/responses/reference.json"
db="$SCRATCH/s.db"

# resume with the original file: the saved actions are skipped, the rest is taken
"$YQ" run city_video --headless --seed 3 --save "$SCRATCH/full.db" --responses "$ref" > /dev/null || fail "full run"
full_hash=$(sqlite3 "$SCRATCH/full.db" "SELECT world_hash FROM sessions WHERE id = 1")
python3 - "$ref" "$SCRATCH/first3.json" <<'PY'
import json, sys
json.dump(json.load(open(sys.argv[1]))[:3], open(sys.argv[2], "w"), ensure_ascii=False)
PY
"$YQ" run city_video --headless --seed 3 --save "$db" --responses "$SCRATCH/first3.json" > /dev/null || fail "short run"
sqlite3 "$db" "UPDATE sessions SET finished = NULL, scorecard = NULL, total = NULL, world_hash = NULL WHERE id = 1"
"$YQ" resume 1 --headless --save "$db" --responses "$ref" > /dev/null 2> "$SCRATCH/resume.err"
expect "resume with the original response file succeeds" test $? -eq 0
expect "resumed with the original file equals the uninterrupted run" \
    test "$(sqlite3 "$db" "SELECT world_hash FROM sessions WHERE id = 1")" = "$full_hash"
expect "no action saved twice" test "$(sqlite3 "$db" "SELECT count(*) FROM actions WHERE session = 1")" -eq \
    "$(sqlite3 "$SCRATCH/full.db" "SELECT count(*) FROM actions WHERE session = 1")"

# a file whose last action comes after the drill's end is refused whole: no session is begun
python3 - "$ref" "$SCRATCH/late.json" <<'PY'
import json, sys
acts = json.load(open(sys.argv[1]))
acts.append({"t": 10 ** 7, "type": "summary", "role": "command", "text": "太晚了"})
json.dump(acts, open(sys.argv[2], "w"), ensure_ascii=False)
PY
before=$(sqlite3 "$db" "SELECT count(*) FROM sessions")
"$YQ" run city_video --headless --save "$db" --responses "$SCRATCH/late.json" > /dev/null 2> "$SCRATCH/late.err"
expect "a late action is refused with exit 1" test $? -eq 1
expect "the refusal names the action" grep -q "after the drill ends" "$SCRATCH/late.err"
expect "no session was begun for the refused file" test "$(sqlite3 "$db" "SELECT count(*) FROM sessions")" -eq "$before"

# export carries seed, scenario version and plan; replaying it needs no --seed; a different --seed is an error
"$YQ" export-actions 1 --save "$SCRATCH/full.db" > "$SCRATCH/export.json" || fail "export"
expect "the export names its seed and scenario" python3 - "$SCRATCH/export.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["seed"] == "3" and d["scenario"] == "city_video" and len(d["content_hash"]) == 16 and d["actions"]
PY
"$YQ" run city_video --headless --no-save --json --responses "$SCRATCH/export.json" > "$SCRATCH/replay.json" || fail "replay"
"$YQ" run city_video --headless --no-save --json --seed 3 --responses "$ref" > "$SCRATCH/orig.json" || fail "original"
expect "the export replays to the same total without --seed" test "$(json_total "$SCRATCH/replay.json")" = \
    "$(json_total "$SCRATCH/orig.json")"
"$YQ" run city_video --headless --no-save --seed 4 --responses "$SCRATCH/export.json" > /dev/null 2> "$SCRATCH/seed.err"
expect "a --seed that differs from the file's is refused" test $? -eq 1
expect "the seed refusal says why" grep -q "seed" "$SCRATCH/seed.err"

# overrides within the line's maximum, notes within the drill
line=$(sqlite3 "$SCRATCH/full.db" "SELECT json_extract(scorecard, '\$.lines[0].id') FROM sessions WHERE id = 1")
max=$(sqlite3 "$SCRATCH/full.db" "SELECT json_extract(scorecard, '\$.lines[0].max') FROM sessions WHERE id = 1")
"$YQ" override 1 "$line" 99 --by 李教官 --save "$SCRATCH/full.db" > /dev/null 2> "$SCRATCH/ov.err"
expect "an override above the line's maximum ($max) is refused" test $? -eq 1
expect "no override was stored" test "$(sqlite3 "$SCRATCH/full.db" "SELECT count(*) FROM overrides")" -eq 0
"$YQ" override 1 "$line" "$max" --by 李教官 --save "$SCRATCH/full.db" > /dev/null || fail "override at the maximum"
"$YQ" note 1 "太晚" --at 100000 --save "$SCRATCH/full.db" > /dev/null 2> "$SCRATCH/note.err"
expect "a note past the drill's end is refused" test $? -eq 1
"$YQ" note 1 "首次回应偏晚" --at 30 --save "$SCRATCH/full.db" > /dev/null || fail "a note within the drill"

# without a display and without --headless nothing is played or saved
"$YQ" run city_video --trainee 王芳 --save "$SCRATCH/nodisp.db" > /dev/null 2> "$SCRATCH/nodisp.err"
expect "no display without --headless exits 1" test $? -eq 1
expect "the refusal mentions --headless" grep -q -- "--headless" "$SCRATCH/nodisp.err"
expect "no session was saved" sh -c "! sqlite3 '$SCRATCH/nodisp.db' 'SELECT 1 FROM sessions' 2>/dev/null | grep -q 1"

# names with escape, control and bidi characters are printed harmlessly
sqlite3 "$SCRATCH/full.db" "UPDATE sessions SET trainee = char(27) || '[2J王' || char(8238) || '芳' || char(7) WHERE id = 1"
"$YQ" sessions --save "$SCRATCH/full.db" > "$SCRATCH/list.txt" || fail "sessions"
expect "sessions prints no ESC, BEL or bidi override" python3 - "$SCRATCH/list.txt" <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
assert "\x1b" not in t and "\x07" not in t and "\u202e" not in t and "王" in t
PY
"$YQ" class --save "$SCRATCH/full.db" > "$SCRATCH/class.txt" || fail "class"
expect "class prints no ESC or bidi override" python3 - "$SCRATCH/class.txt" <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
assert "\x1b" not in t and "\u202e" not in t
PY
finish
