"""`ukey-renew letter` where the letter cannot be written:
exit 2 and a message saying so, never "written" for a file that is not there."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from tests.integration.test_cli import run
from tests.integration.test_troubleshoot_cli import FORM

QT_OFFSCREEN = {"QT_QPA_PLATFORM": "offscreen"}


def _form(tmp_path: Path) -> Path:
    form = tmp_path / "form.json"
    form.write_text(json.dumps(FORM, ensure_ascii=False), encoding="utf-8")
    return form


def _refused(home: Path, form: Path, out: Path, reason: str) -> None:
    done = run(home, "letter", "--in", str(form), "--out", str(out), "--json", env=QT_OFFSCREEN)
    assert done.returncode == 2, done.stdout + done.stderr
    error = json.loads(done.stdout)["error"]
    assert error["id"] == "letter.not_saved" and error["faq"] == "3.7"
    assert str(out) in error["message"] and reason in error["message"]
    assert not out.exists() and "Traceback" not in done.stderr


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_letter_into_a_folder_that_does_not_exist(home: Path, tmp_path: Path, suffix: str) -> None:
    _refused(home, _form(tmp_path), tmp_path / "no such folder" / f"申请函{suffix}", "文件夹不存在")


def test_the_user_is_told_in_words(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "missing" / "letter.pdf"
    done = run(home, "letter", "--in", str(_form(tmp_path)), "--out", str(out), env=QT_OFFSCREEN)
    assert done.returncode == 2 and "申请函已生成" not in done.stdout
    assert f"错误：申请函没有保存：{out}（文件夹不存在）" in done.stderr and "下一步：请换一个保存位置" in done.stderr


@pytest.mark.parametrize(
    "form",
    [[], 42, None, "text", {"procuratorate": ["a", "list"]}, {"procuratorate": "某某\x00检察院"}],
    ids=["list", "number", "null", "text", "a field a list", "a control character"],
)
def test_a_form_that_is_not_text_fields_is_refused(home: Path, tmp_path: Path, form: object) -> None:
    source = tmp_path / "form.json"
    source.write_text(json.dumps(form), encoding="utf-8")
    done = run(home, "letter", "--in", str(source), "--out", str(tmp_path / "letter.docx"), "--json")
    assert done.returncode == 2, done.stderr
    assert json.loads(done.stdout)["error"]["id"] == "letter.invalid"
    assert not (tmp_path / "letter.docx").exists() and "Traceback" not in done.stderr


def test_a_form_nested_thousands_deep_is_refused(home: Path, tmp_path: Path) -> None:
    """Deeper than Python's JSON reader goes: a form error, not an internal one."""
    source = tmp_path / "form.json"
    source.write_text('{"procuratorate": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    done = run(home, "letter", "--in", str(source), "--out", str(tmp_path / "letter.docx"), "--json")
    assert done.returncode == 2 and json.loads(done.stdout)["error"]["id"] == "letter.invalid", done.stderr
    assert not (tmp_path / "letter.docx").exists() and "Traceback" not in done.stderr


@pytest.mark.parametrize("day", ["2026-02-30", "2026-13-01", "2026-03-01T10:00", "2026-W10-1", "明天", "20260301"])
def test_a_letter_date_that_is_not_a_day_is_refused(home: Path, tmp_path: Path, day: str) -> None:
    """The date the letter is signed (guide 3.7) must be one on the calendar, written YYYY-MM-DD."""
    source = tmp_path / "form.json"
    source.write_text(json.dumps({**FORM, "date": day}, ensure_ascii=False), encoding="utf-8")
    done = run(home, "letter", "--in", str(source), "--out", str(tmp_path / "letter.docx"), "--json")
    assert done.returncode == 2, done.stdout + done.stderr
    error = json.loads(done.stdout)["error"]
    assert error["id"] == "letter.invalid" and "日期" in error["message"], error
    assert not (tmp_path / "letter.docx").exists()


def test_a_letter_date_on_the_calendar_is_printed(home: Path, tmp_path: Path) -> None:
    source = tmp_path / "form.json"
    source.write_text(json.dumps({**FORM, "date": "2028-02-29"}, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "letter.docx"
    assert run(home, "letter", "--in", str(source), "--out", str(out), "--json").returncode == 0
    assert "2028年2月29日" in zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")


def test_a_letter_is_never_written_over_the_programs_own_files(home: Path, tmp_path: Path) -> None:
    """The output rules of every file the user asks for: the practice key stays whole."""
    assert run(home, "practice", "reset").returncode == 0
    key = home / "practice-key.json"
    before = key.read_bytes()
    renamed = home / "practice-key.docx"
    key.rename(renamed)  # a name the letter accepts, in the data folder
    done = run(home, "letter", "--in", str(_form(tmp_path)), "--out", str(renamed), "--json")
    error = json.loads(done.stdout)["error"]
    assert done.returncode == 2 and error["id"] == "letter.not_saved", done.stdout + done.stderr
    assert "本程序自己的数据文件" in error["message"] and renamed.read_bytes() == before
