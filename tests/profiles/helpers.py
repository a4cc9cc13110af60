"""A small report folder for the profile tests: the minimal report plus one area."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import MINIMAL_REPORT, write_yaml


def report_folder(tmp_path: Path, **changes) -> Path:
    """Write the minimal report with `changes` (None deletes a key) and one area; return it."""
    folder = tmp_path / "data" / "bao-cao"
    (folder / "areas").mkdir(parents=True, exist_ok=True)
    data = {**MINIMAL_REPORT, "outline": [{"heading": "Kết quả", "area": "ket-qua"}]}
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    write_yaml(folder / "report.yaml", data)
    write_yaml(folder / "areas" / "ket-qua.yaml", {"paragraphs": ["Nội dung."]})
    return folder
