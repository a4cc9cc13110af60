"""The per-user cache of patched template parts (generator/tcache.py), seen through real builds."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from generator import render, tcache
from generator.pipeline import build_report
from tests.conftest import ROOT, DocxPackage, paragraph_text


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    """An empty cache folder for this test, and no template state left from earlier builds."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("BAOCAO_CACHE_DIR", str(folder))
    _new_process()
    yield folder
    _new_process()


def _new_process() -> None:
    """Forget what this process remembers of templates, as a new `baocao` run would."""
    render._store.cache_clear()
    render._template_bytes.cache_clear()


@pytest.fixture
def template(project) -> Path:
    """The project's own copy of the shipped template, which the sample then uses."""
    target = project / "templates" / "bao-cao.docx"
    target.parent.mkdir(exist_ok=True)
    shutil.copyfile(ROOT / "templates" / "bao-cao.docx", target)
    return target


def _entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.json") if not p.name.startswith("."))


def _body_text(path: Path) -> str:
    package = DocxPackage(path)
    return "\n".join(paragraph_text(p) for p in package.body().iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"))


def _edit(path: Path, old: str, new: str) -> None:
    """Rewrite the template with `old` replaced by `new` in its body, as Word would save it."""
    with zipfile.ZipFile(path) as archive:
        parts = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts:
            if info.filename == "word/document.xml":
                assert old.encode() in data
                data = data.replace(old.encode(), new.encode())
            archive.writestr(info, data)


def test_a_second_build_reads_the_entry_and_gives_the_same_bytes(report_copy, template, cache,
                                                                   tmp_path):
    build_report(report_copy, tmp_path / "first.docx")
    [entry] = _entries(cache)
    _new_process()
    patched = tcache.Store(template.read_bytes(), render._VERSIONS).parts
    assert patched, "the entry holds the patched parts"
    build_report(report_copy, tmp_path / "second.docx")
    assert _entries(cache) == [entry]
    assert (tmp_path / "first.docx").read_bytes() == (tmp_path / "second.docx").read_bytes()


def test_an_edited_template_is_patched_again(report_copy, template, cache, tmp_path):
    build_report(report_copy, tmp_path / "before.docx")
    assert "Nơi nhận:" in _body_text(tmp_path / "before.docx")
    _edit(template, "Nơi nhận:", "Nơi gửi đến:")
    _new_process()
    build_report(report_copy, tmp_path / "after.docx")
    text = _body_text(tmp_path / "after.docx")
    assert "Nơi gửi đến:" in text and "Nơi nhận:" not in text
    assert len(_entries(cache)) == 2, "one entry for each content of the template"


@pytest.mark.parametrize("damage", [b"", b"not json", b"0" * 64 + b"\n{}", "\ufffd".encode() * 9,
                                    None])
def test_a_damaged_entry_is_ignored_and_written_again(report_copy, template, cache, tmp_path,
                                                      damage):
    build_report(report_copy, tmp_path / "first.docx")
    [entry] = _entries(cache)
    good = entry.read_bytes()
    if damage is None:  # the right checksum line, a body edited after it: a torn copy
        damage = good.replace(b'"format": 1', b'"format": 2')
    entry.write_bytes(damage)
    _new_process()
    build_report(report_copy, tmp_path / "second.docx")
    assert (tmp_path / "first.docx").read_bytes() == (tmp_path / "second.docx").read_bytes()
    assert entry.read_bytes() == good


def _planted(good: bytes, old: str, new: str) -> str:
    """Return the entry `good` with `old` replaced by `new` in its parts and a fitting checksum."""
    body = good.decode("utf-8").partition("\n")[2].replace(old, new)
    return f"{tcache._digest(body)}\n{body}"


def test_a_well_formed_entry_is_read_unless_too_large(report_copy, template, cache, tmp_path,
                                                      monkeypatch):
    build_report(report_copy, tmp_path / "first.docx")
    [entry] = _entries(cache)
    planted = _planted(entry.read_bytes(), "Nơi nhận:", "Nơi trồng:")
    entry.write_text(planted, encoding="utf-8")
    _new_process()
    build_report(report_copy, tmp_path / "read.docx")  # data only: the sandbox still runs it
    assert "Nơi trồng:" in _body_text(tmp_path / "read.docx")
    monkeypatch.setattr(tcache, "MAX_ENTRY", len(planted.encode()) - 1)
    _new_process()
    build_report(report_copy, tmp_path / "too-large.docx")
    assert (tmp_path / "first.docx").read_bytes() == (tmp_path / "too-large.docx").read_bytes()


def test_an_entry_nested_too_deep_is_ignored(report_copy, template, cache, tmp_path):
    build_report(report_copy, tmp_path / "first.docx")
    [entry] = _entries(cache)
    good, deep = entry.read_bytes(), "[" * 200_000
    entry.write_text(f"{tcache._digest(deep)}\n{deep}", encoding="utf-8")
    _new_process()
    build_report(report_copy, tmp_path / "again.docx")
    assert (tmp_path / "first.docx").read_bytes() == (tmp_path / "again.docx").read_bytes()
    assert entry.read_bytes() == good


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0,
                    reason="a read-only folder needs POSIX permissions and a user other than root")
def test_a_folder_that_cannot_be_written_only_means_no_cache(report_copy, template, cache,
                                                              tmp_path):
    build_report(report_copy, tmp_path / "reference.docx")
    shutil.rmtree(cache)
    cache.mkdir()
    cache.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        _new_process()
        build_report(report_copy, tmp_path / "read-only.docx")
    finally:
        cache.chmod(stat.S_IRWXU)
    assert _entries(cache) == []
    assert (tmp_path / "reference.docx").read_bytes() == \
        (tmp_path / "read-only.docx").read_bytes()


def test_a_cache_path_that_is_a_file_only_means_no_cache(report_copy, template, cache,
                                                          tmp_path, monkeypatch):
    build_report(report_copy, tmp_path / "reference.docx")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("BAOCAO_CACHE_DIR", str(blocker))
    _new_process()
    build_report(report_copy, tmp_path / "blocked.docx")
    assert blocker.read_text() == "x"
    assert (tmp_path / "reference.docx").read_bytes() == (tmp_path / "blocked.docx").read_bytes()


def test_two_builds_at_once_on_an_empty_cache(report_copy, template, tmp_path):
    folder = tmp_path / "shared-cache"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "BAOCAO_CACHE_DIR": str(folder)}
    outputs = [tmp_path / f"run-{n}.docx" for n in range(2)]
    runs = [subprocess.Popen([sys.executable, "-m", "generator", "build", str(report_copy),
                              "--no-check", "-o", str(out)], env=env, cwd=report_copy.parent.parent,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            for out in outputs]
    for run in runs:
        output, _ = run.communicate(timeout=120)
        assert run.returncode == 0, output.decode()
    no_cache = tmp_path / "no-cache.docx"
    done = subprocess.run([sys.executable, "-m", "generator", "build", str(report_copy),
                           "--no-check", "-o", str(no_cache)],
                          env={**env, "BAOCAO_CACHE_DIR": ""}, cwd=report_copy.parent.parent,
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stdout.decode()
    assert outputs[0].read_bytes() == outputs[1].read_bytes() == no_cache.read_bytes()
    [entry] = _entries(folder)
    assert list(folder.iterdir()) == [entry], "no temporary file is left behind"


def test_the_folder_follows_the_platform(monkeypatch, tmp_path):
    monkeypatch.delenv("BAOCAO_CACHE_DIR", raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    assert tcache.cache_dir() == tmp_path / "Local" / "baocao" / "cache"
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert tcache.cache_dir() == tmp_path / "xdg" / "baocao"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    assert tcache.cache_dir() == Path.home() / ".cache" / "baocao"
    monkeypatch.setenv("BAOCAO_CACHE_DIR", str(tmp_path / "mine"))
    assert tcache.cache_dir() == tmp_path / "mine"
