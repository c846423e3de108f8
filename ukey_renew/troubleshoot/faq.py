"""The FAQ trees of ``resources/faq/`` (schema in its README), loaded and checked.

A malformed file is a packaging error, not a user's problem: the schema test
catches it before release, and :func:`load_faq` refuses it with a message that
names the file, the entry and what is wrong. The English wording of every
entry lives in ``resources/faq/en/`` beside it; an entry or node without it is
refused the same way, so the English window never shows a Chinese-only entry.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from ukey_renew import paths
from ukey_renew.errors import UkeyError

NODE_KINDS = {
    "question": ("yes", "no"),
    "check": ("check", "ok", "fail"),
    "action": ("steps",),
    "link": ("entry",),
    "end": (),
}
_ENTRY_KEYS = {"id", "section", "title", "summary", "phrases", "start", "node"}
_OPTIONAL_ENTRY_KEYS = {"case", "prompt", "hard_case", "errors", "site_messages"}
_NODE_TARGETS = ("yes", "no", "ok", "fail", "skip", "next")
_ENGLISH_KEYS = {"id", "title", "summary", "phrases", "node"}
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class FaqError(Exception):
    """The FAQ data does not follow the schema."""


class UnknownEntry(UkeyError):
    """An entry id that does not exist, typed by IT staff: the message lists the valid ones."""

    id = "faq.unknown_entry"
    next_step = "请用上面列出的编号之一，或用 --query 描述问题。"

    def __init__(self, entry_id: str, valid: Iterable[str]) -> None:
        self.valid = sorted(valid, key=guide_order)
        super().__init__(f"没有编号为“{entry_id}”的问题。可用的编号：{' '.join(self.valid)}")

    def as_dict(self) -> dict[str, Any]:
        return {**super().as_dict(), "valid_ids": self.valid}


def guide_order(entry_id: str) -> tuple[int, ...]:
    """Ids sort as the guide numbers them: "3.9-1" before "3.10-1"."""
    return tuple(int(number) for number in re.findall(r"\d+", entry_id))


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

    def after(self, status: str) -> str | None:
        """Where a check leads: a check that cannot run here ("skip") asks the
        user where the tree says so, rather than taking the problem branch."""
        if status == "ok":
            return self.target("ok")
        return self.target("skip") if status == "skip" and self.target("skip") else self.target("fail")


@dataclass(frozen=True)
class Wording:
    """An entry in another language: its title, summary, phrases, and each node's text and steps."""

    title: str
    summary: str
    phrases: tuple[str, ...]
    nodes: dict[str, tuple[str, tuple[str, ...]]]

    def texts(self) -> list[str]:
        return [self.title, self.summary, *self.phrases, *(text for text, _ in self.nodes.values())] + [
            step for _, steps in self.nodes.values() for step in steps
        ]


# The words around the FAQ's own, in each language it is shown in (the outline, the command line's answers).
WORDS = {
    "zh": {"guide": "指南", "case": "情况", "prompt": "报错提示", "ask": "问", "yes": "是", "no": "否",
           "check": "自动检查", "ok": "正常", "fail": "有问题", "skip": "无法检查", "see": "见", "end": "（结束）",
           "sep": "：", "semi": "；", "open": "（", "close": "）", "contacts": "联系方式（指南 3.12）：",
           "none": "没有找到相符的问题。请联系运维人员（指南 3.12）：",
           "choose": "Ukey 出了什么情况？请选一项，用 --show 查看："},
    "en": {"guide": "Guide", "case": "case", "prompt": "error prompt", "ask": "Q", "yes": "yes", "no": "no",
           "check": "automatic check", "ok": "ok", "fail": "problem", "skip": "cannot check here", "see": "see ",
           "end": " (end)", "sep": ": ", "semi": "; ", "open": " (", "close": ")", "contacts": "Contacts (guide 3.12):",
           "none": "No matching problem found. Please contact the support staff (guide 3.12):",
           "choose": "What happened to the Ukey? Choose one and see it with --show:"},
}  # fmt: skip


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
    hard_case: bool = False  # what went wrong in a hard case (guide 3.8), as the 3.9 cases are: a symptom
    errors: tuple[str, ...] = ()
    site_messages: tuple[str, ...] = ()
    english: Wording | None = None
    lang: str = "zh"

    @property
    def label(self) -> str:
        """How the guide names it: "3.3", "3.9 情况 2", "3.10 报错提示 5"."""
        words = WORDS[self.lang]
        if self.case:
            return f"{self.section} {words['case']} {self.case}"
        if self.prompt:
            return f"{self.section} {words['prompt']} {self.prompt}"
        return self.section

    def mark(self, node_id: str) -> str:
        """The node's name in an outline and in the path walked: the guide's own step number where the
        data gives it (3.3's ①–⑥), else a letter by its place ("C"), so that a node listing the guide's
        numbered steps (2.2's ①–⑨, 3.6's 1）–7）) does not stand under a second numbering."""
        given = self.nodes[node_id].data.get("mark")
        if given:
            return str(given)
        position = list(self.nodes).index(node_id)
        return _LETTERS[position] if position < len(_LETTERS) else str(position + 1)

    def reference(self) -> str:
        """How an answer names it: "指南 3.3：标题（--show 3.3）"."""
        w = WORDS[self.lang]
        return f"{w['guide']} {self.label}{w['sep']}{self.title}{w['open']}--show {self.id}{w['close']}"

    def localised(self, lang: str) -> Entry:
        """The entry as the window in ``lang`` shows it (search keeps both languages)."""
        if lang == "zh" or self.english is None:
            return self
        english = self.english
        nodes = {}
        for node_id, node in self.nodes.items():
            text, steps = english.nodes.get(node_id, ("", ()))
            nodes[node_id] = Node(node_id, node.kind, text, {**node.data, "text": text, "steps": list(steps)})
        return replace(self, title=english.title, summary=english.summary, nodes=nodes, lang=lang)

    def outline(self, faq: Faq) -> str:
        """The whole tree as text for IT staff: each node with where each answer leads."""
        w = WORDS[self.lang]
        lines = [f"{w['guide']} {self.label}{w['sep']}{self.title}", self.summary, ""]
        for node in self.nodes.values():

            def to(key: str, node: Node = node) -> str:
                return self.mark(str(node.target(key)))

            head = self.mark(node.id)
            if node.kind == "question":
                lines += [
                    f"{head} {w['ask']}{w['sep']}{node.text}",
                    f"   {w['yes']} → {to('yes')}{w['semi']}{w['no']} → {to('no')}",
                ]
            elif node.kind == "check":
                skip = f"{w['semi']}{w['skip']} → {to('skip')}" if node.target("skip") else ""
                lines += [
                    f"{head} {w['check']}{w['open']}{node.data['check']}{w['close']}{w['sep']}{node.text}",
                    f"   {w['ok']} → {to('ok')}{w['semi']}{w['fail']} → {to('fail')}{skip}",
                ]
            elif node.kind == "link":
                linked = faq.entries[str(node.data["entry"])].localised(self.lang)
                lines.append(f"{head} {node.text}{w['see']}{linked.reference()}")
            else:
                lines.append(f"{head} {node.text}" + (w["end"] if node.kind == "end" else ""))
            lines.extend(f"   · {step}" for step in node.steps)
            if node.target("next"):
                lines.append(f"   → {to('next')}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        nodes = [{**node.data, "mark": self.mark(node.id)} for node in self.nodes.values()]
        return {"id": self.id, "section": self.label, "title": self.title, "summary": self.summary, "nodes": nodes}

    def text(self) -> str:
        """Everything a user might recognise in the entry, in either language, for search."""
        parts = [self.title, self.summary, *self.phrases, *self.site_messages]
        for node in self.nodes.values():
            parts.append(node.text)
            parts.extend(node.steps)
        if self.english:
            parts.extend(self.english.texts())
        return "\n".join(parts)


@dataclass
class Faq:
    entries: dict[str, Entry] = field(default_factory=dict)

    def entry(self, entry_id: str) -> Entry:
        try:
            return self.entries[entry_id]
        except KeyError:
            raise UnknownEntry(entry_id, self.entries) from None

    def localised(self, lang: str) -> Faq:
        """Every entry as the window in ``lang`` shows it (:meth:`Entry.localised`)."""
        return Faq({entry_id: entry.localised(lang) for entry_id, entry in self.entries.items()})

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
        hard_case=bool(raw.get("hard_case", False)),
        errors=tuple(raw.get("errors", ())),
        site_messages=tuple(raw.get("site_messages", ())),
    )


def _english(raw: dict[str, Any], entry: Entry, where: str) -> Wording:
    if raw.keys() - _ENGLISH_KEYS or not {"title", "summary", "phrases"} <= raw.keys():
        raise _fail(where, f"English needs title, summary, phrases (and node), has {sorted(raw)}")
    nodes: dict[str, tuple[str, tuple[str, ...]]] = {}
    given = raw.get("node", {})
    if given.keys() - entry.nodes.keys():
        raise _fail(where, f"English for unknown nodes {sorted(given.keys() - entry.nodes.keys())}")
    for node in entry.nodes.values():
        item = given.get(node.id, {})
        if (node.text and not item.get("text")) or len(item.get("steps", [])) != len(node.steps):
            raise _fail(where, f"node {node.id}: English text or steps missing")
        nodes[node.id] = (item.get("text", ""), tuple(item.get("steps", ())))
    return Wording(raw["title"], raw["summary"], tuple(raw["phrases"]), nodes)


def _load_english(folder: Path, faq: Faq) -> None:
    english: dict[str, Wording] = {}
    for path in sorted((folder / "en").glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise _fail(f"en/{path.name}", f"not TOML: {exc}") from None
        for raw in data.get("entry", []):
            where = f"en/{path.name} [{raw.get('id')}]"
            if raw.get("id") not in faq.entries:
                raise _fail(where, "no such entry")
            english[raw["id"]] = _english(raw, faq.entries[raw["id"]], where)
    missing = sorted(set(faq.entries) - set(english), key=guide_order)
    if missing:
        raise _fail("en", f"no English for {missing}")
    faq.entries = {entry_id: replace(entry, english=english[entry_id]) for entry_id, entry in faq.entries.items()}


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
    _load_english(folder, faq)
    return faq


@cache
def load_faq() -> Faq:
    """The FAQ in both languages (search reads both); :meth:`Faq.localised` gives the one a window shows."""
    return load_folder(paths.resource("faq"))


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str
    qq: str = ""
    name_en: str = ""  # as an English window says it, where the name is a word ("工作号 1": work line 1)

    def __str__(self) -> str:
        return self.said("zh")

    def said(self, lang: str) -> str:
        remote = "（QQ {}，可远程）" if lang == "zh" else " (QQ {}, remote help)"
        name = self.name_en if lang == "en" and self.name_en else self.name
        return f"{name} {self.phone}" + (remote.format(self.qq) if self.qq else "")


@dataclass(frozen=True)
class Recipient:
    """Where a key to be replaced goes with its letter (guide 3.7)."""

    name: str
    phone: str
    address: str


@dataclass(frozen=True)
class Contacts:
    """Whom to call (guide 3.12): Ukey support for the key, platform support for the site's accounts;
    and whom a key to be replaced is sent to (guide 3.7)."""

    ukey: tuple[Contact, ...]
    platform: tuple[Contact, ...]
    replacement: Recipient

    def text(self, lang: str = "zh") -> str:
        between = "；" if lang == "zh" else "; "
        ukey, platform = (between.join(person.said(lang) for person in people) for people in (self.ukey, self.platform))
        if lang == "en":
            return (
                f"Ukey support: {ukey}\nPlatform support (using the site, account permissions after login): {platform}"
            )
        return f"Ukey 运维人员：{ukey}\n平台运维人员（登录平台后的网站使用、账号权限问题）：{platform}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "ukey_support": [asdict(person) for person in self.ukey],
            "platform_support": [asdict(person) for person in self.platform],
        }


@cache
def load_contacts() -> Contacts:
    data = tomllib.loads(paths.resource("contacts.toml").read_text(encoding="utf-8"))

    def people(key: str) -> tuple[Contact, ...]:
        return tuple(Contact(p["name"], p["phone"], p.get("qq", ""), p.get("name_en", "")) for p in data.get(key, []))

    sent_to = data["replacement"]
    return Contacts(
        people("ukey_support"),
        people("platform_support"),
        Recipient(sent_to["recipient"], sent_to["phone"], sent_to["address"]),
    )
