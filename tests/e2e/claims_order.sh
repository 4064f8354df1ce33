# claims_order.sh — what a careless, a dishonest and a clever trainee write, on every shipped drill:
# the reference with every claim reversed and a response that only repeats the rumours both score
# below the poor response; repeating rumours spreads them further than silence; confirming a false
# rumour costs the accuracy line, trust and total against the reference it copies.
. "$(dirname "$0")/lib.sh"

# field FILE EXPR: a value from a run's --json output (d = the whole object).
field() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"; }
less() { python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) < float(sys.argv[2]) else 1)' "$1" "$2"; }
FALSE_LINE='[l["points"] for l in d["lines"] if l["id"] == "accuracy.false"][0]'

for dir in "$SRC"/scenarios/*/; do
    [ -f "$dir/scenario.lua" ] || continue
    id=$(basename "$dir")
    for kind in reference poor silent reversed repeat_rumours confirm_false; do
        file="$dir/responses/$kind.json"
        if [ ! -f "$file" ]; then
            fail "$id: responses/$kind.json is missing"
            continue
        fi
        "$YQ" run "$id" --headless --no-save --json --world --responses "$file" > "$SCRATCH/$kind.json" 2> "$SCRATCH/err" ||
            fail "$id $kind run failed: $(cat "$SCRATCH/err")"
    done
    t() { field "$SCRATCH/$1.json" 'd["total"]'; }
    echo "$id: reference $(t reference), poor $(t poor), reversed $(t reversed), repeat $(t repeat_rumours)," \
         "confirm $(t confirm_false), silent $(t silent)"
    expect "$id: reversed ($(t reversed)) < poor ($(t poor))" less "$(t reversed)" "$(t poor)"
    expect "$id: repeat_rumours ($(t repeat_rumours)) < poor ($(t poor))" less "$(t repeat_rumours)" "$(t poor)"
    reach_silent=$(field "$SCRATCH/silent.json" 'd["world"]["rumour_reach_max"]')
    reach_repeat=$(field "$SCRATCH/repeat_rumours.json" 'd["world"]["rumour_reach_max"]')
    expect "$id: repeating the rumours spreads them further ($reach_repeat) than silence ($reach_silent)" \
        less "$reach_silent" "$reach_repeat"
    expect "$id: confirm_false ($(t confirm_false)) < reference ($(t reference))" less "$(t confirm_false)" "$(t reference)"
    expect "$id: confirming a false rumour costs accuracy.false" \
        less "$(field "$SCRATCH/confirm_false.json" "$FALSE_LINE")" "$(field "$SCRATCH/reference.json" "$FALSE_LINE")"
    expect "$id: confirming a false rumour costs trust" \
        less "$(field "$SCRATCH/confirm_false.json" 'd["world"]["trust"]')" "$(field "$SCRATCH/reference.json" 'd["world"]["trust"]')"
done
finish
