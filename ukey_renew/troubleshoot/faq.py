"""The FAQ trees of ``resources/faq/`` (schema in its README), loaded and checked.

A malformed file is a packaging error, not a user's problem: the schema test
catches it before release, and :func:`load_faq` refuses it with a message that
names the file, the entry and what is wrong.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ukey_renew import paths

NODE_KINDS = {
    "question": ("yes", "no"),
    "check": ("check", "ok", "fail"),
    "action": ("steps",),
    "link": ("entry",),
    "end": (),
}
_ENTRY_KEYS = {"id", "section", "title", "summary", "phrases", "start", "node"}
_OPTIONAL_ENTRY_KEYS = {"case", "prompt", "errors", "site_messages"}
_NODE_TARGETS = ("yes", "no", "ok", "fail", "next")


class FaqError(Exception):
    """The FAQ data does not follow the schema."""


@dataclass(frozen=True)
class Node:
    id: str
    kind: str
    text: str
    data: dict[str, Any]

    def target(self, key: str) -> str | None:
        value = self.data.get(key)
        return str(value) if value else None

    @property
    def steps(self) -> list[str]:
        return list(self.data.get("steps", []))


@dataclass(frozen=True)
class Entry:
    id: str
    section: str
    title: str
    summary: str
    phrases: tuple[str, ...]
    start: str
    nodes: dict[str, Node]
    case: int | None = None
    prompt: int | None = None
    errors: tuple[str, ...] = ()
    site_messages: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """How the guide names it: "3.3", "3.9 情况 2", "3.10 报错提示 5"."""
        if self.case:
            return f"{self.section} 情况 {self.case}"
        if self.prompt:
            return f"{self.section} 报错提示 {self.prompt}"
        return self.section

    def text(self) -> str:
        """Everything a user might recognise in the entry, for search."""
        parts = [self.title, self.summary, *self.phrases, *self.site_messages]
        for node in self.nodes.values():
            parts.append(node.text)
            parts.extend(node.steps)
        return "\n".join(parts)


@dataclass
class Faq:
    entries: dict[str, Entry] = field(default_factory=dict)

    def by_error(self, error_id: str) -> Entry | None:
        return next((entry for entry in self.entries.values() if error_id in entry.errors), None)

    def by_site_message(self, message: str) -> Entry | None:
        return next(
            (entry for entry in self.entries.values() if any(known in message for known in entry.site_messages)),
            None,
        )


def _fail(where: str, problem: str) -> FaqError:
    return FaqError(f"{where}: {problem}")


def _entry(raw: dict[str, Any], where: str) -> Entry:
    missing = _ENTRY_KEYS - raw.keys()
    unknown = raw.keys() - _ENTRY_KEYS - _OPTIONAL_ENTRY_KEYS
    if missing or unknown:
        raise _fail(where, f"missing {sorted(missing)}, unknown {sorted(unknown)}")
    nodes: dict[str, Node] = {}
    for item in raw["node"]:
        kind = item.get("kind")
        if kind not in NODE_KINDS:
            raise _fail(where, f"node {item.get('id')}: kind {kind!r}")
        required = ("id", *NODE_KINDS[kind]) + (() if kind == "link" else ("text",))
        for key in required:
            if key not in item:
                raise _fail(where, f"node {item.get('id')}: {kind} needs {key!r}")
        if item["id"] in nodes:
            raise _fail(where, f"node {item['id']} twice")
        nodes[item["id"]] = Node(item["id"], kind, item.get("text", ""), item)
    if raw["start"] not in nodes:
        raise _fail(where, f"start {raw['start']!r} is no node")
    for node in nodes.values():
        for key in _NODE_TARGETS:
            target = node.target(key)
            if target and target not in nodes:
                raise _fail(where, f"node {node.id}: {key} → {target!r} is no node")
    if not raw["phrases"]:
        raise _fail(where, "no phrases")
    return Entry(
        id=raw["id"],
        section=str(raw["section"]),
        title=raw["title"],
        summary=raw["summary"],
        phrases=tuple(raw["phrases"]),
        start=raw["start"],
        nodes=nodes,
        case=raw.get("case"),
        prompt=raw.get("prompt"),
        errors=tuple(raw.get("errors", ())),
        site_messages=tuple(raw.get("site_messages", ())),
    )


def load_folder(folder: Path) -> Faq:
    faq = Faq()
    for path in sorted(folder.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise _fail(path.name, f"not TOML: {exc}") from None
        for raw in data.get("entry", []):
            entry = _entry(raw, f"{path.name} [{raw.get('id')}]")
            if entry.id in faq.entries:
                raise _fail(path.name, f"entry {entry.id} twice")
            faq.entries[entry.id] = entry
    for entry in faq.entries.values():
        for node in entry.nodes.values():
            linked = node.target("entry")
            if node.kind == "link" and linked not in faq.entries:
                raise _fail(entry.id, f"node {node.id} links to unknown entry {linked!r}")
    return faq


@cache
def load_faq() -> Faq:
    return load_folder(paths.resource("faq"))
