# competency_order.sh — every shipped drill, seeds 1-5, played with its reference, imperfect, novice,
# negligent and silent responses: each kind must score below the one before, in the total and in every competency.
# One tie is allowed, and listed: negligent = silent = 0 in a competency where the negligent response's own
# lines sum to zero or less (what it did there harmed more than it earned, so it shows as 0 like silence).
. "$(dirname "$0")/lib.sh"

KINDS="reference imperfect novice negligent silent"
SEEDS="1 2 3 4 5"
# Every run is a line "drill kind seed"; two workers take every other line (the machine is shared:
# never more than two processes at once).
: > "$SCRATCH/jobs"
for dir in "$SRC"/scenarios/*/; do
    [ -f "$dir/scenario.lua" ] || continue
    id=$(basename "$dir")
    for kind in $KINDS; do
        if [ ! -f "$dir/responses/$kind.json" ]; then
            fail "$id: responses/$kind.json is missing"
            continue
        fi
        for seed in $SEEDS; do echo "$id $kind $seed" >> "$SCRATCH/jobs"; done
    done
done
run_jobs
runs=$(ls "$SCRATCH" | grep -c '\.json$')
[ "$runs" -eq "$(wc -l < "$SCRATCH/jobs")" ] && [ "$runs" -gt 0 ] || fail "$runs runs for $(wc -l < "$SCRATCH/jobs") jobs"

# One pass over every run: a table of the kinds' scores per drill (mean over the seeds, and the
# lowest/highest total), then every pair of neighbouring kinds that is out of order, seed by seed.
# A line "inverted" means the worse handling scored higher; "tied" means it scored the same, which
# fails too, except negligent = silent = 0 in a competency where the negligent lines sum to <= 0 ("net harm",
# listed, not a failure).
python3 - "$SCRATCH" "$KINDS" "$SEEDS" > "$SCRATCH/report" <<'EOF'
import glob, json, os, sys
scratch, kinds, seeds = sys.argv[1], sys.argv[2].split(), sys.argv[3].split()
COMPS = ["assessment", "release", "media", "rumour", "command", "care"]
runs = {}
for path in glob.glob(os.path.join(scratch, "*.json")):
    drill, kind, seed = os.path.basename(path)[:-5].rsplit(".", 2)
    d = json.load(open(path))
    runs[drill, kind, seed] = dict(d["competencies"], total=d["total"])
    net = {c: 0.0 for c in COMPS}
    for l in d["lines"]:
        for c in COMPS:
            net[c] += l.get("weights", {}).get(c, 0) * l["points"]
    runs[drill, kind, seed]["net"] = net
drills = sorted({k[0] for k in runs})
measures = ["total"] + COMPS
head = "%-16s %-10s" % ("drill", "kind") + "".join("%11s" % m for m in measures) + "   total min..max"
print(head)
for drill in drills:
    for kind in kinds:
        got = [runs[drill, kind, s] for s in seeds if (drill, kind, s) in runs]
        if not got:
            continue
        mean = lambda m: sum(g[m] for g in got) / len(got)
        totals = [g["total"] for g in got]
        print("%-16s %-10s" % (drill, kind) + "".join("%11.2f" % mean(m) for m in measures)
              + "   %.2f..%.2f" % (min(totals), max(totals)))
bad = []
for drill in drills:
    for seed in seeds:
        for better, worse in zip(kinds, kinds[1:]):
            a, b = runs.get((drill, better, seed)), runs.get((drill, worse, seed))
            if a is None or b is None:
                continue
            for m in measures:
                if a[m] < b[m]:
                    bad.append((drill, seed, m, better, a[m], worse, b[m], "inverted"))
                elif a[m] == b[m]:
                    harm = (better, worse) == ("negligent", "silent") and m != "total" and a[m] <= 0 and a["net"][m] <= 0
                    bad.append((drill, seed, m, better, a[m], worse, b[m], "net harm" if harm else "tied"))
print()
if bad:
    print("%-16s %4s %-11s %-22s %-22s %s" % ("drill", "seed", "measure", "should be higher", "than", "problem"))
    for drill, seed, m, better, va, worse, vb, what in bad:
        print("%-16s %4s %-11s %-22s %-22s %s" % (drill, seed, m, "%s %.2f" % (better, va), "%s %.2f" % (worse, vb), what))
failing = [x for x in bad if x[7] != "net harm"]
print("out of order: %d (inverted %d, tied %d); negligent = silent = 0 after net harm (allowed): %d; in %d runs" % (
    len(failing), sum(1 for x in bad if x[7] == "inverted"), sum(1 for x in bad if x[7] == "tied"),
    len(bad) - len(failing), len(runs)))
sys.exit(1 if failing else 0)
EOF
status=$?
cat "$SCRATCH/report"
if [ "$status" -eq 0 ]; then ok; else fail "kinds out of order (table above)"; fi
finish
