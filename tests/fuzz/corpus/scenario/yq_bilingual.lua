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
  world = { population = 500, mean_follows = 8, leaders = 5, media = 5, heat_base = 200, media_threshold = 20 },
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
