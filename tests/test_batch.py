"""``baocao build --jobs N``: many report folders on several processes, printed as one would."""

from __future__ import annotations

import multiprocessing
import re
import shutil
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import batch
from generator.cli import cli
from generator.commands.build import Outcome, build_outcome
from generator.drafting import desktop
from tests.test_build_cli import SUMMARY, break_footnote

FOLDERS = 2 * batch.MIN_PER_WORKER
"""Enough folders for `build_many` to start two workers rather than build them here."""
SECONDS = re.compile(r"\d+,\d+ giây")
PROGRESS = re.compile(r"^\[(\d+)/(\d+)\] (\S+)$", re.MULTILINE)


@pytest.fixture
def folders(report_copy: Path, monkeypatch) -> list[str]:
    """`FOLDERS` report folders in a project made the current folder, as ``data/*`` names."""
    root = report_copy.parent.parent
    monkeypatch.chdir(root)
    for number in range(2, FOLDERS + 1):
        shutil.copytree(report_copy, root / "data" / f"bao-cao-{number:02}")
    return sorted(f"data/{p.name}" for p in (root / "data").iterdir())


@pytest.fixture
def pools(monkeypatch) -> list[int]:
    """Record the worker count of every process pool `build_many` starts."""
    started = []

    class Recording(ProcessPoolExecutor):
        def __init__(self, max_workers=None, **kwargs):
            super().__init__(max_workers, **kwargs)
            started.append(max_workers)

    monkeypatch.setattr(batch, "ProcessPoolExecutor", Recording)
    return started


def build(*args: str):
    return CliRunner().invoke(cli, ["build", *args], prog_name="baocao")


def outputs(names: list[str]) -> dict[str, bytes]:
    return {name: (Path("output") / f"{Path(name).name}.docx").read_bytes() for name in names}


def steady(text: str) -> str:
    """Return `text` without the build times, the one thing that differs between runs."""
    return SECONDS.sub("… giây", text)


def test_two_jobs_build_the_same_bytes_and_print_the_same_as_one(folders, pools):
    alone = build("--jobs", "1", *folders)
    assert alone.exit_code == 0, alone.output
    assert pools == [], "one job builds here"
    first = outputs(folders)
    shutil.rmtree("output")
    shared = build("--jobs", "2", *folders)
    assert shared.exit_code == 0, shared.output
    assert pools == [2]
    assert outputs(folders) == first
    assert steady(shared.stdout) == steady(alone.stdout)
    assert shared.stderr == alone.stderr
    assert shared.stdout.count("Rà soát biên tập:") == FOLDERS, "the checks ran in the workers"


def test_an_error_in_one_folder_is_located_while_the_others_build(folders, pools):
    broken = folders[3]
    where, line, column = break_footnote(Path(broken))
    result = build("--jobs", "2", *folders)
    assert pools == [2]
    assert result.exit_code == 1
    assert f"{where}:{line}:{column}: lỗi[footnote.unknown]:" in result.stderr
    assert re.search(r"^Dừng lại: 1 lỗi, \d+ cảnh báo\.", result.stderr, re.MULTILINE)
    assert "Traceback" not in result.output
    assert f"Tổng kết: {FOLDERS} báo cáo, {FOLDERS - 1} xong, 1 có lỗi." in result.stdout
    built = [m["path"] for m in SUMMARY.finditer(result.stdout)]
    assert built == [f"output/{Path(n).name}.docx" for n in folders if n != broken]
    assert not (Path("output") / f"{Path(broken).name}.docx").exists()


def test_progress_follows_the_order_given_and_each_result_its_folder(folders, pools):
    given = folders[1::2] + folders[::2]  # not the order the workers are likely to finish in
    result = build("--jobs", "2", "--no-check", *given)
    assert result.exit_code == 0, result.output
    assert pools == [2]
    assert PROGRESS.findall(result.stdout) == [
        (str(i), str(FOLDERS), name) for i, name in enumerate(given, start=1)]
    blocks = PROGRESS.split(result.stdout)[1:]  # number, total, folder, what followed it
    for name, after in zip(blocks[2::4], blocks[3::4], strict=True):
        assert f"→ output/{Path(name).name}.docx (đã ghi)." in after


def test_verbose_brings_the_traceback_back_from_the_worker(folders, pools):
    Path(folders[-1], "report.yaml").write_text("organ: [\n", encoding="utf-8")
    quiet = build("--jobs", "2", "--no-check", *folders)
    loud = build("--jobs", "2", "--no-check", "-v", *folders)
    assert pools == [2, 2]
    assert quiet.exit_code == loud.exit_code == 1
    assert "Traceback" not in quiet.output
    assert "Traceback (most recent call last):" in loud.stderr
    assert "generator.errors.DataError: dữ liệu có lỗi" in loud.stderr
    assert loud.stderr.index("Dừng lại:") < loud.stderr.index("Traceback")


def test_paths_that_are_not_reports_are_skipped(folders, pools):
    Path("data", "ghi-chu.txt").write_text("không phải báo cáo", encoding="utf-8")
    Path("data", "thu-muc-trong").mkdir()
    result = build("--jobs", "2", "--no-check", "data/ghi-chu.txt", *folders,
                   "data/thu-muc-trong")
    assert result.exit_code == 0, result.output
    assert pools == [2]
    assert "bỏ qua 'data/ghi-chu.txt'" in result.stderr
    assert "bỏ qua 'data/thu-muc-trong'" in result.stderr
    assert result.stdout.rstrip().endswith(
        f"Tổng kết: {FOLDERS} báo cáo, {FOLDERS} xong, 0 có lỗi; "
        "bỏ qua 2 đường dẫn không phải báo cáo.")


def test_open_happens_here_in_the_order_given(folders, pools, monkeypatch):
    opened = []  # a worker's appends would stay in the worker
    monkeypatch.setattr(desktop, "open_file", lambda path: opened.append(path))
    given = list(reversed(folders))
    result = build("--jobs", "2", "--no-check", "--open", *given)
    assert result.exit_code == 0, result.output
    assert pools == [2]
    assert [p.name for p in opened] == [f"{Path(n).name}.docx" for n in given]


def test_jobs_must_be_a_positive_number(folders):
    result = build("--jobs", "0", *folders)
    assert result.exit_code == 2
    assert "nằm ngoài khoảng" in result.stderr
    assert "-j, --jobs SỐ" in build("--help").stdout


def test_the_worker_and_its_record_cross_a_spawned_process(folders):
    # spawn is how Windows starts workers: a new interpreter finds the worker by its name
    work = partial(build_outcome, check=True, verbose=True)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        there = pool.submit(work, Path(folders[0])).result()
    assert isinstance(there, Outcome) and not there.failure
    shutil.rmtree("output")  # so that the build here writes too
    here = work(Path(folders[0]))
    assert steady(there.summary) == steady(here.summary)
    assert there.checks == here.checks and there.checks.startswith("Rà soát biên tập:")
    assert (there.diagnostics, there.output) == (here.diagnostics, here.output)


@pytest.mark.parametrize(("platform", "folders", "jobs", "workers"), [
    ("linux", 7, 2, 1),  # too few folders to pay for a second process
    ("linux", 8, 2, 2),
    ("linux", 1000, 100, 100),
    ("win32", 1000, 100, batch.WINDOWS_MAX_WORKERS),  # more would be refused there
])
def test_worker_count(monkeypatch, platform, folders, jobs, workers):
    monkeypatch.setattr(batch.sys, "platform", platform)
    assert batch._worker_count(folders, jobs) == workers
