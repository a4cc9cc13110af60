"""The comparison's shortcuts give exactly what the word-by-word comparison gives.

`words.Text` compares paragraphs without cutting them into tokens, builds the pieces of an
equal paragraph, or of one that came or went, straight from its runs, and keeps the words it
compares for similarity. Random paragraphs (a seeded generator) and their near-copies, split
into runs differently, check each shortcut against the tokens.
"""

from __future__ import annotations

import random

import pytest

from generator.diff.merged import DEL, INS
from generator.diff.words import (
    _TOKEN,
    Text,
    _joined,
    _piece,
    diff,
    diff_tokens,
    similarity,
    text_similarity,
    tokens,
    whole,
)
from generator.model import Anchor, Break, NoteRef, Run

_CHARS = "ab Đồ_79,.:/-%\t\n"
"""Letters, digits, the separators a word keeps inside, spaces and punctuation."""
CASES = 3000


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(_CHARS) for _ in range(rng.randrange(0, 9)))


def _paragraph(rng: random.Random) -> list:
    out: list = []
    for _ in range(rng.randrange(0, 7)):
        roll = rng.random()
        if roll < 0.15:
            out.append(NoteRef(rng.randrange(1, 9), rng.random() < 0.3))
        elif roll < 0.2:
            out.append(rng.choice([Break("line"), Anchor("x")]))
        else:
            out.append(Run(_text(rng), rng.random() < 0.3, rng.random() < 0.2))
    return out


def _near_copy(rng: random.Random, inlines: list) -> list:
    """Return `inlines` cut into runs anew (same text and formatting), notes renumbered, maybe
    one character changed: often the same words, sometimes not."""
    out: list = []
    for item in inlines:
        if isinstance(item, NoteRef):
            out.append(NoteRef(rng.randrange(1, 9), rng.random() < 0.3))
        elif isinstance(item, Run):
            cut = rng.randrange(0, len(item.text) + 1)
            out += [Run(item.text[:cut], item.bold, item.italic),
                    Run(item.text[cut:], item.bold, item.italic, underline=True)]
        if rng.random() < 0.1:
            out.append(rng.choice([Run(""), Break("page"), Anchor("y")]))
    if out and rng.random() < 0.2:
        index = rng.randrange(len(out))
        if isinstance(out[index], Run):
            out[index] = Run(out[index].text + rng.choice(_CHARS), out[index].bold)
    return out


def _pairs():
    rng = random.Random(20261201)
    for _ in range(CASES):
        old = _paragraph(rng)
        yield old, _near_copy(rng, old) if rng.random() < 0.8 else _paragraph(rng)


def _keys(inlines) -> list:
    return [t.key for t in tokens(inlines)]


def test_every_character_is_in_exactly_one_word():
    rng = random.Random(7)
    for _ in range(CASES):
        text = _text(rng) * rng.randrange(1, 4)
        assert "".join(_TOKEN.findall(text)) == text


def test_text_keys_are_equal_exactly_when_the_token_keys_are():
    equal = 0
    for old, new in _pairs():
        same = _keys(old) == _keys(new)
        assert (Text(old).key == Text(new).key) == same, (old, new)
        equal += same
    assert CASES // 4 < equal < CASES  # both outcomes were tried, many times


def test_diff_of_texts_is_the_word_by_word_diff():
    shortcut = 0
    for old, new in _pairs():
        a, b = Text(old), Text(new)
        assert diff(a, b) == diff_tokens(tokens(old), tokens(new)), (old, new)
        shortcut += a.key == b.key
    assert shortcut > CASES // 4


@pytest.mark.parametrize("change", [DEL, INS])
def test_a_whole_text_is_its_tokens_joined(change):
    for old, _ in _pairs():
        assert whole(Text(old), change) == _joined([_piece(t, change) for t in tokens(old)]), old


def test_plain_text_is_the_tokens_text():
    for old, new in _pairs():
        assert Text(old).plain == "".join(t.text for t in tokens(old))
        assert Text(new).plain == "".join(t.text for t in tokens(new))


def test_the_similarity_of_texts_is_that_of_their_tokens():
    for old, new in _pairs():
        a, b = Text(old), Text(new)
        assert text_similarity(a, b) == similarity(tokens(old), tokens(new)), (old, new)
        assert text_similarity(a, b) == text_similarity(a, b)  # its words made once, kept
