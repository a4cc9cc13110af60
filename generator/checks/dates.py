"""Dates: impossible ones, the house style (05/01/2024, 26/8/2024), and the header vs the period."""

from __future__ import annotations

import datetime as dt
import re

from generator.checks.base import ERROR, WARNING, CheckContext, TextItem
from generator.profiles import doctypes
from generator.vnformat import pad_day_month, period_text, text_date

RULES = {
    "date.invalid": (ERROR, "ngày không có thật (31/4/2024, 29/02/2023, tháng 13)."),
    "date.style": (WARNING, ("ngày viết lệch kiểu của văn bản: ngày có 2 chữ số, tháng chỉ thêm "
                   "số 0 với tháng 01, 02 (ngày 5/1/2024 → ngày 05/01/2024; 9/11/2018 → "
                   "09/11/2018).")),
    "date.period": (WARNING, ("ngày ban hành ở đầu báo cáo không hợp với kỳ báo cáo (báo cáo 9 "
                    "tháng mà đề tháng 3).")),
}

_FULL = re.compile(r"(\d(?<![\d/.\w]\d)\d?)/(\d{1,2})/(\d{4})(?![\d/])")
r"""``(?<![\d/.\w])(\d{1,2})/…``, starting with the digit (see `numbers.NUMBER`)."""
_DAY_MONTH = re.compile(r"(?<!\w)(ngày\s+)(\d{1,2})/(\d{1,2})(?![\d/])", re.IGNORECASE)
_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_PERIOD_END = {"quy-1": 3, "quy-2": 6, "6-thang": 6, "quy-3": 9, "9-thang": 9, "quy-4": 12,
               "nam": 12}
_SLACK_BEFORE, _SLACK_AFTER = 2, 2
"""A report is usually dated from two months before the period ends to two months after."""


def check(ctx: CheckContext) -> None:
    """Report impossible and off-style dates in the text, and a header date off the period."""
    for item in ctx.texts:
        if "/" in item.text:  # both patterns need one; 33 of the sample's 120 texts have one
            for m in _FULL.finditer(item.text):
                _full_date(ctx, item, m)
            for m in _DAY_MONTH.finditer(item.text):
                _day_month(ctx, item, m)
        for m in _WORDS.finditer(item.text):
            day, month, year = (int(g) for g in m.groups())
            if not _real(day, month, year):
                _invalid(ctx, item, m.start(), m.end(), m.group())
    _header(ctx)


def _real(day: int, month: int, year: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _invalid(ctx: CheckContext, item: TextItem, start: int, end: int, shown: str) -> None:
    ctx.at(item, start, end, "date.invalid", ERROR,
           f"ngày '{shown}' không có thật; hãy kiểm tra lại ngày và tháng.")


def _full_date(ctx: CheckContext, item: TextItem, m: re.Match) -> None:
    day, month, year = (int(g) for g in m.groups())
    if not _real(day, month, year):
        _invalid(ctx, item, m.start(), m.end(), m.group())
        return
    expected = text_date(day, month, year)
    if m.group() != expected:
        ctx.at(item, m.start(), m.end(), "date.style", WARNING,
               f"viết '{expected}' thay cho '{m.group()}' (ngày có 2 chữ số; tháng chỉ thêm số "
               "0 với tháng 01, 02).", expected)


def _day_month(ctx: CheckContext, item: TextItem, m: re.Match) -> None:
    day, month = int(m.group(2)), int(m.group(3))
    start = m.start(2)
    if not _real(day, month, 2000):  # a leap year: 29/02 is possible
        _invalid(ctx, item, start, m.end(), f"{m.group(2)}/{m.group(3)}")
        return
    expected = f"{day:02d}/{pad_day_month(month, month=True)}"
    written = f"{m.group(2)}/{m.group(3)}"
    if written != expected:
        ctx.at(item, start, m.end(), "date.style", WARNING,
               f"viết '{expected}' thay cho '{written}' (ngày có 2 chữ số; tháng chỉ thêm số 0 "
               "với tháng 01, 02).", expected)


def is_periodic(manifest) -> bool:
    """Return True if the report's type is a periodic one and it names a period."""
    kind = doctypes.find(getattr(manifest, "doc_type", None) or "BÁO CÁO")
    return kind is not None and kind.periodic and getattr(manifest, "period", None) is not None


def _header(ctx: CheckContext) -> None:
    manifest, source = ctx.compiled.manifest, ctx.compiled.source
    if not is_periodic(manifest):
        return  # a plan or a resolution has no period its date must fall in
    period, date = manifest.period, manifest.date
    if period is None:  # a type without a reporting period (tờ trình, công văn …)
        return
    end = period.year * 12 + _PERIOD_END[period.kind] - 1
    earliest, latest = end - _SLACK_BEFORE, end + _SLACK_AFTER
    if date.month is not None:
        issued = date.year * 12 + date.month - 1
        if earliest <= issued <= latest:
            return
        shown = f"tháng {date.month}/{date.year}"
        path = ("date", "month")
    else:
        if earliest // 12 <= date.year <= latest // 12:
            return
        shown = f"năm {date.year}"
        path = ("date", "year")
    window = f"tháng {earliest % 12 + 1}/{earliest // 12} đến tháng {latest % 12 + 1}/{latest // 12}"
    location = source.locate(path)
    ctx.at_location(source, location, "date.period", WARNING,
                    f"báo cáo {period_text(period.kind, period.year)} nhưng đề ngày {shown}; "
                    f"báo cáo kỳ này thường ban hành từ {window}. Hãy kiểm tra 'date' hoặc "
                    "'period'.")
