"""Translation of the wizard's text: Chinese in the code, English from
``resources/i18n/ukey_renew_en.ts`` (compiled to .qm) through Qt.

``t`` translates now; ``N_`` only marks a constant made at import time,
before the translator is installed, to be passed through ``t`` when shown.
A test checks that every marked string has its English translation.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale

from ukey_renew.dates import CHINA_TIME
from ukey_renew.errors import LIST_SEPARATOR, Listed

if TYPE_CHECKING:  # the certificate code loads after the first paint
    from ukey_renew.certs import Eligibility

CONTEXT = "ukey"


def t(text: str, **values: object) -> str:
    translated = QCoreApplication.translate(CONTEXT, text)
    if not values:
        return translated
    separator = QCoreApplication.translate(CONTEXT, LIST_SEPARATOR)
    return translated.format(**{key: v.joined(separator) if isinstance(v, Listed) else v for key, v in values.items()})


def window_language() -> str:
    """ "en" or "zh": the language the window speaks (``app.run`` sets Qt's default locale to it)."""
    return "en" if QLocale().language() == QLocale.Language.English else "zh"


def N_(text: str) -> str:  # noqa: N802 - the gettext name people know
    return text


def day(moment: datetime) -> str:
    """A date, Beijing time, as the guide writes it (2026年11月25日) or as English does (2026-11-25)."""
    local = moment.astimezone(CHINA_TIME)
    return t("{year}年{month}月{day}日", year=f"{local.year:04d}", month=f"{local.month:02d}", day=f"{local.day:02d}")


def period(start: datetime, end: datetime) -> str:
    """A validity, from ``start`` to ``end``, in the window's language."""
    return t("{start} 至 {end}", start=day(start), end=day(end))


def verdict(eligibility: Eligibility) -> str:
    """What the check found, in the window's language (the templates are certs.VERDICTS)."""
    return t(eligibility.template, days=eligibility.days, limit=eligibility.limit)
