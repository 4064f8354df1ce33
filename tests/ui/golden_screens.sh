# golden_screens.sh — the console drawn by SDL's offscreen driver (software renderer, no X server) at the four
# classroom sizes 1280x720, 1366x768, 1920x1080 and 3840x2160, in Chinese and English: the start screen, the
# city_video drill screen at its first minute, and the same drill at minute 55 played with its reference
# responses (a full feed, the pinned official post with replies, a full inbox, pop-ups). Each frame the program writes itself (YQ_UI_SHOT) must match
# tests/ui/golden/SCREEN-LANG-SIZE.png (kept at 960 px wide) within 1 % of pixels (ImageMagick AE, fuzz 8 %),
# and its layout dump (YQ_UI_LAYOUT) must show no control outside the window, clipped or overlapping.
# With YQ_GOLDEN_UPDATE=1 the golden images are written instead (tests/ui/golden/regenerate.sh); look at them.
# Args: $1 yqdrill binary, $2 source dir.
set -u
YQ=$1
SRC=$2
GOLD="$SRC/tests/ui/golden"
TMP=$(mktemp -d "${YQ_TEST_TMP:-/tmp}/golden.XXXXXX") || exit 1
[ -n "${KEEP:-}" ] || trap 'rm -rf "$TMP"' EXIT
for tool in convert compare python3; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (imagemagick, python3)"; exit 1; }
done
failed=0 passed=0
# Sanitizer builds: leaks inside system libraries SDL uses (see lsan.supp); nothing of ours is suppressed,
# and a leak report whose stacks are all outside our code passes (ui_status_ok of the Xvfb harness).
export LSAN_OPTIONS="suppressions=$SRC/tests/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
. "$SRC/tests/ui/harness.bash"
fail() { echo "FAIL: $*" >&2; failed=$((failed + 1)); }

# layout_ok FILE: every control inside the window, its label whole, no two overlapping (notices aside).
layout_ok() { python3 "$SRC/tests/ui/layout_check.py" "$1" 5; }

for size in 1280x720 1366x768 1920x1080 3840x2160; do
    for lang in zh en; do
        for screen in start drill feed; do
            name="$screen-$lang-$size"
            args=(run --lang "$lang" --save "$TMP/$name.db")
            at=
            [ "$screen" = drill ] && args=(run city_video --lang "$lang" --trainee tester --no-save --seed 1)
            [ "$screen" = feed ] && at=55 && args=(run city_video --lang "$lang" --trainee tester --no-save --seed 1
                --responses "$SRC/scenarios/city_video/responses/reference.json")
            rm -f "$TMP/$name.layout"
            SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy YQ_UI_SIZE="$size" YQ_UI_SHOT="$TMP/$name.bmp" YQ_UI_SHOT_AT="$at" \
                YQ_UI_LAYOUT="$TMP/$name.layout" "$YQ" "${args[@]}" > "$TMP/$name.log" 2>&1
            if ! ui_status_ok $? "$TMP/$name.log"; then
                fail "$name: the program failed: $(tail -3 "$TMP/$name.log")"
                continue
            fi
            [ "$(identify -format '%wx%h' "$TMP/$name.bmp" 2>/dev/null)" = "$size" ] ||
                { fail "$name: no ${size} screenshot ($(identify -format '%wx%h' "$TMP/$name.bmp" 2>&1))"; continue; }
            convert "$TMP/$name.bmp" -resize 960x "$TMP/$name.png" || { fail "$name: convert"; continue; }
            if out=$(layout_ok "$TMP/$name.layout" 2>&1); then passed=$((passed + 1)); else fail "$name layout: $out"; fi
            if [ "${YQ_GOLDEN_UPDATE:-}" = 1 ]; then
                convert "$TMP/$name.png" -strip -colors 128 "PNG8:$GOLD/$name.png" && echo "wrote $GOLD/$name.png"
                continue
            fi
            [ -f "$GOLD/$name.png" ] || { fail "$name: no golden image $GOLD/$name.png (tests/ui/golden/regenerate.sh)"; continue; }
            convert "$GOLD/$name.png" -define png:color-type=6 "$TMP/$name.gold.png"
            diff=$(compare -metric AE -fuzz 8% "$TMP/$name.png" "$TMP/$name.gold.png" "$TMP/$name.diff.png" 2>&1 >/dev/null)
            total=$(identify -format '%[fx:w*h]' "$TMP/$name.png")
            if [ -n "$diff" ] && awk -v d="${diff%% *}" -v t="$total" 'BEGIN { exit !(d + 0 <= t * 0.01) }'; then
                passed=$((passed + 1))
            else
                fail "$name: $diff of $total pixels differ from the golden image (diff in $TMP/$name.diff.png; KEEP=1 keeps it)"
            fi
        done
    done
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
