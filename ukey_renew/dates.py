"""Dates as the guide and the renewal site write them: Beijing time,
2023年07月18日 (guide 2.2 figures 4 and 5).

Built from the fields, not with ``strftime``: on Windows, Python 3.11 hands
the format to the C runtime in the system code page, and a non-Chinese one
cannot encode 年."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

CHINA_TIME = timezone(timedelta(hours=8), "CST")


def guide_date(moment: datetime) -> str:
    local = moment.astimezone(CHINA_TIME)
    return f"{local.year:04d}年{local.month:02d}月{local.day:02d}日"


def guide_period(start: datetime, end: datetime) -> str:
    """A validity as the guide writes it: 2026年12月07日 至 2031年12月27日."""
    return f"{guide_date(start)} 至 {guide_date(end)}"


def clock_time(moment: datetime) -> str:
    local = moment.astimezone(CHINA_TIME)
    return f"{local.hour:02d}:{local.minute:02d}"


def beijing_time(moment: datetime, timespec: str = "seconds") -> str:
    """A moment for logs and IT staff: Beijing time, the offset written (2026-12-07 13:37:02+08:00)."""
    return moment.astimezone(CHINA_TIME).isoformat(sep=" ", timespec=timespec)
