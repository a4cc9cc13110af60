"""Field paths in the words a clerk reads: ``đoạn thứ 3 trong `paragraphs```, ``chú thích `2```."""

from __future__ import annotations

import re

_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
_ITEM_NOUN = {"paragraphs": "đoạn", "intro": "đoạn", "text": "đoạn", "recipients": "dòng"}
"""What one item of each list is called; any other list has "mục"."""


def field_label(field: str) -> str:
    """Return `field` (``outline[2].sections[0].area``) as Vietnamese words, 1-based.

    The innermost part comes first: ``area`` của mục thứ 1 trong ``sections`` của mục thứ 3
    trong ``outline``.
    """
    if " " in field:  # already words (the layout review names "đoạn 12")
        return field
    parts = [(m.group(1), m.group(2)) for m in _PART.finditer(field)]
    phrases: list[str] = []
    i = 0
    while i < len(parts):
        key, _ = parts[i]
        following = parts[i + 1] if i + 1 < len(parts) else None
        if key is None:  # an index without a name before it: cannot happen in our files
            phrases.append(f"mục thứ {int(parts[i][1]) + 1}")
        elif following and following[1] is not None:
            noun = _ITEM_NOUN.get(key, "mục")
            phrases.append(f"{noun} thứ {int(following[1]) + 1} trong `{key}`")
            i += 1
        elif key == "notes" and following and following[0] is not None:
            phrases.append(f"chú thích `{following[0]}`")
            i += 1
        else:
            phrases.append(f"`{key}`")
        i += 1
    return " của ".join(reversed(phrases))
