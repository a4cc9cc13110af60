"""The registry of profiles (rule sets) and the rule that picks one from the document date.

Adding a profile is one folder holding its data plus one line in `PROFILES`.
"""

from __future__ import annotations

import datetime as dt

from generator.profiles import hd05, hd36, nd30
from generator.profiles.spec import Profile

PROFILES: dict[str, Profile] = {p.name: p for p in (hd36.PROFILE, hd05.PROFILE, nd30.PROFILE)}
DEFAULT = "hd36"
"""The profile of a document without a date we can read (never happens for valid data)."""


def get(name: str) -> Profile | None:
    """Return the profile registered as `name` (any case), or None."""
    return PROFILES.get(name.strip().lower())


def for_date(year: int, month: int | None, day: int | None) -> Profile:
    """Return the profile in force for a document dated `day`/`month`/`year`.

    A draft without a day counts from the first of its month, one without a month from
    January: a draft of "tháng 5/2026" is still under HD36, one of "tháng 6/2026" under HD05.
    Profiles that are never guessed (NĐ30) are skipped.
    """
    date = dt.date(year, month or 1, day or 1)
    chosen = PROFILES[DEFAULT]
    for profile in PROFILES.values():
        start = profile.valid_from
        if profile.guessed and start is not None and start <= date \
                and (chosen.valid_from is None or start >= chosen.valid_from):
            chosen = profile
    return chosen


def names() -> str:
    """Return the registered names for a message: ``hd36, hd05, nd30``."""
    return ", ".join(PROFILES)
