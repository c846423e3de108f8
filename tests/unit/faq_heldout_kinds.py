"""Held out, by kind of question: what clerks type or paste, each with the
entry that answers it, or ``None`` where the right answer is "没有找到相符的问题"
and the guide 3.12 contacts. Written from the guide (sections cited) and from
how clerks talk, before any of the search's synonyms, pinyin, English or
error codes were added, and never tuned on: its figures are in
docs/performance.md, the first one untouched.

Pasted error codes are BJCA's and GM/T 0016's (resources/bjca_errors.toml
names its sources); the browsers' messages are Chrome's and 360's own words.
"""

HELD_OUT_KINDS: dict[str, list[tuple[str, str | None]]] = {
    # How clerks say it on the phone (guide chapter 3).
    "colloquial": [
        ("我那个u盾插电脑上啥反应没有", "3.3"),
        ("助手打开空空的，一个证书也没有", "3.3"),
        ("口令输了好几回都说不对，现在彻底锁了", "3.6"),
        ("key的口令记不得了咋整", "3.6"),
        ("运维给了个授权码，往哪填", "3.6"),
        ("ukey让同事弄丢了咋补", "3.7"),
        ("延期完了有效期咋还是老样子", "3.9-1"),
        ("刚延期好就登不上去了说证书无效", "3.9-2"),
        ("那个确认页面最底下没有下一步", "3.9-5"),
        ("12309登录页点了ukey登录不出来院名", "3.5"),
        ("360那个闪电图标在哪点", "3.4"),
    ],
    # English questions (the English UI's users: IT staff, a clerk whose system speaks English).
    "english": [
        ("the key is plugged in but the certificate assistant shows no certificate", "3.3"),
        ("I forgot my Ukey password", "3.6"),
        ("Ukey PIN locked after too many wrong tries", "3.6"),
        ("where do I download the BJCA certificate assistant", "3.2"),
        ("how to switch 360 browser to compatibility mode", "3.4"),
        ("lost the ukey, how do I get a new one", "3.7"),
        ("certificate validity not updated after renewal", "3.9-1"),
        ("renewal site address", "2.2"),
        ("how do I check when the certificate expires", "2.1"),
        ("captcha wrong", "3.10-3"),
        ("no permission after login", "3.10-7"),
        # added before the FAQ had any English (guide sections cited)
        ("the certificate assistant says no certificate found", "3.3"),  # 3.3
        ("my USB key is not detected by the computer", "3.3"),  # 3.3
        ("what is the default password of the key", "2.2"),  # 2.2 注
        ("the login page does not show our procuratorate name", "3.5"),  # 3.5
        ("my key is broken, how to replace it", "3.7"),  # 3.7
        ("which keys need to be renewed", "1.3"),  # 1.3 注 1
        ("certificate expired more than 30 days ago, can I still renew", "1.3"),  # 1.3 注 2
        ("how long to wait after renewal before logging in", "2.3"),  # 2.3
        ("the next button is missing on the confirmation page", "3.9-5"),  # 3.9
        ("who do I call for help with the Ukey", "3.12"),  # 3.12
        ("can I use the key on a Kylin computer", "3.1"),  # 3.1
        ("where to enter the unlock code from support", "3.6"),  # 3.6
        # added before the search was tuned on them: short English paraphrases of the site's messages
        # (guide 3.10 报错提示 1–7) and of the 3.9 cases
        ("too many attempts, try again tomorrow", "3.10-2"),  # 3.10 报错提示 2
        ("it says too many failures today", "3.10-2"),  # 3.10 报错提示 2
        ("the verification code is wrong", "3.10-3"),  # 3.10 报错提示 3
        ("says the key is damaged and cannot be renewed", "3.10-1"),  # 3.10 报错提示 1
        ("told to shut down the computer and wait", "3.10-4"),  # 3.10 报错提示 4
        ("your certificate has been revoked", "3.10-5"),  # 3.10 报错提示 5
        ("certificate is not a user of this system", "3.10-5"),  # 3.10 报错提示 5
        ("no user associated with the certificate", "3.10-6"),  # 3.10 报错提示 6
        ("access denied, no permission", "3.10-7"),  # 3.10 报错提示 7
        ("invalid certificate after renewal", "3.9-2"),  # 3.9 情况 2
        ("wrong password after renewing", "3.9-3"),  # 3.9 情况 3
        ("still locked after unlocking", "3.9-4"),  # 3.9 情况 4
        ("the page says to use IE", "3.8"),  # 3.8
    ],
    # Pinyin and typos of the same sound or look.
    "pinyin_typos": [
        ("ukey mima wang le", "3.6"),
        ("mima suo le", "3.6"),
        ("zhengshu zhushou meiyou zhengshu", "3.3"),
        ("yanqi wangzhi", "2.2"),
        ("确认页面没有下一布按纽", "3.9-5"),
        ("证数助手里没有证数", "3.3"),
        ("密马忘了", "3.6"),
        ("兼融模式怎么切", "3.4"),
        ("验正码错误", "3.10-3"),
        ("有效其怎么看", "2.1"),
        # added before the search knew any pinyin or sound-alike typos
        ("zhengshu zhushou zai nali xiazai", "3.2"),
        ("ukey chashang mei fanying", "3.3"),
        ("jianrong moshi zenme qiehuan", "3.4"),
        ("yanzhengma cuowu", "3.10-3"),
        ("ukey diu le zenme buban", "3.7"),
        ("ukey密码suo le", "3.6"),
        ("证书助手按装失败", "3.2"),
        ("延其以后有效期没变", "3.9-1"),
        ("ukey丢失了怎么补半", "3.7"),
        ("证书过期超过三十天了还能延其吗", "1.3"),
        ("登陆平台时没有检查院名称", "3.5"),
        ("授全码在哪里输", "3.6"),
        # added before the search knew any look-alike typo (形近字: 肋/助, 拨/拔, 试/式, 琐/锁, 扭/钮, 校/效)
        ("证书肋手在哪下载", "3.2"),  # 3.2
        ("有效期没更新，要插拨一下ukey吗", "3.9-1"),  # 3.9 情况 1
        ("兼容模试怎么打开", "3.4"),  # 3.4
        ("ukey密码锁了怎么解琐", "3.6"),  # 3.6
        ("解锁时下一步按扭不见了", "3.9-5"),  # 3.9 情况 5
        ("延期后登录提示证书无校", "3.9-2"),  # 3.9 情况 2
    ],
    # Pasted messages: BJCA's codes and texts, the browsers', the sites' (guide 3.10).
    "pasted_errors": [
        ("错误码：0x0B000001 校验证书口令失败!", "3.6"),
        ("0x0A000025", "3.6"),
        ("SOF_Login 失败，错误码 167772196", "3.6"),
        ("提示 0x0b00002e 指定设备不存在！", "3.3"),
        ("0A000023 设备已移除", "3.3"),
        ("证书未发现", "3.3"),
        ("此网站的安全证书有问题", "3.4"),
        ("无法显示此页", "2.2"),
        ("ERR_CONNECTION_REFUSED", "2.2"),
        ("NET::ERR_CERT_DATE_INVALID", "3.4"),
        ("您的证书已被吊销，不能进行在线更新", "3.10-5"),
        ("未查询到与证书关联的用户", "3.10-6"),
        # added before the search was tuned on any of them: codes inside longer texts, hex with and
        # without 0x or padding, decimal; the site's messages (guide 3.10); browsers'; the assistant's
        ("证书助手提示：操作失败，错误码0x0A00001B", "3.3"),  # SKF 密钥未发现
        ("error code: 0xa000024", "3.6"),  # SKF PIN不正确
        ("登录失败(错误号:184549422)", "3.3"),  # 0x0B00002E 指定设备不存在
        ("返回值 0B0000A9 导入签名证书失败", "3.10-1"),  # public key mismatch: the key cannot take the certificate
        ("解锁时提示 0x0B00001C 解锁用户口令失败!", "3.9-4"),  # guide 3.9 情况 4
        ("SKF_VerifyPIN returned 0A000026", "3.6"),  # SKF PIN无效
        ("错误：0x0A000010 输入数据长度错误", "3.12"),  # internal: ask IT staff, code explained
        ("错误码167772197", "3.6"),  # 0x0A000025 PIN被锁死
        ("您的证书非本系统用户，不能登录当前系统", "3.10-5"),  # guide 3.10 报错提示 5
        ("今日操作失败次数过多，请明日再试", "3.10-2"),  # guide 3.10 报错提示 2
        ("验证码错误，请重新输入", "3.10-3"),  # guide 3.10 报错提示 3
        ("登录12309提示：无权限", "3.10-7"),  # guide 3.10 报错提示 7
        ("无法访问此网站 ca.12309.gov.cn 拒绝了我们的连接请求。ERR_CONNECTION_REFUSED", "2.2"),
        ("NET::ERR_CERT_AUTHORITY_INVALID 您的连接不是私密连接", "3.4"),
        ("证书助手显示：证书未发现", "3.3"),
        ("弹窗：指定设备不存在！错误码：0x0B00002E", "3.3"),
        ("一直显示正在解锁中", "3.4"),  # guide 3.6 ⑦: 正在解锁中 is the browser's fault, see 3.4
        # added before the search was tuned on them: a pasted code in a text that says when it happened
        ("延期完登录提示：0x0B000001 校验证书口令失败!", "3.9-3"),  # 3.9 情况 3
        ("延期后登录报错 PIN不正确 0x0A000024", "3.9-3"),  # 3.9 情况 3
        ("解锁之后登录还是提示 0x0A000025 PIN被锁死", "3.9-4"),  # 3.9 情况 4
        ("页面提示：请使用IE浏览器访问本页面", "3.8"),  # 3.8
        ("弹出：当前浏览器不支持，请使用IE浏览器", "3.8"),  # 3.8
    ],
    # The rules of chapters 1–2.
    "rules": [
        ("默认密码是多少", "2.2"),
        ("新密码要设几位", "3.6"),  # 6–8 位 is guide 3.6 ⑥ (and 3.9 情况 3); 2.2 ⑥ gives no length (was 2.2)
        ("过期超过30天还能延期吗", "1.3"),
        ("只有一把蓝色的key要延期吗", "1.3"),
        ("延期后多久生效", "2.1"),  # was 2.3: taking effect 15 minutes after is guide 2.1's note; 2.3 ③ checks it
        ("下载证书的时候能拔key吗", "2.2"),
        ("有效期要记下来吗", "2.1"),
        ("信访ukey是哪个部门的", "1.2"),
        ("延期网址要手敲吗", "2.2"),
        ("延期前要先把发布工作做完吗", "1.1"),  # guide 1.1 温馨提示 (labelled 2.2 while 1.1 had no entry)
        # added before the search was tuned on any of them
        ("延期的操作一共几个步骤", "1.1"),  # 1.1
        ("有效期还有好几年也要延期吗", "2.1"),  # 2.1 注
        ("下载证书大概要多长时间", "2.2"),  # 2.2 ⑧
        ("延期成功后怎么验证", "2.3"),  # 2.3
        ("没有红色的ukey只有银色的还要弄吗", "1.3"),  # 1.3 注 1
        ("延期用什么浏览器", "2.2"),  # 2.2 ①
        ("延期后登录前要先关浏览器吗", "2.3"),  # 2.3 (3)
    ],
    # Not the guide's: these must get no entry, whatever guide word they contain.
    "off_topic": [
        ("扫描仪驱动怎么装", None),
        ("360总是弹广告怎么关", None),
        ("检察业务应用系统2.0登录不上去", None),
        ("工商银行的U盾插上没反应", None),
        ("农行k宝密码忘了", None),
        ("邮箱密码忘了怎么办", None),
        ("12309网站上群众来信怎么回复", None),
        ("检察院内网打不开", None),
        ("360杀毒要不要卸载", None),
        ("打印机驱动怎么安装", None),
        ("办公系统密码忘了", None),
        # added before the search was tuned on any of them
        ("电脑蓝屏了怎么办", None),
        ("单位的wifi密码是多少", None),
        ("12309检察服务中心的律师预约怎么操作", None),
        ("个税app密码忘了", None),
        ("微信登录不上去", None),
        ("检察院年终总结怎么写", None),
        ("电子签章的印章图片怎么换", None),
        # added before the search was tuned on them: another system's key, certificate or account, the
        # computer itself, a browser setting the guide does not cover
        ("税控盘的证书过期了怎么办", None),
        ("开票软件的ukey密码忘了", None),
        ("金税盘锁死了怎么解锁", None),
        ("电子税务局的CA证书怎么续期", None),
        ("社保ukey密码锁了", None),
        ("CFCA的数字证书到期了", None),
        ("电脑开机密码忘了", None),
        ("怎么修改电脑锁屏密码", None),
        ("怎么把360设为默认浏览器", None),
        ("杀毒软件一直弹警告", None),
        ("浏览器收藏夹怎么导出", None),
        ("内网OA账号被锁了", None),
        ("my computer's login password expired", None),
        ("how to set Chrome as the default browser", None),
    ],
}

# Written from the guide alone, by someone who had not seen the search, its data or the other batches'
# misses; never tuned on. Measured on the search before its rule for other subjects (first place:
# colloquial 8/8, English 7/8, pinyin/typos 8/8, pasted 6/8, rules 7/8; off-topic 3/8 unanswered), then
# with it: 8/8, 8/8, 8/8, 7/8, 7/8 and 8/8 unanswered (docs/performance.md, batch 5).
BLIND: dict[str, list[tuple[str, str | None]]] = {
    # How clerks say it on the phone (guide chapter 3).
    "colloquial": [
        (
            "刚换的电脑，头一回用这个key登录，要先弄啥",
            "3.1",
        ),  # guide 3.1 (first use: Windows PC, install assistant, log in)
        ("我们科是国产系统的信创机，插红key能用不", "3.1"),  # guide 3.1 1、注 (信创/国产系统不适用红色 Ukey)
        ("桌面上找不着那个证书助手，上哪儿下", "3.2"),  # guide 3.2 (download address / via Ukey 登录 page)
        ("切成兼容模式以后页面上连个输密码的框都没有", "3.8"),  # guide 3.8 a (兼容模式打开界面无输入框)
        ("它老让我换IE打开，换了IE也弄不成", "3.8"),  # guide 3.8 c, f (提示需要用 IE 打开，IE 仍不成功 → 换电脑)
        ("延期刚弄完，登录老说密码不对，我输的就是新设的啊", "3.9-3"),  # guide 3.9 情况 3 b
        ("key摔坏了，得寄哪儿去换新的", "3.7"),  # guide 3.7 损坏情况 (邮寄至最高检技术信息研究中心)
        ("申请函里要写组织机构代码，那个六位数上哪儿查", "3.7"),  # guide 3.7 注 2 ①–⑤
    ],
    # English questions (IT staff or an English-speaking clerk).
    "english": [
        (
            "The assistant still shows no certificate, even after a reboot and trying another USB port",
            "3.3",
        ),  # guide 3.3 ②③
        (
            "The unlock request says the name and phone number are wrong, what now?",
            "3.6",
        ),  # guide 3.6 3) (name/phone wrong → WeChat ops with cert info)
        (
            "Certificate shows in the assistant but Ukey login to the 12309 platform still fails, "
            "I already cleared the cache",
            "3.5",
        ),  # guide 3.5 (title in TOC; steps 1–5)
        ("The renewal page keeps telling me to open it in Internet Explorer", "3.8"),  # guide 3.8 c, f
        (
            "Right after renewing, the site says the certificate is invalid",
            "3.9-2",
        ),  # guide 3.9 情况 2 (wait 15 minutes)
        (
            "I set a 10-character password when unlocking and now login says wrong password",
            "3.9-3",
        ),  # guide 3.9 情况 3 a (first 8 characters are the password)
        ("Error says too many attempts, try again tomorrow", "3.10-2"),  # guide 3.10 报错提示 2 (明日再试)
        ("What must the application letter for a replacement key contain?", "3.7"),  # guide 3.7 申请函需写清楚以下内容
    ],
    # Pinyin whole or mixed, same-sound typos, look-alike typos.
    "pinyin_typos": [
        ("yanqi hou denglu tishi zhengshu wuxiao", "3.9-2"),  # guide 3.9 情况 2 (pinyin)
        ("jiesuo shi xiayibu anniu bu xianshi", "3.9-5"),  # guide 3.9 情况 5 (pinyin)
        ("ukey huai le zenme huan xin de", "3.7"),  # guide 3.7 损坏情况 (pinyin)
        ("360浏览器jianrong moshi在哪里切", "3.4"),  # guide 3.4 (mixed pinyin/characters)
        ("登录平台提示没有权线", "3.10-7"),  # guide 3.10 报错提示 7 (权线 = 权限, same sound)
        ("正书助手打开了没显示正书信息", "3.3"),  # guide 3.3 (正书 = 证书, same sound)
        ("证书已被吊消，不能进行在线更新", "3.10-5"),  # guide 3.10 报错提示 5 (吊消 = 吊销, same sound + look-alike)
        ("解锁后的新密码要设儿位", "3.6"),  # guide 3.6 6) 密码长度为 6-8 位 (儿 = 几, look-alike)
    ],
    # Pasted error texts.
    "pasted_errors": [
        (
            "登录12309中国检察网管理平台时弹出：未查询到与证书关联的用户，请联系管理员。",
            "3.10-6",
        ),  # guide 3.10 报错提示 6
        (
            "此网站的安全证书有问题。该网站出具的安全证书不是由受信任的证书颁发机构颁发的。建议关闭此网页，并且不要继续浏览该网站。",
            "3.4",
        ),  # not quoted by the guide; renewal site must be opened in 360 兼容模式 (guide 2.2 2), how-to in 3.4
        (
            "Internet Explorer 无法显示该网页  https://ca.12309.gov.cn:8080/txxuserweb  最可能的原因是："
            "未连接到 Internet；该网站遇到了问题；在键入地址时可能存在错误。",
            "2.2",
        ),  # guide 2.2 1) 注 (复制地址，手敲常见错误: https/冒号/拼写); 2.2 spells txxuserweb, 3.4/3.6 xtxuserweb
        (
            "延期完登录12309，提示：操作失败 错误码:0x0A000024 PIN码错误，剩余重试次数4次",
            "3.9-3",
        ),  # wrong PIN after renewal = guide 3.9 情况 3 b
        (
            "更新数字证书点登录后弹框：校验用户口令失败(0x0A000025)，PIN已锁死，请联系管理员解锁",
            "3.6",
        ),  # locked PIN on the renewal site: guide 2.2 3) 注 → 3.6 重置密码
        (
            "BJCA证书助手：证书未发现，请确认USB Key已正确插入（0x0B00002E 指定设备不存在）",
            "3.3",
        ),  # assistant finds no cert/device: guide 3.3 排查步骤
        (
            "提示：为保证正常使用，请使用IE浏览器访问本页面！",
            "3.8",
        ),  # guide 3.8 c (输入密码后界面提示需要用 IE 浏览器打开)
        ("Ukey解锁后再登录管理平台，提示“用户密码已锁定，请联系管理员”", "3.9-4"),  # guide 3.9 情况 4
    ],
    # Chapters 1–2 rules.
    "rules": [
        ("代表委员联络那把key一般归哪个部门", "1.2"),  # guide 1.2 table row 4 (办公室)
        (
            "证书已经过期十来天了，现在延还来得及吗",
            "1.3",
        ),  # guide 1.3 注 2 (失效超过 30 天则无法延期; 10 days is within)
        ("延期页面的联系人填谁，填领导还是填平时拿key的人", "2.2"),  # guide 2.2 4) (当前持有 Ukey 人员，用于日后解锁)
        ("先看有效期还是先上延期网站，顺序是怎样的", "1.1"),  # guide 1.1 (步骤一/二/三)
        ("弄完延期马上去登平台行不行，还是得等一会儿", "2.3"),  # guide 2.3 (3) (15 分钟后，先关浏览器再登录验证)
        ("延期完成后要不要把key拔下来重新插一下再看有效期", "2.3"),  # guide 2.3 1) 2)
        ("下载证书那一两分钟能不能断网或者关机", "2.2"),  # guide 2.2 8) (约 2 分钟，不要断电断网，勿插拔)
        ("延期之前为啥要把原来的有效期自己记下来", "2.1"),  # guide 2.1 2) (用于升级完成后的有效期比对)
    ],
    # Not covered by the guide: must get no entry.
    "off_topic": [
        (
            "12309中国检察网上的法律文书公开具体怎么发布",
            None,
        ),  # guide 1.2 only names 法律文书公开 as a key's permission, never how to publish
        ("360安全浏览器怎么设置成默认浏览器", None),  # guide 3.4 covers only 兼容模式 switching
        ("办公电脑开机密码忘了怎么办", None),  # guide 3.6 is the Ukey password only
        ("个税申报用的CA证书过期了怎么续", None),  # other CA certificate, not the 12309 Ukey
        (
            "检察内网统一身份认证的账号被锁了找谁解",
            None,
        ),  # intranet account; guide 3.12 contacts are for the 12309 Ukey/platform only
        ("360安全卫士报毒了要不要隔离", None),  # antivirus, not in the guide
        ("12309热线打进来的群众咨询怎么登记", None),  # platform business work, not in the guide
        ("税务ukey开发票时提示要先抄报税", None),  # tax Ukey, not the BJCA 12309 Ukey
    ],
}

for _kind, _questions in BLIND.items():
    HELD_OUT_KINDS[_kind] += _questions

# Batch 6, written before the rule for other subjects became categories in data, and never tuned on:
# another subject that shares the guide's words (other CAs and their certificates, other apps and platforms,
# office devices, the computer's own settings) must get nothing; questions of the guide's own that name such
# things in passing (WeChat as the support staff's contact, BJCA as the assistant's maker, an office
# computer, a laptop) must keep their entry; more chapter 1–2 rules. First figures, on the search before
# that change: colloquial 4/4 first, English 2/3 (top 3 3/3), pinyin/typos 2/2, pasted 1/2 (2/2), rules 4/6
# (5/6); off-topic 10/20 unanswered.
BATCH_6: dict[str, list[tuple[str, str | None]]] = {
    "colloquial": [
        ("运维那个微信号是多少，我加一下", "3.12"),  # guide 3.12 (微信及电话同号)
        ("办公室电脑上插了key，证书助手里啥也没有", "3.3"),  # guide 3.3
        ("平台进去了但是说账号没权限，找哪个运维", "3.10-7"),  # guide 3.10 报错提示 7 / 3.12 平台运维
        ("笔记本上装了证书助手，key一插还是没反应", "3.3"),  # guide 3.3
    ],
    "english": [
        ("what is the WeChat number of the Ukey support staff", "3.12"),  # guide 3.12
        ("the BJCA assistant on the office computer shows no certificate", "3.3"),  # guide 3.3
        ("the renewal page in 360 browser says to use IE only", "3.8"),  # guide 3.8 c
    ],
    "pinyin_typos": [
        ("yunwei weixin hao shi duoshao", "3.12"),  # guide 3.12
        ("BJCA正书助手在哪下载", "3.2"),  # guide 3.2 (正书 = 证书)
    ],
    "pasted_errors": [
        ("本系统仅支持IE浏览器", "3.8"),  # guide 3.8 c (界面提示需要用 IE 浏览器打开)
        ("提示：本系统仅支持IE8及以上版本浏览器，请更换浏览器", "3.8"),  # guide 3.8 c
    ],
    "rules": [
        ("红色的key和蓝色的key都得延期吗", "1.3"),  # guide 1.3 注 1
        ("每个院一般有几把ukey", "1.2"),  # guide 1.2 (通常有 4 把)
        ("延期的时候密码会被改掉吗", "1.1"),  # guide 1.1 (会对原密码进行修改，请牢记新密码)
        ("延期时联系人手机填错了会怎样", "2.2"),  # guide 2.2 4)–5) (信息有误请刷新界面，重新延期)
        ("证书延期后能用多少年", "2.2"),  # guide 2.2 5) 图 5 (新证书有效期)
        ("延期完了怎么确认成功没有", "2.3"),  # guide 2.3
    ],
    "off_topic": [
        # other CAs and their certificates
        ("天威诚信的证书过期了怎么续", None),
        ("CFCA证书下载失败怎么办", None),
        ("上海CA的ukey密码锁了", None),
        ("广东CA的数字证书怎么延期", None),
        ("the CFCA certificate on my key expired", None),
        # other apps and platforms
        ("学习强国登录不上去", None),
        ("政务外网的CA证书怎么安装", None),
        ("统一业务应用系统的ukey密码忘了", None),
        ("案件系统登录失败怎么办", None),
        ("钉钉打卡提示没有权限", None),
        ("微信支付密码忘了", None),
        ("xuexi qiangguo denglu bu shang", None),
        # office devices
        ("打卡机的管理员密码是多少", None),
        ("高拍仪插上电脑没反应", None),
        ("扫描仪识别不到", None),
        ("the printer is not detected by the computer", None),
        # the computer's own settings
        ("电脑的时间不对怎么改", None),
        ("电脑屏幕分辨率怎么调", None),
        ("输入法怎么切换成五笔", None),
        ("how do I change the computer's date and time", None),
    ],
}

for _kind, _questions in BATCH_6.items():
    HELD_OUT_KINDS[_kind] += _questions

# Batch 7, written from the guide alone by someone who never saw the search, its data or the earlier batches
# (12 questions per kind; the guide's sections in the comments). First figures, measured on the search before
# and after the tuning for batch 6 alike: colloquial 10/12 first, English 10/12, pinyin/typos 12/12, pasted
# 10/12, rules 9/12 (top 3 11/12 before, 10/12 after); off-topic 11/12 rightly unanswered.
BATCH_7: dict[str, list[tuple[str, str | None]]] = {
    "colloquial": [
        ("喂，我们科室新领了台电脑，这台以前从没插过那个红key，想登12309管理平台得先装点啥？", "3.1"),
        # guide 3.1 (first time a computer is used with the Ukey: check Windows + red key, install assistant, log in)
        ("那个证书助手点开了是空的，一条证书都没有，key也插着呢，灯也亮", "3.3"),
        # guide 3.3 (assistant opens but shows no certificate information; troubleshooting steps ①-⑥)
        ("你说的那个兼容模式在哪儿调啊？我这360浏览器右上角一堆图标，找不着", "3.4"),
        # guide 3.4 (how to switch 360 browser to compatibility mode via the lightning icon)
        ("平台登录页我点了Ukey登录，那块本来应该出我们院名字的，现在啥也没有，就登不上去", "3.5"),
        # guide 3.5 (UKey login does not show the procuratorate name, cannot log in)
        ("密码我试了好几遍都不对，现在直接说锁住了，这咋整，得找谁给解开", "3.6"),
        # guide 3.6 (forgotten/locked password: unlock request, ops approval, unlock authorization code)
        ("我们那把信访的key翻遍了也找不着，八成是丢了，要重新办一个走什么流程", "3.7"),
        # guide 3.7 (lost Ukey: application letter to the SPP counterpart department)
        ("兼容模式打开没有输密码的框，换极速模式框出来了，输完密码又叫我用IE，IE也弄不成，来回绕圈子", "3.8"),
        # guide 3.8 (complex case: no input box in compat, IE prompt, IE fails -> change computer)
        ("都按步骤弄完了，下载也说成功了，可证书助手里显示的到期日子还是原来那个", "3.9-1"),
        # guide 3.9 情况1 (validity not updated -> unplug/replug and check again)
        ("刚延完期我就赶紧去登录，它说证书无效，是不是我给弄坏了？", "3.9-2"),
        # guide 3.9 情况2 (invalid certificate right after renewal -> wait 15 minutes)
        ("解锁的时候我设了个挺长的新密码，十来位吧，现在登录老说密码不对", "3.9-3"),
        # guide 3.9 情况3 a (after changing password: only the first 8 characters are valid)
        ("信息提交了，到了核对信息那一页，页面底下就到头了，没看见下一步", "3.9-5"),
        # guide 3.9 情况5 + 2.2 5) (no 下一步 button: drag-select last line or zoom to 75%)
        ("指南上那个Ukey运维的电话是多少？我想让他QQ远程帮我看一眼", "3.12"),
        # guide 3.12 (other problems: Ukey ops contacts with QQ for remote help)
    ],
    "english": [
        (
            "Where can I download the BJCA certificate assistant? It isn't "
            "installed on this PC and there's no icon on the desktop.",
            "3.2",
        ),
        # guide 3.2 (download links zszs.zip / via the Ukey login page, then run the installer)
        (
            "The red key is plugged in but the BJCA assistant window is "
            "empty, no certificate listed. Already tried another USB port.",
            "3.3",
        ),
        # guide 3.3 ② onward (no certificate shown; next: reboot, reinstall, other PC, then ops)
        ("How do I make 360 Secure Browser use the IE engine (compatibility mode)?", "3.4"),
        # guide 3.4 (switching 360 browser to compatibility mode)
        (
            "On login.12309.gov.cn, when I choose UKey login, the "
            "procuratorate name field stays blank and I can't sign in.",
            "3.5",
        ),
        # guide 3.5 (UKey login shows no procuratorate name: check key, compat mode, reinstall, clear cache, power off)
        (
            "A clerk forgot the Ukey PIN. How do we reset it, and where does the unlock authorization code come from?",
            "3.6",
        ),
        # guide 3.6 (unlock request, ops approve and issue 解锁授权码, set new 6-8 char letters+digits password)
        ("Our key got snapped in half. What's the replacement procedure and where do we send the broken one?", "3.7"),
        # guide 3.7 (damaged key + application letter sent to SPP technical information research center)
        ("First time using the red key and this machine runs Kylin (a domestic Xinchuang OS). Will it work?", "3.1"),
        # guide 3.1 1 note (Xinchuang / domestic OS not supported for red key; use a Windows internet PC)
        ("Renewal finished fine, but the assistant still shows the old expiry date. Did it fail?", "3.9-1"),
        # guide 3.9 情况1 (unplug and replug, check validity again)
        (
            "The confirmation page after submitting contact info has no 'Next' button at all; screen zoom is 125%.",
            "3.9-5",
        ),
        # guide 3.9 情况5 (no 下一步 button: drag-select, or browser zoom 75%)
        ("We unlocked the key on the CA site, but the platform login still says the password is locked.", "3.9-4"),
        # guide 3.9 情况4 (unlock likely failed; redo in compatibility mode)
        (
            "After logging in with the Ukey, some sections of the platform are "
            "missing for our account. Who handles account permission issues?",
            "3.12",
        ),
        # guide 3.12 last paragraph (site usage / account permission problems -> platform ops 工作号)
        ("Which keys actually need this renewal? We have a red one, a blue one and a silver one.", "1.3"),
        # guide 1.3 注1 (only the red Ukey is renewed; blue/silver need nothing)
    ],
    "pinyin_typos": [
        ("zhengshu zhushou dakai yihou meiyou xianshi zhengshu xinxi", "3.3"),
        # guide 3.3 (assistant shows no certificate information)
        ("360浏览器怎么切换建容模式", "3.4"),
        # guide 3.4 (建容 = 兼容; how to switch compatibility mode)
        ("ukey mima wangji le zenme chongzhi", "3.6"),
        # guide 3.6 (forgot / reset Ukey password)
        ("延期后证书游效期没便，还是老的", "3.9-1"),
        # guide 3.9 情况1 (游效期/没便 = 有效期/没变: validity not updated)
        ("核实页面没有下一布按纽", "3.9-5"),
        # guide 3.9 情况5 (下一布按纽 = 下一步按钮 missing)
        ("登陆12309提示无权线 网址后面有一串", "3.10-7"),
        # guide 3.10 报错提示7 (权线 = 权限; retype address without suffix)
        ("ukey diushi le ruhe buban xin de", "3.7"),
        # guide 3.7 (lost key: apply for a new one)
        ("jianrong moshi meiyou shurukuang, jisu moshi you, 输完密码提示用IE打开", "3.8"),
        # guide 3.8 (complex case: no input box in compat mode, IE prompt after password)
        ("BJCA证数助手在哪下栽", "3.2"),
        # guide 3.2 (证数/下栽 = 证书/下载: download the assistant)
        ("延期完登录提示证书无校", "3.9-2"),
        # guide 3.9 情况2 (无校 = 无效 right after renewal -> wait 15 min)
        ("diyici zai xin diannao shang yong ukey denglu 12309", "3.1"),
        # guide 3.1 (first time this computer logs in with the Ukey)
        ("jiesuo hou denglu tishi mima yi suoding", "3.9-4"),
        # guide 3.9 情况4 (after unlock, login says password locked)
    ],
    "pasted_errors": [
        (
            "[2026-12-07 09:14:22] 来自网页的消息\n您的证书非本系统用户，不能登录当前系统\n"
            "[确定]\n我在延期网站点更新数字证书就弹这个",
            "3.10-5",
        ),
        # guide 3.10 报错提示5 (您的证书非本系统用户 on the renewal site)
        ("login.12309.gov.cn 显示：\n未查询到与证书关联的用户\n确定\n——这把是我们院改名前的老key", "3.10-6"),
        # guide 3.10 报错提示6 (no user associated with certificate; old key after name change -> use new key)
        ("无法显示此页\n确保 Web 地址 http://ca.12309.gov.cn：8080/txxuserweb 正确\n我是照着纸上手敲的", "2.2"),
        # guide 2.2 1) 注 (typed address errors: https missing s, Chinese colon -> copy the address)
        (
            "您的连接不是私密连接\nNET::ERR_CERT_AUTHORITY_INVALID\n"
            "ca.12309.gov.cn:8080\n360浏览器极速模式打开延期网站就这样",
            "3.4",
        ),
        # guide 3.4 / 2.2 2) (renewal site should be opened in 360 compatibility mode)
        ("解锁数字证书密码\n正在解锁中……\n（页面一直停在这，等了十分钟）", "3.6"),
        # guide 3.6 7) (正在解锁中 means browser error -> set compatibility mode)
        (
            "BJCA证书应用环境 错误\n错误码：0x0B000001\n用户口令错误，还可以重试 5 次\n"
            "确定\n延期刚做完，用新设的密码登12309就报这个",
            "3.9-3",
        ),
        # guide 3.9 情况3 b (password rejected after renewal -> change password in assistant to 6-8 chars)
        ("错误代码：0x0A000023 未找到USBKey设备，请插入USBKey\n证书助手列表为空", "3.3"),
        # guide 3.3 (assistant/driver cannot see the key or certificate: other port, reboot, reinstall, other PC)
        (
            "2026/12/07 10:02 更新数字证书 证书密码：******\n用户PIN码已被锁定，请联系管理员解锁(0x0B00000C)\n确定",
            "3.6",
        ),
        # guide 2.2 3) 注 -> 3.6 (password locked at renewal login -> reset via 解锁数字证书密码)
        ("登录失败：证书无效，请检查证书\n（延期完成后大概五分钟去登的）", "3.9-2"),
        # guide 3.9 情况2 (certificate invalid right after renewal -> wait 15 minutes)
        (
            "提示：该页面需要使用IE浏览器打开，请更换浏览器后重试。\n兼容模式没输入框，极速模式输完密码出这个，IE里也不行",
            "3.8",
        ),
        # guide 3.8 c-f (IE prompt loop, IE also fails -> change computer)
        ("https://login.12309.gov.cn/portal/index?redirect=%2Fmanage%2Fcase 提示：无权限\n从收藏夹进的", "3.10-7"),
        # guide 3.10 报错提示7 (无权限 -> type login.12309.gov.cn with no suffix)
        ("来自网页的消息：证书已失效超过30天，不能进行在线更新 [确定] 我们这把key去年就到期了", "1.3"),
        # guide 1.3 注2 (expired more than 30 days cannot be renewed)
    ],
    "rules": [
        ("我们院除了红色的，还有蓝色和银色的Ukey，这些也都得延期吗？", "1.3"),
        # guide 1.3 注1 (only the red Ukey; blue/silver need no renewal)
        ("证书过期一个多月了，现在还能自己在网上延期吗？", "1.3"),
        # guide 1.3 注2 (expired over 30 days -> cannot renew)
        ("证书助手里看有效期到2027年呢，这回还用弄延期吗？", "2.1"),
        # guide 2.1 2) 注 (renew regardless of the current expiry year)
        ("延期时候设置的那个新密码，以后登录平台就用它了是吧？", "2.2"),
        # guide 2.2 6) (new password becomes the future login password)
        ("一个院一般有几把这种key？分别在哪些部门手里、管什么板块？", "1.2"),
        # guide 1.2 (allocation table: 案管/信息发布/信访/代表委员联络)
        ("这个延期一共分几步，先干什么后干什么？", "1.1"),
        # guide 1.1 (three steps: check validity, renew, verify)
        ("点了下载证书以后大概要等多久？中间能不能把key拔下来换个口？", "2.2"),
        # guide 2.2 8) (about 2 minutes; no power/network loss, don't unplug)
        ("延期做完了，怎么确认到底成没成功？", "2.3"),
        # guide 2.3 (replug, check validity in assistant, after 15 min reopen browser and log in)
        ("延期前要不要先把手头待发布的信息发完？怕弄到一半登不上", "1.1"),
        # guide 1.1 温馨提示 (finish publishing work before renewing)
        ("更新证书那页要填持key人的姓名和手机，这个填了有啥用，该填谁的？", "2.2"),
        # guide 2.2 4) (current holder's info, used later for unlock)
        ("开始延期前是不是得先把现在的有效期记下来？在哪看", "2.1"),
        # guide 2.1 2) (record current validity from the assistant for later comparison)
        ("这把红key是登哪个网站用的？内网机还是外网机？", "1.3"),
        # guide 1.3 (internet Ukey for 12309 中国检察网管理平台 login.12309.gov.cn)
    ],
    "off_topic": [
        ("工行网银U盾的证书快过期了，怎么在线更新？", None),
        # not in guide (bank U盾, other CA)
        ("电子税务局的税务UKey密码输错锁了，怎么解锁？", None),
        # not in guide (tax UKey, other system)
        ("检察业务应用系统2.0的登录密码忘了，找谁重置？", None),
        # not in guide (2.0 system only mentioned for org code, not its password)
        ("360安全浏览器老是弹广告和新闻窗口，怎么关掉？", None),
        # not in guide (browser ads)
        ("电脑开机密码忘了，进不去Windows桌面怎么办", None),
        # not in guide (computer's own login)
        ("我们院门户网站的SSL证书快过期了，去哪儿续费？", None),
        # not in guide (server SSL cert)
        ("12309检察服务热线群众打进来咨询，怎么转到控申部门？", None),
        # not in guide (hotline call routing)
        ("How do I renew the Let's Encrypt certificate on our nginx server before it expires?", None),
        # not in guide (web server certificate)
        ("单位的电子营业执照在哪下载？要不要插key？", None),
        # not in guide (business license e-cert)
        ("办公室打印机面板显示已锁定，打不了东西", None),
        # not in guide (office device)
        ("我的身份证下个月过期了，在哪换？", None),
        # not in guide (personal matter)
        ("Chrome says my saved passwords were found in a data breach. How do I change them all?", None),
        # not in guide (browser password manager)
    ],
}

for _kind, _questions in BATCH_7.items():
    HELD_OUT_KINDS[_kind] += _questions

# Batch 8, written from the guide alone by someone who never saw the search, its data or the earlier batches
# (12 questions per kind; the guide's sections in the comments). First figures, on the search before batch 6's tuning
# and after the tuning for batch 7: colloquial 11/12 → 11/12 first, English 11/12 → 11/12, pinyin/typos 12/12 → 12/12,
# pasted 10/12 → 10/12, rules 10/12 → 11/12; off-topic 7/12 → 8/12 rightly unanswered.
BATCH_8: dict[str, list[tuple[str, str | None]]] = {
    "colloquial": [
        ("喂，你好，我这边key插上了，桌面那个证书助手点开一片空白，啥证书都没有，咋整？", "3.3"),
        # guide 3.3 (助手打开后未显示证书信息; troubleshooting ①-⑥)
        ("那个能远程帮我们弄的技术，QQ号是多少来着？", "3.12"),
        # guide 3.12 (运维人员表: 朱岩 QQ 可远程)
        ("填完名字手机点了提交，到核对信息那页了，可是页面最底下什么按钮都没有，往下也翻不动，卡这儿了", "3.9-5"),
        # guide 2.2 5) says 若无"下一步"按钮 see 3.9; 3.9 情况5 (drag-select last line / zoom 75%)
        ("我们院新配的电脑是那种国产的麒麟系统，以前没在这台上用过key，红色那个能直接插上登12309吗", "3.1"),
        # guide 3.1 1、注 (信创/国产系统不适用红色 Ukey, 换 Windows 互联网电脑)
        (
            "是这样的，这把key之前是小王在管，他调走了，现在密码输错锁住了，我去解锁那个页面填姓名手机，填我"
            "自己的不行，填小王的也不对，可能当时随便填的吧，那我现在还有办法吗？",
            "3.6",
        ),
        # guide 3.6 3) (解锁申请姓名/手机不正确 -> 加运维微信并提供证书信息)
        ("key让人给踩了，壳都裂了插上没反应，对了密码我也记不清了，先弄哪个？新key要寄到哪儿申请啊", "3.7"),
        # guide 3.7 (损坏: 寄已损坏 Ukey+申请函至最高检技术信息研究中心); damage comes first, password is moot
        ("12309那个页面我点了Ukey登录，可下边本来该显示我们院名字的地方是空的，根本点不了登录", "3.5"),
        # guide 3.5 (选择"UKey 登录"未显示检察院名称)
        ("刚弄完延期，马上去登了一下，它说证书无效，是不是白弄了啊？", "3.9-2"),
        # guide 3.9 情况2 (延期后提示证书无效 -> 等15分钟)
        ("延期那边都显示下载成功了，可我打开助手一看，到期日还是原来那个，一点没变", "3.9-1"),
        # guide 3.9 情况1 (有效期显示未更新 -> 插拔 Ukey 再看)
        ("解锁的时候我设了个挺长的新密码，十来位吧，现在登录老是说密码不对，我确定没输错", "3.9-3"),
        # guide 3.9 情况3 a (修改密码后提示密码不对 -> 新密码前8位为正确密码)
        (
            "我跟你说啊，360兼容模式打开那个延期页面，没地方输密码，我就换成极速的，框出来了，输完密码它又弹"
            "让我用IE，我去IE里弄也不行，清了缓存重来还是这样，折腾一上午了，到底怎么办？",
            "3.8",
        ),
        # guide 3.8 a-f (复杂情况 -> 换电脑装证书助手再延期)
        ("360浏览器地址栏边上那个小闪电在哪儿点啊，兼容模式我找不着", "3.4"),
        # guide 3.4 1) (点击地址栏右侧闪电标志选择兼容模式)
    ],
    "english": [
        ("Assistant shows no certificate", "3.3"),
        # guide 3.3 (BJCA 证书助手打开后未显示证书信息)
        (
            "I downloaded zszs.zip for the BJCA cert assistant but Windows says there is no app to open it. H"
            "ow do I get it installed?",
            "3.2",
        ),
        # guide 3.2 3) 注 (无解压缩软件请自行下载或联系本院技术)
        ("Lost Ukey", "3.7"),
        # guide 3.7 (丢失情况: 申请函报备最高检业务对口部门)
        (
            "The password unlock page just sits on 'unlocking in progress' and never finishes. What am I doing wrong?",
            "3.6",
        ),
        # guide 3.6 7) (弹出"正在解锁中"代表浏览器错误 -> 设置兼容模式)
        (
            "Our procuratorate was renamed last year and we received a new key. I renewed the old one and the"
            " 12309 login says no user is associated with the certificate.",
            "3.10-6",
        ),
        # guide 3.10 报错提示6 1. (名称/级别变更发了新 Ukey, 延期的是旧 Ukey -> 用新 Ukey)
        ("Is it safe to pull the key out while the certificate is downloading? It's been a minute already.", "2.2"),
        # guide 2.2 8) (下载约2分钟, 切勿插拔 Ukey)
        (
            "No procuratorate name appears under 'Ukey login'. I already tried compatibility mode and reinsta"
            "lled the assistant. What's the next step?",
            "3.5",
        ),
        # guide 3.5 4) (after steps 2-3: 清空浏览器缓存, then 5) 关机再开机)
        ("First time using the red key on this PC - do I need to install anything before logging in to 12309?", "3.1"),
        # guide 3.1 (电脑第一次使用 Ukey: check PC/key, 下载证书助手, then login)
        ("Next button missing", "3.9-5"),
        # guide 3.9 情况5 ("下一步"按钮不显示)
        (
            "Once I'm logged in, who do I contact about account permissions on the platform itself - the Ukey people?",
            "3.12",
        ),
        # guide 3.12 last table (网站使用或账号权限问题 -> 平台运维人员工作号)
        (
            "After renewing, my old PIN is rejected at login. Can I just change it in the certificate assistant?",
            "3.9-3",
        ),
        # guide 3.9 情况3 b (延期后提示密码不对 -> 证书助手左下角修改密码, 6-8位)
        ("How do I enable IE compatibility mode in 360 Secure Browser?", "3.4"),
        # guide 3.4 (360 安全浏览器切换至兼容模式)
    ],
    "pinyin_typos": [
        ("zhengshu zhushou dakai meiyou zhengshu xinxi", "3.3"),
        # guide 3.3 (证书助手打开后未显示证书信息)
        ("360浏览器怎么切换兼容模试", "3.4"),
        # guide 3.4 (模试 = 模式)
        ("下一布按纽不显示", "3.9-5"),
        # guide 3.9 情况5 (下一步按钮不显示)
        ("ukey mima wangle zenme chongzhi", "3.6"),
        # guide 3.6 (忘记/重置 Ukey 密码)
        ("延期后登陆提示证数无效", "3.9-2"),
        # guide 3.9 情况2 (证书无效 -> 等待15分钟)
        ("登录12309提示无权线", "3.10-7"),
        # guide 3.10 报错提示7 (提示无权限 -> 地址后不加后缀)
        ("BJCA证书助手 zenme xiazai anzhuang", "3.2"),
        # guide 3.2 (BJCA 证书助手如何下载及安装)
        ("zuzhi jigou daima zai nali kan, shenqinghan yao tian", "3.7"),
        # guide 3.7 注2 (组织机构代码: Ukey 标签 / 2.0 受案号 / 证书助手更多证书信息)
        ("ukey yunwei renyuan dianhua duoshao", "3.12"),
        # guide 3.12 (Ukey 运维人员联系方式)
        ("未查询到与证书关连的用护", "3.10-6"),
        # guide 3.10 报错提示6 (未查询到与证书关联的用户)
        ("ukey登陆 不显示检查院名称 登不上去", "3.5"),
        # guide 3.5 (UKey 登录未显示检察院名称)
        ("diyici yong ukey denglu 12309 dian nao yao zhuang shenme", "3.1"),
        # guide 3.1 (电脑第一次使用 Ukey 进行登录)
    ],
    "pasted_errors": [
        (
            "Got this popup on the renewal site after clicking 登录:\n您的证书已被吊销，不能进行在线更新\n[确"
            "定]\nWin10, 360 browser. What now?",
            "3.10-5",
        ),
        # guide 3.10 报错提示5 (证书已被吊销不能在线更新 -> 登录 xtxuserweb 按章节2延期)
        ("2026-12-07 10:41:07 login.12309.gov.cn 显示\n未查询到与证书关联的用户\n确定", "3.10-6"),
        # guide 3.10 报错提示6 (账号绑定问题)
        (
            "https://login.12309.gov.cn/portal/index.html#/home?from=bookmark\n提示：无权限\n返回首页\n我用的"
            "收藏夹里的地址",
            "3.10-7",
        ),
        # guide 3.10 报错提示7 (无权限 -> 输入地址不加任何后缀)
        (
            "无法显示此页\n确保 Web 地址 http://ca.12309.gov.cn:8080/txxuserweb 正确\n在搜索引擎中查找此页\n"
            "几分钟后刷新页面\n修复连接问题\n——地址我是照着文档一个字一个字敲的",
            "2.2",
        ),
        # guide 2.2 1) 注 (手敲网址常见错误: https 没写 s 等 -> 复制地址)
        (
            "解锁数字证书密码 提交后弹出：\n姓名或手机号码与证书登记信息不一致，请核实后重新提交\n[确定]\n登"
            "记的时候不是我填的",
            "3.6",
        ),
        # guide 3.6 3) (姓名及手机填写不正确 -> 加运维微信并提供证书信息)
        ("兼容模式下没输入框，换到极速模式输入密码后页面显示：\n“请使用IE浏览器打开本页面”\n用IE打开又不行", "3.8"),
        # guide 3.8 a-c, f (复杂情况 -> 换电脑)
        ("延期之后登录12309：\n用户口令错误，您还可以尝试 3 次\n确定\n延期前的旧密码输进去就是这个", "3.9-3"),
        # guide 3.9 情况3 b (更新有效期后提示密码不对)
        ("[09:02:13] 刚做完解锁，登录时还是弹：\n用户口令已锁定，请联系管理员解锁\n确定", "3.9-4"),
        # guide 3.9 情况4 (解锁后提示密码已锁定 -> 解锁未成功, 兼容模式下重做)
        ("BJCA证书助手\n错误码：0x0B000001\n未找到证书，请确认Ukey已正确插入\n确定\nkey明明插着，灯也亮", "3.3"),
        # guide 3.3 (证书助手未显示证书 -> 换 USB 口/重启/重装/换电脑)
        ("解锁页面输入授权码和新密码，点提交后提示：验证码错误！\n换了三次还是这个", "3.10-3"),
        # guide 3.10 报错提示3 (解锁时在验证码处点击刷新一下即可)
        ("ca.12309.gov.cn:8080 显示\n今日操作次数已超过限制，请明日再试\n确定", "3.10-2"),
        # guide 3.10 报错提示2 (联系运维确认步骤及信息后明日再试)
        (
            "点“登录”后页面报：您的证书非本系统用户，不能登录当前系统。 2026/12/07 14:20 这是咋回事，我用的就是红key",
            "3.10-5",
        ),
        # guide 3.10 报错提示5 (非本系统用户 -> 在 xtxuserweb 按章节2延期)
    ],
    "rules": [
        ("蓝key要延吗", "1.3"),
        # guide 1.3 注1 (仅红色 Ukey 延期, 蓝色/银色无需)
        ("我们这把证书显示到2029年才到期，也非得做这个延期吗？", "2.1"),
        # guide 2.1 2) 注 (无论有效期到哪一年都需要延期)
        ("key已经过期一个多月了，40来天，现在还能自己在网上延期吗", "1.3"),
        # guide 1.3 注2 (失效超过30天则无法延期)
        ("延期完了去验证登录，要不要先把浏览器关了再开？", "2.3"),
        # guide 2.3 (3) (15分钟后先关闭浏览器再打开登录验证)
        ("整个延期一共分几步？大概什么顺序？", "1.1"),
        # guide 1.1 (三个步骤: 查看有效期 -> 延期 -> 验证)
        ("领导说延期前最好把要发的东西先发出去，是有这个要求吗", "1.1"),
        # guide 1.1 温馨提示 (提前将发布工作完成后再延期)
        ("信访那把key一般是哪个部门拿着，能干啥", "1.2"),
        # guide 1.2 table (控申部门 信访 Ukey: 网上信访、群众意见板块)
        ("我们院的信息发布key不知道放哪儿了，到处找不到，应该先问谁", "1.2"),
        # guide 1.2 (找不到相应 Ukey -> 联系上级院业务对口部门核实)
        ("延期第一步里让记下原来的有效期，记这个是做什么用？", "2.1"),
        # guide 2.1 2) (记录有效期用于完成后比对)
        ("填当前持有人信息那里，是写我们科长还是写实际拿着key的人？以后有用吗", "2.2"),
        # guide 2.2 4) (填写当前持有 Ukey 人员姓名及联系方式, 用于后期解锁)
        ("信息核实那页一看手机号少输了一位，还能改吗", "2.2"),
        # guide 2.2 5) (信息有误请刷新界面重新延期)
        ("从来没改过密码，默认的是多少", "2.2"),
        # guide 2.2 3) 注 (默认密码 111111)
    ],
    "off_topic": [
        ("工行U盾的密码输错被锁了，怎么重置？", None),
        # not in guide: another bank's key/PIN
        ("打开别的单位网站，IE提示此网站的安全证书有问题，是不是电脑时间不对？", None),
        # not in guide: another site's certificate warning / computer clock
        ("群众打12309检察服务热线想约律师阅卷，网上在哪预约？", None),
        # not in guide: 12309 public-facing services
        ("检察业务应用系统2.0的登录密码忘了找谁重置", None),
        # not in guide: guide mentions 2.0 only to find the org code
        ("电子税务局的CA证书快过期了，续费去哪里办", None),
        # not in guide: another CA certificate
        ("360安全浏览器怎么把默认主页改回百度", None),
        # not in guide: general browser settings
        ("My Windows Hello PIN is locked after the update", None),
        # not in guide: computer's own login
        ("政务外网VPN那把key过期了，登录不上内网", None),
        # not in guide: another system's key
        ("办公室的打印机驱动怎么装？插USB没反应", None),
        # not in guide: office device
        ("Adobe says the signer's certificate on a PDF has expired", None),
        # not in guide: other certificate/app
        ("身份证过期了补办要带什么", None),
        # not in guide: personal matter
        ("个人所得税app登录密码锁定了怎么解锁", None),
        # not in guide: other app
    ],
}

for _kind, _questions in BATCH_8.items():
    HELD_OUT_KINDS[_kind] += _questions

# Batch 9, written from the guide alone by someone who never saw the search, its data or the earlier batches
# (12 questions per kind, 20 off-topic; the guide's sections in the comments). First figures, on the search before batch
# 6's tuning and after the tuning for batch 8: colloquial 11/12 → 11/12 first, English 11/12 → 12/12, pinyin/typos 12/12
# → 12/12, pasted 11/12 → 11/12, rules 10/12 → 12/12; off-topic 13/20 → 16/20 rightly unanswered.
BATCH_9: dict[str, list[tuple[str, str | None]]] = {
    "colloquial": [
        ("喂，我们科室刚配的新电脑，以前从没在这台机子上插过那个红key，现在要登12309，从头该怎么弄？", "3.1"),
        # guide 3.1 (first-time use on a computer: check Windows + red key, install assistant, log in)
        ("桌面上找不着证书助手那个图标，上哪儿装一个啊", "3.2"),
        # guide 3.2 (download address / download from login page, run 证书应用环境安装程序.exe)
        ("两个事儿：证书助手打开里面空的啥也没有，然后12309也登不进去，先弄哪个？", "3.3"),
        # guide 3.3 (assistant shows no certificate; 3.5 step 1) itself sends you to 3.3 first)
        ("那个360浏览器右边的小闪电在哪，兼容模式我切不过去", "3.4"),
        # guide 3.4 (click the lightning icon right of the address bar, choose 兼容模式)
        ("点UKey登录检察院名称就是不出来，缓存我清了、助手也重装了，还不行，要不要重启一下？", "3.5"),
        # guide 3.5 5) (after cache clear + reinstall: full shutdown, not restart, then power on)
        ("密码输错好几回，现在给锁住了", "3.6"),
        # guide 3.6 (forgotten / locked Ukey password -> reset via 解锁数字证书密码)
        ("解锁授权码运维已经给我了，新密码设几位的、有啥要求没有？", "3.6"),
        # guide 3.6 6) (enter 解锁授权码 + new password, letters+digits, 6-8 chars)
        ("key摔坏了要换新的，那个申请函上都得写些啥，要不要盖章？", "3.7"),
        # guide 3.7 (letter contents: 院名称, 组织机构代码, Ukey类型, 情况说明, 收件人信息, 加盖公章)
        ("key丢了咋办", "3.7"),
        # guide 3.7 (lost key: 申请函报备最高检业务对口部门)
        (
            "我跟你说啊，延期那个网站用360兼容模式打开压根没有输入框，切到极速模式倒是有了，输完密码又跳出来让用IE，我切回兼容又回到最开始，缓存也清过，IE也试了还是不成，折腾一上午了，到底咋整",
            "3.8",
        ),
        # guide 3.8 a-f (the full loop of compat/speed/IE failing -> change computer, reinstall assistant)
        ("我们院前年升格以后发过一把新key，这回延期的是原来那把旧的，登录说查不到跟证书关联的用户", "3.10-6"),
        # guide 3.10 报错提示6 case 1 (院名称/级别变更后发了新key, use the new key)
        ("能登进管理平台，但是菜单里没有群众意见那一块，这种找谁啊", "3.12"),
        # guide 3.12 (after login, site usage / account permission issues -> 平台运维人员 contacts)
    ],
    "english": [
        ("forgot ukey PIN", "3.6"),
        # guide 3.6 (forgot / reset Ukey password)
        ("Where can I download the BJCA Certificate Assistant? It's not on this PC's desktop.", "3.2"),
        # guide 3.2 (download links and install steps)
        (
            "BJCA assistant launches but the certificate list is empty. I already tried another USB port and rebooted.",
            "3.3",
        ),
        # guide 3.3 ②③ done -> next ④ reinstall, ⑤ other PC, ⑥ damaged key
        ("360 browser compatibility mode", "3.4"),
        # guide 3.4 (how to switch 360 to compatibility mode)
        ("On the confirm-info page there's no Next button, the bottom of the page just seems cut off.", "3.9-5"),
        # guide 3.9 情况5 (drag-select last line or zoom to 75%); 2.2 5) points to 3.9 for missing 下一步
        (
            "Somebody stepped on our case-management Ukey and cracked it. "
            "Where do we mail it and who is the recipient?",
            "3.7",
        ),
        # guide 3.7 (damaged key + letter by 机要通道/express to 最高检 技术信息研究中心, recipient named)
        ("Just finished the renewal two minutes ago and the login page says my certificate is invalid.", "3.9-2"),
        # guide 3.9 情况2 (wait 15 minutes then retry)
        ("Who can give us remote help over QQ?", "3.12"),
        # guide 3.12 (Ukey ops contacts with QQ 可远程)
        (
            "The site keeps saying wrong password after I changed it. "
            "The new one I typed was about 12 characters long.",
            "3.9-3",
        ),
        # guide 3.9 情况3 a (only the first 8 characters count)
        (
            "12309 Ukey login doesn't show our procuratorate's name, although the assistant does show the certificate.",
            "3.5",
        ),
        # guide 3.5 (cert present in assistant but no 检察院名称 at Ukey login)
        ("We only have a Kylin-OS laptop here. Can I start using the red Ukey on it?", "3.1"),
        # guide 3.1 1 注 (信创/国产OS not supported for red key, use a Windows internet PC)
        ("The unlock form rejects our name and mobile number; the colleague who registered them has left.", "3.6"),
        # guide 3.6 3) (name/phone mismatch -> add ops WeChat and send certificate info)
    ],
    "pinyin_typos": [
        ("zhengshu zhushou zenme xiazai", "3.2"),
        # guide 3.2 (download BJCA assistant)
        ("证数助手打开了没有证数显示", "3.3"),
        # guide 3.3 (assistant opens but no certificate)
        ("360 jianrong moshi zai nar qiehuan", "3.4"),
        # guide 3.4 (switch to compatibility mode)
        ("找不到下一布按纽", "3.9-5"),
        # guide 3.9 情况5 (下一步 button not shown)
        ("ukey mima wangle", "3.6"),
        # guide 3.6 (forgot password)
        ("延期完登陆老提示密玛错误", "3.9-3"),
        # guide 3.9 情况3 b (after renewal, password wrong -> change via assistant, 6-8 chars)
        ("ukey diu le zenme buban", "3.7"),
        # guide 3.7 (lost key, reapply through 业务对口部门)
        ("登录上去提示没有权线", "3.10-7"),
        # guide 3.10 报错提示7 (无权限 -> enter bare https://login.12309.gov.cn)
        ("jiesuo shouquanma 去哪要", "3.6"),
        # guide 3.6 5) (contact Ukey ops for approval and 解锁授权码)
        ("证书有效期没根新 还是旧日期", "3.9-1"),
        # guide 3.9 情况1 (unplug/replug key and look again)
        ("zuzhi jigou daima zai nali kan", "3.7"),
        # guide 3.7 注2 (组织机构代码: key label, 2.0 受案号, assistant 更多证书信息, ...)
        ("ukey 运为人员电化多少", "3.12"),
        # guide 3.12 (Ukey 运维人员 phone numbers)
    ],
    "pasted_errors": [
        (
            "2026-03-12 09:41:07  https://ca.12309.gov.cn:8080/xtxuserweb\n您的证书非本系统用户，不能登录当前系统\n[确定]",
            "3.10-5",
        ),
        # guide 3.10 报错提示5 (非本系统用户 on the renewal site)
        ("点了更新数字证书就弹：您的证书已被吊销，不能进行在线更新。 确定  这key还能用吗", "3.10-5"),
        # guide 3.10 报错提示5 (已被吊销 message, same fix)
        ("login.12309.gov.cn 显示\n未查询到与证书关联的用户\n\n我们院这把key前年丢过一次，后来找回来了", "3.10-6"),
        # guide 3.10 报错提示6 case 2 (key lost before and reissued; renewed the old one)
        ("无权限  https://login.12309.gov.cn/portal/index.html?redirect=%2Fmanage%2Fhome  收藏夹里点进来的", "3.10-7"),
        # guide 3.10 报错提示7 (remove any suffix from the address)
        ("无法显示此页\n确保 Web 地址 http://ca.12309.gov.cn:8080/txxuserweb 正确\n查找此页面\n刷新页面", "2.2"),
        # guide 2.2 1) 注 (typing errors: https missing s -> copy the address)
        (
            "ERR_CONNECTION_REFUSED ca.12309.gov.cn 拒绝了我们的连接请求。 "
            "地址是我手敲的 https：//ca.12309.gov.cn：8080",
            "2.2",
        ),
        # guide 2.2 1) 注 (中英文冒号 typed wrong -> copy the address)
        ("正在解锁中……\n（已经转了十几分钟了，点提交之后一直这样）", "3.6"),
        # guide 3.6 7) (“正在解锁中” = browser error, switch to 兼容模式)
        ("[10:02:15] 证书无效，请检查您的证书  确定\n延期下载成功是09:58弹的", "3.9-2"),
        # guide 3.9 情况2 (renewed minutes ago -> wait 15 minutes)
        ("密码错误，您还可以重试 4 次。  — 刚在解锁页面设的新密码是abc123456789", "3.9-3"),
        # guide 3.9 情况3 a (after changing password, first 8 characters are the password)
        ("提示：该证书密码已锁定，请联系管理员。 确定\n可我前天已经走过一遍解锁了啊", "3.9-4"),
        # guide 3.9 情况4 (after unlock still locked -> redo unlock in 兼容模式)
        ("BJCA证书助手\n未检测到证书设备 (0x0B000001)\n换了另一个USB口也一样，机器也重启过", "3.3"),
        # guide 3.3 ②③ (assistant shows no cert; next reinstall/other PC)
        ("来自网页的消息：请使用IE浏览器打开！ [确定]  360极速模式下才有输入框，输密码就弹这个，换IE也不成", "3.8"),
        # guide 3.8 c/f (IE prompt loop -> change computer)
    ],
    "rules": [
        ("我们院除了红的，还有蓝色和银色的key，那两种也要做延期吗？", "1.3"),
        # guide 1.3 注1 (only the red key)
        ("key已经过期一个多月了，还能延吗", "1.3"),
        # guide 1.3 注2 (expired over 30 days -> cannot renew)
        ("助手里显示证书到2027年才到期，这次还用弄吗？", "2.1"),
        # guide 2.1 2) 注 (renew regardless of the current expiry year)
        ("延期之前有没有什么工作要提前做完的？", "1.1"),
        # guide 1.1 温馨提示 (finish pending publishing work before renewing)
        ("延期一共几步，先干什么后干什么", "1.1"),
        # guide 1.1 (three steps: check validity, renew, verify)
        ("一个院一般几把key？各归哪个部门？", "1.2"),
        # guide 1.2 (4 keys: 案管, 信息发布, 信访, 代表委员联络)
        ("延期要上哪个网站操作，用什么浏览器", "2.2"),
        # guide 2.2 1) (360 browser, https://ca.12309.gov.cn:8080/...)
        ("延期页面上让填的联系人姓名和手机，填科长的还是填管key那个人的？", "2.2"),
        # guide 2.2 4) (current holder of the key; record it, used for unlocking later)
        ("到信息核实那页才发现手机号填错一位，怎么改", "2.2"),
        # guide 2.2 5) (refresh and redo the renewal)
        ("下载证书那一步要多久？中间能拔key吗", "2.2"),
        # guide 2.2 8) (about 2 minutes, no power/network loss, don't unplug)
        ("开始延期前需要先记下什么吗", "2.1"),
        # guide 2.1 2) (record current validity date for comparison afterwards)
        ("弄完了怎么确认延期真的成功了？", "2.3"),
        # guide 2.3 (replug, check date in assistant, after 15 min reopen browser and log in)
    ],
    "off_topic": [
        ("工商银行U盾的密码忘了怎么重置？", None),
        # not in guide (bank USB key PIN)
        ("个税APP登录密码忘了咋找回", None),
        # not in guide (other app password)
        ("打开单位OA系统提示“此网站的安全证书有问题”，能点继续访问吗？", None),
        # not in guide (another site's certificate warning)
        ("群众在12309网站上怎么提交控告申诉？", None),
        # not in guide (12309 public services)
        ("12309检察服务热线能查案件进度吗", None),
        # not in guide (public hotline/case query)
        ("360浏览器怎么把默认主页改回百度", None),
        # not in guide (browser settings unrelated to compat mode)
        ("电子税务局的CA证书到期了去哪里续费", None),
        # not in guide (another CA's certificate)
        ("检察业务应用系统2.0的登录密码忘了", None),
        # not in guide (different system's password; guide only mentions 2.0 受案号 for org code)
        ("办公室打印机卡纸了怎么取出来", None),
        # not in guide (office device)
        ("Windows开机密码忘了怎么办", None),
        # not in guide (computer's own login)
        ("身份证过期了去哪换领", None),
        # not in guide (personal document expiry)
        ("How do I renew the SSL certificate on our procuratorate's public website?", None),
        # not in guide (server TLS certificate)
        ("My online-banking USB token is locked after three wrong PINs.", None),
        # not in guide (another vendor's key)
        ("单位公车钥匙丢了找谁配", None),
        # not in guide (physical key)
        ("门禁卡丢了怎么补办", None),
        # not in guide (access card)
        ("微信账号被锁了怎么解封", None),
        # not in guide (personal app lock)
        ("360安全卫士老弹广告怎么关掉", None),
        # not in guide (other 360 product)
        ("中国检察网上怎么查公开的起诉书", None),
        # not in guide (public document search on the public site)
        ("内网电脑锁屏时间怎么改长一点", None),
        # not in guide (computer settings)
        ("Excel文件设了打开密码，忘了还能打开吗", None),
        # not in guide (file password)
    ],
}

for _kind, _questions in BATCH_9.items():
    HELD_OUT_KINDS[_kind] += _questions

# Batch 10, written from the guide alone by someone who never saw the search, its data or the earlier
# batches (12 questions per kind, 20 off-topic; the guide's sections in the comments). First figures, on the search
# before batch 6's tuning and after the tuning for batch 9: colloquial 11/12 → 11/12 first, English 11/12 → 12/12,
# pinyin/typos 12/12 → 12/12, pasted 10/12 → 10/12 (top 3 12/12 → 11/12), rules 11/12 → 12/12; off-topic
# 13/20 → 18/20 rightly unanswered.
BATCH_10: dict[str, list[tuple[str, str | None]]] = {
    "colloquial": [
        (
            "喂，我们控申那把红key插电脑上，打开那个BJCA助手里面空空的，啥证书都没有，USB口也换过一个了，接下"
            "来还能试啥？",
            "3.3",
        ),
        # guide 3.3 ①–⑥ (assistant shows no certificate; after changing the USB port, next is restart,
        # reinstall, other PC)
        ("延期那个页面让填持有人姓名跟电话，key平时锁在我们科长抽屉里，但实际天天是我在用，该填谁的？", "2.2"),
        # guide 2.2 4) (fill in the person currently holding the Ukey; recorded for later unlocking)
        ("下载证书之前让我设个新密码，这个新的以后登录平台就用它了是吧，原来那个作废了？", "2.2"),
        # guide 2.2 6) (new password entered here becomes the login password from then on)
        ("解锁申请我已经交上去了，那个解锁授权码要找谁拿？", "3.6"),
        # guide 3.6 5) (contact Ukey ops staff for approval and the unlock authorisation code)
        (
            "哎，说来话长，我们这把key去年是前任同事做的延期，他人已经调走了，现在密码忘了想重置，页面让填姓"
            "名手机号，我填了我自己的也填了他的，都说不对，这种情况还有办法吗？",
            "3.6",
        ),
        # guide 3.6 3) (name/phone don't match at unlock application: add ops WeChat, send certificate info
        # from assistant)
        ("key不小心摔地上外壳裂了，插上也认不到，新的怎么申请，坏的那个要不要寄回去？", "3.7"),
        # guide 3.7 damaged case (send damaged key – mandatory – plus application letter to the centre)
        ("申请换key那个函里面要写哪些东西，要不要盖章？", "3.7"),
        # guide 3.7 申请函 contents (name, org code, key type, explanation, recipient, 加盖公章)
        ("网页上点ukey登录，上面不出我们院的名字，登不进去，可助手里证书明明是有的", "3.5"),
        # guide 3.5 (Ukey login shows no procuratorate name; assistant shows cert)
        ("这台电脑是新领的，以前从来没插过key，直接插上就能登12309了吗？", "3.1"),
        # guide 3.1 (first time using the Ukey on a computer: check suitability, install assistant, then log in)
        ("用key是登进管理平台了，可是我们那个法律文书公开的栏目没有，像是账号权限不对，这个该找谁？", "3.12"),
        # guide 3.12 last paragraph (site usage/account permission after login -> platform ops contacts)
        ("延期完日期没变", "3.9-1"),
        # guide 3.9 情况1 (validity not updated: unplug/replug and check again)
        ("刚做完延期，助手里日期也变成新的了，我马上就去登录平台，结果提示证书无效，是不是又得重做一遍？", "3.9-2"),
        # guide 3.9 情况2 (after renewal login says certificate invalid: wait 15 minutes)
    ],
    "english": [
        ("where to get BJCA assistant", "3.2"),
        # guide 3.2 (download address / download via login page)
        ("forgot Ukey password", "3.6"),
        # guide 3.6 (forgot/reset Ukey password)
        (
            "On the renewal site in 360 compatibility mode there are no input fields at all. Reinstalled the "
            "assistant, same thing. In speed mode the fields show up, but after typing the password it tells "
            "me to use IE, and doing it in IE doesn't work either. What's left to try?",
            "3.8",
        ),
        # guide 3.8 a–f (complex case -> change computer, install assistant, renew there)
        (
            "How do I switch 360 Secure Browser into compatibility mode? I only see a little lightning icon t"
            "o the right of the address bar.",
            "3.4",
        ),
        # guide 3.4 1) (click the lightning icon, choose compatibility mode; icon changes to e)
        (
            "Renewal finished with the success popup, but the cert assistant still shows the old expiry date."
            " Did it fail?",
            "3.9-1",
        ),
        # guide 3.9 情况1 (unplug and replug, check validity again)
        (
            "On the renewal form, whose name and mobile go into the holder fields? Three people in our office"
            " share this key.",
            "2.2",
        ),
        # guide 2.2 4) (current holder's name/contact, record it, used for unlocking)
        ("We moved to cloud desktops (VDI) and now the certificate assistant shows no certificate on the key.", "3.3"),
        # guide 3.3 ⑤ (use an ordinary Windows PC, not a cloud desktop or Xinchuang PC)
        ("Is there someone who can remote in over QQ to help us with the key?", "3.12"),
        # guide 3.12 (Ukey ops contacts, QQ column says 可远程)
        ("Our key is physically broken. Where do we post it, and what has to go along with it?", "3.7"),
        # guide 3.7 damaged case (key + application letter, courier recipient and address)
        ("Unlock page: the Next button is missing at the bottom and I can't scroll down to it.", "3.9-5"),
        # guide 3.9 情况5 (drag-select the last line downwards, or zoom browser to 75%)
        ("After renewal, how do I check it really worked?", "2.3"),
        # guide 2.3 (replug, check validity in assistant, after 15 min reopen browser and log in)
        (
            "Login portal says no user is associated with this certificate. Our procuratorate was renamed las"
            "t year and we got a new key, but the one I renewed is the old one.",
            "3.10-6",
        ),
        # guide 3.10 报错提示6 case 1 (renamed procuratorate, renewed old key -> use the new key)
    ],
    "pinyin_typos": [
        ("zhengshu zhushou dakai hou meiyou xianshi zhengshu xinxi", "3.3"),
        # guide 3.3 (assistant opens but shows no certificate info)
        ("360 liulanqi jianrong moshi zai nar qiehuan", "3.4"),
        # guide 3.4 (how to switch 360 to compatibility mode)
        ("解锁时下一布按纽不显示", "3.9-5"),
        # guide 3.9 情况5 ("下一步" button not shown during unlock)
        ("ukey mima wangji le zenme chongzhi", "3.6"),
        # guide 3.6 (forgot/reset password)
        ("在哪看证数有效期到几号", "2.1"),
        # guide 2.1 (check certificate validity in BJCA assistant)
        ("BJCA zhengshu助手 xiazai地址", "3.2"),
        # guide 3.2 1) (download address zszs.zip)
        ("ukey diu le zenme buban", "3.7"),
        # guide 3.7 lost case (application letter via business counterpart department)
        ("登路12309提示无权线", "3.10-7"),
        # guide 3.10 报错提示7 (no permission: enter bare login address without suffix)
        ("wei chaxun dao yu zhengshu guanlian de yonghu", "3.10-6"),
        # guide 3.10 报错提示6 (未查询到与证书关联的用户)
        ("解锁完登陆还是提示密码已所定", "3.9-4"),
        # guide 3.9 情况4 (locked after unlock: redo unlock in compatibility mode)
        ("360浏览器清楚换存在哪  ukey登录不显示院名", "3.5"),
        # guide 3.5 4) (clear cache steps, in the context of Ukey login showing no procuratorate name)
        ("lanse ukey yao bu yao yanqi", "1.3"),
        # guide 1.3 注1 (only the red Ukey; blue/silver need no renewal)
    ],
    "pasted_errors": [
        (
            "[2026-12-07 09:14:22] https://ca.12309.gov.cn:8080/xtxuserweb\n提示\n您的证书非本系统用户，不能登"
            "录当前系统\n[确定]\n我们这个就是红key啊，怎么说不是本系统的",
            "3.10-5",
        ),
        # guide 3.10 报错提示5 (message text quoted in the guide)
        (
            "我们院去年改过名，后来又发了把新key。现在登录弹这个：\nlogin.12309.gov.cn 显示\n未查询到与证书关联"
            "的用户\n确定",
            "3.10-6",
        ),
        # guide 3.10 报错提示6 case 1 (renamed procuratorate; use the new key)
        (
            "无权限\n当前地址：https://login.12309.gov.cn/portal/home?from=bookmark\n返回首页   （我是从收藏夹"
            "点进来的）",
            "3.10-7",
        ),
        # guide 3.10 报错提示7 (type bare https://login.12309.gov.cn without suffix)
        (
            "来自网页的消息\n请使用IE浏览器访问本页面！\n确定\n——极速模式下输完密码弹出来的，切回兼容模式又没输"
            "入框了，清过缓存也一样",
            "3.8",
        ),
        # guide 3.8 c–e (IE prompt after speed mode, compat mode loops back; change computer)
        ("输完解锁授权码和新密码点提交，页面一直显示“正在解锁中...”，等了半小时还是这样", "3.6"),
        # guide 3.6 7) ("正在解锁中" means browser issue: set compatibility mode)
        ("Ukey登录\n密码错误，您还可以尝试4次！\n确定\n昨天刚延期完，新密码我记得清清楚楚就是这个", "3.9-3"),
        # guide 3.9 情况3 b (wrong password after renewal: change password in assistant, 6–8 chars)
        (
            "无法显示此页\n• 确保 Web 地址 https：//ca.12309.gov.cn：8080/xtxuserweb 正确\n• 使用必应搜索此页\n•"
            " 刷新页面\n地址是我照着文档手敲的",
            "2.2",
        ),
        # guide 2.2 1) 注 ② (full-width colons when typing the address by hand; copy it instead)
        (
            "This site can't be reached\nca.12039.gov.cn's server IP address could not be found.\nERR_NAME_NOT_"
            "RESOLVED",
            "2.2",
        ),
        # guide 2.2 1) 注 ③ (address misspelled: 12039 vs 12309)
        (
            "Your certificate has been revoked and cannot be updated online.  [OK]  -- shown on the renewal s"
            "ite right after I logged in",
            "3.10-5",
        ),
        # guide 3.10 报错提示5 ("您的证书已被吊销，不能进行在线更新")
        ("2026/12/07 10:02:41  登录失败：证书无效  （十分钟前刚做完延期，弹了下载成功）", "3.9-2"),
        # guide 3.9 情况2 (certificate invalid after renewal: wait 15 minutes)
        ("用户口令已锁定，请联系管理员！\n确定\n昨天按流程拿授权码解过锁了，今天一登又是这个", "3.9-4"),
        # guide 3.9 情况4 (locked after unlock: unlock probably failed, redo in compatibility mode)
        (
            "BJCA证书助手\n错误代码：0x0B000001\n未检测到证书，请确认USB Key已正确插入\n确定\n换了三个USB口、也重"
            "启过了",
            "3.3",
        ),
        # guide 3.3 ②③ done -> ④ reinstall assistant / ⑤ another PC / ⑥ damaged
    ],
    "rules": [
        ("银色的key也要延期吗", "1.3"),
        # guide 1.3 注1 (only red Ukey; silver/blue need none)
        ("助手里看证书还有好几年才到期，那还用做延期吗？", "2.1"),
        # guide 2.1 2) 注 (renew regardless of which year it currently expires)
        ("开始延期之前需要先记录点什么吗？", "2.1"),
        # guide 2.1 2) (record current validity for comparison afterwards)
        ("一个检察院一般有几把key，各自管平台上哪些板块？", "1.2"),
        # guide 1.2 table (4 keys, departments and functions)
        ("院里找不到对应的那把key了，先找谁核实？", "1.2"),
        # guide 1.2 (contact the superior procuratorate's counterpart department)
        ("做延期会不会把原来的密码改掉？", "1.1"),
        # guide 1.1 (renewal changes the original password; remember new one)
        ("为什么建议先把要发布的东西发完再去延期？", "1.1"),
        # guide 1.1 温馨提示 (avoid being unable to log in if renewal goes wrong)
        ("延期一共分几步，先后顺序是怎样的", "1.1"),
        # guide 1.1 (three steps: check validity, renew, verify)
        ("更新数字证书那里的证书密码，默认是多少？", "2.2"),
        # guide 2.2 3) 注 (default password 111111)
        ("到了信息核实那页才发现手机号填错了一位，怎么改？", "2.2"),
        # guide 2.2 5) (refresh page and redo renewal)
        ("验证延期结果去登录平台之前，有什么要先做的？", "2.3"),
        # guide 2.3 (replug key, wait 15 min, close and reopen browser before logging in)
        ("证书已经失效一个多月了还能不能延？", "1.3"),
        # guide 1.3 注2 (expired more than 30 days cannot be renewed)
    ],
    "off_topic": [
        ("工行U盾密码输错锁住了怎么解", None),
        # not in guide (bank U-shield, not the BJCA red Ukey)
        ("个人所得税app登录密码忘了", None),
        # not in guide (tax app)
        ("打开医保局网站时360提示此网站的安全证书有问题，能继续浏览吗", None),
        # not in guide (another site's certificate warning)
        ("检察业务应用系统2.0的数字证书快过期了，怎么续？", None),
        # not in guide (2.0 system only mentioned for org code lookup)
        ("群众在12309中国检察网上怎么查案件程序性信息？", None),
        # not in guide (12309 public services)
        ("12309检察服务热线要举报应该怎么打", None),
        # not in guide (public hotline)
        ("老百姓在12309上提交网上信访需要实名吗", None),
        # not in guide (public petitioning, not the 信访 Ukey)
        ("办公室打印机一直卡纸", None),
        # not in guide (office device)
        ("Windows开机密码忘了进不了桌面", None),
        # not in guide (computer's own login)
        ("360安全卫士怎么彻底卸载", None),
        # not in guide (other 360 product)
        ("电子税务局的CA证书续期要交多少钱", None),
        # not in guide (another CA / system)
        ("政务外网VPN客户端提示证书已过期", None),
        # not in guide (VPN certificate)
        ("How do I renew the SSL certificate for our procuratorate's public website?", None),
        # not in guide (server TLS certificate)
        ("My YubiKey PIN is blocked", None),
        # not in guide (other hardware key)
        ("Chrome says 'Your connection is not private' on the online banking site", None),
        # not in guide (other site's certificate error)
        ("单位门禁卡丢了去哪补办", None),
        # not in guide (access card, not Ukey)
        ("家里智能门锁密码忘了怎么恢复出厂", None),
        # not in guide (personal matter, 锁/密码)
        ("电脑右下角时间老是不准怎么调", None),
        # not in guide (computer's own settings)
        ("检察官遴选考试报名网站登录不上", None),
        # not in guide (other system)
        ("手机银行登录提示证书过期需要重新下载，怎么弄", None),
        # not in guide (mobile bank certificate)
    ],
}

for _kind, _questions in BATCH_10.items():
    HELD_OUT_KINDS[_kind] += _questions

# Batch 11, written from the guide alone by someone who never saw the search, its data or the earlier
# batches (12 questions per kind, 16 pasted, 20 off-topic; the guide's sections in the comments), and never
# tuned on: measured on the search before batch 6's tuning and on the search as it stands (the figure that
# counts): colloquial 8/12 → 11/12 first, English 12/12 → 12/12, pinyin/typos 12/12 → 12/12, pasted 12/16 →
# 14/16 (top 3 14/16 → 15/16), rules 11/12 → 11/12; off-topic 17/20 → 19/20 rightly unanswered.
BATCH_11: dict[str, list[tuple[str, str | None]]] = {
    "colloquial": [
        ("喂，我这边点了下载证书，页面一直在那转，要等多久啊？我能不能先把key拔了去开个会？", "2.2"),
        # guide 2.2 8) (auto download ~2 min, do not unplug the Ukey)
        ("填信息那页让写联系人，我是写我们院长的名字还是写我自己的？key一直是我在用", "2.2"),
        # guide 2.2 4) (fill in the person currently holding the Ukey)
        ("点完提交出来个核对页面，我发现手机号少打了一位，这还能改吗", "2.2"),
        # guide 2.2 5) (if info wrong, refresh and redo the renewal)
        ("这把key原来是老李管的，他调走了，现在密码忘了要解锁，系统要姓名手机，我填我的对不上，咋整？", "3.6"),
        # guide 3.6 3) (name/phone mismatch -> add ops WeChat, give cert info)
        ("key丢了咋办", "3.7"),
        # guide 3.7 (lost key: application letter to SPP business department)
        ("要写那个申请函，里面都得写些啥？要不要盖章？", "3.7"),
        # guide 3.7 (letter contents: name, org code, key type, contacts, official seal)
        ("组织机构代码上哪儿找啊，key上和盒子上都没贴标签", "3.7"),
        # guide 3.7 注2 (other ways: 2.0 case number, other departments, assistant)
        ("证书助手打开里面空的啥也没有，然后登录网站选Ukey登录也没有我们院名字，先弄哪个？", "3.3"),
        # guide 3.3 (assistant shows no cert comes first; 3.5 step 1 points to 3.3)
        ("延期的时候我设了个十位的新密码，现在登录老说密码不对", "3.9-3"),
        # guide 3.9 情况3 a (only first 8 characters count)
        ("都提示下载成功了，可我打开证书助手一看日期还是原来那个，白弄了？", "3.9-1"),
        # guide 3.9 情况1 (validity not updated -> unplug/replug and re-check)
        ("这台电脑以前从来没插过这个key，新领的电脑，第一步干啥", "3.1"),
        # guide 3.1 (first time using Ukey on a computer)
        (
            "我跟你说我折腾一上午了，360兼容模式打开没输入框，换了极速模式框出来了，输完密码又让我用IE，IE打开也不行，缓存也清了，证书助手也重装了，到底怎么办啊",
            "3.8",
        ),
        # guide 3.8 a-f (complex case -> change computer)
    ],
    "english": [
        ("Where can I download the BJCA certificate assistant?", "3.2"),
        # guide 3.2 1)-2) (zszs.zip link or via Ukey login page)
        (
            "Downloaded zszs.zip but there's no unzip program on this PC, and which file do I run after extracting?",
            "3.2",
        ),
        # guide 3.2 3) (run 证书应用环境安装程序.exe; get an unzip tool)
        ("360 browser compatibility mode", "3.4"),
        # guide 3.4 (lightning icon -> compatibility mode)
        ("forgot Ukey PIN", "3.6"),
        # guide 3.6 (reset password via 解锁数字证书密码)
        ("When unlocking, what rules does the new password have to follow? Length, letters, digits?", "3.6"),
        # guide 3.6 6) (letters+digits, 6-8 characters)
        ("I submitted the unlock request. Who approves it and where do I get the unlock authorization code?", "3.6"),
        # guide 3.6 5) (contact Ukey ops for approval and code)
        ("We unlocked the key successfully but the login site still says the password is locked.", "3.9-4"),
        # guide 3.9 情况4 (unlock probably failed; redo in compatibility mode)
        ("The 'Next' button is cut off at the bottom of the page while unlocking, can't scroll to it", "3.9-5"),
        # guide 3.9 情况5 (drag-select last line, or zoom to 75%)
        ("The cert assistant shows no certificate. We're on a cloud desktop VM, does that matter?", "3.3"),
        # guide 3.3 ⑤ (use a normal Windows PC, not cloud desktop)
        ("Step-by-step to clear the browser cache in 360 when the court name doesn't appear on Ukey login", "3.5"),
        # guide 3.5 4) (clear traces, all time range)
        (
            "After logging in with the Ukey we can't see some menus on "
            "the platform, account permission issue - who do we contact?",
            "3.12",
        ),
        # guide 3.12 (platform ops for website use / account permissions)
        ("Our cert expired about two months ago. Can it still be renewed online?", "1.3"),
        # guide 1.3 注2 (expired more than 30 days -> cannot renew)
    ],
    "pinyin_typos": [
        ("zhengshu zhushou zenme xiazai anzhuang", "3.2"),
        # guide 3.2 (download and install the assistant)
        ("360 jianrong moshi zai nar qiehuan", "3.4"),
        # guide 3.4 (switch to compatibility mode)
        ("ukey mima wangle zenme chongzhi", "3.6"),
        # guide 3.6 (reset forgotten password)
        ("延期后登陆提示正书无效", "3.9-2"),
        # guide 3.9 情况2 (wait 15 min)
        ("解锁的时候下一布按纽不显示", "3.9-5"),
        # guide 3.9 情况5 (next button missing)
        ("ukey diule zenme buban", "3.7"),
        # guide 3.7 (lost key re-issue)
        ("证书助手打开没有证数信息，换了usb口也不行", "3.3"),
        # guide 3.3 ②-③ (no cert shown; next: restart, reinstall...)
        ("登录管理平台提示没有权线", "3.10-7"),
        # guide 3.10 报错提示7 (no permission -> bare URL without suffix)
        ("wei chaxun dao yu zhengshu guanlian de yonghu", "3.10-6"),
        # guide 3.10 报错提示6 (no user linked to cert)
        ("zai nali kan zhengshu youxiaoqi", "2.1"),
        # guide 2.1 (check validity in BJCA assistant)
        ("ukey yunwei renyuan 电话多少 qq能远程吗", "3.12"),
        # guide 3.12 (ops contacts with QQ remote)
        ("网址手敲的 ca.12309.gov.cn：8080 打不开，是不是冒好输错了", "2.2"),
        # guide 2.2 1) 注 (common typing errors: https s, Chinese colon)
    ],
    "pasted_errors": [
        (
            "2026-12-03 09:41:22  https://ca.12309.gov.cn:8080/x"
            "txuserweb  您的证书非本系统用户，不能登录当前系统  [确定]   我用的就是红色那把key啊",
            "3.10-5",
        ),
        # guide 3.10 报错提示5 (message text quoted in guide)
        ("来自网页的消息\n您的证书已被吊销，不能进行在线更新\n确定", "3.10-5"),
        # guide 3.10 报错提示5 (second quoted message)
        (
            "login.12309.gov.cn 显示：未查询到与证书关联的用户。"
            "  ——我们院去年升格改名，当时给过一把新key，我这次延期的是旧的那把",
            "3.10-6",
        ),
        # guide 3.10 报错提示6 case 1 (use the new key)
        ("提示：无权限  地址栏是 https://login.12309.gov.cn/portal/index.html?from=fav 收藏夹点进来的", "3.10-7"),
        # guide 3.10 报错提示7 (enter bare address without suffix)
        ("解锁提交后弹出：正在解锁中……  已经等了十分钟还是这个 [确定]", "3.6"),
        # guide 3.6 7) ("正在解锁中" = browser error, set compatibility mode)
        ("[10:02:13] Ukey登录失败：证书无效   （五分钟前刚做完延期）", "3.9-2"),
        # guide 3.9 情况2 (wait 15 minutes)
        ("Ukey登录  提示：密码错误，您还可以尝试4次   延期时刚设的新密码，确定没输错", "3.9-3"),
        # guide 3.9 情况3 b (after renewal password wrong -> change in assistant)
        ("解锁成功之后登录网站：\n用户PIN码已锁定，请联系管理员\n确定", "3.9-4"),
        # guide 3.9 情况4 (locked after unlock)
        (
            "无法显示此页\n• 确保 Web 地址 http://ca.12309.gov.cn:"
            "8080/txxuserweb 正确\n• 使用必应查找该页\n 这是我自己照着纸上敲的",
            "2.2",
        ),
        # guide 2.2 1) 注 (copy address; common typos: https without s)
        ("输完证书密码点登录，弹出：请使用IE浏览器访问本页面  确定   （之前兼容模式下没输入框才换的极速）", "3.8"),
        # guide 3.8 b-c (no input in compat, IE prompt in speed mode)
        ("解锁数字证书密码 → 提交 → 验证码错误，请重新输入 [确定] 我输了三次都这样", "3.10-3"),
        # guide 3.10 报错提示3 (refresh the captcha)
        ("BJCA证书助手 错误码 0x0B000001 打开设备失败/未找到设备  证书列表空白", "3.3"),
        # guide 3.3 (assistant shows no certificate -> USB port, restart, reinstall...)
        (
            "NET::ERR_CERT_AUTHORITY_INVALID  您的连接不是私密连接  https"
            "://ca.12309.gov.cn:8080/xtxuserweb  用的是谷歌浏览器打开延期网站",
            "2.2",
        ),
        # guide 2.2 1)-2) (use 360 secure browser in compatibility mode for renewal site)
        ("证书助手显示：有效期 2023-07-18 至 2023-09-18\n网页那边已经显示证书下载成功了", "3.9-1"),
        # guide 3.9 情况1 (replug and re-check validity)
        (
            "Message from webpage: No user associated with this certificate was found. [OK]  (login.12309.gov.cn)",
            "3.10-6",
        ),
        # guide 3.10 报错提示6 (account binding)
        (
            "12309中国检察网管理平台 > Ukey登录 > 单位名称：（空）  请插入Ukey   key插着呢，证书助手里也能看到证书",
            "3.5",
        ),
        # guide 3.5 (cert present but no procuratorate name on Ukey login)
    ],
    "rules": [
        ("蓝色的key要延吗", "1.3"),
        # guide 1.3 注1 (only the red Ukey)
        ("我们那把key过期快俩月了，还能延期吗？", "1.3"),
        # guide 1.3 注2 (over 30 days -> cannot)
        ("证书助手里看有效期到2028年了，这还用延期吗？", "2.1"),
        # guide 2.1 注 (renew regardless of current expiry)
        ("延期以后原来的密码还能用吗", "1.1"),
        # guide 1.1 (renewal changes the original password; remember new one)
        ("最近有几个案件要发布，能先延期再发吗？", "1.1"),
        # guide 1.1 温馨提示 (finish publishing before renewing)
        ("延期一共几步，先干啥后干啥", "1.1"),
        # guide 1.1 (three steps: check, renew, verify)
        ("延期是在哪个网站上做？", "2.2"),
        # guide 2.2 1) (ca.12309.gov.cn:8080 renewal site)
        ("默认密码多少", "2.2"),
        # guide 2.2 3) 注 (default 111111)
        ("延期做完以后怎么确认真的成功了？要隔多久再去登录？", "2.3"),
        # guide 2.3 (replug, check assistant, after 15 min relogin)
        ("信访那把key是干嘛用的，一般归哪个部门拿着", "1.2"),
        # guide 1.2 (信访 Ukey: 控申, online petitions)
        ("院里翻遍了也找不到信息发布那把key，该找谁问", "1.2"),
        # guide 1.2 (can't find key -> contact superior procuratorate counterpart)
        ("延期之前在证书助手上看到的那个日期要不要记下来，有啥用", "2.1"),
        # guide 2.1 2) (record for later comparison)
    ],
    "off_topic": [
        ("工行U盾密码输错被锁了，怎么解锁", None),
        # not in guide (bank U盾)
        ("个税APP登录密码忘了怎么找回", None),
        # not in guide
        ("群众想在12309上预约律师阅卷，流程怎么走", None),
        # not in guide (12309 public services)
        ("12309上提交的控告申诉多久能有回复", None),
        # not in guide (public-side 12309 service)
        ("检察业务应用系统2.0的账号被锁了找谁解", None),
        # not in guide (2.0 system only mentioned for org code)
        ("电子税务局的CA证书到期了怎么续期", None),
        # not in guide (other CA)
        ("打印机一直提示卡纸但里面没纸", None),
        # not in guide
        ("360安全卫士老弹窗让修复漏洞，修不修", None),
        # not in guide (360 other product)
        ("Windows开机密码忘了进不去系统", None),
        # not in guide (computer own settings)
        ("Chrome says 'Your connection is not private' when opening our internal OA site", None),
        # not in guide (other site's certificate warning)
        ("How do I renew my personal S/MIME certificate in Outlook?", None),
        # not in guide
        ("办公楼门禁卡丢了去哪补", None),
        # not in guide
        ("电脑锁屏时间太短了，怎么调长一点", None),
        # not in guide (computer settings)
        ("政务外网VPN的证书过期了连不上", None),
        # not in guide (other certificate)
        ("手机银行提示安全证书过期", None),
        # not in guide
        ("Word文档设了打开密码现在忘了", None),
        # not in guide
        ("身份证快过期了去哪换", None),
        # not in guide (personal matter)
        ("BitLocker recovery key prompt on boot", None),
        # not in guide
        ("检察院内网邮箱登录不上，提示账号已锁定", None),
        # not in guide (other system)
        ("WPS会员过期了单位给报销吗", None),
        # not in guide
    ],
}

for _kind, _questions in BATCH_11.items():
    HELD_OUT_KINDS[_kind] += _questions

# Batch 12, written from the guide alone by someone who never saw the search, its data or the earlier
# batches (20 questions per kind; the guide's sections in the comments), and first measured untuned (tuned on
# after: docs/performance.md): on the search before batch 11's corrections and as it then stood (the figure
# that counts): colloquial
# 20/20 → 20/20 first, English 17/20 → 17/20 (top 3 19/20), pinyin/typos 20/20 → 20/20, pasted 17/20 → 18/20
# (top 3 19/20 → 20/20), rules 17/20 → 17/20 (top 3 20/20); off-topic 17/20 → 17/20 rightly unanswered.
BATCH_12: dict[str, list[tuple[str, str | None]]] = {
    "colloquial": [
        (
            "喂，我们院那把红key，证书助手一打开空空的，啥信息都不显示，咋整？",
            "3.3",
        ),  # guide 3.3 (assistant shows no certificate info)
        ("密码连着输错好几回，现在说锁住了，怎么解开", "3.6"),  # guide 3.6 (locked/forgotten password -> unlock flow)
        (
            "解锁申请那里要填姓名手机，当初延期是谁填的早忘了，填了几次都说不对",
            "3.6",
        ),  # guide 3.6 3) (name/phone mismatch -> add ops WeChat with cert info)
        (
            "我们信访那把key找不着了，估计是丢了，补一把新的走什么流程",
            "3.7",
        ),  # guide 3.7 (lost: letter to SPP counterpart department)
        ("申请函里面都要写些啥？要不要盖章？", "3.7"),  # guide 3.7 (letter contents incl. 加盖公章)
        ("坏掉的key要寄回去吧，寄给谁、寄到哪儿？", "3.7"),  # guide 3.7 (courier to 巩婧, 香山南路109号)
        ("组织机构代码我们这边谁都不知道，key盒子上也没贴标签", "3.7"),  # guide 3.7 注2 (ways to find the 6-digit code)
        ("延期弄完了，助手里看日期还是原来那个，没变啊", "3.9-1"),  # guide 3.9 情况1 (unplug/replug and re-check)
        ("刚延期完马上去登，说证书无效，是不是白弄了", "3.9-2"),  # guide 3.9 情况2 (wait 15 minutes)
        (
            "我刚才改密码的时候设了个挺长的，十来位，现在登录老说密码不对",
            "3.9-3",
        ),  # guide 3.9 情况3 a (first 8 characters are the password)
        (
            "解锁明明成功了呀，可一登录还是提示密码锁定了",
            "3.9-4",
        ),  # guide 3.9 情况4 (unlock probably failed, redo in compatibility mode)
        ("点了UKey登录，那里不出来我们院的名字，登不上", "3.5"),  # guide 3.5 (UKey login shows no procuratorate name)
        (
            "刚换了台新电脑，以前从没在这台上用过key登录，得先装点啥吗",
            "3.1",
        ),  # guide 3.1 (first-time use on a computer)
        ("我这台是信创的，国产系统，红key插上能用不", "3.1"),  # guide 3.1 1 注 (信创/国产 OS not supported for red key)
        ("下载证书那步一直在转，我能先拔下来换个口再插吗？", "2.2"),  # guide 2.2 8) (about 2 min, do not unplug)
        (
            "兼容模式打开没有输入框，切极速出来了，输完密码又叫我用IE，IE也弄不成，折腾一上午了",
            "3.8",
        ),  # guide 3.8 a–f (switch to another computer)
        (
            "助手里看不到证书，另外我密码也记不清了，先弄哪个？",
            "3.3",
        ),  # guide 3.3 (no certificate comes first; unlock needs a readable key)
        ("除了这些之外还有点别的问题，你们那个能远程的QQ是多少", "3.12"),  # guide 3.12 (ops contacts with QQ remote)
        (
            "key能登进去了，但进去后账号权限不对，有些板块用不了，这个找谁",
            "3.12",
        ),  # guide 3.12 (site/account permission -> platform ops)
        (
            "解锁那页一直显示正在解锁中，半天不动",
            "3.6",
        ),  # guide 3.6 7) (正在解锁中 = browser issue, use compatibility mode)
    ],
    "english": [
        (
            "Which of our USB keys actually need this renewal? We have red, blue and silver ones.",
            "1.3",
        ),  # guide 1.3 注1 (only the red key)
        ("key expired two months ago", "1.3"),  # guide 1.3 注2 (expired over 30 days cannot be renewed)
        ("Cert assistant shows nothing", "3.3"),  # guide 3.3 (no certificate info in assistant)
        ("How do I put 360 Secure Browser into compatibility mode?", "3.4"),  # guide 3.4 (lightning icon -> 兼容模式)
        ("Forgot Ukey PIN", "3.6"),  # guide 3.6 (reset password)
        (
            "Where do I get the BJCA certificate assistant installer and which exe do I run after unzipping?",
            "3.2",
        ),  # guide 3.2 (zszs.zip, 证书应用环境安装程序.exe)
        (
            "Our key was crushed in a drawer and no longer works. How do we get a replacement?",
            "3.7",
        ),  # guide 3.7 (damaged: send key + letter)
        (
            "How can I check that the renewal really worked?",
            "2.3",
        ),  # guide 2.3 (replug, check validity, log in after 15 min)
        (
            "The confirmation page has no Next button at the bottom, I can't continue.",
            "3.9-5",
        ),  # guide 3.9 情况5 (drag-select / zoom 75%)
        (
            "After logging in with the key the platform just says I have no permission.",
            "3.10-7",
        ),  # guide 3.10 报错7 (use bare login URL)
        (
            "The UKey login dropdown doesn't list our procuratorate, so I can't sign in.",
            "3.5",
        ),  # guide 3.5 (five troubleshooting steps)
        (
            "Which password do I use to log in after the renewal, the old one or the one I set during it?",
            "2.2",
        ),  # guide 2.2 6) (new password becomes the login password)
        ("Who do I call for Ukey support?", "3.12"),  # guide 3.12 (朱岩 / 宗达)
        ("default key password?", "2.2"),  # guide 2.2 3) 注 (default 111111)
        ("What are the steps of the renewal, in order?", "1.1"),  # guide 1.1 (three steps: check, renew, verify)
        (
            "What should I enter for contact name and mobile on the rene"
            "wal form? Our section chief or the clerk who keeps the key?",
            "2.2",
        ),  # guide 2.2 4) (current holder; used later for unlocking)
        (
            "Can the red key be used on a Kylin (domestic OS) computer?",
            "3.1",
        ),  # guide 3.1 1 注 (not for 信创/domestic OS)
        (
            "I set a new 10-character password during unlock and now login says the password is wrong.",
            "3.9-3",
        ),  # guide 3.9 情况3 a (use first 8 chars)
        (
            "Right after the renewal the site rejects my key as an invalid certificate.",
            "3.9-2",
        ),  # guide 3.9 情况2 (wait 15 minutes)
        ("Which department usually holds the petition (xinfang) key?", "1.2"),  # guide 1.2 table (控申部门)
    ],
    "pinyin_typos": [
        ("zhengshu zhushou bu xianshi zhengshu xinxi", "3.3"),  # guide 3.3 (assistant shows no certificate)
        ("360浏览器怎么切换jianrong模式", "3.4"),  # guide 3.4 (compatibility mode)
        ("ukey mima wangle zenme chongzhi", "3.6"),  # guide 3.6 (reset password)
        ("证数有效期在哪看", "2.1"),  # guide 2.1 (open BJCA assistant to see validity)
        ("下一布按纽不见了", "3.9-5"),  # guide 3.9 情况5 (下一步 button missing)
        ("ukey diushi le zenme bu ban", "3.7"),  # guide 3.7 (lost key procedure)
        ("延其后登路提示证书无效", "3.9-2"),  # guide 3.9 情况2 (wait 15 min)
        ("解锁后登陆提示密码以锁定", "3.9-4"),  # guide 3.9 情况4 (unlock not successful, redo)
        ("登录进去提示无权线", "3.10-7"),  # guide 3.10 报错7 (无权限)
        ("提示未查询到与证书关连的用户", "3.10-6"),  # guide 3.10 报错6 (account binding)
        ("BJCA zhengshu zhushou xiazai dizhi", "3.2"),  # guide 3.2 (download address)
        ("hongse ukey yao yanqi ma, lanse de ne", "1.3"),  # guide 1.3 注1 (only red)
        ("dianao diyici yong ukey denglu", "3.1"),  # guide 3.1 (first-time login)
        ("ukey登录检查院名称没显示 wufa denglu", "3.5"),  # guide 3.5 (no procuratorate name)
        (
            "360 qingchu huancun zenme nong, qingchu shangwang henji zai na",
            "3.5",
        ),  # guide 3.5 4) (clear browsing traces)
        ("姓名手机填措了解锁申请过不去", "3.6"),  # guide 3.6 3) (name/phone mismatch)
        ("zuzhi jigou daima zai nali kan", "3.7"),  # guide 3.7 注2 (org code sources)
        ("延期完了有效期没便", "3.9-1"),  # guide 3.9 情况1 (replug and re-check)
        ("yanqi wangzhi shi shenme", "2.2"),  # guide 2.2 1) (ca.12309.gov.cn:8080 renewal site)
        ("ukey yunwei renyuan dianhua duoshao", "3.12"),  # guide 3.12 (ops contacts)
    ],
    "pasted_errors": [
        (
            "[2026-12-07 09:13:22] 您的证书非本系统用户，不能"
            "登录当前系统  [确定]   这啥意思？我就在更新数字证书那里点的登录",
            "3.10-5",
        ),  # guide 3.10 报错5 (message text)
        (
            "login.12309.gov.cn 显示：\n未查询到与证书关联的用户\n确定\n——我们院前年改过名，当时好像发过新key",
            "3.10-6",
        ),  # guide 3.10 报错6 case 1 (use the new key)
        (
            "地址栏是 https://login.12309.gov.cn/portal/index.html?redirect=%2Fmanage ，登进去弹：无权限",
            "3.10-7",
        ),  # guide 3.10 报错7 (URL has a suffix; use bare address)
        (
            "解锁数字证书密码\n正在解锁中……\n(已经过去十分钟了)",
            "3.6",
        ),  # guide 3.6 7) (正在解锁中 -> compatibility mode)
        (
            "无法显示此页\n确保 Web 地址 https：//ca.12309.gov.cn：8080/txxuserweb 正确\n我是照着纸上手敲的",
            "2.2",
        ),  # guide 2.2 1) 注 (Chinese colon typing error; copy the address)
        (
            "此网站无法访问\nca.12309.gov.cn 拒绝了我们的连接请求。\nERR_CONNECTION_REFUSED\n我输的是 http://ca.12309.gov.cn:8080/xtxuserweb",
            "2.2",
        ),  # guide 2.2 1) 注 (https without s)
        (
            "输入证书密码点登录后页面提示：请使用IE浏览器打开本页面。之前兼容模式根本没输入框，是切的极速，缓存也清过了",
            "3.8",
        ),  # guide 3.8 c/e (change computer)
        ("10:02 登录失败：证书无效\n我是9:55刚做完延期的", "3.9-2"),  # guide 3.9 情况2 (wait 15 min)
        (
            "密码错误，您还有4次重试机会  确定   ——解锁时新密码设的 Abc123456789",
            "3.9-3",
        ),  # guide 3.9 情况3 a (first 8 chars valid)
        (
            "更新数字证书 → 输入证书密码 → 登录 → 弹框：证书口令已锁定，请联系管理员。 这是还没开始延期呢",
            "3.6",
        ),  # guide 2.2 3) 注 -> 3.6 (locked before renewal: reset)
        (
            "解锁成功那个页面都弹了，回去12309登录又提示：用户PIN码已被锁定",
            "3.9-4",
        ),  # guide 3.9 情况4 (redo unlock in compatibility mode)
        ("提示信息：您的证书已被吊销，不能进行在线更新。", "3.10-5"),  # guide 3.10 报错5 (second message)
        (
            "BJCA证书助手\n未检测到证书，请插入Ukey\n[确定]\nkey明明插着，灯也亮",
            "3.3",
        ),  # guide 3.3 (no certificate shown)
        (
            "解锁的时候输完授权码和新密码，提交后提示：验证码错误。重输了两次还是这样",
            "3.10-3",
        ),  # guide 3.10 报错3 (refresh the captcha during unlock)
        (
            "BJCA证书助手：获取证书列表失败(0x0B000001)  换了个USB口也一样",
            "3.3",
        ),  # guide 3.3 ②→③ (assistant cannot read certificate; continue restart/reinstall)
        (
            "新证书有效期: 2026年12月07日至2031年12月07日\n后续操"
            "作:\n点击“下一步”按钮进行证书密码设置操作。\n可页面底下根本没有按钮",
            "3.9-5",
        ),  # guide 3.9 情况5 (下一步 not displayed)
        (
            "当前证书有效期: 2025年10月01日至2025年11月01日  —— 今天都12月7号了，这个还能延吗",
            "1.3",
        ),  # guide 1.3 注2 (expired >30 days cannot renew)
        (
            "证书助手：有效期 2024-01-05 至 2026-12-20。延期那边已经弹了下载成功，再打开助手还是12-20",
            "3.9-1",
        ),  # guide 3.9 情况1 (unplug, re-check)
        ("解锁申请提交成功！\n然后呢？解锁授权码从哪儿来", "3.6"),  # guide 3.6 5) (contact ops for approval and code)
        ("双击证书助手弹出：请先安装证书应用环境  这个在哪装", "3.2"),  # guide 3.2 3) (证书应用环境安装程序.exe)
    ],
    "rules": [
        ("我们院还有蓝色和银色的key，这次也要一起延期吗", "1.3"),  # guide 1.3 注1 (only the red key)
        ("助手里显示证书到2028年才到期，那还用延吗", "2.1"),  # guide 2.1 注 (renew regardless of year)
        ("过期一个多月了还能延期吗", "1.3"),  # guide 1.3 注2 (over 30 days cannot)
        ("延期做完以后多久生效", "2.1"),  # guide 2.1 注 (effective after 15 minutes)
        ("延期一共几步，先干哪个", "1.1"),  # guide 1.1 (three steps)
        ("第一步为什么要把原来的有效期抄下来", "2.1"),  # guide 2.1 2) (for comparison after upgrade)
        ("延期在哪个网站上做？用哪个浏览器？", "2.2"),  # guide 2.2 1) (360 browser, ca.12309.gov.cn:8080)
        ("要不要等手头的信息发布都发完了再去延期", "1.1"),  # guide 1.1 温馨提示 (finish publishing first)
        ("怎么确认延期成功", "2.3"),  # guide 2.3 (verify)
        ("验证登录之前浏览器要关掉重开吗", "2.3"),  # guide 2.3 (3) (close then reopen browser)
        ("一个院一般有几把key，各在哪个部门", "1.2"),  # guide 1.2 (usually 4, per department)
        ("信息发布那把key一般归哪个部门管", "1.2"),  # guide 1.2 table row 2
        ("本院某个部门的key死活找不到，该问谁", "1.2"),  # guide 1.2 (contact superior procuratorate counterpart)
        ("下载证书那一步大概要多久，中间能断网吗", "2.2"),  # guide 2.2 8) (about 2 min, no power/network loss)
        ("解锁时设的新密码有什么要求，几位", "3.6"),  # guide 3.6 6) (letters+digits, 6–8)
        (
            "延期表里的联系人填领导还是实际拿key的人？这个信息以后有用吗",
            "2.2",
        ),  # guide 2.2 4) (current holder; used for unlocking)
        ("延期能在单位内网电脑上做吗", "3.1"),  # guide 3.1 1 (must be Windows internet computer)
        ("key丢了和key坏了，补办流程一样吗", "3.7"),  # guide 3.7 (damaged vs lost flows)
        ("登录平台以后网站用不了或者账号权限的问题，也是找ukey那两个人吗", "3.12"),  # guide 3.12 (platform ops numbers)
        ("延期网址可以自己手打吗", "2.2"),  # guide 2.2 1) 注 (copy address; common typos)
    ],
    "off_topic": [
        ("工商银行的U盾密码忘了，怎么重置", None),  # not in guide (bank key)
        ("个人所得税APP登录提示证书过期怎么办", None),  # not in guide (other app)
        ("电子税务局的CA证书到期了去哪续费", None),  # not in guide (other CA)
        ("群众在12309上提交的控告，怎么查办理进度", None),  # not in guide (12309 public service)
        ("检察业务应用系统2.0的登录密码忘了找谁", None),  # not in guide (2.0 only mentioned for org code)
        (
            "Chrome says 'Your connection is not private' on our internal OA site",
            None,
        ),  # not in guide (other site's cert warning)
        ("360浏览器怎么把默认主页改回百度", None),  # not in guide (browser setting)
        ("办公室复印机的部门密码忘了", None),  # not in guide (office device)
        ("Windows开机密码忘了进不去系统", None),  # not in guide (computer password)
        (
            "蓝色那把key登内网邮箱提示密码锁定了",
            None,
        ),  # not in guide (blue key belongs to another system, 1.3/3.1 only say it's not this one)
        ("WPS会员过期了，文档打不开", None),  # not in guide
        ("门禁卡丢了去哪补办", None),  # not in guide (lost card, not key)
        (
            "How do I renew the SSL certificate for our procuratorate website on nginx?",
            None,
        ),  # not in guide (server cert)
        ("电子签章的key默认PIN码是多少", None),  # not in guide (another key's PIN)
        ("12309检察服务热线电话是多少，我要举报", None),  # not in guide (public hotline)
        ("身份证过期了怎么换", None),  # not in guide (personal)
        ("电脑版微信登录提示环境异常", None),  # not in guide
        ("IE打开内网OA提示此网站的安全证书有问题", None),  # not in guide (other site's cert warning)
        ("电脑右下角时间不对，怎么同步", None),  # not in guide (OS settings)
        ("单位公众号后台管理员密码忘了", None),  # not in guide
    ],
}

for _kind, _questions in BATCH_12.items():
    HELD_OUT_KINDS[_kind] += _questions


# Written by the engineer working on the search, from the guide and common sense, for the kinds batch 12 left
# under 90 % (English, chapter 1–2 rules, off-topic), before anything was changed for them; first figures in
# docs/performance.md ("Batch 12 tuned on, and questions of one's own"). Not blind: the writer knew the search.
OWN_AFTER_12: dict[str, list[tuple[str, str | None]]] = {
    "english": [
        ("The key got run over by an office chair and the casing is cracked. What's the process for a new one?", "3.7"),
        ("Someone left the publishing key on a train and it's gone. Who do we report that to?", "3.7"),
        ("unlock page stuck spinning on unlocking in progress", "3.6"),
        ("Where do I download the BJCA cert assistant from?", "3.2"),
        ("How long does the certificate download take during renewal, and can I pull the key out meanwhile?", "2.2"),
        ("which browser for the renewal site", "2.2"),
        ("The Next button isn't there at the bottom of the confirmation page, the page looks cut off", "3.9-5"),
        ("Nothing happens when I plug the token in. No light, nothing in the assistant.", "3.3"),
        ("How long do I have to wait after renewing before I can log in to the platform?", "2.3"),
        ("We renewed this morning but the assistant still shows the old expiry date", "3.9-1"),
        ("After the unlock the login page still says the PIN is locked", "3.9-4"),
        ("What's the default PIN on these keys?", "3.6"),
        ("The cert expired two months ago - can we still renew online?", "1.3"),
        ("Do the blue and silver keys need renewing too or only the red one?", "1.3"),
        ("When I choose Ukey login the page doesn't show our procuratorate's name", "3.5"),
        ("Captcha keeps saying wrong even though I typed exactly what's in the picture", "3.10-3"),
        ("It says too many operations today, try again tomorrow. What now?", "3.10-2"),
        ("None of this works, who do I call?", "3.12"),
        ("key is physically damaged, usb connector bent, how to replace", "3.7"),
        ("Where do I find our organisation code for the application letter?", "3.7"),
    ],
    "rules": [
        ("延期前要不要先把证书有效期抄下来", "2.1"),
        ("有效期还有两年呢，这回也得延？", "2.1"),
        ("延期网址能自己手敲吗，还是要复制", "2.2"),
        ("下证书那两分钟能不能动key", "2.2"),
        ("延期完要过多久才能去登平台", "2.3"),
        ("延期以后key要不要拔下来重插一下", "2.3"),
        ("我们院四把key到底哪把要延期", "1.3"),
        ("蓝的那把过期了用不用管", "1.3"),
        ("证书过期四十天了，网上还能延期吗", "1.3"),
        ("信访那把key归哪个部门管", "1.2"),
        ("代表委员联络用的是哪把ukey", "1.2"),
        ("为啥非得延期，不延会咋样", "1.1"),
        ("延期总共分几步", "1.1"),
        ("延期时持有人填科长的还是管key的人的", "2.2"),
        ("延期的时候设的新密码以后登录就用它吗", "2.2"),
        ("延期成功了到底怎么确认", "2.3"),
        ("延期会不会把原来的密码改了", "1.1"),
        ("延期非得用360浏览器吗，谷歌的行不行", "2.2"),
        ("延期做到一半能不能先去发布信息", "1.1"),
        ("验证的时候要先关浏览器再开吗", "2.3"),
    ],
    "off_topic": [
        ("家里路由器的管理密码忘了", None),
        ("工作证丢了去哪补办", None),
        ("打印机一直显示脱机", None),
        ("电脑时间比北京时间慢了五分钟", None),
        ("护照过期了怎么续签", None),
        ("图书馆借的书到期了怎么续借", None),
        ("驾驶证下个月到期，怎么换证", None),
        ("门禁卡消磁了刷不开门", None),
        ("内网邮箱满了怎么清理", None),
        ("钉钉打卡定位不对", None),
        ("The laptop clock is wrong after the CMOS battery was replaced", None),
        ("Forgot my Windows Hello PIN", None),
        ("The VPN token for remote access is locked after too many tries", None),
        ("Teams keeps saying my account is locked", None),
        ("How do I renew my driving licence?", None),
        ("Our Wi-Fi password changed and the laptop won't connect", None),
        ("笔记本电池不充电了", None),
        ("孩子学校平台的账号登不上去", None),
        ("蓝色key插内网电脑登案件系统提示证书过期", None),
        ("单位政务微博的账号密码忘记了", None),
    ],
}

for _kind, _questions in OWN_AFTER_12.items():
    HELD_OUT_KINDS[_kind] += _questions


# Batch 13, written blind from the guide alone by someone who never saw the search, its data or the earlier
# batches (30 questions per kind; the guide's sections in the comments), and first measured before anything was
# changed for it (tuned on after: docs/performance.md), on the search before batch 12's tuning and as batch 12's
# tuning left it: colloquial 28/30 → 28/30 first (top 3 30/30), English 25/30 → 27/30 (29/30), pinyin/typos 28/30
# → 28/30 (29/30), pasted 24/30 → 24/30 (29/30), rules 24/30 → 25/30 (30/30); off-topic 26/30 → 27/30 unanswered.
BATCH_13: dict[str, list[tuple[str, str | None]]] = {
    "colloquial": [
        ("喂，我们科新领了台电脑，以前从来没在这台上插过那个红key，现在要登12309管理平台，从头要怎么弄啊？", "3.1"),
        # guide 3.1 (first use on a PC: check PC/key suitability, install assistant, log in via Ukey登录)
        ("院里刚换的信创机，装的国产系统，红key插上去能用不", "3.1"),
        # guide 3.1 1、注 (信创电脑/国产操作系统不适用红色Ukey)
        ("助手去哪下", "3.2"),
        # guide 3.2 1)/2) (two download ways for BJCA 证书助手)
        ("助手那个压缩包下下来了，里面好几个文件，到底双击哪个装？", "3.2"),
        # guide 3.2 3) (双击“证书应用环境安装程序.exe”)
        ("压缩包双击打不开，这台机子好像没装解压软件，咋办", "3.2"),
        # guide 3.2 3) 注 (无解压缩软件则自行下载或找本院技术)
        ("助手打开里面是空的，一条证书都没有。还有那个密码我也记不清了，先弄哪个？", "3.3"),
        # guide 3.3 (no certificate shown must be solved first; password/unlock 3.6 needs a working key)
        ("USB口换过了，电脑也重启了，助手还是显示没证书，接下来咋整", "3.3"),
        # guide 3.3 ④ (after ②③ fail: reinstall assistant, then ⑤ another PC)
        ("我们这边用的都是云桌面，插上key助手里啥也看不到，是不是key坏了？", "3.3"),
        # guide 3.3 ⑤ (use an ordinary Windows PC, 非云桌面电脑) before ⑥ judging it damaged
        ("那个360浏览器的兼容模式在哪儿调啊，我找半天了", "3.4"),
        # guide 3.4 1) (地址栏右侧闪电标志 → 兼容模式)
        ("地址栏右边那个小闪电我点了，可是图标没变成e", "3.4"),
        # guide 3.4 1) (闪电变为 e 表明切换成功)
        ("助手里证书好好的，一到管理平台点Ukey登录，检察院名称那栏就是空的，进不去", "3.5"),
        # guide 3.5 (证书助手有证书但Ukey登录未显示检察院名称)
        ("登录不出院名，技术说要清浏览器缓存，清除上网痕迹那里时间段选哪个？", "3.5"),
        # guide 3.5 4) (清除上网痕迹，时间段选“全部”)
        ("还是不出院名，让我关机再开，我点重启行不行？", "3.5"),
        # guide 3.5 5) (关机，非重启，非睡眠)
        ("key的密码谁也想不起来了，试了几次就锁住了，怎么办", "3.6"),
        # guide 3.6 (忘记/重置Ukey密码 via 解锁数字证书密码)
        ("解锁要填姓名和手机，当初延期时填信息的同事已经调走了，不知道他填的啥", "3.6"),
        # guide 3.6 3) (姓名/手机不正确 → 加运维微信并提供证书信息)
        ("解锁申请交上去了，那个授权码找谁要？", "3.6"),
        # guide 3.6 5) (联系Ukey运维人员审批并获取解锁授权码)
        ("解锁设新密码老说不符合要求，我设的是六个1", "3.6"),
        # guide 3.6 6) (新密码必须字母+数字组合，6-8位)
        ("解锁点了提交以后页面一直显示正在解锁中，都半小时了", "3.6"),
        # guide 3.6 7) (“正在解锁中”代表浏览器错误 → 兼容模式)
        ("不好意思问一下，我们信访那把key找不着了，可能搬办公室的时候弄丢了，要怎么补一把", "3.7"),
        # guide 3.7 丢失情况 (申请函报备最高检业务对口部门)
        ("key摔了一下插口断了，申请新的要把旧的寄到哪，收件人是谁？", "3.7"),
        # guide 3.7 损坏情况 (损坏key+申请函寄最高检技术信息研究中心，收件人巩婧)
        ("申请函上要写组织机构代码，我们不知道是多少，key上也没贴标签", "3.7"),
        # guide 3.7 注2 (组织机构代码获取方式①-⑤)
        ("兼容模式打开没有输入框，换极速有了，输完密码又让用IE，用IE也弄不成，来回折腾一上午了", "3.8"),
        # guide 3.8 a-f (复杂情况 → 更换电脑)
        ("延期都弄完了，再开助手一看有效期还是原来那个日子", "3.9-1"),
        # guide 3.9 情况1 (插拔Ukey后重新查看)
        ("刚延完期马上去登录，说证书无效，是不是白弄了", "3.9-2"),
        # guide 3.9 情况2 (等待15分钟再登录)
        ("改完密码登录一直说密码不对，我肯定没输错，我设的挺长的有十来位", "3.9-3"),
        # guide 3.9 情况3 a (新密码前8位为正确密码)
        ("运维给解了锁了，登录还是说密码已锁定", "3.9-4"),
        # guide 3.9 情况4 (解锁可能未成功，兼容模式下重新解锁)
        ("解锁那页往下拉到底也找不着下一步，是不是我屏幕太小", "3.9-5"),
        # guide 3.9 情况5 (拖选最后一行文字 / 缩放调至75%)
        ("延期的时候报错，意思是这把key没法延期、已经损坏了，那还有救吗", "3.10-1"),
        # guide 3.10 报错提示1 (该报错表明无法延期已损坏 → 按3.7更换)
        ("登管理平台提示没查到跟证书关联的用户。对了，我们院前年从县院改成区院，还发过一把新key", "3.10-6"),
        # guide 3.10 报错提示6 1. (名称/级别变更后发了新key，延期的是旧key → 用新key)
        ("远程帮我看一下行吗，你们运维QQ多少", "3.12"),
        # guide 3.12 (Ukey运维联系人QQ可远程)
    ],
    "english": [
        (
            "Brand-new PC, never used the red Ukey on it before. What's the setup sequence before I can"
            " log in to the 12309 admin platform?",
            "3.1",
        ),
        # guide 3.1 (first-time use: suitable PC/key, install assistant, Ukey登录)
        ("Does the red token work on a Kylin OS machine?", "3.1"),
        # guide 3.1 1、注 (信创/国产操作系统 not supported for red key)
        ("BJCA assistant download link?", "3.2"),
        # guide 3.2 1) (zszs.zip download address)
        ("Unzipped the assistant package — which installer do I run?", "3.2"),
        # guide 3.2 3) (证书应用环境安装程序.exe)
        ("cert assistant shows nothing", "3.3"),
        # guide 3.3 (证书助手未显示证书信息)
        (
            "IT here. Token plugged in, BJCA assistant opens but lists no certificate. Already tried an"
            "other USB port and a reboot. What's left before we declare the token dead?",
            "3.3",
        ),
        # guide 3.3 ④⑤⑥ (reinstall assistant, try another ordinary Windows PC, then contact ops)
        ("How to switch 360 Secure Browser to compatibility mode", "3.4"),
        # guide 3.4 1)
        ("In 360 I picked compatibility from the lightning menu but the icon never turns into the 'e'.", "3.4"),
        # guide 3.4 1) (闪电变 e 表明切换成功)
        (
            "On the 12309 admin login page, after choosing UKey login the procuratorate name stays blan"
            "k and I can't sign in, although the assistant does show a certificate.",
            "3.5",
        ),
        # guide 3.5 (有证书但无法登录、未显示检察院名称)
        ("Still no procuratorate name on UKey login. Is a restart enough or do I need a full shutdown?", "3.5"),
        # guide 3.5 5) (关机非重启)
        ("forgot Ukey PIN", "3.6"),
        # guide 3.6 (reset via 解锁数字证书密码)
        ("The unlock form rejects the name and mobile number — whoever did the renewal has left. What now?", "3.6"),
        # guide 3.6 3) (add ops WeChat, send certificate info from assistant)
        ("Where do I get the unlock authorization code?", "3.6"),
        # guide 3.6 5) (from Ukey运维人员 after approval)
        ("What are the rules for the new PIN when unlocking? Digits only keeps getting rejected.", "3.6"),
        # guide 3.6 6) (letters+digits, 6-8 chars)
        ("Token cracked, need replacement", "3.7"),
        # guide 3.7 损坏情况
        ("We lost the complaints-office Ukey. How do we get a new one issued?", "3.7"),
        # guide 3.7 丢失情况 (letter to SPP business counterpart)
        ("What must the application letter for a replacement key contain, and does it need our official seal?", "3.7"),
        # guide 3.7 申请函内容 (name, org code, key type, reason, receiver, 公章)
        ("Where can I find our 6-digit organization code?", "3.7"),
        # guide 3.7 注2 (label, other depts, 2.0 case number, assistant, ops)
        (
            "Compatibility mode shows no input fields; speed mode shows them but then demands IE; IE fa"
            "ils too. Cleared cache, reinstalled the assistant. Out of ideas.",
            "3.8",
        ),
        # guide 3.8 a-f (change computer)
        ("expiry date unchanged after renewal", "3.9-1"),
        # guide 3.9 情况1 (unplug/replug and recheck)
        ("Renewal finished five minutes ago and the login now says the certificate is invalid.", "3.9-2"),
        # guide 3.9 情况2 (wait 15 minutes)
        ("After the renewal the site says wrong password, even though I'm typing the one I just set.", "3.9-3"),
        # guide 3.9 情况3 (first 8 chars / change password in assistant)
        ("Still 'password locked' after the unlock was approved", "3.9-4"),
        # guide 3.9 情况4 (redo unlock in compatibility mode)
        ("Next button missing", "3.9-5"),
        # guide 3.9 情况5 (drag-select last line / zoom 75%)
        ("The verification code keeps failing on the unlock page even though I type it exactly.", "3.10-3"),
        # guide 3.10 报错提示3 (click the captcha to refresh)
        (
            "Login says no user is associated with this certificate. We got a new key after the old one"
            " went missing last year, and I think I renewed the old one.",
            "3.10-6",
        ),
        # guide 3.10 报错提示6 2. (lost key reissued; renewed old one → use new key)
        ("Logged in from a bookmark with a long path and the platform just says 'no permission'.", "3.10-7"),
        # guide 3.10 报错提示7 (enter bare https://login.12309.gov.cn)
        ("Who do I call for remote help with the Ukey? Need a QQ number.", "3.12"),
        # guide 3.12 (朱岩 QQ 可远程)
        ("Can I pull the key out while the certificate is downloading? It's only been a minute.", "2.2"),
        # guide 2.2 8) (about 2 min; don't unplug, no power/network loss)
        ("The key expired about six weeks ago — can it still be renewed online?", "1.3"),
        # guide 1.3 注2 (过有效期超过30天则无法延期)
    ],
    "pinyin_typos": [
        ("zhengshu zhushou zai na xiazai", "3.2"),
        # guide 3.2 1)/2)
        ("证书应用环竟安装程序 双击没反映", "3.2"),
        # guide 3.2 3) (install step; 环境/反应 typos)
        ("证数助手打开没有证数信息", "3.3"),
        # guide 3.3 (未显示证书信息)
        ("换了usb口 chongqi le zhushou haishi kong de", "3.3"),
        # guide 3.3 ②③ → ④ reinstall
        ("360 jianrong moshi zenme qiehuan", "3.4"),
        # guide 3.4
        ("解锁时下一布按纽不显示", "3.9-5"),
        # guide 3.9 情况5 (下一步按钮不显示)
        ("ukey mima wangle zenme chongzhi", "3.6"),
        # guide 3.6
        ("解锁授全码找谁要", "3.6"),
        # guide 3.6 5) (授权码 from 运维)
        ("解锁一直显示正在解锁中 bu dong", "3.6"),
        # guide 3.6 7) (浏览器错误 → 兼容模式)
        ("延期后登路提示证书无效", "3.9-2"),
        # guide 3.9 情况2 (wait 15 min)
        ("yanqi hou youxiaoqi hai shi jiu de", "3.9-1"),
        # guide 3.9 情况1
        ("改了密马以后登录说密马错误", "3.9-3"),
        # guide 3.9 情况3
        ("jiesuo hou denglu haishi tishi mima yi suoding", "3.9-4"),
        # guide 3.9 情况4
        ("key丢了 zenme buban", "3.7"),
        # guide 3.7 丢失情况
        ("申请函要盖公张吗，寄到那里", "3.7"),
        # guide 3.7 (加盖公章; mailing address)
        ("zuzhi jigou daima zai nali kan", "3.7"),
        # guide 3.7 注2
        ("diyici yong ukey denglu 12309", "3.1"),
        # guide 3.1
        ("ukey登陆不显示检查院名称", "3.5"),
        # guide 3.5 (检察院名称; 检查 typo)
        ("清楚浏览器缓存 zenme caozuo", "3.5"),
        # guide 3.5 4) (清除上网痕迹)
        ("兼容模试没有输入匡，急速模式又叫用IE", "3.8"),
        # guide 3.8 a-c
        ("未查询到与证书关连的用户", "3.10-6"),
        # guide 3.10 报错提示6
        ("登录后提示无权线", "3.10-7"),
        # guide 3.10 报错提示7 (无权限)
        ("您的证书已被吊消，不能进行在线更新", "3.10-5"),
        # guide 3.10 报错提示5
        ("解锁时验正码老是报错", "3.10-3"),
        # guide 3.10 报错提示3 (refresh captcha)
        ("yunwei lianxi fangshi", "3.12"),
        # guide 3.12
        ("yanqi wangzhan dakai bu liao, https wangle xie s?", "2.2"),
        # guide 2.2 1) 注 ① (https 没写 s)
        ("xiazai zhengshu de shihou keyi ba key ma", "2.2"),
        # guide 2.2 8) (切勿插拔)
        ("兰色ukey要延期吗", "1.3"),
        # guide 1.3 注1 (only red; 蓝色 no)
        ("过期超过30天 hai neng yanqi ma", "1.3"),
        # guide 1.3 注2
        ("zenme kan zhengshu youxiaoqi", "2.1"),
        # guide 2.1 (BJCA证书助手 图1)
    ],
    "pasted_errors": [
        (
            "[2026-12-07 09:14:22] https://ca.12309.gov.cn:8080/xtxuserweb  提示：您的证书非本系统用户"
            "，不能登录当前系统   【确定】   我就是照着步骤点的",
            "3.10-5",
        ),
        # guide 3.10 报错提示5 (log in at xtxuserweb and renew per chapter 2)
        ("来自网页的消息\n您的证书已被吊销，不能进行在线更新。\n确定\n——这是啥意思，这把key还能延吗", "3.10-5"),
        # guide 3.10 报错提示5 (second quoted message)
        ("login.12309.gov.cn 显示\n未查询到与证书关联的用户\n确定\n密码是对的，这把是刚延完期的", "3.10-6"),
        # guide 3.10 报错提示6 (binding issue: old vs new key)
        (
            "https://login.12309.gov.cn/portal/index.html#/home?from=fav   无权限   返回首页    （从收藏夹点进来的）",
            "3.10-7",
        ),
        # guide 3.10 报错提示7 (bare address, no suffix)
        ("No user associated with the certificate was found.  [OK]   (12309 admin login, renewed yesterday)", "3.10-6"),
        # guide 3.10 报错提示6 (English UI)
        ("Your certificate is not a user of this system and cannot log in to the current system.  OK", "3.10-5"),
        # guide 3.10 报错提示5 (English UI)
        ("正在解锁中……\n（已经过了二十分钟，页面一直没变化）", "3.6"),
        # guide 3.6 7) (浏览器错误 → 兼容模式 3.4)
        ("解锁数字证书密码：提交失败，姓名或手机号码与证书登记信息不符。  14:05", "3.6"),
        # guide 3.6 3) (name/phone wrong → ops WeChat with cert info)
        ("“解锁申请提交成功”  然后呢？页面上也没让我再输别的", "3.6"),
        # guide 3.6 4)-5) (get approval and 解锁授权码 from ops, then step 6)
        ("更新数字证书 → 输入证书密码 → 登录 → 弹窗：证书口令已被锁定！ 确定 。之前从没解过锁", "3.6"),
        # guide 2.2 3) 注 → 3.6 (密码已锁定 → 重置)
        (
            "来自网页的消息：请使用IE浏览器打开本页面。  确定\n——兼容模式下没输入框，我是切到极速模式才看到输入框的",
            "3.8",
        ),
        # guide 3.8 a-c
        ("验证码错误！请重新输入   确定   10:31   解锁页面，输了三遍都这样", "3.10-3"),
        # guide 3.10 报错提示3 (点击验证码刷新)
        ("09:02 证书下载成功\n09:06 登录12309 → 证书无效，请检查您的证书\n确定", "3.9-2"),
        # guide 3.9 情况2 (wait 15 min)
        ("解锁刚弄好，登录框下面红字：Ukey密码错误，剩余重试次数4次", "3.9-3"),
        # guide 3.9 情况3 (延期/解锁后提示密码错误)
        (
            "证书助手 → 修改密码 → 提示：原密码错误，修改失败。\n（延期完登录网站说密码不对，照说明去助"
            "手里改也改不了）",
            "3.9-3",
        ),
        # guide 3.9 情况3 b (修改不成功 → 联系运维解锁)
        ("登录提示：Ukey密码已锁定，请联系管理员。\n运维昨天给了授权码，当时也显示解锁成功了", "3.9-4"),
        # guide 3.9 情况4
        ("证书有效期：2025年12月20日 至 2026年12月20日   ← 这是刚延期完在助手里看到的，没变啊", "3.9-1"),
        # guide 3.9 情况1 (插拔后重看)
        ("后续操作：点击“下一步”按钮进行证书密码设置操作。\n——页面就到这行字为止，底下什么按钮都没有", "3.9-5"),
        # guide 2.2 5) → 3.9 情况5 (no 下一步 button)
        (
            "Internet Explorer 无法显示该网页\n最可能的原因：未连接到 Internet；网站遇到问题；地址中可"
            "能存在键入错误。\n地址：http://ca.12309.gov.cn:8080/xtxuserweb",
            "2.2",
        ),
        # guide 2.2 1) 注 ① (https 没写 s; copy the address)
        (
            "无法访问此网站\n找不到 ca.l2309.gov.cn 的服务器 IP 地址。\nDNS_PROBE_FINISHED_NXDOMAIN\n我"
            "照着纸上的地址一个个敲的",
            "2.2",
        ),
        # guide 2.2 1) 注 ③ (地址拼写不正确)
        (
            "您的连接不是私密连接  NET::ERR_CERT_AUTHORITY_INVALID\nhttps://ca.12309.gov.cn:8080/xtxuse"
            "rweb  （用的谷歌浏览器）",
            "2.2",
        ),
        # guide 2.2 1)-2) (use 360安全浏览器 in 兼容模式 for the renewal site)
        ("该页面需要在IE内核下运行，请切换到兼容模式。   360安全浏览器   ——兼容模式在哪点", "3.4"),
        # guide 3.4 1)
        ("BJCA证书助手：未检测到USBKey，请插入USBKey！\nkey明明插着，灯也亮", "3.3"),
        # guide 3.3 ①-⑥
        ("错误代码 0x0B000001：打开设备失败\n—— 证书助手一启动就弹这个，列表里一个证书都没有", "3.3"),
        # guide 3.3 (assistant shows no certificate)
        (
            "无法识别的USB设备\n连接到此计算机的最后一个USB设备出现故障，Windows无法识别它。\n（插的是"
            "红key，换个口也一样）",
            "3.3",
        ),
        # guide 3.3 ②→⑤⑥ (other port, reboot, another PC, then damage)
        ("login.12309.gov.cn  Ukey登录   单位名称：[空白]   密码：******   登录\n—— 下拉框里就没有我们院", "3.5"),
        # guide 3.5 (未显示检察院名称)
        ("Windows 无法打开文件夹\n压缩(zipped)文件夹“C:\\Users\\jcy\\Downloads\\zszs.zip”无效。", "3.2"),
        # guide 3.2 3) 注 (解压缩软件)
        ("证书下载中，请耐心等待……\n我这边到点下班了，能先把key拔了明天再接着弄吗", "2.2"),
        # guide 2.2 8) (不要断电断网，切勿插拔)
        ("证书下载成功！   确定\n——接下来要怎么确认真延上了", "2.3"),
        # guide 2.2 9) → 2.3 (replug, check assistant, wait 15 min, log in)
        ("证书已过期（有效期至2026年10月15日）   今天都12月7号了，还能在线延期吗", "1.3"),
        # guide 1.3 注2 (>30天无法延期)
    ],
    "rules": [
        ("这次为啥非要给key延期？不延会怎样", "1.1"),
        # guide 1.1 (key将要过期，过期无法登录平台)
        ("延期总共分几步，先干啥后干啥", "1.1"),
        # guide 1.1 (three steps: check, renew, verify)
        ("关于我院Ukey延期事宜：为防止延期中途出现异常影响工作，事前须做何准备？", "1.1"),
        # guide 1.1 温馨提示 (先完成相关发布工作)
        ("一个院一般有几把这种key，分别在哪个部门", "1.2"),
        # guide 1.2 (通常4把，对应4个部门)
        ("我们院的信息发布key不知道在谁手里，该问谁", "1.2"),
        # guide 1.2 (找不到相应Ukey → 联系上级院业务对口部门)
        ("信访key管哪些功能", "1.2"),
        # guide 1.2 table (网上信访、群众意见板块)
        ("只有蓝色的key，也要延吗", "1.3"),
        # guide 1.3 注1
        ("过期两个月了还能延期吗", "1.3"),
        # guide 1.3 注2 (超过30天无法延期)
        ("这把红key是内网用的还是互联网用的，登哪个网站", "1.3"),
        # guide 1.3 (互联网Ukey, login.12309.gov.cn)
        ("我们院控申和办公室手里的都是银色的key，这次需要动吗", "1.3"),
        # guide 1.3 注1 (仅银色 → 无需延期)
        ("怎么查看key现在的有效期到哪天", "2.1"),
        # guide 2.1 1)-2)
        ("证书显示有效期到2029年，还用延吗", "2.1"),
        # guide 2.1 注 (无论到哪一年都需要延期)
        ("查有效期时要不要抄下来，抄了有啥用", "2.1"),
        # guide 2.1 2) (记录，用于后期比对)
        ("延期网站地址是什么", "2.2"),
        # guide 2.2 1)
        ("延期用什么浏览器、什么模式", "2.2"),
        # guide 2.2 1)-2) (360 安全浏览器，兼容模式)
        ("我们习惯手敲网址，敲延期地址时最容易错在哪", "2.2"),
        # guide 2.2 1) 注 ①②③
        ("进了延期网站以后点左边哪个菜单", "2.2"),
        # guide 2.2 3) (更新数字证书)
        ("证书密码框里填哪个密码，没改过的话默认是多少", "2.2"),
        # guide 2.2 3) 注 (登录密码；默认111111)
        ("延期页面让填联系人姓名手机，填院领导的还是拿key那个人的", "2.2"),
        # guide 2.2 4) (当前持有Ukey人员)
        ("延期时填的姓名手机以后有什么用，需要记下来吗", "2.2"),
        # guide 2.2 4) (用于解锁)
        ("信息核实页面发现手机号填错一位，怎么改", "2.2"),
        # guide 2.2 5) (刷新界面重新操作)
        ("延期过程中设置的新密码，以后登录就用这个？", "2.2"),
        # guide 2.2 6)
        ("下载证书大概得多长时间", "2.2"),
        # guide 2.2 8) (约2分钟)
        ("点了下载证书后能不能把笔记本合上先去开会", "2.2"),
        # guide 2.2 8) (不要断电断网)
        ("下载完弹出成功的界面，是不是就代表延期已经做完了", "2.2"),
        # guide 2.2 9)
        ("验证延期成不成功之前，要先把key拔下来吗", "2.3"),
        # guide 2.3 1)
        ("延完期要隔多久去平台登录验证，浏览器要不要重新开", "2.3"),
        # guide 2.3 (3) (15分钟后，先关浏览器再打开)
        ("怎么样才算延期成功了", "2.3"),
        # guide 2.3 2)-(3) (有效期延长且能正常登录)
        ("Which colour of Ukey needs renewing this time?", "1.3"),
        # guide 1.3 (红色)
        ("案管key都有哪些权限", "1.2"),
        # guide 1.2 table (法律文书公开、案件绑定、辩护与代理)
    ],
    "off_topic": [
        ("工行U盾密码输错被锁了，怎么解", None),
        # not in guide: bank U盾
        ("电子税务局的CA证书快过期了，在哪续", None),
        # not in guide: tax bureau CA
        ("检察业务应用系统2.0的登录密码忘了，找谁重置", None),
        # guide 3.7 only mentions 2.0 for org code; its password not covered
        ("我是当事人，想在12309上查一下自己案子的进度，怎么查", None),
        # not in guide: public-facing 12309 service
        ("律师在12309中国检察网上预约阅卷怎么操作", None),
        # not in guide: lawyer service
        ("群众打12309检察服务热线举报，晚上有人接吗", None),
        # not in guide: hotline
        ("老百姓想在网上提交信访材料，12309哪个入口", None),
        # not in guide: public petition entry (guide only lists 信访key's admin function)
        ("360浏览器怎么把默认主页改回百度", None),
        # not in guide
        ("360安全卫士老弹广告怎么关", None),
        # not in guide
        ("打开省政府采购网提示“此网站的安全证书有问题”，能点继续浏览吗", None),
        # not in guide: another site's certificate warning
        ("开机密码忘了，进不去Windows", None),
        # not in guide: computer's own password
        ("办公室打印机一直卡纸", None),
        # not in guide: office device
        ("文件柜的密码锁打不开了", None),
        # not in guide: physical lock
        ("个人所得税APP登录密码忘记了", None),
        # not in guide
        ("公积金网厅的数字证书过期了怎么办", None),
        # not in guide: other certificate
        ("How do I renew the SSL certificate on our court's public website?", None),
        # not in guide: server certificate
        ("YubiKey PIN reset", None),
        # not in guide: other hardware key
        ("Outlook keeps asking for my password", None),
        # not in guide
        ("蓝色的那把key是登别的系统的，它的密码忘了咋办", None),
        # guide 1.3/3.1: blue/other-colour keys are not this system's; their PIN not covered
        ("检察官证过期了去哪里换新的", None),
        # not in guide: personal credentials
        ("身份证过期了，能先用临时身份证吗", None),
        # personal matter
        ("电脑右下角时间老是不准，怎么调", None),
        # computer settings
        ("WPS文档加了密码打不开", None),
        # not in guide
        ("电脑版微信登录要手机确认，手机没带", None),
        # not in guide
        ("U盘里的文件误删了能恢复吗", None),
        # not in guide
        ("法院那边的电子签章Ukey怎么延期", None),
        # not in guide: another organisation's key/CA
        ("Chrome shows NET::ERR_CERT_DATE_INVALID on our intranet OA portal", None),
        # not in guide: other system's cert error
        ("公众在12309上怎么搜检察院公开的起诉书", None),
        # not in guide: public search of 法律文书
        ("笔记本USB口松了，插鼠标也没反应", None),
        # not in guide: hardware repair, mouse not Ukey
        ("Windows激活过期了，屏幕右下角一直有水印", None),
        # not in guide: OS activation
    ],
}

for _kind, _questions in BATCH_13.items():
    HELD_OUT_KINDS[_kind] += _questions


# Batch 14, written blind from the guide alone by a second person who never saw the search, its data or the
# earlier batches (30 questions per kind; the guide's sections in the comments), first measured before anything
# was changed for it (tuned on after: docs/performance.md), on the search before batch 12's tuning and as that
# tuning left it: colloquial 28/30 → 28/30 first (top 3 30/30), English 27/30 → 26/30 (29/30), pinyin/typos 29/30 →
# 29/30 (30/30), pasted 25/30 → 26/30 (28/30), rules 18/30 → 20/30 (27/30); off-topic 27/30 → 28/30 unanswered.
BATCH_14: dict[str, list[tuple[str, str | None]]] = {
    "colloquial": [
        ("喂，您好，我们院新配的电脑全是统信系统的，那个红色的key能插在上面登12309吗？", "3.1"),
        # guide 3.1 1 注 (信创/国产操作系统不适用红色 Ukey, 换 Windows 互联网电脑)
        ("桌面上根本没有证书助手这个图标，上哪儿下？", "3.2"),
        # guide 3.2 1)-2) (zszs.zip 下载地址 / 登录页“点击下载证书助手”)
        ("压缩包是下下来了，双击它问我用什么程序打开，打不开啊", "3.2"),
        # guide 3.2 3) 注 (无解压缩软件需自行下载或联系本院技术)
        (
            "我跟你说一下情况啊，key插上以后证书助手打开是空白的，一条证书都没有，我先是换了个USB口，不"
            "行，然后又把电脑重启了，还是不行，我们科室就这一台外网机，下一步该干嘛？",
            "3.3",
        ),
        # guide 3.3 ④ (换口、重启后仍无证书 -> 重新下载安装证书助手)
        ("我们这边用的是云桌面，证书助手读不出来key里的证书", "3.3"),
        # guide 3.3 ⑤ (换非云桌面、非信创的普通 windows 电脑)
        ("360右上角那个闪电点了以后选哪个？我点完也不知道切没切成功", "3.4"),
        # guide 3.4 1) (选兼容模式, 闪电变 e 即成功)
        ("12309登录页点了Ukey登录，院名称那一栏空着，登不进去", "3.5"),
        # guide 3.5 标题 (Ukey 登录未显示检察院名称)
        ("院名还是不出来，缓存我清过了，电脑也重启过好几回了", "3.5"),
        # guide 3.5 5) (关机而非重启, 确认关机后再开机)
        ("key密码谁也不记得了，原来管key的同事调走了", "3.6"),
        # guide 3.6 (忘记/重置 Ukey 密码)
        ("去解锁，填姓名手机号说不对，当时延期不是我弄的，不知道人家填的啥", "3.6"),
        # guide 3.6 3) (姓名/手机不正确 -> 加运维微信并提供证书信息)
        ("解锁申请交上去了，那个授权码从哪儿来？", "3.6"),
        # guide 3.6 5) (联系 Ukey 运维人员审批并获取解锁授权码)
        ("解锁最后设新密码，我输了个123456它死活不让过", "3.6"),
        # guide 3.6 6) (新密码必须字母+数字组合, 6-8 位)
        ("点完提交一直显示正在解锁中，等了半天也没反应", "3.6"),
        # guide 3.6 7) (“正在解锁中”代表浏览器错误, 设为兼容模式)
        ("控申那把key让人踩了一脚，壳都裂了，插上没反应，怎么换个新的？", "3.7"),
        # guide 3.7 损坏情况 (已损坏 Ukey + 申请函寄检察技术信息研究中心)
        ("信访的key找不着了，估计是丢了，走什么程序补", "3.7"),
        # guide 3.7 丢失情况 (申请函报备最高检业务对口部门)
        ("申请函里都要写哪些东西？要不要盖章？", "3.7"),
        # guide 3.7 申请函内容 (院名称、组织机构代码、类型、情况说明、接收人、公章)
        ("组织机构代码我们不知道啊，key上也没贴标签，盒子早扔了", "3.7"),
        # guide 3.7 注2 ③-⑤ (2.0 系统受案号、其它部门证书助手、运维人员)
        ("坏key寄给谁？地址电话给我说一下", "3.7"),
        # guide 3.7 (收件人巩婧、电话、香山南路 109 号)
        ("兼容模式打开延期页面没输入框，换极速有了，输完密码又让我用IE，IE也搞不成，折腾一上午了", "3.8"),
        # guide 3.8 a-f (复杂情况 -> 换电脑装助手重新延期)
        ("延期弄完了，可证书助手上的日期还是原来的", "3.9-1"),
        # guide 3.9 情况1 (有效期显示未更新 -> 插拔 Ukey 重看)
        ("刚延完期马上去登，说证书无效", "3.9-2"),
        # guide 3.9 情况2 (等待 15 分钟后再登录)
        ("解锁的时候新密码我设得挺长，十来位，现在登录老说密码不对", "3.9-3"),
        # guide 3.9 情况3 a (新密码前 8 位为正确密码)
        ("锁刚解开，一登录又说密码锁定了，白解了？", "3.9-4"),
        # guide 3.9 情况4 (解锁可能未成功, 兼容模式下重新解锁)
        ("解锁那页往下翻到底也没有下一步的按钮", "3.9-5"),
        # guide 3.9 情况5 (选中最后一行往下拖 / 缩放 75%)
        ("延期网站上弹框说这个key不能延期，是不是key坏了，是不是得换？", "3.10-1"),
        # guide 3.10 报错提示1 (表明 Ukey 无法延期, 已损坏, 按 3.7 更换)
        ("能登进去但说没权限，我是从收藏夹里那个长链接点进去的", "3.10-7"),
        # guide 3.10 报错提示7 (地址不加任何后缀重新登录)
        ("用key登上平台了，但是案件绑定那个栏目没有，这种账号权限的事找谁？", "3.12"),
        # guide 3.12 末段 (网站使用或账号权限问题联系平台运维人员)
        ("那个能QQ远程的运维，号码多少？", "3.12"),
        # guide 3.12 表1 (朱岩 QQ 可远程)
        ("证书助手里啥也没有，另外12309登录时院名称也不显示，先弄哪个？", "3.3"),
        # guide 3.5 1) 先按 3.3 确认 UKey 是否损坏 -> 先看 3.3
        ("登上去说未查询到跟证书关联的用户，我们那把key前年丢过补了把新的，这回延的是不是旧的那把？", "3.10-6"),
        # guide 3.10 报错提示6 情况2 (丢失补发后延期了旧 Ukey, 使用新 Ukey)
    ],
    "english": [
        ("assistant shows no certificate", "3.3"),
        # guide 3.3 (证书助手未显示证书信息)
        ("where to download BJCA assistant", "3.2"),
        # guide 3.2 (下载及安装)
        ("360 compatibility mode how", "3.4"),
        # guide 3.4 (切换至兼容模式)
        ("forgot Ukey PIN", "3.6"),
        # guide 3.6 (忘记/重置密码)
        (
            "When I pick 'Ukey login' on login.12309.gov.cn, our procuratorate name is not shown, so I "
            "cannot sign in. Browser is 360.",
            "3.5",
        ),
        # guide 3.5 (未显示检察院名称, 无法登录)
        (
            "Hi, IT here at a district procuratorate. Does the red key work on a Kylin OS PC, or do we need Windows?",
            "3.1",
        ),
        # guide 3.1 1 注 (国产操作系统不适用红色 Ukey)
        ("Renewal done but the expiry date in the cert assistant is still the old one", "3.9-1"),
        # guide 3.9 情况1 (插拔 Ukey 后重新查看)
        ("login says certificate invalid right after renewing", "3.9-2"),
        # guide 3.9 情况2 (等 15 分钟)
        (
            "After extending the Ukey validity the site says my password is wrong. I am sure I type the new one.",
            "3.9-3",
        ),
        # guide 3.9 情况3 b (证书助手左下角修改密码为 6-8 位)
        ("password locked again after unlock", "3.9-4"),
        # guide 3.9 情况4 (重新解锁, 保证兼容模式)
        ("Next button missing, unlock page", "3.9-5"),
        # guide 3.9 情况5 (拖选最后一行 / 缩放 75%)
        ("The unlock page hangs on 'unlocking in progress' forever", "3.6"),
        # guide 3.6 7) (“正在解锁中”=浏览器错误, 改兼容模式)
        (
            "For the password unlock I must enter name and mobile, but the colleague who did the renewa"
            "l typed something else and I don't know it. What now?",
            "3.6",
        ),
        # guide 3.6 3) (加 Ukey 运维微信, 提供证书信息)
        ("who issues the unlock authorization code", "3.6"),
        # guide 3.6 5) (联系 Ukey 运维人员审批及获取解锁授权码)
        (
            "Our petition (xinfang) Ukey is physically broken. What is the process to get a replacement"
            " and must we send the old one back?",
            "3.7",
        ),
        # guide 3.7 损坏情况 (已损坏 Ukey 必须随申请函寄回)
        ("mailing address for damaged Ukey", "3.7"),
        # guide 3.7 (巩婧, 北京市石景山区香山南路 109 号)
        ("how to find our 6 digit organization code", "3.7"),
        # guide 3.7 注2 (标签 / 2.0 系统受案号 / 证书助手更多证书信息)
        (
            "In compatibility mode the renewal page has no input fields; in speed mode they appear, but"
            " after the PIN it tells me to use IE, and IE also fails. Cleared cache too.",
            "3.8",
        ),
        # guide 3.8 a-f (换电脑)
        ("cloud desktop can't read Ukey", "3.3"),
        # guide 3.3 ⑤ (换非云桌面的普通 windows 电脑)
        ("steps to clear 360 browser cache for the 12309 login problem", "3.5"),
        # guide 3.5 4) (清除上网痕迹 -> 全部 -> 立即清理)
        (
            "I already rebooted twice and the procuratorate name still doesn't appear at Ukey login. Is"
            " a reboot enough?",
            "3.5",
        ),
        # guide 3.5 5) (关机而非重启)
        ("zszs.zip won't open, no unzip tool on this PC", "3.2"),
        # guide 3.2 3) 注 (无解压缩软件)
        (
            "After Ukey login to the management platform, the case-binding menu is missing for our acco"
            "unt. Who handles account permissions?",
            "3.12",
        ),
        # guide 3.12 末段 (账号权限问题联系平台运维人员)
        ("Ukey support QQ for remote help", "3.12"),
        # guide 3.12 (朱岩 QQ 可远程)
        (
            "Our key was lost, a new one was sent, but we renewed the old one by mistake. Now: no user "
            "associated with the certificate.",
            "3.10-6",
        ),
        # guide 3.10 报错提示6 情况2 (使用新 Ukey 登录)
        ("captcha keeps failing on unlock page", "3.10-3"),
        # guide 3.10 报错提示3 (点击验证码刷新)
        ("Our key expired about two months ago. Can we still do the online renewal?", "1.3"),
        # guide 1.3 注2 (失效超过 30 天无法延期)
        (
            "The assistant shows no certificate, and I also need the renewal website address. Which should I do first?",
            "3.3",
        ),
        # guide 2.1/3.3: 无证书无法延期, 先按 3.3 排查
        ("how long to wait during certificate download, can I unplug?", "2.2"),
        # guide 2.2 8) (约 2 分钟, 不要断电断网, 勿插拔 Ukey)
        (
            "Logged in fine but the platform says 'no permission'. The URL in my bookmark has a long path after it.",
            "3.10-7",
        ),
        # guide 3.10 报错提示7 (地址后不加后缀)
    ],
    "pinyin_typos": [
        ("zhengshu zhushou dakai meiyou zhengshu", "3.3"),
        # guide 3.3 (证书助手未显示证书信息)
        ("证数助手怎么下栽", "3.2"),
        # guide 3.2 (下载及安装)
        ("360 jianrong moshi zenme qiehuan", "3.4"),
        # guide 3.4
        ("ukey mima wangle", "3.6"),
        # guide 3.6 (忘记密码)
        ("ukey diu le zenme buban", "3.7"),
        # guide 3.7 丢失情况
        ("解所数字证书密码 提交后一直显示正在解锁中", "3.6"),
        # guide 3.6 7) (浏览器设为兼容模式)
        ("解锁页面下一布按纽不显示", "3.9-5"),
        # guide 3.9 情况5
        ("延期后登陆提示证书无笑", "3.9-2"),
        # guide 3.9 情况2 (证书无效 -> 等 15 分钟)
        ("证书有效期没跟新 还是就的日期", "3.9-1"),
        # guide 3.9 情况1 (插拔 Ukey)
        ("登陆12309提示没有权线", "3.10-7"),
        # guide 3.10 报错提示7 (无权限)
        ("未查询到与证书关连的用护", "3.10-6"),
        # guide 3.10 报错提示6
        ("jiesuo hou denglu tishi mima yi suoding", "3.9-4"),
        # guide 3.9 情况4
        ("xiugai mima hou mima bu dui, xin mima hen chang", "3.9-3"),
        # guide 3.9 情况3 a (前 8 位)
        ("ukey登陆 检查院名称不限示", "3.5"),
        # guide 3.5 (未显示检察院名称)
        ("360怎么清楚缓存 上网恨迹", "3.5"),
        # guide 3.5 4) (清除上网痕迹)
        ("shenqinghan yao gai gongzhang ma", "3.7"),
        # guide 3.7 申请函内容 (加盖公章)
        ("组织机构代马在哪看", "3.7"),
        # guide 3.7 注2
        ("兼容模式没有输入匡，急速模式又要IE", "3.8"),
        # guide 3.8 a-c
        ("xinchuang diannao neng yong hongse ukey ma", "3.1"),
        # guide 3.1 1 注 (信创电脑不适用)
        ("yunzhuomian zhengshu zhushou du bu dao ukey", "3.3"),
        # guide 3.3 ⑤ (非云桌面电脑)
        ("解锁授全码找谁要", "3.6"),
        # guide 3.6 5)
        ("解锁时姓名手机号填写不正却", "3.6"),
        # guide 3.6 3)
        ("ukey运为人员电话多少", "3.12"),
        # guide 3.12 (Ukey 运维人员联系方式)
        ("证书应用环竟安装程序.exe 双击没反映", "3.2"),
        # guide 3.2 3) (安装 BJCA 证书助手)
        ("lanse ukey yao bu yao yanqi", "1.3"),
        # guide 1.3 注1 (仅红色 Ukey, 蓝色无需延期)
        ("yanqi wangzhi shi duoshao", "2.2"),
        # guide 2.2 1) (ca.12309.gov.cn:8080)
        ("过期超过30天还能延其吗", "1.3"),
        # guide 1.3 注2
        ("yanqi chenggong le zenme yanzheng", "2.3"),
        # guide 2.3 (验证 Ukey 延期是否成功)
        ("jiesuo shi yanzhengma yizhi baocuo", "3.10-3"),
        # guide 3.10 报错提示3 (点击验证码刷新)
        ("信息核时页面手机号填措了", "2.2"),
        # guide 2.2 5) (信息有误请刷新界面, 重新延期)
    ],
    "pasted_errors": [
        (
            "2026-11-03 09:12:44  登录失败：未查询到与证书关联的用户  [确定]\n我们院今年升格了，那时候"
            "好像发过一把新key",
            "3.10-6",
        ),
        # guide 3.10 报错提示6 情况1 (名称或级别变更, 使用新 Ukey)
        ("https://ca.12309.gov.cn:8080/xtxuserweb/login\n您的证书非本系统用户，不能登录当前系统\n确定", "3.10-5"),
        # guide 3.10 报错提示5
        ("提示：您的证书已被吊销，不能进行在线更新。  确定  ——点更新数字证书以后出来的，咋回事", "3.10-5"),
        # guide 3.10 报错提示5
        ("https://login.12309.gov.cn/portal/main/index.do?menu=3\n无权限\n返回首页", "3.10-7"),
        # guide 3.10 报错提示7 (不加任何后缀)
        ("[09:41] 证书无效，请检查证书！  确定   （半小时前刚延的期）", "3.9-2"),
        # guide 3.9 情况2 (登录提示证书无效)
        ("用户口令错误，您还有 4 次重试机会！\n确定\n这是延期以后登12309弹的，新密码我记着呢", "3.9-3"),
        # guide 3.9 情况3 b (延期后提示密码不对)
        ("口令已锁定，请联系管理员解锁。[确定]  我上午刚按流程解过锁", "3.9-4"),
        # guide 3.9 情况4 (解锁后提示已锁定)
        ("解锁数字证书密码\n正在解锁中……\n（一直这样，已经十分钟）", "3.6"),
        # guide 3.6 7) (“正在解锁中”=浏览器错误)
        ("请使用IE浏览器打开本页面！\n确定\n这是在360极速模式下输完密码弹出来的，兼容模式下根本没有密码输入框", "3.8"),
        # guide 3.8 b-c (复杂情况 -> 换电脑)
        ("无法显示此页\n确保 Web 地址 https://ca.12309.gov.cn：8080/txxuserweb 正确\n我是照着纸上敲的", "2.2"),
        # guide 2.2 1) 注 ② (冒号中英文输入错误)
        (
            "http://ca.12309.gov.cn:8080/txxuserweb\n该网页无法正常运作\nca.12309.gov.cn 发送的响应无效"
            "。\nERR_EMPTY_RESPONSE",
            "2.2",
        ),
        # guide 2.2 1) 注 ① (https 没写 s)
        ("无法访问此网站\n找不到 ca.12390.gov.cn 的服务器 IP 地址。\nDNS_PROBE_FINISHED_NXDOMAIN", "2.2"),
        # guide 2.2 1) 注 ③ (地址拼写不正确, 复制地址)
        ("BJCA证书助手  未检测到USBKey，请插入设备后重试  [确定]   可是key明明插着呢，灯也亮", "3.3"),
        # guide 3.3 (证书助手未显示证书 -> 换口/重启/重装/换电脑)
        ("错误码：0x0B000001 读取证书列表失败 ——证书助手里点刷新就出这个", "3.3"),
        # guide 3.3 (证书助手无证书排查)
        ("zszs.zip\nWindows 无法打开此文件：\n若要打开此文件，Windows 需要知道哪个程序创建了它。", "3.2"),
        # guide 3.2 3) 注 (无解压缩软件)
        ("解锁数字证书密码  验证码错误，请重新输入！  确定", "3.10-3"),
        # guide 3.10 报错提示3 (点击验证码刷新)
        ("UKey登录\n单位名称：[          ▼]\n证书口令：\n登录    点击下载证书助手\n——单位名称下拉框是空的", "3.5"),
        # guide 3.5 (Ukey 登录未显示检察院名称)
        (
            "温馨提示：请确认以下的申请信息，准确无误后请继续。\n姓名: 李某某\n手机: 1391234567\n…手机"
            "号少打了一位，还能改吗",
            "2.2",
        ),
        # guide 2.2 5) (信息有误请刷新界面重新延期)
        ("后续操作:\n点击“下一步”按钮进行证书密码设置操作。\n\n（页面到这就完了，没看到下一步按钮）", "3.9-5"),
        # guide 2.2 5) 若无“下一步”按钮按 3.9 -> 情况5
        (
            "关键提醒：以下信息用于证书解锁，后期解锁时需要提交该信息，请正确填写并记录。\n联系人姓名: "
            " (*)\n联系人手机:  (*)\n这里填谁？我是临时替科长弄的",
            "2.2",
        ),
        # guide 2.2 4) (填写当前持有 Ukey 人员信息并记录)
        ("证书助手显示：有效期 2025年03月01日 至 2027年09月18日\n还有一年多呢，这把也要延吗？", "2.1"),
        # guide 2.1 2) 注 (无论有效期到哪一年都需延期)
        ("正在下载证书，请勿拔出Ukey……  已经转了一分多钟了，能不能拔了重来", "2.2"),
        # guide 2.2 8) (约 2 分钟, 勿插拔 Ukey)
        ("提示：解锁申请提交成功！  确定\n然后呢？授权码在哪", "3.6"),
        # guide 3.6 4)-5) (联系运维审批获取解锁授权码)
        ("BJCA证书助手 修改密码  修改失败：原口令不正确  [确定]  延期后登录不上才来改的", "3.9-3"),
        # guide 3.9 情况3 b (修改不成功需联系 Ukey 运维解锁)
        ("Ukey登录失败：证书已过期（有效期至 2026-10-02）\n今天 2026-12-07，还能在线延期吗", "1.3"),
        # guide 1.3 注2 (失效超过 30 天无法延期)
        ("Your certificate is not a user of this system and cannot log in to the current system. [OK]", "3.10-5"),
        # guide 3.10 报错提示5 (英文界面)
        ("No user associated with the certificate was found.  OK   -- login.12309.gov.cn, key just renewed", "3.10-6"),
        # guide 3.10 报错提示6
        (
            "ERR_SSL_VERSION_OR_CIPHER_MISMATCH  ca.12309.gov.cn 使用了不受支持的协议\n360地址栏右边现在是个闪电图标",
            "3.4",
        ),
        # guide 3.4 (闪电 -> 选兼容模式, 变 e)
        ("您的 Ukey 无法进行延期操作  确定\n（插的是我们案管那把红key）", "3.10-1"),
        # guide 3.10 报错提示1 (表明 Ukey 无法延期, 已损坏, 按 3.7 更换)
        (
            "BJCA证书助手\n证书有效期：2023年07月18日 至 2023年09月18日\n↑下载证书成功的框都弹过了，这"
            "里还是老日期，key一直没拔",
            "3.9-1",
        ),
        # guide 3.9 情况1 (有效期显示未更新 -> 插拔 Ukey 重看)
    ],
    "rules": [
        ("院里四把key，哪几把这次要延期？", "1.3"),
        # guide 1.3 注1 (仅红色 Ukey)
        ("我们只有蓝色跟银色的key，还用弄吗", "1.3"),
        # guide 1.3 注1 (无需延期)
        ("证书失效四十天了还能延吗", "1.3"),
        # guide 1.3 注2 (超过 30 天无法延期)
        ("为什么要搞这次延期，不延会怎样？", "1.1"),
        # guide 1.1 (将过期, 届时无法登录平台)
        ("延期会不会把原来的密码改掉？", "1.1"),
        # guide 1.1 (延期会对原密码进行修改, 牢记新密码)
        ("延期前有没有什么工作要先做完？", "1.1"),
        # guide 1.1 温馨提示 (提前完成发布工作)
        ("延期一共几个步骤，顺序是什么", "1.1"),
        # guide 1.1 (步骤一、二、三)
        ("第一步干啥", "2.1"),
        # guide 2.1 (查看证书有效期)
        ("原来的有效期为什么要抄下来？", "2.1"),
        # guide 2.1 2) (用于升级后比对)
        ("证书到2028年才过期，也得延？", "2.1"),
        # guide 2.1 2) 注 (无论到哪一年都需延期)
        ("证书延期后多久生效？", "2.1"),
        # guide 2.1 2) 注 (15 分钟后生效)
        ("延期的网址是啥", "2.2"),
        # guide 2.2 1)
        ("网址能手打吗？手打容易错在哪？", "2.2"),
        # guide 2.2 1) 注 (请复制; https/冒号/拼写)
        ("延期只能用360浏览器吗？", "2.2"),
        # guide 2.2 1) (下载安装 360 安全浏览器)
        ("延期网站左边那几个菜单，点哪一个？", "2.2"),
        # guide 2.2 3) (“更新数字证书”)
        ("证书名称那一栏要自己填吗", "2.2"),
        # guide 2.2 3) (自动加载待更新的 Ukey 名称)
        ("证书密码框填的是哪个密码？默认是多少？", "2.2"),
        # guide 2.2 3) 注 (登录密码, 默认 111111)
        ("联系人填领导的还是拿key那个人的？", "2.2"),
        # guide 2.2 4) (当前持有 Ukey 人员)
        ("下载证书大概要多久，中间能干别的吗", "2.2"),
        # guide 2.2 8) (约 2 分钟, 不断电断网不插拔)
        ("做到哪一步才算延期完成？", "2.2"),
        # guide 2.2 9) (弹出下载成功界面即完成)
        ("延期后新设的密码以后用在哪？", "2.2"),
        # guide 2.2 6) (作为以后登录时的密码)
        ("怎么验证延期成功了", "2.3"),
        # guide 2.3
        ("验证之前key要不要拔下来重插？", "2.3"),
        # guide 2.3 1)
        ("延期完登录验证前浏览器要不要关？", "2.3"),
        # guide 2.3 (3) (15 分钟后先关闭浏览器再打开登录)
        ("内网电脑能做延期吗，还是得外网机？", "3.1"),
        # guide 3.1 1 (电脑需为 Windows 系统互联网电脑)
        ("一般一个院几把key，都归哪些部门？", "1.2"),
        # guide 1.2 (4 把, 案管/信息发布/控申/办公室)
        ("院里有把key找不到是哪个部门的，问谁？", "1.2"),
        # guide 1.2 (联系上级院业务对口部门核实)
        ("这个key到底是登哪个网站的", "1.3"),
        # guide 1.3 (login.12309.gov.cn)
        ("补办key最后是哪个单位给办？", "3.7"),
        # guide 3.7 (检察技术信息研究中心; 1.2 指向 3.7)
        ("证书助手里在哪儿看有效期？", "2.1"),
        # guide 2.1 2) (打开证书助手后自动弹出界面查看有效期)
    ],
    "off_topic": [
        ("工行U盾密码输错锁了，怎么解锁？", None),
        # near miss (U盾/密码/解锁): 银行 U盾不在指南内
        ("检察业务应用系统2.0的数字证书过期了，去哪更新？", None),
        # near miss (检察/证书/过期): 指南只管 12309 红色 Ukey
        ("电子税务局的税务Ukey证书要延期，怎么操作？", None),
        # near miss (Ukey/证书/延期): 其他 CA
        ("用360浏览器打开我们院OA提示此网站的安全证书有问题，能继续吗", None),
        # near miss (360/浏览器/证书): OA 系统不在指南内
        ("群众在12309中国检察网上怎么查询信访件办理进度？", None),
        # near miss (12309/信访): 面向公众服务不在指南内
        ("律师在12309上预约阅卷要准备什么材料", None),
        # near miss (12309/检察): 公众服务
        ("12309检察服务热线是24小时有人接吗", None),
        # near miss (12309/检察): 热线不在指南内
        ("内网那把银色key密码锁了，登统一业务系统登不上，怎么解", None),
        # near miss (key/密码/锁): 银色 Ukey 非本系统 (1.3 注1, 3.1)
        ("政务外网VPN证书过期了连不上，怎么续", None),
        # near miss (证书/过期/登录)
        ("12306登录提示密码错误，账号被锁了", None),
        # near miss (登录/密码/锁, 12306 非 12309)
        ("检察官个人电子签章证书到期了怎么续签", None),
        # near miss (检察/证书/到期)
        ("360浏览器怎么把默认主页改回来", None),
        # near miss (360/浏览器)
        ("院里的公章丢了怎么补办", None),
        # near miss (公章/补办): 指南只提申请函加盖公章
        ("手机银行数字证书过期了，提示重新下载证书", None),
        # near miss (数字证书/过期/下载证书)
        ("How do I renew the SSL certificate on our procuratorate's public website?", None),
        # near miss (renew/certificate/procuratorate): 网站 SSL 证书
        ("Chrome shows NET::ERR_CERT_DATE_INVALID on our intranet portal", None),
        # 内网门户证书告警, 不在指南内
        ("reset Windows Hello PIN", None),
        # 系统自身设置
        ("YubiKey not detected on MacBook", None),
        # 其他硬件密钥
        ("电脑开机密码忘了进不去系统", None),
        # 电脑自身设置
        ("Windows激活过期了右下角一直提示", None),
        # 系统自身
        ("打印机卡纸了怎么弄", None),
        # 办公设备
        ("U盘插上提示要格式化，里面文件还在吗", None),
        # U盘 非 Ukey
        ("gongjijin zhanghu mima wangle", None),
        # 个人事务
        ("个税App登录密码怎么找回", None),
        # 个人事务
        ("微信电脑版每次都要手机扫码登录，能免扫码吗", None),
        # 其它应用
        ("360安全卫士老弹广告怎么关", None),
        # 其它软件
        ("单位门禁卡丢了找谁补", None),
        # 个人/行政事务
        ("笔记本电池鼓包了还能用吗", None),
        # 硬件
        ("Excel文件加了打开密码，忘了怎么办", None),
        # 其它软件密码
        ("医保电子凭证怎么激活", None),
        # 个人事务
    ],
}

for _kind, _questions in BATCH_14.items():
    HELD_OUT_KINDS[_kind] += _questions


# Batch 15, written blind from the guide alone by a third person who never saw the search, its data or the
# earlier batches (30 questions per kind; the guide's sections in the comments), first measured before anything
# was changed for it (tuned on after: docs/performance.md), on the search before batches 13 and 14's tuning and as
# that tuning left it: colloquial 28/30 → 29/30 first (top 3 29/30), English 26/30 → 28/30 (29/30), pinyin/typos
# 28/30 → 29/30 (30/30), pasted 27/30 → 27/30 (29/30), rules 23/30 → 25/30 (27/30); off-topic 26/30 → 27/30
# unanswered.
BATCH_15: dict[str, list[tuple[str, str | None]]] = {
    "colloquial": [
        ("喂，你好，我们科新领了一台电脑，这个红key从来没在这台上插过，是不是要先装点什么才能登？", "3.1"),
        # guide 3.1 (first use on a computer: check PC/key, install assistant, then log in)
        ("我们院这批换成国产系统那种信创机了，红key插上去能不能用啊", "3.1"),
        # guide 3.1 1、注 (信创/国产系统 not suitable for red key)
        ("桌面上找不着那个证书助手图标，在哪儿下的？", "3.2"),
        # guide 3.2 1)/2) (download addresses of BJCA 证书助手)
        ("证书助手下下来是个zip，我这电脑双击打不开，说找不到打开方式", "3.2"),
        # guide 3.2 3) 注 (no unzip software: download one or ask own tech)
        ("压缩包解开了，里面好几个文件，到底点哪个装", "3.2"),
        # guide 3.2 3) (双击“证书应用环境安装程序.exe”)
        ("助手打开了，里头一片空白，啥证书也没有", "3.3"),
        # guide 3.3 (assistant shows no certificate info)
        ("助手里看不到证书，换了个USB口也不行，下一步还要干啥", "3.3"),
        # guide 3.3 ③–④ (restart, then reinstall assistant)
        ("我们这边都是云桌面，插上key证书助手一直说没证书，是key坏了吗", "3.3"),
        # guide 3.3 ⑤ (use a normal Windows PC, not cloud desktop, before concluding damage)
        ("360那个兼容模式到底在哪儿切，我找半天了", "3.4"),
        # guide 3.4 1) (lightning icon right of address bar -> 兼容模式)
        ("登12309的时候点了Ukey登录，底下检察院名字不出来，点登录没反应", "3.5"),
        # guide 3.5 (Ukey 登录 shows no 检察院名称)
        ("检察院名称还是不显示，你们说要关机再开，我点了重启，算不算？", "3.5"),
        # guide 3.5 5) (关机, 非重启, 非睡眠)
        ("密码锁了咋整", "3.6"),
        # guide 3.6 (reset locked Ukey password)
        ("做解锁的时候让填姓名手机号，一填就说不对，当初延期不是我经手的，我哪知道他填的啥", "3.6"),
        # guide 3.6 3) (name/phone mismatch: add ops WeChat, give certificate info)
        ("解锁申请交上去了，那个解锁授权码上哪儿拿", "3.6"),
        # guide 3.6 5) (contact Ukey ops for approval and 授权码)
        ("解锁最后一步设新密码，我输的六个1，死活提交不上", "3.6"),
        # guide 3.6 6) (new password must be letters+digits, 6–8 long)
        ("解锁点了提交以后就一直挂着'正在解锁中'，等了十分钟了", "3.6"),
        # guide 3.6 7) (正在解锁中 = browser problem, switch to 兼容模式)
        ("我们信访那把key摔断了，插哪台电脑都不认，想换把新的，流程怎么走", "3.7"),
        # guide 3.7 (damaged key + 申请函 to 检察技术信息研究中心)
        ("坏的key要寄回去是吧？收件人写谁，地址是哪儿", "3.7"),
        # guide 3.7 (快递 to 巩婧, 香山南路109号)
        ("申请函要写组织机构代码，我们院的代码我真不知道，上哪儿查", "3.7"),
        # guide 3.7 注2 (label, other dept, 2.0 case number, assistant, ops)
        ("兼容模式打开没输入框，切到极速有框了，输完密码又叫我用IE，IE我也试了还是不行，折腾一上午了", "3.8"),
        # guide 3.8 a–f (change computer)
        ("延期都弄完了，可助手里日期还是原来那个", "3.9-1"),
        # guide 3.9 情况1 (unplug/replug, check again)
        ("刚延完马上去登，提示证书无效，是不是白弄了？", "3.9-2"),
        # guide 3.9 情况2 (wait 15 minutes)
        ("延期的时候我自己设的新密码，登网站非说密码错误，我肯定没记错", "3.9-3"),
        # guide 3.9 情况3 b (change password in assistant to 6–8 chars)
        ("那边刚给我解完锁，一登录又说密码已锁定", "3.9-4"),
        # guide 3.9 情况4 (unlock probably failed, redo in 兼容模式)
        ("信息核实那页拖到最底下也没看到下一步按钮", "3.9-5"),
        # guide 3.9 情况5 (drag-select last line / zoom 75%)
        ("登管理平台说没权限，我是从收藏夹里点进去的那个地址", "3.10-7"),
        # guide 3.10 报错提示7 (type login.12309.gov.cn with no suffix)
        ("我们院前年升格改名的时候发过一把新key，这回延的是老的那把，现在登录说找不到关联的用户", "3.10-6"),
        # guide 3.10 报错提示6 1. (use the new key)
        ("key能登进去了，就是进去以后有个板块看不到，账号权限不对，这个该找谁", "3.12"),
        # guide 3.12 (site use/account permission -> 平台运维人员)
        ("你们那个能远程的运维，QQ号是多少来着", "3.12"),
        # guide 3.12 (朱岩 QQ 可远程)
        ("我们那把key找不着了，估计是丢了，要补一把得走什么手续", "3.7"),
        # guide 3.7 丢失情况 (申请函报备最高检业务对口部门)
    ],
    "english": [
        ("First time plugging the red Ukey into this workstation - what do I need to set up before logging in?", "3.1"),
        # guide 3.1 (first-use flow)
        ("Does the red token work on a Kylin/UOS domestic OS machine?", "3.1"),
        # guide 3.1 1、注 (信创/国产系统 not supported)
        ("BJCA cert assistant download link", "3.2"),
        # guide 3.2 1) (zszs.zip URL)
        ("Which exe inside zszs.zip do I run to install the assistant?", "3.2"),
        # guide 3.2 3) (证书应用环境安装程序.exe)
        ("assistant shows no cert", "3.3"),
        # guide 3.3 (no certificate info shown)
        (
            "The BJCA helper window is empty even after I moved the"
            " key to another USB port and rebooted. Reinstall next?",
            "3.3",
        ),
        # guide 3.3 ④ (reinstall assistant, then try another PC)
        ("How do I put 360 Secure Browser into compatibility (IE) mode?", "3.4"),
        # guide 3.4 (lightning icon -> 兼容模式)
        (
            "On login.12309.gov.cn I click 'Ukey login' but our procura"
            "torate name never shows up in the box, so I cannot sign in.",
            "3.5",
        ),
        # guide 3.5 (no 检察院名称 on Ukey 登录)
        ("how clear 360 browser cache for the 12309 login problem, which menu?", "3.5"),
        # guide 3.5 4) (选项→更多工具→清除上网痕迹)
        ("Forgot Ukey PIN", "3.6"),
        # guide 3.6 (reset password)
        (
            "The unlock form rejects the name and mobile number. The colleagu"
            "e who did the renewal has retired, we don't know what he entered.",
            "3.6",
        ),
        # guide 3.6 3) (contact ops via WeChat with certificate info)
        ("Where do we obtain the unlock authorization code?", "3.6"),
        # guide 3.6 5) (from Ukey ops after approval)
        ("Key is physically cracked. Who do we send it to for a replacement and what goes with it?", "3.7"),
        # guide 3.7 损坏 (key + 申请函, mail to 巩婧)
        ("What must the request letter contain when a Ukey has been lost?", "3.7"),
        # guide 3.7 (院名/机构代码/类型, 说明, 收件联系人, 公章)
        ("Where can I find our 6-digit organization code?", "3.7"),
        # guide 3.7 注2 (label, 2.0 case number, assistant)
        (
            "In compat mode no input fields appear; speed mode shows them, but after"
            " typing the password it tells me to use IE, and IE fails too. What now?",
            "3.8",
        ),
        # guide 3.8 (change computer, reinstall assistant there)
        ("renewal done but expiry date unchanged", "3.9-1"),
        # guide 3.9 情况1 (replug and recheck)
        ("Just renewed and now the site says 'certificate invalid'.", "3.9-2"),
        # guide 3.9 情况2 (wait 15 min)
        (
            "After the password reset I set a 10-character new password and the site keeps saying wrong password.",
            "3.9-3",
        ),
        # guide 3.9 情况3 a (use first 8 characters)
        ("Key was unlocked yesterday by support but login still says the PIN is locked.", "3.9-4"),
        # guide 3.9 情况4 (redo unlock in compat mode)
        ("No 'Next' button on the confirm page", "3.9-5"),
        # guide 3.9 情况5 (drag-select / 75% zoom)
        ("Do the blue and silver keys also need this renewal?", "1.3"),
        # guide 1.3 注1 (only red key)
        ("Our key expired about two months ago. Is online renewal still possible?", "1.3"),
        # guide 1.3 注2 (expired >30 days -> cannot renew)
        ("Our cert is valid until 2027 - why must we renew it now?", "2.1"),
        # guide 2.1 注 (renew regardless of current expiry year)
        ("What's the renewal URL, and which browser should I use for it?", "2.2"),
        # guide 2.2 1) (360 browser, ca.12309.gov.cn:8080)
        ("default ukey password?", "2.2"),
        # guide 2.2 3) 注 (111111)
        ("During 'download certificate' the progress is slow. Can I pull the key out or let the laptop sleep?", "2.2"),
        # guide 2.2 8) (~2 min, no power/network loss, no unplugging)
        ("How do I confirm the renewal actually succeeded?", "2.3"),
        # guide 2.3 (replug, check date in assistant, log in after 15 min)
        ("Which department normally keeps the petition (xinfang) key, and what is it for?", "1.2"),
        # guide 1.2 table (控申部门, 网上信访/群众意见)
        ("Besides your renewal team, who handles account permission problems inside the 12309 admin platform?", "3.12"),
        # guide 3.12 (平台运维人员 工作号1/2)
    ],
    "pinyin_typos": [
        ("zhengshu zhushou dakai yihou meiyou zhengshu xinxi", "3.3"),
        # guide 3.3 (assistant shows no certificate)
        ("证数助手里看不到证数，换了usb口也没用", "3.3"),
        # guide 3.3 ② (other USB port, then restart etc.)
        ("ukey mima wangle zenme chongzhi", "3.6"),
        # guide 3.6 (reset forgotten password)
        ("ukey密吗忘了还被所了，解所在哪个菜单", "3.6"),
        # guide 3.6 2) (解锁数字证书密码 menu)
        ("信息核实页面没有下一布按纽", "3.9-5"),
        # guide 3.9 情况5 (下一步 button missing)
        ("360 jianrong moshi zenme qiehuan", "3.4"),
        # guide 3.4 (switch to compatibility mode)
        ("兼融模式在那里切，闪点图标没看到", "3.4"),
        # guide 3.4 1) (lightning icon in address bar)
        ("yanqi wanle zhushou li youxiaoqi haishi jiude", "3.9-1"),
        # guide 3.9 情况1 (replug)
        ("延其以后登陆提示证书无效", "3.9-2"),
        # guide 3.9 情况2 (wait 15 min)
        ("延期后登陆网站说密码措误，密码是延期时新设的", "3.9-3"),
        # guide 3.9 情况3 b (modify password via assistant)
        ("解锁之后登陆还是提示密码以锁定", "3.9-4"),
        # guide 3.9 情况4 (redo unlock, 兼容模式)
        ("登12309提示无权线", "3.10-7"),
        # guide 3.10 报错提示7 (no-suffix address)
        ("weichaxun dao yu zhengshu guanlian de yonghu", "3.10-6"),
        # guide 3.10 报错提示6 (account binding)
        ("延期网站提示证书非本系统用护，不能登陆当前系统", "3.10-5"),
        # guide 3.10 报错提示5 (log in at xtxuserweb and follow ch.2)
        ("ukey huaile zenme shenqing huan xinde", "3.7"),
        # guide 3.7 (damaged key replacement)
        ("ukey丢失了怎么不办", "3.7"),
        # guide 3.7 丢失情况 (补办 via 申请函)
        ("组织机构代吗在哪看", "3.7"),
        # guide 3.7 注2 (6-digit organisation code)
        ("bjca zhengshu zhushou xiazai dizhi", "3.2"),
        # guide 3.2 (download URL)
        ("diyici zai zhe tai diannao shang yong ukey denglu yao zuo sha", "3.1"),
        # guide 3.1 (first use on a computer)
        ("denglu yemian xuan ukey denglu, bu xianshi jianchayuan mingcheng", "3.5"),
        # guide 3.5 (no 检察院名称)
        ("hongse ukey cai yao yanqi ma? lanse de yao bu yao", "1.3"),
        # guide 1.3 注1 (red only)
        ("guoqi chaoguo 30 tian hai neng yanqi ma", "1.3"),
        # guide 1.3 注2 (>30 days expired: no)
        ("延期完多久生效，15分中吗", "2.1"),
        # guide 2.1 注 (takes effect after 15 minutes)
        ("yanqi wangzhi shi duoshao", "2.2"),
        # guide 2.2 1) (https://ca.12309.gov.cn:8080/…)
        ("更新数字证书那里默任密码是多少", "2.2"),
        # guide 2.2 3) 注 (111111)
        ("下栽证书的时候能不能拔key，要等几分中", "2.2"),
        # guide 2.2 8) (about 2 min, don't unplug)
        ("怎么验正延期成功了没有", "2.3"),
        # guide 2.3 (verify renewal)
        ("jianrong moshi meiyou shurukuang, jisu moshi you, shu mima hou tishi yong IE", "3.8"),
        # guide 3.8 a–c (complex case: change computer)
        ("解锁一直显示zhengzai jiesuo zhong", "3.6"),
        # guide 3.6 7) (正在解锁中 -> 兼容模式)
        ("ukey yunwei renyuan dianhua duoshao, weixin tonghao ma", "3.12"),
        # guide 3.12 (Ukey ops contacts)
    ],
    "pasted_errors": [
        (
            "[2026-12-07 09:14:22] 提示\n您的证书非本系统用户，不能登录当前系统\n确定\n——打开延期网站插着key就弹这个",
            "3.10-5",
        ),
        # guide 3.10 报错提示5 (非本系统用户)
        ("https://ca.12309.gov.cn:8080/ 显示：\n您的证书已被吊销，不能进行在线更新\n[确定]", "3.10-5"),
        # guide 3.10 报错提示5 (已被吊销)
        ("login.12309.gov.cn 显示\n未查询到与证书关联的用户\n确定\n我们院去年改了名，好像另外发过新key", "3.10-6"),
        # guide 3.10 报错提示6 1. (old key renewed, use new key)
        (
            "无权限\n返回首页\n（地址栏：https://login.12309.gov.cn/portal/index.html#/home?t=1733）\n我就点了下收藏夹",
            "3.10-7",
        ),
        # guide 3.10 报错提示7 (remove suffix)
        (
            "无法显示此页\n• 确保 Web 地址 http//ca.12309.gov.cn:8080/"
            "txxuserweb 正确\n• 使用搜索引擎查找页面\n• 请过几分钟后刷新页面\n修复连接问题",
            "2.2",
        ),
        # guide 2.2 1) 注 (typed address errors: missing s, wrong colon)
        (
            "This site can't be reached\nca.12309.gov.cn refused to connect.\nTry: Checking the"
            " connection\nERR_CONNECTION_REFUSED\n(I typed http://ca.12309.gov.cn:8080 by hand)",
            "2.2",
        ),
        # guide 2.2 1) 注 ① (https 没写 s; copy the address)
        ("嗯… 无法访问此网站\n找不到 ca.l2309.gov.cn 的服务器 IP 地址。\nDNS_PROBE_FINISHED_NXDOMAIN", "2.2"),
        # guide 2.2 1) 注 ③ (address misspelt, 1 typed as l)
        ("正在解锁中……\n（已经转了一刻钟，360浏览器，刷新也一样）", "3.6"),
        # guide 3.6 7) (browser error, switch to 兼容模式)
        ("12:03 登录失败：证书无效。\n确定\n我10分钟前刚弄完延期", "3.9-2"),
        # guide 3.9 情况2 (wait 15 min)
        ("Ukey登录\n密码错误，您还可以尝试 4 次\n确定\n用的是延期时改的新密码，没输错", "3.9-3"),
        # guide 3.9 情况3 b (change password in assistant)
        ("提示：Ukey密码已锁定，请解锁后登录！\n确定\n昨天下午刚走完解锁流程的", "3.9-4"),
        # guide 3.9 情况4 (redo unlock in 兼容模式)
        ("网页消息\n请使用IE浏览器打开本页面！\n确定\n（360兼容模式根本没有输入框，我是切极速模式才输的密码）", "3.8"),
        # guide 3.8 a–c (complex case -> change PC)
        ("BJCA证书助手\n设备列表：(空)\n证书信息：未检测到证书\n插了key的，灯也亮", "3.3"),
        # guide 3.3 (assistant shows no certificate)
        ("证书助手弹窗：错误码 0x0B000001 未找到Ukey设备，请插入Ukey。 [确定]  key一直插着呢", "3.3"),
        # guide 3.3 ②–④ (key not recognised by assistant: other port, restart, reinstall)
        ("解锁数字证书密码\n提交失败：验证码错误或已失效\n确定", "3.10-3"),
        # guide 3.10 报错提示3 (click captcha to refresh)
        ("操作失败：今日申请次数已达上限，请明日再试。\n返回首页", "3.10-2"),
        # guide 3.10 报错提示2 (contact ops, try again tomorrow)
        ("更新数字证书\n证书写入Ukey失败，该Ukey无法进行延期操作\n返回  ← 换了两个口都是这个", "3.10-1"),
        # guide 3.10 报错提示1 (key cannot be renewed, damaged -> 3.7 replacement)
        ("Unlock failed: the new password must be 6-8 characters and contain both letters and digits.\nOK", "3.6"),
        # guide 3.6 6) (new password rules)
        (
            "[系统托盘] USB 设备无法识别\n连接到此计算机的最后一个 USB 设备"
            "发生故障，Windows 无法识别它。\n插的就是那个红key，助手里也没证书",
            "3.3",
        ),
        # guide 3.3 ② (try another USB port, etc.)
        (
            "照着提示换IE打开了\n此网站的安全证书有问题。\n建议关闭此网页，并且不要继续浏览该网站。\n单击此处关闭该网页。\n继续浏览此网站(不推荐)。\n点继续也做不下去，360那边兼容极速都试过了",
            "3.8",
        ),
        # guide 3.8 f (IE also fails -> change computer)
        ("12309中国检察网管理平台\n账号登录 | Ukey登录\n检察院名称：\n（空白，下拉也没东西）\n登录", "3.5"),
        # guide 3.5 (no 检察院名称 on Ukey 登录)
        ("证书有效期：2023年09月18日 至 2026年09月18日\n↑这是刚刚延期完打开助手看到的，没变啊", "3.9-1"),
        # guide 3.9 情况1 (replug and recheck)
        (
            "基本信息: 订单号: 20261207-000113 ... 新证书有效期: 2026年12月07日至2"
            "031年12月07日\n后续操作: 点击“下一步”按钮进行证书密码设置操作。\n\n就到这儿，下面啥按钮都没有",
            "3.9-5",
        ),
        # guide 3.9 情况5 (下一步 not shown)
        (
            "关键提醒：以下信息用于证书解锁，后期解锁时需要提交该信息，请正确填写并记录。\n联系人姓"
            "名: (*)\n联系人手机: (*)\n——这里填科长的还是填我自己的？key现在在我手上",
            "2.2",
        ),
        # guide 2.2 4) (填写当前持有 Ukey 人员)
        ("解锁数字证书密码\n提示：姓名或手机号与登记信息不一致！\n确定", "3.6"),
        # guide 3.6 3) (name/phone wrong -> ops WeChat with certificate info)
        ("Ukey登录 → 提示“证书已过期”\n我们这把过期快两个月了，还能在线延吗？", "1.3"),
        # guide 1.3 注2 (expired >30 days cannot be renewed)
        ("您想如何打开这个文件？\nzszs.zip\n在 Microsoft Store 中查找应用\n确定", "3.2"),
        # guide 3.2 3) 注 (no unzip software)
        ("正在下载证书，请勿拔出Ukey……\n（这个界面停了三分钟了，能不能先拔了重插？）", "2.2"),
        # guide 2.2 8) (~2 min, never unplug during download)
        (
            "登录失败\n未查询到与证书关联的用户\n[确定]\n补充：这把key前年丢过，当时补发了一把新的，后来旧的又找着了，这次延的是找回来那把",
            "3.10-6",
        ),
        # guide 3.10 报错提示6 2. (lost key was reissued; renewed the old one -> use the new key)
        ("此页面需要在兼容模式下浏览，请点击地址栏右侧图标切换。\n——图标在哪？我只看到个闪电", "3.4"),
        # guide 3.4 1) (click lightning, choose 兼容模式)
    ],
    "rules": [
        ("一个院一般有几把这种key？都是哪些部门的？", "1.2"),
        # guide 1.2 (usually 4 keys for 4 departments)
        ("案管那把key能干些什么", "1.2"),
        # guide 1.2 table (法律文书公开、案件绑定、辩护与代理)
        ("信息发布那把key一般归哪个部门保管？", "1.2"),
        # guide 1.2 table (案管/新闻宣传/政治部/其他, depends on locality)
        ("办公室那把key是干啥用的", "1.2"),
        # guide 1.2 table (代表委员联络板块)
        ("我们院就是找不到控申那把key了，先问谁", "1.2"),
        # guide 1.2 (contact 上级院业务对口部门 to verify)
        ("为啥突然要搞key延期？不延会怎么样", "1.1"),
        # guide 1.1 (key about to expire -> cannot log in to platform)
        ("延期会不会把原来的密码改掉", "1.1"),
        # guide 1.1 (renewal changes the old password; remember new one)
        ("手头还有几条案件信息没发，是先发了再延期，还是先延期", "1.1"),
        # guide 1.1 温馨提示 (finish publishing before renewing)
        ("延期一共几步？顺序能不能调", "1.1"),
        # guide 1.1 (three steps: check, renew, verify)
        ("蓝色的和银色的要一起延吗", "1.3"),
        # guide 1.3 注1 (only red key)
        ("key过期十来天了还能延不", "1.3"),
        # guide 1.3 注2 (only >30 days is impossible)
        ("要延期的这把红key，平常是登哪个网站用的", "1.3"),
        # guide 1.3 (login.12309.gov.cn)
        ("开始延期之前先要看什么、记什么", "2.1"),
        # guide 2.1 (open assistant, note current expiry date)
        ("有效期还剩好几年，也要做吗", "2.1"),
        # guide 2.1 注 (renew regardless of year)
        ("老的有效期记下来有什么用", "2.1"),
        # guide 2.1 2) (to compare after upgrade)
        ("做延期必须用360吗？别的浏览器行不行", "2.2"),
        # guide 2.2 1) (install/use 360 安全浏览器)
        ("延期网址能手敲吗，老是打不开", "2.2"),
        # guide 2.2 1) 注 (copy the address; common typing errors)
        ("更新数字证书那页的证书密码，是输登录用的那个密码吗", "2.2"),
        # guide 2.2 3) (Ukey 密码 = login password)
        ("填的持有人姓名手机号以后派什么用场", "2.2"),
        # guide 2.2 4) (used for unlocking if password forgotten)
        ("提交以后在核实页面发现手机号填错一位，能改吗", "2.2"),
        # guide 2.2 5) (refresh and redo renewal)
        ("延期时设的新密码以后干嘛用", "2.2"),
        # guide 2.2 6) (becomes the future login password)
        ("点了下载证书要等多久，中途断网怎么办", "2.2"),
        # guide 2.2 8) (~2 minutes; no power/network loss)
        ("出来什么样的页面才算延期做完了", "2.2"),
        # guide 2.2 9) (download-success dialog = renewal complete)
        ("延完了怎么确认成没成", "2.3"),
        # guide 2.3 (verification step)
        ("验证的时候key要不要先拔下来再插", "2.3"),
        # guide 2.3 1) (unplug and reinsert first)
        ("做完以后登录验证之前，浏览器要不要关了重开？", "2.3"),
        # guide 2.3 (3) (after 15 min close and reopen browser, then log in)
        ("延期完成后多久才生效", "2.1"),
        # guide 2.1 注 (effective after 15 minutes)
        ("兼容模式页面显示乱了，还有别的办法吗", "2.2"),
        # guide 2.2 2) 注 (try 极速模式, else another internet PC)
        # (guide 3.4's 注 says the same of 兼容模式 shown badly, 极速模式 first: the search's 3.4 answers it too)
        ("延期要不要把key寄到北京去办？还是自己在网上弄", "2.2"),
        # guide 2.2 (done online at ca.12309.gov.cn:8080 by the user)
        ("延期的时候填联系人，是填院领导还是实际拿着key的人", "2.2"),
        # guide 2.2 4) (当前持有 Ukey 人员)
    ],
    "off_topic": [
        ("工行U盾密码输错三次被锁了，怎么解锁", None),
        # not covered: bank U盾, not the BJCA red key
        ("电子税务局的CA证书快过期了，续费在哪儿办", None),
        # not covered: tax-bureau CA certificate
        ("个人所得税APP登录密码忘了", None),
        # not covered: other app password
        ("群众在12309上怎么提交控告申诉材料", None),
        # not covered: public-facing 12309 services
        ("12309检察服务热线是多少？老百姓打哪个号", None),
        # not covered: public hotline (guide lists only ops contacts)
        ("检察业务应用系统2.0的登录密码忘了怎么重置", None),
        # not covered: 2.0 system account (guide mentions 2.0 only for org code)
        ("360浏览器老弹广告，怎么关掉", None),
        # not covered: browser ad pop-ups
        ("360安全卫士把打印机驱动给删了，打印不了", None),
        # not covered: printer driver
        ("Windows开机密码忘了进不去桌面", None),
        # not covered: computer login password
        ("办公室打印机一直卡纸", None),
        # not covered: office device
        ("Chrome shows NET::ERR_CERT_DATE_INVALID on our intranet OA site", None),
        # not covered: another site's certificate
        ("my online banking token battery is dead, how to replace", None),
        # not covered: bank token
        ("身份证过期了去哪儿换", None),
        # not covered: personal ID card
        ("公务卡过期了还能报销吗", None),
        # not covered: official credit card
        ("检察官证到期了怎么换发", None),
        # not covered: personnel credential
        ("内网办案系统用的那把Key登录时提示证书错误，怎么弄", None),
        # not covered: intranet case system key/certificate
        ("电子签章盖章时提示印章证书已过期", None),
        # not covered: e-seal certificate
        ("微信账号被锁了，解封要好友辅助", None),
        # not covered: WeChat account
        ("档案室保险柜密码忘了", None),
        # not covered: safe combination
        ("How do I renew the SSL certificate on our procuratorate website's nginx server?", None),
        # not covered: server TLS cert
        ("12309检察服务APP怎么查案件进度", None),
        # not covered: public case-progress query
        ("Win10锁屏时间怎么改长一点", None),
        # not covered: OS settings
        ("公积金网上大厅的U盾在哪儿领", None),
        # not covered: housing-fund U盾
        ("视频会议系统账号登不上", None),
        # not covered: other system account
        ("支付宝里的个人数字证书怎么注销", None),
        # not covered: personal certificate in Alipay
        ("单位门禁卡过期刷不开门", None),
        # not covered: access card
        ("你的连接不是私密连接\n攻击者可能会试图从 www.xxfy.gov.cn 窃取你的信息\nNET::ERR_CERT_DATE_INVALID", None),
        # not covered: another site's cert warning
        ("Outlook keeps asking for my mailbox password after the certificate warning", None),
        # not covered: email client
        ("电脑右下角时间老是不对，怎么同步", None),
        # not covered: clock settings
        ("12309网站上公开的法律文书，群众怎么下载", None),
        # not covered: public document download
    ],
}


for _kind, _questions in BATCH_15.items():
    HELD_OUT_KINDS[_kind] += _questions


# Chapter 1–2 rules questions of one's own, written after batch 15's first fixes from the guide's chapters 1–2 and
# measured before anything was changed for them: 12/14 first (top 3 13/14); one fixed after (2.3 ②, whether the
# validity was extended). "兼容模式还是极速模式" for the renewal site is answered by 2.2 ② and by 3.4's note alike.
OWN_AFTER_15: dict[str, list[tuple[str, str | None]]] = {
    "rules": [
        ("延期前为什么建议先把发布工作做完", "1.1"),
        ("延期一共分几步", "1.1"),
        ("延期会不会把原来的密码改掉", "1.1"),
        ("我们院有几把key，分别归哪个部门管", "1.2"),
        ("代表委员联络那把key在哪个部门", "1.2"),
        ("只有蓝色的key，要不要延期", "1.3"),
        ("过期四十多天了还能延期吗", "1.3"),
        ("延期前要先记下有效期吗，记它干嘛", "2.1"),
        ("信息核实页面上要核对什么", "2.2"),
        ("下载证书大概要多长时间", "2.2"),
        ("联系人填的是谁，领导还是保管key的人", "2.2"),
        ("延期网站用兼容模式还是极速模式", "2.2"),
        ("验证的时候要先拔下key再插上吗", "2.3"),
        ("证书助手里怎么看有效期延长了没有", "2.3"),
    ],
}

for _kind, _questions in OWN_AFTER_15.items():
    HELD_OUT_KINDS[_kind] += _questions


# Batch 16, written blind from the guide alone by another person who never saw the search, its data or the
# earlier batches (30 questions per kind; the guide's sections in the comments), first measured before anything
# was changed for it (tuned on after: docs/performance.md), on the search before batch 15's tuning and as that
# tuning left it: colloquial 29/30 → 29/30 first (top 3 30/30), English 28/30 → 29/30 (29/30), pinyin/typos
# 28/30 → 28/30 (30/30), pasted 27/30 → 27/30 (29/30), rules 25/30 → 26/30 (29/30); off-topic 28/30 → 29/30
# unanswered.
BATCH_16: dict[str, list[tuple[str, str | None]]] = {
    "colloquial": [
        ("喂，你好，我是县院案管的，那个红色的key插上以后打开证书助手，里面空空的啥证书都没有，这咋弄啊", "3.3"),
        # guide 3.3 (证书助手打开后未显示证书信息; 排查步骤 ①-⑥)
        ("我刚才按步骤延完了，再打开助手一看日期还是原来那个，没变啊", "3.9-1"),
        # guide 3.9 情况1 (有效期显示未更新 -> 插拔 Ukey 重新查看)
        ("延期弄完马上去12309登，它说证书无效，是不是白弄了", "3.9-2"),
        # guide 3.9 情况2 (延期后登录提示证书无效 -> 等 15 分钟)
        ("我解锁的时候新密码设得挺长的，十来位，现在登录一直说密码不对", "3.9-3"),
        # guide 3.9 情况3 a (新密码前 8 位为正确密码)
        ("解锁不是做完了吗，怎么登录还是说密码被锁了", "3.9-4"),
        # guide 3.9 情况4 (解锁后提示已锁定 -> 解锁可能未成功, 兼容模式重做)
        ("那个页面拉到底也没看见下一步，就卡在那了", "3.9-5"),
        # guide 3.9 情况5 (下一步按钮不显示 -> 拖选文字 / 缩放 75%); 2.2 5) 也指向 3.9
        ("密码记不住了，连着输错几次，现在提示锁定，要重置得怎么弄", "3.6"),
        # guide 3.6 (忘记/重置 Ukey 密码: 解锁数字证书密码菜单)
        ("我们信访那把key找不着了，估计是搬办公室弄丢了，补一个走什么手续", "3.7"),
        # guide 3.7 (丢失情况: 申请函报备最高检业务对口部门)
        ("key被同事踩了一脚，壳都裂了，换新的要把旧的寄过去吗，寄给谁", "3.7"),
        # guide 3.7 (损坏情况: 已损坏 Ukey 必须 + 申请函 寄最高检技术信息研究中心)
        ("我们新换的电脑是国产系统那种信创机，能插这个红key用吗", "3.1"),
        # guide 3.1 1、注 (信创电脑及国产操作系统不适用红色 Ukey)
        ("你说的那个证书助手我桌面上没有啊，上哪下", "3.2"),
        # guide 3.2 (BJCA 证书助手下载方式一/二)
        ("助手下下来是个压缩包，双击打不开，电脑上好像没装解压的", "3.2"),
        # guide 3.2 3) 注 (无解压缩软件请自行下载或联系本院技术)
        ("360那个兼容模式到底在哪里点啊，我翻了半天菜单", "3.4"),
        # guide 3.4 (地址栏右侧闪电标志 -> 兼容模式)
        ("12309管理平台那里点Ukey登录，上面本来应该有我们院的名字，现在是空的，登不进去", "3.5"),
        # guide 3.5 (Ukey 登录未显示检察院名称)
        (
            "兼容模式下根本没有输密码的框，换成极速模式框出来了，输完又说得用IE，IE我也试了还是不行，来来回回好几遍了",
            "3.8",
        ),
        # guide 3.8 (复杂情况 a-f -> 更换电脑)
        ("登录时候它说找不到跟这个证书关联的用户，我们院前年改过名，当时好像又发过一把新的", "3.10-6"),
        # guide 3.10 报错提示6 1. (名称变更并发新 Ukey, 延期的是旧 Ukey)
        ("我从收藏夹点进去登录的，进去以后显示没权限", "3.10-7"),
        # guide 3.10 报错提示7 (只输 login.12309.gov.cn 不加后缀)
        ("解锁申请那里要填姓名手机，当初延期是谁填的我们根本不知道，填了提示不对", "3.6"),
        # guide 3.6 3) (姓名/手机不正确 -> 加运维微信, 提供证书信息)
        ("解锁要的那个授权码是去哪拿的", "3.6"),
        # guide 3.6 5) (联系 Ukey 运维人员审批并获取解锁授权码)
        ("提交解锁以后页面老显示正在解锁中，一直不动", "3.6"),
        # guide 3.6 7) (弹出"正在解锁中"代表浏览器错误 -> 兼容模式)
        ("写申请函要填组织机构代码，我们部门谁也不知道是多少", "3.7"),
        # guide 3.7 注2 (组织机构代码 6 位, 获取方式 ①-⑤)
        ("我是搞信息发布的，以前从没用过这个key，第一次在这台电脑上登12309要先准备些啥", "3.1"),
        # guide 3.1 (电脑第一次使用 Ukey 登录流程)
        ("浏览器缓存怎么清，运维让我清一下", "3.5"),
        # guide 3.5 4) (清空浏览器缓存: 选项 -> 更多工具 -> 清除上网痕迹)
        ("延期后想在助手里改个密码，改了几次都提示失败", "3.9-3"),
        # guide 3.9 情况3 b (修改不成功可能输错 -> 联系运维解锁)
        ("我们这是云桌面的电脑，key插上去助手里认不出来", "3.3"),
        # guide 3.3 ⑤ (更换普通 windows 电脑, 非云桌面、非信创)
        ("有没有能远程帮我弄的人，给个QQ", "3.12"),
        # guide 3.12 (Ukey 运维人员 QQ 可远程)
        ("key能登进去了，但平台里有个栏目用不了，好像是账号权限问题，这个该找谁", "3.12"),
        # guide 3.12 (登录后网站使用或账号权限问题 -> 平台运维人员)
        ("刚插上key，助手里也没证书，12309上也不显示院名，先查哪个", "3.3"),
        # guide 3.3 (3.5 1) 也先指向 3.3 确认 Ukey 是否损坏)
        ("运维说我这key延不了，是坏了，那接下来咋办", "3.10-1"),
        # guide 3.10 报错提示1 (Ukey 无法延期, 已损坏 -> 按 3.7 更换)
        ("助手的压缩包解开了，里面好几个文件，我该双击哪个装", "3.2"),
        # guide 3.2 3) (双击"证书应用环境安装程序.exe", 下一步安装)
    ],
    "english": [
        ("BJCA assistant shows no certificate after plugging in the red key", "3.3"),
        # guide 3.3 (证书助手未显示证书信息)
        ("Where can I download the BJCA certificate assistant?", "3.2"),
        # guide 3.2 (download zszs.zip or via Ukey 登录 page)
        ("360 browser compatibility mode how", "3.4"),
        # guide 3.4 (lightning icon -> 兼容模式)
        ("forgot ukey PIN", "3.6"),
        # guide 3.6 (忘记/重置 Ukey 密码)
        ("We lost one of our Ukeys. How do we get a replacement issued?", "3.7"),
        # guide 3.7 (丢失情况申请新 Ukey)
        ("Our court office has only a blue key and a silver key. Do either of those need renewing?", "1.3"),
        # guide 1.3 注1 (only red Ukey; blue/silver only -> no renewal)
        ("Renewal finished but the expiry date in the assistant still shows the old date", "3.9-1"),
        # guide 3.9 情况1 (unplug/replug, check again)
        ("Login says 'certificate invalid' right after I renewed", "3.9-2"),
        # guide 3.9 情况2 (wait 15 minutes)
        ("The Next button does not show up on the unlock page", "3.9-5"),
        # guide 3.9 情况5 (drag-select last line / zoom 75%)
        ("After logging into the 12309 admin platform I get 'no permission'", "3.10-7"),
        # guide 3.10 报错提示7 (use bare https://login.12309.gov.cn)
        ("Can the red Ukey be used on a UOS or Kylin machine?", "3.1"),
        # guide 3.1 1、注 (信创/国产操作系统 not supported)
        ("renewal site URL?", "2.2"),
        # guide 2.2 1) (https://ca.12309.gov.cn:8080/...userweb)
        ("How can I confirm the renewal actually succeeded?", "2.3"),
        # guide 2.3 (replug, check validity in assistant, log in after 15 min)
        ("The certificate download is spinning. Is it safe to pull the key out or switch off wifi?", "2.2"),
        # guide 2.2 8) (~2 min, no power/network loss, do not unplug)
        ("Our key expired about six weeks ago. Can it still be renewed?", "1.3"),
        # guide 1.3 注2 (expired > 30 days -> cannot renew)
        (
            "I'm IT at the provincial level supporting a county off"
            "ice — who at BJCA support can take a remote QQ session?",
            "3.12",
        ),
        # guide 3.12 (Ukey 运维人员, QQ 可远程)
        ("What has to go into the request letter for a new key after ours broke?", "3.7"),
        # guide 3.7 (申请函内容: 院名、组织机构代码、类型、说明、联系人、公章)
        ("Where do I find our 6-digit organization code?", "3.7"),
        # guide 3.7 注2 (label, 2.0 系统受案号, 证书助手更多证书信息...)
        ("Set a 10-character PIN during unlock, now the site keeps rejecting it", "3.9-3"),
        # guide 3.9 情况3 a (first 8 characters are the real password)
        ("Unlocked the key successfully, but the login page still says the PIN is locked", "3.9-4"),
        # guide 3.9 情况4 (unlock probably failed; redo in compatibility mode)
        ("No input box in compatibility mode, speed mode then asks for IE, IE doesn't work either — what now?", "3.8"),
        # guide 3.8 (complex case -> change computer)
        ("The Ukey login page doesn't list our procuratorate's name", "3.5"),
        # guide 3.5 (未显示检察院名称)
        ("default ukey password", "2.2"),
        # guide 2.2 3) 注 (默认密码为 111111)
        ("Why is everyone being asked to renew these keys now?", "1.1"),
        # guide 1.1 (Ukey 将要过期, 届时无法登录平台)
        ("Which department normally keeps the petition (xinfang) key?", "1.2"),
        # guide 1.2 (控申部门 - 信访 Ukey)
        ("After renewal, do I log in with the old PIN or the one I typed on the renewal page?", "2.2"),
        # guide 2.2 6) (new password becomes login password)
        ("Who issues the unlock authorization code?", "3.6"),
        # guide 3.6 5) (Ukey 运维人员审批并获取解锁授权码)
        ("The renewal form asks for a contact name and mobile. Whose details, and what are they used for?", "2.2"),
        # guide 2.2 4) (当前持有 Ukey 人员; 用于后期解锁)
        ("New PC, first time logging in with the Ukey — steps?", "3.1"),
        # guide 3.1 (第一次使用 Ukey 登录流程)
        ("how to clear the 360 browser cache", "3.5"),
        # guide 3.5 4) (清除上网痕迹 steps)
    ],
    "pinyin_typos": [
        ("zhengshu zhushou dakai hou meiyou zhengshu xinxi", "3.3"),
        # guide 3.3 (证书助手未显示证书信息)
        ("证书助手怎么xiazai anzhuang", "3.2"),
        # guide 3.2 (下载及安装)
        ("360浏览器兼融模式在哪切", "3.4"),
        # guide 3.4 (兼容模式切换)
        ("ukey mima wangle zenme chongzhi", "3.6"),
        # guide 3.6 (忘记/重置密码)
        ("页面上没有下一布按纽", "3.9-5"),
        # guide 3.9 情况5 ("下一步"按钮不显示)
        ("延期后证数有效期没便", "3.9-1"),
        # guide 3.9 情况1 (有效期显示未更新)
        ("yanqi hou denglu tishi zhengshu wuxiao", "3.9-2"),
        # guide 3.9 情况2 (证书无效 -> 等 15 分钟)
        ("ukey diu le zenme bu ban", "3.7"),
        # guide 3.7 (丢失情况申请新 Ukey)
        ("登陆后提示没有权线", "3.10-7"),
        # guide 3.10 报错提示7 (无权限)
        ("wei chaxun dao yu zhengshu guanlian de yonghu", "3.10-6"),
        # guide 3.10 报错提示6 (未查询到与证书关联的用户)
        ("解锁受权码找谁要", "3.6"),
        # guide 3.6 5) (解锁授权码 from Ukey 运维)
        ("lanse de ukey yao bu yao yanqi", "1.3"),
        # guide 1.3 注1 (仅红色 Ukey 延期)
        ("key过期超过三十填了还能延期吗", "1.3"),
        # guide 1.3 注2 (失效超过 30 天无法延期)
        ("yanqi wangzhi shi shenme ca.12309", "2.2"),
        # guide 2.2 1) (证书延期网站地址)
        ("yanqi wan le zenme yanzheng chenggong mei", "2.3"),
        # guide 2.3 (验证 Ukey 延期是否成功)
        ("xinchuang diannao neng yong hongse ukey ma", "3.1"),
        # guide 3.1 1、注 (信创电脑不适用红色 Ukey)
        ("ukey denglu jianchayuan mingcheng bu xianshi", "3.5"),
        # guide 3.5 (未显示检察院名称)
        ("jisu moshi jianrong moshi IE dou shi le hai bu xing", "3.8"),
        # guide 3.8 (复杂情况 -> 更换电脑)
        ("改完密吗登录提示密码错五", "3.9-3"),
        # guide 3.9 情况3 (延期/解锁后登录提示密码错误)
        ("解锁后登陆提示密码一锁定", "3.9-4"),
        # guide 3.9 情况4 (解锁后提示密码已锁定)
        ("ukey yunwei renyuan dianhua", "3.12"),
        # guide 3.12 (Ukey 运维人员联系方式)
        ("证书下在过程中能不能拔key", "2.2"),
        # guide 2.2 8) (下载过程中切勿插拔 Ukey)
        ("nin de zhengshu fei benxitong yonghu", "3.10-5"),
        # guide 3.10 报错提示5 (证书非本系统用户)
        ("证书已被调销 不能进行在线更新", "3.10-5"),
        # guide 3.10 报错提示5 (已被吊销, 不能在线更新)
        ("yanzhengma baocuo 刷新", "3.10-3"),
        # guide 3.10 报错提示3 (点击验证码刷新)
        ("360清楚缓存步揍", "3.5"),
        # guide 3.5 4) (清空浏览器缓存)
        ("申请函组织机构带码在哪查", "3.7"),
        # guide 3.7 注2 (组织机构代码获取方式)
        ("xinfang ukey shi na ge bumen guan de", "1.2"),
        # guide 1.2 (控申部门 信访 Ukey)
        ("默认密马是多少", "2.2"),
        # guide 2.2 3) 注 (默认密码 111111)
        ("sunhuai de ukey ji dao nali", "3.7"),
        # guide 3.7 (损坏 Ukey 邮寄至最高检技术信息研究中心)
    ],
    "pasted_errors": [
        ("2026-03-02 09:14:33 登录失败：未查询到与证书关联的用户 [确定]  这是啥意思，刚延的期", "3.10-6"),
        # guide 3.10 报错提示6 (账号绑定问题)
        ("https://login.12309.gov.cn/portal/index.html?from=fav\n无权限\n返回  —— 点进去就这样", "3.10-7"),
        # guide 3.10 报错提示7 (地址后不加任何后缀)
        ("提示\n您的证书非本系统用户，不能登录当前系统\n确定", "3.10-5"),
        # guide 3.10 报错提示5 (用 xtxuserweb 网站按第 2 章延期)
        ("延期网站弹出来：您的证书已被吊销，不能进行在线更新。 我们没申请吊销过啊", "3.10-5"),
        # guide 3.10 报错提示5
        ("无法显示此页\n确保 Web 地址 https://ca.12309.gov.cn；8080/txxuserweb 正确\n修复连接问题", "2.2"),
        # guide 2.2 1) 注 (手敲网址常见错误: 冒号中英文)
        ("该网页无法正常运作  ERR_CONNECTION_REFUSED  http://ca.12309.gov.cn:8080/txxuserweb  我自己敲的地址", "2.2"),
        # guide 2.2 1) 注 (https 没写 s; 请复制地址)
        ("切到极速模式才有输入框，输完密码就弹：“请使用IE浏览器打开本页面” [确定]，回兼容模式又回到没框的样子", "3.8"),
        # guide 3.8 (c/d 情况 -> 更换电脑)
        ("解锁数字证书密码\n正在解锁中……\n(已经等了二十分钟)", "3.6"),
        # guide 3.6 7) (正在解锁中 = 浏览器错误 -> 兼容模式)
        ("10:41 刚做完延期  10:43 登录12309：证书无效 [确定]", "3.9-2"),
        # guide 3.9 情况2 (等待 15 分钟再登录)
        ("延期后登12309：“Ukey密码错误，您还可以尝试4次” 我输的就是延期时候设的那个新密码", "3.9-3"),
        # guide 3.9 情况3 b (助手里改成 6-8 位新密码)
        ("昨天刚解锁过，今天登录：用户PIN码已锁定，请联系管理员。错误码 0x0A00002C", "3.9-4"),
        # guide 3.9 情况4 (解锁操作可能未成功, 兼容模式重做)
        ("BJCA证书助手  错误：0x0B000001 未检测到Key设备或证书  [确定]", "3.3"),
        # guide 3.3 (助手未显示证书信息排查)
        ("验证码错误，请重新输入！  (每次都这样，输了好几次)", "3.10-3"),
        # guide 3.10 报错提示3 (点击验证码刷新)
        ("证书下载失败：写入证书到Key失败，设备异常，该证书无法更新。", "3.10-1"),
        # guide 3.10 报错提示1 (Ukey 无法延期, 已损坏 -> 3.7)
        ("系统提示：今日该证书更新请求次数已达上限，请明日再试 [确定]", "3.10-2"),
        # guide 3.10 报错提示2 (联系运维确认后明日再试)
        ("Ukey登录\n单位名称：（空）\n证书密码：______\n登录   —— 下拉里选不到我们院", "3.5"),
        # guide 3.5 (Ukey 登录未显示检察院名称)
        ("BJCA证书助手\n证书列表：无证书\n更多证书信息（灰色点不了）", "3.3"),
        # guide 3.3 (助手未显示证书信息)
        (
            "NET::ERR_CERT_AUTHORITY_INVALID  您的连接不是私密连接  ca.12309.gov.cn:8080  我用的谷歌浏览器打开延期网站",
            "2.2",
        ),
        # guide 2.2 1)-2) (延期网站须用 360 安全浏览器并切兼容模式)
        (
            "This page can't be displayed. Make sure the web addre"
            "ss https//ca.12309.gov.cn:8080/txxuserweb is correct.",
            "2.2",
        ),
        # guide 2.2 1) 注 (地址拼写错误, 请复制地址)
        ("Login failed: no user associated with this certificate was found. [OK]", "3.10-6"),
        # guide 3.10 报错提示6
        (
            "Your certificate is not a user of this system and cann"
            "ot log in to the current system. — on the renewal site",
            "3.10-5",
        ),
        # guide 3.10 报错提示5
        ("证书助手 修改密码：修改失败，原密码不正确（延期后登录说密码不对，我就想在这里改一下）", "3.9-3"),
        # guide 3.9 情况3 b (修改不成功 -> 联系运维解锁)
        (
            "新证书有效期: 2026年03月02日至2031年05月02日\n后续操作"
            ":\n点击“下一步”按钮进行证书密码设置操作。\n—— 可下面什么按钮都没有",
            "3.9-5",
        ),
        # guide 3.9 情况5 (2.2 5) 注: 无下一步按 3.9)
        ("证书下载成功！ [确定]   那然后呢，现在就去登录吗", "2.3"),
        # guide 2.2 9)/2.3 (下载成功即延期完成 -> 按 2.3 验证)
        ("延期之前记的：2024年03月01日至2026年04月01日；做完再看助手：2024年03月01日至2026年04月01日", "3.9-1"),
        # guide 3.9 情况1 (有效期未更新 -> 插拔 Ukey 重看)
        ("解锁申请提交失败：联系人姓名或手机号码与证书登记信息不一致", "3.6"),
        # guide 3.6 3) (姓名/手机不正确 -> 加运维微信提供证书信息)
        ("密码须为字母与数字组合，长度6-8位  —— 解锁最后一步设新密码弹的", "3.6"),
        # guide 3.6 6) (新密码必须字母+数字, 6-8 位)
        (
            "信息核实\n订单号: 20260302-000117\n姓名: 王某某\n手机:"
            " 1391234567\n[下一步]  —— 手机号少打了一位，还能回去改吗",
            "2.2",
        ),
        # guide 2.2 5) (信息有误请刷新界面, 重新进行延期)
        ("压缩(zipped)文件夹 zszs.zip 无效  —— 下的证书助手打不开", "3.2"),
        # guide 3.2 3) (打开压缩包; 无解压软件自行下载)
        ("更新数字证书 → 登录：口令错误，剩余重试次数0，Key已锁定 (0x0B000027)", "3.6"),
        # guide 2.2 3) 注 -> 密码已锁定按 3.6 重置
    ],
    "rules": [
        ("我们院一共该有几把key，分别是哪些部门拿着", "1.2"),
        # guide 1.2 (通常 4 把, 对应 4 个部门)
        ("信息发布那把key一般放在哪个部门", "1.2"),
        # guide 1.2 表 2 (案管/新闻宣传/政治部/其他部门, 视各地情况)
        ("我手上只有一把蓝色的和一把银色的，这次要不要弄", "1.3"),
        # guide 1.3 注1 (仅红色; 仅蓝/银无需延期)
        ("过期了多少天以内还能延期", "1.3"),
        # guide 1.3 注2 (失效超过 30 天无法延期)
        ("为什么要搞这次延期，不延会怎样", "1.1"),
        # guide 1.1 (Ukey 将过期, 届时无法登录平台)
        ("延期一共要做哪几步", "1.1"),
        # guide 1.1 (三个步骤: 查有效期、延期、验证)
        ("证书显示还有两年多才到期，这次也得延吗", "2.1"),
        # guide 2.1 2) 注 (无论到哪一年都需延期)
        ("第一步看完有效期要不要记下来，有什么用", "2.1"),
        # guide 2.1 2) (记录有效期用于后期比对)
        ("要不要先把手头要发布的东西发完再延期", "1.1"),
        # guide 1.1 温馨提示 (建议提前完成发布工作)
        ("延期的网址我能不能自己手敲进去", "2.2"),
        # guide 2.2 1) 注 (请复制地址, 手敲常见错误)
        ("延期用哪个浏览器，什么模式", "2.2"),
        # guide 2.2 1)-2) (360 安全浏览器, 兼容模式)
        ("更新数字证书那里让输证书密码，是哪个密码", "2.2"),
        # guide 2.2 3) (即登录时输入的密码, 默认 111111)
        ("延期表单上的联系人写谁，写我们主任还是写拿key的人", "2.2"),
        # guide 2.2 4) (当前持有 Ukey 人员, 用于以后解锁)
        ("信息核实那页发现手机号填错了一位怎么办", "2.2"),
        # guide 2.2 5) (信息有误请刷新界面重新延期)
        ("延期后登录密码是原来的还是新设的", "2.2"),
        # guide 2.2 6) (新密码将作为以后登录时的密码)
        ("下载证书大概要多长时间", "2.2"),
        # guide 2.2 8) (约 2 分钟)
        ("弹出下载成功是不是就算延完了", "2.2"),
        # guide 2.2 9) (下载成功即表明延期操作完成)
        ("延完期多久才生效", "2.1"),
        # guide 2.1 2) 注 (完成延期 15 分钟后生效)
        ("验证的时候key要不要重新插一下", "2.3"),
        # guide 2.3 1) (先拔下 Ukey 再重新插入)
        ("验证登录前为什么要先关浏览器", "2.3"),
        # guide 2.3 (3) (15 分钟后先关闭浏览器再打开登录验证)
        ("这把红key是用来登哪个网站的", "1.3"),
        # guide 1.3 (互联网 Ukey, login.12309.gov.cn)
        ("我们部门的key找不到了，也不知道在谁手里，该问谁", "1.2"),
        # guide 1.2 (联系上级院业务对口部门核实)
        ("案管的key都能干什么", "1.2"),
        # guide 1.2 表 1 (法律文书公开、案件绑定、辩护与代理)
        ("代表委员联络的key归哪个部门", "1.2"),
        # guide 1.2 表 4 (办公室)
        ("一个部门是不是只会有一把key", "1.2"),
        # guide 1.2 (部分检察院单个部门可能有多把)
        ("延期会不会把原来的密码改掉", "1.1"),
        # guide 1.1 (延期过程中会对原密码修改, 牢记新密码)
        ("做第一步的时候证书助手在哪打开", "2.1"),
        # guide 2.1 1) (插入 Ukey, 桌面双击 BJCA 证书助手)
        ("兼容模式显示不对的话还有别的办法吗，实在不行换电脑？", "2.2"),
        # guide 2.2 2) 注 (切极速模式, 仍不行换一台外网电脑)
        ("怎么判断延期到底成没成", "2.3"),
        # guide 2.3 (助手看有效期延长 + 15 分钟后登录正常)
        ("延期对电脑有啥要求，内网机、信创机能不能做", "3.1"),
        # guide 3.1 1、 (Windows 系统互联网电脑; 信创不适用)
    ],
    "off_topic": [
        ("工商银行的U盾密码忘了怎么重置", None),
        # guide: 只涉及 12309 红色 BJCA Ukey, 不涉及银行 U 盾
        ("个税APP登录密码输错被锁了", None),
        # guide: 不涉及个人所得税 APP
        ("检察业务应用系统2.0的登录密码过期了要改", None),
        # guide 3.7 只借用 2.0 系统受案号查组织机构代码, 不管 2.0 账号密码
        ("电脑开机密码忘了进不去系统", None),
        # guide: 不涉及 Windows 登录密码
        ("办公室打印机老卡纸", None),
        # guide: 不涉及办公设备
        ("群众在12309上怎么提交控告申诉", None),
        # guide: 只讲管理平台 Ukey, 不讲 12309 面向群众的服务
        ("律师在12309检察网上预约阅卷怎么弄", None),
        # guide: 不涉及律师阅卷预约
        ("电子税务局的CA证书到期了怎么续费", None),
        # guide: 其它 CA / 其它系统证书
        ("Chrome says the certificate for our intranet OA site has expired", None),
        # guide: 不涉及其它网站的证书警告
        ("360杀毒怎么关掉", None),
        # guide: 只讲 360 安全浏览器兼容/极速模式
        ("360浏览器怎么把默认主页改成百度", None),
        # guide: 不涉及浏览器主页设置
        ("Windows更新完开机蓝屏了", None),
        # guide: 不涉及操作系统故障
        ("办公楼门禁卡丢了去哪补", None),
        # guide 3.7 只讲 Ukey 丢失
        ("身份证过期了去哪换", None),
        # guide: 个人证件
        ("住房公积金网站用UKey登录不上", None),
        # guide: 其它系统 Ukey
        ("How do I renew the SSL certificate on our nginx web server?", None),
        # guide: 不涉及服务器证书
        ("BitLocker recovery key lost", None),
        # guide: 不涉及磁盘加密
        ("Outlook keeps asking for my password", None),
        # guide: 不涉及邮件客户端
        ("检察内网邮箱密码忘了找谁", None),
        # guide: 不涉及内网邮箱
        ("电子签章的key盖章失败，提示印章过期", None),
        # guide: 电子签章系统不在指南范围
        ("政务外网VPN的证书过期连不上", None),
        # guide: 不涉及 VPN
        ("手机锁屏密码忘了", None),
        # guide: 个人设备
        ("微信电脑版登录二维码过期了", None),
        # guide: 3.12 只给运维微信号, 不讲微信本身
        ("12309检察服务热线打不通", None),
        # guide: 3.12 联系方式是运维人员, 不是 12309 热线
        ("U盘插电脑上不显示盘符，里面有材料", None),
        # guide 3.3 只讲 Ukey 证书不显示, 不讲普通 U 盘
        ("驾驶证到期了怎么换证", None),
        # guide: 个人事务
        ("Word文档设了打开密码，忘了", None),
        # guide: 不涉及 Office 文件
        ("笔记本电池鼓包了还能用吗", None),
        # guide: 不涉及硬件维修
        ("Should we upgrade our office PCs from Windows 7 to Windows 11?", None),
        # guide 3.1 只要求 Windows 互联网电脑, 不讲系统升级
        ("检察院年假怎么请", None),
        # guide: 人事事务
    ],
}


for _kind, _questions in BATCH_16.items():
    HELD_OUT_KINDS[_kind] += _questions


# Batch 17, written blind from the guide alone by a fifth person who never saw the search, its data or the
# earlier batches (30 questions per kind; the guide's sections in the comments), measured on the search as
# batch 16's tuning left it and never tuned on (docs/performance.md, "Batch 17"): colloquial 28/30 first
# (top 3 29/30), English 28/30 (29/30), pinyin/typos 30/30 (30/30), pasted 27/30 (30/30), rules 27/30
# (29/30); off-topic 27/30 unanswered.
BATCH_17: dict[str, list[tuple[str, str | None]]] = {
    "colloquial": [
        (
            "喂，我们控申那把红key插上去，证书助手打开是空的，啥信息都没有，咋整",
            "3.3",
        ),  # guide 3.3 (assistant shows no certificate info)
        ("证书助手上哪儿下？我桌面上压根没这个东西", "3.2"),  # guide 3.2 (download & install BJCA assistant)
        ("密码记不住了，输了几回现在说锁了，怎么弄开", "3.6"),  # guide 3.6 (forgot / reset password, unlock)
        ("key丢了，得补一把", "3.7"),  # guide 3.7 (lost Ukey -> application letter via SPP counterpart dept)
        (
            "那个延期页面用兼容模式打开没框输密码，换极速有框了，输完又叫我用IE，IE我也试了还是不行，折腾一上午了",
            "3.8",
        ),  # guide 3.8 a-f (complex case -> change computer)
        (
            "延期弄完了，助手里日期还是原来那个，是不是白弄了",
            "3.9-1",
        ),  # guide 3.9 情况1 (validity not updated -> replug)
        ("刚延完，马上去登平台，说我证书无效", "3.9-2"),  # guide 3.9 情况2 (wait 15 minutes)
        (
            "延期那步我设了个挺长的新密码，十来位，现在登录老说密码错",
            "3.9-3",
        ),  # guide 3.9 情况3 a (first 8 chars are the password)
        (
            "解锁流程都走完了，登录还是提示密码锁定",
            "3.9-4",
        ),  # guide 3.9 情况4 (unlock not successful, redo in compat mode)
        ("解锁那页拉到底也没看到下一步", "3.9-5"),  # guide 3.9 情况5 (drag-select / zoom 75%)
        (
            "办公室刚换了台新电脑，以前没在这台上用过key，要先装点啥才能登12309",
            "3.1",
        ),  # guide 3.1 (first use of Ukey on a computer)
        ("360那个兼容模式在哪调啊，地址栏旁边那个小闪电是吧", "3.4"),  # guide 3.4 (switch to compat mode)
        (
            "平台点了Ukey登录，检察院名字出不来，登不进去",
            "3.5",
        ),  # guide 3.5 (no procuratorate name shown at UKey login)
        (
            "运维已经帮我看过了，key确实坏了，换新的要走啥手续、寄到哪",
            "3.7",
        ),  # guide 3.7 (damaged key: letter + key mailed to SPP centre)
        (
            "要写申请函补key，里面那个组织机构代码我们不知道是多少，哪能查到",
            "3.7",
        ),  # guide 3.7 注2 (ways to find the 6-digit org code)
        (
            "解锁要填姓名手机号，可当初延期登记的是已经调走的同事，我填自己的对不上",
            "3.6",
        ),  # guide 3.6 3) (name/phone mismatch -> WeChat ops with cert info)
        ("解锁授权码从哪来的？页面让我填", "3.6"),  # guide 3.6 5)-6) (contact ops for approval and unlock code)
        (
            "登平台提示没权限，我用的是收藏夹里存的那个链接",
            "3.10-7",
        ),  # guide 3.10 报错提示7 (type bare address without suffix)
        ("延期网站一登就说我这证书不是本系统用户，可我们一直在用啊", "3.10-5"),  # guide 3.10 报错提示5
        (
            "平台说查不到跟证书关联的用户，我们院前两年改过名，当时也发过一把新key",
            "3.10-6",
        ),  # guide 3.10 报错提示6 1. (old key renewed; use the new key)
        (
            "下证书那一步一直在转，我能不能先把key拔了再插",
            "2.2",
        ),  # guide 2.2 8) (about 2 min, don't unplug / power off / disconnect)
        (
            "提交完到信息核实那页，发现手机号少打一位，还能往回改吗",
            "2.2",
        ),  # guide 2.2 5) (wrong info -> refresh and redo)
        ("360的缓存咋清，运维让我清一下再登", "3.5"),  # guide 3.5 4) (clear browsing traces steps)
        (
            "解锁点了提交，一直显示正在解锁中，动不了",
            "3.6",
        ),  # guide 3.6 7) ("正在解锁中" = browser error -> compat mode)
        (
            "我们新发的是国产系统那种电脑，红key插上去完全没反应",
            "3.1",
        ),  # guide 3.1 1. 注 (信创/国产OS not supported for red key)
        ("延期网站让输证书密码，是哪个密码？开机那个？", "2.2"),  # guide 2.2 3) (Ukey login password, default 111111)
        ("别的问题找谁？有没有能远程的运维", "3.12"),  # guide 3.12 (Ukey ops contacts, QQ remote)
        (
            "弹的框跟指南上报错提示2那张图一模一样，怎么办",
            "3.10-2",
        ),  # guide 3.10 报错提示2 (contact ops, retry tomorrow)
        (
            "我这个报错和指南里第4个报错图是一样的，要重启吗",
            "3.10-4",
        ),  # guide 3.10 报错提示4 (shut down, wait 15 min, power on)
        ("延期时候弹窗说这把key没法延期", "3.10-1"),  # guide 3.10 报错提示1 (key damaged, replace per 3.7)
    ],
    "english": [
        ("Cert assistant shows no certificate", "3.3"),  # guide 3.3 (no cert info in assistant)
        ("Where can I get the BJCA Certificate Assistant installer?", "3.2"),  # guide 3.2 (download links)
        (
            "User forgot the Ukey PIN and it's now locked. How do we reset it?",
            "3.6",
        ),  # guide 3.6 (reset via 解锁数字证书密码)
        ("How do I put 360 Secure Browser into compatibility mode?", "3.4"),  # guide 3.4 (lightning icon -> compat)
        (
            "Renewal finished but the expiry date in the assistant didn't change",
            "3.9-1",
        ),  # guide 3.9 情况1 (replug and check again)
        (
            "Right after the renewal the portal says the certificate is invalid",
            "3.9-2",
        ),  # guide 3.9 情况2 (wait 15 minutes)
        (
            "I set a 12-character password during renewal and now the login rejects it",
            "3.9-3",
        ),  # guide 3.9 情况3 a (first 8 characters)
        ("Unlock completed, but login still says the password is locked", "3.9-4"),  # guide 3.9 情况4
        ("No Next button on the unlock page", "3.9-5"),  # guide 3.9 情况5 (drag / zoom to 75%)
        ("Token lost", "3.7"),  # guide 3.7 (lost key procedure)
        ("First time logging into 12309 with the Ukey on this PC - what do I need?", "3.1"),  # guide 3.1 (first use)
        ("On the 12309 UKey login the procuratorate name never appears, so I can't sign in", "3.5"),  # guide 3.5
        (
            "Renewal page has no input boxes in compat mode; speed mode shows them but then demands IE, "
            "and IE fails too",
            "3.8",
        ),  # guide 3.8 (change computer)
        ("Do the blue or silver keys have to be renewed as well?", "1.3"),  # guide 1.3 注1 (only the red key)
        (
            "Our key expired about six weeks ago. Can it still be extended?",
            "1.3",
        ),  # guide 1.3 注2 (over 30 days -> cannot renew)
        ("What is the default Ukey password?", "2.2"),  # guide 2.2 3) 注 (111111)
        (
            "How long does the certificate download take, and is it safe to unplug the key meanwhile?",
            "2.2",
        ),  # guide 2.2 8) (~2 min, don't unplug)
        ("What's the address of the renewal website?", "2.2"),  # guide 2.2 1) (ca.12309.gov.cn:8080)
        (
            "How can I tell whether the renewal actually worked?",
            "2.3",
        ),  # guide 2.3 (replug, check validity, login after 15 min)
        ("Unlock request rejected - the name and mobile we entered don't match the records", "3.6"),  # guide 3.6 3)
        ("Where do we post a broken Ukey for replacement?", "3.7"),  # guide 3.7 (mail to SPP technology centre)
        (
            "Logged in fine, but a module says I lack account permissions - who handles that?",
            "3.12",
        ),  # guide 3.12 (platform ops for site/account permission issues)
        ("Will the red key work on a Kylin/UOS machine?", "3.1"),  # guide 3.1 1. 注 (信创 not supported)
        (
            "Certificate is valid until 2027 - do we still need to renew now?",
            "2.1",
        ),  # guide 2.1 2) 注 (renew regardless of year)
        ("Unlock page stuck on 'unlocking in progress'", "3.6"),  # guide 3.6 7)
        ("Where do I find our 6-digit organization code for the replacement letter?", "3.7"),  # guide 3.7 注2
        (
            "Verification code keeps failing when I submit the unlock form",
            "3.10-3",
        ),  # guide 3.10 报错提示3 (refresh captcha)
        ("Portal says 'no permission' when I open it from a saved bookmark link", "3.10-7"),  # guide 3.10 报错提示7
        (
            "One of our four keys can't be located - who should we check with?",
            "1.2",
        ),  # guide 1.2 (contact superior procuratorate's counterpart dept)
        (
            "The assistant comes as zszs.zip and I have no tool to extract it",
            "3.2",
        ),  # guide 3.2 3) 注 (get unzip software / local IT)
    ],
    "pinyin_typos": [
        ("zhengshu zhushou zai nar xiazai", "3.2"),  # guide 3.2
        ("证数助手打开没有证数信息", "3.3"),  # guide 3.3
        ("ukey mima wangle zenme chongzhi", "3.6"),  # guide 3.6
        ("解锁页面找不到下一布按纽", "3.9-5"),  # guide 3.9 情况5
        ("360 jianrong moshi zenme qiehuan", "3.4"),  # guide 3.4
        ("ukey diu le zenme buban", "3.7"),  # guide 3.7 (lost)
        ("延期后登陆提示证书无小", "3.9-2"),  # guide 3.9 情况2
        ("延期完有效期没跟新", "3.9-1"),  # guide 3.9 情况1
        ("解索以后登陆还是提示密码已索定", "3.9-4"),  # guide 3.9 情况4
        ("登陆平台提示无权线", "3.10-7"),  # guide 3.10 报错提示7
        ("wei chaxun dao yu zhengshu guanlian de yonghu", "3.10-6"),  # guide 3.10 报错提示6
        ("延期网站提示您的证书非本系统用护", "3.10-5"),  # guide 3.10 报错提示5
        ("diyici yong ukey denglu 电脑要装啥", "3.1"),  # guide 3.1
        ("ukey denglu jianchayuan mingcheng bu xianshi", "3.5"),  # guide 3.5
        ("兰色的key用不用延期", "1.3"),  # guide 1.3 注1
        ("guoqi chaoguo 30 tian hai neng yanqi ma", "1.3"),  # guide 1.3 注2
        ("默认密马是多少", "2.2"),  # guide 2.2 3) 注 (111111)
        ("下载证书的时侯能不能拔key", "2.2"),  # guide 2.2 8)
        ("yanqi wangzhi shi sha", "2.2"),  # guide 2.2 1)
        ("jiesuo shouquanma zhao shei yao", "3.6"),  # guide 3.6 5)
        ("ukey sunhuai 申情函 xie shenme", "3.7"),  # guide 3.7 (letter contents)
        ("zuzhi jigou daima zai nali kan", "3.7"),  # guide 3.7 注2
        ("延期一共几个步邹 先作哪个", "1.1"),  # guide 1.1 (three steps, 2.1-2.3)
        ("yanqi wan duojiu shengxiao", "2.1"),  # guide 2.1 2) 注 (effective after 15 minutes)
        ("兼容模式没有输入匡 极素模式又叫用IE", "3.8"),  # guide 3.8
        ("一直显示正在解锁中 zenme ban", "3.6"),  # guide 3.6 7)
        ("xinchuang diannao neng yong hongse ukey ma", "3.1"),  # guide 3.1 1. 注
        ("解锁时验正码报错", "3.10-3"),  # guide 3.10 报错提示3
        ("ukey yunwei renyuan dianhua duoshao", "3.12"),  # guide 3.12
        ("新密马设了10位 登陆说密码不队", "3.9-3"),  # guide 3.9 情况3 a
    ],
    "pasted_errors": [
        (
            "[2026-12-07 09:14:22] login.12309.gov.cn 显示：未查询到与证书关联的用户 [确定]\n我们院前年撤并改过名",
            "3.10-6",
        ),  # guide 3.10 报错提示6
        (
            "您的证书非本系统用户，不能登录当前系统    确定\n——这是在延期网站上点登录弹的",
            "3.10-5",
        ),  # guide 3.10 报错提示5
        ("提示信息：您的证书已被吊销，不能进行在线更新。", "3.10-5"),  # guide 3.10 报错提示5 (second message)
        (
            "https://login.12309.gov.cn/portal/index?menu=wsxf&t=1733 页面提示：无权限  返回首页",
            "3.10-7",
        ),  # guide 3.10 报错提示7 (URL with suffix)
        (
            "无法显示此页\n确保 Web 地址 http://ca.12309.gov.cn:8080/xtxuserweb 正确\n我自己敲的地址",
            "2.2",
        ),  # guide 2.2 1) 注 (https missing s; copy the address)
        (
            "无法访问此网站 ca.12309.gov.cn 拒绝了我们的连接请求。ERR_CONNECTION_REFUSED   网址是照着纸上手打的",
            "2.2",
        ),  # guide 2.2 1) 注 (typing errors)
        (
            "请使用IE浏览器打开本页面！  [确定]\n360极速模式下输完密码出来的，切回兼容又没有输入框了，IE也不行",
            "3.8",
        ),  # guide 3.8 c-f
        ("正在解锁中……\n（已经二十分钟了）", "3.6"),  # guide 3.6 7)
        ("BJCA证书助手\n未检测到证书，请确认Ukey已正确插入\n（明明插着的）", "3.3"),  # guide 3.3 (no certificate shown)
        (
            "错误代码：0x0B000001  未找到Ukey设备  —— BJCA证书助手，插在机箱前面的USB口",
            "3.3",
        ),  # guide 3.3 ② (try another USB port etc.)
        ("11:02 登录失败：证书无效  [确定]   延期完大概才五分钟", "3.9-2"),  # guide 3.9 情况2
        ("密码错误，您还可以尝试4次\n延期的时候新密码设了12位", "3.9-3"),  # guide 3.9 情况3 a
        ("用户PIN码已锁定，请联系管理员解锁 [确定]\n解锁成功的页面我都看到了，再登就这样", "3.9-4"),  # guide 3.9 情况4
        ("PIN码已锁定！\n在延期网站“更新数字证书”输证书密码点登录后弹出的", "3.6"),  # guide 2.2 3) 注 -> 3.6 reset
        (
            "验证码错误或已失效，请重新输入  (解锁数字证书密码页面)",
            "3.10-3",
        ),  # guide 3.10 报错提示3 (refresh the captcha)
        ("证书更新失败：该Ukey无法延期  [确定]", "3.10-1"),  # guide 3.10 报错提示1 (cannot renew, damaged -> 3.7)
        (
            "此网站的安全证书有问题。\nhttps://ca.12309.gov.cn:8080/xtxuserweb\n单击此处关闭该网页。继续浏览此网站(不推荐)。\n我是用电脑自带的IE开的，还没装360",
            "2.2",
        ),  # guide 2.2 1) (install and use 360 browser)
        (
            "无法访问此网站\nlogin.12309.gov.cn/zsazlc/zszs.zip 下载失败\n想下证书助手",
            "3.2",
        ),  # guide 3.2 2) (download method two via UKey登录 page)
        ("UKey登录\n检察院名称：[          ▼]\n（下拉框是空的）\n请输入Ukey密码", "3.5"),  # guide 3.5
        (
            "Error: No user associated with this certificate was found. [OK]  (login.12309.gov.cn, Dec 7 14:30)",
            "3.10-6",
        ),  # guide 3.10 报错提示6
        ("当前证书有效期：2021年12月20日至2026年12月20日\n延期完拔了重插，助手里还是这个", "3.9-1"),  # guide 3.9 情况1
        (
            "信息核实\n姓名：张某\n手机：1391234567\n发现手机号少了一位，下一步还点不点？",
            "2.2",
        ),  # guide 2.2 5) (refresh and redo)
        (
            "当前证书有效期: 2021年11月01日至2026年11月01日\n今天已经12月8号了，还能延吗",
            "1.3",
        ),  # guide 1.3 注2 (37 days past expiry > 30)
        (
            "新证书有效期: 2026年12月08日至2031年12月20日\n"
            "后续操作: 点击“下一步”按钮进行证书密码设置操作。\n页面上根本没有下一步按钮",
            "3.9-5",
        ),  # guide 2.2 5) -> 3.9 情况5
        ("正在下载证书，请稍候……\n转了好几分钟了，拔出来重插一下行不行", "2.2"),  # guide 2.2 8) (don't unplug)
        ("证书下载成功！ [确定]\n这个框出来就说明延好了吗", "2.2"),  # guide 2.2 9) (this dialog = renewal done)
        ("提交失败：姓名或手机号码与登记信息不一致", "3.6"),  # guide 3.6 3) (mismatch -> ops WeChat with cert info)
        (
            "zszs.zip\nWindows 无法打开此文件，你要如何打开这个文件？\n"
            "解压不了，里面的证书应用环境安装程序.exe拿不出来",
            "3.2",
        ),  # guide 3.2 3) 注 (no unzip software)
        ("今日操作次数已达上限，请明日再试。 [确定]", "3.10-2"),  # guide 3.10 报错提示2 (contact ops, retry tomorrow)
        (
            "360安全浏览器 兼容模式 延期页面排版全乱了，按钮都叠在一起",
            "3.4",
        ),  # guide 3.4 注 (display abnormal in compat -> try speed mode)
    ],
    "rules": [
        ("这次为什么要给Ukey延期？不延会怎样", "1.1"),  # guide 1.1 (key will expire, can't log in)
        ("延期会不会把原来的密码改掉", "1.1"),  # guide 1.1 (password modified during renewal)
        ("手头还有案件信息没发布，是先发完再延期，还是先延期", "1.1"),  # guide 1.1 温馨提示 (finish publishing first)
        ("延期一共分几步，先干什么后干什么", "1.1"),  # guide 1.1 (steps 1-3)
        ("一个院一般有几把key，各是哪个部门的", "1.2"),  # guide 1.2 (four keys, table)
        ("群众意见板块用的那把key一般在哪个部门手里", "1.2"),  # guide 1.2 (信访 Ukey, 控申)
        ("只有蓝色key的院要不要做延期", "1.3"),  # guide 1.3 注1
        ("过期了多久以后就延不了了", "1.3"),  # guide 1.3 注2 (30 days)
        ("要延期的这把key是登哪个网站用的", "1.3"),  # guide 1.3 (login.12309.gov.cn)
        ("证书还能用到2029年，这次也得延吗", "2.1"),  # guide 2.1 2) 注
        ("第一步看到的有效期要不要记下来？记了干嘛用", "2.1"),  # guide 2.1 2) (for later comparison)
        ("延完之后要过多久才生效", "2.1"),  # guide 2.1 2) 注 (15 minutes)
        ("做延期用什么浏览器", "2.2"),  # guide 2.2 1) (360 安全浏览器)
        ("延期网址能不能自己手敲", "2.2"),  # guide 2.2 1) 注 (copy; common typos)
        ("延期页面上的联系人姓名和手机号应该填谁的", "2.2"),  # guide 2.2 4) (current holder)
        ("延期时登记的联系人信息以后还有什么用", "2.2"),  # guide 2.2 4) (used for unlock)
        ("延期过程中设的新密码，以后登录平台就用这个吗", "2.2"),  # guide 2.2 6)
        ("下载证书的时候有什么要注意的", "2.2"),  # guide 2.2 8) (no power/network cut, no unplugging)
        ("下载证书大概要等多长时间", "2.2"),  # guide 2.2 8) (about 2 min)
        ("怎么确认延期成功了", "2.3"),  # guide 2.3
        ("延期完验证之前为什么要先把key拔下来再插", "2.3"),  # guide 2.3 1)
        ("验证登录平台前要不要先把浏览器关掉", "2.3"),  # guide 2.3 (3)
        ("我们院有一把key找不到了，该向谁核实", "1.2"),  # guide 1.2 (contact superior procuratorate counterpart dept)
        ("技术部那把也是红色的，要不要一起延期", "1.3"),  # guide 1.3 注1 (all red keys)
        ("信息核实那页看到信息有错，规定怎么处理", "2.2"),  # guide 2.2 5)
        ("延期成功会弹出什么界面", "2.2"),  # guide 2.2 9)
        ("更新数字证书时证书密码框要填的是什么密码", "2.2"),  # guide 2.2 3)
        (
            "兼容模式和极速模式都弄不成，只能换电脑做吗",
            "2.2",
        ),  # guide 2.2 2) 注 (try speed mode, then another internet computer)
        ("一个部门会不会有好几把key", "1.2"),  # guide 1.2 (some departments have several)
        ("延期网站上具体点哪个菜单来做延期", "2.2"),  # guide 2.2 3) (更新数字证书 menu)
    ],
    "off_topic": [
        ("电子税务局的税务UKey证书过期了，怎么续期", None),  # guide covers only 12309 red BJCA key
        ("工行网银U盾密码输错被锁了怎么办", None),  # bank U盾, not covered
        (
            "检察业务应用系统2.0的登录密码忘了找谁重置",
            None,
        ),  # 2.0 system only mentioned for org code, not its passwords
        ("360安全卫士老是弹广告，怎么关掉", None),  # 360 security suite ads, not covered
        ("办公室打印机卡纸了，一直闪红灯", None),  # office device
        ("电脑开机密码忘了进不去桌面", None),  # Windows login password, not covered
        ("群众在12309检察服务中心网上申诉，怎么注册个人账号", None),  # public-side 12309 account, not covered
        ("政务外网VPN的证书到期了，客户端连不上", None),  # other certificate/system
        (
            "How do I renew the SSL certificate on our procuratorate's public website?",
            None,
        ),  # server TLS cert, not covered
        ("Chrome says some of my saved passwords were found in a data breach", None),  # browser password manager
        ("公务卡过期了新卡怎么激活", None),  # personal card, not covered
        ("微信电脑版每次登录都要手机确认，能不能免确认", None),  # other app
        ("身份证快过期了，异地能换吗", None),  # personal matter
        ("信创电脑上的WPS怎么激活", None),  # 信创 office software, not covered
        ("办公室门上的密码锁没电了打不开", None),  # physical lock
        ("Windows提示许可证即将过期，需要激活", None),  # OS licence
        ("360浏览器怎么把默认主页改成院里的门户", None),  # browser homepage, not covered
        ("检察官证到期了去哪换", None),  # ID card for prosecutors, not covered
        ("CFCA的个人数字证书做电子签章用的，怎么延期", None),  # other CA
        ("手机银行的蓝牙key连不上手机", None),  # bank key
        ("院里内网邮箱密码过期了，提示要改密码", None),  # other system password
        ("视频会议系统登录提示账号已在别处登录", None),  # other system login
        ("笔记本USB口松了，插东西时好时坏，报修找谁", None),  # hardware repair, not covered
        ("Outlook keeps prompting for my mailbox certificate every morning", None),  # mail client cert
        ("Lost my YubiKey, how do I remove it from my Microsoft account?", None),  # other security key
        ("360浏览器怎么彻底卸载干净", None),  # uninstalling browser, not covered
        ("电脑右下角时间老是不准，怎么自动同步", None),  # computer settings
        ("家里路由器wifi密码忘了", None),  # personal matter
        ("钉钉打卡定位不准，显示不在考勤范围", None),  # other app
        ("12368诉讼服务热线的律师预约系统怎么登录", None),  # court system, not 12309
    ],
}


for _kind, _questions in BATCH_17.items():
    HELD_OUT_KINDS[_kind] += _questions
