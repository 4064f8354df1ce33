-- road_subsidence/scenario.lua — drill: at evening rush hour a road caves in beside a housing project already
-- ten months late; buyers say the towers will fall. The district housing bureau must respond (general plan).

scenario {
    id = "road_subsidence",
    title = "兴业路口路面塌陷暨锦悦府逾期交房舆情处置演练",
    briefing = "18时20分许，临江市城东区兴业路与锦悦路交叉口突然发生路面塌陷，一辆电动车连人带车跌入坑中。"
        .. "塌陷点紧邻在建的“锦悦府”项目，该项目已逾期交房10个月，业主维权情绪本就强烈。"
        .. "业主拍摄的视频称“锦悦府地基被掏空，楼要塌了”，几分钟内在抖音和业主群扩散。"
        .. "你是城东区住房和城乡建设局新闻发言人：按预案报告、研判，快报事实、慎报原因，"
        .. "回应伤者、交通、房屋安全和交房四类关切，做到网上问题网下解决。",
    place = "临江市城东区兴业路与锦悦路交叉口",
    official = "城东区住建局",
    domain = "housing",
    difficulty = 4,
    role = "spokesperson",
    time_scale = 6,
    duration = "06:00",
    starts_at = "18:20",     -- the briefing's time of day
    deadlines = { press = "05:00" },   -- a press conference within 5 hours of this 6-hour drill
    plan = "general",
    world = {
        population = 80000,
        mean_follows = 12,
        leaders = 30,
        media = 20,
        heat_base = 90,
        heat_branching = 0.72,
        heat_decay_h = 0.5,
        reads_per_post = 480,
        trust = 52,
        crowd = 10,
        media_threshold = 700,
    },
}

platform { id = "douyin", name = "抖音", share = 0.4 }
platform { id = "weibo", name = "微博", share = 0.35 }
platform { id = "wechat", name = "微信业主群", share = 0.25 }

-- Facts, in the order they become verified.

fact {
    id = "f_when", kind = "time",
    text = "塌陷发生在今天18时20分许",
    synonyms = { "18时20分许", "18时20分" },
    verified_at = "00:00", verified_by = "城东交警大队接警记录",
}

fact {
    id = "f_site", kind = "place",
    text = "塌陷位于城东区兴业路与锦悦路交叉口东北角",
    synonyms = { "兴业路与锦悦路交叉口", "兴业路锦悦路口", "兴业路与锦悦路路口" },
    verified_at = "00:15", verified_by = "城东交警大队现场报告",
}

fact {
    id = "f_closure", kind = "measure",
    text = "交叉口已封闭，公交和社会车辆绕行",
    synonyms = { "交叉口已封闭", "已封闭交叉口", "路口已封闭", "封闭交叉口", "交通管制", "车辆绕行", "绕行" },
    verified_at = "00:25", verified_by = "城东交警大队",
}

fact {
    id = "f_injured", kind = "number",
    text = "1名电动车骑行人跌入坑中，手臂和膝盖擦伤",
    value = 1, unit = "人",
    synonyms = { "受伤", "擦伤", "受轻伤", "伤者", "骑行人", "骑车人", "受伤人员" },
    subjects = { "骑行人", "骑车人", "伤者", "受伤" },
    verified_at = "00:50", verified_by = "城东区人民医院急诊科",
}

fact {
    id = "f_no_danger", kind = "other",
    text = "伤者意识清醒，无生命危险，正在留院观察",
    synonyms = { "无生命危险", "没有生命危险", "意识清醒", "生命体征平稳", "留院观察" },
    verified_at = "00:50", verified_by = "城东区人民医院急诊科",
}

fact {
    id = "f_size", kind = "number",
    text = "塌陷面积约12平方米，深约2米",
    value = 12, unit = "平方米",
    synonyms = { "塌陷面积", "面积", "塌陷范围" },
    subjects = { "面积", "塌陷面积" },
    verified_at = "01:00", verified_by = "市政设施管理处现场测量",
}

fact {
    id = "f_gas", kind = "other",
    text = "塌陷区域燃气、供水管线已关阀排查，未发现燃气泄漏",
    synonyms = { "未发现燃气泄漏", "无燃气泄漏", "没有燃气泄漏", "没有发现燃气泄漏", "未发现燃气泄露", "关阀排查" },
    topics = { "泄漏", "燃气管线" },
    verified_at = "01:20", verified_by = "临江燃气公司抢险队",
}

fact {
    id = "f_repair", kind = "measure",
    text = "抢修队伍已进场，正在回填加固",
    synonyms = { "抢修队伍已进场", "抢修队已进场", "抢修人员已进场", "回填加固", "正在回填" },
    verified_at = "02:00", verified_by = "市政设施管理处",
}

fact {
    id = "f_building", kind = "other",
    text = "第三方监测：锦悦府在建楼栋沉降、位移监测数据均在正常范围内",
    synonyms = { "沉降、位移监测数据均在正常范围", "监测数据均在正常范围", "监测数据在正常范围", "监测数据正常", "沉降监测数据正常" },
    topics = { "沉降监测数据", "沉降数据" },
    verified_at = "02:30", verified_by = "临江建设工程质量检测中心",
}

fact {
    id = "f_cause", kind = "cause",
    text = "初步查明：路面下一段雨水管道接口破损渗漏，长期冲刷掏空路基，导致路面塌陷",
    synonyms = { "雨水管道接口破损", "接口破损渗漏", "掏空路基", "雨水管道渗漏", "雨水管渗漏", "管道接口破损", "管道渗漏" },
    verified_at = "04:30", verified_by = "管道内窥检测（CCTV）与专家组会商",
}

fact {
    id = "f_delivery", kind = "other",
    text = "区住建局已约谈锦悦置业，企业书面承诺今年12月31日前交付，并按合同支付逾期违约金",
    synonyms = { "书面承诺", "12月31日前交付", "12月31日前交房", "年底前交付", "按合同支付逾期违约金", "逾期违约金" },
    verified_at = "05:00", verified_by = "约谈会议纪要",
}

-- Facts that only the trainee's offline measures make true.

fact {
    id = "f_hotline", kind = "measure",
    text = "区住建局已开通塌陷事件和锦悦府项目咨询专线",
    synonyms = { "咨询专线", "0576-86012345" },
}

fact {
    id = "f_visited", kind = "measure",
    text = "区住建局负责人已到医院看望伤者并致歉",
    synonyms = { "看望伤者", "到医院看望", "探望伤者" },
}

fact {
    id = "f_medical", kind = "measure",
    text = "伤者医疗费用由市政养护单位先行垫付",
    synonyms = { "医疗费用由市政养护单位先行垫付", "医疗费用先行垫付", "医药费先行垫付" },
}

-- What arrives in the inbox.

inject {
    id = "i_video", kind = "video", at = "00:00", length = 24, heat = 60, crowd = 25,
    source = "抖音用户“锦悦府业主阿峰”",
    text = "视频：兴业路口路面突然塌出一个大坑，一辆电动车直接栽进去。配文：“就在锦悦府工地边上！地基都被掏空了，我们的房子还能要吗？”",
}

inject {
    id = "i_traffic", kind = "field", at = "00:15",
    source = "城东交警大队",
    text = "晚高峰兴业路双向拥堵，坑边围观群众约30人，已拉警戒线，请求市政部门尽快到场。",
}

inject {
    id = "i_buyers", kind = "post", at = "00:45", heat = 40,
    source = "锦悦府业主维权群",
    text = "群里炸锅：“逾期10个月不交房，现在路都塌了！”“明天一早去住建局讨说法！”已有人在组织接龙。",
}

inject {
    id = "i_leader", kind = "call", at = "01:00",
    source = "城东区政府办公室",
    text = "区长要求：立即核实伤亡和周边安全隐患，21时前报送书面情况，对外发布由区住建局牵头，交警、燃气、街道配合。",
}

inject {
    id = "i_media", kind = "media", at = "01:30", heat = 40,
    source = "《临江晚报》",
    text = "记者在塌陷现场发回报道：坑边仍有市民拍照，附近居民担心“晚上睡觉地会不会再塌”。",
}

inject {
    id = "i_hotline", kind = "hotline", at = "02:10", calls = 50,
    source = "市12345政务服务热线",
    text = "一小时内接到涉塌陷来电63个：附近居民问燃气安全和夜间出行，锦悦府业主问房屋安全和交房时间。",
}

inject {
    id = "i_bigv", kind = "post", at = "03:15", heat = 70,
    source = "微博城建博主“老城记”（粉丝64万）",
    text = "城市道路塌陷多半是地下管线渗漏，但住建局得说清楚：跟旁边的工地到底有没有关系？检测数据请公开。",
}

inject {
    id = "i_petition", kind = "field", crowd = 50, heat = 50,
    source = "区住建局信访接待室",
    text = "约50名锦悦府业主来到区住建局，拉起“还我房子”横幅，要求局长出面说明交房时间和房屋安全。",
}

inject {
    id = "i_complaints", kind = "hotline", calls = 70, heat = 30,
    source = "市12345政务服务热线",
    text = "多名市民投诉“问了半天没人能说清塌陷原因和交房时间”，工单转市住建局督办。",
}

inject {
    id = "i_mock", kind = "post", heat = 80,
    source = "微博热评",
    text = "网友截图官方回应：“塌了是管道的事，不交房是企业的事，住建局管什么？”话题冲上同城热搜。",
}

inject {
    id = "i_family", kind = "post",
    source = "伤者家属",
    text = "伤者家属发帖：“住建局的人来医院看过了，医药费也垫付了，谢谢关心，希望早点查清原因。”",
}

-- Rumours.

rumour {
    id = "r_dead", platform = "weibo", start = "00:10",
    claim = "有人连车带人掉进坑里，当场死亡",
    spread = 2.7, stifle = 0.25, believe = 0.45, seeds = 4,
    rebutted_by = "f_no_danger",
    synonyms = { "当场死亡", "有人死亡", "人员死亡", "死亡", "身亡", "遇难", "摔死", "掉进坑里死了" },
}

rumour {
    id = "r_building", platform = "douyin", start = "00:20",
    claim = "锦悦府地基被掏空了，楼随时会塌",
    spread = 2.6, stifle = 0.25, believe = 0.5, seeds = 4,
    rebutted_by = "f_building",
    synonyms = { "地基被掏空", "地基掏空", "楼随时会塌", "楼要塌", "楼会塌", "房子要塌", "楼栋倒塌" },
}

rumour {
    id = "r_gas", platform = "wechat", start = "01:10",
    claim = "塌陷处燃气管道破裂，附近小区要紧急疏散",
    spread = 2.8, stifle = 0.25, believe = 0.4, seeds = 4,
    rebutted_by = "f_gas",
    synonyms = { "燃气管道破裂", "燃气管破裂", "燃气管道爆裂", "燃气爆炸", "紧急疏散", "需要疏散", "需要撤离", "要撤离" },
}

rumour {
    id = "r_runaway", platform = "wechat",
    claim = "锦悦府开发商老板已经跑路，项目要烂尾了",
    spread = 3.0, stifle = 0.25, believe = 0.5, seeds = 6,
    rebutted_by = "f_delivery",
    synonyms = { "老板已经跑路", "老板跑路", "开发商跑路", "跑路", "项目要烂尾", "烂尾" },
}

rumour {
    id = "r_hidden", platform = "weibo",
    claim = "官方隐瞒伤亡，掉进坑里的不止一个人",
    spread = 3.0, stifle = 0.25, believe = 0.45, seeds = 5,
    rebutted_by = "f_injured",
    synonyms = { "隐瞒伤亡", "瞒报伤亡", "瞒报", "不止一个人", "不止一人" },
}

-- Tempting false claims: causes stated before the pipe inspection, blame on the victim.

claim {
    id = "c_site_cause", kind = "cause",
    text = "塌陷是锦悦府工地降水施工造成的",
    synonyms = { "工地降水施工造成", "工地降水施工导致", "工地降水导致", "工地施工导致", "工地施工造成", "工地施工引起", "工地施工有关", "锦悦府工地造成" },
    truth = false,
}

claim {
    id = "c_rain", kind = "cause",
    text = "塌陷是连日暴雨冲刷造成的",
    synonyms = { "连日暴雨", "连日降雨", "暴雨冲刷", "暴雨导致", "降雨导致", "大雨造成" },
    truth = false,
}

claim {
    id = "c_rider_fault",
    text = "骑行人车速过快、不注意观察路况，对跌落负有责任",
    synonyms = { "车速过快", "不注意观察路况", "骑行人操作不当", "骑行人自身原因", "自身负有责任" },
    truth = false,
    hurts = { zh = "跌落的骑行人", en = "the cyclist who fell" },
}

-- Reporters' questions.

question {
    id = "q_casualty", at = "00:30",
    reporter = "郑琳", outlet = "《临江晚报》",
    text = "有没有人员伤亡？网上说有人掉进坑里死了。",
    followup = "请正面回答，到底伤了几个人？伤得重不重？",
    expects = { "f_injured", "f_no_danger" }, traps = { "f_injured" },
}

question {
    id = "q_what", at = "00:40",
    reporter = "马骁", outlet = "城东区融媒体中心",
    text = "塌陷是在哪个位置？现在交通怎么安排？抢修什么时候开始？",
    followup = "市民今晚出行该怎么走？",
    expects = { "f_when", "f_site", "f_closure", "f_repair" },
}

question {
    id = "q_size",
    reporter = "郑琳", outlet = "《临江晚报》",
    text = "塌陷有多大、多深？周边还有没有燃气泄漏之类的隐患？",
    followup = "附近居民今晚需不需要撤离？",
    expects = { "f_size", "f_gas" }, traps = { "f_size" },
}

question {
    id = "q_building", at = "01:30",
    reporter = "谢婷", outlet = "南江都市报",
    text = "锦悦府就在旁边，业主担心楼的安全。住建局能不能保证楼没有问题？",
    followup = "有没有做过检测？数据能不能公开？",
    expects = { "f_building" }, traps = { "f_building" },
}

question {
    id = "q_cause", at = "02:00",
    reporter = "黄磊", outlet = "临江电视台",
    text = "是不是锦悦府工地降水施工导致的塌陷？施工单位要不要担责？",
    followup = "原因什么时候能查清？",
    expects = { "f_cause" }, traps = { "f_cause" },
}

question {
    id = "q_delivery", at = "02:30",
    reporter = "周婕", outlet = "临江电视台房产频道",
    text = "锦悦府已经逾期10个月，业主到底什么时候能拿到房？住建局的监管是不是缺位了？",
    followup = "有没有明确的交付时间？业主有问题找谁？",
    expects = { "f_delivery", "f_hotline" }, traps = { "f_delivery" },
}

question {
    id = "q_victim",
    reporter = "马骁", outlet = "城东区融媒体中心",
    text = "伤者的医药费谁来出？有没有人去看过？",
    followup = "赔偿责任怎么认定？",
    expects = { "f_medical", "f_visited" },
}

-- The feed.

template { platform = "douyin", stance = "angry", text = "房子十个月不交，路又塌了，{official}到底管不管？" }
template { platform = "douyin", stance = "angry", text = "这么大的坑，平时巡查都干什么去了？" }
template { platform = "douyin", stance = "worried", text = "我每天骑车走兴业路上班，明天还敢走吗？" }
template { platform = "douyin", stance = "worried", text = "家就在锦悦路，晚上睡觉都不踏实，会不会再塌？" }
template { platform = "douyin", stance = "neutral", text = "官方说了：{fact}。" }
template { platform = "douyin", stance = "neutral", text = "现场已经拉了警戒线，路过的注意绕行。" }
template { platform = "douyin", stance = "supportive", text = "抢修队连夜干活，辛苦了。" }
template { platform = "douyin", stance = "supportive", text = "希望伤者平安，抢修的师傅们也辛苦了。" }
template { platform = "douyin", stance = "rumour", text = "听说{rumour}，锦悦府的业主赶紧看看！" }
template { platform = "douyin", stance = "rumour", text = "评论区有人爆料：{rumour}。" }

template { after = "statement", platform = "weibo", stance = "angry", text = "#{place}塌陷# 又是“正在调查”，{official}能不能说点实在的？" }
template { platform = "weibo", stance = "angry", text = "塌陷和工地到底有没有关系？别又说“与工地无关”就完事了。" }
template { platform = "weibo", stance = "worried", text = "那位骑电动车的人怎么样了？有没有人知道？" }
template { platform = "weibo", stance = "worried", text = "城东好几条路都在施工，会不会还有别的地方要塌？" }
template { platform = "weibo", stance = "neutral", text = "最新：{fact}，等官方后续。" }
template { platform = "weibo", stance = "neutral", text = "道路塌陷原因多种多样，等检测结果吧。" }
template { platform = "weibo", stance = "supportive", text = "路塌了先别急着骂，等检测结果再说。" }
template { platform = "weibo", stance = "supportive", text = "道路塌陷多半是地下管线的事，专业的事交给专业的人。" }
template { platform = "weibo", stance = "rumour", text = "扩散：{rumour}！" }
template { platform = "weibo", stance = "rumour", text = "知情人士称：{rumour}。" }

template { platform = "wechat", stance = "angry", text = "钱交了三年房子没影，现在楼都可能有问题，明天都去住建局！" }
template { platform = "wechat", stance = "angry", text = "打开发商电话打不通，打住建局也说不清，到底找谁？" }
template { platform = "wechat", stance = "worried", text = "有没有懂行的？路塌了对旁边的楼有没有影响？" }
template { platform = "wechat", stance = "worried", text = "小区里闻到一股味道，是不是燃气漏了？" }
template { after = "statement", platform = "wechat", stance = "neutral", text = "转{official}的通报：{fact}。" }
template { platform = "wechat", stance = "neutral", text = "大家先别乱传，等检测结果出来再说。" }
template { platform = "wechat", stance = "supportive", text = "先别吵，派代表去住建局问清楚，比在群里骂有用。" }
template { platform = "wechat", stance = "supportive", text = "问过做工程的朋友，路面塌陷不一定跟楼有关系，别自己吓自己。" }
template { platform = "wechat", stance = "rumour", text = "隔壁群传的：{rumour}，真的假的？" }
template { platform = "wechat", stance = "rumour", text = "有业主说{rumour}，我们的钱怎么办！" }

-- Endings.

ending {
    id = "e_resolved",
    text = "伤者得到救治，道路抢修有序，房屋安全数据公开，交房问题有了书面承诺；舆情平稳回落，处置被市里作为“网上问题网下解决”的案例通报表扬。",
}
ending {
    id = "e_lingering",
    text = "塌陷处置基本到位，但交房和责任认定的疑问仍在，业主情绪没有完全平复，需持续跟进回访。",
}
ending {
    id = "e_escalated",
    text = "回应迟缓、推责明显，业主聚集升级，市住建局派工作组督办，区住建局被约谈。",
}

-- Rules (yq.*: scenarios/README.md, "The yq library").

-- Public texts: an injury count other than one person ("N人受伤", "N名伤者", "N人死亡", "受伤N人"),
-- or the count before the hospital confirms it; a cause before the tests; clearing the site without
-- data; passing the blame.
yq.on_public(function(a, w)
    if yq.wrong_number(a, w, { cites = "f_injured", from = 2, to = 20,
                               words = { "人受伤", "名伤者", "人死亡", "受伤{n}人" } }) then
        yq.apply(w, { rumour = "r_hidden", note = "公布的伤亡情况与医院口径对不上，“官方隐瞒伤亡”的说法开始流传。" })
    end
    if yq.wrong_number(a, w, { cites = "f_cause" }) then
        yq.apply(w, { adjust = { trust = -3, heat = 40 }, note = "检测还没做完就对原因下结论，业主质疑“先定调后调查”。" })
    end
    if a.mentions("与工地无关") and not w.verified("f_building") then
        yq.apply(w, { adjust = { trust = -4, heat = 50 }, note = "没有检测数据就称“与工地无关”，被业主视为替开发商开脱。" })
    end
    if yq.says_any(a, { "临时工", "不归我们管", "企业行为" }) then
        yq.apply(w, { fire = "i_mock", adjust = { trust = -3 } })
    end
end)

yq.offline {
    hotline = { verify = "f_hotline", note = "区住建局咨询专线开通，塌陷安全和交房问题分两组专人接听。" },
    apology = { verify = "f_visited", adjust = { trust = 2, heat = -20 },
                note = "区住建局负责人到医院看望伤者，为道路巡查不到位当面致歉。" },
    compensation = { verify = "f_medical", fire = "i_family", adjust = { trust = 2, heat = -20 } },
    field_investigation = { adjust = { crowd = -10 },
                            note = "区住建局工作组到塌陷现场和锦悦府工地核查，调取基坑监测记录，安抚坑边围观群众。" },
}

-- Without a line to call, questions turn into complaints.
yq.deadline("02:30", { unless_verified = "f_hotline", effects = { fire = "i_complaints", adjust = { trust = -4 } } })

-- Buyers left without any answer about their flats start the "developer ran away" rumour and go to the bureau.
yq.deadline("03:30", { unless_answered = "q_delivery", effects = { rumour = "r_runaway", fire = "i_petition",
    note = "交房问题迟迟没有回应，业主群开始流传“开发商跑路”，数十名业主前往区住建局。" } })

on_threshold("crowd", 70, function(w)
    w.note("聚集人数超过70人，派出所到场维持秩序，有业主开始直播。")
    w.adjust { heat = 60 }
end)

on_threshold("posts_per_hour", 1000, function(w)
    yq.apply(w, { ask = "q_size", note = "话题冲上同城热搜，市住建局来电询问处置进展。" })
end)

yq.close_by_trust { at = "05:50", { 70, "e_resolved" }, { 40, "e_lingering" }, { 0, "e_escalated" } }
