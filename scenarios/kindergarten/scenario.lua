-- kindergarten/scenario.lua — drill: a mother posts that a teacher at a district kindergarten pinched
-- her daughter during nap time; the district education bureau must respond (education plan).

scenario {
    id = "kindergarten",
    title = "禾苗幼儿园“教师掐伤幼儿”网络舆情处置演练",
    briefing = "6月12日8时10分，微博网友“小满妈妈”发帖称，4岁女儿前一天在青禾区禾苗幼儿园午睡时被老师掐伤手臂，"
        .. "配发4张淤青照片，称早上到园里找园长，只得到一句“会了解情况”。帖子在本地家长群和短视频平台迅速扩散。"
        .. "你是青禾区教育局新闻发言人，与局舆情监测员、局应急指挥小组一起，按《教育系统网络舆情应急预案》处置："
        .. "15分钟内报告，2小时内首次回应，只发布已核实的事实，回应家长关切，做好辟谣和线下处置。",
    place = "临江市青禾区禾苗幼儿园",
    official = "青禾区教育局",
    domain = "education",
    difficulty = 3,
    role = "spokesperson",
    time_scale = 6,
    duration = "06:00",
    starts_at = "08:10",     -- the briefing's time of day
    deadlines = { press = "05:00" },   -- a press conference within 5 hours of this 6-hour drill
    plan = "education",
    world = {
        population = 100000,
        mean_follows = 12,
        leaders = 40,
        media = 20,
        heat_base = 95,
        heat_branching = 0.72,
        heat_decay_h = 0.5,
        reads_per_post = 550,
        trust = 58,
        crowd = 4,
        media_threshold = 650,
    },
}

platform { id = "weibo", name = "微博", share = 0.45 }
platform { id = "douyin", name = "抖音", share = 0.3 }
platform { id = "wechat", name = "微信家长群", share = 0.25 }

-- Facts: what is true, and from when the bureau can know it for certain.

fact {
    id = "f_kg", kind = "place",
    text = "网帖所指为区教育局主管的公办园禾苗幼儿园",
    synonyms = { "公办园禾苗幼儿园", "区属公办禾苗幼儿园" },
    verified_at = "00:00", verified_by = "区教育局园所名册",
}

fact {
    id = "f_class", kind = "place",
    text = "涉事班级为禾苗幼儿园中二班",
    synonyms = { "中二班" },
    verified_at = "00:10", verified_by = "园长电话核实",
}

fact {
    id = "f_time", kind = "time",
    text = "事发时间为6月11日中午幼儿午睡时段",
    synonyms = { "午睡时段", "午睡期间", "午休时段" },
    verified_at = "00:20", verified_by = "园方书面情况说明",
}

fact {
    id = "f_suspended", kind = "measure",
    text = "涉事教师已停止工作，配合调查",
    synonyms = { "涉事教师已停职", "已停止其工作", "涉事教师已停止工作", "暂停涉事教师工作", "停止工作", "停职" },
    verified_at = "00:40", verified_by = "园方书面报告、区教育局人事科确认",
}

fact {
    id = "f_police", kind = "measure",
    text = "青禾公安分局已受理家长报警并介入调查",
    synonyms = { "公安分局已受理", "公安机关已介入", "警方已介入", "公安机关介入调查" },
    verified_at = "00:50", verified_by = "青禾公安分局警情通报",
}

fact {
    id = "f_cctv", kind = "other",
    text = "午睡时段监控录像完整，已由公安机关调取封存",
    synonyms = { "监控录像完整", "录像完整", "监控视频完整", "已调取封存", "监控已封存" },
    topics = { "监控录像" },
    verified_at = "01:20", verified_by = "青禾公安分局调取核查",
}

fact {
    id = "f_injury", kind = "other",
    text = "区妇幼保健院检查：该幼儿左上臂两处皮下淤青，属轻微软组织挫伤，无骨折，无需住院",
    synonyms = { "软组织挫伤", "无骨折", "无需住院", "皮下淤青" },
    topics = { "住院治疗" },
    verified_at = "01:40", verified_by = "区妇幼保健院诊断证明",
}

fact {
    id = "f_injured", kind = "number",
    text = "经核实，身体受伤的幼儿为1名",
    value = 1, unit = "名",
    synonyms = { "幼儿受伤", "受伤幼儿", "孩子受伤", "受伤的幼儿", "受伤的孩子", "幼儿被掐", "孩子被掐", "受伤", "伤害" },
    subjects = { "幼儿", "孩子", "女童", "受伤幼儿", "受伤的幼儿", "受伤的孩子" },
    verified_at = "02:00", verified_by = "园方与区妇幼保健院联合核查",
}

fact {
    id = "f_drug", kind = "other",
    text = "当事幼儿尿样筛查未检出镇静催眠类药物，园内保健室近一个月无镇静类药品领用记录",
    synonyms = { "未检出镇静催眠类药物", "未检出镇静", "未检出安眠", "无镇静类药品领用记录" },
    verified_at = "02:20", verified_by = "区妇幼保健院检验科、督导组核查保健室药品台账",
}

fact {
    id = "f_inspection", kind = "measure",
    text = "区教育局已在全区幼儿园开展师德师风和安全监控专项检查",
    synonyms = { "专项检查", "师德师风专项" },
    verified_at = "02:30", verified_by = "区教育局党组会议决定",
}

fact {
    id = "f_cert", kind = "other",
    text = "涉事教师持有幼儿园教师资格证，为本园在编教师，从教4年",
    synonyms = { "持有幼儿园教师资格证", "持有教师资格证", "持证上岗", "在编教师" },
    verified_at = "03:00", verified_by = "区教育局人事科档案核查",
}

fact {
    id = "f_checkup", kind = "measure",
    text = "中二班其余幼儿已在家长陪同下完成体表检查，未发现新的伤情",
    synonyms = { "未发现新的伤情", "未发现其他幼儿受伤", "其余幼儿已完成体表检查", "其余幼儿均已完成检查" },
    verified_at = "03:50", verified_by = "区妇幼保健院体检汇总",
}

fact {
    id = "f_cause", kind = "cause",
    text = "公安机关初步查明：该教师在午睡时段因幼儿不肯入睡，用力拉拽并掐捏其手臂",
    synonyms = { "不肯入睡", "用力拉拽", "掐捏其手臂" },
    verified_at = "04:30", verified_by = "青禾公安分局初步调查结论",
}

-- Facts that become true only when the trainee acts (offline measures set them).

fact {
    id = "f_hotline", kind = "measure",
    text = "区教育局已开通家长专线，24小时有专人接听",
    synonyms = { "家长专线", "家长咨询专线" },
}

fact {
    id = "f_apology", kind = "measure",
    text = "园长已上门向幼儿及家长当面致歉",
    synonyms = { "当面致歉", "上门致歉", "当面道歉", "上门道歉" },
}

-- What happens, minute by minute.

inject {
    id = "i_post", kind = "post", at = "00:00", heat = 30,
    source = "微博网友“小满妈妈”",
    text = "昨天接孩子，发现她胳膊上两块青紫。孩子说是中午睡觉时老师掐的，还说“再不睡就把你关小黑屋”。"
        .. "今天一早找园长，园长就一句“会了解情况”。禾苗幼儿园，你们就是这样照顾孩子的？[图片×4]",
}

inject {
    id = "i_video", kind = "video", at = "00:25", length = 58, heat = 60,
    source = "抖音用户“青禾生活圈”",
    text = "视频：女童边哭边说“老师掐我”，配文“求扩散！公办幼儿园也这样？”，发布40分钟点赞过万。",
}

inject {
    id = "i_kg_notice", kind = "notice", at = "00:35", heat = 45,
    source = "禾苗幼儿园中二班家长群",
    text = "园方在家长群发通知：“请各位家长不信谣、不传谣，不要在网上发布不实信息，否则后果自负。”"
        .. "截图被转到微博，评论区一片质疑：“还没调查就先警告家长？”",
}

inject {
    id = "i_leader", kind = "call", at = "00:55",
    source = "区委宣传部舆情科",
    text = "禾苗幼儿园话题已进入同城热搜第9位。请区教育局1小时内报送处置方案，2小时内必须有公开回应，口径报部里备案。",
}

inject {
    id = "i_media", kind = "media", at = "01:15", heat = 40,
    source = "《临江晚报》客户端",
    text = "《家长称女儿在幼儿园被老师掐伤》——记者赶到园门口，多名家长等在门外，要求园方当面说明、公开监控。",
}

inject {
    id = "i_hotline", kind = "hotline", at = "02:10", calls = 50,
    source = "区教育局办公室",
    text = "办公室座机半小时内接到46个电话，多为中二班和其他班级家长，问“我家孩子有没有事”“监控能不能给家长看”。",
}

inject {
    id = "i_gate", kind = "field", at = "02:40", crowd = 40, heat = 30,
    source = "禾苗幼儿园门卫",
    text = "约40名家长聚集在幼儿园门口，要求园长出面说明、当场查看监控，有人开始直播。",
}

inject {
    id = "i_bigv", kind = "post", at = "03:10", heat = 80,
    source = "微博育儿博主“米粒妈妈说”（粉丝186万）",
    text = "又是幼儿园！为什么每次都要家长发帖才有人管？请@临江青禾教育 公开监控、公开处理结果！",
}

inject {
    id = "i_mock", kind = "post", heat = 90,
    source = "微博热评",
    text = "网友截图官方说法并嘲讽：“熟悉的配方，又是临时工？又是个别家长？”相关话题冲上同城热搜。",
}

inject {
    id = "i_complaints", kind = "hotline", calls = 80, heat = 30,
    source = "市12345政务服务热线",
    text = "12345转来31件工单：家长反映区教育局电话一直占线、没人回应，要求市里督办。",
}

inject {
    id = "i_city", kind = "call",
    source = "市教育局办公室",
    text = "事件已引起市领导关注。请区教育局每两小时报送一次进展，重点防止家长聚集升级和次生舆情。",
}

inject {
    id = "i_parent_update", kind = "post",
    source = "微博网友“小满妈妈”",
    text = "更新：园长和教育局的人刚到家里道歉了，警察也在查，孩子有心理老师在陪。先谢谢大家，等调查结果。",
}

inject {
    id = "i_fake_shot", kind = "post", heat = 50,
    source = "微信家长群转发",
    text = "一张“家长群聊天记录”截图流传：“我们班好几个孩子回家都说困，肯定被喂了药。”截图来源无法核实。",
}

-- Rumours and the facts that can rebut them once verified.

rumour {
    id = "r_cctv", platform = "weibo", start = "00:30",
    claim = "禾苗幼儿园已经删除了午睡时段的监控录像，想销毁证据",
    spread = 2.6, stifle = 0.25, believe = 0.5, seeds = 4,
    rebutted_by = "f_cctv",
    synonyms = { "删除监控", "删除了监控", "删了监控", "删监控", "监控被删", "监控删了", "监控已被删除", "监控录像被删除", "销毁证据",
                 "删除午睡时段监控", "删除午睡时段的监控", "删除了午睡时段的监控" },
}

rumour {
    id = "r_pills", platform = "wechat", start = "01:30",
    claim = "中二班老师给孩子喂“安神药”，孩子们午睡才睡得那么沉",
    spread = 2.8, stifle = 0.25, believe = 0.45, seeds = 5,
    rebutted_by = "f_drug",
    synonyms = { "安神药", "喂药", "喂了药", "安眠药", "镇静药", "给孩子吃药" },
}

rumour {
    id = "r_coverup", platform = "wechat",
    claim = "教育局捂盖子，被打的孩子不止一个，全班都有伤",
    spread = 3.0, stifle = 0.25, believe = 0.5, seeds = 6,
    rebutted_by = "f_checkup",
    synonyms = { "捂盖子", "全班都有伤", "全班孩子都有伤", "不止一个孩子", "被打的孩子不止一个", "多名幼儿被掐", "好几个孩子被掐" },
}

-- Tempting false claims: the teacher waved off as unqualified temp staff, the bruises as the child's own doing.

claim {
    id = "c_no_cert",
    text = "涉事教师是临时聘用人员，没有教师资格证",
    synonyms = { "临时工", "临时聘用", "临时聘来", "没有教师资格证", "无教师资格证", "没有资格证", "无证上岗" },
    truth = false,
}

claim {
    id = "c_self_injury", kind = "cause",
    text = "孩子手臂淤青是自己玩耍时磕碰造成的",
    synonyms = { "自己磕碰", "自己磕的", "玩耍时磕碰", "自己摔的", "自己碰的", "磕碰所致" },
    truth = false,
    hurts = { zh = "受伤的孩子和家长", en = "the injured child and the parents" },
}

-- Reporters' questions: what a good answer contains, and what they fish for too early.

question {
    id = "q_what", at = "00:45",
    reporter = "陈浩", outlet = "青禾区融媒体中心",
    text = "请问事情经过到底是怎样的？涉事老师现在怎么处理？警方有没有介入？",
    followup = "是哪个班、什么时间发生的？这些基本情况总该核实清楚了吧？",
    expects = { "f_kg", "f_class", "f_time", "f_suspended", "f_police" },
}

question {
    id = "q_count", at = "01:20",
    reporter = "周敏", outlet = "《临江晚报》",
    text = "目前到底有几个孩子受伤？家长群里说不止一个，教育局能不能给个准数？",
    followup = "您说“正在核实”，那能不能先说个大概，是一个还是好几个？",
    expects = { "f_injured", "f_injury" }, traps = { "f_injured" },
}

question {
    id = "q_teacher", at = "01:50",
    reporter = "陈浩", outlet = "青禾区融媒体中心",
    text = "有网友说涉事老师是临时聘来的，没有教师资格证，是这样吗？",
    followup = "如果老师有证，那是不是幼儿园日常管理出了问题？教育局的监管在哪里？",
    expects = { "f_cert" }, traps = { "f_cert" },
}

question {
    id = "q_cctv",
    reporter = "刘洋", outlet = "临江电视台都市频道",
    text = "网上说园方已经把监控删了，教育局怎么证明录像还在？",
    followup = "录像会不会给家长看？什么时候给？",
    expects = { "f_cctv" },
}

question {
    id = "q_parents", at = "02:20",
    reporter = "孙悦", outlet = "临江交通广播",
    text = "不少家长说教育局电话打不通，也没人告诉他们孩子的情况。你们打算怎么面对家长？园方会不会道歉？",
    followup = "家长到底能打哪个电话？园长会不会当面道歉？",
    expects = { "f_hotline", "f_apology" },
}

question {
    id = "q_cause", at = "03:30",
    reporter = "林可", outlet = "临江电视台都市频道",
    text = "老师到底为什么对孩子下手？是不是幼儿园平时就有体罚？",
    followup = "调查结论什么时候出？会不会向社会公开？",
    expects = { "f_cause" }, traps = { "f_cause" },
}

question {
    id = "q_others", at = "04:00",
    reporter = "王磊", outlet = "《南江日报》",
    text = "其他孩子呢？有没有做全面排查？家长最担心的是这个。",
    followup = "排查结果会不会告诉每一位家长？",
    expects = { "f_checkup" },
}

question {
    id = "q_account",
    reporter = "赵晴", outlet = "南江新闻网",
    text = "禾苗幼儿园是区属公办园，教育局负有监管责任。会不会问责相关负责人？",
    followup = "具体什么时候给出处理结果？",
    expects = { "f_inspection", "f_suspended" },
}

-- The feed: what people write, per platform and stance.

template { platform = "weibo", stance = "angry", text = "孩子才4岁！{place}必须给个说法，监控公开，老师开除！" }
template { platform = "weibo", stance = "angry", text = "@临江青禾教育 出来说话！家长发帖这么久了，{official}还在“了解情况”？" }
template { platform = "weibo", stance = "worried", text = "我家孩子也在青禾区上幼儿园，看完心里直发慌，明天还敢送吗？" }
template { platform = "weibo", stance = "worried", text = "希望{official}查清楚，别让家长一直悬着心。" }
template { platform = "weibo", stance = "neutral", text = "等官方通报吧，目前信息：{fact}。" }
template { platform = "weibo", stance = "neutral", text = "事情还在调查，先别急着给老师定罪，也别放过任何一个细节。" }
template { platform = "weibo", stance = "supportive", text = "看到进展了：{fact}。希望一查到底，给孩子一个交代。" }
template { platform = "weibo", stance = "supportive", text = "报警是对的，让警方查清楚，不冤枉好人，也不放过坏人。" }
template { platform = "weibo", stance = "rumour", text = "扩散！{rumour}，大家擦亮眼睛！" }
template { platform = "weibo", stance = "rumour", text = "内部人士说：{rumour}。" }

template { platform = "douyin", stance = "angry", text = "看哭了，孩子说“老师掐我”的时候手一直在抖，这种人不配当老师！" }
template { platform = "douyin", stance = "angry", text = "{place}，我记住你了。公办园就能这样？" }
template { platform = "douyin", stance = "worried", text = "当妈的看不得这种视频，家里娃明天说什么都不想去幼儿园了。" }
template { platform = "douyin", stance = "worried", text = "求后续，孩子伤得重不重？" }
template { platform = "douyin", stance = "neutral", text = "官方刚发了通报：{fact}，评论区理性讨论。" }
template { platform = "douyin", stance = "neutral", text = "蹲一个调查结果。" }
template { platform = "douyin", stance = "supportive", text = "支持依法处理，等{official}的调查结果。" }
template { platform = "douyin", stance = "supportive", text = "先把孩子的情绪照顾好，比什么都重要。" }
template { platform = "douyin", stance = "rumour", text = "听说了吗？{rumour}！" }
template { platform = "douyin", stance = "rumour", text = "评论区有家长爆料：{rumour}。" }

template { platform = "wechat", stance = "angry", text = "园里发通知让我们“不信谣不传谣”，出了事先堵家长的嘴？" }
template { platform = "wechat", stance = "angry", text = "明天一早都去园门口，必须让园长当面说清楚！" }
template { platform = "wechat", stance = "worried", text = "有没有人知道其他班的孩子有没有事？我家孩子最近也说不想睡午觉。" }
template { platform = "wechat", stance = "worried", text = "教育局的电话一直打不通，谁有别的联系方式？" }
template { after = "statement", platform = "wechat", stance = "neutral", text = "转发一下{official}的最新情况：{fact}。" }
template { platform = "wechat", stance = "neutral", text = "大家先别乱转截图，等正式通知。" }
template { platform = "wechat", stance = "supportive", text = "我家也在禾苗，老师平时挺用心的，等调查结论，别一棒子打死所有老师。" }
template { platform = "wechat", stance = "supportive", text = "大家有事好好说，园门口堵着会吓到孩子的。" }
template { platform = "wechat", stance = "rumour", text = "别的群转来的：{rumour}，真的假的？" }
template { platform = "wechat", stance = "rumour", text = "我朋友的孩子也在那个园，说{rumour}。" }

-- Endings.

ending {
    id = "e_calm",
    text = "区教育局及时、诚恳地回应，事实逐步公开，谣言被证据击破；家长情绪平复，话题热度回落，事件转入依法处理阶段。",
}
ending {
    id = "e_watch",
    text = "回应基本到位但仍有短板，部分家长仍有疑虑，舆情转入持续监测，需跟进调查结论发布和回访。",
}
ending {
    id = "e_escalated",
    text = "回应迟缓、口径失当，家长信任严重受损，市教育局派工作组接手处置，区教育局被要求作出书面检查。",
}

-- Rules: how the world answers the trainee's choices (yq.*: scenarios/README.md, "The yq library").

-- Public texts: a count of injured children other than the verified one ("N名幼儿", "N个孩子",
-- "N名孩子"), or the count before it is verified; blame; "don't believe rumours" without evidence.
yq.on_public(function(a, w)
    if yq.wrong_number(a, w, { cites = "f_injured", right = 1, from = 2, to = 40,
                               words = { "名幼儿", "个孩子", "名孩子" } }) then
        yq.apply(w, { rumour = "r_coverup",
                      note = "未经核实的受伤人数被家长截图质疑，家长群开始流传“教育局捂盖子、全班都有伤”的说法。" })
    end
    if yq.says_any(a, { "临时工", "个别家长", "不明真相" }) then
        yq.apply(w, { fire = "i_mock", adjust = { trust = -3 }, note = "推责和贬损家长的说法引发反感，网友集中嘲讽官方口径。" })
    end
    if a.mentions("不信谣") and not a.cites("f_cctv") and not a.cites("f_drug") then
        yq.apply(w, { adjust = { trust = -2, heat = 30 }, note = "只喊“不信谣、不传谣”却拿不出证据，评论区反问“那真相是什么？”" })
    end
end)

yq.offline {
    hotline = { verify = "f_hotline", note = "区教育局家长专线开通，来电分流到6名专人接听、逐一登记回访。" },
    apology = {
        { verify = "f_apology", adjust = { crowd = -20, trust = 3, heat = -40 } },
        { fire = "i_parent_update",
          note = "园长上门当面致歉并安排心理老师陪伴孩子，当事家长情绪缓和，更新微博表示等待调查结果。" },
    },
    field_investigation = { note = "区教育局督导组进驻禾苗幼儿园，调阅排班和考勤记录，协助公安调取监控，逐一联系中二班家长。" },
}

on_action("press", function(a, w)
    w.note("发布会在区教育局三楼会议室举行，12家媒体到场，园长和公安分局民警列席。")
end)

-- Ignoring the parents' calls: complaints escalate to the city hotline.
yq.deadline("02:45", { unless_verified = "f_hotline", effects = {
    fire = "i_complaints", adjust = { trust = -4 }, note = "家长打不进电话，转而向市12345投诉，市里要求区教育局说明情况。" } })

-- Once the bureau's word counts for little, a fabricated "chat screenshot" fills the gap.
on_threshold("trust_below", 50, function(w)
    w.fire("i_fake_shot")
end)

on_threshold("posts_per_hour", 900, function(w)
    w.fire("i_city")
    w.ask("q_account")
end)

on_threshold("crowd", 70, function(w)
    w.note("幼儿园门口聚集人数超过70人，辖区派出所增派警力维持秩序，现场直播在线人数攀升。")
    w.adjust { heat = 60 }
end)

on_threshold("trust_below", 30, function(w)
    w.note("官方公信力跌破警戒线：市教育局工作组赶赴青禾区督导处置。")
end)

-- How the handling is judged: the command group's after-action summary closes the drill; without one,
-- it closes a minute before time.
yq.close_by_trust { on_summary = true, at = "05:59", { 70, "e_calm" }, { 40, "e_watch" }, { 0, "e_escalated" } }
