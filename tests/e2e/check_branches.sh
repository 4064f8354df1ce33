# check_branches.sh — `yqdrill check` dry-runs every branch of every trigger: typos planted inside nested
# `if` branches of shipped drills are each reported at their line (exit 2), a declaration problem does not
# hide them, and every shipped drill still passes.
. "$(dirname "$0")/lib.sh"

for d in "$SRC"/scenarios/*/scenario.lua; do
    id=$(basename "$(dirname "$d")")
    expect "shipped drill $id passes check" "$YQ" check "$SRC/scenarios/$id"
done

# plant ID OLD NEW: replace the first OLD in the copy of drill ID by NEW; remember "ID:LINE:NEW".
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
    echo "$1:$line:$3" >> "$SCRATCH/planted"
}
# Ten typos, each inside an if / elseif / else branch or a helper a branch calls.
plant forged_notice 'w.fire("i_second")' 'w.fire("i_secnd")'
plant forged_notice 'w.verify("f_community")' 'w.verify("f_comunity")'
plant forged_notice 'w.ending("e_lost")' 'w.ending("e_lots")'
plant forged_notice 'if w.trust >= 70 then' 'if w.trustt >= 70 then'
plant city_video 'w.fire("i_crowd")' 'w.fire("i_clam")'
plant city_video 'w.adjust { crowd = -w.crowd * 0.5' 'w.adjust { crowd = -w.crowdd * 0.5'
plant kindergarten 'w.fire("i_parent_update")' 'w.fire("i_parent_updte")'
plant road_subsidence 'w.ending("e_lingering")' 'w.ending("e_lingring")'
plant water_scare 'w.verify("f_relief")' 'w.verify("f_releif")'
plant water_scare 'a.cites("f_cause") and not w.verified("f_cause")' 'a.cites("f_cause") and not w.verified("f_caus")'

for id in $(cut -d: -f1 "$SCRATCH/planted" | sort -u); do
    "$YQ" check "$SCRATCH/$id" > "$SCRATCH/$id.out" 2>&1
    rc=$?
    expect "$id: check fails with exit 2 (got $rc)" test "$rc" -eq 2
done
found=0
while IFS=: read -r id line typo; do
    name=$(printf '%s' "$typo" | sed -E 's/.*\("([^"]+)"\).*/\1/; s/.*w\.([a-z]+).*/\1/')
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
sed -i 's/w.verify("f_hotline")/w.verify("f_hotlin")/' "$SCRATCH/both/scenario.lua"
"$YQ" check "$SCRATCH/both" > "$SCRATCH/both.out" 2>&1
expect "a declaration problem is reported" grep -q "unknown field 'verifed_at'" "$SCRATCH/both.out"
expect "and the trigger typo in the same pass" grep -q "unknown fact 'f_hotlin'" "$SCRATCH/both.out"

finish
