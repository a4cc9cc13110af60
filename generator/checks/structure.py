"""Structure: numbering typed by hand, leftover placeholders, sections with no text."""

from __future__ import annotations

import re

from generator.checks.base import ERROR, WARNING, CheckContext, TextItem

RULES = {
    "structure.manual-numbering": (WARNING, ("đoạn văn hoặc đề mục tự gõ số thứ tự (1. …, a) …, "
                                   "II. …) trong khi baocao tự đánh số.")),
    "structure.empty-section": (WARNING, "mục nhỏ có đề mục nhưng chưa có đoạn văn nào."),
    "text.placeholder": (ERROR, ("chỗ để trống hoặc ghi chú nháp còn sót (…, xxx, TODO, "
                         "[CẦN BỔ SUNG], …%).")),
}

_NUMBERING = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*\.|[IVX]{1,5}\.|[a-zđ]\)|\d{1,2}\))\s+(?=\S)")
_PLACEHOLDER_WORD = re.compile(r"(?<!\w)(?:x{3,}|X{3,}|TODO|FIXME|TBD)(?!\w)")
_BRACKETED = re.compile(r"\[\s*(?:\.{2,}|…|cần bổ sung|bổ sung|chờ số liệu|số liệu|"
                        r"điền[^\]]*|\?+)\s*\]|\(\s*(?:\.{3,}|…)\s*\)", re.IGNORECASE)
_BLANK_FIGURE = re.compile(r"(?:…|\.{3,})\s?%|(?<=\s)(?:…|\.{3,})\s(?=(?:tỷ|triệu|người|"
                           r"đồng|lượt|hộ|ha)\b)")
_NEEDED = ((_PLACEHOLDER_WORD, ("xxx", "XXX", "TODO", "FIXME", "TBD")), (_BRACKETED, ()),
           (_BLANK_FIGURE, ("…", "...")))
"""Each pattern with the strings one of which it needs (none: always run): skipping texts
without them saves 3 ms per sample."""
_ONLY_FILLER = re.compile(r"[\s.…,;:\-–—?_]*")
_NOTE_BREAK = re.compile(r"\n[ \t]*\n")


def check(ctx: CheckContext) -> None:
    """Report typed numbering, leftover placeholders and empty sub-sections."""
    for item in ctx.texts:
        _numbering(ctx, item)
        _placeholders(ctx, item)
    for area in ctx.compiled.areas.values():
        for j, section in enumerate(area.model.sections):
            if not section.paragraphs:
                location = area.source.locate(("sections", j, "heading"))
                ctx.at_location(area.source, location, "structure.empty-section", WARNING,
                                f"mục '{section.heading}' chưa có đoạn văn nào; thêm nội dung "
                                "hoặc bỏ mục này.")


def _numbering(ctx: CheckContext, item: TextItem) -> None:
    if item.kind not in ("paragraph", "heading"):
        return
    m = _NUMBERING.match(item.text)
    if not m:
        return
    typed = m.group().strip()
    if item.kind == "heading":
        why = "baocao tự đánh số đề mục (I., 1., 1.1.)"
    elif item.numbered:
        why = "phần này có 'numbered: true' nên số sẽ bị in hai lần"
    else:
        why = "nếu cần đánh số các đoạn, hãy đặt 'numbered: true' cho phần này"
    ctx.at(item, m.start(), m.end(), "structure.manual-numbering", WARNING,
           f"văn bản tự gõ số thứ tự '{typed}'; {why}. Hãy xóa '{typed}' ở đầu.", "")


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
