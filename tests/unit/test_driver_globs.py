"""The drivers named in resources/tokens.toml, found again by every look for
keys: a folder is listed again only once something in it changed."""

from __future__ import annotations

import glob
import ntpath
import os
from pathlib import Path

import pytest

from ukey_renew.token import pkcs11


def _windows(root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    system32 = root / "System32"
    system32.mkdir(parents=True)
    for number in range(300):  # a System32 holds thousands of files; none of these is a driver
        (system32 / f"other{number}.dll").write_bytes(b"")
    (root / "SysWOW64").mkdir()
    monkeypatch.setenv("SystemRoot", str(root))
    monkeypatch.setattr(os.path, "expandvars", ntpath.expandvars)  # %SystemRoot%, as Windows expands it
    return system32


def test_a_folder_is_listed_again_only_once_it_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    system32 = _windows(tmp_path / "Windows", monkeypatch)
    (system32 / "bjcacsp11_v2.dll").write_bytes(b"MZ")
    listed: list[str] = []
    real_glob = glob.glob

    def counted(pattern: str, **kwargs: object) -> list[str]:
        listed.append(pattern)
        return real_glob(pattern)

    monkeypatch.setattr(glob, "glob", counted)
    first = pkcs11.module_candidates("win32")
    assert [Path(path).name for path in first] == ["bjcacsp11_v2.dll"]
    assert listed
    listed.clear()
    assert pkcs11.module_candidates("win32") == first
    assert listed == []  # nothing changed: no folder listed again
    (system32 / "WDPKCS.dll").write_bytes(b"MZ")  # a driver installed while the wizard is open
    later = os.stat(system32).st_mtime_ns + 1_000_000_000  # as a coarse clock would show it, a second on
    os.utime(system32, ns=(later, later))
    names = sorted(Path(path).name for path in pkcs11.module_candidates("win32"))
    assert names == ["WDPKCS.dll", "bjcacsp11_v2.dll"]


def test_a_missing_folder_matches_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _windows(tmp_path / "Windows", monkeypatch)
    monkeypatch.setenv("SystemRoot", str(tmp_path / "nowhere"))
    assert pkcs11.module_candidates("win32") == []
