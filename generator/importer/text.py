"""Runs → the inline markup baocao reads: ``**bold**``, ``*italic*``, ``[^id]``, escapes.

The inverse of `generator.inline.parse_inline`: ``parse_inline(markup(runs))`` gives the runs
back (whitespace at a formatting edge is written unformatted, which prints the same). Legacy
Vietnamese fonts are converted to Unicode here, by font name, before any text is looked at.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

from generator import legacy
from generator.diagnostics import Diagnostics
from generator.ooxml.reader import Document, NoteRun, Paragraph, TextRun

Item = TextRun | NoteRun
_ESCAPE = re.compile(r"[\\*\[~]|_(?=_)|(?<=_)_")
"""Characters the inline markup would read (``__`` underlines, ``~`` is a fixed space)."""
_NOTE_SPACE = str.maketrans({"\n": " ", "\t": " ", "\r": " "})


def to_unicode_document(document: Document) -> None:
    """Convert every legacy-font run of `document` to Unicode and NFC, in place."""
    paragraphs = list(_all_paragraphs(document))
    encodings: dict[str | None, str | None] = {}  # asked once per font name: there are few
    for run in (r for p in paragraphs for r in p.runs if isinstance(r, TextRun)):
        if run.font not in encodings:
            encodings[run.font] = legacy.font_encoding(run.font)
    used = set(encodings.values()) - {None}
    fallback = next(iter(used)) if len(used) == 1 else None
    for paragraph in paragraphs:
        paragraph.runs = [_unicode_run(r, encodings, fallback) for r in paragraph.runs]


def _all_paragraphs(document: Document) -> Iterable[Paragraph]:
    stack: list = list(document.blocks) + [p for ps in document.notes.values() for p in ps]
    while stack:
        block = stack.pop()
        if isinstance(block, Paragraph):
            yield block
            stack += [p for box in block.textboxes for p in box]
        else:
            stack += block.paragraphs()


def _unicode_run(run: Item, encodings: dict[str | None, str | None],
                 fallback: str | None = None) -> Item:
    """Return `run` in Unicode NFC (`run` itself when that changes nothing).

    `encodings` gives each font's legacy encoding. A run without a legacy font of its own
    (its font set by a table style or a theme) is converted with `fallback`, the document's
    one legacy encoding, when its text reads as that encoding.
    """
    if not isinstance(run, TextRun):
        return run
    encoding = encodings[run.font]
    if encoding is None and fallback and legacy.detect_legacy(run.text) == fallback:
        encoding = fallback
    text = unicodedata.normalize("NFC", legacy.font_text(run.text, run.font, encoding))
    return run if text == run.text else TextRun(text, run.bold, run.italic, run.font)


def plain(items: Iterable[Item]) -> str:
    """Return the visible text of `items` (note references omitted)."""
    return "".join(i.text for i in items if isinstance(i, TextRun))


def strip_prefix(items: list[Item], count: int) -> list[Item]:
    """Return `items` without their first `count` characters of text (and spaces after them)."""
    out = list(items)
    while out and isinstance(out[0], TextRun):
        head = out.pop(0)
        rest = head.text[count:].lstrip()
        count = max(0, count - len(head.text))
        if rest:
            out.insert(0, TextRun(rest, head.bold, head.italic, head.font))
            break
    return out


def markup(items: Iterable[Item], anchor: Callable[[str], str | None],
           drop_uniform: bool = False) -> str:
    """Return `items` as inline markup; `anchor(key)` gives a note's id (None: leave it out).

    With `drop_uniform`, bold or italic covering all the text is not written (a heading's or a
    title's own style).
    """
    segments = _segments(items)
    if drop_uniform:
        texts = [s for s in segments if isinstance(s, TextRun) and s.text.strip()]
        bold, italic = all(s.bold for s in texts), all(s.italic for s in texts)
        segments = [TextRun(s.text, s.bold and not bold, s.italic and not italic)
                    if isinstance(s, TextRun) else NoteRun(s.key) for s in segments]
    out: list[str] = []
    state = (False, False)
    for seg in segments:
        if isinstance(seg, NoteRun):
            note_id = anchor(seg.key)
            if note_id is not None:
                out.append(f"[^{note_id}]")
            continue
        out.append(_toggles(state, (seg.bold, seg.italic)))
        out.append(_ESCAPE.sub(r"\\\g<0>", seg.text))
        state = (seg.bold, seg.italic)
    out.append(_toggles(state, (False, False)))
    return "".join(out)


def _toggles(old: tuple[bool, bool], new: tuple[bool, bool]) -> str:
    # Bold's ``**`` always comes before italic's ``*``: "***" then reads as "**" + "*", which the
    # parser toggles in that order whether each one opens or closes.
    return ("**" if old[0] != new[0] else "") + ("*" if old[1] != new[1] else "")


def _segments(items: Iterable[Item]) -> list[Item]:
    """Return text runs with flattened breaks, edge whitespace unformatted, equal runs merged."""
    pieces: list[Item] = []
    for item in items:
        if isinstance(item, NoteRun):
            pieces.append(item)
            continue
        text = item.text
        if "\n" in text or "\t" in text or "\r" in text:  # translate is slow on Vietnamese
            text = text.translate(_NOTE_SPACE)
        core = text.strip()
        if not core:
            pieces.append(TextRun(text))
            continue
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        pieces += [TextRun(lead), TextRun(core, item.bold, item.italic), TextRun(trail)] \
            if lead or trail else [TextRun(core, item.bold, item.italic)]
    pieces = _trim([p for p in pieces if not isinstance(p, TextRun) or p.text])
    return _merge(pieces)


def _trim(pieces: list[Item]) -> list[Item]:
    """Drop whitespace at the start and end of the paragraph."""
    while pieces and isinstance(pieces[0], TextRun) and not pieces[0].text.strip():
        pieces.pop(0)
    while pieces and isinstance(pieces[-1], TextRun) and not pieces[-1].text.strip():
        pieces.pop()
    return pieces


def _merge(pieces: list[Item]) -> list[Item]:
    """Merge neighbours of equal format; spaces take the formatting both neighbours share."""
    out: list[Item] = []
    for i, piece in enumerate(pieces):
        if isinstance(piece, TextRun) and not piece.text.strip() and 0 < i < len(pieces) - 1:
            before, after = out[-1], pieces[i + 1]
            if isinstance(before, TextRun) and isinstance(after, TextRun):
                piece = TextRun(piece.text, before.bold and after.bold,
                                before.italic and after.italic)
        last = out[-1] if out else None
        if isinstance(piece, TextRun) and isinstance(last, TextRun) \
                and (last.bold, last.italic) == (piece.bold, piece.italic):
            out[-1] = TextRun(last.text + piece.text, last.bold, last.italic)
        else:
            out.append(piece)
    return out


class NoteScope:
    """The footnotes of one YAML file: Word's notes renumbered 1…n in reading order."""

    def __init__(self, document: Document, diagnostics: Diagnostics):
        self.document = document
        self.diagnostics = diagnostics
        self.notes: dict[str, str] = {}

    def anchor(self, key: str) -> str | None:
        """Return the local id for Word note `key`, adding its text to `notes`."""
        paragraphs = self.document.notes.get(key)
        if paragraphs is None:
            self.diagnostics.warning("import.note-missing", f"tham chiếu chú thích số {key[1:]} "
                                     "không có nội dung trong tệp Word; đã bỏ tham chiếu.")
            return None
        if key.startswith("e"):
            self.diagnostics.warning("import.endnote", "chú thích cuối văn bản (endnote) được "
                                     "chuyển thành chú thích cuối trang.")
        note_id = str(len(self.notes) + 1)
        texts = [markup(p.runs, self._nested) for p in paragraphs]
        self.notes[note_id] = "\n\n".join(t for t in texts if t) or "…"
        return note_id

    def _nested(self, key: str) -> None:
        self.diagnostics.warning("import.note-nested", "chú thích nằm trong một chú thích khác "
                                 "(Word cho phép, baocao thì không); đã bỏ tham chiếu bên trong.")
