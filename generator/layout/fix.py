"""``baocao check FILE.docx --fix OUT.docx``: a corrected copy for the mechanical findings.

Plans, from the same recognised elements and profile data as the review, the changes that need
no judgment — paper size, margins, font, font sizes of recognised elements, body line spacing,
the punctuation mark ending each recipient line — and lists each in Vietnamese. Bold, italics,
alignment and anything about the wording are left to the clerk: the review still reports them.
"""

from __future__ import annotations

from pathlib import Path

from generator.layout.recognise import Parts
from generator.layout.problem import ELEMENT_NAMES
from generator.layout.rules import TOLERANCE_MM, TOLERANCE_PT, within
from generator.ooxml.inspect import DocxFacts
from generator.ooxml.layout_fix import FixPlan


def _clamp(value: float, limits) -> float:
    return min(max(value, limits[0]), limits[1])


def _mm(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")


def plan_fixes(facts: DocxFacts, parts: Parts, spec: dict) -> tuple[FixPlan, list[str]]:
    """Return what to change and the list of changes as the user will read it."""
    plan, said = FixPlan(), []
    _plan_page(facts, spec, plan, said)
    if any((r.format.font or "") != spec["font"] for p in facts.paragraphs
           for r in p.visible_runs()):
        plan.font = spec["font"]
        said.append(f"phông chữ: mọi đoạn chữ → {spec['font']}")
    if parts.family == spec["family"]:
        for name, limits in spec["elements"].items():
            _plan_element(name, parts, limits, plan, said)
        _plan_recipients(parts, spec, plan, said)
    return plan, said


_SIDES = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}


def _plan_page(facts: DocxFacts, spec: dict, plan: FixPlan, said: list[str]) -> None:
    page = spec["page"]
    margins = dict(page["margins"])
    if facts.mirror_margins:
        margins.update(page.get("mirrored", {}))
    for number, section in enumerate(facts.sections):
        short, long_ = sorted((section.width, section.height))
        wanted = tuple(page["size"])
        if abs(short - wanted[0]) > 1 or abs(long_ - wanted[1]) > 1:
            size = wanted[::-1] if section.landscape else wanted
            plan.page_size[number] = size
            said.append(f"khổ giấy: {short:.0f} × {long_:.0f} → {wanted[0]} × {wanted[1]} mm")
        for side, limits in margins.items():
            value = section.margins.get(side, 0.0)
            if not within(value, limits, TOLERANCE_MM):
                plan.margins.setdefault(number, {})[side] = _clamp(value, limits)
                said.append(f"lề {_SIDES[side]}: {_mm(value)} → "
                            f"{_mm(_clamp(value, limits))} mm")


def _plan_element(name: str, parts: Parts, limits: dict, plan: FixPlan, said: list[str]) -> None:
    resized, respaced = {}, 0
    for p in parts.elements.get(name, []):
        sizes = [r.format.size or 10.0 for r in p.visible_runs()]
        wrong = [s for s in sizes if "size" in limits and
                 not within(s, limits["size"], TOLERANCE_PT)]
        if wrong:
            plan.sizes[p.index] = _clamp(min(wrong), limits["size"])
            resized[plan.sizes[p.index]] = resized.get(plan.sizes[p.index], 0) + 1
        if "line_rule" in limits and _wrong_line(p.format, limits):
            plan.line[p.index] = (limits["line_rule"], limits["line"][0])
            respaced += 1
    for size, count in sorted(resized.items()):
        said.append(f"cỡ chữ {_count(count, ELEMENT_NAMES[name])} → {size:g} pt")
    if respaced:
        rule, value = limits["line_rule"], limits["line"][0]
        wanted = f"đúng {value:g} pt" if rule == "exact" else f"{value:g} dòng"
        said.append(f"giãn dòng {_count(respaced, ELEMENT_NAMES[name])} → {wanted}")


def _count(count: int, name: str) -> str:
    return name if count == 1 else f"{count} đoạn ({name})"


def _wrong_line(fmt, limits: dict) -> bool:
    if limits["line_rule"] == "exact":
        return fmt.line_rule != "exact" or not within(fmt.line, limits["line"], TOLERANCE_PT)
    return fmt.line_rule == "auto" and not within(fmt.line, limits["line"], 0.01)


def _plan_recipients(parts: Parts, spec: dict, plan: FixPlan, said: list[str]) -> None:
    items = [p for p in parts.elements.get("recipient", []) if not p.text.rstrip().endswith(":")]
    rule = spec["recipients"]
    for p in items:
        wanted = rule["last"] if p is items[-1] else rule["ends"]
        text = p.text.rstrip()
        if not text.endswith(wanted) and not text.endswith("./."):
            plan.ends[p.index] = wanted
            said.append(f"đoạn {p.index} (nơi nhận): kết thúc bằng \"{wanted}\"")


def fix_docx(path: Path, out: Path, profile: str | None = None) -> tuple[str, list[str]]:
    """Write to `out` the corrected copy of `path`; return the profile and the changes made."""
    from generator.layout import choose_profile, review_spec
    from generator.layout.recognise import recognise
    from generator.ooxml.inspect import read_facts
    from generator.ooxml.layout_fix import apply_fix
    from generator.writer import write_atomic

    facts = read_facts(path)
    parts = recognise(facts)
    name = profile or choose_profile(parts.family, parts.date)
    plan, said = plan_fixes(facts, parts, review_spec(name))
    write_atomic(out, apply_fix(path, plan))
    return name, said
