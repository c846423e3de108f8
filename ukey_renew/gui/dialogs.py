"""The tools that stand in for the BJCA certificate assistant, the unlock of
guide 3.6, and guided mode for the production site."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ukey_renew.dates import guide_date as day
from ukey_renew.errors import PinRuleViolated, UkeyError
from ukey_renew.gui.context import Context
from ukey_renew.gui.i18n import N_, t
from ukey_renew.gui.letter_pdf import write_pdf
from ukey_renew.gui.widgets import Notice
from ukey_renew.gui.worker import Job
from ukey_renew.installed import browser_360
from ukey_renew.rules import check_holder, check_new_pin
from ukey_renew.session import KeyChoice
from ukey_renew.troubleshoot.letter import KEY_TYPES, SITUATIONS, LetterForm, org_code_from_case_number, write_docx

if TYPE_CHECKING:
    from ukey_renew.renewal.unlock import PendingUnlock, UnlockFlow

# guide 2.2 ①–⑨, as the user ticks them off in the browser
GUIDED_STEPS = (
    N_("① 打开 360 安全浏览器，进入证书延期网站（网址已复制）"),
    N_("② 点地址栏右侧的⚡，选择“兼容模式”"),
    N_("③ 点“更新数字证书”，输入 Ukey 密码，点“登录”"),
    N_("④ 填写当前持有 Ukey 人员的姓名和手机号、验证码，点“提交”"),
    N_("⑤ 核对信息，点“下一步”"),
    N_("⑥ 输入新的 Ukey 密码（6–8 位字母和数字）和验证码，点“下载证书”"),
    N_("⑦ 在下载页面点“下载证书”"),
    N_("⑧ 等待约 2 分钟，期间不要拔出 Ukey、不要断网"),
    N_("⑨ 看到下载成功的提示：延期完成"),
)


class JobDialog(QDialog):
    """A dialog whose work runs in jobs, with a notice for errors."""

    def __init__(self, context: Context, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(title)
        self.layout_ = QVBoxLayout(self)
        self.notice = Notice()
        self._jobs: list[Job] = []

    def run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self.notice.clear()
        job = Job(work, self)
        self._jobs = [j for j in self._jobs if j.running] + [job]
        job.start(done, self._failed)

    def _failed(self, error: UkeyError) -> None:
        self.context.last_error = error
        self.notice.show_error(error)


def password_problem(first: str, second: str) -> str:
    """What is wrong with a new password pair, or "" (guide 3.6 ⑥, 3.9 case 3a)."""
    try:
        check_new_pin(first)
    except PinRuleViolated:
        return t("新密码须为 6–8 位，且同时包含字母和数字。")
    return "" if first == second else t("两次输入的新密码不一致。")


class CertificateDialog(QDialog):
    """The assistant's "更多证书信息", with the 6-digit organization code (guide 3.7 note 2 ④)."""

    def __init__(self, choice: KeyChoice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("证书详细信息"))
        info = choice.info
        form = QFormLayout(self)
        org_code = (
            t("{code}（来自 {source}）", code=info.org_code, source=info.org_code_source) if info.org_code else "—"
        )
        rows = [
            (t("证书名称（单位）"), info.subject_cn or "—"),
            (t("单位名称"), info.organization or "—"),
            (t("组织机构代码"), org_code),
            (t("颁发者"), info.issuer_cn or "—"),
            (t("序列号"), info.serial),
            (t("有效期"), t("{start} 至 {end}", start=day(info.not_before), end=day(info.not_after))),
            (t("密钥算法"), info.key_algorithm),
            (t("SHA-256 指纹"), info.fingerprint),
            ("Ukey", t("{model}，序列号 {serial}", model=choice.token.info().model, serial=choice.serial)),
        ]
        for label, value in rows:
            field = QLabel(value)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setWordWrap(True)
            form.addRow(label + "：", field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class ChangePasswordDialog(JobDialog):
    """Guide 3.9 case 3b: change the Ukey password to one of 6–8 characters."""

    def __init__(self, context: Context, choice: KeyChoice, parent: QWidget | None = None) -> None:
        super().__init__(context, t("修改 Ukey 密码"), parent)
        self.choice = choice
        form = QFormLayout()
        self.old = _secret(t("当前 Ukey 密码"))
        self.new = _secret(t("新密码"))
        self.again = _secret(t("再次输入新密码"))
        self.rule = QLabel(t("6–8 位，字母和数字组合。"))
        form.addRow(t("当前密码(&O)："), self.old)
        form.addRow(t("新密码(&N)："), self.new)
        form.addRow(t("再输一次(&A)："), self.again)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._change)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addLayout(form)
        self.layout_.addWidget(self.rule)
        self.layout_.addWidget(self.notice)
        self.layout_.addWidget(self.buttons)
        for field in (self.new, self.again):
            field.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        problem = password_problem(self.new.text(), self.again.text())
        self.rule.setText(problem or t("可以使用。"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def _change(self) -> None:
        old, new = self.old.text(), self.new.text()
        self.old.clear()
        self.buttons.setEnabled(False)

        def change() -> None:
            try:
                self.choice.token.change_pin(old, new)
            finally:
                self.choice.token.logout()

        def failed(error: UkeyError) -> None:
            self._failed(error)
            self.buttons.setEnabled(True)

        job = Job(change, self)
        self._jobs.append(job)
        job.start(lambda _: self.accept(), failed)


class UnlockDialog(JobDialog):
    """Guide 3.6: request → the operator's authorization code → new password."""

    REQUEST, WAITING, COMPLETE, DONE = range(4)

    def __init__(self, context: Context, choice: KeyChoice, parent: QWidget | None = None) -> None:
        super().__init__(context, t("解锁 Ukey 密码（指南 3.6）"), parent)
        self.choice = choice
        self.flow: UnlockFlow | None = None
        self.pending: PendingUnlock | None = None
        self.stack = QStackedWidget()
        self.stack.addWidget(self._request_page())
        self.stack.addWidget(self._waiting_page())
        self.stack.addWidget(self._complete_page())
        done = QLabel(t("<b>解锁成功。</b>请牢记新密码（指南 3.6 ⑦）。"))
        self.stack.addWidget(done)
        self.layout_.addWidget(self.stack)
        self.layout_.addWidget(self.notice)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        self.layout_.addWidget(close)
        self.run(self._open, self._opened)

    def _request_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.name = QLineEdit()
        self.name.setAccessibleName(t("持有人姓名"))
        self.mobile = QLineEdit()
        self.mobile.setAccessibleName(t("持有人手机号"))
        self.request_captcha_image = QLabel()
        self.request_captcha = QLineEdit()
        self.request_captcha.setAccessibleName(t("验证码"))
        submit = QPushButton(t("提交解锁申请(&S)"))
        submit.clicked.connect(self._request)
        form.addRow(QLabel(t("请填写延期时登记的持有人姓名和手机号（指南 3.6 ②）。")))
        form.addRow(t("姓名(&N)："), self.name)
        form.addRow(t("手机(&M)："), self.mobile)
        form.addRow(self.request_captcha_image)
        form.addRow(t("验证码(&V)："), self.request_captcha)
        form.addRow(submit)
        return page

    def _waiting_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.waiting = QLabel()
        self.waiting.setWordWrap(True)
        self.waiting.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        check = QPushButton(t("查看审批结果(&C)"))
        check.clicked.connect(self._check_state)
        layout.addWidget(self.waiting)
        layout.addWidget(check, alignment=Qt.AlignmentFlag.AlignLeft)
        return page

    def _complete_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.code = QLineEdit()
        self.code.setAccessibleName(t("解锁授权码"))
        self.new = _secret(t("新密码"))
        self.again = _secret(t("再次输入新密码"))
        self.complete_captcha_image = QLabel()
        self.complete_captcha = QLineEdit()
        self.complete_captcha.setAccessibleName(t("验证码"))
        submit = QPushButton(t("解锁(&U)"))
        submit.clicked.connect(self._complete)
        form.addRow(t("解锁授权码(&C)："), self.code)
        form.addRow(t("新密码(&N)："), self.new)
        form.addRow(t("再输一次(&A)："), self.again)
        form.addRow(self.complete_captcha_image)
        form.addRow(t("验证码(&V)："), self.complete_captcha)
        form.addRow(submit)
        return page

    def _open(self) -> tuple[Any, Any, tuple[str, str] | None, bytes]:
        flow = self.context.session.unlock_flow(self.choice)
        return flow, flow.pending(), self.context.session.records.last_holder(self.choice.serial), flow.site.captcha()

    def _opened(self, found: tuple[Any, Any, tuple[str, str] | None, bytes]) -> None:
        self.flow, self.pending, holder, captcha = found
        if holder:
            self.name.setText(holder[0])
            self.mobile.setText(holder[1])
        if self.pending is None:
            _show_captcha(self.request_captcha_image, captcha)
            self.stack.setCurrentIndex(self.REQUEST)
        else:
            self._show_waiting()
            self._check_state()

    def _opened_flow(self) -> UnlockFlow:
        assert self.flow is not None
        return self.flow

    def _request(self) -> None:
        flow, name, mobile, code = (
            self._opened_flow(),
            self.name.text(),
            self.mobile.text(),
            self.request_captcha.text(),
        )
        now = datetime.now(UTC).isoformat()
        self.run(lambda: flow.request(name, mobile, code, now), self._requested)

    def _requested(self, pending: PendingUnlock) -> None:
        self.pending = pending
        self._show_waiting()

    def _show_waiting(self) -> None:
        info = self.choice.info
        assert self.pending is not None
        self.waiting.setText(
            t(
                "<b>解锁申请已提交</b>（指南 3.6 ④）。请联系 Ukey 运维人员审批并获取解锁授权码（指南 3.6 ⑤），"
                "告诉对方：<br>申请编号：<b>{request}</b><br>单位：{unit}<br>组织机构代码：{code}<br>"
                "可以先关闭本窗口，拿到授权码后再回来，申请不会丢失。",
                request=self.pending.request_id,
                unit=info.subject_cn,
                code=info.org_code or "—",
            )
        )
        self.stack.setCurrentIndex(self.WAITING)

    def _check_state(self) -> None:
        flow, pending = self._opened_flow(), self.pending
        assert pending is not None
        self.run(lambda: (flow.state(pending), flow.site.captcha()), self._state_known)

    def _state_known(self, found: tuple[str, bytes]) -> None:
        state, captcha = found
        if state == "approved":
            _show_captcha(self.complete_captcha_image, captcha)
            self.stack.setCurrentIndex(self.COMPLETE)
        else:
            self.notice.show_text("info", t("运维人员还没有审批，请稍后再查看。"))

    def _complete(self) -> None:
        problem = password_problem(self.new.text(), self.again.text())
        if problem:
            self.notice.show_text("error", problem)
            return
        flow, pending = self._opened_flow(), self.pending
        assert pending is not None
        code, new, captcha = self.code.text(), self.new.text(), self.complete_captcha.text()
        self.new.clear()
        self.again.clear()
        self.run(lambda: flow.complete(pending, code, new, captcha), lambda _: self.stack.setCurrentIndex(self.DONE))


class GuidedDialog(JobDialog):
    """The production site in the user's browser, with the guide's sub-steps as a checklist."""

    def __init__(self, context: Context, choice: KeyChoice | None, parent: QWidget | None = None) -> None:
        super().__init__(context, t("引导模式：在浏览器中延期（指南 2.2）"), parent)
        self.choice = choice
        self.url = context.session.production.base_url
        link = QLabel(t("证书延期网站：<b>{url}</b>（无需手动输入，已可一键打开和复制）", url=self.url))
        link.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        link.setWordWrap(True)
        self.browser = browser_360()
        open_button = QPushButton(t("用 360 安全浏览器打开(&O)") if self.browser else t("用默认浏览器打开(&O)"))
        open_button.clicked.connect(self._open)
        copy = QPushButton(t("复制网址(&C)"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.url))
        self.layout_.addWidget(link)
        self.layout_.addWidget(open_button, alignment=Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(copy, alignment=Qt.AlignmentFlag.AlignLeft)
        self.checks = [QCheckBox(t(text)) for text in GUIDED_STEPS]
        for box in self.checks:
            self.layout_.addWidget(box)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setAccessibleName(t("持有人姓名"))
        self.mobile = QLineEdit()
        self.mobile.setAccessibleName(t("持有人手机号"))
        form.addRow(t("持有人姓名(&N)："), self.name)
        form.addRow(t("持有人手机(&M)："), self.mobile)
        save = QPushButton(t("在本机记录持有人信息(&S)"))
        save.clicked.connect(self._save_holder)
        self.layout_.addLayout(form)
        self.layout_.addWidget(save, alignment=Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(self.notice)
        QGuiApplication.clipboard().setText(self.url)

    def _open(self) -> None:
        if self.browser:
            self.run(lambda: _launch(self.browser, self.url), lambda _: None)  # type: ignore[arg-type]
        else:
            QDesktopServices.openUrl(QUrl(self.url))

    def _save_holder(self) -> None:
        try:
            name, mobile = check_holder(self.name.text(), self.mobile.text())
        except UkeyError as exc:
            self.notice.show_error(exc)
            return
        serial = self.choice.serial if self.choice else ""
        records = self.context.session.records
        now = datetime.now(UTC).isoformat()
        self.run(
            lambda: records.record_holder(now, serial, name, mobile, "guided"),
            lambda _: self.notice.show_text("ok", t("已记录。以后申请解锁时会自动填写（指南 3.6）。")),
        )


def _launch(program: str, url: str) -> None:
    subprocess.Popen([program, url])


def _secret(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    field.setMaxLength(8)
    return field


def _show_captcha(label: QLabel, png: bytes) -> None:
    pixmap = QPixmap()
    pixmap.loadFromData(png)
    label.setPixmap(pixmap)
    label.setAccessibleName(t("验证码图片"))


class LetterDialog(JobDialog):
    """Guide 3.7: the application letter for a new Ukey, as DOCX or PDF."""

    def __init__(self, context: Context, choice: KeyChoice | None, parent: QWidget | None = None) -> None:
        super().__init__(context, t("补办 Ukey 申请函（指南 3.7）"), parent)
        form = QFormLayout()
        self.procuratorate = QLineEdit(choice.info.organization or choice.info.subject_cn or "" if choice else "")
        self.org_code = QLineEdit(choice.info.org_code or "" if choice else "")
        self.org_code.setMaxLength(6)
        self.case_number = QLineEdit()
        self.case_number.setPlaceholderText(t("可填案件受案号，如 成检刑诉受[2023]371724000xxx号"))
        self.case_number.textChanged.connect(self._from_case_number)
        self.key_type = QComboBox()
        self.key_type.addItems(list(KEY_TYPES))
        self.situation = QComboBox()
        for key, word in SITUATIONS.items():
            self.situation.addItem(word, key)  # the letter's own (Chinese) words
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.receiver_name, self.receiver_phone, self.receiver_address = QLineEdit(), QLineEdit(), QLineEdit()
        for label, field, name in (
            (t("检察院名称(&C)："), self.procuratorate, t("检察院名称")),
            (t("组织机构代码(&O)："), self.org_code, t("组织机构代码")),
            (t("案件受案号(&K)："), self.case_number, t("案件受案号")),
            (t("Ukey 类型(&T)："), self.key_type, t("Ukey 类型")),
            (t("情况(&S)："), self.situation, t("情况")),
            (t("情况说明(&D)："), self.description, t("情况说明")),
            (t("收件人姓名(&N)："), self.receiver_name, t("收件人姓名")),
            (t("收件人电话(&P)："), self.receiver_phone, t("收件人电话")),
            (t("收件地址(&A)："), self.receiver_address, t("收件地址")),
        ):
            field.setAccessibleName(name)
            form.addRow(label, field)
        save_docx = QPushButton(t("保存为 Word(&W)…"))
        save_pdf = QPushButton(t("保存为 PDF(&F)…"))
        save_docx.clicked.connect(lambda: self._save(".docx"))
        save_pdf.clicked.connect(lambda: self._save(".pdf"))
        self.layout_.addLayout(form)
        self.layout_.addWidget(
            QLabel(t("打印后请加盖公章。组织机构代码为 6 位数字，可从证书、Ukey 标签或受案号中找到。"))
        )
        self.layout_.addWidget(save_docx, alignment=Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(save_pdf, alignment=Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(self.notice)

    def _from_case_number(self, text: str) -> None:
        code = org_code_from_case_number(text)
        if code:
            self.org_code.setText(code)

    def form(self) -> LetterForm:
        return LetterForm(
            procuratorate=self.procuratorate.text(),
            org_code=self.org_code.text(),
            key_type=self.key_type.currentText(),
            situation=str(self.situation.currentData()),
            description=self.description.toPlainText(),
            receiver_name=self.receiver_name.text(),
            receiver_phone=self.receiver_phone.text(),
            receiver_address=self.receiver_address.text(),
        )

    def _save(self, suffix: str) -> None:
        form = self.form()
        try:
            form.check()
        except UkeyError as exc:
            self.notice.show_error(exc)
            return
        name, _ = QFileDialog.getSaveFileName(self, t("保存申请函"), t("Ukey 补办申请函") + suffix)
        if name:
            self.save_to(Path(name), form)

    def save_to(self, path: Path, form: LetterForm) -> None:
        def write() -> Path:
            if path.suffix.lower() == ".pdf":
                write_pdf(form, path)
            else:
                write_docx(form, path)
            return path

        self.run(write, lambda done: self.notice.show_text("ok", t("已保存：{path}", path=done)))
