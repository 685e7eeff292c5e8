"""Claims and the claim matrix: what each article says on a claim, and which rows are contradictions."""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from generator.compare.alignment import EventSentence
from generator.compare.model import (
    MAX_CLAIM_ROWS,
    ClaimCell,
    ClaimRow,
    ClaimTopic,
    Contradiction,
    ContradictionKind,
    Evidence,
    Stance,
)
from generator.compare.words import Words, clause_around


@dataclass(frozen=True)
class Claim:
    sentence: int  # index into the event's sentences
    topic: ClaimTopic
    kind: ContradictionKind
    phrase: str
    marked: tuple[tuple[int, int], ...]  # see Evidence.marked


def claim_of(k: int, words: Words, topic: ClaimTopic, kind: ContradictionKind, first: int, last: int,
           at: int | None = None, start: int | None = None) -> Claim:
    """The claim of sentence k that tokens first to last make (from character `start` on, if given), in the
    clause around tokens[at] (first by default)."""
    tokens = words.tokens
    marked = (tokens[first].start if start is None else start, tokens[last].end)
    return Claim(k, topic, kind, clause_around(words, first if at is None else at), (marked,))


def most_telling(rows: Sequence[ClaimRow]) -> tuple[ClaimRow, ...]:
    """The rows a reader should see: contradictions first, then the claims most outlets take a side on,
    in their order of the event. A big event yields hundreds of one-outlet figures; a page of all of
    them (megabytes, a table of thousands of cells) would hide the few that matter."""
    def telling(position: int) -> tuple[bool, int, int]:
        row = rows[position]
        sides = sum(cell.stance != "silent" for cell in row.cells.values())
        return (not is_contested(row), -sides, position)

    kept = sorted(sorted(range(len(rows)), key=telling)[:MAX_CLAIM_ROWS])
    return tuple(rows[position] for position in kept)


def claim_row(ids: Sequence[str], sentences: Sequence[EventSentence], reference: Sequence[Claim],
         others: Mapping[int, tuple[Stance, Sequence[Claim]]]) -> ClaimRow:
    """A row: the claims of its first article, and what each other article (by position) says."""
    first = reference[0]
    cells: dict[str, ClaimCell] = dict.fromkeys(ids, _SILENT)  # a big event has dozens of articles and rows
    for position, (stance, claims) in [*others.items(), (sentences[first.sentence].article, ("reports", reference))]:
        cells[ids[position]] = ClaimCell(stance, tuple(_evidence(sentences, c) for c in claims))
    return ClaimRow(first.topic, first.kind, _evidence(sentences, first), cells)


_SILENT = ClaimCell("silent", ())  # most articles say nothing about most claims: one cell for all


def _evidence(sentences: Sequence[EventSentence], claim: Claim) -> Evidence:
    return Evidence(sentences[claim.sentence].ref, claim.phrase, claim.marked)


def is_contested(row: ClaimRow) -> bool:
    return any(cell.stance == "contradicts" for cell in row.cells.values())


def contradictions_of(contested: Iterable[ClaimRow]) -> tuple[Contradiction, ...]:
    """One contradiction to read for each set of sentences: two figures that differ in one pair of
    sentences (the points lost and the level reached) are one, with both marked."""
    by_sentences: dict[tuple[object, ...], list[Contradiction]] = {}
    for row in contested:
        claims = tuple(cell.evidence[0] for cell in row.cells.values() if cell.evidence)
        against = tuple(article_id for article_id, cell in row.cells.items() if cell.stance == "contradicts")
        contradiction = Contradiction(row.topic, claims, row.kind, against)
        key = (row.topic, row.kind, against, *(claim.ref for claim in claims))
        by_sentences.setdefault(key, []).append(contradiction)
    return tuple(replace(same[0], claims=tuple(
        replace(claim, marked=tuple(sorted({span for other in same for span in other.claims[n].marked})))
        for n, claim in enumerate(same[0].claims))) for same in by_sentences.values())


def opposed_pairs(rows: Sequence[ClaimRow], sentences: Sequence[EventSentence]) -> frozenset[tuple[int, int]]:
    """Pairs of sentences (event indexes, i < j) on opposite sides of a contradiction."""
    contested = [row for row in rows if is_contested(row)]  # the other rows have one side
    where = {s.ref: k for k, s in enumerate(sentences)} if contested else {}
    pairs = set()
    for row in contested:
        sides: dict[str, set[int]] = {"reports": set(), "contradicts": set()}
        for cell in row.cells.values():
            if cell.stance != "silent":
                sides[cell.stance] |= {where[evidence.ref] for evidence in cell.evidence}
        pairs |= {(min(i, j), max(i, j)) for i in sides["reports"] for j in sides["contradicts"]}
    return frozenset(pairs)
