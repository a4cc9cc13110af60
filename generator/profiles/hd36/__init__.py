"""Hướng dẫn 36-HD/VPTW (2018): the Party's rules for documents dated before 27/5/2026."""

from __future__ import annotations

from generator.profiles.hd36.layout import LAYOUT
from generator.profiles.spec import DocType, ListStyle, Profile, Spacing, doc_types

REPORT_CLOSING = ("Trên đây là báo cáo kết quả lãnh đạo, chỉ đạo thực hiện công tác {period} "
                  "của {organ}.")
DOC_TYPES = doc_types(
    DocType("BÁO CÁO", "BC", periodic=True, closing=REPORT_CLOSING),
    DocType("TỜ TRÌNH", "TTr", addressee_label="Kính gửi:",
            closing="{organ} kính trình {addressee} xem xét, cho ý kiến."),
    DocType("KẾ HOẠCH", "KH", closing="Trên đây là Kế hoạch của {organ}; đề nghị các cấp ủy, "
            "tổ chức đảng và cơ quan, đơn vị liên quan triển khai thực hiện."),
    DocType("CHƯƠNG TRÌNH", "CTr", closing="Trên đây là Chương trình của {organ}; đề nghị các "
            "cấp ủy, tổ chức đảng và cơ quan, đơn vị liên quan tổ chức thực hiện."),
    DocType("THÔNG BÁO", "TB", closing="{organ} thông báo để các cơ quan, đơn vị biết, "
            "thực hiện."),
    DocType("CÔNG VĂN", "CV", addressee_label="Kính gửi:", subject_in_header=True),
    DocType("NGHỊ QUYẾT", "NQ"), DocType("KẾT LUẬN", "KL"), DocType("CHỈ THỊ", "CT"),
    DocType("QUYẾT ĐỊNH", "QĐ"), DocType("QUY ĐỊNH", "QĐi"), DocType("HƯỚNG DẪN", "HD"),
    DocType("ĐỀ ÁN", "ĐA"),
)
"""Type abbreviations in numbers (hd36.md §5.4; ``QĐi`` for Quy định per CV 3294, 2019)."""

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
