"""The renewal engine built in one place, on the journal and records kept in
the data dir, so that the wizard, the command line and the practice runs all
renew with the same files and the same wiring. The engine and the site's
HTTP client load only to build an engine: ``status`` and the wizard's first
page read the records and journals through here too."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ukey_renew.renewal.journal import Journal, JournalState, read_all
from ukey_renew.renewal.records import Records

if TYPE_CHECKING:
    from ukey_renew.renewal.engine import RenewalEngine
    from ukey_renew.renewal.steps import Prompts, RenewalEvent
    from ukey_renew.site.client import SiteClient
    from ukey_renew.token.base import Token


def records(data_dir: Path) -> Records:
    return Records(data_dir / "records.sqlite")


def journal_for(data_dir: Path, token_serial: str, container: str) -> Journal:
    return Journal(data_dir / "journal", token_serial, container)


def has_open_order(state: JournalState | None, done: Records) -> bool:
    """A renewal that stopped after the site gave it an order, not recorded as finished: the
    next renewal of that key goes on with the order instead of placing another (guide 2.2 ⑤)."""
    return state is not None and bool(state.order_no) and not done.recorded(state.order_no or "")


def open_orders(data_dir: Path) -> list[JournalState]:
    """Every key's renewal with an open order, read without changing anything."""
    done = records(data_dir)
    return [state for state in read_all(data_dir / "journal") if has_open_order(state, done)]


def build_engine(
    token: Token,
    container: str,
    site: SiteClient,
    data_dir: Path,
    prompts: Prompts,
    *,
    on_event: Callable[[RenewalEvent], None] | None = None,
    clock: Callable[[], datetime] | None = None,
) -> RenewalEngine:
    """An engine renewing ``container`` on ``token`` through ``site``."""
    from ukey_renew.renewal.engine import RenewalEngine

    return RenewalEngine(
        token,
        container,
        site,
        journal_for(data_dir, token.info().serial, container),
        records(data_dir),
        prompts,
        on_event=on_event,
        clock=clock,
    )
