"""Group articles into events: one event is one happening reported by one or more outlets.

Similarity is the cosine of a weighted concatenation of character n-gram TF-IDF vectors
(title, lead, start of body) and a vector of shared entity keys and numbers.  Events are
built by average-linkage agglomeration over a sparse candidate graph: two articles are
only compared when they share a rare title/lead word, entity or number (inverted index)
and fall within the date window, so the cost grows close to linearly with the number of
articles.  Average linkage (rather than single linkage) keeps chains of related but
different happenings — arrival and departure of one visit — from collapsing into one event.
"""
from __future__ import annotations

import hashlib
import heapq
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import regex
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.preprocessing import normalize

from generator.analyze.normalize import normalize_for_matching


@dataclass(frozen=True)
class GroupingInput:
    article_id: str
    title: str
    lead: str  # first sentences / first paragraph of the body
    body: str
    published: date | None
    pinned_event: str | None  # the editor's `event:` key from front matter; always wins
    entities: frozenset[str] = frozenset()  # normalized entity keys found by analysis


@dataclass(frozen=True)
class EventGroup:
    slug: str  # [a-z0-9-]; from the pinned key, else from the earliest article
    article_ids: tuple[str, ...]  # ordered by published date (undated last), then id


@dataclass(frozen=True)
class GroupingSettings:
    similarity_threshold: float = 0.3
    window_days: int = 2


# Relative weights of the blocks of the article vector (tuned on the dev set).
_TITLE_WEIGHT = 1.0
_LEAD_WEIGHT = 1.0
_BODY_WEIGHT = 0.7
_KEYS_WEIGHT = 0.5
_NGRAM_SIZES = (3, 4, 5)
# Only the start of the body: news tails drift into background shared by related events.
_BODY_WORDS = 200
# A candidate key seen in more articles than this within the window is too common to
# propose pairs (it would make the candidate graph quadratic).
_KEY_WINDOW_CAP = 40
_MIN_KEY_LENGTH = 3
_MAX_SLUG_LENGTH = 80

_WORD = regex.compile(r"\w+")
_CLITICS = ("وال", "بال", "فال", "كال", "لل", "ال", "و")


def group_articles(
    items: Sequence[GroupingInput], settings: GroupingSettings = GroupingSettings()
) -> list[EventGroup]:
    articles = sorted(items, key=_order_key)
    _check_unique_ids(articles)
    if not articles:
        return []
    texts = [_ArticleText.of(article) for article in articles]
    vectors = _vectorize(articles, texts)
    pairs = _candidate_pairs(articles, [t.keys for t in texts], settings.window_days)
    clusters = _cluster(articles, vectors, pairs, settings)
    return _events(articles, clusters)


def _order_key(article: GroupingInput) -> tuple[bool, date, str]:
    return (article.published is None, article.published or date.min, article.article_id)


def _check_unique_ids(articles: Sequence[GroupingInput]) -> None:
    seen: set[str] = set()
    for article in articles:
        if article.article_id in seen:
            raise ValueError(f"duplicate article id: {article.article_id!r}")
        seen.add(article.article_id)


# --- features ---------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return _WORD.findall(normalize_for_matching(text).casefold())


def _strip_clitics(word: str) -> str:
    for prefix in _CLITICS:
        if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_KEY_LENGTH:
            return word[len(prefix) :]
    return word


@dataclass(frozen=True)
class _ArticleText:
    title: list[str]
    lead: list[str]
    body: list[str]
    numbers: list[str]
    keys: frozenset[str]  # candidate keys for the inverted index

    @classmethod
    def of(cls, article: GroupingInput) -> _ArticleText:
        title, lead = _words(article.title), _words(article.lead)
        body = _words(article.body)[:_BODY_WORDS]
        numbers = [w for w in title + lead + body if w.isdigit()]
        headline = title + lead
        keys = {_strip_clitics(w) for w in headline if len(w) >= _MIN_KEY_LENGTH}
        keys.update(f"#{n}" for n in numbers)
        keys.update(f"@{e}" for e in article.entities)
        return cls(title, lead, body, numbers, frozenset(keys))


def _vectorize(articles: Sequence[GroupingInput], texts: Sequence[_ArticleText]) -> sparse.csr_matrix:
    """Rows are L2-normalised, so a dot product is the weighted cosine similarity."""
    fields = ([t.title for t in texts], [t.lead for t in texts], [t.body for t in texts])
    vocabulary: dict[str, int] = {}
    for documents in fields:
        for words in documents:
            for word in words:
                vocabulary.setdefault(word, len(vocabulary))
    ngrams = _ngram_matrix(vocabulary)
    blocks = [
        weight * _tfidf(_word_counts(documents, vocabulary) @ ngrams)
        for weight, documents in zip((_TITLE_WEIGHT, _LEAD_WEIGHT, _BODY_WEIGHT), fields)
    ]
    key_lists = [t.numbers + [f"@{e}" for e in sorted(a.entities)] for a, t in zip(articles, texts)]
    blocks.append(_KEYS_WEIGHT * _tfidf(_word_counts(key_lists, {}), binary=True))
    return normalize(sparse.hstack(blocks, format="csr"))


def _word_counts(documents: Sequence[list[str]], vocabulary: dict[str, int]) -> sparse.csr_matrix:
    rows: list[int] = []
    columns: list[int] = []
    for row, words in enumerate(documents):
        for word in words:
            rows.append(row)
            columns.append(vocabulary.setdefault(word, len(vocabulary)))
    data = np.ones(len(rows), dtype=np.float64)
    shape = (len(documents), max(len(vocabulary), 1))
    return sparse.csr_matrix((data, (rows, columns)), shape=shape)


def _ngram_matrix(vocabulary: dict[str, int]) -> sparse.csr_matrix:
    """Word × character n-gram counts: each distinct word is cut into n-grams only once."""
    grams: dict[str, int] = {}
    rows: list[int] = []
    columns: list[int] = []
    for word, row in vocabulary.items():
        padded = f" {word} "
        for size in _NGRAM_SIZES:
            for start in range(max(len(padded) - size + 1, 1)):
                rows.append(row)
                columns.append(grams.setdefault(padded[start : start + size], len(grams)))
    data = np.ones(len(rows), dtype=np.float64)
    return sparse.csr_matrix((data, (rows, columns)), shape=(max(len(vocabulary), 1), max(len(grams), 1)))


def _tfidf(counts: sparse.csr_matrix, binary: bool = False) -> sparse.csr_matrix:
    if binary:
        counts = (counts > 0).astype(np.float64)
    return TfidfTransformer(sublinear_tf=True).fit_transform(counts).tocsr()


# --- candidate pairs ----------------------------------------------------------------------


def _candidate_pairs(
    articles: Sequence[GroupingInput], keys: Sequence[frozenset[str]], window_days: int
) -> set[tuple[int, int]]:
    """Pairs (i < j) sharing a key that is rare near their dates, within the date window.

    Articles are in canonical order (dated by date, then undated), so every posting list
    is sorted by date and the window is a contiguous run.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for index, article_keys in enumerate(keys):
        for key in article_keys:
            postings[key].append(index)
    days = [a.published.toordinal() if a.published else None for a in articles]
    pairs: set[tuple[int, int]] = set()
    for posting in postings.values():
        if len(posting) > 1:
            pairs.update(_pairs_in_window(posting, days, window_days))
    return pairs


def _pairs_in_window(
    posting: list[int], days: Sequence[int | None], window_days: int
) -> Iterable[tuple[int, int]]:
    dated = [i for i in posting if days[i] is not None]
    undated = posting[len(dated) :]
    end = 0
    for position, i in enumerate(dated):
        end = max(end, position + 1)
        while end < len(dated) and days[dated[end]] - days[i] <= window_days:  # type: ignore[operator]
            end += 1
        if end - position <= _KEY_WINDOW_CAP:
            yield from ((i, j) for j in dated[position + 1 : end])
    if undated and len(posting) <= _KEY_WINDOW_CAP:
        for position, j in enumerate(undated):
            yield from ((i, j) for i in dated + undated[:position])


# --- clustering ---------------------------------------------------------------------------


@dataclass
class _Cluster:
    members: list[int]
    total: sparse.csr_matrix  # sum of member vectors: average linkage is a dot of totals
    first_day: int | None
    last_day: int | None
    pinned: str | None

    def merged_with(self, other: _Cluster) -> _Cluster:
        days = [d for d in (self.first_day, self.last_day, other.first_day, other.last_day) if d is not None]
        return _Cluster(
            members=sorted(self.members + other.members),
            total=self.total + other.total,
            first_day=min(days, default=None),
            last_day=max(days, default=None),
            pinned=self.pinned or other.pinned,
        )


def _linkage(a: _Cluster, b: _Cluster) -> float:
    return float(a.total.multiply(b.total).sum()) / (len(a.members) * len(b.members))


def _compatible(a: _Cluster, b: _Cluster, window_days: int) -> bool:
    """Different pinned events never merge; every dated cross pair is within the window."""
    if a.pinned and b.pinned and a.pinned != b.pinned:
        return False
    if a.first_day is None or b.first_day is None:
        return True
    return max(b.last_day - a.first_day, a.last_day - b.first_day) <= window_days  # type: ignore[operator]


def _initial_clusters(articles: Sequence[GroupingInput], vectors: sparse.csr_matrix) -> list[_Cluster]:
    by_key: dict[str, list[int]] = defaultdict(list)
    clusters: list[_Cluster] = []
    for index, article in enumerate(articles):
        if article.pinned_event is not None:
            by_key[article.pinned_event].append(index)
            continue
        day = article.published.toordinal() if article.published else None
        clusters.append(_Cluster([index], vectors[index], day, day, None))
    for key, members in by_key.items():
        days = [articles[i].published.toordinal() for i in members if articles[i].published]  # type: ignore[union-attr]
        total = sparse.csr_matrix(vectors[members].sum(axis=0))
        clusters.append(_Cluster(members, total, min(days, default=None), max(days, default=None), key))
    return clusters


def _cluster(
    articles: Sequence[GroupingInput],
    vectors: sparse.csr_matrix,
    pairs: set[tuple[int, int]],
    settings: GroupingSettings,
) -> list[list[int]]:
    clusters: dict[int, _Cluster] = dict(enumerate(_initial_clusters(articles, vectors)))
    owner = {m: cid for cid, c in clusters.items() for m in c.members}
    neighbours: dict[int, set[int]] = defaultdict(set)
    for i, j in pairs:
        a, b = owner[i], owner[j]
        if a != b:
            neighbours[a].add(b)
            neighbours[b].add(a)

    heap: list[tuple[float, int, int, int, int]] = []

    def consider(a: int, b: int) -> None:
        ca, cb = clusters[a], clusters[b]
        if not _compatible(ca, cb, settings.window_days):
            return
        score = _linkage(ca, cb)
        if score >= settings.similarity_threshold:
            # Ties broken by the clusters' first members, which do not depend on input order.
            first, second = sorted((ca.members[0], cb.members[0]))
            heapq.heappush(heap, (-score, first, second, a, b))

    for a in sorted(neighbours):
        for b in sorted(neighbours[a]):
            if a < b:
                consider(a, b)
    next_id = len(clusters)
    while heap:
        _, _, _, a, b = heapq.heappop(heap)
        if a not in clusters or b not in clusters:
            continue
        merged = clusters.pop(a).merged_with(clusters.pop(b))
        clusters[next_id] = merged
        around = (neighbours.pop(a) | neighbours.pop(b)) - {a, b}
        neighbours[next_id] = around
        for c in sorted(around):
            neighbours[c] -= {a, b}
            neighbours[c].add(next_id)
            consider(c, next_id)
        next_id += 1
    return [c.members for c in clusters.values()]


# --- output -------------------------------------------------------------------------------


def _events(articles: Sequence[GroupingInput], clusters: list[list[int]]) -> list[EventGroup]:
    slugged = []
    for members in clusters:
        pinned = next((articles[i].pinned_event for i in members if articles[i].pinned_event), None)
        source = pinned if pinned is not None else _article_slug_source(articles[members[0]])
        slugged.append((_slug(source), source, members))
    counts: dict[str, int] = defaultdict(int)
    for slug, _, _ in slugged:
        counts[slug] += 1
    events = []
    for slug, source, members in slugged:
        if counts[slug] > 1:
            slug = f"{slug}-{_digest(source)}"
        latest = max((articles[i].published for i in members if articles[i].published), default=None)
        events.append((latest, EventGroup(slug, tuple(articles[i].article_id for i in members))))
    # Newest first (by latest article), undated events last, then by slug.
    events.sort(key=lambda e: (e[0] is None, -e[0].toordinal() if e[0] else 0, e[1].slug))
    return [event for _, event in events]


def _article_slug_source(article: GroupingInput) -> str:
    if article.published is None:
        return article.article_id
    return f"{article.published.isoformat()}-{article.article_id}"


def _slug(text: str) -> str:
    """ASCII [a-z0-9-] only; text with no usable ASCII (e.g. Arabic) gets a digest."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    slug = regex.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:_MAX_SLUG_LENGTH].strip("-")
    return slug or f"event-{_digest(text)}"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
