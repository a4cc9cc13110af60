"""``baocao watch`` as a user runs it: a real process, real saves, bounded waits only."""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from generator.drafting.watcher import WRITTEN_LINE, WatchSettings, run_watch
from tests.conftest import ROOT, require_tool

WAIT = 60.0
"""Generous bound for anything to happen; the tests never assert on speed."""


class WatchProcess:
    """``python -m generator watch …`` with its output read line by line in the background."""

    def __init__(self, args: list[str], cwd: Path):
        self.proc = subprocess.Popen([sys.executable, "-m", "generator", "watch", *args],
                                     cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        self.lines: queue.Queue[str] = queue.Queue()
        self.stdout: list[str] = []
        self.stderr: list[str] = []
        self.readers = [threading.Thread(target=self._read, args=pair, daemon=True)
                        for pair in ((self.proc.stdout, self.stdout),
                                     (self.proc.stderr, self.stderr))]
        for reader in self.readers:
            reader.start()

    def _read(self, stream, sink: list[str]) -> None:
        for raw in stream:
            line = raw.decode("utf-8").rstrip("\r\n")
            sink.append(line)
            if sink is self.stdout:
                self.lines.put(line)

    def wait_for(self, predicate, what: str) -> str:
        """Return the next stdout line satisfying `predicate`; fail after `WAIT` seconds."""
        deadline = time.monotonic() + WAIT
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                break
            if predicate(line):
                return line
        pytest.fail(f"watch did not print {what} within {WAIT} s.\nstdout:\n"
                    + "\n".join(self.stdout) + "\nstderr:\n" + "\n".join(self.stderr))

    def wait_for_stderr(self, predicate, what: str) -> None:
        """Wait until a stderr line satisfies `predicate` (its reader may lag behind stdout's)."""
        deadline = time.monotonic() + WAIT
        while not any(predicate(line) for line in list(self.stderr)):
            if time.monotonic() > deadline:
                pytest.fail(f"watch did not print {what} on stderr within {WAIT} s:\n"
                            + "\n".join(self.stderr))
            time.sleep(0.05)

    def stop(self) -> None:
        """Kill the process if it still runs, and let the readers drain and close its pipes."""
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=WAIT)
        for reader in self.readers:
            reader.join(WAIT)
        self.proc.stdout.close()
        self.proc.stderr.close()


@pytest.fixture
def watching(project, report_copy):
    """Start a watch of the report copy writing output/ban-nhap.docx; stop it afterwards."""
    started: list[WatchProcess] = []

    def start(*extra: str) -> WatchProcess:
        watch = WatchProcess([f"data/{report_copy.name}", "-o", "output/ban-nhap.docx",
                              "--max-builds", "50", *extra], project)
        started.append(watch)
        watch.wait_for(lambda line: line.startswith("Đang theo dõi"), "that it is watching")
        return watch

    yield start
    for watch in started:
        watch.stop()


def mark_first_paragraph(area: Path, original: str, marker: str) -> None:
    """Save `area` with `marker` at the start of its first paragraph."""
    area.write_text(original.replace("\n  - ", f"\n  - {marker} ", 1), encoding="utf-8")


def test_watch_rebuilds_on_save_survives_a_broken_edit_and_recovers(watching, project,
                                                                    report_copy, docx_text):
    watch = watching()
    output = project / "output" / "ban-nhap.docx"
    area = report_copy / "areas" / "kinh-te.yaml"
    original = area.read_text(encoding="utf-8")

    mark_first_paragraph(area, original, "Dấu sửa thứ nhất.")
    line = watch.wait_for(WRITTEN_LINE.match, "a build that wrote the .docx")
    assert WRITTEN_LINE.match(line)["path"] == "output/ban-nhap.docx"
    assert "Dấu sửa thứ nhất." in docx_text(output)
    good = output.read_bytes()

    area.write_text(original + "notes: [chưa đóng\n", encoding="utf-8")
    watch.wait_for(lambda text: "Chưa tạo lại được" in text, "the failed rebuild")
    assert output.read_bytes() == good, "a broken edit must leave the last good .docx as it was"
    watch.wait_for_stderr(lambda err: "kinh-te.yaml:" in err and "lỗi[yaml.syntax]" in err,
                          "the located syntax error")
    assert not any("Traceback" in err for err in watch.stderr)

    mark_first_paragraph(area, original, "Dấu sửa thứ hai.")
    watch.wait_for(WRITTEN_LINE.match, "the recovered build")
    text = docx_text(output)
    assert "Dấu sửa thứ hai." in text and "Dấu sửa thứ nhất." not in text


def test_watch_does_not_rewrite_an_unchanged_result(watching, project, report_copy):
    watch = watching()
    output = project / "output" / "ban-nhap.docx"
    old = 1_000_000_000 * 10**9
    os.utime(output, ns=(old, old))
    area = report_copy / "areas" / "dan-van.yaml"
    area.write_text(area.read_text(encoding="utf-8") + "# chỉ thêm một dòng ghi chú\n",
                    encoding="utf-8")
    line = watch.wait_for(lambda text: text.startswith("["), "a rebuild line")
    assert line.endswith("(không đổi, giữ nguyên).")
    assert output.stat().st_mtime_ns == old


def test_watch_rebuilds_when_the_template_is_saved(project, watching):
    template = project / "templates" / "bao-cao.docx"
    template.parent.mkdir()
    shutil.copy(ROOT / "templates" / "bao-cao.docx", template)
    watch = watching()
    assert any("templates" in line for line in watch.stdout if line.startswith("Đang theo dõi"))
    (template.parent / "~$bao-cao.docx").write_bytes(b"Word's lock file")
    template.write_bytes(template.read_bytes())  # Word saving the template unchanged
    line = watch.wait_for(lambda text: text.startswith("["), "a rebuild after the template save")
    assert line.endswith("(không đổi, giữ nguyên).")


def test_watch_stops_after_max_builds(project, report_copy):
    done = subprocess.run([sys.executable, "-m", "generator", "watch", f"data/{report_copy.name}",
                           "--max-builds", "1"], cwd=project, capture_output=True, timeout=WAIT,
                          check=False)
    assert done.returncode == 0, done.stderr.decode("utf-8")
    assert WRITTEN_LINE.match(done.stdout.decode("utf-8").splitlines()[0])


@pytest.mark.skipif(sys.platform == "win32", reason="Ctrl+C is a console event on Windows")
def test_ctrl_c_ends_with_a_goodbye_and_no_traceback(watching):
    watch = watching()
    watch.proc.send_signal(signal.SIGINT)
    assert watch.proc.wait(timeout=WAIT) == 0
    watch.stop()  # drains both pipes
    assert any("Tạm biệt" in line for line in watch.stdout)
    assert not any("Traceback" in line for line in watch.stderr)


def test_run_watch_in_a_thread_reports_builds_and_stops_on_its_event(report_copy, tmp_path):
    stop, ready = threading.Event(), threading.Event()
    events, lines = [], []
    settings = WatchSettings(output=tmp_path / "out" / "ban-nhap.docx")
    thread = threading.Thread(target=run_watch, args=(report_copy, settings), daemon=True,
                              kwargs={"echo": lines.append, "stop_event": stop, "ready": ready,
                                      "on_build": events.append})
    thread.start()
    try:
        assert ready.wait(WAIT), lines
        area = report_copy / "areas" / "kinh-te.yaml"
        mark_first_paragraph(area, area.read_text(encoding="utf-8"), "Sửa trong luồng.")
        deadline = time.monotonic() + WAIT
        while len(events) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(events) >= 2, lines
        assert events[0].ok and events[1].ok and events[1].written
        assert events[1].output == settings.output
    finally:
        stop.set()
        thread.join(WAIT)
    assert not thread.is_alive()


def test_watch_without_libreoffice_says_so_once_and_keeps_building(report_copy, tmp_path,
                                                                    monkeypatch, capsys):
    monkeypatch.setattr("generator.drafting.watcher.find_soffice", lambda: None)
    output = tmp_path / "ban-nhap.docx"
    builds = run_watch(report_copy, WatchSettings(output=output, pdf=True), max_builds=1)
    assert builds == 1 and output.is_file()
    assert not output.with_suffix(".pdf").exists()
    assert "Chưa cài LibreOffice" in capsys.readouterr().err


def test_watch_pdf_writes_the_pdf_next_to_the_docx(project, report_copy):
    require_tool("soffice")
    done = subprocess.run([sys.executable, "-m", "generator", "watch", f"data/{report_copy.name}",
                           "--pdf", "--max-builds", "1"], cwd=project, capture_output=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr.decode("utf-8")
    assert (project / "output" / f"{report_copy.name}.pdf").stat().st_size > 0
