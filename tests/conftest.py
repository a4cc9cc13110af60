"""Shared fixtures: paths, the built sample, and the real clients (LibreOffice, pandoc)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = ROOT / "data" / "hau-giang-2024-9-thang"
SEED_REFERENCE = ROOT / "tests" / "fixtures" / "seed-reference.json"
"""The seed report parsed (copied from shared/seed/): what the sample must reproduce."""


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="Rewrite golden files from the current output.")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture(scope="session")
def sample_docx(tmp_path_factory) -> Path:
    """The sample report built once per test session."""
    from generator.pipeline import build_report

    out = tmp_path_factory.mktemp("sample") / "hau-giang.docx"
    build_report(SAMPLE_DIR, out)
    return out


@pytest.fixture
def report_copy(tmp_path) -> Path:
    """A writable copy of the sample report inside ``<tmp>/data/`` (a project layout)."""
    target = tmp_path / "data" / SAMPLE_DIR.name
    shutil.copytree(SAMPLE_DIR, target)
    return target


def require_tool(name: str) -> str:
    """Return the path of `name`; skip locally but FAIL under CI when it is missing."""
    import os

    found = shutil.which(name)
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail(f"{name} is required under CI but is not installed")
    pytest.skip(f"{name} not installed")
