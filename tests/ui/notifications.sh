#!/usr/bin/env bash
# notifications.sh — a breaking inject pops up a notice and puts an unread count on the inbox (both in the
# layout dump, YQ_UI_LAYOUT, and on the screenshot); clicking the notice opens its action (a report on the
# inject) and removes it; giving the inbox the keyboard (F3) reads it and clears the count.
# Args: $1 yqdrill binary, $2 source dir.
set -u
. "$(dirname "$0")/harness.bash"
ui_begin "$1" "$2" notifications
export YQ_UI_LAYOUT="$UI_TMP/layout.txt"
ui_start run city_video --trainee 测试 --save "$UI_DB" --sound

# wait_line REGEX: up to 5 s for a dump line whose label matches; prints the line.
wait_line() {
    local i line
    for i in $(seq 1 50); do
        line=$(grep -E -- "^([-0-9]+ ){7}$1" "$YQ_UI_LAYOUT" 2>/dev/null | head -1)
        [ -n "$line" ] && { echo "$line"; return 0; }
        sleep 0.1
    done
    return 1
}
gone() {
    local i
    for i in $(seq 1 50); do
        grep -qE -- "^([-0-9]+ ){7}$1" "$YQ_UI_LAYOUT" 2>/dev/null || return 0
        sleep 0.1
    done
    return 1
}

xdotool key F5
sleep 1
gone '\[(unread|notice)\]' || ui_fail "a notice or unread count before anything happened"
# F10 queues the next inject; the world takes it in when the clock runs.
xdotool key F10 F5
notice=$(wait_line '\[notice\] ') || ui_fail "no notice popped up for the inject"
wait_line '\[unread\] [1-9]' >/dev/null || ui_fail "no unread count on the inbox"
xdotool key F5
ui_shot notice
ui_not_blank notice

# Click the notice (its rectangle from the dump): the report composer opens, the notice goes.
read -r x y w h _ <<<"$notice"
xdotool mousemove $((WX + x + w / 2)) $((WY + y + h / 2)) click 1
sleep 0.3
xdotool mousemove $((WX + 5)) $((WY + WH / 2))
wait_line '上报 Alt\+R \[selected\]$' >/dev/null || ui_fail "clicking the notice did not open a report"
gone "$(cut -d' ' -f8- <<<"$notice" | sed 's/[][\.*+?()|{}^$]/\\&/g')\$" || ui_fail "the clicked notice stays"
xdotool key Escape
wait_line '\[unread\] [1-9]' >/dev/null || ui_fail "the unread count went before the inbox was read"
xdotool key F3
gone '\[unread\]' || ui_fail "reading the inbox (F3) did not clear the unread count"
ui_shot read
ui_pass
