"""Benchmark inputs made from the sample: Markdown for pandoc, scaled and copied report folders."""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path

import yaml

from generator.model import NoteRef, Report, Run

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "hau-giang-2024-9-thang"

_HEADING = {"h1": "#", "h2": "##", "h3": "###"}
# Characters pandoc's Markdown reader would take as markup; a backslash makes them literal.
_MARKUP = re.compile(r"([\\`*_{}\[\]<>#+|!$^~@&])")
_LIST_START = re.compile(r"^(\d+)([.)])(\s)|^([-+*])(\s)")


def report_markdown(report: Report) -> str:
    """Return `report` as pandoc Markdown: the same headings, paragraphs and ``[^n]`` notes."""
    header = ("organ_name", "number_line", "draft", "place_date", "doc_type")
    lines = [_escape(report.fields[name]) for name in header if report.fields[name]]
    lines.append("**" + _inlines(report.title) + "**")
    for block in report.body:
        text = _inlines(block.inlines)
        lines.append(f"{_HEADING[block.kind]} {text}" if block.kind in _HEADING
                     else _guard_start(text))
    lines.append(_guard_start(_inlines(report.closing)))
    lines.append("Nơi nhận:")
    lines.extend("\\- " + _escape(r) for r in report.recipients)
    signature = ("signature.authority", "signature.title", "signature.name")
    lines.extend(_escape(report.fields[name]) for name in signature if report.fields[name])
    for note in report.footnotes:
        paragraphs = [_inlines(p) for p in note.paragraphs]
        lines.append(f"[^{note.number}]: " + "\n\n    ".join(paragraphs))
    return "\n\n".join(lines) + "\n"


def _inlines(items) -> str:
    out = []
    for item in items:
        if isinstance(item, NoteRef):
            out.append(f"[^{item.number}]")
        elif isinstance(item, Run) and item.text:
            out.append(_styled(_escape(item.text.replace("\t", " ")), item.bold, item.italic))
    return "".join(out)


def _styled(text: str, bold: bool, italic: bool) -> str:
    mark = ("**" if bold else "") + ("*" if italic else "")
    core = text.strip()
    if not mark or not core:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    return f"{lead}{mark}{core}{mark[::-1]}{trail}"


def _escape(text: str) -> str:
    return _MARKUP.sub(r"\\\1", text.replace("\n", " "))


def _guard_start(text: str) -> str:
    """Keep a paragraph that starts like ``1. `` or ``- `` from becoming a list."""
    return _LIST_START.sub(lambda m: (m.group(1) + "\\" + m.group(2) + m.group(3))
                           if m.group(1) else "\\" + m.group(4) + m.group(5), text)


TEMPLATE = SAMPLE.parent.parent / "templates" / "bao-cao.docx"


def give_template(project: Path) -> None:
    """Put the checkout's template in `project`'s ``templates/``, as a user's project has it.

    An installed baocao builds its own template on first use (generator/builtin.py); the bench
    measures the common case, a project folder with its templates, and no first-use build.
    """
    (project / "templates").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(TEMPLATE, project / "templates" / TEMPLATE.name)


def scaled_report(target: Path, factor: int, sample: Path = SAMPLE) -> Path:
    """Write the sample with its content repeated `factor` times into `target`; return it.

    Every area file is copied `factor` times under new names and the outline is repeated,
    each copy naming its own files, so paragraphs and footnotes grow `factor`-fold.
    """
    if factor == 1:
        shutil.copytree(sample, target)
        return target
    manifest = yaml.safe_load((sample / "report.yaml").read_text(encoding="utf-8"))
    outline = manifest["outline"]
    (target / "areas").mkdir(parents=True)
    manifest["outline"] = []
    for copy_no in range(1, factor + 1):
        for entry in outline:
            manifest["outline"].append(_renamed(copy.deepcopy(entry), copy_no))
        for area in sorted((sample / "areas").glob("*.yaml")):
            shutil.copyfile(area, target / "areas" / f"{area.stem}-{copy_no:03d}.yaml")
    text = yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False, width=10_000)
    (target / "report.yaml").write_text(text, encoding="utf-8")
    return target


def _renamed(entry: dict, copy_no: int) -> dict:
    if entry.get("area"):
        entry["area"] = f"{entry['area']}-{copy_no:03d}"
    for child in entry.get("sections") or []:
        _renamed(child, copy_no)
    return entry


def copied_reports(data_dir: Path, count: int, sample: Path = SAMPLE) -> list[Path]:
    """Copy the sample `count` times into `data_dir` under different names; return the folders."""
    folders = []
    for index in range(1, count + 1):
        folder = data_dir / f"bao-cao-{index:03d}"
        shutil.copytree(sample, folder)
        folders.append(folder)
    return folders
