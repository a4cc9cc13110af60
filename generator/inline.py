"""Inline markup of paragraph and note text: ``**bold**``, ``*italic*``, ``[^id]`` anchors.

Rules (a small, predictable subset of Markdown):

- ``**`` and ``*`` open only when followed by a non-space character and close only when preceded
  by one, so ``5 * 3`` and a lone ``*`` stay literal; an opener that is never closed stays literal.
- ``\\*``, ``\\[`` and ``\\\\`` write the character itself.
- ``[^id]`` is a footnote anchor; ids are letters, digits, ``-`` and ``_``.
- Line breaks inside a paragraph become spaces: a new paragraph is a new list item.
- ``__gạch chân__`` underlines (same rules as ``**``); ``[xuống dòng]`` is a line break inside
  the paragraph (Word's Shift+Enter), ``[sang trang]`` a page break; ``~`` between two
  characters is a non-breaking space (``số~07``); ``\\_`` and ``\\~`` write the character.
"""

from __future__ import annotations

import re

from generator.model import Anchor, Break, Inline, Run

_TOKEN = re.compile(r"\\([\\*\[\]_~])|(\*\*|\*|__)|\[\^([\w-]+)\]|\[(xuống dòng|sang trang)\]"
                    r"|(?<=\S)(~)(?=\S)")
_BREAKS = {"xuống dòng": "line", "sang trang": "page"}
NBSP = "\u00a0"
_SPECIAL = re.compile(r"[\\*\[_~]")
"""A text without these characters is one plain run (most paragraphs)."""
_LINE_BREAK = re.compile(r"\r\n|\r")
_BLANKS = " \t"

# A token is a tuple (kind, value, can_open, can_close); kinds:
_TEXT, _DELIM, _ANCHOR, _BREAK = 0, 1, 2, 3


def parse_inline(text: str) -> list[Inline]:
    """Return the runs and anchors of `text`, with adjacent runs of equal style merged.

    Linear in the length of `text`, whatever it holds (issue 11: tens of thousands of ``*``).
    """
    text = flatten_newlines(text)
    if _SPECIAL.search(text) is None:
        return [Run(text, False, False)] if text else []
    tokens = _tokenize(text)
    return _emit(tokens, _match_delimiters(tokens))


def flatten_newlines(text: str) -> str:
    """Return `text` with each line break (and the spaces around it) turned into one space.

    Split and strip rather than one regex: ``[ \\t]*\\n`` retried at every blank of a long
    run of spaces without a line break is quadratic (minutes for 100,000 spaces).
    """
    if "\n" not in text and "\r" not in text:
        return text
    lines = _LINE_BREAK.sub("\n", text).split("\n")
    parts = [line.strip(_BLANKS) for line in lines]
    parts[0], parts[-1] = lines[0].rstrip(_BLANKS), lines[-1].lstrip(_BLANKS)
    return " ".join(parts)


def anchor_ids(text: str) -> list[str]:
    """Return the footnote ids anchored in `text`, in order (escapes respected)."""
    return [m.group(3) for m in _TOKEN.finditer(text) if m.group(3) is not None]


def _tokenize(text: str) -> list[tuple]:
    tokens: list[tuple] = []
    append, pos, end = tokens.append, 0, len(text)
    for m in _TOKEN.finditer(text):
        start, stop = m.span()
        if start > pos:
            append((_TEXT, text[pos:start], False, False))
        escaped, delim, anchor, broken, _tilde = m.groups()
        if escaped is not None:
            append((_TEXT, escaped, False, False))
        elif delim is not None:
            before = text[start - 1] if start else " "
            after = text[stop] if stop < end else " "
            append((_DELIM, delim, not after.isspace(), not before.isspace()))
        elif anchor is not None:
            append((_ANCHOR, anchor, False, False))
        elif broken is not None:
            append((_BREAK, _BREAKS[broken], False, False))
        else:
            append((_TEXT, NBSP, False, False))  # ~ between two characters
        pos = stop
    if pos < end:
        append((_TEXT, text[pos:], False, False))
    return tokens


def _match_delimiters(tokens: list[tuple]) -> set[int]:
    """Return the indices of the delimiters that pair up (the latest opener of each kind)."""
    matched: set[int] = set()
    open_at: dict[str, int] = {}
    for i, (kind, value, can_open, can_close) in enumerate(tokens):
        if kind != _DELIM:
            continue
        start = open_at.get(value)
        if start is not None and can_close:
            matched.add(start)
            matched.add(i)
            del open_at[value]
        elif can_open:
            open_at[value] = i
    return matched


def _emit(tokens: list[tuple], matched: set[int]) -> list[Inline]:
    """Return the inlines; text of one style is collected in pieces and joined once."""
    out: list[Inline] = []
    pieces: list[str] = []
    style = (False, False, False)
    bold = italic = underline = False
    for i, (kind, value, _, _) in enumerate(tokens):
        if kind == _DELIM and i in matched:
            if value == "**":
                bold = not bold
            elif value == "__":
                underline = not underline
            else:
                italic = not italic
            continue
        if pieces and (kind in (_ANCHOR, _BREAK) or style != (bold, italic, underline)):
            out.append(Run("".join(pieces), *style))
            pieces = []
        if kind == _ANCHOR:
            out.append(Anchor(value, bold, italic))
        elif kind == _BREAK:
            out.append(Break(value))
        else:
            style = (bold, italic, underline)
            pieces.append(value)
    if pieces:
        out.append(Run("".join(pieces), *style))
    return out


def plain_text(inlines: list[Inline] | tuple[Inline, ...]) -> str:
    """Return the visible text of `inlines` (anchors omitted)."""
    return "".join(item.text for item in inlines if isinstance(item, Run))
