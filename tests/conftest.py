"""Shared fixtures: paths, the built sample, and the real clients (LibreOffice, pandoc)."""

from __future__ import annotations

import json
import shutil
import unicodedata
import zipfile
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = ROOT / "data" / "hau-giang-2024-9-thang"
SEED_REFERENCE = ROOT / "tests" / "fixtures" / "seed-reference.json"
"""The seed report parsed (copied from shared/seed/): what the sample must reproduce."""


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="Rewrite golden files from the current output.")


@pytest.fixture(scope="session", autouse=True)
def _own_template_cache(tmp_path_factory):
    """Builds run by the tests keep their template cache in a folder of their own."""
    patch = pytest.MonkeyPatch()
    patch.setenv("BAOCAO_CACHE_DIR", str(tmp_path_factory.mktemp("template-cache")))
    yield
    patch.undo()


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


@pytest.fixture
def project(report_copy: Path, monkeypatch) -> Path:
    """The project folder around `report_copy`, made the current folder (as a user's shell)."""
    root = report_copy.parent.parent
    monkeypatch.chdir(root)
    return root


MINIMAL_REPORT = {
    "organ": {"name": "TỈNH ỦY HẬU GIANG", "abbrev": "TU"},
    "place": "Hậu Giang",
    "date": {"month": 9, "year": 2024},
    "period": {"kind": "9-thang", "year": 2024},
    "title": "Kết quả thực hiện nhiệm vụ công tác {period}",
    "outline": [],
    "signature": {"authority": "T/M BAN THƯỜNG VỤ", "title": "BÍ THƯ"},
    "recipients": ["Lưu VPTU."],
}
"""The smallest valid report.yaml (as data); tests add an outline and areas."""


def write_yaml(path: Path, data) -> None:
    """Write `data` to `path` as readable UTF-8 YAML (keys in the given order)."""
    import yaml

    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def require_tool(name: str) -> str:
    """Return the path of `name`; skip locally but FAIL under CI when it is missing."""
    import os

    found = shutil.which(name)
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail(f"{name} is required under CI but is not installed")
    pytest.skip(f"{name} not installed")


# --- Reading a built .docx the way a user's tools do (zip + lxml, styles by name) ----------------

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
}
"""Namespaces written out here, not taken from the generator: the tests read the file cold."""


def w(tag: str) -> str:
    """Return the Clark name of a WordprocessingML tag: ``w("t")`` → ``{…/main}t``."""
    return f"{{{NS['w']}}}{tag}"


def normalize(text: str) -> str:
    """Return `text` in NFC with each line's whitespace collapsed (lines kept apart)."""
    lines = unicodedata.normalize("NFC", text).split("\n")
    return "\n".join(" ".join(line.split()) for line in lines)


def paragraph_text(paragraph, reference=lambda element: "") -> str:
    """Return the visible text of a ``w:p``; a ``w:footnoteReference`` becomes `reference(it)`."""
    out = []
    for el in paragraph.iter(w("t"), w("tab"), w("br"), w("footnoteReference")):
        if el.tag == w("t"):
            out.append(el.text or "")
        elif el.tag == w("tab"):
            out.append("\t")
        elif el.tag == w("br"):
            out.append("\n")
        else:
            out.append(reference(el))
    return "".join(out)


def first_difference(actual: str, expected: str, context: int = 40) -> str:
    """Return a short message showing where `actual` and `expected` first differ."""
    at = next((i for i, (a, b) in enumerate(zip(actual, expected, strict=False)) if a != b),
              min(len(actual), len(expected)))
    start = max(0, at - context)
    return (f"first difference at character {at}:\n"
            f"  actual:   …{actual[start:at + context]!r}\n"
            f"  expected: …{expected[start:at + context]!r}")


class DocxPackage:
    """A .docx opened cold: its parts as bytes, XML parsed on demand, styles looked up by name."""

    def __init__(self, path: Path):
        with zipfile.ZipFile(path) as archive:
            self.parts = {name: archive.read(name) for name in archive.namelist()}
        self.document = self.xml("word/document.xml")
        self.styles = self.xml("word/styles.xml")
        self._names = {s.get(w("styleId")): s.find("w:name", NS).get(w("val"))
                       for s in self.styles.findall("w:style", NS)}

    def xml(self, name: str):
        """Return the root element of part `name` (``word/…``)."""
        return etree.fromstring(self.parts[name])

    def style_name(self, paragraph) -> str | None:
        """Return the name (not the id) of the paragraph style of `paragraph`."""
        style = paragraph.find("w:pPr/w:pStyle", NS)
        return self._names.get(style.get(w("val"))) if style is not None else None

    def body(self):
        """Return the ``w:body`` element."""
        return self.document.find("w:body", NS)

    def tables(self) -> list:
        """Return the top-level tables of the body, in order."""
        return self.body().findall("w:tbl", NS)

    def relationship_targets(self, source: str = "word/document.xml") -> dict[str, tuple[str, str]]:
        """Return rId → (relationship type, target part name) for part `source`."""
        folder, _, base = source.rpartition("/")
        rels = etree.fromstring(self.parts[f"{folder}/_rels/{base}.rels"])
        return {rel.get("Id"): (rel.get("Type"), f"{folder}/{rel.get('Target')}")
                for rel in rels.findall("pr:Relationship", NS)}

    def footnote_texts(self) -> dict[int, str]:
        """Return id → text of each real footnote (no separators), paragraphs joined by \\n."""
        root = self.xml("word/footnotes.xml")
        return {int(note.get(w("id"))): "\n".join(paragraph_text(p)
                                                  for p in note.findall("w:p", NS))
                for note in root.findall("w:footnote", NS)
                if note.get(w("type")) in (None, "normal")}


@pytest.fixture(scope="session")
def sample_package(sample_docx) -> DocxPackage:
    """The built sample, opened once per session."""
    return DocxPackage(sample_docx)


@pytest.fixture(scope="session")
def seed_reference() -> dict:
    """The seed report parsed: blocks (with ``{{N}}`` anchors), footnotes, recipients, header."""
    return json.loads(SEED_REFERENCE.read_text(encoding="utf-8"))
