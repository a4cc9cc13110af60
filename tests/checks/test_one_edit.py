"""The one-edit index finds exactly the known syllables that generating every edit finds."""

from __future__ import annotations

from generator.checks.vietnamese import syllables


def _generated(word: str, alphabet) -> set[str]:
    """Every string one deletion, insertion or substitution (from `alphabet`) from `word`."""
    out = set()
    for i in range(len(word) + 1):
        head, tail = word[:i], word[i:]
        if tail:
            out.add(head + tail[1:])
        for letter in alphabet:
            out.add(head + letter + tail)
            if tail:
                out.add(head + letter + tail[1:])
    out.discard(word)
    return out


def test_index_equals_generating_every_edit():
    words = syllables()
    known = sorted(words.reformed)
    typed = known[::7] + [w + "n" for w in known[::50]] + [w[1:] for w in known[::50]]
    typed += ["", "x", "Hà", "ab1", "nguyễnn", "truyềnn", "chuần", "tùng", "lamf"]
    for word in typed:
        assert words.one_edit(word) == _generated(word, words.alphabet) & words.reformed, word


def test_the_words_before_the_index_get_the_same_answers():
    from generator.checks.vietnamese import INDEX_AFTER, Syllables

    listed = sorted(syllables().reformed)
    generating, indexed = Syllables(listed), Syllables(listed)
    indexed._edits_generated = INDEX_AFTER  # straight to the index
    typed = ["chuần", "tùng", "lamf", "nguyễnn", "x", "", "truyềnn", "Hà"]
    assert [generating.one_edit(w) for w in typed] == [indexed.one_edit(w) for w in typed]
    assert "_one_letter_less" not in generating.__dict__
    assert "_one_letter_less" in indexed.__dict__
