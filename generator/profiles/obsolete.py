"""Organs that no longer exist for a document's date: district committees, merged provinces.

From 01/7/2025 there is no district level and 34 provinces (provinces.toml). A document dated
from then that names a huyện ủy, a provincial city's thành ủy or a merged province — in its
header, its place or its recipients — gets one warning per place, naming the successor.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from generator.profiles.provinces import provinces, spelling_key

DISTRICT = ("HUYỆN ỦY", "QUẬN ỦY", "THỊ ỦY", "ĐẢNG BỘ HUYỆN", "ĐẢNG BỘ QUẬN", "ĐẢNG BỘ THỊ XÃ")
_PROVINCE_LEVEL = ("TỈNH ỦY", "THÀNH ỦY", "ĐẢNG BỘ TỈNH", "ĐẢNG BỘ THÀNH PHỐ")
ABOLISHED_RECIPIENTS = (
    (re.compile(r"ban cán sự đảng", re.IGNORECASE), "các ban cán sự đảng"),
    (re.compile(r"đảng đoàn", re.IGNORECASE), "các đảng đoàn"),
    (re.compile(r"huyện(, thị)?(, thành)? ?ủy|quận ủy|thị ủy", re.IGNORECASE), "cấp huyện"),
)
"""Recipient groups ended in 2025 (regime-2026.md §3.1), with how a message names them."""
_RECIPIENT_ADVICE = {
    "các ban cán sự đảng": "chức năng nay thuộc các đảng ủy mới",
    "các đảng đoàn": "chức năng nay thuộc các đảng ủy mới",
    "cấp huyện": "nay là các đảng ủy xã, phường, đặc khu",
}


def in_force(year: int, month: int | None, day: int | None) -> bool:
    """Return whether a document of this date falls after the 2025 reorganisation."""
    return dt.date(year, month or 1, day or 1) >= provinces().since


def organ_problem(line: str) -> str | None:
    """Return why the header line `line` names an organ that no longer exists, or None."""
    key = spelling_key(line)
    for prefix in DISTRICT:
        if key.startswith(spelling_key(prefix) + " "):
            return (f"'{line}' là cấp huyện, không còn từ 01/7/2025; văn bản nay do đảng ủy "
                    "xã, phường, đặc khu hoặc tỉnh ủy, thành ủy ban hành.")
    for prefix in _PROVINCE_LEVEL:
        if key.startswith(spelling_key(prefix) + " "):
            return _province_problem(line, line.split(maxsplit=len(prefix.split()))[-1], prefix)
    return None


def _province_problem(line: str, place: str, prefix: str) -> str | None:
    data = provinces()
    if data.current(place) is not None:
        return None
    successor = data.successor(place)
    if successor is not None:
        return (f"tỉnh {place.title()} không còn từ 01/7/2025 (đã hợp nhất); nay là "
                f"{successor.committee}.")
    if spelling_key(prefix) == spelling_key("THÀNH ỦY"):
        return (f"'{line}' là thành ủy của thành phố thuộc tỉnh (cấp huyện), không còn từ "
                "01/7/2025.")
    return None


def place_problem(place: str) -> str | None:
    """Return why the place of the date line is a former province, or None."""
    successor = provinces().successor(place)
    if successor is None or provinces().current(place) is not None:
        return None
    return (f"địa danh '{place}' là tỉnh cũ (đã hợp nhất từ 01/7/2025); nay là "
            f"{successor.name}.")


def recipient_problems(line: str) -> Iterator[str]:
    """Yield why the recipient `line` names bodies that no longer exist."""
    for pattern, group in ABOLISHED_RECIPIENTS:
        if pattern.search(line):
            yield (f"nơi nhận '{line}' gửi {group}, không còn từ 2025 "
                   f"({_RECIPIENT_ADVICE[group]}).")
    for unit in provinces().units:
        for old in unit.predecessors:
            if re.search(rf"\b(tỉnh|Tỉnh ủy|Tỉnh uỷ) {re.escape(old)}\b", line, re.IGNORECASE):
                yield f"nơi nhận '{line}' nhắc tỉnh {old}, nay là {unit.name}."
