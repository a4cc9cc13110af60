"""WordprocessingML namespaces and the `qn` helper (``"w:t"`` → Clark notation)."""

from __future__ import annotations

from functools import cache

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
}
W = NS["w"]
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@cache
def qn(tag: str) -> str:
    """Return `tag` (``prefix:local``) in Clark notation, ``{uri}local``.

    Cached: reading a 20,000-paragraph .docx asks for the same few names over a million times.
    """
    prefix, local = tag.split(":")
    return f"{{{NS[prefix]}}}{local}"
