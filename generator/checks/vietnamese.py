"""Vietnamese syllables: tones, the two tone placements, the shipped syllable list, suggestions."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng
_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])"
_SHAPE = re.compile(rf"{_ONSET}?[aăâeêioôơuưy]{{1,3}}(?:ch|ng|nh|[cmnpt])?")
_OPEN_GLIDE = re.compile(rf"({_ONSET}?)(oa|oe|uy)")
WORD = re.compile(r"[^\W\d_]+")
"""A run of letters: the unit the spelling rules look at."""


@lru_cache(maxsize=1 << 16)
def split_tone(syllable: str) -> tuple[str, str, int]:
    """Return (letters without the tone mark, the tone mark or '', index of the toned letter)."""
    base, tone, pos = [], "", -1
    for i, ch in enumerate(syllable):
        decomposed = unicodedata.normalize("NFD", ch)
        marks = [c for c in decomposed if c in TONE_MARKS]
        if marks:
            tone, pos = marks[0], i
            decomposed = "".join(c for c in decomposed if c not in TONE_MARKS)
        base.append(unicodedata.normalize("NFC", decomposed))
    return "".join(base), tone, pos


def put_tone(base: str, tone: str, pos: int) -> str:
    """Return `base` with `tone` on the letter at `pos`."""
    if not tone or pos < 0:
        return base
    toned = unicodedata.normalize("NFC", unicodedata.normalize("NFD", base[pos]) + tone)
    return base[:pos] + toned + base[pos + 1:]


@lru_cache(maxsize=1 << 16)
def old_style(syllable: str) -> str:
    """Return the traditional placement (``hóa``, ``thủy``) of a reformed one (``hoá``, ``thuỷ``).

    Only open syllables ending in ``oa``, ``oe``, ``uy`` differ; others are returned unchanged.
    """
    base, tone, pos = split_tone(syllable)
    if tone and _OPEN_GLIDE.fullmatch(base.lower()) and pos == len(base) - 1:
        return put_tone(base, tone, pos - 1)
    return syllable


@lru_cache(maxsize=1 << 16)
def new_style(syllable: str) -> str:
    """Return the reformed placement (``hoá``) of a traditional one (``hóa``)."""
    base, tone, pos = split_tone(syllable)
    if tone and _OPEN_GLIDE.fullmatch(base.lower()) and pos == len(base) - 2:
        return put_tone(base, tone, pos + 1)
    return syllable


@lru_cache(maxsize=1 << 16)
def placement_style(syllable: str) -> str:
    """Return ``old``, ``new`` or '' (the placement does not differ) for a lower-case syllable."""
    if old_style(syllable) != syllable:
        return "new"
    if new_style(syllable) != syllable:
        return "old"
    return ""


@lru_cache(maxsize=1 << 16)
def strip_marks(text: str) -> str:
    """Return `text` without any diacritic: ``Đường`` → ``Duong``."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text)
                   if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 16)
def has_shape(word: str) -> bool:
    """Return True if lower-case `word` is shaped like one Vietnamese syllable (onset, vowels, coda).

    Abbreviations (``hđnd``) and most foreign words (``marathon``) are not, so they are skipped.
    """
    base = split_tone(word)[0]
    return bool(_SHAPE.fullmatch(base))


class Syllables:
    """The syllable list, accepting both tone placements."""

    def __init__(self, words: list[str]):
        self.reformed = set(words)
        self.accepted = self.reformed | {old_style(w) for w in words}
        self.by_letters: dict[str, list[str]] = {}
        self.by_tone: dict[tuple[str, str], list[str]] = {}
        for word in sorted(self.accepted):
            self.by_letters.setdefault(strip_marks(word), []).append(word)
            self.by_tone.setdefault(split_tone(word)[:2], []).append(word)

    def __contains__(self, word: str) -> bool:
        return word in self.accepted

    def placements(self, word: str) -> list[str]:
        """Return the accepted spellings of `word` with the same letters and tone elsewhere."""
        return [w for w in self.by_tone.get(split_tone(word)[:2], []) if w != word]

    def suggestions(self, word: str, limit: int = 3) -> list[str]:
        """Return likely intended syllables for unknown lower-case `word`, best first.

        Same letters with other marks first (``chuần`` → ``chuẩn``), then one edit away.
        """
        same = [w for w in self.by_letters.get(strip_marks(word), []) if w != word]
        same.sort(key=lambda w: (distance(w, word), w))
        near = [w for w in self.reformed
                if abs(len(w) - len(word)) <= 1 and w not in same and distance(w, word) == 1]
        near.sort(key=lambda w: (strip_marks(w) != strip_marks(word), w))
        return _unique_styles(same + near)[:limit]


def _unique_styles(words: list[str]) -> list[str]:
    seen, out = set(), []
    for word in words:
        key = new_style(word)
        if key not in seen:
            seen.add(key)
            out.append(word)
    return out


def distance(a: str, b: str) -> int:
    """Return the Levenshtein distance between `a` and `b` (letters with their marks)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _data_lines(name: str) -> list[str]:
    text = resources.files("generator.checks").joinpath("data", name).read_text("utf-8")
    return [line.strip() for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def syllables() -> Syllables:
    """Return the shipped syllable list and baocao's additions (loaded once)."""
    lines = _data_lines("syllables.txt") + _data_lines("syllables-extra.txt")
    return Syllables([unicodedata.normalize("NFC", w) for w in lines])


@lru_cache(maxsize=1)
def compounds() -> frozenset[tuple[str, str]]:
    """Return the shipped two-syllable words (lower case, reformed placement)."""
    pairs = set()
    for line in _data_lines("compounds.txt"):
        parts = unicodedata.normalize("NFC", line).lower().split()
        if len(parts) == 2:
            pairs.add((new_style(parts[0]), new_style(parts[1])))
    return frozenset(pairs)
