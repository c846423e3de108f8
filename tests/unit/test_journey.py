"""Every route of the wizard walked without Qt: each page fills the journey
as its widgets would, and the map says where it goes (Electrum's wizard
tests are the model)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ukey_renew.journey import (
    CHECK,
    DETECT,
    FORM,
    GUIDED,
    PAGES,
    RENEW,
    REPLACEMENT,
    RESUME,
    UNLOCK,
    VERIFY,
    Journey,
    Verdict,
    is_complete,
    next_page,
    preselected,
    verdict_of,
)

Fill = Callable[[Journey], None]


def _holder(state: Journey) -> None:
    state.pin_given = True
    state.holder_name, state.holder_mobile = "张三", "13800138000"


def _renewed(state: Journey) -> None:
    state.renewal_order = "R-1"


def _seen(state: Journey) -> None:
    state.new_certificate_seen = True


def _verified(state: Journey) -> None:
    state.verified = True


def walk(state: Journey, fills: dict[str, Fill]) -> list[str]:
    """The pages a user goes through: on each, what the page fills, then the
    map's next page, until the journey ends. Every page passed was complete."""
    page: str | None = DETECT
    seen: list[str] = []
    while page is not None:
        assert page not in seen, f"{page} met twice: {seen}"  # Qt refuses a page twice
        seen.append(page)
        if page in fills:
            fills[page](state)
        following = next_page(state, page)
        if following is not None:
            assert is_complete(state, page), f"{page} incomplete on the way to {following}"
        page = following
    return seen


def _checked(verdict: Verdict, **more: object) -> Fill:
    def fill(state: Journey) -> None:
        state.verdict = verdict
        for name, value in more.items():
            setattr(state, name, value)

    return fill


PRACTICE_FILLS: dict[str, Fill] = {
    CHECK: _checked(Verdict.RENEWABLE),
    FORM: _holder,
    RENEW: _renewed,
    VERIFY: _verified,
}


def test_practice_renewal() -> None:
    state = Journey(practice=True)
    assert walk(state, PRACTICE_FILLS) == [DETECT, CHECK, FORM, RENEW, VERIFY]
    assert is_complete(state, VERIFY)


def test_real_key_goes_to_guided_mode_then_verify_never_to_the_form() -> None:
    state = Journey(practice=False)
    fills = {CHECK: _checked(Verdict.RENEWABLE), GUIDED: _seen, VERIFY: _verified}
    assert walk(state, fills) == [DETECT, CHECK, GUIDED, VERIFY]


@pytest.mark.parametrize("verdict", list(Verdict))
@pytest.mark.parametrize("again", [False, True])
@pytest.mark.parametrize("resumable", [False, True])
def test_a_real_key_never_reaches_the_practice_form(verdict: Verdict, again: bool, resumable: bool) -> None:
    state = Journey(practice=False, verdict=verdict, again=again, resumable=resumable)
    assert {next_page(state, CHECK), next_page(state, UNLOCK)}.isdisjoint({FORM, RESUME, RENEW})


def test_guided_page_waits_for_the_new_certificate() -> None:
    """The guided page's hook: it goes on once it saw the key renewed."""
    state = Journey(practice=False, verdict=Verdict.RENEWABLE)
    assert next_page(state, CHECK) == GUIDED
    assert next_page(state, GUIDED) == VERIFY and not is_complete(state, GUIDED)
    _seen(state)
    assert is_complete(state, GUIDED)


def test_expired_over_30_days_leads_to_the_replacement_letter() -> None:
    for practice in (True, False):
        state = Journey(practice=practice)
        assert walk(state, {CHECK: _checked(Verdict.REPLACEMENT)}) == [DETECT, CHECK, REPLACEMENT]
        assert is_complete(state, CHECK) and is_complete(state, REPLACEMENT)  # not a dead end: on, then finish


def test_locked_key_goes_to_unlock_and_on_once_unlocked() -> None:
    still_locked = Journey(practice=True)
    assert walk(still_locked, {CHECK: _checked(Verdict.LOCKED)}) == [DETECT, CHECK, UNLOCK]
    assert is_complete(still_locked, UNLOCK)  # the user may leave while the request is pending

    unlocked = Journey(practice=True)
    fills = {CHECK: _checked(Verdict.LOCKED), UNLOCK: _checked(Verdict.RENEWABLE)} | {
        page: fill for page, fill in PRACTICE_FILLS.items() if page != CHECK
    }
    assert walk(unlocked, fills) == [DETECT, CHECK, UNLOCK, FORM, RENEW, VERIFY]

    real = Journey(practice=False)
    fills = {CHECK: _checked(Verdict.LOCKED), UNLOCK: _checked(Verdict.RENEWABLE), GUIDED: _seen, VERIFY: _verified}
    assert walk(real, fills) == [DETECT, CHECK, UNLOCK, GUIDED, VERIFY]


def test_renewed_today_leads_to_verify_and_again_needs_a_choice() -> None:
    """Reopened after a renewal: no dead end on the check page, but on to
    verify (replug, countdown, login test, receipt: guide 2.3), also after an unlock."""
    for practice in (True, False):
        state = Journey(practice=practice)
        fills = {CHECK: _checked(Verdict.RENEWED_TODAY, renewed_today_order="R-0"), VERIFY: _verified}
        assert walk(state, fills) == [DETECT, CHECK, VERIFY]

        unlocked = Journey(practice=practice)
        fills = {CHECK: _checked(Verdict.LOCKED), UNLOCK: _checked(Verdict.RENEWED_TODAY), VERIFY: _verified}
        assert walk(unlocked, fills) == [DETECT, CHECK, UNLOCK, VERIFY]

    again = Journey(practice=True)
    fills = PRACTICE_FILLS | {CHECK: _checked(Verdict.RENEWED_TODAY, again=True)}
    assert walk(again, fills) == [DETECT, CHECK, FORM, RENEW, VERIFY]


def test_interrupted_renewal_resumes_with_the_pin_only() -> None:
    state = Journey(practice=True)

    def pin_only(state: Journey) -> None:
        state.pin_given = True

    fills = PRACTICE_FILLS | {CHECK: _checked(Verdict.RENEWABLE, resumable=True), RESUME: pin_only}
    assert walk(state, fills) == [DETECT, CHECK, RESUME, RENEW, VERIFY]
    assert not is_complete(state, FORM)  # the holder comes from the journal, not from new input


def test_no_renewal_with_a_pin_locked_on_the_form() -> None:
    """A wrong PIN used the last try: the form, read again, offers unlock and no renewal (guide 3.6)."""
    for page, state in (
        (FORM, Journey(practice=True, verdict=Verdict.RENEWABLE, pin_given=True, holder_name="张三",
                       holder_mobile="13800138000")),
        (RESUME, Journey(practice=True, verdict=Verdict.RENEWABLE, resumable=True, pin_given=True)),
    ):  # fmt: skip
        assert is_complete(state, page)
        state.pin_locked = True
        assert not is_complete(state, page)


def test_refused_check_is_the_end_and_not_complete() -> None:
    state = Journey(practice=True)
    assert walk(state, {CHECK: _checked(Verdict.REFUSED)}) == [DETECT, CHECK]
    assert not is_complete(state, CHECK)


@pytest.mark.parametrize(
    ("practice", "practice_only", "row"),
    [
        ([True, False, False], False, 1),  # the first real key, wherever the practice key is listed
        ([True], False, None),  # no key plugged in: nothing chosen for the user (guide 3.3)
        ([], False, None),
        ([True], True, 0),  # practice mode: the practice key is all there is
        ([], True, None),
    ],
)
def test_the_first_page_never_chooses_the_practice_key_as_if_it_were_the_users(
    practice: list[bool], practice_only: bool, row: int | None
) -> None:
    assert preselected(practice, practice_only) == row


def test_nothing_goes_on_before_the_pages_filled_it() -> None:
    state = Journey()
    assert not is_complete(state, DETECT)
    state.practice = True
    assert next_page(state, CHECK) is None and not is_complete(state, CHECK)  # still reading the key
    state.verdict = Verdict.RENEWABLE
    assert not is_complete(state, FORM)
    state.pin_given, state.holder_name, state.holder_mobile = True, "张三", "1380013800"  # one digit short
    assert not is_complete(state, FORM)
    assert not is_complete(state, RENEW) and not is_complete(state, VERIFY)


def test_every_page_has_a_route_and_a_completeness() -> None:
    state = Journey(practice=True, verdict=Verdict.RENEWABLE)
    for page in PAGES:
        following = next_page(state, page)
        assert following is None or following in PAGES
        assert isinstance(is_complete(state, page), bool)


@pytest.mark.parametrize(
    ("reason", "locked", "today", "verdict"),
    [
        ("renewable", False, False, Verdict.RENEWABLE),
        ("expired_renewable", False, False, Verdict.RENEWABLE),
        ("renewable", False, True, Verdict.RENEWED_TODAY),
        ("renewable", True, False, Verdict.LOCKED),
        ("renewable", True, True, Verdict.LOCKED),
        ("expired_too_long", True, False, Verdict.REPLACEMENT),  # a new key needs no unlock
        ("not_in_window", False, False, Verdict.REFUSED),
        ("not_yet_valid", False, True, Verdict.REFUSED),
    ],
)
def test_verdict_of(reason: str, locked: bool, today: bool, verdict: Verdict) -> None:
    assert verdict_of(reason, locked, today) is verdict
