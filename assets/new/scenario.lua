-- {{id}} — 新演练的骨架：把每段改成你的事件，保存后运行 `yqdrill check {{id}}`。
-- A skeleton drill written by `yqdrill new`: replace each part with your incident, then run
-- `yqdrill check {{id}}`. Every field is explained in scenarios/README.md.

-- 演练本身。时间从首条帖子出现（00:00）算起。/ The drill itself; times count from the first post (00:00).
scenario {
  id = "{{id}}",                       -- 与文件夹同名 / equals the folder name
  title = { zh = "新演练（请改标题）", en = "New drill (rename me)" },
  briefing = {
    zh = "这里写受训者开始前读到的情况说明：发生了什么、你是谁、要做什么。",
    en = "What the trainee reads before starting: what happened, who they are, what to do.",
  },
  place = { zh = "某区某小区", en = "an estate in the district" },       -- 填入模板的 {place} / fills {place}
  official = { zh = "区政府", en = "the district government" },        -- 填入 {official} / fills {official}
  difficulty = 1,                      -- 1..5
  time_scale = 4,                      -- 每真实分钟模拟4分钟 / 4 simulated minutes per real minute
  duration = "02:00",                  -- 演练时长 / how long the drill lasts
  plan = "{{plan}}",                   -- 评分方案 scenarios/plans/{{plan}}.json / the grading plan
  languages = { "zh", "en" },          -- 双语：每段文本都要 en / bilingual: every text needs en
  world = { population = 5000, heat_base = 40, trust = 60 },   -- 舆论世界参数 / the opinion world
}

-- 公众发帖的平台。/ Where the public talks.
platform { id = "weibo", name = { zh = "微博", en = "Weibo" }, share = 0.6 }

-- 事实：什么是真的，何时核实。/ Facts: what is true, and from when it may be said.
fact {
  id = "f_cause", kind = "cause",
  text = { zh = "事故原因是供水管道破裂", en = "A water main burst" },
  synonyms = { "管道破裂", "水管爆裂", "water main burst" },     -- 能陈述这一事实的说法 / phrases that state it
  verified_at = "00:20",
  verified_by = { zh = "抢修队现场报告", en = "the repair crew's report" },
}
fact {
  id = "f_homes", kind = "number", value = 120, unit = "户",
  text = { zh = "共有120户受影响", en = "120 homes are affected" },
  synonyms = { "受影响", "affected" },        -- 与数字连用的关键词 / keywords bound to a number
  subjects = { "共有", "共" },
  verified_at = "00:40",
  verified_by = { zh = "街道办统计", en = "the sub-district office's count" },
}

-- 收件箱中出现的信息。/ What arrives in the inbox.
inject {
  id = "i_first_post", kind = "post", at = "00:05", heat = 20,
  source = { zh = "网民", en = "a netizen" },
  text = { zh = "小区突然停水还冒水，到底怎么回事？", en = "No water and a flood in our estate. What is going on?" },
}

-- 谣言：由哪条已核实的事实辟谣。/ A rumour, and the verified fact that rebuts it.
rumour {
  id = "r_blast", platform = "weibo", start = "00:30", rebutted_by = "f_cause",
  claim = { zh = "小区发生了爆炸", en = "There was an explosion in the estate" },
  synonyms = { "发生爆炸", "爆炸了", "explosion" },
}

-- 记者提问：好的回答应包含哪些事实。/ What reporters ask, and the facts a good answer states.
question {
  id = "q_homes", at = "01:00", expects = { "f_cause", "f_homes" },
  reporter = { zh = "李记者", en = "Reporter Li" }, outlet = { zh = "晚报", en = "Evening News" },
  text = { zh = "原因是什么？有多少户受影响？", en = "What caused it, and how many homes are affected?" },
}

-- 只在某条谣言出现之后才会被问到的问题。/ A question reporters ask only once a rumour has started.
question {
  id = "q_blast", after_rumour = "r_blast", expects = { "f_cause" },
  reporter = { zh = "王记者", en = "Reporter Wang" }, outlet = { zh = "都市频道", en = "City Channel" },
  text = { zh = "网上说小区发生了爆炸，是真的吗？", en = "People say there was an explosion in the estate. Is it true?" },
}

-- 信息流中的帖子模板。/ The feed's posts.
template { stance = "angry", text = { zh = "{place}停水，{official}去哪了？", en = "No water at {place}. Where is {official}?" } }
template { stance = "rumour", text = { zh = "听说{rumour}", en = "I heard: {rumour}" } }

-- 结局：由触发器到达。/ An ending a trigger reaches.
ending { id = "e_calm", text = { zh = "事态平息。", en = "The situation calms down." } }

-- 触发器：演练运行时调用的函数。/ Triggers: functions the drill calls while it runs.
-- 线下到场处置让现场人数减少。/ An offline visit sends part of the crowd home.
on_action("offline", function(a, w)
  w.adjust { crowd = -5 }
  w.note { zh = "工作人员到场，部分围观者离开。", en = "Staff arrived on site; some onlookers leave." }
end)

-- 内置库 yq：到时仍未核实原因，公众失去耐心。/ The built-in yq library: silence past a deadline costs trust.
yq.deadline("01:00", { unless_verified = "f_cause", effects = { adjust = { trust = -5 },
  note = { zh = "一小时过去仍无原因通报，业主群开始抱怨。", en = "An hour on and no cause given: the residents' group grumbles." } } })

-- 接近结束时若公信力尚可，到达平息结局。/ Near the end, with trust intact, the drill calms down.
on_threshold("time", "01:50", function(w)
  if w.trust >= 50 then
    w.ending("e_calm")
  end
end)
