"""The hostile-text case: 100,000 characters of one adversarial kind, built, checked, compared."""

from __future__ import annotations

from pathlib import Path

from bench import adversarial
from bench.cases import Bench, row
from bench.measure import Sample, median, peak_mb, run_process

BUDGET_S = 2.0
"""Seconds per 100,000 characters for each build and each diff of one kind (issue 11, point 7);
check is shown, not budgeted. The 20,000 paragraphs of ``diff`` are about 440,000 characters."""
PER_CHARACTERS = 100_000


def hostile(bench: Bench) -> list[dict]:
    """Case 5: `baocao build`, `check` and `diff` on each adversarial kind, in new processes."""
    project = bench.tmp / "hostile"
    runs = max(1, min(3, bench.settings.runs))
    rows = []
    for kind in adversarial.KINDS:
        size = bench.settings.hostile_size
        old = adversarial.write_report(project / "data" / kind, kind, size=size)
        new = adversarial.write_report(project / "data" / f"{kind}-moi", kind, True, size)
        commands = _commands(bench, project, kind, old, new)
        characters = adversarial.characters(kind, size)
        allowed = BUDGET_S * max(1.0, characters / PER_CHARACTERS)
        for name, command in commands.items():
            budget = name != "check"  # check is another module's: shown once, the build warmed it
            count = runs + 1 if budget else 1
            samples = [_run(bench, command, project) for _ in range(count)][-max(1, count - 1):]
            value = median([s.seconds for s in samples])
            rows.append(row(
                f"hostile-{kind}-{name}", f"{kind}: {name}", value,
                budget=f"≤ {allowed:.3g} s" if budget else "",
                met=value <= allowed if budget else None, characters=characters,
                peak_rss_mb=peak_mb(samples),
                exit_codes=sorted({s.returncode for s in samples}),
                last_line=samples[-1].output.strip().splitlines()[-1:],
                runs=[s.seconds for s in samples]))
    return rows


def _commands(bench: Bench, project: Path, kind: str, old: Path, new: Path) -> dict:
    """Return the timed command lines of `kind`: build, check, diff (.docx files for `diff`)."""
    out = project / "out"
    commands = {"build": bench.baocao("build", "--no-check", str(old), "-o",
                                      str(out / f"{kind}.docx")),
                "check": bench.baocao("check", str(old))}
    if kind == "diff":  # the 20,000-paragraph .docx files themselves are compared
        newer = out / f"{kind}-moi.docx"
        _run(bench, bench.baocao("build", "--no-check", str(new), "-o", str(newer)), project)
        commands["diff"] = bench.baocao("diff", str(out / f"{kind}.docx"), str(newer), "-o",
                                        str(out / f"{kind}-so-sanh.docx"))
    else:
        commands["diff"] = bench.baocao("diff", str(old), str(new), "-o",
                                        str(out / f"{kind}-so-sanh.docx"))
    return commands


def _run(bench: Bench, command: list[str], cwd: Path) -> Sample:
    """Run `command`; a non-zero exit (data errors, findings of check) is recorded, not fatal."""
    return run_process(command, cwd, bench.env, timeout=120.0)
