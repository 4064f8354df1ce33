#!/usr/bin/env bash
# action_keys.sh — every command of the drill screen answers to the key shown on its button, as the
# program's layout dump (YQ_UI_LAYOUT) and the saved session show: F5 pause, Alt+1..4 speed, Alt+letter
# each of the 14 trainee actions (the press conference saved), F1 the key list, F2/F3 + Enter the feed
# and inbox, F12 the end dialog; Alt+S typed inside the editor opens nothing and types no "s".
# Args: $1 yqdrill binary, $2 source dir.
set -u
. "$(dirname "$0")/harness.bash"
ui_begin "$1" "$2" action_keys
export YQ_UI_LAYOUT="$UI_TMP/layout.txt"
ui_start run city_video --trainee 测试 --save "$UI_DB"

# has LABEL: up to 3 s for the dump to list a control whose label is exactly LABEL.
has() {
    local i
    for i in $(seq 1 30); do
        cut -d' ' -f8- "$YQ_UI_LAYOUT" 2>/dev/null | grep -qxF -- "$1" && return 0
        sleep 0.1
    done
    return 1
}
hasnt() {
    local i
    for i in $(seq 1 30); do
        cut -d' ' -f8- "$YQ_UI_LAYOUT" 2>/dev/null | grep -qxF -- "$1" || return 0
        sleep 0.1
    done
    return 1
}
tr_zh() { python3 -c 'import json, sys
d = json.load(open(sys.argv[1] + "/assets/i18n/zh-CN.json"))
for k in sys.argv[2].split("."): d = d[k]
print(d)' "$UI_SRC" "$1"; }

has "暂停 F5" || ui_fail "the pause button does not show F5"
xdotool key F5
has "继续 F5 [selected]" || ui_fail "F5 did not pause the drill"
xdotool key F5
has "暂停 F5" || ui_fail "F5 did not resume the drill"
xdotool key alt+4
has "10× [selected]" || ui_fail "Alt+4 did not pick 10×"
xdotool key alt+1
has "1× [selected]" || ui_fail "Alt+1 did not pick 1×"
xdotool key F5

names=(report assess strategy statement reply rebut press answer leaders offline verify monitor summary logistics)
letters=(R A T S Y B P N L O V M U G)
for i in "${!names[@]}"; do
    label="$(tr_zh "action.${names[$i]}") Alt+${letters[$i]}"
    has "$label" || ui_fail "no action button '$label'"
    xdotool key "alt+${letters[$i],,}"
    has "$label [selected]" || ui_fail "Alt+${letters[$i]} did not open ${names[$i]}"
    xdotool key Escape
    hasnt "$label [selected]" || ui_fail "Esc did not close ${names[$i]}"
done
[ "$(ui_sql "SELECT count(*) FROM actions WHERE type = 'press'")" = 1 ] || ui_fail "Alt+P saved no press conference"

# In the editor: Alt+S again keeps the statement open and types nothing; Ctrl+Enter submits.
xdotool key alt+s
sleep 0.3
xdotool type --delay 100 "ab"
xdotool key alt+s
sleep 0.3
xdotool key ctrl+Return
for i in $(seq 1 30); do [ -n "$(ui_sql "SELECT text FROM actions WHERE type = 'statement'")" ] && break; sleep 0.1; done
text=$(ui_sql "SELECT text FROM actions WHERE type = 'statement'")
[ "$text" = "ab" ] || ui_fail "the statement saved by Ctrl+Enter reads '$text', expected 'ab'"

xdotool key F1
has "$(tr_zh keys.close_help) F1" || ui_fail "F1 did not show the key list"
ui_shot help
xdotool key Escape
hasnt "$(tr_zh keys.close_help) F1" || ui_fail "Esc did not close the key list"

# Let the world take the actions in (the inbox lists them), then F3 focuses the inbox on its newest
# message and Enter opens the action fitting it.
xdotool key F5 alt+4
sleep 3
xdotool key F5
xdotool key F3 Return
ui_wait_layout "Alt+. \[selected\]$" 3 "F3, Enter did not act on the newest message"
xdotool key Escape
# F2 focuses the feed: Enter replies to its first post.
xdotool key F2 Return
has "$(tr_zh action.reply) Alt+Y [selected]" || ui_fail "F2, Enter did not reply to a post"
xdotool key Escape

xdotool key F12
has "$(tr_zh confirm.no)" || ui_fail "F12 did not open the end dialog"
ui_shot confirm
xdotool key Escape
hasnt "$(tr_zh confirm.no)" || ui_fail "Esc did not close the end dialog"
[ -z "$(ui_sql "SELECT finished FROM sessions WHERE finished IS NOT NULL")" ] || ui_fail "the drill ended"
ui_pass
