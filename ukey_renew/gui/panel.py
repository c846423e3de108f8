"""The troubleshooting panel: the guide's FAQ walked with the user.

It opens beside the wizard (each page's Help opens the entry for its step, or
for the last error), runs the automatic checks of a tree in workers and
shows their results inline, and keeps the path walked ("FAQ 3.3 ① → ②") for
the support summary. The search box finds an entry from the user's words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ukey_renew.errors import UkeyError
from ukey_renew.gui.context import Context
from ukey_renew.gui.i18n import N_, t, window_language
from ukey_renew.gui.widgets import Notice, contacts_text, scrolling
from ukey_renew.gui.worker import Job

if TYPE_CHECKING:
    from ukey_renew.troubleshoot.faq import Contacts, Entry, Faq, Node
    from ukey_renew.troubleshoot.search import Index

_STATUS = {"ok": N_("正常"), "warn": N_("注意"), "fail": N_("问题"), "skip": N_("无法检查")}


def _load(lang: str) -> tuple[Index, Faq, Contacts]:
    """The FAQ's search index (both languages), the FAQ in the window's language
    and the contacts (disk: run in a worker)."""
    from ukey_renew.troubleshoot.faq import load_contacts, load_faq
    from ukey_renew.troubleshoot.search import Index

    faq = load_faq()
    return Index(faq), faq.localised(lang), load_contacts()


class TroubleshootPanel(QWidget):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.index: Index | None = None
        self.faq: Faq | None = None  # as the window's language shows it
        self.entry: Entry | None = None
        self.node: Node | None = None
        self.path: list[tuple[str, str]] = []  # (entry label, node mark) in the order walked
        self._history: list[tuple[str, str]] = []
        self._next: str | None = None
        self._jobs: list[Job] = []
        self._pending: str | tuple[str, str] | None = None

        self.search = QLineEdit()
        self.search.setPlaceholderText(t("用自己的话描述问题，或粘贴报错信息，如：插上 Ukey 没反应"))
        self.search.setAccessibleName(t("搜索问题"))
        self.search.textChanged.connect(self._search)
        self.results = QListWidget()
        self.results.setAccessibleName(t("搜索结果"))
        self.results.itemActivated.connect(lambda item: self.open_entry(item.data(Qt.ItemDataRole.UserRole)))
        self.results.itemClicked.connect(lambda item: self.open_entry(item.data(Qt.ItemDataRole.UserRole)))
        self.results.hide()
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_result = Notice()
        self.yes = QPushButton(t("是(&Y)"))
        self.no = QPushButton(t("否(&N)"))
        self.onward = QPushButton(t("下一步(&X)"))
        self.back = QPushButton(t("返回(&B)"))
        self.open_link = QPushButton()
        self.open_link.clicked.connect(self._open_link)
        self.yes.clicked.connect(lambda: self._follow("yes"))
        self.no.clicked.connect(lambda: self._follow("no"))
        self.onward.clicked.connect(lambda: self._go(self._next))
        self.back.clicked.connect(self._back)
        # Two rows, the answers above the way back and on: in one, Windows' fonts made the panel
        # too wide to sit beside the wizard at 1366×768 at 150 %.
        answers, moves = QHBoxLayout(), QHBoxLayout()
        for row, row_buttons in ((answers, (self.yes, self.no, self.open_link)), (moves, (self.back, self.onward))):
            for button in row_buttons:
                row.addWidget(button)
            row.addStretch(1)
        self.trail = QLabel()
        self.trail.setWordWrap(True)
        self.trail.setAccessibleName(t("排查路径"))
        self.contacts = QLabel()
        self.contacts.setWordWrap(True)
        self.contacts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice = Notice()
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(self.heading)
        reading = QVBoxLayout()  # a long entry scrolls; the buttons stay in sight
        reading.setContentsMargins(0, 0, 0, 0)
        reading.addWidget(self.text)
        reading.addStretch(1)
        layout.addWidget(scrolling(reading), 1)
        layout.addWidget(self.check_result)
        layout.addLayout(answers)
        layout.addLayout(moves)
        layout.addWidget(self.trail)
        layout.addWidget(self.contacts)
        layout.addWidget(self.notice)
        self.lang = lang = window_language()
        self._run(lambda: _load(lang), self._loaded)

    # --- opening --------------------------------------------------------

    def open_entry(self, entry_id: str) -> None:
        """Show ``entry_id`` (once the FAQ is loaded)."""
        if self.index is None:
            self._pending = entry_id
            return
        self.results.hide()
        self.path.clear()
        self._history.clear()
        self._enter(entry_id)

    def open_error(self, error_id: str, fallback_entry: str) -> None:
        """The entry for an error (guide 3.10 prompts, our ids), or the page's own."""
        if self.index is None:
            self._pending = (error_id, fallback_entry)
            return
        hits = self.index.for_error(error_id)
        self.open_entry(hits[0].entry.id if hits and hits[0].score >= 1.0 else fallback_entry)

    def _loaded(self, loaded: tuple[Index, Faq, Contacts]) -> None:
        self.index, self.faq, contacts = loaded
        self.contacts.setText(contacts_text(contacts))
        pending, self._pending = self._pending, None
        if isinstance(pending, tuple):
            self.open_error(*pending)
        elif pending:
            self.open_entry(pending)

    # --- walking ---------------------------------------------------------

    def _enter(self, entry_id: str, node_id: str | None = None) -> None:
        assert self.faq is not None
        self.entry = self.faq.entries[entry_id]
        self._show(node_id or self.entry.start)

    def _show(self, node_id: str) -> None:
        entry = self.entry
        assert entry is not None
        node = entry.nodes[node_id]
        self.node = node
        self._history.append((entry.id, node_id))
        mark = entry.mark(node_id)
        self.path.append((entry.label, mark))
        self.trail.setText(t("排查路径：{path}", path=self.walked()))
        self.context.faq_path = self.walked()
        self.heading.setText("<b>" + t("指南 {section}：{title}", section=entry.label, title=entry.title) + "</b>")
        steps = "".join(f"<li>{step}</li>" for step in node.steps)
        text = node.text
        if node.kind == "link" and not text:  # a tree that ends in another entry says what is there
            assert self.faq is not None
            onward = self.faq.entries[str(node.data["entry"])]
            text = t("接下来请看指南 {section}「{title}」：{summary}", section=onward.label, title=onward.title,
                     summary=onward.summary)  # fmt: skip
        self.text.setText(text + (f"<ul>{steps}</ul>" if steps else ""))  # steps carry the guide's numbers
        self.check_result.clear()
        question, checking = node.kind == "question", node.kind == "check"
        self.yes.setVisible(question)
        self.no.setVisible(question)
        self._next = node.target("next")
        self.onward.setVisible(self._next is not None and not checking)
        linked = str(node.data.get("entry", ""))
        self.open_link.setVisible(node.kind == "link")
        if node.kind == "link":
            assert self.faq is not None
            self.open_link.setText(t("查看 指南 {section}(&O)", section=self.faq.entries[linked].label))
        self.back.setEnabled(len(self._history) > 1)
        if checking:
            self._check(node)

    def walked(self) -> str:
        """The path as IT staff read it: "FAQ 3.3 ① → ② → FAQ 3.7 ①" (a step's check and its question are one)."""
        parts, previous = [], None
        for label, mark in self.path:
            if (label, mark) != previous:
                parts.append(mark if previous and label == previous[0] else f"FAQ {label} {mark}")
            previous = (label, mark)
        return " → ".join(parts)

    def _check(self, node: Node) -> None:
        session = self.context.session
        check_id = str(node.data["check"])
        self.check_result.show_text("info", t("正在检查……"))
        self._run(lambda: session.run_check(check_id), self._checked)

    def _checked(self, result: Any) -> None:
        node = self.node
        if node is None or node.kind != "check" or node.data["check"] != result.id:
            return  # the user moved on meanwhile
        kind = {"ok": "ok", "warn": "warn", "fail": "error", "skip": "info"}[result.status]
        self.check_result.show_text(
            kind,
            t(
                "<b>{status}</b>：{detail}",
                status=t(_STATUS[result.status]),
                detail=result.said.translated(t) if result.said else result.detail,
            ),
        )
        self._next = node.after(result.status)
        self.onward.setVisible(True)

    def _follow(self, answer: str) -> None:
        if self.node is not None:
            self._go(self.node.target(answer))

    def _go(self, target: str | None) -> None:
        if target is not None and self.node is not None:
            self._show(target)

    def _open_link(self) -> None:
        if self.node is not None and self.node.kind == "link":
            self._enter(str(self.node.data["entry"]))

    def _back(self) -> None:
        if len(self._history) < 2:
            return
        self._history.pop()
        entry_id, node_id = self._history.pop()
        if self.path:
            self.path.pop()
        self._enter(entry_id, node_id)

    # --- search -----------------------------------------------------------

    def _search(self, text: str) -> None:
        self.results.clear()
        if not text.strip() or self.index is None or self.faq is None:
            self.results.hide()
            return
        hits = self.index.search(text, 5)
        choices = [] if hits else self.index.choices(text)  # only the key named: what happened, to choose
        for found in [hit.entry for hit in hits] + [entry for entry, _ in choices]:
            entry = self.faq.entries[found.id]
            item = QListWidgetItem(t("指南 {section}：{title}", section=entry.label, title=entry.title))
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.results.addItem(item)
        self.results.setVisible(self.results.count() > 0)
        pasted = next((hit.known for hit in hits if hit.known), None)
        if choices:
            self.notice.show_text("info", t("Ukey 出了什么情况？请在上面选一项。"))
        elif pasted:  # a pasted error code or message: say what it means before the entry
            self.notice.show_text(
                "info", t("“{pasted}”：{note}", pasted=pasted.said, note=pasted.explanation(self.lang))
            )
        elif self.results.count():
            self.notice.clear()
        else:  # never a forced best guess
            self.notice.show_text("info", t("没有找到相符的问题。请换个说法，或联系下面的运维人员（指南 3.12）。"))

    # --- jobs -------------------------------------------------------------

    def _run(self, work: Any, done: Any) -> None:
        job = Job(work, self)
        self._jobs = [j for j in self._jobs if j.running] + [job]
        job.start(done, self._failed)

    def _failed(self, error: UkeyError) -> None:
        self.notice.show_error(error)
