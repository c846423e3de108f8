"""The layer rules of DESIGN.md §2, read from the source: data flows from
the front ends (gui, cli) → session → (renewal, token, site), Qt stays in
gui/, and the reference site is reached only through practice.py.

Every import counts, wherever it is written (inside a function, under
TYPE_CHECKING), so a lazy import cannot slip past the rule.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.util import resolve_name
from pathlib import Path
from typing import TypeGuard

import pytest

import ukey_renew
from ukey_renew.site import PRODUCTION
from ukey_renew.token import registry

PACKAGE = Path(ukey_renew.__file__).resolve().parent
ROOT = PACKAGE.parent


@dataclass(frozen=True)
class Rule:
    name: str
    forbidden: tuple[str, ...]  # modules (and all below them) that may not be imported
    inside: str | None = None  # the rule binds only this package...
    outside: tuple[str, ...] = ()  # ...or every module but these packages

    def binds(self, module: str) -> bool:
        return (self.inside is None or _under(module, self.inside)) and not any(
            _under(module, package) for package in self.outside
        )


RULES = [
    Rule("Qt only in gui/", ("PySide6", "shiboken6"), outside=("ukey_renew.gui",)),
    Rule(
        "gui/ reaches keys and sites through session",
        ("ukey_renew.token", "ukey_renew.site", "ukey_renew.casim"),
        inside="ukey_renew.gui",
    ),
    Rule(
        "cli/ reaches keys, sites and the renewal through session, as gui/ does",
        ("ukey_renew.token", "ukey_renew.site", "ukey_renew.renewal", "ukey_renew.casim"),
        inside="ukey_renew.cli",
    ),
    Rule(
        "nothing below the front ends imports them or their session",
        ("ukey_renew.session", "ukey_renew.gui", "ukey_renew.cli"),
        # the front ends, the session itself, and what starts them (the entry point, the self-test)
        outside=(
            "ukey_renew.gui",
            "ukey_renew.cli",
            "ukey_renew.session",
            "ukey_renew.__main__",
            "ukey_renew.selftest",
        ),
    ),
    Rule(
        "only the practice plug-in point imports the simulator",
        ("ukey_renew.casim",),
        outside=("ukey_renew.casim", "ukey_renew.practice"),
    ),
    Rule(
        "the simulator shares facts with the client, not its code",
        ("ukey_renew.site.client", "ukey_renew.token.xtxapp"),
        inside="ukey_renew.casim",
    ),
    Rule(
        "the self-test renews through the session, as the wizard does",
        ("ukey_renew.renewal",),
        inside="ukey_renew.selftest",
    ),
]


def _under(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def imports(source: str, module: str, is_package: bool = False) -> Iterator[tuple[int, str]]:
    """(line, module name) of every import in ``source``, relative ones resolved.

    ``from a import b`` yields both ``a`` and ``a.b``: ``b`` may be a module.
    """
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = resolve_name("." * node.level + (node.module or ""), package) if node.level else str(node.module)
            yield node.lineno, base
            for alias in node.names:
                yield node.lineno, f"{base}.{alias.name}"


def modules() -> Iterator[tuple[Path, str, bool]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        is_package = parts[-1] == "__init__"
        yield path, ".".join(parts[:-1] if is_package else parts), is_package


def offences(rule: Rule) -> list[str]:
    found = []
    for path, module, is_package in modules():
        if not rule.binds(module):
            continue
        lines: dict[int, str] = {}
        for line, name in imports(path.read_text(encoding="utf-8"), module, is_package):
            if any(_under(name, banned) for banned in rule.forbidden):
                lines.setdefault(line, name)
        found += [f"{path.relative_to(ROOT)}:{line} imports {name}" for line, name in sorted(lines.items())]
    return found


@pytest.mark.parametrize("rule", RULES, ids=[rule.name for rule in RULES])
def test_layer_rule(rule: Rule) -> None:
    found = offences(rule)
    assert not found, f"{rule.name}:\n  " + "\n  ".join(found)


def test_the_site_is_chosen_in_one_place() -> None:
    """The real site's profile is named in ukey_renew/site/__init__.py only; the rest
    take PRODUCTION, PRACTICE or site_for() from there (the search's vocabulary
    holds "12309" as a word people type, not as a site)."""
    allowed = {PACKAGE / "site" / "__init__.py", PACKAGE / "troubleshoot" / "search.py"}
    found = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path, _, _ in modules()
        if path not in allowed
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and node.value == PRODUCTION
    ]
    assert not found, "name the site through ukey_renew.site:\n  " + "\n  ".join(found)


def test_every_kind_of_import_is_seen() -> None:
    """The checker itself: imports inside functions, under TYPE_CHECKING, and
    relative ones (resolved against the module's package) are all found."""
    source = """
from typing import TYPE_CHECKING
from . import worker
from ..casim import site
if TYPE_CHECKING:
    from ukey_renew.token.base import Token
def later():
    import PySide6.QtCore
    from ukey_renew import site as web
"""
    names = {name for _, name in imports(source, "ukey_renew.gui.pages")}
    assert {"ukey_renew.gui.worker", "ukey_renew.casim.site", "ukey_renew.token.base", "PySide6.QtCore",
            "ukey_renew.site"} <= names  # fmt: skip
    assert "ukey_renew.gui.worker" in {name for _, name in imports("from . import worker", "ukey_renew.gui", True)}
    gui_rule = RULES[1]
    assert gui_rule.binds("ukey_renew.gui.pages") and not gui_rule.binds("ukey_renew.session")
    assert RULES[0].binds("ukey_renew.session") and not RULES[0].binds("ukey_renew.gui")
    assert not _under("ukey_renew.session", "ukey_renew.site")


def _names_a_backend(node: ast.AST, names: set[str]) -> TypeGuard[ast.expr]:
    """``x == "pcsc"``, ``"practice" in …``, ``BACKENDS["pkcs11"]``: a backend told by its name."""
    if isinstance(node, ast.Compare):
        operands = [node.left, *node.comparators]
    elif isinstance(node, ast.Subscript):
        operands = [node.slice]
    else:
        return False
    return any(isinstance(operand, ast.Constant) and operand.value in names for operand in operands)


def test_no_backend_is_told_by_its_name_outside_the_keys() -> None:
    """What sets a backend apart (its title, whether a user holds its keys,
    whether its problems hide a key, its checks) is a field of its row in
    token/registry.py: a new backend is its module, its row and its tests,
    with no other module testing names."""
    names = set(registry.ROWS)
    found = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path, module, _ in modules()
        if not _under(module, "ukey_renew.token")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if _names_a_backend(node, names)
    ]
    assert not found, "read the backend's row in token/registry.py:\n  " + "\n  ".join(found)


def test_a_backend_told_by_its_name_is_seen() -> None:
    names = {"pcsc", "practice"}
    found = [
        node
        for source in ('if p["backend"] == "pcsc": pass', 'x = BACKENDS["practice"]', 'ok = "pcsc" != name')
        for node in ast.walk(ast.parse(source))
        if _names_a_backend(node, names)
    ]
    assert len(found) == 3
    assert not any(_names_a_backend(node, names) for node in ast.walk(ast.parse('p["backend"] == name')))
