"""``remind``, ``records export`` and ``fleet``: the keys' deadlines on this
computer, the records sent on, and IT staff's sheet of every key."""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from ukey_renew import paths
from ukey_renew.cli.output import now, today
from ukey_renew.command import emit
from ukey_renew.dates import beijing_time
from ukey_renew.errors import FleetNothingRead


def cmd_remind(args: argparse.Namespace) -> int:
    from ukey_renew import remind
    from ukey_renew.session import Session

    if args.install or args.remove or args.status:
        return _remind_schedule(args)
    found = Session(paths.data_dir(), practice_only=False).reminders()
    emit(args, {"keys": [reminder.to_dict() for reminder in found]}, lambda data: remind.text(data["keys"]))
    return 0


def _remind_schedule(args: argparse.Namespace) -> int:
    """The reminder registered to run by itself for this user, removed, or said whether it is."""
    from ukey_renew import schedule
    from ukey_renew.session import Session

    session = Session(paths.data_dir(), practice_only=False)
    if args.install:
        where = session.set_reminder_schedule(True)
    else:
        where = session.reminder_schedule()  # removed: where it was
        if args.remove:
            session.set_reminder_schedule(False)
    last = schedule.last_run(paths.data_dir())
    kind = schedule.for_this_system(now()).kind
    data = {"installed": bool(where) and not args.remove, "kind": kind, "where": where, "last_run": last}

    def text(d: dict[str, Any]) -> str:
        if args.remove:
            return f"已取消到期提醒（{d['where']}）。" if d["where"] else "到期提醒本来就没有设置。"
        ran = f"上次运行：{beijing_time(datetime.fromisoformat(last))}" if last else "还没有运行过"
        if not d["installed"]:
            return f"到期提醒没有设置（{ran}）。运行 ukey-renew remind --install 设置。"
        when = "每次登录和每天一次" if d["kind"] == "schtasks" else "每次登录时"
        return f"到期提醒已设置：{when}检查 Ukey 证书有效期（{d['where']}；{ran}）。"

    emit(args, data, text)
    return 0


def cmd_records_export(args: argparse.Namespace) -> int:
    from ukey_renew import atomic
    from ukey_renew.fleet import EXPORT_FORMAT, judged, to_csv
    from ukey_renew.session import Session

    out = Path(args.out)
    if out.suffix.lower() not in (".csv", ".json"):
        args.usage_error("导出文件请用 .csv 或 .json 结尾")
    rows = judged(Session(paths.data_dir(), practice_only=False).records_export(), today())
    if out.suffix.lower() == ".csv":
        data = to_csv(rows)
    else:
        exported = {"format": EXPORT_FORMAT, "exported_at": now().isoformat(), "rows": rows}
        data = json.dumps(exported, ensure_ascii=False, indent=2).encode("utf-8")
    atomic.write_output("延期记录导出", out, data)
    emit(
        args,
        {"written": str(out), "rows": len(rows)},
        lambda d: f"已导出 {d['rows']} 把 Ukey 的记录：{d['written']}（持有人已遮盖，可发给 Ukey 运维人员）",
    )
    return 0


def cmd_fleet(args: argparse.Namespace) -> int:
    from ukey_renew import atomic, fleet

    out = Path(args.out) if args.out else None
    if out is not None and out.suffix.lower() not in (".csv", ".html"):
        args.usage_error("汇总表请用 .csv 或 .html 结尾：.csv 可直接用 Excel 打开，中文不乱码（不生成 .xlsx）")
    sheet = fleet.read([Path(path) for path in args.paths], today())
    if not sheet.rows:
        raise FleetNothingRead(sheet.skipped)
    data = sheet.to_dict()
    if out is not None:
        from ukey_renew.fleet_html import to_html

        atomic.write_output("汇总表", out, fleet.to_csv(sheet.rows) if out.suffix.lower() == ".csv" else to_html(sheet))
        data["written"] = str(out)
    emit(args, data, lambda d: fleet.text(sheet) + (f"\n汇总表已保存：{d['written']}" if out else ""))
    return 0
