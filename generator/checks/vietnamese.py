"""Vietnamese syllables: tones, the two tone placements, the shipped syllable list, suggestions."""

from __future__ import annotations

import re
import unicodedata
from functools import cached_property, lru_cache
from importlib import resources
from itertools import pairwise

TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng
_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])"
_SHAPE = re.compile(rf"{_ONSET}?[aăâeêioôơuưy]{{1,3}}(?:ch|ng|nh|[cmnpt])?")
_OPEN_GLIDE = re.compile(rf"({_ONSET}?)(oa|oe|uy)")
WORD = re.compile(r"[^\W\d_]+")
"""A run of letters: the unit the spelling rules look at."""


class _CharParts(dict):
    """Character → (the character without its tone mark, the tone mark or ''), filled on use.

    `split_tone` used to normalise every character of every syllable twice; looking each
    distinct character up once makes it 3× faster (11 → 3.4 ms for the 6,685 syllables).
    """

    def __missing__(self, ch: str) -> tuple[str, str]:
        decomposed = unicodedata.normalize("NFD", ch)
        marks = [c for c in decomposed if c in TONE_MARKS]
        if marks:
            decomposed = "".join(c for c in decomposed if c not in TONE_MARKS)
        parts = self[ch] = (unicodedata.normalize("NFC", decomposed), marks[0] if marks else "")
        return parts


_PARTS = _CharParts()


@lru_cache(maxsize=1 << 16)
def split_tone(syllable: str) -> tuple[str, str, int]:
    """Return (letters without the tone mark, the tone mark or '', index of the toned letter)."""
    if syllable.isascii():
        return syllable, "", -1
    base, tone, pos = [], "", -1
    for i, ch in enumerate(syllable):
        letter, mark = _PARTS[ch]
        if mark:
            tone, pos = mark, i
        base.append(letter)
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


class _Unmarked(dict):
    """Code point → the character without diacritics, for `str.translate`; filled on use.

    Stripping is per character: NFD only reorders combining marks, and all of them go.
    """

    def __missing__(self, code: int) -> str:
        ch = chr(code).replace("đ", "d").replace("Đ", "D")
        value = self[code] = "".join(c for c in unicodedata.normalize("NFD", ch)
                                     if not unicodedata.combining(c))
        return value


_UNMARKED = _Unmarked()


@lru_cache(maxsize=1 << 16)
def strip_marks(text: str) -> str:
    """Return `text` without any diacritic: ``Đường`` → ``Duong``."""
    return text.translate(_UNMARKED)


@lru_cache(maxsize=1 << 16)
def has_shape(word: str) -> bool:
    """Return True if lower-case `word` is shaped like one Vietnamese syllable (onset, vowels, coda).

    Abbreviations (``hđnd``) and most foreign words (``marathon``) are not, so they are skipped.
    """
    base = split_tone(word)[0]
    return bool(_SHAPE.fullmatch(base))


INDEX_AFTER = 16
"""Words whose one-edit neighbours are generated before `Syllables.one_edit` builds its index."""
_GLIDE_ENDS = frozenset(unicodedata.normalize("NFC", v + t) for v in "aeyAEY" for t in TONE_MARKS)
"""Last letters of the only syllables whose two placements differ (hoá/hóa, khoẻ/khỏe, uỷ/ủy)."""


class Syllables:
    """The syllable list, accepting both tone placements.

    Loading it takes ≈ 2.5 ms (it took 31 ms): only syllables that end in a toned a, e or y
    can have a second placement, as the list is NFC with one tone per syllable
    (`tests/checks/test_fast_paths.py` checks that this gives the set that converting every
    entry gives). The index used for suggestions is built on the first unknown word.
    """

    def __init__(self, words: list[str]):
        self.reformed = set(words)
        olds = {old_style(w): w for w in words if w[-1:] in _GLIDE_ENDS}
        olds = {old: new for old, new in olds.items() if old != new}
        self.accepted = self.reformed | olds.keys()
        # Accepted spellings whose placement differs → (`placement_style`, `new_style`); for
        # all others ('', the spelling). One look-up per known word instead of working out both
        # placements letter by letter.
        self.styles = {new: ("new", new) for new in olds.values()}
        self.styles.update((old, ("old", new)) for old, new in olds.items())
        self._suggested: dict[str, tuple[str, ...]] = {}
        self._edits_generated = 0

    def __contains__(self, word: str) -> bool:
        return word in self.accepted

    @cached_property
    def by_letters(self) -> dict[str, list[str]]:
        """Letters without diacritics → the accepted spellings (``chuan`` → chuẩn, chuân …)."""
        words = list(self.accepted)
        # One `translate` of all the words: 4 → 2.7 ms against one `strip_marks` per word.
        stripped = "\n".join(words).translate(_UNMARKED).split("\n")
        index: dict[str, list[str]] = {}
        for word, letters in zip(words, stripped, strict=True):
            index.setdefault(letters, []).append(word)
        return index

    @cached_property
    def alphabet(self) -> frozenset[str]:
        """Every letter used by the reformed syllables (what one edit can insert)."""
        return frozenset("".join(self.reformed))

    @cached_property
    def _one_letter_less(self) -> dict[tuple[int, str], list[str]]:
        """(position, syllable without the letter there) → the reformed syllables giving it."""
        index: dict[tuple[int, str], list[str]] = {}
        for word in self.reformed:
            for i in range(len(word)):
                index.setdefault((i, word[:i] + word[i + 1:]), []).append(word)
        return index

    def one_edit(self, word: str) -> set[str]:
        """Return the reformed syllables one deletion, insertion or substitution from `word`.

        The same set as generating every such string (letters from `alphabet`) and keeping the
        known ones, from an index: a dozen look-ups instead of about a thousand strings. The
        index costs as much as generating the edits of about fifty words (15 ms against 0.3 ms
        a word), so the first `INDEX_AFTER` words (a report has a few unknown ones) are
        answered by generating them.
        """
        if "_one_letter_less" not in self.__dict__ and self._edits_generated < INDEX_AFTER:
            self._edits_generated += 1
            return self._generated(word) & self.reformed
        index, found = self._one_letter_less, set()
        for i in range(len(word) + 1):
            found.update(index.get((i, word), ()))  # a letter inserted at i
            if i < len(word):
                shorter = word[:i] + word[i + 1:]
                if shorter in self.reformed:  # the letter at i deleted
                    found.add(shorter)
                found.update(index.get((i, shorter), ()))  # the letter at i replaced
        found.discard(word)
        return found

    def _generated(self, word: str) -> set[str]:
        """Return every string one deletion, insertion or substitution from `word`."""
        out = set()
        for i in range(len(word) + 1):
            head, tail = word[:i], word[i:]
            if tail:
                out.add(head + tail[1:])
            for letter in self.alphabet:
                out.add(head + letter + tail)
                if tail:
                    out.add(head + letter + tail[1:])
        out.discard(word)
        return out

    def placements(self, word: str) -> list[str]:
        """Return the accepted spellings of `word` with the same letters and tone elsewhere."""
        base, tone, _ = split_tone(word)
        moved = {put_tone(base, tone, pos) for pos in range(len(base))}
        return sorted(w for w in moved if w in self.accepted and w != word)

    def suggestions(self, word: str, limit: int = 3) -> list[str]:
        """Return likely intended syllables for unknown lower-case `word`, best first.

        Same letters with other marks first (``chuần`` → ``chuẩn``), then one edit away.
        """
        # Computed once per distinct word: a report repeats its slips (×50: 50 times the
        # same word, 46 ms each with the old scan of the whole list, 2.3 s in all).
        found = self._suggested.get(word)
        if found is None:
            found = self._suggested[word] = self._suggest(word)
        return list(found[:limit])

    def _suggest(self, word: str) -> tuple[str, ...]:
        same = [w for w in self.by_letters.get(strip_marks(word), []) if w != word]
        same.sort(key=lambda w: (distance(w, word), w))
        # The syllables at distance 1 are the one-edit variants that are in the list: about
        # 1,000 set look-ups instead of an edit distance to each of the 6,600 syllables.
        taken = set(same)
        near = [w for w in self.one_edit(word) if w not in taken]
        near.sort(key=lambda w: (strip_marks(w) != strip_marks(word), w))
        return tuple(_unique_styles(same + near))


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


def _data_text(name: str) -> str:
    text = resources.files("generator.checks").joinpath("data", name).read_text("utf-8")
    # One check of the whole file instead of normalising each of its 6,600 lines.
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _data_lines(name: str) -> list[str]:
    return [line for line in map(str.strip, _data_text(name).splitlines())
            if line and line[0] != "#"]


@lru_cache(maxsize=1)
def syllables() -> Syllables:
    """Return the shipped syllable list and baocao's additions (loaded once)."""
    return Syllables(_data_lines("syllables.txt") + _data_lines("syllables-extra.txt"))


@lru_cache(maxsize=1)
def compounds() -> frozenset[tuple[str, str]]:
    """Return the shipped words of reports as pairs of neighbouring syllables (lower case,
    reformed placement): ``tái định cư`` gives (tái, định) and (định, cư)."""
    return frozenset(pair for words in compound_words() for pair in pairwise(words))


@lru_cache(maxsize=1)
def compound_words() -> tuple[tuple[str, ...], ...]:
    """Return the shipped words of reports, each as its syllables (reformed placement)."""
    return tuple(tuple(new_style(w) for w in line.lower().split())
                 for line in _data_lines("compounds.txt"))
