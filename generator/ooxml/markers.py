"""Private-use characters that carry information through docxtpl's rendering.

docxtpl cannot create footnotes, and it rewrites ``{_{``, ``}_}``, ``{_%`` and ``%_}`` in its
output (``render_xml_part``), so data text is prepared before rendering and repaired after:

- a footnote reference is the marker ``U+E000 <number> U+E001``; post-processing replaces it with
  a real ``w:footnoteReference`` run;
- a table is a paragraph holding only ``U+E003 <index> U+E004``; generator/ooxml/tables.py
  replaces the paragraph with the table;
- ``U+E002`` is inserted before an underscore that touches ``{``, ``}`` or ``%`` so docxtpl's
  rewrite cannot match, and is removed from every text node afterwards.

The loader strips U+E000–U+E01F from user data, so these can only come from baocao
(U+E000–U+E00F: the build's markers here; U+E010–U+E01F: `baocao diff`, generator/ooxml/tracked.py).
"""

from __future__ import annotations

import re

NOTE_OPEN = "\ue000"
NOTE_CLOSE = "\ue001"
GUARD = "\ue002"
TABLE_OPEN = "\ue003"
TABLE_CLOSE = "\ue004"
TABLE_MARKER = re.compile("\ue003(\\d+)\ue004")
NOTE_MARKER = re.compile("\ue000(\\d+)\ue001")
ANY_MARKER = re.compile("[\ue000-\ue00f]")
_TEMPLATE_UNDERSCORE = re.compile(r"(?<=[{%])_|_(?=[}%])")


def note_marker(number: int) -> str:
    """Return the placeholder text for footnote `number`."""
    return f"{NOTE_OPEN}{number}{NOTE_CLOSE}"


def table_marker(index: int) -> str:
    """Return the placeholder paragraph text for the body's table `index` (0, 1, …)."""
    return f"{TABLE_OPEN}{index}{TABLE_CLOSE}"


def guard(text: str) -> str:
    """Return `text` protected from docxtpl's ``{_{`` → ``{{`` rewrite."""
    return _TEMPLATE_UNDERSCORE.sub(GUARD + "_", text) if "_" in text else text
