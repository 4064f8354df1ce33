# trigger_claims.sh — scenario triggers see the claims the world read: a.claims with each claim's
# effect, a.wrong on claims (a denial quoting a wrong figure is not wrong), a.cites on true assertions.
. "$(dirname "$0")/lib.sh"

drill="$SCRATCH/claims_drill"
cp -r "$SRC/scenarios/city_video" "$drill"
cat >> "$drill/scenario.lua" <<'LUA'

on_action("statement", function(a, w)
  for _, c in ipairs(a.claims) do
    if c.about == "rumour" then w.note("rumour " .. c.id .. " " .. c.effect) end
  end
  if a.wrong("f_injured") then w.note("wrong figure") end
  if a.cites("f_vendor_safe") then w.note("cites vendor safe") end
end)
LUA
cat > "$SCRATCH/acts.json" <<'JSON'
[{"t": 3300, "type": "statement", "channel": "weibo", "text": "是的，我们确认城管把卖水果的大爷打死了。"},
 {"t": 3400, "type": "statement", "channel": "weibo", "text": "网传城管把卖水果的大爷打死了、5人受伤，不实。经医院确认，摊贩无生命危险。"},
 {"t": 3500, "type": "statement", "channel": "weibo", "text": "此次冲突共有5人受伤。"}]
JSON
"$YQ" run "$drill" --headless --no-save --responses "$SCRATCH/acts.json" > "$SCRATCH/out" 2> "$SCRATCH/err" ||
    fail "run: $(cat "$SCRATCH/err")"
note_at() { grep -a "^$1 note" "$SCRATCH/out" | grep -q -- "$2"; }
expect "a confirmation reads as confirms" note_at 00:55:00 "rumour r_dead confirms"
expect "a denial reads as denies" note_at 00:56:40 "rumour r_dead denies"
expect "a denial quoting a wrong figure is not wrong" sh -c "! grep -a '^00:56:40 note' '$SCRATCH/out' | grep -q 'wrong figure'"
expect "a.cites sees the asserted fact" note_at 00:56:40 "cites vendor safe"
expect "an asserted wrong figure is wrong" note_at 00:58:20 "wrong figure"
finish
