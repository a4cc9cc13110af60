"""How much of a part was rewritten since the previous period: the share of its words changed."""

from __future__ import annotations

from difflib import SequenceMatcher

from generator.inline import parse_inline
from generator.model import Run

SMALL_EDIT = 0.1
"""Under this share of the words changed, a part was only touched up ("sửa ít")."""


def changed_share(old_texts: list[str], new_texts: list[str]) -> float:
    """Return the share (0…1) of words changed from `old_texts` to `new_texts`.

    Words kept in order count as unchanged; the changed count is the larger of the words
    removed and the words added, over the previous count (1.0 when there was none).
    """
    old = [word for text in old_texts for word in printed_words(text)]
    new = [word for text in new_texts for word in printed_words(text)]
    if not old:
        return 1.0 if new else 0.0
    kept = sum(block.size for block in SequenceMatcher(None, old, new, autojunk=False)
               .get_matching_blocks())
    return max(len(old) - kept, len(new) - kept) / len(old)


def printed_words(text: str) -> list[str]:
    """Return the words of `text` as printed (markup and anchors left out)."""
    printed = "".join(item.text for item in parse_inline(text) if isinstance(item, Run))
    return [word for word in printed.split() if any(char.isalnum() for char in word)]
