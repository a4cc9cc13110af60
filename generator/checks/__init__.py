"""Editorial checks (``baocao check``): the rule registry, `run_checks` and `summary_line`.

Each rule family is one module with ``RULES`` (code → severity and a Vietnamese description)
and ``check(ctx)``, which appends findings to the context. Findings can be silenced by a YAML
comment with a reason (see `generator.checks.suppress`).
"""

from __future__ import annotations

from generator.checks import (
    arithmetic,
    citations,
    dates,
    numbers,
    spelling,
    stale,
    structure,
    suppress,
    tables,
    typography,
)
from generator.checks.base import ERROR, WARNING, CheckContext, Finding, iter_texts

__all__ = ["CODES", "Finding", "count_by_code", "run_checks", "summary_line"]

FAMILIES = (numbers, arithmetic, tables, dates, citations, spelling, typography, structure, stale)
"""Rule modules, in the order they run."""

CODES: dict[str, tuple[str, str]] = {}
"""Every code a check can report → (severity, what it means, in Vietnamese)."""
for _module in FAMILIES + (suppress,):
    CODES.update(_module.RULES)


def run_checks(compiled, *, include_build: bool = True) -> list[Finding]:
    """Return the findings on `compiled` (a `pipeline.Compiled`), sorted, suppressions applied.

    With `include_build` the build's own warnings (``area.empty``, ``footnote.unused`` …) are
    included so that one list says everything a reviewer should look at; ``baocao build``,
    which prints those itself, passes False.
    """
    ctx = CheckContext(compiled, list(iter_texts(compiled)))
    for family in FAMILIES:
        family.check(ctx)
    findings = ctx.findings + ctx.overflow()
    if include_build:
        findings += [Finding.from_diagnostic(d) for d in compiled.diagnostics.items]
    sources = [compiled.source] + [area.source for area in compiled.areas.values()]
    findings = suppress.apply(findings, sources, set(CODES))
    return sorted(_unique(findings), key=lambda f: f.sort_key)


def _unique(findings: list[Finding]) -> list[Finding]:
    seen, out = set(), []
    for finding in findings:
        key = (finding.code, finding.location, finding.message)
        if key not in seen:
            seen.add(key)
            out.append(finding)
    return out


def count_by_code(findings: list[Finding]) -> dict[str, int]:
    """Return how many findings each code has, sorted by code."""
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.code] = counts.get(finding.code, 0) + 1
    return dict(sorted(counts.items()))


def summary_line(findings: list[Finding], *, hint: str | None = None) -> str:
    """Return the Vietnamese one-line count: ``Rà soát biên tập: 2 lỗi, 5 cảnh báo.``

    With `hint`, the report folder (what ``baocao build`` prints), it adds the command that
    shows the details.
    """
    errors = sum(1 for f in findings if f.severity == ERROR)
    warnings = sum(1 for f in findings if f.severity == WARNING)
    if not errors and not warnings:
        return "Rà soát biên tập: không phát hiện vấn đề nào."
    more = f" Xem chi tiết: baocao check {hint}" if hint else ""
    return f"Rà soát biên tập: {errors} lỗi, {warnings} cảnh báo.{more}"
