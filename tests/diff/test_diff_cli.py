"""``baocao diff`` as a user runs it: folders, a git revision, built .docx files, mistakes."""

from __future__ import annotations

import subprocess
from pathlib import Path

from click.testing import CliRunner

from generator.cli import cli
from generator.diff.run import diff_reports
from generator.pipeline import build_report
from tests.conftest import require_tool
from tests.diff.diff_support import Outcome, Versions, assert_round_trip, compare_versions

EDIT = ("areas/kinh-te.yaml", "đạt kết quả khả quan", "đạt kết quả tốt")


def run(*args: str):
    return CliRunner().invoke(cli, ["diff", *args])


def test_identical_folders_say_so_and_still_write(versions: Versions):
    out = versions.root / "so-sanh.docx"
    result = run(str(versions.old), str(versions.new), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "Hai bản giống nhau: không có thay đổi." in result.output
    assert out.is_file()


def test_summary_and_default_output(versions: Versions):
    versions.edit(*EDIT)
    result = run(str(versions.old), str(versions.new))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Những chỗ thay đổi (bản cũ → bản mới):"
    assert "  III.1. Phát triển kinh tế: 1 đoạn sửa." in lines
    assert "Tổng cộng: 1 đoạn sửa; chú thích không đổi." in lines
    assert (versions.root / "output" / f"{versions.new.name}-so-sanh.docx").is_file()


def test_usage_mistakes(versions: Versions):
    only_one = run(str(versions.new))
    assert only_one.exit_code == 2
    assert "cần hai bản để so sánh" in only_one.output
    both = run(str(versions.old), str(versions.new), "--rev", "HEAD")
    assert both.exit_code == 2
    assert "với --rev chỉ ghi một thư mục" in both.output
    bad_date = run(str(versions.old), str(versions.new), "--date", "30/9/2024")
    assert bad_date.exit_code == 2
    assert "không phải ngày dạng NĂM-THÁNG-NGÀY" in bad_date.output


def test_errors_in_the_old_version_are_located_and_named(versions: Versions):
    versions.edit("report.yaml", "  abbrev: TU ", "  abbrev: [TU] ", old=True)
    result = run(str(versions.old), str(versions.new), "-o", str(versions.root / "x.docx"))
    assert result.exit_code == 1
    assert "Dữ liệu của bản cũ có lỗi:" in result.output
    assert "report.yaml:8:" in result.output
    assert not (versions.root / "x.docx").exists()


def test_output_never_overwrites_the_data(versions: Versions):
    result = run(str(versions.old), str(versions.new), "-o", str(versions.new / "x.docx"))
    assert result.exit_code == 1
    assert "không ghi kết quả vào thư mục dữ liệu" in result.output.lower()


def test_git_revision(versions: Versions):
    git = require_tool("git")
    repo = versions.root

    def call(*args: str) -> None:
        subprocess.run([git, "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
                       cwd=repo, check=True, capture_output=True)

    call("init", "-q")
    call("add", "data")
    call("commit", "-q", "-m", "draft 1")
    versions.edit(*EDIT)
    result = diff_reports(versions.new, None, rev="HEAD", output=repo / "built" / "so-sanh.docx")
    old_docx, new_docx = repo / "built" / "old.docx", repo / "built" / "new.docx"
    build_report(versions.old, old_docx)  # OLD is the committed text, untouched
    build_report(versions.new, new_docx)
    assert_round_trip(Outcome(result.output, old_docx, new_docx, result.summary()))
    assert "  III.1. Phát triển kinh tế: 1 đoạn sửa." in result.summary()
    unknown = run(str(versions.new), "--rev", "khong-co")
    assert unknown.exit_code == 1
    assert "kho git không có phiên bản 'khong-co'" in unknown.output.lower()


def test_two_built_docx_files(versions: Versions):
    versions.edit(*EDIT)
    versions.edit("report.yaml", "draft: Dự thảo", "draft: Dự thảo 2")
    built = compare_versions(versions)  # builds OLD and NEW .docx
    out = versions.root / "docx-so-sanh.docx"
    result = diff_reports(built.old_docx, built.new_docx, output=out)
    assert result.summary() == built.summary
    assert_round_trip(Outcome(out, built.old_docx, built.new_docx, result.summary()))


def test_output_is_not_an_input(versions: Versions):
    built = compare_versions(versions)
    result = run(str(built.old_docx), str(built.new_docx), "-o", str(built.new_docx))
    assert result.exit_code == 1
    assert "không ghi kết quả đè lên tệp đầu vào" in result.output.lower()
    assert Path(built.new_docx).is_file()
