"""The layout rules: recognised elements held against a profile's review data.

Every rule is generic: what it requires comes from ``generator/profiles/<name>/review.yaml``.
Findings about many paragraphs of one element (all body paragraphs 13 pt) are told once, with
the count and the first paragraph, so a document with one wrong style gives one line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.layout.problem import ELEMENT_NAMES, Problem
from generator.layout.recognise import Parts, canonical
from generator.ooxml.inspect import DocxFacts, Para

TOLERANCE_MM = 0.5
TOLERANCE_PT = 0.1
REQUIRED = {
    "party": ("title_line", "organ", "star", "number", "place_date", "recipients_label",
              "signer_name"),
    "state": ("title_line", "motto", "organ", "number", "place_date", "recipients_label",
              "signer_name"),
}


def check_layout(facts: DocxFacts, parts: Parts, spec: dict) -> Iterator[Problem]:
    """Yield every deviation of the document from the profile `spec`."""
    yield from _page(facts, spec)
    if parts.family is None:
        yield Problem("layout.unrecognised", "không nhận ra phần tiêu đề của văn bản (không "
                      f"thấy dòng \"{spec['title_line']}\"), nên không rà soát được thể thức "
                      "các thành phần; chỉ kiểm tra trang và phông chữ.", severity="warning")
    else:
        if parts.family != spec["family"]:
            title = parts.first("title_line").text.strip()
            yield Problem("layout.profile-mismatch", f"văn bản có dòng \"{title}\" nhưng đang "
                          f"được rà soát theo {spec['name']}, thể thức của loại văn bản khác; "
                          "bỏ --profile để chương trình tự chọn.")
        yield from _missing(parts, spec)
        for name, limits in spec["elements"].items():
            yield from _element(name, parts.elements.get(name, []), limits)
        yield from _forms(parts, spec)
    yield from _fonts(facts, spec)
    yield from _page_numbers(facts, spec)
    yield from _leftovers(facts, parts)


def _range(value: float, limits, unit: str) -> str:
    low, high = limits
    shown = lambda x: f"{x:g}".replace(".", ",")  # noqa: E731 - Vietnamese decimal comma
    wanted = shown(low) if low == high else f"{shown(low)}–{shown(high)}"
    return f"{shown(round(value, 1))} {unit}; cần {wanted} {unit}"


def within(value: float, limits, tolerance: float) -> bool:
    return limits[0] - tolerance <= value <= limits[1] + tolerance


def _page(facts: DocxFacts, spec: dict) -> Iterator[Problem]:
    page = spec["page"]
    for number, section in enumerate(facts.sections, 1):
        where = "" if len(facts.sections) == 1 else f" (phần trang thứ {number})"
        short, long_ = sorted((section.width, section.height))
        if not (within(short, [page["size"][0]] * 2, 1) and
                within(long_, [page["size"][1]] * 2, 1)):
            yield Problem("layout.page-size", f"khổ giấy {short:.0f} × {long_:.0f} mm{where}; "
                          "cần khổ A4 (210 × 297 mm). Sửa: Layout → Size → A4.")
        if section.landscape and not facts.tables:
            yield Problem("layout.orientation", f"trang nằm ngang{where} nhưng văn bản không có "
                          "bảng; cần trang đứng. Sửa: Layout → Orientation → Portrait.")
        margins = dict(page["margins"])
        if facts.mirror_margins:
            margins.update(page.get("mirrored", {}))
        for side, limits in margins.items():
            value = section.margins.get(side, 0.0)
            if not within(value, limits, TOLERANCE_MM):
                yield Problem("layout.margin", f"lề {_SIDES[side]} {_range(value, limits, 'mm')}"
                              f"{where}. Sửa: Layout → Margins → Custom Margins.")


_SIDES = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}


def _missing(parts: Parts, spec: dict) -> Iterator[Problem]:
    required = list(REQUIRED[spec["family"]])
    if parts.first("letter_summary") is None:
        required.insert(5, "doc_type")  # a công văn (V/v … under the Số) has no tên loại
    if parts.first("draft") is not None:
        required.remove("signer_name")  # a draft is signed once it is final
    for name in required:
        if parts.first(name) is None:
            yield Problem("layout.missing", f"không thấy {ELEMENT_NAMES[name]}; thể thức "
                          f"{spec['name']} yêu cầu thành phần này.")


def _element(name: str, paragraphs: list[Para], limits: dict) -> Iterator[Problem]:
    """Check every paragraph of one element against its limits; one problem per kind."""
    found: dict[str, list[tuple[Para, str]]] = {}
    for p in paragraphs:
        for code, message in _paragraph_problems(p, limits):
            found.setdefault(code, []).append((p, message))
    for code, hits in found.items():
        p, message = hits[0]
        more = f" ({len(hits)} đoạn như vậy)" if len(hits) > 1 else ""
        yield Problem(code, f"{ELEMENT_NAMES[name]}: {message}{more}.", p, count=len(hits))


def _paragraph_problems(p: Para, limits: dict) -> Iterator[tuple[str, str]]:
    runs = p.visible_runs()
    sizes = {r.format.size if r.format.size is not None else 10.0 for r in runs}
    if "size" in limits:
        for size in sorted(s for s in sizes if not within(s, limits["size"], TOLERANCE_PT)):
            yield "layout.size", f"cỡ chữ {_range(size, limits['size'], 'pt')}"
    some = all if limits.get("mixed_emphasis") else any  # a bold word inside body text is fine
    for key, word_on, word_off in (("bold", "chữ đậm", "chữ không đậm"),
                                   ("italic", "chữ nghiêng", "chữ đứng (không nghiêng)")):
        if key in limits and runs and some(getattr(r.format, key) != limits[key] for r in runs):
            yield f"layout.{key}", f"cần {word_on if limits[key] else word_off}"
    if limits.get("caps") and any(not (r.format.caps or r.text == r.text.upper()) for r in runs):
        yield "layout.caps", "cần chữ in hoa"
    if "underline" in limits and any(bool(r.format.underline) != limits["underline"]
                                     for r in runs):
        yield "layout.underline", "cần gạch chân" if limits["underline"] else \
            "không gạch chân"
    yield from _paragraph_layout(p, limits)


_ALIGN = {"left": "căn trái", "center": "căn giữa", "right": "căn phải", "both": "căn đều hai bên"}


def _paragraph_layout(p: Para, limits: dict) -> Iterator[tuple[str, str]]:
    fmt = p.format
    if "align" in limits and fmt.align != limits["align"]:
        yield "layout.align", f"{_ALIGN[fmt.align]}; cần {_ALIGN[limits['align']]}"
    if "first_line" in limits and not within(fmt.first_line, limits["first_line"], TOLERANCE_MM):
        yield "layout.indent", f"thụt đầu dòng {_range(fmt.first_line, limits['first_line'], 'mm')}"
    if "before_after" in limits and max(fmt.before, fmt.after) < limits["before_after"][0]:
        yield "layout.spacing", (f"khoảng cách giữa các đoạn {max(fmt.before, fmt.after):g} pt; "
                                 f"cần ít nhất {limits['before_after'][0]:g} pt").replace(".", ",")
    if "line_rule" in limits:
        yield from _line_spacing(fmt, limits)


def _line_spacing(fmt, limits: dict) -> Iterator[tuple[str, str]]:
    wanted = limits["line_rule"]
    if wanted == "exact":
        if fmt.line_rule != "exact":
            yield "layout.line-spacing", ("giãn dòng không phải \"Exactly\"; cần đúng "
                                          f"{limits['line'][0]:g}–{limits['line'][1]:g} pt")
        elif not within(fmt.line, limits["line"], TOLERANCE_PT):
            yield "layout.line-spacing", f"giãn dòng {_range(fmt.line, limits['line'], 'pt')}"
    elif fmt.line_rule == "auto" and not within(fmt.line, limits["line"], 0.01):
        yield "layout.line-spacing", f"giãn dòng {_range(fmt.line, limits['line'], 'dòng')}"


def _forms(parts: Parts, spec: dict) -> Iterator[Problem]:
    """The Số line, the date line, the rule under the title, the recipients' punctuation."""
    number = parts.first("number")
    if number is not None and not _number_pattern(spec).match(" ".join(number.text.split())):
        example = "Số: 12/BC-UBND" if spec["family"] == "state" else "Số 127-BC/TU"
        yield Problem("layout.number-form", f"số và ký hiệu \"{number.text.strip()}\" không "
                      f"đúng dạng của {spec['name']}; cần dạng \"{example}\".", number)
    yield from _date_form(parts)
    ruled = spec.get("motto_line") and "motto" or "title_line"
    line = parts.first(ruled)
    if line is not None and spec["elements"].get(ruled, {}).get("rule_below") and \
            not _has_rule(line, parts):
        yield Problem("layout.title-rule", f"không thấy đường kẻ dưới {ELEMENT_NAMES[ruled]}; "
                      "cần một đường kẻ liền dài bằng dòng chữ.", line)
    yield from _line_ends(parts.elements.get("recipient", []), spec["recipients"],
                          "layout.recipient-punctuation", "dòng nơi nhận")
    yield from _line_ends(parts.elements.get("bases", []), spec["bases"],
                          "layout.bases-punctuation", "dòng căn cứ")


def _number_pattern(spec: dict) -> re.Pattern:
    pattern = spec["number_line"].replace(" ", r"\s*")
    for key, regex in (("{n}", r"(\d+(/\d{4})?|\s*)"), ("{type}", r"[A-ZĐ][A-Za-zĐđ]*"),
                       ("{organ}", r"[A-ZĐ0-9&][A-ZĐ0-9&.-]*")):
        pattern = pattern.replace(key, regex)
    return re.compile(pattern)


def _date_form(parts: Parts) -> Iterator[Problem]:
    if parts.date is None:
        return
    day, month, _ = parts.date
    p = parts.first("place_date")
    if day.isdigit() and int(day) < 10 and len(day) == 1:
        yield Problem("layout.date-form", f"ngày \"{day}\" cần viết thêm số 0: \"0{day}\".", p)
    if month.isdigit() and int(month) in (1, 2) and len(month) == 1:
        yield Problem("layout.date-form", f"tháng \"{month}\" cần viết thêm số 0: "
                      f"\"0{month}\".", p)


def _has_rule(line: Para, parts: Parts) -> bool:
    """A bottom border on the line, or a drawn line in the same cell next to it."""
    if line.format.rule_below or line.drawing:
        return True
    neighbours = [p for name in ("place_date", "number", "motto", "typed_rule")
                  for p in parts.elements.get(name, [])]
    typed = [p for p in parts.elements.get("typed_rule", []) if p.cell == line.cell
             and p.index == line.index + 1]  # a line of hyphens typed right under it
    return bool(typed) or any(p.drawing for p in neighbours if p.cell == line.cell)


def _line_ends(lines: list[Para], rule: dict, code: str, what: str) -> Iterator[Problem]:
    """Each line but the last must end with ``rule["ends"]``, the last with ``rule["last"]``."""
    items = [p for p in lines if not p.text.rstrip().endswith(":")]  # sub-labels (Bản điện tử:)
    for p in items:
        text = p.text.rstrip()
        wanted = rule["last"] if p is items[-1] else rule["ends"]
        if not text.endswith(wanted) and not text.endswith("./."):
            yield Problem(code, f"{what} cần kết thúc bằng \"{wanted}\".", p, severity="warning")


def _fonts(facts: DocxFacts, spec: dict) -> Iterator[Problem]:
    wanted = spec["font"]
    wrong = [(p, r) for p in facts.paragraphs for r in p.visible_runs()
             if (r.format.font or "") != wanted]
    if wrong:
        p, run = wrong[0]
        yield Problem("layout.font", f"phông chữ \"{run.format.font or 'mặc định của Word'}\"; "
                      f"cần \"{wanted}\" ({len(wrong)} đoạn chữ như vậy).", p, count=len(wrong))
    coloured = [(p, r) for p in facts.paragraphs for r in p.visible_runs()
                if (r.format.color or "auto").lower() not in ("auto", "000000")]
    if coloured:
        p, run = coloured[0]
        yield Problem("layout.color", f"chữ màu #{run.format.color}; văn bản in màu đen "
                      f"({len(coloured)} đoạn chữ như vậy).", p, count=len(coloured))


def _page_numbers(facts: DocxFacts, spec: dict) -> Iterator[Problem]:
    section = facts.sections[0]
    default = section.headers.get("default")
    if default is None or "PAGE" not in default.fields:
        yield Problem("layout.page-number", "không có số trang (trường PAGE) ở đầu trang; cần "
                      "đánh số trang từ trang 2. Sửa: Insert → Page Number → Top of Page.")
        return
    first = section.headers.get("first")
    if not section.first_page_header or (first is not None and "PAGE" in first.fields):
        yield Problem("layout.page-number", "số trang hiện ở trang 1; trang đầu không đánh số. "
                      "Sửa: Header & Footer → Different First Page.")
    numbered = next(p for p in default.paragraphs if "PAGE" in p.fields)
    if numbered.format.align != "center":
        yield Problem("layout.page-number", f"số trang {_ALIGN[numbered.format.align]}; cần "
                      "căn giữa ở lề trên.")
    limits = spec["elements"].get("page_number", {})
    shown = numbered.visible_runs()
    look = numbered.field_look or (shown[0].format if shown else numbered.mark)
    size = look.size
    if size is not None and "size" in limits and not within(size, limits["size"], TOLERANCE_PT):
        shown = _range(size, limits["size"], "pt")
        yield Problem("layout.page-number", f"số trang cỡ chữ {shown}.")


_PLACEHOLDER = re.compile(r"\.{4,}|…{2,}|\bX{3,}\b|\{\{|\}\}|\[\.\.\.\]|\[…\]")


def _leftovers(facts: DocxFacts, parts: Parts) -> Iterator[Problem]:
    if facts.revisions:
        yield Problem("layout.tracked-changes", f"tệp còn {facts.revisions} chỗ sửa đổi đang "
                      "theo dõi (Track Changes). Sửa: Review → Accept → Accept All Changes.")
    if facts.comments:
        yield Problem("layout.comments", f"tệp còn {facts.comments} nhận xét (Comment). Sửa: "
                      "Review → Delete → Delete All Comments in Document.")
    for p in parts.elements.get("body", []) + parts.elements.get("heading", []):
        if _PLACEHOLDER.search(p.text):
            yield Problem("layout.placeholder", "đoạn còn chỗ để trống hoặc mẫu chưa điền "
                          f"(\"{_PLACEHOLDER.search(p.text).group()}\").", p, severity="warning")
    draft, number = parts.first("draft"), parts.first("number")
    issued = number is not None and re.search(r"\d", number.text) and parts.date is not None \
        and parts.date[0].strip().isdigit()
    if draft is not None and issued:
        yield Problem("layout.draft-mark", "văn bản đã có số và ngày nhưng vẫn còn dấu "
                      f"\"{draft.text.strip()}\"; bỏ dấu dự thảo khi ban hành.", draft)


def organ_text(parts: Parts) -> str:
    """Return the issuing organ's name as one line (for the obsolete-organ rule)."""
    return " ".join(canonical(p.text) for p in parts.elements.get("organ", []))
