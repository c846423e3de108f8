"""The automatic checks, each isolated and timed out on its own."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ukey_renew.casim.provision import reset_practice_key
from ukey_renew.casim.site import ReferenceSite, RunningSite
from ukey_renew.troubleshoot import checks
from ukey_renew.troubleshoot.checks import CheckContext, run_checks, run_one
from ukey_renew.winver import WindowsVersion


@pytest.fixture
def context(home: Path) -> CheckContext:
    return CheckContext(data_dir=home, renewal_url="https://127.0.0.1:9/", login_url="https://127.0.0.1:9/")


@pytest.fixture
def site(home: Path) -> Iterator[RunningSite]:
    running = ReferenceSite(home).serve()
    yield running
    running.stop()


def test_operating_systems(context: CheckContext, tmp_path: Path) -> None:
    release = tmp_path / "os-release"
    release.write_text('NAME="Kylin"\nID=kylin\n')
    context.os_release = release
    context.platform, context.windows = "linux", None
    assert run_one("os.windows", context).status == "fail"  # guide 3.1 note
    release.write_text("ID=debian\n")
    assert run_one("os.windows", context).status == "warn"
    context.platform, context.windows = "win32", WindowsVersion(10, 0, 19045)
    assert run_one("os.windows", context).status == "ok"


def test_clock(context: CheckContext) -> None:
    context.now = datetime(2020, 1, 1, tzinfo=UTC)
    assert run_one("clock.plausible", context).status == "fail"
    context.now = datetime(2027, 3, 1, tzinfo=UTC)
    assert run_one("clock.plausible", context).status == "ok"


def test_practice_setup(context: CheckContext, home: Path) -> None:
    assert run_one("practice.ready", context).status == "warn"
    reset_practice_key(home, datetime.now(UTC))
    result = run_one("practice.ready", context)
    assert result.status == "ok" and "电信测试1" in result.detail


def test_network_against_the_reference_site(context: CheckContext, site: RunningSite, tmp_path: Path) -> None:
    context.renewal_url = site.profile.base_url + "/"
    context.ca_file = site.ca_file
    assert run_one("net.renewal_site", context).status == "ok"
    context.renewal_url = "https://127.0.0.1:9/"  # nothing listens: no network, said plainly
    result = run_one("net.renewal_site", context)
    assert result.status == "fail" and "连接不上" in result.detail
    other = ReferenceSite(tmp_path / "other")
    other.state.close()
    context.renewal_url, context.ca_file = site.profile.base_url + "/", other.ca.cert_path
    assert "安全证书" in run_one("net.renewal_site", context).detail
    context.network = False
    assert run_one("net.renewal_site", context).status == "skip"


def test_one_check_failing_or_hanging_hides_nothing(context: CheckContext, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(context: CheckContext) -> tuple[str, str]:
        raise RuntimeError("boom")

    def hanging(context: CheckContext) -> tuple[str, str]:
        time.sleep(5)
        return "ok", "late"

    monkeypatch.setitem(checks.CHECKS, "browser.360", (broken, "3.4"))
    monkeypatch.setitem(checks.CHECKS, "clock.plausible", (hanging, "3.12"))
    started = time.monotonic()
    results = {r.id: r for r in run_checks(context, ["browser.360", "clock.plausible", "practice.ready"], timeout=0.5)}
    assert time.monotonic() - started < 3
    assert results["browser.360"].status == "fail" and "RuntimeError" in results["browser.360"].detail
    assert results["clock.plausible"].status == "fail" and "超时" in results["clock.plausible"].detail
    assert results["practice.ready"].status == "warn"


def test_a_certificate_verdict_is_translated_with_its_numbers_apart() -> None:
    """The window translates the verdict's template, then fills in the days: a filled-in sentence has no
    translation (the English help panel said "证书有效，还有 30 天到期" for a plugged-in key)."""
    from ukey_renew.certs import Eligibility

    english = {"{holder}：{verdict}": "{holder}: {verdict}", "证书有效，还有 {days} 天到期，可以延期。": "{days} days."}
    said = checks.verdict_said("某某检察院", Eligibility(True, "renewable", "2.1", days=30))
    assert str(said) == "某某检察院：证书有效，还有 30 天到期，可以延期。"
    assert said.translated(lambda text: english.get(text, text)) == "某某检察院: 30 days."
