# report_pdf.sh — after-action review end to end: headless drills saved, `report` writes a PDF that
# poppler reads and renders to non-blank PNG pages with embedded CJK fonts, a take-away first page (real
# length, strengths only where claims were right, fixes quoting the sentence written), the JSON variant holds the
# same content, the spreadsheet (XLSX, CSV) one row per rubric line, and the class and growth PDFs render too.
. "$(dirname "$0")/lib.sh"

db="$SCRATCH/r.db"
responses="$SRC/scenarios/city_video/responses"
"$YQ" run city_video --headless --seed 3 --save "$db" --trainee 张三 --responses "$responses/reference.json" > /dev/null \
    || fail "reference drill"
"$YQ" run city_video --headless --seed 3 --save "$db" --trainee 李四 --responses "$responses/poor.json" > /dev/null \
    || fail "poor drill"
"$YQ" note 2 "首次回应太晚，研判定级偏低。" --by 王教官 --at 30 --save "$db" > /dev/null || fail "hot-wash note"
"$YQ" override 2 deadline.report 6 --by 王教官 --comment "口头已报告" --save "$db" > /dev/null || fail "override"

# ink FILE.png: the share (per mille) of pixels darker than light grey in an 8-bit grey or RGB PNG.
ink() {
    python3 - "$1" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat = 8, b""
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        w, h, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
        assert depth == 8 and colour in (0, 2) and interlace == 0, "unexpected PNG format"
        bpp = 1 if colour == 0 else 3
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
raw, stride = zlib.decompress(idat), w * bpp
prev, dark, i = bytearray(stride), 0, 0
for y in range(h):
    f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
    i += 1 + stride
    for x in range(stride):
        a = line[x - bpp] if x >= bpp else 0
        b = prev[x]
        c = prev[x - bpp] if x >= bpp else 0
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    dark += sum(1 for x in range(0, stride, bpp) if sum(line[x:x + bpp]) < 200 * bpp)
    prev = line
print(dark * 1000 // (w * h))
PY
}

# check_pdf NAME FILE MINPAGES: a PDF poppler reads, fonts embedded, every page rendered with ink on it,
# no word outside its page.
check_pdf() {
    local name=$1 file=$2 min=$3
    expect "$name starts as a PDF" sh -c "head -c 5 '$file' | grep -q '%PDF-'"
    local pages
    pages=$(pdfinfo "$file" 2>/dev/null | awk '/^Pages:/ {print $2}')
    echo "$name: ${pages:-?} pages"
    expect "$name has at least $min pages" test "${pages:-0}" -ge "$min"
    expect "$name embeds Noto Sans CJK" sh -c "pdffonts '$file' | grep -i 'NotoSansCJK' | awk '{print \$(NF-4)}' | grep -qx yes"
    local out="$SCRATCH/png_$name"
    mkdir -p "$out"
    pdftoppm -r 30 -gray -png "$file" "$out/p" || fail "$name: pdftoppm"
    local n=0 page permille least
    for page in "$out"/p-*.png; do
        [ -e "$page" ] || continue
        n=$((n + 1))
        permille=$(ink "$page")
        # the last page may hold only the end of a section (a heading, a line and the footer)
        least=3
        [ "$n" -eq "${pages:-0}" ] && least=1
        expect "$name $(basename "$page") is not blank (ink ${permille:-?}‰)" test "${permille:-0}" -ge "$least"
    done
    expect "$name: one PNG per page" test "$n" -eq "${pages:-0}"
    pdftotext -bbox "$file" "$SCRATCH/bbox_$name.html" || fail "$name: pdftotext -bbox"
    expect "$name: no text outside its page" python3 - "$SCRATCH/bbox_$name.html" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S)
assert pages
for w, h, body in pages:
    for x0, y0, x1, y1, word in re.findall(r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)', body):
        assert 0 <= float(x0) and float(x1) <= float(w) and 0 <= float(y0) and float(y1) <= float(h), (word, x0, y0, x1, y1)
PY
}

"$YQ" report 1 --save "$db" -o "$SCRATCH/ref.pdf" > /dev/null || fail "report 1 to PDF"
check_pdf ref "$SCRATCH/ref.pdf" 3
"$YQ" report 2 --save "$db" -o "$SCRATCH/poor.pdf" --lang en > /dev/null || fail "report 2 to PDF (en)"
check_pdf poor_en "$SCRATCH/poor.pdf" 3
expect "the PDF holds the scenario's Chinese title as text" sh -c "pdftotext '$SCRATCH/ref.pdf' - | grep -q '城管执法视频'"
pdftotext "$SCRATCH/poor.pdf" "$SCRATCH/poor_en.txt"
expect "the English report shows the override" grep -q "Instructor override: .*(王教官: 口头已报告)" "$SCRATCH/poor_en.txt"
expect "the English report's own words use no full-width brackets or colons" \
    sh -c "! grep -n 'Instructor override\|lost [0-9]\|Heat of the incident\|Rumour reach' '$SCRATCH/poor_en.txt' | grep '[（）：，]'"
expect "the hot-wash note appears in the report" sh -c "pdftotext '$SCRATCH/poor.pdf' - | grep -q '研判定级偏低'"

"$YQ" report 2 --save "$db" -o "$SCRATCH/poor.json" > /dev/null || fail "report 2 to JSON"
expect "the JSON report has the same content" python3 - "$SCRATCH/poor.json" "$db" <<'PY'
import json, sqlite3, sys
r = json.load(open(sys.argv[1]))
db = sqlite3.connect(sys.argv[2])
n_actions = db.execute("SELECT count(*) FROM actions WHERE session = 2").fetchone()[0]
stored = json.loads(db.execute("SELECT scorecard FROM sessions WHERE id = 2").fetchone()[0])
acts = [e for e in r["timeline"] if e["what"] == "action"]
assert len(acts) == n_actions, (len(acts), n_actions)
assert [e["number"] for e in acts] == list(range(1, n_actions + 1))
assert r["session"]["trainee"] == "李四"
assert r["scenario"]["title"]["zh"]
assert [l["id"] for l in r["scorecard"]["lines"]] == [l["id"] for l in stored["lines"]]
# the instructor's override stands in the report and in the stored scorecard, above what was computed
line = next(l for l in r["scorecard"]["lines"] if l["id"] == "deadline.report")
saved = next(l for l in stored["lines"] if l["id"] == "deadline.report")
assert line["points"] == saved["points"] == 6 and line["computed"] == saved["computed"] < 6, (line, saved)
assert line["override"]["by"] == "王教官" and r["overrides"][0]["comment"] == "口头已报告"
assert saved["override"]["by"] == "王教官"
assert abs(r["scorecard"]["total"] - stored["total"]) < 0.01
assert len(r["curves"]["t"]) == len(r["curves"]["posts_per_hour"]) > 60
assert r["notes"][0]["text"] == "首次回应太晚，研判定级偏低。"
imp = r["lessons"]["improvements"]
assert imp and all(i["lost"] > 0 for i in imp)
assert [i["lost"] for i in imp] == sorted((i["lost"] for i in imp), reverse=True)
assert all(i["title"] in i["corrective_action"] for i in imp)
PY

# page 1 is the take-away: total, strengths, three things to fix with the sentence written and what was
# expected, the strip; the header gives the length the drill ran; a statement of 无可奉告 with a wrong
# injury count is never "done well", however the deadline it met was scored
python3 - "$responses/reference.json" "$SCRATCH/nocomment.json" <<'PY'
import json, sys
acts = json.load(open(sys.argv[1]))
first = next(a for a in acts if a["type"] == "statement")
first["text"] = "关于网上流传的视频，目前无可奉告。据了解此次冲突共有5人受轻伤。"
json.dump(acts, open(sys.argv[2], "w"), ensure_ascii=False)
PY
"$YQ" run city_video --headless --seed 3 --save "$db" --trainee 王五 --responses "$SCRATCH/nocomment.json" > /dev/null \
    || fail "no-comment drill"
"$YQ" report 3 --save "$db" -o "$SCRATCH/nc.json" > /dev/null || fail "report 3 to JSON"
"$YQ" report 3 --save "$db" -o "$SCRATCH/nc.pdf" > /dev/null || fail "report 3 to PDF"
check_pdf nocomment "$SCRATCH/nc.pdf" 3
pdftotext -f 1 -l 1 "$SCRATCH/nc.pdf" "$SCRATCH/nc1.txt"
pdftotext "$SCRATCH/nc.pdf" "$SCRATCH/nc_all.txt"
expect "page 1 is a take-away: done well, the wrong statement is not praised, fixes quote what was written" \
    python3 - "$SCRATCH/nc.json" "$SCRATCH/nc1.txt" "$SCRATCH/nc_all.txt" <<'PY'
import json, re, sys
r = json.load(open(sys.argv[1]))
page1 = open(sys.argv[2], encoding="utf-8").read()
flat = re.sub(r"\s+", "", page1)
allflat = re.sub(r"\s+", "", open(sys.argv[3], encoding="utf-8").read())
acts = [e for e in r["timeline"] if e["what"] == "action"]
bad = next(i for i, e in enumerate(acts) if "无可奉告" in (e.get("text") or ""))
lines = {l["id"]: l for l in r["scorecard"]["lines"]}
# the case matters: the deadline was met in full by the wrong statement
fr = lines["deadline.first_response"]
assert fr["points"] == fr["max"] > 0 and any(e["action"] == bad for e in fr["evidence"]), fr
for s in r["lessons"]["strengths"]:
    assert all(e["action"] != bad for e in lines[s["id"]]["evidence"]), s
assert "做得好的" in flat and "需要改进的三件事" in flat and "演练一览" in flat, page1
assert re.search(r"总分\d+\.\d/100", flat), page1
done = flat[flat.index("做得好的"):flat.index("需要改进的三件事")]
assert re.sub(r"\s+", "", fr["title"]) not in done, done
# each thing to fix: the sentence written (a real part of an action) and what was expected
imp = r["lessons"]["improvements"][:3]
assert flat.count("你写的：") == len(imp) == 3 and flat.count("应当做到：") == 3, flat
for m in re.finditer(r"你写的：(.+?)应当做到：", flat):
    said = m.group(1).strip("…")
    assert said.startswith("（此项没有") or any(said[:12] in re.sub(r"\s+", "", e.get("text") or "") for e in acts), said
# the header gives the length actually run
ran, planned = r["length"]["ran"], r["length"]["planned"]
clock = lambda s: "%02d:%02d:%02d" % (s // 3600, s // 60 % 60, s % 60)
if ran < planned:
    assert "演练时长" + clock(ran) + "（计划" + clock(planned) + "）" in flat, (ran, planned)
else:
    assert "演练时长" + clock(ran) in flat
# evidence quotes cut inside a phrase carry "…" in the scorecard
cut = 0
for l in r["scorecard"]["lines"]:
    for e in l["evidence"]:
        text = acts[e["action"]]["text"] if e["action"] >= 0 else ""
        q = e["quote"]
        if not q or not text.endswith(q) and text.find(q) >= 0:
            end = text.find(q) + len(q)
            if q and end < len(text) and text[end - 1] not in "，。！？；：、,.!?;:”」）) " and text[end] not in "，。！？；：、,.!?;:”」）) ":
                assert re.sub(r"\s+", "", q) + "…」" in allflat, q
                cut += 1
assert cut > 0, "no cut quote to check"
PY
"$YQ" report 1 --save "$db" -o "$SCRATCH/ref_len.json" > /dev/null || fail "report 1 to JSON"
"$YQ" report 1 --save "$db" -o "$SCRATCH/ref_en.pdf" --lang en > /dev/null || fail "report 1 to PDF (en)"
pdftotext "$SCRATCH/ref_en.pdf" "$SCRATCH/ref_en.txt"
# English text is set in a Latin font first (the CJK font only for Chinese names and quotes), so the
# English report is no larger than the Chinese one of the same session (it was 3 times larger)
zh_size=$(stat -c %s "$SCRATCH/ref.pdf")
en_size=$(stat -c %s "$SCRATCH/ref_en.pdf")
echo "report 1: zh $zh_size bytes, en $en_size bytes"
expect "the English PDF sets Latin text in DejaVu Sans" sh -c "pdffonts '$SCRATCH/ref_en.pdf' | grep -q DejaVuSans"
expect "the English PDF is no larger than the Chinese one ($en_size vs $zh_size bytes)" test "$en_size" -le "$zh_size"
expect "the reference drill ended early, and the English header says so" python3 - "$SCRATCH/ref_len.json" "$SCRATCH/ref_en.txt" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
ran, planned = r["length"]["ran"], r["length"]["planned"]
clock = lambda s: "%02d:%02d:%02d" % (s // 3600, s // 60 % 60, s % 60)
assert ran < planned, r["length"]
assert "%s (planned %s)" % (clock(ran), clock(planned)) in open(sys.argv[2], encoding="utf-8").read()
PY

"$YQ" report 2 --save "$db" -o "$SCRATCH/poor.xlsx" > /dev/null || fail "report 2 to XLSX"
"$YQ" report 2 --save "$db" -o "$SCRATCH/poor.csv" --lang en > /dev/null || fail "report 2 to CSV"
PYX=$(openpyxl_python)
expect "a python3 with openpyxl is installed (setup.sh test packages)" test -n "$PYX"
expect "the session's spreadsheet and CSV hold one row per rubric line, as scored" \
    "${PYX:-false}" - "$SCRATCH/poor.xlsx" "$SCRATCH/poor.csv" "$db" <<'PY'
import csv, json, sqlite3, sys, openpyxl
stored = json.loads(sqlite3.connect(sys.argv[3]).execute("SELECT scorecard FROM sessions WHERE id = 2").fetchone()[0])
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
rows = [[c.value for c in r] for r in ws.iter_rows()]
head = rows[0]
assert head[:6] == ["场景", "预案", "学员", "场次", "开始时间（UTC）", "总分"], head
with open(sys.argv[2], encoding="utf-8-sig", newline="") as f:
    crow = list(csv.reader(f))
assert crow[0][0] == "Scenario" and len(crow) == len(rows), (crow[0], len(crow), len(rows))
assert len(rows) == 1 + len(stored["lines"])
col = {h: i for i, h in enumerate(head)}
for r, c, l in zip(rows[1:], crow[1:], stored["lines"]):
    assert r[col["评分项编号"]] == c[col["评分项编号"]] == l["id"], (r, l["id"])
    assert r[col["学员"]] == "李四" and r[col["场次"]] == 2
    assert abs(r[col["得分"]] - l["points"]) < 0.01 and abs(float(c[col["得分"]]) - l["points"]) < 0.01
    assert abs(r[col["满分"]] - l["max"]) < 0.01 and abs(r[col["总分"]] - stored["total"]) < 0.01
    assert r[col["评分说明"]] == l["why"] and c[col["评分说明"]] == l["why_en"]
rep = next(r for r in rows if r[col["评分项编号"]] == "deadline.report")
assert "王教官" in rep[col["教官调分"]] and "口头已报告" in rep[col["教官调分"]], rep
PY

"$YQ" class --save "$db" -o "$SCRATCH/class.pdf" > /dev/null || fail "class summary PDF"
check_pdf class "$SCRATCH/class.pdf" 1
"$YQ" growth 张三 --save "$db" -o "$SCRATCH/growth.pdf" > /dev/null || fail "growth PDF"
check_pdf growth "$SCRATCH/growth.pdf" 1

"$YQ" report 1 --save "$db" -o "$SCRATCH/x.txt" 2> /dev/null
expect "an unknown output format is refused" test $? -eq 1
"$YQ" report 99 --save "$db" -o "$SCRATCH/x.pdf" 2> /dev/null
expect "an unknown session is refused" test $? -ne 0
expect "nothing was written for a refused report" test ! -e "$SCRATCH/x.pdf"
finish
