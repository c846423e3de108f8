"""One registry of key backends, read alike by ``status``, the session's
detection and the automatic checks through one loop (``registry.read_keys``):
swap its entries and all three follow."""

from __future__ import annotations

import ast
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ukey_renew.casim.provision import reset_practice_key
from ukey_renew.certs import RenewalPolicy
from ukey_renew.errors import ModuleNotFound, ServiceBadAnswer, TokenNotPresent, UkeyError
from ukey_renew.session import Session
from ukey_renew.status import collect
from ukey_renew.token import practice, registry
from ukey_renew.token.base import Token
from ukey_renew.token.registry import Backend, Where
from ukey_renew.troubleshoot.checks import CheckContext, run_one


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Real backends that fail: PKCS#11 is not installed (normal), XTXApp answers nonsense (a fault)."""
    names: list[str] = []

    def failing(name: str, error: UkeyError) -> Backend:
        def scan(where: Where) -> registry.Scan:
            names.append(name)
            return [], [error]

        return Backend(name, registry.TITLES[name], scan, registry.BACKENDS[name].absent, lambda where: error.id)

    fakes = {"pkcs11": failing("pkcs11", ModuleNotFound()), "xtxapp": failing("xtxapp", ServiceBadAnswer())}
    monkeypatch.setattr(registry, "BACKENDS", {**registry.BACKENDS, **fakes})
    return names


def test_auto_asks_the_practice_key_once_it_is_set_up(home: Path) -> None:
    assert [backend.name for backend in registry.auto(home)] == ["pkcs11", "xtxapp"]
    reset_practice_key(home, datetime.now(UTC))
    assert [backend.name for backend in registry.auto(home)] == ["pkcs11", "xtxapp", "practice"]
    assert [backend.name for backend in registry.real()] == ["pkcs11", "xtxapp"]


def test_status_hides_a_missing_driver_only_when_looking_everywhere(home: Path, asked: list[str]) -> None:
    reset_practice_key(home, datetime.now(UTC))
    everywhere = collect("auto", data_dir=home, now=datetime.now(UTC), policy=RenewalPolicy())
    assert [p["id"] for p in everywhere.problems] == ["xtxapp.bad_answer"]
    assert [token["backend"] for token in everywhere.tokens] == ["practice"]
    named = collect("pkcs11", data_dir=home, now=datetime.now(UTC), policy=RenewalPolicy())
    assert [p["id"] for p in named.problems] == ["pkcs11.module_not_found"]


def test_session_detects_with_the_same_rules(home: Path, asked: list[str]) -> None:
    session = Session(home, practice_only=False)
    choices, problems = session.detect()
    assert choices == []  # the practice key is made when the user asks to practise, not at detection
    assert not practice.default_path(home).exists() and not (home / "reference-ca").exists()
    assert [problem.id for problem in problems] == ["xtxapp.bad_answer"]
    assert asked == ["pkcs11", "xtxapp"]
    asked.clear()
    session.set_up_practice()
    assert [choice.key.backend for choice in session.detect()[0]] == ["practice"]
    asked.clear()
    assert Session(home, practice_only=True).detect()[1] == []
    assert asked == []  # practice only: no real backend is asked


def test_checks_read_only_the_real_keys(home: Path, asked: list[str]) -> None:
    reset_practice_key(home, datetime.now(UTC))  # set up, yet not a key the user holds
    context = CheckContext(data_dir=home, renewal_url="https://127.0.0.1:9/", login_url="https://127.0.0.1:9/")
    assert run_one("cert.validity", context).status == "skip"
    assert asked == ["pkcs11", "xtxapp"]


def test_a_key_that_fails_as_it_is_read_is_told_and_the_others_read(home: Path) -> None:
    """Pulled out between the scan and the read: told with its backend, the next key still read."""
    reset_practice_key(home, datetime.now(UTC))
    practice = registry.BACKENDS["practice"]
    broken = Backend("xtxapp", "", lambda where: ([*practice.scan(where)[0], *practice.scan(where)[0]], []),
                     frozenset(), practice.presence)  # fmt: skip
    reads = iter([TokenNotPresent(), None])

    def read(token: Token) -> str:
        try:
            if failure := next(reads):
                raise failure
            return token.info().backend
        finally:
            token.close()

    found, problems = registry.read_keys([broken], Where(home), read, everywhere=True)
    assert found == ["practice"]
    assert [(name, exc.id) for name, exc in problems] == [("xtxapp", "token.not_present")]


def test_the_backends_are_scanned_in_one_place() -> None:
    """status, the session's detection and the checks read keys through registry.read_keys only."""
    package = Path(registry.__file__).resolve().parents[1]
    found = [
        f"{path.relative_to(package)}:{node.lineno}"
        for path in package.rglob("*.py")
        if path.name != "registry.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute) and node.attr == "scan"
    ]
    assert not found, found
