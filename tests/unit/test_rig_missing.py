"""A missing part of the test rig fails Linux CI, which has the whole rig
(DESIGN §5), and is skipped elsewhere: on a developer's machine, and in the
Windows workflow, where SoftHSM2, pcscd and Xvfb do not exist."""

from __future__ import annotations

import sys

import pytest

from tests.conftest import rig_missing


@pytest.mark.parametrize(
    ("platform", "ci", "outcome"),
    [
        ("linux", "true", pytest.fail.Exception),
        ("linux", "", pytest.skip.Exception),
        ("win32", "true", pytest.skip.Exception),
    ],
)
def test_a_missing_rig_part(
    monkeypatch: pytest.MonkeyPatch, platform: str, ci: str, outcome: type[BaseException]
) -> None:
    monkeypatch.setenv("CI", ci)
    monkeypatch.setattr(sys, "platform", platform)
    with pytest.raises(outcome):
        rig_missing("softhsm2")
