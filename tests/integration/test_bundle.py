"""The bundled program (``pyinstaller build.spec``) beyond its --self-test:
the commands that reach the parts the bundle trims (codecs, compressors,
ICU data, requests without an encoding detector) still work and print no
warnings, a command loads no Qt, and redirected output is UTF-8 in any
locale. CI builds the bundle before the tests; elsewhere build it first.
The spec itself is also run with PyInstaller's build steps recorded, which
needs no build and shows what the Windows programs are made of."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from tests.conftest import REPO, rig_missing
from tests.integration.test_troubleshoot_cli import FORM
from ukey_renew.cli import EXIT_CHECKS_FAILED
from ukey_renew.troubleshoot.checks import CHECKS

BUNDLE = REPO / "dist" / "ukey-renew" / "ukey-renew"
SPEC = REPO / "build.spec"
PEM = REPO / "resources" / "selftest" / "sm2.pem"


@pytest.fixture
def bundled(home: Path):  # type: ignore[no-untyped-def]
    if sys.platform != "linux" or not BUNDLE.is_file():
        rig_missing(f"the bundled program at {BUNDLE} (python -m PyInstaller build.spec)")

    def run(*args: str, expect: int = 0, **env: str) -> subprocess.CompletedProcess[str]:
        environment = {**os.environ, "UKEY_RENEW_HOME": str(home), "QT_QPA_PLATFORM": "offscreen", **env}
        raw = subprocess.run([str(BUNDLE), *args], env=environment, capture_output=True, timeout=120)
        # output redirected to a file or pipe is UTF-8, whatever the locale's code page (DESIGN §4)
        done = subprocess.CompletedProcess(raw.args, raw.returncode, raw.stdout.decode(), raw.stderr.decode())
        assert done.returncode == expect, done.stdout + done.stderr
        assert not done.stderr.strip(), done.stderr  # no warnings from what the bundle leaves out
        return done

    return run


def test_practice_renewal_from_the_bundle(bundled) -> None:  # type: ignore[no-untyped-def]
    done = bundled(
        "renew", "--practice", "--json", "--holder-name", "张三", "--holder-phone", "13800138000",
        UKEY_RENEW_PIN="111111", UKEY_RENEW_NEW_PASSWORD="Abc12345",
    )  # fmt: skip
    result = json.loads(done.stdout)
    assert result["result"] == "renewed" and result["new"]["not_after"] > result["old"]["not_after"]
    status = bundled("status", "--support").stdout
    assert "练习 Ukey" in status and result["new"]["not_after"][:10] in status


def test_letter_doctor_and_search_from_the_bundle(bundled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    form = tmp_path / "form.json"
    form.write_text(json.dumps(FORM, ensure_ascii=False), encoding="utf-8")
    for suffix in (".docx", ".pdf"):
        bundled("letter", "--in", str(form), "--out", str(tmp_path / f"letter{suffix}"))
    assert "371724" in "\n".join(p.text for p in Document(str(tmp_path / "letter.docx")).paragraphs)
    assert (tmp_path / "letter.pdf").read_bytes().startswith(b"%PDF")
    doctor = bundled("doctor", "--json", "--site", "practice", "--no-network", expect=EXIT_CHECKS_FAILED)  # no key here
    checks = json.loads(doctor.stdout)["checks"]
    assert {check["id"] for check in checks} == set(CHECKS)
    found = json.loads(bundled("troubleshoot", "--query", "插上ukey没反应", "--json").stdout)
    assert found["results"][0]["section"] == "3.3"


def test_a_command_loads_no_qt(bundled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Only the wizard, the self-test's GUI part and the PDF letter need Qt.
    The dynamic loader logs every library the process opens, Python's
    extension modules too: any PySide6 module would bring shiboken6 and Qt."""
    bundled("cert", str(PEM), LD_DEBUG="files", LD_DEBUG_OUTPUT=str(tmp_path / "loaded"))
    loaded = {
        name for log in tmp_path.glob("loaded.*") for name in re.findall(r"file=(\S+)", log.read_text(encoding="utf-8"))
    }
    assert any("libpython" in name for name in loaded), loaded  # the log is there
    assert not {name for name in loaded if re.search(r"PySide6|shiboken6|libQt6", name)}


@pytest.fixture
def gbk_locale(tmp_path: Path) -> dict[str, str]:
    """The environment of a Chinese locale in GBK, the code page of Chinese Windows (cp936)."""
    folder = tmp_path / "locales"
    folder.mkdir()
    if shutil.which("localedef"):
        subprocess.run(["localedef", "-i", "zh_CN", "-f", "GBK", str(folder / "zh_CN.GBK")], capture_output=True)
    if not (folder / "zh_CN.GBK").is_dir():
        rig_missing("localedef with the zh_CN locale source and the GBK charmap (Debian: locales)")
    return {"LOCPATH": str(folder), "LC_ALL": "zh_CN.GBK"}


def test_redirected_output_is_utf8_under_a_gbk_locale(bundled, gbk_locale: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    """The bootloader ignores PYTHONUTF8; the spec's "X utf8" turns UTF-8 mode on."""
    cert = json.loads(bundled("cert", str(PEM), "--json", **gbk_locale).stdout)
    assert cert["subject_cn"] == "ukey-renew 自检证书"


# --- the spec, with PyInstaller's build steps recorded instead of taken --------------------------------------------


def _run_spec(monkeypatch: pytest.MonkeyPatch, workpath: Path, platform: str, *args: str) -> dict[str, Any]:
    """Runs build.spec as PyInstaller would on ``platform``; returns the
    scripts kept and the programs (EXE calls) it asked for."""
    import pyinstaller_versionfile  # noqa: F401 - imported on the real platform, used by the spec on Windows

    programs: list[dict[str, Any]] = []

    class Analysis:
        def __init__(self, scripts: list[str], **options: Any) -> None:
            hooks = Path("PyInstaller", "hooks", "rthooks")
            found = [hooks / "pyi_rth_pyside6.py", hooks / "pyi_rth_inspect.py", Path(scripts[0])]
            self.scripts = [(path.stem, str(path), "PYSOURCE") for path in found]
            self.binaries: list[Any] = []
            self.datas: list[Any] = []
            self.pure: list[Any] = []

    def exe(*contents: Any, **options: Any) -> str:
        programs.append({"contents": contents, **options})
        return str(options["name"])

    names = {"SPECPATH": str(REPO), "workpath": str(workpath), "Analysis": Analysis, "PYZ": lambda *_: "pyz",
             "EXE": exe, "COLLECT": lambda *_, **__: None}  # fmt: skip
    monkeypatch.setattr(sys, "argv", ["pyinstaller", *args])
    monkeypatch.setattr(sys, "platform", platform)
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), names)
    return {"scripts": [name for name, _, _ in names["a"].scripts], "programs": programs}


def _options(program: dict[str, Any]) -> list[tuple[str, None, str]]:
    """The interpreter options among the TOC lists given to EXE."""
    return [entry for toc in program["contents"] if isinstance(toc, list) for entry in toc if entry[2] == "OPTION"]


def _strings(version_file: str) -> dict[str, str]:
    return dict(re.findall(r"StringStruct\(u'(\w+)', u'([^']*)'\)", Path(version_file).read_text(encoding="utf-8")))


@pytest.mark.parametrize("onefile", [False, True])
def test_spec_makes_a_windowed_and_a_console_program_on_windows(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, onefile: bool
) -> None:
    spec = _run_spec(monkeypatch, tmp_path, "win32", *(["--onefile"] if onefile else []))
    programs = {program["name"]: program for program in spec["programs"]}
    assert {name: program["console"] for name, program in programs.items()} == {
        "ukey-renew": False,
        "ukey-renew-cli": True,
    }
    for name, program in programs.items():
        assert ("X utf8", None, "OPTION") in _options(program)
        assert program["exclude_binaries"] is not onefile
        strings = _strings(program["version"])
        assert (strings["OriginalFilename"], strings["InternalName"]) == (f"{name}.exe", name)
    assert (
        _strings(programs["ukey-renew"]["version"])["FileDescription"]
        != _strings(programs["ukey-renew-cli"]["version"])["FileDescription"]
    )


def test_spec_keeps_qt_out_of_the_start_on_linux(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    spec = _run_spec(monkeypatch, tmp_path, "linux")
    assert spec["scripts"] == ["pyi_rth_inspect", "__main__"]  # PyInstaller's PySide6 hook imports QtCore
    (program,) = spec["programs"]
    assert program["name"] == "ukey-renew" and program["console"] and program["version"] is None
    assert ("X utf8", None, "OPTION") in _options(program)
