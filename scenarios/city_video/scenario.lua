-- city_video — 城管执法视频走红：一段执法冲突视频在短视频平台扩散，谣言称摊贩死亡。
-- A short urban-management enforcement video goes viral; a rumour says the vendor died.

scenario {
  id = "city_video",
  title = { zh = "城管执法视频引发舆情", en = "Enforcement video goes viral" },
  briefing = {
    zh = "上午9时40分许，南城区东门菜市场外，城管队员劝离占道经营的水果摊贩时发生拉扯，摊贩倒地。"
      .. "围观者拍摄的视频几分钟后出现在抖音，转发迅速上升。你是南城区城市管理局的新闻发言人："
      .. "请及时报告、研判，只发布已核实的信息，回应谣言和记者提问，并推动线下处置。",
    en = "At about 9:40 a.m., outside Dongmen Market in Nancheng District, enforcement officers moving on "
      .. "a fruit vendor who blocked the pavement got into a scuffle and the vendor fell. A bystander's "
      .. "video reached Douyin within minutes and is spreading fast. You are the spokesperson of the "
      .. "Nancheng District Urban Management Bureau: report and assess in time, publish only verified "
      .. "facts, answer the rumour and the press, and push the offline handling forward.",
  },
  place = { zh = "南城区东门菜市场", en = "Dongmen Market, Nancheng District" },
  official = { zh = "南城区城市管理局", en = "the Nancheng District Urban Management Bureau" },
  domain = "urban",
  difficulty = 2,
  role = "spokesperson",
  time_scale = 4,          -- 4 simulated minutes per real minute: the 4 hours take about an hour
  duration = "04:00",
  starts_at = "09:40",     -- the briefing's time of day
  plan = "urban",          -- scenarios/plans/urban.json: report in 10 min, respond within the hour
  languages = { "zh", "en" },
  world = {
    population = 20000,
    mean_follows = 12,
    leaders = 20,
    media = 10,
    heat_base = 40,        -- background posts per hour about the incident
    heat_branching = 0.7,
    heat_decay_h = 0.5,
    trust = 60,
    crowd = 20,
    media_threshold = 300,
  },
}

platform { id = "douyin", name = { zh = "抖音", en = "Douyin" }, share = 0.45 }
platform { id = "weibo", name = { zh = "微博", en = "Weibo" }, share = 0.40 }
platform { id = "wechat", name = { zh = "微信", en = "WeChat" }, share = 0.30 }

-- Facts, in the order they become verified.
fact {
  id = "f_team", kind = "measure",
  text = { zh = "区城管局已派出工作组赶赴现场核查处置", en = "The bureau has sent a working group to the scene" },
  synonyms = { "工作组", "赶赴现场", "派出工作组", "working group" },
  verified_at = "00:10",
  verified_by = { zh = "区城管局值班室", en = "the bureau's duty office" },
}
fact {
  id = "f_hospital", kind = "other",
  text = { zh = "摊贩已由救护车送往南城区人民医院救治", en = "The vendor was taken by ambulance to Nancheng People's Hospital" },
  synonyms = { "送往医院", "送医", "送往南城区人民医院", "送至南城区人民医院", "区人民医院救治", "taken to hospital", "taken by ambulance" },
  verified_at = "00:30",
  verified_by = { zh = "执法大队现场报告", en = "the enforcement team's field report" },
}
fact {
  id = "f_vendor_safe", kind = "other",
  text = { zh = "摊贩意识清醒、生命体征平稳，无生命危险", en = "The vendor is conscious and stable, not in danger" },
  synonyms = { "无生命危险", "没有生命危险", "生命体征平稳", "意识清醒", "脱离生命危险", "not in danger", "stable condition", "out of danger" },
  verified_at = "00:50",
  verified_by = { zh = "南城区人民医院电话", en = "a call from Nancheng People's Hospital" },
}
fact {
  id = "f_injured", kind = "number", value = 2, unit = "人",
  text = { zh = "共有2人受轻伤：摊贩1人、执法队员1人", en = "2 people were lightly injured: the vendor and one officer" },
  synonyms = { "受伤", "伤者", "受轻伤", "injured" },
  subjects = { "共", "共有", "共计", "合计", "伤者", "受伤人员", "in all", "in total", "people" },   -- "摊贩1人" counts the vendor, not the total
  verified_at = "00:50",
  verified_by = { zh = "南城区人民医院电话", en = "a call from Nancheng People's Hospital" },
}
fact {
  id = "f_suspended", kind = "measure",
  text = { zh = "涉事执法队员已暂停执法工作，接受调查", en = "The officers involved have been stood down pending investigation" },
  synonyms = { "暂停执法", "停止执法", "停职", "暂停工作", "stood down", "suspended" },
  verified_at = "01:10",
  verified_by = { zh = "区城管局局务会决定", en = "a decision of the bureau's leadership" },
}
fact {
  id = "f_cause", kind = "cause",
  text = { zh = "初步查明：执法队员暂扣三轮车时未出示执法证件、沟通方式不当",
           en = "First findings: officers did not show their warrant cards and handled the talk badly" },
  synonyms = { "未出示执法证件", "未出示证件", "沟通方式不当", "warrant card" },
  verified_at = "02:30",
  verified_by = { zh = "区纪检监察调查组", en = "the district inspection team" },
}

-- What arrives in the trainee's inbox, and when.
inject {
  id = "i_video", kind = "video", at = "00:02", length = 47, heat = 150, crowd = 25,
  source = { zh = "抖音用户“东门老街坊”", en = "Douyin user 'Dongmen Neighbour'" },
  text = { zh = "【视频】几名城管把卖水果的大爷按倒在地，三轮车被拖走，围观的人都在喊。",
           en = "[Video] Officers pin an old fruit seller to the ground and tow his tricycle away while the crowd shouts." },
}
inject {
  id = "i_field", kind = "field", at = "00:30",
  source = { zh = "南城区城管执法大队", en = "Nancheng enforcement team" },
  text = { zh = "现场报告：秩序已恢复，摊贩已由救护车送往区人民医院，工作组正在走访目击者。",
           en = "Field report: order restored, the vendor taken to the district hospital, the working group is talking to witnesses." },
}
inject {
  id = "i_media", kind = "media", at = "00:40", heat = 200,
  source = { zh = "《江川晚报》", en = "Jiangchuan Evening News" },
  text = { zh = "晚报记者来电：网上说摊贩已经死亡，请局里给个说法。",
           en = "A reporter calls: people online say the vendor has died; the paper wants the bureau's answer." },
}
inject {
  id = "i_hospital", kind = "call", at = "00:50",
  source = { zh = "南城区人民医院", en = "Nancheng People's Hospital" },
  text = { zh = "医院来电：摊贩意识清醒、生命体征平稳，无生命危险；另有1名执法队员手臂擦伤，共2人受轻伤。",
           en = "The hospital calls: the vendor is conscious and stable, not in danger; one officer has a grazed arm, 2 lightly injured in all." },
}
inject {
  id = "i_crowd", kind = "field", crowd = 60,    -- no `at`: only the trigger below fires it
  source = { zh = "南城区人民医院保卫科", en = "Hospital security office" },
  text = { zh = "医院门口聚集了数十名听信传言的市民，要求“讨个说法”。",
           en = "Dozens of people who believe the rumour have gathered at the hospital gate demanding answers." },
}

rumour {
  id = "r_dead", platform = "douyin", start = "00:15",
  claim = { zh = "城管把卖水果的大爷打死了", en = "The officers beat the old fruit seller to death" },
  spread = 4, stifle = 0.25, believe = 0.5, seeds = 5,
  rebutted_by = "f_vendor_safe",
  synonyms = { "打死", "被打死", "打死了", "死亡", "身亡", "死了", "去世", "离世", "被城管打死",
               "beaten to death", "has died", "died", "killed" },
}

-- Tempting false claims: blaming the vendor, vouching for the officers, passing the blame down.
claim {
  id = "c_vendor_attack", kind = "cause",
  text = { zh = "摊贩先动手袭击执法队员，暴力抗法", en = "The vendor attacked the officers first and resisted violently" },
  synonyms = { "暴力抗法", "先动手", "袭击执法队员", "袭击城管", "attacked the officers", "resisted violently" },
  truth = false,
  hurts = { zh = "被打的摊贩", en = "the vendor who was beaten" },
}
claim {
  id = "c_lawful",
  text = { zh = "执法队员全程规范执法，程序合法", en = "The officers followed procedure throughout" },
  synonyms = { "全程规范执法", "执法程序合法", "执法程序规范", "执法过程合法合规", "执法行为规范", "followed procedure" },
  truth = false,
}
claim {
  id = "c_temp",
  text = { zh = "涉事人员是临时聘用的协管员，不是正式执法队员", en = "The men involved were hired auxiliaries, not regular officers" },
  synonyms = { "临时工", "协管员", "临时聘用", "temporary workers", "auxiliaries" },
  truth = false,
}

question {
  id = "q_injured", at = "00:40",
  reporter = { zh = "晚报记者 李娜", en = "Li Na, reporter" },
  outlet = { zh = "《江川晚报》", en = "Jiangchuan Evening News" },
  text = { zh = "网上说摊贩被打死了，到底有几个人受伤？是什么原因引起的冲突？",
           en = "People say the vendor was beaten to death. How many were injured, and what caused the clash?" },
  followup = { zh = "请正面回答：摊贩现在是什么情况？涉事队员怎么处理？",
               en = "Please answer directly: how is the vendor now, and what happens to the officers?" },
  expects = { "f_team", "f_hospital", "f_vendor_safe", "f_suspended" },
  traps = { "f_injured", "f_cause" },   -- fishing for a count and a cause before they are verified
}

template { stance = "angry", text = { zh = "#{place}# 视频看得人心寒，{official}必须给个交代！",
                                       en = "#{place}# That video is chilling. {official} owes us an explanation!" } }
template { stance = "angry", platform = "weibo",
           text = { zh = "执法就能动手吗？{official}到现在一句话都没有。",
                    en = "Since when does enforcement mean force? Not a word from {official} yet." } }
template { stance = "worried", text = { zh = "那位大爷现在怎么样了？有没有人知道{place}那边的情况？",
                                         en = "How is the old man now? Does anyone know what is happening at {place}?" } }
template { stance = "neutral", text = { zh = "等官方通报吧，视频只拍到一半，{place}的事还不清楚。",
                                         en = "Let's wait for the official account; the clip shows only half of what happened at {place}." } }
template { stance = "supportive", after = "statement", text = { zh = "{official}已经说明情况并道歉了，态度还算诚恳，等调查结果。",
                                            en = "{official} has explained and apologised, fairly sincerely; let's wait for the findings." } }
template { stance = "rumour", text = { zh = "听说{rumour}，太可怕了，大家转起来！",
                                        en = "I heard that {rumour}. Terrible. Share this!" } }

ending {
  id = "e_calm",
  text = { zh = "事态平息：谣言被及时澄清，公众基本接受了区城管局的通报和处置。",
           en = "Calm restored: the rumour was cleared up in time and the public broadly accepts the bureau's account and measures." },
}

-- An apology made in person calms the crowd at the site and earns back some trust.
on_action("offline", function(a, w)
  if a.target == "apology" then
    w.adjust { crowd = -w.crowd * 0.5, trust = 4 }
    w.note("当面道歉后，现场围观人群开始散去。 / After the apology in person, the crowd begins to disperse.")
  end
end)

-- If the rumour reaches 5% of accounts before the hospital has confirmed the vendor is safe,
-- people gather at the hospital.
on_threshold("rumour_reach", 0.05, function(w)
  if not w.verified("f_vendor_safe") then
    w.fire("i_crowd")
  end
end)

-- Shortly before the end: calm when trust recovered and the rumour reached fewer than half the accounts.
on_threshold("time", "03:55", function(w)
  if w.trust >= 70 and w.reach("r_dead") < 0.5 then
    w.ending("e_calm")
  end
end)
