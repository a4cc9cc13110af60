"""The lines a Vietnamese official document is recognised by: number, date, quốc hiệu, tail."""

from __future__ import annotations

import re

from generator.ooxml.reader import Paragraph, Table

NUMBER = re.compile(r"^Số\s*:?\s*(?P<num>.*?)\s*[-–]\s*(?P<doc>[A-Za-zĐđ]+)\s*/\s*(?P<org>[^\s,.]+)",
                    re.IGNORECASE)
STATE_NUMBER = re.compile(r"^(?:[\w ]*\s)?Số\s*:?\s*(?P<num>[\d\s./]*?)\s*/?\s*(?P<doc>[A-Za-zĐđ]+)"
                          r"\s*[-–]\s*(?P<org>[^\s,]+?)\.?$", re.IGNORECASE)
"""State form (Nghị định 30): ``Số: 218/BC-UBND``, ``Số: 06/2024/QĐ-UBND``, ``Số:   /KH-UBND``."""
STATE = re.compile(r"^(CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*[-–—]\s*Tự\s+do"
                   r"\s*[-–—]\s*Hạnh\s+phúc)$", re.IGNORECASE)
DATE = re.compile(r"^(?P<place>[^,]*?)\s*,\s*ngày\s*(?P<d>\d{0,2})\s*tháng\s*(?P<m>\d{0,2})"
                  r"\s*năm\s*(?P<y>\d{4})", re.IGNORECASE)
PARTY = re.compile(r"^ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM$", re.IGNORECASE)
DRAFT = re.compile(r"^(dự\s*thảo.*)$", re.IGNORECASE)
RECIPIENTS = re.compile(r"^\s*Nơi\s+nhận\s*:?\s*", re.IGNORECASE)
ADDRESSEE = re.compile(r"^\s*Kính\s+gửi\s*:", re.IGNORECASE)
AUTHORITY = re.compile(r"^(T/M|TM\.?|K/T|KT\.?|T/L|TL\.?|TUQ\.?|Q/|Q\.)\s*\S")
DASH = re.compile(r"^\s*[-–—+•]\s*")
CLOSING = re.compile(r"^\s*Trên\s+đây\s+là", re.IGNORECASE)
CONTACT = re.compile(r"^(Thông\s+tin\s+liên\s+hệ|Liên\s+hệ|Địa\s+chỉ|Điện\s+thoại)\s*[:;,]",
                     re.IGNORECASE)
"""The contact line (HD05 box 13, NĐ30 ô số 14): ``Liên hệ: …``, ``Địa chỉ: …; điện thoại …``."""
SUBJECT = re.compile(r"^\s*(V/v|Về\s+việc)\b", re.IGNORECASE)
"""A công văn's trích yếu under its number: ``V/v …`` (NĐ30), ``về việc …`` (HD05)."""
URGENCY = re.compile(r"^(KHẨN|THƯỢNG\s+KHẨN|H(?:ỎA|OẢ|OÁ)\s+TỐC)$")
"""The độ khẩn mark under the number, in capitals."""
DRAFTER = re.compile(r"^[^\W\d_]{2,}-\d{1,4}[^\W_]?$")
"""The drafter's mark and the copies made, under the Nơi nhận list: ``NguyenVanAn-26`` (HD05),
``ABC-268`` (HD36)."""


def is_separator(text: str) -> bool:
    """Return True for a rule typed as text under the title: ``-----``, ``---o0o---``."""
    core = re.sub(r"o0o|ooo|oOo", "", text.strip())
    return len(text.strip()) >= 3 and not core.strip("-–—_=*.· ")


def paragraphs_of(blocks) -> list[Paragraph]:
    out: list[Paragraph] = []
    for block in blocks:
        out += block.paragraphs() if isinstance(block, Table) else [block]
    return out


def style_of(paragraph: Paragraph) -> str:
    return paragraph.style.lower()
