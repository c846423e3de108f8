"""``cert``, ``status`` and ``practice reset``: what a certificate file or
the keys plugged in hold, in words or JSON."""

from __future__ import annotations

import argparse
from typing import Any

from ukey_renew import paths
from ukey_renew.cli.output import day, now
from ukey_renew.command import EXIT_ERROR, emit
from ukey_renew.errors import CertificateError, InputFileUnreadable

MAX_CERT_FILE = 1 << 20  # a certificate, even PEM with its chain, is a few KiB


def cert_text(cert: dict[str, Any], indent: str = "") -> str:
    if "error" in cert:
        return f"{indent}证书无法读取：{cert['error']['message']}"
    renewal = cert["renewal"]
    org = f"，组织机构代码 {cert['org_code']}" if cert["org_code"] else ""
    lines = [
        f"{indent}证书：{cert['subject_cn'] or '（无名称）'}{org}",
        f"{indent}  颁发者：{cert['issuer_cn'] or '（未知）'}，算法 {cert['key_algorithm']}，序列号 {cert['serial']}",
        f"{indent}  有效期：{day(cert['not_before'])} 至 {day(cert['not_after'])}（剩余 {cert['days_left']} 天）",
        f"{indent}  延期：{'可以' if renewal['eligible'] else '不可以'}。{renewal['message']}",
    ]
    return "\n".join(lines)


def cmd_cert(args: argparse.Namespace) -> int:
    from ukey_renew.certs import RenewalPolicy, load_certificate, not_a_login_certificate

    try:
        with open(args.file, "rb") as file:
            data = file.read(MAX_CERT_FILE + 1)  # a device or a huge file is not read whole
    except OSError as exc:
        raise InputFileUnreadable("证书文件", args.file, exc, "2.1") from None
    if len(data) > MAX_CERT_FILE:
        raise CertificateError(f"{args.file} 不是证书文件：证书只有几 KB，这个文件大得多。")
    info = load_certificate(data)
    fields = info.to_dict(now(), RenewalPolicy())
    if (why := not_a_login_certificate(info)) is not None:
        fields["renewal"] = {"eligible": False, "reason": "not_login_certificate", "message": why, "guide": "2.1"}
    emit(args, fields, cert_text)
    return 0


def status_text(status: dict[str, Any]) -> str:
    from ukey_renew.status import backend_title, beside_keys, of_practice_key, pin_words, unfinished_text

    lines = []
    problems = status["problems"]
    only_practice_said = bool(problems) and all(of_practice_key(problem) for problem in problems)
    if not status["tokens"] and not only_practice_said:  # the practice key's own problem says what to do
        lines.append("未检测到 Ukey。请插入红色 Ukey（指南 1.3）；已插入请换一个 USB 接口（指南 3.3 ②）。")
    for token in status["tokens"]:
        lines.append(
            f"Ukey：{token['label']}（{token['model']}，序列号 {token['serial']}，{backend_title(token['backend'])}）"
        )
        lines.append(f"  密码：{pin_words(token['pin'])}")
        if not token["certificates"]:
            lines.append("  Ukey 中没有证书（指南 3.3）。")
        lines.extend(cert_text(cert, "  ") for cert in token["certificates"])
    lines.extend(unfinished_text(entry) for entry in status.get("unfinished", []))
    for reader in status["readers"]:
        card = reader["card"] or ("未知卡片" if reader["card_present"] else "无卡")
        lines.append(f"读卡器：{reader['reader']}（{card}）")
    for problem in status["problems"]:
        # Readers matter to neither the practice key nor most real ones: no restart for a key already read.
        if beside_keys(problem) and status["tokens"]:
            lines.append(f"提示：读卡器无法检查（{problem['message'].rstrip('。')}），不影响已读到的 Ukey。")
            continue
        lines.append(f"提示（{backend_title(problem['backend'])}）：{problem['message']} {problem['next_step']}")
    return "\n".join(lines)


def cmd_status(args: argparse.Namespace) -> int:
    from ukey_renew.session import Session

    session = Session(paths.data_dir(), practice_only=False)
    status, failed = session.key_status(args.backend, pkcs11_module=args.pkcs11_module, xtxapp_url=args.xtxapp_url)
    if args.support:
        print(session.support_summary(status))
    else:
        emit(args, status, status_text)
    return EXIT_ERROR if failed else 0


def cmd_practice_reset(args: argparse.Namespace) -> int:
    from ukey_renew.session import Session

    data = Session(paths.data_dir(), practice_only=True).reset_practice(args.expires_in_days)
    if not args.json:
        print("练习 Ukey 已重置，密码为 111111（指南 2.2 ③）。")
    emit(args, data, status_text)
    return 0
