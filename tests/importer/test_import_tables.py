"""`baocao import` of Word tables: header rows, merged headers, cells as typed, caption, unit.

Each document is made the way one arrives (python-docx as Word would save it, pandoc, baocao's
own build), imported, built again, and its tables read back with python-docx.
"""

from __future__ import annotations

import subprocess

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement

from generator.importer.convert import convert_report
from generator.importer.faithful import REASONS, measure
from generator.importer.parts import split
from generator.importer.run import _data_facts, import_report
from generator.importer.source import Source
from generator.pipeline import build_report
from tests.conftest import ROOT, require_tool
from tests.importer import handmade
from tests.importer.import_helpers import docx_text, libreoffice_resave, load

SAMPLE = ROOT / "data" / "can-tho-2026-9-thang"
CAPTION, UNIT = "Một số chỉ tiêu chủ yếu", "ĐVT: tỷ đồng"
HEADER = [["TT", "Chỉ tiêu", {"text": "Thực hiện", "span": 2}, "Ghi chú"],
          ["", "", "2025", "2026", ""]]
ROWS = [["1", "Thu ngân sách[^1].", "10.500", "7,84", "no"],
        ["2", "Giờ họp", "12:30", "76,30", ""],
        ["", "**Tổng cộng**", "1.045", "90,87%", ""]]
"""What the table below must become; ``[^1]`` is the footnote in the cell (note 1 of the file)."""


def data_tables(path) -> list[list[list[str]]]:
    """Return the cells of each table of more than one row, as python-docx reads them."""
    return [[[cell.text for cell in row.cells] for row in table.rows]
            for table in docx.Document(path).tables if len(table.rows) > 1]


def _repeat_header(row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def _indicator_report(path, marked: bool):
    """Write a report with one indicator table: two header rows, merged both ways, a note.

    `marked`: the header rows repeat on each page (``w:tblHeader``) and are not bold; else
    nothing marks them but the bold a clerk types and the merged cells.
    """
    document = docx.Document()
    document.add_paragraph("BÁO CÁO")
    document.add_paragraph("Kết quả công tác 9 tháng năm 2026")
    document.add_heading("I. KẾT QUẢ", 1)
    document.add_paragraph("Kết quả một số chỉ tiêu như sau:")
    caption = document.add_paragraph()
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.add_run(CAPTION).bold = True
    document.add_paragraph().add_run(UNIT).italic = True
    table = document.add_table(rows=5, cols=5)
    for column in (0, 1, 4):
        table.cell(0, column).merge(table.cell(1, column))
    table.cell(0, 2).merge(table.cell(0, 3))
    for r, texts in enumerate((["TT", "Chỉ tiêu", "Thực hiện", None, "Ghi chú"],
                               [None, None, "2025", "2026", None])):
        for c, text in enumerate(texts):
            if text:
                table.cell(r, c).paragraphs[0].add_run(text).bold = not marked
        if marked:
            _repeat_header(table.rows[r])
    for r, row in enumerate(ROWS, start=2):
        for c, text in enumerate(row):
            paragraph = table.cell(r, c).paragraphs[0]
            if text.startswith("**"):
                paragraph.add_run(text.strip("*")).bold = True
            elif "[^1]" in text:
                paragraph.add_run(text.split("[")[0])
                handmade._note(paragraph, 1)
            else:
                paragraph.add_run(text)
    document.add_paragraph("Trên đây là báo cáo kết quả công tác 9 tháng năm 2026.")
    handmade._footnotes(document)
    document.save(path)
    return path


def _typed_table(document, rows: list[list[str]]):
    """Add a table with `rows` typed into its cells; return it."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for cells, texts in zip(table.rows, rows):
        for cell, text in zip(cells.cells, texts):
            cell.text = text
    return table


def _table_items(folder) -> list[dict]:
    items = []
    for path in sorted((folder / "areas").glob("*.yaml")):
        area = load(path)
        for paragraphs in [area.get("paragraphs", [])] + [s.get("paragraphs", [])
                                                           for s in area.get("sections", [])]:
            items += [p["table"] for p in paragraphs if isinstance(p, dict)]
    return items


@pytest.mark.parametrize("marked", [True, False], ids=["tblHeader", "bold-and-merged"])
def test_word_table_becomes_a_table_item_and_builds_with_the_same_cells(tmp_path, marked):
    source = _indicator_report(tmp_path / "in.docx", marked)
    result = import_report(source, tmp_path / "out")

    assert _table_items(tmp_path / "out") == [
        {"caption": CAPTION, "unit": UNIT, "header": HEADER, "rows": ROWS}]
    area = next((tmp_path / "out" / "areas").glob("*.yaml")).read_text(encoding="utf-8")
    assert '- ["1", "Thu ngân sách[^1].", "10.500", "7,84", "no"]' in area
    assert '- ["2", Giờ họp, "12:30", "76,30", ""]' in area
    assert "- [TT, Chỉ tiêu, {text: Thực hiện, span: 2}, Ghi chú]" in area
    faithful = result.faithfulness
    assert (faithful.source.tables, faithful.data.tables) == (1, 1)
    assert faithful.losses == []
    assert "import.table-header" not in {d.code for d in result.diagnostics.items}

    built = build_report(tmp_path / "out", tmp_path / "built.docx").output
    assert data_tables(built) == data_tables(source)
    paragraphs, notes = docx_text(built)
    assert paragraphs.count(CAPTION) == 1 and paragraphs.count(UNIT) == 1
    assert notes == [handmade.NOTES[1]]


def test_a_cell_missing_from_the_data_is_a_loss(tmp_path):
    """Each cell is looked up in its own table: a dropped ``1`` is not found in ``1.045``."""
    source = Source.open(_indicator_report(tmp_path / "in.docx", marked=True))
    parts = split(source)
    imported = convert_report(source, parts)
    table = next(p["table"] for a in imported.areas for p in a.data["paragraphs"]
                 if isinstance(p, dict))
    table["rows"][0][0] = ""
    faithful = measure(source, parts, *_data_facts(imported), imported.added)

    assert [(loss.text, loss.reason) for loss in faithful.losses] == [("1", REASONS["cell"])]


def test_sample_tables_round_trip_through_import(tmp_path):
    """build → import → build: the same cells in every table the import carries, notes too."""
    built = build_report(SAMPLE, tmp_path / "sample.docx").output
    result = import_report(built, tmp_path / "imported")
    rebuilt = build_report(tmp_path / "imported", tmp_path / "again.docx").output

    appendix_areas = {a["area"] for a in load(SAMPLE / "report.yaml").get("appendices", [])}
    body = [t for t in _table_items(SAMPLE)
            if not any(t in _table_items_of(SAMPLE, name) for name in appendix_areas)]
    original = data_tables(built)
    expected = original if result.compiled.manifest.appendices else original[:len(body)]
    assert body and data_tables(rebuilt) == expected
    faithful = result.faithfulness
    assert faithful.source.tables == faithful.data.tables == len(body)
    assert not [loss for loss in faithful.losses if loss.reason == REASONS["cell"]]
    assert _table_items(tmp_path / "imported")[0]["widths"] == body[0]["widths"]
    assert docx_text(rebuilt)[1] == docx_text(built)[1]  # the note in a cell kept its text


def test_libreoffice_resaved_sample_keeps_its_table(tmp_path):
    built = build_report(SAMPLE, tmp_path / "sample.docx").output
    resaved = libreoffice_resave(require_tool("soffice"), built, tmp_path / "lo")
    result = import_report(resaved, tmp_path / "imported")
    rebuilt = build_report(tmp_path / "imported", tmp_path / "again.docx").output

    assert result.faithfulness.data.tables == result.faithfulness.source.tables >= 1
    count = result.faithfulness.data.tables
    assert data_tables(rebuilt)[:count] == data_tables(resaved)[:count]


def test_cell_paragraphs_and_line_breaks_stay_lines_of_the_cell(tmp_path):
    document = docx.Document()
    document.add_paragraph("BÁO CÁO")
    document.add_heading("I. KẾT QUẢ", 1)
    table = _typed_table(document, [["TT", "So với"], ["1", ""]])
    table.cell(0, 1).add_paragraph("cùng kỳ (%)")
    cell = table.cell(1, 1).paragraphs[0]
    cell.add_run("Thu").add_break()
    cell.add_run("ngân sách")
    document.add_paragraph("Trên đây là báo cáo.")
    document.save(tmp_path / "in.docx")
    import_report(tmp_path / "in.docx", tmp_path / "out")

    assert _table_items(tmp_path / "out") == [{
        "header": [["TT", "So với[xuống dòng]cùng kỳ (%)"]],
        "rows": [["1", "Thu[xuống dòng]ngân sách"]]}]
    built = build_report(tmp_path / "out", tmp_path / "built.docx").output
    assert data_tables(built) == data_tables(tmp_path / "in.docx")


def _table_items_of(folder, area: str) -> list[dict]:
    data = load(folder / "areas" / f"{area}.yaml")
    return [p["table"] for p in data.get("paragraphs", []) if isinstance(p, dict)]


def test_pandoc_pipe_table_imports_as_a_table(tmp_path):
    markdown = ("# Kết quả\n\nBảng số liệu:\n\n| TT | Chỉ tiêu | Kết quả |\n|---:|:---|---:|\n"
                "| 1 | Thu ngân sách | 10.500 |\n| 2 | Tăng trưởng | 7,84 |\n\n"
                ": Một số chỉ tiêu\n\nTrên đây là báo cáo.\n")
    (tmp_path / "in.md").write_text(markdown, encoding="utf-8")
    source = tmp_path / "pandoc.docx"
    subprocess.run([require_tool("pandoc"), str(tmp_path / "in.md"), "-o", str(source)],
                   check=True)
    result = import_report(source, tmp_path / "out")

    assert _table_items(tmp_path / "out") == [{
        "caption": "Một số chỉ tiêu", "header": [["TT", "Chỉ tiêu", "Kết quả"]],
        "rows": [["1", "Thu ngân sách", "10.500"], ["2", "Tăng trưởng", "7,84"]]}]
    assert result.faithfulness.losses == []
    built = build_report(tmp_path / "out", tmp_path / "built.docx").output
    assert data_tables(built) == data_tables(source)


def test_merges_in_the_body_and_a_nested_table_keep_their_text_and_say_so(tmp_path):
    document = docx.Document()
    document.add_paragraph("BÁO CÁO")
    document.add_heading("I. KẾT QUẢ", 1)
    table = _typed_table(document, [["Lĩnh vực", "Chỉ tiêu", "Kết quả"],
                                    ["", "Thu ngân sách", "105%"], ["", "Đầu tư", "98%"],
                                    ["", "", ""]])
    table.cell(1, 0).merge(table.cell(2, 0)).text = "Kinh tế"
    table.cell(3, 0).merge(table.cell(3, 1)).text = "Cộng"
    inner = table.cell(3, 2).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "Ghi chú lồng"
    document.add_paragraph("Trên đây là báo cáo.")
    document.save(tmp_path / "in.docx")
    result = import_report(tmp_path / "in.docx", tmp_path / "out")

    assert _table_items(tmp_path / "out")[0]["rows"] == [
        ["Kinh tế", "Thu ngân sách", "105%"], ["", "Đầu tư", "98%"],
        ["Cộng", "", "Ghi chú lồng"]]
    codes = {d.code for d in result.diagnostics.items}
    assert {"import.table-merge", "import.table-span", "import.table-nested"} <= codes
    assert result.faithfulness.losses == []


def test_a_table_under_a_sub_heading_stays_in_its_section(tmp_path):
    document = docx.Document()
    document.add_paragraph("BÁO CÁO")
    document.add_heading("I. KẾT QUẢ", 1)
    document.add_paragraph("Tình hình chung.")
    document.add_heading("1. Kinh tế", 2)
    document.add_paragraph("Số liệu như sau:")
    _typed_table(document, [["Chỉ tiêu", "Kết quả"], ["Thu ngân sách", "105%"]])
    document.add_paragraph("Tiếp tục phấn đấu.")
    document.add_heading("2. Xã hội", 2)
    document.add_paragraph("Ổn định.")
    document.add_paragraph("Trên đây là báo cáo.")
    document.save(tmp_path / "in.docx")
    import_report(tmp_path / "in.docx", tmp_path / "out")

    area = load(next((tmp_path / "out" / "areas").glob("*.yaml")))
    assert area["paragraphs"] == ["Tình hình chung."]
    assert area["sections"][0]["paragraphs"] == [
        "Số liệu như sau:", {"table": {"header": [["Chỉ tiêu", "Kết quả"]],
                                       "rows": [["Thu ngân sách", "105%"]]}},
        "Tiếp tục phấn đấu."]
    built = build_report(tmp_path / "out", tmp_path / "built.docx").output
    paragraphs, _ = docx_text(built)
    order = [paragraphs.index(t) for t in ("Số liệu như sau:", "Thu ngân sách",
                                           "Tiếp tục phấn đấu.", "2. Xã hội")]
    assert order == sorted(order)


def test_tables_that_are_not_figures_stay_paragraphs(tmp_path):
    """A one-row frame, and a table before the first heading (the intro holds only text)."""
    document = docx.Document()
    document.add_paragraph("BÁO CÁO")
    document.add_paragraph("Kết quả công tác năm 2026")
    _typed_table(document, [["Đơn vị", "Số"], ["Xã A", "12"]])
    document.add_heading("I. KẾT QUẢ", 1)
    document.add_table(rows=1, cols=1).cell(0, 0).text = "Khung ghi nhớ."
    document.add_paragraph("Trên đây là báo cáo.")
    document.save(tmp_path / "in.docx")
    result = import_report(tmp_path / "in.docx", tmp_path / "out")

    assert result.compiled.manifest.intro == ["Đơn vị", "Số", "Xã A", "12"]
    assert _table_items(tmp_path / "out") == []
    area = next((tmp_path / "out" / "areas").glob("*.yaml")).read_text(encoding="utf-8")
    assert "Khung ghi nhớ." in area
    codes = {d.code for d in result.diagnostics.items}
    assert {"import.table-text", "import.table-frame"} <= codes
    faithful = result.faithfulness
    assert (faithful.source.tables, faithful.data.tables, faithful.kept_tables) == (2, 0, 2)
    assert faithful.losses == [] and "(2 bảng khác giữ thành đoạn văn)" in faithful.summary()


def test_area_import_carries_a_department_table(report_copy, tmp_path):
    from click.testing import CliRunner

    from generator.cli import cli

    source = _indicator_report(tmp_path / "phan.docx", marked=True)
    result = CliRunner().invoke(cli, ["import", str(source), str(report_copy), "--area",
                                      "Kết quả"])
    assert result.exit_code == 0, result.output
    assert "1 bảng" in result.output and "không có gì bị bỏ sót" in result.output
    assert _table_items(report_copy)[0]["header"] == HEADER


def test_a_damaged_span_is_held_to_words_limit(tmp_path):
    """``w:gridSpan`` of a billion (a damaged or hostile file) is read as Word's 63 columns."""
    document = docx.Document()
    document.add_paragraph("BÁO CÁO")
    document.add_heading("I. KẾT QUẢ", 1)
    table = _typed_table(document, [["Chỉ tiêu", "Kết quả"], ["Thu", "105%"]])
    span = OxmlElement("w:gridSpan")
    span.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val", "1000000000")
    table.cell(0, 1)._tc.get_or_add_tcPr().append(span)
    document.add_paragraph("Trên đây là báo cáo.")
    document.save(tmp_path / "in.docx")
    result = import_report(tmp_path / "in.docx", tmp_path / "out")

    header, rows = (_table_items(tmp_path / "out")[0][k] for k in ("header", "rows"))
    assert header[0][:2] == ["Chỉ tiêu", "Kết quả"] and len(header[0]) == 64
    assert rows == [["Thu", "105%"] + [""] * 62]
    assert result.faithfulness.losses == []


def test_a_unit_typed_in_a_first_merged_row_becomes_the_unit(tmp_path):
    document = docx.Document()
    document.add_paragraph("BÁO CÁO")
    document.add_heading("I. KẾT QUẢ", 1)
    table = _typed_table(document, [["", "", ""], ["TT", "Chỉ tiêu", "Kết quả"],
                                    ["1", "Thu ngân sách", "6.285"]])
    table.cell(0, 0).merge(table.cell(0, 2)).text = "ĐVT: tỷ đồng"
    document.add_paragraph("Trên đây là báo cáo.")
    document.save(tmp_path / "in.docx")
    result = import_report(tmp_path / "in.docx", tmp_path / "out")

    assert _table_items(tmp_path / "out") == [{
        "unit": "ĐVT: tỷ đồng", "header": [["TT", "Chỉ tiêu", "Kết quả"]],
        "rows": [["1", "Thu ngân sách", "6.285"]]}]
    assert result.faithfulness.losses == []
    built = build_report(tmp_path / "out", tmp_path / "built.docx").output
    assert "ĐVT: tỷ đồng" in docx_text(built)[0]
