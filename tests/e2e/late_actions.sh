# late_actions.sh — lateness cannot be bought back: the reference shifted 300 minutes later (actions past
# the end never happen) scores below 50 on every drill, and crammed into the last minutes earns little outcome.
. "$(dirname "$0")/lib.sh"

# late.py MODE SRC OUT [END]: the reference moved later. shift: +300 min, dropping what falls at or after
# END seconds; cram: every action, in order, ten seconds apart, ending END seconds into the drill.
cat > "$SCRATCH/late.py" <<'PY'
import json, sys
mode, src, out, end = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
acts = json.load(open(src))
if mode == "shift":
    acts = [dict(a, t=a["t"] + 300 * 60) for a in acts]
    acts = [a for a in acts if a["t"] < end]
else:
    acts = [dict(a, t=max(a["t"], end - 10 * (len(acts) - i))) for i, a in enumerate(acts)]
json.dump(acts, open(out, "w"), ensure_ascii=False)
PY
field() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"; }

# run ID MODE: plays the moved reference; a drill whose ending comes earlier than its duration refuses
# actions after it ("... drill ended (N s)"), so the window is narrowed to N and the run repeated.
run() {
    local id=$1 mode=$2 end i n
    end=$(sed -n 's/^ *duration *= *"\([0-9]*\):\([0-9]*\)".*/\1 \2/p' "$SRC/scenarios/$id/scenario.lua" |
          awk '{ print ($1 * 60 + $2) * 60 }')
    [ -n "$end" ] || { fail "$id: no duration in scenario.lua"; return 1; }
    [ "$mode" = cram ] && end=$((end - 60))
    for i in 1 2 3 4; do
        python3 "$SCRATCH/late.py" "$mode" "$SRC/scenarios/$id/responses/reference.json" "$SCRATCH/$id.$mode.in.json" "$end"
        if "$YQ" run "$id" --headless --no-save --json --responses "$SCRATCH/$id.$mode.in.json" > "$SCRATCH/$id.$mode.json" 2> "$SCRATCH/err"; then
            return 0
        fi
        n=$(sed -n 's/.*drill ended (\([0-9]*\) s).*/\1/p' "$SCRATCH/err")
        [ -n "$n" ] || break
        [ "$mode" = cram ] && end=$((n - 60)) || end=$n
    done
    fail "$id $mode run failed: $(cat "$SCRATCH/err")"
    return 1
}

for dir in "$SRC"/scenarios/*/; do
    [ -f "$dir/responses/reference.json" ] || continue
    id=$(basename "$dir")
    if run "$id" shift; then
        total=$(json_total "$SCRATCH/$id.shift.json")
        echo "$id +300 min: $total"
        expect "$id: the reference 300 minutes late scores $total, not below 50" \
            python3 -c "import sys; sys.exit(0 if $total < 50 else 1)"
    fi
    if run "$id" cram; then
        share=$(field "$SCRATCH/$id.cram.json" \
            "round(sum(l['points'] for l in d['lines'] if l['category'] == 'outcome') / max(1e-9, sum(l['max'] for l in d['lines'] if l['category'] == 'outcome')), 3)")
        echo "$id crammed into the last minutes: outcome share $share"
        expect "$id: actions crammed into the last minutes earn $share of the outcome lines, not at most 0.25" \
            python3 -c "import sys; sys.exit(0 if $share <= 0.25 else 1)"
    fi
done
finish
