"""Fixtures for the drafting loop: the CLI run in-process, a .docx read cold."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from tests.conftest import DocxPackage, paragraph_text, w


@pytest.fixture
def baocao():
    """Run ``baocao ARGS…`` in-process as a user would; return click's result."""
    def run(*args: str, color: bool = False):
        return CliRunner().invoke(cli, [str(arg) for arg in args], prog_name="baocao",
                                  color=color)
    return run


@pytest.fixture
def docx_text():
    """Return the text of a .docx body, one line per paragraph (read with zipfile + lxml)."""
    def read(path: Path) -> str:
        body = DocxPackage(path).document
        return "\n".join(paragraph_text(p) for p in body.iter(w("p")))
    return read
