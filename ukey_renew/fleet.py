"""The campaign sheet: one row per key, from what clerks send IT staff.

In a renewal campaign IT staff collect receipts (``receipt --out F.json``),
support bundles (zip) and records exports (``records export``); this reads
them from files or folders, keeps the latest of each key serial (the later
validity, then the later renewal) and judges each key as the reminder does,
the most urgent first. A file that is none of these is listed as skipped with
the reason, never read half-way. Holders appear masked: the sheet is mailed
round the unit.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, fields
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ukey_renew.dates import CHINA_TIME
from ukey_renew.log import mask, mask_name
from ukey_renew.remind import STATES, TITLES, state_for
from ukey_renew.renewal.records import KnownKey, RenewalRecord, key_kind

EXPORT_FORMAT = "ukey-renew-records"  # what a records export says it is, in JSON
MAX_INPUT = 32 << 20  # a receipt is 1 KB, a bundle a few MB: anything far larger is not one
_GUIDE_DAY = re.compile(r"(\d{4})年(\d{2})月(\d{2})日")
_RECEIPT_FIELDS = {"unit_name", "org_code", "key_type", "token_serial", "old_validity", "new_validity", "order_no"}


@dataclass(frozen=True)
class Row:
    """One key; dates are Beijing days (YYYY-MM-DD), "" where the source does not say."""

    unit: str
    org_code: str
    key_type: str
    serial: str
    holder: str  # masked
    old_not_before: str
    old_not_after: str
    not_before: str
    not_after: str
    renewed_on: str
    order_no: str
    source: str

    def judged(self, today: date) -> dict[str, Any]:
        days = (date.fromisoformat(self.not_after) - today).days
        return {**asdict(self), "days_left": days, "state": state_for(days)}


HEADERS = {
    "unit": "单位",
    "org_code": "组织机构代码",
    "key_type": "Ukey 类型",
    "serial": "Ukey 序列号",
    "holder": "持有人",
    "old_not_before": "原有效期起",
    "old_not_after": "原有效期至",
    "not_before": "有效期起",
    "not_after": "有效期至",
    "renewed_on": "最近延期",
    "order_no": "订单号",
    "state": "状态",
    "days_left": "剩余天数",
    "source": "来源文件",
}
_ROW_FIELDS = [f.name for f in fields(Row)]


class NotOurs(ValueError):
    """A file that is not a receipt, a bundle or an export: why, in the user's words."""


@dataclass
class Sheet:
    today: date
    rows: list[dict[str, Any]]  # judged, the most urgent first
    skipped: list[dict[str, str]]  # path and reason

    def counts(self) -> dict[str, int]:
        return {state: sum(row["state"] == state for row in self.rows) for state in STATES}

    def to_dict(self) -> dict[str, Any]:
        return {"today": self.today.isoformat(), "counts": self.counts(), "rows": self.rows, "skipped": self.skipped}


def beijing_day(iso: str) -> str:
    return datetime.fromisoformat(iso).astimezone(CHINA_TIME).date().isoformat()


def holder(name: str, mobile: str) -> str:
    """The holder as the sheet shows it: the surname, the mobile masked; names hidden upstream stay hidden."""
    name = mask_name(name) if name and not name.startswith("（") else name
    return "，".join(part for part in (name, mask(mobile)) if part)


# --- the local records -------------------------------------------------------


def local_rows(keys: Iterable[KnownKey], renewals: Iterable[RenewalRecord], source: str) -> list[Row]:
    """This computer's keys and renewals, one row per key (``records export``)."""
    rows = [_from_record(asdict(record), source) for record in renewals]
    rows += [_from_key(key, source) for key in keys]
    return latest(rows)


def _from_key(key: KnownKey, source: str) -> Row:
    return Row(
        unit=key.unit_name or "", org_code=key.org_code or "", key_type=key_kind(key.backend), serial=key.token_serial,
        holder="", old_not_before="", old_not_after="", not_before=beijing_day(key.not_before),
        not_after=beijing_day(key.not_after), renewed_on="", order_no="", source=source,
    )  # fmt: skip


def _from_record(record: dict[str, Any], source: str) -> Row:
    """A renewal as the records hold it, or as a support bundle's records.json lists it."""
    try:
        return Row(
            unit=record["unit_name"] or "", org_code=record["org_code"] or "", key_type=key_kind(record["site"]),
            serial=str(record["token_serial"]), holder=holder(record["holder_name"], record["holder_mobile"]),
            old_not_before=beijing_day(record["old_not_before"]), old_not_after=beijing_day(record["old_not_after"]),
            not_before=beijing_day(record["new_not_before"]), not_after=beijing_day(record["new_not_after"]),
            renewed_on=beijing_day(record["finished_at"]), order_no=str(record["order_no"]), source=source,
        )  # fmt: skip
    except (KeyError, TypeError, ValueError) as exc:
        raise NotOurs(f"延期记录不完整或格式不对（{type(exc).__name__}）") from None


def latest(rows: Iterable[Row]) -> list[Row]:
    """The latest of each key: the later validity, then the later renewal (a row with both wins over the key alone)."""
    kept: dict[str, Row] = {}
    for row in rows:
        held = kept.get(row.serial)
        if held is None or (row.not_after, row.renewed_on) > (held.not_after, held.renewed_on):
            kept[row.serial] = row
    return list(kept.values())


# --- reading what was sent ---------------------------------------------------------


def read(paths: Iterable[Path], today: date) -> Sheet:
    rows: list[Row] = []
    skipped: list[dict[str, str]] = []
    for path in _files(paths, skipped):
        try:
            rows.extend(_read_file(path))
        except NotOurs as why:
            skipped.append({"path": str(path), "reason": str(why)})
    return Sheet(today, judged(latest(rows), today), skipped)


def judged(rows: Iterable[Row], today: date) -> list[dict[str, Any]]:
    """Each row with its days left and state, the most urgent first."""
    found = [row.judged(today) for row in rows]
    return sorted(found, key=lambda row: (row["days_left"], row["serial"]))


def _files(paths: Iterable[Path], skipped: list[dict[str, str]]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(found for found in path.rglob("*") if found.is_file())
        elif path.is_file():
            yield path
        else:
            skipped.append({"path": str(path), "reason": "找不到这个文件或文件夹"})


def _read_file(path: Path) -> list[Row]:
    suffix = path.suffix.lower()
    if suffix not in (".json", ".zip", ".csv"):
        raise NotOurs("不是延期回执（.json）、支持信息包（.zip）或延期记录导出（.csv、.json）")
    try:
        if path.stat().st_size > MAX_INPUT:
            raise NotOurs("文件过大，不是回执、支持信息包或延期记录导出")
        data = path.read_bytes()
    except OSError as exc:
        raise NotOurs(f"无法读取（{type(exc).__name__}）") from None
    if suffix == ".zip":
        return _bundle(data, str(path))
    if suffix == ".csv":
        return _csv(data, str(path))
    return _json(_parse_json(data), str(path))


def _parse_json(data: bytes) -> Any:
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise NotOurs("不是 JSON 文件（可能已损坏或只传了一部分）") from None


def _json(value: Any, source: str) -> list[Row]:
    if isinstance(value, dict) and value.get("format") == EXPORT_FORMAT:
        return [_exported(entry, source) for entry in value.get("rows") or []]
    if isinstance(value, dict) and _RECEIPT_FIELDS <= value.keys():
        return [_receipt(value, source)]
    raise NotOurs("JSON 文件不是延期回执，也不是延期记录导出")


def _receipt(receipt: dict[str, Any], source: str) -> Row:
    """A receipt as ``receipt --out F.json`` writes it: its dates are guide dates, 2023年07月18日 至 2028年07月17日."""
    old, new = _days(receipt["old_validity"]), _days(receipt["new_validity"])
    renewed = _days(receipt.get("renewed_on", ""))
    if len(old) != 2 or len(new) != 2:
        raise NotOurs("延期回执中的有效期无法识别")
    return Row(
        unit=_text(receipt["unit_name"]), org_code=_text(receipt["org_code"]), key_type=_text(receipt["key_type"]),
        serial=str(receipt["token_serial"]),
        holder=holder(str(receipt.get("holder_name") or ""), str(receipt.get("holder_mobile") or "")),
        old_not_before=old[0], old_not_after=old[1], not_before=new[0], not_after=new[1],
        renewed_on=renewed[0] if renewed else "", order_no=str(receipt["order_no"]), source=source,
    )  # fmt: skip


def _days(text: Any) -> list[str]:
    try:
        return [date(int(y), int(m), int(d)).isoformat() for y, m, d in _GUIDE_DAY.findall(str(text))]
    except ValueError:
        raise NotOurs("日期无法识别") from None


def _text(value: Any) -> str:
    """The receipt's "—" for what the record did not know is left empty on the sheet."""
    return "" if value in (None, "—") else str(value)


def _exported(entry: Any, source: str) -> Row:
    if not isinstance(entry, dict) or not set(_ROW_FIELDS) - {"source"} <= entry.keys():
        raise NotOurs("延期记录导出中有一行不完整")
    row = Row(**{name: str(entry.get(name) or "") for name in _ROW_FIELDS})
    return _checked(Row(**{**asdict(row), "source": source}))


def _checked(row: Row) -> Row:
    try:
        date.fromisoformat(row.not_after)
    except ValueError:
        raise NotOurs(f"Ukey {row.serial} 的有效期无法识别") from None
    return row


def _csv(data: bytes, source: str) -> list[Row]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotOurs("CSV 文件不是 UTF-8 编码，不是本程序导出的") from None
    reader = csv.DictReader(io.StringIO(text))
    names = {title: name for name, title in HEADERS.items()}
    if not reader.fieldnames or not {HEADERS[name] for name in _ROW_FIELDS} <= set(reader.fieldnames):
        raise NotOurs("CSV 文件的表头不是延期记录导出的表头")
    return [_exported({names[k]: v for k, v in line.items() if k in names}, source) for line in reader]


def _bundle(data: bytes, source: str) -> list[Row]:
    """A support bundle: its records.json (holders' names already left out), and its known keys when it has them."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as bundle:
            names = set(bundle.namelist())
            if "records.json" not in names:
                raise NotOurs("zip 文件不是 ukey-renew 的支持信息包（没有 records.json）")
            listed = {name: _member(bundle, name) for name in ("records.json", "keys.json") if name in names}
    except (zipfile.BadZipFile, EOFError, OSError):
        raise NotOurs("zip 文件已损坏或不完整（可能只传了一部分）") from None
    records = listed["records.json"]
    if not isinstance(records, list):
        raise NotOurs("支持信息包中的延期记录在发送的电脑上就无法读取")
    keys = listed.get("keys.json", [])
    rows = [_from_record(record, source) for record in records]
    try:
        rows += [_from_key(KnownKey(**key), source) for key in keys if isinstance(key, dict)]
    except (TypeError, ValueError):
        raise NotOurs("支持信息包中的 Ukey 列表格式不对") from None
    return latest(rows)


def _member(bundle: zipfile.ZipFile, name: str) -> Any:
    if bundle.getinfo(name).file_size > MAX_INPUT:
        raise NotOurs(f"支持信息包中的 {name} 过大")
    return _parse_json(bundle.read(name))


# --- writing the sheet -------------------------------------------------------------


def to_csv(rows: list[dict[str, Any]]) -> bytes:
    """UTF-8 with a BOM: Excel then opens it with the Chinese intact."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADERS.values())
    for row in rows:
        writer.writerow([TITLES[row["state"]] if name == "state" else row[name] for name in HEADERS])
    return out.getvalue().encode("utf-8-sig")


def text(sheet: Sheet) -> str:
    counts = "，".join(f"{TITLES[state]} {n}" for state, n in sheet.counts().items() if n)
    lines = [f"共 {len(sheet.rows)} 把 Ukey（{counts or '无'}），按紧急程度排列："]
    for row in sheet.rows:
        lines.append(
            f"[{TITLES[row['state']]}] {row['unit'] or '（单位未知）'} {row['org_code']} Ukey {row['serial']}："
            f"有效期至 {row['not_after']}（剩余 {row['days_left']} 天），来自 {row['source']}"
        )
    lines += [f"跳过 {entry['path']}：{entry['reason']}" for entry in sheet.skipped]
    return "\n".join(lines)
