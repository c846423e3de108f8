"""The application letter for a replacement Ukey (guide 3.7), as DOCX.

The guide lists what the letter must say: procuratorate name, organization
code, Ukey type, what is asked and why, the receiver of the new key (name,
phone, address), and the official seal. :func:`paragraphs` holds that text
once; the DOCX here and the PDF (``gui/letter_pdf.py``, through Qt) both
render it.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from ukey_renew import atomic
from ukey_renew.errors import LetterNotSaved, StateNotSaved, UkeyError

KEY_TYPES = ("案管", "信息发布", "信访", "代表委员联络")  # guide 1.2, 3.7 note 1
# Each in either language, for forms written by scripts: the id → the guide's word.
KEY_TYPE_IDS = {"case_management": "案管", "publicity": "信息发布", "petition": "信访", "liaison": "代表委员联络"}
SITUATIONS = {"damaged": "损坏", "lost": "丢失", "expired": "过期"}
# Guide 3.7 names two situations: a damaged key goes back with the letter to the technical
# centre, a lost one is reported to the business department. A key expired over 30 days
# (guide 1.3 note 2) is intact but can no longer be renewed online; it takes the damaged
# key's way (docs/protocol.md §9 names this assumption).
_GOES_BACK = {"damaged", "expired"}
_ASK = {
    "damaged": "我院{key_type} Ukey 已损坏，现申请补办新的 Ukey。已损坏的 Ukey 随函寄回。",
    "lost": "我院{key_type} Ukey 已丢失，现申请补办新的 Ukey。",
    "expired": "我院{key_type} Ukey 的证书已过期超过 30 天，无法在线延期（指南 1.3 注 2），"
    "现申请更换新的 Ukey。原 Ukey 随函寄回。",
}
_CASE_NUMBER = re.compile(r"\[(\d{4})\]\s*(\d{6})\d*")
_PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")


class LetterInvalid(UkeyError):
    id = "letter.invalid"
    message = "申请函信息不完整或格式不对。"
    next_step = "请按指南 3.7 补全：检察院名称、6 位组织机构代码、Ukey 类型、情况说明、收件人姓名电话地址。"
    guide = "3.7"


_FIELDS: dict[str, tuple[str, dict[str, object]]] = {  # name → (description, JSON Schema of its text)
    "procuratorate": ("检察院名称", {}),
    "org_code": ("6 位组织机构代码；可从案号中取（指南 3.7 注 2）", {"pattern": "^[0-9]{6}$"}),
    "key_type": ("Ukey 类型（指南 1.2）：中文或英文编号", {"enum": [*KEY_TYPES, *KEY_TYPE_IDS]}),
    "situation": ("情况：损坏、丢失或过期超过 30 天，中文或英文编号", {"enum": [*SITUATIONS.values(), *SITUATIONS]}),
    "description": ("申请内容及情况说明", {}),
    "receiver_name": ("接收新 Ukey 的联系人姓名", {}),
    "receiver_phone": ("联系人电话：11 位手机号或带区号的固定电话", {}),
    "receiver_address": ("收件地址", {}),
    "date": ("落款日期 YYYY-MM-DD；不写则为当天", {"format": "date"}),
}


def form_schema() -> dict[str, object]:
    """The form file ``ukey-renew letter --in`` reads, as JSON Schema: for IT staff filling it by script."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "补办 Ukey 申请函表单（指南 3.7）",
        "type": "object",
        "additionalProperties": False,
        "required": [name for name in _FIELDS if name != "date"],
        "properties": {
            name: {"type": "string", "description": about, **rule} for name, (about, rule) in _FIELDS.items()
        },
    }


def key_type_word(text: str) -> str:
    """The guide's word for a key type given either way ("petition" → "信访"); anything else is left for
    :meth:`LetterForm.check` to name."""
    return KEY_TYPE_IDS.get(text.strip(), text.strip())


def situation_id(text: str) -> str:
    """The id of a situation given either way ("损坏" → "damaged")."""
    words = {word: key for key, word in SITUATIONS.items()}
    return words.get(text.strip(), text.strip())


def org_code_from_case_number(text: str) -> str | None:
    """Guide 3.7 note 2 ③: "成检刑诉受[2023]371724000xxx号" → "371724"."""
    match = _CASE_NUMBER.search(text)
    return match.group(2) if match else None


# Control characters XML 1.0 cannot carry; tab and line breaks are fine.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True)
class LetterForm:
    procuratorate: str
    org_code: str
    key_type: str
    situation: str  # "damaged", "lost" or "expired"
    description: str
    receiver_name: str
    receiver_phone: str
    receiver_address: str
    date: str = ""  # YYYY-MM-DD; today when empty

    @classmethod
    def from_dict(cls, data: object) -> LetterForm:
        """The form from a JSON object of text fields. Anything else is refused
        plainly: a number or a list would print, and a control character would
        make the DOCX file unreadable to Word (XML cannot carry it)."""
        if not isinstance(data, dict):
            raise LetterInvalid('申请函表单应是一个 JSON 对象（{"项": "内容", …}）。')
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise LetterInvalid(f"申请函中有不认识的项：{', '.join(sorted(map(str, unknown)))}。")
        wrong = sorted(key for key, value in data.items() if not isinstance(value, str) or _CONTROL.search(value))
        if wrong:
            raise LetterInvalid(f"申请函中这些项应是文字（不含控制字符）：{', '.join(wrong)}。")
        try:
            form = cls(**data)
        except TypeError:
            missing = sorted(known - set(data) - {"date"})
            raise LetterInvalid(f"申请函缺少：{', '.join(missing)}。") from None
        return replace(form, key_type=key_type_word(form.key_type), situation=situation_id(form.situation))

    def check(self) -> None:
        problems = []
        if not self.procuratorate.strip():
            problems.append("检察院名称")
        if not re.fullmatch(r"\d{6}", self.org_code.strip()):
            problems.append("组织机构代码（6 位数字）")
        if self.key_type not in KEY_TYPES:
            problems.append("Ukey 类型（" + "、".join(f"{word} 或 {key}" for key, word in KEY_TYPE_IDS.items()) + "）")
        if self.situation not in SITUATIONS:
            problems.append("情况（" + "、".join(f"{word} 或 {key}" for key, word in SITUATIONS.items()) + "）")
        if not self.description.strip():
            problems.append("情况说明")
        if not self.receiver_name.strip() or not self.receiver_address.strip():
            problems.append("收件人姓名和地址")
        if not _PHONE.match(self.receiver_phone.replace(" ", "")):
            problems.append("收件人电话")
        if self.date and _day(self.date) is None:
            problems.append("日期（年-月-日，如 2026-03-01，须是日历上有的一天；留空为今天）")
        if problems:
            raise LetterInvalid("请检查：" + "、".join(problems) + "。")

    @property
    def when(self) -> str:
        day = _day(self.date) or date.today()
        return f"{day.year}年{day.month}月{day.day}日"


def _day(text: str) -> date | None:
    """A calendar day written YYYY-MM-DD, nothing else (no time, no week date)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:  # 2026-02-30
        return None


def paragraphs(form: LetterForm) -> list[tuple[str, str]]:
    """(style, text) pairs: "title", "body", "item", "sign"."""
    form.check()
    situation = SITUATIONS[form.situation]
    recipient = (
        "最高人民检察院检察技术信息研究中心" if form.situation in _GOES_BACK else "最高人民检察院（业务对口部门）"
    )
    ask = _ASK[form.situation].format(key_type=form.key_type)
    return [
        ("title", f"关于申请补办 12309 中国检察网管理平台 Ukey（{situation}）的函"),
        ("body", f"{recipient}："),
        ("body", ask),
        ("item", f"一、检察院名称：{form.procuratorate}"),
        ("item", f"二、组织机构代码：{form.org_code}"),
        ("item", f"三、Ukey 类型：{form.key_type} Ukey"),
        ("item", f"四、申请内容及情况说明：{form.description}"),
        (
            "item",
            f"五、接收新 Ukey 的联系人：{form.receiver_name}，电话 {form.receiver_phone}，"
            f"收件地址 {form.receiver_address}",
        ),
        ("body", "特此申请。"),
        ("sign", form.procuratorate),
        ("sign", "（盖章）"),
        ("sign", form.when),
    ]


_PACKAGE = {  # what every WordprocessingML package holds beside its document (ECMA-376 part 2)
    "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>',
}
_ALIGN = {"title": "center", "sign": "right"}
_A4 = (  # page size and margins, in twentieths of a point
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" '
    'w:left="1800" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>'
)


def _paragraph(style: str, text: str) -> str:
    align = f'<w:pPr><w:jc w:val="{_ALIGN[style]}"/></w:pPr>' if style in _ALIGN else ""
    size = 32 if style == "title" else 24  # half-points: 16 pt title, 12 pt text
    run = f'<w:rPr><w:rFonts w:eastAsia="宋体"/>{"<w:b/>" * (style == "title")}<w:sz w:val="{size}"/></w:rPr>'
    return f'<w:p>{align}<w:r>{run}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def write_docx(form: LetterForm, path: Path) -> None:
    """The letter as a plain WordprocessingML file, written with the standard
    library: one A4 page of paragraphs needs no document library."""
    body, previous = [], ""
    for style, text in paragraphs(form):
        if style == "sign" != previous:
            body += ["<w:p/>"] * 3  # room for the seal above the signature (guide 3.7: 加盖公章)
        body.append(_paragraph(style, text))
        previous = style
    document = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{''.join(body)}{_A4}</w:body></w:document>"
    )
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as docx:
        for name, xml in {**_PACKAGE, "word/document.xml": document}.items():
            docx.writestr(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + xml)
    save(path, package.getvalue())


def save(path: Path, letter: bytes) -> None:
    """The finished letter, written whole where the user asked, or a
    :class:`LetterNotSaved` saying why not (a missing folder, no right to
    write, the file open in Word): never a "written" for a file that is not there.
    As every output, only a new path or a regular file of the user's (``atomic.not_for_output``)."""
    refused = atomic.not_for_output(path)
    if refused:
        raise LetterNotSaved(str(path), None, refused)
    try:
        atomic.write_bytes(path, letter)
    except StateNotSaved as exc:
        raise LetterNotSaved(str(path), exc.__cause__) from exc
