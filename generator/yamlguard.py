"""Nesting-depth guard for libyaml: compose with the C parser without letting it overflow its stack.

libyaml's composer recurses in C once per nesting level and crashes the interpreter (no
exception) a few thousand levels down: about 2,000 with a 1 MB stack, Windows' default. Its
parser, though, is a state machine, so its event stream can be walked at any depth. `compose`
first bounds the depth from the text alone, which is free for real files. Only when that bound
is not low enough does it count the depth on the event stream. Neither step falls back to the
pure-Python parser, which is about 12× slower on a large file.
"""

from __future__ import annotations

import re

import yaml

C_SAFE_DEPTH = 1_000
"""Deepest nesting handed to libyaml's recursive composer: half of what a 1 MB stack survives."""
LEAD_LIMIT = 200
"""Widest run of indentation and indicators (``- ``, ``? ``, ``: ``) the text bound allows."""
_WIDE_LEAD = re.compile(r"(?:^|[\n\r\x85\u2028\u2029])[ \t?:-]{%d}" % LEAD_LIMIT)
_OPEN = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSE = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def compose(text: str, loader: type, refuse_above: int) -> yaml.Node | None:
    """Return the node tree of `text` composed by `loader` (libyaml's, normally).

    Raises `RecursionError` when `text` nests deeper than `refuse_above` levels (which must be
    below `C_SAFE_DEPTH`), and `yaml.MarkedYAMLError` for a syntax error.
    """
    if getattr(loader, "__module__", "") == "yaml.cyaml":  # the pure-Python one cannot crash
        bound = text_depth_bound(text)
        if bound is None or bound > C_SAFE_DEPTH:
            _check_event_depth(text, loader, refuse_above)
    return yaml.compose(text, Loader=loader)


def text_depth_bound(text: str) -> int | None:
    """Return an upper bound of the nesting depth of `text`; None if a line leads too wide.

    Flow collections open with ``[`` or ``{``, so their depth is at most the count of those.
    A nested block collection starts further right than its parent (or, a list under a key, at
    the key's column), and only indentation and the indicators ``- ``, ``? ``, ``: `` can stand
    before it on its line, so block depth is at most twice that leading run, plus one.
    """
    if _WIDE_LEAD.search(text):
        return None
    return text.count("[") + text.count("{") + 2 * (LEAD_LIMIT + 1)


def _check_event_depth(text: str, loader: type, refuse_above: int) -> None:
    """Walk the event stream; raise `RecursionError` once nesting passes `refuse_above`.

    A syntax error ends the walk quietly: composing then meets the same error (or an earlier
    composer error, such as an unknown alias) at no greater depth, and reports it exactly.
    """
    depth = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, _OPEN):
                depth += 1
                if depth > refuse_above:
                    raise RecursionError("nested too deep")
            elif isinstance(event, _CLOSE):
                depth -= 1
    except yaml.MarkedYAMLError:
        return
