# new_drill.sh — `yqdrill new`: the skeleton passes check, plays headless to a scorecard with its plan,
# carries zh and en comments, and the command refuses an existing drill, a bad id and an unknown plan.
. "$(dirname "$0")/lib.sh"

expect "new --help answers" "$YQ" new --help
expect "new writes a skeleton" "$YQ" new my_drill --plan urban -o "$SCRATCH/my_drill"
f=$SCRATCH/my_drill/scenario.lua
expect "the skeleton passes check" "$YQ" check "$SCRATCH/my_drill"
expect "its id and plan are filled in" grep -q 'id = "my_drill"' "$f"
expect "its plan is the one asked for" grep -q 'plan = "urban"' "$f"
expect "it is commented in Chinese" grep -q '^-- 事实' "$f"
expect "and in English" grep -q 'Facts: what is true' "$f"
"$YQ" run "$SCRATCH/my_drill" --headless --no-save --json --seed 1 > "$SCRATCH/run.json" 2>"$SCRATCH/run.err"
expect "it runs headless to a scorecard" test -n "$(json_total "$SCRATCH/run.json")"
expect "graded against its plan" python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["plan"]=="urban", d["plan"]' "$SCRATCH/run.json"

cp "$f" "$SCRATCH/before.lua"
"$YQ" new my_drill -o "$SCRATCH/my_drill" 2>/dev/null
expect "an existing drill is refused (exit 1)" test $? -eq 1
expect "and left as it was" cmp -s "$f" "$SCRATCH/before.lua"
"$YQ" new "bad id" -o "$SCRATCH/bad" 2>/dev/null
expect "a bad id is refused" test $? -eq 1
"$YQ" new other --plan no_such_plan -o "$SCRATCH/other" 2>/dev/null
expect "an unknown plan is refused" test $? -eq 1
expect "nothing written for it" test ! -e "$SCRATCH/other/scenario.lua"

finish
