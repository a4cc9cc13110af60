"""The near-linear opcodes: difflib's own result on small inputs, valid and local on large ones."""

from __future__ import annotations

import random
from difflib import SequenceMatcher

from generator.diff.opcodes import MAX_CELLS, opcodes, ratio


def check_valid(a, b, ops) -> int:
    """Assert that `ops` turn `a` into `b` piece by piece; return the elements kept equal."""
    i = j = kept = 0
    for tag, i1, i2, j1, j2 in ops:
        assert (i1, j1) == (i, j), "opcodes must be contiguous"
        if tag == "equal":
            assert a[i1:i2] == b[j1:j2]
            kept += i2 - i1
        i, j = i2, j2
    assert (i, j) == (len(a), len(b))
    return kept


def test_small_inputs_are_difflibs_own_result():
    rng = random.Random(7)
    for _ in range(300):
        a = [rng.choice("ab ") for _ in range(rng.randint(0, 40))]
        b = [rng.choice("ab ") for _ in range(rng.randint(0, 40))]
        expected = SequenceMatcher(None, a, b, autojunk=False)
        assert opcodes(a, b) == expected.get_opcodes()
        assert ratio(a, b) == expected.ratio()


def test_one_edit_in_a_long_repetitive_sequence_stays_one_edit():
    a = list("*a " * 40_000)
    b = a[:60_000] + list("Đã sửa") + a[60_001:]
    assert len(a) * len(b) > MAX_CELLS
    ops = opcodes(a, b)
    assert check_valid(a, b, ops) == len(a) - 1
    assert [op[0] for op in ops] == ["equal", "replace", "equal"]


def test_unique_anchors_split_a_large_changed_middle():
    a = [f"p{i}" for i in range(2000)]
    b = [x if i % 100 else f"{x} đã sửa" for i, x in enumerate(a)]
    ops = opcodes(a, b)
    assert check_valid(a, b, ops) == 2000 - 20
    assert sum(op[0] == "replace" for op in ops) == 20


def test_a_large_middle_without_anchors_is_one_replacement():
    a, b = ["x", *(["a"] * 1000), "y"], ["x", *(["b"] * 1000), "y"]
    assert opcodes(a, b) == [("equal", 0, 1, 0, 1), ("replace", 1, 1001, 1, 1001),
                             ("equal", 1001, 1002, 1001, 1002)]
