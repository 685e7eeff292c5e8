"""Confirmed quotes: the same words of the same speaker printed by several outlets."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from generator.analyze.analysis import ArticleAnalysis
from generator.analyze.normalize import normalize_for_matching
from generator.analyze.quotes import Quote
from generator.compare.model import ConfirmedQuote, SentenceRef
from generator.compare.words import NO_MARKS

_SAME_WORDS = 0.75  # share of the shorter quote's character trigrams found in the other
_MIN_QUOTE_WORDS = 3


@lru_cache(maxsize=4096)  # a quote is compared with every group of the event
def _trigrams(text: str) -> frozenset[str]:
    padded = f" {' '.join(normalize_for_matching(text).translate(NO_MARKS).split())} "
    return frozenset(padded[i:i + 3] for i in range(len(padded) - 2))


def _same_words(a: str, b: str) -> bool:
    if min(len(a.split()), len(b.split())) < _MIN_QUOTE_WORDS:
        return normalize_for_matching(a) == normalize_for_matching(b)
    grams_a, grams_b = _trigrams(a), _trigrams(b)
    return len(grams_a & grams_b) >= _SAME_WORDS * min(len(grams_a), len(grams_b))


def _same_speaker(a: str, b: str) -> bool:
    """One name holds the other's words: "براك" and "توم براك" are one speaker."""
    words_a, words_b = _name_words(a), _name_words(b)
    return bool(words_a) and bool(words_b) and (words_a <= words_b or words_b <= words_a)


@lru_cache(maxsize=4096)
def _name_words(name: str) -> frozenset[str]:
    return frozenset(w.removeprefix("ال") for w in normalize_for_matching(name).split())


def confirmed_quotes(ids: Sequence[str], analyses: Mapping[str, ArticleAnalysis],
                      outlet: Mapping[str, str]) -> tuple[ConfirmedQuote, ...]:
    """Quotes with a named speaker that another outlet prints too, grouped one per article (an outlet
    that prints a quote in two reports does not confirm it)."""
    groups: list[list[tuple[int, str, Quote]]] = []  # (article position, speaker, quote)
    for position, article_id in enumerate(ids):
        for quote in analyses[article_id].quotes:
            if quote.speaker is None:
                continue
            group = next((g for g in groups if all(p != position for p, _, _ in g)
                          and _same_speaker(g[0][1], quote.speaker) and _same_words(g[0][2].text, quote.text)), None)
            if group is None:
                groups.append([(position, quote.speaker, quote)])
            else:
                group.append((position, quote.speaker, quote))
    return tuple(
        ConfirmedQuote(
            max((speaker for _, speaker, _ in group), key=len),
            tuple(SentenceRef(ids[p], quote.sentence_index, quote.text) for p, _, quote in group),
        )
        for group in groups if len({outlet[ids[p]] for p, _, _ in group}) > 1
    )
