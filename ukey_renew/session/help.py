"""The automatic checks (guide chapter 3), against the site this session renews on."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ukey_renew.session.base import SessionBase
from ukey_renew.site import site_for

if TYPE_CHECKING:
    from ukey_renew.troubleshoot.checks import CheckResult


class Help(SessionBase):
    def run_check(self, check_id: str) -> Any:
        """One of the troubleshooting panel's automatic checks, against the
        site this session renews on: in practice mode the built-in one (the
        production site's reachability means nothing there)."""
        from ukey_renew.troubleshoot.checks import run_one
        from ukey_renew.troubleshoot.doctor import context_for

        if self.practice_only:
            running = self.practice_site()
            profile, ca_file = running.profile, running.ca_file
        else:
            profile, ca_file = self.production, None
        return run_one(check_id, context_for(self.data_dir, profile, ca_file))

    def doctor(self, site: str | None = None, *, network: bool = True, timeout: float = 15.0) -> list[CheckResult]:
        """Every automatic check (``ukey-renew doctor``) against ``site``, by
        default the one this session renews on."""
        from ukey_renew.troubleshoot.doctor import run_doctor

        return run_doctor(self.data_dir, site or site_for(self.practice_only), network=network, timeout=timeout)
