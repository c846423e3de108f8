"""``ukey-renew doctor`` as one call: the checks against the 12309 site, or
against the built-in practice site started for them. The support bundle runs
the same checks."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ukey_renew.site import PRACTICE, PRODUCTION
from ukey_renew.troubleshoot.checks import CheckContext, CheckResult, run_checks

if TYPE_CHECKING:
    from ukey_renew.site.profile import SiteProfile


def run_doctor(
    data_dir: Path, site: str = PRODUCTION, *, network: bool = True, timeout: float = 15.0
) -> list[CheckResult]:
    from ukey_renew.site.profile import load_profile

    running = None
    if site == PRACTICE:  # the built-in site stands in for the real one
        from ukey_renew import practice

        running = practice.serve_site(data_dir)
        profile, ca_file = running.profile, running.ca_file
    else:
        profile, ca_file = load_profile(site), None
    try:
        context = context_for(data_dir, profile, ca_file, network=network, practice=running is not None)
        return run_checks(context, timeout=timeout)
    finally:
        if running is not None:
            running.stop()


def context_for(
    data_dir: Path, profile: SiteProfile, ca_file: Path | None, *, network: bool = True, practice: bool = False
) -> CheckContext:
    """The checks' view of a site: its renewal and login addresses, and the CA its TLS chains to;
    ``practice``: checking for practice, where the practice key stands in for a real one."""
    return CheckContext(
        data_dir=data_dir,
        renewal_url=profile.base_url + "/",
        login_url=profile.login_url,
        ca_file=ca_file,
        network=network,
        practice=practice,
    )
