"""The campaign sheet as one printable HTML file: counts per state, a chart of
expiries by month and the table. Inline CSS and SVG only, no script: it is
mailed round and printed, and must open the same on any computer offline."""

from __future__ import annotations

from collections import Counter
from datetime import date
from html import escape
from typing import Any

from ukey_renew.fleet import HEADERS, Sheet
from ukey_renew.remind import NEXT_STEPS, STATES, TITLES

COLOURS = {"ok": "#2e7d32", "soon": "#f9a825", "due": "#ef6c00", "expired": "#c62828", "replace": "#6a1b9a"}
# The months drawn one by one: a campaign's horizon, from the keys lately lapsed to a year ahead; the keys
# outside it share a bar on each side, so the chart fits a printed page however far a renewed key runs.
MONTHS_BEFORE, MONTHS_AHEAD = 2, 12
EARLIER, LATER = "更早", "更晚"
STYLE = """
body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; margin: 24px; color: #222; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 20px 0 8px; }
.counts { display: flex; gap: 8px; flex-wrap: wrap; }
.count { border-radius: 6px; padding: 6px 12px; color: #fff; font-size: 14px; }
.count b { font-size: 18px; margin-left: 6px; }
table { border-collapse: collapse; width: 100%; font-size: 12px; }
th, td { border: 1px solid #bbb; padding: 3px 5px; text-align: left; vertical-align: top; }
th { background: #eee; } .state { color: #fff; white-space: nowrap; }
svg text { font-size: 11px; fill: #333; }
@media print { body { margin: 0; } .count, .state { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr { page-break-inside: avoid; } }
"""
_COLUMNS = [name for name in HEADERS if name not in ("state", "days_left")]


def to_html(sheet: Sheet) -> bytes:
    counts = sheet.counts()
    badges = "".join(
        f'<div class="count" style="background:{COLOURS[state]}">{TITLES[state]}<b>{counts[state]}</b></div>'
        for state in STATES
    )
    legend = "".join(f"<li><b>{TITLES[state]}</b>：{escape(NEXT_STEPS[state])}</li>" for state in STATES)
    parts = [
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>Ukey 延期汇总表 {sheet.today.isoformat()}</title><style>{STYLE}</style></head><body>",
        f"<h1>Ukey 延期汇总表</h1><div>按北京时间 {sheet.today.isoformat()} 计算，共 {len(sheet.rows)} 把 Ukey，"
        "按紧急程度排列（指南 1.3 注 2：过期超过 30 天无法延期，需按指南 3.7 更换）。</div>",
        f'<h2>各状态数量</h2><div class="counts">{badges}</div><ul>{legend}</ul>',
        f"<h2>按月到期数量</h2>{chart(sheet.rows, sheet.today)}",
        f"<h2>明细</h2>{_table(sheet.rows)}",
    ]
    if sheet.skipped:
        items = "".join(f"<li>{escape(e['path'])}：{escape(e['reason'])}</li>" for e in sheet.skipped)
        parts.append(f"<h2>跳过的文件（{len(sheet.skipped)}）</h2><ul>{items}</ul>")
    parts.append("</body></html>")
    return "\n".join(parts).encode("utf-8")


def chart(rows: list[dict[str, Any]], today: date) -> str:
    """Expiries by month as stacked bars, one colour per state."""
    if not rows:
        return "<p>没有 Ukey。</p>"
    inside = _months(today)
    per_month: dict[str, Counter[str]] = {}
    for row in rows:
        month = row["not_after"][:7]
        bar = EARLIER if month < inside[0] else LATER if month > inside[-1] else month
        per_month.setdefault(bar, Counter())[row["state"]] += 1
    months = [*([EARLIER] if EARLIER in per_month else []), *inside, *([LATER] if LATER in per_month else [])]
    tallest = max(sum(counter.values()) for counter in per_month.values())
    bar, gap, height, top, bottom = 28, 6, 160, 16, 40
    width = len(months) * (bar + gap) + 40
    shapes = [f'<line x1="30" y1="{top + height}" x2="{width}" y2="{top + height}" stroke="#888"/>']
    shapes.append(f'<text x="0" y="{top + 4}">{tallest}</text><text x="0" y="{top + height}">0</text>')
    for place, month in enumerate(months):
        x = 36 + place * (bar + gap)
        y = float(top + height)
        counter = per_month.get(month, Counter())
        for state in STATES:
            if counter[state]:
                size = counter[state] * height / tallest
                y -= size
                shapes.append(
                    f'<rect x="{x}" y="{y:.1f}" width="{bar}" height="{size:.1f}" fill="{COLOURS[state]}">'
                    f"<title>{month} {TITLES[state]} {counter[state]}</title></rect>"
                )
        if total := sum(counter.values()):
            shapes.append(f'<text x="{x + bar / 2}" y="{y - 3:.1f}" text-anchor="middle">{total}</text>')
        label_y = top + height + 14
        shapes.append(
            f'<text x="{x + bar / 2}" y="{label_y}" text-anchor="end" '
            f'transform="rotate(-45 {x + bar / 2} {label_y})">{month}</text>'
        )
    return (
        f'<svg role="img" aria-label="按月到期数量" width="{width}" height="{top + height + bottom}" '
        f'viewBox="0 0 {width} {top + height + bottom}" xmlns="http://www.w3.org/2000/svg">{"".join(shapes)}</svg>'
    )


def _months(today: date) -> list[str]:
    """The horizon's months as "YYYY-MM"."""
    first = today.year * 12 + today.month - 1 - MONTHS_BEFORE
    last = first + MONTHS_BEFORE + MONTHS_AHEAD
    return [f"{index // 12:04d}-{index % 12 + 1:02d}" for index in range(first, last + 1)]


def _table(rows: list[dict[str, Any]]) -> str:
    head = "".join(f"<th>{HEADERS[name]}</th>" for name in ["state", "days_left", *_COLUMNS])
    body = []
    for row in rows:
        cells = [
            f'<td class="state" style="background:{COLOURS[row["state"]]}">{TITLES[row["state"]]}</td>',
            f"<td>{row['days_left']}</td>",
            *(f"<td>{escape(str(row[name]))}</td>" for name in _COLUMNS),
        ]
        body.append(f"<tr>{''.join(cells)}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
