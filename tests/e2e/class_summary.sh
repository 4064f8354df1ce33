# class_summary.sh — `yqdrill class` over a class's drills ranks the reference response above the poor
# one, lists the poor one's misses as common mistakes with honest distributions, filters by scenario;
# `yqdrill growth` follows a trainee from a poor first drill to a good one.
. "$(dirname "$0")/lib.sh"

db="$SCRATCH/class.db"
responses="$SRC/scenarios/city_video/responses"
drill() { # drill TRAINEE RESPONSES SEED
    "$YQ" run city_video --headless --seed "$3" --save "$db" --trainee "$1" --responses "$responses/$2.json" > /dev/null \
        || fail "drill of $1 ($2)"
}
drill 李四 poor 3
drill 张三 reference 3
drill 赵六 poor 7
drill 赵六 reference 8

"$YQ" class --save "$db" -o "$SCRATCH/class.json" > "$SCRATCH/class.txt" || fail "class summary"
cat "$SCRATCH/class.txt"
expect "the class summary ranks reference above poor" python3 - "$SCRATCH/class.json" "$db" <<'PY'
import json, sqlite3, sys
c = json.load(open(sys.argv[1]))
db = sqlite3.connect(sys.argv[2])
ranked = [r["trainee"] for r in c["ranking"]]
assert ranked.index("张三") < ranked.index("李四"), ranked
# 赵六's latest session is the reference one: ranked by it, above 李四 too
assert ranked.index("赵六") < ranked.index("李四"), ranked
zhao = next(r for r in c["ranking"] if r["trainee"] == "赵六")
assert zhao["sessions"] == 2
latest = db.execute("SELECT total FROM sessions WHERE trainee = '赵六' ORDER BY started DESC, id DESC").fetchone()[0]
assert abs(zhao["total"] - latest) < 0.01
assert c["sessions"] == 4
# distributions are consistent with the stored scorecards
cards = [json.loads(r[0]) for r in db.execute("SELECT scorecard FROM sessions")]
for line in c["lines"]:
    pts = sorted(l["points"] for card in cards for l in card["lines"] if l["id"] == line["id"] and l["max"] > 0)
    d = line["points"]
    assert d["n"] == len(pts) and abs(d["min"] - pts[0]) < 0.01 and abs(d["max"] - pts[-1]) < 0.01, line
    assert d["min"] <= d["median"] <= d["max"] <= line["max"] + 1e-9
    below = sum(1 for card in cards for l in card["lines"] if l["id"] == line["id"] and 0 < l["max"] and l["points"] < l["max"] / 2)
    assert line["below_half"] == below, (line["id"], line["below_half"], below)
# common mistakes: lines missed (under half) in some session, most often first
mis = c["common_mistakes"]
assert mis, "a poor drill leaves mistakes"
assert [m["below_half"] for m in mis] == sorted((m["below_half"] for m in mis), reverse=True)
assert all(m["below_half"] >= 1 for m in mis)
PY
first=$(grep -n "张三" "$SCRATCH/class.txt" | head -1 | cut -d: -f1)
last=$(grep -n "李四" "$SCRATCH/class.txt" | head -1 | cut -d: -f1)
expect "the printed ranking lists reference before poor" test -n "$first" -a -n "$last" -a "${first:-0}" -lt "${last:-0}"

"$YQ" sessions --save "$db" > "$SCRATCH/sessions.txt" || fail "sessions"
expect "sessions lines up its columns under Chinese names by display width" python3 - "$SCRATCH/sessions.txt" <<'PY'
import sys, unicodedata
rows = open(sys.argv[1], encoding="utf-8").read().splitlines()
def col(line, word):   # display column where `word` starts
    i = line.index(word)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line[:i])
head = rows[0]
assert len(rows) == 5, rows
for r in rows[1:]:
    assert r.split()[-1] in ("finished", "unfinished"), r
    assert col(r, r.split()[-1]) == col(head, "state"), (r, head)
PY
"$YQ" class --scenario no_such_scenario --save "$db" > /dev/null 2>&1
expect "a scenario with no graded session is refused" test $? -eq 1
"$YQ" class --scenario city_video --save "$db" > /dev/null || fail "class filtered by scenario"

"$YQ" growth 赵六 --save "$db" -o "$SCRATCH/growth.json" > "$SCRATCH/growth.txt" || fail "growth"
cat "$SCRATCH/growth.txt"
expect "growth follows the trainee in time order and shows the improvement" python3 - "$SCRATCH/growth.json" <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))
s = g["sessions"]
assert g["trainee"] == "赵六" and len(s) == 2
assert s[0]["started"] <= s[1]["started"] and s[0]["id"] < s[1]["id"]
assert s[1]["total"] > s[0]["total"]
assert abs(g["change"]["total"] - (s[1]["total"] - s[0]["total"])) < 0.01
assert set(s[0]["competencies"]) == {"assessment", "release", "media", "rumour", "command", "care"}
# the axis labels carry the real start (date and time) and stay apart for sessions of the same day
labels = [x["label"] for x in s]
assert len(set(labels)) == len(labels), labels
for x in s:
    assert x["label"].startswith(x["started"][:10] + " " + x["started"][11:16]), x
PY
"$YQ" growth 赵六 --save "$db" -o "$SCRATCH/growth.pdf" > /dev/null || fail "growth PDF"
day=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["sessions"][0]["started"][:10])' "$SCRATCH/growth.json")
expect "the growth PDF's axis shows each session's time, not only its date" \
    test "$(pdftotext "$SCRATCH/growth.pdf" - | grep -c "$day [0-9][0-9]:[0-9][0-9] #")" -ge 2
expect "growth prints one row per session" test "$(grep -c 'city_video' "$SCRATCH/growth.txt")" -eq 2
"$YQ" growth nobody --save "$db" > /dev/null 2>&1
expect "growth of an unknown trainee is refused" test $? -eq 1
finish
