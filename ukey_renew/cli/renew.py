"""``renew``: the practice renewal through the same session as the wizard's,
its progress on stderr and its result on stdout; ``renew --abandon`` gives
up an unfinished one."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ukey_renew import paths
from ukey_renew.cli.output import day
from ukey_renew.command import emit
from ukey_renew.dates import clock_time
from ukey_renew.errors import AlreadyRenewed, DirectRenewalUnsupported, PinLocked, RenewalNotEligible

if TYPE_CHECKING:
    from ukey_renew.session import KeyChoice, Session


def _progress(event: Any) -> None:
    mark = {"started": "…", "done": "✓", "skipped": "↷"}[event.state]
    print(f"[{event.index}/9] 指南 {event.step.guide} {event.step.title} {mark}", file=sys.stderr, flush=True)
    if event.state != "skipped":  # a hint as a step starts; the order to check (guide 2.2 ⑤) as it is made
        lines = [f"{label}：{value}" for label, value in event.order.rows()] if event.order else [event.detail]
        for line in filter(None, lines):
            print(f"      {line}", file=sys.stderr, flush=True)


def _renew_text(data: dict[str, Any]) -> str:
    new = f"{day(data['new']['not_before'])} 至 {day(data['new']['not_after'])}"
    if data["result"] == "dry_run":
        return f"试运行完成（未写入 Ukey）：新证书有效期将为 {new}。"
    activation = clock_time(datetime.fromisoformat(data["activation_at"]))
    lines = [
        f"延期成功，订单号 {data['order_no']}。",
        f"原有效期：{day(data['old']['not_before'])} 至 {day(data['old']['not_after'])}",
        f"新有效期：{new}",
        f"新证书将于 {activation} 生效（指南 2.3 ③），之后请拔插 Ukey 再登录验证。",
        "请牢记新设置的 Ukey 密码。",
    ]
    if unsaved := data["record_not_saved"]:
        lines += [f"注意：{unsaved['message']}", f"下一步：{unsaved['next_step']}"]
    return "\n".join(lines)


def cmd_renew(args: argparse.Namespace) -> int:
    from ukey_renew.cli.prompts import TerminalPrompts, ask_holder, holder_from_environment, read_pin
    from ukey_renew.practice import FIXED_CAPTCHA
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
            raise AlreadyRenewed(done.order_no, day(done.new_not_after))
        unfinished = None if args.dry_run else session.unfinished(choice)
        if unfinished is None:  # told before the PIN is typed, as the wizard's check page does
            pin_status, verdict = session.check(choice)
            if not verdict.eligible:  # guide 1.3 note 2
                raise RenewalNotEligible(verdict.message)
            if pin_status.locked:  # guide 3.6
                raise PinLocked()
        pin = read_pin(unfinished.pin_hint() if unfinished else "")
        prompts = TerminalPrompts(fixed_captcha=FIXED_CAPTCHA)
        on_event = None if args.json else _progress
        result = session.renew(
            choice, prompts, on_event, holder=holder, pin=pin, dry_run=args.dry_run, again=args.again
        )
        # Told before the built-in site shuts down: the renewal is recorded, and
        # a stop during the shutdown must not leave the user without its result.
        emit(args, result.to_dict(), _renew_text)
    finally:
        session.close()
    return 0


def _abandon(args: argparse.Namespace, session: Session, choice: KeyChoice) -> int:
    """Drops the practice key's unfinished renewal on purpose, saying what is
    given up: the way out when a resume cannot go on (an order the site no
    longer knows, guide 2.2 ⑤)."""
    state = session.abandon(choice)
    dropped = None
    if state is not None:
        dropped = {"order_no": state.order_no, "started_at": state.started_at, "done": session.steps_done(state)}

    def text(found: dict[str, Any]) -> str:
        gone = found["abandoned"]
        if gone is None:
            return "没有未完成的延期。"
        order = gone["order_no"] or "尚未生成"
        return (
            f"已放弃上次未完成的延期（订单号 {order}；已完成：{'、'.join(gone['done']) or '无'}）。"
            "网站上的订单不会因此撤销；再次延期会生成新订单。"
        )

    emit(args, {"abandoned": dropped}, text)
    return 0
