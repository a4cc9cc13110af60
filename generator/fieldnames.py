"""Field paths in the words a clerk reads: ``đoạn thứ 3 trong `paragraphs```, ``chú thích `2```."""

from __future__ import annotations

import re

_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
_ITEM_NOUN = {"paragraphs": "đoạn", "intro": "đoạn", "text": "đoạn", "recipients": "dòng",
              "rows": "dòng", "header": "dòng", "widths": "cột"}
"""What one item of each list is called; any other list has "mục"."""
_INNER_NOUN = {"rows": "ô", "header": "ô"}
"""What an item of an item is called (a table's rows are lists of cells); else "mục"."""


def field_label(field: str) -> str:
    """Return `field` (``outline[2].sections[0].area``) as Vietnamese words, 1-based.

    The innermost part comes first: ``area`` của mục thứ 1 trong ``sections`` của mục thứ 3
    trong ``outline``.
    """
    if " " in field:  # already words (the layout review names "đoạn 12")
        return field
    parts = [(m.group(1), m.group(2)) for m in _PART.finditer(field)]
    phrases: list[str] = []
    i, inner = 0, "mục"
    while i < len(parts):
        key, _ = parts[i]
        following = parts[i + 1] if i + 1 < len(parts) else None
        if key is None:  # an index right after an index: a cell of a table row
            phrases.append(f"{inner} thứ {int(parts[i][1]) + 1}")
        elif following and following[1] is not None:
            noun, inner = _ITEM_NOUN.get(key, "mục"), _INNER_NOUN.get(key, "mục")
            phrases.append(f"{noun} thứ {int(following[1]) + 1} trong `{key}`")
            i += 1
        elif key == "notes" and following and following[0] is not None:
            phrases.append(f"chú thích `{following[0]}`")
            i += 1
        else:
            phrases.append(f"`{key}`")
        i += 1
    return " của ".join(reversed(phrases))
