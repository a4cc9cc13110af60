"""The checks' shortcuts give what the plain computations give (speed itself lives in bench/)."""

import random
import re
import sys
import unicodedata
from importlib import resources

import pytest

from generator.checks import words
from generator.checks.base import NOTE_MARK, TextItem
from generator.checks.vietnamese import (
    WORD,
    distance,
    new_style,
    old_style,
    placement_style,
    put_tone,
    split_tone,
    strip_marks,
    syllables,
)

DATA = ("syllables.txt", "syllables-extra.txt")


def _plain_lines(name: str) -> list[str]:
    text = resources.files("generator.checks").joinpath("data", name).read_text("utf-8")
    return [unicodedata.normalize("NFC", line.strip()) for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def test_syllable_table_is_the_plain_one():
    """Only syllables ending in a toned a, e or y get a second placement: true of the data."""
    words = [w for name in DATA for w in _plain_lines(name)]
    table = syllables()
    assert table.reformed == set(words)
    assert table.accepted == set(words) | {old_style(w) for w in words}


def test_every_accepted_spelling_is_its_letters_plus_one_tone():
    """What `placements` relies on: a syllable is rebuilt from its letters, tone and position."""
    for word in syllables().accepted:
        assert put_tone(*split_tone(word)) == word


def test_data_is_nfc_one_entry_a_line():
    for name in DATA + ("compounds.txt",):
        text = resources.files("generator.checks").joinpath("data", name).read_text("utf-8")
        assert unicodedata.is_normalized("NFC", text), name
        assert all(line == line.strip() for line in text.splitlines()), name


def _plain_placements(word: str) -> list[str]:
    """The old index: accepted spellings grouped by (letters, tone), in sorted order."""
    key = split_tone(word)[:2]
    return [w for w in sorted(syllables().accepted) if split_tone(w)[:2] == key and w != word]


@pytest.mark.parametrize("word", ["hòan", "hoàn", "hóa", "qúy", "thủy", "uỷ", "khoẻ", "chuần",
                                  "nguyễn", "nguỹen", "gìn", "giừ", "a", "ngoằn"])
def test_placements_match_the_plain_index(word):
    assert syllables().placements(word) == _plain_placements(word)


def _plain_suggestions(word: str, limit: int) -> list[str]:
    """The old search: an edit distance from `word` to every syllable of the list."""
    table = syllables()
    same = [w for w in sorted(table.accepted) if strip_marks(w) == strip_marks(word) and w != word]
    same.sort(key=lambda w: (distance(w, word), w))
    near = [w for w in table.reformed
            if abs(len(w) - len(word)) <= 1 and w not in same and distance(w, word) == 1]
    near.sort(key=lambda w: (strip_marks(w) != strip_marks(word), w))
    seen, out = set(), []
    for w in same + near:
        if new_style(w) not in seen:
            seen.add(new_style(w))
            out.append(w)
    return out[:limit]


@pytest.mark.parametrize("word", ["chuần", "quyêt", "triễn", "chat", "xyz", "nghiêng", "đươc",
                                  "tỉnhh", "a"])
def test_suggestions_match_the_plain_search(word):
    assert syllables().suggestions(word, limit=5) == _plain_suggestions(word, 5)
    assert syllables().suggestions(word) == _plain_suggestions(word, 3)


def _plain_markup(raw: str) -> tuple[str, list[int]]:
    """The old `_strip_markup`: the printed text and one raw offset per character (+ the end)."""
    out, offsets, pos = [], [], 0
    for m in re.finditer(r"(\[\^[\w-]+\])|\\([\\*\[\]])|\*\*|\*", raw):
        out += raw[pos:m.start()]
        offsets += range(pos, m.start())
        if m.group(1) is not None:
            out.append(NOTE_MARK)
            offsets.append(m.start())
        elif m.group(2) is not None:
            out.append(m.group(2))
            offsets.append(m.start() + 1)
        elif m.group().startswith("*"):
            before = raw[m.start() - 1] if m.start() else " "
            after = raw[m.end()] if m.end() < len(raw) else " "
            if before.isspace() and after.isspace():
                out += m.group()
                offsets += range(m.start(), m.end())
        pos = m.end()
    out += raw[pos:]
    offsets += range(pos, len(raw) + 1)
    return "".join(out), offsets


def _texts_with_markup():
    yield from ["", "**", "a**b", "**đậm** và *nghiêng*[^1].", "5 * 3 = 15", "\\*không\\* [^a-b]",
                "[^1][^2]**x**", "a \\\\ b", "* a *", "x*"]
    rng = random.Random(4)
    for _ in range(3000):
        yield "".join(rng.choice(["a", "ệ", " ", "*", "**", "\\", "[^1]", "[", "]", "^"])
                      for _ in range(rng.randrange(1, 12)))


def test_raw_spans_match_the_offset_list():
    for raw in _texts_with_markup():
        item = TextItem(None, ("paragraphs", 0), raw, "paragraph")
        text, offsets = _plain_markup(raw)
        assert item.text == text, raw
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 1):
                expected = offsets[start], offsets[end - 1] + 1 if end > start else offsets[start]
                assert item.raw_span(start, end) == expected, (raw, start, end)


def _plain_tokens(text: str) -> list[tuple[int, int]]:
    """The old per-word check: a `WORD` with no digit or ``{`` on either side."""
    found = []
    for m in WORD.finditer(text):
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if not (before.isdigit() or after.isdigit() or "{" in (before, after)):
            found.append(m.span())
    return found


def test_token_pattern_is_the_per_word_check():
    """``str.isdigit`` and the regex's digits agree next to a word, for every digit there is."""
    digits = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isdigit()]
    for ch in digits + list("{}_ -.,/²"):
        for text in (f"ab{ch}", f"{ch}ab", f"a{ch}b", f"xy {ch}ab cd", f"ab{ch}{ch}cd ef"):
            found = [m.span() for m in words.TOKEN.finditer(text)]
            assert found == _plain_tokens(text), repr(text)


def test_styles_of_known_words_are_the_plain_ones():
    table = syllables()
    for word in table.accepted:
        assert table.styles.get(word, ("", word)) == (placement_style(word), new_style(word))
