"""Fixtures for the bad-input tests: a minimal valid project in a temporary folder.

``base/`` holds the smallest valid report (``data/r``). A case of the catalogue
(``cases/<name>/``) is laid over a copy of it, so each case holds only the files it changes.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.conftest import ROOT

HERE = Path(__file__).resolve().parent
BASE = HERE / "base"
CASES = HERE / "cases"
TEMPLATE = ROOT / "templates" / "bao-cao.docx"
CONTROL_FILES = {"expected.txt", "command.txt", "template-edit.txt", "xfail.txt"}
"""Files of a case folder that describe the case instead of being copied into the project."""


def make_project(target: Path, case: Path | None = None) -> Path:
    """Create at `target` the base project, its own template copy, and `case` laid over it."""
    shutil.copytree(BASE, target)
    (target / "templates").mkdir()
    shutil.copy(TEMPLATE, target / "templates" / "bao-cao.docx")
    if case is not None:
        for path in sorted(case.rglob("*")):
            if path.is_file() and path.relative_to(case).as_posix() not in CONTROL_FILES:
                destination = target / path.relative_to(case)
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(path, destination)
        edits = case / "template-edit.txt"
        if edits.is_file():
            pairs = [line.split(" => ", 1) for line in edits.read_text("utf-8").splitlines()
                     if " => " in line]
            edit_template(target / "templates" / "bao-cao.docx", pairs)
    return target


def edit_template(path: Path, edits: list[list[str]]) -> None:
    """Rewrite ``word/document.xml`` of the .docx at `path`, replacing each old text once.

    This is what a clerk's edit in Word amounts to, e.g. deleting the ``}}`` of a tag.
    """
    with zipfile.ZipFile(path) as source:
        parts = {info: source.read(info) for info in source.infolist()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts.items():
            if info.filename == "word/document.xml":
                xml = data.decode("utf-8")
                for old, new in edits:
                    assert old in xml, f"{old!r} is not in the template"
                    xml = xml.replace(old, new, 1)
                data = xml.encode("utf-8")
            target.writestr(info, data)
    path.write_bytes(out.getvalue())


def run_cli(*args: str) -> Result:
    """Run ``baocao ARGS`` in this process, as a user would from the current folder."""
    from generator.cli import cli

    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """The minimal valid project in a temporary folder, which is also the current folder."""
    root = make_project(tmp_path / "project")
    monkeypatch.chdir(root)
    return root


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_paragraphs(path: Path) -> list[str]:
    """Return the text of every paragraph of the .docx at `path`, in reading order (with tables)."""
    import docx

    out: list[str] = []
    for block in docx.Document(str(path)).iter_inner_content():
        if hasattr(block, "rows"):
            cells = {id(cell._tc): cell for row in block.rows for cell in row.cells}
            out += [p.text for cell in cells.values() for p in cell.paragraphs]
        else:
            out.append(block.text)
    return out


def docx_footnotes(path: Path) -> list[list[str]]:
    """Return each footnote of the .docx at `path` as its paragraphs' text (the number omitted)."""
    from lxml import etree

    with zipfile.ZipFile(path) as package:
        if "word/footnotes.xml" not in package.namelist():
            return []
        root = etree.fromstring(package.read("word/footnotes.xml"))
    notes = []
    for note in root.iter(f"{W}footnote"):
        if note.get(f"{W}type") in ("separator", "continuationSeparator"):
            continue
        texts = []
        for p in note.iter(f"{W}p"):
            texts.append("".join("\t" if el.tag == f"{W}tab" else el.text or ""
                                 for el in p.iter(f"{W}t", f"{W}tab")))
        texts[0] = texts[0].removeprefix(" ")  # the space after the note's number
        notes.append(texts)
    return notes


BASE_REPORT = {
    "organ": {"name": "TỈNH ỦY HẬU GIANG", "abbrev": "TU"},
    "place": "Hậu Giang",
    "date": {"day": 26, "month": 9, "year": 2024},
    "period": {"kind": "9-thang", "year": 2024},
    "title": "Kết quả thực hiện nhiệm vụ công tác {period}",
    "outline": [{"heading": "Phát triển kinh tế", "area": "kinh-te"}],
    "signature": {"authority": "T/M BAN THƯỜNG VỤ", "title": "BÍ THƯ"},
    "recipients": ["Lưu VPTU."],
}
"""The base report as data, for tests that write their own YAML with `write_yaml`."""


def write_yaml(path: Path, data) -> None:
    """Write `data` as YAML in which every string is double-quoted with escapes.

    Any text (control characters, line breaks, markup) then reaches the loader unchanged.
    """
    import yaml

    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(data, allow_unicode=True, default_style='"', sort_keys=False,
                          width=1_000_000)
    path.write_text(text, "utf-8", newline="\n")
