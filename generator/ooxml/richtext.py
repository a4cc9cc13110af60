"""Text runs written as docxtpl's `RichText.add` writes them, for a RichText joined at once."""

from __future__ import annotations

from html import escape


def text_run_xml(text: str, bold: bool = False, italic: bool = False,
                 underline: bool = False) -> str:
    """Return the ``<w:r>`` docxtpl 0.20's ``RichText.add(text, bold=…, italic=…, underline=…)``
    appends (pinned in pyproject.toml; tests/test_richtext.py compares the two)."""
    properties = run_properties_xml(bold, italic, underline)
    return f'<w:r>{properties}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def run_properties_xml(bold: bool, italic: bool, underline: bool) -> str:
    """Return the ``<w:rPr>`` of a run in bold, italic or underlined; "" for a plain one."""
    marks = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") \
        + ('<w:u w:val="single"/>' if underline else "")
    return f"<w:rPr>{marks}</w:rPr>" if marks else ""
