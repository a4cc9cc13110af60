"""HD05's layout: HD36's page and blocks, with the drafter mark restyled (regime-2026.md §1.4)."""

from __future__ import annotations

from dataclasses import replace

from generator.profiles import blocks
from generator.profiles.hd36.layout import LAYOUT as HD36
from generator.profiles.spec import ParaStyle, restyled

LAYOUT = replace(
    HD36,
    styles=restyled(
        HD36.styles,
        # Row 51: "ký hiệu người soạn thảo", normal case 11 pt, at the end of the Nơi nhận.
        BCNguoiSoanThao={"size": 11, "caps": False},
    ) + (
        # Row 49: "Không phổ biến trên phương tiện thông tin đại chúng", the phạm vi lưu hành
        # mark of the last page: 12 bold like the mark of page 1, centred, 10 mm above the
        # bottom edge. Written as the guide writes it, not in capitals.
        ParaStyle("BCKhongPhoBien", "BC Khong pho bien", size=12, bold=True, caps=False,
                  align="center", above_bottom_edge=567, priority=9),
    ),
    after_closing=(*blocks.CONTACT, *blocks.AT_PAGE_FOOT, *blocks.END),
)
