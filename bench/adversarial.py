"""Adversarial report folders: 100,000 characters of one hostile kind each (issue 11, point 7)."""

from __future__ import annotations

from pathlib import Path

import yaml

from bench.content import SAMPLE

SIZE = 100_000
"""Characters of hostile text in each folder."""
DIFF_PARAGRAPH = 5
"""Characters per paragraph of the ``diff`` kind: 20,000 paragraphs for `SIZE`."""

OUTLINE = [{"heading": "Phát triển kinh tế", "area": "kinh-te"}]


def _report() -> dict:
    """Return the sample's report.yaml data with one area and no introduction."""
    report = yaml.safe_load((SAMPLE / "report.yaml").read_text("utf-8"))
    report.pop("intro", None)
    return {**report, "outline": OUTLINE}


def _paragraphs(kind: str, size: int) -> list[str]:
    """Return the area's paragraphs for `kind`: about `size` characters of hostile text."""
    if kind == "spaces":
        return ["Mở đầu" + " " * size + "kết thúc."]
    if kind == "stars":
        return ["*" * size]
    if kind == "star-words":  # every star could open or close: the worst case for matching
        return ["*a " * (size // 3)]
    if kind == "notes":  # one note cited again and again
        return ["Xem[^1] " * (size // 8)]
    if kind == "fragments":  # citation-like fragments that never close
        return ["[^" * (size // 2)]
    if kind == "paragraph":  # one very long paragraph of ordinary words
        return [("Tăng trưởng kinh tế đạt 7,2%, " * (size // 30)).strip()]
    if kind == "list":  # YAML with a huge flat list
        return [f"Đoạn {i}." for i in range(size // 10)]
    if kind == "diff":
        return [f"Đoạn {i} của báo cáo." for i in range(size // DIFF_PARAGRAPH)]
    raise ValueError(kind)


def characters(kind: str, size: int = SIZE) -> int:
    """Return how many characters of hostile text the folder of `kind` holds."""
    return sum(len(p) for p in _paragraphs(kind, size))


KINDS = ("spaces", "stars", "star-words", "notes", "fragments", "paragraph", "list", "diff")


def write_report(folder: Path, kind: str, edited: bool = False, size: int = SIZE) -> Path:
    """Write the report folder of `kind` at `folder`; `edited` changes every 100th paragraph.

    The edited copy is the other side of ``baocao diff``.
    """
    paragraphs = _paragraphs(kind, size)
    if edited:
        paragraphs = [p + " Đã sửa." if i % 100 == 50 else p for i, p in enumerate(paragraphs)]
        if len(paragraphs) == 1:
            paragraphs.append("Một đoạn mới.")
    (folder / "areas").mkdir(parents=True, exist_ok=True)
    _dump(folder / "report.yaml", _report())
    area = {"paragraphs": paragraphs, **({"notes": {1: "Nguồn: Cục Thống kê."}}
                                         if kind == "notes" else {})}
    _dump(folder / "areas" / "kinh-te.yaml", area)
    return folder


def _dump(path: Path, data) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000)
    path.write_text(text, "utf-8", newline="\n")
