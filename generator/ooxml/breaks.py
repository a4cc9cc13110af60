"""The breaks a clerk types (``[xuống dòng]``, ``[sang trang]``) as WordprocessingML runs."""

from __future__ import annotations

from lxml import etree

from generator.ooxml.ns import qn

_RUNS = {"line": "<w:r><w:br/></w:r>", "page": '<w:r><w:br w:type="page"/></w:r>'}
"""A run holding only the break; docxtpl's RichText takes run XML as it is."""


def break_run_xml(kind: str) -> str:
    """Return the run XML of a ``line`` or ``page`` break, for a docxtpl RichText."""
    return _RUNS[kind]


def add_line_break(paragraph) -> None:
    """Append a line break run to the lxml `paragraph` (a footnote cannot break the page)."""
    etree.SubElement(etree.SubElement(paragraph, qn("w:r")), qn("w:br"))
