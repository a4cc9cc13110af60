"""The last-resort handler: whatever breaks, a Vietnamese line, a log, exit 1, never a traceback.

Faults are injected where a real one could strike (the renderer, the writer, one folder of a
batch); the user's side is read as a user would: the printed text, the exit code, the log file.
"""

from __future__ import annotations

import errno
import re
from pathlib import Path

import pytest

from generator.drafting.watcher import Watcher, WatchSettings
from generator.lastresort import LOG_DIR_VARIABLE
from generator.oserrors import describe
from tests.errors.conftest import make_project, run_cli

LOG_LINE = re.compile(r"Chi tiết kỹ thuật đã ghi vào (?P<path>\S+);")


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """The minimal valid project (``data/r``), made the current folder."""
    root = make_project(tmp_path / "project")
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def logs(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "logs"
    monkeypatch.setenv(LOG_DIR_VARIABLE, str(folder))
    return folder


def _break_render(monkeypatch, error: BaseException) -> None:
    def broken(*args, **kwargs):
        raise error

    monkeypatch.setattr("generator.render.render_docx", broken)


def test_a_bug_prints_one_vietnamese_line_and_the_log_holds_the_details(project, logs,
                                                                       monkeypatch):
    _break_render(monkeypatch, RuntimeError("fault deep inside"))
    result = run_cli("build", "data/r", "-o", "out/r.docx")
    assert result.exit_code == 1
    assert "Traceback" not in result.output and "fault deep inside" not in result.output
    assert result.output.startswith("Lỗi: Chương trình baocao gặp sự cố ngoài dự kiến "
                                    "(RuntimeError)")
    log = Path(LOG_LINE.search(result.output)["path"])
    assert log.parent == logs
    text = log.read_text("utf-8")
    assert "Traceback" in text and "fault deep inside" in text and "render_docx" in text
    assert not (project / "out" / "r.docx").exists()


def test_verbose_prints_the_details_too(project, logs, monkeypatch):
    _break_render(monkeypatch, RuntimeError("fault deep inside"))
    result = run_cli("build", "data/r", "-o", "out/r.docx", "-v")
    assert result.exit_code == 1
    assert "Traceback" in result.output and "fault deep inside" in result.output


def test_an_os_error_is_said_in_vietnamese_with_the_file(project, logs, monkeypatch):
    _break_render(monkeypatch, OSError(errno.ENOSPC, "No space left on device", "out/r.docx"))
    result = run_cli("build", "data/r", "-o", "out/r.docx")
    assert result.exit_code == 1
    assert "Lỗi: Không thao tác được với 'out/r.docx': ổ đĩa đã đầy." in result.output
    assert "No space" not in result.output


def test_no_log_can_be_written_and_the_message_still_comes(project, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("", "utf-8")
    monkeypatch.setenv(LOG_DIR_VARIABLE, str(blocker / "logs"))  # below a file: cannot exist
    _break_render(monkeypatch, RuntimeError("x"))
    result = run_cli("build", "data/r", "-o", "out/r.docx")
    assert result.exit_code == 1 and "Chương trình baocao gặp sự cố" in result.output
    assert "Chi tiết kỹ thuật" not in result.output


def test_one_broken_folder_does_not_stop_a_batch(project, logs, monkeypatch):
    import shutil

    from generator import pipeline

    shutil.copytree(project / "data" / "r", project / "data" / "s")
    real = pipeline.compile_report

    def fails_for_r(folder):
        if Path(folder).name == "r":
            raise KeyError("broken")
        return real(folder)

    monkeypatch.setattr(pipeline, "compile_report", fails_for_r)
    result = run_cli("build", "data/r", "data/s", "-j", "1")
    assert result.exit_code == 1
    assert "Chương trình baocao gặp sự cố ngoài dự kiến (KeyError)" in result.output
    assert "Tổng kết: 2 báo cáo, 1 xong, 1 có lỗi." in result.output
    assert (project / "output" / "s.docx").is_file() and not (project / "output" / "r.docx").exists()


def test_watch_survives_a_failed_rebuild_and_keeps_the_last_good_output(project, logs,
                                                                       monkeypatch, capsys):
    lines: list[str] = []
    watcher = Watcher(project / "data" / "r", WatchSettings(project / "out" / "r.docx"),
                      echo=lines.append)
    assert watcher.build().ok
    good = (project / "out" / "r.docx").read_bytes()
    _break_render(monkeypatch, MemoryError())
    (project / "data" / "r" / "areas" / "kinh-te.yaml").write_text(
        "paragraphs:\n  - Một đoạn khác.\n", "utf-8")
    event = watcher.build()
    assert not event.ok
    assert "Lỗi: Máy không đủ bộ nhớ" in capsys.readouterr().err
    assert "tệp .docx cũ vẫn giữ nguyên" in lines[-1]
    assert (project / "out" / "r.docx").read_bytes() == good
    monkeypatch.undo()  # the fault goes away: the next save builds again
    assert watcher.build().ok


@pytest.mark.parametrize(("code", "words"), [
    (errno.ENOSPC, "ổ đĩa đã đầy"), (errno.EROFS, "chỉ cho đọc"), (errno.EACCES, "quyền"),
    (errno.EEXIST, "cùng tên"), (errno.ENAMETOOLONG, "quá dài"), (errno.EISDIR, "thư mục"),
    (errno.ENOENT, "không có tệp"), (12345, "từ chối")])
def test_each_os_error_has_its_vietnamese_words(code, words):
    assert words in describe(OSError(code, "English text"))
    assert "English" not in describe(OSError(code, "English text"))


def test_a_windows_sharing_violation_says_the_file_is_open():
    error = OSError(errno.EACCES, "The process cannot access the file")
    error.winerror = 32
    assert "đang mở" in describe(error)


def test_a_deleted_current_folder_is_said_not_crashed(tmp_path):
    """The folder a clerk ran baocao in was deleted meanwhile (a USB stick pulled out)."""
    import subprocess
    import sys

    from tests.conftest import ROOT, SAMPLE_DIR

    gone = tmp_path / "gone"
    gone.mkdir()
    code = ("import os, sys; os.chdir(sys.argv[1]); os.rmdir(sys.argv[1]); "
            "sys.argv = ['baocao', 'build', sys.argv[2], '-o', sys.argv[3]]; "
            "from generator.cli import main; main()")
    done = subprocess.run([sys.executable, "-c", code, str(gone), str(SAMPLE_DIR),
                           str(tmp_path / "out.docx")], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT, timeout=120, check=False,
                          env={**__import__("os").environ, "PYTHONPATH": str(ROOT),
                               LOG_DIR_VARIABLE: str(tmp_path / "logs")})
    assert "Traceback" not in done.stdout + done.stderr
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Xong: ") and (tmp_path / "out.docx").is_file()
