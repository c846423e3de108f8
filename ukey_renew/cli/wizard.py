"""The desktop wizard, the program's default face, started from the command
line: its tour (screenshots of every page) and its self-test."""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from ukey_renew import paths
from ukey_renew.cli.output import now

# For the tour's first-paint figure: from our start, or from when a launcher
# (the benchmark) says it started us, in seconds since the epoch.
STARTED = time.perf_counter() - max(0.0, time.time() - float(os.environ.get("UKEY_RENEW_STARTED_AT") or time.time()))


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
        _prepare(route)
    return run(
        practice_only=args.practice and route != "no-key",  # no key plugged in: the default mode's first page
        lang=args.lang,
        tour=tour,
        route=route,
        started=STARTED,
        site_latency=args.site_latency,
        remind=args.remind,
    )


def _prepare(route: str) -> None:
    """The practice key in the state the tour's route starts from; "reopen"
    starts from a key renewed today, renewed through the session as the
    wizard renews."""
    from ukey_renew import practice
    from ukey_renew.gui.context import TourAnswers
    from ukey_renew.session import Session

    answers = TourAnswers()
    practice.prepare_route(paths.data_dir(), now(), route, answers.wrong_pin)
    if route == "reopen":
        with Session(paths.data_dir(), practice_only=True, fixed_captcha=practice.FIXED_CAPTCHA) as session:
            scripted = practice.ScriptedAnswers(answers.new_password)
            holder = (answers.holder_name, answers.holder_mobile)
            session.renew(session.practice_key(), scripted, holder=holder, pin=answers.pin)
