"""The one entry point: ``ukey-renew [command]``, the command line's face of
the same session the wizard uses.

Every command prints Chinese text for a person, or JSON with ``--json`` for
scripts and IT staff. Errors are reported as ``{"error": {...}}`` with a
stable id and exit code 2; tracebacks go to the log only. To add a command:
its handler in the module named for what it serves, its options (and the
handler's name) in ``parser.py``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from ukey_renew import command, console, paths
from ukey_renew.cli.output import EXIT_CHECKS_FAILED
from ukey_renew.cli.parser import build_parser, handler, wizard_args
from ukey_renew.command import EXIT_ERROR

__all__ = ["EXIT_CHECKS_FAILED", "EXIT_ERROR", "build_parser", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    console.use_utf8()
    words = sys.argv[1:] if argv is None else list(argv)
    args = wizard_args(words) or build_parser().parse_args(words)
    if args.home:
        paths.choose_data_dir(args.home)
    args.func = handler(args.func)
    return command.run(args)
