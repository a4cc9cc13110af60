"""data/variants.txt holds exactly the one-slip variants the syllable lists give today."""

from __future__ import annotations

from generator.checks import lexicon
from generator.checks.vietnamese import syllables


def test_table_matches_the_computation():
    table = lexicon._variant_table()
    assert table.keys() == syllables().reformed, "run make_lexicon.py --variants"
    for syllable, stored in table.items():
        assert tuple(stored.split()) == lexicon.computed_variants(syllable), syllable


def test_a_syllable_outside_the_table_is_computed():
    lexicon.variants.cache_clear()
    assert "hóa" not in lexicon._variant_table()  # the traditional placement is not stored
    assert lexicon.variants("hóa") == lexicon.computed_variants("hóa")
    assert "hoá" in lexicon.variants("hoà")
