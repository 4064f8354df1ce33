# host_window.sh — the instructor's window (`yqdrill host` without --headless) under Xvfb, driven with the mouse
# and keyboard: the join code and a card per station appear; a click on a card and on Pause pauses that station
# only; a post typed in Chinese and sent with Enter becomes a post action in that station's log; an inject chosen
# from the list of the station's scenario reaches that station only; End, confirmed,
# with no station selected, ends every station; the class database holds both finished sessions.
. "$(dirname "$0")/harness.bash"
ui_begin "$1" "$2" host_window
export YQ_UI_LAYOUT="$UI_TMP/layout.txt"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cdb="$UI_TMP/class.db"
q() { sqlite3 -batch -noheader "$1" "$2" 2>/dev/null; }
notes() { q "$UI_TMP/$1.db" "SELECT group_concat(text, '|') FROM (SELECT text FROM notes ORDER BY id)"; }
wait_until() { # SECONDS CONDITION
    local i
    for i in $(seq 1 $(($1 * 4))); do eval "$2" && return 0; sleep 0.25; done
    return 1
}
# The centre of the control labelled $1 in the window's layout dump ("x y w h text_w win_w win_h label").
centre() {
    awk -v want="$1" '{ label = $8; for (i = 9; i <= NF; i++) label = label " " $i
                        if (label == want) { print $1 + int($3 / 2), $2 + int($4 / 2); exit } }' "$YQ_UI_LAYOUT" 2>/dev/null
}
click_label() {
    local x y want=$1
    wait_until 10 '[ -n "$(centre "$want")" ]' || ui_fail "no control '$want' in the window (layout: $(cut -d' ' -f8- "$YQ_UI_LAYOUT" | tr '\n' ';'))"
    read -r x y < <(centre "$want")
    xdotool mousemove $((WX + x)) $((WY + y)) click 1
    sleep 0.6
}

TMPDIR=$UI_TMP ui_start host --class demo --port "$port" --db "$cdb"
code=$(sed -n 's/^join code: //p' "$UI_TMP/app.log")
[ -n "$code" ] || ui_fail "the host printed no join code"
resp="$UI_SRC/scenarios/city_video/responses/reference.json"
for who in alice bob; do
    "$UI_BIN" join "$code" --trainee "$who" --headless --scenario city_video --save "$UI_TMP/$who.db" --speed 1 \
        --json --responses "$resp" > "$UI_TMP/$who.out" 2> "$UI_TMP/$who.err" &
    eval "pid_$who=$!"
done
wait_until 20 '[ -n "$(centre "[station] alice")" ] && [ -n "$(centre "[station] bob")" ]' \
    || ui_fail "the stations' cards never appeared: $(cat "$UI_TMP/alice.err" "$UI_TMP/bob.err")"
[ -n "$(centre "[code] $code")" ] || ui_fail "the join code is not shown"
ui_shot cards
ui_not_blank cards

# Bob's card, then Pause: bob is paused, alice is not.
click_label "[station] bob"
click_label "暂停"
wait_until 15 '[ "$(notes bob)" = "class control: pause" ]' || ui_fail "bob not paused: [$(notes bob)]"
[ -z "$(notes alice)" ] || ui_fail "alice got bob's control: [$(notes alice)]"

# A post typed in Chinese for bob, sent with Enter.
read -r bx by < <(centre "发帖")
xdotool mousemove $((WX + bx - 300)) $((WY + by)) click 1
sleep 0.5
ui_type "网传摊主已经不治身亡" 120
xdotool key Return
wait_until 15 '[ "$(q "$UI_TMP/bob.db" "SELECT text FROM actions WHERE type = '"'post'"'")" = "网传摊主已经不治身亡" ]' \
    || ui_fail "bob's log has no post: $(q "$UI_TMP/bob.db" "SELECT type, text FROM actions")"
[ "$(q "$UI_TMP/alice.db" "SELECT count(*) FROM actions WHERE type = 'post'")" = 0 ] || ui_fail "alice got bob's post"
ui_shot sent

# Still for bob: the inject list (his scenario's injects), one chosen by a click and sent with the Inject button.
click_label "注入事件…"
ui_wait_layout "\[inject\] i_crowd" 10 "the inject list does not show city_video's injects"
ui_shot injects
ui_not_blank injects
click_label "[inject] i_crowd"
click_label "注入"
wait_until 15 '[ "$(q "$UI_TMP/bob.db" "SELECT target FROM actions WHERE type = '"'inject'"'")" = i_crowd ]' \
    || ui_fail "bob's log has no i_crowd inject: $(q "$UI_TMP/bob.db" "SELECT type, target FROM actions")"
[ "$(q "$UI_TMP/alice.db" "SELECT count(*) FROM actions WHERE target = 'i_crowd'")" = 0 ] || ui_fail "alice got bob's inject"
wait_until 10 '[ -n "$(centre "[station] bob")" ]' || ui_fail "the grid did not come back after the inject"

# Deselect bob, then End twice (the first press asks to confirm): every station ends.
click_label "[station] bob"
click_label "结束演练"
[ -z "$(notes alice | grep end)" ] || ui_fail "one press of End already ended the drill"
click_label "确认结束？"
for who in alice bob; do
    eval "pid=\$pid_$who"
    wait_until 20 "! kill -0 $pid 2>/dev/null" || ui_fail "$who did not end after End"
    case "$(notes "$who")" in *"class control: end"*) ;; *) ui_fail "$who: no end control [$(notes "$who")]" ;; esac
done
wait_until 15 '[ "$(q "$cdb" "SELECT count(*) FROM sessions WHERE finished IS NOT NULL")" = 2 ]' \
    || ui_fail "the class database lacks the finished sessions"
ui_shot ended

kill -TERM "$UI_APP_PID"
for i in $(seq 1 40); do kill -0 "$UI_APP_PID" 2>/dev/null || break; sleep 0.25; done
wait "$UI_APP_PID"
status=$?
UI_APP_PID=
ui_status_ok "$status" || ui_fail "the host exited with status $status"
grep -q "^class ended: 2 sessions" "$UI_TMP/app.log" || ui_fail "the host did not report the class: $(tail -3 "$UI_TMP/app.log")"
ui_pass
