# scorecard_lang.sh — the scorecard speaks the trainee's language: `run --lang en` explains every line in
# English with the same points as the Chinese default, the stored scorecard holds both languages
# (why / why_en, title / title_en), and `grade` and `report` pick the language asked for.
. "$(dirname "$0")/lib.sh"

poor="$SRC/scenarios/city_video/responses/poor.json"
card() { sed -n '/== scorecard/,$p' "$1"; }

"$YQ" run city_video --headless --no-save --lang en --responses "$poor" > "$SCRATCH/en.txt" || fail "run --lang en"
"$YQ" run city_video --headless --no-save --responses "$poor" > "$SCRATCH/zh.txt" || fail "run (zh)"
card "$SCRATCH/en.txt" > "$SCRATCH/en_card.txt"
card "$SCRATCH/zh.txt" > "$SCRATCH/zh_card.txt"
expect "the English scorecard has lines" test "$(wc -l < "$SCRATCH/en_card.txt")" -gt 20
expect "English explanations" grep -q "min after the incident" "$SCRATCH/en_card.txt"
expect "English says when a line earns nothing" grep -q "no points" "$SCRATCH/en_card.txt"
expect "no Chinese sentence frames in English" sh -c "! grep -E '不得分|不计分|分钟|事发后' '$SCRATCH/en_card.txt'"
expect "Chinese by default" grep -q "不得分" "$SCRATCH/zh_card.txt"
expect "no slot left unfilled" sh -c "! grep -q '[{}]' '$SCRATCH/en_card.txt' '$SCRATCH/zh_card.txt'"
expect "the same points in both languages" bash -c \
    "cmp -s <(cut -c1-42 '$SCRATCH/en_card.txt') <(cut -c1-42 '$SCRATCH/zh_card.txt')"

db="$SCRATCH/l.db"
"$YQ" run city_video --headless --json --save "$db" --lang en --responses "$poor" > "$SCRATCH/card.json" || fail "run --json"
expect "the JSON scorecard holds both languages on every line" python3 - "$SCRATCH/card.json" <<'EOF'
import json, re, sys
card = json.load(open(sys.argv[1]))
cjk = re.compile("[\u4e00-\u9fff]")
for l in card["lines"]:
    assert l["why"] and l["why_en"] and l["why"] != l["why_en"], l["id"]
    assert cjk.search(l["why"]), l["id"]
    assert l["title"] and l["title_en"], l["id"]
    assert "{" not in l["why"] + l["why_en"], l["id"]
assert any(l["title_en"] == "First public response" for l in card["lines"])
EOF
expect "the stored scorecard is the one printed" \
    sh -c "sqlite3 '$db' 'SELECT scorecard FROM sessions WHERE id = 1' | cmp -s - '$SCRATCH/card.json'"

"$YQ" grade 1 --save "$db" --lang en > "$SCRATCH/grade_en.txt" || fail "grade --lang en"
"$YQ" grade 1 --save "$db" > "$SCRATCH/grade_zh.txt" || fail "grade"
expect "grade --lang en explains in English" grep -q "min after the incident" "$SCRATCH/grade_en.txt"
expect "grade explains in Chinese by default" grep -q "不得分" "$SCRATCH/grade_zh.txt"

"$YQ" report 1 --save "$db" --lang en -o "$SCRATCH/r_en.json" > /dev/null || fail "report --lang en"
"$YQ" report 1 --save "$db" -o "$SCRATCH/r_zh.json" > /dev/null || fail "report"
expect "the report's scorecard follows its language" python3 - "$SCRATCH/card.json" "$SCRATCH/r_en.json" "$SCRATCH/r_zh.json" <<'EOF'
import json, sys
card, en, zh = (json.load(open(p)) for p in sys.argv[1:])
stored = {l["id"]: l for l in card["lines"]}
for lang, rep in (("en", en), ("zh", zh)):
    for l in rep["scorecard"]["lines"]:
        s = stored[l["id"]]
        assert l["why"] == (s["why_en"] if lang == "en" else s["why"]), (lang, l["id"])
        assert l["title"] == (s["title_en"] if lang == "en" else s["title"]), (lang, l["id"])
    for l in rep["lessons"]["improvements"]:
        assert l["why"] == (stored[l["id"]]["why_en"] if lang == "en" else stored[l["id"]]["why"]), (lang, l["id"])
EOF
finish
