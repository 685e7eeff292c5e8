"""Extractive summaries: a few of the article's own sentences, never new text.

Each sentence is scored by LexRank (PageRank over a cosine-similarity graph of
character n-gram TF-IDF vectors of the normalised text) blended with a prior
for sentences near the top, since news puts the essentials first. The best are
taken greedily, skipping near-duplicates of a sentence already chosen (a title
repeated as the first line) and fragments too short to stand alone, and are
returned in the article's order.

Parameters were checked on half of the EASC dev articles and confirmed on the
other half (benchmarks/summaries.py): the blend beats both of its parts alone,
and summaries longer than about 35 % of the sentences stop scoring clearly
better against the human ones while getting harder to read.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from functools import lru_cache
from itertools import chain, count

import numpy as np
import regex
from scipy import sparse

from generator.analyze.normalize import normalize_for_matching
from generator.analyze.tfidf import idf, l2_normalized

DEFAULT_RATIO = 0.35
DEFAULT_MIN_SENTENCES = 1
DEFAULT_MAX_SENTENCES = 8

MIN_WORDS = 4  # shorter sentences are headings, bylines or share buttons
DUPLICATE_SIMILARITY = 0.8  # cosine above which two sentences say the same thing
POSITION_WEIGHT = 0.3  # share of the score that comes from the position prior
POSITION_HALF_LIFE = 0.2  # fraction of the article after which the prior halves
# Sentences are compared only with neighbours this close, so a very long text
# costs O(n * WINDOW) instead of O(n^2); a typical article fits in one window.
WINDOW = 100
DAMPING = 0.85

_WORD = regex.compile(r"[\p{L}\p{N}]+")


def summarize(
    sentences: Sequence[str],
    *,
    ratio: float = DEFAULT_RATIO,
    min_sentences: int = DEFAULT_MIN_SENTENCES,
    max_sentences: int = DEFAULT_MAX_SENTENCES,
    labels: Collection[int] = (),
) -> list[int]:
    """Indices, in ascending order, of the sentences that summarise the article.

    About `ratio` of the sentences that can stand alone are chosen (long enough, and not
    among the `labels`: captions, headings, bylines), at least `min_sentences` and at most
    `max_sentences` (fewer if the article has fewer distinct sentences).
    """
    if not 0 <= ratio <= 1 or not 0 <= min_sentences <= max_sentences:
        raise ValueError(f"bad summary length: {ratio=}, {min_sentences=}, {max_sentences=}")
    if not sentences:
        return []
    normalized = [normalize_for_matching(sentence) for sentence in sentences]
    vectors = _ngram_vectors(normalized)
    graph = _similarity_graph(vectors)
    statements = np.fromiter((i not in labels for i in range(len(sentences))), dtype=np.int64, count=len(sentences))
    # The lead is the first statement, not the caption or byline above it.
    scores = _blend(_lexrank(graph), _position_prior(np.cumsum(statements) - statements, max(int(statements.sum()), 1)))

    standalone = [i for i, text in enumerate(normalized) if statements[i] and len(_WORD.findall(text)) >= MIN_WORDS]
    candidates = standalone or list(range(len(sentences)))
    wanted = min(len(candidates), max(min_sentences, min(max_sentences, round(ratio * len(candidates)))))

    chosen: list[int] = []
    for i in sorted(candidates, key=lambda i: (-scores[i], i)):
        if len(chosen) == wanted:
            break
        if not chosen or _max_similarity(vectors, graph, i, chosen) < DUPLICATE_SIMILARITY:
            chosen.append(i)
    return sorted(chosen)


def _ngram_vectors(texts: list[str]) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows of character 2- to 4-grams inside words.

    Character n-grams match Arabic words across clitics and affixes
    (والاجتماع / الاجتماع) without a stemmer.

    The same numbers as scikit-learn's TfidfVectorizer(analyzer="char_wb",
    ngram_range=(2, 4)), to the last bit, at a fraction of its overhead on a few
    dozen sentences: each row's entries stored in the order the n-grams first
    occur in the texts (the order its norm is summed in, and products are added
    in), and a smoothed idf. Its columns are numbered in that order too, not in
    sorted n-gram order as there: a column's number changes no value, and then
    each row's entries are simply its columns in ascending order.
    """
    counts = [Counter(chain.from_iterable(map(_word_ngrams, text.lower().split()))) for text in texts]
    column = dict(zip(dict.fromkeys(chain.from_iterable(counts)), count()))
    if not column:  # only whitespace: no n-gram at all
        return sparse.csr_matrix((len(texts), 1))
    shape = (len(texts), len(column))
    lengths = np.fromiter(map(len, counts), dtype=np.int64, count=len(counts))
    entries = int(lengths.sum())
    columns = np.fromiter(map(column.__getitem__, chain.from_iterable(counts)), dtype=np.int64, count=entries)
    tf = np.fromiter(chain.from_iterable(row.values() for row in counts), dtype=np.float64, count=entries)
    order = np.argsort(np.repeat(np.arange(shape[0]) * shape[1], lengths) + columns)  # by row, then column
    columns = columns[order].astype(np.int32)
    values = tf[order] * idf(columns, shape)[columns]
    indptr = np.concatenate(([0], np.cumsum(lengths))).astype(np.int32)
    return l2_normalized(sparse.csr_matrix((values, columns, indptr), shape=shape))


_NGRAM_SIZES = (2, 3, 4)


@lru_cache(maxsize=1 << 16)
def _word_ngrams(word: str) -> tuple[str, ...]:
    """N-grams of a word padded with a space on both sides; a word shorter than an
    n-gram counts once, whole, and has no longer n-grams."""
    padded = f" {word} "
    grams: list[str] = []
    for n in _NGRAM_SIZES:
        if len(padded) <= n:
            grams.append(padded)
            break
        grams += (padded[start:start + n] for start in range(len(padded) - n + 1))
    return tuple(grams)


def _similarity_graph(vectors: sparse.csr_matrix) -> sparse.csr_matrix:
    """Cosine similarities of sentences at most WINDOW apart, without self-loops."""
    n = vectors.shape[0]
    rows, cols, values = [], [], []
    for start in range(0, n, WINDOW):
        stop = min(n, start + WINDOW)
        lo, hi = max(0, start - WINDOW), min(n, stop + WINDOW)
        block = (vectors[start:stop] @ vectors[lo:hi].T).tocoo()
        r, c = block.row + start, block.col + lo
        keep = (r != c) & (np.abs(r - c) <= WINDOW)
        rows.append(r[keep])
        cols.append(c[keep])
        values.append(block.data[keep])
    return sparse.csr_matrix(
        (np.concatenate(values), (np.concatenate(rows), np.concatenate(cols))), shape=(n, n)
    )


def _lexrank(similarity: sparse.csr_matrix, iterations: int = 100, tolerance: float = 1e-9) -> np.ndarray:
    """Stationary distribution of a random walk on the similarity graph (PageRank)."""
    n = similarity.shape[0]
    out_weight = np.asarray(similarity.sum(axis=1)).ravel()
    dangling = out_weight == 0  # a sentence like no other: the walk jumps anywhere
    scale = np.divide(1.0, out_weight, out=np.zeros(n), where=~dangling)
    # Each row times its scale: what multiplying by a diagonal matrix gives, without its cost.
    transition = sparse.csr_matrix((similarity.data * np.repeat(scale, np.diff(similarity.indptr)),
                                    similarity.indices, similarity.indptr), shape=similarity.shape)
    transition_t = transition.T.tocsr()
    rank = np.full(n, 1.0 / n)
    for _ in range(iterations):
        updated = DAMPING * (transition_t @ rank + rank[dangling].sum() / n) + (1.0 - DAMPING) / n
        if np.abs(updated - rank).sum() < tolerance:
            return updated
        rank = updated
    return rank


def _position_prior(positions: np.ndarray, n: int) -> np.ndarray:
    """1 for the first of n statements, halving every POSITION_HALF_LIFE of the article (every
    statement in articles shorter than 1 / POSITION_HALF_LIFE); `positions`: the statements before each sentence."""
    return 0.5 ** (positions / max(1.0, POSITION_HALF_LIFE * n))


def _blend(centrality: np.ndarray, prior: np.ndarray) -> np.ndarray:
    peak = centrality.max()
    relative = centrality / peak if peak > 0 else centrality
    return (1.0 - POSITION_WEIGHT) * relative + POSITION_WEIGHT * prior


def _max_similarity(vectors: sparse.csr_matrix, graph: sparse.csr_matrix, i: int, chosen: list[int]) -> float:
    """Largest cosine of sentence i with a chosen one: read from the graph for neighbours
    (the same products, added in the same order), computed for sentences further apart."""
    near = dict(zip(graph.indices[graph.indptr[i]:graph.indptr[i + 1]].tolist(),
                    graph.data[graph.indptr[i]:graph.indptr[i + 1]].tolist()))
    best = max((near.get(j, 0.0) for j in chosen if abs(i - j) <= WINDOW), default=0.0)
    far = [j for j in chosen if abs(i - j) > WINDOW]
    return max(best, float((vectors[far] @ vectors[i].T).max())) if far else best
