"""Word-level differences: inline text cut into words, compared, rebuilt as merged pieces."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import groupby
from typing import NamedTuple

from generator.diff.merged import DEL, INS, SAME, Link, Piece
from generator.diff.opcodes import opcodes, ratio
from generator.model import Inline, NoteRef, Run

# A word keeps its inner separators (7,84 · 4.757 · 09/11/2022 · BC/TU); spaces and other
# punctuation are tokens of their own.
_TOKEN = re.compile(r"\w+(?:[.,/:]\w+)*|\s+|[^\w\s]")


class Token(NamedTuple):
    """A word, a space or a punctuation mark with its formatting, or a footnote reference.

    A named tuple rather than a frozen dataclass: a 20,000-paragraph diff makes 900,000 of
    them, and the dataclass's ``__init__`` was a third of the comparison.
    """

    text: str
    bold: bool = False
    italic: bool = False
    note: int | None = None
    """The footnote number on its own side; references compare equal whatever their number."""

    @property
    def key(self) -> tuple:
        """What compares: (text, bold, italic), or one key for every footnote reference."""
        return _NOTE_KEY if self.note is not None else self[:3]


_NOTE_KEY = ("\x00note",)


def tokens(inlines: Iterable[Inline]) -> tuple[Token, ...]:
    """Return the tokens of `inlines`."""
    out: list[Token] = []
    for item in inlines:
        if isinstance(item, NoteRef):
            out.append(Token("", item.bold, item.italic, item.number))
        elif isinstance(item, Run):
            out.extend(Token(word, item.bold, item.italic) for word in _TOKEN.findall(item.text))
    return tuple(out)


def plain(items: Iterable[Token]) -> str:
    """Return the text of `items`, footnote references left out."""
    return "".join(t.text for t in items)


def similarity(old: Sequence[Token], new: Sequence[Token]) -> float:
    """Return how alike two texts are, 0…1, counting words only."""
    a = [t.key for t in old if not t.text.isspace()]
    b = [t.key for t in new if not t.text.isspace()]
    return ratio(a, b)


def diff(old: Sequence[Token], new: Sequence[Token]) -> tuple[Piece, ...]:
    """Return the merged pieces of `old` → `new`: equal words once, the rest deleted/inserted."""
    a, b = [t.key for t in old], [t.key for t in new]
    if a == b:  # most paragraphs of two versions: no word comparison needed
        return _same(old, new)
    pieces: list[Piece] = []
    for tag, i1, i2, j1, j2 in _smoothed(opcodes(a, b), old):
        if tag == "equal":
            pieces += [_piece(n, SAME, o) for o, n in zip(old[i1:i2], new[j1:j2], strict=True)]
        else:
            pieces += [_piece(t, DEL) for t in old[i1:i2]]
            pieces += [_piece(t, INS) for t in new[j1:j2]]
    return _joined(pieces)


def _same(old: Sequence[Token], new: Sequence[Token]) -> tuple[Piece, ...]:
    """Return the pieces of two equal texts: what `_joined` makes of them, grouped directly."""
    out: list[Piece] = []
    look = lambda pair: (pair[1].bold, pair[1].italic, pair[1].note is not None)  # noqa: E731
    for (bold, italic, note), pairs in groupby(zip(old, new), look):
        if note:
            out += [Piece(SAME, "", bold, italic, Link(o.note, n.note)) for o, n in pairs]
        else:
            out.append(Piece(SAME, "".join(n.text for _, n in pairs), bold, italic))
    return tuple(out)


def whole(items: Sequence[Token], change: str) -> tuple[Piece, ...]:
    """Return `items` as pieces all carrying `change`."""
    return _joined([_piece(t, change) for t in items])


def _smoothed(opcodes: list, old: Sequence[Token]) -> list:
    """Fold spaces left equal between two changes into one change, so edits read as phrases."""
    out: list = []
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        between = 0 < index < len(opcodes) - 1
        if tag == "equal" and between and all(t.text.isspace() for t in old[i1:i2]):
            tag = "replace"
        if tag != "equal" and out and out[-1][0] != "equal":
            _, a1, _, b1, _ = out[-1]
            out[-1] = ("replace", a1, i2, b1, j2)
        else:
            out.append((tag, i1, i2, j1, j2))
    return out


def _piece(token: Token, change: str, old: Token | None = None) -> Piece:
    if token.note is None:
        return Piece(change, token.text, token.bold, token.italic)
    if change == SAME:
        link = Link(old.note if old else None, token.note)
    else:
        link = Link(token.note, None) if change == DEL else Link(None, token.note)
    return Piece(change, "", token.bold, token.italic, link)


def _joined(pieces: list[Piece]) -> tuple[Piece, ...]:
    """Return `pieces` with neighbours of equal change and formatting merged into one.

    The texts of a group are joined once: adding them one by one is quadratic on a long
    paragraph of one change.
    """
    out: list[Piece] = []
    texts: list[str] = []
    for piece in pieces:
        last = out[-1] if out else None
        if (last is not None and piece.link is None and last.link is None
                and (last.change, last.bold, last.italic) ==
                (piece.change, piece.bold, piece.italic)):
            texts.append(piece.text)
            continue
        _close(out, texts)
        out.append(piece)
        texts = [piece.text]
    _close(out, texts)
    return tuple(out)


def _close(out: list[Piece], texts: list[str]) -> None:
    """Give the last piece of `out` the joined `texts` of its group."""
    if out and len(texts) > 1:
        last = out[-1]
        out[-1] = Piece(last.change, "".join(texts), last.bold, last.italic, last.link)
