"""Fixtures for the editorial checks: findings on a tiny report made of the given text."""

from __future__ import annotations

import pytest

from generator.checks import run_checks
from generator.pipeline import compile_report
from tests.checks.tiny_report import write_report


@pytest.fixture
def findings(tmp_path):
    """Return a function: paragraphs → the findings of a report made of them."""
    def run(*paragraphs: str, **kwargs):
        return run_checks(compile_report(write_report(tmp_path, list(paragraphs), **kwargs)))
    return run


@pytest.fixture
def codes(findings):
    """Return a function: paragraphs → the list of finding codes (sorted by place)."""
    def run(*paragraphs: str, **kwargs):
        return [f.code for f in findings(*paragraphs, **kwargs)]
    return run
