"""The application letter for a new Ukey (guide 3.7), saved as DOCX or PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ukey_renew.errors import UkeyError
from ukey_renew.gui.context import Context
from ukey_renew.gui.dialogs import JobDialog
from ukey_renew.gui.i18n import t
from ukey_renew.gui.letter_pdf import write_pdf
from ukey_renew.gui.widgets import save_file_name
from ukey_renew.session import KeyChoice
from ukey_renew.troubleshoot.letter import KEY_TYPES, SITUATIONS, LetterForm, org_code_from_case_number, write_docx


class LetterDialog(JobDialog):
    """Guide 3.7: the application letter for a new Ukey, as DOCX or PDF."""

    def __init__(
        self, context: Context, choice: KeyChoice | None, parent: QWidget | None = None, situation: str = ""
    ) -> None:
        """``situation`` is chosen for the user only when the program knows it (an expired key);
        otherwise the letter waits for the user's choice rather than saying "damaged" for them."""
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
        self.situation.setPlaceholderText(t("请选择"))
        self.situation.setCurrentIndex(self.situation.findData(situation))
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
            situation=str(self.situation.currentData() or ""),
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
        name = save_file_name(self, t("保存申请函"), t("Ukey 补办申请函") + suffix)
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
