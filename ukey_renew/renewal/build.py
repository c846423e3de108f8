"""The renewal engine built in one place, on the journal and records kept in
the data dir, so that the wizard, the command line and the practice runs all
renew with the same files and the same wiring."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from ukey_renew.renewal.engine import RenewalEngine
from ukey_renew.renewal.journal import Journal
from ukey_renew.renewal.records import Records
from ukey_renew.renewal.steps import Prompts, RenewalEvent
from ukey_renew.site.client import SiteClient
from ukey_renew.token.base import Token


def records(data_dir: Path) -> Records:
    return Records(data_dir / "records.sqlite")


def journal_for(data_dir: Path, token_serial: str, container: str) -> Journal:
    return Journal(data_dir / "journal", token_serial, container)


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
