"""Turn the resolved `Report` into the plain render context documented in templates/README.md.

Nothing else talks to the template. Text goes in as final strings (escaped by Jinja's autoescape)
or as docxtpl `RichText` (bold/italic runs, escaped by docxtpl); footnote references travel as
marker text that `generator.ooxml.footnotes` turns into real footnotes after rendering. The
single-line fields come from the one catalogue, `generator.profiles.fields.FIELDS`.
"""

from __future__ import annotations

from collections.abc import Iterable

from docxtpl import RichText

from generator.model import Break, Inline, NoteRef, Report, Run
from generator.ooxml.breaks import break_run_xml
from generator.ooxml.markers import guard, note_marker, table_marker
from generator.ooxml.richtext import text_run_xml
from generator.profiles.fields import FIELDS


def build_context(report: Report) -> dict:
    """Return the mapping of template variables for `report`."""
    context: dict = {}
    for field in FIELDS:
        owner, _, name = field.name.rpartition(".")
        target = context.setdefault(owner, {}) if owner else context
        value = report.fields.get(field.name, "")
        target[name] = ("\n".join(_plain(line) for line in value.split("\n")) if field.lines
                        else _plain(value))
    frame = report.frame
    context.update(
        title=rich(report.title),
        body=_body(report),
        closing=rich(report.closing) if report.closing else "",
        recipients=[_plain(line) for line in report.recipients],
        show_type=frame.show_type,
        addressee_label=_plain(frame.addressee_label),
        addressees=[_plain(line) for line in frame.addressees],
        bases=[_plain(line) for line in frame.bases],
    )
    return context


def _body(report: Report) -> list[dict]:
    """Return the body blocks; a table is a paragraph holding its marker (generator/ooxml/tables)."""
    out, tables = [], 0
    for block in report.body:
        if block.table is not None:
            out.append({"kind": "table", "text": rich((Run(table_marker(tables)),))})
            tables += 1
        else:
            out.append({"kind": block.kind, "text": rich(block.inlines)})
    return out


def rich(inlines: Iterable[Inline]) -> RichText:
    """Return `inlines` as docxtpl RichText: one run per formatting, markers for footnotes.

    The runs' XML is joined once: `RichText.add` appends to one string, which is quadratic
    over the 25,000 runs of a paragraph citing a note 12,500 times (issue 11), and its keyword
    handling was itself 0.1 s of them.
    """
    pieces = []
    for item in inlines:
        if isinstance(item, NoteRef):
            pieces.append(text_run_xml(note_marker(item.number), item.bold, item.italic))
        elif isinstance(item, Run) and item.text:
            pieces.append(text_run_xml(guard(item.text), item.bold, item.italic, item.underline))
        elif isinstance(item, Break):
            pieces.append(break_run_xml(item.kind))
    text = RichText()
    text.xml = "".join(pieces)
    return text


def _plain(value: str) -> str:
    # docxtpl turns \n, \t, \a and \f in rendered text into breaks, tabs and new paragraphs;
    # header fields are single lines.
    return guard(value.translate(_CONTROL_TO_SPACE))


_CONTROL_TO_SPACE = {ord(c): " " for c in "\n\r\t\a\f\v"}
