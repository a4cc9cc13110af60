"""Spelling, syllable by syllable: unknown syllables, misplaced or mixed tone marks, near-words."""

from __future__ import annotations

from collections import Counter

from generator.checks.base import WARNING, CheckContext
from generator.checks.vietnamese import (
    compounds,
    new_style,
    old_style,
    placement_style,
    split_tone,
    syllables,
)
from generator.checks.words import Pair, Scan, Token, key_of, scan_text

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


def check(ctx: CheckContext) -> None:
    """Report unknown syllables, mixed tone placements and likely one-letter slips."""
    scan = Scan()
    for item in ctx.texts:
        scan_text(item, scan)
    lexicon = _lexicon(scan.pairs)
    for token in scan.unknown:
        _unknown(ctx, token, lexicon)
    _tone_style(ctx, scan.styled)
    _near_words(ctx, _near_candidates(scan), lexicon, scan.seen)


def _lexicon(counts: dict[tuple[str, str], int]) -> dict[tuple[str, str], int]:
    """Return known word pairs → weight: shipped compounds, and pairs repeated in the report."""
    lexicon = {pair: n for pair, n in counts.items() if n >= MIN_REPEATS}
    for pair in compounds():
        lexicon[pair] = max(lexicon.get(pair, 0), 1000)
    return lexicon


def _unknown(ctx: CheckContext, token: Token, lexicon) -> None:
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
    options.sort(key=lambda w: -_fit(w, token, lexicon))
    options = [_same_case(shown, w) for w in options[:3]]
    hint = f"; có thể là: {', '.join(options)}" if options else ""
    ctx.at(token.item, token.start, token.end, "spelling.unknown", WARNING,
           f"'{shown}' không có trong từ điển âm tiết tiếng Việt{hint}.",
           options[0] if options else "")


def _fit(word: str, token: Token, lexicon) -> int:
    """Return how well `word` fits between the token's neighbours (the best pair weight)."""
    weights = []
    if token.before is not None:
        weights.append(lexicon.get((token.before, key_of(word)), 0))
    if token.after is not None:
        weights.append(lexicon.get((key_of(word), token.after), 0))
    return max(weights, default=0)


def _same_case(shown: str, word: str) -> str:
    if shown.isupper() and len(shown) > 1:
        return word.upper()
    if shown[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _tone_style(ctx: CheckContext, styled: list[Token]) -> None:
    counts = Counter(t.style for t in styled)
    if len(counts) < 2:
        return
    minority = "new" if counts["new"] <= counts["old"] else "old"
    majority_name = "cũ (hóa, ủy)" if minority == "new" else "mới (hoá, uỷ)"
    for token in styled:
        if token.style != minority:
            continue
        shown = token.item.text[token.start:token.end]
        fixed = _same_case(shown, old_style(token.word) if minority == "new"
                           else new_style(token.word))
        ctx.at(token.item, token.start, token.end, "spelling.tone-style", WARNING,
               f"báo cáo chủ yếu đặt dấu kiểu {majority_name} ({counts[_other(minority)]} chỗ) "
               f"nhưng ở đây viết '{shown}'; nên viết '{fixed}' cho thống nhất.", fixed)


def _other(style: str) -> str:
    return "old" if style == "new" else "new"


def _near_candidates(scan: Scan) -> list[Pair]:
    """Return the known pairs with a word used once in the report, in reading order.

    The near-word rule looks only at those (`_rare`), so the other pairs are not kept.
    """
    found = {pair.order: pair for key, pairs in scan.lonely.items()
             if _rare(key, scan.seen) for pair in pairs}
    return [found[order] for order in sorted(found)]


def _near_words(ctx: CheckContext, pairs: list[Pair], lexicon, seen: dict[str, int]) -> None:
    by_first: dict[str, list[str]] = {}
    by_second: dict[str, list[str]] = {}
    for first, second in lexicon:
        by_first.setdefault(first, []).append(second)
        by_second.setdefault(second, []).append(first)
    for candidate in pairs:
        pair = candidate.keys
        weight = lexicon.get(pair, 0)
        fix = None
        if _rare(pair[1], seen):
            fix = _one_letter_fix(pair[1], by_first.get(pair[0], []), lexicon, pair, weight, 1)
        if not fix and _rare(pair[0], seen):
            fix = _one_letter_fix(pair[0], by_second.get(pair[1], []), lexicon, pair, weight, 0)
        if fix:
            _report_near(ctx, candidate, fix)


def _rare(word: str, seen: dict[str, int]) -> bool:
    """Return True if `word` is used only once in the report and is no everyday word.

    A slip leaves a syllable the author does not otherwise use (hạch, tể); a syllable used
    elsewhere in the report is most likely meant.
    """
    return seen.get(word, 0) <= 1 and word not in COMMON


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


def _report_near(ctx: CheckContext, pair: Pair, fix: tuple[str, str]) -> None:
    item = pair.item
    shown = item.text[pair.start:pair.end]
    first, second = pair.words
    fixed = _same_case(shown, f"{_restyle(fix[0], first)} {_restyle(fix[1], second)}")
    ctx.at(item, pair.start, pair.end, "spelling.near-word", WARNING,
           f"'{shown}' có thể là lỗi gõ của '{fixed}'; hãy kiểm tra lại.", fixed)


def _restyle(word: str, like: str) -> str:
    """Return `word` in the tone placement style of `like`."""
    return old_style(word) if placement_style(like) == "old" else word
