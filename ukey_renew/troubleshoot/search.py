"""Finding the FAQ entry for what a user types, or for an error.

Clerks' words are first rewritten to the guide's (:mod:`wording`: "u盾" →
"ukey", "登不上" → "登录失败", "到期作废" → "过期"), so that a query and an
entry meet on the same terms. Chinese needs no word spaces, so the text is cut at filler words
("怎么", "的") and each piece into character bigrams, plus single characters at
a lower weight (a typo such as "证书助守" still shares most of its word), plus
ASCII words ("ukey", "ie", "360"). Terms are weighted by TF-IDF; an entry's
score is its cosine with the query over the words users say (title, summary,
``phrases``, site messages) and, at a lower weight, the steps, blended with its
closest single phrase. The guide's 3.9 cases and 3.10 prompts describe
symptoms, as 3.8's hard cases do, so they weigh less for a query that reports
none ("证书有效期怎么查" asks how, it is no 3.9 case 1; "延期用哪个浏览器" asks
which, no page that wants IE, unless it names IE or another computer); a 3.10 prompt is what a
site shows, so it weighs less again for a query that tells of nothing shown
("my key is broken" is 3.7, "it says the key is broken" 3.10 ①).

A query that is not about the guide gets no forced best guess, which would
send a clerk down the wrong tree: it must name one of the guide's subjects
(:data:`_TOPICS`), or name only everyday things the guide also mentions
(:data:`_EVERYDAY`: a computer, a website) and then reach :data:`FLOOR`; a
query whose subject is something else gets nothing unless it names more of the
guide than the words those share (:data:`_SHARED`): the guide's generic words
(证书, 密码, 过期, IE, 补办) are the red key's only while nothing points elsewhere,
and a message pasted from elsewhere is not the guide's either. The other
subjects are kinds in data (:mod:`subjects`,
``resources/other_subjects.toml``): another owner of a key, certificate,
password or account (a bank's or a tax key, another CA, another app or
platform, the computer's own password, a car's or a door's key, an access
card, a website's own certificate; or a name the guide never uses owning it),
which is also renewed and unlocked, or another device, network or setting
(office devices, the computer's own faults and settings, a browser setting the
guide does not cover), on which renewing is still the guide's subject. One
that names only the key gets :data:`KEY_CHOICES`. Small and fast enough: the
whole guide is a few dozen entries.

Every entry is also searched in English (``resources/faq/en/``: English words
stemmed, everyday ones dropped) and by sound (:mod:`sounds`): the toneless
pinyin of its words in syllable pairs, which pinyin typed by a clerk and
same-sound typos ("证数", "密马") share with it, and which also let such a query
name one of the guide's subjects.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ukey_renew.troubleshoot import sounds, subjects
from ukey_renew.troubleshoot.faq import Entry, Faq
from ukey_renew.troubleshoot.pasted import Known, Table, load_table
from ukey_renew.troubleshoot.wording import normalise

# "成功没有", "延期好了没", "有效期延长了没有" (guide 2.3 ②): asking whether it did, no symptom.
_WHETHER = r"(?:(?<=成功)|(?<=延长)|(?<=[好完了过]))没有?(?=\s*[?？。!！]?\s*$)|(?<=成功)没有?(?![变更反])"
# Something went wrong: the words of a symptom. A question ("能不能", "要不要")
# or not knowing ("不清楚") is no symptom, so those are taken out before looking.
_ASKING = re.compile(
    r"能不能|要不要|是不是|可不可以|用不用|需不需要|会不会|行不行|不清楚|不知道|不懂|不明白"
    r"|还是(?=[^,.!?;]*\?)"  # "内网还是外网?" asks which
    rf"|{_WHETHER}"
    r"|\b(?:do(?:es)? (?:i|it|we) (?:not )?need|(?:don't|do not) know|whether)\b"
)
_TROUBLE = re.compile(
    r"[不没未无错]|失败|提示|报错|弹|还是|说(?!明)"
    r"|\b(?:not|no|never|still|wrong|fail\w*|error|cannot|can't|won't|doesn't|didn't|missing|unable|says)\b"
)
# What the guide is about (its words, after rewriting). A query naming none of
# these is no question for it.
_TOPICS = (
    "ukey", "证书", "助手", "bjca", "密码", "有效期", "过期", "延期", "解锁", "授权码", "验证码",
    "360", "ie", "兼容", "极速", "闪电", "12309", "检察", "下一步", "申请函", "补办", "机构代码",
    "运维", "吊销", "无权限", "关联", "绑定", "账号", "案管", "信访", "信息发布", "代表委员", "控申",
    "信创", "麒麟", "统信", "云桌面", "红色", "蓝色", "银色", "持有", "姓名", "联系人", "订单", "默认密码",
    "输入框", "按钮", "信息核实", "缩放", "盖章", "公章", "标签", "插拔", "外网", "最高检", "步骤", "指南", "朱岩",
    "宗达", "巩婧", "12309.gov.cn",
    # the same subjects in English
    "certificate", "password", "renew", "unlock", "captcha", "verification code", "compatibility", "expir",
    "validity", "procuratorate", "assistant", "permission", "default", "application letter", "organisation code",
    "support staff", "revoked", "linked", "binding", "xinchuang", "kylin", "cloud desktop", "blue", "silver",
    "holder", "input box", "button", "zoom", "stamp", "unplug", "guide", "360", "lightning",
)  # fmt: skip
# Everyday things the guide also mentions: a query naming only these must also
# match an entry well (:data:`FLOOR`); "电脑中病毒了" is not guide 3.3.
_EVERYDAY = (
    "浏览器", "缓存", "网站", "网址", "网页", "页面", "平台", "登录", "技术", "qq", "微信", "手机",
    "电话", "远程", "usb", "接口", "电脑", "windows", "国产", "系统", "安装", "下载", "驱动", "zip",
    "压缩", "报错", "提示", "弹", "关机", "开机", "重启", "断电", "断网", "识别不到", "模式", "部门",
    "单位", "快递", "收件", "寄", "地址", "次数", "找谁", "帮忙", "操作", "限制",
    "browser", "website", "url", "log in", "login", "computer", "install", "download", "contact", "support",
    "shut down", "restart", "tries", "too many", "who do i call", "who should i call", "whom", "help desk",
)  # fmt: skip
# Guide subjects that other things share: every system has a 密码 and an 账号, another CA's 证书 also 过期,
# 360 makes more than the browser. With another subject (:mod:`subjects`) they no longer make a query the guide's:
# only a subject of the guide's own (its tools, sites, codes, people) does.
_SHARED = (
    "密码", "证书", "过期", "有效期", "账号", "360", "ie", "补办", "检察", "12309", "案管", "控申", "信访",
    "password", "certificate", "expir", "validity", "procuratorate",
)  # fmt: skip
# The key itself and what the guide does to it, which another key, certificate or account has or has done to it
# too (a bank's U盾 is a "ukey", a tax key is 延期 and 解锁, it has a 默认 password and a 验证码; an e-seal's 盖章
# is no stamp on the application letter): shared only with another owner (an "owner" in :mod:`subjects`). On
# another device or with another setting, the key and renewing it are still the guide's subject
# ("ukey插在显示器的USB口上没反应" is guide 3.3, "内网电脑能延期吗" 3.1).
_SHARED_WITH_OWNERS = (
    *_SHARED, "ukey", "延期", "解锁", "默认密码", "验证码", "无权限", "盖章",
    "renew", "unlock", "default", "captcha", "verification code", "permission", "stamp",
)  # fmt: skip
# The keys the guide says are not its own (1.3: only the red key is renewed; a blue or silver one logs in to other
# systems): with another subject named, such a key, its password and its certificate are that subject's ("蓝色那把key登
# 内网邮箱提示密码锁定了"). Whether it needs renewing stays the guide's question ("内网电脑上的蓝色key要延期吗" is 1.3).
_NOT_THE_GUIDES_KEY = ("蓝色", "银色", "blue", "silver")
_WITH_ANOTHER_KEY = (*(topic for topic in _SHARED_WITH_OWNERS if topic not in ("延期", "renew")), *_NOT_THE_GUIDES_KEY)
# Every question from a procuratorate names these: alone they do not make a question the guide's, which must
# then match an entry as well as one naming only everyday things (:data:`FLOOR`).
_SENDER = ("检察", "12309", "procuratorate")
# Whose key, certificate, password or login it is: a Latin name ("wifi密码", "cfca的证书") or a named
# system, program or device ("开票软件的ukey", "电子税务局的证书", "人事系统的账号").
_OWNED = re.compile(
    r"([a-z]+|([\u4e00-\u9fff]{2,8})(?:软件|系统|平台|网站|网|app|盘|局|中心))\s*(?:的|里的?|上的?)?\s*"
    r"(?=ukey|(?:数字)?证书|密码|登录|账号|certificate|password|login)"
)
# English words before "key", "certificate" or "password" that say which or how many, or what was said or done
# with it, not whose ("two keys", "the spare key", "says certificate not valid", "forgot password").
_WHICH_KEY = frozenset(
    "one two three four five six seven eight nine ten both all each every any some other another spare new old "
    "first second third fourth last same extra backup original current replacement broken lost missing stolen "
    "usb red blue silver their his her no not say says said show shows showed valid invalid wrong correct right "
    "expired locked forgot forget forgotten reset change changed enter entered type typed default".split()
)
# Or any thing named before 的 ("房产证的密码", "保险柜的密码", "律师执照的证书"); three characters at least, as a
# clerk's 同事 or 小王 may hold the key, and only what the key also has: whoever holds it, a Ukey is the guide's.
_OWNED_BY = re.compile(r"([\u4e00-\u9fff]{3,8})(?:的|里的?|上的?)(?=(?:数字)?证书|密码|账号)")
# A query naming the key and nothing of what happened to it gets these to choose
# from (entry id, what the clerk would say in Chinese and in English), not a guess.
KEY_CHOICES = (
    (
        "3.3",
        "插上没反应，或证书助手里看不到证书",
        "nothing happens when plugged in, or the assistant shows no certificate",
    ),
    ("3.6", "密码忘了，或被锁定了", "the password is forgotten or locked"),
    ("3.7", "丢了或坏了", "it is lost or broken"),
    (
        "3.5",
        "证书助手里有证书，却登录不了平台",
        "the assistant shows the certificate, but logging in to the platform fails",
    ),
    ("2.2", "要给它延期", "it is to be renewed"),
    ("1.3", "不知道这把要不要延期", "you do not know whether this key needs renewal"),
)
# Right after renewal or unlocking, in the words :func:`normalise` leaves ("延期完了以后" is "延期后").
# "延期刚做完" too: the rewrite to 后 needs 完了 or 完成, and a pasted text is terse.
# In the clerk's own words, however said ("解过锁了", "已经延期", "unlocked it yesterday"): what they say was done
# outranks the message's usual reading where the guide has a case for it (3.9).
_DONE = re.compile(
    r"(延期|解锁)(?:刚|才)?(?:做|弄|搞)?(?:(?:完|好|成功)?了?后|完|好|成功)|(延期|解锁)过"
    r"|已经?(?!无法|不能|没)[^，。,.!！?？\s]{0,6}?(延期|解锁)|(延|解)(?:过|了|完|好)(?:期|锁)"
    r"|\bafter (?:the |a )?(renew|unlock)|\b(?:already|just) (renew|unlock)"
    r"|\b(renew|unlock)ed (?:it |the (?:key|certificate) )?(?:yesterday|already|just now|last)"
    # the new password set in renewal or unlocking ("延期时刚设的新密码", "在解锁页面设的新密码", "延期那天新设的")
    r"|(延期|解锁)[^，。,.!?！？;；]{0,8}?新(?:密码|设|改)"
    r"|\b(?:set|chose|picked|typed)\b[^.!?;]{0,40}?\b(?:when|while|during|in|on|by) (?:the )?(renew|unlock)"
    r"|\bafter (?:i |we )?(chang)ed (?:it|the password|my password|the pin)\b"  # the password changed: in unlocking
    r"|\b(new) (?:password|密码)|(新)(?:设的?|改的?)?密码"  # a new password is one renewal or unlocking set
    r"|(谷歌|火狐)|\b(chrome|edge|firefox)\b"  # the site opened in a browser other than the guide's 360 (2.2 ①)
)
_DONE_AS = {
    "延期": "renewal", "延": "renewal", "renew": "renewal",
    "解锁": "unlocking", "解": "unlocking", "unlock": "unlocking", "chang": "unlocking",
    "new": "unlocking", "新": "unlocking",
    "谷歌": "another browser", "chrome": "another browser", "edge": "another browser",
    "火狐": "another browser", "firefox": "another browser",
}  # fmt: skip
# Said not to have been done ("之前从没解过锁", "还没延期", "never unlocked it"): right before the step.
_NOT_DONE = re.compile(r"(?:[没未不]|没有|从没有?|从来没有?|从未|\bnever|\bnot|n't)\s*(?:\w+\s+)?$")
DONE_STEPS = frozenset(_DONE_AS.values())  # what an ``after`` of resources/bjca_errors.toml may name
_VAGUE = re.compile(r"有问题|出问题|问题|怎么了|咋了|不行|不好使|不能用|用不了|请问|你好|老师|帮忙|[\W_]")
_ASCII_WORD = re.compile(r"[a-z0-9]+")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
# Words that say nothing about the problem: the text is cut at them, so that
# "要填什么信息" gives "要填" and "信息", not the noise "么信".
_FILLER = re.compile(
    r"怎么办|怎么样|怎么|咋办|咋|什么|为什么|是不是|能不能|要不要|可不可以|有没有|行不行|用不用|一下|可以|我们|这个|那个"
    r"|就是|但是|现在|已经|一直|怎样|如何|哪里|在哪|哪个|多少|回事|干嘛|是否|还是|时候|过程中|过程里"
    rf"|{_WHETHER}"  # no 没有 of a symptom
    r"|[的了吗呢啊吧么呀哦嘛我你他她它们这那就也都把被给让和跟与及或又很啥]"
)
# English words that say nothing about the problem.
_STOP = frozenset(
    "a an the i my me we our you your it its is are am was be been do does did to of in on at for with and or "
    "how what where when which who can could should would will there this that these those from by as so if "
    "please get got has have had".split()
)
# A message shown: the guide's 3.10 prompts are what a site says, no state of the key ("my key is broken" is
# guide 3.7; "it says the key is broken" is 3.10 ①).
_SHOWN = re.compile(
    r"提示|报错|弹|显示|说(?!明)|消息|错误|无权限|不能|无法|\b(?:says?|said|message|error|shows?|showed|pops?|told"
    r"|prompt|wrong|invalid|cannot|can't|no permission)\b"
)
# Lost or broken, in the words :func:`normalise` leaves: of the key when the query names it.
_GONE = re.compile(r"损坏|丢失|\b(?:broken|lost)\b")
# The assistant showing no certificate, in the words :func:`normalise` leaves; its entry's title says 未显示证书.
_EMPTY = re.compile(
    r"助手[^,.!?;:]{0,10}(?:空|(?:没有|看不到|不显示|未显示|无)证书|(?:啥|什么)[也都]没)"
    r"|\bassistant\b[^.!?;]{0,40}\b(?:empty|blank|no certificates?|nothing)\b"
)
_EMPTY_TITLE = re.compile(r"未显示证书")
# What guide 3.8's hard cases are about, named in a question that reports nothing wrong: a page that wants IE, its
# remedy of another computer ("什么情况下要换一台电脑延期" asks for the hard case, "延期用哪个浏览器" does not).
_HARD_CASE = re.compile(
    r"(?<![a-z])ie(?![a-z])|换(?:一?[台个]|别的|其他)?电脑|\b(?:another|other|different) (?:computer|pc)\b"
)
_HEDGED = re.compile(r"是不是|可能|会不会|怀疑|大概|估计|是否|\b(?:maybe|might|perhaps|probably)\b")
_CHAR_WEIGHT = 0.7
_BODY_WEIGHT = 0.5
_PHRASE_WEIGHT = 0.2
_NOT_A_SYMPTOM = 0.7  # a symptom's entry, for a query that reports none
# Just under the lowest best score (0.105) of the tuning set's queries that name
# only everyday words; the off-topic queries of the tests stay under it.
FLOOR = 0.1


def _stem(word: str) -> str:
    """English endings dropped, so that "renewed", "renewal" and "renews" meet."""
    for ending in ("ation", "ing", "als", "al", "ed", "es", "s"):
        if len(word) > len(ending) + 3 and word.endswith(ending):
            return word[: -len(ending)]
    return word


def features(text: str) -> dict[str, float]:
    """Term → weighted count."""
    found: dict[str, float] = defaultdict(float)
    text = normalise(text)
    for pair, n in sounds.pairs(_FILLER.sub(" ", text)).items():
        found["p:" + pair] += n
    for word in _ASCII_WORD.findall(text):
        if word not in _STOP:
            found["w:" + _stem(word)] += 1
    for run in _CJK_RUN.findall(_FILLER.sub(" ", text)):
        for char in run:
            found["c:" + char] += _CHAR_WEIGHT
        for i in range(len(run) - 1):
            found[run[i : i + 2]] += 1
    return found


@dataclass(frozen=True)
class Hit:
    entry: Entry
    score: float
    known: Known | None = None  # the pasted code or message that leads here


class Index:
    def __init__(self, faq: Faq, table: Table | None = None) -> None:
        self.faq = faq
        self.table = table or load_table()
        self.others = subjects.load()
        # An entry is read three ways, each a document of its own so that none dilutes a match in
        # another: its Chinese as written, the same Chinese as it sounds, and its English.
        documents: dict[tuple[str, str], dict[str, float]] = {}
        phrases: dict[str, list[dict[str, float]]] = {}
        for entry in faq.entries.values():
            nodes = [(node.text, node.steps) for node in entry.nodes.values()]
            wordings = {"zh": _wording(entry.title, entry.summary, [*entry.phrases, *entry.site_messages], nodes)}
            closest = [entry.title, *entry.phrases, *entry.site_messages]
            if entry.english:
                english = entry.english
                wordings["en"] = _wording(english.title, english.summary, english.phrases, english.nodes.values())
                closest += [english.title, *english.phrases]
            documents[entry.id, "heard"] = _heard(wordings["zh"])
            for lang, counts in wordings.items():
                documents[entry.id, lang] = _written(counts)
            phrases[entry.id] = [features(text) for text in closest]
        frequency: Counter[str] = Counter()  # in how many entries, in whichever reading
        for entry_id in faq.entries:
            frequency.update({term for (owner, _), counts in documents.items() if owner == entry_id for term in counts})
        total = len(faq.entries)
        self._idf = {term: math.log((1 + total) / (1 + seen)) + 1 for term, seen in frequency.items()}
        self._unseen = math.log(1 + total) + 1  # a term no entry uses: as rare as can be
        self._known = frozenset(frequency)
        self._written: dict[str, list[dict[str, float]]] = defaultdict(list)
        self._heard: dict[str, dict[str, float]] = {}
        for (entry_id, reading), counts in documents.items():
            if reading == "heard":
                self._heard[entry_id] = self._vector(counts)
            else:
                self._written[entry_id].append(self._vector(counts))
        self._phrases = {
            entry_id: [(self._vector(_written(c)), self._vector(_heard(c))) for c in texts]
            for entry_id, texts in phrases.items()
        }

    def _vector(self, counts: dict[str, float]) -> dict[str, float]:
        # sublinear in repeats; a lone low-weight term (a single character) keeps its weight
        weights = {
            term: (1 + math.log(n) if n >= 1 else n) * self._idf.get(term, self._unseen) for term, n in counts.items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {term: w / norm for term, w in weights.items()}

    def search(self, query: str, limit: int = 5) -> list[Hit]:
        """The entries for ``query``, best first; none when it is not about the guide.

        A pasted error code or message (:mod:`pasted`) leads first to its entry, or to the guide 3.9 case
        of the same message when the text says it came right after renewal or unlocking; then a site's message
        the text says was shown ("提示：验证码错误" on the unlock page is 3.10 ③, not the unlocking of 3.6). A
        code pasted without its own message comes after a message the text does quote ("0x0B000001 未找到证书"
        is a missing certificate, whatever the code's own message). A message from another subject's site or
        program is none of the guide's ("别的单位网站提示此网站的安全证书有问题")."""
        said = normalise(query)
        if self._elsewhere(query, said):
            return []
        done = _just_done(query)
        known = [Hit(self.faq.entries[k.entry_after(done)], 1.0, k) for k in self.table.recognise(query)]
        if _SHOWN.search(said):
            known += [Hit(entry, 1.0) for entry in self.faq.entries.values() if _shows(said, entry)]
        known.sort(key=lambda hit: bool(hit.known and hit.known.guessed))
        led: list[Hit] = []
        for hit in known + self._by_words(query, limit):
            if all(hit.entry.id != other.entry.id for other in led):
                led.append(hit)
        return led[:limit]

    def choices(self, query: str, lang: str = "zh") -> list[tuple[Entry, str]]:
        """What to choose from when ``query`` names only the key ("ukey", "我的u盾有问题"), said in ``lang``."""
        said = normalise(query)
        rest = _FILLER.sub("", _VAGUE.sub("", said.replace("ukey", "")))
        if "ukey" not in said or rest or self.table.recognise(query):
            return []
        return [
            (self.faq.entries[entry_id], english if lang == "en" else said) for entry_id, said, english in KEY_CHOICES
        ]

    def _named(self, query: str, said: str) -> list[str]:
        """The guide's subjects ``query`` names, leaving out another subject's own words ("默认浏览器" names no
        default password). A subject heard in characters counts only with one of its own characters written: a
        same-sound typo misses one ("证数"), but a word of all other characters is another word ("改长" is no
        盖章); typed pinyin has none to miss."""
        text = self.others.without(unicodedata.normalize("NFKC", query).lower())
        rest, heard, typed = self.others.without(said), sounds.of(text), sounds.of(_CJK_RUN.sub(" ", text))
        return [
            topic
            for topic in _TOPICS
            if _says(rest, topic)
            or _sounds_in(topic, typed)
            or (_sounds_in(topic, heard) and any(char in text for char in topic))
        ]

    def _elsewhere(self, query: str, said: str) -> bool:
        """Whether ``query`` is about another key, account, site, device or setting: it names one and nothing of
        the guide's own beyond the words such things share with it."""
        other = self.others.shares(unicodedata.normalize("NFKC", query).lower(), said)
        named = self._named(query, said)
        if other and any(colour in named for colour in _NOT_THE_GUIDES_KEY):
            shared: tuple[str, ...] = _WITH_ANOTHER_KEY
        elif other == "owner" or self._owned_elsewhere(said):
            shared = _SHARED_WITH_OWNERS
        elif other == "setting":
            shared = _SHARED
        else:
            return False
        return all(topic in shared for topic in named)

    def _by_words(self, query: str, limit: int) -> list[Hit]:
        said = normalise(query)
        if self.choices(query):
            return []  # what happened to the key is for the clerk to choose, not a guess
        named = self._named(query, said)
        heard = sounds.of(self.others.without(unicodedata.normalize("NFKC", query).lower()))
        if named and not all(topic in _SENDER for topic in named):
            floor = 0.0
        elif any(_says(said, word) or _sounds_in(word, heard) for word in _EVERYDAY):
            floor = FLOOR
        else:
            return []
        symptom = bool(_TROUBLE.search(_ASKING.sub("", said)))
        shown = bool(_SHOWN.search(said))
        asked = features(query)
        written, heard_terms = self._vector(_written(asked)), self._vector(_heard(asked))
        hits = []
        for entry_id, entry in self.faq.entries.items():
            whole = max(
                _cosine(heard_terms, self._heard[entry_id]), *(_cosine(written, v) for v in self._written[entry_id])
            )
            closest = max(
                max(_cosine(written, as_written), _cosine(heard_terms, as_heard))
                for as_written, as_heard in self._phrases[entry_id]
            )
            score = (1 - _PHRASE_WEIGHT) * whole + _PHRASE_WEIGHT * closest
            if not symptom and (entry.case or entry.prompt or (entry.hard_case and not _HARD_CASE.search(said))):
                score *= _NOT_A_SYMPTOM
            if entry.prompt and not shown:
                score *= _NOT_A_SYMPTOM
            if score > floor:
                hits.append(Hit(entry, round(score, 4)))
        hits.sort(key=lambda hit: (-hit.score, hit.entry.id))
        first = _first(said, shown)
        if first:
            hits[:3] = sorted(hits[:3], key=lambda hit: not first.search(normalise(hit.entry.title)))
        return hits[:limit]

    def _owned_elsewhere(self, said: str) -> bool:
        """Whether a key, certificate, password or login in ``said`` belongs to something the guide never
        names: a Latin name it does not use ("wifi密码"), a system whose name shares no word with it ("开票软件"),
        anything else named as its owner that shares none ("保险柜的密码")."""
        for owner, name in _OWNED.findall(said):
            if name:
                if self._unheard_of(name):
                    return True
            elif (
                owner not in _STOP
                and owner not in _WHICH_KEY
                and "w:" + _stem(owner) not in self._known
                and not sounds.split(owner)
            ):
                return True
        return any(self._unheard_of(name) for name in _OWNED_BY.findall(said) if len(_FILLER.sub("", name)) >= 3)

    def _unheard_of(self, name: str) -> bool:
        """Whether the guide never uses a word of ``name`` (a pair of its characters)."""
        name = _FILLER.sub("", name)
        return not any(name[i : i + 2] in self._known for i in range(len(name) - 1))

    def for_error(self, error: str, limit: int = 5) -> list[Hit]:
        """Our error id or a site's message → its entry; anything else → search."""
        entry = self.faq.by_error(error.strip()) or self.faq.by_site_message(error)
        if entry is not None:
            return [Hit(entry, 1.0)]
        return self.search(error, limit)


def _wording(
    title: str, summary: str, phrases: Iterable[str], nodes: Iterable[tuple[str, Iterable[str]]]
) -> dict[str, float]:
    """Term counts of one language's wording of an entry: what users say in full, the steps at a lower weight."""
    counts: dict[str, float] = defaultdict(float)
    body = [text for said, steps in nodes for text in (said, *steps)]
    for text, weight in [(text, 1.0) for text in (title, summary, *phrases)] + [(text, _BODY_WEIGHT) for text in body]:
        for term, n in features(text).items():
            counts[term] += n * weight
    return counts


def _written(counts: dict[str, float]) -> dict[str, float]:
    return {term: n for term, n in counts.items() if not term.startswith("p:")}


def _heard(counts: dict[str, float]) -> dict[str, float]:
    return {term: n for term, n in counts.items() if term.startswith("p:")}


def _shows(said: str, entry: Entry) -> bool:
    """Whether ``said`` (normalised) quotes one of the messages ``entry`` says a site shows."""
    return any(normalise(message) in said for message in entry.site_messages)


def _just_done(query: str) -> set[str]:
    """What the text says was just done before the message: "renewal" ("延期完登录提示…", "after renewing"),
    "unlocking", "another browser" (the site opened in Chrome, Edge or Firefox)."""
    said = normalise(query)
    return {
        _DONE_AS[step]
        for match in _DONE.finditer(said)
        if not _NOT_DONE.search(said[: match.start()])
        for step in match.groups()
        if step
    }


def _says(said: str, word: str) -> bool:
    """Whether ``said`` has ``word``; a Latin one as a word of its own ("ie" is not in "cookie"), the longer
    ones with any ending ("certificates", "renewed")."""
    if not word.isascii():
        return word in said
    ending = "" if len(word) >= 4 else r"(?![a-z0-9])"
    return re.search(rf"(?<![a-z0-9]){re.escape(word)}{ending}", said) is not None


def _sounds_in(word: str, heard: str) -> bool:
    """Whether a Chinese subject word is in a query by sound (:func:`sounds.of`), read any way."""
    return bool(_CJK_RUN.search(word)) and any(spelled in heard for spelled in sounds.spellings(word))


def _first(said: str, shown: bool) -> re.Pattern[str] | None:
    """Of two problems in one question, the title of the entry the guide has checked first. A key lost or broken
    is replaced before anything else is tried with it (guide 3.7 before 3.3, 3.6); a key that may be broken is
    for 3.3 to find out (its step ⑥). An assistant showing no certificate comes before a failing login, which
    presupposes it shows one (guide 3.5 ① sends to 3.3)."""
    if "ukey" in said and _GONE.search(said) and not shown and not _HEDGED.search(said):
        return _GONE
    if _EMPTY.search(said):
        return _EMPTY_TITLE
    return None


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    return sum(weight * b.get(term, 0.0) for term, weight in a.items())
