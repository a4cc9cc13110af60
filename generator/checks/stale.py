"""The final version is current: last period's name and last period's untouched parts.

The previous period is the one ``baocao new`` recorded in ``.baocao-new.json`` (its report
folder when it is still there, else the period's words stored with it). While `draft` is set
the findings are warnings; in a final version (no `draft`, a number and a full date) they are
errors, which a ``# baocao: bỏ qua stale.… — lý do`` comment silences only with its reason.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.checks.base import ERROR, WARNING, CheckContext
from generator.schema import Period
from generator.vnformat import PERIOD_KINDS, period_text

RULES = {
    "stale.period": (WARNING, ("còn nhắc tên kỳ trước (\"9 tháng năm 2024\" trong báo cáo quý IV); "
                               "là lỗi trong bản chính thức.")),
    "stale.unchanged": (WARNING, ("phần giống hệt kỳ trước, chưa được cập nhật; là lỗi trong bản "
                                  "chính thức.")),
}


def is_final(manifest) -> bool:
    """Return True for a version to be issued: no `draft`, a number and a full date."""
    date = manifest.date
    return manifest.draft is None and bool(manifest.number) and \
        date.day is not None and date.month is not None


def check(ctx: CheckContext) -> None:
    """Report mentions of the previous period and parts left as they were."""
    from generator.drafting.baseline import content_hash, read_baseline

    compiled = ctx.compiled
    folder = compiled.source.path.parent
    baseline = read_baseline(folder)
    if baseline is None:
        return
    severity = ERROR if is_final(compiled.manifest) else WARNING
    now = compiled.manifest.period
    old = previous_period(folder / baseline.source, baseline.period)
    if old is not None and (old.kind, old.year) != (now.kind, now.year):
        _mentions(ctx, old, now, severity)
    for name, area in compiled.areas.items():
        recorded = baseline.hashes.get(name)
        if recorded and recorded == content_hash(area.model) and _has_text(area.model):
            key = "paragraphs" if "paragraphs" in (area.source.data or {}) else ()
            location = area.source.locate((key,) if key else (), key=True)
            ctx.at_location(area.source, location, "stale.unchanged", severity,
                            f"phần này giống hệt kỳ trước ({baseline.period}), chưa được cập "
                            f"nhật cho {period_text(now.kind, now.year)}.")


def _mentions(ctx: CheckContext, old: Period, now: Period, severity: str) -> None:
    from generator.drafting.periods import mention_spans

    old_words, new_words = period_text(old.kind, old.year), period_text(now.kind, now.year)
    for item in ctx.texts:
        for start, end in mention_spans(item.text, old):
            ctx.at(item, start, end, "stale.period", severity,
                   f"còn nhắc '{item.text[start:end]}' của kỳ trước; báo cáo này là "
                   f"{new_words}. Hãy sửa cho đúng kỳ này (nếu đây là số liệu so sánh với "
                   f"{old_words}, bỏ qua bằng một ghi chú có lý do).")


def _has_text(model) -> bool:
    return bool(model.paragraphs) or any(s.paragraphs for s in model.sections)


def previous_period(folder: Path, words: str) -> Period | None:
    """Return the previous period: from its report folder, else from its recorded words."""
    from generator.diagnostics import Diagnostics
    from generator.pipeline import REPORT_FILE, load_valid
    from generator.schema import ReportFile

    if (folder / REPORT_FILE).is_file():
        _source, manifest = load_valid(folder / REPORT_FILE, ReportFile, Diagnostics())
        if manifest is not None:
            return manifest.period
    year = re.search(r"\d{4}", words)
    for kind in PERIOD_KINDS if year else ():
        if period_text(kind, int(year.group())) == words:
            return Period(kind=kind, year=int(year.group()))
    return None


def guard(compiled) -> None:
    """Add the stale findings to a build's diagnostics; stop a final version that has one.

    Called by the build before anything is written, so a stale report cannot be issued by
    accident; suppression comments apply as in ``baocao check``.
    """
    from generator.checks import CODES, suppress
    from generator.checks.base import iter_texts
    from generator.drafting.baseline import BASELINE_FILE
    from generator.errors import DataError

    if not (compiled.source.path.parent / BASELINE_FILE).is_file():
        return  # not made by baocao new: no previous period to compare with
    ctx = CheckContext(compiled, list(iter_texts(compiled)))
    check(ctx)
    if not ctx.findings:
        return
    sources = [compiled.source] + [area.source for area in compiled.areas.values()]
    findings = [f for f in suppress.apply(ctx.findings, sources, set(CODES))
                if f.code in RULES]
    diagnostics = compiled.diagnostics
    for finding in findings:
        report = diagnostics.error if finding.severity == ERROR else diagnostics.warning
        report(finding.code, finding.message, finding.location, finding.excerpt)
    if diagnostics.has_errors():
        raise DataError("bản chính thức còn nội dung của kỳ trước", diagnostics)
