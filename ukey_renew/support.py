"""The support summary: what IT staff need to help from afar, as plain text.

Shown by the wizard's "复制支持信息" on every page, by
``ukey-renew status --support`` and in the support bundle. It names the
program, the machine, the key and its certificate, the last renewal (its
order number is what the site's staff look up), the automatic checks and
where the user is, all in Chinese: it is read by people, and pasted into
chats. Stable ids stay in the JSON outputs. Phone and ID numbers are masked,
and the holder's name is never in it.
"""

from __future__ import annotations

import platform
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ukey_renew import __version__, winver
from ukey_renew.dates import beijing_time
from ukey_renew.log import mask
from ukey_renew.status import backend_title, pin_words, unfinished_text
from ukey_renew.token.registry import TITLES

if TYPE_CHECKING:
    from ukey_renew.renewal.records import RenewalRecord
    from ukey_renew.troubleshoot.checks import CheckResult

CHECK_MARKS = {"ok": "正常", "warn": "注意", "fail": "问题", "skip": "跳过"}


def support_summary(
    status: dict[str, Any],
    now: datetime,
    *,
    step: str | None = None,
    last_error: str | None = None,
    faq_path: str = "",
    last_renewal: RenewalRecord | None = None,
    checks: Sequence[CheckResult] | None = None,
) -> str:
    """``last_error``: the error's id, said as the guide's question it belongs to."""
    lines = [
        f"ukey-renew {__version__}",
        f"系统：{winver.system_name()} ({platform.machine()})，Python {platform.python_version()}",
        f"时间：{beijing_time(now)}（北京时间）",
        f"当前步骤：{step or '—'}",
        f"最近错误：{_error_text(last_error) if last_error else '无'}",
    ]
    if faq_path:
        lines.append(f"问题排查：{faq_path}")
    if not status.get("tokens"):
        lines.append("Ukey：未检测到")
    for token in status.get("tokens", []):
        backend, pin = backend_title(token["backend"]), pin_words(token["pin"])
        lines.append(f"Ukey：{token['model']}，序列号 {token['serial']}，{backend}，密码 {pin}")
        lines.extend(_cert_line(cert) for cert in token.get("certificates", []))
    for reader in status.get("readers", []):
        lines.append(f"读卡器：{reader['reader']}（{'有卡' if reader['card_present'] else '无卡'}）")
    for problem in status.get("problems", []):
        backend = TITLES.get(problem["backend"], "")
        lines.append(f"提示：{backend + '：' if backend else ''}{problem['message']}（指南 {problem['faq']}）")
    lines.extend(unfinished_text(entry) for entry in status.get("unfinished", []))
    lines.append(_renewal_text(last_renewal))
    if checks is not None:
        lines.extend(_checks_text(checks))
    return mask("\n".join(lines))


def _cert_line(cert: dict[str, Any]) -> str:
    if "error" in cert:
        return f"  证书 {cert['id']}：无法读取（{cert['error']['message']}）"
    renewal = cert["renewal"]
    return (
        f"  证书 {cert['subject_cn']}，组织机构代码 {cert['org_code'] or '—'}，"
        f"有效期 {cert['not_before'][:10]} 至 {cert['not_after'][:10]}，剩余 {cert['days_left']} 天，"
        f"延期：{'可以' if renewal['eligible'] else '不可以'}（{renewal['message']}）"
    )


def _renewal_text(record: RenewalRecord | None) -> str:
    if record is None:
        return "最近一次延期：本机没有记录"
    return (
        f"最近一次延期：{record.finished_at[:10]}，订单号 {record.order_no}，Ukey 序列号 {record.token_serial}，"
        f"{record.unit_name or '—'}（组织机构代码 {record.org_code or '—'}），"
        f"有效期 {record.old_not_after[:10]} → {record.new_not_after[:10]}，持有人手机 {record.holder_mobile}"
    )


def _checks_text(checks: Sequence[CheckResult]) -> list[str]:
    counts = "，".join(
        f"{mark} {n} 项" for status, mark in CHECK_MARKS.items() if (n := sum(c.status == status for c in checks))
    )
    lines = [f"自动检查：{counts or '没有运行'}"]
    lines += [f"  [{CHECK_MARKS[c.status]}] {c.detail}（指南 {c.faq}）" for c in checks if c.status in ("warn", "fail")]
    return lines


def _error_text(error_id: str) -> str:
    from ukey_renew.troubleshoot.faq import load_faq

    entry = load_faq().by_error(error_id)
    return f"{entry.title}（指南 {entry.label}）" if entry else "未归类的错误（详见日志）"
