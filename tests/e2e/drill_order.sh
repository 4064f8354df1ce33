# drill_order.sh — every shipped scenario, played headless with its bundled responses: the
# reference handling must outscore the poor one, and the poor one the silent one.
. "$(dirname "$0")/lib.sh"

for dir in "$SRC"/scenarios/*/; do
    [ -f "$dir/scenario.lua" ] || continue
    id=$(basename "$dir")
    prev=""
    for kind in reference poor silent; do
        file="$dir/responses/$kind.json"
        [ -f "$file" ] || continue
        if ! "$YQ" run "$id" --headless --no-save --json --responses "$file" > "$SCRATCH/$id.$kind.json" 2> "$SCRATCH/err"; then
            fail "$id $kind run failed: $(cat "$SCRATCH/err")"
            continue
        fi
        total=$(json_total "$SCRATCH/$id.$kind.json")
        echo "$id $kind $total"
        if [ -n "$prev" ]; then
            expect "$id: $prev_kind ($prev) > $kind ($total)" python3 -c "import sys; sys.exit(0 if $prev > $total else 1)"
        fi
        prev=$total
        prev_kind=$kind
    done
done
finish
