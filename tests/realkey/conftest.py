"""A key on this computer, read through the backend the program would use
(BJCA's XTXApp service, or the PKCS#11 module named by
UKEY_RENEW_PKCS11_MODULE). Nothing here runs unless asked for by the key's
serial number, so CI and developers without a key skip it; see
docs/testing-real-key.md."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from ukey_renew.token import pkcs11, registry
from ukey_renew.token.base import Token

SERIAL_ENV = "UKEY_RENEW_REAL_KEY"  # the key's serial, as `ukey-renew status` shows it
LOGIN_ENV = "UKEY_RENEW_REAL_KEY_LOGIN"  # "1": also log in once
PIN_ENV = "UKEY_RENEW_REAL_KEY_PIN"


@pytest.fixture(scope="session")
def serial() -> str:
    value = os.environ.get(SERIAL_ENV, "").strip()
    if not value:
        pytest.skip(f"no real key asked for: set {SERIAL_ENV} to the key's serial number")
    return value


@pytest.fixture(scope="session")
def backend() -> registry.Backend:
    return registry.BACKENDS["pkcs11" if os.environ.get(pkcs11.MODULE_ENV) else "xtxapp"]


@pytest.fixture(scope="session")
def real_key(serial: str, backend: registry.Backend, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Token]:
    tokens, failures = backend.scan(registry.Where(Path(tmp_path_factory.mktemp("home"))))
    chosen = [token for token in tokens if token.info().serial == serial]
    for token in tokens:
        if token not in chosen:
            token.close()
    if not chosen:
        seen = [token.info().serial for token in tokens]
        problems = [f"{error.id}: {error.message}" for error in failures]
        pytest.fail(f"no key with serial {serial} through {backend.name}; keys seen: {seen}; problems: {problems}")
    print(f"\n{backend.name}: {chosen[0].info().to_dict()}")
    yield chosen[0]
    chosen[0].close()
