"""The FAQ trees: schema, links, coverage of the guide, and search accuracy."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.unit.faq_phrasings import HELD_OUT, PHRASINGS
from ukey_renew import errors
from ukey_renew.site.client import REFUSALS
from ukey_renew.troubleshoot.checks import CHECKS
from ukey_renew.troubleshoot.faq import FaqError, load_faq, load_folder
from ukey_renew.troubleshoot.search import Index


def _error_ids() -> set[str]:
    found = set()
    stack = [errors.UkeyError]
    while stack:
        cls = stack.pop()
        found.add(cls.id)
        stack.extend(cls.__subclasses__())
    found.discard("site.error")  # the base of the site's refusals, never raised as such
    return found | {f"site.{code}" for code in REFUSALS} | {"letter.invalid", "gui.no_display"}


def test_trees_load_and_every_node_is_reachable() -> None:
    faq = load_faq()
    assert len(faq.entries) >= 25
    for entry in faq.entries.values():
        seen, todo = set(), [entry.start]
        while todo:
            node = entry.nodes[todo.pop()]
            if node.id in seen:
                continue
            seen.add(node.id)
            todo.extend(t for key in ("yes", "no", "ok", "fail", "next") if (t := node.target(key)))
        assert seen == set(entry.nodes), f"{entry.id}: unreachable {set(entry.nodes) - seen}"
        for node in entry.nodes.values():
            if node.kind == "check":
                assert node.data["check"] in CHECKS, f"{entry.id}/{node.id}: unknown check"


def test_error_ids_are_real_and_all_routed() -> None:
    faq = load_faq()
    known = _error_ids()
    listed = {error for entry in faq.entries.values() for error in entry.errors}
    assert listed <= known, f"unknown ids in FAQ: {listed - known}"
    unrouted = {error for error in known if faq.by_error(error) is None} - {"gui.no_display", "letter.invalid"}
    assert not unrouted, f"errors with no FAQ entry: {sorted(unrouted)}"


def test_every_numbered_part_of_the_guide_has_an_entry() -> None:
    guide = tomllib.loads((FIXTURES / "guide.toml").read_text(encoding="utf-8"))
    faq = load_faq()
    sections = {entry.section for entry in faq.entries.values()}
    for section in set(guide["sections"]) | {"1.2", "1.3", "2.1", "2.2", "2.3"}:
        assert section in sections, f"guide {section} has no FAQ entry"
    prompts = set(range(1, guide["prompts_3_10"]["count"] + 1))
    assert prompts == {e.prompt for e in faq.entries.values() if e.section == "3.10"}
    cases = {int(n) for n in guide["cases_3_9"]}
    assert cases == {e.case for e in faq.entries.values() if e.section == "3.9"}


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('[[entry]]\nid = "x"\n', "missing"),
        ('[[entry]]\nid="x"\nsection="1"\ntitle="t"\nsummary="s"\nphrases=["p"]\nstart="a"\n'
         '[[entry.node]]\nid="a"\nkind="jump"\ntext="?"\n', "kind"),
        ('[[entry]]\nid="x"\nsection="1"\ntitle="t"\nsummary="s"\nphrases=["p"]\nstart="a"\n'
         '[[entry.node]]\nid="a"\nkind="question"\ntext="?"\nyes="b"\nno="a"\n', "is no node"),
        ('[[entry]]\nid="x"\nsection="1"\ntitle="t"\nsummary="s"\nphrases=["p"]\nstart="a"\n'
         '[[entry.node]]\nid="a"\nkind="link"\nentry="nowhere"\n', "unknown entry"),
        ("this is = not [toml", "not TOML"),
    ],
)  # fmt: skip
def test_malformed_trees_are_refused(tmp_path: Path, text: str, problem: str) -> None:
    (tmp_path / "bad.toml").write_text(text, encoding="utf-8")
    with pytest.raises(FaqError, match=problem):
        load_folder(tmp_path)


def _accuracy(index: Index, phrasings: list[tuple[str, str]]) -> tuple[float, float]:
    top1 = sum([hit.entry.id for hit in index.search(q, 1)] == [want] for q, want in phrasings)
    top3 = sum(want in [hit.entry.id for hit in index.search(q, 3)] for q, want in phrasings)
    return top1 / len(phrasings), top3 / len(phrasings)


def test_search_accuracy() -> None:
    index = Index(load_faq())
    everything = PHRASINGS + HELD_OUT
    assert len(everything) >= 40
    top1, top3 = _accuracy(index, everything)
    held_top1, held_top3 = _accuracy(index, HELD_OUT)
    print(f"search: all {len(everything)}: top-1 {top1:.1%}, top-3 {top3:.1%}; "
          f"held-out {len(HELD_OUT)}: top-1 {held_top1:.1%}, top-3 {held_top3:.1%}")  # fmt: skip
    assert top1 >= 0.90 and top3 >= 0.97


def test_errors_and_site_messages_find_their_entry() -> None:
    index = Index(load_faq())
    assert index.for_error("pin.locked")[0].entry.id == "3.6"
    assert index.for_error("site.captcha_wrong")[0].entry.id == "3.10-3"
    assert index.for_error("您的证书已被吊销，不能进行在线更新")[0].entry.id == "3.10-5"
    fallback = index.for_error("no.such.error 证书助手里没有证书")
    assert fallback and fallback[0].entry.id == "3.3" and fallback[0].score < 1.0
