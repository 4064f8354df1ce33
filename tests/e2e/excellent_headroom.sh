# excellent_headroom.sh — every drill with responses/excellent.json, seeds 1-5: the excellent handling must
# outscore the reference in the total, and the reference must be below the maximum on at least one line.
. "$(dirname "$0")/lib.sh"

SEEDS="1 2 3 4 5"
# Every run is a line "drill kind seed"; two workers take every other line (the machine is shared:
# never more than two processes at once).
: > "$SCRATCH/jobs"
for dir in "$SRC"/scenarios/*/; do
    [ -f "$dir/scenario.lua" ] && [ -f "$dir/responses/excellent.json" ] || continue
    id=$(basename "$dir")
    for kind in reference excellent; do
        for seed in $SEEDS; do echo "$id $kind $seed" >> "$SCRATCH/jobs"; done
    done
done
[ -s "$SCRATCH/jobs" ] || fail "no drill has responses/excellent.json"
run_jobs

# One line per drill and seed: both totals, and the reference's lines below their maximum (its headroom).
python3 - "$SCRATCH" "$SEEDS" > "$SCRATCH/report" <<'PY'
import glob, json, os, sys
scratch, seeds = sys.argv[1], sys.argv[2].split()
runs = {}
for path in glob.glob(os.path.join(scratch, "*.json")):
    drill, kind, seed = os.path.basename(path)[:-5].rsplit(".", 2)
    runs[drill, kind, seed] = json.load(open(path))
for drill in sorted({k[0] for k in runs}):
    for seed in seeds:
        ref, exc = runs.get((drill, "reference", seed)), runs.get((drill, "excellent", seed))
        if ref is None or exc is None:
            print("FAIL %s seed %s: missing run" % (drill, seed))
            continue
        below = ["%s %.2f/%g" % (l["id"], l["points"], l["max"]) for l in ref["lines"] if l["points"] < l["max"]]
        print("%-16s seed %s  reference %6.2f  excellent %6.2f  reference below max: %s"
              % (drill, seed, ref["total"], exc["total"], ", ".join(below) or "none"))
        if not exc["total"] > ref["total"]:
            print("FAIL %s seed %s: excellent %.2f is not above reference %.2f" % (drill, seed, exc["total"], ref["total"]))
        if not below:
            print("FAIL %s seed %s: the reference is at the maximum of every line (no headroom)" % (drill, seed))
PY
cat "$SCRATCH/report"
grep -q . "$SCRATCH/report" || fail "no report"
while read -r line; do fail "${line#FAIL }"; done < <(grep '^FAIL ' "$SCRATCH/report")
grep -v '^FAIL ' "$SCRATCH/report" | grep -q 'seed' && ok
finish
