"""The 34 provinces in force from 01/7/2025 and their predecessors (data: provinces.toml)."""

from __future__ import annotations

import datetime as dt
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).with_name("provinces.toml")
# Old and new placement of the tone mark are both in use (HOÀ/HÒA, UỶ/ỦY): compare one form.
_TONES = {"OÀ": "ÒA", "OÁ": "ÓA", "OẢ": "ỎA", "OÃ": "ÕA", "OẠ": "ỌA", "OÈ": "ÒE", "OÉ": "ÓE",
          "OẺ": "ỎE", "OẼ": "ÕE", "OẸ": "ỌE", "UỲ": "ÙY", "UÝ": "ÚY", "UỶ": "ỦY", "UỸ": "ŨY",
          "UỴ": "ỤY"}


@dataclass(frozen=True)
class Unit:
    name: str
    kind: str
    """``tinh`` (its committee is a Tỉnh ủy) or ``thanh-pho`` (a Thành ủy)."""
    predecessors: tuple[str, ...]

    @property
    def committee(self) -> str:
        """Return "Thành ủy Cần Thơ" / "Tỉnh ủy An Giang"."""
        return f"{'Thành ủy' if self.kind == 'thanh-pho' else 'Tỉnh ủy'} {self.name}"


@dataclass(frozen=True)
class Provinces:
    source: str
    since: dt.date
    units: tuple[Unit, ...]

    def current(self, place: str) -> Unit | None:
        """Return the unit named `place` today, or None."""
        key = spelling_key(place)
        return next((u for u in self.units if spelling_key(u.name) == key), None)

    def successor(self, place: str) -> Unit | None:
        """Return the unit a former province `place` became part of, or None."""
        key = spelling_key(place)
        return next((u for u in self.units
                     if any(spelling_key(p) == key for p in u.predecessors)), None)


def spelling_key(text: str) -> str:
    """Return `text` in capitals, NFC, one space, one placement of tone marks: for comparing."""
    key = " ".join(unicodedata.normalize("NFC", text).upper().split())
    for old, new in _TONES.items():
        key = key.replace(old, new)
    return key


@lru_cache(maxsize=1)
def provinces() -> Provinces:
    """Return the province data (read once)."""
    with _DATA.open("rb") as handle:
        data = tomllib.load(handle)
    units = tuple(Unit(u["name"], u["kind"], tuple(u["predecessors"])) for u in data["unit"])
    return Provinces(data["source"], data["since"], units)
