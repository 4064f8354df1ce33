#!/usr/bin/env bash
# text_size.sh — the window's text size control: on the start screen A− makes every control smaller,
# Ctrl+- one step more, Ctrl+0 back to the size that fits the window, Ctrl+= never beyond it; the size
# chosen holds on the drill screen, whose controls stay inside the window and apart. The start screen
# offers a name in the interface's language. Sizes are read from the program's layout dump.
# Args: $1 yqdrill binary, $2 source dir.
set -u
. "$(dirname "$0")/harness.bash"
ui_begin "$1" "$2" text_size
export YQ_UI_LAYOUT="$UI_TMP/layout.txt"

ui_start run --save "$UI_DB"
ui_wait_layout " 开始演练$" 10 "the start screen's button is not in the layout dump"

# Height of the control labelled $1 in the latest dump.
height_of() { awk -v l="$1" '{ lab = $8; for (i = 9; i <= NF; i++) lab = lab " " $i; if (lab == l) { print $4; exit } }' "$YQ_UI_LAYOUT"; }
# Wait until the start button's height satisfies the awk condition $1 (h is the height), else fail with $2.
wait_height() {
    local i h
    for i in $(seq 1 25); do
        h=$(height_of "开始演练")
        [ -n "$h" ] && awk -v h="$h" "BEGIN { exit !($1) }" && return 0
        ui_alive
        sleep 0.2
    done
    ui_fail "$2 (the start button is ${h:-missing} px high)"
}

full=$(height_of "开始演练")
[ -n "$full" ] && [ "$full" -gt 20 ] || ui_fail "no start button height in the dump"
sleep 0.6   # a dump of the settled frame

# A− is a button of the start screen's top bar.
read -r bx by bw bh _ < <(awk '$8 == "A−" { print $1, $2, $3, $4; exit }' "$YQ_UI_LAYOUT")
[ -n "${bx:-}" ] || ui_fail "no A− button in the layout dump"
xdotool mousemove $((WX + bx + bw / 2)) $((WY + by + bh / 2)) click 1
wait_height "h < $full * 0.95 && h > $full * 0.85" "A− did not make the controls 10 % smaller"
xdotool mousemove $((WX + WW / 2)) $((WY + WH / 2))

xdotool key ctrl+minus
wait_height "h < $full * 0.85 && h > $full * 0.75" "Ctrl+- did not make them another step smaller"
ui_shot smaller
ui_not_blank smaller

xdotool key ctrl+0
wait_height "h == $full" "Ctrl+0 did not bring back the size that fits the window"
xdotool key ctrl+equal
sleep 1
[ "$(height_of "开始演练")" = "$full" ] || ui_fail "Ctrl+= made the controls larger than the window fits"

# Five steps down stop at 60 %; that size holds on the drill screen, laid out inside the window.
xdotool key ctrl+minus ctrl+minus ctrl+minus ctrl+minus ctrl+minus
wait_height "h < $full * 0.65 && h > $full * 0.55" "the smallest size is not 60 %"
sleep 0.6
read -r bx by bw bh _ < <(awk '$8 == "开始演练" { print $1, $2, $3, $4; exit }' "$YQ_UI_LAYOUT")
xdotool mousemove $((WX + bx + bw / 2)) $((WY + by + bh / 2)) click 1
for i in $(seq 1 25); do
    grep -q " 结束演练 F12$" "$YQ_UI_LAYOUT" 2>/dev/null && break
    ui_alive
    sleep 0.2
done
grep -q " 结束演练 F12$" "$YQ_UI_LAYOUT" || ui_fail "the drill did not start from the start screen"
[ "$(ui_sql "SELECT trainee FROM sessions")" = "学员" ] ||
    ui_fail "the drill was not started under the offered name 学员: $(ui_sql "SELECT trainee FROM sessions")"
sleep 1
out=$(python3 "$UI_SRC/tests/ui/layout_check.py" "$YQ_UI_LAYOUT" 23 2>&1) || ui_fail "drill screen at 60 %: $out"
ui_shot drill_small
ui_pass
