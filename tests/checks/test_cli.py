"""``baocao check``: output, JSON, exit codes, the sample pinned by code."""

import json

import pytest
from click.testing import CliRunner

from generator.checks import CODES, count_by_code, run_checks, summary_line
from generator.cli import cli
from generator.pipeline import compile_report
from tests.checks.tiny_report import write_report
from tests.conftest import SAMPLE_DIR

SAMPLE_COUNTS = {
    "arithmetic.change": 1,
    "citation.missing-date": 1,
    "date.style": 4,
    "number.decimal-point": 1,
    "number.thousands": 1,
    "spelling.near-word": 3,  # Kế hạch, tập tể, san lắp (found since the word list)
    "spelling.tone-style": 2,
    "spelling.unknown": 1,
    "text.double-space": 3,
    "text.missing-space": 1,
    "text.nbsp": 9,
    "text.placeholder": 1,
    "text.repeated-word": 3,
}
"""Findings on the sample by code. A rule change that adds noise changes this: look first."""


def invoke(*args):
    return CliRunner().invoke(cli, ["check", *map(str, args)])


def test_sample_counts_by_code():
    findings = run_checks(compile_report(SAMPLE_DIR))
    assert count_by_code(findings) == SAMPLE_COUNTS


def test_sample_finds_the_seeded_typos():
    shown = {f.message.split("'")[1] for f in run_checks(compile_report(SAMPLE_DIR))
             if f.code.startswith(("spelling.", "number.")) and "'" in f.message}
    assert {"chuần", "Kế hạch", "tập tể", "san lắp", "77.02%"} <= shown


def test_text_output_and_exit_code_with_errors():
    result = invoke(SAMPLE_DIR)
    assert result.exit_code == 1
    assert "lỗi[number.decimal-point]" in result.output
    assert "areas/noi-chinh-phong-chong-tham-nhung.yaml:16:" in result.output
    assert result.output.rstrip().splitlines()[-1].startswith("Rà soát biên tập: 2 lỗi,")


def test_warnings_only_exit_zero_unless_strict(tmp_path):
    report = write_report(tmp_path, ["Mở lớp với 1750 học viên."])
    assert invoke(report).exit_code == 0
    assert invoke("--strict", report).exit_code == 1


def test_clean_report(tmp_path):
    report = write_report(tmp_path, ["Công tác tuyên truyền được đẩy mạnh."])
    result = invoke(report)
    assert result.exit_code == 0
    assert "không phát hiện vấn đề nào" in result.output


def test_json_lines(tmp_path):
    report = write_report(tmp_path, ["Tỷ lệ đạt 77.02%, tăng 12.5%."])
    result = invoke("--format", "json", report)
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert result.exit_code == 1
    assert [r["suggestion"] for r in rows] == ["77,02", "12,5"]
    first = rows[0]
    assert {"file", "line", "column", "code", "severity", "message", "excerpt",
            "suggestion"} <= set(first)
    assert first["file"].endswith("areas/noi-dung.yaml")
    assert (first["line"], first["column"], first["severity"]) == (2, 15, "error")
    assert first["excerpt"].splitlines()[1].index("^") == first["excerpt"].splitlines()[0].index("7")


def test_data_errors_are_printed_like_build(tmp_path):
    report = write_report(tmp_path, [], raw_area="paragraphs: [\n")
    result = invoke(report)
    assert result.exit_code == 1
    assert "lỗi[yaml.syntax]" in result.output
    assert "Dừng lại" in result.output


def test_not_a_report_folder(tmp_path):
    assert invoke(tmp_path).exit_code == 1


def test_summary_line():
    assert summary_line([]) == "Rà soát biên tập: không phát hiện vấn đề nào."
    findings = run_checks(compile_report(SAMPLE_DIR))
    assert summary_line(findings).startswith("Rà soát biên tập: 2 lỗi, 29 cảnh báo.")


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_is_documented(code):
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")
    assert f"`{code}`" in doc


def test_build_warnings_can_be_left_out(tmp_path):
    report = write_report(tmp_path, [], raw_area="owner: Văn phòng\n")
    compiled = compile_report(report)
    assert [f.code for f in run_checks(compiled)] == ["area.empty"]
    assert run_checks(compiled, include_build=False) == []


def test_data_errors_as_json(tmp_path):
    report = write_report(tmp_path, [], raw_area="paragraphs: [\n")
    result = invoke("--format", "json", report)
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert result.exit_code == 1
    assert [r["code"] for r in rows] == ["yaml.syntax"]
