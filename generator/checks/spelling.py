"""Spelling: unknown syllables, misplaced or mixed tone marks; near-words are in `nearword`."""

from __future__ import annotations

from collections import Counter

from generator.checks import nearword
from generator.checks.base import WARNING, CheckContext
from generator.checks.lexicon import frequency, word_pairs
from generator.checks.names import in_name, is_abbreviation
from generator.checks.vietnamese import (
    compounds,
    new_style,
    old_style,
    syllables,
)
from generator.checks.words import Scan, Token, key_of, scan_text

RULES = {
    "spelling.unknown": (WARNING, ("âm tiết không có trong từ điển tiếng Việt (chuần → chuẩn); "
                         "kèm gợi ý sửa.")),
    "spelling.tone-mark": (WARNING, "dấu thanh đặt sai chữ (hòan → hoàn)."),
    "spelling.tone-style": (WARNING, ("báo cáo trộn hai kiểu đặt dấu (hóa/hoá, ủy/uỷ); nên thống "
                            "nhất theo kiểu dùng nhiều hơn.")),
    "spelling.near-word": (WARNING, ("các âm tiết đều đúng chính tả nhưng không thành từ, trong khi "
                           "gõ lệch một dấu hoặc một chữ thì thành một từ quen dùng (thu đua → "
                           "thi đua, kế hạch → kế hoạch); kèm mức chắc chắn.")),
}

MIN_REPEATS = 3
"""A word pair seen this often in the report counts as a known word of the report."""


def check(ctx: CheckContext) -> None:
    """Report unknown syllables, mixed tone placements and likely one-letter slips."""
    scan = Scan()
    for item in ctx.texts:
        scan_text(item, scan)
    lexicon = _lexicon(scan.pairs)
    for token in scan.unknown:
        _unknown(ctx, token, lexicon)
    _tone_style(ctx, [t for t in scan.styled
                      if not in_name(t.item.text, t.start, t.end, after_place_noun=False)])
    nearword.check(ctx, scan.near, scan.pairs)


def _lexicon(counts: dict[tuple[str, str], int]) -> dict[tuple[str, str], int]:
    """Return known word pairs → weight: shipped compounds, and pairs repeated in the report."""
    lexicon = {pair: n for pair, n in counts.items() if n >= MIN_REPEATS}
    for pair in compounds():
        lexicon[pair] = max(lexicon.get(pair, 0), 1000)
    return lexicon


def _unknown(ctx: CheckContext, token: Token, lexicon) -> None:
    word, words = token.word, syllables()
    text = token.item.text
    shown = text[token.start:token.end]
    if in_name(text, token.start, token.end) or is_abbreviation(text, token.start, token.end):
        return  # a syllable of a name (thôn Nậm Moòng, Tổ dân phố Mai Sẫu), or ĐYC
    if shown.isascii() and not words.by_letters.get(word):
        return  # a foreign word (block chain): no Vietnamese syllable has these letters
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
    weights, known = [], word_pairs()
    for pair in ((token.before, key_of(word)), (key_of(word), token.after)):
        if None not in pair:
            weights.append(lexicon.get(pair, 500 if " ".join(pair) in known else 0))
    return max(weights, default=0) * 100 + frequency(key_of(word))


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
