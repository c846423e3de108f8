"""``ukey-renew --self-test``: the installed program checks itself.

Meant for the bundled exe on a machine with no Python: IT staff (and CI) run
it to see that the resources are there and valid, that an SM2 certificate
parses, that a practice renewal works end to end against the built-in site
(a dry run: nothing is written to any key), and that the wizard renders.
Each part is tried on its own; the report says which failed and why.
"""

from __future__ import annotations

import tempfile
import time
import tomllib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from ukey_renew import __version__, paths
from ukey_renew.site import SITES


def _resources() -> str:
    root = paths.resources_dir()
    for name in ("tokens.toml", "contacts.toml", *(f"sites/{site}.toml" for site in SITES)):
        tomllib.loads((root / name).read_text(encoding="utf-8"))
    if not (root / "i18n" / "ukey_renew_en.qm").is_file():
        raise FileNotFoundError("i18n/ukey_renew_en.qm")
    return str(root)


def _faq() -> str:
    from ukey_renew.troubleshoot.faq import load_faq
    from ukey_renew.troubleshoot.search import Index

    faq = load_faq()
    best = Index(faq).search("插上ukey没反应", 1)
    if not best or best[0].entry.section != "3.3":
        raise AssertionError("search does not find guide 3.3")
    return f"{len(faq.entries)} 个条目"


def _sm2() -> str:
    from ukey_renew.certs import load_certificate

    info = load_certificate(paths.resource("selftest", "sm2.pem").read_bytes())
    if info.key_algorithm != "SM2":
        raise AssertionError(f"algorithm read as {info.key_algorithm}")
    return f"{info.subject_cn}（{info.key_algorithm}）"


def _dry_run() -> str:
    """Through the session, as the wizard and ``renew --practice`` renew."""
    from ukey_renew.practice import FIXED_CAPTCHA, ScriptedAnswers, ensure_key
    from ukey_renew.session import Session

    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        key = ensure_key(home, datetime.now(UTC))
        before = key.read_bytes()
        started = time.perf_counter()
        with Session(home, practice_only=True, fixed_captcha=FIXED_CAPTCHA) as session:
            holder = ("张三", "13800138000")
            # the practice key's default PIN
            result = session.renew(session.practice_key(), ScriptedAnswers(), holder=holder, pin="111111", dry_run=True)
        if key.read_bytes() != before:
            raise AssertionError("the dry run changed the practice key")
        took = time.perf_counter() - started
    return f"新有效期至 {result.new_not_after.date().isoformat()}，用时 {took:.2f} 秒"


def _modules() -> str:
    """Every module the bundle holds imports: a standard-library module left out of it shows here, not in use."""
    import importlib
    import pkgutil

    import ukey_renew

    names = [
        found.name
        for found in pkgutil.walk_packages(ukey_renew.__path__, "ukey_renew.")
        if not found.name.endswith("__main__")  # importing it would start the program
    ]
    for name in names:
        importlib.import_module(name)
    return f"{len(names)} 个模块"


def _text_services() -> str:
    from ukey_renew.gui.app import text_services

    return text_services()


def _wizard() -> str:
    from ukey_renew.gui.app import render_first_page

    return render_first_page()


PARTS: list[tuple[str, Callable[[], str]]] = [
    ("资源文件", _resources),
    ("程序模块", _modules),
    ("问题排查条目", _faq),
    ("SM2 证书解析", _sm2),
    ("练习延期（试运行）", _dry_run),
    ("Qt 中文排序与编码", _text_services),
    ("向导首页显示", _wizard),
]


def run() -> int:
    print(f"ukey-renew {__version__} 自检")
    failed = 0
    for name, part in PARTS:
        try:
            detail = part()
        except Exception as exc:  # noqa: BLE001 - the report names every failure and goes on
            failed += 1
            print(f"  ✗ {name}：{type(exc).__name__}: {exc}")
        else:
            print(f"  ✓ {name}：{detail}")
    print("自检通过" if not failed else f"自检失败：{failed} 项")
    return 0 if not failed else 1
