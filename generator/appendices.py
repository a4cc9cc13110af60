"""The words of a phụ lục: its label by the profile's numerals and its ``Kèm theo …`` line."""

from __future__ import annotations

from generator import framing, vnformat
from generator.profiles import organs
from generator.profiles.spec import DocType, Profile
from generator.schema import ReportFile

BLANK = "     "
"""What a draft prints where the number or the day is not known yet."""


def label(profile: Profile, position: int, count: int) -> str:
    """Return ``Phụ lục 2`` / ``Phụ lục II``, or plain ``Phụ lục`` for a lone one if so ruled."""
    if count == 1 and not profile.appendix_single_number:
        return profile.appendix_label
    number = vnformat.roman(position) if profile.appendix_numerals == "roman" else str(position)
    return f"{profile.appendix_label} {number}"


def reference(report: ReportFile, doc_type: DocType, number_line: str) -> str:
    """Return ``(Kèm theo Báo cáo số 127-BC/TU, ngày 26/9/2024 của Tỉnh ủy Hậu Giang)``."""
    number = number_line.removeprefix("Số:").removeprefix("Số").strip()
    if report.number is None:
        number = BLANK + number.lstrip()
    date = report.date
    day = str(date.day) if date.day else BLANK
    month = str(date.month) if date.month else BLANK
    kind = doc_type.name[:1] + doc_type.name[1:].lower()
    return (f"(Kèm theo {kind} số {number}, ngày {day}/{month}/{date.year} của "
            f"{_organ(report)})")


def _organ(report: ReportFile) -> str:
    """Return the organ with its place: ``Tỉnh ủy Hậu Giang`` (a sentence says ``Tỉnh ủy``)."""
    name = framing.organ_sentence(report)
    unit = organs.unit_name(report.organ.name)
    return f"{name} {unit}" if unit and unit.lower() not in name.lower() else name
