"""Evaluate event grouping on a labelled JSONL set (see benchmarks/data/README.md).

    python benchmarks/grouping.py benchmarks/data/grouping-dev.jsonl
    python benchmarks/grouping.py benchmarks/data/grouping-dev.jsonl --errors
    python benchmarks/grouping.py benchmarks/data/grouping-dev.jsonl --scale 10000
    python benchmarks/grouping.py benchmarks/data/grouping-dev.jsonl benchmarks/data/grouping-dev2.jsonl --fit

Prints pairwise precision, recall and F1 (over all pairs of articles: a pair is positive
when both articles are in one event) and the number of hard-negative pairs merged (pairs
whose events are labelled as related but different happenings).  `--scale N` instead
times grouping of N articles made by copying the set, each event on its own day of a year.
`--fit` prints the weights of generator/group.py's model fitted on the set's candidate pairs
(L2-regularised logistic regression, C = 1, as scikit-learn's default).  Given several sets
(each one day or two of news, grouped on its own), it prints each set's figures, the
pooled ones (of the pairs of all sets) and the mean of the sets' F1 (macro F1, each day
counted once), and fits on the candidate pairs of all of them.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time

import numpy as np
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.analyze.analysis import analyze_article  # noqa: E402
from generator.group import GroupingInput, GroupingSettings, group_articles, week_blocks, pair_features  # noqa: E402


@dataclass(frozen=True)
class Labelled:
    article: GroupingInput
    event: str
    hard_negative_of: frozenset[str]


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    bcubed_precision: float  # per article, so that one large event does not dominate
    bcubed_recall: float
    hard_negatives_merged: int
    merged_hard_negative_events: list[tuple[str, str]]
    true_positives: int
    predicted_pairs: int
    gold_pairs: int


def load(path: Path) -> list[Labelled]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [
        Labelled(grouping_input(row), row["event"], frozenset(row.get("hard_negative_of", ())))
        for row in rows
    ]


def grouping_input(row: dict[str, str]) -> GroupingInput:
    """The input the build gives the group stage: lead and entities from the analysis."""
    analysis = analyze_article(row["title"], row["text"])
    return GroupingInput(
        article_id=row["id"],
        title=row["title"],
        lead=analysis.lead,
        body=row["text"],
        published=date.fromisoformat(row["date"]) if row.get("date") else None,
        pinned_event=None,
        entities=frozenset(entity.name for entity in analysis.entities),
    )


def score(labelled: list[Labelled], predicted: list[list[str]]) -> Scores:
    gold = {item.article.article_id: item for item in labelled}
    predicted_pairs = {frozenset(pair) for group in predicted for pair in combinations(group, 2)}
    by_event: dict[str, list[str]] = defaultdict(list)
    for item in labelled:
        by_event[item.event].append(item.article.article_id)
    gold_pairs = {frozenset(pair) for ids in by_event.values() for pair in combinations(ids, 2)}
    true_positives = len(predicted_pairs & gold_pairs)
    precision = true_positives / len(predicted_pairs) if predicted_pairs else 1.0
    recall = true_positives / len(gold_pairs) if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    merged: list[tuple[str, str]] = []
    for pair in predicted_pairs:
        a, b = sorted((gold[i] for i in pair), key=lambda item: item.event)
        if b.event in a.hard_negative_of or a.event in b.hard_negative_of:
            merged.append((a.event, b.event))
    bcubed_precision, bcubed_recall = _bcubed(gold, by_event, predicted)
    return Scores(precision, recall, f1, bcubed_precision, bcubed_recall, len(merged), sorted(set(merged)),
                  true_positives, len(predicted_pairs), len(gold_pairs))


def pooled(scores: list[Scores]) -> tuple[float, float, float, int]:
    """Pairwise precision, recall, F1 and hard-negative pairs merged over the pairs of several sets."""
    true_positives = sum(s.true_positives for s in scores)
    predicted, gold = sum(s.predicted_pairs for s in scores), sum(s.gold_pairs for s in scores)
    precision = true_positives / predicted if predicted else 1.0
    recall = true_positives / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, sum(s.hard_negatives_merged for s in scores)


def _bcubed(
    gold: dict[str, Labelled], by_event: dict[str, list[str]], predicted: list[list[str]]
) -> tuple[float, float]:
    precision = recall = 0.0
    for group in predicted:
        events = Counter(gold[i].event for i in group)
        for article_id in group:
            correct = events[gold[article_id].event]
            precision += correct / len(group)
            recall += correct / len(by_event[gold[article_id].event])
    return precision / len(gold), recall / len(gold)


def print_errors(labelled: list[Labelled], predicted: list[list[str]]) -> None:
    gold = {item.article.article_id: item for item in labelled}
    for group in predicted:
        events = {gold[i].event for i in group}
        if len(events) > 1:
            print("MERGED:", ", ".join(f"{gold[i].event}:{i[-9:]}" for i in group))
    by_event: dict[str, set[int]] = defaultdict(set)
    for index, group in enumerate(predicted):
        for article_id in group:
            by_event[gold[article_id].event].add(index)
    for event, groups in sorted(by_event.items()):
        if len(groups) > 1:
            sizes = sorted((sum(gold[i].event == event for i in predicted[g]) for g in groups), reverse=True)
            print(f"SPLIT: {event} {sizes}")


def scaled(labelled: list[Labelled], size: int) -> list[GroupingInput]:
    """Copies of the set with every event moved to its own day of a year, so that the
    articles are spread over the year like a real archive and copies never meet."""
    articles: list[GroupingInput] = []
    copy = 0
    while len(articles) < size:
        for item in labelled[: size - len(articles)]:
            article = item.article
            digest = hashlib.sha256(f"{item.event}/{copy}".encode()).digest()
            shift = timedelta(days=int.from_bytes(digest[:4], "big") % 365)
            articles.append(
                replace(
                    article,
                    article_id=f"{article.article_id}-copy{copy}",
                    published=article.published + shift if article.published else None,
                )
            )
        copy += 1
    return articles


def fit(sets: list[list[Labelled]], settings: GroupingSettings, c: float = 1.0) -> tuple[np.ndarray, float]:
    """Weights and bias of the model, fitted on the candidate pairs of labelled sets (each grouped on its own)."""
    rows, labels = [], []
    for labelled in sets:
        event = {item.article.article_id: item.event for item in labelled}
        for block in week_blocks([item.article for item in labelled], settings):
            left, right, features = pair_features(block)
            rows.append(features)
            labels.extend(event[i] == event[j] for i, j in zip(left, right))
    return logistic_regression(np.vstack(rows), np.array(labels, dtype=np.float64), c)


def logistic_regression(x: np.ndarray, y: np.ndarray, c: float, steps: int = 100) -> tuple[np.ndarray, float]:
    """Newton's method on C·(log loss) + ½|w|² (the bias not penalised)."""
    design = np.column_stack([x, np.ones(len(x))])
    penalty = np.diag([1.0] * x.shape[1] + [0.0])
    theta = np.zeros(design.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(design @ theta)))
        gradient = c * design.T @ (p - y) + penalty @ theta
        hessian = c * (design.T * (p * (1 - p))) @ design + penalty
        step = np.linalg.solve(hessian, gradient)
        theta -= step
        if np.abs(step).max() < 1e-10:
            break
    return theta[:-1], float(theta[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", type=Path, nargs="+", metavar="path")
    parser.add_argument("--threshold", type=float, help="override GroupingSettings.similarity_threshold")
    parser.add_argument("--errors", action="store_true", help="list merged and split events")
    parser.add_argument("--scale", type=int, help="time grouping of this many copied articles instead")
    parser.add_argument("--fit", action="store_true", help="print the model's weights fitted on these sets instead")
    args = parser.parse_args()

    sets = [load(path) for path in args.paths]
    settings = GroupingSettings()
    if args.threshold is not None:
        settings = replace(settings, similarity_threshold=args.threshold)
    if args.fit:
        weights, bias = fit(sets, settings)
        print(f"_WEIGHTS = np.array([{', '.join(f'{w:.2f}' for w in weights)}])\n_BIAS = {bias:.2f}")
        return
    if args.scale:
        articles = scaled([item for labelled in sets for item in labelled], args.scale)
        started = time.perf_counter()
        events = group_articles(articles, settings)
        elapsed = time.perf_counter() - started
        print(f"{len(articles)} articles -> {len(events)} events in {elapsed:.2f} s")
        return

    results = [evaluate(path, labelled, settings, args.errors) for path, labelled in zip(args.paths, sets)]
    if len(results) > 1:
        precision, recall, f1, merged = pooled(results)
        print(f"\npooled over {len(results)} sets: pairwise precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  "
              f"hard-negative pairs merged: {merged}")
        print(f"macro F1 (each set counted once): {sum(r.f1 for r in results) / len(results):.3f}")


def evaluate(path: Path, labelled: list[Labelled], settings: GroupingSettings, errors: bool) -> Scores:
    """Groups one set on its own and prints its figures."""
    started = time.perf_counter()
    events = group_articles([item.article for item in labelled], settings)
    elapsed = time.perf_counter() - started
    predicted = [list(event.article_ids) for event in events]
    result = score(labelled, predicted)
    gold_events = len({item.event for item in labelled})
    print(f"{path.name}: {len(labelled)} articles, {gold_events} labelled events, {len(events)} predicted, {elapsed:.2f} s")
    print(f"pairwise precision {result.precision:.3f}  recall {result.recall:.3f}  F1 {result.f1:.3f}")
    print(f"B-cubed precision {result.bcubed_precision:.3f}  recall {result.bcubed_recall:.3f}")
    print(f"hard-negative pairs merged: {result.hard_negatives_merged}")
    for a, b in result.merged_hard_negative_events:
        print(f"  {a} + {b}")
    if errors:
        print_errors(labelled, predicted)
    return result


if __name__ == "__main__":
    main()
