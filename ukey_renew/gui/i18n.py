"""Translation of the wizard's text: Chinese in the code, English from
``resources/i18n/ukey_renew_en.ts`` (compiled to .qm) through Qt.

``t`` translates now; ``N_`` only marks a constant made at import time,
before the translator is installed, to be passed through ``t`` when shown.
A test checks that every marked string has its English translation.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "ukey"


def t(text: str, **values: object) -> str:
    translated = QCoreApplication.translate(CONTEXT, text)
    return translated.format(**values) if values else translated


def N_(text: str) -> str:  # noqa: N802 - the gettext name people know
    return text
