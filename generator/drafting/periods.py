"""Reporting periods for ``baocao new``: when a period ends and how its words are rewritten."""

from __future__ import annotations

import re

from generator.schema import Period
from generator.vnformat import period_text, roman

END_MONTH = {"quy-1": 3, "quy-2": 6, "quy-3": 9, "quy-4": 12, "6-thang": 6, "9-thang": 9,
             "nam": 12}
"""The last month of each period: a new draft is dated in it (the day left blank)."""


def default_year(previous: Period, kind: str) -> int:
    """Return the year of the period `kind` that follows `previous`.

    The same year when it ends later (9 tháng → quý IV) or is another cut of the same months
    (quý II → 6 tháng); otherwise the next year (quý IV → quý I, năm → năm).
    """
    before, after = END_MONTH[previous.kind], END_MONTH[kind]
    later = after > before or (after == before and kind != previous.kind)
    return previous.year if later else previous.year + 1


def _phrases(period: Period) -> list[str]:
    """Return the ways a report writes `period`, longest first."""
    year = period.year
    found = {period_text(period.kind, year)}
    if period.kind.startswith("quy-"):
        found.add(f"quý {roman(int(period.kind[-1]))}/{year}")
    elif period.kind == "6-thang":
        found.add(f"6 tháng năm {year}")
    elif period.kind == "9-thang":
        found.add(f"9 tháng đầu năm {year}")
    return sorted(found, key=len, reverse=True)


def replace_period(text: str, old: Period, new: Period) -> tuple[str, int]:
    """Return `text` with every mention of `old` written as `new`, and how many were replaced.

    The case of each mention is kept: ``Quý III năm 2024`` at the start of a sentence stays
    capitalised, an all-capitals title stays in capitals.
    """
    pattern = _pattern(old)
    replacement = period_text(new.kind, new.year)

    def same_case(match: re.Match[str]) -> str:
        found = match.group(0)
        if found.isupper():
            return replacement.upper()
        if found[:1].isupper() or match.start() == 0:
            return replacement[:1].upper() + replacement[1:]
        return replacement

    return pattern.subn(same_case, text)


def _pattern(period: Period) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p in _phrases(period))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def mention_spans(text: str, period: Period) -> list[tuple[int, int]]:
    """Return the (start, end) of every mention of `period` in `text`, in words."""
    return [m.span() for m in _pattern(period).finditer(text)]


def mentions(text: str, period: Period) -> bool:
    """Return True if `text` names `period` in words (not through ``{period}``)."""
    return replace_period(text, period, period)[1] > 0
