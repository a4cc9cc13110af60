"""Nghị định 30/2020/NĐ-CP, Phụ lục I: the state's rules (UBND, sở …); only chosen when named.

Values from regime-2026.md §4.3 (read in a transcription of the decree's appendix); §4.1 flags
that a 2025–2026 amendment cannot be ruled out, so re-check when the rules are next reviewed.
"""

from __future__ import annotations

from generator.profiles import doctypes
from generator.profiles.nd30.layout import LAYOUT
from generator.profiles.spec import ListStyle, Profile, Spacing

DOC_TYPES = doctypes.for_profile("nd30", {
    # §4.3 "Kính gửi": required for a báo cáo sent to a superior body, a tờ trình, a công văn.
    "BÁO CÁO": dict(addressee_label="Kính gửi:", closing="Trên đây là báo cáo kết quả thực "
                    "hiện nhiệm vụ {period} của {organ}."),
    "TỜ TRÌNH": dict(addressee_label="Kính gửi:",
                     closing="{organ} kính trình {addressee} xem xét, quyết định."),
    "KẾ HOẠCH": dict(closing="Trên đây là Kế hoạch của {organ}; đề nghị các cơ quan, đơn vị "
                     "liên quan triển khai thực hiện."),
    # A công văn's number has no type symbol: ``Số: 12/UBND-VP``; "V/v …" under the number.
    "CÔNG VĂN": dict(addressee_label="Kính gửi:", subject_prefix="V/v ",
                     number_format="Số: {number}/{organ}"),
})

PROFILE = Profile(
    name="nd30",
    label="Nghị định 30/2020/NĐ-CP",
    template="bao-cao-nd30.docx",
    layout=LAYOUT,
    doc_types=DOC_TYPES,
    number_format="Số: {number}/{type}-{organ}",  # colon, slash, hyphen inside the symbol
    recipients=ListStyle(item_end=";", last_end="."),  # "- Lưu: VT, …" is written as typed
    bases=ListStyle(item_end=";", last_end="."),
    addressees=ListStyle(item_end=";", last_end="."),
    # "single to 1.5 lines" of 13–14 pt TNR, in exact points (one 14 pt line ≈ 16.1 pt).
    spacing=Spacing(low=16, high=24, default=18),
    guessed=False,
    appendix_numerals="roman",  # NĐ30 Phụ lục I: Phụ lục I, II …, a lone one too
    appendix_single_number=True,
    organ_break_after=("ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN"),  # either tone placement
)
