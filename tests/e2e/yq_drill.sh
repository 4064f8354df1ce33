# yq_drill.sh — a small drill written from scenarios/README.md alone with the yq library, a bilingual
# w.note and a question gated on a rumour (after_rumour): it passes check, each note shows in the run's
# language, a wrong figure fires its inject, the gated question waits for its rumour, and after_rumour
# goes through export-sheet / import-sheet; an unknown after_rumour and a bad bilingual note are found.
. "$(dirname "$0")/lib.sh"

d=$SCRATCH/bus_stop
mkdir -p "$d"
# The drill doubles as the scenario fuzzer's seed that reaches the yq library.
cp "$SRC/tests/fuzz/corpus/scenario/yq_bilingual.lua" "$d/scenario.lua"
cat > "$SCRATCH/responses.json" <<'JSON'
[
  {"t": 600, "type": "offline", "role": "command", "target": "apology"},
  {"t": 900, "type": "statement", "role": "spokesperson", "channel": "weibo", "text": "目前共有15辆公交停运，正在抢修。"}
]
JSON
expect "the drill passes check" "$YQ" check "$d"
for lang in en zh; do
    "$YQ" run "$d" --headless --no-save --seed 1 --lang $lang --responses "$SCRATCH/responses.json" \
        > "$SCRATCH/run.$lang.txt" 2> "$SCRATCH/run.$lang.err" || fail "run in $lang: $(cat "$SCRATCH/run.$lang.err")"
done
expect "the apology's note in English" grep -q "^00:10:00 note .*apologises in person at the depot" "$SCRATCH/run.en.txt"
expect "and in Chinese" grep -q "^00:10:00 note .*局领导到车站当面致歉" "$SCRATCH/run.zh.txt"
expect "the wrong figure (15 buses) fires the inject" grep -q "^00:15:00 inject .*does not match what I saw" "$SCRATCH/run.en.txt"
events() { sed '/== scorecard/q' "$SCRATCH/run.en.txt"; }
rumour_at=$(events | grep -n "rumour_start .*on strike" | head -1 | cut -d: -f1)
asked_at=$(events | grep -n "question .*drivers are on strike" | head -1 | cut -d: -f1)
media_before=$(events | head -n "${rumour_at:-0}" | grep -c "media_report")
expect "the media picked the story up before the rumour ($media_before reports)" test "$media_before" -gt 0
expect "the gated question is asked, after its rumour started" test -n "$asked_at" -a -n "$rumour_at" -a "${asked_at:-0}" -gt "${rumour_at:-0}"

"$YQ" export-sheet "$d" -o "$SCRATCH/bus.csv" || fail "export-sheet"
expect "after_rumour is a column of the exported sheet" grep -q '"question","q_strike".*"r_strike"' "$SCRATCH/bus.csv"
scenario_triggers "$d/scenario.lua" > "$SCRATCH/bus.triggers.lua"   # the triggers that reach its endings
mkdir -p "$SCRATCH/imported"
expect "the sheet imports, endings included" \
    "$YQ" import-sheet "$SCRATCH/bus.csv" -o "$SCRATCH/imported/bus_stop" --triggers "$SCRATCH/bus.triggers.lua"
expect "with the question's after_rumour" grep -q 'after_rumour = "r_strike"' "$SCRATCH/imported/bus_stop/scenario.lua"

sed -e 's/after_rumour = "r_strike"/after_rumour = "r_strik"/' \
    -e 's/note = { zh = "局领导到车站当面致歉。", en =/note = { zh = "局领导到车站当面致歉。", fr =/' \
    "$d/scenario.lua" > "$SCRATCH/bad.lua"
mkdir -p "$SCRATCH/bus_bad" && cp "$SCRATCH/bad.lua" "$SCRATCH/bus_bad/scenario.lua"
sed -i 's/id = "bus_stop"/id = "bus_bad"/' "$SCRATCH/bus_bad/scenario.lua"
"$YQ" check "$SCRATCH/bus_bad" > "$SCRATCH/bad.out" 2>&1
expect "check fails on them" test $? -eq 2
expect "an unknown after_rumour is named" grep -q "'after_rumour' names an unknown rumour 'r_strik'" "$SCRATCH/bad.out"
expect "a bilingual note with another key is found" grep -q "bilingual note has only zh and en" "$SCRATCH/bad.out"

finish
