"""Structure: numbering typed by hand, leftover placeholders, sections with no text."""

from __future__ import annotations

import re

from generator.checks.base import ERROR, WARNING, CheckContext, TextItem

RULES = {
    "structure.manual-numbering": (WARNING, ("đề mục, hoặc đoạn của phần có 'numbered: true', tự "
                                   "gõ số thứ tự mà baocao cũng in; hoặc số thứ tự gõ tay nhảy "
                                   "cóc, lặp (1., 2., 4.).")),
    "structure.empty-section": (WARNING, "mục nhỏ có đề mục nhưng chưa có đoạn văn nào."),
    "text.placeholder": (ERROR, ("chỗ để trống hoặc ghi chú nháp còn sót (…, xxx, TODO, "
                         "[CẦN BỔ SUNG], …%).")),
}

_NUMBERING = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*\.|[IVX]{1,5}\.|[a-zđ]\)|\d{1,2}\))\s+(?=\S)")
_DIVISION = re.compile(r"(?:Điều|Chương|Mục|Phần)\s+[\dIVXLC]+\b|[A-HJ-UWYZĐ]\.\s")
_PLACEHOLDER_WORD = re.compile(r"(?<!\w)(?:x{3,}|X{3,}|TODO|FIXME|TBD)(?!\w)")
_BRACKETED = re.compile(r"\[\s*(?:\.{2,}|…|cần bổ sung|bổ sung|chờ số liệu|số liệu|"
                        r"điền[^\]]*|\?+)\s*\]|\(\s*(?:\.{3,}|…)\s*\)", re.IGNORECASE)
_DOTS = r"(?:…|\.(?<!\.\.)\.{2,}+)"
_BLANK_FIGURE = re.compile(rf"{_DOTS}\s?%|(?<=\s){_DOTS}\s(?=(?:tỷ|triệu|người|đồng|lượt|hộ|ha)\b)")
r"""``(?<!\.)\.{3,}`` written to start only where a run of dots starts, and taken whole: a
run of 100,000 dots was tried from each of its dots (quadratic, 6.7 s at 20,000)."""
_NEEDED = ((_PLACEHOLDER_WORD, ("xxx", "XXX", "TODO", "FIXME", "TBD")), (_BRACKETED, ()),
           (_BLANK_FIGURE, ("…", "...")))
"""Each pattern with the strings one of which it needs (none: always run): skipping texts
without them saves 3 ms per sample."""
_ONLY_FILLER = re.compile(r"[\s.…,;:\-–—?_]*")
_NOTE_BREAK = re.compile(r"\n[ \t]*\n")


def check(ctx: CheckContext) -> None:
    """Report typed numbering, leftover placeholders and empty sub-sections."""
    outline: dict = {}
    for item in ctx.texts:
        _numbering(ctx, item, outline)
        _placeholders(ctx, item)
    for area in ctx.compiled.areas.values():
        for j, section in enumerate(area.model.sections):
            if not section.paragraphs:
                location = area.source.locate(("sections", j, "heading"))
                ctx.at_location(area.source, location, "structure.empty-section", WARNING,
                                f"mục '{section.heading}' chưa có đoạn văn nào; thêm nội dung "
                                "hoặc bỏ mục này.")


def _numbering(ctx: CheckContext, item: TextItem, outline: dict) -> None:
    """Report typed numbering that baocao prints too (headings, numbered areas) or that skips."""
    if item.kind not in ("paragraph", "heading"):
        return
    m = _NUMBERING.match(item.text)
    if not m:
        if _DIVISION.match(item.text):  # "Điều 2.", "B. …": the lists under it start afresh
            outline.pop((item.source.path, item.path[:-1]), None)
        return
    typed = m.group().strip()
    if item.kind == "heading" or item.numbered:
        why = ("baocao tự đánh số đề mục (I., 1., 1.1.)" if item.kind == "heading"
               else "phần này có 'numbered: true' nên số sẽ bị in hai lần")
        ctx.at(item, m.start(), m.end(), "structure.manual-numbering", WARNING,
               f"văn bản tự gõ số thứ tự '{typed}'; {why}. Hãy xóa '{typed}' ở đầu.", "")
        return
    expected = outline_step(outline.setdefault((item.source.path, item.path[:-1]), {}), typed)
    if expected:
        ctx.at(item, m.start(), m.end(), "structure.manual-numbering", WARNING,
               f"số thứ tự gõ tay '{typed}' không nối tiếp số ở đoạn trước (chờ '{expected}'); "
               "hãy kiểm tra xem có thiếu hoặc lặp mục không.", "")


_LETTERS = "abcdđeghiklmnopqrstuvxy"
_ROMAN = {"I": 1, "V": 5, "X": 10}


def outline_step(state: dict, typed: str) -> str:
    """Record `typed` (``II.``, ``2.``, ``2.1.``, ``b)``) in `state`; return what was expected
    when it does not follow the numbering typed before it ('' when it does).

    Each style is a level (I. > 1. > 1.1. > a) > 1)); a level starts again under a new item of
    a higher level, and any level may start again at its first value (a new list).
    """
    rank, value = _parse(typed)
    for other in [r for r in state if r > rank]:
        del state[other]  # a new "2." starts the "a)" under it afresh
    last = state.get(rank)
    state[rank] = value
    if isinstance(value, tuple):
        parent = state.get(_depth_rank(len(value) - 1))
        parent = (parent,) if isinstance(parent, int) else parent
        if parent is not None and value[:-1] != parent:
            return ".".join(map(str, (*parent, 1))) + "."
        if last is None or value[-1] == 1 or last[:-1] != value[:-1] or value[-1] == last[-1] + 1:
            return ""
        return ".".join(map(str, (*value[:-1], last[-1] + 1))) + "."
    if last is None or value == 1 or value == last + 1:
        return ""
    if rank == 3 and _LETTERS[last - 1] == "d" and value == last + 2:
        return ""  # d) e) without đ)
    return _show(rank, last + 1)


def _parse(typed: str) -> tuple[float, int | tuple[int, ...]]:
    if typed.endswith(")"):
        body = typed[:-1]
        return (4, int(body)) if body.isdigit() else (3, _LETTERS.index(body) + 1)
    body = typed[:-1]
    if body[0] in _ROMAN:
        return 0, _roman(body)
    parts = tuple(int(p) for p in body.split("."))
    return (1, parts[0]) if len(parts) == 1 else (_depth_rank(len(parts)), parts)


def _depth_rank(depth: int) -> float:
    """Return the level of ``1.`` (depth 1), ``1.1.`` (2) …: between ``I.`` and ``a)``."""
    return 1 + (depth - 1) / 10


def _roman(text: str) -> int:
    total = 0
    for ch, nxt in zip(text, text[1:] + " "):
        value = _ROMAN[ch]
        total += -value if nxt in _ROMAN and _ROMAN[nxt] > value else value
    return total


def _show(rank: float, value: int) -> str:
    if rank == 0:
        return next(r for r, v in _ROMANS if v == value) + "." if value <= 20 else f"{value}."
    if rank == 3:
        return (_LETTERS[value - 1] if value <= len(_LETTERS) else "?") + ")"
    return f"{value}" + (")" if rank == 4 else ".")


_ROMANS = [("I", 1), ("II", 2), ("III", 3), ("IV", 4), ("V", 5), ("VI", 6), ("VII", 7),
           ("VIII", 8), ("IX", 9), ("X", 10), ("XI", 11), ("XII", 12), ("XIII", 13),
           ("XIV", 14), ("XV", 15), ("XVI", 16), ("XVII", 17), ("XVIII", 18), ("XIX", 19),
           ("XX", 20)]


def _placeholders(ctx: CheckContext, item: TextItem) -> None:
    text = item.text
    for pattern, needed in _NEEDED:
        if needed and not any(s in text for s in needed):
            continue
        for m in pattern.finditer(text):
            _placeholder(ctx, item, m.start(), m.end(), m.group().strip())
    offset = 0
    for chunk in _NOTE_BREAK.split(text) if item.kind == "note" else [text]:
        start = text.find(chunk, offset)
        offset = start + len(chunk)
        if _ONLY_FILLER.fullmatch(chunk) and chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            _placeholder(ctx, item, start + lead, start + len(chunk.rstrip()), chunk.strip(),
                         alone=True)


def _placeholder(ctx: CheckContext, item: TextItem, start: int, end: int, shown: str,
                 alone: bool = False) -> None:
    what = "đoạn chỉ có" if alone else "còn sót"
    ctx.at(item, start, end, "text.placeholder", ERROR,
           f"{what} '{shown}': chỗ để trống hoặc ghi chú nháp; hãy điền nội dung hoặc xóa đi.")
