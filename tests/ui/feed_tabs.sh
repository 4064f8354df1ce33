#!/usr/bin/env bash
# feed_tabs.sh — the feed's 最新/热门 tabs and the 热搜 list, as the layout dump reports them: 最新 lists
# posts newest first; a click on 热门 reorders them by likes + comments + reposts (most first), which is
# another order; 热搜 ranks at least one topic, figures descending, without any stance label; the video
# inject shows as a card with ▶ and its running time.
# Args: $1 yqdrill binary, $2 source dir.
set -u
. "$(dirname "$0")/harness.bash"
ui_begin "$1" "$2" feedtabs
export YQ_UI_LAYOUT="$UI_TMP/layout.txt"
feed="$YQ_UI_LAYOUT.feed"

ui_start run city_video --trainee 测试 --no-save
xdotool key 4
# city_video's video inject (00:02, 47 s long) arrives as a card with ▶ and its running time.
ui_wait_layout '^\([0-9]* \)\{7\}\[video\] ▶ 0:47$' 30 "no video card with ▶ 0:47 in the inbox"
ui_shot video
for i in $(seq 1 120); do
    [ -s "$feed" ] && [ "$(grep -vc '^\[' "$feed")" -ge 6 ] && grep -q '^\[hot\] 2 ' "$feed" && break
    ui_alive
    sleep 0.5
done
grep -q '^\[hot\] 1 ' "$feed" || ui_fail "no 热搜 topic shown in a minute"
grep -q ' 最新 \[selected\]$' "$YQ_UI_LAYOUT" || ui_fail "the 最新 tab is not drawn selected"
xdotool key space   # pause: the two dumps compare the same posts
sleep 1.5
cp "$feed" "$UI_TMP/latest.feed"
ui_shot latest

# Click 热门 where the dump says it is.
read -r x y w h _ < <(grep ' 热门$' "$YQ_UI_LAYOUT" | head -1)
[ -n "${x:-}" ] || ui_fail "no 热门 tab in the layout dump"
xdotool mousemove $((WX + x + w / 2)) $((WY + y + h / 2)) click 1
sleep 1.5
grep -q ' 热门 \[selected\]$' "$YQ_UI_LAYOUT" || ui_fail "the 热门 tab did not take the click"
cp "$feed" "$UI_TMP/hot.feed"
ui_shot hot
ui_not_blank hot

out=$(python3 - "$UI_TMP/latest.feed" "$UI_TMP/hot.feed" <<'PY'
import re, sys
def num(s):
    m = re.match(r"([\d.]+)(万|亿)?$", s.strip())
    return float(m.group(1)) * {None: 1, "万": 1e4, "亿": 1e8}[m.group(2)]
def posts(path):
    rows = [l.rstrip("\n").split(" | ") for l in open(path, encoding="utf-8") if not l.startswith("[")]
    return [(r[2], sum(num(p.split()[-1]) for p in r[3].split("·"))) for r in rows if len(r) == 4]
def hot(path):
    return [l.rstrip("\n").split(" | ") for l in open(path, encoding="utf-8") if l.startswith("[hot] ")]
latest, top = posts(sys.argv[1]), posts(sys.argv[2])
bad = []
if len(top) < 3: bad.append("热门 shows %d posts" % len(top))
scores = [s for _, s in top]
if any(a < b for a, b in zip(scores, scores[1:])): bad.append("热门 not by engagement: %r" % scores)
if [t for t, _ in latest] == [t for t, _ in top]: bad.append("热门 shows the same order as 最新")
topics = hot(sys.argv[2])
figs = [int(t[2]) for t in topics]
if not topics: bad.append("no 热搜 rows")
if any(a < b for a, b in zip(figs, figs[1:])): bad.append("热搜 figures not descending: %r" % figs)
for t in topics:
    if any(s in t[1] for s in ("谣言", "愤怒", "中立", "支持", "担忧")): bad.append("stance label in 热搜: %r" % t)
print("\n".join(bad))
PY
) || ui_fail "python3 failed on the feed dumps"
[ -z "$out" ] || ui_fail "$out"
ui_pass
