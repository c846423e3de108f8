"""The simulator's own program, ``ukey-renew-casim`` (or ``python -m
ukey_renew.casim``): the reference renewal site, BJCA's XTXApp service over
the practice key, and the operator's approval of an unlock, for practice,
training and tests. The product never runs these; it reaches the simulator
only through ``practice.py``."""

from __future__ import annotations

import argparse
import threading
from collections.abc import Sequence
from pathlib import Path

from ukey_renew import command, console, paths
from ukey_renew.command import Parser, emit
from ukey_renew.errors import UkeyError


def cmd_xtxapp(args: argparse.Namespace) -> int:
    from ukey_renew.casim.xtxapp import XTXAppService, make_server
    from ukey_renew.token import practice

    key = practice.default_path(paths.data_dir())
    if not key.is_file():
        raise UkeyError("练习 Ukey 尚未设置，请先运行 ukey-renew practice reset。")
    server = make_server(XTXAppService(key), args.port)
    port = server.server_address[1]
    print(f"XTXApp 模拟服务：http://127.0.0.1:{port}/synctl （练习 Ukey：{key}）", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def _captcha_code(text: str) -> str:
    if not (text.isascii() and text.isdigit() and 1 <= len(text) <= 6):
        raise argparse.ArgumentTypeError("验证码须为 1–6 位数字")
    return text


def cmd_serve(args: argparse.Namespace) -> int:
    from ukey_renew.casim.config import SiteConfig
    from ukey_renew.casim.site import ReferenceSite

    data = Path(args.data) if args.data else paths.data_dir()
    config = SiteConfig(latency=args.latency, fixed_captcha=args.captcha)
    running = ReferenceSite(data, config).serve(args.port)
    print(f"模拟延期网站：{running.profile.base_url}", flush=True)
    print(f"需信任的 CA 证书：{running.ca_file}", flush=True)
    idle = threading.Event()
    try:
        while not idle.wait(0.5):  # on Windows, Ctrl+C cannot interrupt a wait without a timeout
            pass
    except KeyboardInterrupt:
        pass
    finally:
        running.stop()
    return 0


def cmd_approve_unlock(args: argparse.Namespace) -> int:
    from ukey_renew.casim.site import ReferenceSite
    from ukey_renew.casim.site_state import Refusal

    site = ReferenceSite(Path(args.data) if args.data else paths.data_dir())
    try:
        code = site.state.approve_unlock(args.request_id)
    except Refusal as refusal:
        raise UkeyError(refusal.message) from None
    finally:
        site.state.close()
    emit(args, {"request_id": args.request_id, "auth_code": code}, lambda d: f"解锁授权码：{d['auth_code']}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="ukey-renew-casim", description="模拟服务（练习、培训、测试）")
    sub = parser.add_subparsers(dest="command", required=True, title="命令", metavar="命令")
    xtx = sub.add_parser(
        "xtxapp", help="XTXApp 本地服务模拟器（使用练习 Ukey）", description="XTXApp 本地服务模拟器（使用练习 Ukey）"
    )
    xtx.add_argument(
        "--port",
        type=int,
        default=21051,
        help="监听的端口（默认 21051，与 BJCA 证书应用环境相同；0：任选一个空闲端口）",
    )
    xtx.set_defaults(func=cmd_xtxapp, json=False)
    serve = sub.add_parser(
        "serve", help="模拟延期网站（HTTPS，127.0.0.1）", description="模拟延期网站（HTTPS，127.0.0.1）"
    )
    serve.add_argument("--port", type=int, default=0, help="监听的端口（默认 0：任选一个空闲端口）")
    serve.add_argument("--data", metavar="DIR", help="数据目录（默认：用户数据目录）")
    serve.add_argument("--latency", type=float, default=0.0, metavar="秒", help="每次应答前等待的秒数")
    serve.add_argument("--captcha", metavar="CODE", type=_captcha_code, help="固定验证码，4 位数字（脚本演示用）")
    serve.set_defaults(func=cmd_serve, json=False)
    approve = sub.add_parser(
        "approve-unlock",
        help="运维人员审批解锁申请，输出解锁授权码（指南 3.6 ⑤）",
        description="运维人员审批解锁申请，输出解锁授权码（指南 3.6 ⑤）",
    )
    approve.add_argument("request_id", metavar="申请编号", help="解锁申请的编号（用户提交申请后看到的）")
    approve.add_argument("--data", metavar="DIR", help="模拟网站的数据目录（默认：用户数据目录）")
    approve.add_argument("--json", action="store_true", help="输出 JSON（给脚本和运维人员）")
    approve.set_defaults(func=cmd_approve_unlock)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    console.use_utf8()
    return command.run(build_parser().parse_args(argv))
