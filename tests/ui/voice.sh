#!/usr/bin/env bash
# voice.sh — `run --voice`: the drill runs, and when the reporter's question arrives its notice pops up and
# speech reaches the audio device (SDL's disk driver writes what it plays to a file: not silence after the
# question, silence before it); no "not read aloud" line on stderr.
# Args: $1 yqdrill binary, $2 source dir.
set -u
. "$(dirname "$0")/harness.bash"
ui_begin "$1" "$2" voice
export YQ_UI_LAYOUT="$UI_TMP/layout.txt"
export SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE="$UI_TMP/audio.raw"

# peak_after BYTES: the largest sample magnitude in the audio file past BYTES.
peak_after() {
    python3 - "$SDL_DISKAUDIOFILE" "$1" <<'PY'
import array, sys
data = open(sys.argv[1], "rb").read()[int(sys.argv[2]):]
a = array.array("h", data[: len(data) // 2 * 2])
print(max((abs(x) for x in a), default=0))
PY
}

ui_start run forged_notice --trainee 测试 --save "$UI_DB" --voice --speed 10
[ -f "$SDL_DISKAUDIOFILE" ] || ui_fail "the audio device was not opened"
[ "$(peak_after 0)" -eq 0 ] || ui_fail "sound before any question"
# The question (宋雯 of 《临江日报》; its notice reads 记者提问) comes at 00:30 of scenario time: 30 s at 10× (1× = 6 minutes a minute).
for i in $(seq 1 240); do
    grep -qE -- '^([-0-9]+ ){7}\[notice\] .*记者提问' "$YQ_UI_LAYOUT" 2>/dev/null && break
    sleep 0.25
done
grep -qE -- '^([-0-9]+ ){7}\[notice\] .*记者提问' "$YQ_UI_LAYOUT" || ui_fail "no notice of the reporter's question"
ui_shot question
ui_not_blank question
peak=0
for i in $(seq 1 40); do
    peak=$(peak_after 0)
    [ "$peak" -gt 1000 ] && break
    sleep 0.25
done
[ "$peak" -gt 1000 ] || ui_fail "the question was not read aloud (peak sample $peak)"
ui_alive
grep -q "not read aloud" "$UI_TMP/app.log" && ui_fail "the drill says the voices are off"
ui_pass
