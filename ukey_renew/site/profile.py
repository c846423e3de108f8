"""A renewal site as data (``resources/sites/*.toml``): where it is, whom to
trust, and its rules. A capture of the real site changes a profile, not code."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from ukey_renew import paths
from ukey_renew.certs import RenewalPolicy


def add_years(moment: datetime, years: int) -> datetime:
    """Same day and time ``years`` later; 29 February becomes 28 February."""
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:
        return moment.replace(year=moment.year + years, day=28)


@dataclass(frozen=True)
class SitePolicy:
    validity_years: int
    extend_from: str
    max_expired_days: int
    activation_minutes: int

    def new_validity(self, old_not_after: datetime, at: datetime) -> tuple[datetime, datetime]:
        """Guide 2.2 figure 5: a valid certificate gains ``validity_years`` on its
        old expiry; an expired one runs from the download date (BJCA's help)."""
        if self.extend_from == "old_expiry_if_valid" and old_not_after > at:
            return at, add_years(old_not_after, self.validity_years)
        return at, add_years(at, self.validity_years)

    @property
    def activation_delay(self) -> timedelta:
        return timedelta(minutes=self.activation_minutes)

    def renewal_policy(self) -> RenewalPolicy:
        return RenewalPolicy(max_expired_days=self.max_expired_days)


@dataclass(frozen=True)
class SiteProfile:
    name: str
    title: str
    base_url: str
    login_url: str
    trust: str  # "system" (OS trust store) or "reference-ca" (the CA file we made)
    direct_client: bool
    policy: SitePolicy
    # PEM files in resources/sites/ holding the CA certificates the site's own
    # certificates chain to (login signature, renewed certificates). The
    # reference site's CA is made at run time and handed to the client instead.
    ca_files: tuple[str, ...] = ()

    def on_port(self, port: int) -> SiteProfile:
        """The profile of a site whose port is known only once it runs."""
        return replace(
            self,
            base_url=self.base_url.replace("{port}", str(port)),
            login_url=self.login_url.replace("{port}", str(port)),
        )


def load_profile(name: str) -> SiteProfile:
    data = tomllib.loads(paths.resource("sites", f"{name}.toml").read_text(encoding="utf-8"))
    return SiteProfile(
        name=data["name"],
        title=data["title"],
        base_url=data["base_url"],
        login_url=data["login_url"],
        trust=data["trust"],
        direct_client=bool(data["direct_client"]),
        policy=SitePolicy(**data["policy"]),
        ca_files=tuple(data.get("ca_files", ())),
    )
