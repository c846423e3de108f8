"""The Windows system proxy (read through urllib) is used for the renewal and
login sites, and never for loopback. The proxy here is a fake on 127.0.0.1
that records what it is asked for and forwards nothing; no other host is
ever contacted (a guard refuses every other name)."""

from __future__ import annotations

import socket
import threading
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import truststore

from ukey_renew.casim.site import ReferenceSite, RunningSite
from ukey_renew.errors import SiteUnreachable
from ukey_renew.netproxy import proxies_for
from ukey_renew.site.client import SiteClient, SystemTrustAdapter
from ukey_renew.site.profile import load_profile
from ukey_renew.troubleshoot.checks import CheckContext, run_one


class FakeProxy(ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _ProxyHandler)
        self.asked: list[str] = []
        self.url = f"http://127.0.0.1:{self.server_address[1]}"


class _ProxyHandler(BaseHTTPRequestHandler):
    """Records the target and refuses, as an office proxy that may not reach the site."""

    server: FakeProxy

    def do_CONNECT(self) -> None:
        self.server.asked.append(self.path)
        self.send_error(502)

    do_GET = do_POST = do_CONNECT  # noqa: N815

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - http.server's signature
        return None


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection to a name other than loopback fails here, before it leaves the computer."""
    resolve = socket.getaddrinfo

    def guarded(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise socket.gaierror(f"the tests never contact {host}")
        return resolve(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", guarded)


@pytest.fixture
def proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeProxy]:
    """The fake proxy, set as Windows sets one: all schemes, no bypass list, no environment."""
    server = FakeProxy()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    for name in ("no_proxy", "NO_PROXY", "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(urllib.request, "getproxies", lambda: {"http": server.url, "https": server.url})
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture
def site(home: Path) -> Iterator[RunningSite]:
    running = ReferenceSite(home).serve()
    yield running
    running.stop()


def test_site_client_goes_through_the_system_proxy(proxy: FakeProxy) -> None:
    client = SiteClient(load_profile("12309"), get_attempts=1)
    with pytest.raises(SiteUnreachable):
        client.challenge()
    client.close()
    assert proxy.asked == ["ca.12309.gov.cn:8080"]


def test_reachability_check_goes_through_the_system_proxy(proxy: FakeProxy, home: Path) -> None:
    context = CheckContext(data_dir=home, renewal_url="", login_url="https://login.12309.gov.cn")
    result = run_one("net.login_site", context)
    assert proxy.asked == ["login.12309.gov.cn:443"]
    assert result.status == "fail" and "代理" in result.detail


def test_loopback_never_goes_to_a_proxy(proxy: FakeProxy, site: RunningSite, home: Path) -> None:
    client = SiteClient(site.profile, site.ca_file, get_attempts=1)
    assert client.challenge().server_random  # the practice site, reached directly
    client.close()
    context = CheckContext(data_dir=home, renewal_url=site.profile.base_url + "/", login_url="", ca_file=site.ca_file)
    assert run_one("net.renewal_site", context).status == "ok"
    assert proxy.asked == []
    for url in ("http://127.0.0.1:21051/", "https://localhost/", "http://[::1]:21051/", "https://127.8.0.1/"):
        assert proxies_for(url) == {}, url  # XTXApp and any other loopback service


def test_bypass_list_and_no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(urllib.request, "getproxies", lambda: {"https": "http://proxy.court.local:8080"})
    monkeypatch.setattr(urllib.request, "proxy_bypass", lambda host: host.endswith(".court.local"))
    assert proxies_for("https://login.12309.gov.cn/") == {"https": "http://proxy.court.local:8080"}
    assert proxies_for("https://intranet.court.local/") == {}  # Windows' "do not use the proxy for" list
    assert proxies_for("http://login.12309.gov.cn/") == {}  # no proxy for this scheme
    monkeypatch.setattr(urllib.request, "getproxies", dict)
    assert proxies_for("https://login.12309.gov.cn/") == {}


def test_proxied_connections_still_trust_the_os_store() -> None:
    manager = SystemTrustAdapter().proxy_manager_for("http://127.0.0.1:9")
    assert isinstance(manager.connection_pool_kw["ssl_context"], truststore.SSLContext)
