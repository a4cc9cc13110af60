"""Hướng dẫn 05-HD/VPTW (27/5/2026): the Party's rules for documents dated from 27/5/2026.

Page, fonts and sizes are HD36's (regime-2026.md §1.4: "the page, fonts and sizes stay as in
HD36"); what changes is data: punctuation (căn cứ and recipients end ";", the last line "."),
line spacing bounded to exactly 18–22 pt, "Kính trình" for a tờ trình, the drafter mark in
normal case 11 pt, ``QĐ`` for Quy định.
"""

from __future__ import annotations

import datetime as dt

from generator.profiles import doctypes, hd36
from generator.profiles.hd05.layout import LAYOUT
from generator.profiles.spec import ListStyle, Profile, Spacing

DOC_TYPES = doctypes.for_profile("hd05", {
    **hd36.DETAILS,
    # §1.4 row 44: "Kính gửi" for a công văn only, "Kính trình" (new) for a tờ trình; the
    # QĐ of Quy định (row 14) and the new Phương án (§2.2) are in the table of types.
    "TỜ TRÌNH": {**hd36.DETAILS["TỜ TRÌNH"], "addressee_label": "Kính trình:"},
})

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
    circulation_at_end=("không phổ biến",),  # row 49: on the last page, 10 mm from the bottom
)
