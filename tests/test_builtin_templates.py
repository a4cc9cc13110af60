"""baocao's own templates where a regular install ships none: built from the profile, cached."""

from __future__ import annotations

import subprocess
import sys

import pytest

from generator import builtin, profiles
from tests.conftest import ROOT


@pytest.fixture(autouse=True)
def _fresh(monkeypatch, tmp_path):
    builtin._built.cache_clear()
    monkeypatch.setenv("BAOCAO_CACHE_DIR", str(tmp_path / "cache"))
    yield
    builtin._built.cache_clear()


@pytest.mark.parametrize("name", list(profiles.PROFILES))
def test_a_missing_shipped_template_is_built_with_the_shipped_bytes(tmp_path, name):
    template = profiles.PROFILES[name].template
    path = builtin.template_path(tmp_path / "site-packages" / template, template)
    assert path.is_relative_to(tmp_path / "cache")
    assert path.read_bytes() == (ROOT / "templates" / template).read_bytes()


def test_the_shipped_file_wins_and_an_unknown_name_is_left_to_the_caller(tmp_path):
    shipped = ROOT / "templates" / "bao-cao.docx"
    assert builtin.template_path(shipped, "bao-cao.docx") == shipped
    unknown = tmp_path / "khac.docx"
    assert builtin.template_path(unknown, "khac.docx") == unknown


def test_a_built_template_is_reused_by_the_next_process(tmp_path):
    path = builtin.template_path(tmp_path / "none.docx", "bao-cao.docx")
    stamp = path.stat().st_mtime_ns
    builtin._built.cache_clear()
    again = builtin.template_path(tmp_path / "none.docx", "bao-cao.docx")
    assert again == path and again.stat().st_mtime_ns == stamp


def test_an_unwritable_cache_builds_into_a_folder_of_the_process(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"  # a cache path that cannot become a folder (root ignores modes)
    blocked.write_text("x", encoding="utf-8")
    monkeypatch.setenv("BAOCAO_CACHE_DIR", str(blocked / "cache"))
    path = builtin.template_path(tmp_path / "none.docx", "bao-cao-hd05.docx")
    assert not path.is_relative_to(tmp_path)
    assert path.read_bytes() == (ROOT / "templates" / "bao-cao-hd05.docx").read_bytes()


def test_a_disabled_cache_still_gives_the_template(tmp_path, monkeypatch):
    monkeypatch.setenv("BAOCAO_CACHE_DIR", "")
    path = builtin.template_path(tmp_path / "none.docx", "bao-cao-nd30.docx")
    assert path.read_bytes() == (ROOT / "templates" / "bao-cao-nd30.docx").read_bytes()


def test_a_regular_install_builds_a_report_outside_any_project(tmp_path):
    """pip install (not editable), then build a copied report folder that has no templates/."""
    from bench.install import install, installed_env

    env_root = install(ROOT, tmp_path / "install")
    report = tmp_path / "elsewhere" / "bao-cao-quy"
    subprocess.run([sys.executable, "-c", "import shutil, sys; shutil.copytree(sys.argv[1], "
                    "sys.argv[2])", str(ROOT / "data" / "hau-giang-2024-9-thang"), str(report)],
                   check=True)
    env = {**installed_env(), "BAOCAO_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([env_root.baocao, "build", "--no-check", str(report), "-o",
                           str(tmp_path / "out.docx")], cwd=tmp_path, env=env,
                          capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out.docx").stat().st_size > 0
    assert list((tmp_path / "cache" / "templates").glob("*/bao-cao.docx"))
