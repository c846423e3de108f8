"""BJCA's user list, whatever it holds: every usable entry kept, in order,
every other one reported (the old client threw the whole list away)."""

from __future__ import annotations

from typing import Any, cast

from hypothesis import given
from hypothesis import strategies as st

from ukey_renew.errors import ServiceRefused
from ukey_renew.token.xtxapp import XTXAppClient, usable_entries

_TEXT = st.text(st.characters(blacklist_characters="&|/"), min_size=1, max_size=8)
_GOOD = st.builds(lambda n, c, d: f"{n}||{c}/{d}", _TEXT, _TEXT, _TEXT)
_STALE = st.builds(lambda n, c: f"{n}||{c}/PULLED", _TEXT, _TEXT)
_BROKEN = st.one_of(_TEXT, st.builds(lambda n, c: f"{n}||{c}", _TEXT, _TEXT))


class _Listing:
    """Answers like the service: the list as text; a stale entry's export fails."""

    def __init__(self, entries: list[str]) -> None:
        self.entries = entries

    def call(self, func: str, *params: Any) -> str:
        return "".join(entry + "&&&" for entry in self.entries)

    def binary(self, func: str, cert_id: str) -> bytes:
        if cert_id.endswith("/PULLED"):
            raise ServiceRefused(func, 0x0B000027, "判断容器是否存在:指定容器不存在！")
        return cert_id.encode("utf-8", "surrogatepass")


@given(st.lists(st.one_of(_GOOD, _STALE, _BROKEN), max_size=8))
def test_every_usable_entry_is_kept(entries: list[str]) -> None:
    usable, problems = usable_entries(cast(XTXAppClient, _Listing(entries)))
    good = [entry for entry in entries if "||" in entry and "/" in entry and not entry.endswith("/PULLED")]
    assert [f"{name}||{cert_id}" for name, cert_id, _der in usable] == good
    assert [der.decode("utf-8", "surrogatepass") for _name, _cert_id, der in usable] == [
        entry.split("||", 1)[1] for entry in good
    ]
    assert len(problems) == len(entries) - len(good)
    assert {problem.id for problem in problems} <= {"xtxapp.entry_skipped"}
