"""Rebuild texts/*.txt from the public repository the evaluation documents come from.

Usage: ``python bench/check-eval/make_texts.py CHECKOUT`` where CHECKOUT is a clone of the
repository named in SOURCES.md (at the commit named there). The documents were published with
their lines wrapped at a fixed width; a line is joined to the one before unless that one ends a
sentence or a clause, or is a heading in capitals. At most `MAX_WORDS` words are kept from each.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).parent
MAX_WORDS = 2400
_ENDS = re.compile(r"[.;:!?]\s*$")
_MARKER = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*\.|[a-zđ]\)|[IVX]{1,5}\.|Điều \d+)\s")
"""A line starting with list numbering starts a paragraph, as in the published layout."""


def _has_lower(line: str) -> bool:
    return any(c.islower() for c in line)


def paragraphs(text: str) -> list[str]:
    """Return the paragraphs of one published text, its wrapped lines joined."""
    out: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(("<jsontable", "|")):
            continue
        if (out and not _ENDS.search(out[-1]) and _has_lower(out[-1]) == _has_lower(line)
                and not _MARKER.match(line)):
            out[-1] += " " + line
        else:
            out.append(line)
    return out


def main(checkout: Path) -> None:
    """Write one text per document listed in SOURCES.md."""
    for row in (HERE / "SOURCES.md").read_text("utf-8").splitlines():
        cells = [c.strip() for c in row.strip("|").split("|")]
        if len(cells) < 5 or not re.fullmatch(r"d\d+", cells[0]):
            continue
        doc, path = cells[0], cells[4].strip("`")
        text = unicodedata.normalize("NFC", (checkout / path).read_text("utf-8"))
        kept, words = [], 0
        for para in paragraphs(text):
            if words >= MAX_WORDS:
                break
            kept.append(para)
            words += len(para.split())
        (HERE / "texts" / f"{doc}.txt").write_text("\n".join(kept) + "\n", "utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
