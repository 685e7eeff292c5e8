"""ROUGE-N F1 on Arabic-normalised tokens.

Common ROUGE packages tokenise with an ASCII-only pattern and silently drop
Arabic letters, so this small scorer is used instead. Text goes through
`normalize_for_matching` (the same folding the site uses to match text), then
is split on anything that is not a letter, mark or digit.

Several references are combined by averaging: the F1 against each reference
is computed separately and the mean is reported (as in shared/data/README.md),
rather than taking the best reference or pooling their n-grams.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from statistics import fmean

import regex

from generator.analyze.normalize import normalize_for_matching

_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+")


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(normalize_for_matching(text).casefold())


def ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def rouge_n(candidate: str, reference: str, n: int) -> float:
    """ROUGE-N F1 (0..1) of one candidate against one reference."""
    cand = ngrams(tokenize(candidate), n)
    ref = ngrams(tokenize(reference), n)
    overlap = sum((cand & ref).values())
    if overlap == 0:
        return 0.0
    precision = overlap / sum(cand.values())
    recall = overlap / sum(ref.values())
    return 2 * precision * recall / (precision + recall)


def rouge_n_multi(candidate: str, references: Sequence[str], n: int) -> float:
    """Mean ROUGE-N F1 of `candidate` over `references`."""
    return fmean(rouge_n(candidate, reference, n) for reference in references)
