"""Typing slips: doubled words and spaces, spaces around punctuation, quotes and brackets."""

from __future__ import annotations

import re

from generator.checks.base import NOTE_MARK, WARNING, CheckContext, TextItem
from generator.checks.lexicon import word_pairs
from generator.checks.vietnamese import new_style

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
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
"""Invisible characters, with the soft hyphen (c\u00adường) that PDF copies leave in words."""
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
        _invisible(ctx, item)
    _balances(ctx)


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
        if _across_words(item.text, m):
            continue  # "trở thành thành phố": the end of one word, the start of the next
        ctx.at(item, m.start(), m.end(), "text.repeated-word", WARNING,
               f"từ '{word}' bị lặp: '{m.group()}' → '{word}'.", word)


_WORD_BEFORE = re.compile(r"([^\W\d_]+) $")
_WORD_AFTER = re.compile(r" ([^\W\d_]+)")


def _across_words(text: str, m: re.Match) -> bool:
    """Return True if the first copy ends a known word and the second starts one."""
    before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
    after = _WORD_AFTER.match(text, m.end())
    if not before or not after:
        return False
    word, pairs = new_style(m.group(1).lower()), word_pairs()
    return (f"{new_style(before.group(1).lower())} {word}" in pairs
            and f"{word} {new_style(after.group(1).lower())}" in pairs)


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


def _balance(item: TextItem) -> tuple[int, str, str] | None:
    """Return the first bracket or quote problem of a text: (index, message, kind) or None.

    `kind` is ``open“`` or ``close”`` for a curly quote left open or closed without opening
    (a quotation may run over several paragraphs), '' for any other problem.
    """
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
            kind = "close”" if ch == "”" and not stack else ""
            return index, f"dấu '{ch}' đóng mà không có dấu mở tương ứng.", kind
    if stack:
        ch, index = stack[0]
        kind = "open“" if ch == "“" and len(stack) == 1 else ""
        return index, f"dấu '{ch}' mở mà chưa đóng (thiếu '{_PAIRS[ch]}').", kind
    if text.count('"') % 2:
        message = "số dấu ngoặc kép '\"' là số lẻ: có một dấu mở hoặc đóng bị thiếu."
        return text.rindex('"'), message, ""
    return None


def _balances(ctx: CheckContext) -> None:
    """Report unbalanced brackets and quotes; a quotation opened in one paragraph and closed in
    a later one of the same file (an amended clause quoted whole) is no problem."""
    pending = None  # a text whose curly quote is still open, and its problem
    for item in ctx.texts:
        problem = _balance(item)
        if pending and (pending[0].source is not item.source or problem
                        and problem[2] != "close”"):
            _unbalanced(ctx, pending[0], *pending[1][:2])
            pending = None
        if problem is None:
            continue
        if problem[2] == "open“":
            pending = (item, problem)
        elif problem[2] == "close”" and pending:
            pending = None
        else:
            _unbalanced(ctx, item, *problem[:2])
    if pending:
        _unbalanced(ctx, pending[0], *pending[1][:2])


def _unbalanced(ctx: CheckContext, item: TextItem, index: int, message: str) -> None:
    ctx.at(item, index, index + 1, "text.unbalanced", WARNING, message)
