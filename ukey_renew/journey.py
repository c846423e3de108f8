"""The wizard's routes as a map over the journey's state, without Qt.

Which page follows which is decided here, from data the pages fill in, not in
widgets: so every route (practice renewal, a real key in the browser, the
replacement letter, unlock, resume, a key renewed today) can be read in one
table and walked in tests without a GUI. Electrum's wizard is the model.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from ukey_renew.errors import HolderInvalid
from ukey_renew.rules import check_holder

# Page ids. The wizard numbers them for Qt in this order.
DETECT, CHECK, FORM, RESUME, RENEW = "detect", "check", "form", "resume", "renew"
GUIDED, VERIFY, UNLOCK, REPLACEMENT = "guided", "verify", "unlock", "replacement"
PAGES = (DETECT, CHECK, FORM, RESUME, RENEW, GUIDED, VERIFY, UNLOCK, REPLACEMENT)


class Verdict(Enum):
    """What the check page found, as far as the route cares."""

    RENEWABLE = "renewable"
    REPLACEMENT = "replacement"  # expired over 30 days: a new key (guide 1.3 note 2, 3.7)
    LOCKED = "locked"  # the PIN is locked: unlock first (guide 3.6)
    REFUSED = "refused"  # not now: the clock is wrong, or too early for the site
    RENEWED_TODAY = "renewed_today"  # the records say it was renewed today


def verdict_of(reason: str, locked: bool, renewed_today: bool) -> Verdict:
    """From the eligibility's ``reason`` (certs.renewal_eligibility), the PIN's
    state and the records. A key to replace needs no unlock first."""
    if reason == "expired_too_long":
        return Verdict.REPLACEMENT
    if locked:
        return Verdict.LOCKED
    if reason not in ("renewable", "expired_renewable"):
        return Verdict.REFUSED
    return Verdict.RENEWED_TODAY if renewed_today else Verdict.RENEWABLE


def preselected(practice: list[bool], practice_only: bool) -> int | None:
    """The key the first page selects, by row, from each found key's
    ``practice`` flag: the first real key. The practice key only where it is
    all there is to offer (practice mode); with no real key plugged in nothing
    is selected: that is the no-key state (guide 3.3), where the practice key
    is offered as practice and chosen by the user, never as if it were theirs."""
    real = [row for row, is_practice in enumerate(practice) if not is_practice]
    if real:
        return real[0]
    return 0 if practice_only and practice else None


@dataclass
class Journey:
    """What the pages have learnt so far; each fills its part."""

    practice: bool | None = None  # None until a key is chosen
    verdict: Verdict | None = None  # None until the check has read the key
    renewed_today_order: str = ""  # today's order from the records, to show it
    again: bool = False  # renew once more although renewed today: the user's explicit choice
    resumable: bool = False  # an unfinished renewal of this key is journalled
    pin_given: bool = False
    pin_locked: bool = False  # read again on the form after a wrong PIN: no try left, unlock first (guide 3.6)
    holder_name: str = ""
    holder_mobile: str = ""
    renewal_order: str = ""  # set when this run's renewal finished
    new_certificate_seen: bool = False  # guided mode: the key holds a new certificate
    verified: bool = False

    @property
    def holder_valid(self) -> bool:
        try:
            check_holder(self.holder_name, self.holder_mobile)
        except HolderInvalid:
            return False
        return True


def _renewal(state: Journey) -> str:
    """Where the renewal itself is done: the practice site runs inside the
    program, the production site only in the browser."""
    if not state.practice:
        return GUIDED
    return RESUME if state.resumable else FORM


def _after_check(state: Journey) -> str | None:
    match state.verdict:
        case Verdict.REPLACEMENT:
            return REPLACEMENT
        case Verdict.LOCKED:
            return UNLOCK
        case Verdict.RENEWED_TODAY if not state.again:
            return VERIFY  # replug, compare, the activation countdown, the login test and the receipt (guide 2.3)
        case Verdict.RENEWABLE | Verdict.RENEWED_TODAY:
            return _renewal(state)
        case _:
            return None


def _after_unlock(state: Journey) -> str | None:
    """The unlock page checks the key again: unlocked, the journey goes on as the check says."""
    return None if state.verdict is Verdict.LOCKED else _after_check(state)


_NEXT: dict[str, Callable[[Journey], str | None]] = {
    DETECT: lambda state: CHECK,
    CHECK: _after_check,
    FORM: lambda state: RENEW,
    RESUME: lambda state: RENEW,
    RENEW: lambda state: VERIFY,
    GUIDED: lambda state: VERIFY,
    VERIFY: lambda state: None,
    UNLOCK: _after_unlock,
    REPLACEMENT: lambda state: None,
}

_COMPLETE: dict[str, Callable[[Journey], bool]] = {
    DETECT: lambda state: state.practice is not None,
    CHECK: lambda state: state.verdict not in (None, Verdict.REFUSED),
    FORM: lambda state: state.pin_given and state.holder_valid and not state.pin_locked,
    RESUME: lambda state: state.pin_given and not state.pin_locked,  # the order and the holder come from the journal
    RENEW: lambda state: bool(state.renewal_order),
    GUIDED: lambda state: state.new_certificate_seen,
    VERIFY: lambda state: state.verified,
    UNLOCK: lambda state: True,  # still locked, the user may leave and come back once unlocked
    REPLACEMENT: lambda state: True,
}


def next_page(state: Journey, page: str) -> str | None:
    """The page after ``page``; None where the journey ends."""
    return _NEXT[page](state)


def is_complete(state: Journey, page: str) -> bool:
    """Whether ``page`` has what the next one needs."""
    return _COMPLETE[page](state)
