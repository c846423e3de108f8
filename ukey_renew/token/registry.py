"""Every way the program reaches a key, in one table: the backend's name (as
``status --backend`` takes it), its title, how it is opened, which of its
errors only mean "not on this computer" (normal when every backend is
asked), its automatic checks, and the order in which they are asked; and
the row of the smart-card readers (PC/SC), listed beside the keys.

Nothing outside ``token/`` tests a backend's name: it reads the row's fields
(``tests/unit/test_layers.py``).

A backend's module (its driver binding, its HTTP client, the practice key's
crypto) loads only when that backend is opened: the practice key needs
neither of the others, and ``--help`` needs none.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from ukey_renew.errors import UkeyError

if TYPE_CHECKING:
    from ukey_renew.token.base import Token

Scan = tuple[list["Token"], list[UkeyError]]  # the tokens found, and what failed
Read = TypeVar("Read")


@dataclass(frozen=True)
class Where:
    """Where to look: the data dir (the practice key), and the driver and
    service address the user named, if any."""

    data_dir: Path
    pkcs11_module: str | None = None
    xtxapp_url: str | None = None


class KeyEvents(Protocol):
    """A source that tells at once when a key comes or goes. :meth:`watch`
    blocks a watcher thread of the front end's; where the source cannot run
    (PC/SC not installed, BJCA's service absent) it just returns, and the
    front end's light poll, which always works, carries on."""

    def watch(self, changed: Callable[[], None]) -> None: ...

    def stop(self) -> None:
        """From any thread: end :meth:`watch` now, not at its next wake-up."""


@dataclass(frozen=True)
class Readers:
    """The smart-card readers (PC/SC): no key of their own, but where the
    drivers' smart-card keys are seen coming and going. ``status`` lists
    them beside the keys; a problem with them hides no key already read."""

    name: str
    title: str  # in words, for the status and support texts
    list: Callable[[], list[Any]]  # each reader and its card (token.pcsc.ReaderState)
    events: Callable[[Where], KeyEvents]
    checks: tuple[str, ...]  # the automatic checks that ask them (troubleshoot/checks.py)
    absent: frozenset[str]  # error ids that mean "not installed here"
    real: bool = True
    aside: bool = True  # its problems matter to no key already read


@dataclass(frozen=True)
class Backend:
    name: str
    title: str  # how a key was reached, in words, for the status and support texts
    # The tokens found and every failure, each part's on its own (one PKCS#11
    # module, one entry of BJCA's list), even when another part found the key.
    scan: Callable[[Where], Scan]
    absent: frozenset[str]  # error ids that mean "not installed here"
    # What is plugged in, said as cheaply as the backend can (no key opened,
    # no certificate read): equal answers mean nothing came or went.
    presence: Callable[[Where], Hashable]
    real: bool = True  # a key a user holds (not the practice key)
    # A source that tells at once when a key comes or goes, where the backend has one.
    events: Callable[[Where], KeyEvents] | None = None
    notes: frozenset[str] = frozenset()  # error ids worth telling that are not failures of the backend
    checks: tuple[str, ...] = ()  # the automatic checks that ask it (troubleshoot/checks.py)
    aside: bool = False  # a problem of the readers' kind, that matters to no key already read


def _pkcs11(where: Where) -> Scan:
    from ukey_renew.token import pkcs11

    scans = pkcs11.scan_modules(pkcs11.module_paths(where.pkcs11_module))
    return [token for scan in scans for token in scan.tokens], [scan.error for scan in scans if scan.error]


def _xtxapp(where: Where) -> Scan:
    """The keys, and each entry of BJCA's user list that could not be used (a
    key pulled out that its cache still lists): reported, never fatal. The
    client's own deadlines allow for BJCA's PIN dialog and progress box."""
    from ukey_renew.token import xtxapp

    try:
        tokens, problems = xtxapp.scan(xtxapp.XTXAppClient(where.xtxapp_url or xtxapp.DEFAULT_URL))
    except UkeyError as exc:
        return [], [exc]
    return list(tokens), problems


def _pkcs11_presence(where: Where) -> Hashable:
    from ukey_renew.token import pkcs11

    return tuple(pkcs11.presence(pkcs11.module_paths(where.pkcs11_module)))


def _xtxapp_presence(where: Where) -> Hashable:
    """BJCA's user list as it answers it: one call, no certificate exported."""
    from ukey_renew.token import xtxapp

    client = xtxapp.XTXAppClient(where.xtxapp_url or xtxapp.DEFAULT_URL)
    try:
        return str(client.call("SOF_GetUserList"))
    except UkeyError as exc:
        return exc.id
    finally:
        client.close()


def _card_events(where: Where) -> KeyEvents:
    """Cards and readers through PC/SC: the PKCS#11 drivers' smart-card keys."""
    from ukey_renew.token.pcsc import CardEvents

    return CardEvents()


def _readers() -> list[Any]:
    from ukey_renew.token.pcsc import list_readers

    return list(list_readers())


def _xtxapp_events(where: Where) -> KeyEvents:
    from ukey_renew.token import xtxapp

    return xtxapp.XtxappEvents(xtxapp.push_url(where.xtxapp_url or xtxapp.DEFAULT_URL))


def _practice_presence(where: Where) -> Hashable:
    from ukey_renew.token import practice

    try:
        stat = practice.default_path(where.data_dir).stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def _practice(where: Where) -> Scan:
    from ukey_renew.token import practice

    try:
        return [practice.PracticeToken(practice.default_path(where.data_dir))], []
    except UkeyError as exc:
        return [], [exc]


def _practice_set_up(data_dir: Path) -> bool:
    from ukey_renew.token import practice

    return practice.default_path(data_dir).is_file()


PCSC = Readers("pcsc", "读卡器", _readers, _card_events, ("key.pcsc",), frozenset({"pcsc.not_installed"}))

# In the order "auto" asks them.
BACKENDS: dict[str, Backend] = {
    backend.name: backend
    for backend in (
        Backend(
            "pkcs11",
            "经 Ukey 驱动读取",
            _pkcs11,
            frozenset({"pkcs11.module_not_found"}),
            _pkcs11_presence,
            events=PCSC.events,  # the drivers' smart-card keys come and go in the readers
            checks=("key.pkcs11",),
        ),
        Backend(
            "xtxapp",
            "经 BJCA 证书应用环境读取",
            _xtxapp,
            frozenset({"xtxapp.unavailable"}),
            _xtxapp_presence,
            notes=frozenset({"xtxapp.entry_skipped"}),  # a stale entry for a key no longer plugged in
            events=_xtxapp_events,
            checks=("key.xtxapp",),
        ),
        Backend("practice", "练习 Ukey", _practice, frozenset({"token.not_present"}), _practice_presence, real=False),
    )
}

# Every row a status entry may name: a backend, or the readers.
ROWS: dict[str, Backend | Readers] = {**BACKENDS, PCSC.name: PCSC}
TITLES = {name: row.title for name, row in ROWS.items()}
PRACTICE = next(backend for backend in BACKENDS.values() if not backend.real)  # the practice key's row


def row(name: str) -> Backend | Readers | None:
    """The row a status entry names, None for a name no row has (a file from another version)."""
    return ROWS.get(name)


def checks() -> set[str]:
    """Every automatic check that asks a key or the readers: drivers are not safe
    to re-initialise while another thread uses them, so these take turns."""
    return {check for entry in ROWS.values() for check in entry.checks}


def read_keys(
    backends: Iterable[Backend], where: Where, read: Callable[[Token], Read], *, everywhere: bool
) -> tuple[list[Read], list[tuple[str, UkeyError]]]:
    """Every key of ``backends`` as ``read`` makes of it, and what failed, each with its backend's name.

    The one scan of ``status``, the session's detection and the automatic
    checks. ``everywhere``: asking every backend, a missing driver or service
    (``absent``) is normal on most machines and not told. A key that fails as
    it is read (pulled out, its file broken, held by another process) is told,
    the others still read. ``read`` closes the token unless it keeps it."""
    found: list[Read] = []
    problems: list[tuple[str, UkeyError]] = []
    for backend in backends:
        tokens, failures = backend.scan(where)
        problems += [(backend.name, exc) for exc in failures if not (everywhere and exc.id in backend.absent)]
        for token in tokens:
            try:
                found.append(read(token))
            except UkeyError as exc:
                problems.append((backend.name, exc))
    return found, problems


def real() -> list[Backend]:
    """The backends of the keys users hold."""
    return [backend for backend in BACKENDS.values() if backend.real]


def auto(data_dir: Path) -> list[Backend]:
    """What "auto" asks: the real keys' backends always, the practice key once it has been set up."""
    return [backend for backend in BACKENDS.values() if backend.real or _practice_set_up(data_dir)]
