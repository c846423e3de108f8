"""`ukey-renew doctor`, `troubleshoot` and `letter`, run as a user runs them."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from PySide6.QtGui import QImage

from tests.conftest import rig_missing
from tests.integration.test_cli import run
from ukey_renew.troubleshoot.checks import CHECKS
from ukey_renew.troubleshoot.letter import LetterForm, org_code_from_case_number

FORM = {
    "procuratorate": "某某市某某区人民检察院",
    "org_code": "371724",
    "key_type": "信访",
    "situation": "damaged",
    "description": "Ukey 插入后证书助手显示无证书，经运维人员核实已损坏（指南 3.3 ⑥）。",
    "receiver_name": "王五",
    "receiver_phone": "13912345678",
    "receiver_address": "某某省某某市某某路 1 号",
    "date": "2026-11-24",
}


def test_doctor_on_a_machine_with_no_key(home: Path, empty_softhsm: dict[str, str]) -> None:
    done = run(home, "doctor", "--json", "--site", "practice", "--timeout", "20", env=empty_softhsm)
    assert done.returncode == 3, done.stderr  # no key: a check failed
    results = {check["id"]: check for check in json.loads(done.stdout)["checks"]}
    assert set(results) == set(CHECKS)
    assert results["key.detected"]["status"] == "fail" and "未检测到 Ukey" in results["key.detected"]["detail"]
    assert results["cert.validity"]["status"] == "skip"
    assert results["net.renewal_site"]["status"] == "ok"  # the reference site stands in for the real one
    assert all(check["faq"] and check["detail"] for check in results.values())


def test_doctor_for_practice_with_the_practice_key_ready(home: Path, empty_softhsm: dict[str, str]) -> None:
    """Practising needs no red key: its absence is noted, not a failure, once the practice key is ready."""
    assert run(home, "practice", "reset").returncode == 0
    done = run(home, "doctor", "--json", "--site", "practice", "--timeout", "20", env=empty_softhsm)
    results = {check["id"]: check for check in json.loads(done.stdout)["checks"]}
    assert results["practice.ready"]["status"] == "ok"
    assert results["key.detected"]["status"] == "warn" and "练习" in results["key.detected"]["detail"], results
    real = run(home, "doctor", "--json", "--no-network", env=empty_softhsm)  # for the real site it still fails
    assert {check["id"]: check for check in json.loads(real.stdout)["checks"]}["key.detected"]["status"] == "fail"


def test_doctor_without_network(home: Path, empty_softhsm: dict[str, str]) -> None:
    done = run(home, "doctor", "--json", "--no-network", env=empty_softhsm)
    assert done.returncode == 3
    results = {check["id"]: check for check in json.loads(done.stdout)["checks"]}
    assert results["net.renewal_site"]["status"] == "skip" and results["net.login_site"]["status"] == "skip"
    text = run(home, "doctor", "--no-network", env=empty_softhsm)
    assert "[跳过] net.renewal_site" in text.stdout and "Traceback" not in text.stderr


def test_troubleshoot_query_and_error(home: Path) -> None:
    done = run(home, "troubleshoot", "--query", "ukey插上去电脑没反应", "--json")
    results = json.loads(done.stdout)["results"]
    assert results[0]["section"] == "3.3" and results[0]["score"] > results[-1]["score"]
    assert set(results[0]) == {"id", "section", "title", "score"}
    site = json.loads(run(home, "troubleshoot", "--error", "您的证书非本系统用户，不能登录当前系统", "--json").stdout)
    assert site["results"][0]["section"] == "3.10 报错提示 5"
    ours = json.loads(run(home, "troubleshoot", "--error", "pin.locked", "--json").stdout)
    assert ours["results"][0]["id"] == "3.6"
    assert run(home, "troubleshoot").returncode == 2
    plain = run(home, "troubleshoot", "ukey插上去电脑没反应", "--json")  # words alone mean --query
    assert plain.returncode == 0, plain.stderr
    assert json.loads(plain.stdout)["results"] == results
    assert run(home, "troubleshoot", "没反应", "--show", "3.3").returncode == 2


def test_troubleshoot_text_names_entries_without_scores(home: Path) -> None:
    done = run(home, "troubleshoot", "--query", "ukey插上去电脑没反应")
    assert done.returncode == 0, done.stderr
    first = done.stdout.splitlines()[0]
    assert first == "指南 3.3：BJCA 证书助手打开后未显示证书信息（--show 3.3）"
    assert not re.search(r"\d\.\d{2}", done.stdout.replace("--show 3.", "")), "a raw score is shown"


@pytest.mark.parametrize("query", ["打印机坏了", "今天天气怎么样"])
def test_troubleshoot_says_when_nothing_matches(home: Path, query: str) -> None:
    """No forced best guess: the guide 3.12 contacts instead."""
    done = run(home, "troubleshoot", "--query", query)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("没有找到相符的问题")
    for contact in ("朱岩", "17744432537", "宗达", "19910781629", "17812246216", "17812248649"):  # guide 3.12
        assert contact in done.stdout
    data = json.loads(run(home, "troubleshoot", "--query", query, "--json").stdout)
    assert data["results"] == [] and data["contacts"]["ukey_support"][0]["name"] == "朱岩"


def test_troubleshoot_shows_an_entry(home: Path) -> None:
    done = run(home, "troubleshoot", "--show", "3.3")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "指南 3.3：BJCA 证书助手打开后未显示证书信息"
    # guide 3.3's six steps in its order, numbered as the guide numbers them (once each, checks then questions)
    heads = [line[0] for line in lines if line and line[0] in "①②③④⑤⑥"]
    assert heads == ["①", "①", "①", "②", "②", "③", "③", "④", "④", "⑤", "⑥", "⑥"]
    assert "② 自动检查（key.detected）：请将 Ukey 插入别的 USB 接口，并重新打开证书助手验证。" in lines
    assert "   正常 → ✓；有问题 → ③；无法检查 → ②" in lines and "   是 → ✓；否 → ③" in lines
    assert "⑥ 见指南 3.7：Ukey 丢失或损坏（--show 3.7）" in lines
    english = run(home, "--lang", "en", "troubleshoot", "--show", "3.3").stdout.splitlines()
    assert english[0] == "Guide 3.3: The BJCA certificate assistant shows no certificate"
    assert "③ Q: After the restart, does the certificate show?" in english
    entry = json.loads(run(home, "troubleshoot", "--show", "3.9-2", "--json").stdout)["entry"]
    assert (entry["id"], entry["section"], entry["title"]) == ("3.9-2", "3.9 情况 2", "延期后登录提示证书无效")
    assert entry["nodes"][0]["mark"] == "A" and "15 分钟" in entry["nodes"][0]["text"]


def test_troubleshoot_refuses_an_unknown_entry(home: Path) -> None:
    done = run(home, "troubleshoot", "--show", "3.11", "--json")  # the guide has no 3.11
    assert done.returncode == 2
    error = json.loads(done.stdout)["error"]
    assert error["id"] == "faq.unknown_entry" and "3.11" in error["message"]
    assert {"1.2", "3.3", "3.9-5", "3.10-7", "3.12"} <= set(error["valid_ids"]) and "3.11" not in error["valid_ids"]
    text = run(home, "troubleshoot", "--show", "3.11")
    assert text.returncode == 2 and "可用的编号：1.1 1.2 1.3 2.1" in text.stderr and "Traceback" not in text.stderr


def test_troubleshoot_help_is_chinese(home: Path) -> None:
    done = run(home, "troubleshoot", "--help")
    for option in ("--json", "--query", "--error", "--show"):
        line = next(line for line in done.stdout.splitlines() if line.strip().startswith(option))
        helped = re.split(r"\s{2,}", line.split(option, 1)[1].strip(), maxsplit=1)[-1]  # after the metavar
        assert re.match(r"[\u4e00-\u9fff]{2}", helped), line


def test_letter_docx(home: Path, tmp_path: Path) -> None:
    """Read back by python-docx, as Word would: every item of guide 3.7, the
    title centred and bold, the signature block right-aligned, markup
    characters kept as text."""
    form = tmp_path / "form.json"
    form.write_text(json.dumps({**FORM, "receiver_address": "某某路 1 号 <A&B 座>"}, ensure_ascii=False), "utf-8")
    out = tmp_path / "letter.docx"
    done = run(home, "letter", "--in", str(form), "--out", str(out))
    assert done.returncode == 0, done.stderr
    paragraphs = Document(str(out)).paragraphs
    text = "\n".join(p.text for p in paragraphs)
    for item in ("某某市某某区人民检察院", "371724", "信访 Ukey", "已损坏", "王五", "13912345678",
                 "某某路 1 号 <A&B 座>", "盖章", "2026年11月24日", "检察技术信息研究中心"):  # fmt: skip
        assert item in text, item
    title, signed = paragraphs[0], next(p for p in paragraphs if p.text == "（盖章）")
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER and title.runs[0].bold
    assert signed.alignment == WD_ALIGN_PARAGRAPH.RIGHT and not signed.runs[0].bold


def test_letter_for_a_key_expired_over_30_days(home: Path, tmp_path: Path) -> None:
    """Neither damaged nor lost (guide 1.3 note 2): the letter says the certificate is out of date
    and sends the intact key back the damaged key's way (guide 3.7)."""
    form = tmp_path / "form.json"
    expired = {**FORM, "situation": "过期", "description": "证书到期后超过 30 天未延期。"}
    form.write_text(json.dumps(expired, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "letter.docx"
    done = run(home, "letter", "--in", str(form), "--out", str(out))
    assert done.returncode == 0, done.stderr
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "（过期）" in text and "过期超过 30 天" in text and "指南 1.3 注 2" in text
    assert "检察技术信息研究中心" in text and "随函寄回" in text and "损坏" not in text


def test_letter_pdf_renders(home: Path, tmp_path: Path) -> None:
    if not shutil.which("pdftoppm"):
        rig_missing("poppler-utils (pdftoppm)")
    form = tmp_path / "form.json"
    form.write_text(json.dumps({**FORM, "situation": "lost"}, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "letter.pdf"
    done = run(home, "letter", "--in", str(form), "--out", str(out), env={"QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(out), str(tmp_path / "page")], check=True)
    (png,) = tmp_path.glob("page*.png")
    image = QImage(str(png))
    dark = sum(
        1
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
        if QImage.pixelColor(image, x, y).lightness() < 128
    )
    assert dark > 200, "the page looks empty"


@pytest.mark.parametrize(
    ("change", "problem"),
    [({"org_code": "37172"}, "组织机构代码"), ({"key_type": "技术"}, "Ukey 类型"), ({"receiver_phone": "12"}, "电话")],
)
def test_letter_refuses_bad_forms(home: Path, tmp_path: Path, change: dict[str, str], problem: str) -> None:
    form = tmp_path / "form.json"
    form.write_text(json.dumps({**FORM, **change}, ensure_ascii=False), encoding="utf-8")
    done = run(home, "letter", "--in", str(form), "--out", str(tmp_path / "x.docx"), "--json")
    assert done.returncode == 2
    error = json.loads(done.stdout)["error"]
    assert error["id"] == "letter.invalid" and problem in error["message"] and error["faq"] == "3.7"


def test_org_code_helpers() -> None:
    assert org_code_from_case_number("成检刑诉受[2023]371724000xxx号") == "371724"  # guide 3.7 note 2 ③
    assert org_code_from_case_number("没有案号") is None
    LetterForm.from_dict(FORM).check()


def test_troubleshoot_reads_a_pasted_error_code(home: Path) -> None:
    """BJCA's codes, hex or decimal, anywhere in what was pasted (resources/bjca_errors.toml)."""
    data = json.loads(run(home, "troubleshoot", "--error", "SOF_Login 失败，错误码 167772197", "--json").stdout)
    first = data["results"][0]
    assert first["id"] == "3.6" and first["pasted"]["text"] == "0x0A000025 PIN被锁死"
    assert "3.6" in first["pasted"]["note"]
    done = run(home, "troubleshoot", "--error", "0x0B00003A 删除旧容器之获取最旧容器失败！")
    assert done.returncode == 0, done.stderr
    assert "指南中没有对应的处理办法" in done.stdout and "指南 3.12" in done.stdout and "朱岩" in done.stdout


def test_troubleshoot_asks_what_happened_to_the_key(home: Path) -> None:
    data = json.loads(run(home, "troubleshoot", "我的ukey有问题", "--json").stdout)
    assert data["results"] == [] and [c["id"] for c in data["choices"]][:3] == ["3.3", "3.6", "3.7"]
    done = run(home, "troubleshoot", "ukey")
    assert done.stdout.startswith("Ukey 出了什么情况") and "--show 3.6" in done.stdout


def test_troubleshoot_answers_in_english(home: Path) -> None:
    """--lang en: entries, choices and the no-match answer in English; the search reads either language."""
    found = run(home, "--lang", "en", "troubleshoot", "证书助手里没有证书").stdout.splitlines()
    assert found[0] == "Guide 3.3: The BJCA certificate assistant shows no certificate (--show 3.3)"
    choices = run(home, "--lang", "en", "troubleshoot", "ukey").stdout
    assert choices.startswith("What happened to the Ukey?") and "  it is lost or broken: Guide 3.7: " in choices
    nothing = run(home, "--lang", "en", "troubleshoot", "how do I book a meeting room").stdout
    assert (
        nothing.startswith("No matching problem found.") and "Ukey support: Zhu Yan (朱岩) 17744432537 (QQ " in nothing
    )
