"""Clerks' words rewritten to the guide's, for the help search (:mod:`search`).

What people type for the key, its password, a failure or a step ("u盾",
"口令", "登不上", "延不了") becomes what the guide calls it ("ukey", "密码",
"登录失败", "延期不了") before a query and an entry are compared, in Chinese
and English. The rewrites run in order, each on what the ones before it
left, over entries and queries alike.
"""

from __future__ import annotations

import re
import unicodedata

_REWRITES = [
    (re.compile(pattern), word)
    for pattern, word in (
        # IT staff's "token" too: a token of another make or system stays that one's ("vpn ukey", "hardware ukey")
        # a word of its own: "keyi" is 可以 typed in pinyin, a "keyboard" another device
        (r"(?<![a-z])(?:usb|u|优)?\s*-?\s*(?:key|token)s?(?![a-z])|u盾|优盾|钥匙|(?<!指定)设备(?!管理)", " ukey "),
        (r"([红蓝银])(?!色)(?=\s*(?:的\s*)?ukey)", r"\1色"),  # "红key" is the guide's 红色 Ukey
        (r"口令|(?<![a-z])pin(?:码)?(?![a-z])", "密码"),
        (r"internet\s*explorer|(?<![a-z])ie\s*\d+(?:\.\d+)?(?:以上|及以上)?(?:版本?)?", " ie "),
        (
            r"(?:请|需要?|要|仅|只|必须)?(?:使用|用|在|支持|切换到|换成)\s*(?=ie(?![a-z]))|(?<![a-z])use\s+(?=ie\b)",
            " 用",  # a word of its own: "本系统仅支持ie" shares no "统用" with "本系统用户"
        ),
        (r"(?<=压缩包)解开|解开(?=压缩包)", "解压"),  # the assistant's zip (guide 3.2 ③)
        (r"返回首页", "返回"),  # the renewal site's own button (guide 2.2 ④'s page), no browser's home page
        (r"登陆", "登录"),
        (r"(?<![检法医学全])院(?:的)?名(?:称|字)?(?!单)", "检察院名称"),  # "不出院名": the login page's 检察院名称
        (r"第([一二三])步", r"步骤\1"),  # the guide's three steps
        (r"哪[几一]把", "哪把"),  # which of the keys (guide 1.3's title)
        # a year said to be far off ("到2028年才过期"): guide 2.1's note, renewed whatever year it runs to
        (r"(?:到|至)\s*20\d\d\s*年(?=\s*才)", "到哪一年"),
        (r"(?<=密码)(?:那|这)?一?栏", "框"),  # the renewal page's 证书密码 box (guide 2.2 ③)
        (r"手(?:打|输|动输入|工输入)", "手敲"),  # typing the address by hand (guide 2.2 ① note)
        (r"非得|非要|一定要|只能", "必须"),  # whether renewal must use 360 安全浏览器 (guide 2.2 ①)
        (r"延上了?", "延期成功"),
        (r"无法登录|登录不[了上进]去?|登不[上进了]去?|登录失败|进不去|进不了", "登录失败"),
        (r"登(?![录记])", "登录"),
        # what counts as done (guide 2.2 ⑨: the download's success 即表明延期操作完成), before 完成 is read as 后
        (
            r"(?:即|就)?(?:表明|代表|说明|才?算)(?:是)?(?:延期)?(?:操作)?(?:已经)?(?:做完|完成|弄完|完)了?",
            "表明延期操作完毕",
        ),
        (r"(?<![顺推拖蔓])延[完好]期", "延期后"),  # "延完期多久生效": renewed, as 延期完
        (r"(?<![顺推拖蔓])延(?=[完好过])", "延期"),  # "延完了", "延好了": renewed, before 完 becomes 后
        (r"(?:做|弄|搞|操作)?完(?:了|成)(?:以后|之后|后)?|(?:做|弄|搞)完(?:以后|之后|后)", "后"),
        (r"(?:做|弄|搞)完(延期|解锁)", r"\1后"),
        (r"等(?:一)?会儿?|等一下|等一等", "等待"),
        (r"(?:以|之)后|(?<=延期|解锁)好了?", "后"),
        (r"(?<!继)续(?:期|签)?", "延期"),
        # "还能延吗", "延不延": 延 alone asked about is 延期 (not 延长, 延误, 顺延 …)
        (r"(?<![顺推拖蔓])延(?=[吗么嘛呢不了？?，,。！!]|$)", "延期"),
        (r"还(?:能|可以)(?:不能)?延期", "过期还能延期"),  # whether it still can be is guide 1.3's question
        (r"(?<![以如之上])下(?=证书)", "下载"),  # "下证书" is downloading it
        (r"(?<=证书)下在|下在(?=证书)", "下载"),  # 载 typed as its homophone 在
        (r"证书下载", "下载证书"),  # the same in either order
        (r"(?<![不别])(?:碰|动)(?=\s*ukey)", "插拔"),  # "下载时能不能动key": touching the key while it writes
        # a page that does not display properly (guide 3.4: try the other mode), not a broken key
        (r"(?:显示)?(?:乱七八糟|乱码|错位|错乱|挤在一起|排版乱)了?", "显示不正常"),
        (
            r"\b(?:garbled|jumbled)\b|\b(?:page|site|website|layout)s?\s+(?:is |was |looks? |displays? |renders? )?"
            r"(?:all )?(?:messed up|weird|strange|broken|odd|wrong)\b",
            " page does not display properly",
        ),
        (
            r"坏(?=\s*的?\s*ukey)|坏了|坏掉|摔坏|损坏|坏的|进水|泡水|烧坏|压坏|(?:掰|折|摔|压)断了?|断成两半|裂开?了|碎了",
            "损坏",
        ),
        (
            r"\b(?:snapped|cracked|smashed|crushed|shattered|bent|fried|broke|broken|damaged?)\b(?: in half| in two)?"
            r"|\b(?:run|ran|driven|stepped|sat) (?:over|on)\b|\b(?:got|gets|was) (?:wet|soaked)\b"
            r"|\bwater[- ]damaged?\b",
            "broken",
        ),
        # lost in IT staff's words: stolen, misplaced, left somewhere, or the key gone or missing
        (
            r"\b(?:stolen|misplaced|mislaid)\b"
            r"|\bleft(?![- ]click)(?=\s+(?:[\w']+\s+){0,3}?(?:on|in|at)\s+(?:a|the)\s+\w+)"
            r"|(?<=ukey)\s*(?:is |was |has |went |has been |got )?(?:gone|missing)\b",
            " lost",
        ),
        (r"(?<!插)拔(?!插)(?:下来?|掉|出来?)?", "插拔"),
        # "还是12-20": the date as it was
        (r"还是(?:原来|以前|之前|老|旧)的?(?:那个|样子?)?|(?:还是|仍然|依然|仍是)(?=\s*\d)", "没有变"),
        (r"\bhai\s*shi\s*(?:yuan\s*lai|yi\s*qian|zhi\s*qian|lao|jiu)(?:\s*de)?\b", "没有变"),  # the same in pinyin
        # a key not found is guide 1.2 (ask the superior procuratorate), lost only when said so (丢了, 补办: 3.7)
        (r"丢了|弄丢|丢失|不见了|遗失|找不回来?", "丢失"),
        (r"补(?!充)办?", "补办"),
        (r"(?:谁能|找人)?帮(?:我|忙|帮)?|求助", "帮忙"),
        (r"装不[上了]|安装不[上了]|安装失败", "安装失败"),
        # a new password refused as it is set (guide 3.6 ⑥: letters and digits, 6–8), not one refused at login
        (r"不符合(?:要求|规则|规定)|不让过|通不过|设不上|不合格|太简单", "不符合要求"),
        (
            r"\b(?:does not|doesn't|did not|didn't|not) (?:meet|match|satisfy) (?:the )?(?:requirements?|rules?)\b"
            r"|\btoo (?:simple|weak)\b|\bmust (?:be|contain|include|have)\b",
            " not meet requirements ",  # the same in English
        ),
        (r"不对|不正确|输错|错了|有误", "错误"),
        (r"关闭电脑|电脑关闭|关掉电脑|关电脑", "关机"),
        (r"忘了|忘记|想不起来?|记不住|记不得|不记得", "忘记"),
        (r"被锁(?:定|死|住)?|锁死|锁住|锁定|锁了|锁着", "锁定"),
        (r"未发现|没发现|未找到|没找到|未检测到", "没有"),
        (r"没有?反应|反应都没有?|没反映", "没反应"),
        (r"识别不[了出到]|读不[到出]|检测不到|没识别|不识别|不认", "识别不到"),
        (r"没下下来|下不下来|下载不[了下]|下不了", "下载失败"),
        (r"变长了?|长了|延长了", "延长"),
        (r"(?:就)?算(?:是)?(?:好|成功)了?", "成功"),
        # whether it worked, asked (guide 2.3's title: 是否成功)
        (r"成没成|成没有|成不成功|成功(?:了)?没有?|有没有成功|成功与否", "是否成功"),
        (r"(?:什么|啥)时候(?:到期|过期)|哪天(?:到期|过期)", "有效期"),
        (r"到期作废|作废|失效|过了有效期|已经?到期|到期了", "过期"),
        (r"到期时间|到期日期?|截止日期|过期时间|到期|日期|日子", "有效期"),
        (r"电话号码?|手机号码?", "手机"),
        (r"互联网", "外网"),  # the guide says both ("外网电脑", "互联网电脑")
        (r"(?<=[内外]网)机", "电脑"),  # "外网机" is clerks' 外网电脑 (heard, 网机 is 忘记)
        (r"要?等多久|要多长时间|需要多久", "要多久"),
        # a term in years, not the time left
        (r"(?:能|可以)用(?:多少|几)年|管(?:多少|几)年|有效(?:多少|几)年", "有效期多长"),
        # a laptop closed or asleep while the certificate downloads is one without power (guide 2.2 ⑧)
        (r"停电|掉电|没电|(?:把)?(?:笔记本|电脑)?(?:合上|合盖)(?:笔记本|电脑)?", "断电"),
        (
            r"\blet (?:the |my )?(?:laptop|computer|pc) (?:go to )?sleep\b"
            r"|\b(?:clos(?:e|ed|ing)|shut) (?:the |my )?(?:laptop|lid)\b"
            r"|\b(?:laptop|computer|pc) (?:goes|going|went) to sleep\b|\bpower (?:cut|outage|failure)\b",
            " cut power ",  # the same in English
        ),
        (
            r"\bpull(?:ed|ing|s)? (?:the |my )?\s*ukey\s+out\b|\bpull(?:ed|ing|s)? out (?:the |my )?(?=\s*ukey)",
            " unplug ",  # pulling the key out is unplugging it
        ),
        (r"(?:是)?[干做](?:什么|啥|嘛)(?:用的?|的)|有什么用|作用|用途", "功能"),
        (r"无权限|没有?权限|权限不足", "无权限"),
        (r"(?:好几|好多|很多|太多|几|多)[次回遍]", "多次"),
        (r"\b(?:attempts?|tries|tried|times)\b", "tries"),
        (r"\brecogni[sz]\w*", "recognise"),  # recognised, recognizes: one word
        (r"\bsucc(?:ess(?:ful(?:ly)?)?|eed(?:s|ed)?)\b", "succeed"),  # one word however it ends
        # a captcha that fails is the unlock page's 验证码错误 (guide 3.10 ③), a message shown
        (
            r"\b(captcha|verification code)\s+(?:keeps\s+|is\s+|was\s+)?"
            r"(?:failing|fails|failed|rejected|not accepted)\b",
            r"\1 wrong",
        ),
        (r"\bextend(?:ing|ed)?(?=\s+(?:the\s+)?(?:u?key|certificate|cert|validity|expiry))", "renewing"),
        # the date as it was (3.9 case 1); a password unchanged is no date
        (
            r"\b(expiry|validity|dates?)\s+(?:is |was |stays |remains |still )?(?:unchanged|the same as before)\b",
            r"\1 did not change",
        ),
        (r"\b(organi|authori)z", r"\1s"),  # American spellings: organization, authorization
        # IT staff's words for a page or a program that does not move on, for a control that cannot be used, for a
        # password not taken: one word each, as the guide's entries say it
        (r"\b(?:hangs?|hung|hanging|stuck|spinning|spins|frozen|freez\w*|keeps? (?:loading|spinning))\b", "stuck"),
        (
            r"\b(?:gr[ae]yed[- ]out|gr[ae]y(?:ed)?|disabled|unclickable"
            r"|(?:can't|cannot|can not) (?:be )?click(?:ed)?)\b",
            "greyed",
        ),
        (r"(?:(?<=password)|(?<=密码))\s+(?:is |was |gets |got )?(?:rejected|refused|not accepted)\b", " wrong"),
        # a password set longer than 8 (guide 3.9 case 3: 6–8, the first 8 are the password); "rejecting it" is wrong
        (
            r"\b(?:9|[1-9]\d|nine|ten|eleven|twelve)[- ]?(?:char(?:acter)?s?|digits?)(?=\s*(?:password|密码))",
            " too long ",
        ),
        (r"\b(?:keeps? |kept )?reject(?:s|ed|ing)? (?:it|them)\b", " wrong"),
        (r"校验码|验证码", "验证码 "),  # a word of its own: "验证码错误" shares no "码错" with "密码错误"
    )
]


def normalise(text: str) -> str:
    """``text`` folded (NFKC, lower case) and in the guide's words."""
    text = unicodedata.normalize("NFKC", text).lower()
    for pattern, word in _REWRITES:
        text = pattern.sub(word, text)
    return text
