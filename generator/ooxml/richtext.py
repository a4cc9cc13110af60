"""Text runs written as docxtpl's `RichText.add` writes them, for a RichText joined at once."""

from __future__ import annotations

from html import escape


def text_run_xml(text: str, bold: bool = False, italic: bool = False,
                 underline: bool = False) -> str:
    """Return the ``<w:r>`` docxtpl 0.20's ``RichText.add(text, bold=…, italic=…, underline=…)``
    appends (pinned in pyproject.toml; tests/test_richtext.py compares the two)."""
    marks = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") \
        + ('<w:u w:val="single"/>' if underline else "")
    properties = f"<w:rPr>{marks}</w:rPr>" if marks else ""
    return f'<w:r>{properties}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
