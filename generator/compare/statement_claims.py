"""Negated statements: aligned sentences where one denies what the other says."""
from __future__ import annotations

from collections.abc import Sequence

from generator.compare.alignment import EventSentence
from generator.compare.claims import Claim, claim_of, claim_row
from generator.compare.model import ClaimRow, Stance
from generator.compare.negation import DENIAL_REACH, clause_words, negator_before, written_onto_a_word
from generator.compare.words import Words


def _statement_claim(k: int, words: Words, polarity: int, at: int) -> Claim:
    """The statement of sentence k on tokens[at], with the negation before it when it denies it."""
    negation = negator_before(words, at, DENIAL_REACH) if polarity < 0 else None
    return claim_of(k, words, "statement", "polarity", at if negation is None else negation, at, at=at)


def statement_rows(ids: Sequence[str], sentences: Sequence[EventSentence],
                    aligned: Sequence[tuple[int, int]]) -> list[ClaimRow]:
    """Aligned sentences where one negates what the other asserts (نفى أن يكون الوفد سيشارك / سيشارك):
    one row for each such statement, however many copies of the two sentences the outlets printed."""
    flips: dict[str, list[tuple[int, int]]] = {}  # the statement (its word) → the pairs that flip it
    for k, m in sorted(aligned):
        mine, theirs = sentences[k].polarities, sentences[m].polarities
        flipped = (key for key in sorted(mine.keys() & theirs.keys()) if mine[key][0] != theirs[key][0]
                   and _same_clause(sentences[k].words, mine[key][1], sentences[m].words, theirs[key][1])
                   and not (sentences[k] if mine[key][0] > 0 else sentences[m]).negates_anything
                   and not _spelt_apart(sentences[k].words, mine[key], sentences[m].words, theirs[key]))
        if (key := next(flipped, None)) is not None:
            flips.setdefault(key, []).append((k, m))
    rows = []
    for key, pairs in flips.items():
        for members in _connected(pairs):
            first = members[0]
            polarity, at = sentences[first].polarities[key]
            others: dict[int, tuple[Stance, list[Claim]]] = {}
            for k in members[1:]:
                article = sentences[k].article
                if article != sentences[first].article and article not in others:
                    their_polarity, their_at = sentences[k].polarities[key]
                    claim = _statement_claim(k, sentences[k].words, their_polarity, their_at)
                    others[article] = ("reports" if their_polarity == polarity else "contradicts", [claim])
            reference = _statement_claim(first, sentences[first].words, polarity, at)
            rows.append(claim_row(ids, sentences, [reference], others))
    return rows


def _spelt_apart(a: Words, side_a: tuple[int, int], b: Words, side_b: tuple[int, int]) -> bool:
    """Whether the side that negates the statement does so with a word the other side writes as a word (negation.written_onto_a_word)."""
    (polarity, at_a), (_, at_b) = side_a, side_b
    return written_onto_a_word(a, at_a, b, at_b) if polarity < 0 else written_onto_a_word(b, at_b, a, at_a)


_SAME_CLAUSE = 0.5  # share of the content words of two clauses that both have (Jaccard)


def _same_clause(a: Words, at_a: int, b: Words, at_b: int) -> bool:
    """Whether the clauses around a word said in one sentence and denied in the other say the same
    thing but for the denial (إلى انتهاء مرحلة الفحص / إلى عدم انتهاء مرحلة الفحص), not two things
    that share a word (لم تعمل على جاهزية الملاعب / سبب التأجيل عدم جاهزية الملاعب)."""
    mine, theirs = clause_words(a, at_a), clause_words(b, at_b)
    return len(mine & theirs) >= _SAME_CLAUSE * len(mine | theirs)


def _connected(pairs: Sequence[tuple[int, int]]) -> list[list[int]]:
    """The members (ascending) of each connected component of the pairs, in the order of their first pair."""
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = root(a), root(b)
        parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {root(a): [] for a, _ in pairs}
    for x in sorted(parent):
        groups[root(x)].append(x)
    return list(groups.values())
