"""Stage 5: compare how the outlets of one event reported it.

Nothing here is generated text. Every point is a sentence of an article, kept as
(article id, sentence index) so the page links to its place, and every phrase in
the claim matrix is a clause of such a sentence, as written.

- Alignment (alignment.py): sentences of different articles that report the same
  point, by the cosine of character n-gram TF-IDF vectors of their normalized words
  joined with a vector of keys they share: entities, numbers, actors of the
  terminology table and a few news concepts that outlets word differently
  (اجتماع / لقاء, برعاية / بوساطة; phrases.py).
- Claims (claims.py): what each article says about the outcome of talks
  (outcome_claims.py), durations and counts (figure_claims.py, read by numbers.py),
  dates (date_claims.py, read by dates.py), and statements one article negates
  (statement_claims.py, read by negation.py); the claim matrix puts them side by
  side (reports / contradicts / silent) and contradictions are its rows where
  articles disagree.
- Word choice (terms.py): the names each article uses for the actors of the
  terminology table, as written, with the scare quotes found by the analysis.
- Confirmed quotes (confirmed.py): the same words of the same speaker printed by
  several articles.
- Cited sources: each article's, under the whole name any report of its outlet gives.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from generator.analyze.analysis import ArticleAnalysis
from generator.analyze.entities import CitedSource, fuller_names, named_in_full
from generator.compare.alignment import (
    EventSentence,
    aligned_pairs,
    event_sentences,
    sentence_similarity,
    shared_points,
    unique_points,
)
from generator.compare.claims import contradictions_of, is_contested, most_telling, opposed_pairs
from generator.compare.confirmed import confirmed_quotes
from generator.compare.date_claims import date_rows
from generator.compare.figure_claims import quantity_rows
from generator.compare.model import (
    MAX_CLAIM_ROWS,
    ClaimCell,
    ClaimMatrix,
    ClaimRow,
    ClaimTopic,
    Comparison,
    ConfirmedQuote,
    Contradiction,
    ContradictionKind,
    Evidence,
    SentenceRef,
    SharedPoint,
    Stance,
    TermChoice,
    TermUse,
)
from generator.compare.outcome_claims import outcome_row
from generator.compare.phrases import keys_matcher, names_matcher
from generator.compare.statement_claims import statement_rows
from generator.compare.terms import word_choices
from generator.config import Actor
from generator.group import EventGroup
from generator.ingest import Article

__all__ = [
    "MAX_CLAIM_ROWS", "ClaimCell", "ClaimMatrix", "ClaimRow", "ClaimTopic", "Comparison", "ConfirmedQuote",
    "Contradiction", "ContradictionKind", "Evidence", "SentenceRef", "SharedPoint", "Stance", "TermChoice",
    "TermUse", "compare_event",
]


def compare_event(
    event: EventGroup,
    articles: Mapping[str, Article],
    analyses: Mapping[str, ArticleAnalysis],
    terminology: Mapping[str, Actor],
) -> Comparison:
    ids = event.article_ids
    table = tuple((key, actor.label, tuple(actor.variants)) for key, actor in terminology.items())
    actors = tuple((key, variants) for key, _, variants in table)
    names = names_matcher(actors)
    choices = word_choices(ids, articles, analyses, table, names)
    outlet = {article_id: articles[article_id].compared_as for article_id in ids}
    sources = _cited_sources(ids, analyses, outlet)
    if len(ids) < 2:
        empty = {article_id: () for article_id in ids}
        return Comparison(event.slug, (), empty, (), ClaimMatrix(ids, ()), choices, sources, ())

    sentences = event_sentences(ids, analyses, keys_matcher(actors))
    similarity = sentence_similarity(sentences)
    aligned = aligned_pairs(sentences, similarity)
    rows = _claim_rows(ids, sentences, similarity, aligned)
    opposed = opposed_pairs(rows, sentences)
    points = shared_points(sentences, similarity, aligned, opposed)
    # A point only one outlet's reports share (its morning and evening reports of one fact) is that
    # outlet's own: the reader compares outlets.
    shared: list[SharedPoint] = []
    own: list[SharedPoint] = []
    for point in points:
        (shared if len({outlet[ref.article_id] for ref in point.refs}) > 1 else own).append(point)
    shown = most_telling(rows)
    return Comparison(
        event_slug=event.slug,
        shared=tuple(shared),
        unique=unique_points(ids, sentences, shared, own, opposed),
        # Two figures of one pair of sentences that differ (the loss and the points) are one contradiction to read.
        contradictions=contradictions_of(row for row in shown if is_contested(row)),
        claim_matrix=ClaimMatrix(ids, shown, len(rows) - len(shown)),
        terminology=choices,
        cited_sources=sources,
        confirmed_quotes=confirmed_quotes(ids, analyses, outlet),
    )


def _cited_sources(ids: Sequence[str], analyses: Mapping[str, ArticleAnalysis],
                   outlet: Mapping[str, str]) -> dict[str, tuple[CitedSource, ...]]:
    """Each report's cited sources, under the whole name any report of its outlet gives them: «الدكتور رياض ياسين»
    in one report and «وزير الخارجية اليمني رياض ياسين» in another are one source of that outlet."""
    by_outlet: dict[str, list[CitedSource]] = {}
    for article_id in ids:
        by_outlet.setdefault(outlet[article_id], []).extend(analyses[article_id].cited_sources)
    names = {name: fuller_names(sources) for name, sources in by_outlet.items()}
    return {article_id: tuple(named_in_full(source, names[outlet[article_id]])
                              for source in analyses[article_id].cited_sources) for article_id in ids}


def _claim_rows(ids: Sequence[str], sentences: Sequence[EventSentence], similarity: np.ndarray,
                aligned: Sequence[tuple[int, int]]) -> tuple[ClaimRow, ...]:
    outcome = outcome_row(ids, sentences)
    rows = [outcome] if outcome else []
    rows += quantity_rows(ids, sentences, similarity)
    rows += date_rows(ids, sentences, similarity, aligned)
    rows += statement_rows(ids, sentences, aligned)
    return tuple(rows)
