"""A tiny one-area report written around the text under test."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.conftest import MINIMAL_REPORT, write_yaml

REPORT = {**MINIMAL_REPORT, "outline": [{"heading": "Kết quả", "area": "noi-dung"}]}


def write_report(folder: Path, paragraphs: list[str], *, area_extra: str = "",
                 report_extra: dict | None = None, raw_area: str | None = None) -> Path:
    """Write a one-area report in `folder`/data/r and return its folder."""
    report_dir = folder / "data" / "r"
    (report_dir / "areas").mkdir(parents=True, exist_ok=True)
    manifest = {**REPORT, **(report_extra or {})}
    write_yaml(report_dir / "report.yaml", manifest)
    if raw_area is None:
        body = "".join(f"  - {yaml.safe_dump(p, allow_unicode=True, width=10_000).strip()}\n"
                       .replace("\n...", "") for p in paragraphs)
        raw_area = f"{area_extra}paragraphs:\n{body}"
    (report_dir / "areas" / "noi-dung.yaml").write_text(raw_area, "utf-8")
    return report_dir
