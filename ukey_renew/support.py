"""The support summary: what IT staff need to help from afar, as plain text.

Shown by the wizard's "复制支持信息" on every page and by
``ukey-renew status --support``. It names the program, the machine, the key
and its certificate and where the user is; phone and ID numbers are
masked, and the holder's name is never in it.
"""

from __future__ import annotations

import platform
from datetime import datetime
from typing import Any

from ukey_renew import __version__, winver
from ukey_renew.log import mask


def support_summary(
    status: dict[str, Any],
    now: datetime,
    *,
    step: str | None = None,
    last_error: str | None = None,
    faq_path: str = "",
) -> str:
    lines = [
        f"ukey-renew {__version__}",
        f"系统：{winver.system_name()} ({platform.machine()})，Python {platform.python_version()}",
        f"时间：{now.isoformat(timespec='seconds')}",
        f"当前步骤：{step or '—'}",
        f"最近错误：{last_error or '无'}",
    ]
    if faq_path:
        lines.append(f"问题排查：{faq_path}")
    if not status.get("tokens"):
        lines.append("Ukey：未检测到")
    for token in status.get("tokens", []):
        pin = token["pin"]
        pin_text = (
            "已锁定" if pin["locked"] else f"剩余 {pin['retries_left']}" if pin["retries_left"] is not None else "正常"
        )
        lines.append(f"Ukey：{token['model']}，序列号 {token['serial']}，{token['backend']}，密码 {pin_text}")
        for cert in token.get("certificates", []):
            if "error" in cert:
                lines.append(f"  证书 {cert['id']}：无法读取（{cert['error']['id']}）")
                continue
            lines.append(
                f"  证书 {cert['subject_cn']}，组织机构代码 {cert['org_code'] or '—'}，"
                f"有效期 {cert['not_before'][:10]} 至 {cert['not_after'][:10]}，剩余 {cert['days_left']} 天，"
                f"延期：{cert['renewal']['reason']}"
            )
    for reader in status.get("readers", []):
        lines.append(f"读卡器：{reader['reader']}（{'有卡' if reader['card_present'] else '无卡'}）")
    for problem in status.get("problems", []):
        lines.append(f"提示：{problem['backend']} {problem['id']}")
    return mask("\n".join(lines))
