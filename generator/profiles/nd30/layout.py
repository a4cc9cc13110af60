"""NĐ30's layout (Phụ lục I; regime-2026.md §4.2–4.3): quốc hiệu header, 13 pt organ lines.

Left column: chủ quản 13 caps upright (optional), issuing organ 13 caps bold, a rule of about a
third of the column, ``Số: 12/BC-UBND``. Right column: quốc hiệu 13 caps bold, tiêu ngữ 14 bold
with a rule as long as it, place and date 14 italic. Nơi nhận 12 bold italic, list 11;
TM./KT./TL./Q. and the chức vụ 14 bold; căn cứ italic; page numbers 14, centred, from page 2.
"""

from __future__ import annotations

from dataclasses import replace

from generator.profiles import blocks
from generator.profiles.hd36.layout import LAYOUT as PARTY
from generator.profiles.spec import CharStyle, ParaStyle, Rule, restyled

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
_RULE_ONLY = dict(size=1, line=120, priority=99)  # a 1 pt paragraph that only draws its rule

STYLES = restyled(
    PARTY.styles,
    BCCoQuanCapTren={"size": 13},
    BCCoQuan={"size": 13},
    BCSoKyHieu={"size": 13},
    BCTrichYeuCongVan={"size": 12, "italic": False},
    BCDoKhan={"size": 13, "color": "FF0000", "boxed": True},
    BCNgayThang={"before": 120},
    BCTenLoai={"size": 14},
    BCCanCu={"italic": True},
    BCNoiNhan={"size": 12, "bold": True, "italic": True, "underline": False},
    BCDsNoiNhan={"size": 11},
    BCNguoiSoanThao={"size": 11},
    BCChucVu={"bold": True},
    BCLienHe={"size": 11},
) + (
    ParaStyle("BCGachCoQuan", "BC Gach duoi co quan", rule_below=Rule(fraction=1 / 3, column=0),
              **_RULE_ONLY),
    ParaStyle("BCQuocHieu", "BC Quoc hieu", size=13, bold=True, caps=True, align="center"),
    ParaStyle("BCTieuNgu", "BC Tieu ngu", size=14, bold=True, align="center",
              rule_below=Rule(text=MOTTO)),
    ParaStyle("BCGachTrichYeu", "BC Gach duoi trich yeu", after=120,
              rule_below=Rule(fraction=1 / 4, column=None), **_RULE_ONLY),
)

# The quốc hiệu in 13 pt bold is about 96 mm long: the right column gets 105 mm (left 60 mm).
_STATE_LINES = {
    ("BC Gach ngang", "-----"): ("BC Gach duoi trich yeu", ""),  # a rule under the trích yếu
    ("BC Can cu", "- {{ b }}"): ("BC Can cu", "{{ b }}"),  # NĐ30 Phụ lục I: căn cứ, no dash
}
"""The Party title block's lines that a state document writes otherwise."""
HEADER_COLUMNS = (3402, PARTY.page.text_width - 3402)

LAYOUT = replace(
    PARTY,
    header_columns=HEADER_COLUMNS,
    styles=tuple(s for s in STYLES if s.style_id not in ("BCTieuDeDang", "BCDauSao")),
    label_style=CharStyle("BCNhanKinhGui", "BC Nhan Kinh gui", italic=False),
    header_left=(
        *blocks.optional("organ_parent", "BC Co quan cap tren"),
        ("BC Co quan", "{{ organ_name }}"),
        ("BC Gach duoi co quan", ""),
        *blocks.NUMBER_BLOCK,
    ),
    header_right=(("BC Quoc hieu", NATION), ("BC Tieu ngu", MOTTO),
                  ("BC Ngay thang", "{{ place_date }}")),
    before_body=tuple(_STATE_LINES.get(line, line) for line in blocks.TITLE_BLOCK),
    after_closing=blocks.END,
    first_footer=blocks.FIRST_FOOTER,  # the contact line: foot of page 1 (Phụ lục I, ô số 14)
    title="Văn bản hành chính",
)
