"""Spelling, syllable by syllable: unknown syllables, misplaced or mixed tone marks, near-words."""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass

from generator.checks.base import WARNING, CheckContext, TextItem
from generator.checks.vietnamese import (
    WORD,
    compounds,
    has_shape,
    new_style,
    old_style,
    placement_style,
    split_tone,
    syllables,
)

RULES = {
    "spelling.unknown": (WARNING, ("âm tiết không có trong từ điển tiếng Việt (chuần → chuẩn); "
                         "kèm gợi ý sửa.")),
    "spelling.tone-mark": (WARNING, "dấu thanh đặt sai chữ (hòan → hoàn)."),
    "spelling.tone-style": (WARNING, ("báo cáo trộn hai kiểu đặt dấu (hóa/hoá, ủy/uỷ); nên thống "
                            "nhất theo kiểu dùng nhiều hơn.")),
    "spelling.near-word": (WARNING, ("hai âm tiết đúng chính tả nhưng chỉ lệch một chữ cái so với "
                           "một từ quen dùng (kế hạch → kế hoạch, tập tể → tập thể).")),
}

MIN_REPEATS = 3
"""A word pair seen this often in the report counts as a known word of the report."""
COMMON = frozenset({
    "là", "và", "có", "các", "của", "cả", "ra", "vào", "với", "cho", "được", "không", "những",
    "một", "này", "đó", "khi", "từ", "theo", "trong", "đã", "sẽ", "đang", "thì", "mà", "nên",
    "để", "tại", "do", "bị", "hay", "hoặc", "cũng", "rất", "lại", "đi", "về", "lên", "nay",
    "người", "việc", "làm", "ở", "như", "trên", "dưới", "sau", "trước", "hơn", "nhất", "mới",
    "còn", "đến", "qua", "nhiều", "ít", "ai", "gì", "nào", "đây", "kia", "hai", "ba", "bốn",
    "năm", "tháng", "ngày",
})
"""Everyday words: a slip that yields one of these is too often a real word to report."""


@dataclass(frozen=True)
class _Token:
    item: TextItem
    start: int
    end: int
    word: str
    """Lower case, as written."""
    known: bool
    glued: str = ""
    """For two syllables typed without a space (hộigặp): the split form (hội gặp)."""


def check(ctx: CheckContext) -> None:
    """Report unknown syllables, mixed tone placements and likely one-letter slips."""
    tokens = [t for item in ctx.texts for t in _tokens(item)]
    pairs = list(_pairs(tokens))
    lexicon = _lexicon(pairs)
    for index, token in enumerate(tokens):
        if not token.known:
            _unknown(ctx, token, tokens, index, lexicon)
    _tone_style(ctx, tokens)
    _near_words(ctx, pairs, lexicon, Counter(_key(t.word) for t in tokens))


def _tokens(item: TextItem):
    """Yield the Vietnamese-looking words of `item`; report two words typed without a space."""
    text, words = item.text, syllables()
    for m in WORD.finditer(text):
        word = m.group()
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if before.isdigit() or after.isdigit() or "{" in (before, after):
            continue  # codes (K16B01), placeholders ({period})
        lower = word.lower()
        upper_count = sum(c.isupper() for c in word)
        if upper_count > 1 and (word.isascii() or not word.isupper()):
            continue  # abbreviations: UBND, QĐi, CTr
        if not has_shape(lower):
            if not word.isascii() and _glued(lower):
                yield _Token(item, m.start(), m.end(), lower, False, glued=_glued(lower))
            continue  # foreign words and names (Marathon, Singapore), symbols (HĐND)
        if word.isascii() and word[0].isupper() and lower not in words:
            continue
        yield _Token(item, m.start(), m.end(), lower, lower in words)


def _glued(word: str) -> str:
    """Return `word` split into two known syllables (``hộigặp`` → ``hội gặp``), or ''."""
    words = syllables()
    for i in range(1, len(word)):
        if word[:i] in words and word[i:] in words:
            return f"{word[:i]} {word[i:]}"
    return ""


def _pairs(tokens: list[_Token]):
    """Yield adjacent token pairs separated by exactly one space in the same text."""
    for a, b in itertools.pairwise(tokens):
        if a.item is b.item and b.start == a.end + 1 and a.item.text[a.end] == " ":
            yield a, b


def _key(word: str) -> str:
    return new_style(word)


def _lexicon(pairs) -> dict[tuple[str, str], int]:
    """Return known word pairs → weight: shipped compounds, and pairs repeated in the report."""
    counts = Counter((_key(a.word), _key(b.word)) for a, b in pairs if a.known and b.known)
    lexicon = {pair: n for pair, n in counts.items() if n >= MIN_REPEATS}
    for pair in compounds():
        lexicon[pair] = max(lexicon.get(pair, 0), 1000)
    return lexicon


def _unknown(ctx: CheckContext, token: _Token, tokens, index: int, lexicon) -> None:
    word, words = token.word, syllables()
    shown = token.item.text[token.start:token.end]
    if token.glued:
        fixed = _same_case(shown, token.glued)
        ctx.at(token.item, token.start, token.end, "text.missing-space", WARNING,
               f"thiếu dấu cách giữa hai chữ: '{shown}' → '{fixed}'.", fixed)
        return
    moved = words.placements(word)
    if moved:
        fixed = _same_case(shown, moved[0])
        ctx.at(token.item, token.start, token.end, "spelling.tone-mark", WARNING,
               f"dấu thanh đặt sai chữ: '{shown}' → '{fixed}'.", fixed)
        return
    options = words.suggestions(word, limit=5)
    neighbours = _neighbours(tokens, index)
    options.sort(key=lambda w: -max((lexicon.get(p(w), 0) for p in neighbours), default=0))
    options = [_same_case(shown, w) for w in options[:3]]
    hint = f"; có thể là: {', '.join(options)}" if options else ""
    ctx.at(token.item, token.start, token.end, "spelling.unknown", WARNING,
           f"'{shown}' không có trong từ điển âm tiết tiếng Việt{hint}.",
           options[0] if options else "")


def _neighbours(tokens, index: int):
    token = tokens[index]
    out = []
    if index and tokens[index - 1].item is token.item:
        prev = _key(tokens[index - 1].word)
        out.append(lambda w, prev=prev: (prev, _key(w)))
    if index + 1 < len(tokens) and tokens[index + 1].item is token.item:
        nxt = _key(tokens[index + 1].word)
        out.append(lambda w, nxt=nxt: (_key(w), nxt))
    return out


def _same_case(shown: str, word: str) -> str:
    if shown.isupper() and len(shown) > 1:
        return word.upper()
    if shown[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _tone_style(ctx: CheckContext, tokens: list[_Token]) -> None:
    styled = [(t, placement_style(t.word)) for t in tokens if t.known]
    styled = [(t, s) for t, s in styled if s]
    counts = Counter(s for _, s in styled)
    if len(counts) < 2:
        return
    minority = "new" if counts["new"] <= counts["old"] else "old"
    majority_name = "cũ (hóa, ủy)" if minority == "new" else "mới (hoá, uỷ)"
    for token, style in styled:
        if style != minority:
            continue
        shown = token.item.text[token.start:token.end]
        fixed = _same_case(shown, old_style(token.word) if minority == "new"
                           else new_style(token.word))
        ctx.at(token.item, token.start, token.end, "spelling.tone-style", WARNING,
               f"báo cáo chủ yếu đặt dấu kiểu {majority_name} ({counts[_other(minority)]} chỗ) "
               f"nhưng ở đây viết '{shown}'; nên viết '{fixed}' cho thống nhất.", fixed)


def _other(style: str) -> str:
    return "old" if style == "new" else "new"


def _near_words(ctx: CheckContext, pairs, lexicon, seen: Counter) -> None:
    by_first: dict[str, list[str]] = {}
    by_second: dict[str, list[str]] = {}
    for first, second in lexicon:
        by_first.setdefault(first, []).append(second)
        by_second.setdefault(second, []).append(first)
    for a, b in pairs:
        if not (a.known and b.known):
            continue
        pair = (_key(a.word), _key(b.word))
        weight = lexicon.get(pair, 0)
        fix = None
        if _rare(pair[1], seen):
            fix = _one_letter_fix(pair[1], by_first.get(pair[0], []), lexicon, pair, weight, 1)
        if not fix and _rare(pair[0], seen):
            fix = _one_letter_fix(pair[0], by_second.get(pair[1], []), lexicon, pair, weight, 0)
        if fix:
            _report_near(ctx, a, b, fix)


def _rare(word: str, seen: Counter) -> bool:
    """Return True if `word` is used only once in the report and is no everyday word.

    A slip leaves a syllable the author does not otherwise use (hạch, tể); a syllable used
    elsewhere in the report is most likely meant.
    """
    return seen[word] <= 1 and word not in COMMON


def _one_letter_fix(word, candidates, lexicon, pair, weight, slot):
    for candidate in sorted(candidates):
        other = (pair[0], candidate) if slot else (candidate, pair[1])
        if lexicon[other] >= max(2 * weight, MIN_REPEATS) and _one_letter_apart(word, candidate):
            return other
    return None


def _one_letter_apart(a: str, b: str) -> bool:
    """Return True if `a` and `b` have the same tone and differ by one added or dropped letter."""
    base_a, tone_a, _ = split_tone(a)
    base_b, tone_b, _ = split_tone(b)
    if tone_a != tone_b or abs(len(base_a) - len(base_b)) != 1:
        return False
    short, long = sorted((base_a, base_b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _report_near(ctx: CheckContext, a: _Token, b: _Token, fix: tuple[str, str]) -> None:
    item = a.item
    shown = item.text[a.start:b.end]
    fixed = _same_case(shown, f"{_restyle(fix[0], a.word)} {_restyle(fix[1], b.word)}")
    ctx.at(item, a.start, b.end, "spelling.near-word", WARNING,
           f"'{shown}' có thể là lỗi gõ của '{fixed}'; hãy kiểm tra lại.", fixed)


def _restyle(word: str, like: str) -> str:
    """Return `word` in the tone placement style of `like`."""
    return old_style(word) if placement_style(like) == "old" else word
