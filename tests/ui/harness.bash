# harness.bash — shared set-up for the Xvfb interface tests (sourced, not a test itself):
# a private X server, the real yqdrill window, xdotool input, screenshots and checks on them.
# Each test calls ui_begin "$1" "$2" NAME, then ui_start_drill ARGS..., and ends with ui_pass.
# UI_SCREEN=WxH (set before ui_begin) gives the X screen another size than 1920x1080.

ui_fail() { echo "FAIL: $*" >&2; [ -n "${UI_TMP:-}" ] && [ -f "$UI_TMP/app.log" ] && sed 's/^/app: /' "$UI_TMP/app.log" >&2; exit 1; }

ui_cleanup() {
    [ -n "${UI_APP_PID:-}" ] && kill "$UI_APP_PID" 2>/dev/null && wait "$UI_APP_PID" 2>/dev/null
    [ -n "${UI_XVFB_PID:-}" ] && kill "$UI_XVFB_PID" 2>/dev/null && wait "$UI_XVFB_PID" 2>/dev/null
    return 0
}

ui_begin() {
    UI_BIN=$1
    UI_SRC=$2
    local name=$3
    [ -x "$UI_BIN" ] || ui_fail "no yqdrill binary at '$UI_BIN'"
    for tool in Xvfb xdotool xmodmap python3 import convert compare sqlite3; do
        command -v "$tool" >/dev/null || ui_fail "$tool is missing: run the set-up script (xvfb, xdotool, x11-xserver-utils, python3, imagemagick, sqlite3)"
    done
    local base=${YQ_TEST_TMP:-${TMPDIR:-/tmp}}
    mkdir -p "$base" || ui_fail "cannot create $base"
    UI_TMP=$(mktemp -d "$base/ui-$name.XXXXXX") || ui_fail "mktemp failed"
    UI_DB="$UI_TMP/save.db"
    trap ui_cleanup EXIT
    # Xvfb picks a free display itself and writes its number to fd 3, so parallel tests never collide;
    # -noreset: without it the server resets when its last client (the xdotool probe below) leaves, and
    # the program connecting during the reset is refused (SDL then fell back to its offscreen driver).
    Xvfb -displayfd 3 -screen 0 "${UI_SCREEN:-1920x1080}x24" -nolisten tcp -noreset 3>"$UI_TMP/display" >"$UI_TMP/xvfb.log" 2>&1 &
    UI_XVFB_PID=$!
    local i
    for i in $(seq 1 100); do
        [ -s "$UI_TMP/display" ] && break
        kill -0 "$UI_XVFB_PID" 2>/dev/null || break
        sleep 0.1
    done
    [ -s "$UI_TMP/display" ] || ui_fail "could not start Xvfb: $(cat "$UI_TMP/xvfb.log")"
    export DISPLAY=":$(head -1 "$UI_TMP/display")"
    for i in $(seq 1 50); do
        xdotool getdisplaygeometry >/dev/null 2>&1 && break
        sleep 0.1
    done
    xdotool getdisplaygeometry >/dev/null 2>&1 || ui_fail "Xvfb on $DISPLAY does not answer"
    unset WAYLAND_DISPLAY
    # Sanitizer builds: leaks inside system libraries SDL uses (see lsan.supp); nothing of ours is suppressed.
    export LSAN_OPTIONS="suppressions=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
    echo "screenshots and logs in $UI_TMP"
}

# Start the program with the given arguments and wait for its window; sets WX WY WW WH.
ui_start() {
    "$UI_BIN" "$@" >"$UI_TMP/app.log" 2>&1 &
    UI_APP_PID=$!
    # SDL may replace its first window when the renderer needs another visual: wait until one
    # window has stayed mapped for half a second and answers.
    local wid="" prev="" geom="" i
    for i in $(seq 1 120); do
        kill -0 "$UI_APP_PID" 2>/dev/null || ui_fail "the program exited before showing a window"
        wid=$(xdotool search --onlyvisible --classname yqdrill 2>/dev/null | tail -1)
        if [ -n "$wid" ] && [ "$wid" = "$prev" ] && geom=$(xdotool getwindowgeometry --shell "$wid" 2>/dev/null); then
            break
        fi
        prev=$wid
        geom=""
        sleep 0.5
    done
    [ -n "$geom" ] || ui_fail "no window appeared"
    UI_WID=$wid
    eval "$geom"
    WX=$X WY=$Y WW=$WIDTH WH=$HEIGHT
    # No window manager: keyboard focus follows the pointer, so keep it over the window.
    xdotool mousemove $((WX + WW / 2)) $((WY + WH / 2))
    sleep 1
}

# ui_wait_layout PATTERN SECONDS MESSAGE: up to SECONDS for a line of the layout dump ($YQ_UI_LAYOUT) to
# match the grep pattern (the program must stay alive meanwhile), else fail with MESSAGE.
ui_wait_layout() {
    local i
    for i in $(seq 1 $(($2 * 5))); do
        grep -q "$1" "$YQ_UI_LAYOUT" 2>/dev/null && return 0
        ui_alive
        sleep 0.2
    done
    grep -q "$1" "$YQ_UI_LAYOUT" 2>/dev/null || ui_fail "$3"
}

# ui_wait_finished: up to 15 s for the session to be saved as finished (the end dialog confirmed), then
# a second for the end screen to draw.
ui_wait_finished() {
    local i
    for i in $(seq 1 30); do
        [ -n "$(ui_sql "SELECT finished FROM sessions WHERE finished IS NOT NULL")" ] && break
        sleep 0.5
    done
    sleep 1
}
ui_alive() { kill -0 "$UI_APP_PID" 2>/dev/null || ui_fail "the program exited"; }

# Screenshot of the whole screen to $UI_TMP/NAME.png.
ui_shot() {
    ui_alive
    import -window root "$UI_TMP/$1.png" || ui_fail "screenshot $1 failed"
}

# Fail unless a screenshot region (default the window) has visible structure.
ui_not_blank() {
    local file="$UI_TMP/$1.png" geom=${2:-${WW}x${WH}+${WX}+${WY}}
    local sd
    sd=$(convert "$file" -crop "$geom" +repage -format '%[fx:standard_deviation]' info:) || ui_fail "convert failed on $file"
    awk -v s="$sd" 'BEGIN { exit !(s > 0.05) }' || ui_fail "$1.png looks blank (standard deviation $sd)"
}

# Number of differing pixels between the same region of two screenshots.
ui_diff_pixels() {
    local geom=$3
    convert "$UI_TMP/$1.png" -crop "$geom" +repage "$UI_TMP/$1.crop.png" || ui_fail "crop failed"
    convert "$UI_TMP/$2.png" -crop "$geom" +repage "$UI_TMP/$2.crop.png" || ui_fail "crop failed"
    compare -metric AE "$UI_TMP/$1.crop.png" "$UI_TMP/$2.crop.png" null: 2>&1 | awk '{ print int($1) }'
}

# Click at a point given as fractions of the window (numerators over a denominator).
ui_click() {
    xdotool mousemove $((WX + WW * $1 / $3)) $((WY + WH * $2 / $3)) click 1
    sleep 0.4
}

# Click the action-bar button for action index 0..13 (report .. logistics), as laid out by the drill screen.
ui_action() {
    xdotool mousemove $((WX + WW * (2 * $1 + 1) / 28)) $((WY + WH - 20)) click 1
    sleep 1
    xdotool mousemove $((WX + WW / 2)) $((WY + WH / 2))
}

# Whether an exit status is success: 0, or a sanitizer leak report in the log (default app.log) whose
# every allocation stack lies outside yqdrill's code (system libraries SDL unloads at exit).
ui_status_ok() {
    local log=${2:-$UI_TMP/app.log}
    [ "$1" -eq 0 ] && return 0
    if grep -q "ERROR: LeakSanitizer" "$log" &&
       ! grep -qE "ERROR: AddressSanitizer|runtime error" "$log" &&
       ! grep -qE "#[0-9]+ 0x[0-9a-f]+ in (ui|sim|app|score|store|scn|report)_" "$log"; then
        echo "note: leak report from system libraries only (status $1)"
        return 0
    fi
    return 1
}

# Wait for the program to exit by itself and check its status; $1 says what it means if it does not.
ui_wait_exit() {
    local i status
    for i in $(seq 1 40); do kill -0 "$UI_APP_PID" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$UI_APP_PID" 2>/dev/null && ui_fail "$1"
    wait "$UI_APP_PID"
    status=$?
    UI_APP_PID=
    ui_status_ok "$status" || ui_fail "the program exited with status $status"
}

# Type TEXT (optional DELAY ms between keys) into the focused window. Every non-ASCII character is
# first bound to a key of its own in one fixed keymap (unused and XF86 keycodes), so xdotool never
# remaps a scratch key between presses: that remapping raced with the program reading the previous
# key, and under load typed the next character in its place (网络 arrived as 网谣).
ui_type() {
    local text=$1 delay=${2:-150} syms codes i map=""
    read -r -a syms < <(python3 -c 'import sys
print(" ".join(sorted({"U%04X" % ord(c) for c in sys.argv[1] if ord(c) > 127})))' "$text") || ui_fail "python3 failed"
    read -r -a codes < <(xmodmap -pke | awk '$2 >= 9 && (NF == 3 || $4 ~ /^XF86/) { printf "%s ", $2 }')
    [ ${#syms[@]} -le ${#codes[@]} ] || ui_fail "ui_type: ${#syms[@]} distinct characters, only ${#codes[@]} spare keys"
    for i in "${!syms[@]}"; do map+="keycode ${codes[$i]} = ${syms[$i]}"$'\n'; done
    if [ -n "$map" ]; then
        printf '%s' "$map" | xmodmap - || ui_fail "xmodmap could not bind the characters of '$text'"
        sleep 0.5
    fi
    xdotool type --delay "$delay" "$text"
}

ui_sql() { sqlite3 -batch -noheader "$UI_DB" "$1"; }
# ui_until SECONDS CONDITION: up to SECONDS for the shell condition to hold (tried 5 times a second); 1 if never.
ui_until() {
    local i
    for i in $(seq 1 $(($1 * 5))); do eval "$2" && return 0; sleep 0.2; done
    return 1
}
# ui_clock_s: the drill time the window shows, in seconds (the layout dump's "[clock] HH:MM:SS"; YQ_UI_LAYOUT set).
ui_clock_s() {
    sed -n 's/.* \[clock\] \([0-9]*\):\([0-9]*\):\([0-9]*\)$/\1 \2 \3/p' "$YQ_UI_LAYOUT" 2>/dev/null |
        awk 'NR == 1 { print $1 * 3600 + $2 * 60 + $3 }'
}

ui_pass() { echo "1 passed, 0 failed"; exit 0; }
