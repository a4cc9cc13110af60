"""Hướng dẫn 05-HD/VPTW (27/5/2026): the Party's rules for documents dated from 27/5/2026.

Page, fonts and sizes are HD36's (regime-2026.md §1.4: "the page, fonts and sizes stay as in
HD36"); what changes is data: punctuation (căn cứ and recipients end ";", the last line "."),
line spacing bounded to exactly 18–22 pt, "Kính trình" for a tờ trình, the drafter mark in
normal case 11 pt, ``QĐ`` for Quy định.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from generator.profiles import hd36
from generator.profiles.hd05.layout import LAYOUT
from generator.profiles.spec import DocType, ListStyle, Profile, Spacing

DOC_TYPES = {
    **hd36.DOC_TYPES,
    # §1.4 row 44: "Kính gửi" for a công văn only, "Kính trình" (new) for a tờ trình.
    "TỜ TRÌNH": replace(hd36.DOC_TYPES["TỜ TRÌNH"], addressee_label="Kính trình:"),
    # §1.4 row 14: Quyết định and Quy định are both QĐ; QĐi is gone.
    "QUY ĐỊNH": DocType("QUY ĐỊNH", "QĐ"),
    # §2.2: the new types of Quy định 399-QĐ/TW.
    "PHƯƠNG ÁN": DocType("PHƯƠNG ÁN", "PA"),
}

PROFILE = Profile(
    name="hd05",
    label="Hướng dẫn 05-HD/VPTW năm 2026",
    template="bao-cao-hd05.docx",
    layout=LAYOUT,
    doc_types=DOC_TYPES,
    number_format=hd36.PROFILE.number_format,
    recipients=ListStyle(item_end=";", last_end="."),  # §1.4 row 46
    bases=ListStyle(item_end=";", last_end="."),  # row 27
    addressees=ListStyle(item_end=";", last_end="."),  # row 44
    spacing=Spacing(low=18, high=22, default=18),  # row 25: exactly 18–22 pt
    valid_from=dt.date(2026, 5, 27),  # HD05 Phần III.1: in force from signing
)
