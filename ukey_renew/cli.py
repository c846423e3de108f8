"""The one entry point: ``ukey-renew [command]``.

Every command prints Chinese text for a person, or JSON with ``--json`` for
scripts and IT staff. Errors are reported as ``{"error": {...}}`` with a
stable id and exit code 2; tracebacks go to the log only.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from ukey_renew import __version__, console, paths
from ukey_renew import log as logsetup
from ukey_renew.dates import CHINA_TIME, beijing_time, clock_time, guide_date
from ukey_renew.errors import (
    AlreadyRenewed,
    CertificateError,
    DirectRenewalUnsupported,
    FleetNothingRead,
    InputFileUnreadable,
    UkeyError,
)
from ukey_renew.journey import TOUR_ROUTES
from ukey_renew.site import PRODUCTION, SITES
from ukey_renew.token.registry import BACKENDS, TITLES

if TYPE_CHECKING:
    from ukey_renew.session import KeyChoice, Session

log = logging.getLogger(__name__)

# For the tour's first-paint figure: from our start, or from when a launcher
# (the benchmark) says it started us, in seconds since the epoch.
STARTED = time.perf_counter() - max(0.0, time.time() - float(os.environ.get("UKEY_RENEW_STARTED_AT") or time.time()))
EXIT_ERROR = 2
EXIT_CHECKS_FAILED = 3  # doctor: a check failed ("注意" alone is 0)
MAX_CERT_FILE = 1 << 20  # a certificate, even PEM with its chain, is a few KiB


def _now() -> datetime:
    return datetime.now(UTC)


def _day(iso: str) -> str:
    return guide_date(datetime.fromisoformat(iso))


def _emit(args: argparse.Namespace, data: dict[str, Any], text: Callable[[dict[str, Any]], str]) -> None:
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(text(data))


# --- cert ----------------------------------------------------------------


def _cert_text(cert: dict[str, Any], indent: str = "") -> str:
    if "error" in cert:
        return f"{indent}证书无法读取：{cert['error']['message']}"
    renewal = cert["renewal"]
    org = f"，组织机构代码 {cert['org_code']}" if cert["org_code"] else ""
    lines = [
        f"{indent}证书：{cert['subject_cn'] or '（无名称）'}{org}",
        f"{indent}  颁发者：{cert['issuer_cn'] or '（未知）'}，算法 {cert['key_algorithm']}，序列号 {cert['serial']}",
        f"{indent}  有效期：{_day(cert['not_before'])} 至 {_day(cert['not_after'])}（剩余 {cert['days_left']} 天）",
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
    fields = info.to_dict(_now(), RenewalPolicy())
    if (why := not_a_login_certificate(info)) is not None:
        fields["renewal"] = {"eligible": False, "reason": "not_login_certificate", "message": why, "guide": "2.1"}
    _emit(args, fields, _cert_text)
    return 0


# --- status --------------------------------------------------------------


def _status_text(status: dict[str, Any]) -> str:
    from ukey_renew.status import unfinished_text
    from ukey_renew.token.base import PinStatus

    lines = []
    problems = status["problems"]
    only_practice_said = bool(problems) and all(problem["backend"] == "practice" for problem in problems)
    if not status["tokens"] and not only_practice_said:  # the practice key's own problem says what to do
        lines.append("未检测到 Ukey。请插入红色 Ukey（指南 1.3）；已插入请换一个 USB 接口（指南 3.3 ②）。")
    for token in status["tokens"]:
        backend = TITLES.get(token["backend"], token["backend"])
        lines.append(f"Ukey：{token['label']}（{token['model']}，序列号 {token['serial']}，{backend}）")
        lines.append(f"  密码：{PinStatus.from_dict(token['pin']).words()}")
        if not token["certificates"]:
            lines.append("  Ukey 中没有证书（指南 3.3）。")
        lines.extend(_cert_text(cert, "  ") for cert in token["certificates"])
    lines.extend(unfinished_text(entry) for entry in status.get("unfinished", []))
    for reader in status["readers"]:
        card = reader["card"] or ("未知卡片" if reader["card_present"] else "无卡")
        lines.append(f"读卡器：{reader['reader']}（{card}）")
    for problem in status["problems"]:
        # Readers matter to neither the practice key nor most real ones: no restart for a key already read.
        if problem["backend"] == "pcsc" and status["tokens"]:
            lines.append(f"提示：读卡器无法检查（{problem['message'].rstrip('。')}），不影响已读到的 Ukey。")
            continue
        backend = TITLES.get(problem["backend"], "读卡器")
        lines.append(f"提示（{backend}）：{problem['message']} {problem['next_step']}")
    return "\n".join(lines)


def _readers() -> Sequence[Any]:
    from ukey_renew.token.pcsc import list_readers

    return list_readers()


def cmd_status(args: argparse.Namespace) -> int:
    from ukey_renew.certs import RenewalPolicy
    from ukey_renew.status import collect
    from ukey_renew.token import registry

    status = collect(
        args.backend,
        data_dir=paths.data_dir(),
        now=_now(),
        policy=RenewalPolicy(),
        pkcs11_module=args.pkcs11_module,
        xtxapp_url=args.xtxapp_url,
        list_readers=_readers,
    )
    if args.support:
        from ukey_renew.renewal.build import records
        from ukey_renew.support import support_summary
        from ukey_renew.troubleshoot.doctor import run_doctor

        checks = run_doctor(paths.data_dir(), network=False)  # the network: ukey-renew doctor
        last = records(paths.data_dir()).last()
        print(support_summary(status.to_dict(), _now(), last_renewal=last, checks=checks))
    else:
        _emit(args, status.to_dict(), _status_text)
    # A backend asked for by name that could not be opened is a failure.
    failed = args.backend != "auto" and any(
        p["backend"] == args.backend and p["id"] not in registry.BACKENDS[args.backend].notes for p in status.problems
    )
    return EXIT_ERROR if failed else 0


# --- practice ------------------------------------------------------------


def cmd_practice_reset(args: argparse.Namespace) -> int:
    from ukey_renew.certs import RenewalPolicy
    from ukey_renew.practice import reset_key
    from ukey_renew.status import describe

    token = reset_key(paths.data_dir(), _now(), args.expires_in_days)
    data = {"tokens": [describe(token, _now(), RenewalPolicy())], "readers": [], "problems": []}
    if not args.json:
        print("练习 Ukey 已重置，密码为 111111（指南 2.2 ③）。")
    _emit(args, data, _status_text)
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    """The desktop wizard: the program's default face (or its self-test)."""
    if args.self_test:
        from ukey_renew import selftest

        return selftest.run()
    from ukey_renew.gui.app import run

    tour = Path(args.tour) if args.tour else None
    if args.route and tour is None:
        args.usage_error("--route 只能和 --tour 一起用")
    route = args.route or "renew"
    if tour is not None and route != "renew":
        from ukey_renew import practice
        from ukey_renew.gui.context import TourAnswers

        practice.prepare_route(paths.data_dir(), _now(), route, TourAnswers())
    return run(
        practice_only=args.practice and route != "no-key",  # no key plugged in: the default mode's first page
        lang=args.lang,
        tour=tour,
        route=route,
        started=STARTED,
        site_latency=args.site_latency,
        remind=args.remind,
    )


# --- renew ---------------------------------------------------------------


def _progress(event: Any) -> None:
    mark = {"started": "…", "done": "✓", "skipped": "↷"}[event.state]
    print(f"[{event.index}/9] 指南 {event.step.guide} {event.step.title} {mark}", file=sys.stderr, flush=True)
    if event.state != "skipped":  # a hint as a step starts; the order to check (guide 2.2 ⑤) as it is made
        lines = [f"{label}：{value}" for label, value in event.order.rows()] if event.order else [event.detail]
        for line in filter(None, lines):
            print(f"      {line}", file=sys.stderr, flush=True)


def _renew_text(data: dict[str, Any]) -> str:
    new = f"{_day(data['new']['not_before'])} 至 {_day(data['new']['not_after'])}"
    if data["result"] == "dry_run":
        return f"试运行完成（未写入 Ukey）：新证书有效期将为 {new}。"
    activation = clock_time(datetime.fromisoformat(data["activation_at"]))
    lines = [
        f"延期成功，订单号 {data['order_no']}。",
        f"原有效期：{_day(data['old']['not_before'])} 至 {_day(data['old']['not_after'])}",
        f"新有效期：{new}",
        f"新证书将于 {activation} 生效（指南 2.3 ③），之后请拔插 Ukey 再登录验证。",
        "请牢记新设置的 Ukey 密码。",
    ]
    if unsaved := data["record_not_saved"]:
        lines += [f"注意：{unsaved['message']}", f"下一步：{unsaved['next_step']}"]
    return "\n".join(lines)


def cmd_renew(args: argparse.Namespace) -> int:
    """The practice renewal through the same session as the wizard's."""
    from ukey_renew.practice import FIXED_CAPTCHA
    from ukey_renew.renewal.prompts import TerminalPrompts, ask_holder, holder_from_environment
    from ukey_renew.session import Session

    if not args.practice:
        raise DirectRenewalUnsupported()
    session = Session(paths.data_dir(), practice_only=True, site_latency=args.latency, fixed_captcha=FIXED_CAPTCHA)
    try:
        choice = session.practice_key()
        if args.abandon:
            return _abandon(args, session, choice)
        name, mobile = holder_from_environment(args.holder_name, args.holder_phone)
        if not (name or mobile):  # the holder of the last renewal, as the wizard pre-fills
            name, mobile = session.records.last_holder() or (None, None)
        holder = ask_holder(name, mobile)
        done = None if args.again or args.dry_run else session.renewed_today(choice)
        if done is not None:  # told before anything is asked; decided again under the key's lock
            raise AlreadyRenewed(done.order_no, _day(done.new_not_after))
        prompts = TerminalPrompts(fixed_captcha=FIXED_CAPTCHA)
        on_event = None if args.json else _progress
        result = session.renew(choice, prompts, on_event, holder=holder, dry_run=args.dry_run, again=args.again)
        # Told before the built-in site shuts down: the renewal is recorded, and
        # a stop during the shutdown must not leave the user without its result.
        _emit(args, result.to_dict(), _renew_text)
    finally:
        session.close()
    return 0


def _abandon(args: argparse.Namespace, session: Session, choice: KeyChoice) -> int:
    """Drops the practice key's unfinished renewal on purpose, saying what is
    given up: the way out when a resume cannot go on (an order the site no
    longer knows, guide 2.2 ⑤)."""
    from ukey_renew.renewal.steps import STEPS

    state = session.abandon(choice)
    dropped = None
    if state is not None:
        done = [step.title for step in STEPS if step.id in state.done]
        dropped = {"order_no": state.order_no, "started_at": state.started_at, "done": done}

    def text(found: dict[str, Any]) -> str:
        gone = found["abandoned"]
        if gone is None:
            return "没有未完成的延期。"
        order = gone["order_no"] or "尚未生成"
        return (
            f"已放弃上次未完成的延期（订单号 {order}；已完成：{'、'.join(gone['done']) or '无'}）。"
            "网站上的订单不会因此撤销；再次延期会生成新订单。"
        )

    _emit(args, {"abandoned": dropped}, text)
    return 0


# --- troubleshooting ---------------------------------------------------------


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
        _emit(args, {"entry": entry.to_dict()}, lambda _: shown)
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
    _emit(args, answer, text)
    return 0


def cmd_doctor(args: argparse.Namespace) -> int:
    from ukey_renew.support import CHECK_MARKS
    from ukey_renew.troubleshoot.doctor import run_doctor

    results = run_doctor(paths.data_dir(), args.site, network=not args.no_network, timeout=args.timeout)

    def text(data: dict[str, Any]) -> str:
        return "\n".join(
            f"[{CHECK_MARKS[c['status']]}] {c['id']}：{c['detail']}（指南 {c['faq']}）" for c in data["checks"]
        )

    _emit(args, {"checks": [result.to_dict() for result in results]}, text)
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
    _emit(args, {"written": str(out)}, lambda d: f"申请函已生成：{d['written']}（打印后加盖公章，指南 3.7）")
    return 0


def cmd_support_bundle(args: argparse.Namespace) -> int:
    from ukey_renew.bundle import write_bundle
    from ukey_renew.certs import RenewalPolicy
    from ukey_renew.status import collect
    from ukey_renew.troubleshoot.doctor import run_doctor

    data = paths.data_dir()
    status = collect("auto", data_dir=data, now=_now(), policy=RenewalPolicy(), list_readers=_readers)
    checks = run_doctor(data, args.site, network=not args.no_network, timeout=args.timeout)
    names = write_bundle(Path(args.out), data, status=status.to_dict(), checks=checks, now=_now())
    _emit(
        args,
        {"written": args.out, "files": names},
        lambda d: f"支持信息包已保存：{d['written']}。请发给 Ukey 运维人员（指南 3.12）。",
    )
    return 0


# --- receipt -------------------------------------------------------------


def _key_type(text: str) -> str:
    from ukey_renew.troubleshoot.letter import KEY_TYPES, key_type_word

    if (word := key_type_word(text)) not in KEY_TYPES:
        raise argparse.ArgumentTypeError("应为 案管、信息发布、信访、代表委员联络 之一（或其英文编号）")
    return word


def cmd_receipt(args: argparse.Namespace) -> int:
    from ukey_renew.receipt import last_receipt, save, save_text
    from ukey_renew.renewal.build import records

    receipt = last_receipt(records(paths.data_dir()), args.serial, args.key_type)
    if args.out is None:
        _emit(args, {"receipt": receipt.to_dict()}, lambda _: receipt.text())
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
    _emit(args, data, lambda d: f"延期回执已保存：{d['written']}（可发给 Ukey 运维人员）")
    return 0


# --- remind --------------------------------------------------------------


def cmd_remind(args: argparse.Namespace) -> int:
    from ukey_renew import remind
    from ukey_renew.session import Session

    if args.install or args.remove or args.status:
        return _remind_schedule(args)
    found = Session(paths.data_dir(), practice_only=False).reminders()
    _emit(args, {"keys": [reminder.to_dict() for reminder in found]}, lambda data: remind.text(data["keys"]))
    return 0


def _remind_schedule(args: argparse.Namespace) -> int:
    """The reminder registered to run by itself for this user, removed, or said whether it is."""
    from ukey_renew import schedule

    chosen = schedule.for_this_system(_now())
    if args.install:
        where: str | None = chosen.install(schedule.command())
    elif args.remove:
        where = chosen.installed()
        chosen.remove()
    else:
        where = chosen.installed()
    last = schedule.last_run(paths.data_dir())
    data = {"installed": bool(where) and not args.remove, "kind": chosen.kind, "where": where, "last_run": last}

    def text(d: dict[str, Any]) -> str:
        if args.remove:
            return f"已取消到期提醒（{d['where']}）。" if d["where"] else "到期提醒本来就没有设置。"
        ran = f"上次运行：{beijing_time(datetime.fromisoformat(last))}" if last else "还没有运行过"
        if not d["installed"]:
            return f"到期提醒没有设置（{ran}）。运行 ukey-renew remind --install 设置。"
        when = "每次登录和每天一次" if d["kind"] == "schtasks" else "每次登录时"
        return f"到期提醒已设置：{when}检查 Ukey 证书有效期（{d['where']}；{ran}）。"

    _emit(args, data, text)
    return 0


# --- records export and fleet ----------------------------------------------------


def _today() -> date:
    return _now().astimezone(CHINA_TIME).date()


def cmd_records_export(args: argparse.Namespace) -> int:
    from ukey_renew import atomic
    from ukey_renew.fleet import EXPORT_FORMAT, judged, to_csv
    from ukey_renew.session import Session

    out = Path(args.out)
    if out.suffix.lower() not in (".csv", ".json"):
        args.usage_error("导出文件请用 .csv 或 .json 结尾")
    rows = judged(Session(paths.data_dir(), practice_only=False).records_export(), _today())
    if out.suffix.lower() == ".csv":
        data = to_csv(rows)
    else:
        exported = {"format": EXPORT_FORMAT, "exported_at": _now().isoformat(), "rows": rows}
        data = json.dumps(exported, ensure_ascii=False, indent=2).encode("utf-8")
    atomic.write_output("延期记录导出", out, data)
    _emit(
        args,
        {"written": str(out), "rows": len(rows)},
        lambda d: f"已导出 {d['rows']} 把 Ukey 的记录：{d['written']}（持有人已遮盖，可发给 Ukey 运维人员）",
    )
    return 0


def cmd_fleet(args: argparse.Namespace) -> int:
    from ukey_renew import atomic, fleet

    out = Path(args.out) if args.out else None
    if out is not None and out.suffix.lower() not in (".csv", ".html"):
        args.usage_error("汇总表请用 .csv 或 .html 结尾：.csv 可直接用 Excel 打开，中文不乱码（不生成 .xlsx）")
    sheet = fleet.read([Path(path) for path in args.paths], _today())
    if not sheet.rows:
        raise FleetNothingRead(sheet.skipped)
    data = sheet.to_dict()
    if out is not None:
        from ukey_renew.fleet_html import to_html

        atomic.write_output("汇总表", out, fleet.to_csv(sheet.rows) if out.suffix.lower() == ".csv" else to_html(sheet))
        data["written"] = str(out)
    _emit(args, data, lambda d: fleet.text(sheet) + (f"\n汇总表已保存：{d['written']}" if out else ""))
    return 0


# --- casim ---------------------------------------------------------------


def cmd_casim_xtxapp(args: argparse.Namespace) -> int:
    from ukey_renew.casim.xtxapp import XTXAppService, make_server
    from ukey_renew.token import practice

    key = practice.default_path(paths.data_dir())
    if not key.is_file():
        raise UkeyError("练习 Ukey 尚未设置，请先运行 ukey-renew practice reset。")
    server = make_server(XTXAppService(key), args.port)
    port = server.server_address[1]
    print(f"XTXApp 模拟服务：http://127.0.0.1:{port}/synctl （练习 Ukey：{key}）", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def _captcha_code(text: str) -> str:
    if not (text.isascii() and text.isdigit() and 1 <= len(text) <= 6):
        raise argparse.ArgumentTypeError("验证码须为 1–6 位数字")
    return text


def cmd_casim_serve(args: argparse.Namespace) -> int:
    from ukey_renew.casim.config import SiteConfig
    from ukey_renew.casim.site import ReferenceSite

    data = Path(args.data) if args.data else paths.data_dir()
    config = SiteConfig(latency=args.latency, fixed_captcha=args.captcha)
    running = ReferenceSite(data, config).serve(args.port)
    print(f"模拟延期网站：{running.profile.base_url}", flush=True)
    print(f"需信任的 CA 证书：{running.ca_file}", flush=True)
    idle = threading.Event()
    try:
        while not idle.wait(0.5):  # on Windows, Ctrl+C cannot interrupt a wait without a timeout
            pass
    except KeyboardInterrupt:
        pass
    finally:
        running.stop()
    return 0


def cmd_casim_approve_unlock(args: argparse.Namespace) -> int:
    from ukey_renew.casim.site import ReferenceSite
    from ukey_renew.casim.site_state import Refusal

    site = ReferenceSite(Path(args.data) if args.data else paths.data_dir())
    try:
        code = site.state.approve_unlock(args.request_id)
    except Refusal as refusal:
        raise UkeyError(refusal.message) from None
    finally:
        site.state.close()
    _emit(args, {"request_id": args.request_id, "auth_code": code}, lambda d: f"解锁授权码：{d['auth_code']}")
    return 0


# --- wiring --------------------------------------------------------------


class ChineseHelp(argparse.RawDescriptionHelpFormatter):
    """Descriptions keep their line breaks (the exit codes, the examples)."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


# argparse's own messages for a mistyped command line, as a clerk reads them.
_USAGE_ERRORS = (
    ("the following arguments are required: ", "缺少必须的参数："),
    ("unrecognized arguments: ", "不认识的参数："),
    ("invalid choice: ", "无效的选择："),
    ("choose from ", "可选："),
    ("expected one argument", "后面需要一个值"),
    ("not allowed with argument ", "不能与此参数同时使用："),
    ("invalid float value: ", "不是数字："),
    ("invalid int value: ", "不是整数："),
    ("argument ", "参数 "),
)


class Parser(argparse.ArgumentParser):
    """Help and usage errors in Chinese, down to the headings and ``-h`` itself."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", ChineseHelp)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "位置参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示本说明后退出")
        self.set_defaults(usage_error=self.error)

    def error(self, message: str) -> NoReturn:
        for english, chinese in _USAGE_ERRORS:
            message = message.replace(english, chinese)
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"错误：{message}\n下一步：用 {self.prog} -h 查看各参数的说明。\n")


def _doctor_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--site",
        choices=SITES,
        default=PRODUCTION,
        help="检查哪个延期网站的连通性（practice：内置模拟网站）",
    )
    parser.add_argument("--no-network", action="store_true", help="不检查网络")
    parser.add_argument("--timeout", type=float, default=15.0, metavar="秒", help="每项检查最多等待的秒数（默认 15）")


DOCTOR_EXIT = (
    f"退出码：0 全部正常，或只有“注意”“跳过”；{EXIT_CHECKS_FAILED} 有检查未通过（“问题”）；{EXIT_ERROR} 无法检查。"
)
LETTER_FORMAT = """表单文件是一个 UTF-8 的 JSON 对象，各项都是文字：
  procuratorate 检察院名称；org_code 6 位组织机构代码；
  key_type Ukey 类型：案管/case_management、信息发布/publicity、信访/petition、代表委员联络/liaison；
  situation 情况：损坏/damaged、丢失/lost、过期（超过 30 天）/expired；description 情况说明；
  receiver_name、receiver_phone、receiver_address 接收新 Ukey 的联系人姓名、电话、地址；
  date 落款日期 YYYY-MM-DD（可不写，为当天）。
完整格式（JSON Schema）：ukey-renew letter --schema"""


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="ukey-renew", description="BJCA Ukey 证书延期助手（12309 中国检察网）")
    parser.add_argument("--version", action="version", version=__version__, help="显示版本号后退出")
    parser.add_argument("--practice", action="store_true", help="练习模式：练习 Ukey 和内置模拟延期网站")
    parser.add_argument("--lang", choices=("zh", "en"), help="界面语言（默认中文；系统为英文时用英文）")
    parser.add_argument(
        "--tour", metavar="DIR", help="自动演示一遍延期（有真实 Ukey 时走浏览器引导和验证），每页截图保存到 DIR"
    )
    parser.add_argument(
        "--route",
        choices=TOUR_ROUTES,
        help="演示哪条路线（和 --tour 一起用）：renew 正常延期（默认）、wrong-pin 先输错密码、locked 密码已锁定、"
        "expired 过期超过 30 天、reopen 延期后再次打开、no-key 未插 Ukey",
    )
    parser.add_argument("--site-latency", type=float, default=0.0, help=argparse.SUPPRESS)  # benchmarks
    parser.add_argument("--self-test", action="store_true", help="自检：资源、证书解析、练习延期、界面显示")
    parser.add_argument("--remind", action="store_true", help="有 Ukey 需要延期时在屏幕右下角提醒（自动提醒用）")
    parser.add_argument("--home", metavar="DIR", help="数据目录（默认为用户数据目录；同环境变量 UKEY_RENEW_HOME）")
    parser.set_defaults(func=cmd_gui)
    sub = parser.add_subparsers(
        dest="command", title="命令", metavar="命令", help="用 ukey-renew 命令 -h 查看该命令的说明"
    )

    def command(name: str, func: Callable[[argparse.Namespace], int], help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--json", action="store_true", help="输出 JSON（给脚本和运维人员）")
        p.set_defaults(func=func)
        return p

    cert = command("cert", cmd_cert, "查看证书文件：单位、有效期、能否延期（指南 2.1）")
    cert.add_argument("file", metavar="FILE", help="证书文件（.cer、.crt、.pem 或 .der）")

    status = command("status", cmd_status, "查看已插入的 Ukey 和证书（指南 2.1）")
    status.add_argument(
        "--backend", choices=("auto", *BACKENDS), default="auto", help="经哪种方式读取 Ukey（默认 auto：都试）"
    )
    status.add_argument("--pkcs11-module", metavar="PATH", help="PKCS#11 驱动文件")
    status.add_argument("--xtxapp-url", metavar="URL", help="XTXApp 服务地址")
    status.add_argument("--support", action="store_true", help="输出给运维人员的支持信息（个人信息已遮盖）")

    troubleshoot = command("troubleshoot", cmd_troubleshoot, "问题排查：找到指南中对应的解答（指南第 3 章）")
    troubleshoot.description = "按描述、错误代码或网站提示找到指南中的问题，或查看某一问题的排查步骤。"
    asked = troubleshoot.add_mutually_exclusive_group()
    asked.add_argument("--query", metavar="描述", help="用自己的话描述问题，如“插上 Ukey 没反应”")
    asked.add_argument("--error", metavar="代码或提示", help="程序的错误代码（如 pin.locked），或网站上的提示文字")
    asked.add_argument("--show", metavar="编号", help="查看某一问题的标题和排查步骤，编号如 3.3、3.9-2、3.10-5")
    troubleshoot.add_argument(
        "text", nargs="?", metavar="描述", help="同 --query，如 ukey-renew troubleshoot 插上 Ukey 没反应"
    )

    doctor = command("doctor", cmd_doctor, "自动检查电脑、Ukey、证书和网络")
    doctor.description = f"自动检查电脑、Ukey、证书和网络，每项给出结论和指南章节。\n{DOCTOR_EXIT}"
    _doctor_options(doctor)

    letter = command("letter", cmd_letter, "生成补办 Ukey 申请函（指南 3.7）")
    letter.description = f"按表单生成补办 Ukey 申请函（指南 3.7），打印后加盖公章。\n\n{LETTER_FORMAT}"
    letter.add_argument("--in", dest="input", metavar="FORM.json", help="表单文件（JSON，各项见上）")
    letter.add_argument("--out", metavar="FILE.docx|FILE.pdf", help="申请函保存到哪里：.docx 为 Word，.pdf 为 PDF")
    letter.add_argument("--schema", action="store_true", help="输出表单文件的 JSON Schema 后退出")

    bundle = command("support-bundle", cmd_support_bundle, "把支持信息、检查结果、日志和延期记录存成一个 zip 发给运维")
    bundle.description = (
        "生成支持信息包（zip）：支持信息、自动检查结果、程序日志、未完成的延期进度和本机延期记录，"
        "附 README.txt 说明。包中没有密码；手机号、身份证号已遮盖，持有人姓名已隐去。"
    )
    bundle.add_argument("out", metavar="OUT.zip", help="保存到哪个文件，如 桌面\\支持信息.zip")
    _doctor_options(bundle)

    receipt = command("receipt", cmd_receipt, "生成最近一次延期的回执，发给 Ukey 运维人员（指南 2.2、2.3）")
    receipt.add_argument(
        "--out",
        metavar="FILE",
        help="保存到文件：.pdf 为 PDF，.png 为图片，.json 为 JSON，其它为文字；不写则显示在屏幕上",
    )
    receipt.add_argument("--serial", metavar="序列号", help="哪把 Ukey 的回执（Ukey 序列号）；不写则为最近延期的一把")
    receipt.add_argument(
        "--key-type",
        type=_key_type,
        metavar="用途",
        help="这把 Ukey 的用途，写在回执上（指南 1.2）：案管、信息发布、信访、代表委员联络，"
        "或 case_management、publicity、petition、liaison",
    )

    remind = command("remind", cmd_remind, "到期提醒：本机读到过的 Ukey 还有几天到期，该做什么（指南 1.3、3.7）")
    remind.description = (
        "按北京时间的日期，列出本机读到过的 Ukey 证书的状态和下一步（不读取 Ukey，不联网）：\n"
        "  ok 还有 60 天以上；soon 60 天内；due 30 天内，请尽快延期；\n"
        "  expired 已过期，30 天内仍可延期（指南 1.3 注 2）；replace 过期超过 30 天，需更换 Ukey（指南 3.7）。\n"
        "Ukey 的有效期在打开向导、运行 status 或 renew 时记下。"
    )
    scheduling = remind.add_mutually_exclusive_group()
    scheduling.add_argument(
        "--install",
        action="store_true",
        help="让提醒自动运行（不需要管理员权限）：Windows 为登录时和每天一次的计划任务，Linux 为登录时自启动",
    )
    scheduling.add_argument("--remove", action="store_true", help="取消自动运行的提醒")
    scheduling.add_argument("--status", action="store_true", help="自动提醒是否已设置，上次何时运行")

    records_cmd = sub.add_parser("records", help="本机延期记录", description="本机延期记录：读到过的 Ukey 和每次延期")
    records_sub = records_cmd.add_subparsers(dest="records_command", required=True, title="命令", metavar="命令")
    export = records_sub.add_parser(
        "export",
        help="导出本机的 Ukey 和延期记录，发给运维人员汇总（持有人已遮盖）",
        description="导出本机读到过的 Ukey 和延期记录，每把 Ukey 一行，持有人已遮盖；"
        "运维人员用 ukey-renew fleet 汇总。",
    )
    export.add_argument(
        "--out", required=True, metavar="FILE.csv|FILE.json", help="保存到哪里：.csv 为表格，.json 为 JSON"
    )
    export.add_argument("--json", action="store_true", help="输出 JSON（给脚本和运维人员）")
    export.set_defaults(func=cmd_records_export)

    fleet = command("fleet", cmd_fleet, "运维汇总：把各人发来的回执、支持信息包和记录导出汇成一张延期情况表")
    fleet.description = (
        "读取用户发来的延期回执（receipt --out 回执.json）、支持信息包（.zip）和延期记录导出（records export），"
        "可给文件或文件夹；每把 Ukey 保留最新的一份，按紧急程度排列，状态同 ukey-renew remind。"
        "读不了的文件列为“跳过”并说明原因。"
    )
    fleet.add_argument("paths", nargs="+", metavar="PATH", help="文件或文件夹")
    fleet.add_argument(
        "--out",
        metavar="FILE.csv|FILE.html",
        help="保存汇总表：.csv 可用 Excel 打开，.html 为可打印的报告（含按月到期图）",
    )

    practice = sub.add_parser("practice", help="练习 Ukey", description="练习 Ukey：不用真实 Ukey 也能练习延期")
    practice_sub = practice.add_subparsers(dest="practice_command", required=True, title="命令", metavar="命令")
    reset = practice_sub.add_parser("reset", help="重置练习 Ukey", description="重置练习 Ukey：密码恢复为 111111")
    reset.add_argument("--expires-in-days", type=int, default=20, help="证书还有几天到期（负数：已过期）")
    reset.add_argument("--json", action="store_true", help="输出 JSON（给脚本和运维人员）")
    reset.set_defaults(func=cmd_practice_reset)

    renew = command("renew", cmd_renew, "延期 Ukey 证书（指南 2.2）")
    renew.add_argument("--practice", action="store_true", help="练习模式：练习 Ukey 和内置模拟网站")
    renew.add_argument("--dry-run", action="store_true", help="只与网站核对，不写入 Ukey")
    renew.add_argument("--again", action="store_true", help="今天已延期过，仍要再次延期（会生成新订单）")
    renew.add_argument("--abandon", action="store_true", help="放弃上次未完成的延期（无法继续时使用）")
    renew.add_argument("--holder-name", metavar="姓名", help="当前持有 Ukey 人员姓名（指南 2.2 ④）")
    renew.add_argument(
        "--holder-phone",
        metavar="手机号",
        help="当前持有 Ukey 人员手机号（也可用环境变量 UKEY_RENEW_HOLDER_MOBILE，或运行时输入）",
    )
    renew.add_argument("--latency", type=float, default=0.0, help=argparse.SUPPRESS)

    casim = sub.add_parser("casim", help="模拟服务（练习、培训、测试）", description="模拟服务（练习、培训、测试）")
    casim_sub = casim.add_subparsers(dest="casim_command", required=True, title="命令", metavar="命令")
    xtx = casim_sub.add_parser(
        "xtxapp", help="XTXApp 本地服务模拟器（使用练习 Ukey）", description="XTXApp 本地服务模拟器（使用练习 Ukey）"
    )
    xtx.add_argument(
        "--port",
        type=int,
        default=21051,
        help="监听的端口（默认 21051，与 BJCA 证书应用环境相同；0：任选一个空闲端口）",
    )
    xtx.set_defaults(func=cmd_casim_xtxapp, json=False)
    serve = casim_sub.add_parser(
        "serve", help="模拟延期网站（HTTPS，127.0.0.1）", description="模拟延期网站（HTTPS，127.0.0.1）"
    )
    serve.add_argument("--port", type=int, default=0, help="监听的端口（默认 0：任选一个空闲端口）")
    serve.add_argument("--data", metavar="DIR", help="数据目录（默认：用户数据目录）")
    serve.add_argument("--latency", type=float, default=0.0, metavar="秒", help="每次应答前等待的秒数")
    serve.add_argument("--captcha", metavar="CODE", type=_captcha_code, help="固定验证码，4 位数字（脚本演示用）")
    serve.set_defaults(func=cmd_casim_serve, json=False)
    approve = casim_sub.add_parser(
        "approve-unlock",
        help="运维人员审批解锁申请，输出解锁授权码（指南 3.6 ⑤）",
        description="运维人员审批解锁申请，输出解锁授权码（指南 3.6 ⑤）",
    )
    approve.add_argument("request_id", metavar="申请编号", help="解锁申请的编号（用户提交申请后看到的）")
    approve.add_argument("--data", metavar="DIR", help="模拟网站的数据目录（默认：用户数据目录）")
    approve.add_argument("--json", action="store_true", help="输出 JSON（给脚本和运维人员）")
    approve.set_defaults(func=cmd_casim_approve_unlock)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    console.use_utf8()
    args = build_parser().parse_args(argv)
    if args.home:
        paths.choose_data_dir(args.home)
    try:
        logsetup.setup(paths.data_dir())
        return int(args.func(args))
    except UkeyError as exc:
        log.warning("%s: %s (%s)", getattr(args, "command", None), exc.id, exc.detail)
        if getattr(args, "json", False):
            print(json.dumps({"error": exc.as_dict()}, ensure_ascii=False, indent=2))
        else:
            console.tell(f"错误：{exc.message}\n下一步：{exc.next_step}")
        return EXIT_ERROR
    except BrokenPipeError:
        console.reader_gone()
        return 0
    except Exception as exc:
        log.exception("unexpected failure")
        if (written := logsetup.written()) is not None:
            console.tell(f"程序内部错误，详情已写入日志 {written}。请将日志发给 Ukey 运维人员（指南 3.12）。")
        else:
            console.tell(
                f"程序内部错误（{type(exc).__name__}），日志无法写入，详情没有记录。"
                "请把这段文字和当时的操作告诉 Ukey 运维人员（指南 3.12）。"
            )
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
