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
from dataclasses import dataclass

from generator.model import Anchor, Break, Inline, Run

_TOKEN = re.compile(r"\\([\\*\[\]_~])|(\*\*|\*|__)|\[\^([\w-]+)\]|\[(xuống dòng|sang trang)\]"
                    r"|(?<=\S)(~)(?=\S)")
_BREAKS = {"xuống dòng": "line", "sang trang": "page"}
NBSP = "\u00a0"
_NEWLINES = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")


@dataclass
class _Token:
    kind: str  # "text", "delim", "anchor"
    value: str
    can_open: bool = False
    can_close: bool = False
    matched: bool = False


def parse_inline(text: str) -> list[Inline]:
    """Return the runs and anchors of `text`, with adjacent runs of equal style merged."""
    tokens = _tokenize(flatten_newlines(text))
    _match_delimiters(tokens)
    return _emit(tokens)


def flatten_newlines(text: str) -> str:
    """Return `text` with each line break (and the spaces around it) turned into one space."""
    return _NEWLINES.sub(" ", text)


def anchor_ids(text: str) -> list[str]:
    """Return the footnote ids anchored in `text`, in order (escapes respected)."""
    return [tok.value for tok in _tokenize(text) if tok.kind == "anchor"]


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    pos = 0
    for m in _TOKEN.finditer(text):
        if m.start() > pos:
            tokens.append(_Token("text", text[pos:m.start()]))
        if m.group(1) is not None:
            tokens.append(_Token("text", m.group(1)))
        elif m.group(2) is not None:
            before = text[m.start() - 1] if m.start() else " "
            after = text[m.end()] if m.end() < len(text) else " "
            tokens.append(_Token("delim", m.group(2), not after.isspace(), not before.isspace()))
        elif m.group(3) is not None:
            tokens.append(_Token("anchor", m.group(3)))
        elif m.group(4) is not None:
            tokens.append(_Token("break", _BREAKS[m.group(4)]))
        else:
            tokens.append(_Token("text", NBSP))
        pos = m.end()
    if pos < len(text):
        tokens.append(_Token("text", text[pos:]))
    return tokens


def _match_delimiters(tokens: list[_Token]) -> None:
    open_at: dict[str, int] = {}
    for i, tok in enumerate(tokens):
        if tok.kind != "delim":
            continue
        start = open_at.get(tok.value)
        if start is not None and tok.can_close:
            tokens[start].matched = tok.matched = True
            del open_at[tok.value]
        elif tok.can_open:
            open_at[tok.value] = i


def _emit(tokens: list[_Token]) -> list[Inline]:
    out: list[Inline] = []
    style = {"**": False, "*": False, "__": False}
    for tok in tokens:
        if tok.kind == "anchor":
            out.append(Anchor(tok.value, style["**"], style["*"]))
        elif tok.kind == "break":
            out.append(Break(tok.value))
        elif tok.kind == "delim" and tok.matched:
            style[tok.value] = not style[tok.value]
        else:
            _append_text(out, tok.value, style["**"], style["*"], style["__"])
    return out


def _append_text(out: list[Inline], text: str, bold: bool, italic: bool,
                 underline: bool = False) -> None:
    last = out[-1] if out else None
    if isinstance(last, Run) and (last.bold, last.italic, last.underline) == \
            (bold, italic, underline):
        out[-1] = Run(last.text + text, bold, italic, underline)
    else:
        out.append(Run(text, bold, italic, underline))


def plain_text(inlines: list[Inline] | tuple[Inline, ...]) -> str:
    """Return the visible text of `inlines` (anchors omitted)."""
    return "".join(item.text for item in inlines if isinstance(item, Run))
