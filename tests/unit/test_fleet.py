"""The campaign sheet: receipts, support bundles and records exports read, the latest per key, skips said."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from dataclasses import asdict, replace
from datetime import date
from pathlib import Path

from tests.unit.test_receipt import RECORD
from tests.unit.test_remind import KEY
from ukey_renew import fleet
from ukey_renew.fleet_html import chart, to_html
from ukey_renew.log import mask_name
from ukey_renew.receipt import receipt_for

TODAY = date(2026, 12, 7)


def _receipt(path: Path, **changes: str) -> Path:
    path.write_text(json.dumps(receipt_for(replace(RECORD, **changes), "案管").to_dict(), ensure_ascii=False), "utf-8")
    return path


def test_a_receipt_gives_its_row_with_the_holder_masked(tmp_path: Path) -> None:
    sheet = fleet.read([_receipt(tmp_path / "r.json")], TODAY)
    (row,) = sheet.rows
    assert (row["unit"], row["org_code"], row["serial"], row["order_no"]) == ("某某市人民检察院", "371724", "BJ0001",
                                                                              "20261125-000040")  # fmt: skip
    assert (row["old_not_after"], row["not_before"], row["not_after"], row["renewed_on"]) == (
        "2026-12-15", "2026-11-25", "2031-12-15", "2026-11-25",
    )  # fmt: skip
    assert row["key_type"] == "案管 Ukey，红色 Ukey（BJCA）" and row["state"] == "ok"
    assert row["holder"] == "张*，138****8000"
    shown = {k: v for k, v in row.items() if k != "source"}  # the path runs through C:\users\张三 on Windows
    assert "张三" not in json.dumps(shown, ensure_ascii=False)


def test_two_files_for_one_key_keep_the_later(tmp_path: Path) -> None:
    later = _receipt(tmp_path / "a.json", new_not_after="2032-01-01T00:00:00+00:00", order_no="LATER")
    earlier = _receipt(tmp_path / "b.json", new_not_after="2027-01-01T00:00:00+00:00", order_no="EARLIER")
    for order in ([later, earlier], [earlier, later]):
        (row,) = fleet.read(order, TODAY).rows
        assert row["order_no"] == "LATER" and row["source"] == str(later)


def test_the_most_urgent_first_and_counted(tmp_path: Path) -> None:
    files = [
        _receipt(tmp_path / f"{serial}.json", token_serial=serial, new_not_after=until)
        for serial, until in (("OK", "2031-01-01T00:00:00+00:00"), ("GONE", "2026-10-01T00:00:00+00:00"),
                              ("DUE", "2026-12-20T00:00:00+00:00"), ("LAPSED", "2026-12-01T00:00:00+00:00"))
    ]  # fmt: skip
    sheet = fleet.read(files, TODAY)
    assert [(row["serial"], row["state"]) for row in sheet.rows] == [
        ("GONE", "replace"), ("LAPSED", "expired"), ("DUE", "due"), ("OK", "ok"),
    ]  # fmt: skip
    assert sheet.counts() == {"ok": 1, "soon": 0, "due": 1, "expired": 1, "replace": 1}


def _bundle(path: Path, members: dict[str, object]) -> Path:
    with zipfile.ZipFile(path, "w") as bundle:
        for name, value in members.items():
            bundle.writestr(name, json.dumps(value, ensure_ascii=False))
    return path


def test_a_support_bundle_gives_its_renewals_and_keys(tmp_path: Path) -> None:
    """The bundle's records hide the holder's name (bundle.py); a key never renewed still shows."""
    renewed = {**asdict(RECORD), "holder_name": "（已隐去）", "holder_mobile": "138****8000"}
    path = _bundle(tmp_path / "b.zip", {"records.json": [renewed], "keys.json": [asdict(KEY)], "support.txt": "x"})
    rows = {row["serial"]: row for row in fleet.read([path], TODAY).rows}
    assert rows["BJ0001"]["holder"] == "（已隐去），138****8000" and rows["BJ0001"]["not_after"] == "2031-12-15"
    assert rows["KEY-A"]["not_after"] == "2027-01-31" and rows["KEY-A"]["state"] == "soon"


def test_files_that_are_not_ours_are_skipped_with_the_reason(tmp_path: Path) -> None:
    good = _receipt(tmp_path / "good.json")
    (tmp_path / "cut.zip").write_bytes(_bundle(tmp_path / "whole.zip", {"records.json": []}).read_bytes()[:40])
    (tmp_path / "whole.zip").unlink()
    _bundle(tmp_path / "other.zip", {"photo.json": {}})
    (tmp_path / "notes.txt").write_text("随便写的", "utf-8")
    (tmp_path / "half.json").write_text('{"unit_name": "某', "utf-8")
    (tmp_path / "other.json").write_text('{"name": "not a receipt"}', "utf-8")
    (tmp_path / "sheet.csv").write_text("a,b\n1,2\n", "utf-8")
    (tmp_path / "bad-date.json").write_text(json.dumps({**json.loads(good.read_text("utf-8")), "new_validity": "?"}))
    sheet = fleet.read([tmp_path, tmp_path / "missing.json"], TODAY)
    assert [row["serial"] for row in sheet.rows] == ["BJ0001"]
    reasons = {Path(entry["path"]).name: entry["reason"] for entry in sheet.skipped}
    assert reasons == {
        "bad-date.json": "延期回执中的有效期无法识别",
        "cut.zip": "zip 文件已损坏或不完整（可能只传了一部分）",
        "half.json": "不是 JSON 文件（可能已损坏或只传了一部分）",
        "missing.json": "找不到这个文件或文件夹",
        "notes.txt": "不是延期回执（.json）、支持信息包（.zip）或延期记录导出（.csv、.json）",
        "other.json": "JSON 文件不是延期回执，也不是延期记录导出",
        "other.zip": "zip 文件不是 ukey-renew 的支持信息包（没有 records.json）",
        "sheet.csv": "CSV 文件的表头不是延期记录导出的表头",
    }


def test_a_records_export_reads_back_as_csv_and_json(tmp_path: Path) -> None:
    rows = fleet.judged(fleet.local_rows([KEY], [RECORD], "本机延期记录"), TODAY)
    assert [row["serial"] for row in rows] == ["KEY-A", "BJ0001"]
    (tmp_path / "e.csv").write_bytes(fleet.to_csv(rows))
    export = json.dumps({"format": fleet.EXPORT_FORMAT, "rows": rows}, ensure_ascii=False)
    (tmp_path / "e.json").write_text(export, encoding="utf-8")
    for name in ("e.csv", "e.json"):
        read = fleet.read([tmp_path / name], TODAY).rows
        assert [{**row, "source": ""} for row in read] == [{**row, "source": ""} for row in rows], name


def test_csv_opens_in_excel_with_chinese_intact() -> None:
    rows = fleet.judged(fleet.local_rows([], [RECORD], "x"), TODAY)
    data = fleet.to_csv(rows)
    assert data.startswith(b"\xef\xbb\xbf")
    (header, line) = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert header[:4] == ["单位", "组织机构代码", "Ukey 类型", "Ukey 序列号"]
    assert line[0] == "某某市人民检察院" and "正常" in line and "13800138000" not in data.decode("utf-8-sig")


def test_html_has_the_counts_the_chart_and_the_skips(tmp_path: Path) -> None:
    files = [_receipt(tmp_path / f"{n}.json", token_serial=f"K{n}", new_not_after=f"2027-0{n}-10T00:00:00+00:00")
             for n in (1, 1, 3)]  # fmt: skip
    (tmp_path / "x.txt").write_text("<script>", "utf-8")
    page = to_html(fleet.read([*files, tmp_path / "x.txt"], TODAY)).decode("utf-8")
    assert "<svg" in page and "<script" not in page and "&lt;script&gt;" not in page  # the file's content is not shown
    assert "2027-02" in page  # a month with no expiry keeps its place
    assert page.count("<rect") == 2 and "需要延期<b>0</b>" in page and "即将到期<b>1</b>" in page
    assert "x.txt" in page


def test_names_keep_only_the_surname() -> None:
    assert (mask_name("张三"), mask_name("欧阳娜娜"), mask_name(" 李 ")) == ("张*", "欧***", "李")


def test_the_chart_keeps_to_a_year_ahead_however_far_keys_run() -> None:
    """A renewed key runs five years: the months between are not drawn one by one, so the page prints."""
    rows = [
        {"not_after": "2031-12-08T00:00:00+08:00", "state": "ok"},
        {"not_after": "2031-06-01T00:00:00+08:00", "state": "ok"},
        {"not_after": "2026-12-20T00:00:00+08:00", "state": "due"},
        {"not_after": "2024-03-01T00:00:00+08:00", "state": "replace"},
    ]
    drawn = chart(rows, TODAY)
    labels = re.findall(r">(\d{4}-\d\d|更早|更晚)</text>", drawn)
    assert labels[0] == "更早" and labels[1:3] == ["2026-10", "2026-11"] and labels[-2:] == ["2027-12", "更晚"]
    assert len(labels) == 17 and "2031-12" not in drawn and ">2<" in drawn  # two keys in the later bar
    assert int(re.search(r'width="(\d+)"', drawn)[1]) < 700  # an A4 page's width at 96 dpi is 794 px
