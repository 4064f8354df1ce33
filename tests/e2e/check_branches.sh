# check_branches.sh — `yqdrill check` dry-runs every branch of every trigger: typos planted inside nested
# `if` branches of shipped drills are each reported at their line (exit 2), a declaration problem does not
# hide them, and every shipped drill still passes.
. "$(dirname "$0")/lib.sh"

for d in "$SRC"/scenarios/*/scenario.lua; do
    id=$(basename "$(dirname "$d")")
    expect "shipped drill $id passes check" "$YQ" check "$SRC/scenarios/$id"
done

# plant ID OLD NEW NAME: replace the first OLD in the copy of drill ID by NEW; remember "ID:LINE:NAME".
plant() {
    local f=$SCRATCH/$1/scenario.lua line
    [ -d "$SCRATCH/$1" ] || cp -r "$SRC/scenarios/$1" "$SCRATCH/$1"
    line=$(grep -nF -- "$2" "$f" | head -1 | cut -d: -f1)
    [ -n "$line" ] || { fail "$1: '$2' not found to plant a typo in"; return; }
    OLD=$2 NEW=$3 LINE=$line python3 -c '
import os, sys
p = sys.argv[1]; lines = open(p, encoding="utf-8").read().split("\n")
i = int(os.environ["LINE"]) - 1
lines[i] = lines[i].replace(os.environ["OLD"], os.environ["NEW"], 1)
open(p, "w", encoding="utf-8").write("\n".join(lines))' "$f"
    echo "$1:$line:$4" >> "$SCRATCH/planted"
}
# Ten typos, each inside an if / elseif / else branch, a helper a branch calls, or a yq.* table.
plant forged_notice 'w.fire("i_second")' 'w.fire("i_secnd")' i_secnd
plant forged_notice 'if w.trust < 60 then' 'if w.trustt < 60 then' trustt
plant forged_notice 'verify = "f_community"' 'verify = "f_comunity"' f_comunity
plant forged_notice '{ 0, "e_lost" }' '{ 0, "e_lots" }' e_lots
plant city_video 'w.fire("i_crowd")' 'w.fire("i_clam")' i_clam
plant city_video 'w.adjust { crowd = -w.crowd * 0.5' 'w.adjust { crowd = -w.crowdd * 0.5' crowdd
plant kindergarten 'fire = "i_parent_update"' 'fire = "i_parent_updte"' i_parent_updte
plant kindergarten 'not a.cites("f_cctv")' 'not a.cites("f_cctvv")' f_cctvv
plant road_subsidence '{ 40, "e_lingering" }' '{ 40, "e_lingring" }' e_lingring
plant water_scare 'verify = "f_relief"' 'verify = "f_releif"' f_releif

for id in $(cut -d: -f1 "$SCRATCH/planted" | sort -u); do
    "$YQ" check "$SCRATCH/$id" > "$SCRATCH/$id.out" 2>&1
    rc=$?
    expect "$id: check fails with exit 2 (got $rc)" test "$rc" -eq 2
done
found=0
while IFS=: read -r id line name; do
    if grep -q "scenario.lua:$line: .*'$name'" "$SCRATCH/$id.out"; then
        found=$((found + 1))
    else
        fail "$id: the typo '$name' planted at line $line is not reported there: $(cat "$SCRATCH/$id.out")"
    fi
done < "$SCRATCH/planted"
expect "all ten planted typos reported with their lines ($found)" test "$found" -eq 10

# A declaration problem and a trigger typo are reported in the same pass.
cp -r "$SRC/scenarios/kindergarten" "$SCRATCH/both"
sed -i '0,/verified_at = /s//verifed_at = /' "$SCRATCH/both/scenario.lua"
sed -i 's/verify = "f_hotline"/verify = "f_hotlin"/' "$SCRATCH/both/scenario.lua"
"$YQ" check "$SCRATCH/both" > "$SCRATCH/both.out" 2>&1
expect "a declaration problem is reported" grep -q "unknown field 'verifed_at'" "$SCRATCH/both.out"
expect "and the trigger typo in the same pass" grep -q "unknown fact 'f_hotlin'" "$SCRATCH/both.out"

finish
