"""Output is never half-written, never lands in data/ or templates/, and failures say why."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from generator.errors import OutputError
from generator.pipeline import build_report
from tests.errors.conftest import run_cli

DROP_PRIVILEGES = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner",
                   "--inh-caps=-dac_override,-dac_read_search,-fowner"]
"""Run as root without the capabilities that let root ignore file permissions."""


def _built_then_edited(project: Path) -> tuple[Path, bytes]:
    """Build once, then change the data so that the next build must write; return the output."""
    out = project / "output" / "r.docx"
    assert run_cli("build", "data/r").exit_code == 0
    (project / "data" / "r" / "areas" / "kinh-te.yaml").write_text(
        "paragraphs:\n  - Nội dung mới.\n", "utf-8")
    return out, out.read_bytes()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.suffix == ".tmp")


def _run_as_user(*args: str) -> subprocess.CompletedProcess:
    """Run ``baocao ARGS`` in a child process that file permissions apply to, even as root."""
    command = [sys.executable, "-m", "generator", *args]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: permissions cannot be tested")
        command = DROP_PRIVILEGES + command
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=env,
                          timeout=120, check=False)


@pytest.fixture
def read_only(request):
    """Make paths read-only; restore them afterwards so the temporary folder can be removed."""
    changed: list[tuple[Path, int]] = []

    def make(path: Path) -> None:
        changed.append((path, path.stat().st_mode))
        path.chmod(stat.S_IREAD | stat.S_IEXEC if path.is_dir() else stat.S_IREAD)

    yield make
    for path, mode in reversed(changed):
        path.chmod(mode)


def test_word_holding_the_file_gives_a_vietnamese_message_and_keeps_the_old_output(
        project, monkeypatch):
    out, before = _built_then_edited(project)

    def locked(src, dst):  # what Windows answers while Word has the file open
        raise PermissionError(13, "The process cannot access the file", str(dst))

    monkeypatch.setattr("generator.writer._REPLACE_RETRIES", ())
    monkeypatch.setattr("generator.writer.os.replace", locked)
    result = run_cli("build", "data/r")
    assert result.exit_code == 1
    assert "Lỗi: Không ghi được 'output/r.docx': tệp đang mở trong Word" in result.output
    assert "đóng tệp trong Word" in result.output and "-o" in result.output
    assert "Traceback" not in result.output
    assert out.read_bytes() == before
    assert _leftovers(out.parent) == []


def test_a_full_disk_leaves_the_old_output_and_no_temporary_file(project, monkeypatch):
    out, before = _built_then_edited(project)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("generator.writer.os.chmod", full)  # fails after the temp file exists
    with pytest.raises(OutputError, match="ổ đĩa đã đầy"):  # Vietnamese, not strerror
        build_report(project / "data" / "r", out)
    assert out.read_bytes() == before
    assert _leftovers(out.parent) == []


def test_a_read_only_output_file_is_not_replaced(project, read_only):
    out, before = _built_then_edited(project)
    read_only(out)
    result = run_cli("build", "data/r")
    assert result.exit_code == 1
    assert "chế độ chỉ đọc" in result.output and "-o" in result.output
    assert out.read_bytes() == before


@pytest.mark.skipif(sys.platform == "win32", reason="Windows folders have no read-only bit")
@pytest.mark.parametrize("also_the_file", [False, True], ids=["folder", "folder-and-file"])
def test_a_read_only_output_folder(project, read_only, also_the_file):
    out, before = _built_then_edited(project)
    if also_the_file:
        read_only(out)
    read_only(out.parent)
    result = _run_as_user("build", "data/r")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Không ghi được 'output/r.docx'" in result.stderr
    assert "-o" in result.stderr and "Traceback" not in result.stderr
    assert out.read_bytes() == before
    assert _leftovers(out.parent) == []


def _snapshot(*folders: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p): (p.read_bytes(), p.stat().st_mtime_ns)
            for folder in folders for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("change", [None, "data-error", "template-error", "refused-output"])
def test_a_build_never_writes_in_data_or_templates(project, change):
    data, templates = project / "data", project / "templates"
    args = ["build", "data/r"]
    if change == "data-error":
        (data / "r" / "areas" / "kinh-te.yaml").write_text("paragraph:\n  - x\n", "utf-8")
    elif change == "template-error":
        (data / "r" / "report.yaml").write_text(
            (data / "r" / "report.yaml").read_text("utf-8") + "template: khong-co.docx\n", "utf-8")
    elif change == "refused-output":
        args += ["-o", "data/r/ket-qua.docx"]
    before = _snapshot(data, templates)
    result = run_cli(*args)
    assert result.exit_code == (0 if change is None else 1), result.output
    assert _snapshot(data, templates) == before
    outputs = sorted(p.relative_to(project).as_posix() for p in project.rglob("*")
                     if p.is_file() and not str(p).startswith((str(data), str(templates))))
    assert outputs == (["output/r.docx"] if change is None else [])


@pytest.mark.parametrize("target", ["data/r/report.docx", "data/r/areas/kinh-te.docx",
                                    "data/khac/bao-cao.docx", "templates/bao-cao.docx",
                                    "templates/khac.docx", "data/r/report.yaml"])
def test_output_into_data_or_templates_is_refused(project, target):
    before = _snapshot(project / "data", project / "templates")
    result = run_cli("build", "data/r", "-o", target)
    assert result.exit_code == 1
    assert result.output.startswith("Lỗi: ")
    assert _snapshot(project / "data", project / "templates") == before


def test_output_into_the_folder_of_a_custom_template_is_refused(project):
    custom = project / "mau"
    custom.mkdir()
    shutil.copy(project / "templates" / "bao-cao.docx", custom / "bao-cao.docx")
    report = project / "data" / "r" / "report.yaml"
    report.write_text(report.read_text("utf-8") + "template: ../../mau/bao-cao.docx\n", "utf-8")
    assert run_cli("build", "data/r", "-o", "mau/bao-cao-rieng.docx").exit_code == 1
