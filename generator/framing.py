"""The report's frame through its profile: header fields, closing sentence, punctuated lists.

Pure: the profile (chosen by `profile:` or the date) gives the words, numbers and punctuation;
problems go into the diagnostics with their place in report.yaml.
"""

from __future__ import annotations

import re

from generator import profiles, vnformat
from generator.diagnostics import Diagnostics
from generator.loader import SourceFile
from generator.model import Frame, Inline, Run
from generator.profiles import doctypes, obsolete, organs
from generator.profiles.spec import DocType, ListStyle, Profile
from generator.schema import ReportFile

_END_PUNCTUATION = re.compile(r"[\s,;.]+$")


def choose_profile(report: ReportFile, source: SourceFile, diagnostics: Diagnostics) -> Profile:
    """Return the profile named by `profile:`, else the one in force on the document's date."""
    if report.profile:
        found = profiles.get(report.profile)
        if found is not None:
            return found
        diagnostics.error("profile.unknown", f"không có thể thức '{report.profile}'; hãy dùng "
                          f"một trong: {profiles.names()}.", source.locate(("profile",)))
    date = report.date
    return profiles.for_date(date.year, date.month, date.day)


def doc_type_of(report: ReportFile, profile: Profile, source: SourceFile,
                diagnostics: Diagnostics) -> DocType:
    """Return the document type (its symbol from `doc_abbrev` when given); report unknown ones."""
    known = doctypes.doc_type(profile, report.doc_type)
    if known is None:
        known = DocType(" ".join(report.doc_type.split()).upper(), report.doc_abbrev or "?")
        if not report.doc_abbrev:
            diagnostics.error("schema.doc-abbrev", f"không biết ký hiệu của loại văn bản "
                              f"'{report.doc_type}'; hãy thêm trường 'doc_abbrev' (ví dụ: BC).",
                              source.locate(("doc_type",)))
    elif report.doc_abbrev and report.doc_abbrev != known.symbol:
        known = DocType(**{**known.__dict__, "symbol": report.doc_abbrev})
    if known.periodic and report.period is None:
        diagnostics.error("schema.period-required", f"loại văn bản '{known.name}' là báo cáo "
                          "định kỳ nên cần trường 'period' (kỳ báo cáo), ví dụ: period: "
                          "{kind: nam, year: 2026}.", source.locate(("doc_type",)))
    return known


def period_text(report: ReportFile, source: SourceFile, diagnostics: Diagnostics) -> str:
    """Return the period as written (``năm 2026``), or "" for a document without one."""
    if report.period is not None:
        return vnformat.period_text(report.period.kind, report.period.year)
    for key in ("title", "closing"):
        if "{period}" in (getattr(report, key) or ""):
            diagnostics.error("schema.period-missing", "có '{period}' nhưng báo cáo chưa có "
                              "trường 'period' (kỳ báo cáo).", source.locate((key,)))
    return ""


def organ_sentence(report: ReportFile) -> str:
    """Return how the closing names the organ, never truncated."""
    organ = report.organ
    return (organ.short_name or organs.sentence_name(organ.name, organ.parent)
            or organs.sentence_case(organ.name))


def default_closing(report: ReportFile, doc_type: DocType) -> str:
    """Return the type's closing sentence for this organ (``{period}`` still to fill)."""
    addressee = _END_PUNCTUATION.sub("", report.addressees[0]) if report.addressees else ""
    return (doc_type.closing.replace("{organ}", organ_sentence(report))
            .replace("{addressee}", addressee))


def punctuate(lines: list[str], style: ListStyle) -> tuple[str, ...]:
    """Return `lines` with typed end punctuation dropped and the profile's added."""
    bare = [_END_PUNCTUATION.sub("", line) for line in lines]
    return tuple(line + (style.last_end if i == len(bare) - 1 else style.item_end)
                 for i, line in enumerate(bare))


def fields(report: ReportFile, profile: Profile, doc_type: DocType, title: tuple[Inline, ...],
           source: SourceFile, diagnostics: Diagnostics) -> tuple[dict[str, str], Frame]:
    """Return the single-line fields (catalogue names) and the frame of the document."""
    organ, addressees = report.organ, punctuate(report.addressees, profile.addressees)
    symbol = organ.abbrev or organs.symbol(organ.name, organ.parent)
    if symbol is None:
        diagnostics.error("schema.organ-abbrev", f"không biết ký hiệu của cơ quan '{organ.name}';"
                          " hãy thêm 'abbrev' vào mục 'organ' (ví dụ: abbrev: TU).",
                          source.locate(("organ", "name")))
    values = {
        "organ_parent": organ.parent or "",
        "organ_name": organs.split_lines(organ.name.replace("\n", " "), profile.organ_break_after),
        "number_line": vnformat.number_line(report.number, doc_type.symbol, symbol or "?",
                                            doc_type.number_format or profile.number_format),
        "header_subject": _header_subject(doc_type, title),
        "draft": report.draft or "",
        "urgency": _urgency(report, profile, source, diagnostics),
        **_circulation(report.circulation or "", profile),
        "place_date": vnformat.header_date(report.place, report.date.day, report.date.month,
                                           report.date.year),
        "doc_type": doc_type.name,
        "addressee": addressees[0] if len(addressees) == 1 else "",
        "signature.authority": report.signature.authority,
        "signature.title": report.signature.title,
        "signature.name": report.signature.name or "",
        "drafter": report.drafter or "",
        "contact": report.contact or "",
    }
    frame = Frame(
        profile=profile.name, show_type=not doc_type.subject_in_header,
        addressee_label=doc_type.addressee_label or "Kính gửi:" if addressees else "",
        addressees=addressees if len(addressees) > 1 else (),
        bases=punctuate(report.bases, profile.bases),
        line_spacing=_line_spacing(report, profile, source, diagnostics))
    return values, frame


def _circulation(mark: str, profile: Profile) -> dict[str, str]:
    """Return the phạm vi lưu hành mark where the profile prints it: page 1 or the last page."""
    at_end = profile.on_last_page(mark)
    return {"circulation": "" if at_end else mark, "circulation_end": mark if at_end else ""}


def _header_subject(doc_type: DocType, title: tuple[Inline, ...]) -> str:
    if not doc_type.subject_in_header:
        return ""
    text = "".join(item.text for item in title if isinstance(item, Run)).strip()
    prefix = doc_type.subject_prefix
    return text if not prefix or text.lower().startswith(prefix.strip().lower()) \
        else prefix + text


def _urgency(report: ReportFile, profile: Profile, source: SourceFile,
             diagnostics: Diagnostics) -> str:
    if report.urgency is None:
        return ""
    level = " ".join(report.urgency.split()).upper().replace("HOÁ", "HỎA").replace("HOẢ", "HỎA")
    if level not in profile.urgency_levels:
        choices = ", ".join(s.lower() for s in profile.urgency_levels)
        diagnostics.error("schema.urgency", f"độ khẩn '{report.urgency}' không có; hãy dùng "
                          f"một trong: {choices}.", source.locate(("urgency",)))
    return level


def _line_spacing(report: ReportFile, profile: Profile, source: SourceFile,
                  diagnostics: Diagnostics) -> int | None:
    """Return the body's line height in twips when the report sets one within the range."""
    wanted, spacing = report.line_spacing, profile.spacing
    if wanted is None:
        return None
    high = spacing.high if spacing.high is not None else float("inf")
    if not spacing.low <= wanted <= high:
        allowed = (f"từ {vnformat.format_number(spacing.low)} đến "
                   f"{vnformat.format_number(spacing.high)} pt" if spacing.high is not None
                   else f"ít nhất {vnformat.format_number(spacing.low)} pt")
        shown = vnformat.format_number(wanted, 0 if wanted == int(wanted) else 1)
        diagnostics.error("schema.line-spacing", f"giãn dòng {shown}"
                          f" pt nằm ngoài khoảng {profile.label} cho phép ({allowed}).",
                          source.locate(("line_spacing",)))
        return None
    return round(wanted * 20)


def obsolete_warnings(report: ReportFile, source: SourceFile, diagnostics: Diagnostics) -> None:
    """Warn (``organ.obsolete``) about organs, places and recipients gone since 01/7/2025."""
    date = report.date
    if not obsolete.in_force(date.year, date.month, date.day):
        return
    found = [(("organ", key), obsolete.organ_problem(getattr(report.organ, key) or ""))
             for key in ("parent", "name")]
    found.append((("place",), obsolete.place_problem(report.place)))
    for i, line in enumerate(report.recipients):
        found += [(("recipients", i), problem) for problem in obsolete.recipient_problems(line)]
    for path, problem in found:
        if problem:
            location = source.locate(path)
            diagnostics.warning("organ.obsolete", problem, location, source.excerpt(location))
