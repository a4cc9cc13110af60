"""The header of an imported document as report.yaml fields: Party or state (``profile: nd30``).

Organ, number and symbol are identity: written as typed, never re-spelled or re-numbered. The
profile of a state header (quốc hiệu, tiêu ngữ) is NĐ30; a Party document's is the one in
force on its date, which the build picks itself. A state document's Kính gửi block and its
căn cứ lines (italic, at the start of the body) become `addressees` and `bases`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from generator import profiles
from generator.importer.outline import heading_of
from generator.importer.parts import ADDRESSEE, DASH, STATE_NUMBER, Header, Parts
from generator.importer.source import Source
from generator.ooxml.reader import NoteRun, Paragraph, TextRun
from generator.profiles import doctypes
from generator.profiles.provinces import spelling_key
from generator.profiles.spec import Profile

STATE_PROFILE = "nd30"
_BASIS = re.compile(r"^\s*Căn\s+cứ\b", re.IGNORECASE)
_BASIS_LAST = re.compile(r"^\s*(?:Theo|Xét)\s+đề\s+nghị\b", re.IGNORECASE)
"""The căn cứ block starts with ``Căn cứ …``; ``Theo đề nghị …`` / ``Xét đề nghị …`` end it."""


def profile_of(header: Header, year: int) -> Profile:
    """Return the profile the build will use: NĐ30 for a state header, else by the date."""
    if header.state:
        return profiles.PROFILES[STATE_PROFILE]
    return profiles.for_date(header.year or year, header.month, header.day)


def header_fields(source: Source, parts: Parts, year: int) -> dict:
    """Return profile, organ, type, number, place, date and draft, in report.yaml's order."""
    h = parts.header
    profile = profile_of(h, year)
    doc_abbrev, organ_abbrev = _symbol(h, profile)
    name, parent = _organ_lines(h, profile)
    organ = {"name": name, "parent": parent, "abbrev": organ_abbrev or initials(name)}
    if organ["abbrev"] and not organ_abbrev:
        source.warn("import.abbrev", f"không thấy dòng 'Số …-BC/…'; ký hiệu cơ quan "
                    f"'{organ['abbrev']}' được suy ra từ tên cơ quan, hãy kiểm tra.")
    report: dict = {"profile": STATE_PROFILE} if h.state else {}
    report.update({"organ": {k: v for k, v in organ.items() if v}, "doc_type": h.doc_type})
    known = doctypes.doc_type(profile, h.doc_type)
    if doc_abbrev and (known is None or known.symbol != doc_abbrev):
        report["doc_abbrev"] = doc_abbrev
    report["number"] = h.number
    report["place"] = h.place
    date = {"day": h.day, "month": h.month, "year": h.year or year}
    report["date"] = {k: v for k, v in date.items() if v}
    try:
        report["date"] = dt.date(date["year"], h.month or 0, h.day or 0)
    except ValueError:
        pass  # a draft's blank day (or an impossible date, which validation reports)
    report["draft"] = h.draft
    if h.urgency:
        report["urgency"] = h.urgency
    return report


def _organ_lines(header: Header, profile: Profile) -> tuple[str | None, str | None]:
    """Return (organ, parent): ``ỦY BAN NHÂN DÂN`` above ``XÃ Y`` is one organ on two lines.

    Without bold to tell them apart, the line above the organ was read as its parent; a
    state organ the profile prints on two lines (`Profile.organ_break_after`) is joined again.
    """
    name, parent = header.organ_name, header.organ_parent
    if header.state and name and parent and any(
            spelling_key(parent) == spelling_key(words) for words in profile.organ_break_after):
        return f"{parent} {name}", None
    return name, parent


def _symbol(header: Header, profile: Profile) -> tuple[str | None, str | None]:
    """Return (type symbol, organ symbol) as typed on the Số line.

    A type whose number has no type symbol under the profile (an NĐ30 công văn,
    ``Số: 2917/SGDĐT-VP``) keeps the whole symbol as the organ's: ``SGDĐT-VP``.
    """
    kind = doctypes.doc_type(profile, header.doc_type)
    m = STATE_NUMBER.match(header.number_line) if header.state else None
    if m is not None and kind is not None and not kind.symbol:
        typed = header.number_line[m.start("doc"):m.end("org")]
        return None, "".join(typed.split())
    return header.doc_abbrev, header.organ_abbrev


def initials(name: str | None) -> str | None:
    """Return ``TU`` for ``TỈNH ỦY HẬU GIANG``: the first letters of the committee's name."""
    if not name:
        return None
    letters = "".join(w[0] for w in name.split()[:2]).upper()
    return "".join(c if c == "Đ" else unicodedata.normalize("NFKD", c)[0] for c in letters)


def take_preamble(parts: Parts, body: list[Paragraph], profile: Profile) -> dict:
    """Take a state document's Kính gửi block and căn cứ lines off the start of `body`."""
    if not parts.header.state:
        return {}
    out: dict = {}
    kind = doctypes.doc_type(profile, parts.header.doc_type)
    label = (kind.addressee_label if kind else "") or "Kính gửi:"
    if body and ADDRESSEE.match(body[0].text) and label == "Kính gửi:" and _plain(body[0]):
        names = [ADDRESSEE.sub("", body.pop(0).text).strip()]
        while body and _plain(body[0]) and (DASH.match(body[0].text) or body[0].label == "-"):
            names.append(DASH.sub("", body.pop(0).text))
        out["addressees"] = [" ".join(n.split()) for n in names if n.strip()]
    bases: list[str] = []
    while body and _basis(body[0], first=not bases):
        bases.append(" ".join(body.pop(0).text.split()))
        if _BASIS_LAST.match(bases[-1]):
            break
    if bases:
        out["bases"] = bases
    return out


def _plain(paragraph: Paragraph) -> bool:
    """Return True for a paragraph the build can print from plain text (no note, no heading)."""
    return heading_of(paragraph) is None and not any(
        isinstance(r, NoteRun) for r in paragraph.runs)


def _basis(paragraph: Paragraph, first: bool) -> bool:
    """Return True for a căn cứ line in NĐ30's form: italic, ``Căn cứ …`` (``Theo đề nghị …``)."""
    runs = [r for r in paragraph.runs if isinstance(r, TextRun) and r.text.strip()]
    starts = _BASIS.match(paragraph.text) or not first and _BASIS_LAST.match(paragraph.text)
    return bool(starts) and bool(runs) and all(r.italic for r in runs) and _plain(paragraph)
