"""Dates as the guide and the renewal site write them: Beijing time,
2023年07月18日 (guide 2.2 figures 4 and 5)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

CHINA_TIME = timezone(timedelta(hours=8), "CST")


def guide_date(moment: datetime) -> str:
    return moment.astimezone(CHINA_TIME).strftime("%Y年%m月%d日")


def clock_time(moment: datetime) -> str:
    return moment.astimezone(CHINA_TIME).strftime("%H:%M")
