"""TF-IDF weighting shared by the summary and the comparison.

Written with numpy instead of scikit-learn's vectorizer, which spends most of its
time in pure Python; both functions reproduce scikit-learn's numbers to the last bit.
"""
from __future__ import annotations

import numpy as np
from scipy import sparse


def idf(columns: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """Smoothed inverse document frequency of each column: ln((1 + rows) / (1 + df)) + 1."""
    df = np.bincount(columns, minlength=shape[1]).astype(np.float64)
    df += 1.0
    weights = np.full_like(df, fill_value=shape[0] + 1)
    weights /= df
    np.log(weights, out=weights)
    weights += 1.0
    return weights


def l2_normalized(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """Each row divided by its Euclidean norm (rows of zeros left as they are)."""
    lengths = np.diff(matrix.indptr)
    # Rows padded with zeros, squares added along each row one by one (cumsum) in stored order.
    squares = np.zeros((len(lengths), max(1, int(lengths.max(initial=0)))))
    squares[np.arange(squares.shape[1]) < lengths[:, None]] = matrix.data * matrix.data
    norms = np.repeat(np.sqrt(np.cumsum(squares, axis=1)[:, -1]), lengths)
    values = np.divide(matrix.data, norms, out=matrix.data.copy(), where=norms != 0)
    return sparse.csr_matrix((values, matrix.indices, matrix.indptr), shape=matrix.shape)


def sublinear_tfidf(tf: sparse.csr_matrix) -> sparse.csr_matrix:
    """Rows of term counts weighted as (1 + ln tf) × idf and L2-normalized: scikit-learn's
    TfidfTransformer(sublinear_tf=True)."""
    values = np.log(tf.data)
    values += 1.0
    values *= idf(tf.indices, tf.shape)[tf.indices]
    return l2_normalized(sparse.csr_matrix((values, tf.indices, tf.indptr), shape=tf.shape))
