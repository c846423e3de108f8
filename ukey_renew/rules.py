"""The guide's rules for what the user types, checked before anything is sent.

The new Ukey password: 6–8 characters, letters and digits (guide 3.6 ⑥; longer
ones were silently cut, guide 3.9 case 3a). The holder of the key (guide 2.2 ④):
a name and an 11-digit mobile. The client checks at once, so a clerk learns of
a typo before a round trip; the reference site applies the same rules.
"""

from __future__ import annotations

import re
import unicodedata

from ukey_renew.errors import HolderInvalid, PinRuleViolated

# Compiled at first use (``re`` keeps them), not at import: the wizard's
# pages import these rules before their first paint.
_NEW_PIN = r"^(?=.*[A-Za-z])(?=.*\d)[A-Za-z\d]{6,8}$"
# ASCII digits only: ``\d`` also takes Arabic-Indic or Devanagari digits,
# which NFKC leaves as they are and no mask or site reads as a number.
_MOBILE = r"1[3-9][0-9]{9}"
_COUNTRY = r"^(?:\+|00)86(?=1)"
# Chinese names, or Latin letters for the few who have them; the middle dot of
# minority names (·) and plain spaces allowed between parts. Not ``\s``: it
# takes line breaks, tabs and separators (\r, \x1c, \x85, \u2028) that
# rewrite a line on screen or in a receipt.
_NAME = r"[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z· ]{0,18}[\u4e00-\u9fffA-Za-z]"


def check_new_pin(pin: str) -> None:
    if not re.match(_NEW_PIN, pin):
        raise PinRuleViolated()


def check_holder(name: str, mobile: str) -> tuple[str, str]:
    """The name and mobile as sent, or :class:`HolderInvalid`. Both in NFKC
    first, so that full-width letters, digits, spaces and hyphens (an IME's)
    count as the plain ones; the name trimmed, the mobile without spaces,
    hyphens or a +86 / 0086 prefix."""
    name = unicodedata.normalize("NFKC", name).strip()
    mobile = unicodedata.normalize("NFKC", mobile).strip().replace(" ", "").replace("-", "")
    mobile = re.sub(_COUNTRY, "", mobile)
    if not re.fullmatch(_NAME, name):
        raise HolderInvalid("持有人姓名应为 2–20 个汉字或字母。")
    if not re.fullmatch(_MOBILE, mobile):
        raise HolderInvalid("手机号应为 11 位数字，以 13–19 开头。")
    return name, mobile
