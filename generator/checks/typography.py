"""Typing slips: doubled words and spaces, spaces around punctuation, quotes and brackets."""

from __future__ import annotations

import re

from generator.checks.base import NOTE_MARK, WARNING, CheckContext, TextItem

RULES = {
    "text.repeated-word": (WARNING, "một từ gõ lặp hai lần liền nhau (các các)."),
    "text.double-space": (WARNING, "hai dấu cách liền nhau giữa hai từ."),
    "text.space-before-punct": (WARNING, "dấu cách đứng trước dấu câu (nghĩa , → nghĩa,)."),
    "text.missing-space": (WARNING, ("thiếu dấu cách sau dấu câu (a,b → a, b) hoặc quanh gạch "
                           "nối khoảng năm (2025 -2030 → 2025 - 2030).")),
    "text.unbalanced": (WARNING, ("ngoặc đơn, ngoặc vuông hoặc ngoặc kép mở mà không đóng (hoặc "
                        "ngược lại).")),
    "text.nbsp": (WARNING, "dấu cách không ngắt (gõ từ Word/PDF) lẫn trong văn bản."),
    "text.zero-width": (WARNING, "ký tự vô hình (zero-width) lẫn trong văn bản."),
}

_REDUPLICATED = {
    "từ", "dần", "mãi", "đời", "người", "nhà", "ngày", "nơi", "ai", "đâu", "thường", "lâu",
    "rất", "nhiều", "xa", "cao", "đêm", "năm", "tháng", "hàng", "chốc", "khắp", "đều", "vừa",
    "cùng", "riêng", "thật", "lần", "ào", "đùng", "rầm",
}
"""Words Vietnamese doubles on purpose (dần dần, đời đời, người người, nhà nhà)."""
_REPEAT = re.compile(r"(?<!\w)([^\W\d_]+) (\1)(?!\w)", re.IGNORECASE)
_DOUBLE_SPACE = re.compile(r"(?<=\S) {2,}(?=\S)")
_SPACE_AFTER_OPEN = re.compile(r"([(\[“]) +(?=\w)")
# The next four start with the character they look for, their look-behind after it (it was
# first), so the regex engine skips to the candidates: 4.8 → 1.1 ms per sample, measured (see
# numbers.NUMBER). ``(?<=\w) +`` became `` (?<=\w ) *``, ``(?<=X)([,;])`` ``([,;])(?<=X[,;])``.
_SPACE_BEFORE = re.compile(r" (?<=\w ) *([,;:!?)\]”\ue000]|\.(?!\.))")
_MISSING_AFTER = re.compile(r"([,;])(?<=[^\W\d_][,;])(?=[^\W\d_])")
_MISSING_AFTER_STOP = re.compile(r"(\.)(?<=[a-zđà-ỹ]{2}\.)(?=[A-ZĐÀ-Ỹ][a-zđà-ỹ])")
_RANGE_DASH = re.compile(r"(\d(?<!\d\d)\d{3})( -(?=\d)|-(?= \d))")
_NBSP = re.compile("[\u00a0\u202f\u2007]")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_LIST_MARKER = re.compile(r"(?:^|(?<=\s))[a-zđ0-9]{1,2}\)$")
"""An unmatched ``)`` ending this is a list marker (``a) …; b) …``), not a slip. It spans at
most 3 characters; ``^`` and the look-behind see the whole text whatever the search start."""
_PAIRS = {"(": ")", "[": "]", "“": "”"}
_BRACKET = re.compile("[][()“”]")
"""The characters `_PAIRS` opens or closes."""


def check(ctx: CheckContext) -> None:
    """Report the typing slips of every text."""
    for item in ctx.texts:
        _repeats(ctx, item)
        _spaces(ctx, item)
        _balance(ctx, item)
        _invisible(ctx, item)


def _invisible(ctx: CheckContext, item: TextItem) -> None:
    """Report the first non-breaking and zero-width space of a text, with how many there are."""
    found = _NBSP.findall(item.text)
    if found:
        m = _NBSP.search(item.text)
        more = f" (đoạn này có {len(found)} chỗ)" if len(found) > 1 else ""
        ctx.at(item, m.start(), m.end(), "text.nbsp", WARNING,
               f"dấu cách không ngắt, thường do dán từ Word hoặc PDF{more}; hãy thay bằng dấu "
               "cách thường.", " ")
    m = _ZERO_WIDTH.search(item.text)
    if m:
        ctx.at(item, m.start(), m.end(), "text.zero-width", WARNING,
               f"ký tự vô hình U+{ord(m.group()):04X} lẫn trong văn bản; hãy xóa nó.", "")


def _repeats(ctx: CheckContext, item: TextItem) -> None:
    for m in _REPEAT.finditer(item.text):
        word = m.group(1)
        if word.lower() in _REDUPLICATED or m.group(2)[0].isupper() and not word.isupper():
            continue  # "Đại hội Hội Liên hiệp …": the second word starts a name
        ctx.at(item, m.start(), m.end(), "text.repeated-word", WARNING,
               f"từ '{word}' bị lặp: '{m.group()}' → '{word}'.", word)


def _spaces(ctx: CheckContext, item: TextItem) -> None:
    text = item.text
    for m in _DOUBLE_SPACE.finditer(text) if "  " in text else ():
        ctx.at(item, m.start(), m.end(), "text.double-space", WARNING,
               "hai dấu cách liền nhau; chỉ để một dấu cách.", " ")
    for m in _SPACE_BEFORE.finditer(text):
        what = "chú thích '[^…]'" if m.group(1) == NOTE_MARK else f"'{m.group(1)}'"
        fixed = "" if m.group(1) == NOTE_MARK else m.group(1)
        ctx.at(item, m.start(), m.end(), "text.space-before-punct", WARNING,
               f"dấu cách thừa trước {what}; viết liền với từ đứng trước.", fixed)
    for m in _SPACE_AFTER_OPEN.finditer(text):
        ctx.at(item, m.start(), m.end() + 1, "text.space-before-punct", WARNING,
               f"dấu cách thừa sau '{m.group(1)}'; viết liền với từ đứng sau.", m.group(1))
    for m in [*_MISSING_AFTER.finditer(text), *_MISSING_AFTER_STOP.finditer(text)]:
        ctx.at(item, m.start(), m.end(), "text.missing-space", WARNING,
               f"thiếu dấu cách sau '{m.group(1)}'.", m.group(1) + " ")
    for m in _RANGE_DASH.finditer(text):
        ctx.at(item, m.start(2), m.end(2), "text.missing-space", WARNING,
               f"gạch nối giữa hai năm cần dấu cách ở cả hai bên: '{m.group(1)} - …'.", " - ")


def _balance(ctx: CheckContext, item: TextItem) -> None:
    text = item.text
    stack: list[tuple[str, int]] = []
    # Only the brackets are visited (the loop over every character took 0.9 s at ×50), and a
    # list marker is looked for in the 3 characters it can span, not from the text's start.
    for m in _BRACKET.finditer(text):
        ch, index = m.group(), m.start()
        if ch in _PAIRS:
            stack.append((ch, index))
        elif stack and _PAIRS[stack[-1][0]] == ch:
            stack.pop()
        elif not (ch == ")" and _LIST_MARKER.search(text, max(0, index - 2), index + 1)):
            _unbalanced(ctx, item, index, f"dấu '{ch}' đóng mà không có dấu mở tương ứng.")
            return
    if stack:
        ch, index = stack[0]
        _unbalanced(ctx, item, index, f"dấu '{ch}' mở mà chưa đóng (thiếu '{_PAIRS[ch]}').")
        return
    if text.count('"') % 2:
        _unbalanced(ctx, item, text.rindex('"'), "số dấu ngoặc kép '\"' là số lẻ: có một dấu "
                    "mở hoặc đóng bị thiếu.")


def _unbalanced(ctx: CheckContext, item: TextItem, index: int, message: str) -> None:
    ctx.at(item, index, index + 1, "text.unbalanced", WARNING, message)
