"""Turn the resolved `Report` into the plain render context documented in templates/README.md.

Nothing else talks to the template. Text goes in as final strings (escaped by Jinja's autoescape)
or as docxtpl `RichText` (bold/italic runs, escaped by docxtpl); footnote references travel as
marker text that `generator.ooxml.footnotes` turns into real footnotes after rendering.
"""

from __future__ import annotations

from collections.abc import Iterable

from docxtpl import RichText

from generator.model import Break, Inline, NoteRef, Report, Run
from generator.ooxml.breaks import break_run_xml
from generator.ooxml.markers import guard, note_marker


def build_context(report: Report) -> dict:
    """Return the mapping of template variables for `report`."""
    return {
        "organ_parent": _plain(report.organ_parent),
        "organ_name": _plain(report.organ_name),
        "number_line": _plain(report.number_line),
        "draft": _plain(report.draft),
        "place_date": _plain(report.place_date),
        "doc_type": _plain(report.doc_type),
        "title": rich(report.title),
        "body": [{"kind": block.kind, "text": rich(block.inlines)} for block in report.body],
        "closing": rich(report.closing),
        "recipients": [_plain(line) for line in report.recipients],
        "signature": {
            "authority": _plain(report.signature.authority),
            "title": _plain(report.signature.title),
            "name": _plain(report.signature.name),
        },
    }


def rich(inlines: Iterable[Inline]) -> RichText:
    """Return `inlines` as docxtpl RichText: one run per formatting, markers for footnotes."""
    text = RichText()
    for item in inlines:
        if isinstance(item, NoteRef):
            text.add(note_marker(item.number), bold=item.bold, italic=item.italic)
        elif isinstance(item, Run) and item.text:
            text.add(guard(item.text), bold=item.bold, italic=item.italic,
                     underline=item.underline)
        elif isinstance(item, Break):
            text.xml += break_run_xml(item.kind)
    return text


def _plain(value: str) -> str:
    # docxtpl turns \n, \t, \a and \f in rendered text into breaks, tabs and new paragraphs;
    # header fields are single lines.
    return guard(value.translate(_CONTROL_TO_SPACE))


_CONTROL_TO_SPACE = {ord(c): " " for c in "\n\r\t\a\f\v"}
