"""The built sample against the seed report: every block, footnote, recipient and header field."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from tests.conftest import NS, SAMPLE_DIR, first_difference, normalize, paragraph_text, w

KINDS = {"heading 1": "heading1", "heading 2": "heading2", "heading 3": "heading3",
         "Body Text": "paragraph"}
"""Paragraph style name → the seed's block kind."""
ANCHOR = re.compile(r"\{\{(\d+)\}\}")
DRAFT_NUMBER_BLANK = " " * 6
"""``Số      -BC/TU``: the blank a clerk fills in by hand (hd36.md §5.4)."""
DRAFT_DAY_BLANK = " " * 5
"""``ngày     tháng 9``: the blank day of a draft."""


def _body_blocks(package, with_anchors: bool) -> list[tuple[str, str]]:
    """Return (kind, text) of each body paragraph in a content style, in reading order.

    With `with_anchors`, each footnote reference is written ``{{k}}``, k counting references in
    document order, which is how the seed marks its anchors.
    """
    count = 0

    def marker(_element) -> str:
        nonlocal count
        count += 1
        return f"{{{{{count}}}}}" if with_anchors else ""

    blocks = []
    for p in package.body().findall("w:p", NS):
        kind = KINDS.get(package.style_name(p))
        if kind is not None:
            blocks.append((kind, normalize(paragraph_text(p, marker))))
    return blocks


def _reference_blocks(seed: dict, with_anchors: bool) -> list[tuple[str, str]]:
    def text(raw: str) -> str:
        return normalize(raw if with_anchors else ANCHOR.sub("", raw))

    return [(block["kind"], text(block["text"])) for block in seed["blocks"]]


def _cell_texts(cell) -> list[str]:
    return [paragraph_text(p) for p in cell.findall("w:p", NS)]


def _cells(table) -> list:
    return table.findall("w:tr/w:tc", NS)


def _assert_texts_equal(actual: list[tuple[str, str]], expected: list[tuple[str, str]]):
    assert len(actual) == len(expected), f"{len(actual)} blocks, reference has {len(expected)}"
    for index, (got, want) in enumerate(zip(actual, expected, strict=True)):
        assert got == want, f"block {index} ({want[0]}): {first_difference(got[1], want[1])}"


def test_blocks_have_the_reference_kinds_in_order(sample_package, seed_reference):
    kinds = [kind for kind, _ in _body_blocks(sample_package, with_anchors=False)]
    assert kinds == [block["kind"] for block in seed_reference["blocks"]]


def test_block_texts_equal_the_reference(sample_package, seed_reference):
    _assert_texts_equal(_body_blocks(sample_package, with_anchors=False),
                        _reference_blocks(seed_reference, with_anchors=False))


def test_footnote_anchors_stand_where_the_reference_puts_them(sample_package, seed_reference):
    _assert_texts_equal(_body_blocks(sample_package, with_anchors=True),
                        _reference_blocks(seed_reference, with_anchors=True))


def test_footnotes_part_holds_every_reference_footnote_in_document_order(sample_package,
                                                                         seed_reference):
    notes = sample_package.footnote_texts()
    refs = [int(el.get(w("id"))) for el in sample_package.document.iter(w("footnoteReference"))]
    expected = seed_reference["footnotes"]
    assert len(notes) == len(expected) == 40
    assert len(refs) == len(set(refs)) == len(notes), "each footnote is referenced exactly once"
    assert set(refs) == set(notes)
    for number, note_id in enumerate(refs, start=1):
        got, want = normalize(notes[note_id]), normalize(expected[str(number)])
        assert got == want, f"footnote {number} (id {note_id}): {first_difference(got, want)}"


def test_footnote_with_two_paragraphs_keeps_both(sample_package, seed_reference):
    multi = {number for number, text in seed_reference["footnotes"].items() if "\n" in text}
    assert multi == {"14"}, "the seed's only two-paragraph footnote is 14"
    refs = [int(el.get(w("id"))) for el in sample_package.document.iter(w("footnoteReference"))]
    root = sample_package.xml("word/footnotes.xml")
    note = root.find(f"w:footnote[@w:id='{refs[13]}']", NS)
    assert len(note.findall("w:p", NS)) == 2


def test_recipients_are_listed_with_a_dash(sample_package, seed_reference):
    left = _cells(sample_package.tables()[-1])[0]
    lines = [paragraph_text(p) for p in left.findall("w:p", NS)
             if sample_package.style_name(p) == "BC Danh sach noi nhan"]
    assert lines == [f"- {name}" for name in seed_reference["recipients"]]
    assert len(lines) == 9


def test_header_left_column_has_organ_star_number_and_draft(sample_package, seed_reference):
    left = _cells(sample_package.tables()[0])[0]
    assert seed_reference["draft"] is True
    assert _cell_texts(left) == [
        seed_reference["organ"],
        "*",
        f"Số{DRAFT_NUMBER_BLANK}{seed_reference['number_suffix']}",
        "Dự thảo",
    ]


def test_header_right_column_has_party_title_and_blank_day_date(sample_package, seed_reference):
    right = _cells(sample_package.tables()[0])[1]
    ref = seed_reference
    assert _cell_texts(right) == [
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        f"{ref['place']}, ngày{DRAFT_DAY_BLANK}tháng {ref['month']} năm {ref['year']}",
    ]


def test_document_type_title_and_rule_follow_the_header(sample_package, seed_reference):
    body = list(sample_package.body())
    after_header = body[body.index(sample_package.tables()[0]) + 1:][:3]
    assert [paragraph_text(p) for p in after_header] == [
        seed_reference["doc_type"], seed_reference["title"], "-----"]


def test_signature_lines_come_from_the_report(sample_package):
    signature = yaml.safe_load((SAMPLE_DIR / "report.yaml").read_text(encoding="utf-8"))[
        "signature"]
    right = _cells(sample_package.tables()[-1])[1]
    texts = _cell_texts(right)
    assert texts[:2] == [signature["authority"], signature["title"]]
    assert texts[2:-1] == ["", "", "", ""], "four empty lines for the signature and the seal"
    assert texts[-1] == signature.get("name", ""), "the draft has no signer name yet"


def test_two_builds_are_byte_identical(tmp_path: Path):
    from generator.pipeline import build_report

    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    build_report(SAMPLE_DIR, first)
    build_report(SAMPLE_DIR, second)
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize("part", ["word/document.xml", "word/footnotes.xml"])
def test_no_internal_markers_leak_into_the_text(sample_package, part):
    text = "".join(t.text or "" for t in sample_package.xml(part).iter(w("t")))
    leaked = sorted({f"U+{ord(c):04X}" for c in text if "\ue000" <= c <= "\uf8ff"})
    assert not leaked, f"private-use characters in {part}: {leaked}"
    assert "{{" not in text and "{%" not in text, "template tags left in the output"


@pytest.mark.parametrize("part", ["word/document.xml", "word/footnotes.xml"])
def test_text_is_in_nfc(sample_package, part):
    texts = [t.text for t in sample_package.xml(part).iter(w("t")) if t.text]
    decomposed = [t for t in texts if unicodedata.normalize("NFC", t) != t]
    assert not decomposed, f"{len(decomposed)} text runs not in NFC, e.g. {decomposed[0][:60]!r}"
