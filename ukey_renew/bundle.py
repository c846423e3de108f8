"""The support bundle: one zip a clerk sends IT staff when a renewal goes wrong.

It holds what IT staff would otherwise ask for one by one: the support
summary, the automatic checks, the log, unfinished renewals, the renewal
records and the keys read here (``ukey-renew fleet`` reads both), with a
README saying what each file is. Nothing in it is secret: PINs and passwords
are never on disk to begin with; phone and ID-card numbers are masked in
every file and holders' names left out, because the zip is passed around by
chat and e-mail.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from ukey_renew import atomic
from ukey_renew.errors import RecordsUnavailable
from ukey_renew.log import mask
from ukey_renew.support import support_summary
from ukey_renew.troubleshoot.checks import CheckResult

NAME_LEFT_OUT = "（已隐去）"
LOG_NAMES = ("ukey-renew.log", "ukey-renew.log.1", "ukey-renew.log.2", "ukey-renew.log.3")
ABOUT = {
    "support.txt": "支持信息：程序版本、系统、Ukey 和证书、最近一次延期、自动检查结果（与“复制支持信息”相同）。",
    "doctor.json": "自动检查（ukey-renew doctor --json）的结果：每项的编号、结论、说明和指南章节。",
    "records.json": "本机延期记录：每次延期的时间、单位、Ukey 序列号、订单号和新旧有效期。",
    "keys.json": "本机读到过的 Ukey：序列号、单位、组织机构代码和证书有效期（运维汇总 ukey-renew fleet 用）。",
    "unlock-pending.json": "等待运维人员审批的解锁申请（指南 3.6）。",
}
ABOUT_JOURNAL = "未完成的延期进度（重新打开程序时从这里接着做）：已完成的步骤、订单号、新旧证书。"
ABOUT_LOG = "程序日志（最新的是 ukey-renew.log，.1 至 .3 依次更早）。"
PREFACE = (
    "Ukey 证书延期助手 支持信息包\n"
    "请把这个文件发给 Ukey 运维人员（指南 3.12）。\n"
    "其中没有 Ukey 密码：密码从不保存在电脑上。手机号、身份证号已遮盖（如 138****8000），持有人姓名已隐去。\n"
)


def write_bundle(
    out: Path,
    data_dir: Path,
    *,
    status: dict[str, Any],
    checks: list[CheckResult],
    now: datetime,
    step: str | None = None,
    last_error: str | None = None,
) -> list[str]:
    """The zip at ``out``, written whole or not at all; returns the names in it."""
    from ukey_renew.renewal.build import records as open_records

    try:
        store = open_records(data_dir)
        saved: Any = [_without_holder(asdict(record)) for record in store.all()]
        known: Any = [asdict(key) for key in store.known_keys()]
        last = store.last()
    except RecordsUnavailable as exc:  # the bundle is most wanted when things are broken
        saved, known, last = {"error": exc.as_dict()}, {"error": exc.as_dict()}, None
    summary = support_summary(status, now, step=step, last_error=last_error, last_renewal=last, checks=checks)
    files = {
        "support.txt": summary,
        "doctor.json": _json({"checks": [check.to_dict() for check in checks]}),
        "records.json": _json(saved),
        "keys.json": _json(known),
    }
    pending = data_dir / "unlock-pending.json"
    if pending.is_file():
        files["unlock-pending.json"] = pending.read_text(encoding="utf-8", errors="replace")
    for journal in sorted((data_dir / "journal").glob("*.json")):
        files[f"journal/{journal.name}"] = _journal(journal)
    for name in LOG_NAMES:
        log = data_dir / "logs" / name
        if log.is_file():
            files[f"logs/{name}"] = log.read_text(encoding="utf-8", errors="replace")
    files["README.txt"] = _readme(list(files))
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name, text in files.items():
            bundle.writestr(name, mask(text))
    atomic.write_output("支持信息包", out, package.getvalue())
    return list(files)


def _journal(path: Path) -> str:
    """The state as saved, holder left out; a file that is not JSON is said so, not copied."""
    try:
        state = atomic.read_json(path)
    except (OSError, ValueError) as exc:
        return _json({"error": f"无法读取：{type(exc).__name__}"})
    return _json(_without_holder(state) if isinstance(state, dict) else {"error": "不是延期进度"})


def _without_holder(entry: dict[str, Any]) -> dict[str, Any]:
    if entry.get("holder_name"):
        entry = {**entry, "holder_name": NAME_LEFT_OUT}
    return entry


def _readme(names: list[str]) -> str:
    lines = [PREFACE, "文件说明："]
    for name in names:
        about = ABOUT_JOURNAL if name.startswith("journal/") else ABOUT_LOG if name.startswith("logs/") else ABOUT[name]
        lines.append(f"  {name}：{about}")
    lines.append("  README.txt：本说明。")
    return "\n".join(lines) + "\n"


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
