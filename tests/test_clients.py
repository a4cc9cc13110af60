"""The sample as real clients read it: pandoc (the footnotes) and LibreOffice → PDF (the pages).

Each conversion runs once per session. The tools are skipped when missing, except under CI.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import first_difference, normalize, require_tool

ANCHOR = re.compile(r"\{\{(\d+)\}\}")
_CONTAINERS = {"Emph", "Strong", "Underline", "Strikeout", "Superscript", "Subscript",
               "SmallCaps"}


# --- pandoc --------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def pandoc_blocks(sample_docx) -> list:
    """The sample read by pandoc, as its JSON AST blocks."""
    pandoc = require_tool("pandoc")
    done = subprocess.run([pandoc, str(sample_docx), "-t", "json"], capture_output=True,
                          check=True, timeout=120)
    return json.loads(done.stdout)["blocks"]


def stringify(inlines: list, note=lambda node: "") -> str:
    """Return the text of pandoc `inlines`; each footnote (``Note``) becomes `note(node)`."""
    out = []
    for node in inlines:
        kind, content = node["t"], node.get("c")
        if kind == "Str":
            out.append(content)
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif kind in _CONTAINERS:
            out.append(stringify(content, note))
        elif kind in ("Span", "Link"):
            out.append(stringify(content[1], note))
        elif kind == "Quoted":
            quote = "“”" if content[0]["t"] == "DoubleQuote" else "‘’"
            out.append(quote[0] + stringify(content[1], note) + quote[1])
        elif kind == "Note":
            out.append(note(node))
    return "".join(out)


def notes_in(value) -> list:
    """Return every ``Note`` node under `value`, in document order."""
    if isinstance(value, dict):
        if value.get("t") == "Note":
            return [value]
        return notes_in(value.get("c"))
    if isinstance(value, list):
        return [note for item in value for note in notes_in(item)]
    return []


def note_text(note: dict) -> str:
    return "\n".join(stringify(block["c"]) for block in note["c"] if block["t"] == "Para")


def anchored_paragraphs(blocks: list) -> list[str]:
    """Return the text of each body paragraph holding footnotes, with ``{{k}}`` at each one."""
    count = 0

    def marker(_node) -> str:
        nonlocal count
        count += 1
        return f"{{{{{count}}}}}"

    texts = []
    for block in blocks:
        if block["t"] == "Para" and notes_in(block["c"]):
            texts.append(normalize(stringify(block["c"], marker)))
    return texts


def test_pandoc_finds_every_footnote_with_its_text(pandoc_blocks, seed_reference):
    notes = notes_in(pandoc_blocks)
    expected = seed_reference["footnotes"]
    assert len(notes) == len(expected) == 40
    for number, note in enumerate(notes, start=1):
        got, want = normalize(note_text(note)), normalize(expected[str(number)])
        assert got == want, f"footnote {number}: {first_difference(got, want)}"


def test_pandoc_sees_each_anchor_after_the_right_words(pandoc_blocks, seed_reference):
    expected = [normalize(block["text"]) for block in seed_reference["blocks"]
                if ANCHOR.search(block["text"])]
    got = anchored_paragraphs(pandoc_blocks)
    assert len(got) == len(expected)
    for index, (actual, want) in enumerate(zip(got, expected, strict=True)):
        assert actual == want, f"paragraph {index}: {first_difference(actual, want)}"


# --- LibreOffice → PDF ---------------------------------------------------------------------------

@pytest.fixture(scope="session")
def sample_pdf(sample_docx, tmp_path_factory) -> Path:
    """The sample converted to PDF by LibreOffice, once per session."""
    require_tool("soffice")
    from generator.pdf import docx_to_pdf

    return docx_to_pdf(sample_docx, tmp_path_factory.mktemp("pdf") / "sample.pdf")


@pytest.fixture(scope="session")
def pdf_pages(sample_pdf) -> list[str]:
    """The text of each PDF page, as pdftotext reads it."""
    pdftotext = require_tool("pdftotext")
    done = subprocess.run([pdftotext, "-enc", "UTF-8", str(sample_pdf), "-"],
                          capture_output=True, check=True, timeout=60)
    pages = done.stdout.decode("utf-8").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def page_text(pdf: Path, number: int) -> str:
    """Return the text of page `number` alone (``pdftotext -f N -l N``)."""
    done = subprocess.run([require_tool("pdftotext"), "-enc", "UTF-8", "-f", str(number), "-l",
                           str(number), str(pdf), "-"], capture_output=True, check=True,
                          timeout=60)
    return done.stdout.decode("utf-8")


def flat(text: str) -> str:
    """Return `text` in NFC on one line: PDF line breaks fall anywhere."""
    return " ".join(normalize(text).split())


def first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def test_libreoffice_makes_a_multi_page_pdf(sample_pdf, pdf_pages):
    assert sample_pdf.read_bytes().startswith(b"%PDF-")
    assert len(pdf_pages) >= 3


def test_first_page_has_no_page_number(sample_pdf, seed_reference):
    top = first_line(page_text(sample_pdf, 1))
    assert not top.isdigit(), f"page 1 starts with {top!r}"
    assert top == seed_reference["organ"]


@pytest.mark.parametrize("number", [2, 3])
def test_later_pages_start_with_their_number(sample_pdf, number):
    assert first_line(page_text(sample_pdf, number)) == str(number)


def test_last_page_is_numbered_too(pdf_pages):
    assert first_line(pdf_pages[-1]) == str(len(pdf_pages))


def test_pdf_shows_the_title_and_the_last_recipient(pdf_pages, seed_reference):
    text = flat(" ".join(pdf_pages))
    assert flat(seed_reference["title"]) in text
    assert flat(f"- {seed_reference['recipients'][-1]}") in text


def test_pdf_prints_every_footnote(pdf_pages, seed_reference):
    text = flat(" ".join(pdf_pages))
    missing = [number for number, note in seed_reference["footnotes"].items()
               if " ".join(flat(note).split()[:12]) not in text]
    assert not missing, f"footnotes not found in the PDF: {missing}"


def test_footnote_sits_below_its_anchor_on_the_same_page(pdf_pages, seed_reference):
    anchored = next(b["text"] for b in seed_reference["blocks"] if "{{1}}" in b["text"])
    words_before = " ".join(flat(ANCHOR.sub("", anchored.split("{{1}}")[0])).split()[-3:])
    note = " ".join(flat(seed_reference["footnotes"]["1"]).split()[:12])
    pages = [flat(page) for page in pdf_pages]
    found = [p for p in pages if note in p]
    assert len(found) == 1, f"footnote 1 found on {len(found)} pages"
    page = found[0]
    assert words_before in page, "footnote 1 is printed on another page than its anchor"
    assert page.index(words_before) < page.index(note), "footnote 1 is above its anchor"
