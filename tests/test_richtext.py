"""The run XML the context joins at once is the XML docxtpl's own `RichText.add` writes."""

from __future__ import annotations

import itertools

import pytest
from docxtpl import RichText

from generator.context import rich
from generator.model import Break, NoteRef, Run
from generator.ooxml.breaks import break_run_xml
from generator.ooxml.markers import note_marker
from generator.ooxml.richtext import text_run_xml

TEXTS = ["Tăng trưởng 7,2%", "a & b < c > d \"e\" 'f'", note_marker(12), "  hai  khoảng  "]


@pytest.mark.parametrize("bold, italic, underline", itertools.product([False, True], repeat=3))
def test_a_run_is_what_docxtpl_writes(bold, italic, underline):
    for text in TEXTS:
        expected = RichText()
        expected.add(text, bold=bold, italic=italic, underline=underline)
        assert text_run_xml(text, bold, italic, underline) == expected.xml


def test_a_paragraph_is_its_runs_in_order():
    inlines = [Run("Xem "), NoteRef(3, bold=True), Run("đậm", bold=True), Break("line"),
               Run(""), Run("gạch", underline=True)]
    expected = RichText()
    expected.add("Xem ")
    expected.add(note_marker(3), bold=True)
    expected.add("đậm", bold=True)
    expected.xml += break_run_xml("line")  # RichText has no break of its own
    expected.add("gạch", underline=True)
    assert rich(inlines).xml == expected.xml
