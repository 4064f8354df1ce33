# claims_order.sh — what a careless, a dishonest and a clever trainee write, on every shipped drill:
# the reference with every claim reversed and a response that only repeats the rumours both score
# below the poor response; repeating rumours spreads them further than silence; confirming a false
# rumour costs the accuracy line, trust and total against the reference it copies.
. "$(dirname "$0")/lib.sh"

KINDS="reference poor silent reversed repeat_rumours confirm_false"
for dir in "$SRC"/scenarios/*/; do
    [ -f "$dir/scenario.lua" ] || continue
    id=$(basename "$dir")
    for kind in $KINDS; do
        file="$dir/responses/$kind.json"
        [ -f "$file" ] || { fail "$id: responses/$kind.json is missing"; continue; }
        "$YQ" run "$id" --headless --no-save --json --world --responses "$file" > "$SCRATCH/$id.$kind.json" \
            2> "$SCRATCH/err" || fail "$id $kind run failed: $(cat "$SCRATCH/err")"
    done
done

# One pass over every run (a Python start per check would dominate the test on a busy machine):
# a line per drill with the totals, then "FAIL: ..." for each check that does not hold.
python3 - "$SCRATCH" "$KINDS" > "$SCRATCH/report" <<'PY'
import glob, json, os, sys
scratch, kinds = sys.argv[1], sys.argv[2].split()
runs = {}
for path in glob.glob(os.path.join(scratch, "*.json")):
    drill, kind = os.path.basename(path)[:-5].rsplit(".", 1)
    runs[drill, kind] = json.load(open(path))
def false_line(d):
    return [l["points"] for l in d["lines"] if l["id"] == "accuracy.false"][0]
checks = 0
for drill in sorted({k[0] for k in runs}):
    r = {k: runs[drill, k] for k in kinds if (drill, k) in runs}
    if len(r) != len(kinds):
        continue
    t = {k: r[k]["total"] for k in kinds}
    print("%s: %s" % (drill, ", ".join("%s %.2f" % (k, t[k]) for k in kinds)))
    wants = [
        ("reversed (%.2f) < poor (%.2f)" % (t["reversed"], t["poor"]), t["reversed"] < t["poor"]),
        ("repeat_rumours (%.2f) < poor (%.2f)" % (t["repeat_rumours"], t["poor"]), t["repeat_rumours"] < t["poor"]),
        ("repeating the rumours spreads them further (%.4f) than silence (%.4f)" % (
            r["repeat_rumours"]["world"]["rumour_reach_max"], r["silent"]["world"]["rumour_reach_max"]),
         r["silent"]["world"]["rumour_reach_max"] < r["repeat_rumours"]["world"]["rumour_reach_max"]),
        ("confirm_false (%.2f) < reference (%.2f)" % (t["confirm_false"], t["reference"]),
         t["confirm_false"] < t["reference"]),
        ("confirming a false rumour costs accuracy.false",
         false_line(r["confirm_false"]) < false_line(r["reference"])),
        ("confirming a false rumour costs trust",
         r["confirm_false"]["world"]["trust"] < r["reference"]["world"]["trust"]),
    ]
    for what, held in wants:
        checks += 1
        print("%s: %s: %s" % ("ok" if held else "FAIL", drill, what))
print("checks: %d" % checks)
PY
cat "$SCRATCH/report"
drills=$(ls -d "$SRC"/scenarios/*/ | while read -r d; do [ -f "$d/scenario.lua" ] && echo x; done | wc -l)
expect "six checks on each of the $drills drills" grep -qx "checks: $((drills * 6))" "$SCRATCH/report"
expect "every check holds (report above)" sh -c "! grep -q '^FAIL' '$SCRATCH/report'"
finish
