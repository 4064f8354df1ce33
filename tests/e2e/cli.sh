# cli.sh — the command line's surface: help with exit codes, version, list (with durations), check on a valid
# scenario and on a broken one (file:line: message, exit 2), and a display that does not answer.
. "$(dirname "$0")/lib.sh"

"$YQ" --help > "$SCRATCH/help" 2>&1; rc=$?
expect "--help exits 0" test $rc -eq 0
expect "--help documents exit codes" grep -q "3 storage error" "$SCRATCH/help"
# Every command the help lists, and every validation model, answers --help with exit 0.
for c in $(sed -n 's/^  yqdrill \([a-z-]*\).*/\1/p' "$SCRATCH/help" | sort -u) "model sir-discrete" "model rumour-mixed" \
         "model hawkes" "model rumour-net"; do
    # shellcheck disable=SC2086
    expect "$c --help exits 0" "$YQ" $c --help
done
expect "--version" sh -c "'$YQ' --version | grep -q '^yqdrill [0-9]'"
"$YQ" frobnicate > /dev/null 2>&1; rc=$?
expect "unknown command exits 1" test $rc -eq 1
expect "list shows city_video" sh -c "'$YQ' list | grep -q '^city_video'"
# The simulated span (4 h from 09:40) and, apart, the real minutes at 1× (time_scale 4: 60).
expect "list prints the simulated duration" sh -c "'$YQ' list | grep -q '^city_video .*4:00 h simulated, from 09:40, 60 min at 1x'"
cp -r "$SRC/scenarios/city_video" "$SCRATCH/late_start"
sed -i 's/starts_at = "09:40"/starts_at = "24:30"/' "$SCRATCH/late_start/scenario.lua"
"$YQ" check "$SCRATCH/late_start" > "$SCRATCH/late_out" 2>&1; rc=$?
expect "a starts_at past 23:59 is refused (exit 2)" test $rc -eq 2
expect "... as file:line: 'starts_at' must be at most 23:59" grep -q "scenario.lua:[0-9]*: .*'starts_at' must be at most 23:59" "$SCRATCH/late_out"
expect "check a valid scenario" "$YQ" check "$SRC/scenarios/city_video"
# A display that does not answer is an error, not a drill playing on with no window (SDL's offscreen
# fallback): exit 1 within seconds, the display named, no session saved.
DISPLAY=:4242 WAYLAND_DISPLAY= SDL_VIDEODRIVER= timeout 30 "$YQ" run city_video --trainee 某某 --save "$SCRATCH/nodisp.db" \
    > "$SCRATCH/nodisp" 2>&1; rc=$?
expect "a display that does not answer exits 1 (not 124: ran on unseen)" test $rc -eq 1
expect "... naming the display" grep -q "cannot open the display :4242" "$SCRATCH/nodisp"
expect "... with no session saved" sh -c "[ ! -s '$SCRATCH/nodisp.db' ] || [ \"\$(sqlite3 '$SCRATCH/nodisp.db' 'SELECT count(*) FROM sessions')\" = 0 ]"

# A station's window needs a display; without one `join` says how to play headless, before any broker.
DISPLAY= WAYLAND_DISPLAY= SDL_VIDEODRIVER= "$YQ" join --broker mqtt://127.0.0.1:9 --class demo --trainee 某某 \
    --scenario city_video --save "$SCRATCH/nodisp-join.db" > "$SCRATCH/nodisp-join" 2>&1; rc=$?
expect "join with no display exits 1" test $rc -eq 1
expect "... saying how to play without one" grep -q "no display for the station's window.*--headless --responses FILE" \
    "$SCRATCH/nodisp-join"
"$YQ" join --broker mqtt://127.0.0.1:9 --class demo --trainee 某某 --headless --scenario city_video \
    > "$SCRATCH/nofile-join" 2>&1; rc=$?
expect "a headless station with no response file exits 1, naming --responses" sh -c \
    "[ $rc -eq 1 ] && grep -q 'add --responses FILE' '$SCRATCH/nofile-join'"

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
