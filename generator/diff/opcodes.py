"""Near-linear opcodes of two sequences: common ends, unique anchors, difflib only on small gaps.

`difflib.SequenceMatcher` is quadratic when elements repeat (every space of a 100,000-character
paragraph, every empty paragraph of a long report): minutes on hostile input. Here the common
prefix and suffix are cut off first; what is left, if large, is split at the elements that occur
exactly once on each side and in the same order (as patience diff does), and only gaps small
enough for difflib are given to it. A gap too large and without such anchors is one replacement.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Hashable, Sequence
from difflib import SequenceMatcher

MAX_CELLS = 250_000
"""Largest gap (old length × new length) handed to difflib."""
MAX_DEPTH = 12
"""Anchor levels tried inside gaps before a large gap is taken as one replacement."""

Opcode = tuple[str, int, int, int, int]


def opcodes(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[Opcode]:
    """Return difflib-style opcodes (equal, replace, delete, insert) turning `a` into `b`.

    Inputs small enough are difflib's own result, unchanged.
    """
    if len(a) * len(b) <= MAX_CELLS:
        return SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    out: list[Opcode] = []
    _gap(a, b, 0, len(a), 0, len(b), out, 0)
    return _merged(out)


def _gap(a, b, i1: int, i2: int, j1: int, j2: int, out: list[Opcode], depth: int) -> None:
    """Append the opcodes of ``a[i1:i2]`` → ``b[j1:j2]``."""
    head = 0
    while i1 + head < i2 and j1 + head < j2 and a[i1 + head] == b[j1 + head]:
        head += 1
    if head:
        out.append(("equal", i1, i1 + head, j1, j1 + head))
        i1, j1 = i1 + head, j1 + head
    tail = 0
    while i1 < i2 - tail and j1 < j2 - tail and a[i2 - tail - 1] == b[j2 - tail - 1]:
        tail += 1
    _middle(a, b, i1, i2 - tail, j1, j2 - tail, out, depth)
    if tail:
        out.append(("equal", i2 - tail, i2, j2 - tail, j2))


def _middle(a, b, i1: int, i2: int, j1: int, j2: int, out: list[Opcode], depth: int) -> None:
    n, m = i2 - i1, j2 - j1
    if not n and not m:
        return
    if not n or not m:
        out.append(("insert" if not n else "delete", i1, i2, j1, j2))
        return
    if n * m <= MAX_CELLS:
        out += [(tag, i1 + x1, i1 + x2, j1 + y1, j1 + y2)
                for tag, x1, x2, y1, y2 in opcodes(a[i1:i2], b[j1:j2])]
        return
    anchors = _unique_anchors(a, b, i1, i2, j1, j2) if depth < MAX_DEPTH else []
    if not anchors:
        out.append(("replace", i1, i2, j1, j2))
        return
    for i, j in anchors:
        _gap(a, b, i1, i, j1, j, out, depth + 1)
        out.append(("equal", i, i + 1, j, j + 1))
        i1, j1 = i + 1, j + 1
    _gap(a, b, i1, i2, j1, j2, out, depth + 1)


def _unique_anchors(a, b, i1: int, i2: int, j1: int, j2: int) -> list[tuple[int, int]]:
    """Return the longest in-order list of (i, j) whose element occurs once on each side."""
    count_a, count_b = Counter(a[i1:i2]), Counter(b[j1:j2])
    where_b = {b[j]: j for j in range(j1, j2) if count_b[b[j]] == 1}
    pairs = [(i, where_b[a[i]]) for i in range(i1, i2)
             if count_a[a[i]] == 1 and a[i] in where_b]
    return _increasing(pairs)


def ratio(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
    """Return how alike `a` and `b` are, 0…1: twice the matched elements over all (difflib's)."""
    if not a and not b:
        return 1.0
    matched = sum(i2 - i1 for tag, i1, i2, _, _ in opcodes(a, b) if tag == "equal")
    return 2.0 * matched / (len(a) + len(b))


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the longest subsequence of `pairs` (sorted by i) whose j increase too."""
    tails: list[int] = []  # tails[k]: the smallest j ending an increasing run of length k + 1
    ends: list[int] = []  # index in `pairs` of that end
    previous: list[int] = []
    for index, (_, j) in enumerate(pairs):
        k = bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            ends.append(index)
        else:
            tails[k], ends[k] = j, index
        previous.append(ends[k - 1] if k else -1)
    chain, index = [], ends[-1] if ends else -1
    while index >= 0:
        chain.append(pairs[index])
        index = previous[index]
    return chain[::-1]


def _merged(ops: list[Opcode]) -> list[Opcode]:
    """Return `ops` with neighbours of the same kind joined, as difflib would give them."""
    out: list[Opcode] = []
    for tag, i1, i2, j1, j2 in ops:
        if out and (out[-1][0] == tag or (tag != "equal" and out[-1][0] != "equal")):
            last, a1, _, b1, _ = out[-1]
            joined = tag if last == tag else "replace"
            out[-1] = (joined, a1, i2, b1, j2)
        else:
            out.append((tag, i1, i2, j1, j2))
    return out
