"""The first page (guide 1.3, 2.1 ①): the keys plugged in, and guide 3.3's
checks when there is none. The only page made before the window's first
paint; the others are in ``pages.py``, ``renew_page.py`` and
``branch_pages.py`` and load when the journey first needs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton

from ukey_renew import journey
from ukey_renew.errors import UkeyError
from ukey_renew.gui.context import Context
from ukey_renew.gui.i18n import N_, t
from ukey_renew.gui.page import Page
from ukey_renew.gui.widgets import SELECTABLE_BY_MOUSE, after_first_paint, key_model, set_flags
from ukey_renew.journey import Journey

if TYPE_CHECKING:
    from ukey_renew.gui.watch import KeyWatcher
    from ukey_renew.session import KeyChoice


def key_title(choice: KeyChoice) -> str:
    """One line per certificate found: whose it is, on which key."""
    return t(
        "{name} — {kind}（{serial}）",
        name=choice.info.subject_cn or t("（无名称）"),
        kind=key_model(choice),
        serial=choice.serial,
    )


# Guide 3.3's checks that can run here when no key is found, in the guide's order:
# the key on the USB bus (② another port), BJCA's assistant (④ reinstall, 3.2), its driver.
NO_KEY_CHECKS = {
    "usb.key": N_("USB 上的 Ukey"),
    "assistant.installed": N_("BJCA 证书助手"),
    "key.pkcs11": N_("Ukey 驱动"),
}
_MARKS = {"ok": "✓", "warn": "!", "fail": "✗", "skip": "–"}


class DetectPage(Page):
    """Guide 1.3 and 2.1 ①: insert the red key; we find it. With none found,
    the page says so and runs guide 3.3's checks in place."""

    page_key, guide_step, help_section = journey.DETECT, N_("2.1 · 第 1 步"), "3.3"
    keys_changed = Signal()

    def __init__(self, context: Context) -> None:
        super().__init__(context, t("插入红色 Ukey"))
        # Plain text, the instruction in bold: the page's only rich text would
        # set Qt's HTML layout up (3 ms) before the window's first paint.
        insert = QLabel(t("请把需要延期的红色 Ukey 插入电脑。"))
        bold = insert.font()
        bold.setBold(True)
        insert.setFont(bold)
        insert.setWordWrap(True)
        intro = QLabel(t("只对红色 Ukey 延期；只有蓝色或银色 Ukey 时无需延期（指南 1.3 注 1）。"))
        intro.setWordWrap(True)
        self.no_key = QLabel()
        self.no_key.setWordWrap(True)
        set_flags(self.no_key, textInteractionFlags=SELECTABLE_BY_MOUSE)
        self.no_key.hide()
        self.keys = QListWidget()
        self.keys.setAccessibleName(t("检测到的 Ukey"))
        self.keys.currentRowChanged.connect(self._chosen)
        self.refresh = QPushButton(t("重新检测(&R)"))
        self.refresh.clicked.connect(self.detect)
        self.practise = QPushButton(t("用练习 Ukey 练一遍(&T)"))
        self.practise.clicked.connect(self._set_up_practice)
        self.practise.hide()
        self._practice_asked = False
        self._listed: list[str] | None = None  # the keys' titles last shown; none before the first look
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh)
        buttons.addWidget(self.practise)
        buttons.addStretch(1)
        self.layout_.addWidget(insert)
        self.layout_.addWidget(intro)
        self.layout_.addWidget(self.no_key)
        self.layout_.addWidget(self.keys)
        self.layout_.addLayout(buttons)
        self.finish_layout()
        self.watcher: KeyWatcher | None = None  # made once the first look has opened the session
        self._first_look_after_paint = True
        body = self.layout_.parentWidget()  # what is painted: the page's scrolling body
        assert body is not None
        after_first_paint(body, self._first_look)

    def initializePage(self) -> None:  # noqa: N802
        super().initializePage()
        if not self._first_look_after_paint:  # started again (a practice key reset): nothing chosen until read
            self.keys.clear()
            self._listed = None
            self.detect()
            self._watch()

    def _watch(self) -> None:
        """Real keys: events where a source gives them (PC/SC cards, BJCA's
        service), so those show up at once, and a light look that reads
        nothing unless something was plugged in or pulled out. The watchers
        load the smart-card and network libraries: after the first paint."""
        if self.context.practice_only:
            return
        if self.watcher is None:
            from PySide6.QtCore import Qt  # its 93 enum classes: once painted

            from ukey_renew.gui.watch import KeyWatcher

            self.watcher = KeyWatcher(self.context.session, self)
            # Queued: a Windows device message reaches the page after Qt's native event handling.
            self.watcher.changed.connect(self._card_changed, Qt.ConnectionType.QueuedConnection)
        self.watcher.start()

    def _first_look(self) -> None:
        """The first look at the key opens the session and loads the key's
        drivers and the certificate code in a worker, once the page is painted
        (as looking for the key): they do not compete with the start-up for
        the interpreter, nor hold the event loop up. The watchers start when
        it has answered."""
        self._first_look_after_paint = False
        self.run(lambda: self.context.session.detect(), self._first_found, lambda _error: self._watch())

    def _first_found(self, found: tuple[list[Any], list[UkeyError]]) -> None:
        self._show(found)
        self._watch()

    def _card_changed(self) -> None:
        if not self.busy:
            self.detect()

    def cleanupPage(self) -> None:  # noqa: N802
        self._stop_watching()

    def _stop_watching(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()

    def detect(self) -> None:
        self.run(self.context.session.detect, self._show)

    def _show(self, found: tuple[list[Any], list[UkeyError]]) -> None:
        choices, problems = found
        titles = [key_title(choice) for choice in choices]
        if titles == self._listed:
            return  # nothing new: keep the user's selection
        self._listed = titles
        self.context.choices = choices
        self.keys.clear()
        self.keys.addItems(titles)
        practice = [choice.practice for choice in choices]
        row = journey.preselected(practice, self.context.practice_only)
        if self._practice_asked and any(practice):
            row = practice.index(True)  # the user asked to practise: the practice key, now made
        self._practice_asked = False
        self.practise.setHidden(self.context.practice_only or any(practice))
        self.keys.setCurrentRow(-1 if row is None else row)
        self.no_key.setHidden(row is not None)
        if row is None:
            self._no_key_found()
        if problems:
            self.notice.show_error(problems[0])
        self.keys_changed.emit()

    def _set_up_practice(self) -> None:
        """The practice key and its CA are made when the user first asks to
        practise, never at a detection that found no key."""
        self._practice_asked = True
        self.run(self.context.session.set_up_practice, lambda _made: self.detect())

    def _no_key_found(self) -> None:
        """Guide 3.3 in place: what can be checked here is checked, and the
        practice key is offered for what it is."""
        self._show_no_key(t("正在检查 USB 接口、BJCA 证书助手和驱动……"))
        session = self.context.session
        self.run(
            lambda: [session.run_check(check) for check in NO_KEY_CHECKS],
            self._no_key_checked,
            lambda _error: self._show_no_key(""),
            quiet=True,
        )

    def _no_key_checked(self, results: list[Any]) -> None:
        """Unless a key came meanwhile."""
        if not self.no_key.isHidden():
            lines = [
                f"{_MARKS[r.status]} " + t("{check}：{detail}", check=t(NO_KEY_CHECKS[r.id]), detail=r.detail)
                for r in results
            ]
            self._show_no_key("<br>".join(lines))

    def _show_no_key(self, found: str) -> None:
        self.no_key.setText(
            t(
                "<b>未检测到 Ukey。</b>{found}<br>"
                "请按指南 3.3 逐步排查：把 Ukey 插到另一个 USB 接口；仍不行请重启电脑；"
                "再不行请重新安装 BJCA 证书助手（指南 3.2）。插好后本页会自动检测。<br>"
                "没有 Ukey 时，可以先点下面的“用练习 Ukey 练一遍”：不动真实 Ukey，也不连正式网站。",
                found=f"<br>{found}<br>" if found else "",
            )
        )

    def _chosen(self, row: int) -> None:
        choice = self.context.choices[row] if 0 <= row < len(self.context.choices) else None
        self.context.choice = choice
        self.context.journey = Journey(practice=choice.practice if choice else None)  # a new key, a new journey
        self.changed()

    def isComplete(self) -> bool:  # noqa: N802
        """Not while the keys are read again: the list chosen from must be the
        one on screen. A poll (quiet) leaves it be: it reads no key."""
        return journey.is_complete(self.context.journey, self.page_key) and not self.working

    def validatePage(self) -> bool:  # noqa: N802
        self._stop_watching()
        return True
