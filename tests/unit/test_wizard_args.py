"""The desktop start reads its options without building every command's
parser; anything else reads as it always did."""

from __future__ import annotations

import argparse
import subprocess
import sys
from typing import Any

import pytest

from ukey_renew import cli
from ukey_renew.cli.parser import build_parser, wizard_args

DESKTOP = [
    [],
    ["--practice"],
    ["--lang", "en"],
    ["--practice", "--lang=zh", "--home", "/tmp/x"],
    ["--remind"],
    ["--tour", "shots", "--route", "no-key"],
    ["--self-test"],
    ["--site-latency", "1.5", "--practice"],
]
NOT_DESKTOP = [
    ["status"],
    ["--practice", "renew", "--json"],
    ["-h"],
    ["--practice", "--help"],
    ["--lang", "fr"],
    ["--tour"],
    ["--bogus"],
    ["doctor", "--no-network"],
]


def _comparable(args: argparse.Namespace) -> dict[str, object]:
    return {name: value for name, value in vars(args).items() if name != "usage_error"}


@pytest.mark.parametrize("argv", DESKTOP)
def test_the_desktop_start_reads_as_the_whole_parser_reads_it(argv: list[str]) -> None:
    light = wizard_args(argv)
    assert light is not None
    assert _comparable(light) == _comparable(build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", NOT_DESKTOP)
def test_a_command_help_or_mistake_goes_to_the_whole_parser(argv: list[str]) -> None:
    assert wizard_args(argv) is None


def test_the_window_starts_without_the_commands_parsers(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[str] = []
    add_subparsers = argparse.ArgumentParser.add_subparsers

    def counted(self: argparse.ArgumentParser, **kwargs: Any) -> Any:
        built.append(self.prog)
        return add_subparsers(self, **kwargs)

    ran: list[argparse.Namespace] = []
    monkeypatch.setattr(argparse.ArgumentParser, "add_subparsers", counted)

    def run(args: argparse.Namespace) -> int:
        ran.append(args)
        return 0

    monkeypatch.setattr("ukey_renew.command.run", run)
    assert cli.main(["--practice"]) == 0
    assert built == [] and ran[0].practice and ran[0].command is None
    assert cli.main(["status", "--json"]) == 0
    assert built[0] == "ukey-renew" and ran[1].command == "status"


def test_a_wizard_option_misused_is_told_with_the_whole_usage(capsys: pytest.CaptureFixture[str]) -> None:
    args = wizard_args(["--route", "locked"])
    assert args is not None
    with pytest.raises(SystemExit):
        args.usage_error("--route 只能和 --tour 一起用")
    said = capsys.readouterr().err
    assert "--route 只能和 --tour 一起用" in said and "命令" in said


def test_the_desktop_start_reads_its_options_without_the_session_registry_or_journey() -> None:
    """They are read before the window's first paint: the session's modules
    and the key registry load after it."""
    probe = (
        "import sys, ukey_renew.cli; ukey_renew.cli.wizard_args(['--practice', '--tour', 'x', '--route', 'no-key']); "
        "print(sorted(m for m in sys.modules if m.startswith('ukey_renew')))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    loaded = done.stdout
    for module in ("ukey_renew.session", "ukey_renew.token.registry", "ukey_renew.journey"):
        assert f"'{module}'" not in loaded, loaded
