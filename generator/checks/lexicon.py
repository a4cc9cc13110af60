"""The shipped word list (pairs of syllables), syllable frequencies and one-slip variants."""

from __future__ import annotations

from functools import lru_cache

from generator.checks.vietnamese import (
    _data_lines,
    _one_edit,
    compounds,
    new_style,
    old_style,
    split_tone,
    strip_marks,
    syllables,
)

_CONFUSED_ONSETS = (("ch", "tr"), ("tr", "ch"), ("gi", "d"), ("d", "gi"), ("r", "d"), ("d", "r"),
                    ("r", "gi"), ("gi", "r"))
"""Onsets that sound alike in some dialects and are typed for each other (chuyền/truyền)."""


@lru_cache(maxsize=1)
def word_pairs() -> frozenset[tuple[str, str]]:
    """Return every known two-syllable word or pair inside a longer word (reformed placement)."""
    pairs = set(compounds())
    for words in _long_words():
        pairs.update(zip(words, words[1:]))
    return frozenset(pairs)


def _long_words() -> list[list[str]]:
    return [line.split(" ") for line in _data_lines("words.txt")]


@lru_cache(maxsize=1)
def word_triples() -> frozenset[tuple[str, str, str]]:
    """Return every three neighbouring syllables of a known word (tái định cư)."""
    return frozenset(t for w in _long_words() if len(w) > 2 for t in zip(w, w[1:], w[2:]))


@lru_cache(maxsize=1)
def frequencies() -> dict[str, int]:
    """Return syllable → Zipf frequency × 10 (60: once in a thousand words); absent: rare."""
    out = {}
    for line in _data_lines("syllable-freq.txt"):
        word, _, value = line.partition(" ")
        out[word] = int(value)
    return out


def frequency(syllable: str) -> int:
    """Return how common `syllable` is (Zipf × 10; 0 when it is not listed)."""
    return frequencies().get(syllable, 0)


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Return the shipped place names, lower case, reformed placement (``thanh hoá``)."""
    return frozenset(" ".join(new_style(w) for w in line.lower().split())
                     for line in _data_lines("places.txt"))


@lru_cache(maxsize=1 << 14)
def variants(syllable: str) -> tuple[str, ...]:
    """Return `_variants` of both tone placements of `syllable` (hoạ and họa → học)."""
    old = old_style(syllable)
    found = set(_variants(syllable)) | (set(_variants(old)) if old != syllable else set())
    found.discard(new_style(syllable))
    return tuple(sorted(found))


def _variants(syllable: str) -> tuple[str, ...]:
    """Return the known syllables one slip away from `syllable` (reformed placement).

    A slip is another tone or vowel mark on the same letters (làn → lần, tùng → từng), one letter
    added, dropped or changed with the tone kept (trao → trau, chín → chính; not tăng → tổng),
    or a look-alike onset (chuyền → truyền).
    """
    words = syllables()
    same = words.by_letters.get(strip_marks(syllable), [])
    found = {new_style(w) for w in same}
    tone = split_tone(syllable)[1]
    found.update(w for w in _one_edit(syllable, words.alphabet)
                 if w in words.reformed and split_tone(w)[1] == tone)
    for old, new in _CONFUSED_ONSETS:
        if syllable.startswith(old):
            swapped = new + syllable[len(old):]
            if swapped in words.reformed:
                found.add(swapped)
    return tuple(new_style(w) for w in found)


def same_letters(a: str, b: str) -> bool:
    """Return True if `a` and `b` differ only in their marks (làn, lần)."""
    return strip_marks(a) == strip_marks(b)
