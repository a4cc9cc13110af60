"""How right `baocao check` is on real text: precision, false alarms per 1,000 words, recall.

Usage (from the project folder)::

    python bench/check_quality.py              # the figures, and the findings not yet judged
    python bench/check_quality.py --new        # also append those to judgments.tsv as '?'
    python bench/check_quality.py --list       # every finding with its verdict
    python bench/check_quality.py --hostile    # check time on 100,000 characters of each
                                               # pathological kind (budget 2 s each)

Each text of bench/check-eval/texts/ (real documents, see SOURCES.md) becomes a one-area report
of its document type; `planted.txt` (real sentences with typical typos put in) is only used for
the planted recall. A finding is judged once, in judgments.tsv (T true, F false alarm), keyed by
document, line, column and code; typos.tsv lists the typos known to be in the texts. The last
figure is the check time on the sample in process (median of runs after a warm-up).
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.checks import run_checks
from generator.pipeline import compile_report

EVAL = ROOT / "bench" / "check-eval"
JUDGMENTS = EVAL / "judgments.tsv"
TYPOS = EVAL / "typos.tsv"
SAMPLE = ROOT / "data" / "hau-giang-2024-9-thang"
REPORT = {
    "organ": {"name": "HỘI ĐỒNG NHÂN DÂN TỈNH", "abbrev": "HĐND"},
    "place": "Tỉnh",
    "date": {"month": 7, "year": 2017},
    "period": {"kind": "nam", "year": 2017},
    "title": "Nội dung văn bản",
    "outline": [{"heading": "Nội dung", "area": "noi-dung"}],
    "signature": {"authority": "TM. HỘI ĐỒNG NHÂN DÂN", "title": "CHỦ TỊCH"},
    "recipients": ["Lưu VT."],
}
DOC_TYPES = {"planted": "BÁO CÁO"}
HELD_OUT = frozenset({"d13", "d14", "d15", "d16", "d17"})
"""Texts added after the rules were tuned on the others (SOURCES.md): their figures apart."""
"""Document type of each text (the sources are all resolutions)."""


def write_doc(folder: Path, doc: str, paragraphs: list[str]) -> Path:
    """Write the text as a report folder and return it."""
    report_dir = folder / doc
    (report_dir / "areas").mkdir(parents=True)
    manifest = {**REPORT, "doc_type": DOC_TYPES.get(doc, "NGHỊ QUYẾT")}
    if doc == "planted":
        manifest["period"] = {"kind": "9-thang", "year": 2024}
        manifest["date"] = {"month": 9, "year": 2024}
    (report_dir / "report.yaml").write_text(
        yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False), "utf-8")
    body = "".join("  - " + yaml.safe_dump(p, allow_unicode=True, width=100_000).strip()
                   .replace("\n...", "") + "\n" for p in paragraphs)
    (report_dir / "areas" / "noi-dung.yaml").write_text("paragraphs:\n" + body, "utf-8")
    return report_dir


def texts() -> dict[str, list[str]]:
    """Return document id → its paragraphs (the real texts, then the planted one)."""
    found = {p.stem: p.read_text("utf-8").splitlines() for p in sorted((EVAL / "texts").glob("*.txt"))}
    found["planted"] = [line for line in (EVAL / "planted.txt").read_text("utf-8").splitlines()
                        if line and not line.startswith("#")]
    return found


def run_all(folder: Path) -> tuple[dict[str, list], dict[str, list[str]], dict[str, int]]:
    """Return doc → findings, doc → YAML lines of its area file, doc → word count."""
    findings, lines, words = {}, {}, {}
    for doc, paragraphs in texts().items():
        report_dir = write_doc(folder, doc, paragraphs)
        findings[doc] = [_relative(f, folder) for f in run_checks(compile_report(report_dir))
                         if f.location and f.location.path.name == "noi-dung.yaml"]
        lines[doc] = (report_dir / "areas" / "noi-dung.yaml").read_text("utf-8").splitlines()
        words[doc] = sum(len(p.split()) for p in paragraphs)
    return findings, lines, words


def _relative(finding, folder: Path):
    """Return `finding` with the temporary folder left out of its message (stable to judge)."""
    return dataclasses.replace(finding, message=finding.message.replace(str(folder), "…"))


def key(doc: str, finding) -> tuple[str, int, int, str]:
    return doc, finding.location.line, finding.location.column, finding.code


def read_tsv(path: Path) -> list[list[str]]:
    if not path.exists():
        return []
    rows = [line.split("\t") for line in path.read_text("utf-8").splitlines()]
    return [row for row in rows if row and row[0] and not row[0].startswith("#")]


def judgments() -> dict[tuple[str, int, int, str], tuple[str, str]]:
    """Return key → (verdict, the message judged)."""
    return {(r[0], int(r[1]), int(r[2]), r[3]): (r[4], r[5]) for r in read_tsv(JUDGMENTS)}


def typo_found(typo: list[str], findings, lines: list[str]) -> bool:
    """Return True if a finding starts on the typo or within the word before it."""
    wrong, nth = typo[2], int(typo[4]) if len(typo) > 4 and typo[4] else 1
    seen = 0
    for line_no, line in enumerate(lines, 1):
        col = line.find(wrong)
        while col >= 0:
            seen += 1
            if seen == nth:
                return any(f.location.line == line_no
                           and col + 1 - 12 <= f.location.column <= col + 1 + len(wrong)
                           for f in findings)
            col = line.find(wrong, col + 1)
    raise SystemExit(f"typos.tsv: '{wrong}' not found in {typo[0]}")


def recall(kind: str, findings, lines) -> tuple[int, int, list[str]]:
    rows = [t for t in read_tsv(TYPOS) if t[1] == kind]
    missed = [f"{t[0]}: {t[2]} → {t[3]}" for t in rows
              if not typo_found(t, findings[t[0]], lines[t[0]])]
    return len(rows) - len(missed), len(rows), missed


def sample_check_ms(runs: int = 15) -> float:
    compiled = compile_report(SAMPLE)
    run_checks(compiled)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run_checks(compiled)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def report(findings, lines, words, args) -> None:
    judged = judgments()
    verdicts = {"T": 0, "F": 0}
    held = {"T": 0, "F": 0}
    new = []
    for doc, found in findings.items():
        for f in found:
            verdict, message = judged.get(key(doc, f), ("?", f.message))
            if message != f.message:
                verdict = "?"  # the finding says something else now: judge it again
            if args.list:
                print(f"{verdict}\t{doc}\t{f.location.line}:{f.location.column}\t{f.code}\t"
                      f"{f.message}")
            if doc == "planted":
                continue
            if verdict in verdicts:
                verdicts[verdict] += 1
                if doc in HELD_OUT:
                    held[verdict] += 1
            else:
                new.append((doc, f))
    total_words = sum(w for d, w in words.items() if d != "planted")
    judged_n = verdicts["T"] + verdicts["F"]
    print(f"texts: {len(words) - 1} documents, {total_words:,} words; findings {judged_n + len(new)}"
          f" ({len(new)} not judged)")
    if judged_n:
        print(f"precision: {verdicts['T']}/{judged_n} = {verdicts['T'] / judged_n:.1%}; "
              f"false alarms: {verdicts['F']} = {verdicts['F'] * 1000 / total_words:.2f} "
              "per 1,000 words")
    held_words = sum(w for d, w in words.items() if d in HELD_OUT)
    if held["T"] + held["F"]:
        print(f"  of which held out ({len(HELD_OUT)} documents, {held_words:,} words): precision "
              f"{held['T']}/{held['T'] + held['F']} = {held['T'] / (held['T'] + held['F']):.1%}; "
              f"false alarms {held['F'] * 1000 / held_words:.2f} per 1,000 words")
    for kind, name in (("real", "recall, real typos in the texts"),
                       ("planted", "recall, typos planted in real sentences")):
        hit, total, missed = recall(kind, findings, lines)
        if total:
            print(f"{name}: {hit}/{total} = {hit / total:.1%}"
                  + (f"; missed: {'; '.join(missed)}" if missed else ""))
    for doc, f in new:
        print(f"  new: {doc}\t{f.location.line}:{f.location.column}\t{f.code}\t{f.message}")
    if args.new and new:
        _append_new(new)
    print(f"check time on the sample, in process: {sample_check_ms():.1f} ms (median)")


def _append_new(new) -> None:
    """Write the unjudged findings to judgments.tsv as '?', replacing older rows of their key."""
    keys = {key(doc, f) for doc, f in new}
    kept = [line for line in JUDGMENTS.read_text("utf-8").splitlines()
            if line.startswith("#") or tuple(_key_of(line)) not in keys]
    kept += ["\t".join([*map(str, key(doc, f)), "?", f.message, ""]) for doc, f in new]
    JUDGMENTS.write_text("\n".join(kept) + "\n", "utf-8")


def _key_of(line: str) -> tuple:
    cells = line.split("\t")
    return cells[0], int(cells[1]), int(cells[2]), cells[3]


HOSTILE_SIZE = 100_000
HOSTILE_BUDGET_S = 2.0
HOSTILE = {
    "a run of spaces": lambda n: "a" + " " * n + "b.",
    "stars": lambda n: "*" * n,
    "spaced stars": lambda n: "* " * (n // 2),
    "citation-like fragments": lambda n: "số 12-NQ/TU ngày " * (n // 17),
    "citations": lambda n: "Nghị quyết số 12-NQ/TU ngày " * (n // 28),
    "one long paragraph": lambda n: ("Trong 9 tháng năm 2024, Tỉnh ủy đã lãnh đạo, chỉ đạo các "
                                     "cấp ủy triển khai nhiệm vụ đạt kết quả quan trọng; ")
    * (n // 100),
    "open brackets": lambda n: "(" * n,
    "open quotes": lambda n: "“" * n,
    "dots": lambda n: "." * n,
    "repeated words": lambda n: "tăng " * (n // 5),
    "commas": lambda n: "a," * (n // 2),
    "numbers": lambda n: "1.234 " * (n // 6),
    "names": lambda n: "Nậm Moòng, " * (n // 11),
}
"""Inputs that made a check quadratic before (minutes at this size): see tests/checks/
test_hostile_text.py, which checks the findings of each at a modest size."""


def hostile(folder: Path) -> bool:
    """Print the check time of each pathological input; return True if all met the budget."""
    met = True
    for index, (name, make) in enumerate(HOSTILE.items()):
        report_dir = write_doc(folder, f"hostile-{index}", [make(HOSTILE_SIZE)])
        compiled = compile_report(report_dir)
        start = time.perf_counter()
        found = run_checks(compiled)
        took = time.perf_counter() - start
        met &= took <= HOSTILE_BUDGET_S
        print(f"{name:26s} {took * 1000:8.0f} ms  {len(found):3d} findings  "
              f"{'yes' if took <= HOSTILE_BUDGET_S else 'NO'}")
    return met


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--new", action="store_true", help="append unjudged findings as '?'")
    parser.add_argument("--list", action="store_true", help="print every finding")
    parser.add_argument("--hostile", action="store_true", help="time pathological inputs")
    args = parser.parse_args()
    if args.hostile:
        with tempfile.TemporaryDirectory() as tmp:
            sys.exit(0 if hostile(Path(tmp)) else 3)
    with tempfile.TemporaryDirectory() as tmp:
        findings, lines, words = run_all(Path(tmp))
        report(findings, lines, words, args)


if __name__ == "__main__":
    main()
