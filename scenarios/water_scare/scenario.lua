-- water_scare/scenario.lua — drill (bilingual): brown tap water in three housing estates after a night-time
-- main repair; posts say the water is poisoned. The city water bureau must respond (general plan).

scenario {
    id = "water_scare",
    title = { zh = "江北片区自来水发黄“有毒”舆情处置演练", en = "Brown tap water in Jiangbei: the 'poisoned water' scare" },
    briefing = {
        zh = "工作日早上7时许，临江市江北区滨江花园、锦绣苑、望江新村的居民发现自来水发黄、有异味。"
            .. "7时30分起，业主群和微博上出现大量“黄水”照片，有人称“水里有毒”“已经有人中毒住院”。"
            .. "你是临江市水务局新闻发言人，与水务集团、区政府、市疾控中心协同处置：及时报告研判，"
            .. "只发布已核实的信息，先保障居民用水，再用检测数据回应谣言，最后讲清原因和后续措施。",
        en = "On a weekday morning at about 7 a.m., residents of Binjiang Garden, Jinxiu Court and Wangjiang New Village "
            .. "in Jiangbei District, Linjiang, find their tap water yellow-brown and smelling odd. From 7:30, photos of "
            .. "'yellow water' flood the residents' chat groups and Weibo; some say the water is poisoned and people are in "
            .. "hospital. You are the spokesperson of the Linjiang Water Affairs Bureau, working with the water group, the "
            .. "district government and the city CDC: report and assess in time, publish only verified information, secure "
            .. "residents' water first, answer the rumours with test data, then explain the cause and what comes next.",
    },
    place = { zh = "临江市江北区滨江片区", en = "the Binjiang area of Jiangbei District, Linjiang" },
    official = { zh = "临江市水务局", en = "the Linjiang Water Affairs Bureau" },
    domain = "water",
    difficulty = 3,
    role = "spokesperson",
    time_scale = 8,
    duration = "08:00",
    starts_at = "07:00",     -- the briefing's time of day
    plan = "general",
    languages = { "zh", "en" },
    world = {
        population = 80000,
        mean_follows = 12,
        leaders = 30,
        media = 20,
        heat_base = 85,
        heat_branching = 0.72,
        heat_decay_h = 0.5,
        reads_per_post = 500,
        trust = 60,
        crowd = 0,
        media_threshold = 700,
    },
}

platform { id = "wechat", name = { zh = "微信业主群", en = "Residents' WeChat groups" }, share = 0.35 }
platform { id = "weibo", name = { zh = "微博", en = "Weibo" }, share = 0.4 }
platform { id = "douyin", name = { zh = "抖音", en = "Douyin" }, share = 0.25 }

-- Facts, in the order they become verified.

fact {
    id = "f_first_call", kind = "time",
    text = { zh = "水务集团今天早上7时25分接到首个报修电话", en = "The water group took the first complaint call at 7:25 this morning" },
    synonyms = { "7时25分接到首个报修电话", "first complaint call at 7:25" },
    verified_at = "00:00",
    verified_by = { zh = "水务集团客服中心记录", en = "the water group's call-centre log" },
}

fact {
    id = "f_plan_on", kind = "measure",
    text = { zh = "水务集团8时05分启动供水应急预案", en = "The water group started its supply emergency plan at 8:05" },
    synonyms = { "8时05分启动供水应急预案", "启动供水应急预案", "started its supply emergency plan" },
    verified_at = "00:35",
    verified_by = { zh = "水务集团应急办", en = "the water group's emergency office" },
}

fact {
    id = "f_estates", kind = "place",
    text = { zh = "发黄的自来水出现在江北区滨江花园、锦绣苑、望江新村", en = "The brown water is in Binjiang Garden, Jinxiu Court and Wangjiang New Village, Jiangbei District" },
    synonyms = { "滨江花园、锦绣苑、望江新村", "滨江花园、锦绣苑和望江新村", "Binjiang Garden, Jinxiu Court and Wangjiang New Village" },
    verified_at = "00:25",
    verified_by = { zh = "水务集团江北营业所排查", en = "a check by the water group's Jiangbei office" },
}

fact {
    id = "f_trucks", kind = "measure",
    text = { zh = "已调派送水车到受影响小区定点免费供水", en = "Water tankers have been sent to the affected estates to supply water free of charge" },
    synonyms = { "送水车", "定点免费供水", "定点供水", "water tankers", "tanker" },
    verified_at = "00:30",
    verified_by = { zh = "水务集团调度中心", en = "the water group's dispatch centre" },
}

-- The tanker fleet grows during the morning: 6 is right from 00:40, superseded by 14 at 01:30.
fact {
    id = "f_tankers", kind = "number",
    text = { zh = "已调派6辆送水车到受影响小区", en = "6 water tankers have been sent to the affected estates" },
    value = 6, unit = "辆",
    synonyms = { "送水车", "water tankers", "tankers" },
    subjects = { "送水车", "水车", "tankers", "tanker" },
    verified_at = "00:40",
    verified_by = { zh = "水务集团调度中心", en = "the water group's dispatch centre" },
    superseded_by = "f_tankers2",
}

fact {
    id = "f_tankers2", kind = "number",
    text = { zh = "送水车已增至14辆，覆盖3个小区各出入口", en = "The tanker fleet has grown to 14, covering every gate of the three estates" },
    value = 14, unit = "辆",
    synonyms = { "送水车", "water tankers", "tankers" },
    subjects = { "送水车", "水车", "tankers", "tanker" },
    verified_at = "01:30",
    verified_by = { zh = "水务集团调度中心", en = "the water group's dispatch centre" },
}

fact {
    id = "f_flush", kind = "measure",
    text = { zh = "正在对片区管网分段冲洗排放", en = "The area's mains are being flushed section by section" },
    synonyms = { "分段冲洗", "冲洗排放", "管网冲洗", "flushing the mains", "flushed section by section" },
    verified_at = "00:45",
    verified_by = { zh = "水务集团管网所现场报告", en = "field report of the water group's network team" },
}

fact {
    id = "f_plant", kind = "other",
    text = { zh = "江北水厂出厂水各项指标检测正常", en = "Water leaving the Jiangbei treatment plant meets every standard" },
    synonyms = { "出厂水各项指标", "出厂水检测正常", "出厂水正常", "leaving the plant meets", "plant output meets" },
    verified_at = "00:50",
    verified_by = { zh = "江北水厂在线监测与化验室复核", en = "the plant's online monitoring, checked by its laboratory" },
}

fact {
    id = "f_area", kind = "number",
    text = { zh = "受影响范围为江北区滨江片区3个小区，约2300户居民", en = "About 2,300 households in three estates of the Binjiang area are affected" },
    value = 2300, unit = "户",
    synonyms = { "受影响居民", "受影响用户", "受影响住户", "受影响", "affected households", "households affected" },
    subjects = { "户", "居民", "住户", "用户", "households", "homes" },
    verified_at = "01:10",
    verified_by = { zh = "水务集团营业所用户数据与现场排查", en = "the water group's customer records and a street-by-street check" },
}

fact {
    id = "f_hospital", kind = "other",
    text = { zh = "市卫健委：全市医疗机构未接诊因饮用自来水引起不适的病例",
             en = "City health commission: no hospital or clinic in the city has seen a patient made ill by tap water" },
    synonyms = { "未接诊因饮用自来水", "未接诊相关病例", "没有接诊因饮用自来水", "未接诊饮水不适病例", "no patient made ill by tap water", "no hospital has seen", "no cases of illness" },
    topics = { "因饮水不适就医", "饮水不适" },
    verified_at = "01:40",
    verified_by = { zh = "市卫健委医疗机构排查", en = "the city health commission's check of all hospitals and clinics" },
}

fact {
    id = "f_lab", kind = "other",
    text = { zh = "市疾控中心检测：片区管网水浊度、色度和铁含量超标，未检出重金属和有毒有机物",
             en = "City CDC tests: turbidity, colour and iron are above limits in the area's mains; no heavy metals or toxic organics found" },
    synonyms = { "未检出重金属", "未检出有毒有机物", "铁含量超标", "浊度、色度和铁含量超标", "no heavy metals", "no toxic organics", "iron above limits" },
    topics = { "超标", "管网水的检测", "mains water" },
    verified_at = "03:00",
    verified_by = { zh = "市疾控中心检测报告", en = "the city CDC's test report" },
}

fact {
    id = "f_cause", kind = "cause",
    text = { zh = "初步查明：昨夜一段供水主管道抢修后恢复通水，水流冲刷管壁锈垢，导致片区自来水浑浊发黄",
             en = "First findings: when a water main repaired overnight was reopened, the flow scoured rust from the pipe walls and turned the area's water brown" },
    synonyms = { "抢修后恢复通水", "冲刷管壁", "管壁锈垢", "锈垢", "scoured rust", "rust from the pipe walls" },
    verified_at = "04:00",
    verified_by = { zh = "水务集团技术组与区住建局联合调查", en = "joint inquiry of the water group's engineers and the district housing bureau" },
}

fact {
    id = "f_restore", kind = "other",
    text = { zh = "片区管网冲洗完成，水质复检合格，已恢复正常供水", en = "Flushing is complete, the water has passed a second test and normal supply is restored" },
    synonyms = { "水质复检合格", "恢复正常供水", "passed a second test", "normal supply is restored" },
    topics = { "复检合格", "恢复饮用" },
    verified_at = "06:40",
    verified_by = { zh = "市疾控中心复检报告", en = "the city CDC's re-test report" },
}

-- Facts that only the trainee's offline measures make true.

fact {
    id = "f_hotline", kind = "measure",
    text = { zh = "水务集团已开通供水服务专线96390，24小时受理居民诉求",
             en = "The water group has opened a 24-hour service line, 96390, for residents" },
    synonyms = { "供水服务专线", "service line" },
}

fact {
    id = "f_relief", kind = "measure",
    text = { zh = "对受影响居民减免当月水费，并报销购买饮用水的合理费用",
             en = "Affected residents' water bills for the month are waived and reasonable costs of bottled water refunded" },
    synonyms = { "减免当月水费", "报销购买饮用水", "bills for the month are waived", "bottled water refunded" },
}

-- What arrives in the inbox.

inject {
    id = "i_photo", kind = "post", at = "00:00", heat = 40,
    source = { zh = "微博网友“江北小林”", en = "Weibo user 'Xiao Lin of Jiangbei'" },
    text = { zh = "早上一开水龙头，出来的是酱油色的水，还有股铁锈味。滨江花园整栋楼都这样，孩子还要喝奶粉！[图片×3]",
             en = "Turned on the tap this morning and got soy-sauce-coloured water smelling of rust. The whole building in Binjiang Garden is like this, and I have a baby on formula! [3 photos]" },
}

inject {
    id = "i_group", kind = "post", at = "00:15", heat = 30,
    source = { zh = "锦绣苑业主群", en = "Jinxiu Court residents' group" },
    text = { zh = "业主群刷屏：“物业说不知道”“打水务热线一直占线”“谁家还有桶装水？”",
             en = "The group is flooded: 'Management says they know nothing', 'the water hotline is always busy', 'who still has bottled water?'" },
}

inject {
    id = "i_supermarket", kind = "video", at = "00:40", length = 39, heat = 60, crowd = 30,
    source = { zh = "抖音用户“江北生活志”", en = "Douyin user 'Jiangbei Life'" },
    text = { zh = "视频：小区门口超市桶装水被抢购一空，居民排长队，配文“水里有毒，赶紧囤水！”",
             en = "Video: the bottled water at the estate's supermarket is sold out and residents queue; caption: 'The water is poisoned, stock up now!'" },
}

inject {
    id = "i_leader", kind = "call", at = "01:00",
    source = { zh = "市政府办公室", en = "City government general office" },
    text = { zh = "分管副市长要求：一小时内报送情况，保障居民用水，信息发布口径由市水务局统一把关。",
             en = "The deputy mayor in charge wants a report within the hour, water for residents secured, and all public wording cleared by the water bureau." },
}

inject {
    id = "i_media", kind = "media", at = "01:20", heat = 50,
    source = { zh = "临江电视台《民生直通车》", en = "Linjiang TV 'People's Express'" },
    text = { zh = "记者在滨江花园现场直播：居民端着一杯黄水质问“这水到底能不能喝？”",
             en = "A reporter broadcasts live from Binjiang Garden: a resident holds up a glass of brown water and asks 'Can we drink this or not?'" },
}

inject {
    id = "i_hotline", kind = "hotline", at = "02:00", calls = 70,
    source = { zh = "市12345政务服务热线", en = "City 12345 service line" },
    text = { zh = "两小时内受理涉水诉求212件，较平日同期增长近20倍，诉求集中在“能不能喝”“什么时候恢复”。",
             en = "212 water-related calls in two hours, nearly 20 times a normal morning, mostly 'Is it safe?' and 'When will it be fixed?'" },
}

inject {
    id = "i_school", kind = "call", at = "02:30",
    source = { zh = "江北区教育局", en = "Jiangbei District education bureau" },
    text = { zh = "片区内滨江小学询问：午餐是否停用自来水？家长在群里要求学校给个说法。",
             en = "Binjiang Primary School asks whether to stop using tap water for lunch; parents are demanding an answer in their group." },
}

inject {
    id = "i_bigv", kind = "post", at = "03:20", heat = 80,
    source = { zh = "微博大V“环保老周”（粉丝92万）", en = "Weibo influencer 'Green Lao Zhou' (920k followers)" },
    text = { zh = "自来水变色不一定有毒，但居民有权知道检测数据。请@临江水务 公开检测报告，别让谣言跑在前面。",
             en = "Discoloured water isn't necessarily toxic, but residents have a right to the test data. @Linjiang Water, publish the report before rumours outrun you." },
}

inject {
    id = "i_protest", kind = "field", crowd = 60, heat = 60,
    source = { zh = "江北区滨江街道办", en = "Binjiang sub-district office" },
    text = { zh = "约60名居民聚集在水务集团江北营业所门口，要求“喝上干净水”“说清楚原因”。",
             en = "About 60 residents gather at the water group's Jiangbei office demanding clean water and an explanation." },
}

inject {
    id = "i_complaints", kind = "hotline", calls = 90, heat = 40,
    source = { zh = "市12345政务服务热线", en = "City 12345 service line" },
    text = { zh = "大量居民投诉“水务热线打不通”“问了也没人答复”，工单被市政府督查室列为督办件。",
             en = "A wave of complaints that the water hotline never answers; the city inspection office flags the cases for supervision." },
}

inject {
    id = "i_thanks", kind = "post",
    source = { zh = "锦绣苑业主群", en = "Jinxiu Court residents' group" },
    text = { zh = "群里有人晒出水费减免通知：“态度还算诚恳，先把水弄干净吧。”",
             en = "Someone posts the bill-waiver notice: 'Fair enough, at least they owned up. Now just get the water clean.'" },
}

inject {
    id = "i_citywide", kind = "post", heat = 70,
    source = { zh = "微信朋友圈转发", en = "Shared on WeChat Moments" },
    text = { zh = "“内部消息”截图流传：全市自来水都有问题，水务局只是不敢说。",
             en = "An 'insider' screenshot circulates: the whole city's water is bad, the bureau just won't admit it." },
}

-- Rumours and the facts that rebut them once verified.

rumour {
    id = "r_factory", platform = "weibo", start = "00:35",
    claim = { zh = "上游化工厂夜里偷排，水源被污染了", en = "A chemical plant upstream dumped waste overnight and poisoned the water source" },
    spread = 2.5, stifle = 0.25, believe = 0.45, seeds = 4,
    rebutted_by = "f_plant",
    synonyms = { "化工厂偷排", "化工厂排污", "偷排", "水源被污染", "水源污染", "水源遭到污染",
                 "chemical plant dumped", "dumped waste", "water source was poisoned", "water source is polluted" },
}

rumour {
    id = "r_poisoned", platform = "wechat", start = "01:00",
    claim = { zh = "滨江花园已经有十几个人喝了水中毒，被送进医院", en = "More than ten people in Binjiang Garden have been poisoned by the water and taken to hospital" },
    spread = 2.7, stifle = 0.25, believe = 0.5, seeds = 5,
    rebutted_by = "f_hospital",
    synonyms = { "中毒", "喝水中毒", "中毒住院", "十几个人中毒", "十几人中毒", "poisoned by the water", "people poisoned", "poisoning" },
}

rumour {
    id = "r_citywide", platform = "wechat",
    claim = { zh = "全市的自来水都有问题，水务局在隐瞒", en = "The whole city's water is bad and the water bureau is covering it up" },
    spread = 3.0, stifle = 0.25, believe = 0.45, seeds = 6,
    rebutted_by = "f_area",
    synonyms = { "全市的自来水都有问题", "全市自来水都有问题", "全市的水都有问题", "全市水都有问题", "水务局在隐瞒", "水务局隐瞒",
                 "the whole city's water", "whole city's water is bad", "covering it up" },
}

-- Tempting claims: a cause that blames temp workers (false), and "safe to drink", true only after the re-test.

claim {
    id = "c_temp_worker", kind = "cause",
    text = { zh = "事故系施工单位临时工违规操作造成", en = "Temporary workers of the contractor caused it by breaking the rules" },
    synonyms = { "临时工操作不当", "临时工违规操作", "临时工操作不规范", "施工单位临时工", "temporary workers" },
    truth = false,
    hurts = { zh = "施工单位的工人", en = "the contractor's workers" },
}

claim {
    id = "c_safe",
    text = { zh = "片区自来水可以放心饮用", en = "The tap water in the area is safe to drink" },
    synonyms = { "可以放心饮用", "放心饮用", "可以正常饮用", "可以放心喝", "safe to drink" },
    truth = true, verified_at = "06:40",
}

-- Reporters' questions.

question {
    id = "q_safe", at = "00:50",
    reporter = { zh = "记者 何静", en = "He Jing" }, outlet = { zh = "临江电视台", en = "Linjiang TV" },
    text = { zh = "现在滨江片区的自来水到底能不能喝？是不是有毒？", en = "Is the tap water in the Binjiang area safe to drink right now? Is it poisoned?" },
    followup = { zh = "您说“在检测”，那检测结果出来之前，居民该怎么办？", en = "You say tests are running. What should residents do until the results come in?" },
    expects = { "f_plant", "f_trucks", "f_lab" }, traps = { "f_lab" },
}

question {
    id = "q_scope", at = "01:05",
    reporter = { zh = "记者 吴涛", en = "Wu Tao" }, outlet = { zh = "《临江日报》", en = "Linjiang Daily" },
    text = { zh = "受影响的到底有多少户？会不会扩大到全市？", en = "How many households are affected? Could it spread to the whole city?" },
    followup = { zh = "请给一个确切的范围，哪些小区？", en = "Please give an exact area: which estates?" },
    expects = { "f_area", "f_estates" }, traps = { "f_area" },
}

question {
    id = "q_cause", at = "01:40",
    reporter = { zh = "记者 钱坤", en = "Qian Kun" }, outlet = { zh = "南江观察", en = "Nanjiang Observer" },
    text = { zh = "听说昨晚附近在抢修管道，是不是施工造成的？施工单位有没有责任？",
             en = "We hear a main was repaired nearby last night. Did the works cause this? Is the contractor to blame?" },
    followup = { zh = "原因什么时候能查清？查清后会不会公布？", en = "When will you know the cause, and will you publish it?" },
    expects = { "f_cause" }, traps = { "f_cause" },
}

question {
    id = "q_sick", at = "02:10",
    reporter = { zh = "记者 丁雨", en = "Ding Yu" }, outlet = { zh = "临江新闻广播", en = "Linjiang News Radio" },
    text = { zh = "有居民说喝了水以后拉肚子，还有人说已经有人住院了，你们怎么解释？",
             en = "Residents say they had diarrhoea after drinking the water, and some say people are in hospital. What do you say?" },
    followup = { zh = "医院那边到底有没有病例？", en = "So are there any cases at the hospitals or not?" },
    expects = { "f_hospital" },
}

question {
    id = "q_late", at = "03:30",
    reporter = { zh = "记者 何静", en = "He Jing" }, outlet = { zh = "临江电视台", en = "Linjiang TV" },
    text = { zh = "居民早上7点就发现水黄了，为什么过了这么久才有通知？", en = "Residents saw brown water at 7 a.m. Why did it take so long to tell them?" },
    followup = { zh = "那么水务集团是几点知道、几点启动应急的？", en = "So when exactly did the water group know, and when did it start the emergency plan?" },
    expects = { "f_first_call", "f_plan_on" },
}

question {
    id = "q_restore",
    reporter = { zh = "记者 吴涛", en = "Wu Tao" }, outlet = { zh = "《临江日报》", en = "Linjiang Daily" },
    text = { zh = "什么时候能恢复正常供水？今晚居民能不能正常洗澡做饭？", en = "When will normal supply be back? Can residents cook and shower tonight?" },
    followup = { zh = "能不能给一个明确的时间？", en = "Can you give a definite time?" },
    expects = { "f_restore", "f_flush" }, traps = { "f_restore" },
}

question {
    id = "q_relief",
    reporter = { zh = "记者 丁雨", en = "Ding Yu" }, outlet = { zh = "临江新闻广播", en = "Linjiang News Radio" },
    text = { zh = "居民今天买桶装水、请假在家，这些损失谁来承担？", en = "Residents bought bottled water and took time off today. Who pays for that?" },
    followup = { zh = "有没有具体的补偿办法？居民找谁申请？", en = "Is there a concrete compensation scheme? Whom do residents apply to?" },
    expects = { "f_relief", "f_hotline" },
}

-- The feed.

template { platform = "wechat", stance = "angry", text = { zh = "水黄成这样还不停水？物业、水务都装死是吧！", en = "Water this brown and nobody shuts it off? Management and the water company are playing dead!" } }
template { platform = "wechat", stance = "angry", text = { zh = "打了二十个电话都没人接，{official}的人呢？", en = "Twenty calls and nobody answers. Where is {official}?" } }
template { platform = "wechat", stance = "worried", text = { zh = "早上给孩子冲了奶粉，现在好害怕，要不要去医院看看？", en = "I made up the baby's formula with it this morning and now I'm scared. Should we see a doctor?" } }
template { platform = "wechat", stance = "worried", text = { zh = "家里老人已经喝了两杯了，谁知道这水到底有没有事？", en = "Grandma already drank two glasses. Does anyone know if this water is harmful?" } }
template { platform = "wechat", stance = "neutral", text = { zh = "转官方消息：{fact}。", en = "Passing on the official update: {fact}." } }
template { platform = "wechat", stance = "neutral", text = { zh = "送水车在哪个门？有人知道吗？", en = "Which gate is the water tanker at? Anyone know?" } }
template { platform = "wechat", stance = "supportive", text = { zh = "物业说送水车在路上了，大家别慌，先用桶装水顶一顶。", en = "Management says the water tanker is on its way. Don't panic, use bottled water for now." } }
template { platform = "wechat", stance = "supportive", text = { zh = "水发黄多半是管子的问题，别自己吓自己，等检测结果。", en = "Brown water is usually the pipes. Don't scare yourselves; wait for the test results." } }
template { platform = "wechat", stance = "rumour", text = { zh = "别的群转来的：{rumour}，大家千万别喝！", en = "From another group: {rumour}. Don't drink it!" } }
template { platform = "wechat", stance = "rumour", text = { zh = "我亲戚在医院上班，说{rumour}。", en = "My relative works at the hospital and says {rumour}." } }

template { platform = "weibo", stance = "angry", text = { zh = "#{place}自来水发黄# 出了事先捂着，{official}能不能公开检测数据？", en = "#BrownWater in {place}# Cover it up first, as usual. Can {official} publish the test data?" } }
template { platform = "weibo", stance = "angry", text = { zh = "交的水费哪去了？管网维护就是这个水平？", en = "Where does our water bill go? Is this how they maintain the mains?" } }
template { platform = "weibo", stance = "worried", text = { zh = "住在江北的朋友们，今天先别喝自来水了，等官方消息。", en = "Friends in Jiangbei, don't drink tap water today until there's official word." } }
template { platform = "weibo", stance = "worried", text = { zh = "会不会影响到我们小区？我们离滨江花园就两站路。", en = "Will it reach our estate? We're only two stops from Binjiang Garden." } }
template { platform = "weibo", stance = "neutral", text = { zh = "目前官方信息：{fact}。持续关注。", en = "Official information so far: {fact}. Following this." } }
template { platform = "weibo", stance = "neutral", text = { zh = "自来水发黄多半是管道铁锈，但最好还是等检测报告。", en = "Brown tap water is usually rust from the pipes, but better wait for the test report." } }
template { platform = "weibo", stance = "supportive", text = { zh = "相信{official}能尽快解决，先把水弄干净最要紧。", en = "I trust {official} will sort it out soon. Clean water comes first." } }
template { platform = "weibo", stance = "supportive", text = { zh = "别再转“中毒”的消息了，等医院和疾控的说法。", en = "Stop sharing the 'poisoning' posts. Wait for what the hospitals and the CDC say." } }
template { platform = "weibo", stance = "rumour", text = { zh = "扩散！{rumour}！", en = "Spread the word! {rumour}!" } }
template { platform = "weibo", stance = "rumour", text = { zh = "有知情人透露：{rumour}。", en = "An insider says: {rumour}." } }

template { platform = "douyin", stance = "angry", text = { zh = "一杯水像泡了茶叶，这还能叫自来水？", en = "A glass of it looks like strong tea. You call this tap water?" } }
template { platform = "douyin", stance = "angry", text = { zh = "超市水都被抢光了，{official}能不能把情况说清楚？", en = "The shops are out of water. Can {official} tell us what is going on?" } }
template { platform = "douyin", stance = "worried", text = { zh = "拍给大家看看，我们家洗衣机里全是黄水。", en = "Look, our washing machine is full of yellow water." } }
template { platform = "douyin", stance = "worried", text = { zh = "明天孩子学校的午饭怎么办？", en = "What about the kids' school lunch tomorrow?" } }
template { platform = "douyin", stance = "neutral", text = { zh = "跟进：{fact}。", en = "Update: {fact}." } }
template { platform = "douyin", stance = "neutral", text = { zh = "记者在现场，等官方回应。", en = "Reporters are on site; waiting for the official response." } }
template { platform = "douyin", stance = "supportive", text = { zh = "工人一直在冲洗管道，辛苦了。", en = "The workers have been flushing the pipes for hours. Thank you." } }
template { platform = "douyin", stance = "supportive", text = { zh = "出了问题能及时处理就好，理解一线工人。", en = "As long as it gets fixed quickly. Spare a thought for the crews." } }
template { platform = "douyin", stance = "rumour", text = { zh = "听说{rumour}，太吓人了！", en = "Heard that {rumour}. Terrifying!" } }
template { platform = "douyin", stance = "rumour", text = { zh = "评论区有人说：{rumour}。", en = "Someone in the comments says: {rumour}." } }

-- Endings.

ending {
    id = "e_restored",
    text = { zh = "供水恢复，检测数据公开，谣言失去市场；居民对水务部门的处置总体认可，事件平稳收尾。",
             en = "Supply restored and test data public; the rumours lost their audience and residents broadly accept how the water authorities handled it." },
}
ending {
    id = "e_doubts",
    text = { zh = "供水问题基本解决，但沟通滞后留下疑虑，居民对管网维护和信息公开仍有不满，需持续跟进。",
             en = "The supply problem is largely solved, but slow communication left doubts; residents remain unhappy about maintenance and openness, and follow-up is needed." },
}
ending {
    id = "e_crisis",
    text = { zh = "处置失据，居民聚集、谣言蔓延，市政府成立专班接管，水务局被要求作出书面检查。",
             en = "Handling broke down: residents gathered and rumours spread; the city set up a task force to take over and the bureau must submit a written self-criticism." },
}

-- Rules (yq.*: scenarios/README.md, "The yq library").

-- Public texts: a household count other than the verified one ("N户"), or the area before it is
-- verified; a cause before the inquiry ends; "safe to drink" before the re-test.
yq.on_public(function(a, w)
    if yq.wrong_number(a, w, { cites = "f_area", right = 2300, from = 100, to = 9900, step = 100, words = { "户" } }) then
        yq.apply(w, { rumour = "r_citywide", fire = "i_citywide",
                      note = "口径中的受影响户数与实际不符，被网友质疑“数字都对不上”，“全市水都有问题”的说法开始流传。 / "
                          .. "The household figure did not match; people question the numbers and a 'whole city' rumour takes off." })
    end
    if yq.wrong_number(a, w, { cites = "f_cause" }) then
        yq.apply(w, { adjust = { trust = -3, heat = 40 },
                      note = "原因尚未查清就对外定性，施工单位和物业相互推诿的截图开始流传。 / "
                          .. "A cause was named before the inquiry ended; screenshots of the contractor and the management blaming each other spread." })
    end
    if a.mentions("可以放心饮用") and not w.verified("f_restore") then
        yq.apply(w, { adjust = { trust = -8, heat = 80 },
                      note = "水还没复检合格就称“可以放心饮用”，居民晒出黄水照片反驳，信任大幅下滑。 / "
                          .. "Calling the water 'safe to drink' before the re-test passed: residents post brown water in reply and trust collapses." })
    end
end)

yq.offline {
    hotline = { verify = "f_hotline",
                note = "水务集团供水服务专线扩容开通，20名坐席24小时接听。 / The water group opens its service line with 20 staff around the clock." },
    compensation = { verify = "f_relief", fire = "i_thanks", adjust = { trust = 3, crowd = -20 },
                     note = "减免水费和报销购水费用的通知贴到各楼栋。 / Notices of the bill waiver and bottled-water refunds go up in every building." },
    apology = { adjust = { trust = 2, crowd = -15, heat = -30 },
                note = "水务集团负责人到滨江花园向居民当面致歉。 / The head of the water group apologises to residents in person at Binjiang Garden." },
    field_investigation = { note = "水务局工作组到抢修点和3个小区现场核查，逐栋排查二次供水设施。 / "
                                .. "A bureau team inspects the repair site and the three estates, checking every building's tanks." },
}

-- No service line by 02:30: the calls turn into formal complaints.
yq.deadline("02:30", { unless_verified = "f_hotline", effects = { fire = "i_complaints", adjust = { trust = -4 } } })

-- Without tankers and words, residents go to the water office.
on_threshold("crowd", 45, function(w)
    yq.apply(w, { fire = "i_protest", ask = "q_relief" })
end)

on_threshold("posts_per_hour", 1000, function(w)
    w.note("话题登上同城热搜第一，外地媒体开始跟进。 / The topic tops the city's trending list; out-of-town media start to follow.")
    w.ask("q_restore")
end)

-- An hour after supply is restored, the drill closes on how residents judge the handling.
yq.close_by_trust { at = "07:40", { 70, "e_restored" }, { 40, "e_doubts" }, { 0, "e_crisis" } }
