"""How the reference site behaves; kept apart so that starting the program
does not load the site's web stack until it is used."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class SiteConfig:
    latency: float = 0.0  # seconds added to every answer, to feel like the real site
    fixed_captcha: str | None = None  # for scripted runs; None draws a code per image
    failures_per_day: int = 5
