"""The benchmark runs end to end on a tiny setting; no timing is asserted (speed lives in bench/)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile

from tests.conftest import ROOT, SAMPLE_DIR


def test_benchmark_runs_on_a_tiny_setting(tmp_path):
    results = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--in-place", "--runs", "1", "--scales",
         "1,2", "--folders", "2", "--hostile-size", "200", "--json", str(results)],
        cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", timeout=600, check=False)
    assert done.returncode in (0, 3), done.stdout + done.stderr  # 3: a budget missed
    payload = json.loads(results.read_text(encoding="utf-8"))
    rows = {row["case"]: row for row in payload["rows"]}
    timed = ("cold", "cold-no-check", "help", "help-command", "check", "rebuild", "checks",
             "scale-1", "scale-2", "batch-command", "batch-seq", "batch")
    assert {*timed, "watch", "growth", "growth-cold", "batch-cpu", "batch-cores",
            "hostile-stars-build", "hostile-diff-diff"} <= set(rows)
    for case in timed:
        assert rows[case]["median_s"] > 0, case
    assert rows["checks"]["findings"] > 0  # the checks ran on the sample and found something
    assert rows["scale-2"]["footnotes"] == 2 * rows["scale-1"]["footnotes"]
    assert payload["machine"]["cpus"] >= 1 and payload["command"].startswith("python bench/")
    assert "cold build, sample" in done.stdout  # the table was printed


def test_single_pass_writer_matches_python_docx_save():
    """`package.to_bytes` writes what python-docx's own save writes, compressed once.

    Guards the optimisation against a python-docx upgrade: the reference below is the former
    implementation (save, then rewrite every entry with a fixed timestamp).
    """
    from generator.context import build_context
    from generator.ooxml import footnotes, package
    from generator.pipeline import compile_report
    from generator.render import _Template

    compiled = compile_report(SAMPLE_DIR)
    doc = _Template(str(compiled.template))
    doc.render(build_context(compiled.report), autoescape=True)
    footnotes.add_footnotes(doc.docx, compiled.report.footnotes)
    package.finish_text(doc.docx)
    assert package.to_bytes(doc.docx) == _saved_and_normalised(doc.docx)


def _saved_and_normalised(document) -> bytes:
    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()
