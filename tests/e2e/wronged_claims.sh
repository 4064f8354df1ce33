# wronged_claims.sh — on every shipped drill, the reference plus one statement asserting the drill's
# false claim that wrongs someone (its `hurts`, read from export-sheet): left standing, corrected
# without an apology, corrected with one. Each scores below the next and below the reference, and the
# explanations name whom the claim wronged.
. "$(dirname "$0")/lib.sh"

checked=0
for dir in "$SRC"/scenarios/*/; do
    [ -f "$dir/scenario.lua" ] || continue
    id=$(basename "$dir")
    "$YQ" export-sheet "$id" -o "$SCRATCH/$id.csv" 2> "$SCRATCH/err" || { fail "$id: export-sheet: $(cat "$SCRATCH/err")"; continue; }
    # Three responses built from the reference; nothing written when the drill has no such claim.
    python3 - "$SCRATCH/$id.csv" "$dir/responses/reference.json" "$SCRATCH/$id" <<'PY' || fail "$id: cannot build the responses"
import csv, json, sys
sheet, ref_path, out = sys.argv[1:]
rows = list(csv.DictReader(open(sheet, encoding="utf-8-sig")))
claim = next((r for r in rows if r["kind"] == "claim" and r.get("hurts_zh")), None)
if claim:
    ref = json.load(open(ref_path))
    first = min(a["t"] for a in ref if a["type"] == "statement")
    say = lambda t, text: {"t": t, "type": "statement", "role": "spokesperson", "channel": "weibo", "text": text}
    blame = say(first + 600, "经初步了解，%s。" % claim["text_zh"])
    plain = say(first + 1200, "更正：此前通报中“%s”的说法不实。" % claim["text_zh"])
    sorry = say(first + 1200, "更正：此前通报中“%s”的说法不实，我们向%s诚恳道歉。" % (claim["text_zh"], claim["hurts_zh"]))
    for name, extra in (("blame", [blame]), ("plain", [blame, plain]), ("sorry", [blame, sorry])):
        json.dump(sorted(ref + extra, key=lambda a: a["t"]), open("%s.%s.json" % (out, name), "w"), ensure_ascii=False)
    open(out + ".whom", "w").write(claim["hurts_zh"])
PY
    [ -f "$SCRATCH/$id.whom" ] || continue
    whom=$(cat "$SCRATCH/$id.whom")
    for kind in reference blame plain sorry; do
        file="$SCRATCH/$id.$kind.json"
        [ "$kind" = reference ] && file="$dir/responses/reference.json"
        "$YQ" run "$id" --headless --no-save --json --responses "$file" > "$SCRATCH/$id.$kind.card" 2> "$SCRATCH/err" ||
            fail "$id $kind: run failed: $(cat "$SCRATCH/err")"
    done
    total() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"])' "$SCRATCH/$id.$1.card"; }
    line() { python3 -c 'import json,sys; print([l["why"] for l in json.load(open(sys.argv[1]))["lines"] if l["id"] == sys.argv[2]][0])' \
        "$SCRATCH/$id.$1.card" "$2"; }
    r=$(total reference) b=$(total blame) p=$(total plain) s=$(total sorry)
    echo "$id: reference $r, apologetic correction $s, plain correction $p, left standing $b"
    expect "$id: blame left standing ($b) < plain correction ($p) < apologetic ($s) < reference ($r)" \
        python3 -c "import sys; b,p,s,r = map(float, sys.argv[1:]); sys.exit(not (b < p < s < r))" "$b" "$p" "$s" "$r"
    expect "$id: the false line names whom the claim wronged" sh -c "printf '%s' \"\$1\" | grep -q \"冤枉了$whom\"" _ "$(line blame accuracy.false)"
    expect "$id: the plain correction is told it owed an apology" \
        sh -c "printf '%s' \"\$1\" | grep -q '更正却没有向他们道歉'" _ "$(line plain accuracy.correction)"
    checked=$((checked + 1))
done
expect "every shipped drill has a claim that wrongs someone ($checked)" test "$checked" -eq \
    "$(ls "$SRC"/scenarios/*/scenario.lua | wc -l)"
finish
