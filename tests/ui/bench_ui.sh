#!/usr/bin/env bash
# bench_ui.sh — `yqdrill run SCENARIO --bench-ui` under Xvfb prints one frame-time line per
# renderer (accelerated and software), the first-frame time and the renderer the console chose, in the
# documented format.
# Only the format and sanity of the figures are checked; timings are not asserted.
# Args: $1 yqdrill binary, $2 source dir.
set -u
. "$(dirname "$0")/harness.bash"
ui_begin "$1" "$2" bench

timeout 240 "$UI_BIN" run city_video --bench-ui --no-save >"$UI_TMP/bench.out" 2>"$UI_TMP/app.log"
status=$?
ui_status_ok "$status" || ui_fail "--bench-ui exited with status $status"
cat "$UI_TMP/bench.out"
num='[0-9]+(\.[0-9]+)?'
n=$(grep -cE "^renderer: [A-Za-z0-9_.-]+ p50_ms: $num p99_ms: $num$" "$UI_TMP/bench.out")
[ "$n" -eq 2 ] || ui_fail "expected 2 renderer lines, found $n"
grep -qE "^renderer: software p50_ms: " "$UI_TMP/bench.out" || ui_fail "no line for the software renderer"
grep -qE "^first_frame_ms: $num$" "$UI_TMP/bench.out" || ui_fail "no first_frame_ms line"
grep -qE "^first_frame_renderer: [A-Za-z0-9_.-]+$" "$UI_TMP/bench.out" || ui_fail "no first_frame_renderer line"
# Without a GPU render node the console starts on SDL's software renderer (OpenGL would be llvmpipe).
if ! ls /dev/dri/renderD* >/dev/null 2>&1 && [ -z "${SDL_RENDER_DRIVER:-}" ]; then
    grep -qx "first_frame_renderer: software" "$UI_TMP/bench.out" ||
        ui_fail "no GPU here, yet the console did not start on the software renderer"
fi
posts=$(sed -n 's/^posts: //p' "$UI_TMP/bench.out")
[ "${posts:-0}" -ge 1000 ] || ui_fail "the feed held ${posts:-no} posts, expected at least 1000"
# p50 never exceeds p99 on either line.
awk '/^renderer:/ { if ($4 + 0 > $6 + 0) bad = 1 } END { exit bad }' "$UI_TMP/bench.out" ||
    ui_fail "a p50 exceeds its p99"
ui_pass
