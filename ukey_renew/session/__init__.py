"""What the running program works with, for any front end: the data dir,
the keys it can see, the renewal site and the engines that use them.

:class:`Session` is the one door both front ends (the wizard and the command
line) go through. Behind it, each part has one reason to change:

- ``keys.py``: which keys are plugged in, what they hold, their PIN state;
- ``renewing.py``: the renewal, its journal and the login test;
- ``password.py``: changing and unlocking the key's password;
- ``records.py``: records, receipts, reminders, the support summary and bundle;
- ``help.py``: the automatic checks;
- ``base.py``: what they share (the data dir, the keys' gates, the site).

Every method may block (a key, the network, the disk), so the wizard calls
them from worker threads only. That is also why the heavy modules
(cryptography, the HTTP stacks, the key drivers) are imported inside the
methods: they load in a worker, and the window paints without waiting for
them. The practice key and the built-in reference site are made when
practice is chosen; real keys are added when a backend finds them.
"""

from __future__ import annotations

from ukey_renew.session.base import KeyChoice
from ukey_renew.session.password import Password, Unlocking
from ukey_renew.session.records import Support
from ukey_renew.session.renewing import BROWSER_ORDER, Renewing
from ukey_renew.site import PRODUCTION, SITES
from ukey_renew.token.registry import BACKENDS, KeyEvents

__all__ = [
    "BACKEND_NAMES",
    "BROWSER_ORDER",
    "PRODUCTION",
    "SITE_NAMES",
    "KeyChoice",
    "KeyEvents",
    "Session",
    "Unlocking",
]

# What a front end offers to choose from: the ways to reach a key, and the sites to check.
BACKEND_NAMES = tuple(BACKENDS)
SITE_NAMES = SITES


class Session(Support, Renewing, Password):
    """Keys, renewal, password, records and checks, as one object a front end holds."""
