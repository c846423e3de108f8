"""``troubleshoot``, ``doctor`` and ``letter``: the guide's answers found
from what the user says, the automatic checks, and the replacement letter."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from ukey_renew import paths
from ukey_renew.cli.output import EXIT_CHECKS_FAILED
from ukey_renew.command import emit
from ukey_renew.errors import InputFileUnreadable


def _system_speaks_english() -> bool:
    """As the window decides without --lang: the system's locale (LC_ALL, LC_MESSAGES, LANG) is English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(name):
            return os.environ[name].startswith("en")
    return False


def cmd_troubleshoot(args: argparse.Namespace) -> int:
    from ukey_renew.troubleshoot.faq import WORDS, load_contacts, load_faq
    from ukey_renew.troubleshoot.search import Index

    if args.text is not None:  # words without an option are what people type first
        if args.query or args.error or args.show:
            args.usage_error("描述只能给一种：直接写描述，或用 --query、--error、--show 之一")
        args.query = args.text
    faq, contacts = load_faq(), load_contacts()
    lang = args.lang or ("en" if _system_speaks_english() else "zh")
    shown_faq, words = faq.localised(lang), WORDS[lang]  # the entries in the asked language; search reads both
    if args.show:
        entry = shown_faq.entry(args.show)
        shown = f"{entry.outline(shown_faq)}\n\n{words['contacts']}\n{contacts.text(lang)}"
        emit(args, {"entry": entry.to_dict()}, lambda _: shown)
        return 0
    if not (args.query or args.error):
        args.usage_error(
            "请写出问题的描述（或用 --query），用 --error 给出错误代码或网站提示，或用 --show 查看某一问题"
        )
    index = Index(faq)
    hits = index.for_error(args.error) if args.error else index.search(args.query)
    results: list[dict[str, Any]] = []
    lines = []
    for hit in hits:
        entry = shown_faq.entries[hit.entry.id]
        result = {"id": entry.id, "section": entry.label, "title": entry.title, "score": hit.score}
        found = entry.reference()
        if hit.known:  # a pasted code or message: what it is and why this entry
            result["pasted"] = {"text": hit.known.said, "note": hit.known.explanation(lang)}
            found = f"“{hit.known.said}”：{hit.known.explanation(lang)}\n  → {found}"
        results.append(result)
        lines.append(found)
    choices = []
    for asked, said in [] if results or args.error else index.choices(args.query, lang):
        choices.append((shown_faq.entries[asked.id], said))

    def text(data: dict[str, Any]) -> str:
        if choices:
            return words["choose"] + "\n" + "\n".join(f"  {said}{words['sep']}{e.reference()}" for e, said in choices)
        if not data["results"]:
            return f"{words['none']}\n{contacts.text(lang)}"
        shown = "\n".join(lines)
        if any(result["id"] == "3.12" for result in data["results"]):  # the entry is whom to call: name them
            shown += f"\n\n{words['contacts']}\n{contacts.text(lang)}"
        return shown

    answer: dict[str, Any] = {"results": results}
    if choices:  # only the key named: what happened is for the clerk to choose
        answer["choices"] = [{"id": e.id, "section": e.label, "title": e.title, "said": said} for e, said in choices]
    elif not results:
        answer["contacts"] = contacts.to_dict()
    emit(args, answer, text)
    return 0


def cmd_doctor(args: argparse.Namespace) -> int:
    from ukey_renew.session import Session
    from ukey_renew.support import CHECK_MARKS

    session = Session(paths.data_dir(), practice_only=False)
    results = session.doctor(args.site, network=not args.no_network, timeout=args.timeout)

    def text(data: dict[str, Any]) -> str:
        return "\n".join(
            f"[{CHECK_MARKS[c['status']]}] {c['id']}：{c['detail']}（指南 {c['faq']}）" for c in data["checks"]
        )

    emit(args, {"checks": [result.to_dict() for result in results]}, text)
    return EXIT_CHECKS_FAILED if any(result.status == "fail" for result in results) else 0


def cmd_letter(args: argparse.Namespace) -> int:
    from ukey_renew.troubleshoot.letter import LetterForm, LetterInvalid, form_schema, write_docx

    if args.schema:
        print(json.dumps(form_schema(), ensure_ascii=False, indent=2))
        return 0
    if not (args.input and args.out):
        args.usage_error("请用 --in 给出表单文件，--out 给出申请函文件（或用 --schema 查看表单格式）")
    try:
        text = Path(args.input).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputFileUnreadable("申请函表单文件", args.input, exc, "3.7") from None
    except ValueError:
        raise LetterInvalid(f"表单文件 {args.input} 不是 UTF-8 文字。请用记事本另存为 UTF-8 编码后再试。") from None
    try:
        form = LetterForm.from_dict(json.loads(text))
    except (ValueError, RecursionError) as exc:  # RecursionError: arrays nested thousands deep
        raise LetterInvalid(
            f"表单文件 {args.input} 不是有效的 JSON（第 {getattr(exc, 'lineno', '?')} 行附近）。"
            "格式见 ukey-renew letter --schema。",
            detail=type(exc).__name__,
        ) from None
    out = Path(args.out)
    if out.suffix.lower() == ".pdf":
        from ukey_renew.gui.letter_pdf import write_pdf

        write_pdf(form, out)
    elif out.suffix.lower() == ".docx":
        write_docx(form, out)
    else:
        raise LetterInvalid("输出文件请用 .docx 或 .pdf 结尾。")
    emit(args, {"written": str(out)}, lambda d: f"申请函已生成：{d['written']}（打印后加盖公章，指南 3.7）")
    return 0
