"""The command line's words: every command, its options and their help, in
Chinese down to argparse's own messages.

A command's handler lives in the module named for what it serves
(``keys``, ``renew``, ``troubleshooting``, ``support``, ``records``,
``wizard``) and is named here as ``module.function``: only the command that
runs imports its module (:func:`handler`), and the handler imports what it
needs, so ``--help`` and a light command load no key driver, no HTTP stack
and no Qt.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable, Sequence

from ukey_renew import __version__
from ukey_renew.cli.output import EXIT_CHECKS_FAILED
from ukey_renew.command import EXIT_ERROR, Parser

# The tour's routes (``--tour DIR --route NAME``, followed by gui/tour.py): the practice renewal, a wrong
# PIN first, a locked key, a key expired over 30 days, the wizard opened again after a renewal, no key.
TOUR_ROUTES = ("renew", "wrong-pin", "locked", "expired", "reopen", "no-key")


def _doctor_options(parser: argparse.ArgumentParser) -> None:
    from ukey_renew.session import PRODUCTION, SITE_NAMES  # with the commands (see build_parser)

    parser.add_argument(
        "--site",
        choices=SITE_NAMES,
        default=PRODUCTION,
        help="检查哪个延期网站的连通性（practice：内置模拟网站）",
    )
    parser.add_argument("--no-network", action="store_true", help="不检查网络")
    parser.add_argument("--timeout", type=float, default=15.0, metavar="秒", help="每项检查最多等待的秒数（默认 15）")


DOCTOR_EXIT = (
    f"退出码：0 全部正常，或只有“注意”“跳过”；{EXIT_CHECKS_FAILED} 有检查未通过（“问题”）；{EXIT_ERROR} 无法检查。"
)
LETTER_FORMAT = """表单文件是一个 UTF-8 的 JSON 对象，各项都是文字：
  procuratorate 检察院名称；org_code 6 位组织机构代码；
  key_type Ukey 类型：案管/case_management、信息发布/publicity、信访/petition、代表委员联络/liaison；
  situation 情况：损坏/damaged、丢失/lost、过期（超过 30 天）/expired；description 情况说明；
  receiver_name、receiver_phone、receiver_address 接收新 Ukey 的联系人姓名、电话、地址；
  date 落款日期 YYYY-MM-DD（可不写，为当天）。
完整格式（JSON Schema）：ukey-renew letter --schema"""


def handler(name: str) -> Callable[[argparse.Namespace], int]:
    """The handler a command names (``keys.cmd_status``), its module imported now."""
    module, function = name.split(".")
    found: Callable[[argparse.Namespace], int] = getattr(importlib.import_module(f"ukey_renew.cli.{module}"), function)
    return found


def key_type(text: str) -> str:
    """``--key-type``: the guide's word for a key's use, in Chinese or English."""
    from ukey_renew.troubleshoot.letter import KEY_TYPES, key_type_word

    if (word := key_type_word(text)) not in KEY_TYPES:
        raise argparse.ArgumentTypeError("应为 案管、信息发布、信访、代表委员联络 之一（或其英文编号）")
    return word


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; without ``commands``, the desktop start's
    options alone (:func:`wizard_args`)."""
    parser = Parser(prog="ukey-renew", description="BJCA Ukey 证书延期助手（12309 中国检察网）", exit_on_error=commands)
    parser.add_argument("--version", action="version", version=__version__, help="显示版本号后退出")
    parser.add_argument("--practice", action="store_true", help="练习模式：练习 Ukey 和内置模拟延期网站")
    parser.add_argument("--lang", choices=("zh", "en"), help="界面语言（默认中文；系统为英文时用英文）")
    parser.add_argument(
        "--tour", metavar="DIR", help="自动演示一遍延期（有真实 Ukey 时走浏览器引导和验证），每页截图保存到 DIR"
    )
    parser.add_argument(
        "--route",
        choices=TOUR_ROUTES,
        help="演示哪条路线（和 --tour 一起用）：renew 正常延期（默认）、wrong-pin 先输错密码、locked 密码已锁定、"
        "expired 过期超过 30 天、reopen 延期后再次打开、no-key 未插 Ukey",
    )
    parser.add_argument("--site-latency", type=float, default=0.0, help=argparse.SUPPRESS)  # benchmarks
    parser.add_argument("--self-test", action="store_true", help="自检：资源、证书解析、练习延期、界面显示")
    parser.add_argument("--remind", action="store_true", help="有 Ukey 需要延期时在屏幕右下角提醒（自动提醒用）")
    parser.add_argument("--home", metavar="DIR", help="数据目录（默认为用户数据目录；同环境变量 UKEY_RENEW_HOME）")
    parser.set_defaults(func="wizard.cmd_gui", command=None)
    if not commands:
        return parser
    # The commands name the session's backends and sites: it loads with them,
    # not with the desktop start's options, which are read before the window's first paint.
    from ukey_renew.session import BACKEND_NAMES

    sub = parser.add_subparsers(
        dest="command", title="命令", metavar="命令", help="用 ukey-renew 命令 -h 查看该命令的说明"
    )

    def command(name: str, func: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--json", action="store_true", help="输出 JSON（给脚本和运维人员）")
        p.set_defaults(func=func)
        return p

    cert = command("cert", "keys.cmd_cert", "查看证书文件：单位、有效期、能否延期（指南 2.1）")
    cert.add_argument("file", metavar="FILE", help="证书文件（.cer、.crt、.pem 或 .der）")

    status = command("status", "keys.cmd_status", "查看已插入的 Ukey 和证书（指南 2.1）")
    status.add_argument(
        "--backend", choices=("auto", *BACKEND_NAMES), default="auto", help="经哪种方式读取 Ukey（默认 auto：都试）"
    )
    status.add_argument("--pkcs11-module", metavar="PATH", help="PKCS#11 驱动文件")
    status.add_argument("--xtxapp-url", metavar="URL", help="XTXApp 服务地址")
    status.add_argument("--support", action="store_true", help="输出给运维人员的支持信息（个人信息已遮盖）")

    troubleshoot = command(
        "troubleshoot", "troubleshooting.cmd_troubleshoot", "问题排查：找到指南中对应的解答（指南第 3 章）"
    )
    troubleshoot.description = "按描述、错误代码或网站提示找到指南中的问题，或查看某一问题的排查步骤。"
    asked = troubleshoot.add_mutually_exclusive_group()
    asked.add_argument("--query", metavar="描述", help="用自己的话描述问题，如“插上 Ukey 没反应”")
    asked.add_argument("--error", metavar="代码或提示", help="程序的错误代码（如 pin.locked），或网站上的提示文字")
    asked.add_argument("--show", metavar="编号", help="查看某一问题的标题和排查步骤，编号如 3.3、3.9-2、3.10-5")
    troubleshoot.add_argument(
        "text", nargs="?", metavar="描述", help="同 --query，如 ukey-renew troubleshoot 插上 Ukey 没反应"
    )

    doctor = command("doctor", "troubleshooting.cmd_doctor", "自动检查电脑、Ukey、证书和网络")
    doctor.description = f"自动检查电脑、Ukey、证书和网络，每项给出结论和指南章节。\n{DOCTOR_EXIT}"
    _doctor_options(doctor)

    letter = command("letter", "troubleshooting.cmd_letter", "生成补办 Ukey 申请函（指南 3.7）")
    letter.description = f"按表单生成补办 Ukey 申请函（指南 3.7），打印后加盖公章。\n\n{LETTER_FORMAT}"
    letter.add_argument("--in", dest="input", metavar="FORM.json", help="表单文件（JSON，各项见上）")
    letter.add_argument("--out", metavar="FILE.docx|FILE.pdf", help="申请函保存到哪里：.docx 为 Word，.pdf 为 PDF")
    letter.add_argument("--schema", action="store_true", help="输出表单文件的 JSON Schema 后退出")

    bundle = command(
        "support-bundle", "support.cmd_support_bundle", "把支持信息、检查结果、日志和延期记录存成一个 zip 发给运维"
    )
    bundle.description = (
        "生成支持信息包（zip）：支持信息、自动检查结果、程序日志、未完成的延期进度和本机延期记录，"
        "附 README.txt 说明。包中没有密码；手机号、身份证号已遮盖，持有人姓名已隐去。"
    )
    bundle.add_argument("out", metavar="OUT.zip", help="保存到哪个文件，如 桌面\\支持信息.zip")
    _doctor_options(bundle)

    receipt = command("receipt", "support.cmd_receipt", "生成最近一次延期的回执，发给 Ukey 运维人员（指南 2.2、2.3）")
    receipt.add_argument(
        "--out",
        metavar="FILE",
        help="保存到文件：.pdf 为 PDF，.png 为图片，.json 为 JSON，其它为文字；不写则显示在屏幕上",
    )
    receipt.add_argument("--serial", metavar="序列号", help="哪把 Ukey 的回执（Ukey 序列号）；不写则为最近延期的一把")
    receipt.add_argument(
        "--key-type",
        type=key_type,
        metavar="用途",
        help="这把 Ukey 的用途，写在回执上（指南 1.2）：案管、信息发布、信访、代表委员联络，"
        "或 case_management、publicity、petition、liaison",
    )

    remind = command(
        "remind", "records.cmd_remind", "到期提醒：本机读到过的 Ukey 还有几天到期，该做什么（指南 1.3、3.7）"
    )
    remind.description = (
        "按北京时间的日期，列出本机读到过的 Ukey 证书的状态和下一步（不读取 Ukey，不联网）：\n"
        "  ok 还有 60 天以上；soon 60 天内；due 30 天内，请尽快延期；\n"
        "  expired 已过期，30 天内仍可延期（指南 1.3 注 2）；replace 过期超过 30 天，需更换 Ukey（指南 3.7）。\n"
        "Ukey 的有效期在打开向导、运行 status 或 renew 时记下。"
    )
    scheduling = remind.add_mutually_exclusive_group()
    scheduling.add_argument(
        "--install",
        action="store_true",
        help="让提醒自动运行（不需要管理员权限）：Windows 为登录时和每天一次的计划任务，Linux 为登录时自启动",
    )
    scheduling.add_argument("--remove", action="store_true", help="取消自动运行的提醒")
    scheduling.add_argument("--status", action="store_true", help="自动提醒是否已设置，上次何时运行")

    records_cmd = sub.add_parser("records", help="本机延期记录", description="本机延期记录：读到过的 Ukey 和每次延期")
    records_sub = records_cmd.add_subparsers(dest="records_command", required=True, title="命令", metavar="命令")
    export = records_sub.add_parser(
        "export",
        help="导出本机的 Ukey 和延期记录，发给运维人员汇总（持有人已遮盖）",
        description="导出本机读到过的 Ukey 和延期记录，每把 Ukey 一行，持有人已遮盖；"
        "运维人员用 ukey-renew fleet 汇总。",
    )
    export.add_argument(
        "--out", required=True, metavar="FILE.csv|FILE.json", help="保存到哪里：.csv 为表格，.json 为 JSON"
    )
    export.add_argument("--json", action="store_true", help="输出 JSON（给脚本和运维人员）")
    export.set_defaults(func="records.cmd_records_export")

    fleet = command("fleet", "records.cmd_fleet", "运维汇总：把各人发来的回执、支持信息包和记录导出汇成一张延期情况表")
    fleet.description = (
        "读取用户发来的延期回执（receipt --out 回执.json）、支持信息包（.zip）和延期记录导出（records export），"
        "可给文件或文件夹；每把 Ukey 保留最新的一份，按紧急程度排列，状态同 ukey-renew remind。"
        "读不了的文件列为“跳过”并说明原因。"
    )
    fleet.add_argument("paths", nargs="+", metavar="PATH", help="文件或文件夹")
    fleet.add_argument(
        "--out",
        metavar="FILE.csv|FILE.html",
        help="保存汇总表：.csv 可用 Excel 打开，.html 为可打印的报告（含按月到期图）",
    )

    practice = sub.add_parser("practice", help="练习 Ukey", description="练习 Ukey：不用真实 Ukey 也能练习延期")
    practice_sub = practice.add_subparsers(dest="practice_command", required=True, title="命令", metavar="命令")
    reset = practice_sub.add_parser("reset", help="重置练习 Ukey", description="重置练习 Ukey：密码恢复为 111111")
    reset.add_argument("--expires-in-days", type=int, default=20, help="证书还有几天到期（负数：已过期）")
    reset.add_argument("--json", action="store_true", help="输出 JSON（给脚本和运维人员）")
    reset.set_defaults(func="keys.cmd_practice_reset")

    renewing = command("renew", "renew.cmd_renew", "延期 Ukey 证书（指南 2.2）")
    renewing.add_argument("--practice", action="store_true", help="练习模式：练习 Ukey 和内置模拟网站")
    renewing.add_argument("--dry-run", action="store_true", help="只与网站核对，不写入 Ukey")
    renewing.add_argument("--again", action="store_true", help="今天已延期过，仍要再次延期（会生成新订单）")
    renewing.add_argument("--abandon", action="store_true", help="放弃上次未完成的延期（无法继续时使用）")
    renewing.add_argument("--holder-name", metavar="姓名", help="当前持有 Ukey 人员姓名（指南 2.2 ④）")
    renewing.add_argument(
        "--holder-phone",
        metavar="手机号",
        help="当前持有 Ukey 人员手机号（也可用环境变量 UKEY_RENEW_HOLDER_MOBILE，或运行时输入）",
    )
    renewing.add_argument("--latency", type=float, default=0.0, help=argparse.SUPPRESS)

    return parser


def wizard_args(argv: Sequence[str]) -> argparse.Namespace | None:
    """The desktop start (no command, only the wizard's options) read
    without building every command's parser, which would take milliseconds
    before the window's first paint. A command, ``-h`` or a mistake: None,
    for the whole parser to read and answer as always."""
    if any(word in ("-h", "--help") for word in argv):
        return None
    try:
        args, rest = build_parser(commands=False).parse_known_args(argv)
    except argparse.ArgumentError:
        return None
    if rest:
        return None
    args.usage_error = lambda message: build_parser().error(message)  # its usage lists the commands too
    return args
