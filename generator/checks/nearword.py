"""Valid syllables in an impossible word: ``thu đua`` → ``thi đua``, ``làn thứ`` → ``lần thứ``.

Two neighbouring syllables that form no known word, neither of which forms a word with its
other neighbour, while one slip of one of them (`lexicon.variants`) gives a known word, are
probably that word mistyped, if that word is a word of reports or one this report writes often.
A syllable alone between two others is compared with a few very common single words (tùng →
từng).
"""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from generator.checks.base import WARNING, CheckContext, TextItem
from generator.checks.lexicon import (
    frequency,
    same_letters,
    variants,
    word_pairs,
    word_triples,
)
from generator.checks.names import in_name
from generator.checks.vietnamese import compounds, old_style, placement_style

CODE = "spelling.near-word"
MIN_REPEATS = 3
"""A word pair the report writes this often is a word of the report (a name, a term)."""
SINGLE_WORDS = frozenset({"từng", "lần", "những", "được", "cùng", "tỉnh", "huyện"})
"""Very common single words that a slip often leaves as a rarer valid syllable (tùng địa phương)."""
SINGLE_GAP = 9
"""How much more common (Zipf × 10) the single word must be than the syllable typed."""
COMMON_BELOW = 62
"""A syllable at least this common (và, các, đã, về: Zipf × 10) is too often meant to be changed
on the word list alone; the intended word must then be one the report uses."""
BOUND_BELOW = 45
"""A syllable this rare (Zipf × 10) hardly stands alone (khiếu): beside it, even a common word
(khiếu lại → khiếu nại) may be the slip."""
SURE_BELOW = 40
"""A typed syllable rarer than this (Zipf × 10) makes the suggestion likely."""


class Spot(NamedTuple):
    """A place where a word may be mistyped, kept until the report-wide counts are known."""

    item: TextItem
    start: int
    end: int
    typed: tuple[str, ...]
    fixes: tuple[tuple[str, ...], ...]
    """Known words one slip away, before `_likely` (which needs the counts) sorts them out."""


def spots(item: TextItem, keys: list, starts: list[int], out: list) -> None:
    """Append to `out` the spots of one text, given its words (None between non-neighbours)
    and where they start (a word is as long as its key).

    Called by `words.scan_text` with the words it has read. Most words form a word with a
    neighbour, so only the few free ones are looked at further.
    """
    known = word_pairs()
    linked = [False, *(f"{a} {b}" in known for a, b in pairwise(keys)), False]
    text = item.text
    for i, key in enumerate(keys):
        if key is None or linked[i] or linked[i + 1]:
            continue
        start = starts[i]
        if not _checkable(text, start, start + len(key)):
            continue
        after = keys[i + 1] if i + 1 < len(keys) else None
        if after is not None:
            after_start = starts[i + 1]
            fixes = _pair_fixes(key, after, keys[i + 2] if linked[i + 2] else None)
            if fixes and _checkable(text, after_start, after_start + len(after)):
                out.append(Spot(item, start, after_start + len(after), (key, after), fixes))
                continue
        if i and keys[i - 1] is not None and after is not None:
            fixes = _single(key)
            if fixes:
                out.append(Spot(item, start, start + len(key), (key,), fixes))


def _checkable(text: str, start: int, end: int) -> bool:
    """Return True for a word in lower case, or capitalised but not in a name (ban hành Kế …)."""
    return text[start].islower() or not in_name(text, start, end)


def check(ctx: CheckContext, found: list[Spot], repeated: dict[tuple[str, str], int]) -> None:
    """Report the spots whose intended word is likely enough, now that the counts are known."""
    report_words = compounds()
    for spot in found:
        if len(spot.typed) == 2 and repeated.get(spot.typed, 0) >= 2:
            continue  # written twice the same way: meant
        fixes = [f for f in spot.fixes if len(f) == 1 or _likely(f, spot.typed, report_words,
                                                                   repeated)]
        if fixes:
            fixes.sort(key=lambda f: (-repeated.get(f, 0), f not in report_words, f))
            _report(ctx, spot.item, spot.start, spot.end, fixes, spot.typed)


@lru_cache(maxsize=1 << 16)
def _pair_fixes(first: str, second: str, bound: str | None) -> tuple:
    """Return the words one slip away from the pair, most likely first.

    The shipped word list alone lacks too many words (chấm điểm, khơi thông) to judge a pair by:
    the intended word must be one of the words of reports (compounds.txt) or be written
    elsewhere in this report (`_likely`). When `second` forms a word with the next syllable
    `bound` (tài định cư, mức tiêu dùng), only a three-syllable word may be meant (tái định cư).
    The intended word must also be likely (`_likely`), which is known once the report is read.
    """
    known = word_pairs()
    if bound is None:
        fixes = [(v, second) for v in variants(first) if f"{v} {second}" in known]
        fixes += [(first, v) for v in variants(second) if f"{first} {v}" in known]
    else:
        triples = word_triples()
        fixes = [(v, second) for v in variants(first) if f"{v} {second} {bound}" in triples]
    fixes.sort(key=lambda p: (-frequency(p[0] if p[1] == second else p[1]), p))
    return tuple(fixes)


def _likely(fix, typed, report_words, repeated) -> bool:
    """Return True if `fix` is a word of reports or of this report, and more usual than typed."""
    slot = 0 if fix[1] == typed[1] else 1
    if frequency(typed[slot]) >= COMMON_BELOW and frequency(typed[1 - slot]) >= BOUND_BELOW:
        return False  # còn lại đoàn: a common word is more often meant than mistyped
    return fix in report_words or repeated.get(fix, 0) >= MIN_REPEATS


@lru_cache(maxsize=1 << 16)
def _single(key: str) -> tuple:
    typed = frequency(key)
    return tuple((word,) for word in variants(key)
                 if word in SINGLE_WORDS and same_letters(word, key)
                 and frequency(word) - typed >= SINGLE_GAP)[:1]


def _report(ctx: CheckContext, item: TextItem, start: int, end: int, fixes, typed) -> None:
    shown = item.text[start:end]
    words = shown.split(" ")
    options = [_written(fix, words) for fix in fixes[:2]]
    sure = len(fixes) == 1 and all(frequency(t) < SURE_BELOW for t in typed if t not in fixes[0])
    how = "nhiều khả năng" if sure else "có thể"
    other = f" (hoặc '{options[1]}')" if len(options) > 1 else ""
    ctx.at(item, start, end, CODE, WARNING,
           f"'{shown}' không phải từ quen dùng; {how} là lỗi gõ của '{options[0]}'{other}; "
           "hãy kiểm tra lại.", options[0])


def _written(fix: tuple[str, ...], like: list[str]) -> str:
    """Return `fix` in the case and tone placement of the words as written."""
    out = []
    for word, shown in zip(fix, like):
        word = old_style(word) if placement_style(shown.lower()) == "old" else word
        if shown[:1].isupper():
            word = word[:1].upper() + word[1:]
        out.append(word)
    return " ".join(out)
