"""Set a report's own body line spacing in the rendered document's styles (``line_spacing:``).

The template carries the profile's default; a report may ask for another height within the
profile's range. Only ``Body Text`` changes: headings and căn cứ lines are based on it.
"""

from __future__ import annotations

from generator.ooxml.ns import qn

BODY_STYLE = "BodyText"


def set_body_line(document, twips: int) -> None:
    """Give the ``Body Text`` style an exact line height of `twips`."""
    for style in document.styles.element.findall(qn("w:style")):
        if style.get(qn("w:styleId")) == BODY_STYLE:
            spacing = style.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
            spacing.set(qn("w:line"), str(twips))
            spacing.set(qn("w:lineRule"), "exact")
