"""What the commands' words share: the dates as the guide writes them, and
the exit codes beyond ``command.EXIT_ERROR``."""

from __future__ import annotations

from datetime import UTC, date, datetime

from ukey_renew.dates import CHINA_TIME, guide_date

EXIT_CHECKS_FAILED = 3  # doctor: a check failed ("注意" alone is 0)


def now() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    """Today in Beijing: the day the guide's deadlines count in."""
    return now().astimezone(CHINA_TIME).date()


def day(iso: str) -> str:
    return guide_date(datetime.fromisoformat(iso))
