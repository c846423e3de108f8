"""The main window: the wizard in the middle, the tools menu above it, and a
banner in practice mode."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QSettings, QSize, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from ukey_renew import __version__, journey, paths
from ukey_renew.gui.context import Context
from ukey_renew.gui.detect_page import DetectPage
from ukey_renew.gui.i18n import t
from ukey_renew.gui.page import Page
from ukey_renew.gui.widgets import (
    ALIGN_CENTER,
    AltTypesNothing,
    after_first_paint,
    confirmed,
    fit_to_screen,
    save_file_name,
    set_flags,
)
from ukey_renew.gui.worker import Job

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent

    from ukey_renew.gui.branch_pages import GuidedPage, ReplacementPage, UnlockPage
    from ukey_renew.gui.pages import CheckPage, FormPage, ResumePage, VerifyPage
    from ukey_renew.gui.renew_page import RenewPage


def _make_page(key: str, context: Context) -> Page:
    """A page other than the first, with the module that defines it: made the
    first time the journey leads to it (or it is asked for), not before the
    window's first paint."""
    made: dict[str, Callable[[Context], Page]]
    if key == journey.RENEW:
        from ukey_renew.gui.renew_page import RenewPage

        made = {journey.RENEW: RenewPage}
    elif key in (journey.GUIDED, journey.UNLOCK, journey.REPLACEMENT):
        from ukey_renew.gui.branch_pages import GuidedPage, ReplacementPage, UnlockPage

        made = {journey.GUIDED: GuidedPage, journey.UNLOCK: UnlockPage, journey.REPLACEMENT: ReplacementPage}
    else:
        from ukey_renew.gui.pages import CheckPage, FormPage, ResumePage, VerifyPage

        made = {
            journey.CHECK: CheckPage,
            journey.FORM: FormPage,
            journey.RESUME: ResumePage,
            journey.VERIFY: VerifyPage,
        }
    return made[key](context)


class RenewWizard(QWizard):
    """Made without a parent: the layout that takes it in makes it a child
    widget of the main window, no longer a dialog of its own, without a
    window flag from PySide6's ``Qt`` namespace (whose first use builds its
    93 enum classes) before the first paint."""

    def __init__(self, context: Context) -> None:
        super().__init__()
        self.context = context
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.HaveHelpButton, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setButtonText(QWizard.WizardButton.CustomButton1, t("复制支持信息(&I)"))
        self.setButtonText(QWizard.WizardButton.NextButton, t("下一步(&N) >"))
        self.setButtonText(QWizard.WizardButton.BackButton, t("< 上一步(&B)"))
        self.setButtonText(QWizard.WizardButton.FinishButton, t("完成(&F)"))
        self.setButtonText(QWizard.WizardButton.CancelButton, t("退出(&Q)"))
        self.setButtonText(QWizard.WizardButton.HelpButton, t("帮助(&H)"))
        self._pages: dict[str, Page] = {}
        self.detect_page = DetectPage(context)
        self._hold(self.detect_page)
        self.setStartId(journey.PAGES.index(journey.DETECT))
        self._shown = -1
        self.currentIdChanged.connect(self._arrived)
        self.helpRequested.connect(self.show_help)
        self.customButtonClicked.connect(lambda _which: self.copy_support())

    def _hold(self, page: Page) -> None:
        # Qt numbers the pages; the journey names them. Here, and only here, one becomes the other.
        self._pages[page.page_key] = page
        self.setPage(journey.PAGES.index(page.page_key), page)
        # Qt asks nextId() whether to show Next or Finish only when the page or its "final"
        # flag changes; the route changes on a page (a verdict read, a box ticked), and
        # setting the flag to what it is makes Qt ask again.
        page.completeChanged.connect(partial(page.setFinalPage, False))

    def page_for(self, key: str) -> Page:
        """The journey's page ``key``, made now if it was not yet."""
        if key not in self._pages:
            self._hold(_make_page(key, self.context))
        return self._pages[key]

    def every_page(self) -> list[Page]:
        return [self.page_for(key) for key in journey.PAGES]

    def validateCurrentPage(self) -> bool:  # noqa: N802 - Qt's name
        """Qt moves on only to a page it holds: the one Next leads to is made
        here, after the current page agreed to be left."""
        if not super().validateCurrentPage():
            return False
        following = self.nextId()
        if following >= 0:
            self.page_for(journey.PAGES[following])
        return True

    @property
    def check_page(self) -> CheckPage:
        return cast("CheckPage", self.page_for(journey.CHECK))

    @property
    def form_page(self) -> FormPage:
        return cast("FormPage", self.page_for(journey.FORM))

    @property
    def resume_page(self) -> ResumePage:
        return cast("ResumePage", self.page_for(journey.RESUME))

    @property
    def renew_page(self) -> RenewPage:
        return cast("RenewPage", self.page_for(journey.RENEW))

    @property
    def guided_page(self) -> GuidedPage:
        return cast("GuidedPage", self.page_for(journey.GUIDED))

    @property
    def verify_page(self) -> VerifyPage:
        return cast("VerifyPage", self.page_for(journey.VERIFY))

    @property
    def unlock_page(self) -> UnlockPage:
        return cast("UnlockPage", self.page_for(journey.UNLOCK))

    @property
    def replacement_page(self) -> ReplacementPage:
        return cast("ReplacementPage", self.page_for(journey.REPLACEMENT))

    def _arrived(self, number: int) -> None:
        """A page reached with Back is told so: Qt initialises it only on the way forward."""
        left, self._shown = self._shown, number
        if number < 0:
            return
        self.current().arrived()
        if left >= 0 and left not in self.visitedIds():
            self.current().shown_again()
        if left >= 0:  # moved by the user, after the first paint
            QTimer.singleShot(0, self._make_following)

    def _make_following(self) -> None:
        """The page Next now leads to, made in the loop's next turn rather than
        in the click that goes there (the renewal's page and its modules:
        about 12 ms, on top of the work that page starts when shown)."""
        following = self.nextId()
        if following >= 0:
            self.page_for(journey.PAGES[following])

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Esc, pressed by habit to close a message, would quit the whole
        program from a half-filled form: it asks first, staying the default."""
        from PySide6.QtCore import Qt

        if event.key() != Qt.Key.Key_Escape:
            super().keyPressEvent(event)
            return
        window = self.window()
        assert isinstance(window, MainWindow)
        if window.renewal_running():  # closing asks about the renewal itself
            window.close()
            return
        if confirmed(self, t("退出"), t("确定退出 Ukey 证书延期助手吗？已填写的内容不会保存。")):
            window.close()

    def at(self) -> str:
        """The journey's id of the page shown ("" before the wizard starts)."""
        number = self.currentId()
        return journey.PAGES[number] if number >= 0 else ""

    def nextId(self) -> int:  # noqa: N802 - Qt's name
        """Where the journey's map leads from here; -1 where it ends."""
        page = self.at()
        following = journey.next_page(self.context.journey, page) if page else None
        return -1 if following is None else journey.PAGES.index(following)

    def current(self) -> Page:
        page = self.currentPage()
        assert isinstance(page, Page)
        return page

    def show_help(self) -> None:
        """The troubleshooting panel at this step's entry, or at the last error's."""
        window = self.window()
        assert isinstance(window, MainWindow)
        window.troubleshoot(self.current().help_section)

    def copy_support(self) -> None:
        context = self.context
        step, error = context.step, context.last_error.id if context.last_error else None
        choices = list(context.choices)

        faq_path, choice, session = context.faq_path, context.choice, context.session

        def summary() -> str:
            from ukey_renew.support import support_summary

            last = session.last_renewal(choice) if choice else None
            return support_summary(session.status(choices), datetime.now(UTC), step=step, last_error=error,
                                   faq_path=faq_path, last_renewal=last)  # fmt: skip

        def copied(text: str) -> None:
            QGuiApplication.clipboard().setText(text)
            self.current().notice.show_text(
                "ok", t("支持信息已复制。请粘贴到微信或邮件中发给 Ukey 运维人员（指南 3.12）。")
            )

        job = Job(summary, self)
        job.start(copied, lambda e: self.current().notice.show_error(e))
        self._support_job = job


PANEL_WIDTH = 440  # the troubleshooting panel docked beside the wizard


class MainWindow(QMainWindow):
    def __init__(self, context: Context) -> None:
        super().__init__()
        self.context = context
        self.setWindowTitle(t("Ukey 证书延期助手 {version} — 12309 中国检察网", version=__version__))
        self.wizard = RenewWizard(context)
        self.wizard.pageAdded.connect(self._connect_page)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        self.banner = QLabel()
        set_flags(self.banner, alignment=ALIGN_CENTER)
        # a palette, not a style sheet: one style sheet switches the window to Qt's heavier style-sheet style
        palette = self.banner.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#7b1fa2"))
        palette.setColor(QPalette.ColorRole.WindowText, QColor("white"))
        self.banner.setPalette(palette)
        self.banner.setAutoFillBackground(True)
        self.banner.setMargin(4)
        bold = self.banner.font()
        bold.setBold(True)
        self.banner.setFont(bold)
        self.banner.setText(t("练习模式：使用练习 Ukey 和内置模拟延期网站，不会改动真实 Ukey"))
        self.banner.setWordWrap(True)  # in Windows' fonts the English line alone is wider than 1366×768 at 150 %
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)  # as tall as its lines at the window's width, no taller
        self.banner.setSizePolicy(policy)
        layout.addWidget(self.banner)
        layout.addWidget(self.wizard)
        self.banner.setVisible(context.practice_only)  # once in the layout: never a window of its own
        self.setCentralWidget(central)
        self.key_actions: list[QAction] = []  # the menu entries that call the key, grayed during a renewal
        tools, help_menu = self.menuBar().addMenu(t("工具(&T)")), self.menuBar().addMenu(t("帮助(&H)"))
        after_first_paint(self, partial(self._fill_menus, tools, help_menu))  # the titles only are on show
        self.wizard.rejected.connect(self.close)
        self.wizard.finished.connect(lambda _result: self.close())
        self.wizard.detect_page.keys_changed.connect(self._banner_for_choice)
        self.wizard.detect_page.keys.currentRowChanged.connect(lambda _row: self._banner_for_choice())
        self.settings = QSettings(str(paths.data_dir() / "window.ini"), QSettings.Format.IniFormat)
        geometry = self.settings.value("geometry")
        if geometry is None or not self.restoreGeometry(geometry):  # Qt fits a restored window on its screen
            fit_to_screen(self, QSize(880, 760))
        self._jobs: list[Job] = []
        self._panel: Any = None  # the troubleshooting panel, made when first asked for
        self._dock: Any = None  # and the dock it lives in
        self._alt = AltTypesNothing(self)

    def _fill_menus(self, tools: QMenu, help_menu: QMenu) -> None:
        from PySide6.QtGui import QAction, QKeySequence  # with their enums (and Qt's), after the first paint

        entries = [  # (text, shortcut, slot, calls the key)
            (t("证书详细信息(&D)"), "Ctrl+I", self.certificate_details, False),
            (t("修改 Ukey 密码(&P)"), None, self.change_password, True),
            (t("导出证书(&E)…"), "Ctrl+E", self.export_certificate, False),
            (t("解锁 Ukey 密码(&U)（指南 3.6）"), None, self.unlock, True),
            (t("引导模式：在浏览器中延期(&G)（指南 2.2）"), None, self.guided, False),
            (t("补办 Ukey 申请函(&L)…（指南 3.7）"), None, self.letter, False),
            (t("重置练习 Ukey(&R)…"), None, self.reset_practice, True),
        ]
        for text, shortcut, slot, calls_key in entries:
            action = QAction(text, self)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            tools.addAction(action)
            if calls_key:
                self.key_actions.append(action)
        panel = QAction(t("问题排查(&T)…"), self)
        panel.setShortcut(QKeySequence("F1"))
        panel.triggered.connect(lambda: self.troubleshoot(self.wizard.current().help_section))
        help_menu.addAction(panel)
        copy = QAction(t("复制支持信息(&I)"), self)
        copy.triggered.connect(self.wizard.copy_support)
        help_menu.addAction(copy)
        bundle = QAction(t("保存支持信息包(&B)…"), self)
        bundle.triggered.connect(self.support_bundle)
        help_menu.addAction(bundle)

    def _connect_page(self, number: int) -> None:
        """A page made after the window: what it asks of the window reaches it."""
        key, wizard = journey.PAGES[number], self.wizard
        if key in (journey.UNLOCK, journey.FORM, journey.RESUME):
            cast("UnlockPage | FormPage | ResumePage", wizard.page_for(key)).unlock_requested.connect(self.unlock)
        elif key == journey.GUIDED:
            wizard.guided_page.guided_requested.connect(self.guided)
        elif key == journey.REPLACEMENT:
            wizard.replacement_page.letter_requested.connect(self.letter)
        elif key == journey.RENEW:
            # A renewal holds the key until it ends (the session refuses others meanwhile): say so by graying them.
            wizard.renew_page.running.connect(self._renewing)

    def support_bundle(self) -> None:
        """One zip for IT staff: summary, checks, masked log, renewal state and records, nothing secret."""
        name = save_file_name(self, t("保存支持信息包"), "ukey-renew-support.zip", t("压缩包 (*.zip)"))
        if not name:
            return
        context = self.context
        choices, step = list(context.choices), context.step
        error = context.last_error.id if context.last_error else None
        session = context.session
        job = Job(lambda: session.support_bundle(Path(name), choices, step=step, last_error=error), self)
        self._jobs.append(job)
        notice = self.wizard.current().notice
        notice.show_text("info", t("正在检查并打包支持信息……"))
        job.start(
            lambda _: notice.show_text(
                "ok", t("支持信息包已保存：{path}。请发给 Ukey 运维人员（指南 3.12）。", path=name)
            ),
            notice.show_error,
        )

    def bring_forward(self) -> None:
        """Another start of the program: this window instead."""
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()

    def _renewing(self, running: bool) -> None:
        for action in self.key_actions:
            action.setDisabled(running)

    def _banner_for_choice(self) -> None:
        choice = self.context.choice
        self.banner.setVisible(self.context.practice_only or bool(choice and choice.practice))

    def _tell(self, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox  # its enums: not before the first paint

        QMessageBox.information(self, t("提示"), text)

    def _need_choice(self) -> Any:
        if self.context.choice is None:
            self._tell(t("请先在第一页选择一把 Ukey。"))
        return self.context.choice

    # The dialogs load when first used, not before the first paint.

    def certificate_details(self) -> None:
        from ukey_renew.gui.dialogs import CertificateDialog

        if choice := self._need_choice():
            CertificateDialog(choice, self).exec()

    def change_password(self) -> None:
        from ukey_renew.gui.dialogs import ChangePasswordDialog

        if (choice := self._need_choice()) and ChangePasswordDialog(self.context, choice, self).exec():
            self.wizard.current().notice.show_text(
                "ok", t("<b>Ukey 密码已修改。</b>请牢记新密码，以后登录和延期都要用它（指南 3.9 情况 3b）。")
            )

    def unlock(self) -> None:
        from ukey_renew.gui.unlock_dialog import UnlockDialog

        if choice := self._need_choice():
            if UnlockDialog(self.context, choice, self).exec() == UnlockDialog.PRACTICE_RESET:
                self.reset_practice()

    @property
    def busy(self) -> bool:
        """A job of the window's own is running (a practice reset, an export): the wizard moves when it ends."""
        return any(job.running for job in self._jobs)

    def reset_practice(self) -> None:
        """A fresh practice key: the way out of a locked practice key, which
        has no operator to approve its unlock (guide 3.6)."""
        practice = next((choice for choice in self.context.choices if choice.practice), None)
        if practice is None:
            if self.context.practice_only:
                self._tell(t("还没有读到练习 Ukey，请稍候再试。"))
            else:  # made only once the user asks to practise
                self._tell(t("还没有练习 Ukey：请在第一页点“用练习 Ukey 练一遍”。"))
            return
        if not confirmed(
            self,
            t("重置练习 Ukey"),
            t("练习 Ukey 将恢复为初始状态：密码 111111，20 天后到期，练习从头开始。真实 Ukey 不受影响。要重置吗？"),
        ):
            return
        session = self.context.session
        job = Job(lambda: session.reset_practice_key(practice), self)
        self._jobs.append(job)
        job.start(self._practice_reset, lambda error: self.wizard.current().notice.show_error(error))

    def _practice_reset(self, _done: object) -> None:
        """The key is a new one: read again from the first page."""
        self.wizard.restart()
        self.wizard.current().notice.show_text("ok", t("练习 Ukey 已重置，密码为 111111（指南 2.2 ③）。"))

    def guided(self) -> None:
        from ukey_renew.gui.guided import GuidedDialog

        GuidedDialog(self.context, self.context.choice, self).exec()

    def troubleshoot(self, entry_id: str) -> None:
        """Open the panel, at the last error's entry or ``entry_id``."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QDockWidget  # its enums: not before the first paint

        from ukey_renew.gui.panel import TroubleshootPanel

        if self._panel is None:
            self._panel = TroubleshootPanel(self.context)
            self._dock = QDockWidget(t("问题排查（指南第 3 章）"), self)
            self._dock.setObjectName("troubleshoot")
            self._dock.setWidget(self._panel)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self._dock)
        error = self.context.last_error
        if error is not None:
            self._panel.open_error(error.id, entry_id)
        else:
            self._panel.open_entry(entry_id)
        opening = not self._dock.isVisible()
        if opening:
            self._make_room()
        self._dock.show()
        if opening:
            self.resizeDocks([self._dock], [PANEL_WIDTH], Qt.Orientation.Horizontal)
        self._dock.raise_()

    def _make_room(self) -> None:
        """The panel docks beside the wizard, never over it: floating, it hid
        the wizard's error text and buttons. The window grows by the panel's
        width where the screen has it; where it has not (1366×768 at 150 %),
        the window takes the screen's width and the wizard gives the panel
        what its pages can spare (they wrap and scroll)."""
        area = self.screen().availableGeometry()
        frame = self.frameGeometry().width() - self.width()
        width = max(self.width(), min(self.width() + PANEL_WIDTH, area.width() - frame))
        self._dock.setFloating(False)
        self.resize(width, self.height())
        left = min(self.frameGeometry().left(), area.right() + 1 - width - frame)
        self.move(max(area.left(), left), self.frameGeometry().top())

    def letter(self) -> None:
        from ukey_renew.gui.letter_dialog import LetterDialog

        expired = self.context.journey.verdict is journey.Verdict.REPLACEMENT  # over 30 days: guide 1.3 note 2
        LetterDialog(self.context, self.context.choice, self, situation="expired" if expired else "").exec()

    def export_certificate(self) -> None:
        choice = self._need_choice()
        if not choice:
            return
        name = save_file_name(self, t("导出证书"), f"{choice.info.subject_cn or 'ukey'}.cer", t("证书 (*.cer)"))
        if not name:
            return
        from ukey_renew import atomic

        der = choice.certificate.der
        job = Job(lambda: atomic.write_output("证书", Path(name), der), self)  # never seen half-written
        self._jobs.append(job)
        job.start(
            lambda _: self.statusBar().showMessage(t("证书已导出到 {path}", path=name), 5000),
            lambda error: self.wizard.current().notice.show_error(error),
        )

    def renewal_running(self) -> bool:
        return self.wizard.at() == journey.RENEW and self.wizard.renew_page.busy

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.renewal_running():
            leaving = t(
                "延期正在进行。现在退出，进度会保存，下次打开时接着做；若正在写入 Ukey，会在写完后停止。确定退出吗？"
            )
            if not confirmed(self, t("正在延期"), leaving):
                event.ignore()
                return
            self.wizard.renew_page.cancel()
        self.settings.setValue("geometry", self.saveGeometry())
        event.accept()
