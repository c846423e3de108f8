"""The proxy a request goes through: the one set in Windows' settings, as a
browser would use it, and never one for loopback.

Offices reach the internet through a proxy configured in Windows, not in
environment variables; urllib reads it from the registry (from ``*_proxy``
variables elsewhere). requests' ``trust_env`` would read it too, but also
.netrc credentials and ``REQUESTS_CA_BUNDLE``, which would replace the CA a
session verifies against; so sessions keep ``trust_env = False`` and take
their ``proxies`` from here.
"""

from __future__ import annotations

import ipaddress
import urllib.request
from urllib.parse import urlsplit


def proxies_for(url: str) -> dict[str, str]:
    """requests' ``proxies=`` for ``url``: the system proxy for its scheme, or none.

    Loopback (the practice site, BJCA's XTXApp) is always direct, whatever the
    bypass list says: a proxy cannot reach this computer's 127.0.0.1."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if not host or _loopback(host):
        return {}
    proxy = urllib.request.getproxies().get(parts.scheme)
    if not proxy or urllib.request.proxy_bypass(host):
        return {}
    return {parts.scheme: proxy}


def _loopback(host: str) -> bool:
    if host.rstrip(".").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
