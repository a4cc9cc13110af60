"""HD05's layout: HD36's page and blocks, with the drafter mark restyled (regime-2026.md §1.4)."""

from __future__ import annotations

from dataclasses import replace

from generator.profiles.hd36.layout import LAYOUT as HD36
from generator.profiles.spec import restyled

LAYOUT = replace(
    HD36,
    styles=restyled(
        HD36.styles,
        # Row 51: "ký hiệu người soạn thảo", normal case 11 pt, at the end of the Nơi nhận.
        BCNguoiSoanThao={"size": 11, "caps": False},
    ),
)
