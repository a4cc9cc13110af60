"""Word-level differences: inline text cut into words, compared, rebuilt as merged pieces."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
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


class Text:
    """A paragraph's inlines as the comparison sees them, with its tokens made only if asked.

    Most paragraphs of two drafts are equal (19,800 of 20,000 in the benchmark's .docx diff),
    and making their 440,000 tokens was a third of the comparison. `parts` are the note
    references and the runs, neighbours of one formatting joined (empty runs, anchors and
    breaks dropped: they make no token); `key` compares equal exactly when the token keys do.
    Both are flat, or `inlines` itself when nothing is joined or dropped, so that a paragraph
    costs the garbage collector few objects: its passes were half of the comparison.
    """

    __slots__ = ("_tokens", "_words", "inlines", "key", "parts")

    def __init__(self, inlines: Sequence[Inline]):
        self.inlines = inlines
        parts: list[Run | NoteRef] = []
        key: list = []  # None for a note reference, else bold, italic, words: one reading only
        for group in _groups(inlines):
            if isinstance(group, NoteRef):
                parts.append(group)
                key.append(None)
            else:
                part = group[0] if len(group) == 1 else Run("".join(r.text for r in group),
                                                              group[0].bold, group[0].italic)
                parts.append(part)
                key += (part.bold, part.italic, _words(group, part.text))
        self.parts = inlines if len(parts) == len(inlines) else tuple(parts)
        self.key = tuple(key)
        self._tokens: tuple[Token, ...] | None = None
        self._words: list[tuple] | None = None

    @property
    def tokens(self) -> tuple[Token, ...]:
        if self._tokens is None:
            self._tokens = tokens(self.inlines)
        return self._tokens

    @property
    def words(self) -> list[tuple]:
        """The keys `similarity` compares, made once: `align` compares every pair of paragraphs
        of a changed stretch (a fifth of its time was making them again)."""
        if self._words is None:
            self._words = _word_keys(self.tokens)
        return self._words

    @property
    def plain(self) -> str:
        """The text, footnote references left out (the tokens' texts joined)."""
        return "".join([p.text for p in self.parts if isinstance(p, Run)])


def _groups(inlines: Iterable[Inline]) -> Iterable[NoteRef | list[Run]]:
    """Yield the note references, and the neighbouring non-empty runs of one formatting."""
    group: list[Run] = []
    for item in inlines:
        if isinstance(item, NoteRef):
            if group:
                yield group
                group = []
            yield item
        elif isinstance(item, Run) and item.text:
            if group and (group[0].bold, group[0].italic) != (item.bold, item.italic):
                yield group
                group = []
            group.append(item)
    if group:
        yield group


def _words(runs: list[Run], text: str) -> str | tuple[str, ...]:
    """Return what the words of `runs` (their joined `text`) compare by.

    The text itself when cutting it gives the runs' own words, as it always does for one run,
    so that no word is cut; else the runs' words. Both sides of a comparison choose alike, as
    the choice depends only on the words and their joined text.
    """
    if len(runs) == 1:
        return text
    words = [word for run in runs for word in _TOKEN.findall(run.text)]
    return text if words == _TOKEN.findall(text) else tuple(words)


def similarity(old: Sequence[Token], new: Sequence[Token]) -> float:
    """Return how alike two texts are, 0…1, counting words only."""
    return ratio(_word_keys(old), _word_keys(new))


def text_similarity(old: Text, new: Text) -> float:
    """Return `similarity` of two texts."""
    return ratio(old.words, new.words)


def _word_keys(items: Iterable[Token]) -> list[tuple]:
    return [t.key for t in items if not t.text.isspace()]


def diff(old: Text, new: Text) -> tuple[Piece, ...]:
    """Return the merged pieces of `old` → `new`: equal words once, the rest deleted/inserted."""
    if old.key == new.key:  # most paragraphs of two versions: no word comparison needed
        notes = (p.number for p in old.parts if isinstance(p, NoteRef))
        return _from_parts(new, SAME, lambda ref: Link(next(notes), ref.number))
    return diff_tokens(old.tokens, new.tokens)


def diff_tokens(old: Sequence[Token], new: Sequence[Token]) -> tuple[Piece, ...]:
    """Return `diff` of two token sequences, word by word (what `diff` shortens when equal)."""
    a, b = [t.key for t in old], [t.key for t in new]
    pieces: list[Piece] = []
    for tag, i1, i2, j1, j2 in _smoothed(opcodes(a, b), old):
        if tag == "equal":
            pieces += [_piece(n, SAME, o) for o, n in zip(old[i1:i2], new[j1:j2], strict=True)]
        else:
            pieces += [_piece(t, DEL) for t in old[i1:i2]]
            pieces += [_piece(t, INS) for t in new[j1:j2]]
    return _joined(pieces)


def whole(text: Text, change: str) -> tuple[Piece, ...]:
    """Return `text` as pieces all carrying `change`."""
    if change == DEL:
        return _from_parts(text, change, lambda ref: Link(ref.number, None))
    return _from_parts(text, change, lambda ref: Link(None, ref.number))


def _from_parts(text: Text, change: str, link: Callable[[NoteRef], Link]) -> tuple[Piece, ...]:
    """Return one piece per part of `text`: what `_joined` makes of its tokens of one change.

    Every character of a run is in exactly one word (`_TOKEN` matches any character), so a
    part's text is its words joined.
    """
    return tuple([Piece(change, "", p.bold, p.italic, link(p)) if isinstance(p, NoteRef)
                  else Piece(change, p.text, p.bold, p.italic) for p in text.parts])


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
