"""The pieces of the diff on their own: words, paragraph pairing, revision marks in the XML."""

from __future__ import annotations

import docx
from lxml import etree

from generator.diff.align import align
from generator.diff.merged import DEL, INS, SAME, Link, Piece
from generator.diff.words import Text, diff, similarity, tokens
from generator.model import NoteRef, Run
from generator.ooxml.ns import W, qn
from generator.ooxml.tracked import PARA_DEL, PARA_INS, Revision, deleted, inserted, mark_revisions

REVISION = Revision("baocao", "2024-09-01T00:00:00Z")


def changes(pieces) -> list[tuple[str, str]]:
    return [(p.change, p.text) for p in pieces if p.change != SAME]


def test_numbers_dates_and_codes_are_single_words():
    words = [t.text for t in tokens((Run("tăng 7,84% ngày 09/11/2022, Số 05-BC/TU"),))]
    assert words == ["tăng", " ", "7,84", "%", " ", "ngày", " ", "09/11/2022", ",", " ", "Số",
                     " ", "05", "-", "BC/TU"]


def test_a_changed_phrase_is_one_deletion_and_one_insertion():
    old = Text((Run("đạt kết quả khả quan, tốt"),))
    new = Text((Run("đạt kết quả rất cao, tốt"),))
    assert changes(diff(old, new)) == [(DEL, "khả quan"), (INS, "rất cao")]


def test_footnote_references_pair_whatever_their_number():
    old = Text((Run("xã hội"), NoteRef(5), Run(" tăng")))
    new = Text((Run("xã hội"), NoteRef(4), Run(" giảm")))
    pieces = diff(old, new)
    assert Piece(SAME, link=Link(5, 4)) in pieces
    assert changes(pieces) == [(DEL, "tăng"), (INS, "giảm")]


def test_formatting_counts_as_a_change():
    old, new = Text((Run("rất tốt"),)), Text((Run("rất "), Run("tốt", bold=True)))
    assert [(p.change, p.text, p.bold) for p in diff(old, new)] == [
        (SAME, "rất ", False), (DEL, "tốt", False), (INS, "tốt", True)]


def test_align_pairs_edited_paragraphs_and_orders_deletions_first():
    old = ["một hai ba bốn năm", "đoạn bị xóa hoàn toàn", "sáu bảy tám chín mười"]
    new = ["một hai ba bốn sáu", "đoạn mới khác hẳn", "sáu bảy tám chín mười"]
    pairs = align(old, new, key=lambda x: x,
                  similar=lambda a, b: similarity(tokens((Run(a),)), tokens((Run(b),))))
    assert pairs == [(old[0], new[0]), (old[1], None), (None, new[1]), (old[2], new[2])]


def _cell(*texts: str):
    """Return a document whose only table cell holds one paragraph per text, and that cell."""
    document = docx.Document()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].add_run(texts[0])
    for text in texts[1:]:
        cell.add_paragraph().add_run(text)
    return document, cell._tc  # noqa: SLF001 - the raw XML is what is under test


def _marks(tc) -> list[str | None]:
    out = []
    for p in tc.iter(qn("w:p")):
        mark = p.find(f"{qn('w:pPr')}/{qn('w:rPr')}")
        out.append(etree.QName(mark[0]).localname if mark is not None and len(mark) else None)
    return out


def test_inline_markers_become_ins_and_del():
    document, tc = _cell(f"Số {deleted('   ')}{inserted('05')}-BC/TU")
    mark_revisions(document, REVISION)
    p = tc.find(qn("w:p"))
    assert [etree.QName(c).localname for c in p if c.tag != qn("w:pPr")] == ["r", "del", "ins",
                                                                             "r"]
    assert p.find(f"{qn('w:del')}/{qn('w:r')}/{qn('w:delText')}").text == "   "
    assert p.find(f"{qn('w:ins')}/{qn('w:r')}/{qn('w:t')}").text == "05"


def test_a_removed_last_paragraph_moves_its_tracked_mark_back():
    document, tc = _cell("Lãnh đạo", f"{PARA_DEL}Lưu VPTU.")
    paragraphs = tc.findall(qn("w:p"))
    paragraphs[1].insert(0, etree.fromstring(
        f'<w:pPr xmlns:w="{W}"><w:pStyle w:val="Old"/></w:pPr>'))
    mark_revisions(document, REVISION)
    assert _marks(tc) == ["del", None]  # Word keeps a cell's last mark: the one before goes
    change = paragraphs[1].find(f"{qn('w:pPr')}/{qn('w:pPrChange')}")
    assert change.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")) == "Old"
    assert paragraphs[1].find(f"{qn('w:pPr')}/{qn('w:pStyle')}") is None  # takes the first's


def test_a_replaced_last_paragraph_shifts_both_marks():
    document, tc = _cell("Giữ", f"{PARA_DEL}Cũ", f"{PARA_INS}Mới")
    mark_revisions(document, REVISION)
    assert _marks(tc) == ["del", "ins", None]
    ids = [e.get(qn("w:id")) for e in tc.iter(qn("w:ins"), qn("w:del"))]
    assert ids == sorted(set(ids), key=int)
