-- forged_notice/scenario.lua — drill: a forged red-header notice tells retirees to pay a "certification fee"
-- by QR code or lose their pension; it spreads through community chat groups (general plan).

scenario {
    id = "forged_notice",
    title = "伪造“养老金资格认证收费”红头通知舆情处置演练",
    briefing = "上午9时许，一份盖有“临江市人力资源和社会保障局”印章的《关于开展2025年度养老金领取资格集中认证的紧急通知》"
        .. "在多个社区微信群、老年大学群转发。通知称：退休人员须在本月25日前扫码缴纳98元“认证服务费”，否则下月起停发养老金。"
        .. "二维码指向一个仿冒网站，要求填写身份证号和银行卡号。已有老人到银行网点询问缴费。"
        .. "你是临江市人社局新闻发言人：尽快核实、权威辟谣，联合公安、网信和社区斩断传播链，守住老人的“钱袋子”。",
    place = "临江市",
    official = "临江市人社局",
    domain = "government",
    difficulty = 2,
    role = "spokesperson",
    time_scale = 6,
    duration = "06:00",
    starts_at = "09:00",     -- the briefing's time of day
    deadlines = { press = "05:00" },   -- a press conference within 5 hours of this 6-hour drill
    plan = "general",
    world = {
        population = 90000,
        mean_follows = 14,
        leaders = 30,
        media = 20,
        heat_base = 70,
        heat_branching = 0.7,
        heat_decay_h = 0.5,
        reads_per_post = 450,
        trust = 62,
        crowd = 0,
        media_threshold = 650,
    },
}

platform { id = "wechat", name = "微信社区群", share = 0.45 }
platform { id = "weibo", name = "微博", share = 0.3 }
platform { id = "douyin", name = "抖音", share = 0.25 }

-- Facts, in the order they become verified.

fact {
    id = "f_free", kind = "other",
    text = "养老金领取资格认证全程免费，可在“临江人社”APP或国家社会保险公共服务平台刷脸完成，行动不便的由社区上门认证",
    synonyms = { "全程免费", "认证免费", "免费认证", "不收费", "不收取任何费用", "不收取费用", "刷脸完成", "刷脸认证" },
    verified_at = "00:00", verified_by = "现行养老保险待遇资格认证政策",
}

fact {
    id = "f_no_stop", kind = "other",
    text = "本市养老金按月正常发放，资格认证周期为12个月，到期前会提前通知，不存在“下月起停发”",
    synonyms = { "按月正常发放", "正常发放", "不存在下月起停发", "不会停发", "不存在停发" },
    verified_at = "00:00", verified_by = "市社保中心待遇发放安排",
}

fact {
    id = "f_groups", kind = "number",
    text = "伪造通知已在30多个社区微信群中转发",
    value = 30, unit = "个",
    synonyms = { "个群", "个微信群", "个社区群", "个社区微信群" },
    subjects = { "群", "微信群", "社区群" },
    verified_at = "00:10", verified_by = "市网信办舆情监测",
    superseded_by = "f_groups2",
}

fact {
    id = "f_groups2", kind = "number",
    text = "伪造通知已在全市200多个微信群中传播",
    value = 200, unit = "个",
    synonyms = { "个群", "个微信群", "个社区群", "个社区微信群" },
    subjects = { "群", "微信群", "社区群" },
    verified_at = "01:10", verified_by = "市委网信办通报",
}

fact {
    id = "f_forged", kind = "other",
    text = "该通知系伪造：文号“临人社发〔2025〕37号”不存在，所盖印章与本局印章不符",
    synonyms = { "系伪造", "文号不存在", "印章与本局印章不符", "印章不符", "伪造的通知", "通知是伪造的", "假通知", "冒用我局名义" },
    topics = { "真伪" },
    verified_at = "00:30", verified_by = "市人社局办公室核对发文登记和印章备案",
}

fact {
    id = "f_police", kind = "measure",
    text = "临江市公安局已对伪造公文和诈骗行为立案侦查",
    synonyms = { "已立案侦查", "立案侦查", "已立案", "已经立案" },
    verified_at = "01:30", verified_by = "市公安局反诈中心",
}

fact {
    id = "f_card", kind = "other",
    text = "社保卡无需统一换新，现有社保卡继续有效",
    synonyms = { "无需统一换新", "不需要统一换新", "无需换卡", "不需要换卡", "现有社保卡继续有效", "社保卡继续有效", "旧卡继续有效", "继续有效" },
    verified_at = "01:40", verified_by = "市社保卡服务中心",
}

fact {
    id = "f_site_down", kind = "measure",
    text = "二维码指向的仿冒网站已被通信管理部门关停",
    synonyms = { "仿冒网站已被关停", "仿冒网站已关停", "网站已被关停", "网站已关停", "仿冒网站已被封停" },
    verified_at = "02:30", verified_by = "市网信办、省通信管理局",
}

fact {
    id = "f_victims", kind = "number",
    text = "经公安反诈中心核实，已有7名老人扫码并支付",
    value = 7, unit = "人",
    synonyms = { "受骗人数", "被骗人数", "老人扫码并支付", "扫码并支付", "扫码支付", "老人被骗", "被骗老人", "受骗老人", "人被骗", "人受骗" },
    subjects = { "老人", "受骗老人", "被骗老人", "人被骗", "人受骗" },
    verified_at = "04:30", verified_by = "市公安局反诈中心",
}

fact {
    id = "f_loss", kind = "number",
    text = "被骗金额共计686元",
    value = 686, unit = "元",
    synonyms = { "被骗金额", "涉案金额", "损失", "共计" },
    subjects = { "被骗金额", "涉案金额", "损失", "共计" },
    topics = { "金额" },
    verified_at = "04:30", verified_by = "市公安局反诈中心",
}

fact {
    id = "f_frozen", kind = "measure",
    text = "涉案收款账户已被冻结，被骗款项正在追缴",
    synonyms = { "账户已被冻结", "涉案收款账户已被冻结", "收款账户已冻结", "账户已冻结", "正在追缴" },
    verified_at = "04:40", verified_by = "市公安局反诈中心",
}

fact {
    id = "f_info", kind = "cause",
    text = "公安初步调查：诈骗信息是在社区群内随机群发，未发现人社系统数据泄露",
    synonyms = { "随机群发", "未发现人社系统数据泄露", "未发现数据泄露", "没有发现数据泄露", "未发现信息泄露" },
    verified_at = "04:10", verified_by = "市公安局网安支队",
}

-- Facts that only the trainee's offline measures make true.

fact {
    id = "f_hotline", kind = "measure",
    text = "市人社局12333热线开通防骗咨询专席",
    synonyms = { "防骗咨询专席", "12333" },
}

fact {
    id = "f_community", kind = "measure",
    text = "社区工作人员正在逐户上门提醒老人，并在群内发布辟谣提示",
    synonyms = { "逐户上门提醒", "上门提醒", "入户提醒" },
}

-- What arrives in the inbox.

inject {
    id = "i_notice", kind = "notice", at = "00:00", heat = 40,
    source = "城南街道幸福里社区居民群",
    text = "《关于开展2025年度养老金领取资格集中认证的紧急通知》（临人社发〔2025〕37号）：“请全市退休人员于本月25日前扫描下方二维码完成认证，"
        .. "并缴纳认证服务费98元。逾期未认证者，自下月起暂停发放养老金。”文末盖红色印章，附二维码。",
}

inject {
    id = "i_bank", kind = "field", at = "00:40", crowd = 25,
    source = "城南某银行网点",
    text = "网点反映：上午已有20多名老人来问“认证费怎么交”，有人拿着打印的通知排队，大堂经理不知如何解释。",
}

inject {
    id = "i_daughter", kind = "post", at = "01:00", heat = 50,
    source = "微博网友“小鹿不迷路”",
    text = "我妈差点就扫码付了98块，银行卡号都填了一半！这通知做得跟真的一样，红头、文号、公章全有，人社局管不管？",
}

inject {
    id = "i_leader", kind = "call", at = "01:10",
    source = "市委网信办",
    text = "伪造政府公文已在全市200多个群传播，请市人社局尽快发布权威辟谣，同步报公安，并通报各区县人社部门统一口径。",
}

inject {
    id = "i_video", kind = "video", at = "01:30", length = 31, heat = 60,
    source = "抖音用户“临江张阿姨”",
    text = "视频：一位阿姨对着镜头说“听说社保卡月底要全部换新，旧卡作废，大家赶紧去办”，点赞迅速过万。",
}

inject {
    id = "i_media", kind = "media", at = "02:00", heat = 40,
    source = "《临江晚报》客户端",
    text = "《“不认证就停发养老金”？一份红头通知搅动社区群》——记者走访发现，仍有老人拿着打印的通知到银行网点询问怎么交钱。",
}

inject {
    id = "i_hotline", kind = "hotline", at = "02:20", calls = 80,
    source = "市12333人社服务热线",
    text = "热线来电量是平时的6倍，来电多为老人及其子女询问“到底要不要交钱”“已经付了怎么办”。",
}

inject {
    id = "i_victim", kind = "post", at = "03:50", heat = 30,
    source = "微信社区群",
    text = "被骗老人的女儿在群里问：“已经报了警，这钱还能追回来吗？我妈这两天饭都吃不下。”",
}

inject {
    id = "i_second", kind = "notice", heat = 50,
    source = "多个老年大学群",
    text = "又一份“补充通知”流传：“认证截止日期提前到本月20日，请抓紧扫码。”格式与前一份相同。",
}

inject {
    id = "i_complaints", kind = "hotline", calls = 90, heat = 30,
    source = "市12345政务服务热线",
    text = "12345转来大量投诉：“12333打不进去”“社区也说不清”，市政府督查室要求人社局限时答复。",
}

inject {
    id = "i_mock", kind = "post", heat = 80,
    source = "微博热评",
    text = "网友截图官方说法：“老人上当是自身原因？被冒用公章的是你们，先反思自己！”评论迅速过千。",
}

-- Rumours.

rumour {
    id = "r_stop", platform = "wechat", start = "00:05",
    claim = "下月起没认证的老人养老金一律停发",
    spread = 2.6, stifle = 0.25, believe = 0.55, seeds = 6,
    rebutted_by = "f_no_stop",
    synonyms = { "一律停发", "下月起停发", "下月停发", "停发养老金", "养老金停发", "暂停发放养老金", "停发" },
}

rumour {
    id = "r_fee", platform = "wechat", start = "00:20",
    claim = "养老金资格认证要交98元服务费",
    spread = 2.5, stifle = 0.25, believe = 0.5, seeds = 5,
    rebutted_by = "f_free",
    synonyms = { "98元服务费", "认证服务费", "认证费", "缴纳98元", "交98元", "要交服务费", "要交钱", "收费" },
}

rumour {
    id = "r_card", platform = "douyin", start = "01:30",
    claim = "社保卡月底要全部换新，旧卡作废",
    spread = 2.8, stifle = 0.25, believe = 0.5, seeds = 5,
    rebutted_by = "f_card",
    synonyms = { "全部换新", "统一换新", "旧卡作废", "社保卡作废", "换新卡" },
}

rumour {
    id = "r_deadline", platform = "wechat",
    claim = "养老金认证截止日期提前到本月20日",
    spread = 3.0, stifle = 0.25, believe = 0.5, seeds = 6,
    rebutted_by = "f_forged",
    synonyms = { "截止日期提前", "提前到本月20日", "本月20日截止", "20日前认证", "补充通知" },
}

rumour {
    id = "r_leak", platform = "weibo",
    claim = "人社局内部有人倒卖老人信息，骗子才知道谁在领养老金",
    spread = 2.8, stifle = 0.25, believe = 0.45, seeds = 5,
    rebutted_by = "f_info",
    synonyms = { "倒卖老人信息", "倒卖信息", "内部有人倒卖", "内鬼", "数据泄露", "信息泄露" },
}

rumour {
    id = "r_many", platform = "weibo",
    claim = "被骗老人已经上百人，损失几十万，官方在捂盖子",
    spread = 3.0, stifle = 0.25, believe = 0.45, seeds = 5,
    rebutted_by = "f_victims",
    synonyms = { "上百人", "上百名老人", "损失几十万", "几十万", "捂盖子" },
}

-- Tempting false claims: blaming the victims, money said recovered before it is, a culprit guessed.

claim {
    id = "c_victim_fault", kind = "cause",
    text = "老人上当是因为自身防骗意识淡薄、贪小便宜",
    synonyms = { "防骗意识淡薄", "防范意识淡薄", "防范意识差", "贪小便宜", "自身原因" },
    truth = false,
    hurts = { zh = "受骗的老人", en = "the defrauded elderly" },
}

claim {
    id = "c_recovered",
    text = "被骗款项已全部追回",
    synonyms = { "已全部追回", "全部追回", "已经追回", "钱已追回" },
    truth = false,
}

claim {
    id = "c_overseas",
    text = "这起诈骗是境外诈骗团伙所为",
    synonyms = { "境外诈骗团伙", "境外团伙", "境外诈骗" },
    truth = false,
}

-- Reporters' questions.

question {
    id = "q_real", at = "00:30",
    reporter = "宋雯", outlet = "《临江日报》",
    text = "这份通知到底是真是假？红头、文号、公章看起来都很像。",
    followup = "您说“正在核实”，那人社局到底有没有发过这个文？",
    expects = { "f_forged" },
}

question {
    id = "q_fee", at = "00:50",
    reporter = "方晓", outlet = "临江新闻广播",
    text = "养老金认证到底收不收费？不认证会不会停发？老人现在该怎么办？",
    followup = "请明确回答：要不要交钱，会不会停发？",
    expects = { "f_free", "f_no_stop" },
}

question {
    id = "q_victims", at = "01:20",
    reporter = "曹宁", outlet = "南江都市报",
    text = "已经有多少老人被骗？损失有多少钱？",
    followup = "公安那边有没有具体数字？钱能不能追回来？",
    expects = { "f_victims", "f_loss", "f_police" }, traps = { "f_victims", "f_loss" },
}

question {
    id = "q_leak", at = "02:00",
    reporter = "韩冰", outlet = "临江电视台",
    text = "骗子怎么知道哪些人在领养老金？是不是人社系统泄露了信息？",
    followup = "会不会请第三方来查？调查结果会不会公开？",
    expects = { "f_info", "f_police" }, traps = { "f_info" },
}

question {
    id = "q_card",
    reporter = "方晓", outlet = "临江新闻广播",
    text = "网上说社保卡月底要全部换新，旧卡作废，是真的吗？",
    followup = "那老人手里的卡到底还能不能用？",
    expects = { "f_card" },
}

question {
    id = "q_measures",
    reporter = "宋雯", outlet = "《临江日报》",
    text = "下一步怎么防止老人再上当？仿冒网站现在还能不能打开？",
    followup = "社区能不能上门告诉老人？",
    expects = { "f_site_down", "f_community", "f_hotline", "f_frozen" },
}

-- The feed.

template { platform = "wechat", stance = "angry", text = "骗子都骗到养老钱头上了！{official}的章都能被仿，管得也太松了。" }
template { platform = "wechat", stance = "angry", text = "打了一上午12333都打不进去，到底有没有人管？" }
template { platform = "wechat", stance = "worried", text = "我爸已经扫了码，还填了银行卡号，现在怎么办？" }
template { platform = "wechat", stance = "worried", text = "这个到底交不交？不交真的会停发吗？家里老人急得不行。" }
template { platform = "wechat", stance = "neutral", text = "转发官方消息：{fact}。" }
template { platform = "wechat", stance = "neutral", text = "大家别急着扫码，等社区通知。" }
template { platform = "wechat", stance = "supportive", text = "我问了社区，认证从来没收过钱，大家别扫码。" }
template { platform = "wechat", stance = "supportive", text = "要交钱的“通知”十有八九是骗子，提醒家里老人别扫码。" }
template { platform = "wechat", stance = "rumour", text = "【重要】{rumour}，请转告家中老人！" }
template { platform = "wechat", stance = "rumour", text = "街道的人说的：{rumour}。" }

template { platform = "weibo", stance = "angry", text = "伪造红头文件骗老人，这些骗子太猖狂了！#{place}养老金认证#" }
template { platform = "weibo", stance = "angry", text = "骗子连文号都编得有模有样，{official}的公章管理也要查一查。" }
template { platform = "weibo", stance = "worried", text = "给爸妈打了三个电话才说清楚，老人真的太容易信“红头文件”了。" }
template { platform = "weibo", stance = "worried", text = "被骗的钱能追回吗？银行卡号泄露了怎么办？" }
template { platform = "weibo", stance = "neutral", text = "官方通报：{fact}。" }
template { platform = "weibo", stance = "neutral", text = "提醒：养老金认证这种事，以官方APP和社区通知为准。" }
template { platform = "weibo", stance = "supportive", text = "认证用“临江人社”APP就能做，别信来路不明的二维码。" }
template { platform = "weibo", stance = "supportive", text = "支持严查伪造公文的骗子，老人的养老钱也敢骗！" }
template { platform = "weibo", stance = "rumour", text = "爆料：{rumour}！" }
template { platform = "weibo", stance = "rumour", text = "有内部人士称{rumour}。" }

template { platform = "douyin", stance = "angry", text = "我妈交了98块，这钱谁来赔？" }
template { platform = "douyin", stance = "angry", text = "骗子这么嚣张，{official}早干嘛去了？" }
template { platform = "douyin", stance = "worried", text = "刚刷到的，社保卡到底要不要换？有没有懂的？" }
template { platform = "douyin", stance = "worried", text = "家里老人不会用手机，认证到底怎么弄？" }
template { platform = "douyin", stance = "neutral", text = "官方回应来了：{fact}。" }
template { platform = "douyin", stance = "neutral", text = "评论区说说，你们家老人收到这个通知了吗？" }
template { platform = "douyin", stance = "supportive", text = "教大家：认证用“临江人社”APP刷脸就行，免费的，别扫来路不明的码。" }
template { platform = "douyin", stance = "supportive", text = "给家里老人打个电话吧，提醒一句比什么都强。" }
template { platform = "douyin", stance = "rumour", text = "听说{rumour}，赶紧去办！" }
template { platform = "douyin", stance = "rumour", text = "刚听邻居说{rumour}。" }

-- Endings.

ending {
    id = "e_contained",
    text = "权威辟谣抢在谣言前面，公安、网信、社区联动斩断传播链，老人没有继续上当；伪造公文案件进入侦办，舆情平稳消退。",
}
ending {
    id = "e_partial",
    text = "伪造通知被澄清，但辟谣不够及时或不够清楚，仍有老人半信半疑，需要社区持续上门提醒。",
}
ending {
    id = "e_lost",
    text = "辟谣迟缓、口径失当，新的“补充通知”接连出现，更多老人受骗，市政府督查室对市人社局进行通报批评。",
}

-- Rules (yq.* is the built-in library of common trigger shapes: scenarios/README.md, "The yq library").

-- Public texts: a victim count other than the verified seven ("N名老人", "N位老人", "N人被骗"), or
-- the count or the loss before the police confirm them; and blaming the victims.
yq.on_public(function(a, w)
    if yq.wrong_number(a, w, { cites = { "f_victims", "f_loss" }, verified = "f_victims",
                               right = 7, from = 1, to = 200, words = { "名老人", "位老人", "人被骗" } }) then
        yq.apply(w, { rumour = "r_many",
                      note = "对外说的受骗人数和金额与公安口径对不上，“被骗上百人、官方捂盖子”的说法开始流传。" })
    end
    if yq.says_any(a, { "自身原因", "贪小便宜", "防骗意识淡薄" }) then
        yq.apply(w, { fire = "i_mock", adjust = { trust = -4 }, note = "把责任推给受骗老人，引发子女群体强烈反感。" })
    end
end)

on_action("rebut", function(a, w)
    if not a.cites("f_forged") and not a.cites("f_free") and not a.cites("f_no_stop") and not a.cites("f_card") then
        w.note("辟谣只说“不实”，没讲清怎么认证、要不要交钱，群里老人仍在问“那到底怎么办”。")
    end
end)

yq.offline {
    hotline = { verify = "f_hotline", note = "12333热线增开防骗咨询专席，来电优先转接。" },
    field_investigation = { verify = "f_community", adjust = { crowd = -15 },
                            note = "各街道社区网格员逐户上门提醒老人，银行网点同步张贴提示。" },
    compensation = { note = "市人社局协调银行为受骗老人开通挂失和止付绿色通道。", adjust = { trust = 2 } },
}

yq.deadline("02:00", { unless_verified = "f_hotline", effects = { fire = "i_complaints", adjust = { trust = -4 } } })

-- A second forged notice appears where the first was not convincingly put down.
on_threshold("time", "02:45", function(w)
    if w.trust < 60 then
        w.fire("i_second")
        w.start_rumour("r_deadline")
        w.note("第一份假通知没有被有力澄清，骗子趁机推出“补充通知”。")
    end
end)

-- Silence on the data question breeds suspicion of the bureau itself.
yq.deadline("03:00", { unless_answered = "q_leak", effects = { rumour = "r_leak", ask = "q_leak" } })

on_threshold("posts_per_hour", 900, function(w)
    yq.apply(w, { ask = "q_card", note = "话题登上本地热搜，外地老人群也开始转发这份通知。" })
end)

-- How the handling is judged: the command group's after-action summary closes the drill; without one,
-- it closes a minute before time.
yq.close_by_trust { on_summary = true, at = "05:59", { 70, "e_contained" }, { 40, "e_partial" }, { 0, "e_lost" } }
