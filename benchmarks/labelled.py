"""What the benchmarks of labelled SaudiNewsNet articles share: reading a set, reading an article as a
build reads it, and the figures of what was found against what a reader labelled."""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import regex

from generator.analyze.analysis import ArticleAnalysis, analyze_article
from generator.analyze.normalize import normalize_for_matching
from generator.clean import clean_article_text

_WORD = regex.compile(r"[\p{L}\p{N}]+")


def read_rows(path: Path) -> list[dict]:
    """The JSON objects of a labelled set, one a line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def built_body(row: dict) -> str:
    """The article's body as a build reads it: cleaned of page furniture, one line a paragraph in SaudiNewsNet."""
    return clean_article_text(row["text"].replace("\n", "\n\n"), row["title"], pasted=False).body


def analysed(row: dict) -> ArticleAnalysis:
    return analyze_article(row["title"], built_body(row))


def matching_words(text: str) -> list[str]:
    """The words of a text, normalised for matching."""
    return _WORD.findall(normalize_for_matching(text))


def detection_counts(pairs: Iterable[Any]) -> Counter[str]:
    """Of pairs with a `label` (None: a false positive) and a `found` (None: a miss): how many are matched,
    missed and false positives."""
    count: Counter[str] = Counter()
    for pair in pairs:
        count["false positive" if pair.label is None else "missed" if pair.found is None else "matched"] += 1
    return count


def print_detection(title: str, what: str, count: Counter[str]) -> None:
    """The two lines of labelled, found and matched, and their precision, recall and F1."""
    found = count["matched"] + count["false positive"]
    labelled = count["matched"] + count["missed"]
    precision = count["matched"] / found if found else 0.0
    recall = count["matched"] / labelled if labelled else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"{title}: {labelled} labelled, {found} found, {count['matched']} matched")
    print(f"  {what:<7}  precision {precision:.2f}  recall {recall:.2f}  F1 {f1:.2f}")


def short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + " …"
