"""What the comparison of an event holds: plain records the templates and the JSON read."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from generator.analyze.entities import CitedSource
from generator.config import Bilingual

Stance = Literal["reports", "contradicts", "silent"]
ClaimTopic = Literal["outcome", "duration", "count", "date", "statement"]  # interface strings claim_topic_…
ContradictionKind = Literal["polarity", "number", "date", "outcome"]
MAX_CLAIM_ROWS = 20  # claims shown in an event's matrix; the seeds' event has 7


@dataclass(frozen=True)
class SentenceRef:
    article_id: str
    sentence_index: int
    text: str  # the sentence as written; for a confirmed quote, the quoted words


@dataclass(frozen=True)
class SharedPoint:
    refs: tuple[SentenceRef, ...]  # one aligned sentence per reporting article (≥ 2), in event order


@dataclass(frozen=True)
class Evidence:
    ref: SentenceRef
    phrase: str  # the clause of the sentence that makes the claim, as written
    # Where ref.text says what is compared (the figure and its noun, the date, the outcome, the
    # negation and the word it negates): (start, end) character offsets, in order; in a contradiction
    # of two figures of one sentence, both.
    marked: tuple[tuple[int, int], ...]

    @property
    def marked_words(self) -> tuple[str, ...]:
        return tuple(self.ref.text[start:end] for start, end in self.marked)


@dataclass(frozen=True)
class ClaimCell:
    stance: Stance
    evidence: tuple[Evidence, ...]  # empty when silent


@dataclass(frozen=True)
class ClaimRow:
    topic: ClaimTopic
    kind: ContradictionKind
    claim: Evidence  # the statement the row is about, as the first article to make it puts it
    cells: Mapping[str, ClaimCell]  # every article of the event → what it says about the claim


@dataclass(frozen=True)
class ClaimMatrix:
    article_ids: tuple[str, ...]  # the columns, in event order
    rows: tuple[ClaimRow, ...]  # the most telling MAX_CLAIM_ROWS, contested ones first
    omitted: int = 0  # rows left out: fewer outlets take a side on them


@dataclass(frozen=True)
class Contradiction:
    topic: ClaimTopic
    claims: tuple[Evidence, ...]  # one statement per article taking a side, in event order
    kind: ContradictionKind
    against: tuple[str, ...]  # the articles whose statement contradicts the first one's


@dataclass(frozen=True)
class TermUse:
    text: str  # as written, particles dropped, scare quotes kept: 'الكيان “الإسرائيلي”'
    variant: str  # the configured variant it matches
    sentence_indexes: tuple[int, ...]  # where the body uses it
    in_title: bool
    framed: bool  # in scare quotes (a framing mark of the analysis)
    quoted: bool  # only inside someone's quoted words, never in the outlet's own


@dataclass(frozen=True)
class TermChoice:
    actor: str  # key of the terminology table
    label: Bilingual
    by_article: Mapping[str, tuple[TermUse, ...]]  # every article of the event; () when it never names the actor


@dataclass(frozen=True)
class ConfirmedQuote:
    speaker: str  # the fullest form the articles give
    refs: tuple[SentenceRef, ...]  # one per article, text = the quoted words as it printed them


@dataclass(frozen=True)
class Comparison:
    event_slug: str
    shared: tuple[SharedPoint, ...]
    unique: Mapping[str, tuple[SentenceRef, ...]]  # article id → summary sentences no other article reports
    contradictions: tuple[Contradiction, ...]
    claim_matrix: ClaimMatrix
    terminology: tuple[TermChoice, ...]
    cited_sources: Mapping[str, tuple[CitedSource, ...]]
    confirmed_quotes: tuple[ConfirmedQuote, ...]

    @property
    def compared(self) -> bool:
        """Whether there was anything to compare: more than one article."""
        return len(self.claim_matrix.article_ids) > 1

    def texts(self) -> list[str]:
        """Every Arabic text the comparison template shows, for the translate stage."""
        texts = [ref.text for point in self.shared for ref in point.refs]
        texts += [ref.text for refs in self.unique.values() for ref in refs]
        texts += [text for contradiction in self.contradictions for claim in contradiction.claims
                  for text in (claim.ref.text, *claim.marked_words)]
        for row in self.claim_matrix.rows:
            texts.append(row.claim.phrase)
            texts += [evidence.phrase for cell in row.cells.values() for evidence in cell.evidence]
        texts += [use.text for choice in self.terminology for uses in choice.by_article.values() for use in uses]
        texts += [source.name for sources in self.cited_sources.values() for source in sources]
        texts += [text for quote in self.confirmed_quotes for text in (quote.refs[0].text, quote.speaker)]
        return list(dict.fromkeys(texts))
