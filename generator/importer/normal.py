"""Texts as the faithfulness check compares them: `normalize`, and the data's texts in a `Pool`."""

from __future__ import annotations

import re
import unicodedata
from functools import cached_property

from generator.importer.outline import number_prefix

_MARKUP = re.compile(r"\[\^[\w-]+\]|\\(?=[\\*\[_~])|\*+")
_LIST_MARK = re.compile(r"^\s*(?:[-–—+•]\s*|[A-ZĐ]\s*[-.)]\s+)")
_ZERO = re.compile(r"\b0(\d)\b")


def normalize(text: str) -> str:
    """Return `text` as compared: NFC, no markup, no leading number, spaces collapsed, folded.

    ``…`` counts as ``...`` and ``06`` as ``6`` (the build writes dates and ellipses its way).
    """
    if "*" in text or "\\" in text or "[^" in text:  # what _MARKUP removes (a cheap test first)
        text = _MARKUP.sub("", text)
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "")
    text = " ".join(text.split()).replace("…", "...")
    if "0" in text:
        text = _ZERO.sub(r"\1", text)
    found = number_prefix(text)
    rest = _LIST_MARK.sub("", text[found[1]:] if found else text)
    if len(rest) != len(text):  # spaces are collapsed already unless a number went
        rest = " ".join(rest.split())
    return rest.casefold().rstrip(" .;,:")


class Pool:
    """The imported data's texts, normalised: is a source line one of them, or inside one?

    Most lines are a whole text: a set answers them at once, where searching the joined texts
    made a 20,000-paragraph import quadratic (bench: hostile diff).
    """

    def __init__(self, texts: list[str]):
        self._normal: dict[str, str] = {}
        self.texts = {self.normalize(t) for t in texts if t}

    def normalize(self, text: str) -> str:
        """Return `normalize(text)`, worked out once per distinct text of this import.

        A plain paragraph's line is the very string the data holds for it: a 20,000-paragraph
        import normalised 40,047 strings, now 20,040 (bench: hostile diff).
        """
        found = self._normal.get(text)
        if found is None:
            found = self._normal[text] = normalize(text)
        return found

    @cached_property
    def joined(self) -> str:
        """The texts in one string, made only when a line is not a whole text."""
        return "\n".join(sorted(self.texts))

    def __contains__(self, line: str) -> bool:
        return line in self.texts or line in self.joined
