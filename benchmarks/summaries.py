"""Score our extractive summaries against human ones, beside the LEAD baseline.

    .venv/bin/python benchmarks/summaries.py /work/shared/data/easc-dev.jsonl

The input is JSONL with `id`, `text` (the article) and `summaries` (human
extractive summaries, e.g. EASC). Sentences for every system come from
`split_sentences` on `text`. Scores are ROUGE-1 / ROUGE-2 F1 x 100 on
Arabic-normalised tokens; an article's score is the mean of its F1 against
each reference (benchmarks/rouge.py), and a set's score the mean over its
articles. Rows:

- ours:     `summarize` with its default length;
- lead:     the first sentences, as many as ours chose (same length: the fair test);
- lead 30%: the first 30 % of the sentences, the reference length of
            shared/data/README.md, rounded down and to nearest (the rounding
            alone moves LEAD by points: articles have ~15 sentences);
- human:    each reference scored against the other references, which checks
            the scorer itself, as it does not depend on sentence splitting
            (README: ROUGE-1 49.1, ROUGE-2 42.2).

So that the defaults are not fitted to noise, the articles are split into two
halves by id: "tune" (the only half used to choose parameters) and
"held-out"; both are reported, then all. The last line sums up all articles.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import fmean, median

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.rouge import rouge_n_multi  # noqa: E402
from generator.analyze.sentences import label_indexes, split_sentences  # noqa: E402
from generator.analyze.summary import summarize  # noqa: E402

LEAD_RATIO = 0.3


@dataclass(frozen=True)
class Scores:
    rouge_1: float
    rouge_2: float


@dataclass(frozen=True)
class ArticleResult:
    id: str
    systems: dict[str, Scores]
    seconds: float  # time spent in summarize


def score(candidate: str, references: Sequence[str]) -> Scores:
    return Scores(rouge_n_multi(candidate, references, 1), rouge_n_multi(candidate, references, 2))


def human_agreement(references: Sequence[str]) -> Scores:
    """Mean score of each reference against the others."""
    scores = [
        score(reference, [other for j, other in enumerate(references) if j != i])
        for i, reference in enumerate(references)
    ]
    return Scores(fmean(s.rouge_1 for s in scores), fmean(s.rouge_2 for s in scores))


def evaluate(article: dict) -> ArticleResult:
    split = split_sentences(article["text"])
    sentences = [sentence.text for sentence in split]
    references = article["summaries"]
    started = time.perf_counter()
    chosen = summarize(sentences, labels=label_indexes(split))
    seconds = time.perf_counter() - started

    def first(count: int) -> Scores:
        return score("\n".join(sentences[:count]), references)

    return ArticleResult(
        article["id"],
        {
            "ours": score("\n".join(sentences[i] for i in chosen), references),
            "lead": first(len(chosen)),
            "lead 30% down": first(max(1, math.floor(LEAD_RATIO * len(sentences)))),
            "lead 30% nearest": first(max(1, math.floor(LEAD_RATIO * len(sentences) + 0.5))),
            "human": human_agreement(references),
        },
        seconds,
    )


def tuning_half(results: Sequence[ArticleResult]) -> set[str]:
    """Ids of every other article in id order (EASC ids are hashes: a random split)."""
    return set(sorted(result.id for result in results)[::2])


def mean_scores(results: Sequence[ArticleResult], system: str) -> Scores:
    picked = [result.systems[system] for result in results]
    return Scores(100 * fmean(s.rouge_1 for s in picked), 100 * fmean(s.rouge_2 for s in picked))


def report(name: str, results: Sequence[ArticleResult]) -> None:
    print(f"{name} ({len(results)} articles)")
    for system in results[0].systems if results else ():
        scores = mean_scores(results, system)
        print(f"  {system:17} ROUGE-1 {scores.rouge_1:5.1f}  ROUGE-2 {scores.rouge_2:5.1f}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="JSONL with id, text and summaries")
    args = parser.parse_args(argv)
    with args.data.open(encoding="utf-8") as lines:
        articles = [json.loads(line) for line in lines if line.strip()]
    summarize(["A first call pays one-off costs (lazy imports, regex compiling)."])
    results = [evaluate(article) for article in articles]

    tuning = tuning_half(results)
    report("tune half", [r for r in results if r.id in tuning])
    report("held-out half", [r for r in results if r.id not in tuning])
    report("all", results)
    times = [1000 * result.seconds for result in results]
    print(f"summarize: median {median(times):.1f} ms, max {max(times):.1f} ms per article")
    ours, lead = mean_scores(results, "ours"), mean_scores(results, "lead")
    print(
        f"ROUGE-1 {ours.rouge_1:.1f} ROUGE-2 {ours.rouge_2:.1f} "
        f"LEAD-1 {lead.rouge_1:.1f} LEAD-2 {lead.rouge_2:.1f}"
    )


if __name__ == "__main__":
    main()
