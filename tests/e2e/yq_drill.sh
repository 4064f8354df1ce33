# yq_drill.sh — a small drill written from scenarios/README.md alone with the yq library, a bilingual
# w.note and a question gated on a rumour (after_rumour): it passes check, each note shows in the run's
# language, a wrong figure fires its inject, the gated question waits for its rumour, and after_rumour
# goes through export-sheet / import-sheet; an unknown after_rumour and a bad bilingual note are found.
. "$(dirname "$0")/lib.sh"

d=$SCRATCH/bus_stop
mkdir -p "$d"
cat > "$d/scenario.lua" <<'LUA'
-- bus_stop — 公交大面积停运：线路停运引发"司机罢工"谣言。
-- Buses stop on many lines; a rumour says the drivers are on strike.

scenario {
  id = "bus_stop",
  title = { zh = "公交停运引发舆情", en = "Buses stop across the city" },
  briefing = { zh = "早高峰多条公交线路停运。你是市交通运输局新闻发言人。",
               en = "Several bus lines stopped in the morning rush. You are the transport bureau's spokesperson." },
  place = { zh = "江川市", en = "Jiangchuan" },
  official = { zh = "市交通运输局", en = "the city transport bureau" },
  duration = "02:00",
  languages = { "zh", "en" },
  world = { population = 2000, mean_follows = 8, leaders = 5, media = 5, heat_base = 200, media_threshold = 20 },
}

platform { id = "weibo", name = { zh = "微博", en = "Weibo" }, share = 1.0 }

fact {
  id = "f_cause", kind = "cause",
  text = { zh = "停运原因是供电线路故障导致充电站停电", en = "A power fault cut the charging depot" },
  synonyms = { "供电线路故障", "充电站停电", "power fault" },
  verified_at = "00:10", verified_by = { zh = "公交集团", en = "the bus company" },
}
fact {
  id = "f_buses", kind = "number", value = 12, unit = "辆",
  text = { zh = "共有12辆公交停运", en = "12 buses stopped in all" },
  synonyms = { "停运" },
  verified_at = "00:20", verified_by = { zh = "公交集团调度", en = "the bus company's dispatch" },
}

inject {
  id = "i_angry", kind = "post",
  source = { zh = "网民", en = "a commuter" },
  text = { zh = "官方说的数字和我看到的根本对不上！", en = "The official figure does not match what I saw!" },
}

rumour {
  id = "r_strike", platform = "weibo", start = "00:40", rebutted_by = "f_cause",
  claim = { zh = "公交司机集体罢工", en = "The bus drivers are on strike" },
  synonyms = { "罢工", "strike" },
}

question {
  id = "q_strike", after_rumour = "r_strike", expects = { "f_cause" },
  text = { zh = "网上说司机罢工了，是真的吗？", en = "People say the drivers are on strike. True?" },
}
question {
  id = "q_count", at = "00:30", expects = { "f_buses" },
  text = { zh = "到底有多少辆车停运？", en = "How many buses stopped?" },
}

template { stance = "angry", text = { zh = "{place}公交全停了，{official}在干什么？", en = "No buses in {place}. What is {official} doing?" } }
template { stance = "rumour", text = { zh = "听说{rumour}", en = "I heard: {rumour}" } }

ending { id = "e_ok", text = { zh = "出行恢复，舆情平稳。", en = "Service resumes; things calm down." } }
ending { id = "e_bad", text = { zh = "怨气持续发酵。", en = "Anger keeps growing." } }

yq.on_public(function(a, w)
  if yq.wrong_number(a, w, { cites = "f_buses", right = 12, from = 1, to = 50, words = { "辆公交", "辆车" } }) then
    yq.apply(w, { fire = "i_angry", adjust = { trust = -5 },
                  note = { zh = "停运数字与调度口径不符。", en = "The figure does not match dispatch's count." } })
  end
end)

yq.offline {
  apology = { adjust = { crowd = -10, trust = 2 },
              note = { zh = "局领导到车站当面致歉。", en = "The bureau's head apologises in person at the depot." } },
}

yq.close_by_trust { at = "01:55", { 60, "e_ok" }, { 0, "e_bad" } }
LUA
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
grep -v '^"ending"' "$SCRATCH/bus.csv" > "$SCRATCH/decl.csv"   # endings are reached by triggers, which a sheet does not hold
mkdir -p "$SCRATCH/imported"
expect "the sheet imports" "$YQ" import-sheet "$SCRATCH/decl.csv" -o "$SCRATCH/imported/bus_stop"
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
