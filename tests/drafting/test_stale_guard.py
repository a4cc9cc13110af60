"""Last period's text in a new period: warnings in a draft, a stopped build in the final version."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.errors.conftest import docx_paragraphs

OLD = "9 tháng năm 2024"


@pytest.fixture
def quarter(project, report_copy, baocao) -> Path:
    """A quý IV report made by ``baocao new`` from the sample (draft, text kept)."""
    result = baocao("new", "data/quy-4", "--from", f"data/{report_copy.name}", "--period", "quy-4")
    assert result.exit_code == 0, result.output
    return project / "data" / "quy-4"


def _final(folder: Path) -> None:
    """Make the report a version to issue: a number, a full date, no Dự thảo."""
    report = folder / "report.yaml"
    text = report.read_text("utf-8")
    text = re.sub(r"(?m)^draft: .*\n", "number: 210\n", text)
    text = re.sub(r"(?m)^date:.*\n  month: 12", "date:\n  day: 20\n  month: 12", text)
    report.write_text(text, "utf-8")


def _codes(output: str, code: str, severity: str) -> list[str]:
    return re.findall(rf"^\S+:\d+:\d+: {severity}\[{code}\]", output, re.MULTILINE)


def test_a_draft_warns_at_every_mention_and_every_untouched_part(quarter, baocao):
    result = baocao("build", "data/quy-4", "-o", "out/q4.docx")
    assert result.exit_code == 0, result.output
    mentions = _codes(result.output, "stale.period", "cảnh báo")
    # every mention in the printed text (comments of the files aside) is one warning
    printed = sum(p.count(OLD) for p in docx_paragraphs(Path("out/q4.docx")))
    assert len(mentions) >= printed > 0
    assert len(_codes(result.output, "stale.unchanged", "cảnh báo")) == 13
    assert "data/quy-4/report.yaml:25:12: cảnh báo[stale.period]: đoạn thứ 1 trong `intro`: " \
        "còn nhắc '9 tháng năm 2024' của kỳ trước; báo cáo này là quý IV năm 2024." \
        in result.output
    assert re.search(r"^Rà soát biên tập: có [\d.]+ chỗ nên sửa và [\d.]+ chỗ nên xem lại \(tệp "
                     r"Word vẫn được tạo\)", result.output, re.MULTILINE)


def test_the_final_version_is_not_built_while_last_periods_text_remains(quarter, baocao):
    _final(quarter)
    result = baocao("build", "data/quy-4", "-o", "out/q4.docx")
    assert result.exit_code == 1
    assert not Path("out/q4.docx").exists()
    assert _codes(result.output, "stale.period", "lỗi") and \
        len(_codes(result.output, "stale.unchanged", "lỗi")) == 13
    assert re.search(r"^Dừng lại: \d+ lỗi, 0 cảnh báo\. Tệp kết quả cũ được giữ nguyên\.$",
                     result.output, re.MULTILINE)
    check = baocao("check", "data/quy-4")
    assert check.exit_code == 1 and _codes(check.output, "stale.unchanged", "lỗi")


def test_an_updated_part_and_a_reasoned_comment_clear_the_guard(quarter, baocao):
    _final(quarter)
    areas = quarter / "areas"
    for path in areas.glob("*.yaml"):  # every department sends this quarter's text
        path.write_text(f"owner: Ban\ntext: |\n  Nội dung quý IV của phần {path.stem}.\n",
                        "utf-8")
    report = quarter / "report.yaml"
    text = report.read_text("utf-8")
    intro = re.search(r'(?m)^  - "Trong 9 tháng.*$', text).group()
    # a comparison with the previous period, kept on purpose: allowed with a reason only
    kept = '  - "So với 9 tháng năm 2024, tình hình ổn định."'
    report.write_text(text.replace(intro, kept + "  # baocao: bỏ qua stale.period"), "utf-8")
    refused = baocao("build", "data/quy-4", "-o", "out/q4.docx")
    assert refused.exit_code == 1 and _codes(refused.output, "stale.period", "lỗi")
    report.write_text(text.replace(intro, kept + "  # baocao: bỏ qua stale.period — số liệu so "
                                   "sánh với kỳ trước"), "utf-8")
    result = baocao("build", "data/quy-4", "-o", "out/q4.docx")
    assert result.exit_code == 0, result.output
    assert "stale." not in result.output
    assert Path("out/q4.docx").is_file()


def test_status_tells_untouched_lightly_edited_and_updated(quarter, baocao):
    areas = quarter / "areas"
    economy = areas / "kinh-te.yaml"
    economy.write_text(economy.read_text("utf-8").replace("kinh tế 9 tháng năm", "kinh tế năm", 1),
                       "utf-8")
    (areas / "dan-van.yaml").write_text("owner: Ban Dân vận\ntext: |\n  Quý IV: mới.\n", "utf-8")
    result = baocao("status", "data/quy-4")
    rows = {line.split()[0]: line for line in result.output.splitlines()
            if re.match(r"[IV]+(\.\d+)?\s", line)}
    assert "  sửa ít  " in rows["III.1"]
    assert "  đã cập nhật  " in rows["II.3"]
    assert "  giống kỳ trước  " in rows["II.1"]
