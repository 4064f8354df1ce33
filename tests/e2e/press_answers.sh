# press_answers.sh — a press conference is worth points only through its answers: on every shipped
# drill, the reference without its answers, with every answer turned into "无可奉告", and a response
# that is only a conference and one evasive answer earn nothing on the press and answer lines, and
# none of those lines is at full marks (the report's "done well").
. "$(dirname "$0")/lib.sh"

# variants SRC DIR: write bare.json, nocomment.json and only.json next to each other in DIR.
variants() {
    python3 - "$1" "$2" <<'PY'
import json, sys
ref = json.load(open(sys.argv[1]))
out = sys.argv[2]
json.dump([a for a in ref if a["type"] != "answer"], open(out + "/bare.json", "w"), ensure_ascii=False)
evasive = "案件还在调查中，无可奉告。"
json.dump([dict(a, text=evasive) if a["type"] == "answer" else a for a in ref], open(out + "/nocomment.json", "w"),
          ensure_ascii=False)
first = next(a for a in ref if a["type"] == "answer")
json.dump([{"t": 600, "type": "press", "role": "spokesperson", "text": "召开新闻发布会。"},
           {"t": 720, "type": "answer", "role": "spokesperson", "target": first["target"], "text": evasive}],
          open(out + "/only.json", "w"), ensure_ascii=False)
PY
}

# check CARD WHAT: press and answer lines earn nothing, and none is at full marks.
check() {
    python3 - "$1" "$2" <<'PY'
import json, sys
card = json.load(open(sys.argv[1]))
bad = []
for l in card["lines"]:
    if l["id"] in ("deadline.press",) or l["id"].startswith("media.answer."):
        if l["points"] > 0 or (l["max"] > 0 and l["points"] >= l["max"]):
            bad.append("%s %s/%s" % (l["id"], l["points"], l["max"]))
    if sys.argv[2].endswith("only") and l["id"] == "deadline.first_response" and l["points"] > 0:
        bad.append("%s %s/%s" % (l["id"], l["points"], l["max"]))
if not any(l["id"].startswith("media.answer.") for l in card["lines"]):
    bad.append("no answer lines")
if bad:
    print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
}

for dir in "$SRC"/scenarios/*/; do
    [ -f "$dir/scenario.lua" ] || continue
    id=$(basename "$dir")
    mkdir -p "$SCRATCH/$id"
    variants "$dir/responses/reference.json" "$SCRATCH/$id"
    for kind in bare nocomment only; do
        if ! "$YQ" run "$id" --headless --no-save --json --responses "$SCRATCH/$id/$kind.json" \
            > "$SCRATCH/$id/$kind.card.json" 2> "$SCRATCH/err"; then
            fail "$id $kind run failed: $(cat "$SCRATCH/err")"
            continue
        fi
        expect "$id $kind: no press or answer credit" check "$SCRATCH/$id/$kind.card.json" "$id/$kind"
    done
done
finish
