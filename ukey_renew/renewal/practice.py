"""Practice mode: the practice key renewed on the in-process reference site.

Used by ``ukey-renew renew --practice`` and by the wizard; set up here once
so every front end runs the same thing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from ukey_renew.casim.config import SiteConfig
from ukey_renew.casim.provision import reset_practice_key
from ukey_renew.casim.site import ReferenceSite
from ukey_renew.renewal.engine import RenewalEngine
from ukey_renew.renewal.journal import Journal
from ukey_renew.renewal.records import Records
from ukey_renew.renewal.steps import Prompts, RenewalEvent
from ukey_renew.site.client import SiteClient
from ukey_renew.token import practice

FIXED_CAPTCHA = "2309"  # what the built-in site shows in scripted practice runs


def records(data_dir: Path) -> Records:
    return Records(data_dir / "records.sqlite")


def journal_for(data_dir: Path, token_serial: str, container: str) -> Journal:
    return Journal(data_dir / "journal", token_serial, container)


@contextmanager
def practice_engine(
    data_dir: Path,
    prompts: Prompts,
    *,
    on_event: Callable[[RenewalEvent], None] | None = None,
    site_config: SiteConfig | None = None,
) -> Iterator[RenewalEngine]:
    """An engine for the practice key (set up on first use) against a
    reference site serving on a free loopback port until the block ends."""
    key_path = practice.default_path(data_dir)
    if not key_path.is_file():
        reset_practice_key(data_dir, datetime.now(UTC))
    token = practice.PracticeToken(key_path)
    container = token.certificates()[0].container
    running = ReferenceSite(data_dir, site_config or SiteConfig(fixed_captcha=FIXED_CAPTCHA)).serve()
    client = SiteClient(running.profile, running.ca_file)
    try:
        yield RenewalEngine(
            token,
            container,
            client,
            journal_for(data_dir, token.info().serial, container),
            records(data_dir),
            prompts,
            on_event=on_event,
        )
    finally:
        client.close()
        running.stop()
