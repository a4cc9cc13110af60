"""What each area held in the previous period, so ``status`` tells unchanged parts from updated.

``baocao new`` records, per area, a hash of the previous period's content in
``<report>/.baocao-new.json``. The hash covers the validated data that gets printed (heading,
paragraphs, sub-sections, notes, numbering), not the file's bytes: re-indenting, re-quoting,
editing comments or the owner is not an update, while any change of the text is.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.pipeline import load_valid
from generator.schema import AreaFile

BASELINE_FILE = ".baocao-new.json"
_FORMAT = 1


@dataclass(frozen=True)
class AreaRead:
    """An area file read on its own: its model, or the problems that kept it from validating."""

    model: AreaFile | None
    diagnostics: Diagnostics


def read_area(path: Path) -> AreaRead:
    """Load and validate the area file at `path` without stopping at its errors."""
    diagnostics = Diagnostics()
    _source, model = load_valid(path, AreaFile, diagnostics)
    return AreaRead(model, diagnostics)


def content_hash(model: AreaFile) -> str:
    """Return a hash of what the area prints (everything but the owner).

    Defaults are left out, so a field added to the schema later does not change the hash of
    content recorded before.
    """
    data = model.model_dump(mode="json", exclude={"owner"}, exclude_defaults=True)
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Baseline:
    """The previous period of a report: where it came from and each area's content hash."""

    source: str
    """The previous report folder, relative to this one, with '/' separators."""
    period: str
    """The previous period as written: ``9 tháng năm 2024``."""
    hashes: dict[str, str]
    """Area name → `content_hash` of its previous content."""
    text: str = "keep"
    """``keep`` or ``empty``: what ``baocao new`` did with the paragraphs."""


def write_baseline(folder: Path, baseline: Baseline) -> None:
    """Write `baseline` into the report `folder`."""
    data = {"format": _FORMAT, "created_by": "baocao new", "source": baseline.source,
            "period": baseline.period, "text": baseline.text,
            "areas": dict(sorted(baseline.hashes.items()))}
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    (folder / BASELINE_FILE).write_text(text, encoding="utf-8", newline="\n")


def read_baseline(folder: Path) -> Baseline | None:
    """Return the baseline recorded in `folder`, or None when there is none or it is unreadable."""
    try:
        data = json.loads((folder / BASELINE_FILE).read_text(encoding="utf-8"))
        hashes = {str(k): str(v) for k, v in data["areas"].items()}
        return Baseline(str(data["source"]), str(data["period"]), hashes,
                        str(data.get("text", "keep")))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
