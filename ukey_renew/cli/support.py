"""``support-bundle`` and ``receipt``: what the user sends to IT staff."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ukey_renew import paths
from ukey_renew.command import emit


def cmd_support_bundle(args: argparse.Namespace) -> int:
    from ukey_renew.session import Session

    session = Session(paths.data_dir(), practice_only=False)
    names = session.support_bundle(Path(args.out), site=args.site, network=not args.no_network, timeout=args.timeout)
    emit(
        args,
        {"written": args.out, "files": names},
        lambda d: f"支持信息包已保存：{d['written']}。请发给 Ukey 运维人员（指南 3.12）。",
    )
    return 0


def cmd_receipt(args: argparse.Namespace) -> int:
    from ukey_renew.receipt import save, save_text
    from ukey_renew.session import Session

    receipt = Session(paths.data_dir(), practice_only=False).last_receipt(args.serial, args.key_type)
    if args.out is None:
        emit(args, {"receipt": receipt.to_dict()}, lambda _: receipt.text())
        return 0
    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix in (".pdf", ".png"):  # Qt only for these, loaded only now
        from ukey_renew.gui import receipt_render

        (receipt_render.write_pdf if suffix == ".pdf" else receipt_render.write_png)(receipt, out)
    elif suffix == ".json":
        save(out, json.dumps(receipt.to_dict(), ensure_ascii=False, indent=2).encode("utf-8"))
    else:
        save_text(receipt, out)
    data = {"written": str(out), "receipt": receipt.to_dict()}
    emit(args, data, lambda d: f"延期回执已保存：{d['written']}（可发给 Ukey 运维人员）")
    return 0
