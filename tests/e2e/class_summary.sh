# class_summary.sh — `yqdrill class` over six trainees and two scenarios: one section per drill, latest and
# best attempts, lines lost counted per trainee, what to teach next with real examples, PDF pages drawn,
# the records as XLSX and CSV (quoting kept);
# `yqdrill growth` follows a trainee from a poor first drill to a good one, drill by drill (first against latest).
. "$(dirname "$0")/lib.sh"

db="$SCRATCH/class.db"
drill() { # drill TRAINEE SCENARIO RESPONSES SEED
    "$YQ" run "$2" --headless --seed "$4" --save "$db" --trainee "$1" \
        --responses "$SRC/scenarios/$2/responses/$3.json" > /dev/null || fail "drill of $1 ($2 $3)"
}
# six trainees over two scenarios; 赵六 and 孙七 try the city video twice (孙七's latest is not his best),
# 周八 plays only the water scare
drill 李四 city_video poor 3
drill 张三 city_video reference 3
drill 赵六 city_video poor 7
drill 赵六 city_video reference 8
drill 孙七 city_video excellent 4
drill 孙七 city_video silent 5
drill 钱五 city_video novice 6
drill 李四 water_scare reference 3
drill 张三 water_scare poor 3
drill 周八 water_scare imperfect 2
drill 钱五 water_scare negligent 4

"$YQ" class --save "$db" -o "$SCRATCH/class.json" > "$SCRATCH/class.txt" || fail "class summary"
cat "$SCRATCH/class.txt"
expect "the class summary keeps each drill apart, on latest and best attempts, counted per trainee" \
    python3 - "$SCRATCH/class.json" "$db" <<'PY'
import json, sqlite3, sys
c = json.load(open(sys.argv[1]))
db = sqlite3.connect(sys.argv[2])
rows = db.execute("SELECT id, trainee, scenario, started, total, scorecard FROM sessions ORDER BY started, id").fetchall()
drills = {(d["scenario"], d["plan"]): d for d in c["drills"]}
assert len(drills) == 2 and {s for s, _ in drills} == {"city_video", "water_scare"}, list(drills)
for (scen, plan), d in drills.items():
    mine = [r for r in rows if r[2] == scen and json.loads(r[5])["plan"] == plan]
    assert sorted(x["id"] for x in d["sessions"]) == sorted(r[0] for r in mine), scen
    names = sorted({r[1] for r in mine})
    for view in ("latest", "best"):
        v = d[view]
        assert sorted(t["trainee"] for t in v["trainees"]) == names, (scen, view)
        totals = [t["total"] for t in v["trainees"]]
        assert totals == sorted(totals, reverse=True), totals
        assert sum(v["histogram"]) == len(names)
        chosen = {}
        for t in v["trainees"]:
            att = [r for r in mine if r[1] == t["trainee"]]
            pick = att[-1] if view == "latest" else max(att, key=lambda r: (r[4], r[3], r[0]))
            assert t["session"] == pick[0] and abs(t["total"] - pick[4]) < 0.01, (scen, view, t)
            assert t["attempts"] == len(att)
            card = json.loads(pick[5])
            lost = [l for l in card["lines"] if l["max"] > 0 and l["points"] < l["max"] - 1e-9]
            assert t["mistakes"] == len(lost), (t, len(lost))
            chosen[t["trainee"]] = card
        # each line: trainees who lost points on it, once per trainee however often they tried
        for line in v["lines"]:
            held = [cd for cd in chosen.values() for l in cd["lines"] if l["id"] == line["id"] and l["max"] > 0]
            lost = [cd for cd in chosen.values() for l in cd["lines"]
                    if l["id"] == line["id"] and l["max"] > 0 and l["points"] < l["max"] - 1e-9]
            assert line["trainees"] == len(held) and line["lost"] == len(lost), (scen, view, line)
            assert line["lost"] <= len(names)
        # what to teach next: the three lines where the class lost the largest share of its points (those
        # with a statement to show first), with a clause and examples from the class
        share = lambda l: l["points_lost"] / (len(names) * l["max"])
        for line in v["lines"]:
            assert line["quoted"] == sum(1 for cd in chosen.values() for l in cd["lines"] if l["id"] == line["id"]
                                         and l["max"] > 0 and any(e.get("quote") for e in l["evidence"])), line
        order = sorted((l for l in v["lines"] if l["lost"]), key=lambda l: (l["quoted"] == 0, -share(l), -l["lost"]))
        teach = v["teach_next"]
        assert len(teach) == min(3, len(order)) >= 1, teach
        assert [round(share(l), 6) for l in order[:3]] == \
            [round(share(next(l for l in v["lines"] if l["id"] == t["id"])), 6) for t in teach], (teach, order[:3])
        for t in teach:
            assert t["title"] in t["clause"] and t["clause"] != t["title"], t
            w = t["wrong"]
            assert w and w["trainee"] in chosen, t
            wl = next(l for l in chosen[w["trainee"]]["lines"] if l["id"] == t["id"])
            assert wl["points"] < wl["max"] and abs(w["points"] - wl["points"]) < 0.01, (t, wl)
            if w["quote"] is not None:
                assert any(e.get("quote") == w["quote"] for e in wl["evidence"]), t
            r = t["right"]
            if r is not None:
                rl = next(l for l in chosen[r["trainee"]]["lines"] if l["id"] == t["id"])
                assert rl["points"] >= rl["max"], (t, rl)
# the city video's 孙七: latest is the silent run, best the excellent one; 赵六 has two attempts
city = drills[next(k for k in drills if k[0] == "city_video")]
lat = {t["trainee"]: t for t in city["latest"]["trainees"]}
best = {t["trainee"]: t for t in city["best"]["trainees"]}
assert lat["孙七"]["total"] < best["孙七"]["total"], (lat["孙七"], best["孙七"])
assert lat["赵六"]["attempts"] == 2 and "周八" not in lat
water = drills[next(k for k in drills if k[0] == "water_scare")]
assert sorted(t["trainee"] for t in water["latest"]["trainees"]) == sorted(["周八", "张三", "李四", "钱五"])
# the city video's teach-next lines quote a wrong statement someone actually wrote
assert any(t["wrong"]["quote"] for t in city["latest"]["teach_next"]), city["latest"]["teach_next"]
PY
"$YQ" class --json --save "$db" > "$SCRATCH/class_stdout.json" || fail "class --json"
expect "class --json prints what -o class.json holds" cmp "$SCRATCH/class_stdout.json" "$SCRATCH/class.json"
expect "the printed summary has one section per drill" \
    test "$(grep -cE '^(city_video|water_scare) · ' "$SCRATCH/class.txt")" -eq 2

"$YQ" class --save "$db" -o "$SCRATCH/class.pdf" > /dev/null || fail "class PDF"
pdftotext "$SCRATCH/class.pdf" "$SCRATCH/class.pdf.txt"
expect "the class PDF has a section per drill with what to teach next" \
    test "$(grep -c '下一步教学重点' "$SCRATCH/class.pdf.txt")" -eq 2
expect "the class PDF's pages are not blank" python3 - "$SCRATCH" <<'PY'
import glob, subprocess, sys
d = sys.argv[1]
subprocess.run(["pdftoppm", "-png", "-r", "30", d + "/class.pdf", d + "/classpage"], check=True)
pages = sorted(glob.glob(d + "/classpage*.png"))
assert len(pages) >= 2, pages
for p in pages:
    out = subprocess.run(["convert", p, "-colorspace", "gray", "-format", "%[fx:standard_deviation]", "info:"],
                         capture_output=True, text=True, check=True).stdout
    assert float(out) > 0.02, (p, out)
PY
"$YQ" class --lang en --save "$db" -o "$SCRATCH/class-en.pdf" > /dev/null || fail "class PDF in English"
expect "the English class PDF says what to teach next" grep -q "What to teach next" <(pdftotext "$SCRATCH/class-en.pdf" -)

# the class's records as a spreadsheet and CSV: one row per session and rubric line; a trainee whose name
# and statement carry commas, quotes and a line break survives the CSV quoting
python3 - "$SRC/scenarios/city_video/responses/reference.json" "$SCRATCH/quoted.json" <<'PY'
import json, sys
acts = json.load(open(sys.argv[1]))
next(a for a in acts if a["type"] == "report")["text"] = '网上有个城管的视频,"转的人"挺多。\n请指挥小组关注'
json.dump(acts, open(sys.argv[2], "w"), ensure_ascii=False)
PY
"$YQ" run city_video --headless --seed 9 --save "$db" --trainee '陈"七",八' --responses "$SCRATCH/quoted.json" \
    > /dev/null || fail "drill with a quoted statement"
"$YQ" class --save "$db" -o "$SCRATCH/class.xlsx" > /dev/null || fail "class to XLSX"
"$YQ" class --save "$db" -o "$SCRATCH/class.csv" > /dev/null || fail "class to CSV"
PYX=$(openpyxl_python)
expect "a python3 with openpyxl is installed (setup.sh test packages)" test -n "$PYX"
expect "the class spreadsheet and CSV hold every session and line, and who is latest and best" \
    "${PYX:-false}" - "$SCRATCH/class.xlsx" "$SCRATCH/class.csv" "$SCRATCH/class.json" "$db" <<'PY'
import csv, json, sqlite3, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["评分明细", "学员汇总"], wb.sheetnames
rows = [[c.value for c in r] for r in wb["评分明细"].iter_rows()]
with open(sys.argv[2], encoding="utf-8-sig", newline="") as f:
    crow = list(csv.reader(f))
db = sqlite3.connect(sys.argv[4])
sessions = db.execute("SELECT id, trainee, total, scorecard FROM sessions").fetchall()
want = {(s[0], l["id"]): (s[1], l["points"], l["max"]) for s in sessions for l in json.loads(s[3])["lines"]}
head = rows[0]
col = {h: i for i, h in enumerate(head)}
assert crow[0] == head and len(crow) == len(rows) == 1 + len(want), (len(crow), len(rows), len(want))
got = {}
for r, c in zip(rows[1:], crow[1:]):
    key = (r[col["场次"]], r[col["评分项编号"]])
    assert key not in got
    got[key] = (r[col["学员"]], r[col["得分"]], r[col["满分"]])
    assert c[col["学员"]] == r[col["学员"]] and c[col["评分项编号"]] == r[col["评分项编号"]]
    assert c[col["依据原文"]] == (r[col["依据原文"]] or ""), (c, r)
    assert abs(float(c[col["得分"]]) - r[col["得分"]]) < 0.01
assert set(got) == set(want)
for k, v in want.items():
    assert got[k][0] == v[0] and abs(got[k][1] - v[1]) < 0.01 and abs(got[k][2] - v[2]) < 0.01, (k, got[k], v)
# the quoted statement and name come back whole from the CSV
q = [c for c in crow[1:] if c[col["学员"]] == '陈"七",八']
assert q and any(c[col["依据原文"]].startswith('网上有个城管的视频,"转的人"挺多。\n') for c in q), q[:2]
# latest and best marks agree with the summary
summary = json.load(open(sys.argv[3]))
city = next(d for d in summary["drills"] if d["scenario"] == "city_video")
latest = {t["session"] for t in city["latest"]["trainees"]}
marked = {r[col["场次"]] for r in rows[1:] if r[col["最近一次"]] == "是" and r[col["场景"]] == "city_video"}
assert latest - marked == set() and len(marked - latest) == 1, (latest, marked)   # 陈"七",八 came after the JSON
trainees = [[c.value for c in r] for r in wb["学员汇总"].iter_rows()][1:]
sun = next(t for t in trainees if t[2] == "孙七")
assert sun[3] == 2 and sun[5] < sun[7], sun
PY

"$YQ" sessions --save "$db" > "$SCRATCH/sessions.txt" || fail "sessions"
expect "sessions lines up its columns under Chinese names by display width" python3 - "$SCRATCH/sessions.txt" <<'PY'
import sys, unicodedata
rows = open(sys.argv[1], encoding="utf-8").read().splitlines()
def col(line, word):   # display column where `word` starts
    i = line.index(word)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line[:i])
head = rows[0]
assert len(rows) == 13, rows
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
assert set(s[0]["competencies"]) == {"assessment", "release", "media", "rumour", "command", "care"}
# one drill, first against latest: the change is the two sessions' difference, competency by competency
assert "change" not in g and len(g["drills"]) == 1, g.get("drills")
d = g["drills"][0]
assert (d["scenario"], d["attempts"], d["first"], d["latest"]) == ("city_video", 2, s[0]["id"], s[1]["id"]), d
assert abs(d["change"]["total"] - (s[1]["total"] - s[0]["total"])) < 0.01
for k, v in d["change"]["competencies"].items():
    assert abs(v - (s[1]["competencies"][k] - s[0]["competencies"][k])) < 0.01, (k, v)
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
expect "growth prints one row per session" test "$(grep -c '^[0-9].*city_video' "$SCRATCH/growth.txt")" -eq 2
expect "and the change per drill" grep -q '^city_video: first to latest of 2 attempts: total +' "$SCRATCH/growth.txt"
expect "the growth PDF sets the first attempt against the latest" sh -c "pdftotext '$SCRATCH/growth.pdf' - | grep -q '变化'"
# 李四 played two different drills once each: two sections, no change pooled across them
"$YQ" growth 李四 --save "$db" -o "$SCRATCH/growth2.json" > /dev/null || fail "growth of 李四"
expect "growth keeps each drill apart and compares only attempts at the same drill" python3 - "$SCRATCH/growth2.json" <<'PY'
import json, sys
g = json.load(open(sys.argv[1]))
assert [(d["scenario"], d["attempts"], d["change"]) for d in g["drills"]] == [("city_video", 1, None), ("water_scare", 1, None)], g["drills"]
PY
"$YQ" growth 李四 --save "$db" -o "$SCRATCH/growth2.pdf" > /dev/null || fail "growth PDF of 李四"
expect "a drill played once says so" sh -c "pdftotext '$SCRATCH/growth2.pdf' - | grep -q '只演练过一次'"
"$YQ" growth nobody --save "$db" > /dev/null 2>&1
expect "growth of an unknown trainee is refused" test $? -eq 1
finish
