"""Pair the paragraphs of two versions: equal ones first, then the most alike in what is left.

Near-linear on long documents: equal paragraphs are found by `opcodes` (common ends, unique
anchors), and the search for edited paragraphs is bounded in pairs and in words compared.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from generator.diff.opcodes import opcodes

T = TypeVar("T")
CUTOFF = 0.5
"""Below this word similarity two paragraphs are a deletion and an insertion, not an edit."""
_MAX_CELLS = 250_000
"""A changed stretch larger than this (rows × columns) is not searched for edited paragraphs."""
_MAX_WORK = 4_000_000
"""Nor one whose pairs would compare more words than this (rows × words + columns × words)."""


def align(old: Sequence[T], new: Sequence[T], key: Callable[[T], Hashable],
          similar: Callable[[T, T], float],
          size: Callable[[T], int] = lambda _: 1) -> list[tuple[T | None, T | None]]:
    """Return (old, new) pairs in reading order; None on one side for a deletion or insertion.

    Equal keys are matched first (longest common stretches); inside each changed stretch the
    pairing with the greatest total similarity, in order, decides which paragraphs were edited.
    `size` is what comparing one paragraph costs (its words), for the bound on that search.
    """
    ids: dict[Hashable, int] = {}  # a key is hashed once here, not at every comparison
    a = [ids.setdefault(key(x), len(ids)) for x in old]
    b = [ids.setdefault(key(x), len(ids)) for x in new]
    out: list[tuple[T | None, T | None]] = []
    for tag, i1, i2, j1, j2 in opcodes(a, b):
        if tag == "equal":
            out += zip(old[i1:i2], new[j1:j2], strict=True)
        else:
            out += _pair_stretch(old[i1:i2], new[j1:j2], similar, size)
    return out


def _searchable(old: Sequence[T], new: Sequence[T], size: Callable[[T], int]) -> bool:
    """Return True if the stretch is small enough to search for edited paragraphs."""
    if len(old) * len(new) > _MAX_CELLS:
        return False
    work = len(new) * sum(map(size, old)) + len(old) * sum(map(size, new))
    return work <= _MAX_WORK


def _pair_stretch(old: Sequence[T], new: Sequence[T], similar: Callable[[T, T], float],
                  size: Callable[[T], int]) -> list[tuple[T | None, T | None]]:
    matches = _best_matches(old, new, similar) if _searchable(old, new, size) else []
    out: list[tuple[T | None, T | None]] = []
    i = j = 0
    for mi, mj in matches + [(len(old), len(new))]:
        out += [(x, None) for x in old[i:mi]]  # deletions before insertions, as Word shows them
        out += [(None, y) for y in new[j:mj]]
        if mi < len(old):
            out.append((old[mi], new[mj]))
        i, j = mi + 1, mj + 1
    return out


def _best_matches(old: Sequence[T], new: Sequence[T],
                  similar: Callable[[T, T], float]) -> list[tuple[int, int]]:
    """Return the in-order pairs (i, j) with similarity ≥ CUTOFF and the greatest total."""
    n, m = len(old), len(new)
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    sims: dict[tuple[int, int], float] = {}
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            s = similar(old[i], new[j])
            sims[i, j] = s
            paired = score[i + 1][j + 1] + s if s >= CUTOFF else -1.0
            score[i][j] = max(score[i + 1][j], score[i][j + 1], paired)
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        s = sims[i, j]
        if s >= CUTOFF and score[i][j] == score[i + 1][j + 1] + s:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs
