"""What the programs' command lines share (``ukey-renew`` and the
simulator's ``ukey-renew-casim``): help and usage errors in Chinese, output as
text or JSON, and errors told as a message and a next step, never a
traceback."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from typing import Any, NoReturn

from ukey_renew import console, paths
from ukey_renew import log as logsetup
from ukey_renew.errors import UkeyError

log = logging.getLogger(__name__)

EXIT_ERROR = 2


class ChineseHelp(argparse.RawDescriptionHelpFormatter):
    """Descriptions keep their line breaks (the exit codes, the examples)."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


# argparse's own messages for a mistyped command line, as a clerk reads them.
_USAGE_ERRORS = (
    ("the following arguments are required: ", "缺少必须的参数："),
    ("unrecognized arguments: ", "不认识的参数："),
    ("invalid choice: ", "无效的选择："),
    ("choose from ", "可选："),
    ("expected one argument", "后面需要一个值"),
    ("not allowed with argument ", "不能与此参数同时使用："),
    ("invalid float value: ", "不是数字："),
    ("invalid int value: ", "不是整数："),
    ("argument ", "参数 "),
)


class Parser(argparse.ArgumentParser):
    """Help and usage errors in Chinese, down to the headings and ``-h`` itself."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", ChineseHelp)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "位置参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示本说明后退出")
        self.set_defaults(usage_error=self.error)

    def error(self, message: str) -> NoReturn:
        for english, chinese in _USAGE_ERRORS:
            message = message.replace(english, chinese)
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"错误：{message}\n下一步：用 {self.prog} -h 查看各参数的说明。\n")


def emit(args: argparse.Namespace, data: dict[str, Any], text: Callable[[dict[str, Any]], str]) -> None:
    """``data`` as JSON with ``--json``, else as ``text`` words it."""
    if args.json:
        import json  # loaded by what prints it: the desktop start prints nothing before its window

        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(text(data))


def run(args: argparse.Namespace) -> int:
    """The command ``args`` chose, its log in the data dir; what fails told in
    words (or JSON), the traceback to the log only."""
    try:
        logsetup.setup(paths.data_dir())
        return int(args.func(args))
    except UkeyError as exc:
        log.warning("%s: %s (%s)", getattr(args, "command", None), exc.id, exc.detail)
        if getattr(args, "json", False):
            import json

            print(json.dumps({"error": exc.as_dict()}, ensure_ascii=False, indent=2))
        else:
            console.tell(f"错误：{exc.message}\n下一步：{exc.next_step}")
        return EXIT_ERROR
    except BrokenPipeError:
        console.reader_gone()
        return 0
    except Exception as exc:
        log.exception("unexpected failure")
        if (written := logsetup.written()) is not None:
            console.tell(f"程序内部错误，详情已写入日志 {written}。请将日志发给 Ukey 运维人员（指南 3.12）。")
        else:
            console.tell(
                f"程序内部错误（{type(exc).__name__}），日志无法写入，详情没有记录。"
                "请把这段文字和当时的操作告诉 Ukey 运维人员（指南 3.12）。"
            )
        return 1
