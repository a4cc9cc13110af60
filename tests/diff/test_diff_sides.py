"""Two large .docx sides are read at once, one in a second process: same result, same errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diff import sources
from generator.diff.run import diff_reports
from generator.errors import BaocaoError
from generator.pipeline import build_report
from tests.diff.diff_support import Versions

EDIT = ("areas/kinh-te.yaml", "đạt kết quả khả quan", "đạt kết quả tốt")


@pytest.fixture
def built(versions: Versions) -> tuple[Path, Path]:
    """OLD and NEW built into .docx files (NEW has one word changed)."""
    versions.edit(*EDIT)
    old, new = versions.root / "built" / "old.docx", versions.root / "built" / "new.docx"
    build_report(versions.old, old)
    build_report(versions.new, new)
    return old, new


def _diff(old: Path, new: Path, out: Path) -> tuple[bytes, list[str]]:
    result = diff_reports(old, new, output=out)
    return out.read_bytes(), result.summary()


def test_sides_read_at_once_give_the_same_document(built, tmp_path: Path, monkeypatch):
    old, new = built
    monkeypatch.setattr(sources, "PARALLEL_FROM", 1 << 40)
    alone = _diff(old, new, tmp_path / "alone.docx")
    started = []
    start = sources._start_worker
    monkeypatch.setattr(sources, "_start_worker", lambda *a: started.append(a) or start(*a))
    monkeypatch.setattr(sources, "PARALLEL_FROM", 1)
    together = _diff(old, new, tmp_path / "together.docx")
    assert len(started) == 1  # the old side went to the worker
    assert together == alone
    assert "1 đoạn sửa" in " ".join(together[1])


def _nothing(*_args):
    """A worker that fails: the old side must then be read in the main process."""
    return


def test_a_failed_worker_costs_time_not_the_result(built, tmp_path: Path, monkeypatch):
    old, new = built
    monkeypatch.setattr(sources, "PARALLEL_FROM", 1 << 40)
    alone = _diff(old, new, tmp_path / "alone.docx")
    monkeypatch.setattr(sources, "PARALLEL_FROM", 1)
    monkeypatch.setattr(sources, "_report_or_none", _nothing)
    assert _diff(old, new, tmp_path / "again.docx") == alone


def _error(old: Path, new: Path, out: Path) -> str:
    with pytest.raises(BaocaoError) as caught:
        diff_reports(old, new, output=out)
    return f"{getattr(caught.value, 'side', '')}: {caught.value.message}"


@pytest.mark.parametrize("broken", ["old", "new", "both"])
def test_errors_are_said_as_when_read_one_after_the_other(built, tmp_path: Path, monkeypatch,
                                                          broken: str):
    old, new = built
    damaged = {side: tmp_path / f"hong-{side}.docx" for side in ("old", "new")}
    for path in damaged.values():
        path.write_bytes(b"PK\x03\x04 not a real package")
    sides = (damaged["old"] if broken in ("old", "both") else old,
             damaged["new"] if broken in ("new", "both") else new)
    monkeypatch.setattr(sources, "_parallel", lambda *_: False)
    alone = _error(*sides, tmp_path / "alone.docx")
    monkeypatch.setattr(sources, "_parallel", lambda *_: True)
    assert _error(*sides, tmp_path / "together.docx") == alone
    assert damaged["new" if broken == "new" else "old"].name in alone  # the old side's first
    assert not (tmp_path / "together.docx").exists()


def test_only_two_large_docx_files_are_read_at_once(built, versions: Versions):
    old, new = built
    assert not sources._parallel(old, new)  # the sample: far below a megabyte of text
    assert not sources._parallel(versions.old, versions.new)  # folders compile quickly
    assert sources._document_size(old) > 10_000
    assert sources._document_size(versions.old) == 0
