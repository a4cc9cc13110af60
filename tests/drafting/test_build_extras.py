"""``baocao build`` extras: several reports at once, ``--pdf``, ``--png`` and ``--open``."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from generator.drafting import desktop
from tests.conftest import require_tool

TITLE = "Kết quả thực hiện nhiệm vụ công tác 9 tháng năm 2024"


def test_several_reports_are_built_with_progress_and_a_final_count(project, report_copy, baocao):
    shutil.copytree(report_copy, project / "data" / "ban-sao")
    (project / "data" / "ghi-chu.txt").write_text("không phải báo cáo", encoding="utf-8")
    (project / "data" / "thu-muc-trong").mkdir()
    paths = sorted(f"data/{p.name}" for p in (project / "data").iterdir())  # what data/* gives
    result = baocao("build", *paths)
    assert result.exit_code == 0, result.output
    assert re.findall(r"^\[(\d)/(\d)\] (\S+)$", result.stdout, re.MULTILINE) == [
        ("1", "2", "data/ban-sao"), ("2", "2", f"data/{report_copy.name}")]
    assert "bỏ qua 'data/ghi-chu.txt'" in result.stderr
    assert "bỏ qua 'data/thu-muc-trong'" in result.stderr
    assert result.stdout.rstrip().endswith(
        "Tổng kết: 2 báo cáo, 2 xong, 0 có lỗi; bỏ qua 2 đường dẫn không phải báo cáo.")
    assert (project / "output" / "ban-sao.docx").is_file()


def test_the_exit_code_of_several_reports_is_the_worst(project, report_copy, baocao):
    broken = shutil.copytree(report_copy, project / "data" / "hong")
    (broken / "report.yaml").write_text("organ: [\n", encoding="utf-8")
    result = baocao("build", "data/hong", f"data/{report_copy.name}")
    assert result.exit_code == 1
    assert (project / "output" / f"{report_copy.name}.docx").is_file()
    assert "Tổng kết: 2 báo cáo, 1 xong, 1 có lỗi." in result.stdout


def test_a_folder_list_without_any_report_is_an_error(project, baocao):
    (project / "data" / "a").mkdir()
    (project / "data" / "b").mkdir()
    result = baocao("build", "data/a", "data/b")
    assert result.exit_code == 1
    assert "không có thư mục báo cáo nào" in result.stderr


def pdf_text(pdf) -> str:
    done = subprocess.run([require_tool("pdftotext"), "-enc", "UTF-8", str(pdf), "-"],
                          capture_output=True, check=True, timeout=120)
    return " ".join(done.stdout.decode("utf-8").split())


def test_pdf_is_written_next_to_the_docx_and_holds_the_title(project, report_copy, baocao):
    require_tool("soffice")
    result = baocao("build", f"data/{report_copy.name}", "--pdf")
    assert result.exit_code == 0, result.output
    pdf = project / "output" / f"{report_copy.name}.pdf"
    assert f"Đã ghi output/{pdf.name}" in result.stdout
    assert TITLE in pdf_text(pdf)
    again = baocao("build", f"data/{report_copy.name}", "--pdf")
    assert "PDF không đổi" in again.stdout, "an unchanged .docx is not converted again"


def test_pdf_without_libreoffice_still_writes_the_docx_and_says_how_to_install(
        project, report_copy, baocao, monkeypatch):
    monkeypatch.setattr("generator.pdf.find_soffice", lambda: None)
    result = baocao("build", f"data/{report_copy.name}", "--pdf")
    assert result.exit_code == 1
    assert "Chưa cài LibreOffice" in result.stderr and "apt-get install" in result.stderr
    assert "Traceback" not in result.output
    assert (project / "output" / f"{report_copy.name}.docx").is_file()
    assert not (project / "output" / f"{report_copy.name}.pdf").exists()


def test_png_writes_one_image_per_page_and_removes_stale_pages(project, report_copy, baocao):
    require_tool("soffice")
    require_tool("pdftoppm")
    output = project / "output"
    output.mkdir()
    stale = output / f"{report_copy.name}-99.png"
    stale.write_bytes(b"old")
    result = baocao("build", f"data/{report_copy.name}", "--png")
    assert result.exit_code == 0, result.output
    pages = sorted(output.glob(f"{report_copy.name}-*.png"),
                   key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    numbers = [int(p.stem.rsplit("-", 1)[1]) for p in pages]
    assert numbers == list(range(1, len(pages) + 1)) and len(pages) > 9  # unpadded past 9
    assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in pages)
    assert not stale.exists()


def test_png_without_pdftoppm_says_how_to_install(project, report_copy, baocao, monkeypatch):
    require_tool("soffice")
    monkeypatch.setattr("generator.pdf.find_pdftoppm", lambda: None)
    result = baocao("build", f"data/{report_copy.name}", "--png")
    assert result.exit_code == 1
    assert "Chưa có pdftoppm" in result.stderr
    assert (project / "output" / f"{report_copy.name}.pdf").is_file()


def test_open_hands_the_docx_to_the_default_application(project, report_copy, baocao,
                                                        monkeypatch):
    opened = []
    monkeypatch.setattr(desktop, "open_file", lambda path: opened.append(path))
    result = baocao("build", f"data/{report_copy.name}", "--open")
    assert result.exit_code == 0, result.output
    assert opened == [project / "output" / f"{report_copy.name}.docx"]


def test_open_failing_is_a_warning_not_a_failed_build(project, report_copy, baocao, monkeypatch):
    monkeypatch.setattr(desktop, "open_file", lambda path: "không mở được 'x.docx'.")
    result = baocao("build", f"data/{report_copy.name}", "--open")
    assert result.exit_code == 0
    assert "Cảnh báo: không mở được 'x.docx'." in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="Windows opens with os.startfile")
def test_open_file_reports_a_missing_or_failing_opener(tmp_path, monkeypatch):
    target = tmp_path / "bao-cao.docx"
    monkeypatch.setattr(desktop.shutil, "which", lambda name: None)
    assert "không có lệnh" in desktop.open_file(target)

    class Failing:
        def __init__(self, *args, **kwargs):
            pass

        def wait(self, timeout):
            return 3

    monkeypatch.setattr(desktop.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(desktop.subprocess, "Popen", Failing)
    assert "báo lỗi 3" in desktop.open_file(target)
