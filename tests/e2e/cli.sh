# cli.sh — the command line's surface: help with exit codes, version, list, check on a valid
# scenario and on a broken one (file:line: message, exit 2).
. "$(dirname "$0")/lib.sh"

"$YQ" --help > "$SCRATCH/help" 2>&1; rc=$?
expect "--help exits 0" test $rc -eq 0
expect "--help documents exit codes" grep -q "3 storage error" "$SCRATCH/help"
expect "--version" sh -c "'$YQ' --version | grep -q '^yqdrill [0-9]'"
"$YQ" frobnicate > /dev/null 2>&1; rc=$?
expect "unknown command exits 1" test $rc -eq 1
expect "list shows city_video" sh -c "'$YQ' list | grep -q '^city_video'"
expect "check a valid scenario" "$YQ" check "$SRC/scenarios/city_video"

mkdir -p "$SCRATCH/broken"
cat > "$SCRATCH/broken/scenario.lua" <<'LUA'
scenario { id = "broken", title = "坏场景", duration = "02:00", plan = "general" }
platform { id = "weibo", name = "微博", share = 1 }
rumour { id = "r1", claim = "谣言", platform = "weibo", start = "00:10", rebutted_by = "no_such_fact" }
LUA
"$YQ" check "$SCRATCH/broken" > "$SCRATCH/check.out" 2>&1; rc=$?
expect "broken scenario exits 2" test $rc -eq 2
expect "problem names file:line" grep -q "broken/scenario.lua:3:" "$SCRATCH/check.out"
expect "problem names the unknown fact" grep -q "no_such_fact" "$SCRATCH/check.out"

# scenario deadlines name the plan's deadline ids (checked against the plan the scenario names)
mkdir -p "$SCRATCH/deadlines"
cat > "$SCRATCH/deadlines/scenario.lua" <<'LUA'
scenario { id = "deadlines", title = "时限", duration = "03:00", plan = "general",
  deadlines = { first_response = "00:30", pres = "02:00" } }
platform { id = "weibo", name = "微博", share = 1 }
LUA
"$YQ" check "$SCRATCH/deadlines" > "$SCRATCH/check.out" 2>&1; rc=$?
expect "unknown deadline id exits 2" test $rc -eq 2
expect "unknown deadline id is named with its line" \
    grep -q "deadlines/scenario.lua:1: scenario: deadlines.pres: plan 'general' has no deadline 'pres'" "$SCRATCH/check.out"
expect "a known deadline id is no problem" sh -c "! grep -q first_response '$SCRATCH/check.out'"
finish
