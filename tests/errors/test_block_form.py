"""The block form ``text: |``: what a clerk types is what Word prints, and mistakes are located."""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import DataError
from generator.inline import plain_text
from generator.pipeline import compile_report
from tests.errors.conftest import docx_footnotes, docx_paragraphs, make_project, run_cli

AREA = """owner: Ban Kinh tế
text: |
  Kết quả cụ thể như sau: "ngoặc kép", “ngoặc kép Word”, # dấu thăng, 100% — in nguyên văn[^1].

  Một dòng trống mở đoạn mới;
  một dòng mới trong đoạn là một dấu cách.
notes:
  1: |
    Chú thích cũng viết được
    như vậy.

    Đoạn thứ hai của chú thích.
"""


def _area(project, text: str) -> None:
    (project / "data" / "r" / "areas" / "kinh-te.yaml").write_text(text, "utf-8")


def test_block_form_prints_every_character_as_typed(project):
    _area(project, AREA)
    result = run_cli("build", "data/r", "-o", "out/r.docx")
    assert result.exit_code == 0, result.output
    paragraphs = docx_paragraphs(project / "out" / "r.docx")
    assert ("Kết quả cụ thể như sau: \"ngoặc kép\", “ngoặc kép Word”, # dấu thăng, 100% — in "
            "nguyên văn.") in paragraphs
    assert "Một dòng trống mở đoạn mới; một dòng mới trong đoạn là một dấu cách." in paragraphs
    assert docx_footnotes(project / "out" / "r.docx") == [
        ["Chú thích cũng viết được như vậy.", "Đoạn thứ hai của chú thích."]]


def test_block_form_in_report_intro_and_closing(project):
    report = (project / "data" / "r" / "report.yaml").read_text("utf-8")
    report = report.replace("outline:", "intro: |\n  Mở đầu: một,\n  hai.\n\n  Đoạn hai.\n"
                            "closing: |\n  Trên đây là báo cáo:\n  hết.\noutline:")
    (project / "data" / "r" / "report.yaml").write_text(report, "utf-8")
    result = run_cli("build", "data/r", "-o", "out/r.docx")
    assert result.exit_code == 0, result.output
    paragraphs = docx_paragraphs(project / "out" / "r.docx")
    assert "Mở đầu: một, hai." in paragraphs and "Đoạn hai." in paragraphs
    assert "Trên đây là báo cáo: hết." in paragraphs


def test_a_finding_inside_the_block_points_at_its_line_and_column(project):
    _area(project, "text: |\n  Đoạn một đúng.\n\n  Đoạn hai có\n    chú thích lạ[^9].\n")
    result = run_cli("build", "data/r", "-o", "out/r.docx")
    assert "data/r/areas/kinh-te.yaml:5:17: lỗi[footnote.unknown]: đoạn thứ 2 trong `text`" \
        in result.output


def test_check_findings_locate_into_block_text(project):
    _area(project, "text: |\n  Đoạn một\n  có  hai dấu cách.\n")
    result = run_cli("check", "data/r")
    lines = [line for line in result.output.splitlines() if "kinh-te.yaml" in line]
    assert lines and all(line.startswith("data/r/areas/kinh-te.yaml:3:5:") for line in lines), \
        result.output


# Any text a clerk can type on one line, the markup characters (* [ \\ _ ~) aside: letters
# with diacritics, punctuation YAML gives meaning to elsewhere (# : " “ ” ' % & ! | > @ { } -),
# digits, spaces.
_ALPHABET = string.ascii_letters + string.digits + "ăâđêôơưạảấầẩẫậĐÂƯàáãèéìíòóõùúýỳỹ" \
    + " #:\"“”'%&!|>@{}-,.;?()/=+<`$"


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(_ALPHABET, min_size=1, max_size=60).filter(str.strip),
                min_size=1, max_size=4))
def test_any_line_typed_in_the_block_is_printed_verbatim(tmp_path_factory, lines):
    root = make_project(tmp_path_factory.mktemp("block") / "p")
    # the block's first line sets its indentation, so that one starts with its first letter
    body = "".join(f"  {line}\n\n" for line in [lines[0].lstrip()] + lines[1:])
    _area(root, f"text: |\n{body}")
    compiled = compile_report(root / "data" / "r")
    printed = [plain_text(block.inlines) for block in compiled.report.body if block.kind == "p"]
    # the documented normalisation: spaces at the ends of a line are dropped
    assert printed[:len(lines)] == [line.strip() for line in lines]


def test_a_line_break_inside_a_paragraph_is_one_space(tmp_path):
    root = make_project(tmp_path / "p")
    _area(root, "text: |\n  một\n     hai   \n  ba\n")
    compiled = compile_report(root / "data" / "r")
    assert plain_text(compiled.report.body[1].inlines) == "một hai ba"


def test_the_list_form_stays_valid_and_refuses_the_mix(tmp_path):
    root = make_project(tmp_path / "p")
    _area(root, "text: |\n  Một.\nparagraphs:\n  - Hai.\n")
    with pytest.raises(DataError) as caught:
        compile_report(root / "data" / "r")
    codes = [d.code for d in caught.value.diagnostics.errors]
    assert codes == ["text.two-forms"]


def test_import_writes_the_block_form_that_reads_back_the_same(sample_docx, tmp_path):
    from generator.importer.run import import_report
    from tests.conftest import SAMPLE_DIR

    target = tmp_path / "nhap"
    import_report(sample_docx, target)
    areas = sorted((target / "areas").glob("*.yaml"))
    assert areas and all("\ntext: |\n" in path.read_text("utf-8") for path in areas)
    assert "\nparagraphs:" not in "".join(path.read_text("utf-8") for path in areas)

    def printed(folder):
        return [plain_text(b.inlines) for b in compile_report(folder).report.body]

    assert printed(target) == printed(SAMPLE_DIR)  # every character of the sample, as typed
