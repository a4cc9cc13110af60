"""Vietnamese conventions for periods, dates, document numbers and figures (hd36.md §5.4, §8)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

PERIOD_KINDS = ("quy-1", "quy-2", "quy-3", "quy-4", "6-thang", "9-thang", "nam")

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
BLANK_DAY = "   "
"""What stands in for a day or month not yet fixed in a draft (``ngày     tháng 9``)."""
BLANK_NUMBER = "     "
"""What stands in for the number of an unnumbered draft (``Số      -BC/TU``)."""


def roman(number: int) -> str:
    """Return `number` (≥ 1) in upper-case Roman numerals: 4 → ``IV``."""
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def period_text(kind: str, year: int) -> str:
    """Return the period as written in a report: ``quý III năm 2024``, ``9 tháng năm 2024``."""
    if kind.startswith("quy-"):
        return f"quý {roman(int(kind[-1]))} năm {year}"
    if kind == "6-thang":
        return f"6 tháng đầu năm {year}"
    if kind == "9-thang":
        return f"9 tháng năm {year}"
    return f"năm {year}"


def pad_day_month(value: int, *, month: bool) -> str:
    """Return a day or month as the header writes it: day < 10 and months 1–2 zero-padded."""
    if month:
        return f"{value:02d}" if value <= 2 else str(value)
    return f"{value:02d}"


def header_date(place: str, day: int | None, month: int | None, year: int) -> str:
    """Return the place-and-date line: ``Hậu Giang, ngày 05 tháng 01 năm 2024``.

    A missing day or month (a draft) leaves a blank to be filled in by hand.
    """
    d = BLANK_DAY if day is None else pad_day_month(day, month=False)
    m = BLANK_DAY if month is None else pad_day_month(month, month=True)
    return f"{place}, ngày {d} tháng {m} năm {year}"


def text_date(day: int, month: int, year: int) -> str:
    """Return a date as written inside the text: ``05/01/2024``, ``26/8/2024``."""
    return f"{day:02d}/{pad_day_month(month, month=True)}/{year}"


def number_line(number: str | None, doc_abbrev: str, organ_abbrev: str,
                pattern: str = "Số {number}-{type}/{organ}") -> str:
    """Return ``Số 05-BC/TU`` (or the profile's `pattern`, ``Số: 05/BC-UBND``).

    An unnumbered draft leaves a blank: ``Số      -BC/TU``; numbers below 10 get a leading 0.
    """
    if number is None:
        shown = BLANK_NUMBER
    elif number.isdigit():
        shown = number.rjust(2, "0")  # as typed (0127 stays 0127), one digit gets its 0
    else:
        shown = number
    return pattern.format(number=shown, type=doc_abbrev, organ=organ_abbrev)


def format_number(value: int | float | Decimal, decimals: int = 0) -> str:
    """Return `value` the Vietnamese way: ``1.045``, ``90,87`` (dot for thousands, comma decimal)."""
    quantum = Decimal(1).scaleb(-decimals)
    amount = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    text = f"{amount:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_percent(value: float | Decimal, decimals: int = 2) -> str:
    """Return a percentage as ``90,87%``."""
    return format_number(value, decimals) + "%"
