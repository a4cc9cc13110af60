"""The shipped word list (pairs of syllables), syllable frequencies and one-slip variants."""

from __future__ import annotations

from functools import lru_cache

from generator.checks.vietnamese import (
    _data_lines,
    _data_text,
    compound_words,
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


def _data_body(name: str) -> str:
    """Return a data file without the comment lines at its top (the only comments it has)."""
    text = _data_text(name)
    start = 0
    while text.startswith("#", start):
        start = text.index("\n", start) + 1
    return text[start:]


def _data_set(name: str) -> frozenset[str]:
    """Return the lines of a data file but its comments, as a set (one split, one set: 25,000
    lines in ≈ 5 ms; filtering the lines through a second set took twice that)."""
    return frozenset(_data_body(name).split("\n")) - {""}


@lru_cache(maxsize=1)
def word_pairs() -> frozenset[str]:
    """Return every known two-syllable word, or two neighbouring syllables of a longer word, as
    ``"first second"`` (reformed placement): what a pair of syllables is looked up as."""
    return _data_set("words.txt") | {f"{a} {b}" for a, b in compounds()}


@lru_cache(maxsize=1)
def word_triples() -> frozenset[str]:
    """Return every three neighbouring syllables of a known word (``"tái định cư"``)."""
    return _data_set("words3.txt") | {" ".join(w[i:i + 3]) for w in compound_words()
                                       for i in range(len(w) - 2)}


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
    """Return `computed_variants(syllable)`, read from data/variants.txt for a known syllable.

    Working them out on the first check cost more than the check itself: the one-edit index
    and about 0.1 ms per distinct syllable (bench/README.md).
    """
    stored = _variant_table().get(syllable)
    return computed_variants(syllable) if stored is None else tuple(stored.split())


@lru_cache(maxsize=1)
def _variant_table() -> dict[str, str]:
    """Return known syllable (reformed placement) → its variants, space-separated."""
    return dict(line.split("\t") for line in _data_body(VARIANTS).split("\n") if line)


VARIANTS = "variants.txt"
"""`computed_variants` of every known syllable, one ``syllable<TAB>variants`` line each; made
by make_lexicon.py from the syllable lists (tests/checks/test_variant_table.py keeps it so)."""


def computed_variants(syllable: str) -> tuple[str, ...]:
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
    found.update(w for w in words.one_edit(syllable) if split_tone(w)[1] == tone)
    for old, new in _CONFUSED_ONSETS:
        if syllable.startswith(old):
            swapped = new + syllable[len(old):]
            if swapped in words.reformed:
                found.add(swapped)
    return tuple(new_style(w) for w in found)


def same_letters(a: str, b: str) -> bool:
    """Return True if `a` and `b` differ only in their marks (làn, lần)."""
    return strip_marks(a) == strip_marks(b)
