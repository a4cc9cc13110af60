"""Document citations: ``Nghị quyết số 20-NQ/TU ngày 11/01/2024`` — symbol, ``số`` and date."""

from __future__ import annotations

import re

from generator.checks.base import ERROR, WARNING, CheckContext, TextItem
from generator.profiles import doctypes

RULES = {
    "citation.malformed": (ERROR, ("số, ký hiệu văn bản sai dạng (đúng: 20-NQ/TU; văn bản nhà "
                           "nước: 123/QĐ-UBND, 30/2020/NĐ-CP).")),
    "citation.type": (ERROR, ("ký hiệu không khớp loại văn bản (Nghị quyết phải là …-NQ/…, Chỉ thị "
                      "…-CT/…, Kết luận …-KL/…).")),
    "citation.missing-so": (WARNING, ("thiếu chữ 'số' trước số, ký hiệu văn bản (Nghị quyết "
                            "20-NQ/TU → Nghị quyết số 20-NQ/TU).")),
    "citation.missing-date": (WARNING, ("văn bản được dẫn lần đầu mà không có ngày ban hành "
                              "(… số 05-CT/TW ngày …).")),
    "citation.date-after": (WARNING, ("văn bản được dẫn mang ngày ban hành muộn hơn ngày của chính "
                            "văn bản đang soạn (dẫn một văn bản chưa ra đời).")),
    "citation.no-symbol": (WARNING, ("sau 'số' chỉ có con số, thiếu ký hiệu văn bản (Kế hoạch số "
                           "12 → Kế hoạch số 12-KH/TU).")),
}

TYPE_ABBREVS = {kind.name.lower(): kind.symbols for kind in doctypes.KINDS if kind.symbols}
"""Type of document → the symbols its number may carry (one table: profiles/doctypes.py)."""
KNOWN_ABBREVS = set().union(*TYPE_ABBREVS.values())

_TYPES = "|".join(sorted(TYPE_ABBREVS, key=len, reverse=True))
_CITATION = re.compile(rf"(?<!\w)({_TYPES})(\s+số)?\s+(\d[^\s,;()]*)", re.IGNORECASE)
_PARTY = re.compile(r"(\d+)-([A-ZĐ][A-Za-zĐđ]*)/([A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*)")
_PART = r"[A-ZĐ][\wĐđ]*(?:&[A-ZĐ][\wĐđ]*)*"
_STATE = re.compile(rf"\d+/(?:\d{{4}}/{_PART}(?:-{_PART})*|{_PART}(?:-{_PART})*)")
"""State symbols: 12/NQ-CP, 15/2024/QĐ-UBND, a công văn's 656/HĐTV, 1556/SGD&ĐT-VP."""
_DATE_AFTER = re.compile(r"\s*,?\s*(?:của\s+[^,;.]{1,60}?\s+)?ngày\s+(\d{1,2})(?:/|\s+tháng\s+)"
                         r"(\d{1,2})(?:/|\s+năm\s+)(\d{4})|\s*,?\s*(?:của\s+[^,;.]{1,60}?\s+)?"
                         r"ngày\s+\d", re.IGNORECASE)


def check(ctx: CheckContext) -> None:
    """Report malformed symbols, a type that does not match, and a missing ``số`` or date."""
    cited: set[str] = set()
    for item in ctx.texts:
        for m in _CITATION.finditer(item.text):
            _citation(ctx, item, m, cited)


def _citation(ctx: CheckContext, item: TextItem, m: re.Match, cited: set[str]) -> None:
    kind, has_so, symbol = m.group(1), m.group(2), m.group(3).rstrip(".:")
    start, end = m.start(3), m.start(3) + len(symbol)
    symbol_like = "-" in symbol or "/" in symbol
    if not symbol_like:
        if has_so and symbol.isdigit():
            ctx.at(item, start, end, "citation.no-symbol", WARNING,
                   f"'{kind} số {symbol}' thiếu ký hiệu văn bản (ví dụ: "
                   f"{symbol}-{_example(kind)}/TU).")
        return
    party, state = _PARTY.fullmatch(symbol), _STATE.fullmatch(symbol)
    if not party and not state:
        ctx.at(item, start, end, "citation.malformed", ERROR,
               f"ký hiệu '{symbol}' sai dạng; văn bản của Đảng viết 'số-LOẠI/CƠQUAN' (ví dụ "
               f"20-{_example(kind)}/TU), văn bản nhà nước viết '123/QĐ-UBND'.")
        return
    if party:
        _type_matches(ctx, item, m, symbol, party.group(2), start + len(party.group(1)) + 1)
    if not has_so:
        ctx.at(item, m.start(1), end, "citation.missing-so", WARNING,
               f"thiếu chữ 'số': viết '{kind} số {symbol}'.", f"{kind} số {symbol}")
    first = symbol not in cited
    cited.add(symbol)
    date = _DATE_AFTER.match(item.text, end)
    if date and date.group(3):
        _after_issue(ctx, item, date, f"{kind} số {symbol}")
    dated = date or re.search(r"/\d{4}/", symbol)
    if first and not dated:
        ctx.at(item, start, end, "citation.missing-date", WARNING,
               f"'{kind} số {symbol}' được dẫn lần đầu mà chưa có ngày ban hành; thêm "
               f"'ngày dd/mm/yyyy' sau ký hiệu.")


def _after_issue(ctx: CheckContext, item: TextItem, date: re.Match, cited: str) -> None:
    """Report a cited document dated after the last day the report itself can be dated."""
    issued = ctx.compiled.manifest.date
    day, month, year = (int(g) for g in date.groups()[:3])
    latest = (issued.year, issued.month or 12, issued.day or 31)
    if (year, month, day) > latest and 1 <= month <= 12:
        shown = date.group().strip(" ,")
        ctx.at(item, date.start(1), date.end(3), "citation.date-after", WARNING,
               f"'{cited}' {shown} muộn hơn ngày ban hành của văn bản này "
               f"({_issue_text(issued)}); hãy kiểm tra lại ngày.")


def _issue_text(issued) -> str:
    if issued.month is None:
        return f"năm {issued.year}"
    return (f"ngày {issued.day}/{issued.month}/{issued.year}" if issued.day
            else f"tháng {issued.month}/{issued.year}")


def _example(kind: str) -> str:
    return max(TYPE_ABBREVS[kind.lower()])


def _type_matches(ctx: CheckContext, item: TextItem, m: re.Match, symbol: str, abbrev: str,
                  at: int) -> None:
    expected = TYPE_ABBREVS[m.group(1).lower()]
    if abbrev in expected or abbrev not in KNOWN_ABBREVS:
        return
    want = " hoặc ".join(sorted(expected))
    fixed = symbol.replace(f"-{abbrev}/", f"-{max(expected)}/", 1)
    ctx.at(item, at, at + len(abbrev), "citation.type", ERROR,
           f"'{m.group(1)}' nhưng ký hiệu '{symbol}' là của loại văn bản khác ({abbrev}); "
           f"ký hiệu của {m.group(1).lower()} là {want}: '{fixed}'.", fixed)
