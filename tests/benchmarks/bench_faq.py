"""Figures for docs/performance.md: the FAQ search on the held-out set by
kind of question (``tests/unit/faq_heldout_kinds.py``).

    python -m tests.benchmarks.bench_faq

First how long the index takes to build and a search to run; then per kind
how many of the answerable questions get their entry first and in the top 3,
and how many of those the guide does not answer rightly get nothing. Prints
figures and the misses; asserts nothing (tests/unit/test_faq.py holds the
floors).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from tests.unit.faq_heldout_kinds import HELD_OUT_KINDS
from ukey_renew.troubleshoot.faq import load_faq
from ukey_renew.troubleshoot.search import Index


@dataclass
class Figures:
    answerable: int = 0
    first: int = 0
    top3: int = 0
    unanswerable: int = 0
    unanswered: int = 0
    misses: list[str] = field(default_factory=list)


def measure(index: Index, questions: list[tuple[str, str | None]]) -> Figures:
    figures = Figures()
    for question, wanted in questions:
        found = [hit.entry.id for hit in index.search(question, 3)]
        if wanted is None:
            figures.unanswerable += 1
            figures.unanswered += not found
            if found:
                figures.misses.append(f"{question!r}: wanted none, got {found}")
            continue
        figures.answerable += 1
        figures.first += found[:1] == [wanted]
        figures.top3 += wanted in found
        if found[:1] != [wanted]:
            figures.misses.append(f"{question!r}: wanted {wanted}, got {found}")
    return figures


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole:.0%}" if whole else "—"


def main() -> None:
    faq = load_faq()
    started = time.perf_counter()
    index = Index(faq)
    built = time.perf_counter()
    every = [question for kind in HELD_OUT_KINDS.values() for question, _ in kind]
    for question in every:
        index.search(question)
    searched = time.perf_counter()
    print(f"index built in {1000 * (built - started):.0f} ms; a search takes "
          f"{1000 * (searched - built) / len(every):.1f} ms on average ({len(every)} questions)\n")  # fmt: skip
    print("| kind | questions | first | top 3 | rightly unanswered |")
    print("|---|---|---|---|---|")
    misses = []
    for kind, questions in HELD_OUT_KINDS.items():
        got = measure(index, questions)
        print(
            f"| {kind} | {len(questions)} | {_share(got.first, got.answerable)} | {_share(got.top3, got.answerable)} "
            f"| {_share(got.unanswered, got.unanswerable)} |"
        )
        misses += [f"{kind}: {miss}" for miss in got.misses]
    print("\nMisses:")
    print("\n".join(misses))


if __name__ == "__main__":
    main()
