"""Fixtures for the drafting loop: the CLI run in-process, a .docx read cold."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from generator.cli import cli

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


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
        with zipfile.ZipFile(path) as archive:
            root = etree.fromstring(archive.read("word/document.xml"))
        return "\n".join("".join(t.text or "" for t in p.iter(f"{_W}t"))
                         for p in root.iter(f"{_W}p"))
    return read
