"""The YAML depth guard: its text bound really bounds, and every deep shape is refused, not crashed."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import yamlguard
from generator.diagnostics import Diagnostics
from generator.loader import load_yaml

_SCALARS = st.one_of(st.integers(), st.text("ab [{-?:\n", max_size=6), st.none())
_TREES = st.recursive(_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text("kx", min_size=1, max_size=3), inner,
                                                  max_size=3)), max_leaves=40)


def _event_depth(text: str) -> int:
    depth = deepest = 0
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            deepest = max(deepest, depth)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return deepest


@settings(max_examples=200, deadline=None)
@given(_TREES, st.sampled_from([False, True, None]), st.integers(2, 9))
def test_text_bound_is_never_below_the_real_depth(tree, flow, indent):
    # The lead limit is lowered so that the block part of the bound is what is tested.
    text = yaml.safe_dump(tree, default_flow_style=flow, indent=indent, allow_unicode=True)
    real = _event_depth(text)
    lead = max((len(line) - len(line.lstrip(" \t?:-")) for line in text.splitlines()), default=0)
    assert text.count("[") + text.count("{") + 2 * (lead + 1) >= real


@pytest.mark.parametrize("text", [
    "paragraphs: " + "[" * 5_000 + "]" * 5_000,
    "".join(" " * i + "-\n" for i in range(3_000)),
    "".join(" " * i + "k:\n" for i in range(1_500)) + " " * 1_500 + "v\n",
    "- " * 20_000 + "x\n",
], ids=["brackets", "indented-lists", "indented-keys", "compact-dashes"])
def test_deep_shapes_are_refused_as_too_deep(tmp_path, text):
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    diagnostics = Diagnostics()
    assert load_yaml(path, diagnostics) is None
    assert [d.code for d in diagnostics.items] == ["yaml.too-deep"]


def test_a_large_shallow_file_is_composed_whole(tmp_path):
    items = "".join(f"- heading: Mục {n} [{n}]\n  area: a-{n}\n" for n in range(20_000))
    path = tmp_path / "report.yaml"
    path.write_text("outline:\n" + items, encoding="utf-8")
    source = load_yaml(path, Diagnostics())
    assert len(source.data["outline"]) == 20_000
    assert source.data["outline"][-1] == {"heading": "Mục 19999 [19999]", "area": "a-19999"}
    assert yamlguard.text_depth_bound(path.read_text(encoding="utf-8")) > yamlguard.C_SAFE_DEPTH
