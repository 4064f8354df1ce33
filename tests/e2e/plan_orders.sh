# plan_orders.sh — every shipped drill graded under every shipped plan (run --plan): the five written
# kinds stay in order (reference > imperfect > novice > negligent > silent, totals), and three ways of
# gaming the rubric, built here from each drill's reference, score below its negligent response under
# every plan and below its poor response under the drill's own plan (under another plan the poor response
# may do net harm and score 0 — a water drill's late replies judged by the city plan's 60-minute limits —
# and there a gaming response must score no more than it).
. "$(dirname "$0")/lib.sh"

# The gaming responses of one drill, from its reference: "dot" (one statement "。" at minute 1);
# "jumble" (one bare word per step and a statement that only lists rubric phrases); "flooded" (the
# reference plus 50 copies of its first public text within a minute of it).
make_gaming() { # DRILL_DIR OUT_DIR
    python3 - "$1/responses/reference.json" "$2" <<'EOF'
import json, os, sys
ref, out = json.load(open(sys.argv[1])), sys.argv[2]
def save(name, acts):
    json.dump(acts, open(os.path.join(out, name + ".json"), "w"), ensure_ascii=False)
save("dot", [{"t": 60, "type": "statement", "role": "spokesperson", "channel": "weibo", "text": "。"}])
words = [("report", "monitor", "报告"), ("assess", "monitor", "研判"), ("strategy", "command", "策略"),
         ("monitor", "monitor", "监测"), ("summary", "command", "总结")]
jumble = [{"t": 30 + 30 * i, "type": t, "role": r, "text": w} for i, (t, r, w) in enumerate(words)]
jumble[1]["level"] = "orange"
jumble.insert(4, {"t": 140, "type": "statement", "role": "spokesperson", "channel": "weibo",
                  "text": "今日 地点 调查组 道歉 理解 热线 12345 及时发布 停职 已送医"})
jumble[-1]["t"] = 170   # the summary ends the drill: it comes last
save("jumble", jumble)
first = next(a for a in ref if a["type"] in ("statement", "reply", "rebut"))
copies = [dict(first, t=first["t"] + 1 + i) for i in range(50)]
save("flooded", sorted(ref + copies, key=lambda a: a["t"]))
EOF
}

: > "$SCRATCH/jobs"
for dir in "$SRC"/scenarios/*/; do
    [ -f "$dir/scenario.lua" ] || continue
    id=$(basename "$dir")
    sed -n 's/^ *plan = "\([a-z0-9_]*\)".*/\1/p' "$dir/scenario.lua" | head -1 > "$SCRATCH/$id.own"
    mkdir -p "$SCRATCH/gaming/$id"
    make_gaming "$dir" "$SCRATCH/gaming/$id" || fail "$id: gaming responses not built"
    for plan in "$SRC"/scenarios/plans/*.json; do
        for kind in reference imperfect novice negligent silent poor; do
            echo "$id $(basename "$plan" .json) $dir/responses/$kind.json $kind" >> "$SCRATCH/jobs"
        done
        for kind in dot jumble flooded; do
            echo "$id $(basename "$plan" .json) $SCRATCH/gaming/$id/$kind.json $kind" >> "$SCRATCH/jobs"
        done
    done
done
# Two workers (the machine is shared); each run's total goes to DRILL.PLAN.KIND.total.
for n in 0 1; do
    awk -v n="$n" 'NR % 2 == n' "$SCRATCH/jobs" | while read -r id plan file kind; do
        if "$YQ" run "$id" --headless --no-save --json --seed 1 --plan "$SRC/scenarios/plans/$plan.json" \
            --responses "$file" > "$SCRATCH/$id.$plan.$kind.out" 2> "$SCRATCH/$id.$plan.$kind.err"; then
            json_total "$SCRATCH/$id.$plan.$kind.out" > "$SCRATCH/$id.$plan.$kind.total"
        fi
    done &
done
wait

python3 - "$SCRATCH" <<'EOF'
import glob, os, sys
scratch = sys.argv[1]
t = {}
for path in glob.glob(os.path.join(scratch, "*.total")):
    drill, plan, kind = os.path.basename(path)[:-6].split(".")
    t[drill, plan, kind] = float(open(path).read())
drills = sorted({k[0] for k in t}); plans = sorted({k[1] for k in t})
order = ["reference", "imperfect", "novice", "negligent", "silent"]
bad = 0
print("%-16s %-10s" % ("drill", "plan") + "".join("%10s" % k for k in order + ["poor", "dot", "jumble", "flooded"]))
for d in drills:
    for p in plans:
        row = [t.get((d, p, k)) for k in order + ["poor", "dot", "jumble", "flooded"]]
        print("%-16s %-10s" % (d, p) + "".join("%10s" % ("-" if v is None else "%.2f" % v) for v in row))
        for a, b in zip(order, order[1:]):
            if (d, p, a) not in t or (d, p, b) not in t or not t[d, p, a] > t[d, p, b]:
                print("FAIL: %s under %s: %s should score above %s" % (d, p, a, b)); bad += 1
        own = open(os.path.join(scratch, d + ".own")).read().strip() == p
        for g in ["dot", "jumble", "flooded"]:
            poor, neg, got = t.get((d, p, "poor")), t.get((d, p, "negligent")), t.get((d, p, g))
            if poor is None or neg is None or got is None:
                print("FAIL: %s under %s: a run of %s, poor or negligent is missing" % (d, p, g)); bad += 1
            elif not got < neg or not got <= poor or (own and not got < poor):
                print("FAIL: %s under %s%s: %s (%.2f) should score below negligent (%.2f) and %s poor (%.2f)" % (
                    d, p, " (its own plan)" if own else "", g, got, neg, "below" if own else "at most", poor))
                bad += 1
runs = len(t)
print("%d runs, %d out of order" % (runs, bad))
sys.exit(1 if bad or runs == 0 else 0)
EOF
if [ $? -eq 0 ]; then ok; else fail "an order does not hold under some plan (table above)"; fi
expect "every run finished" test "$(ls "$SCRATCH"/*.total | wc -l)" -eq "$(wc -l < "$SCRATCH/jobs")"
finish
