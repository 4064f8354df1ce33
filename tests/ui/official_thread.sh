#!/usr/bin/env bash
# official_thread.sh — a statement the trainee types in Chinese appears, as the feed draws it (the layout
# dump's FILE.feed), as a pinned post of the body's official account, and replies come in under it.
# Args: $1 yqdrill binary, $2 source dir.
set -u
. "$(dirname "$0")/harness.bash"
ui_begin "$1" "$2" thread
export YQ_UI_LAYOUT="$UI_TMP/layout.txt"
feed="$YQ_UI_LAYOUT.feed"

ui_start run city_video --trainee 测试 --save "$UI_DB"
xdotool key 4
sleep 2
ui_action 3
ui_type '我们对视频中的情况深感痛心，已成立调查组，将持续通报。'
sleep 0.5
xdotool key ctrl+Return
for i in $(seq 1 120); do
    [ -s "$feed" ] && grep -q '^\[pinned\]' "$feed" && [ "$(grep -c '^\[reply\]' "$feed")" -ge 2 ] && break
    ui_alive
    sleep 0.5
done
cp "$feed" "$UI_TMP/feed.txt" 2>/dev/null
ui_shot thread
ui_not_blank thread
grep -q '^\[pinned\]' "$UI_TMP/feed.txt" || ui_fail "no pinned official post in the feed"
grep -qxF '[pinned] 我们对视频中的情况深感痛心，已成立调查组，将持续通报。' "$UI_TMP/feed.txt" ||
    ui_fail "the pinned post does not show the statement as typed"
[ "$(grep -c '^\[reply\] .\+：.\+' "$UI_TMP/feed.txt")" -ge 2 ] || ui_fail "fewer than 2 replies under the official post"
text=$(ui_sql "SELECT text FROM actions WHERE type = 'statement'")
[ "$text" = '我们对视频中的情况深感痛心，已成立调查组，将持续通报。' ] || ui_fail "statement in the save is '$text'"
ui_pass
