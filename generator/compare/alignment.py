"""The sentences of an event, how alike each pair is, and the points several articles report."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import chain, count

import numpy as np
from scipy import sparse

from generator.analyze.analysis import ArticleAnalysis
from generator.analyze.entities import REPORTING_PARTICIPLES, REPORTING_VERBS
from generator.analyze.normalize import normalize_for_matching
from generator.analyze.tfidf import idf, l2_normalized, sublinear_tfidf
from generator.compare.dates import dates_of, days_of
from generator.compare.model import SentenceRef, SharedPoint
from generator.compare.negation import any_negation, polarities_of
from generator.compare.numbers import Quantity, number_text, quantities_of
from generator.compare.phrases import PhraseMatcher
from generator.compare.words import FUNCTION_WORDS, Words, words_of


@dataclass(frozen=True)
class EventSentence:
    ref: SentenceRef
    article: int  # position of its article in the event
    words: Words
    keys: frozenset[str]  # entities (@), numbers (#), actors (&), concepts and countries (%)
    in_summary: bool
    lead: bool  # the first statement of its article (after any caption or byline)
    numbers: tuple[Quantity, ...]
    lead_days: frozenset[str]  # the days its article's first sentences name (days_of): the day it reports

    @cached_property
    def polarities(self) -> dict[str, tuple[int, int]]:
        return polarities_of(self.words)

    @cached_property
    def negates_anything(self) -> bool:
        """Looked up for every statement of every aligned pair the sentence is in: scanned once."""
        return any_negation(self.words)

    @cached_property
    def dates(self) -> dict[str, int]:
        return dates_of(self.words)

    @cached_property
    def days(self) -> frozenset[str]:
        """The days of what the sentence reports (days_of): its own, else its article's."""
        return days_of(self.dates) or self.lead_days


# The sentences of an article that say which day it reports (أغلق المؤشر … في تعاملات اليوم الخميس): its
# later ones give that day's figures without naming it.
_LEAD_SENTENCES = 2


def event_sentences(ids: Sequence[str], analyses: Mapping[str, ArticleAnalysis],
                     matcher: PhraseMatcher) -> list[EventSentence]:
    sentences = []
    for position, article_id in enumerate(ids):
        analysis = analyses[article_id]
        entity_keys: dict[int, set[str]] = {}
        for entity in analysis.entities:
            # Citing the same outlet is not reporting the same point; countries are keys of their own.
            if entity.kind not in ("media", "country"):
                for index in entity.mentions:
                    entity_keys.setdefault(index, set()).add("@" + normalize_for_matching(entity.name))
        summary = set(analysis.summary)
        lead_days = frozenset(chain.from_iterable(days_of(dates_of(words_of(sentence.text)))
                                                  for sentence in analysis.sentences[:_LEAD_SENTENCES]))
        statements = analysis.statements
        for sentence in statements:
            words = words_of(sentence.text)
            keys = set(entity_keys.get(sentence.index, ()))
            keys |= {m.phrase.key for m in matcher.find(words)}
            numbers = tuple(quantities_of(words))
            keys |= {f"#{number_text(q.value)} {q.unit}" for q in numbers}
            ref = SentenceRef(article_id, sentence.index, sentence.text)
            sentences.append(EventSentence(ref, position, words, frozenset(keys), sentence.index in summary,
                                       sentence is statements[0], numbers, lead_days))
    return sentences


# Weights of the two blocks of a sentence vector, tuned on the seeds, constructed cases and
# unrelated EASC articles (tests/test_compare.py): the wording, and the keys that survive rewording.
_TEXT_WEIGHT = 1.0
_KEYS_WEIGHT = 0.8
_OWN_KEY = 4.0
# Two reports of one event usually open with its core facts (the inverted pyramid).
_LEADS = 1.1


_NOT_CONTENT = FUNCTION_WORDS | REPORTING_VERBS | REPORTING_PARTICIPLES  # who said it is not what was said


_NGRAM_SIZES = (3, 4, 5)


def _content(words: Words) -> list[str]:
    return [t.norm for t, other in zip(words.tokens, words.each_has(_NOT_CONTENT)) if t.kind == "word" and not other]


def _ngram_tfidf(documents: Sequence[list[str]]) -> sparse.csr_matrix:
    """TF-IDF of the character n-grams of each document's words (each distinct word cut once)."""
    vocabulary: dict[str, int] = {}
    words = [vocabulary.setdefault(word, len(vocabulary)) for document in documents for word in document]
    counts = _ones(_row_of_each(documents), words, (len(documents), len(vocabulary)))
    cuts = [_word_ngrams(word) for word in vocabulary]
    every_gram = list(chain.from_iterable(cuts))
    grams = dict(zip(dict.fromkeys(every_gram), count()))  # numbered in order of first occurrence
    cut = _ones(_row_of_each(cuts), list(map(grams.__getitem__, every_gram)), (len(cuts), len(grams)))
    return sublinear_tfidf(counts @ cut)


def _row_of_each(rows: Sequence[Sequence[str]]) -> np.ndarray:
    """The row of each item of the rows, one after the other."""
    return np.repeat(np.arange(len(rows)), [len(row) for row in rows])


def _ones(rows: np.ndarray, columns: list[int], shape: tuple[int, int]) -> sparse.csr_matrix:
    """A 1 at each (row, column), repeated ones added up. Arrays, not lists: scipy converts
    lists slowly, and these have an entry per word or n-gram of the event."""
    return sparse.csr_matrix((np.ones(len(columns)), (rows, np.array(columns))), shape=shape)


@lru_cache(maxsize=1 << 16)
def _word_ngrams(word: str) -> tuple[str, ...]:
    """The character n-grams of a word padded with spaces (the whole word if shorter)."""
    padded = f" {word} "
    return tuple(padded[start:start + size] for size in _NGRAM_SIZES for start in range(max(len(padded) - size + 1, 1)))







def _key_idf(keys: Sequence[frozenset[str]]) -> sparse.csr_matrix:
    """Binary key vectors weighted by idf; columns in sorted key order."""
    first_seen = dict(zip(dict.fromkeys(chain.from_iterable(map(sorted, keys))), count()))
    column = dict(zip(sorted(first_seen), count()))
    indptr, indices = [0], []
    for row in keys:
        indices += map(column.__getitem__, sorted(row, key=first_seen.__getitem__))
        indptr.append(len(indices))
    shape = (len(keys), len(column))
    columns = np.asarray(indices, dtype=np.int32)
    return sparse.csr_matrix((idf(columns, shape)[columns], columns, np.asarray(indptr, dtype=np.int32)), shape=shape)


def sentence_similarity(sentences: Sequence[EventSentence]) -> np.ndarray:
    """Cosine similarity of every pair of sentences of the event."""
    blocks = []
    documents = [_content(s.words) for s in sentences]
    if any(documents):
        blocks.append(_TEXT_WEIGHT * _ngram_tfidf(documents))
    if any(s.keys for s in sentences):
        keys = _key_idf([s.keys for s in sentences])
        # A key of its own for every sentence, that nothing else shares: one shared key out of
        # one (a number, a country) is weak evidence, not a perfect match.
        own = sparse.identity(len(sentences), format="csr") * _OWN_KEY
        blocks.append(_KEYS_WEIGHT * l2_normalized(sparse.hstack([keys, own], format="csr")))
    if not blocks:
        return np.zeros((len(sentences), len(sentences)))
    vectors = l2_normalized(sparse.hstack(blocks, format="csr"))
    similarity = (vectors @ vectors.T).toarray()
    leads = [k for k, s in enumerate(sentences) if s.lead]
    similarity[np.ix_(leads, leads)] *= _LEADS
    return similarity


# Two sentences of different articles at or above this similarity report the same point.
ALIGNED = 0.28


def aligned_pairs(sentences: Sequence[EventSentence], similarity: np.ndarray) -> list[tuple[int, int]]:
    """Pairs (i < j) of sentences of different articles that report the same point, best first."""
    article = np.array([s.article for s in sentences])
    rows, columns = np.nonzero(np.triu(similarity >= ALIGNED, k=1) & (article[:, None] != article[None, :]))
    best_first = np.lexsort((columns, rows, -similarity[rows, columns]))
    return list(zip(rows[best_first].tolist(), columns[best_first].tolist()))


def shared_points(sentences: Sequence[EventSentence], similarity: np.ndarray, aligned: Sequence[tuple[int, int]],
                   opposed: frozenset[tuple[int, int]]) -> tuple[SharedPoint, ...]:
    """Greedy average-linkage clustering of aligned sentences, at most one per article."""
    cluster_of: dict[int, int] = {}
    clusters: dict[int, list[int]] = {}
    for i, j in aligned:
        a, b = cluster_of.get(i, -1 - i), cluster_of.get(j, -1 - j)
        if a == b or (i, j) in opposed:
            continue
        left, right = clusters.get(a, [i]), clusters.get(b, [j])
        if {sentences[k].article for k in left} & {sentences[k].article for k in right}:
            continue
        if similarity[np.ix_(left, right)].mean() < ALIGNED:
            continue
        merged = sorted(left + right)
        clusters.pop(a, None)
        clusters.pop(b, None)
        clusters[merged[0]] = merged
        cluster_of.update({k: merged[0] for k in merged})
    points = sorted(clusters.values(), key=lambda members: (-len(members), members))
    return tuple(SharedPoint(tuple(sentences[k].ref for k in members)) for members in points)


def unique_points(ids: Sequence[str], sentences: Sequence[EventSentence], shared: Sequence[SharedPoint],
                   own: Sequence[SharedPoint], opposed: frozenset[tuple[int, int]]) -> Mapping[str, tuple[SentenceRef, ...]]:
    """Summary sentences that no other outlet reports and that are not a side of a contradiction; of
    a point several reports of one outlet share (own), its first report's sentence."""
    taken = {ref for point in shared for ref in point.refs} | {sentences[k].ref for pair in opposed for k in pair}
    taken |= {ref for point in own for ref in point.refs[1:]}
    unique: dict[str, list[SentenceRef]] = {article_id: [] for article_id in ids}
    for s in sentences:
        if s.in_summary and s.ref not in taken:
            unique[s.ref.article_id].append(s.ref)
    return {article_id: tuple(refs) for article_id, refs in unique.items()}
