"""Hướng dẫn 36-HD/VPTW (2018): the Party's rules for documents dated before 27/5/2026."""

from __future__ import annotations

from generator.profiles import doctypes
from generator.profiles.hd36.layout import LAYOUT
from generator.profiles.spec import ListStyle, Profile, Spacing

REPORT_CLOSING = ("Trên đây là báo cáo kết quả lãnh đạo, chỉ đạo thực hiện công tác {period} "
                  "của {organ}.")
DETAILS = {
    "BÁO CÁO": dict(closing=REPORT_CLOSING),
    "TỜ TRÌNH": dict(addressee_label="Kính gửi:",
                     closing="{organ} kính trình {addressee} xem xét, cho ý kiến."),
    "KẾ HOẠCH": dict(closing="Trên đây là Kế hoạch của {organ}; đề nghị các cấp ủy, tổ chức "
                     "đảng và cơ quan, đơn vị liên quan triển khai thực hiện."),
    "CHƯƠNG TRÌNH": dict(closing="Trên đây là Chương trình của {organ}; đề nghị các cấp ủy, "
                         "tổ chức đảng và cơ quan, đơn vị liên quan tổ chức thực hiện."),
    "THÔNG BÁO": dict(closing="{organ} thông báo để các cơ quan, đơn vị biết, thực hiện."),
    "CÔNG VĂN": dict(addressee_label="Kính gửi:"),
}
"""HD36's words for its types; names, symbols and which types it writes: profiles/doctypes.py."""
DOC_TYPES = doctypes.for_profile("hd36", DETAILS)

PROFILE = Profile(
    name="hd36",
    label="Hướng dẫn 36-HD/VPTW năm 2018",
    template="bao-cao.docx",
    layout=LAYOUT,
    doc_types=DOC_TYPES,
    number_format="Số {number}-{type}/{organ}",
    recipients=ListStyle(item_end=",", last_end="."),
    bases=ListStyle(item_end=";", last_end=","),
    addressees=ListStyle(item_end=",", last_end=","),
    spacing=Spacing(low=18, high=None, default=18),
    valid_from=None,
)
