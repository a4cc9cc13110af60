"""Helpers for the import tests: read a .docx cold, normalise report data for comparison."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

from lxml import etree

from generator.diagnostics import Diagnostics
from generator.loader import load_yaml
from tests.conftest import paragraph_text, w

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "data" / "hau-giang-2024-9-thang"
_NOTE_BREAK = re.compile(r"\n[ \t]*\n\s*")


def docx_text(path: Path) -> tuple[list[str], list[str]]:
    """Return (body paragraphs, footnote texts) of a .docx, read with zip + lxml.

    Empty paragraphs are left out and whitespace is collapsed: what a reader sees. A footnote
    reference shows as ``[^]``; a note's paragraphs are joined with `` ¶ ``.
    """
    with zipfile.ZipFile(path) as package:
        body = etree.fromstring(package.read("word/document.xml"))
        notes = etree.fromstring(package.read("word/footnotes.xml")
                                 if "word/footnotes.xml" in package.namelist() else b"<x/>")
    paragraphs = [_text(p) for p in body.iter(w("p"))]
    footnotes = [" ¶ ".join(t for p in note.iter(w("p")) if (t := _text(p)))
                 for note in notes.iter(w("footnote"))
                 if note.get(w("type")) in (None, "normal")]
    return [p for p in paragraphs if p], footnotes


def _text(paragraph) -> str:
    """Return what a reader sees of `paragraph`: references as ``[^]``, whitespace collapsed."""
    return " ".join(paragraph_text(paragraph, reference=lambda _el: "[^]").split())


def load(path: Path):
    """Return the plain data of a YAML file, loaded like the build loads it."""
    source = load_yaml(path, Diagnostics())
    assert source is not None, path
    return source.data


def normalized_report(report_dir: Path) -> dict:
    """Return a report folder's data with file names, ids and layout choices taken out.

    Areas are inlined into the outline; each footnote anchor is replaced by its note's text;
    notes' paragraphs are stripped; the owner (not printed) is dropped.
    """
    report = load(report_dir / "report.yaml")
    report_notes = report.get("notes", {})
    out = {key: report.get(key) for key in ("organ", "doc_type", "number", "place", "draft",
                                            "period", "signature", "recipients")}
    out["organ"] = {k: v for k, v in report["organ"].items() if k != "short_name"}
    date = report["date"]
    out["date"] = ({"day": date.day, "month": date.month, "year": date.year}
                   if hasattr(date, "day") else date)
    out["title"] = _inline(report["title"], report_notes)
    out["intro"] = [_inline(p, report_notes) for p in report.get("intro", [])]
    out["closing"] = _inline(report.get("closing") or "", report_notes)
    out["outline"] = [_entry(e, report_dir, report_notes) for e in report["outline"]]
    return out


def _entry(entry: dict, report_dir: Path, notes: dict) -> dict:
    out = {"heading": _inline(entry.get("heading") or "", notes)}
    if "sections" in entry:
        out["sections"] = [_entry(e, report_dir, notes) for e in entry["sections"]]
        return out
    area = load(report_dir / "areas" / f"{entry['area']}.yaml")
    area_notes = area.get("notes", {})
    out["numbered"] = bool(area.get("numbered"))
    out["paragraphs"] = [_item(p, area_notes) for p in area.get("paragraphs", [])]
    out["sub"] = [(_inline(s["heading"], area_notes), [_item(p, area_notes)
                                                        for p in s.get("paragraphs", [])])
                  for s in area.get("sections", [])]
    return out


def _item(item, notes: dict):
    """Return a paragraph inlined, or a table item with each cell (and caption) inlined."""
    if not isinstance(item, dict):
        return _inline(item, notes)
    def cell(value):
        if isinstance(value, dict):
            return {**value, "text": _inline(value["text"], notes)}
        return _inline(value, notes) if isinstance(value, str) else value
    spec = item["table"]
    return {"table": {key: [[cell(c) for c in row] for row in value]
                      if key in ("header", "rows") else cell(value)
                      for key, value in spec.items()}}


def _inline(text: str, notes: dict) -> str:
    def note(m):
        body = str(notes[m.group(1)])
        return "[^" + " ¶ ".join(p.strip() for p in _NOTE_BREAK.split(body)) + "]"
    return re.sub(r"\[\^([\w-]+)\]", note, str(text)).strip()


def libreoffice_resave(soffice: str, docx: Path, out_dir: Path) -> Path:
    """Return `docx` opened and saved again by LibreOffice as Word 2007 XML."""
    profile = (out_dir / "profile").resolve().as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    'docx:MS Word 2007 XML', "--outdir", str(out_dir), str(docx)],
                   check=True, capture_output=True, timeout=180, stdin=subprocess.DEVNULL)
    result = out_dir / docx.name
    assert result.is_file()
    return result
