"""Smart-card readers through PC/SC: which readers, which card, and when a
key goes in or comes out.

Events come from SCardGetStatusChange, which blocks inside the PC/SC service
until something changes (or the timeout passes, or :meth:`cancel` is called
from another thread): no busy polling. Cards are named by their ATR from
``resources/tokens.toml``. Many SM2 keys are HID-only and never appear here;
the PKCS#11 and XTXApp backends find those.

Windows stops its Smart Card service while no reader is attached, the normal
state of most office PCs, and starts it when one is plugged in: "no service"
therefore means "no readers", never a fault.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ukey_renew import paths
from ukey_renew.errors import PcscNotInstalled, ReaderUnavailable, UkeyError

try:
    from smartcard import scard

    _MISSING: str | None = None
except ImportError as exc:  # pyscard is the "pcsc" extra off Windows, and needs the PC/SC library
    scard = None
    _MISSING = str(exc)

PNP_READER = "\\\\?PnP?\\Notification"


@dataclass(frozen=True)
class KnownCard:
    name: str
    atr: bytes
    mask: bytes | None
    practice: bool

    def matches(self, atr: bytes) -> bool:
        if len(atr) != len(self.atr):
            return False
        if self.mask is None:
            return atr == self.atr
        return all((a & m) == (b & m) for a, b, m in zip(atr, self.atr, self.mask, strict=True))


def known_cards() -> list[KnownCard]:
    table = paths.resource_table("tokens.toml")
    return [
        KnownCard(
            name=entry["name"],
            atr=bytes.fromhex(entry["atr"]),
            mask=bytes.fromhex(entry["mask"]) if "mask" in entry else None,
            practice=bool(entry.get("practice", False)),
        )
        for entry in table.get("atr", [])
    ]


def identify(atr: bytes, cards: list[KnownCard]) -> KnownCard | None:
    return next((card for card in cards if card.matches(atr)), None)


@dataclass(frozen=True)
class ReaderState:
    reader: str
    present: bool
    atr: bytes | None
    card: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "reader": self.reader,
            "card_present": self.present,
            "atr": self.atr.hex(" ").upper() if self.atr else None,
            "card": self.card,
        }


@dataclass(frozen=True)
class CardEvent:
    kind: str  # "inserted", "removed", "reader_added", "reader_removed"
    reader: str
    atr: bytes | None = None
    card: str | None = None


class _ServiceStopped(Exception):
    """The Smart Card service is not running; any context it gave is dead."""


def _check(result: int) -> None:
    if result in (scard.SCARD_E_NO_SERVICE, scard.SCARD_E_SERVICE_STOPPED):
        raise _ServiceStopped
    if result != scard.SCARD_S_SUCCESS:
        raise ReaderUnavailable(detail=scard.SCardGetErrorMessage(result))


class PcscMonitor:
    """Reader states and their changes; one PC/SC context per monitor, made
    again whenever the service comes back."""

    def __init__(self, cards: list[KnownCard] | None = None) -> None:
        if scard is None:
            raise PcscNotInstalled(detail=_MISSING)
        self.cards = known_cards() if cards is None else cards
        self._context: Any = None
        self._woken = threading.Event()  # what a wait without the service sleeps on
        self._known: dict[str, ReaderState] = {}
        self._known = {state.reader: state for state in self._states(0)}

    def readers(self) -> list[ReaderState]:
        return list(self._known.values())

    def wait(self, timeout: float) -> list[CardEvent]:
        """Block until a card or reader changes, at most ``timeout`` seconds.

        Returns the changes (empty on timeout or :meth:`cancel`).
        """
        before = self._known
        after = {state.reader: state for state in self._states(timeout)}
        self._known = after
        events = [CardEvent("reader_removed", name) for name in before if name not in after]
        for name, state in after.items():
            old = before.get(name)
            if old is None:
                events.append(CardEvent("reader_added", name))
            if state.present and (old is None or not old.present or old.atr != state.atr):
                events.append(CardEvent("inserted", name, state.atr, state.card))
            elif not state.present and old is not None and old.present:
                events.append(CardEvent("removed", name))
        return events

    def cancel(self) -> None:
        """Wake a :meth:`wait` running in another thread."""
        self._woken.set()
        if self._context is not None:
            scard.SCardCancel(self._context)

    def close(self) -> None:
        if self._context is not None:
            scard.SCardReleaseContext(self._context)
            self._context = None

    def _states(self, timeout: float) -> list[ReaderState]:
        """The readers after a change or ``timeout``; none while the service is
        stopped, when the wait sleeps instead (nothing to block in, and no spinning)."""
        try:
            return self._poll(int(timeout * 1000))
        except _ServiceStopped:
            self.close()
            if self._woken.wait(timeout):
                self._woken.clear()
            return []

    def _reader_names(self) -> list[str]:
        result, names = scard.SCardListReaders(self._context, [])
        if result == scard.SCARD_E_NO_READERS_AVAILABLE:
            return []
        _check(result)
        return list(names)

    def _poll(self, timeout_ms: int) -> list[ReaderState]:
        if self._context is None:
            result, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
            _check(result)
            self._context = context
        names = self._reader_names()
        current = [(name, self._state_flag(name)) for name in names]
        # The PnP pseudo-reader wakes us when a reader is plugged or unplugged.
        result, states = scard.SCardGetStatusChange(
            self._context, timeout_ms, [*current, (PNP_READER, len(names) << 16)]
        )
        if result in (scard.SCARD_E_TIMEOUT, scard.SCARD_E_CANCELLED):
            return list(self._known.values()) if timeout_ms else self._read_states(names)
        _check(result)
        if any(name == PNP_READER and flags & scard.SCARD_STATE_CHANGED for name, flags, _ in states):
            return self._read_states(self._reader_names())
        return [self._to_state(name, flags, atr) for name, flags, atr in states if name != PNP_READER]

    def _read_states(self, names: list[str]) -> list[ReaderState]:
        if not names:
            return []
        result, states = scard.SCardGetStatusChange(
            self._context, 0, [(name, scard.SCARD_STATE_UNAWARE) for name in names]
        )
        _check(result)
        return [self._to_state(name, flags, atr) for name, flags, atr in states]

    def _state_flag(self, name: str) -> int:
        known = self._known.get(name)
        if known is None:
            return scard.SCARD_STATE_UNAWARE
        return scard.SCARD_STATE_PRESENT if known.present else scard.SCARD_STATE_EMPTY

    def _to_state(self, name: str, flags: int, atr: list[int]) -> ReaderState:
        present = bool(flags & scard.SCARD_STATE_PRESENT)
        raw = bytes(atr) if present and atr else None
        card = identify(raw, self.cards) if raw else None
        return ReaderState(name, present, raw, card.name if card else None)


def list_readers() -> list[ReaderState]:
    monitor = PcscMonitor()
    try:
        return monitor.readers()
    finally:
        monitor.close()


class CardEvents:
    """Cards and readers coming and going, through PC/SC events. Many SM2
    keys are HID-only and never show up in PC/SC."""

    # How long one wait blocks in the PC/SC service, and how long it sleeps while
    # the service is stopped. stop() cancels a wait at once; the bound only
    # catches a stop that came just before the wait began.
    WAIT_SECONDS = 60.0

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._monitor: PcscMonitor | None = None

    def watch(self, changed: Callable[[], None]) -> None:
        try:
            monitor = PcscMonitor()
        except UkeyError:
            return
        self._monitor = monitor
        try:
            while not self._stop.is_set():
                if monitor.wait(self.WAIT_SECONDS):
                    changed()
        except UkeyError:
            pass  # the PC/SC service went away; the poll carries on
        finally:
            self._monitor = None
            monitor.close()

    def stop(self) -> None:
        self._stop.set()
        monitor = self._monitor
        if monitor is not None:
            monitor.cancel()  # wakes the blocked SCardGetStatusChange
