"""Arithmetic the text states: ``1.045/1.150 …, đạt 90,87%`` and ``là N, tăng X (tăng Y%)``."""

from __future__ import annotations

import re
from decimal import Decimal

from generator.checks.base import ERROR, WARNING, CheckContext, TextItem
from generator.checks.numbers import parse_vn
from generator.vnformat import format_number

RULES = {
    "arithmetic.ratio": (ERROR, ("tỷ lệ phần trăm không khớp với phân số đứng trước "
                         "(1.045/1.150 … đạt 90,87%), sai quá mức làm tròn.")),
    "arithmetic.change": (WARNING, ("phần trăm tăng/giảm không khớp với số tăng/giảm và số hiện có "
                          "(là N, tăng X (tăng Y%)), sai quá mức làm tròn.")),
}

_NUM = r"\d+(?:[.,]\d+)*"
_FRACTION = re.compile(rf"(\d(?<![\w/.,]\d)\d*(?:[.,]\d+)*)/({_NUM})(?![\w/]|[.,]\d)")
r"""``(?<![\w/.,]){_NUM}/…``, starting with the digit (see `numbers.NUMBER`)."""
_PERCENT_AFTER = re.compile(rf"(?:đạt|chiếm|bằng|tỷ lệ|tỉ lệ)\s+(?:tỷ lệ\s+|tỉ lệ\s+)?"
                            rf"({_NUM})\s?%", re.IGNORECASE)
_CLAUSE_END = re.compile(r";|\.(?!\d)|\n|\(|\)")
_ANY_NUMBER = re.compile(rf"(?<![\w/.,]){_NUM}")
_CHANGE = re.compile(rf"(?:là|đạt|có)\s+({_NUM})\s+((?:[^\W\d_]+\s){{0,2}}?[^\W\d_]+),\s+"
                     rf"(tăng|giảm)\s+({_NUM})\s+((?:[^\W\d_]+\s){{0,2}}?[^\W\d_]+)\s+"
                     rf"\((?:(tăng|giảm)\s+)?({_NUM})\s?%", re.IGNORECASE)


def check(ctx: CheckContext) -> None:
    """Recompute stated ratios and changes; report those off by more than rounding."""
    for item in ctx.texts:
        for m in _FRACTION.finditer(item.text):
            _ratio(ctx, item, m)
        if "%" in item.text and "(" in item.text:  # `_CHANGE` needs both; 1 ms at ×1
            for m in _CHANGE.finditer(item.text):
                _change(ctx, item, m)


def decimals_of(text: str) -> int:
    """Return how many decimals a Vietnamese number shows (``90,87`` → 2)."""
    return len(text.partition(",")[2])


def agrees(actual: Decimal, written: Decimal, decimals: int) -> bool:
    """Return True if `written` is `actual` rounded to `decimals` places (half a unit of slack)."""
    slack = Decimal(5) * Decimal(10) ** -(decimals + 1)
    return abs(actual - written) <= slack + Decimal("1e-9")


def _correction(actual: Decimal, written: str) -> str | None:
    """Return `actual` as a percentage written like `written`, or None when they agree."""
    value, places = parse_vn(written), decimals_of(written)
    if value is None or agrees(actual, value, places):
        return None
    return format_number(actual, places) + "%"


def _ratio(ctx: CheckContext, item: TextItem, m: re.Match) -> None:
    part, whole = parse_vn(m.group(1)), parse_vn(m.group(2))
    if part is None or whole is None or whole == 0:
        return  # badly written numbers are reported by the number rules
    tail = item.text[m.end():m.end() + 160]
    end = _CLAUSE_END.search(tail)
    tail = tail[:end.start()] if end else tail
    stated = _PERCENT_AFTER.search(tail)
    if not stated or _ANY_NUMBER.search(tail, 0, stated.start(1)):
        return  # no percentage in this clause, or another figure stands between
    actual = part / whole * 100
    right = _correction(actual, stated.group(1))
    if right is None:
        return
    start = m.end() + stated.start(1)
    ctx.at(item, start, m.end() + stated.end(), "arithmetic.ratio", ERROR,
           f"{m.group(1)}/{m.group(2)} = {format_number(actual, 2)}%, nhưng văn bản ghi "
           f"{stated.group(1)}%; hãy sửa thành {right} hoặc kiểm tra lại số liệu.", right)


def _change(ctx: CheckContext, item: TextItem, m: re.Match) -> None:
    total, delta = parse_vn(m.group(1)), parse_vn(m.group(4))
    if None in (total, delta) or m.group(2).lower() != m.group(5).lower():
        return  # different units: the base is not stated
    direction, inner = m.group(3).lower(), (m.group(6) or m.group(3)).lower()
    if direction != inner:
        return
    base = total - delta if direction == "tăng" else total + delta
    if base <= 0:
        return
    actual = delta / base * 100
    right = _correction(actual, m.group(7))
    if right is None:
        return
    ctx.at(item, m.start(7), m.end(), "arithmetic.change", WARNING,
           f"{direction} {m.group(4)} so với {format_number(base)} (= {m.group(1)} "
           f"{'−' if direction == 'tăng' else '+'} {m.group(4)}) là {direction} "
           f"{format_number(actual, 2)}%, nhưng văn bản ghi {m.group(7)}%; hãy sửa thành "
           f"{right} hoặc kiểm tra lại số liệu.", right)
