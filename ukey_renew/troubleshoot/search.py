"""Finding the FAQ entry for what a user types, or for an error.

Chinese needs no word spaces, so the text is cut into character bigrams (and
ASCII words such as "ukey", "ie", "360"), weighted by TF-IDF, and compared by
cosine. The entries' ``phrases`` (how users say it) weigh double. Small,
dependency-free and fast enough: the whole guide is a few dozen entries.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from ukey_renew.troubleshoot.faq import Entry, Faq

_ASCII_WORD = re.compile(r"[a-z0-9]+")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
# Words that say nothing about the problem; they would only add noise.
_STOP = {"怎么", "什么", "为什", "么办", "一下", "可以", "是不", "不是", "我们", "这个", "那个", "了怎"}


def features(text: str) -> Counter[str]:
    text = text.lower()
    found: Counter[str] = Counter()
    for word in _ASCII_WORD.findall(text):
        found["w:" + word] += 1
    for run in _CJK_RUN.findall(text):
        if len(run) == 1:
            found[run] += 1
        for i in range(len(run) - 1):
            gram = run[i : i + 2]
            if gram not in _STOP:
                found[gram] += 1
    return found


@dataclass(frozen=True)
class Hit:
    entry: Entry
    score: float


class Index:
    def __init__(self, faq: Faq) -> None:
        self.faq = faq
        documents: dict[str, Counter[str]] = {}
        for entry in faq.entries.values():
            counts = features(entry.text())
            for phrase in (*entry.phrases, entry.title):
                counts.update(features(phrase))  # how users say it counts twice
            documents[entry.id] = counts
        frequency: Counter[str] = Counter()
        for counts in documents.values():
            frequency.update(set(counts))
        total = len(documents)
        self._idf = {term: math.log((1 + total) / (1 + seen)) + 1 for term, seen in frequency.items()}
        self._vectors = {entry_id: self._vector(counts) for entry_id, counts in documents.items()}

    def _vector(self, counts: Counter[str]) -> dict[str, float]:
        weights = {term: (1 + math.log(n)) * self._idf.get(term, 0.0) for term, n in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {term: w / norm for term, w in weights.items()}

    def search(self, query: str, limit: int = 5) -> list[Hit]:
        wanted = self._vector(features(query))
        hits = []
        for entry_id, vector in self._vectors.items():
            score = sum(weight * vector.get(term, 0.0) for term, weight in wanted.items())
            if score > 0:
                hits.append(Hit(self.faq.entries[entry_id], round(score, 4)))
        hits.sort(key=lambda hit: (-hit.score, hit.entry.id))
        return hits[:limit]

    def for_error(self, error: str, limit: int = 5) -> list[Hit]:
        """Our error id or a site's message → its entry; anything else → search."""
        entry = self.faq.by_error(error.strip()) or self.faq.by_site_message(error)
        if entry is not None:
            return [Hit(entry, 1.0)]
        return self.search(error, limit)
