"""Rebuild syllables.txt, words.txt, syllable-freq.txt and variants.txt (by a developer).

Usage: ``pip download --no-deps pyvi==0.1.1 && unzip -o pyvi-0.1.1-*.whl 'pyvi/models/words.txt'
&& pip install wordfreq==3.1.1 && python generator/checks/data/make_lexicon.py
pyvi/models/words.txt``. After editing syllables-extra.txt alone: ``python
generator/checks/data/make_lexicon.py --variants``. Sources and licences: NOTICE at the top of
the project.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from itertools import pairwise
from pathlib import Path

HERE = Path(__file__).parent
PYVI = """\
# Derived from the word list pyvi/models/words.txt of pyvi 0.1.1 (Python Vietnamese Toolkit,
# https://github.com/trungtv/pyvi), Copyright (c) 2016 Viet-Trung Tran, MIT License (text in
# NOTICE). Changes: lower-cased, NFC, reformed tone placement (hoá, thuỷ), sorted.
# Rebuild with generator/checks/data/make_lexicon.py.
"""
SYLLABLES = """\
# Vietnamese syllables, one per line, lower case, reformed tone placement (hoá, thuỷ, uỷ).
# baocao also accepts the traditional placement (hóa, thủy, ủy) of every entry. Every syllable
# of a word of the list below that is shaped like one Vietnamese syllable (no HĐND, no Telex).
"""
WORDS = """\
# Vietnamese words of two syllables, and every two neighbouring syllables of longer words, one
# pair per line: what spelling.near-word and text.repeated-word take as real words.
"""
WORDS3 = """\
# Every three neighbouring syllables of Vietnamese words of three or more syllables (tái định
# cư), one per line: what spelling.near-word may suggest inside a longer word.
"""
VARIANTS = """\
# Each known syllable (syllables.txt and syllables-extra.txt, reformed placement), a tab, then
# the known syllables one slip away from it (generator.checks.lexicon.computed_variants), sorted:
# precomputed, because working them out took longer than a whole check. Derived from the
# syllable lists above (see their headers; pyvi 0.1.1, MIT License, text in NOTICE).
# Rebuild with generator/checks/data/make_lexicon.py --variants.
"""
FREQ = """\
# How common each syllable of syllables.txt is in Vietnamese text: the Zipf frequency
# (log10 of occurrences per billion words) times 10, from wordfreq 3.1.1 (Robyn Speer,
# https://github.com/rspeer/wordfreq), whose data is licensed CC BY-SA 4.0
# (https://creativecommons.org/licenses/by-sa/4.0/); this file is under that licence too.
# Syllables missing here are rarer than the rarest listed. Rebuild with make_lexicon.py.
"""


def main(words_txt: Path) -> None:
    """Write the three data files derived from pyvi's word list and wordfreq."""
    import wordfreq

    from generator.checks.vietnamese import has_shape, new_style

    entries = [unicodedata.normalize("NFC", line.strip()).lower().split()
               for line in words_txt.read_text("utf-8").splitlines()]
    entries = [[new_style(s) for s in e] for e in entries if e]
    syllables = sorted({s for e in entries for s in e if has_shape(s) and _spelled(s)})
    long = [e for e in entries if len(e) > 1 and all(map(has_shape, e))]
    pairs = sorted({f"{a} {b}" for e in long for a, b in pairwise(e)})
    triples = sorted({" ".join(t) for e in long for t in zip(e, e[1:], e[2:])})
    _write("syllables.txt", SYLLABLES + PYVI, syllables)
    _write("words.txt", WORDS + PYVI, pairs)
    _write("words3.txt", WORDS3 + PYVI, triples)
    freq = []
    for s in syllables:
        zipf = max(wordfreq.zipf_frequency(s, "vi"), wordfreq.zipf_frequency(_old(s), "vi"))
        if zipf > 0:
            freq.append(f"{s} {round(zipf * 10)}")
    _write("syllable-freq.txt", FREQ, freq)
    write_variants()


def write_variants() -> None:
    """Write variants.txt from the syllable lists as they are now."""
    from generator.checks.lexicon import VARIANTS as NAME
    from generator.checks.lexicon import computed_variants
    from generator.checks.vietnamese import syllables

    lines = [f"{s}\t{' '.join(computed_variants(s))}" for s in sorted(syllables().reformed)]
    _write(NAME, VARIANTS, lines)


_IMPOSSIBLE = re.compile(r"c[eêiy]|k[aăâoôơuư]|g[eê]|ng[eêi]|gh[aăâoôơuư]|q(?!u)")
"""Spellings Vietnamese orthography rules out at the start (ce → ke, ge → ghe, nge → nghe)."""


def _spelled(syllable: str) -> bool:
    """Return False for what no Vietnamese syllable is: ``chat``, ``chip`` (a stop ending with a
    level, falling, asking or tumbling tone), ``ceo``, ``gien`` (onsets the orthography rules
    out); pyvi's list has a few such foreign words."""
    from generator.checks.vietnamese import split_tone

    base, tone, _ = split_tone(syllable)
    if re.search(r"(?:[ptc]|ch)$", base) and tone not in ("\u0301", "\u0323"):
        return False
    return not _IMPOSSIBLE.match(base)


def _old(syllable: str) -> str:
    from generator.checks.vietnamese import old_style

    return old_style(syllable)


def _write(name: str, header: str, lines: list[str]) -> None:
    (HERE / name).write_text(header + "\n".join(lines) + "\n", "utf-8", newline="\n")
    print(f"{len(lines)} lines → {name}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--variants"]:
        write_variants()
    else:
        main(Path(sys.argv[1]))
