"""Cited sources found in real news, against a reader's labels.

    python benchmarks/sources.py benchmarks/data/sources-labelled.jsonl
    python benchmarks/sources.py benchmarks/data/sources-labelled.jsonl --errors   # print every error

Each article of the set (one JSON object a line: `id`, `outlet`, `title`, `text`, `sources`,
`note`; benchmarks/data/README.md) is read as a build reads it (cleaned of page furniture, one
line a paragraph in SaudiNewsNet) and analysed by `analyze_article`. Its labelled sources
(`name`, `kind`, `cue`, `first_sentence_text`, optional `aliases` and `ambiguous`) are matched
one to one with the article's `cited_sources`:

- a found source names a labelled one when, the found name and the label's name or one of its
  aliases (other mentions of the same source in the article: كيري for وزير الخارجية الأمريكي جون
  كيري, «بيان» for the office that spoke in it) normalised with `normalize_for_matching` and split
  into words (a few function words dropped: في، من، على، عن، إلى، لـ، و، بن …), the words of one are
  all among the words of the other, or the words they share are at least half of the longer's and
  at least two;
- pairs are taken best first (containment before a partial share, then the share of the longer
  name's words), each label and each found entry in one pair at most;
- a found entry left over that names an already matched label is the same source cited again
  (the code lists a source once a sentence) and counts neither way; left-over entries that name
  each other count as one false positive.

Prints source precision, recall and F1, and among matched sources how often the found kind is
the labelled one, how many matched through an alias only, and how many names span the label's words
exactly (not running on into what follows, nor cut short), and how many the article lists under two names or
more (a reader sees each as a source) (the code has five kinds: media, official, anonymous, social, document; the
labels add person, organization and other, which no found kind can agree with). Then the same
without the labels marked ambiguous (and the found entries matched to them), and restricted to
the labelled kinds the code looks for (media, official, anonymous, social, document), with
per-kind recall. `--errors` prints each miss, false positive and kind disagreement with the
article id and the sentence (and, as ALIAS, a match of the right kind made through an alias; as NAME, one
whose name runs on or is cut short).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.labelled import (  # noqa: E402
    analysed,
    detection_counts,
    matching_words,
    print_detection,
    read_rows,
    short,
)
from generator.analyze.analysis import ArticleAnalysis  # noqa: E402
from generator.analyze.entities import CitedSource  # noqa: E402
from generator.analyze.normalize import normalize_for_matching  # noqa: E402

SHARED = 0.5  # share of the longer name's words that a partial match must have
CODE_KINDS = frozenset({"media", "official", "anonymous", "social", "document"})
_FUNCTION_WORDS = frozenset(normalize_for_matching(word) for word in (
    "في", "من", "على", "عن", "إلى", "الى", "و", "ل", "لـ", "ب", "بن", "ابن", "آل", "التي", "الذي"))


@dataclass(frozen=True)
class Labelled:
    name: str
    kind: str
    cue: str
    first_sentence: str
    aliases: tuple[str, ...]
    ambiguous: bool

    @property
    def mentions(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Article:
    id: str
    labels: tuple[Labelled, ...]
    analysis: ArticleAnalysis


@dataclass(frozen=True)
class Pair:
    article: Article
    label: Labelled | None  # None: a false positive
    found: CitedSource | None  # None: a miss
    repeats: int = 0  # further found entries of the same source
    names: int = 1  # distinct names among the found entry and its repeats: a reader sees each as a source

    @property
    def via_alias(self) -> bool:
        """Matched through one of the label's aliases only (a bare «بيان» for the minister who spoke in it)."""
        return self.label is not None and self.found is not None and name_score(self.found.name, self.label.name) is None

    @property
    def extent(self) -> str | None:
        """How the found name spans the labelled one: "whole" (the same words as the label or an alias),
        "longer" (it runs on into what follows), "shorter" (cut inside the name) or "partial"."""
        if self.label is None or self.found is None:
            return None
        found = words(self.found.name)
        mentions = [words(mention) for mention in self.label.mentions]
        if found in mentions:
            return "whole"
        if any(found > mention for mention in mentions):
            return "longer"
        if any(found < mention for mention in mentions):
            return "shorter"
        return "partial"

    @property
    def kind_agrees(self) -> bool:
        return self.label is not None and self.found is not None and self.label.kind == self.found.kind


def words(text: str) -> frozenset[str]:
    return frozenset(w for w in matching_words(text) if w not in _FUNCTION_WORDS)


def name_score(found: str, mention: str) -> tuple[int, float] | None:
    """(1 if one name's words contain the other's, else 0; share of the longer's words), or None: no match."""
    first, second = words(found), words(mention)
    if not first or not second:
        return None
    shared = len(first & second)
    longer = shared / max(len(first), len(second))
    if first <= second or second <= first:
        return 1, longer
    if shared >= 2 and longer >= SHARED:
        return 0, longer
    return None


def source_score(found: str, label: Labelled) -> tuple[int, float] | None:
    """The best score of the found name against the label's name and aliases."""
    scores = [score for mention in label.mentions if (score := name_score(found, mention))]
    return max(scores) if scores else None


def load(path: Path) -> list[Article]:
    return [Article(row["id"], tuple(_labelled(s) for s in row["sources"]), analysed(row)) for row in read_rows(path)]


def _labelled(source: dict) -> Labelled:
    return Labelled(source["name"], source["kind"], source["cue"], source["first_sentence_text"],
                    tuple(source.get("aliases", ())), bool(source.get("ambiguous")))


def match(article: Article) -> list[Pair]:
    """Labelled and found sources paired one to one, best first; repeats of a matched source fold into its
    pair, the rest are misses and false positives (one per distinct name)."""
    found = article.analysis.cited_sources
    candidates = []
    for i, label in enumerate(article.labels):
        for j, source in enumerate(found):
            if score := source_score(source.name, label):
                candidates.append((score, -j, i, j))  # earlier found entries first among equals
    labels_used: dict[int, int] = {}
    found_used: set[int] = set()
    for _, _, i, j in sorted(candidates, reverse=True):
        if i not in labels_used and j not in found_used:
            labels_used[i] = j
            found_used.add(j)
    repeats: Counter[int] = Counter()
    names = {i: {found[j].name} for i, j in labels_used.items()}
    false_positives: list[CitedSource] = []
    for j, source in enumerate(found):
        if j in found_used:
            continue
        again = [i for i in labels_used if source_score(source.name, article.labels[i])]
        if again:
            repeats[again[0]] += 1
            names[again[0]].add(source.name)
        elif not any(name_score(source.name, other.name) for other in false_positives):
            false_positives.append(source)
    pairs = [Pair(article, article.labels[i], found[j], repeats[i], len(names[i])) for i, j in sorted(labels_used.items())]
    pairs += [Pair(article, label, None) for i, label in enumerate(article.labels) if i not in labels_used]
    pairs += [Pair(article, None, source) for source in false_positives]
    return pairs


def counts(pairs: list[Pair]) -> Counter[str]:
    count = detection_counts(pairs)
    count["kind agrees"] = sum(pair.kind_agrees for pair in pairs)
    count["via alias"] = sum(pair.via_alias for pair in pairs)
    count.update(f"name {pair.extent}" for pair in pairs if pair.extent)
    count["listed twice"] = sum(pair.names > 1 for pair in pairs)
    return count


def report(title: str, count: Counter[str]) -> None:
    agrees = count["kind agrees"] / count["matched"] if count["matched"] else 0.0
    print_detection(title, "sources", count)
    print(f"  kinds    agree {count['kind agrees']} of {count['matched']} ({agrees:.2f}); "
          f"{count['via alias']} matched through an alias only")
    print(f"  names    as labelled {count['name whole']} of {count['matched']}; running on {count['name longer']}, "
          f"cut short {count['name shorter']}, overlapping {count['name partial']}; "
          f"listed under two names or more {count['listed twice']}")


def per_kind(pairs: list[Pair]) -> None:
    """Recall by labelled kind, and which kind the code gave the matched ones."""
    print("by labelled kind (matched / labelled; found kinds of the matched):")
    kinds = Counter(pair.label.kind for pair in pairs if pair.label is not None)
    for kind, total in kinds.most_common():
        matched = [pair for pair in pairs if pair.label is not None and pair.label.kind == kind and pair.found]
        given = Counter(pair.found.kind for pair in matched if pair.found is not None)
        print(f"  {kind:<12} {len(matched):>2} / {total:<2}  {dict(given.most_common()) if given else ''}")


def in_scope(pair: Pair) -> bool:
    """The label is of a kind the code looks for; a false positive is always in scope."""
    return pair.label is None or pair.label.kind in CODE_KINDS


def not_ambiguous(pair: Pair) -> bool:
    return pair.label is None or not pair.label.ambiguous


def sentence_of(article: Article, pair: Pair) -> tuple[int, str]:
    """The sentence the found source is cited in; for a miss, the sentence that shares most of the
    labelled sentence's opening words."""
    sentences = article.analysis.sentences
    if pair.found is not None and 0 <= pair.found.sentence_index < len(sentences):
        return pair.found.sentence_index, sentences[pair.found.sentence_index].text
    if pair.label is None or not sentences:
        return -1, ""
    head = words(pair.label.first_sentence)
    best = max(sentences, key=lambda s: len(head & words(s.text)))
    return best.index, best.text


def print_errors(pairs: list[Pair]) -> None:
    for pair in pairs:
        if pair.label is not None and pair.found is not None and pair.kind_agrees and not pair.via_alias \
                and pair.extent == "whole":
            continue
        verdict = "MISSED" if pair.found is None else "FALSE POSITIVE" if pair.label is None else \
            "KIND" if not pair.kind_agrees else "ALIAS" if pair.via_alias else f"NAME {pair.extent}"
        ambiguous = "  (ambiguous)" if pair.label is not None and pair.label.ambiguous else ""
        index, text = sentence_of(pair.article, pair)
        print(f"== {verdict}  {pair.article.id}#{index}{ambiguous}")
        print(f"   sentence: {short(text, 400)}")
        if pair.label is not None:
            print(f"   labelled: {pair.label.name} ({pair.label.kind}, cue {pair.label.cue})")
        if pair.found is not None:
            print(f"   found:    {pair.found.name} ({pair.found.kind}, cue {pair.found.cue})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path)
    parser.add_argument("--errors", action="store_true", help="print each miss, false positive and kind disagreement")
    args = parser.parse_args()

    articles = load(args.path)
    pairs = [pair for article in articles for pair in match(article)]
    if args.errors:
        print_errors(pairs)
        print()
    repeats = sum(pair.repeats for pair in pairs)
    print(f"{len(articles)} articles, {sum(len(a.analysis.cited_sources) for a in articles)} found entries "
          f"({repeats} repeats of a matched source)")
    report("all labels", counts(pairs))
    report("without ambiguous labels", counts([pair for pair in pairs if not_ambiguous(pair)]))
    report("labelled kinds the code looks for (media, official, anonymous, social, document)",
           counts([pair for pair in pairs if in_scope(pair)]))
    per_kind(pairs)


if __name__ == "__main__":
    main()
