"""``baocao build`` as a user runs it: exit codes, messages, where the file goes, what is kept."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli

SUMMARY = re.compile(
    r"^Xong: (?P<sections>\d+) đề mục, (?P<paragraphs>\d+) đoạn văn, (?P<notes>\d+) chú thích, "
    r"thể thức (?P<profile>\w+) \([^)]*\), "
    r"(?P<seconds>\d+[.,]\d+) giây → (?P<path>.+) \((?P<state>đã ghi|không đổi, giữ nguyên)\)\.$",
    re.MULTILINE)
"""The one line printed after each successful build."""
OLD_TIME_NS = 1_000_000_000 * 10**9
"""A modification time far in the past: a rewrite would move it, whatever the clock."""


def run(*args: str):
    return CliRunner().invoke(cli, ["build", *args], prog_name="baocao")


def summaries(output: str) -> list[dict]:
    return [m.groupdict() for m in SUMMARY.finditer(output)]


def rel(report_copy: Path) -> str:
    return f"data/{report_copy.name}"


def _replace_once(path: Path, old: str, new: str, column_of: str) -> tuple[int, int]:
    """Replace the first `old` in `path` by `new`; return (line, column) of `column_of` there."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if old in line)
    lines[index] = lines[index].replace(old, new, 1)
    path.write_text("".join(lines), encoding="utf-8")
    return index + 1, lines[index].index(column_of) + 1


def break_footnote(report_copy: Path) -> tuple[str, int, int]:
    """Anchor an undefined footnote in an area file; return (file, line, column) of the anchor."""
    where = "areas/kinh-te.yaml"
    line, column = _replace_once(report_copy / where, "[^1]", "[^khong-co]", "[^khong-co]")
    return f"{rel(report_copy)}/{where}", line, column


def misspell_key(report_copy: Path) -> tuple[str, int, int]:
    """Misspell the ``place`` key of report.yaml; return (file, line, column) of the key."""
    line, column = _replace_once(report_copy / "report.yaml", "place:", "plase:", "plase")
    return f"{rel(report_copy)}/report.yaml", line, column


def test_build_prints_the_summary_and_writes_the_default_output(project, report_copy,
                                                                 seed_reference):
    result = run(rel(report_copy))
    assert result.exit_code == 0, result.output
    (summary,) = summaries(result.stdout)
    blocks = seed_reference["blocks"]
    assert int(summary["sections"]) == sum(b["kind"].startswith("heading") for b in blocks)
    assert int(summary["paragraphs"]) == sum(b["kind"] == "paragraph" for b in blocks)
    assert int(summary["notes"]) == len(seed_reference["footnotes"])
    assert summary["path"] == f"output/{report_copy.name}.docx"
    assert summary["state"] == "đã ghi"
    with zipfile.ZipFile(project / "output" / f"{report_copy.name}.docx") as docx:
        assert "word/footnotes.xml" in docx.namelist()


def test_output_option_overrides_the_default(project, report_copy):
    result = run(rel(report_copy), "-o", "ban-in/bao-cao.docx")
    assert result.exit_code == 0, result.output
    assert summaries(result.stdout)[0]["path"] == "ban-in/bao-cao.docx"
    assert (project / "ban-in" / "bao-cao.docx").is_file()
    assert not (project / "output").exists()


def test_default_output_is_under_the_project_root_whatever_the_current_folder(
        project, report_copy, monkeypatch):
    monkeypatch.chdir(report_copy)
    result = run(".")
    assert result.exit_code == 0, result.output
    assert (project / "output" / f"{report_copy.name}.docx").is_file()


@pytest.mark.parametrize("args", [[], ["{report}", "--khong-co"]],
                         ids=["no-argument", "unknown-option"])
def test_usage_errors_exit_2(project, report_copy, args):
    result = run(*(arg.format(report=rel(report_copy)) for arg in args))
    assert result.exit_code == 2
    assert not summaries(result.output)
    assert not (project / "output").exists()


def test_output_option_with_two_reports_is_a_usage_error(project, report_copy):
    other = shutil.copytree(report_copy, project / "data" / "khac")
    result = run(rel(report_copy), f"data/{other.name}", "-o", "x.docx")
    assert result.exit_code == 2


@pytest.mark.parametrize(("breaker", "code", "message"), [
    (break_footnote, "footnote.unknown", "chú thích '[^khong-co]' chưa được định nghĩa"),
    (misspell_key, "schema.unknown-key", "Có phải ý bạn là `place`?"),
], ids=["undefined-footnote", "misspelt-key"])
def test_data_error_exits_1_with_a_located_vietnamese_message(project, report_copy, breaker,
                                                              code, message):
    where, line, column = breaker(report_copy)
    result = run(rel(report_copy))
    assert result.exit_code == 1
    assert f"{where}:{line}:{column}: lỗi[{code}]:" in result.stderr
    assert message in result.stderr
    assert re.search(r"^Dừng lại: [1-9]\d* lỗi, \d+ cảnh báo\.", result.stderr, re.MULTILINE)
    assert "Traceback" not in result.output
    assert not summaries(result.output)
    assert not (project / "output").exists()


def test_failed_build_leaves_the_previous_output_intact(project, report_copy):
    assert run(rel(report_copy)).exit_code == 0
    output = project / "output" / f"{report_copy.name}.docx"
    before = output.read_bytes()
    (report_copy / "report.yaml").write_text(
        (report_copy / "report.yaml").read_text(encoding="utf-8").replace(
            "Trên đây là báo cáo", "Đã sửa: trên đây là báo cáo"), encoding="utf-8")
    break_footnote(report_copy)
    result = run(rel(report_copy))
    assert result.exit_code == 1
    assert "Tệp kết quả cũ được giữ nguyên" in result.stderr
    assert output.read_bytes() == before
    assert sorted(p.name for p in output.parent.iterdir()) == [output.name], "no temporary files"


@pytest.mark.parametrize("target", ["{report}/ket-qua.docx", "data/ket-qua.docx",
                                    "templates/ket-qua.docx"],
                         ids=["report-folder", "data-folder", "templates-folder"])
def test_output_into_data_or_templates_is_refused(project, report_copy, target):
    destination = target.format(report=rel(report_copy))
    result = run(rel(report_copy), "-o", destination)
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("Lỗi: ")
    assert "Hãy chọn nơi khác" in result.stderr
    assert not (project / destination).exists()


def test_unchanged_rebuild_reports_it_and_does_not_rewrite(project, report_copy):
    assert run(rel(report_copy)).exit_code == 0
    output = project / "output" / f"{report_copy.name}.docx"
    os.utime(output, ns=(OLD_TIME_NS, OLD_TIME_NS))
    result = run(rel(report_copy))
    assert result.exit_code == 0, result.output
    assert summaries(result.stdout)[0]["state"] == "không đổi, giữ nguyên"
    assert output.stat().st_mtime_ns == OLD_TIME_NS


def test_several_report_folders_are_each_built(project, report_copy):
    other = shutil.copytree(report_copy, project / "data" / "bao-cao-khac")
    result = run(rel(report_copy), f"data/{other.name}")
    assert result.exit_code == 0, result.output
    assert [s["path"] for s in summaries(result.stdout)] == [
        f"output/{report_copy.name}.docx", f"output/{other.name}.docx"]
    assert (project / "output" / f"{report_copy.name}.docx").is_file()
    assert (project / "output" / f"{other.name}.docx").is_file()


def test_one_bad_folder_among_several_still_builds_the_others_and_exits_1(project, report_copy):
    result = run("data/khong-co", rel(report_copy))
    assert result.exit_code == 1
    assert "'data/khong-co' không phải thư mục báo cáo" in result.stderr
    assert [s["path"] for s in summaries(result.stdout)] == [f"output/{report_copy.name}.docx"]


def test_python_m_generator_builds_in_a_real_process(report_copy, sample_docx):
    root = report_copy.parent.parent
    done = subprocess.run([sys.executable, "-m", "generator", "build", rel(report_copy)],
                          cwd=root, capture_output=True, timeout=120)
    stdout, stderr = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    assert done.returncode == 0, stderr
    (summary,) = summaries(stdout)
    assert summary["path"] == f"output/{report_copy.name}.docx"
    output = root / "output" / f"{report_copy.name}.docx"
    assert output.read_bytes() == sample_docx.read_bytes(), "another process, other bytes"
