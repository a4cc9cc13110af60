"""Tables of figures read back as a user would: python-docx, pandoc, LibreOffice's PDF."""

from __future__ import annotations

import json
import subprocess

import docx
import pytest

from generator.pipeline import build_report
from tests.conftest import ROOT, require_tool, w, write_yaml
from tests.profiles.helpers import report_folder
from tests.profiles.test_samples import audit
from tests.test_clients import flat, page_text

SAMPLE = ROOT / "data" / "can-tho-2026-9-thang"
HEADER = ["TT", "Chỉ tiêu", "Kế hoạch năm", "Thực hiện", "Thực hiện", "So với kế hoạch (%)"]
FIRST_ROW = ["1", "Thu ngân sách trên địa bàn", "6.285", "3.870", "4.126", "65,65"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_report(SAMPLE, tmp_path_factory.mktemp("tables") / "bao-cao.docx").output


def _figures(document):
    """Return the body table that is not the header or closing layout table."""
    return next(t for t in document.tables if t.rows[0].cells[0].text == "TT")


def test_python_docx_sees_the_cells_as_typed(built):
    table = _figures(docx.Document(str(built)))
    assert [c.text for c in table.rows[0].cells] == HEADER
    assert [c.text for c in table.rows[1].cells][3:5] == ["9 tháng 2025", "9 tháng 2026"]
    assert [c.text for c in table.rows[2].cells] == FIRST_ROW  # 3.870 keeps its zero
    total = table.rows[-1].cells[1].paragraphs[0].runs
    assert total[0].text == "Tổng thu ngân sách" and total[0].bold


def test_the_table_stands_where_it_was_typed(built):
    document = docx.Document(str(built))
    body = list(document.element.body)
    table = _figures(document)._tbl
    before = [e for e in body[:body.index(table)] if e.tag == w("p")]
    texts = ["".join(t.text or "" for t in p.iter(w("t"))) for p in before[-3:]]
    assert texts == ["Kết quả một số chỉ tiêu chủ yếu như sau:",
                     "Một số chỉ tiêu chủ yếu 9 tháng năm 2026", "ĐVT: tỷ đồng"]
    assert all(p.find(f"{w('pPr')}/{w('keepNext')}") is not None for p in before[-2:])


def test_header_rows_repeat_rows_never_split_and_widths_fill_the_text(built):
    table = _figures(docx.Document(str(built)))._tbl
    rows = table.findall(w("tr"))
    assert [r.find(f"{w('trPr')}/{w('tblHeader')}") is not None for r in rows] == \
        [True, True] + [False] * (len(rows) - 2)
    assert all(r.find(f"{w('trPr')}/{w('cantSplit')}") is not None for r in rows)
    assert table.find(f"{w('tblPr')}/{w('tblLayout')}").get(w("type")) == "fixed"
    grid = [int(c.get(w("w"))) for c in table.iter(w("gridCol"))]
    assert sum(grid) == int(table.find(f"{w('tblPr')}/{w('tblW')}").get(w("w")))
    assert grid[1] > 5 * grid[0]  # widths: [7, 38, …]
    merged = rows[1].findall(w("tc"))[0].find(f"{w('tcPr')}/{w('vMerge')}")
    assert merged.get(w("val")) == "continue"


def test_numbers_right_text_left_tt_centred(built):
    row = _figures(docx.Document(str(built))).rows[2]
    aligns = [c.paragraphs[0]._p.find(f"{w('pPr')}/{w('jc')}").get(w("val")) for c in row.cells]
    assert aligns == ["center", "left", "right", "right", "right", "right"]


def test_a_footnote_in_a_cell_is_a_real_footnote(built):
    cell = _figures(docx.Document(str(built))).rows[3].cells[1]
    refs = list(cell._tc.iter(w("footnoteReference")))
    assert cell.text == "Thu nội địa" and len(refs) == 1


def test_pandoc_reads_the_same_cells(built):
    pandoc = require_tool("pandoc")
    data = json.loads(subprocess.run([pandoc, "-t", "json", str(built)], capture_output=True,
                                     check=True, timeout=120).stdout)
    tables = [b["c"] for b in data["blocks"] if b["t"] == "Table"]
    figures = next(t for t in tables if t[3][1] and _pandoc_text(t[3][1][0][1][0][4]) == "TT")
    rows = [[_pandoc_text(cell[4]) for cell in row[1]] for body in figures[4] for row in body[3]]
    assert rows[0] == FIRST_ROW and len(rows) == 5
    head = [_pandoc_text(cell[4]) for cell in figures[3][1][0][1]]
    assert head[:3] == HEADER[:3] and "Thực hiện" in head


def _pandoc_text(blocks) -> str:
    out = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("t") == "Str":
                out.append(node["c"])
            elif node.get("t") == "Space":
                out.append(" ")
            elif node.get("t") != "Note":
                walk(node.get("c"))
        elif isinstance(node, list):
            for item in node:
                walk(item)
    walk(blocks)
    return "".join(out)


def test_openxml_audit_finds_nothing(built):
    assert audit(built) == []


def test_libreoffice_repeats_the_header_row_on_the_next_page(tmp_path):
    require_tool("soffice")
    from generator.pdf import docx_to_pdf

    folder = report_folder(tmp_path)
    rows = [[str(i), f"Chỉ tiêu số {i}", f"{i * 7}.{i:03d}"] for i in range(1, 71)]
    table = {"header": [["TT", "Tên chỉ tiêu dài", "Giá trị"]], "rows": rows}
    write_yaml(folder / "areas" / "ket-qua.yaml", {"paragraphs": ["Bảng:", {"table": table}]})
    pdf = docx_to_pdf(build_report(folder, tmp_path / "dai.docx").output, tmp_path / "dai.pdf")
    pages = [flat(page_text(pdf, n)) for n in (1, 2)]
    assert "Chỉ tiêu số 1 " in pages[0] and "Chỉ tiêu số 70" not in pages[0]
    assert all("Tên chỉ tiêu dài" in page for page in pages)


def test_the_layout_review_finds_nothing_in_the_built_sample(built):
    from generator.layout import review_docx

    _, findings = review_docx(built)
    assert [f.format() for f in findings] == []


def test_the_appendix_is_its_own_landscape_section_numbered_from_one(built):
    document = docx.Document(str(built))
    main, appendix = document.sections
    assert appendix.page_width > appendix.page_height and main.page_width < main.page_height
    start = appendix._sectPr.find(w("pgNumType"))
    assert start is not None and start.get(w("start")) == "1"
    texts = [p.text for p in document.paragraphs]
    at = texts.index("Phụ lục")
    assert texts[at + 1] == "MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU 9 THÁNG NĂM 2026"
    assert texts[at + 2].startswith("(Kèm theo Báo cáo số ")
    assert texts[at + 2].endswith(", ngày      /9/2026 của Thành ủy Cần Thơ)")
    body = list(document.element.body)
    signature = next(t._tbl for t in document.tables if "T/M BAN THƯỜNG VỤ" in t._tbl.xml)
    assert body.index(document.paragraphs[at]._p) > body.index(signature)


def test_libreoffice_prints_the_appendix_landscape_paged_from_one(built, tmp_path):
    require_tool("soffice")
    require_tool("pdfinfo")
    from generator.pdf import docx_to_pdf

    pdf = docx_to_pdf(built, tmp_path / "mau.pdf")
    info = subprocess.run([require_tool("pdfinfo"), "-f", "1", "-l", "99", str(pdf)],
                          capture_output=True, check=True, timeout=60, text=True).stdout
    sizes = [tuple(float(x) for x in line.split(":")[1].split("pts")[0].split(" x "))
             for line in info.splitlines() if line.startswith("Page") and "size" in line]
    first = next(i for i, (wide, high) in enumerate(sizes, 1) if wide > high)
    assert first > 1 and all(wide > high for wide, high in sizes[first - 1:])
    assert "Phụ lục" in page_text(pdf, first)
    second = page_text(pdf, first + 1)
    assert second.split()[0] == "2"  # page numbers restart at 1 in the appendix
    assert "Chỉ tiêu" in second  # the header row again on the table's second page


@pytest.mark.parametrize(("profile", "count", "labels"), [
    ("hd05", 1, ["Phụ lục"]), ("hd36", 2, ["Phụ lục 1", "Phụ lục 2"]),
    ("nd30", 1, ["Phụ lục I"]), ("nd30", 3, ["Phụ lục I", "Phụ lục II", "Phụ lục III"])])
def test_appendix_labels_follow_the_profile(profile, count, labels):
    from generator import appendices, profiles

    rule = profiles.get(profile)
    assert [appendices.label(rule, i, count) for i in range(1, count + 1)] == labels
