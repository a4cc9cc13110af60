"""Tables compared: a changed cell tracked inside it, rows that came or went tracked as rows."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from tests.conftest import ROOT, require_tool, w
from tests.diff.diff_support import Versions, compare_versions

SAMPLE = ROOT / "data" / "can-tho-2026-9-thang"
BODY = "areas/kinh-te.yaml"
APPENDIX = "areas/phu-luc-chi-tieu.yaml"
ROW_1 = '[1, Thu ngân sách trên địa bàn, 6.285, 3.870, 4.126, "65,65"]'
ROW_3 = "        - [3, Chi ngân sách"
NEW_ROW = '        - [2a, Thu thuế xuất nhập khẩu, 504, 310, 344, "68,25"]\n'
APPENDIX_ROW_3 = '        - [3, Thu nội địa, 1.111, 663, 719, "108,45", "64,72"]\n'


@pytest.fixture
def tables(tmp_path: Path) -> Versions:
    """OLD and NEW copies of the sample with a body table and an appendix table."""
    old, new = tmp_path / "old" / "data" / SAMPLE.name, tmp_path / "data" / SAMPLE.name
    shutil.copytree(SAMPLE, old)
    shutil.copytree(SAMPLE, new)
    return Versions(old, new, tmp_path)


@pytest.fixture
def edited(tables: Versions) -> Versions:
    """Three cells of a row changed, a row added in the body; a row removed in the appendix."""
    tables.edit(BODY, ROW_1, ROW_1.replace("3.870, 4.126, \"65,65\"", "3.871, 4.127, \"65,66\""))
    tables.edit(BODY, ROW_3, NEW_ROW + ROW_3)
    tables.edit(APPENDIX, APPENDIX_ROW_3, "")
    return tables


def _paragraph(path: Path, words: str):
    """Return the body paragraph (lxml) of `path` whose text, deleted text too, has `words`."""
    body = docx.Document(str(path)).element.body
    return next(p for p in body.iter(w("p")) if words in "".join(
        t.text or "" for t in p.iter(w("t"), w("delText"))))


def _table(path: Path, label: str):
    """Return the python-docx table of `path` one of whose rows starts with `label`."""
    for table in docx.Document(str(path)).tables:
        if any(len(row.cells) > 1 and row.cells[1].text.startswith(label) for row in table.rows):
            return table
    raise AssertionError(f"no table with a row {label!r}")


def _row(table, label: str):
    """Return the row of `table` labelled `label`, deleted text read too."""
    return next(row for row in table.rows if "".join(
        t.text or "" for t in row.cells[1]._tc.iter(w("t"), w("delText"))) == label)


def _texts(cell, tag: str) -> list[str]:
    """Return the texts of the runs under `cell` inside ``w:ins`` or ``w:del`` (`tag`)."""
    return _texts_of(cell._tc, tag)


def _texts_of(element, tag: str) -> list[str]:
    return [t.text or "" for t in element.iter(w("t"), w("delText")) if _inside(t, tag)]


def _inside(element, tag: str) -> bool:
    return any(parent.tag == w(tag) for parent in element.iterancestors())


def _row_mark(row) -> str | None:
    marks = row._tr.xpath("./w:trPr/w:ins | ./w:trPr/w:del")
    return marks[0].tag.split("}")[1] if marks else None


def _view(table, accept: bool) -> list[list[str]]:
    """Return the cell texts of `table` with every change accepted (or rejected)."""
    gone, kept_text = ("del", "t") if accept else ("ins", "delText")
    rows = []
    for row in table.rows:
        if _row_mark(row) == gone:
            continue
        rows.append(["".join(t.text or "" for t in cell._tc.iter(w(kept_text), w("t"))
                             if not _inside(t, gone))
                     for cell in row.cells])
    return rows


def _cells(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_changed_cells_are_tracked_inside_them(edited: Versions):
    outcome = compare_versions(edited)
    row = _row(_table(outcome.docx, "Thu ngân sách"), "Thu ngân sách trên địa bàn")
    changed = {i: (_texts(c, "del"), _texts(c, "ins")) for i, c in enumerate(row.cells)
               if _texts(c, "del") or _texts(c, "ins")}
    assert changed == {3: (["3.870"], ["3.871"]), 4: (["4.126"], ["4.127"]),
                       5: (["65,65"], ["65,66"])}
    assert _row_mark(row) is None


def test_added_and_removed_rows_are_tracked_rows(edited: Versions):
    outcome = compare_versions(edited)
    added = _row(_table(outcome.docx, "Thu ngân sách"), "Thu thuế xuất nhập khẩu")
    assert _row_mark(added) == "ins"
    assert [" ".join(_texts(c, "ins")).strip() for c in added.cells] == \
        ["2a", "Thu thuế xuất nhập khẩu", "504", "310", "344", "68,25"]
    for cell in added.cells:  # each cell's paragraph mark comes with the row
        assert cell._tc.xpath("./w:p/w:pPr/w:rPr/w:ins")
    removed = _row(_table(outcome.docx, "Tổng sản phẩm"), "Thu nội địa")
    assert _row_mark(removed) == "del"
    assert [" ".join(_texts(c, "del")).strip() for c in removed.cells] == \
        ["3", "Thu nội địa", "1.111", "663", "719", "108,45", "64,72"]
    assert not removed._tr.xpath(".//w:t")  # deleted text is w:delText


def test_accepting_gives_the_new_tables_and_rejecting_the_old(edited: Versions):
    outcome = compare_versions(edited)
    for label in ("Thu ngân sách", "Tổng sản phẩm"):
        merged = _table(outcome.docx, label)
        assert _view(merged, accept=True) == _cells(_table(outcome.new_docx, label))
        assert _view(merged, accept=False) == _cells(_table(outcome.old_docx, label))


def test_summary_names_each_table_and_its_changes(edited: Versions):
    edited.edit(BODY, "9 tháng 2025, 9 tháng 2026", "9 tháng 2025, 9 tháng năm 2026")
    summary = compare_versions(edited).summary
    assert "  Bảng 1 của II: tiêu đề sửa, 3 ô sửa, 1 dòng thêm." in summary
    assert "  Bảng 1 của Phụ lục: 1 dòng bỏ." in summary
    assert summary[-1] == "Tổng cộng: không đoạn nào thay đổi; 2 bảng thay đổi; " \
        "chú thích không đổi."


def test_rows_pair_by_indicator_name_not_position(tables: Versions):
    # a row moved up: the rows between are not edits, the moved one left and came back
    row = '        - [4, Vốn đầu tư phát triển toàn xã hội, 24.968, 14.569, 16.519, "66,16"]\n'
    tables.edit(BODY, row, "")
    tables.edit(BODY, "        - [1, Thu", row + "        - [1, Thu")
    summary = compare_versions(tables).summary
    assert "  Bảng 1 của II: 1 dòng thêm, 1 dòng bỏ." in summary


def test_rows_without_distinct_names_pair_by_position(tables: Versions):
    for side in (True, False):  # two rows named alike on both sides
        tables.edit(BODY, "Chi ngân sách địa phương, 11.312", "Thu ngân sách trên địa bàn, 11.312",
                    old=side)
    tables.edit(BODY, '8.227, "72,73"', '8.228, "72,73"')
    outcome = compare_versions(tables)
    assert "  Bảng 1 của II: 1 ô sửa." in outcome.summary
    merged = _table(outcome.docx, "Thu ngân sách")
    assert [[i for i, c in enumerate(r.cells) if _texts(c, "ins")] for r in merged.rows] == \
        [[], [], [], [], [4], [], []]


def test_a_table_with_other_columns_is_replaced_whole(tables: Versions):
    text = (SAMPLE / BODY).read_text(encoding="utf-8")
    start = text.index("  - table:")
    end = text.index("  - Thực hiện đồng bộ")
    tables.edit(BODY, text[start:end], "  - table:\n      header:\n        - [Chỉ tiêu, Số]\n"
                "      rows:\n        - [\"Thu nội địa[^8]\", 3.782]\n")
    outcome = compare_versions(tables)
    assert "  Bảng 1 của II: bảng đã bỏ." in outcome.summary
    assert "  Bảng 1 của II: bảng mới." in outcome.summary
    document = docx.Document(str(outcome.docx))
    marks = [{_row_mark(r) for r in t.rows} for t in document.tables]
    assert {"del"} in marks and {"ins"} in marks
    assert not any(line.startswith("  Chú thích") for line in outcome.summary), \
        "the note of a cell, kept in the new table under its number, did not change"
    lead = next(p for p in document.paragraphs if p.text.startswith("Kết quả một số chỉ tiêu"))
    assert not lead._p.xpath(".//w:ins | .//w:del"), "the paragraph before the table is untouched"
    caption = next(p for p in document.paragraphs
                   if "".join(_texts_of(p._p, "del")) == "Một số chỉ tiêu chủ yếu 9 tháng năm 2026")
    assert caption._p.xpath("./w:pPr/w:rPr/w:del"), "the caption leaves with its table"


def test_appendix_title_and_removal_are_told(tables: Versions):
    tables.edit("report.yaml", "  - title: Một số chỉ tiêu kinh tế - xã hội chủ yếu 9 tháng",
                "  - title: Các chỉ tiêu kinh tế - xã hội chủ yếu 9 tháng")
    outcome = compare_versions(tables)
    assert "  Phụ lục: tên phụ lục sửa (trước là “MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU 9 " \
        "THÁNG NĂM 2026”)." in outcome.summary
    title = _paragraph(outcome.docx, "XÃ HỘI CHỦ YẾU")
    assert (_texts_of(title, "del"), _texts_of(title, "ins")) == (["MỘT SỐ"], ["CÁC"])
    report = (tables.new / "report.yaml").read_text(encoding="utf-8")
    start = report.index("appendices:")
    end = report.index("\n\n", report.index("landscape: true"))
    tables.edit("report.yaml", report[start:end], "appendices: []")
    outcome = compare_versions(tables)
    assert "  Phụ lục: phụ lục đã bỏ." in outcome.summary
    assert "  Bảng 1 của Phụ lục: bảng đã bỏ." in outcome.summary
    for words in ("XÃ HỘI CHỦ YẾU", "Kèm theo"):  # the heading leaves with the appendix
        heading = _paragraph(outcome.docx, words)
        assert heading.find(f"{w('pPr')}/{w('rPr')}/{w('del')}") is not None, words
        assert not [t for t in heading.iter(w("t")) if t.text], words


def test_the_same_versions_give_the_same_bytes(edited: Versions):
    first = compare_versions(edited).docx.read_bytes()
    assert compare_versions(edited).docx.read_bytes() == first


def test_two_word_files_compare_their_tables(edited: Versions):
    from generator.diff.run import diff_reports

    built = compare_versions(edited)  # builds OLD and NEW as .docx
    result = diff_reports(built.old_docx, built.new_docx, output=edited.root / "docx.docx")
    assert "  Bảng 1 của II: 3 ô sửa, 1 dòng thêm." in result.summary()
    assert "  Bảng 1 của Phụ lục: 1 dòng bỏ." in result.summary()


def test_unchanged_tables_say_nothing(tables: Versions):
    assert compare_versions(tables).summary == ["Hai bản giống nhau: không có thay đổi."]


def test_libreoffice_opens_the_tracked_tables(edited: Versions, tmp_path: Path):
    require_tool("soffice")
    pdftotext = require_tool("pdftotext")
    from generator.pdf import docx_to_pdf

    pdf = docx_to_pdf(compare_versions(edited).docx, tmp_path / "so-sanh.pdf")
    text = " ".join(subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True,
                                   check=True).stdout.decode("utf-8").split())
    for words in ("Thu thuế xuất nhập khẩu", "3.871", "Kim ngạch xuất khẩu (khu vực 2)"):
        assert words in text, words
