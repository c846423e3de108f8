"""The checks the program runs by itself (the FAQ's "check" nodes and
``ukey-renew doctor``).

Each check is a small function returning a :class:`CheckResult`; they run in
threads, each with its own time limit and its own error handling, so one
that fails or hangs never hides the others (the ykman diagnostics pattern).
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ukey_renew import usb, winver
from ukey_renew.errors import (
    LIST_SEPARATOR,
    KeyNotOnUsb,
    ModuleInvalid,
    PcscNotInstalled,
    TokenNotPresent,
    UkeyError,
)
from ukey_renew.token import registry
from ukey_renew.winver import WindowsVersion

if TYPE_CHECKING:
    from ukey_renew.certs import CertInfo, Eligibility
    from ukey_renew.token.base import Token

# A computer whose clock is before this day has a wrong clock (guide 3.9 and
# TLS both suffer from it). It is the day this version was made.
RELEASED = date(2026, 11, 24)
# /etc/os-release ids of the domestic (信创) systems guide 3.1 says the red key does not serve.
DOMESTIC_SYSTEMS = {"uos", "kylin", "neokylin", "openkylin", "deepin", "nfs", "isoft"}


@dataclass(frozen=True)
class Said:
    """What a check found, as a template and its values: the doctor prints it filled in, in Chinese; the
    window translates the template first (and the values it knows, such as an error's message), so that
    the English help panel says it in English."""

    template: str
    values: tuple[tuple[str, str | Said], ...] = ()

    def __str__(self) -> str:
        return self.translated(lambda text: text)

    def translated(self, translate: Callable[[str], str]) -> str:
        """Said through ``translate``: the template and every plain value (a value it does not know, a
        path or a name, stays as it is)."""
        return translate(self.template).format(
            **{
                name: value.translated(translate) if isinstance(value, Said) else translate(value)
                for name, value in self.values
            }
        )


def _said(template: str, **values: object) -> Said:
    return Said(
        template, tuple((name, value if isinstance(value, Said) else str(value)) for name, value in values.items())
    )


@dataclass(frozen=True)
class _Joined(Said):
    """Several findings in one, the template their separator ("；"); ``strip``: each without its full stop."""

    strip: bool = False

    def translated(self, translate: Callable[[str], str]) -> str:
        parts = [value.translated(translate) if isinstance(value, Said) else value for _, value in self.values]
        return translate(self.template).join(part.rstrip("。.") if self.strip else part for part in parts)


def _joined(parts: list[Said], strip: bool = False) -> Said:
    return _Joined("；", tuple((str(i), part) for i, part in enumerate(parts)), strip)


def _listed(names: Iterable[str]) -> Said:
    """Names, not translated, with the list separator, translated: "A、B", in English "A, B"."""
    return _Joined(LIST_SEPARATOR, tuple((str(i), name) for i, name in enumerate(names)))


def _error(exc: UkeyError) -> Said:
    return _said("{message}{next_step}", message=exc.message, next_step=exc.next_step)


@dataclass(frozen=True)
class CheckResult:
    id: str
    status: str  # "ok", "warn", "fail", "skip"
    detail: str  # in Chinese: the doctor's, the log's and the support bundle's
    faq: str
    said: Said | None = None  # the same, for the window to translate

    @classmethod
    def of(cls, check_id: str, status: str, said: Said, faq: str) -> CheckResult:
        return cls(check_id, status, str(said), faq, said)

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "status": self.status, "detail": self.detail, "faq": self.faq}


@dataclass
class CheckContext:
    """What the checks look at; tests point it at the reference site and a temp dir."""

    data_dir: Path
    renewal_url: str
    login_url: str
    ca_file: Path | None = None  # None: the OS trust store
    network: bool = True
    platform: str = sys.platform  # where drivers are looked for
    windows: WindowsVersion | None = field(default_factory=winver.current)  # None: not Windows
    os_release: Path = Path("/etc/os-release")
    practice: bool = False  # practising: the practice key stands in for a real one
    usb_devices: Path = usb.SYSFS_DEVICES  # where Linux lists the USB bus
    now: datetime = field(default_factory=lambda: datetime.now(UTC))


CheckFunction = Callable[[CheckContext], tuple[str, Said]]


def _os_windows(context: CheckContext) -> tuple[str, Said]:
    if context.windows is not None:
        return _windows_release(context.windows)
    system_id = ""
    if context.os_release.is_file():
        for line in context.os_release.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("ID="):
                system_id = line.split("=", 1)[1].strip().strip('"').lower()
    if system_id in DOMESTIC_SYSTEMS:
        return "fail", _said(
            "国产操作系统（{system}）不适用红色 Ukey：请换一台 Windows 互联网电脑（指南 3.1 注）。", system=system_id
        )
    return "warn", _said(
        "这台电脑不是 Windows（{platform}）：红色 Ukey 只支持 Windows 电脑（指南 3.3 ①）。", platform=context.platform
    )


def _windows_release(version: WindowsVersion) -> tuple[str, Said]:
    if not version.supported:
        return "fail", _said(
            "这台电脑是 {version}，本程序需要 Windows 10 1809（build {build}）或更新版本："
            "请升级 Windows（Windows 10 请装上最新更新），或换一台 Windows 10/11 互联网电脑（指南 3.1）。",
            version=version,
            build=winver.MIN_BUILD,
        )
    if version.name == "Windows 10":
        return "ok", _said("Windows 10（1809 或更新，build {build}）", build=version.build)
    return "ok", Said(str(version))  # a name: nothing to translate


def _key_pkcs11(context: CheckContext) -> tuple[str, Said]:
    from ukey_renew.token import pkcs11

    scans = pkcs11.scan_modules(pkcs11.module_candidates(context.platform))
    if not scans:
        return "fail", _said("没有找到 Ukey 驱动（PKCS#11 模块）：请安装 BJCA 证书助手（指南 3.2）。")
    lines = []
    for scan in scans:
        name = Path(scan.path).name
        if scan.error is not None:
            named = isinstance(scan.error, ModuleInvalid)  # a module that did not load names itself
            lines.append(
                _error(scan.error) if named else _said("{module}：{error}", module=name, error=_error(scan.error))
            )
        elif scan.tokens:
            keys = _listed(token.info().label for token in scan.tokens)
            lines.append(_said("{module} 检测到 Ukey：{keys}", module=name, keys=keys))
        else:
            lines.append(_said("{module} 已加载，没有检测到 Ukey", module=name))
    if any(scan.tokens for scan in scans):
        status = "ok"
    else:
        status = "fail" if all(scan.error for scan in scans) else "warn"
    return status, _said("{found}。", found=_joined(lines, strip=True))


def _key_xtxapp(context: CheckContext) -> tuple[str, Said]:
    from ukey_renew.token import xtxapp

    entries, skipped = xtxapp.usable_entries(xtxapp.XTXAppClient())
    if not entries:
        return "warn", _said("BJCA 证书应用环境在运行，但没有读到证书。")
    names = _listed(name for name, _cert_id, _der in entries)
    if skipped:
        return "ok", _said(
            "BJCA 证书应用环境在运行，证书：{names}（另有 {skipped} 项无法读取，已跳过）",
            names=names,
            skipped=len(skipped),
        )
    return "ok", _said("BJCA 证书应用环境在运行，证书：{names}", names=names)


def _key_pcsc(context: CheckContext) -> tuple[str, Said]:
    from ukey_renew.token.pcsc import list_readers

    try:
        readers = list_readers()
    except PcscNotInstalled as exc:
        return "skip", _error(exc)
    cards = [reader for reader in readers if reader.present]
    if not readers:
        return "warn", _said("没有智能卡读卡器（很多 Ukey 不经读卡器，这不一定是问题）。")
    if not cards:
        return "warn", _said("{readers} 个读卡器，都没有插卡。", readers=len(readers))
    return "ok", _said("读卡器中有卡：{cards}", cards=_listed(reader.card or reader.reader for reader in cards))


def _key_detected(context: CheckContext) -> tuple[str, Said]:
    found = []
    for name, probe in (("PKCS#11", _key_pkcs11), ("XTXApp", _key_xtxapp)):
        try:
            status, detail = probe(context)
        except UkeyError:
            continue
        if status == "ok":
            found.append(_said("{backend}：{detail}", backend=name, detail=detail))
    plugged = _plugged_keys(context)
    problem = usb.diagnose(bool(found), plugged)
    if problem is None:
        if plugged:
            keys = _listed(key.describe() for key in plugged)
            return "ok", _said("{found}（USB：{keys}）", found=_joined(found), keys=keys)
        return "ok", _joined(found)
    if not isinstance(problem, TokenNotPresent):
        return "fail", _error(problem)
    if context.practice and _practice(context)[0] == "ok":
        return "warn", _said(
            "{message}练习时用练习 Ukey 即可；正式延期时请插入红色 Ukey（指南 1.3）。", message=problem.message
        )
    return "fail", _said("{error}练习模式可用练习 Ukey。", error=_error(problem))


def _plugged_keys(context: CheckContext) -> list[usb.PluggedKey] | None:
    found = usb.devices(context.platform, context.usb_devices)
    return None if found is None else usb.plugged_keys(found, usb.known_keys())


def _usb_key(context: CheckContext) -> tuple[str, Said]:
    """Key hardware on the USB bus, whether or not a driver sees it: tells a
    driver at fault (guide 3.3 ④) from a port or key at fault (3.3 ②)."""
    plugged = _plugged_keys(context)
    if plugged is None:
        return "skip", _said("这台电脑列不出 USB 设备，未检查 Ukey 硬件。")
    if not plugged:
        return "fail", _error(KeyNotOnUsb())
    return "ok", _said("USB 上有 Ukey：{keys}", keys=_listed(key.describe() for key in plugged))


def _assistant(context: CheckContext) -> tuple[str, Said]:
    from ukey_renew.installed import bjca_environment

    if not context.platform.startswith("win"):
        return "skip", _said("BJCA 证书助手只在 Windows 上安装，这台电脑不检查。")
    found = bjca_environment()
    if found:
        return "ok", _said("已安装：{names}", names=_listed(Path(path).name for path in found[:3]))
    return "fail", _said("没有找到 BJCA 证书助手：请按指南 3.2 下载安装。")


def _browser(context: CheckContext) -> tuple[str, Said]:
    from ukey_renew.installed import browser_360

    path = browser_360()
    if path:
        return "ok", _said("已安装 360 安全浏览器：{path}", path=path)
    return "warn", _said("没有找到 360 安全浏览器：引导模式会用默认浏览器打开；按指南需要时请安装（指南 2.2 ①）。")


def _clock(context: CheckContext) -> tuple[str, Said]:
    today = context.now.date()
    if today < RELEASED or today.year > 2100:
        return "fail", _said(
            "电脑日期是 {today}，明显不对：请先把日期时间调准，"
            "否则证书有效期会算错（指南 2.1），延期网站的安全证书也无法验证。",
            today=today.isoformat(),
        )
    return "ok", _said("电脑日期 {today}", today=today.isoformat())


def _cert_validity(context: CheckContext) -> tuple[str, Said]:
    from ukey_renew.certs import RenewalPolicy, load_certificate, renewal_eligibility

    def read(token: Token) -> list[tuple[CertInfo, Eligibility]]:
        try:
            infos = [load_certificate(cert.der) for cert in token.certificates()]
        finally:
            token.close()
        return [(info, renewal_eligibility(info, context.now, RenewalPolicy())) for info in infos]

    # What failed, the key checks report.
    found, _failures = registry.read_keys(registry.real(), registry.Where(context.data_dir), read, everywhere=True)
    verdicts = [verdict for key in found for verdict in key]
    if not verdicts:
        return "skip", _said("没有读到 Ukey 中的证书，无法检查有效期。")
    worst = min(verdicts, key=lambda pair: pair[1].eligible)
    info, verdict = worst
    return ("ok" if verdict.eligible else "fail"), verdict_said(info.subject_cn or "", verdict)


def verdict_said(holder: str, verdict: Eligibility) -> Said:
    """A certificate's verdict with its numbers apart, so that the window translates its template."""
    return _said(
        "{holder}：{verdict}", holder=holder, verdict=_said(verdict.template, days=verdict.days, limit=verdict.limit)
    )


def _site(url_of: Callable[[CheckContext], str]) -> CheckFunction:
    def check(context: CheckContext) -> tuple[str, Said]:
        import requests

        from ukey_renew.netproxy import proxies_for
        from ukey_renew.site.client import SystemTrustAdapter

        url = url_of(context)
        if not context.network:
            return "skip", _said("未检查网络（{url}）。", url=url)
        session = requests.Session()
        session.trust_env = False  # as the site client: the system proxy only
        session.proxies = proxies_for(url)
        if context.ca_file is not None:
            session.verify = str(context.ca_file)
        else:
            session.mount("https://", SystemTrustAdapter())
        try:
            answer = session.get(url, timeout=(5, 10), allow_redirects=False, stream=True)
            answer.close()
        except requests.exceptions.SSLError:
            return "fail", _said("{url}：安全证书验证失败（检查电脑日期；不要在不受信任的网络上操作）。", url=url)
        except requests.exceptions.ProxyError:
            return "fail", _said(
                "{url}：通过系统代理连不上（代理不可用或拒绝了该网站）。请检查代理设置或联系网络管理员。", url=url
            )
        except requests.exceptions.RequestException as exc:
            return "fail", _said("{url}：连接不上（{error}）。请确认电脑能上外网。", url=url, error=type(exc).__name__)
        return _answered(url, answer.status_code)

    return check


def _answered(url: str, code: int) -> tuple[str, Said]:
    """Reached: only a page that is there (or a redirect to its login) counts as working."""
    if code < 400:
        return "ok", _said("{url}：可以连通（HTTP {code}）。", url=url, code=code)
    if code in (404, 410):
        return "fail", _said(
            "{url}：连得上，但网站上没有这个地址（HTTP {code}）：网址可能有误或已变，请核对（指南 2.2 ①）。",
            url=url,
            code=code,
        )
    if code >= 500:
        return "warn", _said("{url}：连得上，但网站暂时出错（HTTP {code}），请稍后再试。", url=url, code=code)
    return "warn", _said("{url}：连得上，但网站拒绝了访问（HTTP {code}）。", url=url, code=code)


def _practice(context: CheckContext) -> tuple[str, Said]:
    from ukey_renew.certs import load_certificate
    from ukey_renew.token import practice

    path = practice.default_path(context.data_dir)
    if not path.is_file():
        return "warn", _said("练习 Ukey 尚未设置：打开程序或运行 ukey-renew practice reset 即可。")
    certificates = practice.PracticeToken(path).certificates()
    if not certificates:
        return "fail", _said("练习 Ukey 中没有证书：请运行 ukey-renew practice reset。")
    info = load_certificate(certificates[0].der)
    return "ok", _said(
        "练习 Ukey 就绪：{holder}，还有 {days} 天到期。", holder=info.subject_cn, days=info.days_left(context.now)
    )


# id → (function, guide section of the FAQ entry that helps)
CHECKS: dict[str, tuple[CheckFunction, str]] = {
    "os.windows": (_os_windows, "3.1"),
    "key.detected": (_key_detected, "3.3"),
    "key.pkcs11": (_key_pkcs11, "3.2"),
    "key.xtxapp": (_key_xtxapp, "3.2"),
    "key.pcsc": (_key_pcsc, "3.3"),
    "usb.key": (_usb_key, "3.3"),
    "assistant.installed": (_assistant, "3.2"),
    "browser.360": (_browser, "3.4"),
    "clock.plausible": (_clock, "2.1"),  # the validity the user reads and renews by
    "cert.validity": (_cert_validity, "1.3"),
    "net.renewal_site": (_site(lambda context: context.renewal_url), "2.2"),
    "net.login_site": (_site(lambda context: context.login_url), "3.5"),
    "practice.ready": (_practice, "2.1"),
}


# Key drivers are not safe to re-initialise while another thread uses them,
# so the checks that talk to the key take turns.
_KEY_CHECKS = {"key.detected", "cert.validity", *registry.checks()}  # and each backend's, from its row
_KEY_LOCK = threading.Lock()


def run_one(check_id: str, context: CheckContext) -> CheckResult:
    function, faq = CHECKS[check_id]
    try:
        if check_id in _KEY_CHECKS:
            with _KEY_LOCK:
                status, said = function(context)
        else:
            status, said = function(context)
    except UkeyError as exc:
        status, said = "fail", _error(exc)
    except Exception as exc:  # noqa: BLE001 - one broken check must not hide the others
        status, said = "fail", _said("检查出错：{error}", error=type(exc).__name__)
    return CheckResult.of(check_id, status, said, faq)


def run_checks(context: CheckContext, ids: list[str] | None = None, timeout: float = 15.0) -> list[CheckResult]:
    """All (or the named) checks in parallel; a check over ``timeout`` is reported as such."""
    chosen = ids or list(CHECKS)
    pool = ThreadPoolExecutor(max_workers=len(chosen), thread_name_prefix="ukey-check")
    futures = {check_id: pool.submit(run_one, check_id, context) for check_id in chosen}
    deadline = time.monotonic() + timeout  # all start at once, so one deadline serves each
    results = []
    for check_id, future in futures.items():
        try:
            results.append(future.result(timeout=max(0.0, deadline - time.monotonic())))
        except FutureTimeout:
            late = _said("检查超时（超过 {seconds} 秒）。", seconds=f"{timeout:g}")
            results.append(CheckResult.of(check_id, "fail", late, CHECKS[check_id][1]))
    pool.shutdown(wait=False, cancel_futures=True)
    return results
