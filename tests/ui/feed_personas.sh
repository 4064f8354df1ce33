#!/usr/bin/env bash
# feed_personas.sh — the trainee's live feed as the program draws it (the layout dump's FILE.feed):
# every post has a named author with followers, a platform, counts and varied words, and no post
# carries a stance label (中立/愤怒/谣言…), which would hand the trainee the judgement the drill trains.
# Args: $1 yqdrill binary, $2 source dir.
set -u
. "$(dirname "$0")/harness.bash"
ui_begin "$1" "$2" feed
export YQ_UI_LAYOUT="$UI_TMP/layout.txt"

ui_start run city_video --trainee 测试 --no-save
xdotool key 4
feed="$YQ_UI_LAYOUT.feed"
for i in $(seq 1 120); do
    [ -s "$feed" ] && [ "$(wc -l < "$feed")" -ge 5 ] && break
    ui_alive
    sleep 0.5
done
[ "$(wc -l < "$feed")" -ge 5 ] || ui_fail "the feed showed fewer than 5 posts in a minute"
ui_shot feed
ui_not_blank feed
cp "$feed" "$UI_TMP/feed.txt"
out=$(python3 - "$UI_TMP/feed.txt" "$UI_SRC/assets/i18n/zh-CN.json" <<'PY'
import json, sys
stances = ["愤怒", "担忧", "中立", "支持", "谣言", "angry", "worried", "neutral", "supportive", "rumour"]
# Lines starting "[" are the official account's pinned thread, checked by official_thread.sh.
rows = [l.rstrip("\n").split(" | ") for l in open(sys.argv[1], encoding="utf-8") if l.strip() and not l.startswith("[")]
bad = []
for r in rows:
    if len(r) != 4:
        bad.append("post line has %d parts: %r" % (len(r), r)); continue
    name, meta, text, counts = r
    fields = [f.strip() for part in (name, meta, counts) for f in part.split("·")]
    for s in stances:
        if s in fields:
            bad.append("stance label %s shown with post: %s" % (s, " | ".join(r)))
    if not name or name in ("网民", "媒体", "大V", "官方"):
        bad.append("post without a persona name: %r" % name)
    if not meta.startswith("粉丝 "):
        bad.append("no follower count: %r" % meta)
    if not counts.startswith("转发 "):
        bad.append("no repost/comment/like counts: %r" % counts)
texts = [r[2] for r in rows if len(r) == 4]
if len(set(texts)) != len(texts):
    bad.append("the same text twice among %d posts shown" % len(texts))
print("\n".join(bad))
PY
) || ui_fail "python3 failed on the feed dump"
[ -z "$out" ] || ui_fail "$out"
ui_pass
