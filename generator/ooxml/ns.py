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


_OFF = {"0", "false", "off", "none"}
"""ST_OnOff's false values (and ``none``, which some writers put there)."""


def val(element, attribute: str = "w:val") -> str | None:
    """Return `attribute` of `element` (``w:val`` by default), None when there is no element."""
    return None if element is None else element.get(qn(attribute))


def on_off(element) -> bool | None:
    """Return a toggle property (``<w:b/>``, ``<w:b w:val="0"/>``…): None when it is absent."""
    if element is None:
        return None
    return (element.get(qn("w:val")) or "1").lower() not in _OFF
