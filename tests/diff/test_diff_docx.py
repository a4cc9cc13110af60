"""The comparison .docx opened cold: revision marks as Word expects them; LibreOffice opens it."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import NS, require_tool, w
from tests.diff.diff_support import Versions, assert_round_trip, compare_versions

REVISIONS = "//w:ins | //w:del | //w:pPrChange"


@pytest.fixture
def many_changes(versions: Versions) -> Versions:
    """Edits of every kind at once: words, paragraphs, footnotes, header, recipients."""
    versions.edit("areas/kinh-te.yaml", "đạt kết quả khả quan", "đạt kết quả **rất** tốt")
    versions.edit("areas/kinh-te.yaml", "trong giai đoạn mới[^2]", "trong giai đoạn mới")
    versions.edit("areas/kinh-te.yaml", "  2: Trong 9 tháng", "  # 2: Trong 9 tháng")
    versions.edit("areas/kinh-te.yaml", "thu hút số lượng lớn", "thu hút số lượng lớn[^9]")
    versions.edit("areas/kinh-te.yaml", "notes:\n", "notes:\n  9: Chú thích mới thêm.\n")
    versions.edit("areas/dan-van.yaml", "  - Cấp ủy các cấp", "  - Đoạn mới.\n  - Cấp ủy các cấp")
    versions.edit("report.yaml", "draft: Dự thảo", "draft: Dự thảo 2")
    versions.edit("report.yaml", "  - Quân khu 9,\n", "")
    versions.edit("report.yaml", "  - Lưu VPTU.", "  - Lưu VT.\n  - Thêm dòng cuối.")
    return versions


def _parts(docx: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(docx) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_all_changes_at_once_round_trip(many_changes: Versions):
    assert_round_trip(compare_versions(many_changes))


def test_revision_marks_are_well_formed(many_changes: Versions):
    outcome = compare_versions(many_changes)
    parts = _parts(outcome.docx)
    roots = [etree.fromstring(parts[name]) for name in ("word/document.xml", "word/footnotes.xml")]
    marks = [m for root in roots for m in root.xpath(REVISIONS, namespaces=NS)]
    assert marks, "no tracked change was written"
    ids = [m.get(w("id")) for m in marks]
    assert len(ids) == len(set(ids)), "revision ids must be unique across the document"
    assert {m.get(w("author")) for m in marks} == {"baocao"}
    assert {m.get(w("date")) for m in marks} == {"2024-09-01T00:00:00Z"}  # NEW's date, day 1
    for root in roots:
        assert not root.xpath("//w:del//w:t", namespaces=NS), "deleted text must be w:delText"
        assert not root.xpath("//w:delText[not(ancestor::w:del)]", namespaces=NS)
        for mark in root.xpath("//w:pPr/w:rPr/w:ins | //w:pPr/w:rPr/w:del", namespaces=NS):
            assert mark.getparent().index(mark) == 0, "ins/del come first in a mark's w:rPr"
        for change in root.xpath("//w:pPrChange", namespaces=NS):
            assert change.getparent()[-1] is change, "w:pPrChange is the last child of w:pPr"
    text = b"".join(parts.values()).decode("utf-8", errors="ignore")
    assert not re.search("[\ue000-\ue00f]", text), "a private-use marker was left in the file"


def test_deleted_footnote_keeps_its_body_and_reference(many_changes: Versions):
    outcome = compare_versions(many_changes)
    parts = _parts(outcome.docx)
    body = etree.fromstring(parts["word/document.xml"])
    notes = etree.fromstring(parts["word/footnotes.xml"])
    deleted = body.xpath("//w:del//w:footnoteReference/@w:id", namespaces=NS)
    inserted = body.xpath("//w:ins//w:footnoteReference/@w:id", namespaces=NS)
    assert len(deleted) == 1 and len(inserted) == 1
    kept = notes.xpath(f"//w:footnote[@w:id='{deleted[0]}']//w:delText/text()", namespaces=NS)
    assert "".join(kept).startswith("Trong 9 tháng năm 2024, thành lập mới 13 hợp tác xã")
    new = notes.xpath(f"//w:footnote[@w:id='{inserted[0]}']//w:ins//w:t/text()", namespaces=NS)
    assert "".join(new) == "Chú thích mới thêm."
    references = body.xpath("//w:footnoteReference/@w:id", namespaces=NS)
    assert len(references) == len(set(references))


def test_same_inputs_give_the_same_bytes(many_changes: Versions):
    first = _parts(compare_versions(many_changes).docx)
    second = _parts(compare_versions(many_changes).docx)
    assert first == second


def test_date_option(many_changes: Versions):
    import datetime as dt

    outcome = compare_versions(many_changes, date=dt.date(2024, 10, 2))
    body = etree.fromstring(_parts(outcome.docx)["word/document.xml"])
    dates = set(body.xpath("//w:ins/@w:date | //w:del/@w:date", namespaces=NS))
    assert dates == {"2024-10-02T00:00:00Z"}


def test_libreoffice_opens_and_converts(many_changes: Versions, tmp_path: Path):
    require_tool("soffice")
    pdftotext = require_tool("pdftotext")
    from generator.pdf import docx_to_pdf

    outcome = compare_versions(many_changes)
    pdf = docx_to_pdf(outcome.docx, tmp_path / "so-sanh.pdf")
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")
    flat = " ".join(text.split())
    for words in ("Dự thảo 2", "Thêm dòng cuối.", "Chú thích mới thêm.", "Đoạn mới."):
        assert words in flat, words
