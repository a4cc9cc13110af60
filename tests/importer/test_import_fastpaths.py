"""The import's shortcuts give what the general path gives, on the corpus and the sample."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest

from generator.importer import faithful, normal, outline
from generator.importer.convert import convert_report
from generator.importer.parts import split
from generator.importer.run import _data_facts
from generator.importer.source import Source
from generator.ooxml.ns import qn
from generator.ooxml.safezip import open_package
from generator.ooxml.wordstyles import child
from tests.conftest import ROOT

CORPUS = sorted((ROOT / "tests" / "fixtures" / "import-corpus" / "docx").glob("*.docx"))


def _lines_judged(path):
    """Yield (line, looked up, verdict, verdict by the rules alone) for each line of `path`."""
    source = Source.open(path)
    parts = split(source)
    imported = convert_report(source, parts)
    pool = normal.Pool(_data_facts(imported)[0])
    fields = faithful._header_values(source, parts)
    for paragraph in faithful._source_paragraphs(source):
        for line in re.split(r"[\n\t]+", paragraph.text):
            plain = " ".join(line.split())
            norm = normal.normalize(plain)
            yield (plain, norm in pool.texts, faithful._carried(line, pool, fields),
                   faithful._carried_by_rules(plain, norm, pool, fields))


def test_a_line_found_among_the_data_texts_is_judged_as_the_rules_judge_it(sample_docx):
    seen = {"looked up": 0, "by rules, carried": 0, "by rules, lost": 0}
    for path in [*CORPUS, sample_docx]:
        for line, looked_up, fast, ruled in _lines_judged(path):
            assert fast == ruled, (path.name, line)
            key = "looked up" if looked_up else f"by rules, {'carried' if fast else 'lost'}"
            seen[key] += 1
    # every way occurs: lines in the data, lines the template prints, lines not carried
    assert min(seen.values()) > 10, seen


def test_a_text_normalised_once_per_import_is_what_normalize_returns(sample_docx):
    source = Source.open(sample_docx)
    texts = [p.text for p in faithful._source_paragraphs(source)]
    pool = normal.Pool(texts)
    for text in texts + ["Số: 06/BC-UBND", "**I. Kết quả**", "Kính gửi: Sở Nội vụ"]:
        assert pool.normalize(text) == normal.normalize(text)


def _normalize_every_pass(text: str) -> str:
    """`normal.normalize` with each pass run, whether or not its characters occur."""
    text = unicodedata.normalize("NFC", normal._MARKUP.sub("", text)).replace("\u00ad", "")
    text = re.sub(r"\b0(\d)\b", r"\1", " ".join(text.split()).replace("…", "..."))
    found = outline.number_prefix(text)
    text = normal._LIST_MARK.sub("", text[found[1]:] if found else text)
    return " ".join(text.split()).casefold().rstrip(" .;,:")


def test_normalize_skipping_passes_with_nothing_to_do_changes_nothing(sample_docx):
    texts = ["**Kết quả** đạt 06 chỉ tiêu[^2]", "a\\*b\\[c", "ngày 05/01/2024…", "1.0 *", "[^x]",
             "I. 0 giờ", "- Lưu: VT, 05 bản."]
    for path in [*CORPUS, sample_docx]:
        texts += [p.text for p in faithful._source_paragraphs(Source.open(path))]
    for text in texts:
        assert normal.normalize(text) == _normalize_every_pass(text), text


def _number_prefix_form_by_form(text: str):
    """The heading number as found by trying each form of `outline._NUMBERS` in turn."""
    stripped = text.lstrip()
    for level, form in outline._NUMBERS:
        if m := re.match(form, stripped):
            return level, len(text) - len(stripped) + m.end()
    return None


@pytest.mark.parametrize("seed", range(3))
def test_the_heading_number_pattern_finds_what_the_forms_find_one_by_one(seed):
    pieces = ["I", "V", "X", "IV", "1", "2", "12", "0", ".", ")", "-", "–", " ", "\t", "a",
              "đ", "b", "Đ", "x", "ư", "_", "9", "1.1", "Phần"]
    rng = random.Random(seed)
    found = 0
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 7)))
        assert outline.number_prefix(text) == _number_prefix_form_by_form(text), text
        found += outline.number_prefix(text) is not None
    assert found > 500  # every form is reached, not just the misses
    levels = {outline.number_prefix(t)[0] for t in ("I. A", "1.2.3 A", "1.2 A", "1) A", "a) A")}
    assert levels == {1, 2, 3, 4, 5}


def test_the_first_child_by_tag_is_what_find_returns(sample_docx):
    root = open_package(sample_docx).xml("word/document.xml")
    tags = [qn(f"w:{t}") for t in ("pPr", "pStyle", "rPr", "r", "t", "jc", "numPr")]
    checked = 0
    for element in root.iter():
        for tag in tags:
            found = element.find(tag)
            assert child(element, tag) is found
            checked += found is not None
    assert checked > 100
