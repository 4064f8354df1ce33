# check_wstate.sh — `yqdrill check` reports trigger state kept outside w.state: a shipped drill whose trigger
# counts in a captured local, or in a new global, fails with the trigger's line; the same count in w.state passes.
. "$(dirname "$0")/lib.sh"

# copy_with NAME LUA: a copy of city_video (in NAME/city_video: the id names the folder) with LUA appended
# to its scenario.lua; prints the file's line count.
copy_with() {
    mkdir -p "$SCRATCH/$1"
    cp -r "$SRC/scenarios/city_video" "$SCRATCH/$1/"
    printf '%s\n' "$2" >> "$SCRATCH/$1/city_video/scenario.lua"
    wc -l < "$SCRATCH/$1/city_video/scenario.lua"
}

last=$(copy_with in_state 'on_action("statement", function(a, w)
  w.state.statements = (w.state.statements or 0) + 1
  if w.state.statements == 3 then w.adjust { trust = -1 } end
end)')
expect "a counter in w.state passes check" "$YQ" check "$SCRATCH/in_state/city_video"

last=$(copy_with in_local 'local statements = 0
on_action("statement", function(a, w)
  statements = statements + 1
end)')
"$YQ" check "$SCRATCH/in_local/city_video" > "$SCRATCH/in_local.out" 2>&1
rc=$?
expect "a counter in a captured local fails check with exit 2 (got $rc)" test "$rc" -eq 2
expect "and is reported at its trigger's line" \
    grep -q "in_local/city_video/scenario.lua:$((last - 2)): trigger keeps state in local 'statements'; keep it in w.state" \
    "$SCRATCH/in_local.out"

last=$(copy_with in_global 'on_tick(function(w)
  ticks = (ticks or 0) + 1
end)')
"$YQ" check "$SCRATCH/in_global/city_video" > "$SCRATCH/in_global.out" 2>&1
rc=$?
expect "a counter in a new global fails check with exit 2 (got $rc)" test "$rc" -eq 2
expect "and is reported with its name" grep -q "trigger assigns the new global 'ticks'" "$SCRATCH/in_global.out"

finish
