"""The FAQ trees: schema, links, coverage of the guide, and search accuracy."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from tests.benchmarks.bench_faq import measure
from tests.conftest import FIXTURES
from tests.unit.faq_heldout import HELD_OUT, HELD_OUT_2, HELD_OUT_3, HELD_OUT_4, HELD_OUT_5
from tests.unit.faq_heldout_kinds import HELD_OUT_KINDS
from tests.unit.faq_phrasings import PHRASINGS
from ukey_renew import errors
from ukey_renew.site.client import REFUSALS
from ukey_renew.troubleshoot import search, subjects, wording
from ukey_renew.troubleshoot.checks import CHECKS
from ukey_renew.troubleshoot.faq import FaqError, UnknownEntry, load_faq, load_folder
from ukey_renew.troubleshoot.search import Index

HELD_OUT_BATCHES = {"1": HELD_OUT, "2": HELD_OUT_2, "3": HELD_OUT_3, "4": HELD_OUT_4, "5": HELD_OUT_5}
# Questions the guide does not answer: a best guess would send the clerk down a wrong tree.
OFF_TOPIC = [
    "打印机坏了", "今天天气怎么样", "食堂几点开饭", "差旅费怎么报销", "word文档打不开", "微信怎么发文件给同事",
    "电脑中病毒了怎么办", "会议室怎么预定", "明天放假吗", "打印机卡纸了", "怎么连无线网", "excel表格怎么求和",
    "复印机没墨了", "年终总结怎么写", "帮我订一张去北京的火车票", "投影仪连不上笔记本", "你好", "谢谢",
    "手机没信号", "网页上的视频放不了", "系统提示磁盘空间不足", "浏览器主页被篡改了", "快递寄到哪里了",
    # naming another device, system or bank's key, with words the guide shares with them
    "建行网银盾密码锁了", "OA系统登不上", "内网邮箱密码忘了", "360安全卫士怎么卸载", "统一业务应用系统打不开",
    "复印机驱动怎么安装", "招行的u盾证书过期了", "12309检察网首页有广告",
]  # fmt: skip


def _error_ids() -> set[str]:
    found = set()
    stack = [errors.UkeyError]
    while stack:
        cls = stack.pop()
        found.add(cls.id)
        stack.extend(cls.__subclasses__())
    found.discard("site.error")  # the base of the site's refusals, never raised as such
    return found | {f"site.{code}" for code in REFUSALS} | {"letter.invalid", "gui.no_display", UnknownEntry.id}


def test_trees_load_and_every_node_is_reachable() -> None:
    faq = load_faq()
    assert len(faq.entries) >= 25
    for entry in faq.entries.values():
        seen, todo = set(), [entry.start]
        while todo:
            node = entry.nodes[todo.pop()]
            if node.id in seen:
                continue
            seen.add(node.id)
            todo.extend(t for key in ("yes", "no", "ok", "fail", "skip", "next") if (t := node.target(key)))
        assert seen == set(entry.nodes), f"{entry.id}: unreachable {set(entry.nodes) - seen}"
        for node in entry.nodes.values():
            if node.kind == "check":
                assert node.data["check"] in CHECKS, f"{entry.id}/{node.id}: unknown check"


def test_error_ids_are_real_and_all_routed() -> None:
    faq = load_faq()
    known = _error_ids()
    listed = {error for entry in faq.entries.values() for error in entry.errors}
    assert listed <= known, f"unknown ids in FAQ: {listed - known}"
    # an unknown FAQ id is IT staff's typo, answered by the list of valid ids, not by the guide
    unrouted = {error for error in known if faq.by_error(error) is None} - {
        "gui.no_display",
        "letter.invalid",
        UnknownEntry.id,
    }
    assert not unrouted, f"errors with no FAQ entry: {sorted(unrouted)}"


def test_every_numbered_part_of_the_guide_has_an_entry() -> None:
    guide = tomllib.loads((FIXTURES / "guide.toml").read_text(encoding="utf-8"))
    faq = load_faq()
    sections = {entry.section for entry in faq.entries.values()}
    for section in set(guide["sections"]) | {"1.1", "1.2", "1.3", "2.1", "2.2", "2.3"}:
        assert section in sections, f"guide {section} has no FAQ entry"
    prompts = set(range(1, guide["prompts_3_10"]["count"] + 1))
    assert prompts == {e.prompt for e in faq.entries.values() if e.section == "3.10"}
    cases = {int(n) for n in guide["cases_3_9"]}
    assert cases == {e.case for e in faq.entries.values() if e.section == "3.9"}


# Chinese an English reader still needs as written: names, the postal address, the installer's file name.
AS_WRITTEN = ("巩婧", "朱岩", "宗达", "北京市石景山区香山南路 109 号", "证书应用环境安装程序.exe")


def test_every_entry_reads_in_english() -> None:
    """The English window shows no Chinese-only entry: title, summary and every node's text and steps."""
    faq = load_faq().localised("en")
    for entry in faq.entries.values():
        shown = [
            entry.title,
            entry.summary,
            entry.label,
            *(t for n in entry.nodes.values() for t in (n.text, *n.steps)),
        ]
        left = [text for text in shown if re.search("[\u4e00-\u9fff]", re.sub("|".join(AS_WRITTEN), "", text))]
        assert not left, f"{entry.id}: {left}"
        assert entry.outline(faq).startswith(f"Guide {entry.label}: ")


def test_missing_english_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(
        '[[entry]]\nid="x"\nsection="1"\ntitle="标题"\nsummary="s"\nphrases=["p"]\nstart="a"\n'
        '[[entry.node]]\nid="a"\nkind="end"\ntext="完"\n',
        encoding="utf-8",
    )
    with pytest.raises(FaqError, match="no English for"):
        load_folder(tmp_path)
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "a.toml").write_text('[[entry]]\nid="x"\ntitle="T"\nsummary="S"\nphrases=["p"]\n', "utf-8")
    with pytest.raises(FaqError, match="node a: English"):
        load_folder(tmp_path)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('[[entry]]\nid = "x"\n', "missing"),
        ('[[entry]]\nid="x"\nsection="1"\ntitle="t"\nsummary="s"\nphrases=["p"]\nstart="a"\n'
         '[[entry.node]]\nid="a"\nkind="jump"\ntext="?"\n', "kind"),
        ('[[entry]]\nid="x"\nsection="1"\ntitle="t"\nsummary="s"\nphrases=["p"]\nstart="a"\n'
         '[[entry.node]]\nid="a"\nkind="question"\ntext="?"\nyes="b"\nno="a"\n', "is no node"),
        ('[[entry]]\nid="x"\nsection="1"\ntitle="t"\nsummary="s"\nphrases=["p"]\nstart="a"\n'
         '[[entry.node]]\nid="a"\nkind="link"\nentry="nowhere"\n', "unknown entry"),
        ("this is = not [toml", "not TOML"),
    ],
)  # fmt: skip
def test_malformed_trees_are_refused(tmp_path: Path, text: str, problem: str) -> None:
    (tmp_path / "bad.toml").write_text(text, encoding="utf-8")
    with pytest.raises(FaqError, match=problem):
        load_folder(tmp_path)


def _accuracy(index: Index, phrasings: list[tuple[str, str]]) -> tuple[float, float]:
    top1 = sum([hit.entry.id for hit in index.search(q, 1)] == [want] for q, want in phrasings)
    top3 = sum(want in [hit.entry.id for hit in index.search(q, 3)] for q, want in phrasings)
    return top1 / len(phrasings), top3 / len(phrasings)


def test_search_accuracy() -> None:
    """First place and top 3 on the tuning set and on phrasings the search was never tuned on."""
    index = Index(load_faq())
    held_out = [pair for batch in HELD_OUT_BATCHES.values() for pair in batch]
    assert len(held_out) >= 40
    for name, phrasings in {"tuning": PHRASINGS, **{f"held-out {n}": b for n, b in HELD_OUT_BATCHES.items()}}.items():
        top1, top3 = _accuracy(index, phrasings)
        print(f"search, {name} ({len(phrasings)}): first {top1:.1%}, top 3 {top3:.1%}")
    tuning_top1, tuning_top3 = _accuracy(index, PHRASINGS)
    top1, top3 = _accuracy(index, held_out)
    print(f"search, held-out all ({len(held_out)}): first {top1:.1%}, top 3 {top3:.1%}")
    assert top1 >= 0.90 and top3 == 1.0
    assert tuning_top1 >= 0.95 and tuning_top3 >= 0.99


# What the search reaches on the held-out set by kind (first, top 3, rightly
# unanswered), as docs/performance.md gives it: a fall is a regression.
KIND_REACHED = {
    "colloquial": (250, 252, 0),
    "english": (295, 296, 0),
    "pinyin_typos": (266, 268, 0),
    "pasted_errors": (269, 277, 0),
    "rules": (288, 292, 0),
    "off_topic": (0, 0, 329),
}


@pytest.mark.parametrize("kind", HELD_OUT_KINDS)
def test_held_out_by_kind(kind: str) -> None:
    got = measure(Index(load_faq()), HELD_OUT_KINDS[kind])
    print(kind, got)
    assert got.first >= KIND_REACHED[kind][0] and got.top3 >= KIND_REACHED[kind][1]
    assert got.unanswered >= KIND_REACHED[kind][2]


def test_every_question_of_the_guide_gets_an_answer() -> None:
    """The no-match rule never swallows a clerk's real question."""
    index = Index(load_faq())
    unanswered = [q for q, _ in PHRASINGS + [p for b in HELD_OUT_BATCHES.values() for p in b] if not index.search(q)]
    assert not unanswered


@pytest.mark.parametrize("query", OFF_TOPIC)
def test_off_topic_queries_find_nothing(query: str) -> None:
    assert Index(load_faq()).search(query) == []


@pytest.mark.parametrize(
    "query",
    [
        "高拍仪插到电脑上没反应",  # an office device, in characters
        "gaopaiyi cha dao diannao shang mei fanying",  # and typed in pinyin
        "youjian mima wang le",
        "tianwei chengxin zhengshu guoqi le",  # another CA in pinyin
        "湖南CA的证书过期了",  # a province's CA
        "微信密码忘了",  # WeChat's own password: the guide names WeChat only as a contact
        "电脑日期不对",  # the computer's own clock (日期 is rewritten 有效期)
        "电子印章ukey密码忘了",  # another key: an electronic seal's
        "协同办公平台登录要证书",  # another platform
        "检察工作网证书",  # the procuratorate's own network, not the 12309 internet site
        "12309热线的来电怎么转接到信访",  # the public's hotline, not the platform; 信访 is a department's work
        "360浏览器提示插件过期",  # other software: plug-ins, licences
        "电脑提示windows许可证即将过期",
        "检察官证件过期怎么换",  # other documents
        "工资条密码是多少",
        "微信小程序登录失败",  # other apps
        "360浏览器收藏的网址没了",  # a browser setting the guide does not cover
        "群众提交网上信访后多久有回复",  # the public's services on 12309, not the platform clerks log in to
        "yubikey插上没反应",  # another make's security key
        "公司发的动态令牌密码锁了",
    ],
)
def test_other_subjects_by_kind(query: str) -> None:
    """The kinds of resources/other_subjects.toml, in Chinese, pinyin and English."""
    assert Index(load_faq()).search(query) == []


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("登录平台时没有检查院名称", "3.5"),  # "没有检查" sounds "you jian", as 邮件 does
        ("denglu shi meiyou jiancha yuan mingcheng", "3.5"),  # and so does "meiyou jiancha"
        ("ukey wei shibie", "3.3"),  # "wei shi" is 卫士's
        ("zhengshu anzhuang bu shang", "3.2"),  # "shu an" is 数安's
        ("BJCA证书助手怎么下载", "3.2"),  # BJCA is the guide's CA
        ("ca.12309.gov.cn打不开", "2.2"),  # the renewal site's name is no CA's
        ("加运维微信远程", "3.12"),  # WeChat as the support staff's contact
        ("ukey出问题打哪个热线", "3.12"),  # the support staff's line, not the 12309 service hotline
    ],
)
def test_the_guides_own_subjects_are_no_other(query: str, entry: str) -> None:
    assert Index(load_faq()).search(query)[0].entry.id == entry


@pytest.mark.parametrize("query", ["新发的电脑还没插过ukey，插上就能登录吗", "换了台新电脑，u盾以前没在这台上用过"])
def test_a_key_first_used_on_a_computer_is_guide_3_1(query: str) -> None:
    """A computer the key was never used on needs checking and the assistant first (guide 3.1), not 3.3."""
    assert Index(load_faq()).search(query)[0].entry.id == "3.1"


@pytest.mark.parametrize(
    ("pasted", "entry"),
    [
        ("用户口令已锁定，请联系管理员！", "3.6"),  # a locked password, however worded, is unlocked (guide 3.6)
        ("用户口令已锁定，请联系管理员！ 上周拿授权码解过锁了", "3.9-4"),  # unless the clerk says it was unlocked
        ("密码已被锁定 我们已经按流程申请解锁了", "3.9-4"),
    ],
)
def test_what_the_clerk_says_was_done_outranks_the_messages_reading(pasted: str, entry: str) -> None:
    assert Index(load_faq()).search(pasted)[0].entry.id == entry


@pytest.mark.parametrize(
    "page",
    [
        # Chrome's pages for a mistyped renewal address: their advice names the computer's settings
        "无法访问此网站\n找不到 ca.12039.gov.cn 的服务器 IP 地址。\n请试试以下办法：\n检查代理服务器和防火墙",
        "This site can’t be reached\nca.12390.gov.cn’s server IP address could not be found.\n"
        "DNS_PROBE_FINISHED_NXDOMAIN",
        "This page can't be displayed\nhttps://ca.12309.gov.cn:8800/xtxuserweb",
        "ERR_CONNECTION_RESET http://ca.12309.gov.cn:8080/xtxuserweb",
    ],
)
def test_a_browsers_error_page_for_a_near_miss_of_the_guides_sites_is_guide_2_2(page: str) -> None:
    """Guide 2.2 ①'s note: a site that does not open was most often typed by hand; copy the address."""
    assert Index(load_faq()).search(page)[0].entry.id == "2.2"


@pytest.mark.parametrize("query", ["本系统仅支持IE浏览器", "the site supports IE only"])
def test_a_page_that_wants_ie_is_guide_3_8_c(query: str) -> None:
    """Guide 3.8 c (the page asks for IE), not 3.10 报错提示 5, whose message also says 本系统."""
    assert Index(load_faq()).search(query)[0].entry.id == "3.8"


@pytest.mark.parametrize(
    ("query", "said"),
    [("弄完延期马上登录", "延期后马上登录"), ("要不要等一会儿", "要不要等待"), ("等一下再登录", "等待再登录")],
)
def test_clerks_words_for_after_and_waiting(query: str, said: str) -> None:
    """Guide 2.3: 15 minutes after renewal ("延期后", "等待")."""
    assert wording.normalise(query) == said


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("红key", "红色 ukey "),  # guide 1.3's 红色 Ukey
        ("中间能拔下来吗", "中间能插拔吗"),  # guide 2.2 ⑧ 切勿插拔
        ("有效期还是原来那个", "有效期没有变"),  # guide 3.9 情况 1
        ("snapped in half", "broken"),
        ("互联网电脑", "外网电脑"),  # the guide says both
    ],
)
def test_clerks_words_for_the_keys_state(query: str, said: str) -> None:
    assert wording.normalise(query) == said


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("the key is cracked, how do we get another", "3.7"),  # the key's state: no site said so (3.10 ①)
        ("the site says the key is broken and cannot be renewed", "3.10-1"),  # the site's message
        ("证书助手是空的，key插着", "3.3"),  # the certificate is missing, not the assistant (3.2)
        ("下载证书的时候要等多久，能拔key吗", "2.2"),  # guide 2.2 ⑧ (about 2 minutes), not 2.3's 15 minutes
    ],
)
def test_what_happened_decides_over_what_it_happened_to(query: str, entry: str) -> None:
    assert Index(load_faq()).search(query)[0].entry.id == entry


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("联系人手机号填错了怎么办", "2.2"),  # guide 2.2 ④ (联系人姓名、联系人手机), ⑤ (信息有误请刷新界面)
        ("搞完延期能马上登录平台吗，要不要等一会儿", "2.3"),  # guide 2.3 (3)
        ("新设的密码以后登录平台就用这个吗", "2.2"),  # guide 2.2 ⑥ (该密码将作为以后登录时的密码)
    ],
)
def test_chapter_2_rules(query: str, entry: str) -> None:
    assert Index(load_faq()).search(query)[0].entry.id == entry


def test_an_other_subjects_kind_says_what_it_shares() -> None:
    with pytest.raises(ValueError, match="owner or setting"):
        subjects.parse({"kind": [{"name": "printers", "shares": "all", "zh": ["打印机"], "en": []}]})
    with pytest.raises(ValueError, match="no words"):
        subjects.parse({"kind": [{"name": "nothing", "shares": "setting", "zh": [], "en": []}]})


def test_another_systems_name_does_not_hide_the_guides_subject() -> None:
    """Guide 3.7 注 2 ③: the org code is found in the 2.0 system."""
    assert Index(load_faq()).search("2.0系统里怎么查组织机构代码")[0].entry.id == "3.7"


@pytest.mark.parametrize("query", ["ukey", "我的u盾有问题", "Ukey怎么了？", "key不行"])
def test_naming_only_the_key_asks_what_happened(query: str) -> None:
    index = Index(load_faq())
    assert index.search(query) == []
    assert [entry.id for entry, _ in index.choices(query)] == [entry_id for entry_id, *_ in search.KEY_CHOICES]


@pytest.mark.parametrize(("query", "entry"), [("ukey坏了", "3.7"), ("u盾密码忘了", "3.6"), ("ukey插上没反应", "3.3")])
def test_saying_what_happened_to_the_key_answers(query: str, entry: str) -> None:
    index = Index(load_faq())
    assert index.choices(query) == [] and index.search(query)[0].entry.id == entry


@pytest.mark.parametrize(
    ("query", "entry"),
    [("PIN码忘了", "3.6"), ("口令被锁了", "3.6"), ("设备插上没反应", "3.3")],
)
def test_the_keys_other_names(query: str, entry: str) -> None:
    """口令 and PIN are the Ukey 密码, a 设备 is the key, 未找到 is 没有, as BJCA's tools word them."""
    assert Index(load_faq()).search(query)[0].entry.id == entry


def test_topic_words_are_the_faqs_own() -> None:
    """A topic word the FAQ never uses would let a query through that then matches on noise."""
    said = wording.normalise("\n".join(entry.text() for entry in load_faq().entries.values()))
    assert [word for word in (*search._TOPICS, *search._EVERYDAY) if word not in said] == []


def test_held_out_phrasings_are_not_in_the_faq() -> None:
    """Copied into ``phrases``, a held-out phrasing would measure nothing."""
    phrases = {wording.normalise(p) for entry in load_faq().entries.values() for p in entry.phrases}
    held_out = {wording.normalise(q) for batch in HELD_OUT_BATCHES.values() for q, _ in batch}
    assert phrases.isdisjoint(held_out)


def test_errors_and_site_messages_find_their_entry() -> None:
    index = Index(load_faq())
    assert index.for_error("pin.locked")[0].entry.id == "3.6"
    assert index.for_error("site.captcha_wrong")[0].entry.id == "3.10-3"
    assert index.for_error("您的证书已被吊销，不能进行在线更新")[0].entry.id == "3.10-5"
    fallback = index.for_error("no.such.error 证书助手里没有证书")
    assert fallback and fallback[0].entry.id == "3.3" and fallback[0].score < 1.0


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("I can't remember the PIN of my key", "3.6"),
        ("the renewed certificate still shows the old expiry date", "3.9-1"),
        ("lost my usb key", "3.7"),
        ("in compatibility mode the page has no box to type the password", "3.8"),
    ],
)
def test_english_questions_find_their_entry(query: str, entry: str) -> None:
    assert Index(load_faq()).search(query)[0].entry.id == entry


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("ukey mima wangji le", "3.6"),  # pinyin alone
        ("chongqi diannao hou zhengshu zhushou haishi meiyou zhengshu", "3.3"),  # 重启: a polyphone
        ("yanqi wangzhan zai nali", "2.2"),
        ("证书助手xiazai", "3.2"),  # characters and pinyin mixed
        ("密码输错好几次锁住了", "3.6"),  # not 3.10-3's "验证码输了好几次"
        ("钥匙丢了", "3.7"),
    ],
)
def test_the_words_people_type(query: str, entry: str) -> None:
    assert Index(load_faq()).search(query)[0].entry.id == entry


@pytest.mark.parametrize(
    "query",
    ["how to install a printer driver", "my bank usb key password is locked", "email password forgotten",
     "360 ads keep popping up", "dayinji qudong zenme an"],
)  # fmt: skip
def test_off_topic_in_english_or_pinyin_finds_nothing(query: str) -> None:
    assert Index(load_faq()).search(query) == []


def test_a_check_that_cannot_run_asks() -> None:
    """Guide 3.3 ②–④: where seeing the key cannot be checked, the user is asked; elsewhere the check decides."""
    entry = load_faq().entries["3.3"]
    for node_id in ("port", "restart", "reinstall"):
        node = entry.nodes[node_id]
        asked = entry.nodes[str(node.after("skip"))]
        assert asked.kind == "question" and entry.mark(asked.id) == entry.mark(node_id)
        assert node.after("fail") == asked.target("no") and node.after("warn") == node.after("fail")
    assert entry.nodes["other-pc"].after("skip") is None  # a question has no check to skip


@pytest.mark.parametrize(("entry_id", "node_id"), [("1.3", "validity"), ("2.2", "url")])
def test_a_check_that_cannot_run_does_not_decide(entry_id: str, node_id: str) -> None:
    """No key read, no network check: the user says whether the certificate is 30 days past
    expiry (guide 1.3 注 2) or the site opens (2.2), instead of being told to replace the key."""
    entry = load_faq().entries[entry_id]
    node = entry.nodes[node_id]
    asked = entry.nodes[str(node.after("skip"))]
    assert asked.kind == "question" and {asked.target("yes"), asked.target("no")} == {
        node.after("ok"),
        node.after("fail"),
    }


def test_english_entries_are_labelled_in_english() -> None:
    faq = load_faq().localised("en")
    assert faq.entries["3.9-2"].label == "3.9 case 2" and faq.entries["3.10-5"].label == "3.10 error prompt 5"
    assert load_faq().entries["3.9-2"].label == "3.9 情况 2"
    assert "see Guide 3.7: Ukey lost or damaged (--show 3.7)" in faq.entries["3.3"].outline(faq)


@pytest.mark.parametrize(
    "query", ["单位的wifi密码是多少", "app登录不上去", "检察院食堂在哪", "12309检察服务中心怎么预约参观", "电脑蓝屏了"]
)
def test_other_things_named_with_the_guides_words_find_nothing(query: str) -> None:
    """Another system's password or login, the sender's own name alone, the computer's own faults."""
    assert Index(load_faq()).search(query) == []


@pytest.mark.parametrize(
    "query",
    [
        "人事系统的账号被锁了",
        "增值税发票的证书过期了",
        "报税盘的ukey密码忘了",
        "sheca的证书要延期吗",
        "电脑的开机密码忘了",
        "浏览器书签不见了",
        "how do I renew a tax certificate",
        "百望盾密码锁了",
        "学习强国账号被锁",
        "驾驶证过期了",
        "电脑开机要密码",
        "chrome怎么清除cookie",  # "ie" in "cookie" is no IE
        "电脑开不了机",
        "the power-on password of my laptop",
        "my computer will not turn on",
    ],
)
def test_another_subject_with_only_shared_words_finds_nothing(query: str) -> None:
    """Another system's key or account, another CA's certificate, the computer's own password, a browser
    setting the guide does not cover: their 证书, 密码, 账号, 锁, 延期 are not the red key's."""
    assert Index(load_faq()).search(query) == []


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("延期系统的密码忘了", "3.6"),
        ("登录平台的密码忘了", "3.6"),
        ("证书助手软件在哪下载", "3.2"),
        ("内网电脑能延期吗", "3.1"),  # renewing on another computer or network is still renewing the red key
        ("laptop can I renew the ukey on it", "3.1"),
    ],
)
def test_the_guides_own_systems_keep_their_answer(query: str, entry: str) -> None:
    """The guide's own systems, and renewing or unlocking on another computer, network or browser."""
    assert Index(load_faq()).search(query)[0].entry.id == entry


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("says the key is damaged", "3.10-1"),
        ("too many failures, try tomorrow", "3.10-2"),
        ("blocked for today, too many tries", "3.10-2"),
        ("the site says verification code error", "3.10-3"),
        ("shut down and wait 15 minutes", "3.10-4"),
        ("certificate revoked", "3.10-5"),
        ("no linked user", "3.10-6"),
        ("insufficient permissions", "3.10-7"),
        ("invalid certificate", "3.9-2"),
        ("wrong password after unlock", "3.9-3"),
        ("unlocking failed", "3.9-4"),
        ("too many wrong password attempts, the key is locked", "3.6"),  # attempts are tries: no 3.10 ② limit
    ],
)
def test_the_sites_messages_said_in_english(query: str, entry: str) -> None:
    """A short English paraphrase of a guide 3.10 or 3.9 message is the guide's, though it names no key."""
    assert Index(load_faq()).search(query)[0].entry.id == entry


def test_the_guides_site_addresses_are_its_subject() -> None:
    assert Index(load_faq()).search("https://ca.12309.gov.cn:8080 这个打不开")[0].entry.id == "2.2"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_numbering_in_every_tree(lang: str) -> None:
    """A node stands under the guide's step number where the data gives it (3.3's ①–⑥), else under a
    letter, so that the guide's numbers in its text or steps (2.2's ①–⑨) are the only numbering shown."""
    faq = load_faq()
    for entry in (e.localised(lang) for e in faq.entries.values()):
        for node in entry.nodes.values():
            mark, given = entry.mark(node.id), node.data.get("mark")
            assert mark == given or (mark.isascii() and mark.isalpha()), (entry.id, node.id, mark)
            assert not (given and re.match(r"[①-⑳]|\d+[）)]", node.text)), (entry.id, node.id)  # "⑤ ⑤"
        doubled = [line for line in entry.outline(faq).splitlines() if re.match(r"[①-⑳]\s*[①-⑳]", line)]
        assert not doubled, (entry.id, doubled)


@pytest.mark.parametrize(
    "query",
    [
        "别的网站提示此网站的安全证书有问题",  # a pasted browser warning, but from another site
        "another website shows 您的连接不是私密连接",
        "PDF上的签名证书过期了",
        "Adobe Reader says the signature is invalid",
        "会计证书过期了怎么办",  # a paper certificate, not the key's digital one
        "教师资格证书丢了要补办吗",
        "路由器密码忘了",
        "身份证丢了怎么补办",  # 补办 is no key's
        "360浏览器主页被改了，默认的怎么改回来",  # 默认 is the guide's only as the default password
        "IE打开其他单位网页很慢",
        "保险柜的密码忘了",  # an owner the guide never names
        "门禁卡的密码是多少",
    ],
)
def test_what_points_elsewhere_outweighs_the_guides_generic_words(query: str) -> None:
    """证书, 密码, 过期, IE, 补办 and 默认 are the guide's only when nothing points elsewhere: another site, a
    signed document, a paper certificate, a network device; so is a message pasted from there."""
    assert Index(load_faq()).search(query) == []


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("其他网站都能打开，就延期网站打不开", "2.2"),  # the other sites work: the renewal site is the subject
        ("默认密码是多少", "2.2"),
        ("忘记密码", "3.6"),  # a bare 密码 is the key's: the guide's readers have no other in mind
        ("证书过期了", "1.3"),
        ("张科长的ukey密码忘了", "3.6"),  # whoever holds it, the key is the guide's
        ("我同事的密码忘了", "3.6"),
    ],
)
def test_the_guides_generic_words_alone_are_the_keys(query: str, entry: str) -> None:
    assert Index(load_faq()).search(query)[0].entry.id == entry


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("在解锁页面填了授权码和新密码，点提交后提示验证码错误", "3.10-3"),  # not 3.6, where it happened
        ("平台登录时弹出未查询到与证书关联的用户，我用的是新ukey", "3.10-6"),
    ],
)
def test_a_quoted_site_message_leads(query: str, entry: str) -> None:
    """What the site showed says more than the page it was shown on."""
    assert Index(load_faq()).search(query)[0].entry.id == entry


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("错误码 0x0B000001：未找到证书", "3.3"),  # the message shown outweighs the code's own
        ("0x0B000001", "3.6"),  # the code alone keeps its entry
        ("校验用户口令失败(0x0A000025)，PIN已锁死", "3.6"),  # no other message quoted
    ],
)
def test_a_code_without_its_message_follows_the_quoted_one(query: str, entry: str) -> None:
    assert Index(load_faq()).search(query)[0].entry.id == entry


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("ukey被椅子压断了，插上没反应，密码也忘了", "3.7"),  # broken comes first (guide 3.7 before 3.3, 3.6)
        ("my key is snapped in half and nothing happens when I plug it in", "3.7"),
        ("证书助手里没证书，是不是key坏了", "3.3"),  # maybe broken: 3.3 ⑥ finds out
        ("解锁页面的下一步按钮不见了", "3.9-5"),  # a button gone is not a key lost
    ],
)
def test_a_broken_or_lost_key_comes_first(query: str, entry: str) -> None:
    assert Index(load_faq()).search(query)[0].entry.id == entry


def test_the_renewal_sites_pages_by_their_names() -> None:
    """信息核实 is the renewal site's page where wrong details are found (guide 2.2 5): refresh, renew again)."""
    assert Index(load_faq()).search("信息核实界面上的信息不对，能返回修改吗")[0].entry.id == "2.2"


@pytest.mark.parametrize(
    "query",
    [
        "办公室门钥匙丢了去哪配",  # 钥匙 alone is the red key; a door's or a car's is that thing's
        "车钥匙找不到了",
        "the key card for the office door stopped working",
        "工牌丢了怎么补办",  # cards and badges of their own
        "餐卡丢了怎么补办",
        "how do I change the computer's sleep settings",  # the computer's own settings: power, screen, network
        "电脑休眠设置在哪改",
        "屏保时间怎么改长",  # "改长" sounds as 盖章 does, but shares none of its characters
        "the procuratorate web portal certificate has expired, how to renew",  # a website's own certificate
        "How do I renew the procuratorate's server certificate",
        "The procuratorate's e-mail password expired",  # procuratorate names the sender, as 检察 does
        "I locked my keys in the car",
        "保险箱密码忘了",  # safes and locks
        "视频会员到期了怎么续",  # memberships are renewed by paying
        "手机的解锁密码忘了",  # a phone's own lock (the guide's 手机 is the contact's number)
        "My phone's SIM PIN is locked",
        "域名过期了",  # a website's domain
        "证书考试什么时候报名",  # exams for paper certificates
        "车辆年检过期了",
        "Windows update keeps restarting my computer",
        "单位的考勤密码忘了",
        "360浏览器怎么截图",  # the browser's features the guide does not use
        "12309检察服务中心的电话",  # the public's service centre
    ],
)
def test_other_keys_cards_settings_and_site_certificates_find_nothing(query: str) -> None:
    assert Index(load_faq()).search(query) == []


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("证书助手里空空的，平台也登不上去", "3.3"),  # guide 3.5 ① sends to 3.3: a login needs the certificate shown
        ("the assistant is empty and I cannot log in to 12309 either", "3.3"),
        ("证书助手里有证书但登录不了", "3.5"),
        ("错误码0x0B000001：未检测到证书设备", "3.3"),  # the text's own words: no device found
        ("没有找到USBKey设备", "3.3"),
    ],
)
def test_the_guides_order_and_a_missing_key_in_any_words(query: str, entry: str) -> None:
    assert Index(load_faq()).search(query)[0].entry.id == entry


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("ukey插在打印机上没反应", "3.3"),  # on another device the key is still the red key
        ("U盾插在内网电脑上能用吗", "3.1"),
    ],
)
def test_the_key_on_another_device_is_still_the_guides(query: str, entry: str) -> None:
    assert Index(load_faq()).search(query)[0].entry.id == entry


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        # guide 2.2 ④⑤: a holder's detail typed wrong is put right by refreshing and doing it again
        ("手机号码输错了一位，提交以后还能修改吗", "2.2"),
        ("姓名输错了一个字，还能改吗", "2.2"),
        # guide 2.2 ①: the renewal site is opened in 360 安全浏览器
        ("延期该用哪种浏览器", "2.2"),
        ("做延期要装什么浏览器", "2.2"),
        # guide 1.1, 2.2 ⑥: renewal sets the new password, the one used from then on
        ("延期完成后以前的ukey密码还有效吗", "1.1"),
        ("延期之后旧的口令还要用吗", "1.1"),
        # guide 3.9 case 1: the site said the download succeeded, the assistant's dates are the old ones
        ("证书助手：有效期 2024-01-05 至 2024-03-05\n延期网站上说下载成功", "3.9-1"),
        ("有效期至 2023-11-30，网页已提示证书下载成功", "3.9-1"),
    ],
)
def test_what_renewal_asks_and_changes(query: str, entry: str) -> None:
    assert Index(load_faq()).search(query)[0].entry.id == entry


@pytest.mark.parametrize(
    "query",
    [
        "How do I renew the S/MIME certificate in my mail client?",
        "Foxmail 的签名证书怎么更新",
    ],
)
def test_certificates_of_e_mail_and_documents_are_other_subjects(query: str) -> None:
    assert Index(load_faq()).search(query) == []


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("用火狐打开延期网站，提示：此网站的安全证书有问题", "2.2"),
        ("Chrome says NET::ERR_CERT_COMMON_NAME_INVALID on ca.12309.gov.cn", "2.2"),
        ("Edge 浏览器打开延期网址显示 您的连接不是私密连接", "2.2"),
        ("您的连接不是私密连接 NET::ERR_CERT_DATE_INVALID", "3.4"),  # no browser named: 360's modes (3.4)
    ],
)
def test_a_certificate_warning_in_another_browser_is_guide_2_2(query: str, entry: str) -> None:
    """Guide 2.2 ① opens the renewal site in 360 安全浏览器: a warning in another browser sends the clerk there."""
    assert Index(load_faq()).search(query)[0].entry.id == entry


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        # broken, lost, not recognised: guide 3.7 and 3.3, however IT staff put it (a "token" is the key)
        ("The token was stepped on and the plastic is bent, how do we replace it?", "3.7"),
        ("key shattered after falling off the desk", "3.7"),
        ("I misplaced the case management key, what do we do", "3.7"),
        ("the PC doesn't recognise the token at all", "3.3"),
        # a page or a program that does not move on, a control that cannot be used, nothing happening
        ("the unlock page just keeps spinning", "3.6"),
        ("certificate download hangs halfway", "2.2"),
        ("nothing happens when I click the lightning icon", "3.4"),
        ("grey password box in compat mode, cannot type", "3.8"),
        # where, who, which: the renewal form's contact (2.2 ④), the support staff (3.12)
        ("contact name and phone on the renew page, mine or my boss's?", "2.2"),
        ("none of the steps helped, who do I call", "3.12"),
    ],
)
def test_it_staffs_plain_english(query: str, entry: str) -> None:
    assert Index(load_faq()).search(query)[0].entry.id == entry


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        # the assistant failing to read what is on the key is guide 3.3, whatever code comes with it
        ("枚举证书失败(0x0B000001)", "3.3"),
        ("获取设备信息失败 0x0B000001", "3.3"),
        ("Failed to read certificate list 0x0B000001", "3.3"),
        # whether it can still be renewed is guide 1.3's question, with the dates pasted or not
        ("有效期到2025年8月，现在还能延期吗", "1.3"),
        ("有效期至2025-09-30，现在还可以延期吗", "1.3"),
        # chapter 1–2 rules: which browser (2.2 ①) is no hard case of 3.8 unless it names IE or another computer;
        # the download's two minutes (2.2 ⑦⑧); the new certificate's term (2.2 ⑤); publishing first (1.1)
        ("延期必须用360吗，火狐行不行", "2.2"),
        ("延期时遇到哪种情况得换台电脑", "3.8"),  # kept: asking for the hard case by its remedy
        ("证书正在下，能动ukey吗", "2.2"),
        ("下证书的时候能碰key吗", "2.2"),
        ("延期好了新证书能用几年", "2.2"),
        ("手上还有案件信息要发布，先发布还是先延期", "1.1"),
        ("红key在外网机上能用吗", "3.1"),  # 外网机 is 外网电脑 (heard, 网机 is 忘记)
        ("内网电脑上的蓝色key要延期吗", "1.3"),  # kept: a blue key's renewal stays guide 1.3's
        ("电脑上不了网，延期网站打不开", "2.2"),  # kept: the computer's network with the renewal site is 2.2
        ("解锁要填手机验证码吗", "3.6"),  # kept: the unlock page's mobile and code are 3.6's, no text message
    ],
)
def test_what_the_guide_answers_in_more_words(query: str, entry: str) -> None:
    assert Index(load_faq()).search(query)[0].entry.id == entry


@pytest.mark.parametrize(
    "query",
    [
        # a blue or silver key with another system or network is that system's (guide 1.3: only the red key)
        "蓝色的key登检察业务应用系统提示密码错误",
        "银色ukey在内网办案系统里提示证书过期",
        "blue key says password locked on the intranet mail",
        # the computer's clock, an office's public accounts and VPN, a library's loans
        "电脑时区设置错了",
        "单位微信公众号的管理员密码忘了",
        "政务微博账号被锁定了",
        "the access token expired on the api",
        "图书馆的书过期了能续借吗",
        "library book overdue, can I renew it online",
        "宽带到期了怎么续费",
        # storage the computer reads (the guide never calls the key a U盘), a card's PIN, a text message's code,
        # the computer's own network
        "U盘插电脑上没反应",
        "移动硬盘识别不到",
        "公务卡密码忘了",
        "手机验证码收不到",
        "电脑连不上网了",
        # the computer's own account, other software's licence, other permits
        "How do I unlock my Windows account after too many attempts?",
        "Microsoft Office says my licence expired",
        "Where do I renew my parking permit?",
        # a tendering or procurement system's CA锁, WeChat's own verification
        "CA锁密码忘了",
        "政府采购网的CA锁过期了",
        "微信换手机登录要验证",
        # another office system in English, a video site
        "My password for the HR system expired",
        "The browser keeps crashing on YouTube",
    ],
)
def test_other_keys_systems_and_personal_matters_find_nothing(query: str) -> None:
    assert Index(load_faq()).search(query) == []


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        # a wrong password with the tries left is a known message: 3.6, or 3.9 case 3 with the new password
        # set in renewal or unlocking however said
        ("PIN码错误，剩余重试次数：3", "3.6"),
        ("Incorrect PIN, 2 attempts remaining", "3.6"),
        ("Incorrect PIN, 3 attempts remaining. It's the new password I set when renewing.", "3.9-3"),
        ("PIN码错误，剩余重试次数：4。密码是延期那天新设的", "3.9-3"),  # kept: said in words before
        # the key's certificate expired, as a page says it, is guide 1.3
        ("The certificate has expired", "1.3"),
        ("登录时弹出：您的证书已经过期", "1.3"),  # kept
        # the plain English of 2.1 and 2.2 ① (expiry, the URL copied)
        ("Where do I see the expiry date?", "2.1"),
        ("Do I need to type the renewal URL or copy it?", "2.2"),
    ],
)
def test_known_messages_and_plain_words_in_more_kinds(query: str, entry: str) -> None:
    assert Index(load_faq()).search(query)[0].entry.id == entry


def test_another_documents_expiry_in_english_finds_nothing() -> None:
    """'expir' names the guide's subject in any ending: a driver's licence expiring stays its own."""
    assert Index(load_faq()).search("driver's license expiration") == []


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        # a page that does not display properly is guide 3.4 (try the other mode), in clerks' words
        ("页面显示乱七八糟的，按钮都挤在一起", "3.4"),
        ("延期页面乱码", "3.4"),
        ("the renewal page looks broken, buttons all over the place", "3.4"),  # kept
        ("my key looks broken", "3.7"),  # kept: the key's, not a page's
        # the key's password refused, as pages word it, is 3.6 unless renewal or unlocking came before (3.9 case 3)
        ("来自网页的消息：证书口令错误！", "3.6"),
        ("Ukey密码不正确", "3.6"),
        # the assistant failing to list the key's users is 3.3
        ("获取用户列表失败，错误码0x0B000100", "3.3"),
    ],
)
def test_a_page_shown_wrong_and_the_keys_password_refused(query: str, entry: str) -> None:
    assert Index(load_faq()).search(query)[0].entry.id == entry


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        # an English word before "key" that says which or how many keys names no owner of its own
        ("we have two keys, which one do I renew", "1.3"),
        ("the spare key is locked", "3.6"),
        ("the second key has the wrong password", "3.6"),
        # a wrong password in English is a known message; with the new password set in renewal or unlocking,
        # however said, 3.9 case 3
        ("login with the new password says wrong password", "3.9-3"),  # kept
        ("I picked a 9-character password during the unlock and the login now says wrong password", "3.9-3"),  # kept
    ],
)
def test_which_key_and_a_wrong_password_in_english(query: str, entry: str) -> None:
    assert Index(load_faq()).search(query)[0].entry.id == entry


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        # plain English in learners' words: a verb before "certificate" names no owner; the login page's
        # 证书无效 in English is guide 3.9 case 2's message; American spellings
        ("ukey no work after renew, say certificate not valid", "3.9-2"),
        ("the login says certificate not valid, we renewed an hour ago", "3.9-2"),
        ("where find organization code", "3.7"),
    ],
)
def test_learners_english(query: str, entry: str) -> None:
    assert Index(load_faq()).search(query)[0].entry.id == entry


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        # chapter 1–2 rules in written registers: the download in either word order, "过程中" no word of its own
        # (its 过 made 证书过期's 书过); what the computer must be is guide 3.1
        ("证书下载过程中需要注意什么？", "2.2"),
        ("下载证书的过程中能关电脑吗", "2.2"),
        ("延期用的电脑有什么要求", "3.1"),
    ],
)
def test_rules_in_written_registers(query: str, entry: str) -> None:
    assert Index(load_faq()).search(query)[0].entry.id == entry


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        # what the text says of renewal or unlocking: not done ("从来没解过锁"), or done in other words (刚做好, 弄好了)
        ("登录提示：Ukey密码已锁定\n我们从来没解过锁", "3.6"),
        ("延期刚做好，登录提示PIN码错误", "3.9-3"),
        ("解锁弄好了，登录还说密码错误，剩余3次", "3.9-3"),
        # Windows on the assistant's zip (guide 3.2 ③ note), the renewal address typed with http (2.2 ① note), the
        # site's messages in English or other words
        ("压缩(zipped)文件夹“D:\\zszs.zip”无效", "3.2"),
        ("zszs.zip\nWindows cannot open this file", "3.2"),
        ("http://ca.12309.gov.cn:8080/xtxuserweb 该网页无法正常运作", "2.2"),
        ("Login: No user associated with this certificate was found", "3.10-6"),
        ("提示：您的证书已失效，无法延期", "1.3"),
    ],
)
def test_pasted_texts_with_what_was_done_and_windows_messages(query: str, entry: str) -> None:
    assert Index(load_faq()).search(query)[0].entry.id == entry


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        # chapter 1–2 as clerks ask it: the guide's steps by number, which of the keys, a far year (2.1's note),
        # a laptop closed during the download (2.2 ⑧: no power cut), whether it took (延上), the key's website (1.3),
        # the password box of the renewal page (2.2 ③), the login page's 院名 (3.5 ⑤: shut down, not restart)
        ("第三步干嘛", "2.3"),
        ("办公室有三把key，哪几把要延", "1.3"),
        ("证书到2027年才过期，现在也得延？", "2.1"),
        ("证书有效期到2025年，已经过期两个月了，还能延吗", "1.3"),  # kept: a year gone by is 1.3's question
        ("下证书时候能把笔记本合上吗", "2.2"),
        ("延上没有怎么看", "2.3"),
        ("这个key登的是哪个网站", "1.3"),
        ("证书密码框是哪个密码", "2.2"),
        ("院名出不来，是要关机还是重启", "3.5"),
        # a Latin "key" is a word of its own: "keyi" is 可以 typed in pinyin
        ("denglu keyi yong ie ma", "3.8"),
        # English: a captcha that fails is the unlock page's message; unchanged is the date as it was; extending
        # the certificate is renewing it
        ("the captcha fails every time on the unlock page", "3.10-3"),
        ("renewed, but the expiry stays unchanged in the assistant", "3.9-1"),
        ("after extending the certificate the login says my password is incorrect", "3.9-3"),
        # kept: the application letter's stamp stays guide 3.7
        ("申请函要盖公章吗", "3.7"),
        ("ukey能在其他系统的电脑上用吗", "3.1"),  # kept: another operating system's computer is no other system
    ],
)
def test_rules_steps_and_english_as_clerks_ask(query: str, entry: str) -> None:
    assert Index(load_faq()).search(query)[0].entry.id == entry


@pytest.mark.parametrize(
    "query",
    [
        "keyboard not working",  # a keyboard is no key
        "法官证到期了怎么换",  # an officer's card, not a certificate
        "检察官证丢了怎么补办",
        "单位印章遗失了怎么登报",  # the office's seal, not the application letter's stamp
        "院里公章坏了怎么刻新的",
        "蓝色key登其他系统时提示密码锁定",  # a blue key with another system (guide 1.3)
    ],
)
def test_cards_seals_keyboards_and_other_systems_find_nothing(query: str) -> None:
    assert Index(load_faq()).search(query) == []


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        # what counts as done is guide 2.2 ⑨ (the download's success 即表明延期操作完成); how to check it stays 2.3
        ("提示下载成功了，这就算延期完成了吗", "2.2"),
        ("弹出下载成功，是不是说明延期做完了", "2.2"),
        ("做到哪一步算延期做完", "2.2"),
        ("怎样才算延期成功", "2.3"),  # kept
        # whether renewal must use 360 安全浏览器 however said (一定要, 只能) is 2.2 ①, not 3.4's modes
        ("延期一定要用360吗", "2.2"),
        ("延期只能在360里做吗", "2.2"),
    ],
)
def test_what_counts_as_done_and_which_browser(query: str, entry: str) -> None:
    assert Index(load_faq()).search(query)[0].entry.id == entry


@pytest.mark.parametrize(
    "query",
    [
        # a new password refused as it is set (太简单, 通不过, 设不上) is guide 3.6 ⑥'s rule, not 3.9 case 3's login
        "新密码设不上，提示太简单",
        "解锁时新密码总是通不过",
    ],
)
def test_a_new_password_refused_as_it_is_set(query: str) -> None:
    assert Index(load_faq()).search(query)[0].entry.id == "3.6"


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        # a key that cannot be found is guide 1.2 (ask the superior procuratorate); lost only when said so (3.7)
        ("办公室的key找不到了，该问哪个部门", "1.2"),
        ("院里有把信访key找不到，不知道归谁管，问谁", "1.2"),
        ("我们的ukey找不到了，要怎么补", "3.7"),  # kept
    ],
)
def test_a_key_not_found_is_asked_about_before_it_is_replaced(query: str, entry: str) -> None:
    assert Index(load_faq()).search(query)[0].entry.id == entry


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        # 延 before 完, 好 or 过 is renewed (延完了, 延好了), read before 完 becomes 后
        ("延好了以后怎么查到底成没成", "2.3"),
        # asking whether the validity was extended (延长了没有) is guide 2.3 ②, no symptom; said not extended is 3.9
        ("证书助手里怎么看有效期延长了没有", "2.3"),
        ("延期后有效期延长了没有在哪看", "2.3"),
        ("延期后有效期没有延长", "3.9-1"),  # kept
        # what the new password set in renewal is for (干嘛用, without 的) is guide 2.2 ⑥
        ("改密码那一步设的新密码是干嘛用的", "2.2"),
        # the renewal page's 证书密码 box (那一栏) takes the login password (guide 2.2 ③)
        ("证书密码那一栏输什么，是登录密码吗", "2.2"),
        # renewal is done online on the renewal site (guide 2.2 ①), not by sending the key away (3.7)
        ("延期是网上自己弄还是要把key送去", "2.2"),
        # still the old date (还是原来的, 还是旧的) typed in pinyin is the date unchanged (guide 3.9 case 1)
        ("yanqi hou riqi haishi yuanlai de", "3.9-1"),
        ("yanqi yihou youxiaoqi haishi jiu de", "3.9-1"),
    ],
)
def test_rules_of_chapter_2_in_clerks_words(query: str, entry: str) -> None:
    assert Index(load_faq()).search(query)[0].entry.id == entry


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        # the renewal site's own 返回首页 button pasted with its message is no browser's home page
        ("今日操作失败次数过多 返回首页", "3.10-2"),
        ("浏览器首页被篡改了", None),  # kept: the browser's home page is another subject
        # the assistant's zip unpacked (压缩包解开) is guide 3.2 ③
        ("压缩包解开了，里面一堆东西，装哪个", "3.2"),
        ("把压缩包解开后里面有三个文件，先点哪个", "3.2"),
        # a new password refused as it is set, in English, is guide 3.6 ⑥; refused at login after renewal is 3.9
        ("the new password is refused as too simple when I set it", "3.6"),
        ("setting the new password fails: does not meet the requirements", "3.6"),
        ("my new password was not accepted at login after renewal", "3.9-3"),  # kept
        # whether renewal succeeded, however 'success' ends, is guide 2.3; the download's success stays 2.2 ⑨
        ("how can I be sure the renewal was successful", "2.3"),
        ("was the renewal successful?", "2.3"),
        ("the download succeeded, is the renewal done?", "2.2"),  # kept
    ],
)
def test_site_buttons_zips_new_passwords_and_success_in_english(query: str, entry: str | None) -> None:
    hits = Index(load_faq()).search(query)
    assert [hit.entry.id for hit in hits[:1]] == ([entry] if entry else [])


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        # 延完期 / 延好期 is renewed (延期后); how soon it takes effect (生效) is guide 2.1's note
        ("延完期多长时间生效", "2.1"),
        ("延完期后多长时间才能生效", "2.1"),
        ("延期后要等多久才能用", "2.3"),  # kept: waiting to log in is 2.3 ③
        # whether renewal worked, asked (成没成, 成功没有), is guide 2.3's title: 验证 Ukey 延期是否成功
        ("延期到底成功没有，怎么看", "2.3"),
        ("怎么看延期到底成功没有", "2.3"),
        ("延期前怎么看有效期", "2.1"),  # kept
        # which password logs in after renewal is the one set in it (guide 2.2 ⑥), not a password refused (3.9)
        ("延期以后登录还是用原来的密码吗", "2.2"),
        ("延期后登录用原密码还是新设的", "2.2"),
        ("延期后登录网站说密码错误，密码是延期时新设的", "3.9-3"),  # kept
    ],
)
def test_whether_renewal_worked_when_it_takes_effect_and_its_password(query: str, entry: str) -> None:
    assert Index(load_faq()).search(query)[0].entry.id == entry


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        # a password set longer than 8 and refused ("rejects it") is guide 3.9 case 3, in English as in Chinese
        ("made a 9 digit PIN at unlock, now the login page keeps rejecting it", "3.9-3"),
        ("set a ten character password at unlock, the site rejects it", "3.9-3"),
        ("the new PIN must be 6-8 characters", "3.6"),  # kept: the rule as it is set is 3.6 ⑥
        ("ten digits of the order number", None),  # kept: digits of anything else are no password
    ],
)
def test_a_password_set_too_long_in_english(query: str, entry: str | None) -> None:
    hits = Index(load_faq()).search(query)
    assert [hit.entry.id for hit in hits[:1]] == ([entry] if entry else [])


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        # 证书下在: 载 typed as its homophone 在, the certificate's download (guide 2.2 ⑦⑧), not the assistant's
        ("证书下在一半断网了", "2.2"),
        ("证书下在的时候能拔ukey吗", "2.2"),
        ("证书下在中途电脑没电了", "2.2"),
        ("助手下在哪里", "3.2"),  # kept: the assistant's download is 3.2
    ],
)
def test_a_certificate_download_typed_with_a_homophone(query: str, entry: str) -> None:
    assert Index(load_faq()).search(query)[0].entry.id == entry


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        # an e-seal's stamping (盖章) is that system's, not the application letter's stamp (guide 3.7)
        ("电子签章系统盖章提示证书过期了", None),
        ("签章软件盖章时说证书已过期", None),
        ("补办ukey的申请函盖哪个章", "3.7"),  # kept
        # what the public looks up or downloads on 12309 is the public's service, not the key's platform
        ("群众在12309网站上怎么下载起诉书", None),
        ("法律文书公开用哪把key", "1.2"),  # kept: the 案管 key's 权限
        ("群众提的意见在哪个板块，用哪把key", "1.2"),  # kept
    ],
)
def test_e_seals_and_the_publics_services_are_other_subjects(query: str, entry: str | None) -> None:
    hits = Index(load_faq()).search(query)
    assert [hit.entry.id for hit in hits[:1]] == ([entry] if entry else [])


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        # a laptop asleep or closed while the certificate downloads, in English, is a power cut (guide 2.2 ⑧)
        ("can I let the laptop sleep while the certificate downloads?", "2.2"),
        ("I closed the laptop lid during the certificate download, is that a problem?", "2.2"),
        ("my laptop goes to sleep after 5 minutes, how do I change that?", None),  # kept: the computer's setting
    ],
)
def test_a_laptop_asleep_in_the_download_in_english(query: str, entry: str | None) -> None:
    hits = Index(load_faq()).search(query)
    assert [hit.entry.id for hit in hits[:1]] == ([entry] if entry else [])
