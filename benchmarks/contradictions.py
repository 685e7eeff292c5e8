"""Precision of the contradictions an event page shows, on labelled days of real news.

    python benchmarks/contradictions.py benchmarks/data/grouping-dev.jsonl benchmarks/data/grouping-dev2.jsonl
    python benchmarks/contradictions.py benchmarks/data/grouping-dev2.jsonl --unjudged   # print the ones to read
    python benchmarks/contradictions.py benchmarks/data/grouping-dev2.jsonl --as-built   # what a reader sees

Each labelled event of the sets (benchmarks/data/README.md) is compared as the build compares
an event, with the repository's site_config.yml (terminology), so that grouping errors do not
count here; with `--as-built`, each set's articles are grouped first as a build groups them, so
that the contradictions of related happenings the grouping merged count too. Every contradiction found is looked up in benchmarks/data/contradictions.jsonl,
where a reader judged it (one JSON object a line: `for` and `against`, the first statement of
each side as `article-id#sentence-index`, `kind`, `true`, `why`). Prints, per kind, how many
were found, how many were judged true and false, how many are not judged yet, and the
precision of the judged ones. A contradiction is a pair of statements, so a code change that
finds the same pair again keeps its judgement; a new pair is printed with `--unjudged`.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.labelled import built_body, read_rows  # noqa: E402
from generator.analyze.analysis import ArticleAnalysis, analyze_article  # noqa: E402
from generator.compare import Contradiction, compare_event  # noqa: E402
from generator.config import load_config  # noqa: E402
from generator.group import EventGroup, GroupingInput, group_articles  # noqa: E402
from generator.ingest import Article  # noqa: E402

JUDGEMENTS = ROOT / "benchmarks" / "data" / "contradictions.jsonl"


@dataclass(frozen=True)
class Found:
    kind: str
    event: str
    statement: str  # article-id#sentence-index of the first statement of the first side
    against: str  # and of the other side
    texts: tuple[str, str]
    marked: tuple[tuple[str, ...], tuple[str, ...]]  # the words of each text that take the sides

    @property
    def key(self) -> tuple[str, str, str]:
        return self.kind, self.statement, self.against


def contradictions(path: Path, as_built: bool = False) -> list[Found]:
    """Every contradiction of the events of a set with articles of two outlets or more: its labelled
    events, or the events a build makes of its articles."""
    rows = read_rows(path)
    terminology = load_config(ROOT / "site_config.yml").terminology
    articles = {row["id"]: _article(row) for row in rows}
    analyses = {id: analyze_article(a.title, a.body) for id, a in articles.items()}
    events = _built_events(articles, analyses) if as_built else _labelled_events(rows)
    found = []
    for event in events:
        if len({articles[id].outlet for id in event.article_ids}) < 2:
            continue
        members = {id: articles[id] for id in event.article_ids}
        comparison = compare_event(event, members, {id: analyses[id] for id in members}, terminology)
        found += [_found(event.slug, contradiction) for contradiction in comparison.contradictions]
    return found


def _labelled_events(rows: list[dict]) -> list[EventGroup]:
    by_event: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        by_event[row["event"]].append(row["id"])
    return [EventGroup(event, tuple(ids)) for event, ids in sorted(by_event.items())]


def _built_events(articles: dict[str, Article], analyses: dict[str, ArticleAnalysis]) -> list[EventGroup]:
    """The events of the build's grouping, with its default settings, from what the build gives it."""
    return group_articles([GroupingInput(id, a.title, analyses[id].lead, a.body, a.published, None,
                                         frozenset(entity.name for entity in analyses[id].entities))
                           for id, a in articles.items()])


def _article(row: dict) -> Article:
    """The article as a build reads it: cleaned of page furniture, one line a paragraph in SaudiNewsNet."""
    body = built_body(row)
    published = date.fromisoformat(row["date"]) if row.get("date") else None
    return Article(row["id"], Path(f"{row['id']}.md"), row["title"], None, body, row["outlet"], row.get("url"),
                   published, None, None, (), row["id"])


def _found(event: str, contradiction: Contradiction) -> Found:
    against = set(contradiction.against)
    first = next(claim for claim in contradiction.claims if claim.ref.article_id not in against)
    other = next(claim for claim in contradiction.claims if claim.ref.article_id in against)
    return Found(contradiction.kind, event, f"{first.ref.article_id}#{first.ref.sentence_index}",
                 f"{other.ref.article_id}#{other.ref.sentence_index}", (first.ref.text, other.ref.text),
                 (first.marked_words, other.marked_words))


def load_judgements(path: Path) -> dict[tuple[str, str, str], bool]:
    if not path.exists():
        return {}
    rows = read_rows(path)
    return {(row["kind"], row["for"], row["against"]): row["true"] for row in rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", type=Path, nargs="+", metavar="path")
    parser.add_argument("--unjudged", action="store_true", help="print the contradictions not judged yet, as JSON lines")
    parser.add_argument("--as-built", action="store_true", help="compare the events the build's grouping makes")
    args = parser.parse_args()

    judged = load_judgements(JUDGEMENTS)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for path in args.paths:
        for found in contradictions(path, args.as_built):
            verdict = judged.get(found.key)
            counts[found.kind]["found"] += 1
            counts[found.kind]["unjudged" if verdict is None else "true" if verdict else "false"] += 1
            if verdict is None and args.unjudged:
                print(json.dumps({"kind": found.kind, "for": found.statement, "against": found.against,
                                  "event": found.event, "texts": found.texts, "marked": found.marked}, ensure_ascii=False))
    total: Counter[str] = sum(counts.values(), Counter())
    print(f"{'kind':<10} {'found':>6} {'true':>6} {'false':>6} {'unjudged':>9} {'precision':>10}")
    for kind, count in [*sorted(counts.items()), ("all", total)]:
        judged_count = count["true"] + count["false"]
        precision = f"{count['true'] / judged_count:.2f}" if judged_count else "-"
        print(f"{kind:<10} {count['found']:>6} {count['true']:>6} {count['false']:>6} {count['unjudged']:>9} {precision:>10}")


if __name__ == "__main__":
    main()
