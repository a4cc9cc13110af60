"""``baocao new`` with no previous report, and the profile and organ checks of a new period."""

from __future__ import annotations

import docx
from click.testing import CliRunner

from generator.cli import cli
from tests.conftest import SAMPLE_DIR


def _new(*args: str):
    return CliRunner().invoke(cli, ["new", *args], prog_name="baocao")


def test_a_ward_report_started_from_nothing_builds_at_once(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = _new("data/phuong", "--organ", "ĐẢNG ỦY PHƯỜNG NINH KIỀU", "--parent",
                  "ĐẢNG BỘ THÀNH PHỐ CẦN THƠ", "--type", "BÁO CÁO", "--period", "nam",
                  "--year", "2026")
    assert result.exit_code == 0, result.output
    assert "Thể thức: hd05" in result.output
    built = CliRunner().invoke(cli, ["build", "data/phuong", "-o", "p.docx"])
    assert built.exit_code == 0, built.output
    document = docx.Document("p.docx")
    left = [p.text for p in document.tables[0].rows[0].cells[0].paragraphs]
    assert left[:2] == ["ĐẢNG BỘ THÀNH PHỐ CẦN THƠ", "ĐẢNG ỦY PHƯỜNG NINH KIỀU"]
    assert left[3] == "Số      -BC/ĐU"
    right = [p.text for p in document.tables[0].rows[0].cells[1].paragraphs]
    assert right[1] == "Ninh Kiều, ngày     tháng 12 năm 2026"


def test_new_without_from_or_organ_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = _new("data/x", "--period", "nam")
    assert result.exit_code == 2
    assert "--organ" in result.output and not (tmp_path / "data" / "x").exists()


def test_a_new_period_of_the_2024_sample_in_2026_warns_about_hau_giang(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = _new("data/hg-2026", "--from", str(SAMPLE_DIR), "--period", "9-thang", "--year",
                  "2026")
    assert result.exit_code == 0, result.output
    assert "cảnh báo[organ.obsolete]" in result.output
    assert "Thành ủy Cần Thơ" in result.output
    assert "ban cán sự đảng" in result.output
    assert "Thể thức: hd05" in result.output
