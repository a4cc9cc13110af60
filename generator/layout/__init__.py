"""The thể thức review of any Word document (`baocao check FILE.docx`), from profile data.

Recipe: read the layout facts of the .docx (`generator.ooxml.inspect`), recognise its elements
by text and position (`recognise`), pick the profile from the header (Party or state) and the
date unless one is named, and hold the elements against that profile's ``review.yaml``
(`rules`). Findings are the editorial check's: code ``layout.*``, the paragraph number and an
excerpt instead of a line, what the profile requires, what was found, how to fix it.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

import yaml

from generator.diagnostics import ERROR, WARNING, Diagnostic, Location

PROFILES_DIR = Path(__file__).resolve().parent.parent / "profiles"
EXCERPT = 70


@lru_cache(maxsize=None)
def review_spec(profile: str) -> dict:
    """Return what the review of `profile` accepts: its ``review.yaml`` (ranges a reviewer
    accepts), with the line-end punctuation of recipients and căn cứ taken from the profile
    itself, the same rule the build follows."""
    from generator import profiles

    with open(PROFILES_DIR / profile / "review.yaml", encoding="utf-8") as stream:
        spec = yaml.safe_load(stream)
    rules = profiles.PROFILES[profile]
    for key, style in (("recipients", rules.recipients), ("bases", rules.bases)):
        spec[key] = {"ends": style.item_end, "last": style.last_end}
    return spec


def choose_profile(family: str | None, date: tuple[str, str, str] | None) -> str:
    """Return the profile for a document of that family and date (state → nd30).

    A Party document is dated by its place and date line (`profiles.for_date`); one with no
    readable year is reviewed under the rules in force today.
    """
    from generator import profiles

    if family == "state":
        return "nd30"
    if date is None or not date[2].isdigit():
        today = dt.date.today()
        return profiles.for_date(today.year, today.month, today.day).name
    month = int(date[1]) if date[1].isdigit() and 1 <= int(date[1]) <= 12 else None
    day = int(date[0]) if date[0].isdigit() and 1 <= int(date[0]) <= 28 else None
    return profiles.for_date(int(date[2]), month, day).name


def review_docx(path: Path, profile: str | None = None) -> tuple[str, list[Diagnostic]]:
    """Return the profile used and the layout findings of the .docx at `path`."""
    from generator.layout.recognise import recognise
    from generator.layout.rules import check_layout
    from generator.layout.structure import check_structure
    from generator.ooxml.inspect import read_facts

    facts = read_facts(path)
    parts = recognise(facts)
    name = profile or choose_profile(parts.family, parts.date)
    spec = review_spec(name)
    problems = [*check_layout(facts, parts, spec), *check_structure(facts, parts, spec)]
    problems.sort(key=lambda problem: problem.paragraph.index if problem.paragraph else 0)
    # page and whole-document facts first, then in reading order
    return name, [_located(path, problem) for problem in problems]


def _located(path: Path, problem) -> Diagnostic:
    p = problem.paragraph
    where = Location(path, 0, 0, f"đoạn {p.index}" if p is not None else "")
    excerpt = ""
    if p is not None and p.text.strip():
        text = " ".join(p.text.split())
        excerpt = "    «" + (text if len(text) <= EXCERPT else text[:EXCERPT - 1] + "…") + "»"
    severity = ERROR if problem.severity == "error" else WARNING
    return Diagnostic(severity, problem.code, problem.message, where, excerpt)
